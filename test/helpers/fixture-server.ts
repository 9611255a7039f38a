// Tiny HTTP servers on 127.0.0.1 (port 0) for tests: a route table, or a static directory.
// Tests never touch the outside network; every fixture site is served from the test itself.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A canned response: body may be text or bytes; headers are sent as given. */
export interface StaticRoute {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type Route = RouteHandler | StaticRoute;

export interface FixtureServer {
  /** Base URL without trailing slash, e.g. "http://127.0.0.1:40123". */
  url: string;
  port: number;
  /** Request paths (with query) in arrival order, for assertions on what was fetched. */
  requests: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Serve over https with this key/cert (PEM). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Host name used in the returned url (default 127.0.0.1). "localhost" is handy for www-twin tests. */
  hostname?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.gz': 'application/gzip',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.rdf': 'application/rdf+xml',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Serves a route table keyed by path (with query string when present, else path alone).
 * Unknown paths answer 404. A static route without content-type gets text/html.
 */
export function serveRoutes(routes: Record<string, Route>, options: ServeOptions = {}): Promise<FixtureServer> {
  return listen(async (req, res) => {
    const full = req.url ?? '/';
    const path = full.split('?')[0];
    const route = routes[full] ?? routes[path];
    if (route === undefined) return sendNotFound(res);
    if (typeof route === 'function') return route(req, res);
    const headers = { 'content-type': 'text/html; charset=utf-8', ...route.headers };
    res.writeHead(route.status ?? 200, headers);
    res.end(req.method === 'HEAD' ? undefined : route.body ?? '');
  }, options);
}

/** Serves static files from dir: index.html for folders, content type by extension, 404 otherwise. */
export function serveDirectory(dir: string, options: ServeOptions = {}): Promise<FixtureServer> {
  const root = normalize(dir);
  return listen(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return sendNotFound(res);
    const target = await resolveFile(file);
    if (!target) return sendNotFound(res);
    const body = await readFile(target);
    res.writeHead(200, { 'content-type': contentTypeFor(target), 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  }, options);
}

async function resolveFile(file: string): Promise<string | null> {
  const info = await stat(file).catch(() => null);
  if (info?.isFile()) return file;
  if (info?.isDirectory()) {
    const index = join(file, 'index.html');
    return (await stat(index).catch(() => null))?.isFile() ? index : null;
  }
  return null;
}

function sendNotFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}

function listen(handler: RouteHandler, options: ServeOptions): Promise<FixtureServer> {
  const requests: string[] = [];
  const wrapped = (req: IncomingMessage, res: ServerResponse): void => {
    requests.push(req.url ?? '/');
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  };
  const server: Server | HttpsServer = options.tls ? createHttpsServer(options.tls, wrapped) : createServer(wrapped);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const scheme = options.tls ? 'https' : 'http';
      resolve({
        url: `${scheme}://${options.hostname ?? '127.0.0.1'}:${port}`,
        port,
        requests,
        close: () => closeServer(server),
      });
    });
  });
}

function closeServer(server: Server | HttpsServer): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
