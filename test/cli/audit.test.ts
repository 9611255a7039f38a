import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit, type AuditCliOptions } from '../../src/cli/audit.js';
import { main } from '../../src/cli/index.js';
import { CliError, EXIT } from '../../src/cli/errors.js';
import type { Report } from '../../src/types.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';

const OPTIONS: AuditCliOptions = {
  lang: 'it',
  bom: false,
  maxPages: 50,
  maxDepth: 5,
  concurrency: 4,
  delay: 0,
  timeout: 5_000,
  timeBudget: 60_000,
  maxBody: 5 * 1024 * 1024,
  robots: true,
  insecure: false,
  singlePage: false,
  classify: false,
  timing: false,
  progress: false,
  format: 'json',
};

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  return {
    io: { stdout: stdout as unknown as NodeJS.WriteStream, stderr: stderr as unknown as NodeJS.WriteStream },
    out: () => out,
    err: () => err,
  };
}

const PAGE = (body: string) => `<!doctype html><html lang="it"><head><title>Comune</title></head><body>${body}</body></html>`;

let site: FixtureServer;
let closedPort: number;

beforeAll(async () => {
  site = await serveRoutes({
    '/': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE('<main><a href="/servizi">Servizi</a><a href="/spid">Entra con SPID</a></main>') },
    '/servizi': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE('<main><h1>Servizi</h1></main>') },
    '/spid': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE('<main><h1>SPID</h1></main>') },
    '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nAllow: /\n' },
    '/file.pdf': { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.4' },
  });
  const other = await serveRoutes({});
  closedPort = other.port;
  await other.close();
});

afterAll(async () => {
  await site.close();
});

describe('runAudit', () => {
  it('writes a JSON report of every page and check and exits 0', async () => {
    const c = capture();
    const code = await runAudit(`${site.url}/`, OPTIONS, c.io);
    expect(code).toBe(EXIT.ok);
    const report = JSON.parse(c.out()) as Report;
    expect(report.pages.map((p) => new URL(p.url).pathname)).toEqual(['/', '/servizi', '/spid']);
    expect(report.checks.map((check) => check.id)).toContain('spid');
    expect(report.checks.map((check) => check.id)).toContain('C.SI.1.6');
    expect(report.run.startedAt).toBe('1970-01-01T00:00:00.000Z');
  });

  it('gives the same bytes for the same site with --no-timing', async () => {
    const a = capture();
    const b = capture();
    await runAudit(`${site.url}/`, OPTIONS, a.io);
    await runAudit(`${site.url}/`, OPTIONS, b.io);
    expect(a.out()).toBe(b.out());
  });

  it('exits 1 below --fail-under and says why on stderr', async () => {
    const c = capture();
    const code = await runAudit(`${site.url}/`, { ...OPTIONS, failUnder: 99 }, c.io);
    expect(code).toBe(EXIT.belowThreshold);
    expect(c.err()).toMatch(/below --fail-under 99/);
  });

  it('exits 3 for an unreachable site and still writes a JSON report of the attempt', async () => {
    const c = capture();
    const code = await runAudit(`http://127.0.0.1:${closedPort}/`, OPTIONS, c.io);
    expect(code).toBe(EXIT.siteUnavailable);
    const report = JSON.parse(c.out()) as Report;
    expect(report.fatal?.code).toBe('connect');
    expect(report.checks).toEqual([]);
    expect(c.err().trim().split('\n')).toHaveLength(1);
  });

  it('exits 3 when the start page is not HTML', async () => {
    const c = capture();
    expect(await runAudit(`${site.url}/file.pdf`, OPTIONS, c.io)).toBe(EXIT.siteUnavailable);
    expect((JSON.parse(c.out()) as Report).fatal?.code).toBe('not-html');
  });

  it('rejects a URL that is not a web address as a usage error', async () => {
    const c = capture();
    await expect(runAudit('ftp://comune.example.it', OPTIONS, c.io)).rejects.toThrow(CliError);
    await expect(runAudit('http://exa mple', OPTIONS, c.io)).rejects.toMatchObject({ exitCode: EXIT.usage });
  });

  it('writes terminal text in English when asked', async () => {
    const c = capture();
    await runAudit(`${site.url}/`, { ...OPTIONS, format: 'terminal', lang: 'en' }, c.io);
    expect(c.out()).toMatch(/Maturity index/i);
    expect(c.out()).not.toMatch(/\u001b\[/);
  });
});

describe('main', () => {
  it('maps a bad option value to exit code 2 with a one-line message', async () => {
    const writes: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (writes.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      const code = await main(['node', 'comune-audit', 'audit', 'https://x.it', '--max-pages', 'many']);
      expect(code).toBe(EXIT.usage);
    } finally {
      process.stderr.write = original;
    }
    expect(writes.join('')).toMatch(/--max-pages takes a whole number/);
  });
});
