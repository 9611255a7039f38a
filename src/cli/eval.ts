// `comune-audit eval --data …`: cross-validated quality of the classifier on labelled records.
import type { Command } from 'commander';
import { CliError, EXIT } from './errors.js';
import { messages, type HelpMessages, type Lang, type Messages } from '../report/i18n/index.js';
import { formatDecimal } from '../report/common.js';
import { langOption, wholeNumber } from './options.js';
import { loadClassifierOrExit, type ModelOptions } from './models.js';
import { readTrainingFiles } from './train.js';
import type { EvalReport } from '../classify/index.js';
import type { ReliabilityBin } from '../classify/evaluate.js';
import type { TopicCalibration, TopicEvalReport } from '../classify/topics-eval.js';
import type { CategoryId } from '../types.js';

export interface EvalCliOptions extends ModelOptions {
  data?: string[];
  folds: number;
  json?: boolean;
  /** Train every fold on the shipped corpus too (leave-one-site-out only; the records are only tested). */
  withCorpus?: boolean;
  /** Evaluate the topic tagger instead: leave-one-site-out on the shipped topic corpus, or the topic model on --data. */
  topics?: boolean;
  /** Language of the text report (default it); --json is the same in both. */
  lang?: Lang;
}

/** The topic scores' calibration error and its bins (the reliability table it is computed from). */
function topicCalibrationLines(calibration: TopicCalibration, m: Messages): string[] {
  const text = m.classifier;
  const decimal = (value: number, digits: number): string => formatDecimal(value, digits, m);
  const column = text.topicCalibrationColumn;
  const lines = [
    text.topicEvalCalibration(decimal(calibration.expectedCalibrationError, 3), calibration.pairs),
    text.topicEvalCalibrationFromOneTenth(
      decimal(calibration.fromOneTenth.expectedCalibrationError, 3),
      calibration.fromOneTenth.pairs,
      decimal(calibration.fromOneTenth.samplingCalibrationError, 3),
    ),
    `  ${column.score.padEnd(9)} ${column.pairs.padStart(7)} ${column.meanScore.padStart(12)} ${column.shareTrue.padStart(12)}`,
  ];
  for (const bin of calibration.bins) {
    lines.push(`  ${`${decimal(bin.from, 1)}–${decimal(bin.to, 1)}`.padEnd(9)} ${String(bin.pairs).padStart(7)} ${decimal(bin.meanScore, 3).padStart(12)} ${decimal(bin.shareTrue, 3).padStart(12)}`);
  }
  return lines;
}

/** Printable lines of a topic report: summary, calibration and per-topic table. */
export function formatTopicEvalReport(report: TopicEvalReport, m: Messages): string[] {
  const text = m.classifier;
  const decimal = (value: number): string => formatDecimal(value, 3, m);
  const pct = (value: number): string => formatDecimal(value * 100, 1, m).padStart(5);
  const column = text.column;
  const lines = [
    text.topicEvalHeading(report.form, report.sites, report.pages, report.method),
    text.topicEvalSummary(decimal(report.microF1), decimal(report.macroF1), decimal(report.microPrecision), decimal(report.microRecall)),
    text.topicEvalEmpty(report.emptyRight, report.emptyPages),
    ...(report.calibration ? topicCalibrationLines(report.calibration, m) : []),
    '',
    `${text.topicColumn.padEnd(28)} ${column.precision.padStart(5)} ${column.recall.padStart(5)} ${column.f1.padStart(5)} ${column.support.padStart(5)}`,
  ];
  for (const t of report.perTopic) lines.push(`${t.topic.padEnd(28)} ${pct(t.precision)} ${pct(t.recall)} ${pct(t.f1)} ${String(t.support).padStart(5)}`);
  return lines;
}

/** A given model is scored as it is: it needs records to score, and --with-corpus (retraining) does not apply. */
function checkGivenModel(options: Pick<EvalCliOptions, 'data' | 'withCorpus'>): void {
  if (!options.data?.length) throw new CliError((m) => m.cli.evalModelNeedsData, EXIT.usage);
  if (options.withCorpus) throw new CliError((m) => m.cli.evalModelWithCorpus, EXIT.usage);
}

/**
 * `eval --topics`: leave-one-site-out on the shipped topic corpus, one report per form of the pages; with --data, the
 * topic model (--topic-model, by default the shipped one) scored as it is on those records.
 */
export async function runTopicEval(
  options: Pick<EvalCliOptions, 'json' | 'lang' | 'data' | 'topicModel' | 'withCorpus'>,
  io: { stdout: { write(chunk: string): unknown } } = { stdout: process.stdout },
): Promise<{ text: string; reports: TopicEvalReport[] }> {
  const { readTopicCorpus, readTopicFile, pageSites } = await import('../classify/topics-train.js');
  const { evaluateTopics, evaluateTopicModel } = await import('../classify/topics-eval.js');
  let reports: TopicEvalReport[];
  if (options.data?.length || options.topicModel !== undefined) {
    checkGivenModel(options);
    // The model first: a bad file is named before the records are read. Loaded once per path, then read from the cache.
    await loadClassifierOrExit({ topicModel: options.topicModel });
    const { loadTopicModel } = await import('../classify/topics.js');
    const records = await readTrainingFiles(options.data!, readTopicFile);
    if (records.length === 0) throw new CliError((m) => m.cli.noDataRecords, EXIT.io);
    reports = evaluateTopicModel(loadTopicModel(options.topicModel), records);
  } else {
    const records = readTopicCorpus();
    reports = evaluateTopics(records, pageSites(records));
  }
  const m = messages(options.lang ?? 'it');
  const text = options.json ? `${JSON.stringify(reports, null, 2)}\n` : `${reports.map((report) => formatTopicEvalReport(report, m).join('\n')).join('\n\n')}\n`;
  io.stdout.write(text);
  return { text, reports };
}

/** The reliability table: per confidence bin, the answers, their mean confidence and the share right. */
export function reliabilityLines(bins: readonly ReliabilityBin[], m: Messages): string[] {
  const decimal = (value: number, digits: number): string => formatDecimal(value, digits, m);
  const column = m.classifier.reliabilityColumn;
  return [
    m.classifier.evalReliability,
    `  ${column.confidence.padEnd(10)} ${column.answers.padStart(8)} ${column.meanConfidence.padStart(10)} ${column.accuracy.padStart(8)}`,
    ...bins.map(
      (bin) =>
        `  ${`${decimal(bin.from, 1)}–${decimal(bin.to, 1)}`.padEnd(10)} ${String(bin.count).padStart(8)} ${decimal(bin.meanConfidence, 3).padStart(10)} ${decimal(bin.accuracy, 3).padStart(8)}`,
    ),
  ];
}

/** Short label for confusion-matrix columns: the slug's first three letters ("anagrafe-stato-civile" → "ana"), all distinct. */
const shortLabel = (id: CategoryId): string => id.slice(0, 3);

/** Printable lines: summary, per-category table, confusion matrix. */
export function formatEvalReport(report: EvalReport, m: Messages): string[] {
  const text = m.classifier;
  const decimal = (value: number): string => formatDecimal(value, 3, m);
  const pct = (value: number): string => formatDecimal(value * 100, 1, m).padStart(5);
  const column = text.column;
  const lines = [
    text.evalHeading(report.method, report.folds, report.documents),
    ...(report.alone ? [text.evalAlone] : []),
    text.evalSummary(decimal(report.macroF1), decimal(report.accuracy), decimal(report.expectedCalibrationError)),
    text.evalCalibration(
      decimal(report.brierScore),
      decimal(report.logLoss),
      formatDecimal(report.confident.share * 100, 1, m),
      formatDecimal(report.confident.accuracy * 100, 1, m),
      decimal(report.samplingCalibrationError),
    ),
    text.evalSubjectToAltro(formatDecimal(report.subjectToAltro * 100, 1, m)),
    text.evalAltro(report.altro.answers, decimal(report.altro.meanConfidence), formatDecimal(report.altro.accuracy * 100, 1, m)),
    text.evalTargets(report.macroF1 >= 0.8, report.subjectToAltro <= 0.1, report.expectedCalibrationError <= 0.05),
    ...reliabilityLines(report.reliability, m),
    '',
    `${column.category.padEnd(32)} ${column.precision.padStart(5)} ${column.recall.padStart(5)} ${column.f1.padStart(5)} ${column.support.padStart(5)}`,
  ];
  for (const s of report.perCategory) {
    lines.push(`${s.category.padEnd(32)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.support).padStart(5)}`);
  }
  const { labels, matrix } = report.confusion;
  lines.push('', text.confusionMatrix, `${''.padEnd(6)}${labels.map((l) => shortLabel(l).padStart(5)).join('')}`);
  labels.forEach((label, r) => {
    if (matrix[r].every((v) => v === 0)) return;
    lines.push(`${shortLabel(label).padEnd(6)}${matrix[r].map((v) => String(v).padStart(5)).join('')}`);
  });
  return lines;
}

/** Runs stratified k-fold and, when records carry a site, leave-one-site-out; returns the text it prints. */
export async function runEval(options: EvalCliOptions, io: { stdout: { write(chunk: string): unknown } } = { stdout: process.stdout }): Promise<{ text: string; reports: EvalReport[] }> {
  if (options.model !== undefined) return runModelEval(options, io);
  if (!options.data?.length) throw new CliError((m) => m.cli.evalNeedsData, EXIT.usage);
  if (!Number.isInteger(options.folds) || options.folds < 2) throw new CliError((m) => m.cli.folds(String(options.folds)), EXIT.usage);
  const { evaluate, evaluateBoth, CORPUS_FILES } = await import('../classify/index.js');
  const records = await readTrainingFiles(options.data);
  if (records.length < options.folds) {
    throw new CliError((m) => m.cli.tooFewRecords(records.length, options.folds), EXIT.io);
  }
  let reports: EvalReport[];
  if (options.withCorpus) {
    // Whole pages scored against the shipped corpus, never with their own site in training.
    const background = await readTrainingFiles([...CORPUS_FILES]);
    // Then each page alone: what a single scraped page given to `classify` gets (no batch to learn furniture from).
    const { batch, alone } = evaluateBoth(records, { byLeaveOneSite: true, background });
    reports = [batch, alone];
  } else {
    reports = [evaluate(records, { folds: options.folds })];
    if (new Set(records.map((r) => r.site).filter(Boolean)).size >= 2) reports.push(evaluate(records, { byLeaveOneSite: true }));
  }
  return printEvalReports(reports, options, io);
}

/** `eval --model FILE --data …`: the given model scored as it is, each site's records in a batch, then each alone. */
async function runModelEval(options: EvalCliOptions, io: { stdout: { write(chunk: string): unknown } }): Promise<{ text: string; reports: EvalReport[] }> {
  checkGivenModel(options);
  const classifier = await loadClassifierOrExit({ model: options.model });
  const { evaluateClassifier } = await import('../classify/evaluate.js');
  const records = await readTrainingFiles(options.data!);
  if (records.length === 0) throw new CliError((m) => m.cli.noDataRecords, EXIT.io);
  const { batch, alone } = evaluateClassifier(classifier, records);
  return printEvalReports([batch, alone], options, io);
}

function printEvalReports(reports: EvalReport[], options: EvalCliOptions, io: { stdout: { write(chunk: string): unknown } }): { text: string; reports: EvalReport[] } {
  const m = messages(options.lang ?? 'it');
  const text = options.json
    ? `${JSON.stringify(reports, null, 2)}\n`
    : `${reports.map((report) => formatEvalReport(report, m).join('\n')).join('\n\n')}\n`;
  io.stdout.write(text);
  return { text, reports };
}

export function register(program: Command, help: HelpMessages): void {
  const text = help.eval;
  program
    .command('eval')
    .description(text.description)
    .option('--data <files...>', text.data)
    .option('--folds <n>', text.folds, wholeNumber('--folds', 2), 5)
    .option('--json', text.json, false)
    .option('--with-corpus', text.withCorpus, false)
    .option('--topics', text.topics, false)
    .option('--model <file>', text.model)
    .option('--topic-model <file>', text.topicModel)
    .addOption(langOption(help.messagesLang))
    .action(async (options: EvalCliOptions) => {
      await (options.topics ? runTopicEval(options) : runEval(options));
    });
}
