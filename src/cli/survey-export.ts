// `comune-audit survey export <store> -o file.csv|.jsonl|.xlsx`: one row per comune of a run (the last by default).
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { CliError, EXIT, type ExitCode } from './errors.js';
import { checkOutputPaths } from './output.js';
import { messages, type Lang } from '../report/i18n/index.js';

export const EXPORT_FORMATS = ['csv', 'jsonl', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface SurveyExportOptions {
  output: string;
  format?: ExportFormat;
  run?: number;
  bom: boolean;
  csvSeparator?: 'comma' | 'semicolon';
  /** --csv-ids: the column ids as headers in Italian too. */
  csvIds?: boolean;
  lang: Lang;
}

const BY_EXTENSION: Record<string, ExportFormat> = { '.csv': 'csv', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.xlsx': 'xlsx' };

export async function runSurveyExport(path: string, options: SurveyExportOptions, stderr: NodeJS.WriteStream): Promise<ExitCode> {
  const format = options.format ?? BY_EXTENSION[extname(options.output).toLowerCase()];
  if (!format) throw new CliError((m) => m.cli.oneOf('--format', EXPORT_FORMATS.join(', '), extname(options.output) || options.output), EXIT.usage);
  if (!existsSync(path)) throw new CliError((m) => m.survey.cannotOpenStore(path, 'ENOENT'), EXIT.io);
  await checkOutputPaths([{ option: '-o', path: options.output }]);
  const [{ SurveyStore }, { exportRows }, { writeSurveyExport }] = await Promise.all([import('../survey/store.js'), import('../survey/rows.js'), import('../survey/export/index.js')]);
  const store = SurveyStore.open(path, { create: false });
  try {
    const runs = store.runs();
    if (!runs.length) throw new CliError((m) => m.survey.noRun(path), EXIT.usage);
    const run = options.run === undefined ? runs[runs.length - 1] : runs.find((candidate) => candidate.id === options.run);
    if (!run) throw new CliError((m) => m.survey.unknownRun(path, options.run as number, runs.map((r) => r.id).join(', ')), EXIT.usage);
    const separator = options.csvSeparator === 'semicolon' ? ';' : ',';
    const rows = await writeSurveyExport(exportRows(store, run.id, options.lang), format, options.output, { bom: options.bom, separator, lang: options.lang, ids: options.csvIds });
    stderr.write(`comune-audit: ${messages(options.lang).survey.exported(options.output, rows)}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
