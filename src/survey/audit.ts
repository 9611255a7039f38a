// One site of a survey: the audit pipeline with the survey's options, its outcome timed, never a thrown error.
import { auditSite } from '../pipeline.js';
import type { CrawlOptions } from '../crawl/index.js';
import { siteResult, type SiteOutcome, type SiteResult } from './record.js';

/** The crawl options of every site of a survey: plain data, so they cross to worker threads. */
export type SurveyCrawlOptions = Partial<Omit<CrawlOptions, 'onPage' | 'onProgress' | 'signal' | 'singlePage' | 'keepHtml'>>;

export interface SurveyAuditOptions {
  crawl: SurveyCrawlOptions;
  /** Classify pages into service categories and topics. */
  classify: boolean;
  /** Absolute paths of the category and topic models (`--model`, `--topic-model`); the shipped ones when absent. */
  model?: string;
  topicModel?: string;
  /** Keep each site's full report (gzip JSON) in the store. */
  keepReports?: boolean;
}

export interface SiteHooks {
  /** Called for each page fetched, for the survey's pages/s. */
  onPage?: () => void;
  signal?: AbortSignal;
}

export async function auditTarget(url: string, options: SurveyAuditOptions, hooks: SiteHooks = {}): Promise<SiteOutcome> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  try {
    const classifier = options.classify ? (await import('../classify/index.js')).loadClassifier(options.model, options.topicModel) : null;
    const report = await auditSite(url, {
      classify: classifier?.classifySite,
      crawl: { ...options.crawl, onProgress: hooks.onPage ? () => hooks.onPage?.() : undefined, signal: hooks.signal },
    });
    return { kind: 'report', report, startedAt, durationMs: durationMs() };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error), startedAt, durationMs: durationMs() };
  }
}

/** A site audited and reduced to what the store keeps: the report (and every page's facts) goes out of reach here. */
export async function auditForStore(url: string, options: SurveyAuditOptions, hooks: SiteHooks = {}): Promise<SiteResult> {
  return siteResult(await auditTarget(url, options, hooks), { keepReport: options.keepReports });
}
