// Builds SiteFacts from fixture HTML with the real parser, for rule tests that need no server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPageFacts } from '../../src/facts/page.js';
import { localPage } from '../../src/facts/local.js';
import { assembleSiteFacts } from '../../src/facts/site.js';
import { packageRoot } from '../../src/util/paths.js';
import type { CrawlResult, FetchedPage, SiteFacts } from '../../src/types.js';

export interface FixturePage {
  url: string;
  html: string;
  headers?: Record<string, string>;
  status?: number;
  depth?: number;
}

export function fetchedPage(page: FixturePage): FetchedPage {
  return localPage(page.url, page.html, page);
}

export function emptyCrawl(startUrl: string): CrawlResult {
  return {
    startUrl,
    siteUrl: startUrl,
    startedAt: '2026-01-15T10:00:00.000Z',
    durationMs: 0,
    userAgent: 'comune-audit-test',
    pages: [],
    assets: [],
    robots: null,
    sitemap: { documents: [] },
    tls: null,
    offsiteRedirects: [],
    limits: {
      maxPages: 300,
      maxDepth: 5,
      timeBudgetMs: 600_000,
      maxBodyBytes: 5 * 1024 * 1024,
      hitMaxPages: false,
      hitTimeBudget: false,
      skippedUrls: 0,
      skippedByDepth: 0,
      truncatedPages: 0,
      crawlDelayMs: null,
    },
  };
}

/** SiteFacts for the given pages; the first page is the start URL. `extra` overrides site-level fields. */
export function siteFromHtml(pages: FixturePage[], extra: Partial<SiteFacts> = {}): SiteFacts {
  const startUrl = pages[0]?.url ?? 'https://www.comune.example.it/';
  const fetched = pages.map(fetchedPage);
  const site = assembleSiteFacts({ ...emptyCrawl(startUrl), pages: fetched }, fetched.map(extractPageFacts));
  return { ...site, ...extra };
}

/** Reads a fixture file relative to the repository's fixtures/ folder. */
export function readFixture(...segments: string[]): string {
  return readFileSync(join(packageRoot, 'fixtures', ...segments), 'utf8');
}
