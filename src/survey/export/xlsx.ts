// XLSX through exceljs' streaming writer: each row is committed to the zip as it comes, so memory stays flat
// however many comuni (README "Dependencies and why" has the measurements against the alternatives).
import ExcelJS from 'exceljs';
import type { ExportValue } from './columns.js';

type Rows = Iterable<Readonly<Record<string, ExportValue>>> | AsyncIterable<Readonly<Record<string, ExportValue>>>;

export async function writeXlsx(rows: Rows, columns: readonly string[], headers: string[], out: string): Promise<number> {
  // No shared-strings table (it would keep every distinct text in memory to the end); cells are inline strings,
  // never formulas, so a site's text cannot become one.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('survey', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for await (const row of rows) {
    sheet.addRow(columns.map((column) => row[column] ?? null)).commit();
    count += 1;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
