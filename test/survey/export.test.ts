import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POINT_ORDER } from '../../rules/scoring.js';
import { exportHeaders, SURVEY_EXPORT_COLUMNS, writeSurveyExport, type SurveyExportRow } from '../../src/survey/export/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'survey-export-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function row(i: number, extra: Partial<SurveyExportRow> = {}): SurveyExportRow {
  const points = Object.fromEntries(POINT_ORDER.map((point, k) => [point, k % 4 === 3 ? null : Math.round(((i * 7 + k * 13) % 1000) / 10 * 10) / 10])) as Record<(typeof POINT_ORDER)[number], number | null>;
  return {
    ipa_code: `c_${i}`,
    name: `Comune di Città ${i}`,
    region: 'Emilia-Romagna',
    province: 'Forlì-Cesena',
    istat_code: '040012',
    url: `https://www.comune${i}.it/`,
    final_url: `https://www.comune${i}.it/home`,
    status: 'scored',
    reason: null,
    detail: null,
    maturity_index: 57.5,
    level: 'intermediate',
    ...points,
    pages: 120,
    duration_s: 81.3,
    line: i + 2,
    ...extra,
  };
}

const ROWS: SurveyExportRow[] = [
  row(1),
  // A name a hostile site or list could carry: must never reach a spreadsheet as a formula.
  row(2, { name: '=HYPERLINK("http://x.invalid","clic")', status: 'unavailable', reason: 'dns', detail: 'host non trovato', maturity_index: null, level: null, pages: 0 }),
  row(3, { status: 'rejected', reason: 'no-website', url: '', final_url: null, maturity_index: null, level: null, pages: null, duration_s: null }),
];

/** The coded values of ROWS as an Italian spreadsheet shows them. */
const ITALIAN: Record<string, Record<string, string>> = {
  status: { scored: 'analizzato', unavailable: 'non raggiungibile', rejected: 'escluso' },
  reason: { dns: 'nome non risolto (DNS)', 'no-website': 'nessun sito nell’elenco' },
  level: { intermediate: 'Intermedio' },
};
const named = (r: SurveyExportRow): SurveyExportRow => {
  const copy: Record<string, unknown> = { ...r };
  for (const column of Object.keys(ITALIAN)) if (typeof copy[column] === 'string') copy[column] = ITALIAN[column][copy[column] as string];
  return copy as SurveyExportRow;
};

/** What a reader of the file should find: every cell as text, null as empty. */
const asText = (value: string | number | null, decimalComma = false) => (value === null ? '' : decimalComma && typeof value === 'number' ? String(value).replace('.', ',') : String(value));

describe('CSV', () => {
  it('reads back equal to the rows, Italian headers and coded values by default, formulas neutralised', async () => {
    const out = join(dir, 'survey.csv');
    expect(await writeSurveyExport(ROWS, 'csv', out, { bom: false, separator: ',' })).toBe(3);
    const text = await readFile(out, 'utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const [header, ...records] = parse(text) as string[][];
    expect(header.slice(0, 4)).toEqual(['Codice IPA', 'Denominazione', 'Regione', 'Provincia']);
    expect(header).toContain('Anagrafe nazionale (ANPR)');
    expect(header).toHaveLength(SURVEY_EXPORT_COLUMNS.length);
    const expected = ROWS.map((r) => SURVEY_EXPORT_COLUMNS.map((c) => asText(named(r)[c as keyof SurveyExportRow])));
    expected[1][1] = `'${expected[1][1]}`;
    expect(records).toEqual(expected);
    expect(records[1].slice(7, 10)).toEqual(['non raggiungibile', 'nome non risolto (DNS)', 'host non trovato']);
  });

  it('keeps the ids for headers and coded values with --csv-ids', async () => {
    const out = join(dir, 'survey-ids.csv');
    await writeSurveyExport(ROWS, 'csv', out, { bom: false, separator: ',', lang: 'it', ids: true });
    const [header, ...records] = parse(await readFile(out, 'utf8')) as string[][];
    expect(header).toEqual([...SURVEY_EXPORT_COLUMNS]);
    expect(records.map((record) => [record[7], record[8], record[11]])).toEqual([['scored', '', 'intermediate'], ['unavailable', 'dns', ''], ['rejected', 'no-website', '']]);
  });

  it('writes ; with decimal commas and a BOM for Excel set to Italian, and the column ids with lang en', async () => {
    const out = join(dir, 'survey-excel.csv');
    await writeSurveyExport(ROWS, 'csv', out, { bom: true, separator: ';', lang: 'en' });
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parse(bytes, { bom: true, delimiter: ';' }) as string[][];
    expect(header).toEqual([...SURVEY_EXPORT_COLUMNS]);
    expect(records[0][header.indexOf('maturity_index')]).toBe('57,5');
    expect(records[0]).toEqual(SURVEY_EXPORT_COLUMNS.map((c) => asText(ROWS[0][c as keyof SurveyExportRow], true)));
  });
});

it('JSON Lines: one object per row keyed by the column ids, in column order', async () => {
  const out = join(dir, 'survey.jsonl');
  await writeSurveyExport(ROWS, 'jsonl', out, { bom: true, separator: ';', lang: 'it' });
  const lines = (await readFile(out, 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line));
  expect(lines).toEqual(ROWS);
  expect(Object.keys(lines[0])).toEqual([...SURVEY_EXPORT_COLUMNS]);
});

describe('XLSX', () => {
  it('re-opened with exceljs, holds the header and every row as written: numbers as numbers, text as text', async () => {
    const out = join(dir, 'survey.xlsx');
    expect(await writeSurveyExport(ROWS, 'xlsx', out, { bom: false, separator: ',' })).toBe(3);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('survey')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(exportHeaders('it'));
    for (let i = 0; i < ROWS.length; i++) {
      const cells = values(i + 2);
      const expected = SURVEY_EXPORT_COLUMNS.map((c) => named(ROWS[i])[c as keyof SurveyExportRow]);
      // exceljs reads an empty cell as undefined (and leaves trailing ones out).
      expect(SURVEY_EXPORT_COLUMNS.map((_, k) => cells[k] ?? null)).toEqual(expected.map((v) => (v === '' ? null : v)));
    }
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.rowCount).toBe(4);
  });

  it('streams thousands of rows from an async source and reads them all back', async () => {
    async function* many() {
      for (let i = 0; i < 3000; i++) yield row(i);
    }
    const out = join(dir, 'many.xlsx');
    expect(await writeSurveyExport(many(), 'xlsx', out, { bom: false, separator: ',', lang: 'en' })).toBe(3000);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('survey')!;
    expect(sheet.rowCount).toBe(3001);
    expect(sheet.getCell('A3001').value).toBe('c_2999');
    expect(sheet.getRow(1).getCell(SURVEY_EXPORT_COLUMNS.length).value).toBe('line');
  });
});
