// Shared bits of the crawler tests: a tiny regex link extractor standing in for the page-facts parser.
import { afterEach } from 'vitest';
import { crawl, type CrawlOptions, type DiscoveredLinks } from '../../src/crawl/index.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import type { CrawlResult, FetchedPage } from '../../src/types.js';

/** href/src extractor: links of <a>, stylesheets of <link rel=stylesheet>, scripts of <script src>. Priority from data-priority. */
export function extractLinks(page: FetchedPage): DiscoveredLinks {
  const links = [...page.html.matchAll(/<a\b([^>]*)>/gi)].flatMap((match) => {
    const href = /\bhref\s*=\s*["']([^"']*)["']/i.exec(match[1])?.[1];
    const priority = Number(/\bdata-priority\s*=\s*["'](\d+)["']/i.exec(match[1])?.[1] ?? 1);
    return href ? [{ url: href, priority }] : [];
  });
  const css = [...page.html.matchAll(/<link\b[^>]*rel=["']stylesheet["'][^>]*href=["']([^"']+)["']/gi)].map((m) => ({
    url: new URL(m[1], page.finalUrl).href,
    kind: 'css' as const,
  }));
  const js = [...page.html.matchAll(/<script\b[^>]*src=["']([^"']+)["']/gi)].map((m) => ({
    url: new URL(m[1], page.finalUrl).href,
    kind: 'js' as const,
  }));
  return { links, assets: [...css, ...js] };
}

/** Test defaults: no politeness delay, short timeouts, fast retries. */
export function testCrawl(startUrl: string, options: Partial<CrawlOptions> = {}): Promise<CrawlResult> {
  return crawl(startUrl, {
    minDelayMs: 0,
    retryBaseMs: 20,
    timeouts: { connectMs: 2_000, headersMs: 2_000, bodyMs: 2_000 },
    onPage: extractLinks,
    ...options,
  });
}

/** Paths of the fetched pages, in result order. */
export function pathsOf(result: CrawlResult): string[] {
  return result.pages.map((page) => {
    const url = new URL(page.url);
    return url.pathname + url.search;
  });
}

/** A minimal HTML page linking to the given hrefs. */
export function htmlPage(title: string, hrefs: string[] = [], head = ''): string {
  const links = hrefs.map((href) => `<a href="${href}">${href}</a>`).join('\n');
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><h1>${title}</h1>${links}</body></html>`;
}

/** A serve function whose servers are closed after each test: call once at the top of a test file. */
export function serveForEachTest(): (routes: Parameters<typeof serveRoutes>[0]) => Promise<FixtureServer> {
  const servers: FixtureServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (routes) => {
    const server = await serveRoutes(routes);
    servers.push(server);
    return server;
  };
}
