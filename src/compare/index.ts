// Two audits of one site side by side: which checks improved, which regressed, with the evidence that appeared or
// disappeared, and what cannot be compared (a check one run did not have, a status one run could not decide, a site
// one run could not reach) named apart instead of counted as a change. Pure: same two records → same comparison.
// Used by `compare`, `audit --baseline` and `survey compare`.
import { originOf } from '../crawl/url.js';
import type { CheckResult, Evidence, FetchError, Localised, PointId, PointScore, Report, Status } from '../types.js';

/** The parts of a report a comparison reads. Points, tool, run and fatal are optional: a baseline of an older version may lack them. */
export type Comparable = Pick<Report, 'site' | 'maturity'> & {
  checks: ComparableCheck[];
  points?: PointScore[];
  tool?: Report['tool'];
  run?: Pick<Report['run'], 'startedAt' | 'durationMs'>;
  fatal?: FetchError;
};

/** A check as compared: a survey store holds checks without title or evidence, so both are optional. */
export type ComparableCheck = Pick<CheckResult, 'id' | 'status'> & Partial<Pick<CheckResult, 'point' | 'title' | 'evidence'>>;

/** Scored statuses, best last; unknown and error say nothing about better or worse. */
const RANK: Partial<Record<Status, number>> = { fail: 0, partial: 1, pass: 2 };

/**
 * improved / regressed / unchanged: both runs decided the check. Otherwise why it cannot be compared:
 * `new` only the later run has it (a check added in a newer version), `dropped` only the earlier one,
 * `undecided` one run or both ended unknown or error with a different status, `unreachable` the site could not be audited in a run.
 */
export type CheckChangeKind = 'improved' | 'regressed' | 'unchanged' | 'new' | 'dropped' | 'undecided' | 'unreachable';

export const NOT_COMPARABLE: readonly CheckChangeKind[] = ['new', 'dropped', 'undecided', 'unreachable'];

export interface CheckChange {
  id: string;
  point: PointId | null;
  /** The later run's title when it has the check, else the earlier one's; null when neither carries one. */
  title: Localised | null;
  before: Status | null;
  after: Status | null;
  change: CheckChangeKind;
  /** Evidence places ("path · selector") the earlier run showed and the later one no longer does, in the earlier order. */
  lost: string[];
  /** Evidence places the later run shows that the earlier one did not, in the later order. */
  gained: string[];
  /** The evidence items behind `gained`, for reporters that show what was seen. */
  gainedEvidence: Evidence[];
}

export interface PointChange {
  id: PointId;
  before: { status: Status; score: number | null } | null;
  after: { status: Status; score: number | null } | null;
}

export interface RunSide {
  siteUrl: string;
  index: number | null;
  level: Report['maturity']['level'];
  toolVersion: string | null;
  /** ISO date of the run, or null when timing was zeroed (--no-timing) or absent. */
  startedAt: string | null;
  /** Why the site could not be audited in this run. */
  fatal: FetchError | null;
}

export interface Comparison {
  before: RunSide;
  after: RunSide;
  /** after − before, one decimal; null when either index is missing. */
  indexChange: number | null;
  /** Every check of either run: the later run's order, then checks only the earlier run had, in its order. */
  checks: CheckChange[];
  points: PointChange[];
}

/** An evidence item's place, relative to its report's site when on it, so two hosts of one site compare equal. */
function evidenceKey(item: Pick<Evidence, 'url' | 'selector'>, origin: string): string {
  const place = origin && (item.url.startsWith(`${origin}/`) || item.url === origin) ? item.url.slice(origin.length) || '/' : item.url;
  return `${place} · ${item.selector}`;
}

function siteOriginOf(report: Comparable): string {
  try {
    return originOf(report.site.siteUrl);
  } catch {
    return '';
  }
}

function side(report: Comparable): RunSide {
  const { run } = report;
  const timed = run && run.durationMs > 0 && !Number.isNaN(new Date(run.startedAt).getTime());
  return {
    siteUrl: report.site.siteUrl,
    index: report.maturity.index,
    level: report.maturity.level,
    toolVersion: report.tool?.version ?? null,
    startedAt: timed ? run.startedAt : null,
    fatal: report.fatal ?? null,
  };
}

function changeOf(before: Status, after: Status): CheckChangeKind {
  const oldRank = RANK[before];
  const newRank = RANK[after];
  if (before === after) return 'unchanged';
  if (oldRank === undefined || newRank === undefined) return 'undecided';
  return newRank > oldRank ? 'improved' : newRank < oldRank ? 'regressed' : 'unchanged';
}

function keyedEvidence(check: ComparableCheck | undefined, origin: string): { key: string; item: Evidence }[] {
  return (check?.evidence ?? []).map((item) => ({ key: evidenceKey(item, origin), item }));
}

/** One check across the two runs; at least one of them has it. */
function checkChange(old: ComparableCheck | undefined, now: ComparableCheck | undefined, origins: [string, string], unreachable: boolean): CheckChange {
  const oldEvidence = keyedEvidence(old, origins[0]);
  const newEvidence = keyedEvidence(now, origins[1]);
  const oldKeys = new Set(oldEvidence.map((e) => e.key));
  const newKeys = new Set(newEvidence.map((e) => e.key));
  const gained = newEvidence.filter((e, i) => !oldKeys.has(e.key) && newEvidence.findIndex((other) => other.key === e.key) === i);
  const change: CheckChangeKind = unreachable ? 'unreachable' : !old ? 'new' : !now ? 'dropped' : changeOf(old.status, now.status);
  return {
    id: (now ?? old)!.id,
    point: now?.point ?? old?.point ?? null,
    title: now?.title ?? old?.title ?? null,
    before: old?.status ?? null,
    after: now?.status ?? null,
    change,
    lost: [...new Set(oldEvidence.map((e) => e.key))].filter((key) => !newKeys.has(key)),
    gained: gained.map((e) => e.key),
    gainedEvidence: gained.map((e) => e.item),
  };
}

function pointChanges(before: Comparable, after: Comparable): PointChange[] {
  const old = new Map((before.points ?? []).map((point) => [point.id, point]));
  const now = new Map((after.points ?? []).map((point) => [point.id, point]));
  const ids = [...now.keys(), ...[...old.keys()].filter((id) => !now.has(id))];
  const summary = (point: PointScore | undefined) => (point ? { status: point.status, score: point.score } : null);
  return ids.map((id) => ({ id, before: summary(old.get(id)), after: summary(now.get(id)) }));
}

function roundedChange(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : Math.round((after - before) * 10) / 10;
}

/** The comparison of an earlier and a later audit of one site (or of a staging host against the live site). */
export function compareReports(before: Comparable, after: Comparable): Comparison {
  const unreachable = Boolean(before.fatal || after.fatal);
  const old = new Map(before.checks.map((check) => [check.id, check]));
  const now = new Map(after.checks.map((check) => [check.id, check]));
  const origins: [string, string] = [siteOriginOf(before), siteOriginOf(after)];
  const checks = [
    ...after.checks.map((check) => checkChange(old.get(check.id), check, origins, unreachable)),
    ...before.checks.filter((check) => !now.has(check.id)).map((check) => checkChange(check, undefined, origins, unreachable)),
  ];
  return {
    before: side(before),
    after: side(after),
    indexChange: roundedChange(before.maturity.index, after.maturity.index),
    checks,
    points: unreachable ? [] : pointChanges(before, after),
  };
}

/** Checks by kind of change, in the comparison's order. */
export function checksWith(comparison: Comparison, ...kinds: CheckChangeKind[]): CheckChange[] {
  return comparison.checks.filter((check) => kinds.includes(check.change));
}

export { readReportFile } from './read.js';
