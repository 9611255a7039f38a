import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterEach, describe, expect, it } from 'vitest';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { htmlPage, pathsOf, testCrawl } from './helpers.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const robots = (text: string) => ({ headers: { 'content-type': 'text/plain' }, body: text });

describe('robots.txt', () => {
  it('skips paths disallowed for our user agent and records the file', async () => {
    server = await serveRoutes({
      '/robots.txt': robots('User-agent: *\nDisallow: /riservata/\n\nUser-agent: comune-audit\nDisallow: /bozze/\n'),
      '/': { body: htmlPage('Home', ['/bozze/x', '/riservata/y', '/servizi']) },
      '/bozze/x': { body: htmlPage('Bozza') },
      '/riservata/y': { body: htmlPage('Riservata') },
      '/servizi': { body: htmlPage('Servizi') },
    });
    const result = await testCrawl(`${server.url}/`);
    // Our own group replaces "*": /bozze/ is closed to us, /riservata/ is not.
    expect(pathsOf(result)).toEqual(['/', '/riservata/y', '/servizi']);
    expect(server.requests).not.toContain('/bozze/x');
    expect(result.robots).toMatchObject({ url: `${server.url}/robots.txt`, status: 200, disallowsStart: false });
    expect(result.robots?.text).toContain('Disallow: /bozze/');
  });

  it('fetches disallowed pages when respectRobots is false', async () => {
    server = await serveRoutes({
      '/robots.txt': robots('User-agent: *\nDisallow: /\n'),
      '/': { body: htmlPage('Home', ['/a']) },
      '/a': { body: htmlPage('A') },
    });
    const result = await testCrawl(`${server.url}/`, { respectRobots: false });
    expect(pathsOf(result)).toEqual(['/', '/a']);
    expect(result.robots?.disallowsStart).toBe(true);
    expect(result.fatal).toBeUndefined();
  });

  it('is fatal when robots.txt forbids the start page, which is then never requested', async () => {
    server = await serveRoutes({
      '/robots.txt': robots('User-agent: *\nDisallow: /\n'),
      '/': { body: htmlPage('Home') },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(result.fatal?.code).toBe('robots');
    expect(result.fatal?.message.en).toContain('robots.txt');
    expect(result.fatal?.message.it).toContain('vieta a comune-audit di leggere');
    expect(result.pages).toEqual([]);
    expect(result.robots?.disallowsStart).toBe(true);
    expect(server.requests).toEqual(['/robots.txt']);
  });

  it('treats a missing robots.txt as no rules', async () => {
    server = await serveRoutes({ '/': { body: htmlPage('Home', ['/a']) }, '/a': { body: htmlPage('A') } });
    const result = await testCrawl(`${server.url}/`);
    expect(pathsOf(result)).toEqual(['/', '/a']);
    expect(result.robots).toMatchObject({ status: 404, text: '', disallowsStart: false, crawlDelaySeconds: null });
  });

  it('honours Crawl-delay between requests to the host, even with concurrency 4', async () => {
    server = await serveRoutes({
      '/robots.txt': robots('User-agent: *\nCrawl-delay: 0.3\n'),
      '/': { body: htmlPage('Home', ['/a', '/b', '/c']) },
      '/a': { body: htmlPage('A') },
      '/b': { body: htmlPage('B') },
      '/c': { body: htmlPage('C') },
    });
    // When each request leaves the client (undici announces it), not when the loaded server gets round to it.
    const starts: number[] = [];
    const onCreate = (message: unknown) => {
      const { request } = message as { request: { origin: string } };
      if (request.origin === server?.url) starts.push(performance.now());
    };
    subscribe('undici:request:create', onCreate);
    let result;
    try {
      result = await testCrawl(`${server.url}/`, { concurrency: 4 });
    } finally {
      unsubscribe('undici:request:create', onCreate);
    }
    expect(result.robots?.crawlDelaySeconds).toBe(0.3);
    expect(pathsOf(result)).toEqual(['/', '/a', '/b', '/c']);
    expect(result.limits.crawlDelayMs).toBe(300);
    // robots.txt, then /, /sitemap.xml, /a, /b, /c: the three inner pages are a level fetched together, yet the host
    // gate spaces every start after robots.txt by 300 ms. A loaded machine may run one timer late and the next on time,
    // so the gaps are checked over the whole run (one by one in test/crawl/gate.test.ts, on fake timers).
    expect(starts).toHaveLength(6);
    expect(starts[5] - starts[1]).toBeGreaterThanOrEqual(4 * 270);
  });

  it('caps an absurd Crawl-delay (no timer overflow) and records the delay it honoured', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    server = await serveRoutes({
      '/robots.txt': robots('User-agent: *\nCrawl-delay: 99999999999\n'),
      '/': { body: htmlPage('Home', ['/a']) },
      '/a': { body: htmlPage('A') },
    });
    try {
      const result = await testCrawl(`${server.url}/`, { timeBudgetMs: 1_000 });
      expect(result.limits.crawlDelayMs).toBe(30_000);
      // The start page only: the next request would wait 30 s, past the budget.
      expect(pathsOf(result)).toEqual(['/']);
      expect(result.limits.hitTimeBudget).toBe(true);
      expect(warnings).not.toContain('TimeoutOverflowWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
