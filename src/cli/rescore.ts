// `comune-audit rescore <site.crawl.gz>`: classification, rules and scoring run again on a crawl kept with
// `audit --save-crawl`, with the audit's report and gate options; no request is made.
import { Option, type Command } from 'commander';
import type { ExitCode } from './errors.js';
import { langOption, oneOf, percentage } from './options.js';
import { commaList, deliverReport, extensionList, prepareDelivery, FORMATS, type AuditIo, type DeliveryOptions } from './audit.js';
import { readCrawlFile } from './crawl-file.js';
import { loadClassifierOrExit, type ModelOptions } from './models.js';
import type { HelpMessages } from '../report/i18n/index.js';

type RescoreCliOptions = Omit<DeliveryOptions, 'singlePage' | 'progress'> & ModelOptions & { classify: boolean };

export async function runRescore(path: string, options: RescoreCliOptions, io: AuditIo = { stdout: process.stdout, stderr: process.stderr }): Promise<ExitCode> {
  const saved = await readCrawlFile(path);
  const delivery = { ...options, singlePage: saved.singlePage, progress: false };
  const prepared = await prepareDelivery(delivery, io);
  const { rescoreCrawl } = await import('../assess.js');
  const classifier = options.classify ? await loadClassifierOrExit(options) : null;
  const report = rescoreCrawl(saved.crawl, saved.pages, {
    singlePage: saved.singlePage,
    pageType: saved.pageType,
    classify: classifier?.classifySite,
    browser: saved.browser,
  });
  return deliverReport(report, delivery, io, prepared);
}

export function register(program: Command, help: HelpMessages): void {
  const text = help.auditOptions;
  program
    .command('rescore')
    .description(help.rescore.description)
    .argument('<file>', help.rescore.file)
    .option('-f, --format <format>', text.format(FORMATS.join(' | '), extensionList()), oneOf('--format', FORMATS))
    .option('-o, --output <file>', text.output)
    .option('--pages-csv <file>', text.pagesCsv)
    .addOption(langOption(text.lang))
    .option('--bom', text.bom, false)
    .addOption(new Option('--csv-separator <sep>', text.csvSeparator).argParser(oneOf('--csv-separator', ['comma', 'semicolon'] as const)))
    .option('--csv-ids', text.csvIds, false)
    .option('--no-classify', text.noClassify)
    .option('--model <file>', help.classify.model)
    .option('--topic-model <file>', help.classify.topicModel)
    .option('--no-timing', text.noTiming)
    .option('--fail-under <index>', text.failUnder, percentage('--fail-under'))
    .option('--fail-on <ids>', text.failOn, commaList)
    .option('--baseline <report.json>', text.baseline)
    .action(async (file: string, options: RescoreCliOptions) => {
      process.exitCode = await runRescore(file, options);
    });
}
