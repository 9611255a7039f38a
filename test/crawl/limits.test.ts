import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { serveRoutes, type FixtureServer, type Route } from '../helpers/fixture-server.js';
import { htmlPage, pathsOf, testCrawl } from './helpers.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A chain /d1 → /d2 → … → /d6 hanging off the home page, plus a fan of ten pages. */
function deepAndWideSite(): Record<string, Route> {
  const routes: Record<string, Route> = {};
  const fan = Array.from({ length: 10 }, (_, i) => `/fan/${i}`);
  routes['/'] = { body: htmlPage('Home', ['/d1', ...fan]) };
  for (const path of fan) routes[path] = { body: htmlPage(path) };
  for (let depth = 1; depth <= 6; depth++) routes[`/d${depth}`] = { body: htmlPage(`D${depth}`, [`/d${depth + 1}`]) };
  return routes;
}

describe('caps', () => {
  it('stops at maxPages, admitting by (priority, url), and reports what it skipped', async () => {
    server = await serveRoutes(deepAndWideSite());
    const result = await testCrawl(`${server.url}/`, { maxPages: 5 });
    expect(pathsOf(result)).toEqual(['/', '/d1', '/fan/0', '/fan/1', '/fan/2']);
    expect(result.limits).toMatchObject({ maxPages: 5, hitMaxPages: true, skippedUrls: 8, skippedByDepth: 0 });
    expect(server.requests.filter((path) => path.startsWith('/fan/'))).toHaveLength(3);
  });

  it('lets link priority decide who gets in under the page budget', async () => {
    server = await serveRoutes({
      '/': { body: '<a href="/z-important" data-priority="0">Z</a><a href="/a-minor" data-priority="3">A</a>' },
      '/z-important': { body: htmlPage('Important') },
      '/a-minor': { body: htmlPage('Minor') },
    });
    const result = await testCrawl(`${server.url}/`, { maxPages: 2 });
    expect(pathsOf(result)).toEqual(['/', '/z-important']);
  });

  it('stops at maxDepth and counts the links beyond it', async () => {
    server = await serveRoutes(deepAndWideSite());
    const result = await testCrawl(`${server.url}/`, { maxDepth: 3 });
    expect(pathsOf(result).filter((path) => path.startsWith('/d'))).toEqual(['/d1', '/d2', '/d3']);
    expect(Math.max(...result.pages.map((page) => page.depth))).toBe(3);
    expect(result.limits).toMatchObject({ maxDepth: 3, hitMaxPages: false, skippedUrls: 1, skippedByDepth: 1 });
    expect(server.requests).not.toContain('/d4');
  });

  it('with maxDepth 0 fetches only the start page', async () => {
    server = await serveRoutes(deepAndWideSite());
    const result = await testCrawl(`${server.url}/`, { maxDepth: 0 });
    expect(pathsOf(result)).toEqual(['/']);
    expect(result.limits.skippedByDepth).toBe(11);
  });

  it('always ends within the time budget and says so', async () => {
    const routes = deepAndWideSite();
    for (let i = 0; i < 10; i++) {
      routes[`/fan/${i}`] = (req, res) => {
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(htmlPage('slow'));
        }, 5_000).unref();
      };
    }
    server = await serveRoutes(routes);
    const started = Date.now();
    const result = await testCrawl(`${server.url}/`, {
      timeBudgetMs: 800,
      timeouts: { connectMs: 10_000, headersMs: 10_000, bodyMs: 10_000 },
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.fatal).toBeUndefined();
    expect(result.limits.hitTimeBudget).toBe(true);
    expect(result.limits.skippedUrls).toBeGreaterThanOrEqual(10);
    expect(pathsOf(result)).toEqual(['/', '/d1']);
  });

  it('keeps the time budget while garbage collection runs (a timer-driven deadline, not a collectable signal)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // Thirty pages a polite 100 ms apart: 3 s of work against a 600 ms budget, with the heap collected all along.
    const pages = Array.from({ length: 30 }, (_, i) => `/p${String(i).padStart(2, '0')}`);
    const arrivals: { path: string; at: number }[] = [];
    const routes: Record<string, Route> = {
      '/': (req, res) => {
        arrivals.push({ path: '/', at: performance.now() });
        res.writeHead(200, { 'content-type': 'text/html' }).end(htmlPage('Home', pages));
      },
    };
    for (const path of pages) {
      routes[path] = (req, res) => {
        arrivals.push({ path, at: performance.now() });
        res.writeHead(200, { 'content-type': 'text/html' }).end(htmlPage(path));
      };
    }
    server = await serveRoutes(routes);
    // A full collection of the test worker's heap takes tens of ms and blocks everything: its time is measured.
    let budgetDue = Infinity;
    let collectingAfterDue = 0;
    const collector = setInterval(() => {
      const started = performance.now();
      gc();
      if (started > budgetDue) collectingAfterDue += performance.now() - started;
    }, 10);
    try {
      const crawled = testCrawl(`${server.url}/`, { timeBudgetMs: 600, concurrency: 1, minDelayMs: 100 });
      // A loaded machine delays every timer, the budget's too: a plain timer set beside it says when the budget fell due.
      setTimeout(() => (budgetDue = performance.now()), 600);
      const result = await crawled;
      const ended = performance.now();
      expect(result.limits.hitTimeBudget).toBe(true);
      expect(result.pages.length).toBeLessThan(pages.length);
      expect(budgetDue).toBeLessThan(ended);
      // Once the budget is due no page is requested but the one already on its way (concurrency 1)…
      expect(arrivals.filter(({ at }) => at > budgetDue).length).toBeLessThanOrEqual(1);
      // …and, the collections' own time aside, the crawl returns soon after (~200 ms measured at load 12; the other
      // pages would take 2.8 s of polite gaps).
      expect(ended - budgetDue - collectingAfterDue).toBeLessThan(750);
    } finally {
      clearInterval(collector);
    }
  });

  it('takes a budget longer than a timer can hold (~25 days) as a long budget, not as one already spent', async () => {
    server = await serveRoutes(deepAndWideSite());
    const result = await testCrawl(`${server.url}/`, { timeBudgetMs: 2 ** 31 + 1_000, maxPages: 3 });
    expect(result.fatal).toBeUndefined();
    expect(result.limits.hitTimeBudget).toBe(false);
    expect(result.pages).toHaveLength(3);
  });

  it('reports progress once per fetched page', async () => {
    server = await serveRoutes(deepAndWideSite());
    const events: { fetched: number; url: string }[] = [];
    await testCrawl(`${server.url}/`, { maxPages: 4, onProgress: ({ fetched, url }) => events.push({ fetched, url }) });
    expect(events.map((event) => event.fetched)).toEqual([1, 2, 3, 4]);
    expect(events[0].url).toBe(`${server.url}/`);
    expect(events.slice(1).map((event) => new URL(event.url).pathname).sort()).toEqual(['/d1', '/fan/0', '/fan/1']);
  });

  it('stops when the caller aborts, without claiming the budget ran out', async () => {
    const controller = new AbortController();
    server = await serveRoutes({
      '/': { body: htmlPage('Home', ['/slow']) },
      '/slow': () => controller.abort(),
    });
    const result = await testCrawl(`${server.url}/`, { signal: controller.signal });
    expect(pathsOf(result)).toEqual(['/']);
    expect(result.limits.hitTimeBudget).toBe(false);
  });
});
