// CSV reports: one row per check, one row per page. RFC 4180 quoting, CRLF and an optional BOM so that
// Excel and LibreOffice open them cleanly. In Italian (the default) headers and coded values (status, point, page
// kind, category) are names a person reads in Excel; with --lang en or --csv-ids they are the stable ids scripts key
// on. Text cells (titles, messages, notes) always follow --lang. `survey export` follows the same convention.
import { stringify, type Options as StringifyOptions } from 'csv-stringify/sync';
import type { CategoryId, Report } from '../types.js';
import { categoryName, orderedEvidence } from './common.js';
import { messages, type Lang } from './i18n/index.js';
import { topicCsvCells } from './topics.js';

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

/** What a spreadsheet's headers and coded values are: Italian names for a person, or the ids for scripts. */
export type SpreadsheetLabels = 'names' | 'ids';

/** Names with --lang it (the default) unless --csv-ids; the ids with --lang en or --csv-ids. */
export function spreadsheetLabels(lang: Lang, ids = false): SpreadsheetLabels {
  return lang === 'it' && !ids ? 'names' : 'ids';
}

/** A header row: each column's Italian name (from `names`, the id when it has none) or the ids themselves. */
export function spreadsheetHeaders(columns: readonly string[], names: Readonly<Record<string, string>>, labels: SpreadsheetLabels): string[] {
  return labels === 'ids' ? [...columns] : columns.map((column) => names[column] ?? column);
}

/** A coded value in a spreadsheet: its Italian name (from `names`, the id when it has none) or the id itself. */
export function spreadsheetValue<T extends string | null>(id: T, names: Readonly<Record<string, string>>, labels: SpreadsheetLabels): T | string {
  return labels === 'ids' || id === null ? id : (names[id] ?? id);
}

/** The CSV reporters' options: the language of the text cells and, with `ids`, the ids for headers and coded values. */
export type CsvReportOptions = CsvOptions & { lang: Lang; ids?: boolean };

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
  'evidence_outcome',
  'law',
];

export function renderChecksCsv(report: Report, options: CsvReportOptions): string {
  const labels = spreadsheetLabels(options.lang, options.ids);
  const t = messages('it');
  const named = labels === 'names';
  const rows = report.checks.map((check): Cell[] => {
    const [first] = orderedEvidence(check.evidence);
    const outcome = first?.outcome ?? null;
    return [
      check.id,
      named ? t.pointName[check.point] : check.point,
      check.group === undefined ? null : named ? t.groupName[check.group] : check.group,
      named ? t.status[check.status] : check.status,
      check.score,
      check.weight,
      check.title[options.lang],
      check.message[options.lang],
      check.evidence.length,
      first?.url ?? null,
      first?.selector ?? null,
      first?.snippet ?? null,
      first?.note?.[options.lang] ?? null,
      outcome === null ? null : named ? t.status[outcome] : outcome,
      check.law,
    ];
  });
  return toCsv(spreadsheetHeaders(CHECK_COLUMNS, t.csv.checkColumns, labels), rows, options);
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
  'topics',
  'declared_topics',
  'links',
  'documents',
  'read_in_part',
  'error',
];

export function renderPagesCsv(report: Report, options: CsvReportOptions): string {
  const labels = spreadsheetLabels(options.lang, options.ids);
  const t = messages('it');
  const named = labels === 'names';
  const category = (id: CategoryId | null) => (id === null || !named ? id : categoryName(id, 'it'));
  const rows = report.pages.map((page): Cell[] => [
    page.url,
    page.finalUrl,
    page.status,
    page.depth,
    page.title,
    page.lang,
    named ? t.pageTypeName[page.pageType] : page.pageType,
    page.pageTypeSignals.map((signal) => signal[options.lang]).join('; '),
    category(page.category),
    page.confidence,
    category(page.declaredCategory),
    ...topicCsvCells(page.topics, page.declaredTopics),
    page.links,
    page.documents,
    named ? (page.truncated ? t.csv.yes : t.csv.no) : page.truncated ? 'true' : 'false',
    page.error ? `${page.error.code}: ${page.error.message[options.lang]}` : null,
  ]);
  return toCsv(spreadsheetHeaders(PAGE_COLUMNS, t.csv.pageColumns, labels), rows, options);
}
