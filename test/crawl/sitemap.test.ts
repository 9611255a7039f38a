import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSitemap } from '../../src/crawl/sitemap.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { htmlPage, pathsOf, testCrawl } from './helpers.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const xml = (body: string) => ({ headers: { 'content-type': 'application/xml' }, body });
const urlset = (urls: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls
    .map((url) => `<url><loc>${url}</loc></url>`)
    .join('')}</urlset>`;

describe('parseSitemap', () => {
  it('reads <loc> values with entities and CDATA, and tells an index from a urlset', () => {
    const index = parseSitemap('<sitemapindex><sitemap><loc> https://c.it/a.xml </loc></sitemap></sitemapindex>');
    expect(index).toEqual({ kind: 'index', locs: ['https://c.it/a.xml'], closed: true });
    const set = parseSitemap('<urlset><url><loc>https://c.it/?a=1&amp;b=2</loc></url><url><loc><![CDATA[https://c.it/x]]></loc></url></urlset>');
    expect(set).toEqual({ kind: 'urlset', locs: ['https://c.it/?a=1&b=2', 'https://c.it/x'], closed: true });
    expect(parseSitemap('<html><body>not found</body></html>').kind).toBeNull();
  });
});

describe('sitemap discovery', () => {
  it('reads a sitemap index from robots.txt with a .xml.gz child, plus /sitemap.xml, and crawls the pages', async () => {
    server = await serveRoutes({
      '/robots.txt': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`User-agent: *\nAllow: /\nSitemap: ${server!.url}/sitemap_index.xml\n`);
      },
      '/sitemap_index.xml': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(
          `<sitemapindex><sitemap><loc>${server!.url}/pages.xml.gz</loc></sitemap><sitemap><loc>${server!.url}/missing.xml</loc></sitemap></sitemapindex>`,
        );
      },
      '/pages.xml.gz': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/x-gzip' });
        res.end(gzipSync(urlset([`${server!.url}/servizi/anagrafe`, `${server!.url}/servizi/tributi`, 'https://elsewhere.example/x'])));
      },
      '/sitemap.xml': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(urlset([`${server!.url}/notizie`]));
      },
      '/': { body: htmlPage('Home', ['/servizi/tributi']) },
      '/servizi/anagrafe': { body: htmlPage('Anagrafe') },
      '/servizi/tributi': { body: htmlPage('Tributi') },
      '/notizie': { body: htmlPage('Notizie') },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(result.robots?.sitemaps).toEqual([`${server.url}/sitemap_index.xml`]);
    const read = (url: string, source: string, status: number, kind: string | null, listed: number, taken: number, skipped = {}, problem?: string) =>
      expect.objectContaining({ url: `${server!.url}${url}`, source, status, kind, listed, taken, skipped, ...(problem ? { problem } : {}) });
    expect(result.sitemap.documents).toEqual([
      read('/sitemap_index.xml', 'robots', 200, 'index', 2, 2),
      read('/sitemap.xml', 'conventional', 200, 'urlset', 1, 1),
      read('/pages.xml.gz', 'index', 200, 'urlset', 3, 2, { 'off-site': 1 }),
      read('/missing.xml', 'index', 404, null, 0, 0, {}, 'http'),
    ]);
    expect(pathsOf(result)).toEqual(['/', '/notizie', '/servizi/anagrafe', '/servizi/tributi']);
    const tributi = result.pages.find((page) => page.url.endsWith('/tributi'));
    const anagrafe = result.pages.find((page) => page.url.endsWith('/anagrafe'));
    expect([tributi?.source, anagrafe?.source, tributi?.depth, anagrafe?.depth]).toEqual(['link', 'sitemap', 1, 1]);

    // Under a tight page budget, linked pages come before sitemap-only ones.
    const capped = await testCrawl(`${server.url}/`, { maxPages: 2 });
    expect(pathsOf(capped)).toEqual(['/', '/servizi/tributi']);
    expect(capped.limits).toMatchObject({ hitMaxPages: true, skippedUrls: 2 });
  });

  it('a broken sitemap listed in robots.txt is recorded as not a sitemap, a missing /sitemap.xml by its status', async () => {
    server = await serveRoutes({
      '/robots.txt': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`Sitemap: ${server!.url}/broken.xml\n`);
      },
      '/broken.xml': xml('<html>oops</html>'),
      '/': { body: htmlPage('Home') },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(result.sitemap.documents.map(({ url, problem }) => [url, problem])).toEqual([
      [`${server.url}/broken.xml`, 'not-sitemap'],
      [`${server.url}/sitemap.xml`, 'http'],
    ]);
    expect(pathsOf(result)).toEqual(['/']);
  });
});

describe('parseSitemap', () => {
  it('reads <loc> values with namespace prefixes, blanks, CDATA and entities', () => {
    const xml = `<?xml version="1.0"?><ns:urlset xmlns:ns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <ns:url><ns:loc>
        https://www.comune.esempio.it/servizi?a=1&amp;b=2
      </ns:loc></ns:url>
      <ns:url><ns:loc><![CDATA[ https://www.comune.esempio.it/notizie ]]></ns:loc></ns:url>
      <url><loc >https://www.comune.esempio.it/eventi</loc ></url>
    </ns:urlset>`;
    expect(parseSitemap(xml)).toEqual({
      kind: 'urlset',
      locs: ['https://www.comune.esempio.it/servizi?a=1&b=2', 'https://www.comune.esempio.it/notizie', 'https://www.comune.esempio.it/eventi'],
      closed: true,
    });
  });

  it('reads hostile XML in one pass: an unclosed <loc> before 200 KB of blanks, or 100,000 unclosed <loc>', () => {
    // The former single pattern backtracked for minutes on these (and a synchronous regex ignores the time budget).
    expect(parseSitemap(`<urlset><loc>a${' '.repeat(200_000)}`)).toEqual({ kind: 'urlset', locs: [], closed: false });
    expect(parseSitemap(`<urlset>${'<loc>'.repeat(100_000)}`)).toEqual({ kind: 'urlset', locs: [], closed: false });
    expect(parseSitemap(`<urlset><loc>https://x.it/a</loc>${'<loc> '.repeat(50_000)}</loc>`).locs[0]).toBe('https://x.it/a');
  });
});
