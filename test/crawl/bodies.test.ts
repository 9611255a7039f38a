import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { htmlPage, pathsOf, testCrawl } from './helpers.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const encoded = (encoding: string, body: Buffer) => ({
  headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': encoding },
  body,
});

describe('response bodies', () => {
  it('decodes gzip, br and deflate bodies', async () => {
    server = await serveRoutes({
      '/': encoded('gzip', gzipSync(htmlPage('Home gzip: città', ['/br', '/deflate']))),
      '/br': encoded('br', brotliCompressSync(htmlPage('Pagina brotli: perché'))),
      '/deflate': encoded('deflate', deflateSync(htmlPage('Pagina deflate'))),
    });
    const result = await testCrawl(`${server.url}/`);
    expect(pathsOf(result)).toEqual(['/', '/br', '/deflate']);
    expect(result.pages.map((page) => /<h1>(.*)<\/h1>/.exec(page.html)?.[1])).toEqual([
      'Home gzip: città',
      'Pagina brotli: perché',
      'Pagina deflate',
    ]);
    expect(result.pages[0].bytes).toBe(Buffer.byteLength(htmlPage('Home gzip: città', ['/br', '/deflate'])));
  });

  it('cuts an oversize body at the cap and marks it truncated, still parsing what arrived', async () => {
    const big = htmlPage('Grande', ['/next']) + 'x'.repeat(200_000);
    server = await serveRoutes({ '/': { body: big }, '/next': { body: htmlPage('Next') } });
    const result = await testCrawl(`${server.url}/`, { maxBodyBytes: 50_000 });
    expect(result.pages[0]).toMatchObject({ bytes: 50_000, truncated: true });
    expect(result.pages[0].error).toBeUndefined();
    expect(pathsOf(result)).toEqual(['/', '/next']);
    expect(result.pages[1].truncated).toBe(false);
    expect(result.limits.truncatedPages).toBe(1);
  });

  it('applies the cap to decoded bytes, so a small gzip bomb is cut too', async () => {
    const bomb = gzipSync(Buffer.from(htmlPage('Bomba') + ' '.repeat(20_000_000)));
    expect(bomb.length).toBeLessThan(100_000);
    server = await serveRoutes({ '/': encoded('gzip', bomb) });
    const result = await testCrawl(`${server.url}/`, { maxBodyBytes: 1_000_000 });
    expect(result.pages[0]).toMatchObject({ bytes: 1_000_000, truncated: true });
    expect(result.pages[0].html).toContain('Bomba');
  });

  it('does not download documents or non-HTML responses found while crawling', async () => {
    server = await serveRoutes({
      '/': { body: htmlPage('Home', ['/delibera.pdf', '/export', '/ok']) },
      '/delibera.pdf': { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.4' },
      '/export': { headers: { 'content-type': 'text/csv' }, body: 'a,b\n1,2\n' },
      '/ok': { body: htmlPage('OK') },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(server.requests).not.toContain('/delibera.pdf');
    // /export has no telling extension: it is requested, found to be CSV, and left out of the pages.
    expect(server.requests).toContain('/export');
    expect(pathsOf(result)).toEqual(['/', '/ok']);
  });
});

describe('timeouts', () => {
  it('gives up on a server that never sends headers and carries on', async () => {
    server = await serveRoutes({
      '/': { body: htmlPage('Home', ['/hang', '/ok']) },
      '/hang': () => {
        // never answers
      },
      '/ok': { body: htmlPage('OK') },
    });
    const started = Date.now();
    const result = await testCrawl(`${server.url}/`, {
      retries: 0,
      timeouts: { connectMs: 1_000, headersMs: 400, bodyMs: 400 },
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    const hang = result.pages.find((page) => page.url.endsWith('/hang'));
    expect(hang?.error?.code).toBe('timeout');
    expect(hang?.status).toBe(0);
    expect(pathsOf(result)).toEqual(['/', '/hang', '/ok']);
  });

  it('gives up on a body that trickles in slower than the body timeout', async () => {
    server = await serveRoutes({
      '/': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body><h1>Lento</h1>');
        const timer = setInterval(() => res.write(' '), 1_000);
        res.on('close', () => clearInterval(timer));
      },
    });
    const result = await testCrawl(`${server.url}/`, { retries: 0, timeouts: { connectMs: 1_000, headersMs: 500, bodyMs: 300 } });
    expect(result.fatal?.code).toBe('timeout');
    expect(result.fatal?.message.en).toContain('127.0.0.1');
    expect(result.pages).toEqual([]);
  });

  it('with totalMs, ends a request that keeps dripping within each phase limit at that total', async () => {
    server = await serveRoutes({
      '/': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body><h1>Goccia a goccia</h1>');
        // A byte every 100 ms never trips the 1 s idle body timeout.
        const timer = setInterval(() => res.write(' '), 100);
        res.on('close', () => clearInterval(timer));
      },
    });
    const started = Date.now();
    const result = await testCrawl(`${server.url}/`, { retries: 0, timeouts: { connectMs: 1_000, headersMs: 1_000, bodyMs: 1_000, totalMs: 600 } });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.fatal?.code).toBe('timeout');
    expect(result.fatal?.message.it).toContain('entro 600 ms');
  });
});
