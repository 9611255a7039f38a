import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { htmlPage, pathsOf, serveForEachTest, testCrawl } from './helpers.js';

const serve = serveForEachTest();

// Fixed bytes: the same test every run (random bytes from a fixed seed are not available in node:crypto).
const BINARY = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + 13) % 256));

describe('hostile servers', () => {
  it('binary data served as text/html as the start page is not-html, named as binary', async () => {
    const server = await serve({ '/': { headers: { 'content-type': 'text/html' }, body: BINARY } });
    const result = await testCrawl(`${server.url}/`, { retries: 0 });
    expect(result.fatal?.code).toBe('not-html');
    expect(result.fatal?.message.en).toBe(`The start page ${server.url}/ says it is HTML but holds binary data`);
    expect(result.pages).toEqual([]);
    const random = await serve({ '/': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: randomBytes(4096) } });
    expect((await testCrawl(`${random.url}/`, { retries: 0 })).fatal?.code).toBe('not-html');
  });

  it('in a crawl, a binary page is skipped and the HTML ones kept; a stray NUL does not make a page binary and reads as U+FFFD', async () => {
    const server = await serve({
      '/': { body: htmlPage('Home', ['/binario', '/nul']) },
      '/binario': { headers: { 'content-type': 'text/html' }, body: BINARY },
      '/nul': { body: '<html><head><title>Con\u0000NUL</title></head><body>x\u0000y</body></html>' },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(pathsOf(result)).toEqual(['/', '/nul']);
    const nul = result.pages.find((page) => page.url.endsWith('/nul'))!;
    expect(nul.html).toContain('<title>Con\uFFFDNUL</title>');
    expect(nul.html).not.toContain('\u0000');
  });

  it('UTF-16 HTML, whose ASCII comes NUL-paired, is not taken for binary', async () => {
    const body = Buffer.from(`\uFEFF${htmlPage('Comune UTF-16')}`, 'utf16le');
    const server = await serve({ '/': { headers: { 'content-type': 'text/html; charset=utf-16' }, body } });
    const result = await testCrawl(`${server.url}/`);
    expect(result.fatal).toBeUndefined();
    expect(result.pages[0].html).toContain('Comune UTF-16');
  });

  it("a start URL that redirects to another host reads that host's robots.txt before fetching there", async () => {
    const forbidding = await serve({ '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nDisallow: /\n' }, '/': { body: htmlPage('Vietato') } });
    const start = await serve({ '/': { status: 301, headers: { location: `${forbidding.url}/` } } });
    const refused = await testCrawl(`${start.url}/`, { retries: 0 });
    expect(refused.fatal?.code).toBe('robots');
    expect(forbidding.requests).toEqual(['/robots.txt']);

    const allowing = await serve({ '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nAllow: /\n' }, '/': { body: htmlPage('Benvenuti') } });
    const forward = await serve({ '/': { status: 302, headers: { location: `${allowing.url}/` } } });
    const followed = await testCrawl(`${forward.url}/`);
    expect(followed.fatal).toBeUndefined();
    expect(allowing.requests.slice(0, 2)).toEqual(['/robots.txt', '/']);
  });
});
