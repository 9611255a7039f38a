// `survey merge`: the shards of one survey (same list, options and tool version) joined into one store, as one
// finished run, so the merged store exports the same rows as the unsharded survey.
import { existsSync } from 'node:fs';
import { CliError, EXIT } from '../cli/errors.js';
import { SurveyStore, type RunRecord } from './store.js';

export interface MergeResult {
  sites: number;
  /** Shards of the survey not among the stores, as "i/N". */
  missingShards: string[];
}

const TABLES = ['sites', 'points', 'checks', 'evidence', 'reports'] as const;

export function mergeStores(inputs: string[], output: string): MergeResult {
  if (existsSync(output)) throw new CliError((m) => m.survey.outputExists(output), EXIT.io);
  const runs = inputs.map((path) => ({ path, run: lastFinishedRun(path) }));
  const [first] = runs;
  const shards = new Map<string, string>();
  for (const { path, run } of runs) {
    if (run.toolVersion !== first.run.toolVersion) {
      throw new CliError((m) => m.survey.mergeMixedVersion(first.path, first.run.toolVersion, path, run.toolVersion), EXIT.usage);
    }
    if (run.surveyKey !== first.run.surveyKey || shardCount(run) !== shardCount(first.run)) {
      throw new CliError((m) => m.survey.mergeMixedSurvey(first.path, path), EXIT.usage);
    }
    const shard = `${run.shard?.index ?? 0}/${shardCount(run)}`;
    const earlier = shards.get(shard);
    if (earlier) throw new CliError((m) => m.survey.mergeSameShard(earlier, path, shard), EXIT.usage);
    shards.set(shard, path);
  }
  const count = shardCount(first.run);
  const missingShards = Array.from({ length: count }, (_, i) => `${i}/${count}`).filter((shard) => !shards.has(shard));

  const store = SurveyStore.open(output);
  try {
    const merged = store.startRun({
      surveyKey: first.run.surveyKey,
      toolVersion: first.run.toolVersion,
      input: first.run.input,
      options: first.run.options,
      shard: null,
      targets: runs.reduce((sum, { run }) => sum + run.targets, 0),
      startedAt: runs.map(({ run }) => run.startedAt).sort()[0],
    });
    for (const { path, run } of runs) copyRun(store, path, run.id, merged.id);
    store.finishRun(merged.id, runs.map(({ run }) => run.finishedAt as string).sort().at(-1));
    return { sites: store.countSites(merged.id), missingShards };
  } finally {
    store.close();
  }
}

/** The run's rows of every table, copied under the merged run's id in one transaction (ATTACH must come outside it). */
function copyRun(store: SurveyStore, path: string, from: number, to: number): void {
  store.db.prepare('ATTACH DATABASE ? AS shard').run(path);
  try {
    store.db.transaction(() => {
      for (const table of TABLES) {
        const columns = (store.db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).filter((name) => name !== 'run_id');
        const list = columns.join(', ');
        store.db.prepare(`INSERT INTO main.${table} (run_id, ${list}) SELECT ?, ${list} FROM shard.${table} WHERE run_id = ?`).run(to, from);
      }
    })();
  } finally {
    store.db.prepare('DETACH DATABASE shard').run();
  }
}

/** The last run of a shard's store, which must be finished. */
function lastFinishedRun(path: string): RunRecord {
  if (!existsSync(path)) throw new CliError((m) => m.survey.cannotOpenStore(path, 'ENOENT'), EXIT.io);
  const store = SurveyStore.open(path, { create: false });
  try {
    const run = store.lastRun();
    if (!run) throw new CliError((m) => m.survey.mergeEmpty(path), EXIT.usage);
    if (!run.finishedAt) throw new CliError((m) => m.survey.mergeUnfinished(path), EXIT.usage);
    return run;
  } finally {
    store.close();
  }
}

const shardCount = (run: RunRecord) => run.shard?.count ?? 1;
