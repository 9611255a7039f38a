// CSV reports: one row per check, one row per page. RFC 4180 quoting, CRLF and an optional BOM so that
// Excel and LibreOffice open them cleanly. Column names are stable ids (scripts and spreadsheets key on
// them); only the text cells follow the language.
import { stringify, type Options as StringifyOptions } from 'csv-stringify/sync';
import type { Report } from '../types.js';
import type { Lang } from './i18n/index.js';

export interface CsvOptions {
  /** Prepend a UTF-8 byte-order mark: Excel needs it to read accented letters as UTF-8. */
  bom: boolean;
  /**
   * ',' (RFC 4180, the default) or ';' with decimal commas, which is what Excel set to Italian expects when a file
   * is opened with a double click (with ',' everything lands in the first column).
   */
  separator?: ',' | ';';
}

export type Cell = string | number | null;

/**
 * Formula injection: a text cell starting with = + - @ (or their full-width forms), tab or CR gets a
 * leading single quote (csv-stringify's escape_formulas). Number cells are written as numbers and left
 * alone, so a numeric -1 stays -1; a text cell that happens to read "-1" is neutralised like any other
 * text, since site-supplied text such as "-1+cmd|…" must never reach a spreadsheet as a formula.
 */
export function csvStringifyOptions(columns: readonly string[], options: CsvOptions): StringifyOptions {
  const separator = options.separator ?? ',';
  return {
    header: true,
    columns: [...columns],
    delimiter: separator,
    record_delimiter: 'windows',
    bom: options.bom,
    escape_formulas: true,
    cast: { number: (value) => (separator === ';' ? String(value).replace('.', ',') : String(value)) },
  };
}

export function toCsv(columns: string[], rows: Cell[][], options: CsvOptions): string {
  return stringify(rows, csvStringifyOptions(columns, options));
}

export const CHECK_COLUMNS = [
  'id',
  'point',
  'group',
  'status',
  'score',
  'weight',
  'title',
  'message',
  'evidence_count',
  'evidence_url',
  'evidence_selector',
  'evidence_snippet',
  'evidence_note',
  'law',
];

export function renderChecksCsv(report: Report, options: CsvOptions & { lang: Lang }): string {
  const rows = report.checks.map((check): Cell[] => {
    const first = check.evidence[0];
    return [
      check.id,
      check.point,
      check.group ?? null,
      check.status,
      check.score,
      check.weight,
      check.title[options.lang],
      check.message[options.lang],
      check.evidence.length,
      first?.url ?? null,
      first?.selector ?? null,
      first?.snippet ?? null,
      first?.note?.[options.lang] ?? null,
      check.law,
    ];
  });
  return toCsv(CHECK_COLUMNS, rows, options);
}

export const PAGE_COLUMNS = [
  'url',
  'final_url',
  'status',
  'depth',
  'title',
  'lang',
  'page_type',
  'page_type_why',
  'category',
  'confidence',
  'declared_category',
  'links',
  'documents',
  'read_in_part',
  'error',
];

export function renderPagesCsv(report: Report, options: CsvOptions & { lang: Lang }): string {
  const rows = report.pages.map((page): Cell[] => [
    page.url,
    page.finalUrl,
    page.status,
    page.depth,
    page.title,
    page.lang,
    page.pageType,
    page.pageTypeSignals.map((signal) => signal[options.lang]).join('; '),
    page.category,
    page.confidence,
    page.declaredCategory,
    page.links,
    page.documents,
    page.truncated ? 'true' : 'false',
    page.error ? `${page.error.code}: ${page.error.message[options.lang]}` : null,
  ]);
  return toCsv(PAGE_COLUMNS, rows, options);
}
