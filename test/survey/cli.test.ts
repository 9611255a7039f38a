import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseShard, runSurveyCommand, type SurveyCliOptions, type SurveyInput } from '../../src/cli/survey.js';
import { EXIT } from '../../src/cli/errors.js';
import { SurveyStore } from '../../src/survey/store.js';
import { mergeStores } from '../../src/survey/merge.js';
import type { SurveyTarget } from '../../src/survey/types.js';
import type { FixtureServer } from '../helpers/fixture-server.js';
import { captureIo, runCli } from '../helpers/cli.js';
import { serveComune, surveyOptions, target } from './sites.js';

let dir: string;
const servers: FixtureServer[] = [];
let rows: SurveyTarget[];

/** A stand-in for the list readers: the rows as given, shards by position (the real one hashes the IPA code). */
const input = (): SurveyInput => ({
  readSurveyTargets: async () => ({ targets: rows, problems: [{ line: 7, message: { it: 'codice IPA ripetuto c_1', en: 'duplicate IPA code c_1' } }] }),
  selectShard: (targets, index, count) => targets.filter((_, at) => at % count === index),
});

const OPTIONS = surveyOptions({ sites: 3, lang: 'en', progress: true });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'survey-cli-'));
  for (let i = 0; i < 4; i++) servers.push(await serveComune(`Comune ${i}`, 3));
  rows = [...servers.map((server, i) => target(i + 2, `c_${i}`, server.url)), target(9, 'c_none', null)];
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(servers.map((server) => server.close()));
});

async function survey(output: string, extra: Partial<SurveyCliOptions> = {}) {
  const capture = captureIo();
  const code = await runSurveyCommand('list.csv', { ...OPTIONS, output, ...extra }, { stderr: capture.io.stderr }, input());
  return { code, stderr: capture.err() };
}

function exported(path: string) {
  const store = SurveyStore.open(path);
  const run = store.lastRun();
  const sites = run ? [...store.sites(run.id)].map(({ key, line, status, reason, maturityIndex, points, pagesFetched }) => ({ key, line, status, reason, maturityIndex, points, pagesFetched })) : [];
  store.close();
  return sites;
}

describe('survey <list>', () => {
  it('scores every row into the store, says so on stderr, and a finished store gets a new run', async () => {
    const path = join(dir, 'a.db');
    const first = await survey(path);
    expect(first.code).toBe(EXIT.ok);
    expect(first.stderr).toContain('list.csv:7: duplicate IPA code c_1');
    expect(first.stderr).toContain('survey run 1: 5 sites');
    expect(first.stderr).toMatch(/survey run 1 finished: 5 sites, 4 scored, 1 with a reason/);
    expect(exported(path).map((row) => [row.key, row.status])).toEqual([
      ['c_0', 'scored'],
      ['c_1', 'scored'],
      ['c_2', 'scored'],
      ['c_3', 'scored'],
      ['c_none', 'rejected'],
    ]);
    const second = await survey(path);
    expect(second.stderr).toContain('survey run 2: 5 sites');
    const store = SurveyStore.open(path);
    expect(store.runs().map((run) => [run.id, run.targets, run.finishedAt !== null])).toEqual([
      [1, 5, true],
      [2, 5, true],
    ]);
    store.close();

    // survey compare says when two runs are unlike: here another --max-pages.
    const alike = await runCli(['survey', 'compare', path, '--lang', 'en']);
    expect(alike).toMatchObject({ code: 0, stderr: '' });
    await survey(path, { maxPages: 9 });
    const unlike = await runCli(['survey', 'compare', path, '--lang', 'en']);
    expect(unlike.code).toBe(0);
    expect(unlike.stderr).toBe('comune-audit: warning: runs 2 and 3 used different options that shape results (maxPages 10 → 9): a change may come from the options, not from the sites\n');
  });

  it('resumes an unfinished run, refuses to resume it with other options, and --new-run starts afresh', async () => {
    const path = join(dir, 'resume.db');
    const controller = new AbortController();
    controller.abort();
    const capture = captureIo();
    const code = await runSurveyCommand('list.csv', { ...OPTIONS, output: path }, { stderr: capture.io.stderr, signal: controller.signal, argv: ['survey', 'list.csv', '-o', path] }, input());
    expect(code).toBe(EXIT.interrupted);
    expect(capture.err()).toContain(`interrupted: 1 of 5 sites done and saved; to resume run: comune-audit survey list.csv -o ${path}`);

    await expect(survey(path, { maxPages: 11 })).rejects.toThrow(/unfinished run 1 .* another list or other options/);
    const resumed = await survey(path);
    expect(resumed.stderr).toContain('resuming survey run 1: 1 of 5 sites already done');
    expect(resumed.code).toBe(EXIT.ok);
    expect(exported(path)).toHaveLength(5);
    await survey(path, { newRun: true });
    const store = SurveyStore.open(path);
    expect(store.runs()).toHaveLength(2);
    store.close();
  });

  it('sharded and merged gives the same rows as one survey', async () => {
    const whole = join(dir, 'whole.db');
    await survey(whole);
    const shards = [0, 1, 2].map((index) => join(dir, `shard${index}.db`));
    for (const [index, path] of shards.entries()) {
      const run = await survey(path, { shard: { index, count: 3 } });
      expect(run.code).toBe(EXIT.ok);
    }
    const merged = join(dir, 'merged.db');
    expect(mergeStores(shards, merged)).toEqual({ sites: 5, missingShards: [] });
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    expect(exported(merged).sort(byKey)).toEqual(exported(whole).sort(byKey));
    expect(exported(merged).map((row) => row.line)).toEqual([2, 3, 4, 5, 9]);

    const cli = await runCli(['survey', 'merge', ...shards, '-o', join(dir, 'cli-merged.db'), '--lang', 'en']);
    expect(cli).toMatchObject({ code: 0, stdout: '' });
    expect(cli.stderr).toContain(`merged 5 sites from 3 stores into ${join(dir, 'cli-merged.db')}`);
    expect(exported(join(dir, 'cli-merged.db'))).toEqual(exported(merged));
    const jsonl = join(dir, 'merged.jsonl');
    const exportRun = await runCli(['survey', 'export', merged, '-o', jsonl, '--lang', 'en']);
    expect(exportRun).toMatchObject({ code: 0, stdout: '' });
    expect(exportRun.stderr).toContain(`5 rows written to ${jsonl}`);
    const lines = readFileSync(jsonl, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((row) => [row.ipa_code, row.status, row.reason])).toEqual([
      ['c_0', 'scored', null], ['c_1', 'scored', null], ['c_2', 'scored', null], ['c_3', 'scored', null], ['c_none', 'rejected', 'no-website'],
    ]);
    expect(typeof lines[0].maturity_index).toBe('number');
    expect(lines[0]).toHaveProperty('spid');
    const csv = join(dir, 'merged.csv');
    expect((await runCli(['survey', 'export', merged, '-o', csv, '--bom', '--csv-separator', 'semicolon'])).code).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\n').filter(Boolean)).toHaveLength(6);
    const partial = await runCli(['survey', 'merge', ...shards.slice(0, 2), '-o', join(dir, 'partial.db'), '--lang', 'en']);
    expect(partial.stderr).toContain('warning: shards 2/3 are missing');
    const noOutput = await runCli(['survey', 'merge', ...shards, '--lang', 'en']);
    expect(noOutput.code).toBe(EXIT.usage);
    expect(noOutput.stderr).toContain('-o, --output');
    expect(() => mergeStores([shards[0], shards[0]], join(dir, 'twice.db'))).toThrow(/both shard 0\/3/);
    expect(() => mergeStores([shards[0], whole], join(dir, 'mixed.db'))).toThrow(/not a shard of the same survey/);
    expect(() => mergeStores(shards, merged)).toThrow(/already exists/);
    const other = join(dir, 'other.db');
    await survey(other, { shard: { index: 1, count: 3 }, maxPages: 9 });
    expect(() => mergeStores([shards[0], other], join(dir, 'other-merged.db'))).toThrow(/not a shard of the same survey/);
  });

  it('refuses to merge an unfinished shard or one written by another version', async () => {
    const unfinished = join(dir, 'unfinished.db');
    const store = SurveyStore.open(unfinished);
    store.startRun({ surveyKey: 'k', toolVersion: '0.1.0', input: 'l', options: {}, shard: { index: 0, count: 2 }, targets: 3 });
    store.close();
    expect(() => mergeStores([unfinished], join(dir, 'u.db'))).toThrow(/unfinished run: resume it/);
    const older = join(dir, 'older.db');
    const old = SurveyStore.open(older);
    old.finishRun(old.startRun({ surveyKey: 'k', toolVersion: '0.0.9', input: 'l', options: {}, shard: { index: 1, count: 2 }, targets: 3 }).id);
    old.close();
    const current = join(dir, 'current.db');
    const now = SurveyStore.open(current);
    now.finishRun(now.startRun({ surveyKey: 'k', toolVersion: '0.1.0', input: 'l', options: {}, shard: { index: 0, count: 2 }, targets: 3 }).id);
    now.close();
    expect(() => mergeStores([current, older], join(dir, 'v.db'))).toThrow(/written by comune-audit 0\.1\.0 and .* by 0\.0\.9/);
  });

  it('reads --shard as i/N from 0', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard('3/4')).toEqual({ index: 3, count: 4 });
    for (const bad of ['4/4', '1', '-1/2', '1/0', 'a/b']) expect(() => parseShard(bad)).toThrow(/--shard takes i\/N/);
  });
});
