// `eval --model FILE --data …` and `eval --topics --topic-model FILE --data …`: a given model file scored as it is on
// labelled records (what a survey team asks after `train --from-crawl`), nothing retrained.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS_FILES, HELDOUT_FILE, createClassifier, evaluateHeldOut, readLabelledFile, trainModel } from '../../src/classify/index.js';
import { evaluateClassifier } from '../../src/classify/evaluate.js';
import { evaluateTopicModel, evaluateTopics, type TopicEvalReport } from '../../src/classify/topics-eval.js';
import { readTopicCorpus, trainTopicModel } from '../../src/classify/topics-train.js';
import { compileTopicModel } from '../../src/classify/topics.js';
import type { EvalReport } from '../../src/classify/evaluate.js';
import { EXIT } from '../../src/cli/errors.js';
import { runCli } from '../helpers/cli.js';
import { TOPIC_RECORDS, jsonl } from '../helpers/topic-records.js';

const dir = mkdtempSync(join(tmpdir(), 'comune-audit-eval-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string): string => join(dir, name);

/** A deliberately poor category model: six short records of three categories (the others never chosen). */
const POOR_TRAINING = [
  'category,title,text',
  'ambiente,Raccolta rifiuti,"La raccolta differenziata porta a porta: umido, carta, vetro."',
  'ambiente,Isola ecologica,"Orari del centro di raccolta per ingombranti e verde."',
  'turismo,Ufficio turistico,"Visite guidate, itinerari e punti di interesse della città."',
  'turismo,Eventi per i visitatori,"Cosa vedere in città: musei, percorsi e ospitalità."',
  'altro,Privacy,"Informativa sul trattamento dei dati personali e cookie del sito."',
  'altro,Contatti,"Indirizzi, telefoni e posta elettronica certificata del comune."',
].join('\n');

describe('eval --model', () => {
  writeFileSync(path('poor.csv'), POOR_TRAINING);

  it('scores the shipped model on labelled records as it is, in a batch and alone, and a poor model worse', async () => {
    const poor = await runCli(['train', '--data', path('poor.csv'), '--allow-missing-categories', '-o', path('poor.json')]);
    expect(poor.code).toBe(EXIT.ok);
    const shipped = await runCli(['eval', '--model', 'data/classifier/model.json', '--data', HELDOUT_FILE, '--json']);
    const worse = await runCli(['eval', '--model', path('poor.json'), '--data', HELDOUT_FILE, '--json']);
    expect(shipped.code).toBe(EXIT.ok);
    expect(worse.code).toBe(EXIT.ok);
    const [batch, alone] = JSON.parse(shipped.stdout) as EvalReport[];
    const [poorBatch] = JSON.parse(worse.stdout) as EvalReport[];
    expect(batch).toMatchObject({ method: 'given-model', documents: 162 });
    expect(alone.alone).toBe(true);
    expect(batch.macroF1).toBeGreaterThan(0.8);
    expect(poorBatch.macroF1).toBeLessThan(batch.macroF1 - 0.3);
    expect(poorBatch.subjectToAltro).toBeGreaterThan(batch.subjectToAltro);

    const text = await runCli(['eval', '--model', path('poor.json'), '--data', HELDOUT_FILE, '--lang', 'en']);
    expect(text.stdout).toMatch(/^the given model, not retrained: 162 records scored\nmacro-F1 0\.\d{3} /);
    expect(text.stdout).toMatch(/ECE from sample size alone ≈ 0\.\d{3}/);
    expect(text.stdout).toMatch(/pages with a subject put in altro: \d/);
    expect(text.stdout).toContain('reliability (answers in 10 confidence bins');
  });

  it('refuses a bad or missing model file with one line naming it (exit 4), a missing --data (exit 2) and --with-corpus (exit 2)', async () => {
    writeFileSync(path('bad.json'), 'not a model');
    const bad = await runCli(['eval', '--model', path('bad.json'), '--data', HELDOUT_FILE, '--lang', 'en']);
    expect(bad.code).toBe(EXIT.io);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/cannot load the model: .*bad\.json: not a JSON model file/);
    expect(bad.stdout).toBe('');
    const missing = await runCli(['eval', '--model', path('nowhere.json'), '--data', HELDOUT_FILE, '--lang', 'en']);
    expect(missing.code).toBe(EXIT.io);
    expect(missing.stderr).toMatch(/cannot load the model: .*nowhere\.json \(ENOENT\)/);
    const noData = await runCli(['eval', '--model', 'data/classifier/model.json', '--data', path('nowhere.jsonl'), '--lang', 'en']);
    expect(noData.code).toBe(EXIT.io);
    expect(noData.stderr).toMatch(/nowhere\.jsonl/);
    const usage = await runCli(['eval', '--model', 'data/classifier/model.json', '--lang', 'en']);
    expect(usage.code).toBe(EXIT.usage);
    expect(usage.stderr).toMatch(/eval --model and --topic-model need --data/);
    const retrain = await runCli(['eval', '--model', 'data/classifier/model.json', '--with-corpus', '--data', HELDOUT_FILE, '--lang', 'en']);
    expect(retrain.code).toBe(EXIT.usage);
    expect(retrain.stderr).toMatch(/leave out --with-corpus/);
  });

  it('gives what a model trained on the same records scores held out (evaluateHeldOut), as the classifier reads them', () => {
    const train = readLabelledFile(CORPUS_FILES[0]).concat(readLabelledFile(CORPUS_FILES[2]));
    const test = readLabelledFile(HELDOUT_FILE).slice(0, 60);
    const given = evaluateClassifier(createClassifier(trainModel(train)), test);
    const { method: _method, ...heldOut } = evaluateHeldOut(train, test);
    expect(given.batch).toMatchObject(heldOut);
    expect(given.batch.method).toBe('given-model');
    expect(given.alone.documents).toBe(60);
  }, 60_000);
});

describe('eval --topics --topic-model', () => {
  writeFileSync(path('topics.jsonl'), jsonl(TOPIC_RECORDS));
  // Only the waste pages: a model that never gives the other two topics.
  writeFileSync(path('waste-only.jsonl'), jsonl(TOPIC_RECORDS.filter((record) => record.title.includes('raccolta') || record.title.includes('rifiuti'))));

  it('scores the shipped topic model on labelled records, and a poor one worse, with the calibration error and its floor', async () => {
    const poor = await runCli(['train', '--topics', '--data', path('waste-only.jsonl'), '-o', path('poor-topics.json')]);
    expect(poor.code).toBe(EXIT.ok);
    const shipped = await runCli(['eval', '--topics', '--data', path('topics.jsonl'), '--json']);
    const worse = await runCli(['eval', '--topics', '--topic-model', path('poor-topics.json'), '--data', path('topics.jsonl'), '--json']);
    expect(shipped.code).toBe(EXIT.ok);
    const [report] = JSON.parse(shipped.stdout) as TopicEvalReport[];
    const [poorReport] = JSON.parse(worse.stdout) as TopicEvalReport[];
    expect(report).toMatchObject({ method: 'given-model', form: 'records', sites: 2, pages: 6 });
    expect(report.microF1).toBeGreaterThan(0.8);
    expect(poorReport.microF1).toBeLessThan(report.microF1 - 0.3);
    expect(report.calibration!.pairs).toBe(6 * 64);

    const text = await runCli(['eval', '--topics', '--topic-model', path('poor-topics.json'), '--data', path('topics.jsonl'), '--lang', 'en']);
    expect(text.stdout).toMatch(/^topics, the given topic model, not retrained \(records\): 2 sites, 6 pages scored\nmicro-F1 0\.\d{3}/);
    expect(text.stdout).toMatch(/ECE 0\.\d{3} \(exact scores would show 0\.\d{3} on this many\)/);
  });

  it('refuses a bad topic model file with one line naming it (exit 4)', async () => {
    writeFileSync(path('bad-topics.json'), JSON.stringify({ format: 'comune-audit-topics', version: 1 }));
    const bad = await runCli(['eval', '--topics', '--topic-model', path('bad-topics.json'), '--data', path('topics.jsonl'), '--lang', 'en']);
    expect(bad.code).toBe(EXIT.io);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/cannot load the model: .*bad-topics\.json: not a comune-audit topic model/);
    const unlabelled = path('unlabelled.jsonl');
    writeFileSync(unlabelled, jsonl([{ title: 'x', text: 'Testo della pagina.' }]));
    const noTopics = await runCli(['eval', '--topics', '--data', unlabelled, '--lang', 'en']);
    expect(noTopics.code).toBe(EXIT.io);
    expect(noTopics.stderr).toMatch(/unlabelled\.jsonl:1: "topics" is missing/);
  });

  it('scores a held-out site as leave-one-site-out does with the model trained without it', () => {
    const records = readTopicCorpus().filter((record) => ['esempi-scritti', 'vocabolario-argomenti', 'joomla-sebino', 'sportello-brenta'].includes(record.site ?? ''));
    const model = compileTopicModel(trainTopicModel(records.filter((record) => record.site !== 'joomla-sebino')));
    const given = evaluateTopicModel(
      model,
      records.filter((record) => record.site === 'joomla-sebino'),
    );
    const heldOut = evaluateTopics(records, ['joomla-sebino']);
    expect(given.map(({ method: _method, ...report }) => report)).toEqual(heldOut.map(({ method: _method, ...report }) => report));
    expect(given[0].method).toBe('given-model');
  }, 120_000);
});
