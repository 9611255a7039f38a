import { afterEach, describe, expect, it } from 'vitest';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { scriptRedirectTarget } from '../../src/crawl/page.js';
import { htmlPage, pathsOf, testCrawl } from './helpers.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const redirect = (status: number, location: string) => ({ status, headers: { location } });

describe('redirects', () => {
  it('follows a chain and records every hop', async () => {
    server = await serveRoutes({
      '/': redirect(301, '/it/'),
      '/it/': redirect(302, '/it/home'),
      '/it/home': { body: htmlPage('Home') },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(result.fatal).toBeUndefined();
    expect(result.siteUrl).toBe(`${server.url}/it/home`);
    expect(result.pages[0].redirects).toEqual([
      { url: `${server.url}/`, status: 301 },
      { url: `${server.url}/it/`, status: 302 },
    ]);
    expect(result.pages[0].finalUrl).toBe(`${server.url}/it/home`);
  });

  it('detects a redirect loop on an inner page and carries on with the crawl', async () => {
    server = await serveRoutes({
      '/': { body: htmlPage('Home', ['/loop-a', '/ok']) },
      '/loop-a': redirect(302, '/loop-b'),
      '/loop-b': redirect(302, '/loop-a'),
      '/ok': { body: htmlPage('OK') },
    });
    const result = await testCrawl(`${server.url}/`);
    const loop = result.pages.find((page) => page.url.endsWith('/loop-a'));
    expect(loop?.error?.code).toBe('too-many-redirects');
    expect(loop?.error?.message.en).toMatch(/loop/i);
    expect(loop?.error?.message.it).toMatch(/ciclo di redirect/i);
    expect(pathsOf(result)).toEqual(['/', '/loop-a', '/ok']);
  });

  it('gives up after 10 redirects', async () => {
    const routes: Record<string, ReturnType<typeof redirect>> = {};
    for (let i = 0; i < 15; i++) routes[`/r${i}`] = redirect(302, `/r${i + 1}`);
    server = await serveRoutes({ '/': { body: htmlPage('Home', ['/r0']) }, ...routes });
    const result = await testCrawl(`${server.url}/`);
    const chain = result.pages.find((page) => page.url.endsWith('/r0'));
    expect(chain?.error?.code).toBe('too-many-redirects');
    expect(chain?.redirects).toHaveLength(10);
    expect(server.requests).not.toContain('/r11');
  });

  it('a start URL stuck in a loop is fatal, with no pages', async () => {
    server = await serveRoutes({ '/': redirect(302, '/a'), '/a': redirect(302, '/') });
    const result = await testCrawl(`${server.url}/`);
    expect(result.fatal?.code).toBe('too-many-redirects');
    expect(result.pages).toEqual([]);
  });

  it('keeps a page reached twice (two URLs redirecting to one) once', async () => {
    server = await serveRoutes({
      '/': { body: htmlPage('Home', ['/old-news', '/notizie', '/news']) },
      '/old-news': redirect(301, '/notizie'),
      '/news': redirect(301, '/notizie'),
      '/notizie': { body: htmlPage('Notizie') },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(pathsOf(result)).toEqual(['/', '/notizie']);
  });
});

describe('repeated headers', () => {
  it('follows the first of two Location headers, not the two glued together', async () => {
    server = await serveRoutes({
      '/': (req, res) => {
        res.setHeader('location', ['/p1', '/p2']);
        res.writeHead(302);
        res.end();
      },
      '/p1': { body: htmlPage('P1') },
      '/p2': { body: htmlPage('P2') },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(result.siteUrl).toBe(`${server.url}/p1`);
    expect(server.requests).not.toContain('/p1/p2');
  });

  it('joins repeated list headers (Via) with commas, as HTTP defines them', async () => {
    server = await serveRoutes({
      '/': (req, res) => {
        res.setHeader('via', ['1.1 varnish', '1.1 cloudfront']);
        res.setHeader('content-type', 'text/html');
        res.end(htmlPage('Home'));
      },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(result.pages[0].headers.via).toBe('1.1 varnish, 1.1 cloudfront');
  });
});

describe('meta refresh on the start page', () => {
  const refresh = (content: string) => ({
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html><head><meta http-equiv="Refresh" content="${content}"><title>Redirect</title></head><body></body></html>`,
  });

  it('is followed like a redirect: the site is audited from where it leads, the hop recorded', async () => {
    server = await serveRoutes({
      '/': refresh("0; URL='/portale/'"),
      '/portale/': { body: htmlPage('Portale', ['/portale/servizi']) },
      '/portale/servizi': { body: htmlPage('Servizi') },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(result.siteUrl).toBe(`${server.url}/portale/`);
    expect(pathsOf(result)).toEqual(['/', '/portale/servizi']);
    expect(result.pages[0].finalUrl).toBe(`${server.url}/portale/`);
    expect(result.pages[0].redirects).toEqual([{ url: `${server.url}/`, status: 200 }]);
  });

  it('is not followed when it only reloads the page later, nor forever in a loop', async () => {
    server = await serveRoutes({
      '/': refresh('300; url=/altro'),
      '/a': refresh('0;url=/b'),
      '/b': refresh('0;url=/a'),
    });
    const reload = await testCrawl(`${server.url}/`);
    expect(reload.siteUrl).toBe(`${server.url}/`);
    const loop = await testCrawl(`${server.url}/a`);
    expect(loop.fatal).toBeUndefined();
    // three hops at most, then the page in hand is the start page
    expect(loop.pages[0].redirects).toHaveLength(3);
  });
});

describe('script forwarding on the start page', () => {
  const stub = (script: string, extra = '') => ({
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html><head><title>Comune di Esempio</title><script>${script}</script></head><body>${extra}</body></html>`,
  });

  it('is followed like a redirect when the page is only a forwarding script (and its fallback link)', async () => {
    server = await serveRoutes({
      '/': stub('window.location.href = "/portale/";', '<p>Se la pagina non si apre <a href="/portale/">clicca qui</a>.</p>'),
      '/portale/': { body: htmlPage('Portale', ['/portale/servizi']) },
      '/portale/servizi': { body: htmlPage('Servizi') },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(result.siteUrl).toBe(`${server.url}/portale/`);
    expect(pathsOf(result)).toEqual(['/', '/portale/servizi']);
    expect(result.pages[0].redirects).toEqual([{ url: `${server.url}/`, status: 200 }]);
  });

  it('reads location.replace and top.location too', async () => {
    server = await serveRoutes({
      '/': stub("top.location.replace('/a')"),
      '/a': stub("location = '/b'"),
      '/b': { body: htmlPage('Home B') },
    });
    const result = await testCrawl(`${server.url}/`);
    expect(result.siteUrl).toBe(`${server.url}/b`);
    expect(result.pages[0].redirects.map((hop) => new URL(hop.url).pathname)).toEqual(['/', '/a']);
  });

  it('is not followed on a real home page whose script assigns location (a mobile switch), nor for a computed target', async () => {
    const links = ['/servizi', '/notizie', '/amministrazione', '/eventi'].map((href) => `<a href="${href}">${href}</a>`).join(' ');
    server = await serveRoutes({
      '/': stub("if (screen.width < 600) location.href = '/m/';", `<nav>${links}</nav><p>Benvenuti nel sito del Comune.</p>`),
      '/computed': stub('location.href = base + "/portale/";'),
    });
    const home = await testCrawl(`${server.url}/`);
    expect(home.siteUrl).toBe(`${server.url}/`);
    expect(home.pages[0].redirects).toEqual([]);
    const computed = await testCrawl(`${server.url}/computed`);
    expect(computed.siteUrl).toBe(`${server.url}/computed`);
  });
});

describe('scriptRedirectTarget', () => {
  const page = (script: string) => `<html><head><script>${script}</script></head><body></body></html>`;

  it('reads the literal target of location, location.href, replace and assign, with or without window/top/self', () => {
    expect(scriptRedirectTarget(page('window.location.href = "/portale/";'))).toBe('/portale/');
    expect(scriptRedirectTarget(page("location='/a'"))).toBe('/a');
    expect(scriptRedirectTarget(page("self.location.assign('/b')"))).toBe('/b');
  });

  it('ignores a variable or property that is only called location, and a conditional forward', () => {
    expect(scriptRedirectTarget(page('var location = "Roma";'))).toBeNull();
    expect(scriptRedirectTarget(page('const location = "Roma";'))).toBeNull();
    expect(scriptRedirectTarget(page('map.location = "centro";'))).toBeNull();
    expect(scriptRedirectTarget(page("if (screen.width < 600) location.href = '/m/';"))).toBeNull();
  });
});
