// The report's robots/sitemap section against misbehaving servers on loopback: each hostile robots.txt or sitemap is
// survived, and the section says what came back and why pages were not taken.
import { describe, expect, it } from 'vitest';
import { auditSite } from '../../src/pipeline.js';
import { renderHtml } from '../../src/report/html.js';
import { renderTerminal } from '../../src/report/terminal.js';
import type { Report } from '../../src/types.js';
import type { FixtureServer } from '../helpers/fixture-server.js';
import { htmlPage, serveForEachTest } from './helpers.js';

const serve = serveForEachTest();

const text = (body: string | Buffer) => ({ headers: { 'content-type': 'text/plain' }, body });
const xml = (body: string | Buffer) => ({ headers: { 'content-type': 'application/xml' }, body });
const urlset = (urls: string[]) => `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((url) => `<url><loc>${url}</loc></url>`).join('')}</urlset>`;
const BINARY = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));

function audit(url: string, maxPages = 5): Promise<Report> {
  return auditSite(url, { crawl: { minDelayMs: 0, retries: 0, maxPages, timeouts: { connectMs: 2_000, headersMs: 5_000, bodyMs: 5_000 } } });
}

/** The section as a person reads it: terminal in both languages (wide, so phrases stay on one line) and HTML. */
function section(report: Report): { it: string; en: string; html: string } {
  const terminal = (lang: 'it' | 'en') => {
    const all = renderTerminal(report, { lang, color: false, width: 400 });
    return all.slice(all.indexOf(lang === 'it' ? 'Come sono state trovate le pagine' : 'How the pages were found'));
  };
  const html = renderHtml(report, { lang: 'en' });
  return { it: terminal('it'), en: terminal('en'), html: html.slice(html.indexOf('<section aria-labelledby="discovery">')) };
}

describe('the robots/sitemap section', () => {
  it('a 10 MB robots.txt is read to 500 KB, its rules there honoured, a typo named by its line', async () => {
    const filler = '# riga di commento per riempire il file robots.txt fino a dieci megabyte\n'.repeat(140_000);
    const server = await serve({
      '/robots.txt': text(`User-agent: *\nDisallow: /riservata/\nDisalow: /bozze/\n${filler}`),
      '/': { body: htmlPage('Home', ['/riservata/x', '/bozze/y']) },
      '/riservata/x': { body: htmlPage('Riservata') },
      '/bozze/y': { body: htmlPage('Bozza') },
    });
    const report = await audit(`${server.url}/`);
    expect(report.discovery.robots).toMatchObject({ status: 200, bytes: 500 * 1024, truncated: true, binary: false, parseErrors: 1, parseErrorLines: [{ line: 3, text: 'Disalow: /bozze/' }] });
    expect(server.requests).not.toContain('/riservata/x');
    expect(server.requests).toContain('/bozze/y');
    const shown = section(report);
    expect(shown.en).toContain('HTTP 200, 500 KB; longer than 500 KB: the rest is ignored, as search engines do; 1 line no crawler understands (line 3 «Disalow: /bozze/»)');
    expect(shown.it).toContain('più lungo di 500 KB: il resto è ignorato');
    expect(shown.it).toContain('1 riga che nessun crawler comprende (riga 3 «Disalow: /bozze/»)');
    expect(shown.html).toContain('1 line no crawler understands (line 3 «Disalow: /bozze/»)');
  });

  it('a binary robots.txt is read as no rules, and said so', async () => {
    const server = await serve({
      '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: Buffer.concat([Buffer.from('User-agent: *\nDisallow: /\n'), BINARY]) },
      '/': { body: htmlPage('Home', ['/a']) },
      '/a': { body: htmlPage('A') },
    });
    const report = await audit(`${server.url}/`);
    expect(report.fatal).toBeUndefined();
    expect(report.discovery.robots).toMatchObject({ status: 200, binary: true, parseErrors: 0, disallowsStart: false });
    expect(report.pages.map((page) => new URL(page.url).pathname)).toEqual(['/', '/a']);
    expect(section(report).en).toContain('binary data, not text: read as no rules');
    expect(section(report).it).toContain('dati binari, non testo: letto come privo di regole');
  });

  it('a sitemap cut short is read as far as it goes, and named incomplete', async () => {
    let site: FixtureServer;
    // The URLs name the server's own port: written when asked for. The last <url> and </urlset> are cut off.
    const cut = () => urlset([`${site.url}/a`, `${site.url}/b`, `${site.url}/c`]).slice(0, -40);
    site = await serve({
      '/robots.txt': text('User-agent: *\nAllow: /\n'),
      '/sitemap.xml': (req, res) => void res.writeHead(200, { 'content-type': 'application/xml' }).end(cut()),
      '/': { body: htmlPage('Home') },
      '/a': { body: htmlPage('A') },
      '/b': { body: htmlPage('B') },
    });
    const report = await audit(`${site.url}/`);
    expect(report.discovery.sitemaps).toEqual([
      expect.objectContaining({ url: `${site.url}/sitemap.xml`, source: 'conventional', status: 200, kind: 'urlset', incomplete: true, truncated: false, listed: 2, taken: 2 }),
    ]);
    expect(report.pages.map((page) => new URL(page.url).pathname)).toEqual(['/', '/a', '/b']);
    const { en, it: italian } = section(report);
    expect(en).toContain(`${site.url}/sitemap.xml (/sitemap.xml)`);
    expect(en).toContain('ends before its closing tag: the file or its transfer was cut short; 2 URLs listed, 2 taken for the crawl');
    expect(italian).toContain('finisce prima del tag di chiusura');
  });

  it('a 400,000-URL sitemap is read to 10 MB and 50,000 URLs are taken; the rest is counted with its reason', async () => {
    let site: FixtureServer;
    let body = Buffer.alloc(0);
    site = await serve({
      '/robots.txt': (req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(`Sitemap: ${site.url}/enorme.xml\n`),
      '/enorme.xml': (req, res) => void res.writeHead(200, { 'content-type': 'application/xml' }).end(body),
      '/': { body: htmlPage('Home') },
    });
    const urls = Array.from({ length: 400_000 }, (_, i) => `${site.url}/pagina/${i}`);
    body = Buffer.from(urlset(urls));
    expect(body.length).toBeGreaterThan(10 * 1024 * 1024);
    const report = await audit(`${site.url}/`, 2);
    const [sitemap] = report.discovery.sitemaps;
    expect(sitemap).toMatchObject({ source: 'robots', status: 200, bytes: 10 * 1024 * 1024, truncated: true, incomplete: false, kind: 'urlset', taken: 50_000 });
    expect(sitemap.listed).toBeGreaterThan(150_000);
    expect(sitemap.listed).toBeLessThan(400_000);
    expect(sitemap.skipped).toEqual({ 'over-limit': sitemap.listed - 50_000 });
    const over = (sitemap.listed - 50_000).toLocaleString('en-US');
    expect(section(report).en).toContain(`HTTP 200, 10.0 MB; longer than 10.0 MB: entries past the cut not seen; ${sitemap.listed.toLocaleString('en-US')} URLs listed, 50,000 taken for the crawl; not taken: ${over} past the 50,000 taken from all sitemaps`);
    expect(section(report).it).toContain(`${over.replaceAll(',', '.')} oltre i 50.000 presi da tutte le sitemap`);
  }, 60_000);

  it('a sitemap index listing itself and looping through another is read once each; fake gzip and off-site sitemaps are named', async () => {
    const elsewhere = await serve({ '/sitemap.xml': xml(urlset([])) });
    let site: FixtureServer;
    const index = (children: string[]) => `<sitemapindex>${children.map((child) => `<sitemap><loc>${site.url}${child}</loc></sitemap>`).join('')}</sitemapindex>`;
    site = await serve({
      '/robots.txt': (req, res) =>
        void res.writeHead(200, { 'content-type': 'text/plain' }).end(`Sitemap: ${site.url}/indice.xml\nSitemap: ${elsewhere.url}/sitemap.xml\nSitemap: ${site.url}/finto.xml.gz\n`),
      '/indice.xml': (req, res) => void res.writeHead(200, { 'content-type': 'application/xml' }).end(index(['/indice.xml', '/altro-indice.xml', '/pagine.xml'])),
      '/altro-indice.xml': (req, res) => void res.writeHead(200, { 'content-type': 'application/xml' }).end(index(['/indice.xml'])),
      '/pagine.xml': (req, res) => void res.writeHead(200, { 'content-type': 'application/xml' }).end(urlset([`${site.url}/a`, `${site.url}/a`, 'https://altrove.example/b', 'mailto:x@y.it'])),
      '/finto.xml.gz': { headers: { 'content-type': 'application/gzip' }, body: Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), BINARY]) },
      '/': { body: htmlPage('Home') },
      '/a': { body: htmlPage('A') },
    });
    const report = await audit(`${site.url}/`);
    const byUrl = new Map(report.discovery.sitemaps.map((sitemap) => [sitemap.url.replace(site.url, '').replace(elsewhere.url, 'elsewhere'), sitemap]));
    expect([...byUrl.keys()]).toEqual(['elsewhere/sitemap.xml', '/indice.xml', '/finto.xml.gz', '/sitemap.xml', '/altro-indice.xml', '/pagine.xml']);
    expect(byUrl.get('elsewhere/sitemap.xml')).toMatchObject({ source: 'robots', notRead: 'off-site', status: null });
    expect(elsewhere.requests).toEqual([]);
    expect(byUrl.get('/indice.xml')).toMatchObject({ kind: 'index', listed: 3, taken: 2, skipped: { 'self-listing': 1 } });
    expect(byUrl.get('/altro-indice.xml')).toMatchObject({ source: 'index', kind: 'index', listed: 1, taken: 0, skipped: { repeated: 1 } });
    expect(byUrl.get('/pagine.xml')).toMatchObject({ kind: 'urlset', listed: 4, taken: 1, skipped: { duplicate: 1, 'off-site': 1, invalid: 1 } });
    expect(byUrl.get('/finto.xml.gz')).toMatchObject({ status: 200, problem: 'fake-gzip', listed: 0 });
    expect(byUrl.get('/sitemap.xml')).toMatchObject({ source: 'conventional', status: 404, problem: 'http' });
    expect(site.requests.filter((path) => path === '/indice.xml')).toHaveLength(1);

    const { en, it: italian, html } = section(report);
    expect(en).toContain(`${elsewhere.url}/sitemap.xml (from robots.txt)\n      not read: on another site`);
    expect(en).toContain('index of 3 sitemaps, 2 read; not taken: 1 naming the index itself');
    expect(en).toContain('index of 1 sitemaps, 0 read; not taken: 1 naming a sitemap already read');
    expect(en).toContain('4 URLs listed, 1 taken for the crawl; not taken: 1 on another site, 1 not web addresses, 1 repeated');
    expect(en).toContain('gzip data that does not decompress: not read');
    expect(en).toContain(`${site.url}/sitemap.xml (/sitemap.xml)\n      none (HTTP 404)`);
    expect(italian).toContain('1 che indicano l’indice stesso');
    expect(italian).toContain('dati gzip che non si decomprimono: non letta');
    expect(html).toContain('<h2 id="discovery">How the pages were found</h2>');
    expect(html).toContain('not taken: 1 naming the index itself');
  });
});
