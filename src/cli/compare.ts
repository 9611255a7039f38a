// `comune-audit compare prima.json dopo.json`: what improved and what regressed between two audits of one site.
import { extname } from 'node:path';
import type { Command } from 'commander';
import { CliError, EXIT } from './errors.js';
import { langOption, oneOf } from './options.js';
import { checkOutputPaths, writeOutput } from './output.js';
import type { HelpMessages, Lang } from '../report/i18n/index.js';

export const COMPARE_FORMATS = ['terminal', 'json', 'csv'] as const;
type CompareFormat = (typeof COMPARE_FORMATS)[number];

const FORMAT_BY_EXTENSION: Record<string, CompareFormat> = { '.json': 'json', '.csv': 'csv', '.txt': 'terminal' };

export interface CompareCliOptions {
  format?: CompareFormat;
  output?: string;
  lang: Lang;
  bom: boolean;
  /** --csv-ids: ids for CSV headers and coded values in Italian too. */
  csvIds?: boolean;
}

/** -f, else what -o's extension says, else terminal; an -o extension that names no format is a usage error. */
function formatFor(options: CompareCliOptions): CompareFormat {
  if (options.format) return options.format;
  if (options.output === undefined) return 'terminal';
  const extension = extname(options.output).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (!format) {
    const known = Object.entries(FORMAT_BY_EXTENSION).map(([ext, name]) => `${ext} (${name})`).join(', ');
    throw new CliError((m) => m.cli.unknownExtension(options.output!, extension || '""', known, COMPARE_FORMATS.join(', ')), EXIT.usage);
  }
  return format;
}

/** Reads both reports, compares them and writes the comparison; exit code 0: a comparison is not a gate (that is audit --baseline). */
export async function runCompare(beforePath: string, afterPath: string, options: CompareCliOptions, stdout: NodeJS.WritableStream = process.stdout): Promise<void> {
  const format = formatFor(options);
  await checkOutputPaths([{ option: '-o', path: options.output }]);
  const [{ compareReports, readReportFile }, report] = await Promise.all([import('../compare/index.js'), import('../report/compare.js')]);
  const [before, after] = await Promise.all([readReportFile(beforePath), readReportFile(afterPath)]);
  const comparison = compareReports(before, after);
  const text =
    format === 'json'
      ? report.renderComparisonJson(comparison)
      : format === 'csv'
        ? report.renderComparisonCsv(comparison, { lang: options.lang, bom: options.bom, ids: options.csvIds })
        : report.renderComparisonText(comparison, options.lang);
  if (options.output) await writeOutput(options.output, text);
  else stdout.write(text);
}

export function register(program: Command, help: HelpMessages): void {
  const compareHelp = help.compare;
  program
    .command('compare')
    .description(compareHelp.description)
    .argument('<before.json>', compareHelp.before)
    .argument('<after.json>', compareHelp.after)
    .option('-f, --format <format>', compareHelp.format, oneOf('--format', COMPARE_FORMATS))
    .option('-o, --output <file>', compareHelp.output)
    .addOption(langOption(help.messagesLang))
    .option('--bom', help.auditOptions.bom, false)
    .option('--csv-ids', help.auditOptions.csvIds, false)
    .action(async (before: string, after: string, options: CompareCliOptions) => {
      await runCompare(before, after, options);
    });
}
