// `comune-audit audit <url>`: crawl a comune site, run every check, write the report.
import { extname } from 'node:path';
import { Option, type Command } from 'commander';
import { CliError, EXIT, type ExitCode } from './errors.js';
import { langOption, oneOf, percentage, seconds, wholeNumber } from './options.js';
import { checkOutputPaths, writeOutput } from './output.js';
import { messages, type HelpMessages } from '../report/i18n/index.js';
import { fatalAdvice, formatDecimal } from '../report/common.js';
import { readBaseline, regressionText } from './baseline.js';
import { checksWith, compareReports } from '../compare/index.js';
import { proxyFromEnv, type ProxySettings } from '../crawl/proxy.js';
import { activeIgnores, loadConfig, mergeConfig, type Ignore } from './config.js';
import { stopOnSignals } from './signals.js';
import { loadClassifierOrExit, type ModelOptions } from './models.js';
import type { SavedCrawl } from './crawl-file.js';
import type { CheckResult, PageType, Report } from '../types.js';
import type { Comparable } from '../compare/index.js';
import { HOST_NAME } from '../crawl/url.js';
import { toolVersion } from '../util/version.js';

export const FORMATS = ['terminal', 'json', 'csv', 'html', 'junit', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

// Every kind, in the order of the help text; a kind added to PageType and not here fails the typecheck.
const PAGE_TYPES = Object.keys({
  home: true, 'first-level': true, 'second-level': true, 'services-index': true, service: true, topics: true, topic: true,
  events: true, event: true, booking: true, 'personal-area-login': true, 'legal-notes': true, privacy: true,
  accessibility: true, news: true, 'form-step': true, confirmation: true, 'personal-area': true, error: true, other: true,
} satisfies Record<PageType, true>) as PageType[];

export interface AuditCliOptions extends ModelOptions {
  format?: Format;
  output?: string;
  pagesCsv?: string;
  lang: 'it' | 'en';
  bom: boolean;
  csvSeparator?: 'comma' | 'semicolon';
  /** --csv-ids: ids for CSV headers and coded values in Italian too. */
  csvIds?: boolean;
  maxPages: number;
  maxDepth: number;
  concurrency: number;
  delay: number;
  timeout: number;
  timeBudget: number;
  maxBody: number;
  robots: boolean;
  insecure: boolean;
  singlePage: boolean;
  pageType?: PageType;
  classify: boolean;
  timing: boolean;
  failUnder?: number;
  failOn?: string[];
  baseline?: string;
  progress: boolean;
  userAgent?: string;
  /** --proxy's URL, false for --no-proxy, undefined to read HTTPS_PROXY/HTTP_PROXY/NO_PROXY. */
  proxy?: string | false;
  /** --config's file, false for --no-config, undefined to look upward from the working directory. */
  config?: string | false;
  /** Checks the config file spares from the gates (an expired one is named on stderr and counts again). */
  ignore?: Ignore[];
  /** --save-crawl: keep the crawl's facts for rescore. */
  saveCrawl?: string;
  /** --browser: render a sample of pages in Chromium (computed fonts for C.SI.1.1) and run Lighthouse on the home (C.SI.4.1). */
  browser?: boolean;
  /** --chromium PATH: the Chromium --browser drives. */
  chromium?: string;
}

/** The audit options shared by `audit` and `demo`. */
export function addAuditOptions(command: Command, help: HelpMessages): Command {
  const text = help.auditOptions;
  return command
    .option('-f, --format <format>', text.format(FORMATS.join(' | '), extensionList()), oneOf('--format', FORMATS))
    .option('-o, --output <file>', text.output)
    .option('--pages-csv <file>', text.pagesCsv)
    .addOption(langOption(text.lang))
    .option('--bom', text.bom, false)
    .option('--csv-separator <sep>', text.csvSeparator, oneOf('--csv-separator', ['comma', 'semicolon'] as const))
    .option('--csv-ids', text.csvIds, false)
    .option('--max-pages <n>', text.maxPages, wholeNumber('--max-pages', 1), 300)
    .option('--max-depth <n>', text.maxDepth, wholeNumber('--max-depth'), 5)
    .option('--concurrency <n>', text.concurrency, wholeNumber('--concurrency', 1), 4)
    .option('--delay <ms>', text.delay, wholeNumber('--delay'), 100)
    .addOption(new Option('--timeout <seconds>', text.timeout).argParser(seconds('--timeout')).default(30_000, '30'))
    .addOption(new Option('--time-budget <seconds>', text.timeBudget).argParser(seconds('--time-budget')).default(600_000, '600'))
    .option('--max-body <bytes>', text.maxBody, wholeNumber('--max-body', 1), 5 * 1024 * 1024)
    .option('--no-robots', text.noRobots)
    .option('--insecure', text.insecure, false)
    .option('--single-page', text.singlePage, false)
    .option('--page-type <type>', text.pageType(PAGE_TYPES.join(', ')), oneOf('--page-type', PAGE_TYPES))
    .option('--no-classify', text.noClassify)
    .option('--no-timing', text.noTiming)
    .option('--fail-under <index>', text.failUnder, percentage('--fail-under'))
    .option('--fail-on <ids>', text.failOn, commaList)
    .option('--baseline <report.json>', text.baseline)
    .option('--no-progress', text.noProgress)
    .option('--user-agent <ua>', text.userAgent)
    .option('--save-crawl <file>', text.saveCrawl)
    .option('--browser', text.browser, false)
    .option('--chromium <path>', text.chromium)
    .option('--proxy <url>', text.proxy)
    .option('--no-proxy', text.noProxy);
}

function parseStartUrl(raw: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new CliError((m) => m.cli.invalidUrl(raw), EXIT.usage);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError((m) => m.cli.notWebAddress(raw), EXIT.usage);
  }
  // The URL parser lets through hosts no DNS name can have ("ht!tp://x" reads as host "ht!tp"): refuse before any request.
  if (!HOST_NAME.test(url.hostname)) throw new CliError((m) => m.cli.invalidUrl(raw), EXIT.usage);
  return url.href;
}

/** The crawl options a command's flags set (audit and survey share them). */
export type CrawlFlags = Pick<AuditCliOptions, 'maxPages' | 'maxDepth' | 'concurrency' | 'delay' | 'timeout' | 'timeBudget' | 'maxBody' | 'robots' | 'insecure' | 'userAgent'>;

/** Flags → crawler options; the connect phase is capped at 10 s whatever --timeout says. */
export function crawlOptionsFrom(options: CrawlFlags, proxy: ProxySettings) {
  return {
    maxPages: options.maxPages,
    maxDepth: options.maxDepth,
    concurrency: options.concurrency,
    minDelayMs: options.delay,
    timeouts: { connectMs: Math.min(options.timeout, 10_000), headersMs: options.timeout, bodyMs: options.timeout, totalMs: options.timeout },
    timeBudgetMs: options.timeBudget,
    maxBodyBytes: options.maxBody,
    respectRobots: options.robots,
    allowInsecureTls: options.insecure,
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    proxy,
  };
}

/** The proxy settings: --proxy wins over the environment (whose NO_PROXY still applies), --no-proxy turns it off. */
export function proxySettings(option: string | false | undefined, env: NodeJS.ProcessEnv): ProxySettings {
  if (option === false) return {};
  const fromEnv = proxyFromEnv(env);
  const settings = option === undefined ? fromEnv : { httpProxy: option, httpsProxy: option, ...(fromEnv.noProxy ? { noProxy: fromEnv.noProxy } : {}) };
  const sources: [string | undefined, string][] = [
    [settings.httpProxy, option === undefined ? 'HTTP_PROXY' : '--proxy'],
    [settings.httpsProxy, option === undefined ? 'HTTPS_PROXY' : '--proxy'],
  ];
  for (const [value, source] of sources) {
    if (value !== undefined && !isProxyUrl(value)) throw new CliError((m) => m.cli.invalidProxy(source, value), EXIT.usage);
  }
  return settings;
}

function isProxyUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** What each -o extension means when -f is not given. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, Format>> = {
  '.json': 'json',
  '.csv': 'csv',
  '.html': 'html',
  '.htm': 'html',
  '.xml': 'junit',
  '.txt': 'terminal',
  '.md': 'markdown',
};

/**
 * The report's format: -f, else what -o's extension says, else terminal on a TTY and json otherwise. An -o extension
 * that names no format is a usage error: `-o report.md` must not quietly write JSON.
 */
function formatFor(options: Pick<AuditCliOptions, 'format' | 'output'>, stdoutIsTty: boolean): Format {
  if (options.format) return options.format;
  if (options.output === undefined) return stdoutIsTty ? 'terminal' : 'json';
  const extension = extname(options.output).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (format) return format;
  throw new CliError((m) => m.cli.unknownExtension(options.output as string, extension, extensionList(), FORMATS.join(', ')), EXIT.usage);
}

/** ".json (json), .csv (csv), …": for the help and the usage error. */
export function extensionList(): string {
  return Object.entries(FORMAT_BY_EXTENSION).map(([extension, format]) => `${extension} (${format})`).join(', ');
}

/** --no-timing: the run's clock and every measured figure (Lighthouse's, which vary from run to run) left out. */
function withoutTiming(report: Report): Report {
  const checks = report.checks.map((check) =>
    check.evidence.some((item) => item.measured) ? { ...check, evidence: check.evidence.map((item) => (item.measured ? { ...item, snippet: '' } : item)) } : check,
  );
  return { ...report, run: { ...report.run, startedAt: '1970-01-01T00:00:00.000Z', durationMs: 0 }, checks };
}

export interface AuditIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** The Chromium `--browser` drives: `--chromium PATH`, else a standard path; a usage error when there is none. */
async function chromiumFor(given: string | undefined): Promise<string> {
  const { findChromium } = await import('../browser/fonts.js');
  const found = findChromium(given);
  if (!found) throw new CliError((m) => m.cli.chromiumNotFound(given ?? null), EXIT.usage);
  return found;
}

/** Runs an audit and writes its report; returns the exit code. Used by `audit` and `demo`. */
/** What the report's delivery needs, settled before the work starts: a wrong path or id should not cost a crawl. */
export interface Delivery {
  format: Format;
  failOn?: string[];
  ignores: ReturnType<typeof activeIgnores>;
  /** Check and point ids the config file's ignore spares from the gates. */
  ignored: Set<string>;
  baseline: Comparable | null;
}

/** The options a report is delivered with (audit's, or rescore's subset). */
export type DeliveryOptions = Pick<
  AuditCliOptions,
  'format' | 'output' | 'pagesCsv' | 'lang' | 'bom' | 'csvSeparator' | 'csvIds' | 'timing' | 'failUnder' | 'failOn' | 'baseline' | 'progress' | 'ignore' | 'singlePage'
>;

export async function prepareDelivery(options: DeliveryOptions, io: AuditIo, otherOutputs: { option: string; path: string | undefined }[] = []): Promise<Delivery> {
  if (options.failUnder !== undefined && options.singlePage) throw new CliError((m) => m.cli.failUnderNeedsSite, EXIT.usage);
  const failOn = options.failOn ? await knownIds(options.failOn) : undefined;
  const ignores = activeIgnores(options.ignore ?? [], new Date().toISOString().slice(0, 10));
  const ignored = new Set<string>(options.ignore?.length ? await knownIds(ignores.active.map((item) => item.check)) : []);
  const format = formatFor(options, Boolean(io.stdout.isTTY));
  const baseline = options.baseline ? await readBaseline(options.baseline) : null;
  await checkOutputPaths([{ option: '-o', path: options.output }, { option: '--pages-csv', path: options.pagesCsv }, ...otherOutputs]);
  return { format, failOn, ignores, ignored, baseline };
}

export async function runAudit(rawUrl: string, options: AuditCliOptions, io: AuditIo = { stdout: process.stdout, stderr: process.stderr }): Promise<ExitCode> {
  const startUrl = parseStartUrl(rawUrl);
  if (options.pageType && !options.singlePage) throw new CliError((m) => m.cli.pageTypeNeedsSinglePage, EXIT.usage);
  const proxy = proxySettings(options.proxy, process.env);
  const delivery = await prepareDelivery(options, io, [{ option: '--save-crawl', path: options.saveCrawl }]);

  // Heavy modules load only when an audit runs, so --help stays instant.
  const [{ collectSite }, { scoreCollected }, { startProgress }] = await Promise.all([import('../pipeline.js'), import('../assess.js'), import('./progress.js')]);
  const classifier = options.classify ? await loadClassifierOrExit(options) : null;
  const browser = options.browser ? await chromiumFor(options.chromium) : null;
  if (browser && !(await import('../browser/lighthouse.js')).lighthouseInstalled()) io.stderr.write(`comune-audit: ${messages(options.lang).cli.lighthouseMissing}\n`);
  const scoring = { singlePage: options.singlePage, pageType: options.pageType, classify: classifier?.classifySite };
  const progress = startProgress(options.progress ? io.stderr : null, options.lang);
  // Ctrl-C or SIGTERM stops the crawl; what was read is still scored and, with -o, written.
  const stop = stopOnSignals();
  let collected: Awaited<ReturnType<typeof collectSite>>;
  try {
    collected = await collectSite(startUrl, {
      ...scoring,
      crawl: { ...crawlOptionsFrom(options, proxy), onProgress: progress.update, signal: stop.signal },
      ...(browser ? { browser: { chromium: browser, timeoutMs: options.timeout, userAgent: options.userAgent } } : {}),
    });
  } finally {
    progress.stop();
    stop.release();
  }
  const interrupted = stop.received();
  if (interrupted) collected = { ...collected, crawl: { ...collected.crawl, interrupted } };
  if (options.saveCrawl) {
    const { encodeCrawl, CRAWL_FILE_FORMAT, CRAWL_FILE_VERSION } = await import('./crawl-file.js');
    const { pages: _fetched, ...crawl } = collected.crawl;
    const saved: SavedCrawl = { format: CRAWL_FILE_FORMAT, version: CRAWL_FILE_VERSION, toolVersion, singlePage: options.singlePage, ...(options.pageType ? { pageType: options.pageType } : {}), crawl, pages: collected.pages, ...(collected.site.browser ? { browser: collected.site.browser } : {}) };
    await writeOutput(options.saveCrawl, encodeCrawl(saved));
  }
  const report = scoreCollected(collected, scoring);
  if (!interrupted) return deliverReport(report, options, io, delivery);
  // Interrupted: the partial report only where it was asked to go (-o), never half a report on stdout; no gates.
  if (options.output) await writeReport(report, options, io, delivery);
  const t = messages(options.lang).cli;
  const pages = report.run.pagesFetched;
  io.stderr.write(`comune-audit: ${options.output ? t.interruptedWritten(interrupted, pages, options.output) : t.interruptedNoReport(interrupted, pages)}\n`);
  return interrupted === 'SIGINT' ? EXIT.interrupted : EXIT.terminated;
}

/** Renders and writes the report (and --pages-csv); returns it as written and its regressions against the baseline. */
async function writeReport(audited: Report, options: DeliveryOptions, io: AuditIo, delivery: Delivery) {
  const { format, baseline } = delivery;
  const report = options.timing ? audited : withoutTiming(audited);
  const [{ render }, { renderPagesCsv }] = await Promise.all([import('../report/index.js'), import('../report/csv.js')]);
  const color = format === 'terminal' && !options.output && Boolean(io.stdout.isTTY) && !process.env.NO_COLOR;
  const csv = { bom: options.bom, separator: options.csvSeparator === 'semicolon' ? (';' as const) : (',' as const) };
  const ids = options.csvIds;
  // Regressed checks have both statuses (the comparison decided them).
  const found = (baseline ? checksWith(compareReports(baseline, report), 'regressed') : []).map((r) => ({ id: r.id, before: r.before!, after: r.after!, lost: r.lost }));
  const compared = baseline && options.baseline ? { path: options.baseline, index: baseline.maturity.index, regressions: found } : undefined;
  const text = render(report, format, { lang: options.lang, color, ...csv, csvIds: ids, baseline: compared });
  if (options.output) await writeOutput(options.output, text);
  else io.stdout.write(text);
  if (options.pagesCsv) await writeOutput(options.pagesCsv, renderPagesCsv(report, { ...csv, ids, lang: options.lang }));
  return { report, found };
}

/** Renders and writes the report, then applies the gates: the exit code. Shared by audit and rescore. */
export async function deliverReport(audited: Report, options: DeliveryOptions, io: AuditIo, delivery: Delivery): Promise<ExitCode> {
  const { failOn, ignores, ignored, baseline } = delivery;
  const { report, found } = await writeReport(audited, options, io, delivery);
  const t = messages(options.lang);
  // Where the files went, for a person at a terminal: the same rule as the progress line (stderr a TTY, no
  // --no-progress), so CI logs and scripts that redirect stderr stay quiet.
  const written = [options.output, options.pagesCsv].filter((path): path is string => path !== undefined);
  if (written.length && options.progress && io.stderr.isTTY) io.stderr.write(`comune-audit: ${t.cli.written(written.join(', '))}\n`);
  if (report.fatal) {
    io.stderr.write(`comune-audit: ${t.cli.siteUnavailable(report.fatal.message[options.lang], fatalAdvice(report.fatal, t))}\n`);
    return report.fatal.code === 'proxy' ? EXIT.proxy : EXIT.siteUnavailable;
  }
  // Every gate that fails says so, so one CI run shows all of them.
  const gates: string[] = [];
  if (options.failUnder !== undefined && (report.maturity.index ?? 0) < options.failUnder) {
    const index = report.maturity.index === null ? t.notScored : formatDecimal(report.maturity.index, 1, t);
    gates.push(t.cli.belowThreshold(index, formatDecimal(options.failUnder, decimalsOf(options.failUnder), t)));
  }
  const pointOf = new Map<string, string>(report.checks.map((check) => [check.id, check.point]));
  const isIgnored = (id: string): boolean => ignored.has(id) || ignored.has(pointOf.get(id) ?? '');
  const named = failOn ? namedChecks(report, failOn) : [];
  const failed = named.filter((check) => check.status === 'fail').map((check) => check.id);
  const failing = failed.filter((id) => !isIgnored(id));
  if (failing.length) gates.push(t.cli.failOnFailed(failing.join(', ')));
  for (const line of gates) io.stderr.write(`comune-audit: ${line}\n`);
  for (const item of ignores.expired) io.stderr.write(`comune-audit: ${t.cli.ignoreExpired(item.check, item.until, item.reason)}\n`);
  // Not a gate (only a fail trips it), but a CI log must show that these checks were not really verified.
  const undecided = named.filter((check) => check.status === 'unknown' || check.status === 'error').map((check) => check.id);
  if (undecided.length) io.stderr.write(`comune-audit: ${t.cli.failOnUndecided(undecided.join(', '))}\n`);
  const spared = [...new Set([...failed, ...found.map((r) => r.id)])].filter(isIgnored);
  if (spared.length) io.stderr.write(`comune-audit: ${t.cli.ignored(spared.join(', '))}\n`);
  if (process.env.GITHUB_ACTIONS === 'true') {
    // On stderr, so a report written to stdout stays clean; the runner reads workflow commands from both.
    const { renderAnnotations } = await import('../report/annotations.js');
    io.stderr.write(renderAnnotations(report, { lang: options.lang, regressions: found, ignored: new Set(report.checks.map((check) => check.id).filter(isIgnored)) }));
  }
  const worse = baseline && options.baseline ? regressionText(options.baseline, baseline, report, t, isIgnored) : '';
  io.stderr.write(worse);
  return gates.length || worse ? EXIT.belowThreshold : EXIT.ok;
}

/** `--fail-on`'s ids; none at all is a usage error (an empty variable in a CI job would silently gate nothing). */
export function commaList(value: string): string[] {
  const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
  if (!ids.length) throw new CliError((m) => m.cli.failOnEmpty, EXIT.usage);
  return ids;
}

/** The digits after the point of a --fail-under value as given, to print it back as written. */
function decimalsOf(value: number): number {
  return String(value).split('.')[1]?.length ?? 0;
}

/**
 * The ids as the rules spell them, matched case-insensitively (SPID, c.si.3.3). A typo in a CI job's --fail-on would
 * silently never fail: an unknown id is a usage error listing the valid ones, point ids first.
 */
async function knownIds(ids: string[]): Promise<string[]> {
  const { allRules } = await import('../check/registry.js');
  const valid = [...new Set([...allRules.map((rule) => rule.meta.point), ...allRules.map((rule) => rule.meta.id)])];
  const byLowerCase = new Map(valid.map((id) => [id.toLowerCase(), id]));
  const unknownIds = ids.filter((id) => !byLowerCase.has(id.toLowerCase()));
  if (unknownIds.length) {
    throw new CliError((m) => m.cli.unknownFailOn(unknownIds.join(', '), valid.join(', ')), EXIT.usage);
  }
  return ids.map((id) => byLowerCase.get(id.toLowerCase()) as string);
}

/** The checks --fail-on names, directly or through their point. */
function namedChecks(report: Report, ids: string[]): CheckResult[] {
  const named = new Set(ids);
  return report.checks.filter((check) => named.has(check.id) || named.has(check.point));
}

export function register(program: Command, help: HelpMessages): void {
  const audit = program.command('audit').description(help.audit.description).argument('[url]', help.audit.url);
  addAuditOptions(audit, help)
    .option('--model <file>', help.classify.model)
    .option('--topic-model <file>', help.classify.topicModel)
    .option('--config <file>', help.auditOptions.config)
    .option('--no-config', help.auditOptions.noConfig)
    .action(async (url: string | undefined, options: AuditCliOptions, command: Command) => {
      const config = options.config === false ? null : await loadConfig(options.config, process.cwd());
      const merged = config ? { ...mergeConfig(options, config, (key) => command.getOptionValueSource(key)), ignore: config.ignore } : options;
      const target = url ?? config?.url;
      // The URL may come from the config file, so commander cannot require it: the same one-line usage error.
      if (!target) throw new CliError((m) => `${m.cli.missingArgument('url')}${m.cli.seeHelp('comune-audit audit')}`, EXIT.usage);
      process.exitCode = await runAudit(target, merged);
    });
}
