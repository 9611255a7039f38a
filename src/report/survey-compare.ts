// What changed between two runs of a survey: each comune's index and the checks whose status changed (the one-site
// comparison of src/compare, applied to each comune present in both runs), the change in adoption of each point,
// and the two index distributions. A comune audited in one run only, or unreachable in one, is named as not
// comparable, never counted as a change.
import { compareReports, checksWith, type CheckChange, type Comparable } from '../compare/index.js';
import type { RunRecord, SurveyStore } from '../survey/store.js';
import type { PointId, Status } from '../types.js';
import type { SurveySite } from './survey-data.js';
import { INDEXED_POINTS, histogram, median, scoredIndices } from './survey-figures.js';

/** improved / regressed / unchanged: the index moved up, down or not at all; otherwise why it cannot be compared. */
export type ComuneChangeKind = 'improved' | 'regressed' | 'unchanged' | 'only-before' | 'only-after' | 'unreachable-before' | 'unreachable-after' | 'not-scored';

export interface ComuneChange {
  key: string;
  name: string | null;
  region: string | null;
  province: string | null;
  before: { status: SurveySite['status']; index: number | null; reason: string | null } | null;
  after: { status: SurveySite['status']; index: number | null; reason: string | null } | null;
  /** after − before, one decimal; null when not comparable. */
  indexChange: number | null;
  kind: ComuneChangeKind;
  /** Checks that improved or regressed, in the later run's order; empty when not comparable. */
  checks: CheckChange[];
}

export interface PointAdoptionChange {
  point: PointId;
  /** Share (0..1) of each run's scored comuni passing the point; null when a run scored none. */
  before: number | null;
  after: number | null;
}

export interface SurveyComparison {
  from: RunRecord;
  to: RunRecord;
  comuni: ComuneChange[];
  points: PointAdoptionChange[];
  medianBefore: number | null;
  medianAfter: number | null;
  histogramBefore: number[];
  histogramAfter: number[];
}

type CheckRow = { id: string; point: PointId; status: Status };

/** A scored comune as a comparable report: its index and its checks' statuses (the store keeps evidence apart). */
function comparable(site: SurveySite, checks: CheckRow[]): Comparable {
  const siteUrl = site.finalUrl ?? site.url ?? '';
  return { site: { startUrl: siteUrl, siteUrl, host: '' }, maturity: { index: site.index, level: null }, checks };
}

function side(site: SurveySite | undefined): ComuneChange['before'] {
  return site ? { status: site.status, index: site.index, reason: site.reason } : null;
}

function kindOf(before: SurveySite | undefined, after: SurveySite | undefined, change: number | null): ComuneChangeKind {
  if (!before) return 'only-after';
  if (!after) return 'only-before';
  if (before.status === 'unavailable') return 'unreachable-before';
  if (after.status === 'unavailable') return 'unreachable-after';
  if (change === null) return 'not-scored';
  return change > 0 ? 'improved' : change < 0 ? 'regressed' : 'unchanged';
}

function passShare(sites: SurveySite[], point: PointId): number | null {
  const scored = sites.filter((site) => site.status === 'scored');
  return scored.length ? scored.filter((site) => site.points[point] === 'pass').length / scored.length : null;
}

/** Compares two runs' comuni by key: the later run's order, then comuni only the earlier run had. */
export function compareSurveyRuns(store: SurveyStore, from: RunRecord, before: SurveySite[], to: RunRecord, after: SurveySite[]): SurveyComparison {
  const checksOf = store.db.prepare('SELECT check_id AS id, point, status FROM checks WHERE run_id = ? AND key = ? ORDER BY rowid');
  const old = new Map(before.map((site) => [site.key, site]));
  const now = new Map(after.map((site) => [site.key, site]));
  const keys = [...after.map((site) => site.key), ...before.filter((site) => !now.has(site.key)).map((site) => site.key)];
  const comuni = keys.map((key): ComuneChange => {
    const b = old.get(key);
    const a = now.get(key);
    const site = (a ?? b) as SurveySite;
    let checks: CheckChange[] = [];
    let indexChange: number | null = null;
    if (b && a && b.status === 'scored' && a.status === 'scored') {
      const comparison = compareReports(comparable(b, checksOf.all(from.id, key) as CheckRow[]), comparable(a, checksOf.all(to.id, key) as CheckRow[]));
      checks = checksWith(comparison, 'improved', 'regressed');
      indexChange = comparison.indexChange;
    }
    return { key, name: site.name, region: site.region, province: site.province, before: side(b), after: side(a), indexChange, kind: kindOf(b, a, indexChange), checks };
  });
  return {
    from,
    to,
    comuni,
    points: INDEXED_POINTS.map((point) => ({ point, before: passShare(before, point), after: passShare(after, point) })),
    medianBefore: median(scoredIndices(before)),
    medianAfter: median(scoredIndices(after)),
    histogramBefore: histogram(scoredIndices(before)),
    histogramAfter: histogram(scoredIndices(after)),
  };
}

export const COMPARABLE_KINDS: readonly ComuneChangeKind[] = ['improved', 'regressed', 'unchanged'];
