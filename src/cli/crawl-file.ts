// `audit --save-crawl site.crawl.gz` and `rescore site.crawl.gz`: what the rules need from a crawl — the crawl's site
// facts (robots, sitemaps, TLS, assets, limits, timing) and every page's facts, no HTML — as gzipped, versioned JSON.
// Re-scoring it runs classification, rules and scoring again without a request, so a new rule version can be tried on
// yesterday's crawl and a bug report can carry the crawl that shows it.
import { readFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CliError, EXIT } from './errors.js';
import type { BrowserFacts, CrawlResult, PageFacts, PageType } from '../types.js';

export const CRAWL_FILE_FORMAT = 'comune-audit-crawl';
/** Raised when a field changes meaning or is removed: an older file is refused, not misread. 2: robots and sitemap records for the report's robots/sitemap section. */
export const CRAWL_FILE_VERSION = 2;

export interface SavedCrawl {
  format: typeof CRAWL_FILE_FORMAT;
  version: typeof CRAWL_FILE_VERSION;
  /** The comune-audit that crawled (the rules that re-score it may be newer). */
  toolVersion: string;
  singlePage: boolean;
  /** --page-type of a single-page audit. */
  pageType?: PageType;
  /** The crawl's site facts; its pages are in `pages`, as facts. */
  crawl: Omit<CrawlResult, 'pages'>;
  pages: PageFacts[];
  /** What `audit --browser` measured (computed fonts, Lighthouse): rescore judges C.SI.1.1 and C.SI.4.1 from it again. */
  browser?: BrowserFacts;
}

/** The file's bytes: gzip of the JSON (Node writes no timestamp in the gzip header, so same crawl → same bytes). */
export function encodeCrawl(saved: SavedCrawl): Buffer {
  return gzipSync(JSON.stringify(saved));
}

export async function readCrawlFile(path: string): Promise<SavedCrawl> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliError((m) => m.cli.crawlFileUnreadable(path, (error as NodeJS.ErrnoException).code ?? String(error)), EXIT.io);
  }
  let saved: Partial<SavedCrawl>;
  try {
    saved = JSON.parse(gunzipSync(bytes).toString('utf8'));
  } catch {
    throw new CliError((m) => m.cli.notCrawlFile(path), EXIT.io);
  }
  if (saved?.format !== CRAWL_FILE_FORMAT || typeof saved.crawl !== 'object' || !Array.isArray(saved.pages)) throw new CliError((m) => m.cli.notCrawlFile(path), EXIT.io);
  if (saved.version !== CRAWL_FILE_VERSION) {
    const version = String(saved.version);
    throw new CliError((m) => m.cli.crawlFileVersion(path, version, CRAWL_FILE_VERSION), EXIT.io);
  }
  return saved as SavedCrawl;
}
