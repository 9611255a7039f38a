// The survey store: one SQLite file (WAL) holding runs, one row per site with its scores, per-check results with
// evidence, and optionally each site's full report (gzip JSON). Each site is written in one transaction when it
// ends, so a killed survey leaves only whole sites behind. Schema: src/survey/schema.ts, docs/survey-store.md.
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { CliError, EXIT } from '../cli/errors.js';
import type { Localised, Report } from '../types.js';
import { siteResult, type AuditColumns, type SiteOutcome, type SiteResult, type SiteStatus } from './record.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import type { SurveyTarget } from './types.js';

export type { SiteStatus } from './record.js';

export interface RunRecord {
  id: number;
  /** Fingerprint of the list and the options that shape results (not the shard nor --sites): shards of one survey share it. */
  surveyKey: string;
  startedAt: string;
  finishedAt: string | null;
  toolVersion: string;
  /** The list as named on the command line. */
  input: string;
  options: Record<string, unknown>;
  shard: { index: number; count: number } | null;
  /** Rows of the list this run covers (rejected rows included). */
  targets: number;
}

/** A site's row: the list row's identity (as SurveyTarget has it) and what its audit gave. */
export interface StoredSite extends Omit<SurveyTarget, 'rejected'> {
  runId: number;
  finalUrl: string | null;
  status: SiteStatus;
  /** Rejected: the list's reason (no-website…); unavailable: the crawler's error code (dns, tls, http…); failed: internal. */
  reason: string | null;
  detail: Localised | null;
  maturityIndex: number | null;
  level: string | null;
  pagesFetched: number | null;
  pagesFailed: number | null;
  startedAt: string | null;
  durationMs: number | null;
  /** Point id → score 0..1 (null when the point could not be scored). */
  points: Record<string, number | null>;
}

export interface NewRun {
  surveyKey: string;
  toolVersion: string;
  input: string;
  options: Record<string, unknown>;
  shard: { index: number; count: number } | null;
  targets: number;
  startedAt?: string;
}

interface RunRow {
  id: number;
  survey_key: string;
  started_at: string;
  finished_at: string | null;
  tool_version: string;
  input: string;
  options: string;
  shard_index: number | null;
  shard_count: number | null;
  targets: number;
}

function runRecord(row: RunRow): RunRecord {
  return {
    id: row.id,
    surveyKey: row.survey_key,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    toolVersion: row.tool_version,
    input: row.input,
    options: JSON.parse(row.options) as Record<string, unknown>,
    shard: row.shard_index === null || row.shard_count === null ? null : { index: row.shard_index, count: row.shard_count },
    targets: row.targets,
  };
}

export class SurveyStore {
  private readonly saveTransaction: (row: SiteRow, result: SiteResult | null) => void;

  private constructor(
    readonly path: string,
    readonly db: Database.Database,
  ) {
    this.saveTransaction = saveTransaction(db);
  }

  /** Opens (creating when asked) and migrates the store at `path`. A file that is not a store is an io error. */
  static open(path: string, { create = true, readonly = false }: { create?: boolean; readonly?: boolean } = {}): SurveyStore {
    let db: Database.Database;
    try {
      db = new Database(path, { fileMustExist: !create, readonly });
    } catch (error) {
      throw new CliError((m) => m.survey.cannotOpenStore(path, (error as Error).message), EXIT.io);
    }
    try {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) throw new CliError((m) => m.survey.storeTooNew(path, version, SCHEMA_VERSION), EXIT.io);
      if (!readonly) {
        db.pragma('journal_mode = WAL');
        // A site's transaction is durable once committed; NORMAL is safe with WAL and a crash loses at most the last sites.
        db.pragma('synchronous = NORMAL');
        db.pragma('foreign_keys = ON');
        migrate(db, version);
      } else if (version < SCHEMA_VERSION) {
        throw new CliError((m) => m.survey.notAStore(path), EXIT.io);
      }
    } catch (error) {
      db.close();
      if (error instanceof CliError) throw error;
      // SQLITE_NOTADB and the like: the file exists but is something else.
      throw new CliError((m) => m.survey.notAStore(path), EXIT.io);
    }
    return new SurveyStore(path, db);
  }

  close(): void {
    this.db.close();
  }

  runs(): RunRecord[] {
    return (this.db.prepare('SELECT * FROM runs ORDER BY id').all() as RunRow[]).map(runRecord);
  }

  lastRun(): RunRecord | null {
    const row = this.db.prepare('SELECT * FROM runs ORDER BY id DESC LIMIT 1').get() as RunRow | undefined;
    return row ? runRecord(row) : null;
  }

  run(id: number): RunRecord | null {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    return row ? runRecord(row) : null;
  }

  startRun(run: NewRun): RunRecord {
    const info = this.db
      .prepare(
        `INSERT INTO runs (survey_key, started_at, tool_version, input, options, shard_index, shard_count, targets)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(run.surveyKey, run.startedAt ?? new Date().toISOString(), run.toolVersion, run.input, JSON.stringify(run.options), run.shard?.index ?? null, run.shard?.count ?? null, run.targets);
    return this.run(Number(info.lastInsertRowid)) as RunRecord;
  }

  finishRun(id: number, finishedAt = new Date().toISOString()): void {
    this.db.prepare('UPDATE runs SET finished_at = ? WHERE id = ?').run(finishedAt, id);
  }

  /** Keys of the sites a run has saved: what a resumed run skips. */
  doneKeys(runId: number): Set<string> {
    const rows = this.db.prepare('SELECT key FROM sites WHERE run_id = ?').pluck().all(runId) as string[];
    return new Set(rows);
  }

  countSites(runId: number): number {
    return this.db.prepare('SELECT count(*) FROM sites WHERE run_id = ?').pluck().get(runId) as number;
  }

  countFailures(runId: number): number {
    return this.db.prepare("SELECT count(*) FROM sites WHERE run_id = ? AND status <> 'scored'").pluck().get(runId) as number;
  }

  /**
   * Saves one site — its row, points, checks, evidence and its report when kept — in one transaction; a null
   * result is a row of the list kept without an audit (rejected).
   */
  saveResult(runId: number, target: SurveyTarget, result: SiteResult | null): void {
    this.saveTransaction(siteRow(runId, target, result), result);
  }

  /** saveResult for an outcome audited in this thread. */
  saveSite(runId: number, target: SurveyTarget, outcome: SiteOutcome | null, { keepReport = false } = {}): void {
    this.saveResult(runId, target, outcome ? siteResult(outcome, { keepReport }) : null);
  }

  /** A run's sites in the list's order, each with its point scores; point scores read per site. */
  *sites(runId: number): Generator<StoredSite> {
    // Rows first, then points per row: better-sqlite3 runs no other statement on a connection while one iterates.
    const pointsOf = this.db.prepare('SELECT point, score FROM points WHERE run_id = ? AND key = ? ORDER BY point');
    const rows = this.db.prepare('SELECT * FROM sites WHERE run_id = ? ORDER BY line, key').all(runId) as SiteRow[];
    for (const row of rows) {
      const points: Record<string, number | null> = {};
      for (const p of pointsOf.all(runId, row.key) as { point: string; score: number | null }[]) points[p.point] = p.score;
      yield storedSite(row, points);
    }
  }

  /** The full report kept with --keep-reports, or null. */
  report(runId: number, key: string): Report | null {
    const blob = this.db.prepare('SELECT report FROM reports WHERE run_id = ? AND key = ?').pluck().get(runId, key) as Buffer | undefined;
    return blob ? (JSON.parse(gunzipSync(blob).toString('utf8')) as Report) : null;
  }
}

function saveTransaction(db: Database.Database) {
  const insertSite = db.prepare(
    `INSERT INTO sites (run_id, key, line, ipa_code, name, istat_code, region, province, url, raw_url, final_url, status,
       reason, detail_it, detail_en, maturity_index, level, pages_fetched, pages_failed, started_at, duration_ms, crawl_ms)
     VALUES (@run_id, @key, @line, @ipa_code, @name, @istat_code, @region, @province, @url, @raw_url, @final_url, @status,
       @reason, @detail_it, @detail_en, @maturity_index, @level, @pages_fetched, @pages_failed, @started_at, @duration_ms, @crawl_ms)`,
  );
  const insertPoint = db.prepare('INSERT INTO points (run_id, key, point, score, status) VALUES (?, ?, ?, ?, ?)');
  const insertCheck = db.prepare(
    'INSERT INTO checks (run_id, key, check_id, point, status, score, weight, message_it, message_en, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertEvidence = db.prepare(
    'INSERT INTO evidence (run_id, key, check_id, seq, url, selector, snippet, note_it, note_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertReport = db.prepare('INSERT INTO reports (run_id, key, report) VALUES (?, ?, ?)');
  return db.transaction((row: SiteRow, result: SiteResult | null) => {
    insertSite.run(row);
    if (!result) return;
    const { run_id: runId, key } = row;
    for (const point of result.points) insertPoint.run(runId, key, ...point);
    for (const check of result.checks) insertCheck.run(runId, key, ...check);
    for (const evidence of result.evidence) insertEvidence.run(runId, key, ...evidence);
    if (result.report) insertReport.run(runId, key, result.report);
  });
}

function migrate(db: Database.Database, from: number): void {
  for (let version = from; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

interface SiteRow extends AuditColumns {
  run_id: number;
  key: string;
  line: number;
  ipa_code: string | null;
  name: string | null;
  istat_code: string | null;
  region: string | null;
  province: string | null;
  url: string | null;
  raw_url: string;
}

function siteRow(runId: number, target: SurveyTarget, result: SiteResult | null): SiteRow {
  const identity = {
    run_id: runId,
    key: target.key,
    line: target.line,
    ipa_code: target.ipaCode,
    name: target.name,
    istat_code: target.istatCode,
    region: target.region,
    province: target.province,
    url: target.url,
    raw_url: target.rawUrl,
  };
  if (result) return { ...identity, ...result.audit };
  const rejected = target.rejected ?? { reason: 'invalid-url', detail: target.rawUrl };
  return {
    ...identity,
    final_url: null,
    status: 'rejected',
    reason: rejected.reason,
    detail_it: rejected.detail,
    detail_en: rejected.detail,
    maturity_index: null,
    level: null,
    pages_fetched: null,
    pages_failed: null,
    started_at: null,
    duration_ms: null,
    crawl_ms: null,
  };
}

function storedSite(row: SiteRow, points: Record<string, number | null>): StoredSite {
  return {
    runId: row.run_id,
    key: row.key,
    line: row.line,
    ipaCode: row.ipa_code,
    name: row.name,
    istatCode: row.istat_code,
    region: row.region,
    province: row.province,
    url: row.url,
    rawUrl: row.raw_url,
    finalUrl: row.final_url,
    status: row.status,
    reason: row.reason,
    detail: row.detail_it === null || row.detail_en === null ? null : { it: row.detail_it, en: row.detail_en },
    maturityIndex: row.maturity_index,
    level: row.level,
    pagesFetched: row.pages_fetched,
    pagesFailed: row.pages_failed,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    points,
  };
}
