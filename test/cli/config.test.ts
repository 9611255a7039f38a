import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, loadConfig, parseConfig } from '../../src/cli/config.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { runCli } from '../helpers/cli.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/config.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const FULL = {
  $schema: 'https://example.invalid/config.schema.json',
  url: 'https://staging.comune.esempio.it',
  lang: 'en',
  maxPages: 50,
  maxDepth: 3,
  concurrency: 2,
  delay: 250,
  timeout: 20,
  timeBudget: 300,
  maxBody: 1048576,
  robots: true,
  userAgent: 'agency-ci',
  proxy: false,
  failUnder: 55.5,
  failOn: ['security', 'C.SI.3.3'],
  baseline: 'reports/live.json',
  ignore: [{ check: 'C.SI.1.2', reason: 'new theme ships in March', until: '2027-03-31' }],
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'comune-audit-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('config file', () => {
  it('the published schema and the reader know the same keys, and both accept every key', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(KEYS).sort());
    expect(validate(FULL)).toBe(true);
    const config = parseConfig('/project/comune-audit.config.json', JSON.stringify(FULL));
    expect(config.url).toBe(FULL.url);
    expect(config.ignore).toEqual(FULL.ignore);
    expect(config.options).toEqual({
      lang: 'en', maxPages: 50, maxDepth: 3, concurrency: 2, delay: 250, timeout: 20_000, timeBudget: 300_000, maxBody: 1048576,
      robots: true, userAgent: 'agency-ci', proxy: false, failUnder: 55.5, failOn: ['security', 'C.SI.3.3'], baseline: '/project/reports/live.json',
    });
  });

  it('is found upward from the working directory, under either name', async () => {
    const project = mkdtempSync(join(dir, 'project-'));
    const deep = join(project, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    expect(await loadConfig(undefined, deep)).toBeNull();
    writeFileSync(join(project, '.comune-auditrc.json'), '{"maxPages": 7}');
    expect((await loadConfig(undefined, deep))?.options).toEqual({ maxPages: 7 });
    writeFileSync(join(project, 'a', 'comune-audit.config.json'), '{"maxPages": 8}');
    expect((await loadConfig(undefined, deep))?.path).toBe(join(project, 'a', 'comune-audit.config.json'));
  });

  it('an unknown key, a wrong value or bad JSON is one line naming the file and key', async () => {
    const unknownKey = await runCli(['audit', '--lang', 'en', '--config', write('typo.json', { maxPage: 5 })]);
    expect(unknownKey.code).toBe(2);
    expect(unknownKey.stderr).toMatch(/^comune-audit: unknown key .*typo\.json: maxPage; the keys allowed: \$schema, url, lang, maxPages/);
    const nested = await runCli(['audit', '--lang', 'en', '--config', write('nested.json', { ignore: [{ check: 'spid', reason: 'x', until: '2030-01-01', owner: 'me' }] })]);
    expect(nested.stderr).toContain('ignore[0].owner');
    const wrong = await runCli(['audit', '--lang', 'en', '--config', write('wrong.json', { maxPages: '5' })]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/wrong\.json: maxPages: invalid value, expected a whole number from 1\n$/);
    const date = await runCli(['audit', '--lang', 'en', '--config', write('date.json', { ignore: [{ check: 'spid', reason: 'x', until: '31/12/2030' }] })]);
    expect(date.stderr).toContain('ignore[0].until: invalid value, expected a date YYYY-MM-DD');
    const broken = await runCli(['audit', '--lang', 'en', '--config', write('broken.json', '{"maxPages": ')]);
    expect(broken.code).toBe(4);
    expect(broken.stderr).toMatch(/broken\.json is not valid JSON/);
    const missing = await runCli(['audit', '--lang', 'en', '--config', join(dir, 'absent.json')]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('cannot read the configuration file');
  });

  it('without a URL on the command line or in the file, the URL is a missing argument', async () => {
    const run = await runCli(['audit', '--lang', 'en', '--no-config']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^comune-audit: missing required argument <url>/);
  });
});

describe('audit with a config file', () => {
  let server: FixtureServer;
  const page = (title: string, links: string[] = []) =>
    `<html lang="it"><head><title>${title}</title></head><body><h1>${title}</h1>${links.map((href) => `<a href="${href}">${href}</a>`).join('')}</body></html>`;
  beforeAll(async () => {
    server = await serveRoutes({ '/': { body: page('Comune', ['/a', '/b']) }, '/a': { body: page('A') }, '/b': { body: page('B') } });
  });
  afterAll(() => server.close());
  afterEach(() => undefined);

  const quiet = ['--format', 'json', '--no-progress', '--no-timing'];

  it('takes the URL and caps from the file; a flag on the command line wins', async () => {
    const config = write('caps.json', { url: `${server.url}/`, maxPages: 1, delay: 0, proxy: false });
    const fromFile = await runCli(['audit', ...quiet, '--config', config]);
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.stdout).pages).toHaveLength(1);
    const flagWins = await runCli(['audit', ...quiet, '--config', config, '--max-pages', '3']);
    expect(JSON.parse(flagWins.stdout).pages).toHaveLength(3);
  });

  it('an ignore spares a gated check until its date; once expired it counts again and stderr says so', async () => {
    const gate = { url: `${server.url}/`, delay: 0, proxy: false, failOn: ['privacy'] };
    const plain = await runCli(['audit', ...quiet, '--lang', 'en', '--config', write('gate.json', gate)]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('privacy');

    const ignore = [{ check: 'privacy', reason: 'policy page ships next sprint', until: '2999-12-31' }];
    const spared = await runCli(['audit', ...quiet, '--lang', 'en', '--config', write('spared.json', { ...gate, ignore })]);
    expect(spared.code).toBe(0);
    expect(spared.stderr).toBe('comune-audit: not gated, as the configuration file asks: privacy\n');

    const expired = [{ ...ignore[0], until: '2000-01-31' }];
    const late = await runCli(['audit', ...quiet, '--lang', 'en', '--config', write('expired.json', { ...gate, ignore: expired })]);
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('the ignore of privacy expired on 2000-01-31 ("policy page ships next sprint"): the check counts again');
  });

  it('an ignore naming no known check is a usage error, like --fail-on', async () => {
    const run = await runCli(['audit', ...quiet, '--config', write('unknown-check.json', { url: `${server.url}/`, ignore: [{ check: 'spidd', reason: 'x', until: '2999-01-01' }] })]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('spidd');
  });
});
