// Whole pages in every form, leave-one-site-out against the corpus, for the price of one training per held-out site
// (or template family): each site's pages are scored as parsed HTML, scraped with the <head> (title first) and scraped
// from the body only (no title), joined by newlines and by spaces, in a batch (the site's learned furniture removed)
// and each page alone. `node dist/bench/classifier-forms.js [--by-family] [--errors]`; `npm run bench` prints the same.
import { fileURLToPath } from 'node:url';
import {
  CORPUS_FILES,
  readLabelledFile,
  scoreOutcomes,
  stripSiteFurniture,
  trainModel,
  withScrapedTitle,
  type EvalReport,
  type LabelledRecord,
  type Outcome,
} from '../src/classify/index.js';
import { DEFAULT_CALIBRATOR, DEFAULT_LEARNER, classifyCompiled, compileModel, type Calibrator, type Learner } from '../src/classify/model.js';

/** What a row of the table was trained with: the shipped learner and calibrator unless a comparison asks for others. */
export interface Training {
  learner: Learner;
  calibrator: Calibrator;
}

const SHIPPED: Training = { learner: DEFAULT_LEARNER, calibrator: DEFAULT_CALIBRATOR };
import { flattenedRecord, labelledPages, parsedRecord, type LabelledPage } from './classifier-sets.js';

/** Template families written after the model was tuned (their first-sight figure is in docs/classifier.md). */
export const LATER_FAMILIES = new Set(['halley', 'joomla']);
/** The families written in session 7 (docs/classifier.md, "First sight, session 7"). */
export const SESSION7_FAMILIES = new Set(['aspnet', 'itpage', 'asp']);
/** The family written in session 8 (docs/classifier.md, "First sight, session 8"). */
export const SESSION8_FAMILIES = new Set(['areeportal']);
/** The families written in session 9 (docs/classifier.md, "First sight, session 9"). */
export const SESSION9_FAMILIES = new Set(['wpblog', 'k2guida', 'isweb']);

/** The evaluation sets: real-style fixtures (first five families), the later families, session 7's, 8's and 9's, the demo site, Modello Comuni. */
export function setOf(page: LabelledPage): string {
  if (page.site === 'demo-site') return 'demo site';
  if (page.site === 'modello-comuni') return 'Modello Comuni';
  if (SESSION7_FAMILIES.has(page.family)) return 'session 7';
  if (SESSION8_FAMILIES.has(page.family)) return 'session 8';
  if (SESSION9_FAMILIES.has(page.family)) return 'session 9';
  return LATER_FAMILIES.has(page.family) ? 'later families' : 'real-style sites';
}
const SETS = ['real-style sites', 'later families', 'session 7', 'session 8', 'session 9', 'demo site', 'Modello Comuni'];

/** The forms a page reaches the classifier in. */
export const FORMS: [string, (page: LabelledPage) => LabelledRecord][] = [
  ['HTML', parsedRecord],
  ['scraped, lines', (page) => flattenedRecord(page, '\n')],
  ['scraped, spaces', (page) => flattenedRecord(page, ' ')],
  ['body, lines', (page) => flattenedRecord(page, '\n', true)],
  ['body, spaces', (page) => flattenedRecord(page, ' ', true)],
];

/** One row of the table: a form (in a batch or alone) on one set, or on every set pooled (`set` = POOLED). */
export interface FormRow {
  form: string;
  alone: boolean;
  set: string;
  report: EvalReport;
}

/** The pooled rows' set: every site's pages of a form, each scored by the model trained without its site. */
export const POOLED = 'all sets';

/**
 * The rows of every form and set, the pooled rows (a form on all sets together: many more pages, so a lower sampling
 * floor, and the figure that answers "is a 0.95 right 95% of the time on pages of sites never seen"), and every
 * answer of every form pooled (not independent: each page is answered ten times) for the reliability table.
 */
export interface FormTable {
  rows: FormRow[];
  pooled: FormRow[];
  everyForm: EvalReport;
}

/** One training per held-out group, every form scored in a batch and alone. `errors` collects the misread pages. */
export function allForms(corpus: LabelledRecord[], byFamily = false, errors?: string[], training: Training = SHIPPED): FormTable {
  const pages = labelledPages();
  const groupOf = (page: LabelledPage): string => (byFamily ? page.family : page.site);
  const corpusGroup = new Map(pages.map((page) => [page.site, groupOf(page)]));
  const outcomes = new Map<string, Outcome[]>();
  const add = (key: string, outcome: Outcome): void => {
    const list = outcomes.get(key);
    if (list) list.push(outcome);
    else outcomes.set(key, [outcome]);
  };
  for (const group of [...new Set(pages.map(groupOf))].sort()) {
    const held = pages.filter((page) => groupOf(page) === group);
    const train = corpus.filter((record) => record.site === undefined || (corpusGroup.get(record.site) ?? record.site) !== group);
    const compiled = compileModel(trainModel(train, training));
    for (const [form, toRecord] of FORMS) {
      const records = held.map(toRecord);
      const batch = stripSiteFurniture(records.map(withScrapedTitle));
      for (const [alone, inputs] of [[false, batch], [true, records]] as const) {
        inputs.forEach((record, i) => {
          const result = classifyCompiled(compiled, record, undefined, alone);
          add(`${form}|${alone}|${setOf(held[i])}`, { truth: record.category, predicted: result.category, confidence: result.confidence });
          if (errors && result.category !== record.category) {
            errors.push(`${form}${alone ? ' alone' : ''}\t${held[i].site}/${held[i].path}\t${record.category} → ${result.category} ${result.confidence}`);
          }
        });
      }
    }
  }
  const rows: FormRow[] = [];
  const pooled: FormRow[] = [];
  for (const alone of [false, true]) {
    for (const [form] of FORMS) {
      const lists = SETS.map((set) => outcomes.get(`${form}|${alone}|${set}`) ?? []);
      SETS.forEach((set, i) => rows.push({ form, alone, set, report: scoreOutcomes(lists[i], 'leave-one-site-out', 1) }));
      pooled.push({ form, alone, set: POOLED, report: scoreOutcomes(lists.flat(), 'leave-one-site-out', 1) });
    }
  }
  return { rows, pooled, everyForm: scoreOutcomes([...outcomes.values()].flat(), 'leave-one-site-out', 1) };
}

/** A row's figures: quality, then calibration (ECE beside the ECE exact confidences would show on as many pages, mean confidence beside accuracy). */
export function formatRow(label: string, set: string, report: EvalReport): string {
  return `  ${label.padEnd(22)} ${set.padEnd(16)} ${String(report.documents).padStart(4)} pages  macro-F1 ${report.macroF1.toFixed(3)}  accuracy ${report.accuracy.toFixed(3)}  in altro ${(report.subjectToAltro * 100).toFixed(1).padStart(4)}%  ECE ${report.expectedCalibrationError.toFixed(3)} (floor ${report.samplingCalibrationError.toFixed(3)})  conf. ${report.meanConfidence.toFixed(3)}  Brier ${report.brierScore.toFixed(3)}`;
}

/** The reliability table and the `altro` answers of a pooled report. */
export function formatReliability(report: EvalReport): string[] {
  const { altro } = report;
  return [
    `  reliability: confidence bin, answers, mean confidence, share right${report.reliability.length === 0 ? ' (no answers)' : ''}`,
    ...report.reliability.map((bin) => `    ${bin.from.toFixed(1)}–${bin.to.toFixed(1)} ${String(bin.count).padStart(6)}  ${bin.meanConfidence.toFixed(3)}  ${bin.accuracy.toFixed(3)}`),
    `  answers altro: ${altro.answers}, mean confidence ${altro.meanConfidence.toFixed(3)}, right ${altro.accuracy.toFixed(3)}`,
  ];
}

export function formatRows({ rows, pooled, everyForm }: FormTable, byFamily = false, { learner, calibrator }: Training = SHIPPED): string[] {
  const trainedWith = calibrator === DEFAULT_CALIBRATOR ? learner : `${learner}, ${calibrator} calibrator`;
  const lines = ['', `${trainedWith}: whole pages in every form, leave-one-${byFamily ? 'family' : 'site'}-out against the corpus (targets: macro-F1 ≥ 0.80, subject pages in altro ≤ 10%, ECE ≤ 0.05):`];
  for (const row of rows) lines.push(formatRow(`${row.form}${row.alone ? ', alone' : ''}`, row.set, row.report));
  const mean = (pick: (report: EvalReport) => number, chosen: FormRow[]): string => (chosen.reduce((sum, row) => sum + pick(row.report), 0) / chosen.length).toFixed(3);
  for (const [name, filter] of [
    ['all rows', () => true],
    ['body rows', (row: FormRow) => row.form.startsWith('body')],
    ['alone rows', (row: FormRow) => row.alone],
  ] as const) {
    const chosen = rows.filter(filter);
    lines.push(
      `  mean over ${name}: macro-F1 ${mean((r) => r.macroF1, chosen)}  in altro ${mean((r) => r.subjectToAltro, chosen)}  ECE ${mean((r) => r.expectedCalibrationError, chosen)} (floor ${mean((r) => r.samplingCalibrationError, chosen)}, ≤ 0.05 on ${chosen.filter((row) => row.report.expectedCalibrationError <= 0.05).length} of ${chosen.length})  Brier ${mean((r) => r.brierScore, chosen)}`,
    );
  }
  lines.push(`  pooled: each form on every set's pages together, each page scored by the model trained without its ${byFamily ? 'family' : 'site'}:`);
  for (const row of pooled) lines.push(formatRow(`${row.form}${row.alone ? ', alone' : ''}`, row.set, row.report));
  lines.push(`  mean over the pooled rows: ECE ${mean((r) => r.expectedCalibrationError, pooled)} (floor ${mean((r) => r.samplingCalibrationError, pooled)})  Brier ${mean((r) => r.brierScore, pooled)}`);
  lines.push(formatRow('every form', POOLED, everyForm), ...formatReliability(everyForm));
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const byFamily = process.argv.includes('--by-family');
  const errors: string[] = [];
  const table = allForms(CORPUS_FILES.flatMap((file) => readLabelledFile(file)), byFamily, process.argv.includes('--errors') ? errors : undefined);
  for (const line of [...formatRows(table, byFamily), ...errors]) console.log(line);
}
