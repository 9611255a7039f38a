// The shape every language file must fill: a key missing from it.ts or en.ts fails the typecheck.
import type { FetchErrorCode, Localised, PageType, PointId, RuleMeta, SitemapNotRead, SitemapSkipReason, Status } from '../../types.js';
import type { TopicEvalReport, TopicForm } from '../../classify/topics-eval.js';
import type { EvalReport } from '../../classify/evaluate.js';
import { en } from './en.js';
import { it } from './it.js';

export type Lang = 'it' | 'en';
export type CriteriaGroup = NonNullable<RuleMeta['group']>;

export interface Messages {
  /** BCP 47 tag for <html lang>. */
  htmlLang: string;
  decimalSeparator: string;
  thousandsSeparator: string;
  reportTitle: string;
  label: {
    site: string;
    pages: string;
    caps: string;
    run: string;
    index: string;
    level: string;
    checks: string;
    /** Beside the index, when it leaves out points it could not judge. */
    basis: string;
    /** The page kind a --single-page audit detected (or was given). */
    pageKind: string;
    /** A --single-page audit's topics (found in its text, and declared). */
    topics: string;
  };
  /** Page kinds by name, for people. */
  pageTypeName: Record<PageType, string>;
  /** "Scheda servizio — perché: …": the kind and the signals that decided it. */
  pageKindLine(name: string, signals: string[]): string;
  pagesLine(audited: number, failed: number): string;
  /** The crawl's progress line on stderr. */
  progress(fetched: number, queued: number, url: string): string;
  singlePage: string;
  capsNone: string;
  capMaxPages(maxPages: number): string;
  capTimeBudget(seconds: string): string;
  capSkipped(urls: number): string;
  capDepth(urls: number, maxDepth: number): string;
  /** Pages read in part, with the caps that cut them (numbers already formatted). */
  capTruncated(pages: number, kilobytes: string, levels: string, links: string): string;
  capCrawlDelay(seconds: string): string;
  /** A signal stopped the audit: the report covers the pages read so far. */
  capInterrupted(signal: string): string;
  runLine(dateUtc: string, seconds: string): string;
  levelLine(position: number, of: number, name: string): string;
  /** What the index is computed over: judged points of `of`, and the names of those left out. */
  indexBasis(judged: number, of: number, unjudged: string): string;
  /** After the level when a failed legal obligation capped it: points are names, uncapped a levelLine. */
  levelCapped(points: string, uncapped: string): string;
  /** "12 passed": a count with the plural status word. */
  statusCount: Record<Status, (count: number) => string>;
  /** Status as a single word, for legends and cell text. */
  status: Record<Status, string>;
  notScored: string;
  section: {
    points: string;
    governance: string;
    criteria: string;
    otherCriteria: string;
    findings: string;
    /** HTML: the checks that are not findings, with their evidence. */
    otherChecks: string;
    classification: string;
    topics: string;
  };
  /** How the pages fall into the 15 service categories (terminal and HTML). */
  classification: {
    category: string;
    pages: string;
    servicePages: string;
    /** names: the categories with no service sheet, comma-separated. */
    withoutService(names: string): string;
    allHaveService: string;
    /** Pages whose breadcrumb names another category than the classifier's. */
    disagreements(count: number): string;
    /** One such page: the classifier's category and the breadcrumb's. */
    disagreement(classifier: string, declared: string): string;
    moreDisagreements(count: number): string;
    /** HTML column headings of the disagreements table. */
    classifier: string;
    declared: string;
  };
  /** The pages' topics, the Modello Comuni's 64 "Argomenti" (terminal and HTML; src/report/topics.ts). */
  topics: {
    /** Topics found in the text of `tagged` pages of the `classified` ones. */
    summary(topics: number, tagged: number, classified: number): string;
    /** Pages with "Argomenti" chips; outside: their labels that are not of the vocabulary, ', '-joined (may be ''). */
    declaring(pages: number, outside: string): string;
    /** Column headings: the topic, pages found from the text, pages whose chips name it. */
    topic: string;
    fromText: string;
    declared: string;
    /** HTML column headings of the disagreements table: the chips' labels, the tagger's topics with scores. */
    declaredColumn: string;
    foundColumn: string;
    /** Topics past the terminal's first few: where they all are. */
    more(count: number): string;
    /** Pages whose chips name topics none of which the tagger finds in the text. */
    disagreements(count: number): string;
    /** One such page: its chips' labels and the tagger's topics. */
    disagreement(declared: string, found: string): string;
    moreDisagreements(count: number): string;
    /** No topic found in a page's text. */
    none: string;
    /** A page's topics, then the ones its chips declare. */
    pageLine(found: string, declared: string): string;
  };
  noFindings: string;
  /** The one line atop the AGID criteria: would the site pass them all, as PNRR 1.4.1 requires, and what stands in the way. */
  agidVerdict: (wouldPass: boolean | null, blocking: string[], unjudged: string[]) => string;
  /** Under the terminal's short list of findings: how many more, and where all of them are. */
  moreFindings(count: number): string;
  /** Evidence items of a check not printed here (terminal, JUnit): where they all are; outcomes: outcomeCounts, may be ''. */
  moreEvidence(count: number, outcomes: string): string;
  /** "2 failing": a count of evidence items (pages, links) with their own outcome. */
  evidenceOutcomeCount: Record<'pass' | 'partial' | 'fail' | 'other', (count: number) => string>;
  fatalTitle: string;
  whatToDo: string;
  /** -f markdown and GitHub annotations. */
  markdown: {
    regressionsHeading(baseline: string): string;
    noRegressions: string;
    indexChange(before: string, after: string): string;
    before: string;
    after: string;
    lostEvidence: string;
    /** lost: evidence places no longer found, '; '-joined (may be empty). */
    regressedAnnotation(before: string, after: string, lost: string): string;
  };
  /** What to do, by error code: the fetch error's message already says what happened. */
  fatalAdvice: Record<FetchErrorCode, string>;
  /** Sharper advice for an HTTP error on the start page, by its status. */
  httpAdvice: { blocked: string; notFound: string; serverError: string };
  /** Strings of the HTML report. */
  html: {
    generatedBy(tool: string): string;
    status: string;
    step: string;
    point: string;
    score: string;
    criterion: string;
    check: string;
    evidence: string;
    /** The summary of the folded evidence items past the first few. */
    showMoreEvidence(count: number, outcomes: string): string;
    pages: string;
    showPages(count: number): string;
    url: string;
    httpStatus: string;
    pageType: string;
    category: string;
    documents: string;
    fetchError: string;
    /** In the pages table, for a page read only in part. */
    readInPart: string;
    /** Pages table: the page's topics. */
    topics: string;
  };
  /** The robots/sitemap section (terminal and HTML). */
  discovery: DiscoveryMessages;
  pointName: Record<PointId, string>;
  groupName: Record<CriteriaGroup, string>;
  /**
   * The audit CSVs for a person (src/report/csv.ts): column headers by column id, and the yes/no words. Only the
   * Italian catalog names the columns: English CSVs keep the ids scripts key on.
   */
  csv: SpreadsheetMessages;
  /** Command-line help: descriptions of commands and options, and commander's headings. */
  help: HelpMessages;
  /** One-line command-line errors and notices: the cause and what to do. */
  cli: CliMessages;
  /** What classify, train and eval print for a person: per-input errors, training summaries, the evaluation report. */
  classifier: ClassifierMessages;
  /** `survey`, `survey merge` and `survey export`: their help, progress lines and one-line errors. */
  survey: SurveyMessages;
  /** `compare`, `audit --baseline`'s wording of changes and the survey's "what changed". */
  compare: CompareMessages;
  /** Captions, text alternatives and table headings of the charts in the HTML reports. */
  charts: ChartMessages;
  /** The survey dashboard (survey report) and its "what changed" section (survey compare). */
  dashboard: DashboardMessages;
}

/**
 * Column headers and coded values of the spreadsheets (audit's CSVs, `compare`, `survey compare`, `survey export`),
 * by id. Only the Italian catalog fills the names: English spreadsheets keep the ids scripts key on, and an id with no
 * name is written as it is.
 */
export interface SpreadsheetMessages {
  checkColumns: Readonly<Record<string, string>>;
  pageColumns: Readonly<Record<string, string>>;
  /** `compare`: one row per check. */
  compareColumns: Readonly<Record<string, string>>;
  /** `survey compare`: one row per comune. */
  surveyCompareColumns: Readonly<Record<string, string>>;
  /** `survey export`: one row per comune; the points' columns take their report names (pointName). */
  surveyExportColumns: Readonly<Record<string, string>>;
  /** How a check changed between two audits (src/compare: improved, regressed, new, undecided…). */
  checkChange: Readonly<Record<string, string>>;
  /** How a comune changed between two survey runs (improved, only-before, unreachable-after…). */
  comuneChange: Readonly<Record<string, string>>;
  /** A comune's outcome in a survey run (scored, unavailable, rejected, failed). */
  surveyStatus: Readonly<Record<string, string>>;
  /** Why a comune was not scored: the list's reason (no-website…) or the crawler's error code (dns, tls…). */
  surveyReason: Readonly<Record<string, string>>;
  yes: string;
  no: string;
}

/** The robots/sitemap section: sizes and counts come formatted; a fetch error's message comes in the report's language. */
export interface DiscoveryMessages {
  title: string;
  robots: string;
  sitemaps: string;
  /** robots.txt: no answer came (message says why). */
  robotsUnreachable(message: string): string;
  /** robots.txt answered an HTTP error: the crawl ran with no rules. */
  robotsHttp(status: number): string;
  /** "HTTP 200, 1.2 KB". */
  fetched(status: number, size: string): string;
  robotsTruncated(cap: string): string;
  robotsBinary: string;
  /** lines: "line 4 «Disalow: /x»" items, '; '-joined. */
  robotsParseErrors(count: number, lines: string): string;
  parseErrorLine(line: number, text: string): string;
  robotsForbidsStart: string;
  robotsCrawlDelay(seconds: string): string;
  robotsSitemaps(count: number): string;
  /** No sitemap found at all (none in robots.txt, no /sitemap.xml). */
  noSitemaps: string;
  /** Terminal: sitemaps past the first few listed. */
  moreSitemaps(count: number): string;
  /** Addresses that answered the same page as another address of their folder ("/index.html" and "/"). */
  aliases: string;
  /** What the crawl made of such an address: the page it repeats, counted once. */
  aliasOf(url: string): string;
  /** Terminal: such addresses past the first few listed. */
  moreAliases(count: number): string;
  source: Record<'robots' | 'conventional' | 'index', string>;
  notReadBecause: Record<SitemapNotRead, string>;
  unreachable(message: string): string;
  /** The conventional /sitemap.xml answered an error: there is none. */
  conventionalMissing(status: number): string;
  httpError(status: number): string;
  notSitemap: string;
  fakeGzip: string;
  truncated(cap: string): string;
  incomplete: string;
  /** An index: sitemaps listed, and read. */
  indexCounts(listed: string, taken: string): string;
  /** A urlset: page URLs listed, and taken for the crawl. */
  urlsetCounts(listed: string, taken: string): string;
  /** reasons: "150,000 past the limit of 50,000" items, ', '-joined. */
  skipped(reasons: string): string;
  skipReason: Record<SitemapSkipReason, (count: string) => string>;
}

export interface HelpMessages {
  program: string;
  /** Commander's section headings ("Usage:", "Options:"…) by their English text. */
  titles: Record<string, string>;
  /** Replace commander's "[options]" and "[command]" in usage lines. */
  usageWords: { options: string; command: string };
  /** Replaces commander's "(default: …)". */
  defaultLabel: string;
  helpOption: string;
  helpCommand: string;
  versionOption: string;
  debug: string;
  /** --lang of the commands that print messages, not a report. */
  messagesLang: string;
  /** The program's own --lang: given before a command, it applies to that command. */
  programLang: string;
  /** The exit codes, under the program's help: a heading line and one line per code. */
  exitCodes: string;
  audit: { description: string; url: string };
  rescore: { description: string; file: string };
  demo: string;
  auditOptions: {
    /** formats: the -f values; extensions: what each -o extension means. */
    format(formats: string, extensions: string): string;
    output: string;
    pagesCsv: string;
    lang: string;
    bom: string;
    csvSeparator: string;
    csvIds: string;
    maxPages: string;
    maxDepth: string;
    concurrency: string;
    delay: string;
    timeout: string;
    timeBudget: string;
    maxBody: string;
    noRobots: string;
    insecure: string;
    singlePage: string;
    pageType(types: string): string;
    noClassify: string;
    noTiming: string;
    failUnder: string;
    failOn: string;
    baseline: string;
    noProgress: string;
    userAgent: string;
    proxy: string;
    noProxy: string;
    config: string;
    noConfig: string;
    saveCrawl: string;
    browser: string;
    chromium: string;
    /** demo only. */
    port: string;
  };
  classify: { description: string; inputs: string; format: string; output: string; model: string; topicModel: string; timeout: string };
  train: {
    description: string;
    data: string;
    output: string;
    fromCrawl: string;
    withCorpus: string;
    maxPages: string;
    saveHarvest: string;
    allowMissingCategories: string;
    topics: string;
  };
  eval: { description: string; data: string; folds: string; json: string; withCorpus: string; topics: string; model: string; topicModel: string };
  compare: { description: string; before: string; after: string; format: string; output: string };
  survey: {
    description: string;
    list: string;
    output: string;
    sites: string;
    threads: string;
    newRun: string;
    shard: string;
    keepReports: string;
    region: string;
    province: string;
    allBodies: string;
    limit: string;
    sample: string;
    seed: string;
    maxPages: string;
    delay: string;
    concurrency: string;
    timeBudget: string;
    progress: string;
    merge: { description: string; stores: string; output: string };
    export: { description: string; store: string; output: string; format: string; run: string };
  };
  surveyReport: { description: string; store: string; output: string; run: string; reports: string };
  surveyCompare: { description: string; store: string; from: string; to: string; format: string; output: string };
}

export interface CliMessages {
  /** An audit stopped by a signal, its partial report written to path. */
  interruptedWritten(signal: string, pages: number, path: string): string;
  /** An audit stopped by a signal without -o: nothing written. */
  interruptedNoReport(signal: string, pages: number): string;
  wholeNumber(option: string, value: string, min: number): string;
  seconds(option: string, value: string): string;
  oneOf(option: string, allowed: string, value: string): string;
  invalidUrl(raw: string): string;
  chromiumNotFound(path: string | null): string;
  /** --browser without the optional lighthouse package: C.SI.4.1 stays unknown. */
  lighthouseMissing: string;
  notWebAddress(raw: string): string;
  pageTypeNeedsSinglePage: string;
  failUnderNeedsSite: string;
  /** valid: every point and check id, comma-separated. */
  unknownFailOn(ids: string, valid: string): string;
  cannotWrite(path: string, reason: string): string;
  classifyNeedsInput: string;
  cannotLoadModel(reason: string): string;
  folds(value: string): string;
  tooFewRecords(records: number, folds: number): string;
  badTrainingFile(detail: string): string;
  evalNeedsData: string;
  /** `eval --model` / `--topic-model` with `--with-corpus`: a given model is scored, nothing is trained. */
  evalModelWithCorpus: string;
  /** `eval --model` / `--topic-model` without `--data`. */
  evalModelNeedsData: string;
  trainNeedsData: string;
  cannotCrawl(url: string, reason: Localised): string;
  noRecords: string;
  /** `train --topics --data`: the files hold no record. */
  noDataRecords: string;
  /** missing: the category slugs no training record has, comma-separated. */
  missingCategories(missing: string): string;
  /** cause: the fetch error's own message (what happened); advice: what to do about it. */
  siteUnavailable(cause: string, advice: string): string;
  belowThreshold(index: string, threshold: string): string;
  failOnFailed(ids: string): string;
  /** "spid (superato → non superato), C.SI.3.3 (…)" is built by the caller with the status words. */
  regressed(baseline: string, checks: string, indexChange: string): string;
  /** One lost evidence item of a regressed check. */
  lostEvidence(id: string, place: string): string;
  baselineUnreadable(path: string, reason: string): string;
  baselineNotReport(path: string): string;
  unexpected(detail: string): string;
  /** -o names a file whose extension is no format's (known: ".json (json), …"; formats: the -f values). */
  unknownExtension(path: string, extension: string, known: string, formats: string): string;
  /** After the report is written to files (-o, --pages-csv), on a terminal: where. */
  written(paths: string): string;
  demoServed(url: string): string;
  /** Commander's usage errors, with the names it reported. */
  unknownOption(option: string): string;
  unknownCommand(command: string): string;
  didYouMean(suggestions: string): string;
  missingArgument(argument: string): string;
  optionMissingArgument(option: string): string;
  missingMandatoryOption(option: string): string;
  excessArguments(expected: number, received: number): string;
  /** Appended to every usage error: where the usage is. */
  seeHelp(command: string): string;
  wholeNumberBetween(option: string, value: string, min: number, max: number): string;
  /** --fail-under's value: a number from 0 to 100. */
  percentage(option: string, value: string): string;
  failOnEmpty: string;
  /** Checks named by --fail-on that ended unknown or error: the gate could not judge them. */
  failOnUndecided(ids: string): string;
  outputIsDirectory(path: string): string;
  /** Two output options name one file: first is the option that named it first. */
  sameOutputFile(first: string, second: string, path: string): string;
  /** reason: the baseline's fatal error, in the user's language. */
  baselineDidNotRun(path: string, reason: string): string;
  /** code: EADDRINUSE (taken) or EACCES (not allowed). */
  portUnavailable(port: number, code: string): string;
  /** source: "--proxy" or the environment variable that gave the value. */
  invalidProxy(source: string, value: string): string;
  configUnreadable(path: string, code: string): string;
  crawlFileUnreadable(path: string, code: string): string;
  notCrawlFile(path: string): string;
  crawlFileVersion(path: string, version: string, expected: number): string;
  /** detail: the JSON parser's message (English). */
  configNotJson(path: string, detail: string): string;
  /** where: "file: key"; valid: the keys it takes. */
  configUnknownKey(where: string, valid: string): string;
  /** expected: the kind of value, in English (it names JSON types and formats). */
  configInvalid(where: string, expected: string): string;
  /** A config ignore past its date: it no longer applies. */
  ignoreExpired(check: string, until: string, reason: string): string;
  /** Gated checks that a config ignore spares, named so a CI log shows them. */
  ignored(checks: string): string;
}

export interface ClassifierMessages {
  /** Why one classify input has no category (after "<input>[:<line>]: " on stderr). */
  input: {
    httpStatus(status: number): string;
    /** The request failed: reason is the crawler's localised description of the network error. */
    fetchFailed(reason: Localised): string;
    cannotRead(code: string): string;
    /** detail: the JSON parser's own message, as it gives it (English). */
    notJson(detail: string): string;
    notAnObject: string;
    nothingToClassify: string;
    /** type: the response's media type, '' when the server sent none and the body does not look like HTML. */
    notHtml(type: string): string;
    /** A JSONL file with no record at all. */
    emptyFile: string;
  };
  /** A labelled file train or eval cannot open. */
  cannotReadTrainingFile(path: string, code: string): string;
  harvested(url: string, pages: number, records: number): string;
  /** perCategory: "ambiente 4, turismo 4". */
  trainedOn(records: number, perCategory: string): string;
  /** Printed instead of refusing when --allow-missing-categories is given. */
  missingCategoriesAllowed(missing: string): string;
  modelWritten(path: string, terms: number, temperature: string, kilobytes: number, seconds: string): string;
  /** The evaluation report's heading: method, folds (sites for leave-one-site-out) and records scored. */
  evalHeading(method: EvalReport['method'], folds: number, documents: number): string;
  /** Under the heading of a report whose records were each scored alone (EvalReport.alone). */
  evalAlone: string;
  evalSummary(macroF1: string, accuracy: string, calibrationError: string): string;
  /**
   * Brier score and log loss of the confidences; the share of the records with confidence ≥ 0.9 and how many of them
   * are right; the ECE exact confidences would show on this many records (sampling noise).
   */
  evalCalibration(brier: string, logLoss: string, confidentPercent: string, confidentAccuracyPercent: string, samplingError: string): string;
  /** percent: share of the records with a subject that were put in altro. */
  evalSubjectToAltro(percent: string): string;
  /** The answers `altro`: how many, their mean confidence and the share of them right (issue 8: confidently wrong `altro`). */
  evalAltro(answers: number, meanConfidence: string, rightPercent: string): string;
  /** Heading of the reliability table (answers binned by confidence) and its column headings. */
  evalReliability: string;
  reliabilityColumn: { confidence: string; answers: string; meanConfidence: string; accuracy: string };
  /** Whether the issue-8 targets are met: macro-F1 ≥ 0.80, ≤ 10% of subject pages in altro, ECE ≤ 0.05. */
  evalTargets(macroF1: boolean, subjectToAltro: boolean, calibration: boolean): string;
  /** Column headings of the per-category table, at most 5 characters except category. */
  column: { category: string; precision: string; recall: string; f1: string; support: string };
  confusionMatrix: string;
  /** `train --topics`: the topic model written. */
  /** `train --topics`: topics of the vocabulary no record has (ids ', '-joined). */
  topicsWithoutExample(count: number, ids: string): string;
  /** `train --topics`: fewer than two sites with whole pages, so no held-out calibration nor threshold. */
  topicsNotCalibrated: string;
  topicModelWritten(path: string, records: number, terms: number, threshold: string, kilobytes: number, seconds: string): string;
  /** `eval --topics`: heading of one form's report, leave-one-site-out or of a given topic model. */
  topicEvalHeading(form: TopicForm, sites: number, pages: number, method: TopicEvalReport['method']): string;
  topicEvalSummary(microF1: string, macroF1: string, precision: string, recall: string): string;
  /** Pages with no topic in their labels, and how many got none. */
  topicEvalEmpty(right: number, total: number): string;
  topicColumn: string;
  /** `eval --topics`: the calibration error over every (page, topic) score, and the bins' column headings. */
  topicEvalCalibration(ece: string, pairs: number): string;
  /** The same over the scores of 0.1 or more. */
  topicEvalCalibrationFromOneTenth(ece: string, pairs: number, floor: string): string;
  topicCalibrationColumn: { score: string; pairs: string; meanScore: string; shareTrue: string };
}

export interface SurveyMessages {
  cannotOpenStore(path: string, reason: string): string;
  notAStore(path: string): string;
  storeTooNew(path: string, version: number, supported: number): string;
  /** --shard's value is not i/N with 0 ≤ i < N. */
  shard(value: string): string;
  /** The last run is unfinished but was started with another list or other options. */
  resumeMismatch(path: string, runId: number): string;
  started(runId: number, total: number, sites: number, threads: number): string;
  resumed(runId: number, done: number, total: number): string;
  /** The plain progress line (not a TTY); eta is already formatted ("1 h 02 min", "—"). */
  progressLine(done: number, total: number, failures: number, pagesPerSecond: string, eta: string): string;
  /** After the bar at a terminal: the same figures, shorter. */
  progressBar(done: number, total: number, failures: number, pagesPerSecond: string, eta: string): string;
  interrupted(done: number, total: number, command: string): string;
  finished(runId: number, total: number, scored: number, failures: number, path: string): string;
  /** One problem of the list: where and what, as the reader states it. */
  listProblem(where: string, detail: string): string;
  emptyList(path: string): string;
  mergeMixedSurvey(first: string, other: string): string;
  mergeMixedVersion(first: string, firstVersion: string, other: string, otherVersion: string): string;
  mergeUnfinished(path: string): string;
  mergeSameShard(first: string, other: string, shard: string): string;
  mergeEmpty(path: string): string;
  /** A warning: shards of the survey missing from the merge (e.g. "2/4, 3/4"). */
  mergeMissingShards(shards: string): string;
  merged(path: string, sites: number, stores: number): string;
  outputExists(path: string): string;
  noRun(path: string): string;
  unknownRun(path: string, runId: number, runs: string): string;
  exported(path: string, rows: number): string;
}

export interface DashboardMessages {
  title: string;
  subtitle(input: string, runId: number, date: string): string;
  footer: string;
  headlineTitle: string;
  listed: string;
  scored: string;
  unavailable: string;
  rejected: string;
  failed: string;
  medianIndex: string;
  reasonsCaption: string;
  reason: string;
  comuni: string;
  share: string;
  /** Why a comune was not scored: status and the stored reason (a crawler error code or a list's rejection). */
  reasonName(status: string, reason: string): string;
  distributionTitle: string;
  histogramCaption: string;
  histogramSummary(scored: number, median: string): string;
  indexBand: string;
  levelsCaption: string;
  levelsSummary(shares: string): string;
  adoptionTitle: string;
  adoptionCaption: string;
  adoptionSummary(scored: number): string;
  governanceNote: string;
  areasTitle: string;
  areasNote: string;
  noAreas: string;
  byRegion: string;
  byProvince: string;
  region: string;
  province: string;
  listedShort: string;
  scoredShort: string;
  pointKey: string;
  failuresTitle: string;
  noFailures: string;
  failedBy(count: string, share: string): string;
  seeExample: string;
  examplesTitle: string;
  exampleHeading(checkId: string): string;
  evidenceMissing: string;
  comuniTitle: string;
  comuniCaption(count: string): string;
  comune: string;
  symbolKey: string;
  reportsLinked: string;
  methodTitle: string;
  runLabel: string;
  runLine(runId: number, started: string, finished: string | null): string;
  toolLabel: string;
  listLabel: string;
  optionsLabel: string;
  methodNotes: string[];
  runName(runId: number, date: string): string;
  changesTitle: string;
  changesHeading(from: string, to: string): string;
  /** comuni compared (audited in both runs), and the median index before → after, formatted. */
  comparedLine(comuni: number, median: string): string;
  adoptionChange: string;
  comuniRegressed(count: number): string;
  comuniImproved(count: number): string;
  comuniUnchanged(count: number): string;
  checksRegressed(ids: string): string;
  checksImproved(ids: string): string;
  onlyIn(run: string): string;
  unreachableIn(run: string, reason: string): string;
  notScoredIn: string;
  notComparableNote(count: number): string;
  changesChartCaption: string;
  changesChartSummary(before: string, medianBefore: string, after: string, medianAfter: string): string;
  changeColumn: string;
  checksColumn: string;
  /** survey compare on a store with one run only (or none before --to). */
  oneRun(path: string, runId: number): string;
  /** survey compare of two runs that did not cover the same comuni (another list, a filter, an unfinished run). */
  differentLists(from: number, to: number, onlyFrom: number, onlyTo: number): string;
  /** survey compare of two runs whose options that shape results differ ("maxPages 200 → 100"). */
  differentOptions(from: number, to: number, changes: string): string;
}

export interface ChartMessages {
  gaugeCaption: string;
  /** The gauge's text alternative: index and level already formatted. */
  gaugeSummary(index: string, level: string): string;
  measure: string;
  value: string;
  /** A level's band of the index, as a table row's value: "60–80". */
  band(from: number, to: number): string;
  pointsCaption: string;
  /** counts: "3 superati, 2 parziali, …" already joined. */
  pointsSummary(points: number, counts: string): string;
  criteriaCaption: string;
  criteriaSummary(passed: number, total: number): string;
  group: string;
  categoriesCaption: string;
  /** pages classified, categories with at least one of `of`, and the largest: its name and count. */
  categoriesSummary(pages: number, withPages: number, of: number, largest: string, count: number): string;
}

export interface CompareMessages {
  /** The first line: the site compared (the later run's address). */
  heading(site: string): string;
  before: string;
  after: string;
  /** "52,3 · Intermedio · 2026-01-10 · comune-audit 0.1.0": the parts already formatted, absent ones left out. */
  sideLine(label: string, parts: string[]): string;
  indexLine(before: string, after: string, change: string): string;
  improved(count: number): string;
  regressed(count: number): string;
  notComparable(count: number): string;
  unchanged(count: number): string;
  pointsChanged: string;
  nothingChanged: string;
  /** Why a check cannot be compared. */
  newCheck: string;
  droppedCheck: string;
  /** A run could not decide the check (unknown or error): before → after status words are given. */
  undecided(before: string, after: string): string;
  /** The site could not be audited in a run: which ("nel report di prima") and the fetch error's message. */
  unreachable(which: string, message: string): string;
  inBefore: string;
  inAfter: string;
  lost(place: string): string;
  gained(place: string): string;
  /** More evidence places than shown. */
  morePlaces(count: number): string;
}

const MESSAGES: Record<Lang, Messages> = { it, en };

export function messages(lang: Lang): Messages {
  return MESSAGES[lang];
}
