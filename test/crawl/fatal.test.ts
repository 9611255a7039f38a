import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { classifyError } from '../../src/crawl/errors.js';
import { serveRoutes } from '../helpers/fixture-server.js';
import { htmlPage, pathsOf, testCrawl } from './helpers.js';

/** A port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('fatal start-URL errors', () => {
  it('a refused connection is fatal, with a message naming the host', async () => {
    const port = await closedPort();
    const result = await testCrawl(`http://127.0.0.1:${port}/`);
    expect(result.fatal?.code).toBe('connect');
    expect(result.fatal?.message).toEqual({
      it: `Connessione rifiutata da 127.0.0.1:${port}: il server è spento o la porta è sbagliata`,
      en: `Connection refused by 127.0.0.1:${port}: the server is down or the port is wrong`,
    });
    expect(result.pages).toEqual([]);
    expect(result.startUrl).toBe(`http://127.0.0.1:${port}/`);
  });

  it('a non-HTML start page is fatal with not-html', async () => {
    const server = await serveRoutes({ '/': { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.4 ...' } });
    try {
      const result = await testCrawl(`${server.url}/`);
      expect(result.fatal?.code).toBe('not-html');
      expect(result.fatal?.message.en).toContain('application/pdf');
      expect(result.fatal?.message.it).toContain('non è HTML (application/pdf)');
      expect(result.pages).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('reads a start page sent without Content-Type by its first bytes: HTML is audited, anything else is not-html', async () => {
    const bare = (body: string) => (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200);
      res.end(body);
    };
    const server = await serveRoutes({
      '/': bare('\n  <!-- vecchio CMS -->\n<!DOCTYPE html><html><head><title>Comune</title></head><body><a href="/servizi">Servizi</a></body></html>'),
      '/servizi': bare('<html><body><h1>Servizi</h1></body></html>'),
      '/dati': bare('id;nome\n1;Esempio\n'),
    });
    try {
      const html = await testCrawl(`${server.url}/`);
      expect(html.fatal).toBeUndefined();
      expect(pathsOf(html)).toEqual(['/', '/servizi']);
      expect(html.pages[0].contentType).toBe('text/html');
      const data = await testCrawl(`${server.url}/dati`);
      expect(data.fatal?.code).toBe('not-html');
      expect(data.fatal?.message).toEqual({
        it: `La pagina iniziale ${server.url}/dati non è HTML (Content-Type assente)`,
        en: `The start page ${server.url}/dati is not HTML (no Content-Type)`,
      });
    } finally {
      await server.close();
    }
  });

  it('an HTTP error on the start page is fatal', async () => {
    const server = await serveRoutes({});
    try {
      const result = await testCrawl(`${server.url}/nope`);
      expect(result.fatal).toEqual({
        code: 'http',
        message: {
          it: `La pagina iniziale ${server.url}/nope ha risposto HTTP 404`,
          en: `The start page ${server.url}/nope answered HTTP 404`,
        },
        status: 404,
      });
    } finally {
      await server.close();
    }
  });

  it('an invalid address is fatal without any request; a bare host name gets https://', async () => {
    const result = await testCrawl('http://exa mple.it/');
    expect(result.fatal?.code).toBe('other');
    expect(result.fatal?.message.en).toContain('not a valid');
    expect(result.fatal?.message.it).toContain('non è un indirizzo http(s) valido');
    const server = await serveRoutes({ '/': { body: htmlPage('Home') } });
    try {
      const bare = await testCrawl(`comune.test:${server.port}`, { resolve: { 'comune.test': '127.0.0.1' }, retries: 0 });
      // The fixture speaks plain http, so the https:// guess fails: at TLS level, not at DNS.
      expect(bare.startUrl).toBe(`https://comune.test:${server.port}/`);
      expect(bare.fatal).toBeDefined();
      expect(bare.fatal?.code).not.toBe('dns');
    } finally {
      await server.close();
    }
  });

  it('tells an http-only server asked for https:// (no-https), not a certificate problem', async () => {
    const server = await serveRoutes({ '/': { body: htmlPage('Home') } });
    try {
      const result = await testCrawl(`https://${new URL(server.url).host}/`);
      expect(result.fatal?.code).toBe('no-https');
      expect(result.fatal?.message.it).toMatch(/^127\.0\.0\.1:\d+ non risponde in HTTPS/);
    } finally {
      await server.close();
    }
  });

  it('names a malformed or broken-off response (bad-response), not an unexpected error', async () => {
    // Raw TCP servers, each answering every connection the same broken way.
    const raw = (answer: (socket: Socket) => void) =>
      new Promise<{ url: string; close(): void }>((resolve) => {
        const server = createServer((socket) => {
          socket.on('error', () => {});
          socket.once('data', () => answer(socket));
        });
        server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, close: () => server.close() }));
      });
    const cases = [
      raw((socket) => socket.end('HTTP/1.1 2x0 OK\r\nContent-Length: 2\r\n\r\nok')),
      raw((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: 12\r\n\r\nnot gzipped!')),
      raw((socket) => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html><body>metà');
        setTimeout(() => socket.destroy(), 50);
      }),
    ];
    const servers = await Promise.all(cases);
    try {
      for (const server of servers) {
        const result = await testCrawl(server.url, { retries: 0 });
        expect(result.fatal?.code, server.url).toBe('bad-response');
      }
      const brokenOff = await testCrawl(servers[2].url, { retries: 0 });
      expect(brokenOff.fatal?.message.it).toMatch(/ha chiuso la connessione a metà risposta$/);
    } finally {
      for (const server of servers) server.close();
    }
  });

  it('refuses a redirect to a non-http(s) address, naming it', async () => {
    const server = await serveRoutes({ '/': { status: 302, headers: { location: 'javascript:alert(1)' } } });
    try {
      const result = await testCrawl(`${server.url}/`);
      expect(result.fatal?.code).toBe('bad-response');
      expect(result.fatal?.message.it).toBe(`Redirect da ${server.url}/ verso un indirizzo non http(s): javascript:alert(1)`);
    } finally {
      await server.close();
    }
  });

  it('classifies DNS failures with the fact and the system code (what to do is the report\'s advice)', () => {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND comune.example.it'), { code: 'ENOTFOUND' });
    expect(classifyError(error, { host: 'comune.example.it', crawlStopped: false, requestLimitMs: 1 })).toEqual({
      code: 'dns',
      message: { it: 'Il nome comune.example.it non si risolve (DNS, ENOTFOUND)', en: 'The name comune.example.it does not resolve (DNS, ENOTFOUND)' },
    });
    const tls = Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' });
    expect(classifyError(tls, { host: 'c.it', crawlStopped: false, requestLimitMs: 1 }).code).toBe('tls');
  });
});
