// Crawl options and their defaults: polite and bounded out of the box.
import type { FetchedPage } from '../types.js';
import type { Timeouts } from './fetch.js';
import type { ProxySettings } from './proxy.js';
import { toolVersion } from '../util/version.js';

export interface DiscoveredLinks {
  /** Same-site candidates are kept; lower priority is fetched first within a depth level. */
  links: { url: string; priority: number }[];
  /** CSS/JS of the start page, fetched for design checks (ignored on other pages). */
  assets?: { url: string; kind: 'css' | 'js' }[];
  /**
   * The page's rel=canonical URL when the caller already parsed it (null: the page has none).
   * When undefined the crawler scans the page's <head> for it itself.
   */
  canonical?: string | null;
}

export interface CrawlOptions {
  maxPages: number;
  maxDepth: number;
  /** Requests in flight per host. */
  concurrency: number;
  /** Minimum gap between request starts to one host; robots.txt Crawl-delay raises it. */
  minDelayMs: number;
  timeouts: Timeouts;
  /** Larger bodies are cut (after content decoding) and marked truncated. */
  maxBodyBytes: number;
  /** Overall budget; the run always ends. */
  timeBudgetMs: number;
  /** Retries of transient failures (dropped connection, 5xx, 429). */
  retries: number;
  /** First retry backoff; doubles each time, with jitter, capped at 8 s. */
  retryBaseMs: number;
  respectRobots: boolean;
  userAgent: string;
  /** Fetch only the start URL (plus its assets): no robots.txt, no sitemaps, no links followed. */
  singlePage: boolean;
  /** Keep the decoded HTML in the result; the pipeline passes false and extracts facts in onPage. */
  keepHtml: boolean;
  /** Accept untrusted TLS certificates (self-signed, expired); the TLS facts still record the problem. */
  allowInsecureTls: boolean;
  /** Host name → IP address, like curl --resolve (audit a staging server under the real name; tests). */
  resolve: Record<string, string>;
  /** The office proxy (the CLI reads HTTP_PROXY/HTTPS_PROXY/NO_PROXY or --proxy); empty: direct connections. */
  proxy: ProxySettings;
  /** Called once per fetched HTML page (parse once!): returns the links found on it. */
  onPage: (page: FetchedPage) => DiscoveredLinks;
  onProgress?: (event: { fetched: number; queued: number; url: string }) => void;
  signal?: AbortSignal;
}

export const DEFAULT_USER_AGENT = `comune-audit/${toolVersion} (+https://github.com/comune-audit/comune-audit)`;

export const DEFAULT_OPTIONS: Omit<CrawlOptions, 'onPage' | 'onProgress' | 'signal'> = {
  maxPages: 300,
  maxDepth: 5,
  concurrency: 4,
  minDelayMs: 100,
  timeouts: { connectMs: 10_000, headersMs: 15_000, bodyMs: 30_000 },
  maxBodyBytes: 5 * 1024 * 1024,
  timeBudgetMs: 10 * 60_000,
  retries: 2,
  retryBaseMs: 500,
  respectRobots: true,
  userAgent: DEFAULT_USER_AGENT,
  singlePage: false,
  keepHtml: true,
  allowInsecureTls: false,
  resolve: {},
  proxy: {},
};

export function withDefaults(options: Partial<CrawlOptions> & Pick<CrawlOptions, 'onPage'>): CrawlOptions {
  const merged = { ...DEFAULT_OPTIONS, ...stripUndefined(options) } as CrawlOptions;
  merged.timeouts = { ...DEFAULT_OPTIONS.timeouts, ...stripUndefined(options.timeouts ?? {}) };
  merged.resolve = Object.fromEntries(Object.entries(merged.resolve).map(([host, ip]) => [host.toLowerCase(), ip]));
  return merged;
}

/** A CLI passes undefined for flags the user did not give: those must not erase defaults. */
function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
