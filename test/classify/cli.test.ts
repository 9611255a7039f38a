import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runClassify } from '../../src/cli/classify.js';
import { runEval } from '../../src/cli/eval.js';
import { runTrain } from '../../src/cli/train.js';
import { CliError, EXIT } from '../../src/cli/errors.js';
import { main } from '../../src/cli/index.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { readFixture } from '../helpers/site.js';
import { flattenHtml } from '../../src/classify/flatten.js';
import { SIDEBAR_SITE_CATEGORIES, SIDEBAR_SITE_PAGES, sidebarSitePage } from './sidebar-site.js';

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
    '/documenti/aliquote.pdf': { body: '%PDF-1.4 aliquote IMU', headers: { 'content-type': 'application/pdf' } },
    '/dati/export': { body: 'id;importo\n1;100\n', headers: { 'content-type': '' } },
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

  it('HTML records of one site in a JSONL file are classified together: what repeats on their pages does not vote', async () => {
    const records = SIDEBAR_SITE_PAGES.map(([file, title, text]) => ({ url: `https://www.comune.example.it/${file}.html`, html: sidebarSitePage(title, text) }));
    writeFileSync(path('site.jsonl'), records.map((record) => JSON.stringify(record)).join('\n'));
    const { text } = await runClassify([path('site.jsonl')], {}, { stdout: sink().stream, stderr: sink().stream });
    expect(text.trim().split('\n').map((line) => JSON.parse(line).category)).toEqual(SIDEBAR_SITE_CATEGORIES);
  });

  it('fetches URLs (one page each) and writes CSV to a file', async () => {
    await runClassify([`${server.url}/servizi/tari`], { format: 'csv', output: path('out.csv') }, { stdout: sink().stream, stderr: sink().stream });
    const [header, row] = readFileSync(path('out.csv'), 'utf8').trim().split('\n');
    expect(header).toBe('input,line,url,title,category,confidence,declared_category,alternative_1,alternative_1_confidence,alternative_2,alternative_2_confidence,alternative_3,alternative_3_confidence,topics,declared_topics,error');
    expect(row).toContain(',Pagamento TARI - Comune,tributi-finanze-contravvenzioni,');
    expect(server.requests).toEqual(['/servizi/tari']);
  });

  it('ends a URL that drips its body within --timeout overall, with a timeout row, and goes on', async () => {
    const drip = await serveRoutes({
      '/lento': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body><h1>Lento</h1>');
        const timer = setInterval(() => res.write(' '), 100);
        res.on('close', () => clearInterval(timer));
      },
    });
    try {
      const started = Date.now();
      const { text, failures } = await runClassify([`${drip.url}/lento`], { timeout: 600 }, { stdout: sink().stream, stderr: sink().stream });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(failures).toBe(1);
      expect(JSON.parse(text.trim()).error).toMatch(/within 600 ms/);
    } finally {
      await drip.close();
    }
  });

  it('goes on past a missing file and malformed JSONL lines, naming them in Italian on stderr and in English in the rows', async () => {
    writeFileSync(path('bad.jsonl'), '{"text": "Pagamento della TARI"}\nnot json\n{"other": 1}\n[1]\n');
    const err = sink();
    const { text, failures } = await runClassify([path('missing.html'), path('bad.jsonl')], {}, { stdout: sink().stream, stderr: err.stream });
    expect(failures).toBe(4);
    const rows = text.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((r) => [r.line ?? null, r.category, r.error?.replace(/ \(.*?\)/, '').split(/[:;]/)[0] ?? null])).toEqual([
      [null, null, 'cannot read the file'],
      [1, 'tributi-finanze-contravvenzioni', null],
      [2, null, 'not a JSON object'],
      [3, null, 'the record has no "text", "title" or "html" string to classify'],
      [4, null, 'not a JSON object'],
    ]);
    expect(err.text().split('\n').map((line) => line.replace(dir, '<dir>'))).toEqual([
      'comune-audit: <dir>/missing.html: impossibile leggere il file (ENOENT): indica un URL, un file HTML o un file JSONL di record {text,title,html}',
      expect.stringMatching(/^comune-audit: <dir>\/bad\.jsonl:2: la riga non è JSON valido \(.+\); ogni riga deve essere un oggetto \{"text": …\} o \{"html": …\}$/),
      'comune-audit: <dir>/bad.jsonl:3: il record non ha un testo "text", "title" o "html" da classificare',
      'comune-audit: <dir>/bad.jsonl:4: la riga non è un oggetto JSON; ogni riga deve essere un oggetto {"text": …} o {"html": …}',
      '',
    ]);
  });

  it('with lang en prints the same failures in English, and the rows do not change', async () => {
    const italian = await runClassify([path('missing.html'), path('bad.jsonl')], {}, { stdout: sink().stream, stderr: sink().stream });
    const err = sink();
    const english = await runClassify([path('missing.html'), path('bad.jsonl')], { lang: 'en' }, { stdout: sink().stream, stderr: err.stream });
    expect(english.text).toBe(italian.text);
    expect(err.text()).toContain(`comune-audit: ${path('missing.html')}: cannot read the file (ENOENT): give a URL, an HTML file or a JSONL file of {text,title,html} records\n`);
    expect(err.text()).toContain(`comune-audit: ${path('bad.jsonl')}:4: not a JSON object; each line needs {"text": …} or {"html": …}\n`);
  });

  it('a URL answering with an HTTP error gets a row with "HTTP 404" and a line in the language asked for', async () => {
    const it = sink();
    const en = sink();
    const url = `${server.url}/servizi/gone`;
    const { text } = await runClassify([url], {}, { stdout: sink().stream, stderr: it.stream });
    await runClassify([url], { lang: 'en' }, { stdout: sink().stream, stderr: en.stream });
    expect(JSON.parse(text)).toMatchObject({ input: url, url, category: null, error: 'HTTP 404' });
    expect(it.text()).toBe(`comune-audit: ${url}: la pagina risponde con l'errore HTTP 404\n`);
    expect(en.text()).toBe(`comune-audit: ${url}: HTTP 404\n`);
  });

  it('refuses a URL that is not HTML, as audit does, per input: a row with its error, the others classified', async () => {
    const err = sink();
    const inputs = [`${server.url}/documenti/aliquote.pdf`, `${server.url}/dati/export`, `${server.url}/servizi/tari`];
    const { text, failures } = await runClassify(inputs, {}, { stdout: sink().stream, stderr: err.stream });
    expect(failures).toBe(2);
    const rows = text.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((r) => [r.category, r.error ?? null])).toEqual([
      [null, 'not an HTML page (application/pdf), as for audit: classify reads HTML pages and files or JSONL files'],
      [null, 'not an HTML page (no Content-Type), as for audit: classify reads HTML pages and files or JSONL files'],
      ['tributi-finanze-contravvenzioni', null],
    ]);
    expect(err.text()).toBe(`comune-audit: ${inputs[0]}: non è una pagina HTML (application/pdf), come per audit: classify legge pagine e file HTML o file JSONL\ncomune-audit: ${inputs[1]}: non è una pagina HTML (Content-Type assente), come per audit: classify legge pagine e file HTML o file JSONL\n`);
  });

  it('learns the furniture of a site from the scraped pages of a JSONL file: each category page gets its category', async () => {
    const pages = ['autorizzazioni', 'appalti-pubblici', 'educazione-e-formazione', 'imprese-e-commercio', 'mobilita-e-trasporti'];
    const records = pages.map((page) => ({
      url: `https://www.comune.valfiorita.vf.it/servizi/categorie/${page}.html`,
      text: flattenHtml(readFixture('demo-site', 'servizi', 'categorie', `${page}.html`), ' '),
    }));
    writeFileSync(path('scraped.jsonl'), records.map((record) => JSON.stringify(record)).join('\n'));
    const { text, failures } = await runClassify([path('scraped.jsonl')], {}, { stdout: sink().stream, stderr: sink().stream });
    expect(failures).toBe(0);
    expect(text.trim().split('\n').map((line) => JSON.parse(line).category)).toEqual([
      'autorizzazioni',
      'appalti-pubblici',
      'educazione-formazione',
      'imprese-commercio',
      'mobilita-trasporti',
    ]);
  });

  it('scraped pages of three sites in one JSONL file with no site or url: each site found by its furniture, as if named', async () => {
    // Four pages of each site, interleaved: a site's furniture is on a third of the file, too few for one batch.
    const sites = [
      ['demo-site', ['servizi/categorie/autorizzazioni.html', 'servizi/categorie/appalti-pubblici.html', 'argomenti/matrimonio.html', 'novita/avvisi-tari-app-io.html']],
      ['classifier', ['sites/opencity-lario/01-ambiente.html', 'sites/opencity-lario/03-cambio-di-residenza.html', 'sites/opencity-lario/08-ufficio-edilizia-privata.html', 'sites/opencity-lario/13-il-saluto-del-sindaco.html']],
      ['classifier', ['sites/halley-adda/02-ritiro-ingombranti-a-domicilio.html', 'sites/halley-adda/05-dote-scuola-domande-entro-il-20-maggio.html', 'sites/halley-adda/08-carta-d-identita-elettronica.html', 'sites/halley-adda/12-albo-pretorio-on-line.html']],
    ] as const;
    const records = [0, 1, 2, 3].flatMap((i) =>
      // Scraped from the body only (no <title> to read the page's title from): the furniture is what matters here.
      sites.map(([fixture, paths], s) => ({ site: `site-${s}`, text: flattenHtml(readFixture(fixture, ...paths[i].split('/')).replace(/<head>[\s\S]*?<\/head>/, ''), ' ') })),
    );
    const categories = async (file: string, lines: object[]): Promise<string[]> => {
      writeFileSync(path(file), lines.map((record) => JSON.stringify(record)).join('\n'));
      const { text } = await runClassify([path(file)], {}, { stdout: sink().stream, stderr: sink().stream });
      return text.trim().split('\n').map((line) => JSON.parse(line).category);
    };
    const named = await categories('named.jsonl', records);
    expect(await categories('unnamed.jsonl', records.map(({ text }) => ({ text })))).toEqual(named);
    // Their labels (fixtures/classifier/labels.jsonl, data/classifier/pages-heldout.jsonl), all right.
    expect(named).toEqual(['autorizzazioni', 'ambiente', 'ambiente', 'appalti-pubblici', 'anagrafe-stato-civile', 'educazione-formazione', 'anagrafe-stato-civile', 'catasto-urbanistica', 'anagrafe-stato-civile', 'tributi-finanze-contravvenzioni', 'altro', 'altro']);
    // One page at a time, with no site's furniture learned, the heading after each page's breadcrumb (heading.ts)
    // gives the same answers; before it was read, some of these pages went to altro.
    const alone = await Promise.all(records.map((record, i) => categories(`alone-${i}.jsonl`, [{ text: record.text }])));
    expect(alone.flat()).toEqual(named);
  });

  it('an empty JSONL file says so and counts as a failure (exit 4)', async () => {
    writeFileSync(path('empty.jsonl'), '\n\n');
    const err = sink();
    const { text, failures } = await runClassify([path('empty.jsonl')], { lang: 'en' }, { stdout: sink().stream, stderr: err.stream });
    expect(failures).toBe(1);
    expect(JSON.parse(text)).toMatchObject({ input: path('empty.jsonl'), category: null, error: 'the JSONL file holds no record: each line must be an object {"text": …} or {"html": …}' });
    expect(err.text()).toBe(`comune-audit: ${path('empty.jsonl')}: the JSONL file holds no record: each line must be an object {"text": …} or {"html": …}\n`);
  });

  it('a URL that cannot be fetched names the network failure, not the HTTP library\'s wording', async () => {
    const closed = await serveRoutes({});
    const url = `${closed.url}/servizi/cie`;
    await closed.close();
    const it = sink();
    const { text } = await runClassify([url], {}, { stdout: sink().stream, stderr: it.stream });
    expect(JSON.parse(text).error).toBe(`page not fetched: Connection refused by ${new URL(url).host}: the server is down or the port is wrong`);
    expect(it.text()).toBe(`comune-audit: ${url}: pagina non scaricata: Connessione rifiutata da ${new URL(url).host}: il server è spento o la porta è sbagliata\n`);
  });
});

describe('classify with a model that cannot be used', () => {
  it('names the file and why, in the language asked for', async () => {
    writeFileSync(path('not-a-model.json'), '{"format": "something-else"}');
    const error = await runClassify([path('page.html')], { model: path('not-a-model.json') }, { stdout: sink().stream, stderr: sink().stream }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT.io);
    expect((error as CliError).in('it')).toBe(
      `impossibile caricare il modello: ${path('not-a-model.json')}: non è un modello di classificazione di comune-audit (formato comune-audit-nb, versione 2); addestrane uno con "comune-audit train"`,
    );
    expect((error as CliError).in('en')).toBe(
      `cannot load the model: ${path('not-a-model.json')}: not a comune-audit classifier model (format comune-audit-nb, version 2); train one with "comune-audit train"`,
    );
    const missing = await runClassify([path('page.html')], { model: path('no-model.json') }).catch((e: unknown) => e);
    expect((missing as CliError).in('it')).toBe(`impossibile caricare il modello: ${path('no-model.json')} (ENOENT)`);
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
    const lines = await runTrain({ data: [path('train.csv')], output: path('model.json'), allowMissingCategories: true }, { stderr: err.stream });
    expect(lines[0]).toBe('attenzione: il modello non conosce le categorie educazione-formazione, salute-benessere-assistenza, vita-lavorativa, mobilita-trasporti, catasto-urbanistica, anagrafe-stato-civile, giustizia-sicurezza, tributi-finanze-contravvenzioni, cultura-tempo-libero, imprese-commercio, autorizzazioni, appalti-pubblici, agricoltura-pesca, altro e non le sceglierà mai');
    expect(lines[1]).toBe('modello addestrato su 8 esempi (ambiente 4, turismo 4)');
    expect(lines[2]).toMatch(new RegExp(`^modello scritto in ${path('model.json').replace(/[.\\/]/g, '\\$&')}: \\d+ termini, temperatura \\d+(,\\d+)?, \\d+ KB, in \\d+,\\d\\d s$`));
    expect(err.text()).toBe(`${lines.join('\n')}\n`);
    const first = readFileSync(path('model.json'), 'utf8');
    await runTrain({ data: [path('train.csv')], output: path('model2.json'), allowMissingCategories: true }, { stderr: sink().stream });
    expect(readFileSync(path('model2.json'), 'utf8')).toBe(first);
    writeFileSync(path('q.jsonl'), `${JSON.stringify({ text: 'albergo sulla spiaggia' })}\n`);
    const { text } = await runClassify([path('q.jsonl')], { model: path('model.json') }, { stdout: sink().stream, stderr: sink().stream });
    expect(JSON.parse(text).category).toBe('turismo');
  });

  it('with lang en the summary is in English', async () => {
    const lines = await runTrain({ data: [path('train.csv')], output: path('model-en.json'), lang: 'en', allowMissingCategories: true }, { stderr: sink().stream });
    expect(lines[0]).toMatch(/^warning: the model does not know the categories educazione-formazione, .*, altro and will never choose them$/);
    expect(lines[1]).toBe('trained on 8 records (ambiente 4, turismo 4)');
    expect(lines[2]).toMatch(/^model written to .*model-en\.json: \d+ terms, temperature \d+(\.\d+)?, \d+ KB, in \d+\.\d\d s$/);
  });

  it('a training file that cannot be opened is named, in either language', async () => {
    const error = await runTrain({ data: [path('absent.csv')], output: path('never.json') }, { stderr: sink().stream }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT.io);
    expect((error as CliError).in('it')).toBe(`impossibile leggere ${path('absent.csv')} (ENOENT): controlla il percorso e che il file sia leggibile`);
    expect((error as CliError).in('en')).toBe(`cannot read ${path('absent.csv')} (ENOENT): check the path and that the file is readable`);
    expect((error as CliError).message).toBe((error as CliError).in('en'));
  });

  it('a malformed training file fails with the line named', async () => {
    writeFileSync(path('broken.csv'), `${csv}\nturismo,"unterminated\n`);
    const error = await runTrain({ data: [path('broken.csv')], output: path('never.json') }, { stderr: sink().stream }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT.io);
    expect((error as CliError).message).toBe(`${path('broken.csv')}:10: unterminated quoted CSV field: fix the file and run again`);
    expect((error as CliError).in('it')).toBe(`${path('broken.csv')}:10: campo CSV tra virgolette mai chiuso: correggi il file e riprova`);
  });

  it('refuses records that leave categories out unless --allow-missing-categories, and writes no model', async () => {
    const error = await runTrain({ data: [path('train.csv')], output: path('partial.json') }, { stderr: sink().stream }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT.io);
    expect((error as CliError).in('it')).toMatch(/^gli esempi non coprono le categorie educazione-formazione, .*, altro: il modello non potrebbe mai sceglierle\. Aggiungi --with-corpus \(o esempi con --data\), oppure --allow-missing-categories per addestrarlo comunque$/);
    expect(() => readFileSync(path('partial.json'))).toThrow(/ENOENT/);
  });

  it('needs some training data', async () => {
    await expect(runTrain({ output: path('x.json') })).rejects.toMatchObject({ exitCode: EXIT.usage });
  });

  it('eval prints k-fold and leave-one-site-out reports in Italian, with decimal commas', async () => {
    writeFileSync(path('eval.csv'), csv);
    const out = sink();
    const { text, reports } = await runEval({ data: [path('eval.csv')], folds: 2 }, { stdout: out.stream });
    expect(out.text()).toBe(text);
    expect(reports.map((r) => r.method)).toEqual(['stratified-k-fold', 'leave-one-site-out']);
    expect(reports[0].documents).toBe(8);
    const lines = text.split('\n');
    expect(lines[0]).toBe("validazione incrociata stratificata: 2 fold, 8 esempi valutati fuori dall'addestramento");
    expect(lines[1]).toMatch(/^macro-F1 \d,\d{3} {3}accuratezza \d,\d{3} {3}errore di calibrazione \(ECE\) \d,\d{3}$/);
    expect(lines[2]).toMatch(/^Brier \d,\d{3} {3}log loss \d+,\d{3} {3}con confidenza ≥ 0,9: \d+,\d% delle pagine, giuste \d+,\d% {3}ECE dovuta al solo campione ≈ \d,\d{3}$/);
    expect(lines[3]).toMatch(/^pagine con un argomento messe in altro: \d+,\d%$/);
    expect(lines[4]).toMatch(new RegExp(`^risposte altro: ${reports[0].altro.answers}, confidenza media \\d,\\d{3}, giuste \\d+,\\d%$`));
    expect(lines[5]).toMatch(/^obiettivi: macro-F1 ≥ 0,80 [✔✘] {3}in altro ≤ 10% [✔✘] {3}ECE ≤ 0,05 [✔✘]$/);
    // The reliability table: one line per non-empty confidence bin, its answers adding up to the records scored.
    expect(lines[6]).toMatch(/^affidabilità \(risposte in 10 intervalli/);
    const bins = reports[0].reliability;
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(8);
    bins.forEach((bin, i) => expect(lines[8 + i]).toMatch(new RegExp(`^  \\d,\\d–\\d,\\d +${bin.count} +\\d,\\d{3} +\\d,\\d{3}$`)));
    expect(lines[8 + bins.length + 1]).toBe(`${'categoria'.padEnd(32)} prec% rich%   F1%     n`);
    expect(lines).toContain('matrice di confusione (righe: categoria vera, colonne: categoria prevista)');
    expect(lines).toContain("validazione escludendo un sito alla volta: 2 siti, 8 esempi valutati fuori dall'addestramento");
    expect(text).not.toMatch(/confusion matrix|held-out|\d\.\d/);
  });

  it('eval --lang en prints the report in English; --json is the same in both languages', async () => {
    const { text } = await runEval({ data: [path('eval.csv')], folds: 2, lang: 'en' }, { stdout: sink().stream });
    const lines = text.split('\n');
    expect(lines[0]).toBe('stratified k-fold: 2 folds, 8 held-out records');
    expect(lines[1]).toMatch(/^macro-F1 \d\.\d{3} {3}accuracy \d\.\d{3} {3}calibration error \(ECE\) \d\.\d{3}$/);
    expect(lines[2]).toMatch(/^Brier \d\.\d{3} {3}log loss \d+\.\d{3} {3}confidence ≥ 0\.9: \d+\.\d% of the pages, \d+\.\d% of them right {3}ECE from sample size alone ≈ \d\.\d{3}$/);
    expect(lines[3]).toMatch(/^pages with a subject put in altro: \d+\.\d%$/);
    expect(lines[4]).toMatch(/^answers altro: \d+, mean confidence \d\.\d{3}, \d+\.\d% of them right$/);
    expect(lines[7]).toBe('  confidence  answers mean conf.    right');
    expect(lines).toContain(`${'category'.padEnd(32)} prec%  rec%   F1%     n`);
    expect(lines).toContain('confusion matrix (rows: true, columns: predicted)');
    expect(lines).toContain('leave-one-site-out: 2 sites, 8 held-out records');
    const json = await runEval({ data: [path('eval.csv')], folds: 2, json: true }, { stdout: sink().stream });
    const jsonEn = await runEval({ data: [path('eval.csv')], folds: 2, json: true, lang: 'en' }, { stdout: sink().stream });
    expect(jsonEn.text).toBe(json.text);
    expect(JSON.parse(json.text)[0]).toMatchObject({ method: 'stratified-k-fold', folds: 2, documents: 8 });
  });

  it('eval --with-corpus scores the records leave-one-site-out against the shipped corpus and prints the targets', async () => {
    writeFileSync(
      path('pages.jsonl'),
      [
        { category: 'ambiente', site: 'a.example', text: 'Raccolta differenziata porta a porta: calendario del ritiro di umido, carta e plastica.' },
        { category: 'altro', site: 'a.example', text: 'Informativa sul trattamento dei dati personali e cookie policy del sito.' },
        { category: 'anagrafe-stato-civile', site: 'b.example', text: "Rilascio della carta d'identità elettronica all'ufficio anagrafe su appuntamento." },
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    );
    const { text, reports } = await runEval({ data: [path('pages.jsonl')], folds: 2, withCorpus: true, lang: 'en' }, { stdout: sink().stream });
    // In batches by site, then each page alone (as one page given to classify).
    expect(reports.map((r) => [r.method, r.folds, r.documents, r.alone ?? false])).toEqual([
      ['leave-one-site-out', 2, 3, false],
      ['leave-one-site-out', 2, 3, true],
    ]);
    expect(reports.map((r) => [r.accuracy, r.subjectToAltro])).toEqual([
      [1, 0],
      [1, 0],
    ]);
    const lines = text.split('\n');
    expect(lines[4]).toBe(`answers altro: 1, mean confidence ${reports[0].altro.meanConfidence.toFixed(3)}, 100.0% of them right`);
    expect(lines[5]).toMatch(/^targets: macro-F1 ≥ 0\.80 ✔ {3}in altro ≤ 10% ✔ {3}ECE ≤ 0\.05 [✔✘]$/);
    expect(lines).toContain('each page classified alone, without the other pages of its site (as one page given to classify)');
   }, 120_000);

  it('eval --with-corpus on records with no "site": each is its own site, scored by the model of the whole corpus', async () => {
    writeFileSync(
      path('unsited.jsonl'),
      [
        { category: 'ambiente', text: 'Raccolta differenziata porta a porta: calendario del ritiro di umido, carta e plastica.' },
        { category: 'anagrafe-stato-civile', text: "Rilascio della carta d'identità elettronica all'ufficio anagrafe su appuntamento." },
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    );
    const { reports } = await runEval({ data: [path('unsited.jsonl')], folds: 2, withCorpus: true, lang: 'en' }, { stdout: sink().stream });
    expect(reports.map((r) => [r.method, r.folds, r.documents, r.accuracy])).toEqual([
      ['leave-one-site-out', 2, 2, 1],
      ['leave-one-site-out', 2, 2, 1],
    ]);
  }, 120_000);

  it('--from-crawl without --with-corpus is refused (2 categories harvested), with --with-corpus trains on both', async () => {
    const error = await runTrain({ fromCrawl: `${server.url}/`, output: path('crawl-only.json'), maxPages: 10 }, { stderr: sink().stream }).catch((e: unknown) => e);
    expect((error as CliError).in('en')).toMatch(/^the records do not cover the categories educazione-formazione, salute-benessere-assistenza, .*--with-corpus/);
    const lines = await runTrain({ fromCrawl: `${server.url}/`, withCorpus: true, output: path('crawl-corpus.json'), maxPages: 10 }, { stderr: sink().stream });
    expect(lines[1]).toMatch(/^modello addestrato su \d+ esempi \(agricoltura-pesca \d+, altro \d+, /);
   }, 120_000);

  it('--from-crawl harvests service pages that name their category', async () => {
    const lines = await runTrain({ fromCrawl: `${server.url}/`, output: path('crawl-model.json'), saveHarvest: path('harvest.jsonl'), maxPages: 10, allowMissingCategories: true }, { stderr: sink().stream });
    expect(lines[0]).toBe(`${server.url}/: 5 pagine analizzate, raccolte 2 schede servizio che dichiarano la propria categoria`);
    const harvested = readFileSync(path('harvest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(harvested.map((r) => [r.category, new URL(r.source).pathname])).toEqual([
      ['anagrafe-stato-civile', '/servizi/cie'],
      ['tributi-finanze-contravvenzioni', '/servizi/tari'],
    ]);
  });

  it('says why a crawl could not start (the crawler\'s own reason), with exit 3', async () => {
    const closed = await serveRoutes({});
    const url = `${closed.url}/`;
    await closed.close();
    const error = await runTrain({ fromCrawl: url, output: path('never.json'), maxPages: 5 }, { stderr: sink().stream }).catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: EXIT.siteUnavailable });
    expect((error as CliError).in('it')).toMatch(/\(Connessione rifiutata da 127\.0\.0\.1:\d+: il server è spento o la porta è sbagliata\)/);
  });

  it('checks the output paths before crawling: a missing folder stops train with exit 4 and no request', async () => {
    const before = server.requests.length;
    await expect(runTrain({ fromCrawl: `${server.url}/`, output: '/nonexistent/dir/model.json', maxPages: 10 }, { stderr: sink().stream })).rejects.toMatchObject({ exitCode: EXIT.io });
    expect(server.requests.length).toBe(before);
  });
});

describe('--lang on the command line', () => {
  const output = { stdout: '', stderr: '' };
  afterEach(() => {
    vi.restoreAllMocks();
    // classify sets the exit code of the process for inputs it could not classify; main reads it back.
    process.exitCode = undefined;
    output.stdout = output.stderr = '';
  });
  const capture = () => {
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output.stdout += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((output.stderr += String(chunk)), true));
  };

  it('classify, train and eval take --lang it|en and reject other languages', async () => {
    capture();
    expect(await main(['node', 'comune-audit', 'classify', '--lang', 'en', path('missing.html')])).toBe(EXIT.io);
    expect(output.stderr).toBe(`comune-audit: ${path('missing.html')}: cannot read the file (ENOENT): give a URL, an HTML file or a JSONL file of {text,title,html} records\n`);
    output.stdout = output.stderr = '';
    process.exitCode = undefined;
    expect(await main(['node', 'comune-audit', 'eval', '--data', path('eval.csv'), '--folds', '2', '--lang', 'en'])).toBe(EXIT.ok);
    expect(output.stdout).toMatch(/^stratified k-fold: 2 folds, 8 held-out records\n/);
    expect(await main(['node', 'comune-audit', 'train', '--data', path('absent.csv'), '-o', path('never.json')])).toBe(EXIT.io);
    expect(output.stderr).toBe(`comune-audit: impossibile leggere ${path('absent.csv')} (ENOENT): controlla il percorso e che il file sia leggibile\n`);
    output.stderr = '';
    expect(await main(['node', 'comune-audit', 'train', '--data', path('train.csv'), '-o', path('x.json'), '--lang', 'de'])).toBe(EXIT.usage);
    expect(output.stderr).toMatch(/^comune-audit: --lang vuole uno tra it, en, non "de"/);
  });
});
