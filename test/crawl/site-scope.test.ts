import { afterEach, describe, expect, it } from 'vitest';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { htmlPage, pathsOf, testCrawl } from './helpers.js';

const servers: FixtureServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('same-site scope', () => {
  it('follows links on the host and its www. twin only, never other hosts or subdomains', async () => {
    const other = await serveRoutes({ '/': { body: htmlPage('Other site') } });
    servers.push(other);
    const hits: string[] = [];
    const site = await serveRoutes({
      '/': (req, res) => {
        hits.push(`${req.headers.host}${req.url}`);
        const port = site.port;
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          htmlPage('Home', [
            `http://www.comune.test:${port}/twin`,
            `http://servizi.comune.test:${port}/sub`,
            `${other.url}/`,
            '/local',
          ]),
        );
      },
      '/twin': (req, res) => {
        hits.push(`${req.headers.host}${req.url}`);
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(htmlPage('Twin'));
      },
      '/local': { body: htmlPage('Local') },
      '/sub': { body: htmlPage('Subdomain: must not be fetched') },
    });
    servers.push(site);
    const resolve = { 'comune.test': '127.0.0.1', 'www.comune.test': '127.0.0.1', 'servizi.comune.test': '127.0.0.1' };
    const result = await testCrawl(`http://comune.test:${site.port}/`, { resolve });
    expect(result.pages.map((page) => page.url)).toEqual([
      `http://comune.test:${site.port}/`,
      `http://comune.test:${site.port}/local`,
      `http://www.comune.test:${site.port}/twin`,
    ]);
    expect(hits).toEqual([`comune.test:${site.port}/`, `www.comune.test:${site.port}/twin`]);
    expect(site.requests).not.toContain('/sub');
    expect(other.requests).toEqual([]);
  });

  it('records an offsite redirect without following it, and keeps the page with its error', async () => {
    const other = await serveRoutes({ '/landing': { body: htmlPage('Elsewhere') } });
    servers.push(other);
    const site = await serveRoutes({
      '/': { body: htmlPage('Home', ['/pagamenti']) },
      '/pagamenti': { status: 302, headers: { location: `${other.url}/landing?utm_source=x` } },
    });
    servers.push(site);
    const result = await testCrawl(`${site.url}/`);
    expect(result.offsiteRedirects).toEqual([{ url: `${other.url}/landing`, status: 302 }]);
    const page = result.pages.find((item) => item.url.endsWith('/pagamenti'));
    expect(page?.status).toBe(302);
    expect(page?.error?.code).toBe('redirect-offsite');
    expect(page?.finalUrl).toBe(`${other.url}/landing`);
    expect(other.requests).toEqual([]);
  });

  it('follows a start URL that redirects to another host and audits that site', async () => {
    const target = await serveRoutes({
      '/home': { body: htmlPage('Nuovo sito', ['/servizi']) },
      '/servizi': { body: htmlPage('Servizi') },
    });
    servers.push(target);
    const old = await serveRoutes({ '/': { status: 301, headers: { location: `${target.url}/home` } } });
    servers.push(old);
    const result = await testCrawl(`${old.url}/`);
    expect(result.siteUrl).toBe(`${target.url}/home`);
    expect(result.pages[0].redirects).toEqual([{ url: `${old.url}/`, status: 301 }]);
    expect(pathsOf(result)).toEqual(['/', '/servizi']);
    expect(result.offsiteRedirects).toEqual([]);
  });
});
