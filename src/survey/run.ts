// Runs (or resumes) one survey run: sites already in the store are skipped, rejected rows are stored at once,
// the others are audited by the pool, `sites` at a time, each saved in one transaction the moment it ends.
import type { AuditPool } from './pool.js';
import type { SiteResult } from './record.js';
import type { RunRecord, SurveyStore } from './store.js';
import type { SurveyTarget } from './types.js';

export interface SurveyProgress {
  /** Sites of the run stored so far (earlier sessions included). */
  done: number;
  total: number;
  /** Stored sites that were not scored: unavailable, rejected or failed. */
  failures: number;
  /** Sites in flight now. */
  running: number;
}

export interface RunSurveyOptions {
  store: SurveyStore;
  run: RunRecord;
  targets: SurveyTarget[];
  pool: AuditPool;
  /** Sites audited at once. */
  sites: number;
  /** Aborting abandons the sites in flight: nothing of them is stored, a resumed run redoes them. */
  signal?: AbortSignal;
  onSite?: (progress: SurveyProgress, target: SurveyTarget, result: SiteResult | null) => void;
}

export interface SurveyResult extends SurveyProgress {
  interrupted: boolean;
}

/**
 * Rows sharing a key (a duplicate IPA code the list kept as a rejected row) get their line appended to it, so
 * every row of the list is one row of the store, and the same list gives the same keys on a resumed run.
 */
export function withUniqueKeys(targets: SurveyTarget[]): SurveyTarget[] {
  const seen = new Set<string>();
  return targets.map((target) => {
    const key = seen.has(target.key) ? `${target.key}@${target.line}` : target.key;
    seen.add(key);
    return key === target.key ? target : { ...target, key };
  });
}

export async function runSurvey(options: RunSurveyOptions): Promise<SurveyResult> {
  const { store, run, pool, signal } = options;
  const targets = withUniqueKeys(options.targets);
  const stored = store.doneKeys(run.id);
  const progress: SurveyProgress = { done: stored.size, total: targets.length, failures: store.countFailures(run.id), running: 0 };
  const save = (target: SurveyTarget, result: SiteResult | null) => {
    store.saveResult(run.id, target, result);
    progress.done++;
    if (result?.audit.status !== 'scored') progress.failures++;
    options.onSite?.(progress, target, result);
  };

  const queue: SurveyTarget[] = [];
  for (const target of targets) {
    if (stored.has(target.key)) continue;
    if (target.rejected || !target.url) save(target, null);
    else queue.push(target);
  }

  await new Promise<void>((resolve, reject) => {
    let next = 0;
    const settle = () => {
      if (signal?.aborted || (next >= queue.length && progress.running === 0)) resolve();
    };
    const launch = () => {
      while (!signal?.aborted && progress.running < options.sites && next < queue.length) {
        const target = queue[next++];
        progress.running++;
        void pool.audit(target.url as string).then((result) => {
          progress.running--;
          if (signal?.aborted) return;
          save(target, result);
          launch();
          settle();
        }).catch(reject); // the store failed (disk full, file removed): the survey cannot go on
      }
    };
    signal?.addEventListener('abort', settle, { once: true });
    launch();
    settle();
  });

  const interrupted = Boolean(signal?.aborted);
  if (!interrupted && store.countSites(run.id) >= run.targets) store.finishRun(run.id);
  return { ...progress, interrupted };
}
