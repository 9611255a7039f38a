// One export row per comune of a survey run, in the list's order: the columns of `survey export` (CSV, JSON Lines,
// XLSX). Plain values only, so every writer takes the same rows.
import { POINT_ORDER } from '../../rules/scoring.js';
import type { StoredSite, SurveyStore } from './store.js';

export type ExportValue = string | number | null;

/** The columns, in order: identity, outcome, index, one per point and governance row, then size and time. */
export const EXPORT_COLUMNS: readonly string[] = [
  'ipa_code', 'name', 'region', 'province', 'istat_code', 'url', 'final_url', 'status', 'reason', 'detail',
  'maturity_index', 'level', ...POINT_ORDER, 'pages', 'duration_s', 'line',
];

/** A point's score as a percentage with one decimal, like the index; null when not scored. */
const percent = (score: number | null | undefined) => (score === null || score === undefined ? null : Math.round(score * 1000) / 10);

export function exportRow(site: StoredSite, lang: 'it' | 'en'): Record<string, ExportValue> {
  const row: Record<string, ExportValue> = {
    ipa_code: site.ipaCode,
    name: site.name,
    region: site.region,
    province: site.province,
    istat_code: site.istatCode,
    url: site.url ?? site.rawUrl,
    final_url: site.finalUrl,
    status: site.status,
    reason: site.reason,
    detail: site.detail?.[lang] ?? null,
    maturity_index: site.maturityIndex,
    level: site.level,
  };
  for (const point of POINT_ORDER) row[point] = percent(site.points[point]);
  row.pages = site.pagesFetched;
  row.duration_s = site.durationMs === null ? null : Math.round(site.durationMs / 100) / 10;
  row.line = site.line;
  return row;
}

export function* exportRows(store: SurveyStore, runId: number, lang: 'it' | 'en'): Generator<Record<string, ExportValue>> {
  for (const site of store.sites(runId)) yield exportRow(site, lang);
}
