// `comune-audit eval --data …`: cross-validated quality of the classifier on labelled records.
import type { Command } from 'commander';
import { CliError, EXIT } from './errors.js';
import type { HelpMessages } from '../report/i18n/index.js';
import { positiveInt } from './options.js';
import { readTrainingFiles } from './train.js';
import type { EvalReport } from '../classify/index.js';

export interface EvalCliOptions {
  data: string[];
  folds: number;
  json?: boolean;
}

/** Runs stratified k-fold and, when records carry a site, leave-one-site-out; returns the text it prints. */
export async function runEval(options: EvalCliOptions, io: { stdout: { write(chunk: string): unknown } } = { stdout: process.stdout }): Promise<{ text: string; reports: EvalReport[] }> {
  if (!Number.isInteger(options.folds) || options.folds < 2) throw new CliError((m) => m.folds(String(options.folds)), EXIT.usage);
  const { evaluate, formatEvalReport } = await import('../classify/index.js');
  const records = await readTrainingFiles(options.data);
  if (records.length < options.folds) {
    throw new CliError((m) => m.tooFewRecords(records.length, options.folds), EXIT.io);
  }
  const reports = [evaluate(records, { folds: options.folds })];
  if (new Set(records.map((r) => r.site).filter(Boolean)).size >= 2) reports.push(evaluate(records, { byLeaveOneSite: true }));
  const text = options.json
    ? `${JSON.stringify(reports, null, 2)}\n`
    : `${reports.map((report) => formatEvalReport(report).join('\n')).join('\n\n')}\n`;
  io.stdout.write(text);
  return { text, reports };
}

export function register(program: Command, help: HelpMessages): void {
  const text = help.eval;
  program
    .command('eval')
    .description(text.description)
    .requiredOption('--data <files...>', text.data)
    .option('--folds <n>', text.folds, positiveInt('--folds'), 5)
    .option('--json', text.json, false)
    .action(async (options: EvalCliOptions) => {
      await runEval(options);
    });
}
