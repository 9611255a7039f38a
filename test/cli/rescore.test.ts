import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/util/paths.js';
import { serveDirectory, type FixtureServer } from '../helpers/fixture-server.js';
import { runCli } from '../helpers/cli.js';

let server: FixtureServer;
let dir: string;
const quiet = ['--no-progress', '--no-config', '--no-proxy'];

beforeAll(async () => {
  server = await serveDirectory(join(packageRoot, 'fixtures/demo-site'));
  dir = mkdtempSync(join(tmpdir(), 'comune-audit-rescore-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
});

describe('audit --save-crawl and rescore', () => {
  it('re-scores a kept crawl into the same report, byte for byte, in every format, without a request', async () => {
    const crawlFile = join(dir, 'demo.crawl.gz');
    const audited = await runCli(['audit', `${server.url}/`, ...quiet, '--delay', '0', '-f', 'json', '-o', join(dir, 'audit.json'), '--save-crawl', crawlFile]);
    expect(audited.code).toBe(0);
    const requests = server.requests.length;
    const rescored = await runCli(['rescore', crawlFile, '-f', 'json', '-o', join(dir, 'rescore.json')]);
    expect(rescored.code).toBe(0);
    expect(server.requests.length).toBe(requests);
    const original = readFileSync(join(dir, 'audit.json'), 'utf8');
    expect(JSON.parse(original).pages.length).toBeGreaterThan(50);
    // The robots/sitemap section travels in the kept crawl too.
    const { discovery } = JSON.parse(original);
    expect(discovery.robots).toMatchObject({ status: 200, truncated: false, binary: false });
    // The fixture names its own URLs on port "PORT" (the demo server writes in its own): not addresses, and said so.
    expect(discovery.sitemaps[0]).toMatchObject({ url: 'http://127.0.0.1:PORT/sitemap.xml', source: 'robots', notRead: 'invalid' });
    expect(discovery.sitemaps[1]).toMatchObject({ source: 'conventional', status: 200, kind: 'urlset', taken: 0 });
    expect(discovery.sitemaps[1].listed).toBeGreaterThan(50);
    expect(discovery.sitemaps[1].skipped).toEqual({ invalid: discovery.sitemaps[1].listed });
    expect(readFileSync(join(dir, 'rescore.json'), 'utf8')).toBe(original);

    const html = await runCli(['rescore', crawlFile, '-f', 'html', '--lang', 'en']);
    const fromReport = await runCli(['rescore', crawlFile, '-f', 'html', '--lang', 'en', '--no-classify']);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(fromReport.stdout).not.toBe(html.stdout);
  });

  it('keeps page facts, not HTML: the file is versioned and far smaller than the pages it was read from', async () => {
    const crawlFile = join(dir, 'facts.crawl.gz');
    expect((await runCli(['audit', `${server.url}/`, ...quiet, '--delay', '0', '-f', 'json', '-o', join(dir, 'facts.json'), '--save-crawl', crawlFile])).code).toBe(0);
    const saved = JSON.parse(gunzipSync(readFileSync(crawlFile)).toString('utf8'));
    expect(saved).toMatchObject({ format: 'comune-audit-crawl', version: 2, singlePage: false });
    expect(saved.crawl.pages).toBeUndefined();
    expect(saved.pages.length).toBeGreaterThan(50);
    expect(JSON.stringify(saved)).not.toMatch(/<!DOCTYPE|<html/i);
  });

  it('refuses a file that is not a crawl, or of another version, with exit code 4', async () => {
    const notGzip = join(dir, 'plain.json');
    writeFileSync(notGzip, '{}');
    const plain = await runCli(['rescore', notGzip, '--lang', 'en']);
    expect(plain.code).toBe(4);
    expect(plain.stderr).toMatch(/is not a crawl saved by comune-audit audit --save-crawl/);
    const future = join(dir, 'future.crawl.gz');
    writeFileSync(future, gzipSync(JSON.stringify({ format: 'comune-audit-crawl', version: 99, crawl: {}, pages: [] })));
    const newer = await runCli(['rescore', future, '--lang', 'en']);
    expect(newer.code).toBe(4);
    expect(newer.stderr).toContain('version 99');
    const missing = await runCli(['rescore', join(dir, 'absent.crawl.gz'), '--lang', 'en']);
    expect(missing.code).toBe(4);
  });
});
