import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/util/paths.js';
import { proxyFor, proxyFromEnv } from '../../src/crawl/proxy.js';
import { probeTls } from '../../src/crawl/tls.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { startProxy, type TestProxy } from '../helpers/proxy.js';
import { runCli } from '../helpers/cli.js';
import { testCrawl } from './helpers.js';

const tls = {
  key: readFileSync(`${packageRoot}/fixtures/crawl/tls/key.pem`),
  cert: readFileSync(`${packageRoot}/fixtures/crawl/tls/cert.pem`),
};

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((thing) => thing.close()));
});

async function proxy(options: Parameters<typeof startProxy>[0] = {}): Promise<TestProxy> {
  const started = await startProxy(options);
  open.push(started);
  return started;
}

/** A small site whose robots.txt lists a sitemap, whose home links a page and a stylesheet. */
async function site(serveOptions: Parameters<typeof serveRoutes>[1] = {}): Promise<FixtureServer> {
  let base = '';
  const server = await serveRoutes(
    {
      '/': { body: '<html><head><title>Comune</title><link rel="stylesheet" href="/style.css"></head><body><a href="/servizi">Servizi</a></body></html>' },
      '/servizi': { body: '<html><head><title>Servizi</title></head><body>Servizi</body></html>' },
      '/notizie': { body: '<html><head><title>Notizie</title></head><body>Notizie</body></html>' },
      '/style.css': { headers: { 'content-type': 'text/css' }, body: 'body{}' },
      '/robots.txt': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`User-agent: *\nAllow: /\nSitemap: ${base}/sitemap.xml\n`);
      },
      '/sitemap.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/notizie</loc></url></urlset>`);
      },
    },
    serveOptions,
  );
  base = server.url;
  open.push(server);
  return server;
}

describe('proxy settings', () => {
  it('reads the environment like curl: lower case wins, HTTPS falls back to HTTP, loopback is proxied unless listed', () => {
    const settings = proxyFromEnv({ HTTP_PROXY: 'http://upper:1', http_proxy: 'http://lower:2', NO_PROXY: '.comune.it,intranet:8080' });
    expect(settings).toEqual({ httpProxy: 'http://lower:2', noProxy: '.comune.it,intranet:8080' });
    expect(proxyFor('https://www.comune.example.it/', settings)).toBe('http://lower:2');
    expect(proxyFor('http://127.0.0.1:8080/', settings)).toBe('http://lower:2');
    expect(proxyFor('https://servizi.comune.it/', settings)).toBeNull();
    expect(proxyFor('https://comune.it/', settings)).toBeNull();
    expect(proxyFor('http://intranet:8080/', settings)).toBeNull();
    expect(proxyFor('http://intranet/', settings)).toBe('http://lower:2');
    expect(proxyFor('http://a/', { httpProxy: 'http://p:1', noProxy: '*' })).toBeNull();
    expect(proxyFor('http://a/', {})).toBeNull();
  });
});

describe('crawling through a proxy', () => {
  it('sends every request of an http audit through the proxy (robots, sitemap, pages, assets, the TLS probe has none)', async () => {
    const server = await site();
    const gateway = await proxy();
    const result = await testCrawl(`${server.url}/`, { proxy: { httpProxy: gateway.url } });
    expect(result.fatal).toBeUndefined();
    expect(result.pages.map((page) => new URL(page.url).pathname).sort()).toEqual(['/', '/notizie', '/servizi']);
    expect(result.assets.map((asset) => asset.url)).toEqual([`${server.url}/style.css`]);
    const throughProxy = gateway.log.map((line) => line.replace(`GET ${server.url}`, ''));
    expect([...server.requests].sort()).toEqual([...throughProxy].sort());
    expect(throughProxy).toEqual(expect.arrayContaining(['/robots.txt', '/sitemap.xml', '/', '/servizi', '/notizie', '/style.css']));
  });

  it('obeys NO_PROXY: a listed host is fetched directly', async () => {
    const server = await site();
    const gateway = await proxy();
    const result = await testCrawl(`${server.url}/`, { proxy: { httpProxy: gateway.url, noProxy: 'localhost,127.0.0.1' } });
    expect(result.pages).toHaveLength(3);
    expect(gateway.log).toEqual([]);
  });

  it('tunnels an https site with CONNECT, the TLS handshake probe included', async () => {
    const server = await site({ tls });
    const gateway = await proxy();
    const result = await testCrawl(`${server.url}/`, { proxy: { httpsProxy: gateway.url }, allowInsecureTls: true });
    expect(result.pages).toHaveLength(3);
    expect(new Set(gateway.log)).toEqual(new Set([`CONNECT 127.0.0.1:${server.port}`]));
    // At least one tunnel for the pages and one for the handshake probe.
    expect(gateway.log.length).toBeGreaterThanOrEqual(2);
    expect(result.tls).toMatchObject({ https: true, authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' });

    const before = gateway.log.length;
    const handshake = await probeTls(`${server.url}/`, { timeoutMs: 2_000, resolve: {}, signal: new AbortController().signal, proxy: gateway.url });
    expect(gateway.log.length).toBe(before + 1);
    expect(handshake.protocol).toMatch(/^TLSv1\.[23]$/);
  });

  it('a proxy that wants credentials is a proxy error naming 407; with user:password in its URL the audit runs', async () => {
    const server = await site();
    const gateway = await proxy({ credentials: 'rtd:segreto' });
    const refused = await testCrawl(`${server.url}/`, { proxy: { httpProxy: gateway.url }, retries: 0 });
    expect(refused.fatal).toMatchObject({ code: 'proxy', status: 407 });
    expect(refused.fatal?.message.en).toBe(`The proxy ${gateway.url} asks for authentication (HTTP 407) to reach 127.0.0.1:${server.port}`);
    const withCredentials = gateway.url.replace('http://', 'http://rtd:segreto@');
    const accepted = await testCrawl(`${server.url}/`, { proxy: { httpProxy: withCredentials } });
    expect(accepted.pages).toHaveLength(3);
  });

  it('a tunnel refused with 407 or 403 is a proxy error too', async () => {
    const server = await site({ tls });
    for (const [options, status] of [[{ credentials: 'a:b' }, 407], [{ refuseWith: 403 }, 403]] as const) {
      const gateway = await proxy(options);
      const result = await testCrawl(`${server.url}/`, { proxy: { httpsProxy: gateway.url }, retries: 0, allowInsecureTls: true });
      expect(result.fatal).toMatchObject({ code: 'proxy', status });
    }
  });

  it('an unreachable proxy is named as such, not as the site being down', async () => {
    const server = await site();
    const gateway = await proxy();
    await gateway.close();
    const result = await testCrawl(`${server.url}/`, { proxy: { httpProxy: gateway.url }, retries: 0 });
    expect(result.fatal?.code).toBe('proxy');
    expect(result.fatal?.message.en).toBe(`The proxy ${gateway.url} cannot be reached (ECONNREFUSED)`);
  });
});

describe('audit --proxy', () => {
  const quiet = ['--format', 'json', '--no-progress', '--delay', '0', '--timeout', '5'];

  it('exits 5 with one line of advice when the proxy asks for credentials', async () => {
    const server = await site();
    const gateway = await proxy({ credentials: 'rtd:segreto' });
    const run = await runCli(['audit', `${server.url}/`, ...quiet, '--proxy', gateway.url, '--lang', 'en']);
    expect(run.code).toBe(5);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^comune-audit: The proxy .* asks for authentication \(HTTP 407\) to reach .*\. Check --proxy or HTTPS_PROXY\/HTTP_PROXY/);
  });

  it('--proxy wins over the environment, --no-proxy ignores it, and a malformed value is a usage error', async () => {
    const server = await site();
    const gateway = await proxy();
    const saved = { ...process.env };
    process.env.HTTP_PROXY = 'http://127.0.0.1:9';
    process.env.http_proxy = 'http://127.0.0.1:9';
    try {
      const viaFlag = await runCli(['audit', `${server.url}/`, ...quiet, '--proxy', gateway.url, '--max-pages', '1']);
      expect(viaFlag.code).toBe(0);
      expect(gateway.log).toContain(`GET ${server.url}/`);
      const direct = await runCli(['audit', `${server.url}/`, ...quiet, '--no-proxy', '--max-pages', '1']);
      expect(direct.code).toBe(0);
      const viaEnv = await runCli(['audit', `${server.url}/`, ...quiet, '--max-pages', '1']);
      expect(viaEnv.code).toBe(5);
      const bad = await runCli(['audit', `${server.url}/`, ...quiet, '--proxy', 'proxy dell ufficio', '--lang', 'en']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--proxy: "proxy dell ufficio" is not a proxy address');
    } finally {
      process.env = saved;
    }
  });
});
