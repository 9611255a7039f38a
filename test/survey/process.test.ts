// A survey as a real process: worker threads, kill -9 mid-survey then resumed, SIGTERM. Runs the compiled CLI.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../helpers/fixture-server.js';
import { serveComune, target } from './sites.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const child = fileURLToPath(new URL('./survey-child.mjs', import.meta.url));
const SITES = 10;
let dir: string;
let list: string;
const servers: FixtureServer[] = [];

beforeAll(async () => {
  // The child runs the compiled CLI: build it when a source is newer than dist/.
  const build = spawnSync(process.execPath, [join(root, 'scripts/build-if-changed.js')], { stdio: 'inherit' });
  expect(build.status).toBe(0);
  dir = mkdtempSync(join(tmpdir(), 'survey-process-'));
  // Each page takes 80 ms: a site of 8 pages lasts about half a second, the survey a few seconds.
  for (let i = 0; i < SITES; i++) servers.push(await serveComune(`Comune ${i}`, 8, 80));
  list = join(dir, 'targets.json');
  writeFileSync(list, JSON.stringify(servers.map((server, i) => target(i + 2, `c_${i}`, server.url))));
}, 120_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(servers.map((server) => server.close()));
});

function start(store: string): { process: ChildProcess; stderr: () => string } {
  const survey = spawn(process.execPath, [child, list, store, '2', '3'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  survey.stderr?.on('data', (chunk) => (stderr += chunk));
  survey.stdout?.on('data', (chunk) => (stderr += `STDOUT:${chunk}`));
  return { process: survey, stderr: () => stderr };
}

interface Row {
  key: string;
  status: string;
  started_at: string;
  duration_ms: number;
}

function rows(store: string): Row[] {
  const db = new Database(store, { readonly: true });
  try {
    return db.prepare('SELECT key, status, started_at, duration_ms FROM sites ORDER BY key').all() as Row[];
  } finally {
    db.close();
  }
}

/** Waits until the store holds at least `count` sites (reading it while the survey writes, as WAL allows). */
async function untilStored(store: string, count: number): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 50) {
    try {
      if (rows(store).length >= count) return;
    } catch {
      // Not created yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the store never reached ${count} sites`);
}

const homeRequests = (server: FixtureServer) => server.requests.filter((path) => path === '/').length;

describe('survey process', () => {
  it('killed with SIGKILL mid-survey, then run again: finished sites kept and skipped, in-flight redone, none lost or twice', async () => {
    const store = join(dir, 'killed.db');
    const first = start(store);
    await untilStored(store, 3);
    first.process.kill('SIGKILL');
    await once(first.process, 'exit');
    const before = rows(store);
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before.length).toBeLessThan(SITES);
    const requestsBefore = servers.map(homeRequests);

    const second = start(store);
    const [code] = (await once(second.process, 'exit')) as [number];
    expect(second.stderr()).not.toContain('STDOUT:');
    expect(code).toBe(0);
    expect(second.stderr()).toContain(`resuming survey run 1: ${before.length} of ${SITES} sites already done`);
    const after = rows(store);
    expect(after.map((row) => row.key)).toEqual(servers.map((_, i) => `c_${i}`).sort());
    expect(after.every((row) => row.status === 'scored')).toBe(true);
    // The sites finished before the kill are the same rows, untouched, and their servers were not asked again.
    for (const row of before) expect(after).toContainEqual(row);
    servers.forEach((server, i) => {
      const finished = before.some((row) => row.key === `c_${i}`);
      if (finished) expect(homeRequests(server)).toBe(requestsBefore[i]);
      else expect(homeRequests(server)).toBeGreaterThan(requestsBefore[i]);
    });
    const db = new Database(store, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM runs').pluck().get()).toBe(1);
    expect(db.prepare('SELECT finished_at IS NOT NULL FROM runs').pluck().get()).toBe(1);
    db.close();
  }, 90_000);

  it('SIGTERM stops it: exit 130, one line saying how many are done and how to resume, only whole sites stored', async () => {
    const store = join(dir, 'term.db');
    const survey = start(store);
    await untilStored(store, 2);
    survey.process.kill('SIGTERM');
    const [code] = (await once(survey.process, 'exit')) as [number];
    expect(code).toBe(130);
    const stored = rows(store).length;
    expect(stored).toBeLessThan(SITES);
    expect(survey.stderr()).toContain(`interrupted: ${stored} of ${SITES} sites done and saved; to resume run: comune-audit survey ${list} -o ${store}`);
    expect(survey.stderr()).not.toContain('STDOUT:');
  }, 90_000);
});
