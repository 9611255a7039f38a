// `comune-audit survey <list>`: score every site of a list into a SQLite store, resumably; `survey merge` joins
// shards; `survey export` writes one row per comune.
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { CliError, EXIT, type ExitCode } from './errors.js';
import { langOption, oneOf, seconds, wholeNumber } from './options.js';
import { EXPORT_FORMATS, runSurveyExport, type SurveyExportOptions } from './survey-export.js';
import { crawlOptionsFrom, proxySettings, type CrawlFlags } from './audit.js';
import { stopOnSignals } from './signals.js';
import { absoluteModels, loadClassifierOrExit, modelFingerprints, type ModelOptions } from './models.js';
import { messages, type HelpMessages, type Lang } from '../report/i18n/index.js';
import type { SurveyAuditOptions } from '../survey/audit.js';
import type { ListFilters, ListProblem, SurveyTarget } from '../survey/types.js';
import { SurveyInputError } from '../survey/input/errors.js';

export interface SurveyCliOptions extends CrawlFlags, ModelOptions {
  output: string;
  sites: number;
  threads: number;
  newRun: boolean;
  shard?: Shard;
  keepReports: boolean;
  region?: string;
  province?: string;
  allBodies?: boolean;
  limit?: number;
  sample?: number;
  seed: number;
  classify: boolean;
  proxy?: string | false;
  lang: Lang;
  progress: boolean;
}

export interface Shard {
  index: number;
  count: number;
}

export interface SurveyIo {
  stderr: NodeJS.WriteStream;
  /** Stops the survey; without it, the first SIGINT or SIGTERM does. */
  signal?: AbortSignal;
  /** How the command was typed, for the line saying how to resume. */
  argv?: string[];
  /** The worker threads' script, when not the survey's own (the benchmark wraps it to sample memory). */
  workerScript?: URL;
}

/** The site list's readers (src/survey/input): rows of the list, each to audit or rejected with its reason. */
export interface SurveyInput {
  readSurveyTargets(path: string, filters: ListFilters): Promise<{ targets: SurveyTarget[]; problems: ListProblem[] }>;
  selectShard(targets: SurveyTarget[], index: number, count: number): SurveyTarget[];
}

/** `i/N` with 0 ≤ i < N: the shard a machine takes, numbered from 0 like Kubernetes' JOB_COMPLETION_INDEX. */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count || !Number.isSafeInteger(count)) throw new CliError((m) => m.survey.shard(value), EXIT.usage);
  return { index, count };
}

/** The options that shape a site's results: they make the survey's fingerprint and are stored with the run. */
function resultOptions(options: SurveyCliOptions): Record<string, unknown> {
  return {
    region: options.region ?? null,
    province: options.province ?? null,
    limit: options.limit ?? null,
    sample: options.sample ?? null,
    seed: options.sample === undefined ? null : options.seed,
    maxPages: options.maxPages,
    maxDepth: options.maxDepth,
    concurrency: options.concurrency,
    delayMs: options.delay,
    timeoutMs: options.timeout,
    timeBudgetMs: options.timeBudget,
    maxBodyBytes: options.maxBody,
    robots: options.robots,
    insecure: options.insecure,
    classify: options.classify,
    userAgent: options.userAgent ?? null,
    // Only when given, so that the fingerprint of a survey with the shipped models is what it was before the options.
    ...(options.classify ? modelFingerprints(options) : {}),
  };
}

function auditOptions(options: SurveyCliOptions): SurveyAuditOptions {
  return {
    classify: options.classify,
    ...(options.classify ? absoluteModels(options) : {}),
    keepReports: options.keepReports,
    crawl: crawlOptionsFrom(options, proxySettings(options.proxy, process.env)),
  };
}

/** The command line again, to print how to resume (arguments with spaces or quotes quoted for a POSIX shell). */
function commandLine(argv: string[]): string {
  const quote = (arg: string) => (/^[\w./:=@%+,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
  return ['comune-audit', ...argv.map(quote)].join(' ');
}

/** Runs or resumes a survey; returns the exit code (0 done, 130 interrupted: run the same command to resume). */
export async function runSurveyCommand(list: string, options: SurveyCliOptions, io: SurveyIo, input?: SurveyInput): Promise<ExitCode> {
  const t = messages(options.lang).survey;
  const audit = auditOptions(options);
  // A model file that cannot be read stops the survey before any site, not once per site in every worker.
  if (audit.classify) await loadClassifierOrExit(audit);
  const [{ SurveyStore }, { surveyKey }, { createAuditPool }, { runSurvey }, { startSurveyProgress }] = await Promise.all([
    import('../survey/store.js'),
    import('../survey/key.js'),
    import('../survey/pool.js'),
    import('../survey/run.js'),
    import('./survey-progress.js'),
  ]);
  const reader: SurveyInput = input ?? (await import('../survey/input/index.js'));
  const { targets: listed, problems } = await reader
    .readSurveyTargets(list, {
      region: options.region,
      province: options.province,
      bodies: options.allBodies ? 'all' : 'comuni',
      limit: options.limit,
      sample: options.sample,
      seed: options.seed,
    })
    .catch((error: unknown) => {
      // A list that is no list (unreadable, no site column) is a file error; a --region naming nothing, a usage error.
      if (error instanceof SurveyInputError) throw new CliError((_, lang) => error.text[lang], error.kind === 'filter' ? EXIT.usage : EXIT.io);
      throw error;
    });
  for (const problem of problems) io.stderr.write(`comune-audit: ${t.listProblem(problem.line ? `${list}:${problem.line}` : list, problem.message[options.lang])}\n`);
  if (!listed.length) throw new CliError((m) => m.survey.emptyList(list), EXIT.usage);
  const key = surveyKey(listed, resultOptions(options));
  const targets = options.shard ? reader.selectShard(listed, options.shard.index, options.shard.count) : listed;

  const store = SurveyStore.open(options.output);
  const { toolVersion } = await import('../util/version.js');
  try {
    const last = store.lastRun();
    const resuming = last !== null && last.finishedAt === null && !options.newRun;
    if (resuming && (last.surveyKey !== key || last.shard?.index !== options.shard?.index || last.shard?.count !== options.shard?.count)) {
      throw new CliError((m) => m.survey.resumeMismatch(options.output, last.id), EXIT.usage);
    }
    const run = resuming
      ? last
      : store.startRun({ surveyKey: key, toolVersion, input: list, options: resultOptions(options), shard: options.shard ?? null, targets: targets.length });
    const done = store.countSites(run.id);
    const lines = options.progress ? io.stderr : null;
    lines?.write(`comune-audit: ${resuming ? t.resumed(run.id, done, run.targets) : t.started(run.id, run.targets, options.sites, Math.max(1, options.threads))}\n`);

    const signals = io.signal ? null : stopOnSignals();
    const view = startSurveyProgress(lines, options.lang, { done, total: targets.length, failures: store.countFailures(run.id), running: 0 });
    const pool = createAuditPool({ threads: options.threads, sites: options.sites, audit, onPages: view.pages, workerScript: io.workerScript });
    let result;
    try {
      result = await runSurvey({ store, run, targets, pool, sites: options.sites, signal: io.signal ?? signals?.signal, onSite: view.site });
    } finally {
      signals?.release();
      view.stop();
      await pool.close();
    }
    if (result.interrupted) {
      io.stderr.write(`comune-audit: ${t.interrupted(result.done, result.total, commandLine(io.argv ?? [list, '-o', options.output]))}\n`);
      return EXIT.interrupted;
    }
    io.stderr.write(`comune-audit: ${t.finished(run.id, result.total, result.total - result.failures, result.failures, options.output)}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}

/**
 * Commander reads `survey`'s own options (-o, --lang…) anywhere on the line, after a subcommand too, and keeps them
 * for `survey` (`survey merge a.db -o all.db` would lose its -o): hand each subcommand those it also has, as typed.
 */
function shareOptionsWithSubcommands(survey: Command): void {
  survey.hook('preSubcommand', (parent, subcommand) => {
    for (const option of subcommand.options) {
      const name = option.attributeName();
      if (parent.getOptionValueSource(name) === 'cli') subcommand.setOptionValueWithSource(name, parent.getOptionValue(name), 'cli');
    }
  });
}

export function register(program: Command, help: HelpMessages): void {
  const text = help.survey;
  const audit = help.auditOptions;
  const survey = program
    .command('survey')
    .description(text.description)
    .argument('<list>', text.list)
    .option('-o, --output <store.db>', text.output, 'survey.db')
    .option('--sites <n>', text.sites, wholeNumber('--sites', 1), 64)
    .option('--threads <n>', text.threads, wholeNumber('--threads', 0, 256), availableParallelism())
    .option('--new-run', text.newRun, false)
    .addOption(new Option('--shard <i/N>', text.shard).argParser(parseShard))
    .option('--keep-reports', text.keepReports, false)
    .option('--region <name>', text.region)
    .option('--province <name>', text.province)
    .option('--all-bodies', text.allBodies, false)
    .option('--limit <n>', text.limit, wholeNumber('--limit', 1))
    .option('--sample <n>', text.sample, wholeNumber('--sample', 1))
    .option('--seed <n>', text.seed, wholeNumber('--seed'), 1)
    .option('--max-pages <n>', text.maxPages, wholeNumber('--max-pages', 1), 200)
    .option('--max-depth <n>', audit.maxDepth, wholeNumber('--max-depth'), 5)
    .option('--concurrency <n>', text.concurrency, wholeNumber('--concurrency', 1), 2)
    .option('--delay <ms>', text.delay, wholeNumber('--delay'), 1000)
    .addOption(new Option('--timeout <seconds>', audit.timeout).argParser(seconds('--timeout')).default(30_000, '30'))
    .addOption(new Option('--time-budget <seconds>', text.timeBudget).argParser(seconds('--time-budget')).default(600_000, '600'))
    .option('--max-body <bytes>', audit.maxBody, wholeNumber('--max-body', 1), 5 * 1024 * 1024)
    .option('--no-robots', audit.noRobots)
    .option('--insecure', audit.insecure, false)
    .option('--no-classify', audit.noClassify)
    .option('--model <file>', help.classify.model)
    .option('--topic-model <file>', help.classify.topicModel)
    .option('--user-agent <ua>', audit.userAgent)
    .option('--proxy <url>', audit.proxy)
    .option('--no-proxy', audit.noProxy)
    .addOption(langOption(help.messagesLang))
    .option('--no-progress', text.progress)
    .action(async (list: string, options: SurveyCliOptions) => {
      process.exitCode = await runSurveyCommand(list, options, { stderr: process.stderr, argv: process.argv.slice(2) });
    });
  shareOptionsWithSubcommands(survey);

  const merge = survey
    .command('merge')
    .description(text.merge.description)
    .argument('<stores...>', text.merge.stores)
    .requiredOption('-o, --output <store.db>', text.merge.output)
    .action(async (stores: string[], { output }: { output: string }) => {
      const { mergeStores } = await import('../survey/merge.js');
      const t = messages(merge.optsWithGlobals().lang).survey;
      const result = mergeStores(stores, output);
      if (result.missingShards.length) process.stderr.write(`comune-audit: ${t.mergeMissingShards(result.missingShards.join(', '))}\n`);
      process.stderr.write(`comune-audit: ${t.merged(output, result.sites, stores.length)}\n`);
    });

  const exportCommand = survey
    .command('export')
    .description(text.export.description)
    .argument('<store>', text.export.store)
    .requiredOption('-o, --output <file>', text.export.output)
    .option('--format <format>', text.export.format, oneOf('--format', EXPORT_FORMATS))
    .option('--run <id>', text.export.run, wholeNumber('--run', 1))
    .option('--bom', audit.bom, false)
    .option('--csv-separator <sep>', audit.csvSeparator, oneOf('--csv-separator', ['comma', 'semicolon'] as const))
    .option('--csv-ids', audit.csvIds, false)
    .action(async (store: string, options: SurveyExportOptions) => {
      const lang = exportCommand.optsWithGlobals().lang as Lang;
      process.exitCode = await runSurveyExport(store, { ...options, lang }, process.stderr);
    });
}
