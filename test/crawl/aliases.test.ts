// One page at several addresses of its folder ("/" and "/index.html", "/servizi" and "/servizi/"): kept once when
// the bodies are the same, with the other addresses recorded on it; kept apart when they differ.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { crawledTarget } from '../../rules/design/shared.js';
import { folderKeys } from '../../src/crawl/aliases.js';
import { assignLinkedPageTypes } from '../../src/facts/page-type.js';
import { auditSite } from '../../src/pipeline.js';
import { renderHtml } from '../../src/report/html.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { packageRoot } from '../../src/util/paths.js';
import { serveDirectory, type FixtureServer } from '../helpers/fixture-server.js';
import { siteFromHtml } from '../helpers/site.js';
import { htmlPage, pathsOf, serveForEachTest, testCrawl } from './helpers.js';

const serve = serveForEachTest();
const directories: FixtureServer[] = [];
afterEach(async () => {
  await Promise.all(directories.splice(0).map((server) => server.close()));
});

async function serveDirectoryForTest(dir: string): Promise<FixtureServer> {
  const server = await serveDirectory(dir);
  directories.push(server);
  return server;
}

describe('folder keys', () => {
  it('name the folder an address may stand for, keeping the query', () => {
    expect(folderKeys('http://c.it/')).toEqual(['http://c.it/']);
    expect(folderKeys('http://c.it/index.html')).toEqual(['http://c.it/index.html/', 'http://c.it/']);
    expect(folderKeys('http://c.it/servizi')).toEqual(['http://c.it/servizi/']);
    expect(folderKeys('http://c.it/a/Default.ASPX?id=2')).toEqual(['http://c.it/a/Default.ASPX/?id=2', 'http://c.it/a/?id=2']);
    expect(folderKeys('http://c.it/home')).toEqual(['http://c.it/home/', 'http://c.it/']);
    // Not an index file: its folder is not its alias.
    expect(folderKeys('http://c.it/a/indice.html')).toEqual(['http://c.it/a/indice.html/']);
  });
});

describe('a page at several addresses of its folder', () => {
  it('is kept once when the bodies are identical, the other addresses recorded on it', async () => {
    const home = htmlPage('Home', ['/index.html', '/servizi', '/servizi/index.php', '/home']);
    const services = htmlPage('Servizi', ['/servizi/']);
    const server = await serve({
      '/': { body: home },
      '/index.html': { body: home },
      '/home': { body: home },
      '/servizi': { body: services },
      '/servizi/': { body: services },
      '/servizi/index.php': { body: services },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(pathsOf(result)).toEqual(['/', '/servizi']);
    expect(result.pages[0].aliases).toEqual([`${server.url}/home`, `${server.url}/index.html`]);
    // The first in crawl order is kept: "/servizi" and "/servizi/index.php" come at depth 1 in URL order, "/servizi/" at depth 2.
    expect(result.pages[1].aliases).toEqual([`${server.url}/servizi/`, `${server.url}/servizi/index.php`]);
    // Every address was asked for once, and none is counted as cut off.
    expect([...server.requests].filter((path) => path !== '/robots.txt' && path !== '/sitemap.xml').sort()).toEqual(
      ['/', '/home', '/index.html', '/servizi', '/servizi/', '/servizi/index.php'].sort(),
    );
    expect(result.limits.skippedUrls).toBe(0);
  });

  it('keeps both addresses when the bodies differ, or when the other address is not an index of the folder', async () => {
    const home = htmlPage('Home', ['/index.html', '/copia.html', '/a/', '/a/index.html']);
    const server = await serve({
      '/': { body: home },
      // The same page but for one word: another page for all the crawler can tell.
      '/index.html': { body: home.replace('Home', 'Home page') },
      // Same body, but "/copia.html" is no index file of "/": a page of its own.
      '/copia.html': { body: home },
      '/a/': { body: htmlPage('A') },
      '/a/index.html': { body: htmlPage('A, indice') },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(pathsOf(result)).toEqual(['/', '/a/', '/a/index.html', '/copia.html', '/index.html']);
    expect(result.pages.every((page) => page.aliases === undefined)).toBe(true);
  });

  it('does not merge error answers, whatever their bodies', async () => {
    const missing = { status: 404, body: htmlPage('Pagina non trovata') };
    const server = await serve({
      '/': { body: htmlPage('Home', ['/vecchia/', '/vecchia/index.html']) },
      '/vecchia/': missing,
      '/vecchia/index.html': missing,
    });
    const result = await testCrawl(`${server.url}/`);
    expect(pathsOf(result)).toEqual(['/', '/vecchia/', '/vecchia/index.html']);
  });

  it('gives the same pages and aliases whatever order the answers arrive in', async () => {
    const home = htmlPage('Home', ['/b/', '/b/index.html', '/c', '/c/']);
    const slow = (body: string, ms: number) => async (_req: unknown, res: import('node:http').ServerResponse) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    const runs = [];
    for (const [first, second] of [[0, 60], [60, 0]]) {
      const server = await serve({
        '/': { body: home },
        '/b/': slow(htmlPage('B'), first),
        '/b/index.html': slow(htmlPage('B'), second),
        '/c': slow(htmlPage('C'), second),
        '/c/': slow(htmlPage('C'), first),
      });
      const result = await testCrawl(`${server.url}/`);
      runs.push(result.pages.map((page) => [new URL(page.url).pathname, (page.aliases ?? []).map((url) => new URL(url).pathname)]));
    }
    expect(runs[0]).toEqual([['/', []], ['/b/', ['/b/index.html']], ['/c', ['/c/']]]);
    expect(runs[1]).toEqual(runs[0]);
  });
});

describe('the model pages served as a static folder (python -m http.server answers "/" and "/index.html")', () => {
  it('count the root once, list /index.html in the report, and the audit still finds the home', async () => {
    const server = await serveDirectoryForTest(join(packageRoot, 'fixtures', 'modello-comuni', 'site'));
    const report = await auditSite(`${server.url}/`, { crawl: { minDelayMs: 0, retries: 0, maxPages: 120 } });
    const urls = report.pages.map((page) => page.url);
    expect(urls).not.toContain(`${server.url}/index.html`);
    expect(urls.filter((url) => url === `${server.url}/`)).toHaveLength(1);
    const root = report.pages.find((page) => page.url === `${server.url}/`);
    expect(root?.aliases).toEqual([`${server.url}/index.html`]);
    expect(root?.pageType).toBe('home');
    expect(report.pages.find((page) => page.url.endsWith('/sito/homepage.html'))?.pageType).toBe('home');
    // What a person reads: the address, and the page it repeats.
    const terminal = renderTerminal(report, { lang: 'it', color: false, width: 400 });
    expect(terminal).toContain(`Stessa pagina a più indirizzi\n    ${server.url}/index.html\n      stesso contenuto di ${server.url}/: contata una volta`);
    const html = renderHtml(report, { lang: 'en' });
    expect(html).toMatch(/<h3>One page at several addresses<\/h3><ul class="discovery"><li>.*\/index\.html.* · same content as http:\/\/127\.0\.0\.1:\d+\/: counted once/);
  }, 60_000);
});

describe('rules find a link target by its other addresses', () => {
  const home = 'https://www.comune.example.it/';
  const services = `<!doctype html><html lang="it"><head><title>Servizi</title></head><body><main><h1>Servizi</h1></main></body></html>`;
  const homeHtml = `<!doctype html><html lang="it"><head><title>Comune</title></head><body>
    <nav><a data-element="all-services" href="${home}servizi/index.html">Tutti i servizi</a>
    <a data-element="management" href="${home}amministrazione/index.html">Amministrazione</a></nav><main><h1>Comune</h1></main></body></html>`;

  function site(aliases: boolean) {
    const built = siteFromHtml([
      { url: home, html: homeHtml },
      { url: `${home}servizi/`, html: services, depth: 1 },
      { url: `${home}amministrazione/`, html: services.replaceAll('Servizi', 'Organi di governo'), depth: 1 },
    ]);
    if (aliases) {
      built.pages[1].aliases = [`${home}servizi/index.html`];
      built.pages[2].aliases = [`${home}amministrazione/index.html`];
    }
    assignLinkedPageTypes(built.pages, home);
    return built;
  }

  it('crawledTarget', () => {
    expect(crawledTarget(site(true), `${home}servizi/index.html`)?.url).toBe(`${home}servizi/`);
    expect(crawledTarget(site(false), `${home}servizi/index.html`)).toBeNull();
  });

  it('page types from the links that point at a page', () => {
    expect(site(true).pages[2].pageType.type).toBe('first-level');
    expect(site(false).pages[2].pageType.type).not.toBe('first-level');
  });
});
