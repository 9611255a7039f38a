import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { SurveyStore } from '../../src/survey/store.js';
import { SCHEMA_VERSION } from '../../src/survey/schema.js';
import { auditTarget } from '../../src/survey/audit.js';
import type { FixtureServer } from '../helpers/fixture-server.js';
import { serveBroken, serveComune, target, TEST_AUDIT } from './sites.js';

let dir: string;
let site: FixtureServer;
let broken: FixtureServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'survey-store-'));
  site = await serveComune('Alfa', 4);
  broken = await serveBroken();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await site.close();
  await broken.close();
});

const newRun = { surveyKey: 'k', toolVersion: '0.1.0', input: 'enti.csv', options: { maxPages: 20 }, shard: null, targets: 3 };

describe('survey store', () => {
  it('creates the schema at the current version, in WAL mode', () => {
    const path = join(dir, 'schema.db');
    SurveyStore.open(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['checks', 'evidence', 'points', 'reports', 'runs', 'sites']);
    db.close();
  });

  it('saves a scored site with its points, checks and evidence, an unavailable one with its reason, a rejected row as is', async () => {
    const store = SurveyStore.open(join(dir, 'sites.db'));
    const run = store.startRun(newRun);
    const scored = await auditTarget(site.url, TEST_AUDIT);
    const down = await auditTarget(broken.url, TEST_AUDIT);
    store.saveSite(run.id, target(2, 'c_a001', site.url), scored, { keepReport: true });
    store.saveSite(run.id, target(3, 'c_a002', broken.url), down);
    store.saveSite(run.id, target(4, 'c_a003', null), null);

    const rows = [...store.sites(run.id)];
    expect(rows.map((row) => [row.key, row.status, row.reason])).toEqual([
      ['c_a001', 'scored', null],
      ['c_a002', 'unavailable', 'http'],
      ['c_a003', 'rejected', 'no-website'],
    ]);
    expect(rows[0].pagesFetched).toBeGreaterThanOrEqual(4);
    expect(rows[0].maturityIndex).not.toBeNull();
    expect(Object.keys(rows[0].points)).toContain('spid');
    expect(rows[1].detail?.en).toMatch(/503/);
    const report = scored.kind === 'report' ? scored.report : null;
    expect(store.report(run.id, 'c_a001')?.checks.length).toBe(report?.checks.length);
    expect(store.report(run.id, 'c_a002')).toBeNull();
    const checks = store.db.prepare('SELECT count(*) FROM checks WHERE run_id = ? AND key = ?').pluck().get(run.id, 'c_a001');
    expect(checks).toBe(report?.checks.length);
    const evidence = store.db.prepare('SELECT count(*) FROM evidence WHERE run_id = ? AND key = ?').pluck().get(run.id, 'c_a001');
    expect(evidence).toBe(report?.checks.reduce((sum, check) => sum + check.evidence.length, 0));
    expect(store.doneKeys(run.id)).toEqual(new Set(['c_a001', 'c_a002', 'c_a003']));
    expect(store.countFailures(run.id)).toBe(2);
    store.close();
  });

  it('never half-saves a site: a failing insert rolls the whole site back', async () => {
    const store = SurveyStore.open(join(dir, 'atomic.db'));
    const run = store.startRun(newRun);
    const scored = await auditTarget(site.url, TEST_AUDIT);
    if (scored.kind !== 'report') throw new Error('expected a report');
    // Two checks with one id: the second insert violates the primary key after the site row went in.
    const twice = { ...scored, report: { ...scored.report, checks: [...scored.report.checks, scored.report.checks[0]] } };
    expect(() => store.saveSite(run.id, target(2, 'c_a001', site.url), twice)).toThrow();
    expect(store.countSites(run.id)).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM checks').pluck().get()).toBe(0);
    store.close();
  });

  it('keeps several runs, tells finished from unfinished', () => {
    const store = SurveyStore.open(join(dir, 'runs.db'));
    const first = store.startRun(newRun);
    store.finishRun(first.id);
    const second = store.startRun({ ...newRun, shard: { index: 1, count: 4 } });
    expect(store.runs().map((run) => [run.id, run.finishedAt !== null])).toEqual([
      [first.id, true],
      [second.id, false],
    ]);
    expect(store.lastRun()).toMatchObject({ id: second.id, shard: { index: 1, count: 4 }, options: { maxPages: 20 } });
    store.close();
  });

  it('refuses a file that is not a store, and one written by a newer version, with one line saying so', () => {
    const text = join(dir, 'not.db');
    writeFileSync(text, 'codice_ipa,name,url\n'.repeat(100));
    expect(() => SurveyStore.open(text)).toThrow(/not a comune-audit survey store/);
    const newer = join(dir, 'newer.db');
    const db = new Database(newer);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => SurveyStore.open(newer)).toThrow(/newer comune-audit/);
  });
});
