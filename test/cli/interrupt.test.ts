// `audit` stopped by Ctrl-C or SIGTERM, as a real process (the compiled CLI) against a slow site on loopback: one line
// on stderr, the partial report written with -o and marked interrupted, exit 130 or 143.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../../src/check/registry.js';
import { serveRoutes, type FixtureServer, type Route } from '../helpers/fixture-server.js';
import { htmlPage } from '../crawl/helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PAGES = 40;
let server: FixtureServer;
let dir: string;

beforeAll(async () => {
  // The child runs the compiled CLI: build it when a source is newer than dist/.
  expect(spawnSync(process.execPath, [join(root, 'scripts/build-if-changed.js')], { stdio: 'inherit' }).status).toBe(0);
  dir = mkdtempSync(join(tmpdir(), 'comune-audit-interrupt-'));
  // Every page takes 200 ms: the 40 pages would keep the audit busy for seconds.
  const paths = Array.from({ length: PAGES }, (_, i) => `/pagina-${i}`);
  const slow = (body: string): Route => (req, res) => void setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(body), 200);
  const routes: Record<string, Route> = { '/': slow(htmlPage('Comune di Lentezza', paths)) };
  for (const path of paths) routes[path] = slow(htmlPage(path));
  server = await serveRoutes(routes);
}, 120_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
});

/**
 * Starts an audit, waits until it has read a few pages (robots.txt, the home, /sitemap.xml, then six page requests: two
 * at a time, so the first ones are done), sends the signal; resolves with what the process did.
 */
async function interrupt(signal: 'SIGINT' | 'SIGTERM', args: string[]) {
  const before = server.requests.length;
  const child = spawn(process.execPath, [join(root, 'bin/comune-audit.js'), 'audit', `${server.url}/`, '--no-progress', '--no-config', '--no-proxy', '--delay', '0', '--concurrency', '2', '--lang', 'en', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = once(child, 'exit');
  for (let waited = 0; server.requests.length - before < 9; waited += 20) {
    if (waited > 30_000) throw new Error(`the audit never got going: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill(signal);
  const [code] = (await exited) as [number | null];
  return { code, stdout, stderr, requests: server.requests.length - before };
}

describe('audit interrupted', () => {
  it('Ctrl-C (SIGINT): one line, the partial report written with -o and marked, scored only as far as it honestly can be, exit 130', async () => {
    const output = join(dir, 'partial.json');
    const run = await interrupt('SIGINT', ['-o', output]);
    expect(run.code).toBe(130);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^comune-audit: audit interrupted \\(SIGINT\\) after \\d+ pages?: partial report, with no index, written to ${output.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n$`));
    const report = JSON.parse(readFileSync(output, 'utf8'));
    const schema = JSON.parse(readFileSync(join(root, 'schema/report.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    expect(report.run.interrupted).toBe('SIGINT');
    expect(report.run.limits.hitTimeBudget).toBe(false);
    // What was crawled so far: the home and some pages, not all of them.
    expect(report.pages[0].url).toBe(`${server.url}/`);
    expect(report.pages.length).toBeGreaterThanOrEqual(2);
    expect(report.pages.length).toBeLessThan(PAGES + 1);
    expect(Number(run.stderr.match(/after (\d+) pages/)?.[1])).toBe(report.pages.length);
    expect(report.maturity).toEqual({ index: null, level: null });
    // A fail stands only where the home page, read whole, is all the rule reads; every other one is not judged.
    const homeOnly = new Set(allRules.filter((rule) => Array.isArray(rule.meta.pageTypes) && rule.meta.pageTypes.every((type) => type === 'home')).map((rule) => rule.meta.id));
    const failing = report.checks.filter((check: { status: string }) => check.status === 'fail' || check.status === 'partial');
    for (const check of failing) expect(homeOnly.has(check.id)).toBe(true);
    const notJudged = report.checks.filter((check: { details?: { statusOnPagesRead?: string } }) => check.details?.statusOnPagesRead);
    expect(notJudged.length).toBeGreaterThan(0);
    for (const check of notJudged) {
      expect(check.status).toBe('unknown');
      expect(check.message.en).toMatch(/^Not judged: the audit was interrupted before the whole site was read \(on the pages read: (failed|partial)\)$/);
    }
  }, 90_000);

  it('SIGTERM without -o: one line, no half report on stdout, exit 143', async () => {
    const run = await interrupt('SIGTERM', ['-f', 'json']);
    expect(run.code).toBe(143);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^comune-audit: audit interrupted \(SIGTERM\) after \d+ pages?: no report written \(with -o the partial one is kept\)\n$/);
  }, 90_000);
});
