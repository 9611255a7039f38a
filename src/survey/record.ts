// What the store keeps of one audited site, built where the site was audited (a worker thread): only this compact
// record crosses to the main thread — never the report's pages — and the main thread writes it and lets it go.
import { gzipSync } from 'node:zlib';
import type { Report } from '../types.js';

export type SiteStatus = 'scored' | 'unavailable' | 'rejected' | 'failed';

/** How one site ended in a survey: its report, or an unexpected failure of the audit itself. */
export type SiteOutcome =
  | { kind: 'report'; report: Report; startedAt: string; durationMs: number }
  | { kind: 'failed'; message: string; startedAt: string; durationMs: number };

/** The columns of a site's row that its audit fills (the others come from the list: src/survey/store.ts). */
export interface AuditColumns {
  final_url: string | null;
  status: SiteStatus;
  reason: string | null;
  detail_it: string | null;
  detail_en: string | null;
  maturity_index: number | null;
  level: string | null;
  pages_fetched: number | null;
  pages_failed: number | null;
  started_at: string | null;
  duration_ms: number | null;
  crawl_ms: number | null;
}

/** Rows of the points, checks and evidence tables without their (run_id, key), in the tables' column order. */
export type PointRow = [point: string, score: number | null, status: string];
export type CheckRow = [checkId: string, point: string, status: string, score: number | null, weight: number, messageIt: string, messageEn: string, details: string | null];
export type EvidenceRow = [checkId: string, seq: number, url: string, selector: string, snippet: string, noteIt: string | null, noteEn: string | null];

export interface SiteResult {
  audit: AuditColumns;
  points: PointRow[];
  checks: CheckRow[];
  evidence: EvidenceRow[];
  /** The full report, gzip-compressed JSON, when the survey keeps reports. */
  report: Uint8Array | null;
}

/** The store's record of an outcome; `keepReport` compresses the whole report beside it (in the auditing thread). */
export function siteResult(outcome: SiteOutcome, { keepReport = false } = {}): SiteResult {
  const timing = { started_at: outcome.startedAt, duration_ms: outcome.durationMs };
  const nothing = { final_url: null, maturity_index: null, level: null, pages_fetched: null, pages_failed: null, crawl_ms: null };
  if (outcome.kind === 'failed') {
    const audit: AuditColumns = { ...nothing, ...timing, status: 'failed', reason: 'internal', detail_it: outcome.message, detail_en: outcome.message };
    return { audit, points: [], checks: [], evidence: [], report: null };
  }
  const { report } = outcome;
  const audit: AuditColumns = {
    ...timing,
    final_url: report.site.siteUrl,
    status: report.fatal ? 'unavailable' : 'scored',
    reason: report.fatal?.code ?? null,
    detail_it: report.fatal?.message.it ?? null,
    detail_en: report.fatal?.message.en ?? null,
    maturity_index: report.maturity.index,
    level: report.maturity.level?.id ?? null,
    pages_fetched: report.run.pagesFetched,
    pages_failed: report.run.pagesFailed,
    crawl_ms: report.run.durationMs,
  };
  return {
    audit,
    points: report.points.map((point) => [point.id, point.score, point.status]),
    checks: report.checks.map((check) => [
      check.id,
      check.point,
      check.status,
      check.score,
      check.weight,
      check.message.it,
      check.message.en,
      check.details ? JSON.stringify(check.details) : null,
    ]),
    evidence: report.checks.flatMap((check) =>
      check.evidence.map((evidence, seq): EvidenceRow => [check.id, seq, evidence.url, evidence.selector, evidence.snippet, evidence.note?.it ?? null, evidence.note?.en ?? null]),
    ),
    report: keepReport ? gzipSync(JSON.stringify(report)) : null,
  };
}

/** A site whose audit could not finish (its worker thread died): a row with the reason. */
export function failedResult(message: string, startedAt: string, durationMs: number): SiteResult {
  return siteResult({ kind: 'failed', message, startedAt, durationMs });
}
