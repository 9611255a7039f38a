// The CI recipes in examples/ci/ parse, and their comune-audit command lines run as written against a live and a
// staging site served here: the live audit writes the baseline, the staging one fails on the regression.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/util/paths.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { runCli } from '../helpers/cli.js';

const page = (privacy: boolean) =>
  `<html lang="it"><head><title>Comune</title></head><body><h1>Comune</h1>${privacy ? '<footer><a href="/privacy">Privacy policy</a></footer>' : ''}</body></html>`;

/** Shell words of a one-line command: spaces split, double quotes group, "$NAME" expands from vars. */
function shellWords(line: string, vars: Record<string, string>): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => (match[1] ?? match[2]).replace(/\$([A-Z_]+)/g, (_, name: string) => vars[name] ?? ''));
}

const comuneAudit = (lines: string[]): string[] => lines.filter((line) => line.startsWith('comune-audit '));

let live: FixtureServer;
let staging: FixtureServer;
let dir: string;
const cwd = process.cwd();
const savedEnv = { ...process.env };

beforeAll(async () => {
  live = await serveRoutes({ '/': { body: page(true) }, '/privacy': { body: '<html><head><title>Privacy</title></head><body>Informativa</body></html>' } });
  staging = await serveRoutes({ '/': { body: page(false) } });
  dir = mkdtempSync(join(tmpdir(), 'comune-audit-ci-'));
  process.chdir(dir);
});

afterAll(async () => {
  process.chdir(cwd);
  process.env = savedEnv;
  rmSync(dir, { recursive: true, force: true });
  await Promise.all([live.close(), staging.close()]);
});

async function runRecipe(commands: string[], vars: Record<string, string>) {
  const urls = { LIVE_URL: `${live.url}/`, STAGING_URL: `${staging.url}/` };
  expect(Object.keys(vars).sort()).toEqual(Object.keys(urls).sort());
  const runs = [];
  for (const line of commands) runs.push(await runCli([...shellWords(line, urls).slice(1), '--delay', '0', '--no-config', '--no-proxy']));
  return runs;
}

describe('CI recipes', () => {
  it('GitHub Actions: the baseline audit passes, the staging audit fails on the regression, with a summary and annotations', async () => {
    const workflow = parse(readFileSync(join(packageRoot, 'examples/ci/github-actions.yml'), 'utf8'));
    const steps: { run?: string }[] = workflow.jobs.audit.steps;
    const commands = comuneAudit(steps.flatMap((step) => (step.run ? [step.run] : [])));
    expect(commands).toHaveLength(2);
    process.env.GITHUB_ACTIONS = 'true';
    const [baseline, compared] = await runRecipe(commands, workflow.env);
    delete process.env.GITHUB_ACTIONS;
    expect(baseline.code).toBe(0);
    expect(compared.code).toBe(1);
    expect(compared.stderr).toMatch(/peggiorat|worse than live\.json/);
    expect(compared.stderr).toMatch(/^::error title=comune-audit privacy::/m);
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(summary).toMatch(/^## /);
    expect(summary).toContain('### Peggioramenti rispetto a live.json');
    expect(steps.some((step) => step.run?.includes('$GITHUB_STEP_SUMMARY'))).toBe(true);
  });

  it('GitLab CI: the same gate, with the JUnit file GitLab shows in the merge request', async () => {
    const pipeline = parse(readFileSync(join(packageRoot, 'examples/ci/gitlab-ci.yml'), 'utf8'));
    const job = pipeline['comune-audit'];
    const commands = comuneAudit(job.script);
    expect(commands).toHaveLength(2);
    const [baseline, compared] = await runRecipe(commands, job.variables);
    expect(baseline.code).toBe(0);
    expect(compared.code).toBe(1);
    expect(readFileSync(join(dir, job.artifacts.reports.junit), 'utf8')).toMatch(/^<\?xml[^]*<testsuites /);
  });
});
