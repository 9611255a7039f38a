// `train --topics --data`: a survey team retrains the topic tagger on its own labelled records.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTopicCorpus, readTopicFile } from '../../src/classify/topics-train.js';
import { compileTopicModel, parseTopicModel, tagTopics } from '../../src/classify/topics.js';
import { termCounts } from '../../src/classify/model.js';
import { runCli } from '../helpers/cli.js';
import { TOPIC_RECORDS, jsonl } from '../helpers/topic-records.js';

const dir = mkdtempSync(join(tmpdir(), 'comune-audit-topics-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RECORDS = TOPIC_RECORDS;

describe('train --topics --data', () => {
  const data = join(dir, 'team.jsonl');
  writeFileSync(data, jsonl(RECORDS));

  it('reads ids and labels of the vocabulary, and trains on the records alone, saying which topics it can never give', async () => {
    expect(readTopicFile(data).map((record) => record.topics)).toEqual([['gestione-rifiuti'], ['istruzione'], ['parcheggi'], ['gestione-rifiuti'], ['istruzione'], ['parcheggi']]);
    const output = join(dir, 'team-model.json');
    const run = await runCli(['train', '--topics', '--data', data, '-o', output, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^61 topics of the 64 have no example in these records and will never be given \(add --with-corpus to start from the shipped corpus\): accesso-all-informazione, /);
    expect(run.stderr).not.toContain('not calibrated');
    expect(run.stderr).toMatch(/topic model written to .*team-model\.json: 6 records, /);
    const model = compileTopicModel(parseTopicModel(readFileSync(output, 'utf8'), output));
    const tags = tagTopics(model, termCounts({ title: 'Nuovo calendario', text: 'Cambia il giorno della raccolta differenziata porta a porta: l’umido passa il venerdì.' }));
    expect(tags[0]?.id).toBe('gestione-rifiuti');
    expect(tags.map((tag) => tag.id)).not.toContain('ambiente');
    // The team's model in use: `classify --topic-model`.
    const notice = join(dir, 'notice.jsonl');
    writeFileSync(notice, jsonl([{ title: 'Iscrizioni aperte', text: 'Si aprono le domande di iscrizione all’asilo nido per settembre; la retta segue l’ISEE.' }]));
    const classified = await runCli(['classify', notice, '--topic-model', output]);
    expect(classified.code).toBe(0);
    expect(JSON.parse(classified.stdout).topics.map((tag: { id: string }) => tag.id)).toEqual(['istruzione']);
    const missing = await runCli(['classify', notice, '--topic-model', join(dir, 'nowhere.json'), '--lang', 'en']);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain(`cannot load the model: ${join(dir, 'nowhere.json')} (ENOENT)`);
    // Retraining is byte-identical.
    const again = join(dir, 'team-model-2.json');
    await runCli(['train', '--topics', '--data', data, '-o', again]);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(output, 'utf8'));
  });

  it('says when the records cannot calibrate the scores (fewer than two sites with whole pages)', async () => {
    const oneSite = join(dir, 'one-site.jsonl');
    writeFileSync(oneSite, jsonl(RECORDS.filter((record) => record.site === 'comune-a.it')));
    const run = await runCli(['train', '--topics', '--data', oneSite, '-o', join(dir, 'one-site-model.json')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('meno di 2 siti con pagine intere');
    expect(JSON.parse(readFileSync(join(dir, 'one-site-model.json'), 'utf8')).threshold).toBe(0.5);
  });

  it('adds the records to the shipped corpus with --with-corpus, every topic then learnable', async () => {
    const output = join(dir, 'with-corpus.json');
    const run = await runCli(['train', '--topics', '--with-corpus', '--data', data, '-o', output, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('no example');
    expect(JSON.parse(readFileSync(output, 'utf8')).documents).toBeGreaterThan(readTopicCorpus().length + RECORDS.length);
  }, 120_000);

  it('reads CSV with topics joined by "|"', () => {
    const csv = join(dir, 'team.csv');
    writeFileSync(csv, `site,title,topics,text\ncomune-c.it,TARI,Gestione rifiuti|tassa-sui-servizi,"La tassa sui rifiuti si paga in due rate, con pagoPA."\n`);
    expect(readTopicFile(csv)).toEqual([{ topics: ['gestione-rifiuti', 'tassa-sui-servizi'], title: 'TARI', site: 'comune-c.it', text: 'La tassa sui rifiuti si paga in due rate, con pagoPA.' }]);
  });

  it.each([
    ['an unknown topic label', { title: 'x', text: 'Testo della pagina.', topics: ['Pippo'] }, /bad\.jsonl:2: unknown topic "Pippo"; use an id or a label of the 64 in data\/topics\/vocabulary\.jsonl/],
    ['an empty text', { title: 'Solo il titolo', text: '  ', topics: ['acqua'] }, /bad\.jsonl:2: "text" is empty; the topic model learns from the page's text/],
    ['no topics field', { title: 'x', text: 'Testo.' }, /bad\.jsonl:2: "topics" is missing: a list of topics of the vocabulary \(id or label\), \[\] for a page without one/],
    ['topics not a list of strings', { title: 'x', text: 'Testo.', topics: [3] }, /bad\.jsonl:2: "topics" must be a list of strings/],
  ])('refuses %s with one line naming the file and line, exit code 4', async (_, record, message) => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, jsonl([RECORDS[0], record]));
    const output = join(dir, 'never.json');
    const run = await runCli(['train', '--topics', '--data', bad, '-o', output, '--lang', 'en']);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(() => readFileSync(output)).toThrow();
  });

  it('refuses a file that holds no record', async () => {
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '\n');
    const run = await runCli(['train', '--topics', '--data', empty, '-o', join(dir, 'empty-model.json')]);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('nessun esempio etichettato: i file dati con --data sono vuoti');
  });
});
