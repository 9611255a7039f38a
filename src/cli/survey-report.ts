// `survey report <store.db>`: the HTML dashboard of a run; `survey compare <store.db>`: what changed between two runs.
// Both read the store only; they are subcommands of `survey` (src/cli/survey.ts), registered after it.
import { mkdir } from 'node:fs/promises';
import { dirname, extname, join, relative } from 'node:path';
import type { Command } from 'commander';
import { CliError, EXIT } from './errors.js';
import { langOption, oneOf, wholeNumber } from './options.js';
import { checkOutputPaths, writeOutput } from './output.js';
import type { HelpMessages, Lang, Messages } from '../report/i18n/index.js';
import type { RunRecord, SurveyStore } from '../survey/store.js';
import type { SurveySite } from '../report/survey-data.js';

export interface SurveyReportOptions {
  output?: string;
  run?: number;
  reports?: string;
  lang: Lang;
}

export interface SurveyCompareOptions {
  output?: string;
  format?: 'terminal' | 'csv';
  from?: number;
  to?: number;
  lang: Lang;
  bom: boolean;
  /** --csv-ids: ids for CSV headers and coded values in Italian too. */
  csvIds?: boolean;
}

async function openStore(path: string): Promise<SurveyStore> {
  const { SurveyStore } = await import('../survey/store.js');
  return SurveyStore.open(path, { create: false });
}

/** The run before `run` in the store, or null. */
function runBefore(store: SurveyStore, run: RunRecord): RunRecord | null {
  return store.runs().filter((other) => other.id < run.id).at(-1) ?? null;
}

/** A file name for a comune's report: its line in the list (unique in a run) and its key, safe on every file system. */
function reportFileName(site: SurveySite): string {
  return `${site.line}-${site.key.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80)}.html`;
}

/** Writes each kept report as HTML into `dir`; returns the links to them, relative to the dashboard. */
async function writeKeptReports(store: SurveyStore, runId: number, sites: SurveySite[], dir: string, dashboard: string | undefined, lang: Lang): Promise<Map<string, string>> {
  const { renderHtml } = await import('../report/html.js');
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new CliError((m) => m.cli.cannotWrite(dir, (error as NodeJS.ErrnoException).code ?? String(error)), EXIT.io);
  }
  const links = new Map<string, string>();
  const base = dashboard ? dirname(dashboard) : '.';
  for (const site of sites) {
    if (!site.keptReport) continue;
    const report = store.report(runId, site.key);
    if (!report) continue;
    const file = join(dir, reportFileName(site));
    await writeOutput(file, renderHtml(report, { lang }));
    links.set(site.key, relative(base, file).split('\\').join('/'));
  }
  return links;
}

export async function runSurveyReport(storePath: string, options: SurveyReportOptions, stdout: NodeJS.WritableStream = process.stdout): Promise<void> {
  await checkOutputPaths([{ option: '-o', path: options.output }]);
  const [{ loadSites, loadSurvey, selectRun }, { renderSurveyHtml }, { compareSurveyRuns }, { surveyChangesSection }, { messages }] = await Promise.all([
    import('../report/survey-data.js'),
    import('../report/survey-html.js'),
    import('../report/survey-compare.js'),
    import('../report/survey-changes.js'),
    import('../report/i18n/index.js'),
  ]);
  const store = await openStore(storePath);
  try {
    const run = selectRun(store, options.run);
    const data = loadSurvey(store, run);
    const reportLinks = options.reports ? await writeKeptReports(store, run.id, data.sites, options.reports, options.output, options.lang) : undefined;
    const earlier = runBefore(store, run);
    const changes = earlier ? surveyChangesSection(compareSurveyRuns(store, earlier, loadSites(store, earlier.id), run, data.sites), messages(options.lang)) : '';
    const html = renderSurveyHtml(data, { lang: options.lang, reportLinks, changes });
    if (options.output) await writeOutput(options.output, html);
    else stdout.write(html);
  } finally {
    store.close();
  }
}

/**
 * What makes two runs unlike (another list or filter, an unfinished run, options that shape results): one line each,
 * for stderr. The comparison still runs: the comuni in both are compared, the rest listed as in one run only.
 */
function differences(from: RunRecord, before: SurveySite[], to: RunRecord, after: SurveySite[], m: Messages): string[] {
  const keysBefore = new Set(before.map((site) => site.key));
  const keysAfter = new Set(after.map((site) => site.key));
  const onlyFrom = before.filter((site) => !keysAfter.has(site.key)).length;
  const onlyTo = after.filter((site) => !keysBefore.has(site.key)).length;
  const lines = onlyFrom || onlyTo ? [m.dashboard.differentLists(from.id, to.id, onlyFrom, onlyTo)] : [];
  const names = [...new Set([...Object.keys(from.options), ...Object.keys(to.options)])].sort();
  const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));
  const changed = names.filter((name) => show(from.options[name]) !== show(to.options[name])).map((name) => `${name} ${show(from.options[name])} → ${show(to.options[name])}`);
  if (changed.length) lines.push(m.dashboard.differentOptions(from.id, to.id, changed.join(', ')));
  return lines;
}

export async function runSurveyCompare(
  storePath: string,
  options: SurveyCompareOptions,
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WritableStream = process.stderr,
): Promise<void> {
  const format = options.format ?? (options.output && extname(options.output).toLowerCase() === '.csv' ? 'csv' : 'terminal');
  await checkOutputPaths([{ option: '-o', path: options.output }]);
  const [{ loadSites, selectRun }, { compareSurveyRuns }, { renderSurveyComparisonCsv, renderSurveyComparisonText }, { messages }] = await Promise.all([
    import('../report/survey-data.js'),
    import('../report/survey-compare.js'),
    import('../report/survey-changes.js'),
    import('../report/i18n/index.js'),
  ]);
  const store = await openStore(storePath);
  try {
    const to = selectRun(store, options.to);
    const from = options.from === undefined ? runBefore(store, to) : selectRun(store, options.from);
    if (!from) throw new CliError((m) => m.dashboard.oneRun(storePath, to.id), EXIT.usage);
    const [before, after] = [loadSites(store, from.id), loadSites(store, to.id)];
    for (const line of differences(from, before, to, after, messages(options.lang))) stderr.write(`comune-audit: ${line}\n`);
    const comparison = compareSurveyRuns(store, from, before, to, after);
    const text = format === 'csv' ? renderSurveyComparisonCsv(comparison, { bom: options.bom, lang: options.lang, ids: options.csvIds }) : renderSurveyComparisonText(comparison, options.lang);
    if (options.output) await writeOutput(options.output, text);
    else stdout.write(text);
  } finally {
    store.close();
  }
}

export function register(program: Command, help: HelpMessages): void {
  const survey = program.commands.find((command) => command.name() === 'survey');
  // Registered after `survey`, whose hook hands these subcommands the -o and --lang typed after them.
  if (!survey) throw new Error('register survey (src/cli/survey.ts) before survey report and survey compare');
  const report = help.surveyReport;
  survey
    .command('report')
    .description(report.description)
    .argument('<store.db>', report.store)
    .option('-o, --output <file.html>', report.output)
    .option('--run <id>', report.run, wholeNumber('--run', 1))
    .option('--reports <dir>', report.reports)
    .addOption(langOption(help.messagesLang))
    .action(async (store: string, options: SurveyReportOptions) => {
      await runSurveyReport(store, options);
    });
  const compare = help.surveyCompare;
  survey
    .command('compare')
    .description(compare.description)
    .argument('<store.db>', compare.store)
    .option('--from <run>', compare.from, wholeNumber('--from', 1))
    .option('--to <run>', compare.to, wholeNumber('--to', 1))
    .option('-f, --format <format>', compare.format, oneOf('--format', ['terminal', 'csv'] as const))
    .option('-o, --output <file>', compare.output)
    .option('--bom', help.auditOptions.bom, false)
    .option('--csv-ids', help.auditOptions.csvIds, false)
    .addOption(langOption(help.messagesLang))
    .action(async (store: string, options: SurveyCompareOptions) => {
      await runSurveyCompare(store, options);
    });
}
