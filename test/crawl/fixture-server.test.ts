import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveDirectory, serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('fixture server helper', () => {
  it('serves static routes, handlers, and 404 for the rest', async () => {
    server = await serveRoutes({
      '/': { body: '<p>home</p>' },
      '/data.json': { headers: { 'content-type': 'application/json' }, body: '{"a":1}' },
      '/dyn': (_req, res) => {
        res.writeHead(201, { 'content-type': 'text/plain' });
        res.end('made');
      },
    });
    const home = await fetch(server.url + '/');
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toBe('<p>home</p>');
    expect((await fetch(server.url + '/data.json')).headers.get('content-type')).toBe('application/json');
    const dyn = await fetch(server.url + '/dyn');
    expect([dyn.status, await dyn.text()]).toEqual([201, 'made']);
    expect((await fetch(server.url + '/missing')).status).toBe(404);
    expect(server.requests).toEqual(['/', '/data.json', '/dyn', '/missing']);
  });

  it('serves a directory with index.html for folders and content types by extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixture-'));
    mkdirSync(join(dir, 'servizi'));
    writeFileSync(join(dir, 'index.html'), '<h1>Comune</h1>');
    writeFileSync(join(dir, 'servizi', 'index.html'), '<h1>Servizi</h1>');
    writeFileSync(join(dir, 'style.css'), 'body{}');
    server = await serveDirectory(dir);
    expect(await (await fetch(server.url + '/')).text()).toBe('<h1>Comune</h1>');
    expect(await (await fetch(server.url + '/servizi/')).text()).toBe('<h1>Servizi</h1>');
    expect((await fetch(server.url + '/style.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(server.url + '/nope.html')).status).toBe(404);
    expect((await fetch(server.url + '/../../etc/passwd')).status).toBe(404);
  });
});
