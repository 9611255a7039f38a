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

/** The evaluation sets: real-style fixtures (first five families), the later families, session 7's, the demo site, Modello Comuni. */
export function setOf(page: LabelledPage): string {
  if (page.site === 'demo-site') return 'demo site';
  if (page.site === 'modello-comuni') return 'Modello Comuni';
  if (SESSION7_FAMILIES.has(page.family)) return 'session 7';
  return LATER_FAMILIES.has(page.family) ? 'later families' : 'real-style sites';
}
const SETS = ['real-style sites', 'later families', 'session 7', 'demo site', 'Modello Comuni'];

/** The forms a page reaches the classifier in. */
export const FORMS: [string, (page: LabelledPage) => LabelledRecord][] = [
  ['HTML', parsedRecord],
  ['scraped, lines', (page) => flattenedRecord(page, '\n')],
  ['scraped, spaces', (page) => flattenedRecord(page, ' ')],
  ['body, lines', (page) => flattenedRecord(page, '\n', true)],
  ['body, spaces', (page) => flattenedRecord(page, ' ', true)],
];

export interface FormRow {
  form: string;
  alone: boolean;
  set: string;
  pages: number;
  macroF1: number;
  accuracy: number;
  subjectToAltro: number;
  ece: number;
}

/** One training per held-out group, every form scored in a batch and alone. `errors` collects the misread pages. */
export function allForms(corpus: LabelledRecord[], byFamily = false, errors?: string[], training: Training = SHIPPED): FormRow[] {
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
          const result = classifyCompiled(compiled, record);
          add(`${form}|${alone}|${setOf(held[i])}`, { truth: record.category, predicted: result.category, confidence: result.confidence });
          if (errors && result.category !== record.category) {
            errors.push(`${form}${alone ? ' alone' : ''}\t${held[i].site}/${held[i].path}\t${record.category} → ${result.category} ${result.confidence}`);
          }
        });
      }
    }
  }
  const rows: FormRow[] = [];
  for (const alone of [false, true]) {
    for (const [form] of FORMS) {
      for (const set of SETS) {
        const list = outcomes.get(`${form}|${alone}|${set}`) ?? [];
        const report = scoreOutcomes(list, 'leave-one-site-out', 1);
        rows.push({ form, alone, set, pages: list.length, macroF1: report.macroF1, accuracy: report.accuracy, subjectToAltro: report.subjectToAltro, ece: report.expectedCalibrationError });
      }
    }
  }
  return rows;
}

export function formatRows(rows: FormRow[], byFamily = false, { learner, calibrator }: Training = SHIPPED): string[] {
  const trainedWith = calibrator === DEFAULT_CALIBRATOR ? learner : `${learner}, ${calibrator} calibrator`;
  const lines = ['', `${trainedWith}: whole pages in every form, leave-one-${byFamily ? 'family' : 'site'}-out against the corpus (targets: macro-F1 ≥ 0.80, subject pages in altro ≤ 10%, ECE ≤ 0.05):`];
  for (const row of rows) {
    lines.push(
      `  ${`${row.form}${row.alone ? ', alone' : ''}`.padEnd(22)} ${row.set.padEnd(16)} ${String(row.pages).padStart(3)} pages  macro-F1 ${row.macroF1.toFixed(3)}  accuracy ${row.accuracy.toFixed(3)}  in altro ${(row.subjectToAltro * 100).toFixed(1).padStart(4)}%  ECE ${row.ece.toFixed(3)}`,
    );
  }
  const mean = (pick: (row: FormRow) => number, filter: (row: FormRow) => boolean): string => {
    const chosen = rows.filter(filter);
    return (chosen.reduce((sum, row) => sum + pick(row), 0) / chosen.length).toFixed(3);
  };
  for (const [name, filter] of [
    ['all rows', () => true],
    ['body rows', (row: FormRow) => row.form.startsWith('body')],
    ['alone rows', (row: FormRow) => row.alone],
  ] as const) {
    lines.push(`  mean over ${name}: macro-F1 ${mean((row) => row.macroF1, filter)}  in altro ${mean((row) => row.subjectToAltro, filter)}  ECE ${mean((row) => row.ece, filter)}`);
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const byFamily = process.argv.includes('--by-family');
  const errors: string[] = [];
  const rows = allForms(CORPUS_FILES.flatMap((file) => readLabelledFile(file)), byFamily, process.argv.includes('--errors') ? errors : undefined);
  for (const line of [...formatRows(rows, byFamily), ...errors]) console.log(line);
}
