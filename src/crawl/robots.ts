// robots.txt for our own user agent (robots-parser does the matching, per RFC 9309 and Google's rules).
import robotsParserModule from 'robots-parser';
import type { RobotsFacts } from '../types.js';
import type { HttpClient } from './fetch.js';
import { looksBinary } from './page.js';

/** The part of robots-parser we use. Its typings declare an ES default export; at runtime the CommonJS export is the function. */
interface ParsedRobots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => ParsedRobots;

/** Google reads the first 500 KiB; so do we. */
const ROBOTS_MAX_BYTES = 500 * 1024;

/** Lines robots.txt parsers understand (RFC 9309 and the common extensions); others are ignored by every crawler. */
const KNOWN_DIRECTIVE = /^\s*(user-agent|allow|disallow|sitemap|crawl-delay|host|clean-param|request-rate|visit-time|noindex)\s*:/i;
/** Unknown lines kept for the report, each cut at PARSE_ERROR_CHARS. */
const MAX_PARSE_ERRORS_KEPT = 5;
const PARSE_ERROR_CHARS = 100;

export interface RobotsRules {
  facts: RobotsFacts;
  /** Whether our user agent may fetch url (a URL on another origin is allowed: its own robots.txt decides). */
  isAllowed(url: string): boolean;
  /** Crawl-delay for our user agent (or *), in ms, as honoured (capped at MAX_CRAWL_DELAY_MS). */
  crawlDelayMs: number | null;
}

/**
 * The longest gap honoured between requests: a Crawl-delay of an hour would spend the whole budget on one page (and
 * beyond 2^31 ms Node's timers overflow). The report names the delay when the budget ran out.
 */
const MAX_CRAWL_DELAY_MS = 30_000;

/**
 * Fetches and parses origin/robots.txt. A missing or failing robots.txt means no rules
 * (a 5xx is treated as "no rules" rather than "disallow all", so one broken endpoint does not
 * stop an audit; the status is recorded for the report).
 */
export async function loadRobots(origin: string, client: HttpClient, userAgent: string): Promise<RobotsRules> {
  const url = `${origin}/robots.txt`;
  const response = await client.get(url, { maxBytes: ROBOTS_MAX_BYTES });
  const ok = !response.error && response.status >= 200 && response.status < 300;
  // Binary data (an image, an archive served as robots.txt) holds no rules: read as an empty file.
  const binary = ok && looksBinary({ contentType: '', body: response.body });
  const text = ok && !binary ? new TextDecoder('utf-8').decode(response.body) : '';
  const robots = robotsParser(url, text);
  const crawlDelay = robots.getCrawlDelay(userAgent);
  const crawlDelaySeconds = typeof crawlDelay === 'number' && Number.isFinite(crawlDelay) && crawlDelay > 0 ? crawlDelay : null;
  const unknown = unknownLines(text, response.truncated);
  return {
    facts: {
      url,
      status: response.status || null,
      text,
      sitemaps: [...new Set(robots.getSitemaps())],
      disallowsStart: false,
      crawlDelaySeconds,
      bytes: ok ? response.body.length : 0,
      truncated: ok && response.truncated,
      binary,
      parseErrors: unknown.count,
      parseErrorLines: unknown.first,
      ...(response.error ? { error: response.error } : {}),
    },
    isAllowed: (target) => robots.isAllowed(target, userAgent) !== false,
    crawlDelayMs: crawlDelaySeconds === null ? null : Math.min(crawlDelaySeconds * 1000, MAX_CRAWL_DELAY_MS),
  };
}

/** Lines that are neither blank, a comment nor a known directive (the last line of a cut file is left out: it may be cut). */
function unknownLines(text: string, truncated: boolean): { count: number; first: { line: number; text: string }[] } {
  const lines = text.split(/\r\n|\r|\n/);
  if (truncated) lines.pop();
  const first: { line: number; text: string }[] = [];
  let count = 0;
  lines.forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line || KNOWN_DIRECTIVE.test(line)) return;
    count++;
    if (first.length < MAX_PARSE_ERRORS_KEPT) first.push({ line: index + 1, text: raw.trim().slice(0, PARSE_ERROR_CHARS) });
  });
  return { count, first };
}
