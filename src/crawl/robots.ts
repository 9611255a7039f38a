// robots.txt for our own user agent (robots-parser does the matching, per RFC 9309 and Google's rules).
import robotsParserModule from 'robots-parser';
import type { RobotsFacts } from '../types.js';
import type { HttpClient } from './fetch.js';

/** The part of robots-parser we use. Its typings declare an ES default export; at runtime the CommonJS export is the function. */
interface ParsedRobots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => ParsedRobots;

/** Google reads the first 500 KiB; so do we. */
const ROBOTS_MAX_BYTES = 500 * 1024;

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
  const text = ok ? new TextDecoder('utf-8').decode(response.body) : '';
  const robots = robotsParser(url, text);
  const crawlDelay = robots.getCrawlDelay(userAgent);
  const crawlDelaySeconds = typeof crawlDelay === 'number' && Number.isFinite(crawlDelay) && crawlDelay > 0 ? crawlDelay : null;
  return {
    facts: {
      url,
      status: response.status || null,
      text,
      sitemaps: [...new Set(robots.getSitemaps())],
      disallowsStart: false,
      crawlDelaySeconds,
    },
    isAllowed: (target) => robots.isAllowed(target, userAgent) !== false,
    crawlDelayMs: crawlDelaySeconds === null ? null : Math.min(crawlDelaySeconds * 1000, MAX_CRAWL_DELAY_MS),
  };
}
