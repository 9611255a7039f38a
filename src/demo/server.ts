// Serves the bundled demo site (fixtures/demo-site, the fictional Comune di Valfiorita) on a local port,
// for `comune-audit demo` and the end-to-end tests. Static files only, plus three things a real comune site has:
// a session cookie on the home, a sitemap with absolute URLs, and pages whose charset header matches their <meta>.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { packageRoot } from '../util/paths.js';

export const demoSiteDir = join(packageRoot, 'fixtures', 'demo-site');

/** Origin written in sitemap.xml and robots.txt; replaced at serve time with the origin the request came to. */
export const ORIGIN_PLACEHOLDER = 'http://127.0.0.1:PORT';

/** Session cookie set by the home page, scoped to the site's own host (no Domain attribute). */
export const DEMO_SESSION_COOKIE = 'valfiorita_session=demo0000session; Path=/; HttpOnly; SameSite=Lax';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

export interface DemoServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the demo is never exposed beyond the machine unless asked. */
  host?: string;
}

export interface DemoServer {
  /** Home page URL, e.g. "http://127.0.0.1:41234/". */
  url: string;
  close(): Promise<void>;
}

/** Charset declared by the page itself (<meta charset> or http-equiv), looked for where browsers look: the first 1024 bytes. */
function declaredCharset(body: Buffer): string {
  const head = body.subarray(0, 1024).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return match ? match[1].toLowerCase() : 'utf-8';
}

/**
 * Maps a URL path to a file under the demo folder, or null when it is outside it or private.
 * Segments starting with "." or "_" are private (the page generator lives in _generator/), as in Jekyll.
 */
function filePathFor(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((segment) => segment.startsWith('.') || segment.startsWith('_'))) return null;
  const file = normalize(join(demoSiteDir, ...segments));
  return file === demoSiteDir || file.startsWith(demoSiteDir + sep) ? file : null;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

function send(res: ServerResponse, req: IncomingMessage, status: number, headers: Record<string, string | string[]>, body: Buffer): void {
  res.writeHead(status, { ...headers, 'content-length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function contentTypeOf(file: string, body: Buffer): string {
  const ext = extname(file).toLowerCase();
  if (ext === '.html') return `text/html; charset=${declaredCharset(body)}`;
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

async function handle(req: IncomingMessage, res: ServerResponse, fallbackOrigin: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, req, 405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, Buffer.from('Method not allowed\n'));
    return;
  }
  const url = new URL(req.url ?? '/', fallbackOrigin);
  let file = filePathFor(url.pathname);
  if (file && (await isDirectory(file))) {
    if (!url.pathname.endsWith('/')) {
      // Relative links inside folder index pages only resolve correctly under the trailing-slash URL.
      res.writeHead(301, { location: `${url.pathname}/${url.search}`, 'content-length': '0' });
      res.end();
      return;
    }
    file = join(file, 'index.html');
  }
  if (!file || !(await isFile(file))) {
    const body = await readFile(join(demoSiteDir, '404.html'));
    send(res, req, 404, { 'content-type': contentTypeOf('404.html', body) }, body);
    return;
  }

  let body = await readFile(file);
  const relativePath = file.slice(demoSiteDir.length + 1).split(sep).join('/');
  if (relativePath === 'sitemap.xml' || relativePath === 'robots.txt') {
    // The Host header is what the client used (127.0.0.1 or localhost), so the URLs stay on the audited host.
    const origin = req.headers.host ? `http://${req.headers.host}` : fallbackOrigin;
    body = Buffer.from(body.toString('utf8').replaceAll(ORIGIN_PLACEHOLDER, origin));
  }
  const headers: Record<string, string | string[]> = { 'content-type': contentTypeOf(file, body) };
  if (relativePath === 'index.html') headers['set-cookie'] = [DEMO_SESSION_COOKIE];
  send(res, req, 200, headers, body);
}

/** Starts the demo site server; resolves once it listens. */
export async function serveDemoSite(options: DemoServerOptions = {}): Promise<DemoServer> {
  if (!existsSync(join(demoSiteDir, 'index.html'))) {
    throw new Error(`comune-audit: the demo site is missing (no ${join(demoSiteDir, 'index.html')}); reinstall comune-audit or run from a clone of the repository`);
  }
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res, origin).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Demo server error: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });
  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
