// `--baseline <report.json>`: what got worse since an earlier JSON report of the same site (or of its production
// twin: evidence is compared by path, so a staging host can be checked against the live site's report).
import { readFile } from 'node:fs/promises';
import { CliError, EXIT } from './errors.js';
import { originOf } from '../crawl/url.js';
import type { CheckResult, Report, Status } from '../types.js';

/** Scored statuses, best last; unknown and error say nothing about better or worse. */
const RANK: Partial<Record<Status, number>> = { fail: 0, partial: 1, pass: 2 };

export interface Regression {
  id: string;
  before: Status;
  after: Status;
  /** Evidence of the baseline that the new run no longer shows: "path · selector", in the baseline's order. */
  lost: string[];
}

/** The parts of a report a comparison reads; a baseline file must have at least these. */
export type Comparable = Pick<Report, 'site' | 'checks' | 'maturity'>;

/** An evidence item's place, relative to its report's site when on it, so two hosts of one site compare equal. */
function evidenceKey(url: string, selector: string, origin: string): string {
  const place = url.startsWith(`${origin}/`) || url === origin ? url.slice(origin.length) || '/' : url;
  return `${place} · ${selector}`;
}

function siteOriginOf(report: Comparable): string {
  try {
    return originOf(report.site.siteUrl);
  } catch {
    return '';
  }
}

function keysOf(check: CheckResult, origin: string): string[] {
  return check.evidence.map((item) => evidenceKey(item.url, item.selector, origin));
}

/** Checks whose scored status is worse now than in the baseline, in the current report's order. */
export function regressions(baseline: Comparable, current: Comparable): Regression[] {
  const before = new Map(baseline.checks.map((check) => [check.id, check]));
  const baselineOrigin = siteOriginOf(baseline);
  const currentOrigin = siteOriginOf(current);
  const found: Regression[] = [];
  for (const check of current.checks) {
    const old = before.get(check.id);
    const oldRank = old && RANK[old.status];
    const newRank = RANK[check.status];
    if (old === undefined || oldRank === undefined || newRank === undefined || newRank >= oldRank) continue;
    const now = new Set(keysOf(check, currentOrigin));
    const lost = [...new Set(keysOf(old, baselineOrigin))].filter((key) => !now.has(key));
    found.push({ id: check.id, before: old.status, after: check.status, lost });
  }
  return found;
}

/** Report versions a baseline may come from: what is compared (check ids, statuses, evidence places) is the same. */
const COMPARABLE_VERSIONS: readonly unknown[] = [1, 2];

function isComparable(value: unknown): value is Comparable {
  const report = value as { schemaVersion?: unknown } & Partial<Comparable> | null;
  return (
    typeof report === 'object' && report !== null && COMPARABLE_VERSIONS.includes(report.schemaVersion) &&
    typeof report.maturity === 'object' && report.maturity !== null && typeof report.site?.siteUrl === 'string' &&
    Array.isArray(report.checks) && report.checks.every((check) => typeof check?.id === 'string' && typeof check.status === 'string' && Array.isArray(check.evidence))
  );
}

/** Reads a JSON report written by `audit -f json`; anything else is an I/O error naming the file. */
export async function readBaseline(path: string): Promise<Comparable> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError((m) => m.cli.baselineUnreadable(path, (error as NodeJS.ErrnoException).code ?? String(error)), EXIT.io);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError((m) => m.cli.baselineNotReport(path), EXIT.io);
  }
  if (!isComparable(value)) throw new CliError((m) => m.cli.baselineNotReport(path), EXIT.io);
  // Compared with nothing, every check would look unchanged and the gate would pass without looking.
  const fatal = (value as Partial<Report>).fatal;
  if (fatal && value.checks.length === 0) {
    throw new CliError((m, lang) => m.cli.baselineDidNotRun(path, fatal.message?.[lang] ?? String(fatal.code)), EXIT.io);
  }
  return value;
}
