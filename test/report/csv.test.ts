import { describe, expect, it } from 'vitest';
import { CHECK_COLUMNS, PAGE_COLUMNS, renderChecksCsv, renderPagesCsv } from '../../src/report/csv.js';
import { SURVEY_EXPORT_COLUMNS, exportHeaders } from '../../src/survey/export/columns.js';
import type { CheckChangeKind } from '../../src/compare/index.js';
import { messages } from '../../src/report/i18n/index.js';
import type { ComuneChangeKind } from '../../src/report/survey-compare.js';
import type { StoredSite } from '../../src/survey/store.js';
import type { TargetRejection } from '../../src/survey/types.js';
import type { FetchErrorCode } from '../../src/types.js';
import { makeCheck } from '../score/make-check.js';
import { SITE, sampleReport } from './sample.js';

const BOM = '\uFEFF';

/** Minimal RFC 4180 reader for assertions: quoted cells, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

function table(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

describe('checks CSV for scripts (--csv-ids)', () => {
  const text = renderChecksCsv(sampleReport(), { bom: false, lang: 'it', ids: true });
  const rows = table(text);

  it('has the stable header and one row per check, in rule order', () => {
    expect(text.split('\r\n')[0]).toBe(CHECK_COLUMNS.join(','));
    expect(rows.map((row) => row.id)).toEqual(sampleReport().checks.map((check) => check.id));
  });

  it('fills every column from the check and its first evidence', () => {
    expect(rows.find((row) => row.id === 'pagopa')).toEqual({
      id: 'pagopa',
      point: 'pagopa',
      group: '',
      status: 'partial',
      score: '0.5',
      weight: '1',
      title: 'pagoPA solo citato',
      message: "pagoPA è citato ma non c'è un link al pagamento",
      evidence_count: '1',
      evidence_url: `${SITE}tributi`,
      evidence_selector: 'text',
      evidence_snippet: 'si paga con pagoPA presso',
      evidence_note: 'pagoPA citato nel testo',
      evidence_outcome: '',
      law: 'Rif. pagopa',
    });
    expect(rows.find((row) => row.id === 'cloud')).toMatchObject({ status: 'unknown', score: '', evidence_count: '0', evidence_url: '' });
    expect(rows.find((row) => row.id === 'C.SI.1.2')).toMatchObject({ point: 'design', group: 'cittadino-informato' });
    expect(rows.find((row) => row.id === 'C.SI.2.3')?.title).toBe('C.SI.2.3 - Domande frequenti (FAQ)');
  });

  it('writes text in the chosen language', () => {
    const en = table(renderChecksCsv(sampleReport(), { bom: false, lang: 'en' }));
    expect(en.find((row) => row.id === 'spid')?.title).toBe('No SPID login found');
    expect(rows.find((row) => row.id === 'spid')?.title).toBe('Nessun accesso con SPID trovato');
    expect(en.find((row) => row.id === 'pagopa')?.evidence_note).toBe('pagoPA named in the text');
  });

  it('neutralises formula cells: =, +, -, @, tab, CR, and keeps quotes intact', () => {
    const row = rows.find((r) => r.id === 'C.SI.1.2')!;
    expect(row.message).toBe('\'=HYPERLINK("http://evil") versione 1.6');
    expect(row.evidence_snippet.startsWith("'+bootstrap-italia")).toBe(true);
    const report = sampleReport({
      checks: [
        makeCheck('anpr', 'pass', { title: { it: '-1+cmd|calc', en: '' }, message: { it: '@SUM(A1)', en: '' }, law: '\tTAB' }),
        makeCheck('spid', 'fail', { title: { it: '\r=1', en: '' }, message: { it: '＝full-width', en: '' }, law: 'a=b' }),
      ],
    });
    const [anpr, spid] = table(renderChecksCsv(report, { bom: false, lang: 'it', ids: true }));
    expect([anpr.title, anpr.message, anpr.law]).toEqual(["'-1+cmd|calc", "'@SUM(A1)", "'\tTAB"]);
    expect([spid.title, spid.message, spid.law]).toEqual(["'\r=1", "'＝full-width", 'a=b']);
  });

  it('leaves number cells alone, negative ones included, but neutralises text that reads "-1"', () => {
    const report = sampleReport({ checks: [makeCheck('anpr', 'pass', { weight: -1, title: { it: '-1', en: '' } })] });
    const [row] = table(renderChecksCsv(report, { bom: false, lang: 'it', ids: true }));
    expect(row.weight).toBe('-1');
    expect(row.title).toBe("'-1");
  });

  it('quotes cells holding commas, quotes and newlines, and ends records with CRLF', () => {
    const report = sampleReport({
      checks: [makeCheck('anpr', 'pass', { message: { it: 'riga 1\nriga "2", fine', en: '' } })],
    });
    const out = renderChecksCsv(report, { bom: false, lang: 'it', ids: true });
    expect(out).toContain(',"riga 1\nriga ""2"", fine",');
    expect(out.endsWith('\r\n')).toBe(true);
    expect(out.split('\r\n')).toHaveLength(3);
    expect(table(out)[0].message).toBe('riga 1\nriga "2", fine');
  });

  it('starts with a UTF-8 BOM only when asked', () => {
    const withBom = renderChecksCsv(sampleReport(), { bom: true, lang: 'it', ids: true });
    expect(withBom.startsWith(`${BOM}id,point,`)).toBe(true);
    expect(withBom.slice(1)).toBe(text);
    expect(text.startsWith('id,')).toBe(true);
    expect(Buffer.from(withBom, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe('CSV for Excel set to Italian', () => {
  it('separates cells with semicolons and writes decimal commas, keeping text intact', () => {
    const report = sampleReport({ checks: [makeCheck('anpr', 'partial', { weight: 1.5, message: { it: 'uno, due; tre', en: '' } })] });
    const out = renderChecksCsv(report, { bom: false, lang: 'it', separator: ';', ids: true });
    const [header, row] = out.split('\r\n');
    expect(header).toBe(CHECK_COLUMNS.join(';'));
    expect(row).toContain(';0,5;1,5;');
    expect(row).toContain(';"uno, due; tre";');
    const pages = renderPagesCsv(sampleReport(), { bom: false, separator: ';', lang: 'it', ids: true });
    expect(pages.split('\r\n')[0]).toBe(PAGE_COLUMNS.join(';'));
  });

  it('names headers, points, groups and statuses in Italian, the ids staying with --lang en', () => {
    const it = table(renderChecksCsv(sampleReport(), { bom: false, lang: 'it' }));
    expect(Object.keys(it[0])).toEqual([
      'Codice', 'Punto', 'Gruppo di criteri', 'Esito', 'Punteggio (da 0 a 1)', 'Peso', 'Titolo', 'Spiegazione', 'Evidenze', 'Evidenza: indirizzo',
      'Evidenza: elemento', 'Evidenza: testo visto', 'Evidenza: nota', 'Evidenza: esito', 'Riferimento',
    ]);
    const esito = (rows: Record<string, string>[], id: string, key = 'Esito') => rows.find((row) => (row.Codice ?? row.id) === id)?.[key];
    expect(['anpr', 'pagopa', 'spid', 'cloud'].map((id) => esito(it, id))).toEqual(['superato', 'parziale', 'non superato', 'non verificabile']);
    expect(it.find((row) => row.Codice === 'C.SI.1.2')).toMatchObject({ Punto: 'Linee guida di design (Modello Comuni)', 'Gruppo di criteri': 'Cittadino informato' });
    const en = table(renderChecksCsv(sampleReport(), { bom: false, lang: 'en' }));
    expect(Object.keys(en[0])).toEqual(CHECK_COLUMNS);
    expect(['anpr', 'pagopa', 'spid', 'cloud'].map((id) => esito(en, id, 'status'))).toEqual(['pass', 'partial', 'fail', 'unknown']);
  });

  it('names page kinds and categories in the Italian pages CSV, and says sì/no', () => {
    const [, , , service] = table(renderPagesCsv(sampleReport(), { bom: false, lang: 'it' }));
    expect(service).toMatchObject({
      'Stato HTTP': '200',
      'Tipo di pagina': 'scheda servizio',
      Categoria: 'Anagrafe e stato civile',
      'Categoria nel percorso della pagina': 'Anagrafe e stato civile',
      'Letta solo in parte': 'no',
      'Confidenza (da 0 a 1)': '0.87',
    });
  });

  it('marks the first evidence item with its own outcome, a word in Italian, the id in English', () => {
    const evidence = [
      { url: `${SITE}servizi/a`, selector: '[data-element="service-addressed"]', snippet: '', outcome: 'fail' as const },
      { url: `${SITE}servizi/b`, selector: '[data-element="service-addressed"]', snippet: '', outcome: 'pass' as const },
    ];
    const report = sampleReport({ checks: [makeCheck('design', 'fail', { evidence })] });
    expect(table(renderChecksCsv(report, { bom: false, lang: 'it' }))[0]['Evidenza: esito']).toBe('non superato');
    expect(table(renderChecksCsv(report, { bom: false, lang: 'en' }))[0].evidence_outcome).toBe('fail');
  });
});

describe('one convention for every spreadsheet', () => {
  it('survey export: Italian headers by default, the ids with --lang en or --csv-ids', () => {
    expect(exportHeaders('it').slice(0, 3)).toEqual(['Codice IPA', 'Denominazione', 'Regione']);
    expect(exportHeaders('it')).toContain('Pagamenti con pagoPA');
    expect(exportHeaders('en')).toEqual([...SURVEY_EXPORT_COLUMNS]);
    expect(exportHeaders('it', SURVEY_EXPORT_COLUMNS, true)).toEqual([...SURVEY_EXPORT_COLUMNS]);
  });
});

describe('pages CSV', () => {
  const text = renderPagesCsv(sampleReport(), { bom: false, lang: 'en' });
  const rows = table(text);

  it('has the stable header and one row per page, by depth then URL', () => {
    expect(text.split('\r\n')[0]).toBe(PAGE_COLUMNS.join(','));
    expect(rows.map((row) => row.url)).toEqual([SITE, `${SITE}albo`, `${SITE}amministrazione`, `${SITE}servizi/carta-identita`]);
  });

  it('summarises each page, with the error of a failed one', () => {
    expect(rows[3]).toEqual({
      url: `${SITE}servizi/carta-identita`,
      final_url: `${SITE}servizi/carta-identita`,
      status: '200',
      depth: '2',
      title: 'Carta d\'identità, "elettronica"\nrilascio',
      lang: 'it',
      page_type: 'service',
      page_type_why: 'the page carries data-element="service-title"',
      category: 'anagrafe-stato-civile',
      confidence: '0.87',
      declared_category: 'anagrafe-stato-civile',
      topics: '',
      declared_topics: '',
      links: '3',
      documents: '2',
      read_in_part: 'false',
      error: '',
    });
    expect(rows[1]).toMatchObject({ status: '0', lang: '', category: '', confidence: '', error: 'timeout: no response in 10 s' });
  });

  it('says which pages were read only in part', () => {
    const report = sampleReport();
    const partial = { ...report, pages: report.pages.map((page, i) => (i === 2 ? { ...page, truncated: true as const } : page)) };
    expect(table(renderPagesCsv(partial, { bom: false, lang: 'it', ids: true })).map((row) => row.read_in_part)).toEqual(['false', 'false', 'true', 'false']);
  });

  it('writes the error in the report language', () => {
    expect(table(renderPagesCsv(sampleReport(), { bom: false, lang: 'it' }))[1].Errore).toBe('timeout: nessuna risposta in 10 s');
  });

  it('starts with a BOM when asked', () => {
    expect(renderPagesCsv(sampleReport(), { bom: true, lang: 'en' })).toBe(`${BOM}${text}`);
  });
});

describe('Italian names of every coded value the spreadsheets write', () => {
  // Records keyed by the types: a kind added to a type fails to compile here until it is listed (and named).
  const checkChanges: Record<CheckChangeKind, true> = { improved: true, regressed: true, unchanged: true, new: true, dropped: true, undecided: true, unreachable: true };
  const comuneChanges: Record<ComuneChangeKind, true> = {
    improved: true, regressed: true, unchanged: true, 'only-before': true, 'only-after': true, 'unreachable-before': true, 'unreachable-after': true, 'not-scored': true,
  };
  const statuses: Record<StoredSite['status'], true> = { scored: true, unavailable: true, rejected: true, failed: true };
  const reasons: Record<FetchErrorCode | TargetRejection | 'internal', true> = {
    dns: true, connect: true, timeout: true, tls: true, 'no-https': true, 'bad-response': true, http: true, 'too-many-redirects': true, 'redirect-offsite': true,
    'body-too-large': true, 'not-html': true, robots: true, proxy: true, aborted: true, other: true,
    'no-website': true, 'invalid-url': true, duplicate: true, 'shared-website': true, internal: true,
  };

  it.each([
    ['checkChange', checkChanges],
    ['comuneChange', comuneChanges],
    ['surveyStatus', statuses],
    ['surveyReason', reasons],
  ] as const)('%s', (field, ids) => {
    const names = messages('it').csv[field];
    for (const id of Object.keys(ids)) expect(names[id], id).toMatch(/\S/);
    // Distinct names, so a reader can tell the values apart.
    expect(new Set(Object.keys(ids).map((id) => names[id])).size).toBe(Object.keys(ids).length);
  });
});
