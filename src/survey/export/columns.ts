// The columns of `survey export`: one row per comune of a run, in the list's order. Ids are stable (scripts key on
// them, JSON Lines always uses them); spreadsheet headers and coded values (status, reason, level) are Italian names
// with --lang it (the default) and the ids with --lang en or --csv-ids, as survey teams in Italy read them in Excel:
// the audit CSV's convention (src/report/csv.ts).
import { MATURITY_LEVELS, POINT_ORDER } from '../../../rules/scoring.js';
import { spreadsheetHeaders, spreadsheetLabels, spreadsheetValue } from '../../report/csv.js';
import { messages, type Lang } from '../../report/i18n/index.js';
import type { PointId } from '../../types.js';

export type ExportValue = string | number | null;
/** A row by column id, as the writers take it. */
export type ExportRecord = Readonly<Record<string, ExportValue>>;

const LEADING = ['ipa_code', 'name', 'region', 'province', 'istat_code', 'url', 'final_url', 'status', 'reason', 'detail', 'maturity_index', 'level'] as const;
const TRAILING = ['pages', 'duration_s', 'line'] as const;

/** Identity, outcome, index and level, one column per point and governance row (score 0–100), then size and time. */
export const SURVEY_EXPORT_COLUMNS: readonly string[] = [...LEADING, ...POINT_ORDER, ...TRAILING];

/**
 * One row of the export. `status`: scored, unavailable (the site could not be audited: `reason` is the crawler's
 * error code), rejected (the list's reason: no-website…) or failed; points are scores 0–100 with one decimal, null
 * when not judged. A type alias (not an interface), so a row is also a plain Record for the writers.
 */
export type SurveyExportRow = { [K in (typeof LEADING)[number] | (typeof TRAILING)[number]]: ExportValue } & { [K in PointId]: number | null };

/** The header of each column in a spreadsheet: Italian names (points by their report name) or the ids. */
export function exportHeaders(lang: Lang, columns: readonly string[] = SURVEY_EXPORT_COLUMNS, ids = false): string[] {
  const t = messages('it');
  return spreadsheetHeaders(columns, { ...t.pointName, ...t.csv.surveyExportColumns }, spreadsheetLabels(lang, ids));
}

/** The Italian names of the coded columns' values. */
function codedNames(): Readonly<Record<string, Readonly<Record<string, string>>>> {
  const t = messages('it').csv;
  return { status: t.surveyStatus, reason: t.surveyReason, level: Object.fromEntries(MATURITY_LEVELS.map((level) => [level.id, level.name.it])) };
}

/**
 * A row as a spreadsheet shows it: with names, the coded columns (status, reason, level) read as Italian names;
 * with ids, the row as it is.
 */
export function spreadsheetRow(lang: Lang, ids = false): (row: ExportRecord) => ExportRecord {
  const labels = spreadsheetLabels(lang, ids);
  if (labels === 'ids') return (row) => row;
  const names = codedNames();
  return (row) => {
    const named: Record<string, ExportValue> = { ...row };
    for (const [column, values] of Object.entries(names)) {
      const value = row[column];
      if (typeof value === 'string') named[column] = spreadsheetValue(value, values, labels);
    }
    return named;
  };
}
