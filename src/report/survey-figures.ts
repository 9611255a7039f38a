// The survey's figures, computed from its comuni: headline counts, the index distribution and levels, adoption of
// each point, the same by region and by province. Pure functions of SurveySite records.
import { MATURITY_LEVELS, POINT_ORDER, POINTS } from '../../rules/scoring.js';
import type { PointId, Status } from '../types.js';
import { compareCodeUnits } from '../util/compare.js';
import { statusCounts } from './common.js';
import type { SurveySite } from './survey-data.js';

/** The ten points of the index, in checklist order. */
export const INDEXED_POINTS: readonly PointId[] = POINT_ORDER.filter((id) => POINTS[id].weight !== null);

/** Ten bins of ten index points; the last one holds 100 too. */
export const HISTOGRAM_BINS = 10;

export interface Headline {
  listed: number;
  scored: number;
  /** The site could not be audited (DNS, TLS, timeout…). */
  unavailable: number;
  /** The row of the list was not audited (no site, invalid address, duplicate). */
  rejected: number;
  /** The tool itself failed on the site. */
  failed: number;
  /** Why comuni were not scored, commonest first (ties by reason). */
  reasons: { status: 'unavailable' | 'rejected' | 'failed'; reason: string; count: number }[];
  medianIndex: number | null;
}

export interface AreaFigures {
  name: string;
  /** The region a province belongs to; null for a region. */
  region: string | null;
  listed: number;
  scored: number;
  medianIndex: number | null;
  /** Point → share (0..1) of the area's scored comuni passing it; null when none was scored. */
  passShare: Partial<Record<PointId, number | null>>;
}

export interface SurveyFigures {
  headline: Headline;
  /** Scored comuni per bin of the index (0–10, 10–20 … 90–100). */
  histogram: number[];
  /** Level id → scored comuni, in MATURITY_LEVELS order. */
  levels: { id: string; count: number }[];
  /** Every point (ten and governance) → statuses over the scored comuni. */
  adoption: { point: PointId; counts: Record<Status, number> }[];
  regions: AreaFigures[];
  provinces: AreaFigures[];
}

/** Median of the values, to one decimal (mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(value * 10) / 10;
}

export function scoredIndices(sites: readonly SurveySite[]): number[] {
  return sites.flatMap((site) => (site.status === 'scored' && site.index !== null ? [site.index] : []));
}

export function histogram(indices: number[]): number[] {
  const bins = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const index of indices) bins[Math.min(HISTOGRAM_BINS - 1, Math.floor(index / 10))] += 1;
  return bins;
}

function headline(sites: readonly SurveySite[]): Headline {
  const count = (status: SurveySite['status']) => sites.filter((site) => site.status === status).length;
  const reasons = new Map<string, Headline['reasons'][number]>();
  for (const site of sites) {
    if (site.status === 'scored') continue;
    const reason = site.reason ?? 'other';
    const id = `${site.status} ${reason}`;
    const entry = reasons.get(id) ?? { status: site.status, reason, count: 0 };
    entry.count += 1;
    reasons.set(id, entry);
  }
  return {
    listed: sites.length,
    scored: count('scored'),
    unavailable: count('unavailable'),
    rejected: count('rejected'),
    failed: count('failed'),
    reasons: [...reasons.values()].sort((a, b) => b.count - a.count || compareCodeUnits(a.status, b.status) || compareCodeUnits(a.reason, b.reason)),
    medianIndex: median(scoredIndices(sites)),
  };
}

function area(name: string, region: string | null, sites: SurveySite[]): AreaFigures {
  const scored = sites.filter((site) => site.status === 'scored');
  const passShare: AreaFigures['passShare'] = {};
  for (const point of INDEXED_POINTS) passShare[point] = scored.length ? scored.filter((site) => site.points[point] === 'pass').length / scored.length : null;
  return { name, region, listed: sites.length, scored: scored.length, medianIndex: median(scoredIndices(sites)), passShare };
}

/** Comuni grouped by a name (those without one left out), groups sorted by name. */
function groupBy(sites: readonly SurveySite[], nameOf: (site: SurveySite) => string | null): Map<string, SurveySite[]> {
  const groups = new Map<string, SurveySite[]>();
  for (const site of sites) {
    const name = nameOf(site);
    if (name === null) continue;
    const group = groups.get(name);
    if (group) group.push(site);
    else groups.set(name, [site]);
  }
  return new Map([...groups].sort(([a], [b]) => compareCodeUnits(a, b)));
}

export function surveyFigures(sites: readonly SurveySite[]): SurveyFigures {
  const scored = sites.filter((site) => site.status === 'scored');
  const regions = [...groupBy(sites, (site) => site.region)].map(([name, group]) => area(name, null, group));
  const provinces = [...groupBy(sites, (site) => (site.province === null ? null : `${site.region ?? ''}\u0000${site.province}`))].map(([id, group]) => {
    const [region, province] = id.split('\u0000');
    return area(province, region || null, group);
  });
  return {
    headline: headline(sites),
    histogram: histogram(scoredIndices(sites)),
    levels: MATURITY_LEVELS.map((level) => ({ id: level.id, count: scored.filter((site) => site.level === level.id).length })),
    adoption: POINT_ORDER.map((point) => ({
      point,
      counts: statusCounts(scored.map((site) => ({ status: site.points[point] ?? 'unknown' }))),
    })),
    regions,
    provinces,
  };
}
