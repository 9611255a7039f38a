import { afterEach, describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/crawl/fetch.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { htmlPage, pathsOf, testCrawl } from './helpers.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2024-05-01T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 01 May 2024 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 01 May 2024 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});

describe('retries and back-off', () => {
  it('waits for Retry-After on a 429, then gets the page', async () => {
    const times: number[] = [];
    server = await serveRoutes({
      '/': { body: htmlPage('Home', ['/busy']) },
      '/busy': (req, res) => {
        times.push(Date.now());
        if (times.length === 1) {
          res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' });
          res.end('slow down');
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(htmlPage('Finalmente'));
      },
    });
    const result = await testCrawl(`${server.url}/`);
    const busy = result.pages.find((page) => page.url.endsWith('/busy'));
    expect(busy?.status).toBe(200);
    expect(busy?.error).toBeUndefined();
    expect(busy?.html).toContain('Finalmente');
    expect(times).toHaveLength(2);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(950);
  });

  it('accepts Retry-After as an HTTP date', async () => {
    let calls = 0;
    server = await serveRoutes({
      '/': (req, res) => {
        calls++;
        if (calls === 1) {
          res.writeHead(503, { 'retry-after': new Date(Date.now() + 1000).toUTCString() });
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(htmlPage('Home'));
      },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(result.fatal).toBeUndefined();
    expect(result.pages[0].status).toBe(200);
    expect(calls).toBe(2);
  });

  it('retries a 503 with back-off and succeeds', async () => {
    let calls = 0;
    server = await serveRoutes({
      '/': { body: htmlPage('Home', ['/flaky']) },
      '/flaky': (req, res) => {
        calls++;
        res.writeHead(calls < 3 ? 503 : 200, { 'content-type': 'text/html' });
        res.end(htmlPage(calls < 3 ? 'Down' : 'Up'));
      },
    });
    const result = await testCrawl(`${server.url}/`, { retries: 2 });
    expect(calls).toBe(3);
    expect(result.pages.find((page) => page.url.endsWith('/flaky'))?.html).toContain('Up');
  });

  it('records the failure once retries are exhausted, and the crawl goes on', async () => {
    let calls = 0;
    server = await serveRoutes({
      '/': { body: htmlPage('Home', ['/broken', '/ok']) },
      '/broken': (req, res) => {
        calls++;
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end('<h1>Errore</h1>');
      },
      '/ok': { body: htmlPage('OK') },
    });
    const result = await testCrawl(`${server.url}/`, { retries: 1 });
    expect(calls).toBe(2);
    const broken = result.pages.find((page) => page.url.endsWith('/broken'));
    expect(broken).toMatchObject({ status: 500, html: '', error: { code: 'http' } });
    expect(pathsOf(result)).toEqual(['/', '/broken', '/ok']);
  });

  it('retries a dropped connection', async () => {
    let calls = 0;
    server = await serveRoutes({
      '/': { body: htmlPage('Home', ['/reset']) },
      '/reset': (req, res) => {
        calls++;
        if (calls === 1) return void req.socket.destroy();
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(htmlPage('Again'));
      },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(calls).toBe(2);
    expect(result.pages.find((page) => page.url.endsWith('/reset'))).toMatchObject({ status: 200 });
  });

  it('does not retry a 404', async () => {
    server = await serveRoutes({ '/': { body: htmlPage('Home', ['/missing']) } });
    await testCrawl(`${server.url}/`, { retries: 2 });
    expect(server.requests.filter((path) => path === '/missing')).toHaveLength(1);
  });

  it('does not wait for a Retry-After beyond the time budget', async () => {
    server = await serveRoutes({
      '/': { body: htmlPage('Home', ['/later']) },
      '/later': { status: 429, headers: { 'retry-after': '20' }, body: 'later' },
    });
    const started = Date.now();
    const result = await testCrawl(`${server.url}/`, { timeBudgetMs: 3_000 });
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(result.pages.find((page) => page.url.endsWith('/later'))?.status).toBe(429);
  });
});
