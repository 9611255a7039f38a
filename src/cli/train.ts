// `comune-audit train`: a classifier model from labelled files and/or the self-labelled service pages of a site.
import type { Command } from 'commander';
import { CliError, EXIT } from './errors.js';
import { messages, type HelpMessages, type Lang } from '../report/i18n/index.js';
import { formatDecimal } from '../report/common.js';
import { checkOutputPaths, writeOutput } from './output.js';
import { langOption, wholeNumber } from './options.js';
import type { LabelledRecord } from '../classify/index.js';
import type { SiteFacts } from '../types.js';
import { compareCodeUnits } from '../util/compare.js';

export interface TrainCliOptions {
  data?: string[];
  output: string;
  fromCrawl?: string;
  /** Add the shipped corpus (data/classifier/*.jsonl, CORPUS_FILES) before the other records. */
  withCorpus?: boolean;
  maxPages?: number;
  /** Also write the harvested records as JSONL, to review or reuse with --data. */
  saveHarvest?: string;
  /** Train even when the records leave some categories out (the model can then never choose them). */
  allowMissingCategories?: boolean;
  /** Train the topic model (data/topics corpus) instead of the category model. */
  topics?: boolean;
  /** Language of the lines printed on stderr (default it). */
  lang?: Lang;
}

/**
 * `train --topics`: the topic tagger from the shipped topic corpus (data/topics/README.md); with --data, from those
 * records instead, or besides the corpus with --with-corpus.
 */
async function trainTopics(options: TrainCliOptions, io: { stderr: { write(chunk: string): unknown } }): Promise<string[]> {
  await checkOutputPaths([{ option: '-o', path: options.output }]);
  const { readTopicCorpus, readTopicFile, trainTopicModel, serialiseTopicModel, topicsWithoutExample, pageSites } = await import('../classify/topics-train.js');
  const m = messages(options.lang ?? 'it');
  const files = options.data ?? [];
  const records = [...(files.length === 0 || options.withCorpus ? readTopicCorpus() : []), ...(await readTrainingFiles(files, readTopicFile))];
  if (records.length === 0) throw new CliError((m) => m.cli.noDataRecords, EXIT.io);
  const lines: string[] = [];
  const missing = topicsWithoutExample(records);
  if (missing.length > 0) lines.push(m.classifier.topicsWithoutExample(missing.length, missing.join(', ')));
  // Calibration and threshold are fitted on whole pages of held-out sites: with fewer than two, neither can be.
  if (pageSites(records).length < 2) lines.push(m.classifier.topicsNotCalibrated);
  const started = performance.now();
  const model = trainTopicModel(records);
  const text = serialiseTopicModel(model);
  await writeOutput(options.output, text);
  const seconds = formatDecimal((performance.now() - started) / 1000, 2, m);
  const threshold = formatDecimal(model.threshold, 2, m);
  lines.push(m.classifier.topicModelWritten(options.output, records.length, Object.keys(model.vocabulary).length, threshold, Math.round(text.length / 1024), seconds));
  for (const line of lines) io.stderr.write(`${line}\n`);
  return lines;
}

/** Service pages that name their own category (breadcrumb "Servizi › <category>" or one service-category-link). */
export async function harvestLabelledPages(site: SiteFacts): Promise<LabelledRecord[]> {
  const { classifierInput, declaredCategoryOf } = await import('../classify/index.js');
  const records: LabelledRecord[] = [];
  for (const page of site.pages) {
    if (page.error || page.status >= 400) continue;
    const category = declaredCategoryOf(page);
    if (category === null) continue;
    // The same input the classifier sees at audit time: page furniture and widget text left out.
    const input = classifierInput(page);
    records.push({
      category,
      title: input.title,
      headings: input.headings,
      breadcrumb: (input.breadcrumb ?? []).filter((crumb) => !/^home$/i.test(crumb.trim())),
      text: input.text,
      site: site.host,
      source: page.finalUrl || page.url,
    });
  }
  return records.sort((a, b) => compareCodeUnits(a.source!, b.source!));
}

/** Reads labelled files (category records unless another reader is given); a malformed file is an I/O error naming the file and line. */
export async function readTrainingFiles(paths: string[]): Promise<LabelledRecord[]>;
export async function readTrainingFiles<T>(paths: string[], read: (path: string) => T[]): Promise<T[]>;
export async function readTrainingFiles(paths: string[], read?: (path: string) => unknown[]): Promise<unknown[]> {
  const { readLabelledFile, ClassifierDataError } = await import('../classify/index.js');
  const records: unknown[] = [];
  for (const path of paths) {
    try {
      records.push(...(read ?? readLabelledFile)(path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code) throw new CliError((m) => m.classifier.cannotReadTrainingFile(path, code), EXIT.io);
      if (error instanceof ClassifierDataError) throw new CliError((m, lang) => m.cli.badTrainingFile(error.text[lang]), EXIT.io);
      throw new CliError((m) => m.cli.badTrainingFile((error as Error).message), EXIT.io);
    }
  }
  return records;
}

/** Trains and writes the model; returns the summary lines it prints to stderr. */
export async function runTrain(options: TrainCliOptions, io: { stderr: { write(chunk: string): unknown } } = { stderr: process.stderr }): Promise<string[]> {
  if (options.topics) return trainTopics(options, io);
  if (!options.data?.length && !options.fromCrawl && !options.withCorpus) {
    throw new CliError((m) => m.cli.trainNeedsData, EXIT.usage);
  }
  // Before reading or crawling anything: a wrong path should not cost a crawl.
  await checkOutputPaths([
    { option: '-o', path: options.output },
    { option: '--save-harvest', path: options.saveHarvest },
  ]);
  const { trainModel, serialiseModel, CORPUS_FILES, CATEGORY_IDS } = await import('../classify/index.js');
  const m = messages(options.lang ?? 'it');
  const records: LabelledRecord[] = [];
  if (options.withCorpus) records.push(...(await readTrainingFiles([...CORPUS_FILES])));
  records.push(...(await readTrainingFiles(options.data ?? [])));
  const lines: string[] = [];
  if (options.fromCrawl) {
    const { collectSite } = await import('../pipeline.js');
    const { crawl, site } = await collectSite(options.fromCrawl, { crawl: { maxPages: options.maxPages ?? 300 } });
    if (crawl.fatal || site.pages.length === 0 || site.pages[0].error) {
      // A crawl that could not start has its reason in `fatal` and no pages.
      const reason = crawl.fatal?.message ?? site.pages[0]?.error?.message ?? { it: 'nessuna pagina scaricata', en: 'no page fetched' };
      throw new CliError((m) => m.cli.cannotCrawl(String(options.fromCrawl), reason), EXIT.siteUnavailable);
    }
    const harvested = await harvestLabelledPages(site);
    lines.push(m.classifier.harvested(options.fromCrawl, site.pages.length, harvested.length));
    if (options.saveHarvest) await writeOutput(options.saveHarvest, harvested.map((r) => `${JSON.stringify(r)}\n`).join(''));
    records.push(...harvested);
  }
  if (records.length === 0) {
    throw new CliError((m) => m.cli.noRecords, EXIT.io);
  }
  // A self-labelled crawl usually covers a handful of categories: a model trained on it alone would put every page
  // into one of those (a culture event into anagrafe-stato-civile), so it is refused unless asked for.
  const covered = new Set(records.map((record) => record.category));
  const missing = CATEGORY_IDS.filter((id) => !covered.has(id)).join(', ');
  if (missing !== '') {
    if (!options.allowMissingCategories) throw new CliError((m) => m.cli.missingCategories(missing), EXIT.io);
    lines.push(m.classifier.missingCategoriesAllowed(missing));
  }
  const started = performance.now();
  const model = trainModel(records);
  const text = serialiseModel(model);
  await writeOutput(options.output, text);
  const perCategory = new Map<string, number>();
  for (const record of records) perCategory.set(record.category, (perCategory.get(record.category) ?? 0) + 1);
  const seconds = formatDecimal((performance.now() - started) / 1000, 2, m);
  lines.push(
    m.classifier.trainedOn(records.length, [...perCategory].sort().map(([c, n]) => `${c} ${n}`).join(', ')),
    m.classifier.modelWritten(options.output, Object.keys(model.vocabulary).length, String(model.temperature).replace('.', m.decimalSeparator), Math.round(text.length / 1024), seconds),
  );
  for (const line of lines) io.stderr.write(`${line}\n`);
  return lines;
}

export function register(program: Command, help: HelpMessages): void {
  const text = help.train;
  program
    .command('train')
    .description(text.description)
    .option('--data <files...>', text.data)
    .requiredOption('-o, --output <file>', text.output)
    .option('--from-crawl <url>', text.fromCrawl)
    .option('--with-corpus', text.withCorpus, false)
    .option('--max-pages <n>', text.maxPages, wholeNumber('--max-pages', 1), 300)
    .option('--save-harvest <file>', text.saveHarvest)
    .option('--allow-missing-categories', text.allowMissingCategories, false)
    .option('--topics', text.topics, false)
    .addOption(langOption(help.messagesLang))
    .action(async (options: TrainCliOptions) => {
      await runTrain(options);
    });
}
