// The survey recipes in examples/ cannot rot: every comune-audit command line in them must parse with the CLI as it
// is, with the shards they name covering 0..N-1 and the merge joining all of them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/index.js';

const example = (name: string) => readFileSync(fileURLToPath(new URL(`../../examples/${name}`, import.meta.url)), 'utf8');

/** The comune-audit commands of a shell script: `&&`-joined or one per line, split into words as sh would. */
function commandsIn(script: string, variables: Record<string, string> = {}): string[][] {
  return Object.entries(variables)
    .reduce((text, [name, value]) => text.replaceAll(name, value), script)
    .split(/&&|\n/)
    .map((part) => part.trim())
    .filter((part) => part.startsWith('comune-audit '))
    .map((part) => [...part.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]).slice(1));
}

/** Every command of the program with a no-op action: parsing checks arguments and options, nothing runs. */
function parserOnly(): Command {
  const program = buildProgram('en');
  const silence = (command: Command) => {
    command.action(() => {});
    command.commands.forEach(silence);
  };
  program.commands.forEach(silence);
  return program;
}

async function expectAccepted(argv: string[]): Promise<void> {
  await expect(parserOnly().parseAsync(['node', 'comune-audit', ...argv]), argv.join(' ')).resolves.toBeDefined();
}

describe('examples/', () => {
  it('the GitHub Actions matrix: each shard job surveys i/N, the merge job joins the N stores and exports them', async () => {
    const [workflow] = parseAllDocuments(example('survey-github-actions.yml')).map((doc) => doc.toJS());
    const shards: number[] = workflow.jobs.shard.strategy.matrix.shard;
    expect(shards).toEqual(shards.map((_, i) => i));
    for (const shard of shards) {
      const shardRuns = (workflow.jobs.shard.steps as { run?: string }[]).flatMap((step) => (step.run ? commandsIn(step.run, { '${{ matrix.shard }}': String(shard) }) : []));
      expect(shardRuns).toHaveLength(1);
      const [argv] = shardRuns;
      expect(argv).toContain(`${shard}/${shards.length}`);
      await expectAccepted(argv);
    }
    const mergeRuns = (workflow.jobs.merge.steps as { run?: string }[]).flatMap((step) => (step.run ? commandsIn(step.run) : []));
    expect(mergeRuns.map((argv) => argv.slice(0, 2).join(' '))).toEqual(['survey merge', 'survey export', 'survey export']);
    expect(mergeRuns[0].filter((word) => word.endsWith('.db') && word.startsWith('shard-'))).toEqual(shards.map((i) => `shard-${i}.db`));
    for (const argv of mergeRuns) await expectAccepted(argv);
  });

  it('the Kubernetes Indexed Job: JOB_COMPLETION_INDEX picks the shard, the merge Job joins every completion', async () => {
    const docs = parseAllDocuments(example('survey-kubernetes-job.yml')).map((doc) => doc.toJS());
    const [survey, merge] = docs.filter((doc) => doc.kind === 'Job');
    expect(survey.spec.completionMode).toBe('Indexed');
    const completions: number = survey.spec.completions;
    const [surveyRun] = survey.spec.template.spec.containers[0].command.slice(-1).flatMap(commandsIn);
    for (let index = 0; index < completions; index++) {
      const argv = surveyRun.map((word: string) => word.replaceAll('${JOB_COMPLETION_INDEX}', String(index)));
      expect(argv).toContain(`${index}/${completions}`);
      await expectAccepted(argv);
    }
    const mergeRuns = merge.spec.template.spec.containers[0].command.slice(-1).flatMap(commandsIn);
    expect(mergeRuns[0].filter((word: string) => word.startsWith('shard-'))).toEqual(Array.from({ length: completions }, (_, i) => `shard-${i}.db`));
    for (const argv of mergeRuns) await expectAccepted(argv);
  });

  it('a command line the CLI would refuse is caught', async () => {
    await expect(parserOnly().parseAsync(['node', 'comune-audit', 'survey', 'enti.csv', '--shard', '4/4'])).rejects.toThrow(/--shard/);
    await expect(parserOnly().parseAsync(['node', 'comune-audit', 'survey', 'enti.csv', '--no-such-option'])).rejects.toThrow();
  });
});
