// One export row per comune of a survey run, in the list's order (the columns: src/survey/export/columns.ts).
import { POINT_ORDER } from '../../rules/scoring.js';
import type { ExportValue, SurveyExportRow } from './export/index.js';
import type { StoredSite, SurveyStore } from './store.js';

/** A point's score as a percentage with one decimal, like the index; null when not scored. */
const percent = (score: number | null | undefined) => (score === null || score === undefined ? null : Math.round(score * 1000) / 10);

export function exportRow(site: StoredSite, lang: 'it' | 'en'): SurveyExportRow {
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
  return row as SurveyExportRow;
}

export function* exportRows(store: SurveyStore, runId: number, lang: 'it' | 'en'): Generator<SurveyExportRow> {
  for (const site of store.sites(runId)) yield exportRow(site, lang);
}
