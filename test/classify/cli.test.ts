import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClassify } from '../../src/cli/classify.js';
import { runEval } from '../../src/cli/eval.js';
import { runTrain } from '../../src/cli/train.js';
import { CliError, EXIT } from '../../src/cli/errors.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';

const dir = mkdtempSync(join(tmpdir(), 'classify-cli-'));
const path = (name: string) => join(dir, name);
const sink = () => {
  const chunks: string[] = [];
  return { stream: { write: (chunk: string) => chunks.push(chunk) }, text: () => chunks.join('') };
};

const servicePage = (category: string, title: string, body: string) => `<!doctype html><html lang="it"><head><title>${title} - Comune</title></head><body>
<header><nav><a href="/">Home</a> Menu Amministrazione Novità Servizi Vivere il comune</nav></header>
<main><nav aria-label="breadcrumb"><ol class="breadcrumb"><li class="breadcrumb-item"><a href="/">Home</a></li><li class="breadcrumb-item"><a href="/servizi">Servizi</a></li><li class="breadcrumb-item"><a href="#">${category}</a></li><li class="breadcrumb-item active">${title}</li></ol></nav>
<h1>${title}</h1><p>${body}</p></main><footer>Comune di Esempio - Via Roma 1</footer></body></html>`;

let server: FixtureServer;
beforeAll(async () => {
  server = await serveRoutes({
    '/': { body: '<html><head><title>Comune di Esempio</title></head><body><main><h1>Benvenuti</h1><a href="/servizi/cie">CIE</a> <a href="/servizi/tari">TARI</a> <a href="/notizie">Notizie</a></main></body></html>', headers: { 'content-type': 'text/html; charset=utf-8' } },
    '/servizi/cie': { body: servicePage('Anagrafe e stato civile', "Carta d'identità elettronica", "Richiedi la carta d'identità elettronica all'ufficio anagrafe su appuntamento."), headers: { 'content-type': 'text/html; charset=utf-8' } },
    '/servizi/tari': { body: servicePage('Tributi, finanze e contravvenzioni', 'Pagamento TARI', 'Paga la tassa sui rifiuti con pagoPA entro le scadenze delle rate.'), headers: { 'content-type': 'text/html; charset=utf-8' } },
    '/notizie': { body: '<html><head><title>Notizie</title></head><body><main><h1>Notizie</h1><p>Festa patronale in piazza.</p></main></body></html>', headers: { 'content-type': 'text/html; charset=utf-8' } },
  });
});
afterAll(() => server.close());

describe('comune-audit classify', () => {
  it('classifies JSONL records and an HTML file, writing JSONL', async () => {
    writeFileSync(path('pages.jsonl'), `${JSON.stringify({ title: 'Iscrizione al nido', text: 'Domanda di ammissione al nido comunale per bambini da 3 a 36 mesi.' })}\n\n${JSON.stringify({ html: servicePage('Mobilità e trasporti', 'Permesso ZTL', 'Accesso dei residenti alla zona a traffico limitato.') })}\n`);
    writeFileSync(path('page.html'), servicePage('Ambiente', 'Ritiro ingombranti', 'Prenota il ritiro gratuito di mobili e materassi.'));
    const out = sink();
    const { text, failures } = await runClassify([path('pages.jsonl'), path('page.html')], {}, { stdout: out.stream, stderr: sink().stream });
    expect(failures).toBe(0);
    expect(out.text()).toBe(text);
    const rows = text.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((r) => [r.line ?? null, r.category, r.declaredCategory])).toEqual([
      [1, 'educazione-formazione', null],
      [3, 'mobilita-trasporti', 'mobilita-trasporti'],
      [null, 'ambiente', 'ambiente'],
    ]);
    expect(rows[0].alternatives).toHaveLength(3);
  });

  it('fetches URLs (one page each) and writes CSV to a file', async () => {
    await runClassify([`${server.url}/servizi/tari`], { format: 'csv', output: path('out.csv') }, { stdout: sink().stream, stderr: sink().stream });
    const [header, row] = readFileSync(path('out.csv'), 'utf8').trim().split('\n');
    expect(header).toBe('input,line,url,title,category,confidence,declared_category,alternative_1,alternative_1_confidence,alternative_2,alternative_2_confidence,alternative_3,alternative_3_confidence,error');
    expect(row).toContain(',Pagamento TARI - Comune,tributi-finanze-contravvenzioni,');
    expect(server.requests).toEqual(['/servizi/tari']);
  });

  it('goes on past a missing file and a malformed JSONL line, naming them in the output and on stderr', async () => {
    writeFileSync(path('bad.jsonl'), '{"text": "Pagamento della TARI"}\nnot json\n{"other": 1}\n');
    const err = sink();
    const { text, failures } = await runClassify([path('missing.html'), path('bad.jsonl')], {}, { stdout: sink().stream, stderr: err.stream });
    expect(failures).toBe(3);
    const rows = text.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((r) => [r.line ?? null, r.category, Boolean(r.error)])).toEqual([
      [null, null, true],
      [1, 'tributi-finanze-contravvenzioni', false],
      [2, null, true],
      [3, null, true],
    ]);
    expect(err.text()).toMatch(/missing\.html: cannot read the file \(ENOENT\)/);
    expect(err.text()).toMatch(/bad\.jsonl:2: not a JSON object/);
  });
});

describe('comune-audit train and eval', () => {
  const csv = [
    'category,title,text,site',
    ...['spiaggia e albergo', 'visitatori in albergo', 'ombrelloni in spiaggia', 'ufficio turistico per visitatori'].map((t, i) => `turismo,,${t},s${i % 2}`),
    ...['raccolta rifiuti', 'rifiuti ingombranti', 'raccolta differenziata', 'isola ecologica rifiuti'].map((t, i) => `ambiente,,${t},s${i % 2}`),
  ].join('\n');

  it('trains a model from CSV that classify can use, byte-identical on a second run', async () => {
    writeFileSync(path('train.csv'), csv);
    const err = sink();
    const lines = await runTrain({ data: [path('train.csv')], output: path('model.json') }, { stderr: err.stream });
    expect(lines[0]).toMatch(/^trained on 8 records \(ambiente 4, turismo 4\)/);
    const first = readFileSync(path('model.json'), 'utf8');
    await runTrain({ data: [path('train.csv')], output: path('model2.json') }, { stderr: sink().stream });
    expect(readFileSync(path('model2.json'), 'utf8')).toBe(first);
    writeFileSync(path('q.jsonl'), `${JSON.stringify({ text: 'albergo sulla spiaggia' })}\n`);
    const { text } = await runClassify([path('q.jsonl')], { model: path('model.json') }, { stdout: sink().stream, stderr: sink().stream });
    expect(JSON.parse(text).category).toBe('turismo');
  });

  it('a malformed training file fails with the line named', async () => {
    writeFileSync(path('broken.csv'), `${csv}\nturismo,"unterminated\n`);
    const error = await runTrain({ data: [path('broken.csv')], output: path('never.json') }, { stderr: sink().stream }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT.io);
    expect((error as CliError).message).toMatch(/broken\.csv:10: unterminated quoted CSV field/);
  });

  it('needs some training data', async () => {
    await expect(runTrain({ output: path('x.json') })).rejects.toMatchObject({ exitCode: EXIT.usage });
  });

  it('eval prints k-fold and leave-one-site-out reports', async () => {
    writeFileSync(path('eval.csv'), csv);
    const out = sink();
    const { text, reports } = await runEval({ data: [path('eval.csv')], folds: 2 }, { stdout: out.stream });
    expect(reports.map((r) => r.method)).toEqual(['stratified-k-fold', 'leave-one-site-out']);
    expect(text).toContain('macro-F1');
    expect(text).toContain('confusion matrix');
    expect(reports[0].documents).toBe(8);
  });

  it('--from-crawl harvests service pages that name their category', async () => {
    const lines = await runTrain({ fromCrawl: `${server.url}/`, output: path('crawl-model.json'), saveHarvest: path('harvest.jsonl'), maxPages: 10 }, { stderr: sink().stream });
    expect(lines[0]).toMatch(/2 self-labelled service pages harvested/);
    const harvested = readFileSync(path('harvest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(harvested.map((r) => [r.category, new URL(r.source).pathname])).toEqual([
      ['anagrafe-stato-civile', '/servizi/cie'],
      ['tributi-finanze-contravvenzioni', '/servizi/tari'],
    ]);
  });
});
