import { afterEach, describe, expect, it } from 'vitest';
import type { FetchedPage } from '../../src/types.js';
import { serveRoutes, type FixtureServer, type Route } from '../helpers/fixture-server.js';
import { extractLinks, htmlPage, pathsOf, testCrawl } from './helpers.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const canonical = (href: string) => `<link rel="canonical" href="${href}">`;

describe('de-duplication', () => {
  it('keeps one page per rel=canonical, preferring the canonical page itself', async () => {
    server = await serveRoutes({
      '/': { body: htmlPage('Home', ['/servizi?ordine=alfa', '/servizi', '/eventi?pagina=1']) },
      '/servizi': { body: htmlPage('Servizi', [], canonical('/servizi')) },
      '/servizi?ordine=alfa': { body: htmlPage('Servizi (ordinati)', [], canonical('/servizi')) },
      '/eventi?pagina=1': { body: htmlPage('Eventi', ['/eventi'], canonical('/eventi')) },
      '/eventi': { body: htmlPage('Eventi') },
    });
    const result = await testCrawl(`${server.url}/`);
    // /servizi?ordine=alfa duplicates /servizi (same level); /eventi is claimed by its canonical twin.
    expect(pathsOf(result)).toEqual(['/', '/eventi?pagina=1', '/servizi']);
    expect(server.requests).not.toContain('/eventi');
  });

  it('uses the canonical the caller reports instead of scanning the HTML', async () => {
    server = await serveRoutes({
      '/': { body: htmlPage('Home', ['/a', '/b']) },
      '/a': { body: htmlPage('A') },
      '/b': { body: htmlPage('B') },
    });
    const onPage = (page: FetchedPage) => ({ ...extractLinks(page), canonical: page.url.endsWith('/b') ? '/a' : null });
    const result = await testCrawl(`${server.url}/`, { onPage });
    expect(pathsOf(result)).toEqual(['/', '/a']);
  });

  it('treats URLs differing only by fragment or tracking parameters as one', async () => {
    server = await serveRoutes({
      '/': { body: htmlPage('Home', ['/a#top', '/a?utm_source=newsletter', '/a']) },
      '/a': { body: htmlPage('A') },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(pathsOf(result)).toEqual(['/', '/a']);
    expect(server.requests.filter((path) => path.startsWith('/a'))).toEqual(['/a']);
  });

  it('keeps the HTML only when asked, but always shows it to onPage', async () => {
    server = await serveRoutes({ '/': { body: htmlPage('Home') } });
    const seen: string[] = [];
    const result = await testCrawl(`${server.url}/`, {
      keepHtml: false,
      onPage: (page) => {
        seen.push(page.html);
        return { links: [] };
      },
    });
    expect(seen[0]).toContain('<h1>Home</h1>');
    expect(result.pages[0].html).toBe('');
  });

  it('records a page whose parser throws, and goes on', async () => {
    server = await serveRoutes({
      '/': { body: htmlPage('Home', ['/bad', '/good']) },
      '/bad': { body: htmlPage('Bad') },
      '/good': { body: htmlPage('Good') },
    });
    const onPage = (page: FetchedPage) => {
      if (page.url.endsWith('/bad')) throw new Error('unexpected markup');
      return extractLinks(page);
    };
    const result = await testCrawl(`${server.url}/`, { onPage });
    expect(pathsOf(result)).toEqual(['/', '/bad', '/good']);
    expect(result.pages[1].error).toEqual({
      code: 'other',
      message: { it: expect.stringMatching(/^Impossibile leggere .*unexpected markup/), en: expect.stringMatching(/^Could not parse .*unexpected markup/) },
    });
  });
});

/** 40 pages in three levels, with cross links, a canonical duplicate and redirects, answering after random delays. */
function jitterySite(): Record<string, Route> {
  const routes: Record<string, Route> = {};
  const delayed =
    (body: string, status = 200, headers: Record<string, string> = {}): Route =>
    (req, res) => {
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'text/html', ...headers });
        res.end(body);
      }, Math.random() * 40);
    };
  const sections = ['amministrazione', 'novita', 'servizi', 'vivere'];
  routes['/'] = delayed(htmlPage('Home', [...sections.map((s) => `/${s}/`), '/vecchio']));
  routes['/vecchio'] = delayed('', 301, { location: '/servizi/' });
  for (const section of sections) {
    const children = Array.from({ length: 8 }, (_, i) => `/${section}/${i}`);
    routes[`/${section}/`] = delayed(htmlPage(section, [...children, '/novita/', `/${section}/0?utm_source=x`]));
    for (const [i, child] of children.entries()) {
      const links = [`/${sections[(i + 1) % 4]}/${(i + 3) % 8}`, `/${section}/${i}/dettaglio`];
      const head = i === 7 ? `<link rel="canonical" href="/${section}/6">` : '';
      routes[child] = delayed(htmlPage(child, links, head));
      routes[`${child}/dettaglio`] = delayed(htmlPage(`${child} dettaglio`));
    }
  }
  return routes;
}

describe('determinism', () => {
  it('two crawls of a server with random delays give identical page lists', async () => {
    server = await serveRoutes(jitterySite());
    const summary = async () => {
      const result = await testCrawl(`${server!.url}/`, { maxPages: 45, concurrency: 8 });
      return {
        pages: result.pages.map((page) => [page.url, page.finalUrl, page.depth, page.status, page.source]),
        limits: result.limits,
      };
    };
    const first = await summary();
    const second = await summary();
    expect(second).toEqual(first);
    expect(first.pages).toHaveLength(45);
    expect(first.limits.hitMaxPages).toBe(true);
    // Sorted by depth, then URL.
    const keys = first.pages.map(([url, , depth]) => `${depth} ${url}`);
    expect(keys).toEqual([...keys].sort());
  });
});
