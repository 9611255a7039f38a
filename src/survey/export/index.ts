// `survey export` writers: rows → CSV (BOM and ';' options as `audit`, formula-injection safe), JSON Lines or XLSX.
// Rows are streamed: the writers hold one row at a time, so 8,000 comuni need no more memory than 80.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { csvStringifyOptions } from '../../report/csv.js';
import type { Lang } from '../../report/i18n/index.js';
import { exportHeaders, spreadsheetRow, SURVEY_EXPORT_COLUMNS, type ExportRecord } from './columns.js';

export { exportHeaders, SURVEY_EXPORT_COLUMNS, type ExportValue, type SurveyExportRow } from './columns.js';

export type ExportFormat = 'csv' | 'jsonl' | 'xlsx';

export interface ExportOptions {
  /** CSV: a UTF-8 byte-order mark (Excel needs it to read accents). */
  bom: boolean;
  /** CSV: ',' or ';' with decimal commas (Excel set to Italian). */
  separator: ',' | ';';
  /** Spreadsheet headers and coded values (CSV, XLSX): Italian names with `it` (the default), the ids with `en`. */
  lang?: Lang;
  /** Spreadsheet headers and coded values as the ids in Italian too (--csv-ids). */
  ids?: boolean;
  /** The columns, in order; the rows are keyed by them. */
  columns?: readonly string[];
}

type ExportRows = Iterable<ExportRecord> | AsyncIterable<ExportRecord>;

/** The rows as they arrive, each through `map`: still one row at a time. */
async function* mapRows(rows: ExportRows, map: (row: ExportRecord) => ExportRecord): AsyncGenerator<ExportRecord> {
  for await (const row of rows) yield map(row);
}

/** Writes the rows to `out` in the format; returns how many rows were written. */
export async function writeSurveyExport(rows: ExportRows, format: ExportFormat, out: string, options: ExportOptions): Promise<number> {
  const columns = options.columns ?? SURVEY_EXPORT_COLUMNS;
  const headers = exportHeaders(options.lang ?? 'it', columns, options.ids);
  const shown = spreadsheetRow(options.lang ?? 'it', options.ids);
  if (format === 'xlsx') {
    const { writeXlsx } = await import('./xlsx.js');
    return writeXlsx(mapRows(rows, shown), columns, headers, out);
  }
  const file = createWriteStream(out);
  let count = 0;
  if (format === 'jsonl') {
    // Keys are the column ids in both languages: JSON Lines is for scripts.
    for await (const row of rows) {
      const record = Object.fromEntries(columns.map((column) => [column, row[column] ?? null]));
      if (!file.write(`${JSON.stringify(record)}\n`)) await once(file, 'drain');
      count += 1;
    }
    file.end();
    await finished(file);
    return count;
  }
  const csv = stringify(csvStringifyOptions(headers, { bom: options.bom, separator: options.separator }));
  csv.pipe(file);
  for await (const row of mapRows(rows, shown)) {
    if (!csv.write(columns.map((column) => row[column] ?? null))) await once(csv, 'drain');
    count += 1;
  }
  csv.end();
  await finished(file);
  return count;
}
