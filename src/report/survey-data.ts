// What the survey dashboard and the survey comparison read from a survey store, as plain records: one run's
// comuni with their point statuses, and the most common failures with one example's evidence. The figures
// themselves are computed from these records (survey-figures.ts), so a test can compute them from the store too.
import { allRules } from '../check/registry.js';
import { CliError, EXIT } from '../cli/errors.js';
import type { SiteStatus, SurveyStore, RunRecord } from '../survey/store.js';
import type { Evidence, Localised, PointId, Status } from '../types.js';

export interface SurveySite {
  key: string;
  line: number;
  ipaCode: string | null;
  name: string | null;
  region: string | null;
  province: string | null;
  url: string | null;
  finalUrl: string | null;
  status: SiteStatus;
  /** Why the site was not scored: the list's reason (no-website…) or the crawler's error code (dns, tls…). */
  reason: string | null;
  detail: Localised | null;
  index: number | null;
  level: string | null;
  /** Point id → status; empty for a site that was not scored. */
  points: Partial<Record<PointId, Status>>;
  /** True when the run kept the site's full report (--keep-reports). */
  keptReport: boolean;
}

export interface FailureExample {
  key: string;
  name: string | null;
  url: string | null;
  message: Localised;
  /** The first evidence items of the example's check (often none: a failure is usually something missing). */
  evidence: Evidence[];
}

export interface CommonFailure {
  checkId: string;
  point: PointId;
  /** The rule's failure title, when this version of the tool still has the rule. */
  title: Localised | null;
  /** Scored comuni where the check failed. */
  comuni: number;
  example: FailureExample;
}

export interface SurveyData {
  path: string;
  run: RunRecord;
  sites: SurveySite[];
  failures: CommonFailure[];
}

/** Failures listed in the dashboard; evidence items shown for each example. */
export const FAILURES_LISTED = 15;
const EXAMPLE_EVIDENCE = 5;

/** The run `--run` names, or the last one; no run, or an unknown id, is an error naming the store's runs. */
export function selectRun(store: SurveyStore, runId: number | undefined): RunRecord {
  const run = runId === undefined ? store.lastRun() : store.run(runId);
  if (run) return run;
  const runs = store.runs();
  if (!runs.length) throw new CliError((m) => m.survey.noRun(store.path), EXIT.io);
  throw new CliError((m) => m.survey.unknownRun(store.path, runId as number, runs.map((r) => r.id).join(', ')), EXIT.usage);
}

/** A run's comuni, in the list's order, with their point statuses. */
export function loadSites(store: SurveyStore, runId: number): SurveySite[] {
  const statuses = new Map<string, Partial<Record<PointId, Status>>>();
  const rows = store.db.prepare('SELECT key, point, status FROM points WHERE run_id = ? ORDER BY key, point').all(runId) as { key: string; point: PointId; status: Status }[];
  for (const row of rows) {
    const points = statuses.get(row.key) ?? {};
    points[row.point] = row.status;
    statuses.set(row.key, points);
  }
  const kept = new Set(store.db.prepare('SELECT key FROM reports WHERE run_id = ?').pluck().all(runId) as string[]);
  return [...store.sites(runId)].map((site) => ({
    key: site.key,
    line: site.line,
    ipaCode: site.ipaCode,
    name: site.name,
    region: site.region,
    province: site.province,
    url: site.url,
    finalUrl: site.finalUrl,
    status: site.status,
    reason: site.reason,
    detail: site.detail,
    index: site.maturityIndex,
    level: site.level,
    points: statuses.get(site.key) ?? {},
    keptReport: kept.has(site.key),
  }));
}

const FAILURE_TITLES = new Map(allRules.map((rule) => [rule.meta.id, rule.meta.failureTitle]));

/** The checks failed by most scored comuni (ties by check id), each with the first such comune in the list as an example. */
export function loadFailures(store: SurveyStore, runId: number, limit = FAILURES_LISTED): CommonFailure[] {
  const top = store.db
    .prepare(
      `SELECT c.check_id AS checkId, c.point AS point, count(*) AS comuni FROM checks c JOIN sites s ON s.run_id = c.run_id AND s.key = c.key
       WHERE c.run_id = ? AND c.status = 'fail' AND s.status = 'scored' GROUP BY c.check_id ORDER BY comuni DESC, c.check_id LIMIT ?`,
    )
    .all(runId, limit) as { checkId: string; point: PointId; comuni: number }[];
  const example = store.db.prepare(
    `SELECT s.key AS key, s.name AS name, coalesce(s.final_url, s.url) AS url, c.message_it AS it, c.message_en AS en
     FROM checks c JOIN sites s ON s.run_id = c.run_id AND s.key = c.key
     WHERE c.run_id = ? AND c.check_id = ? AND c.status = 'fail' AND s.status = 'scored' ORDER BY s.line, s.key LIMIT 1`,
  );
  const evidence = store.db.prepare('SELECT url, selector, snippet, note_it, note_en FROM evidence WHERE run_id = ? AND key = ? AND check_id = ? ORDER BY seq LIMIT ?');
  return top.map((failure) => {
    const row = example.get(runId, failure.checkId) as { key: string; name: string | null; url: string | null; it: string; en: string };
    const items = evidence.all(runId, row.key, failure.checkId, EXAMPLE_EVIDENCE) as { url: string; selector: string; snippet: string; note_it: string | null; note_en: string | null }[];
    return {
      ...failure,
      title: FAILURE_TITLES.get(failure.checkId) ?? null,
      example: {
        key: row.key,
        name: row.name,
        url: row.url,
        message: { it: row.it, en: row.en },
        evidence: items.map((item) => ({
          url: item.url,
          selector: item.selector,
          snippet: item.snippet,
          ...(item.note_it !== null && item.note_en !== null ? { note: { it: item.note_it, en: item.note_en } } : {}),
        })),
      },
    };
  });
}

export function loadSurvey(store: SurveyStore, run: RunRecord): SurveyData {
  return { path: store.path, run, sites: loadSites(store, run.id), failures: loadFailures(store, run.id) };
}
