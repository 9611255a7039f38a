import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SurveyStore } from '../../src/survey/store.js';
import { createAuditPool } from '../../src/survey/pool.js';
import { runSurvey, withUniqueKeys } from '../../src/survey/run.js';
import type { SurveyTarget } from '../../src/survey/types.js';
import type { FixtureServer } from '../helpers/fixture-server.js';
import { serveBroken, serveComune, target, TEST_AUDIT } from './sites.js';

let dir: string;
const servers: FixtureServer[] = [];
let targets: SurveyTarget[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'survey-run-'));
  for (let i = 0; i < 5; i++) servers.push(await serveComune(`Comune ${i}`, 3 + i));
  servers.push(await serveBroken());
  targets = [
    ...servers.map((server, i) => target(i + 2, `c_${i}`, server.url)),
    target(10, 'c_none', null),
    // A dead host: nothing listens on port 9 of loopback.
    target(11, 'c_dead', 'http://127.0.0.1:9/'),
  ];
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(servers.map((server) => server.close()));
});

const newRun = (count: number) => ({ surveyKey: 'k', toolVersion: '0.1.0', input: 'list.csv', options: {}, shard: null, targets: count });

describe('runSurvey', () => {
  it('stores every row of the list, scored or with its reason, and finishes the run', async () => {
    const store = SurveyStore.open(join(dir, 'all.db'));
    const run = store.startRun(newRun(targets.length));
    const pool = createAuditPool({ threads: 0, audit: TEST_AUDIT });
    const seen: number[] = [];
    const result = await runSurvey({ store, run, targets, pool, sites: 3, onSite: (progress) => seen.push(progress.done) });
    await pool.close();
    expect(result).toMatchObject({ done: 8, total: 8, failures: 3, running: 0, interrupted: false });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const rows = [...store.sites(run.id)];
    expect(rows.map((row) => [row.key, row.status, row.reason])).toEqual([
      ['c_0', 'scored', null],
      ['c_1', 'scored', null],
      ['c_2', 'scored', null],
      ['c_3', 'scored', null],
      ['c_4', 'scored', null],
      ['c_5', 'unavailable', 'http'],
      ['c_none', 'rejected', 'no-website'],
      ['c_dead', 'unavailable', 'connect'],
    ]);
    expect(store.run(run.id)?.finishedAt).not.toBeNull();
    store.close();
  });

  it('abandons the sites in flight when aborted, then a resumed run does only the rest', async () => {
    const store = SurveyStore.open(join(dir, 'resume.db'));
    const run = store.startRun(newRun(targets.length));
    const controller = new AbortController();
    const pool = createAuditPool({ threads: 0, audit: TEST_AUDIT });
    // Stop after the third stored site (the rejected one is stored first, before any audit).
    const first = await runSurvey({
      store, run, targets, pool, sites: 2, signal: controller.signal,
      onSite: (progress) => progress.done === 3 && controller.abort(),
    });
    await pool.close();
    expect(first).toMatchObject({ done: 3, interrupted: true });
    expect(store.countSites(run.id)).toBe(3);
    expect(store.run(run.id)?.finishedAt).toBeNull();

    const again = createAuditPool({ threads: 0, audit: TEST_AUDIT });
    const audited: string[] = [];
    const second = await runSurvey({ store, run, targets, pool: again, sites: 2, onSite: (_, t) => audited.push(t.key) });
    await again.close();
    expect(second).toMatchObject({ done: 8, total: 8, interrupted: false });
    expect(audited).toHaveLength(5);
    expect(store.countSites(run.id)).toBe(8);
    expect(store.run(run.id)?.finishedAt).not.toBeNull();
    store.close();
  });

  it('gives a later row with the same key its own key, the same on every run', () => {
    const rows = [target(2, 'c_x', 'http://a.example/'), target(3, 'c_x', null, { rejected: { reason: 'duplicate', detail: 'line 2' } })];
    expect(withUniqueKeys(rows).map((row) => row.key)).toEqual(['c_x', 'c_x@3']);
    expect(withUniqueKeys(rows).map((row) => row.key)).toEqual(['c_x', 'c_x@3']);
  });
});
