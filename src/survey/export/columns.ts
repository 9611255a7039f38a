// The columns of `survey export`: one row per comune of a run, in the list's order. Ids are stable (scripts key on
// them, JSON Lines always uses them); spreadsheet headers are Italian with --lang it (the default) and the ids with
// --lang en or --csv-ids, as survey teams in Italy read them in Excel: the audit CSV's convention (src/report/csv.ts).
import { POINT_ORDER } from '../../../rules/scoring.js';
import { spreadsheetHeaders, spreadsheetLabels } from '../../report/csv.js';
import { messages, type Lang } from '../../report/i18n/index.js';
import type { PointId } from '../../types.js';

export type ExportValue = string | number | null;

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

const ITALIAN_HEADERS: Record<string, string> = {
  ipa_code: 'Codice IPA',
  name: 'Denominazione',
  region: 'Regione',
  province: 'Provincia',
  istat_code: 'Codice ISTAT',
  url: 'Sito',
  final_url: 'Indirizzo finale',
  status: 'Esito',
  reason: 'Motivo',
  detail: 'Dettaglio',
  maturity_index: 'Indice di maturità',
  level: 'Livello',
  pages: 'Pagine lette',
  duration_s: 'Durata (s)',
  line: 'Riga dell’elenco',
};

/** The header of each column in a spreadsheet: Italian names (points by their report name) or the ids. */
export function exportHeaders(lang: Lang, columns: readonly string[] = SURVEY_EXPORT_COLUMNS, ids = false): string[] {
  return spreadsheetHeaders(columns, { ...messages('it').pointName, ...ITALIAN_HEADERS }, spreadsheetLabels(lang, ids));
}
