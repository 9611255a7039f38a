// Comune-like sites for the survey benchmark, all served by one process on 127.0.0.1: 20 to 200 pages each (the
// benchmark's generated pages), and some faulty as real lists are: slow, 429 on first asks, 5xx, dead.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generatePage, pagePath } from './generate-site.js';

export type SiteKind = 'ok' | 'slow' | 'rate-limited' | 'server-error' | 'dead';

export interface BenchSite {
  url: string;
  pages: number;
  kind: SiteKind;
}

/** Site i's size and fault: deterministic, so every run of the benchmark surveys the same sites. */
export function siteShape(i: number): { pages: number; kind: SiteKind } {
  const pages = 20 + ((i * 37) % 181);
  const kind: SiteKind = i % 25 === 24 ? 'dead' : i % 20 === 19 ? 'server-error' : i % 15 === 14 ? 'rate-limited' : i % 10 === 9 ? 'slow' : 'ok';
  return { pages, kind };
}

const STYLES = ':root{--bootstrap-italia-version:"2.8.2"}body{font-family:"Titillium Web",Geneva,sans-serif}';

function serveSite(total: number, kind: SiteKind): Server {
  // Encoded once: the server shares the cores with the survey it serves, so it should cost as little as it can.
  const pages = new Map<string, Buffer>();
  for (let id = 0; id < total; id++) pages.set(pagePath(id), Buffer.from(generatePage(id, total)));
  const asked = new Set<string>();
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const answer = () => {
      if (kind === 'server-error') return void res.writeHead(503, { 'content-type': 'text/html' }).end('<!doctype html><title>503</title>');
      // Rate-limited: the home and every tenth page are refused once with a short Retry-After, then served.
      if (kind === 'rate-limited' && (path === '/' || /0\.html$/.test(path)) && !asked.has(path)) {
        asked.add(path);
        return void res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('slow down');
      }
      if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      if (path.endsWith('.css')) return void res.writeHead(200, { 'content-type': 'text/css' }).end(STYLES);
      const page = pages.get(path);
      if (page) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>404</title><p>Pagina non trovata</p>');
    };
    // Slow: every answer takes 250 ms, a host on a poor line.
    if (kind === 'slow') setTimeout(answer, 250);
    else answer();
  });
}

export async function serveSurveySites(count: number): Promise<{ sites: BenchSite[]; close(): Promise<void> }> {
  const servers: Server[] = [];
  const sites: BenchSite[] = [];
  for (let i = 0; i < count; i++) {
    const { pages, kind } = siteShape(i);
    const server = serveSite(kind === 'dead' ? 0 : pages, kind);
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // Dead: the port was ours a moment ago and nothing listens on it now (connection refused).
    if (kind === 'dead') await new Promise<void>((resolve) => server.close(() => resolve()));
    else servers.push(server);
    sites.push({ url: `http://127.0.0.1:${port}/`, pages, kind });
  }
  return {
    sites,
    close: async () => {
      for (const server of servers) server.closeAllConnections();
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}
