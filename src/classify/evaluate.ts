// Cross-validated quality of the classifier: stratified k-fold, or leave-one-site-out (whole sites held out,
// the honest figure for pages of a comune the model has never seen).
import type { CategoryId, Classification } from '../types.js';
import { CATEGORY_IDS } from './categories.js';
import { classifyCompiled, compileModel, trainModel, withScrapedTitle, type ClassifyInput, type LabelledRecord, type TextOptions } from './model.js';
import { stripSiteFurniture } from './site-furniture.js';

export interface EvalOptions extends TextOptions {
  /** Number of stratified folds (default 5). Ignored when byLeaveOneSite is set. */
  folds?: number;
  /** Hold out one site at a time; records without a site are always in the training part. */
  byLeaveOneSite?: boolean;
  /**
   * A training corpus: when given, every fold trains on it (less the held-out site's records) and the records are
   * only tested. Lets a set of whole pages be scored leave-one-site-out against the shipped corpus.
   */
  background?: LabelledRecord[];
  /** Score each record on its own, as a single scraped page: nothing learned from the other pages of its site. */
  alone?: boolean;
  /**
   * The group a site is held out with (leave-one-site-out only): e.g. its template family, so that a template is
   * never on both sides (sites of the same family share their chrome). Default: each site on its own.
   */
  groupOf?: (site: string) => string;
  /**
   * With a background: all records in one batch with their sites hidden (a JSONL file of several comuni's pages with
   * no `site` or `url`), scored by a model trained on the background less every one of their sites (or groups).
   */
  mixed?: boolean;
}

export interface CategoryScore {
  category: CategoryId;
  precision: number;
  recall: number;
  f1: number;
  /** Held-out records whose true label is this category. */
  support: number;
}

export interface EvalReport {
  /** `given-model`: a model file scored as it is, nothing trained (`eval --model`). */
  method: 'stratified-k-fold' | 'leave-one-site-out' | 'held-out' | 'given-model';
  /** Folds run (sites, for leave-one-site-out). */
  folds: number;
  /** Records that were classified while held out. */
  documents: number;
  accuracy: number;
  /** Mean F1 over the categories that occur (as truth or prediction) in the held-out records. */
  macroF1: number;
  perCategory: CategoryScore[];
  /** Rows: true category, columns: predicted category, both in `labels` order. */
  confusion: { labels: CategoryId[]; matrix: number[][] };
  /**
   * Expected calibration error: the records binned by confidence in 10 equal-width bins ([0, 0.1), … [0.9, 1]), then
   * |mean confidence − accuracy| of each bin weighted by its share of the records.
   */
  expectedCalibrationError: number;
  /**
   * The ECE that exact confidences would show on this many records (sampling noise alone): an ECE near it is as good
   * as this sample can tell.
   */
  samplingCalibrationError: number;
  /** Mean confidence given: beside `accuracy`, whether the classifier is over- or under-confident overall. */
  meanConfidence: number;
  /** Brier score of the confidence as the probability that the category is right: mean (confidence − right)², 0 best. */
  brierScore: number;
  /** Mean −ln of the probability given to what happened (confidence if right, 1 − confidence if not), floored at 1e-4. */
  logLoss: number;
  /** The records given a confidence ≥ 0.9: their share of all records and the share of them that are right. */
  confident: { share: number; accuracy: number };
  /** Share of the records with a subject (true category not 'altro') that were put in 'altro'. */
  subjectToAltro: number;
  /** The reliability table the ECE is read from: the non-empty confidence bins, from the lowest. */
  reliability: ReliabilityBin[];
  /** The answers `altro` alone (issue 8's headline: confidently wrong `altro`): how many, how sure, how often right. */
  altro: { answers: number; meanConfidence: number; accuracy: number };
  /** Each record was scored alone (EvalOptions.alone). */
  alone?: boolean;
}

const round = (value: number): number => Number(value.toFixed(4));
/** The confidence from which an answer is "confident" in EvalReport.confident. */
const CONFIDENT = 0.9;

/** Fold of each record: round-robin within each category, so every fold keeps the category mix. */
function stratifiedFolds(records: LabelledRecord[], folds: number): number[] {
  const seen = new Map<CategoryId, number>();
  return records.map((record) => {
    const k = seen.get(record.category) ?? 0;
    seen.set(record.category, k + 1);
    return k % folds;
  });
}

/** One held-out record: its true label, the predicted one and the confidence given. */
export interface Outcome {
  truth: CategoryId;
  predicted: CategoryId;
  confidence: number;
}

/** One of ten equal-width confidence bins ([0, 0.1) … [0.9, 1]): how many answers, their confidences summed, how many right. */
export interface CalibrationBin {
  count: number;
  confidence: number;
  correct: number;
}

/** Answers binned by confidence: the bins every calibration figure here (categories and topics) is read from. */
export function calibrationBins(confidences: readonly number[], right: readonly boolean[]): CalibrationBin[] {
  const bins = Array.from({ length: 10 }, () => ({ count: 0, confidence: 0, correct: 0 }));
  confidences.forEach((confidence, i) => {
    const bin = bins[Math.min(9, Math.floor(confidence * 10))];
    bin.count++;
    bin.confidence += confidence;
    if (right[i]) bin.correct++;
  });
  return bins;
}

/** A row of a reliability table: the answers with a confidence in [from, to), their mean confidence and the share right. */
export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

/** The non-empty bins as a reliability table. */
export function reliabilityTable(bins: readonly CalibrationBin[]): ReliabilityBin[] {
  return bins.flatMap((bin, i) =>
    bin.count === 0 ? [] : [{ from: i / 10, to: (i + 1) / 10, count: bin.count, meanConfidence: round(bin.confidence / bin.count), accuracy: round(bin.correct / bin.count) }],
  );
}

/** Σ over bins of |Σ confidences − Σ right| / answers: the bins' gaps weighted by their size; 0 for no answers. */
export function binnedCalibrationError(bins: readonly CalibrationBin[]): number {
  const answers = bins.reduce((sum, bin) => sum + bin.count, 0);
  return answers === 0 ? 0 : bins.reduce((sum, bin) => sum + Math.abs(bin.confidence - bin.correct), 0) / answers;
}

/** Expected calibration error (see EvalReport.expectedCalibrationError); 0 for no records. */
export function calibrationError(confidences: readonly number[], right: readonly boolean[]): number {
  return binnedCalibrationError(calibrationBins(confidences, right));
}

const SAMPLING_DRAWS = 200;

/**
 * The ECE these confidences would show if they were exact (each record right with probability = its confidence),
 * averaged over SAMPLING_DRAWS draws of a fixed pseudo-random sequence: what the sample size alone costs.
 */
export function samplingCalibrationError(confidences: readonly number[]): number {
  if (confidences.length === 0) return 0;
  let seed = 12345;
  // mulberry32: 32-bit integer arithmetic, the same sequence on every machine.
  const next = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let total = 0;
  for (let draw = 0; draw < SAMPLING_DRAWS; draw++) {
    const right = confidences.map((confidence) => next() < confidence);
    total += calibrationError(confidences, right);
  }
  return total / SAMPLING_DRAWS;
}

/** Precision, recall, F1, confusion matrix and calibration error of a set of held-out predictions. */
export function scoreOutcomes(outcomes: Outcome[], method: EvalReport['method'], folds: number): EvalReport {
  const labels = [...CATEGORY_IDS];
  const position = new Map(labels.map((id, i) => [id, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  let brier = 0;
  let logLoss = 0;
  let confident = 0;
  let confidentRight = 0;
  for (const { truth, predicted, confidence } of outcomes) {
    matrix[position.get(truth)!][position.get(predicted)!]++;
    const right = truth === predicted;
    brier += (confidence - (right ? 1 : 0)) ** 2;
    logLoss -= Math.log(Math.max(right ? confidence : 1 - confidence, 1e-4));
    if (confidence >= CONFIDENT) {
      confident++;
      if (right) confidentRight++;
    }
  }
  const confidences = outcomes.map((outcome) => outcome.confidence);
  const bins = calibrationBins(confidences, outcomes.map((outcome) => outcome.truth === outcome.predicted));
  const documents = outcomes.length;
  const altro = outcomes.filter((outcome) => outcome.predicted === 'altro');
  const withSubject = outcomes.filter((outcome) => outcome.truth !== 'altro');
  const subjectToAltro = withSubject.length === 0 ? 0 : withSubject.filter((outcome) => outcome.predicted === 'altro').length / withSubject.length;
  let correct = 0;
  const perCategory: CategoryScore[] = [];
  labels.forEach((category, c) => {
    const truePositives = matrix[c][c];
    const support = matrix[c].reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((sum, row) => sum + row[c], 0);
    correct += truePositives;
    if (support === 0 && predicted === 0) return;
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perCategory.push({ category, precision: round(precision), recall: round(recall), f1: round(f1), support });
  });
  const macroF1 = perCategory.length === 0 ? 0 : perCategory.reduce((sum, s) => sum + s.f1, 0) / perCategory.length;
  return {
    method,
    folds,
    documents,
    accuracy: round(documents === 0 ? 0 : correct / documents),
    macroF1: round(macroF1),
    perCategory,
    confusion: { labels, matrix },
    expectedCalibrationError: round(binnedCalibrationError(bins)),
    samplingCalibrationError: round(samplingCalibrationError(confidences)),
    meanConfidence: round(documents === 0 ? 0 : confidences.reduce((sum, confidence) => sum + confidence, 0) / documents),
    brierScore: round(documents === 0 ? 0 : brier / documents),
    logLoss: round(documents === 0 ? 0 : logLoss / documents),
    confident: { share: round(documents === 0 ? 0 : confident / documents), accuracy: round(confident === 0 ? 0 : confidentRight / confident) },
    subjectToAltro: round(subjectToAltro),
    reliability: reliabilityTable(bins),
    altro: {
      answers: altro.length,
      meanConfidence: round(altro.length === 0 ? 0 : altro.reduce((sum, outcome) => sum + outcome.confidence, 0) / altro.length),
      accuracy: round(altro.length === 0 ? 0 : altro.filter((outcome) => outcome.truth === 'altro').length / altro.length),
    },
  };
}

/** Outcomes of the same held-out records in a batch (their sites' learned furniture removed) and each on its own. */
interface Outcomes {
  batch: Outcome[];
  alone: Outcome[];
}

/** Classifies a record: `alone`, as a single page (nothing learned from its site); else in a batch, its site's furniture removed. */
type ClassifyRecord = (record: ClassifyInput, alone: boolean) => Pick<Classification, 'category' | 'confidence'>;

/** `test` classified twice: with its sites' learned furniture removed, and each record on its own (as a single scraped page). */
function outcomesOf(test: LabelledRecord[], classify: ClassifyRecord): Outcomes {
  const score = (records: LabelledRecord[], alone: boolean): Outcome[] =>
    records.map((record) => {
      const result = classify(record, alone);
      return { truth: record.category, predicted: result.category, confidence: result.confidence };
    });
  return { batch: score(stripSiteFurniture(test.map(withScrapedTitle)), false), alone: score(test, true) };
}

/** Trains on `train` (which drops its sites' furniture) and classifies `test` both ways (outcomesOf). */
function classifyAll(train: LabelledRecord[], test: LabelledRecord[], options: TextOptions): Outcomes {
  const compiled = compileModel(trainModel(train, options), options);
  return outcomesOf(test, (record, alone) => classifyCompiled(compiled, record, undefined, alone));
}

/**
 * A given classifier (a model file, `eval --model`) on labelled records, nothing trained: the records of each site in a
 * batch (their learned furniture removed), and each alone, as `classify` reads them.
 */
export function evaluateClassifier(classifier: { classifyText(input: ClassifyInput, options?: { withSite?: boolean }): Classification }, records: LabelledRecord[]): { batch: EvalReport; alone: EvalReport } {
  const { batch, alone } = outcomesOf(records, (record, aloneNow) => classifier.classifyText(record, { withSite: !aloneNow }));
  return { batch: scoreOutcomes(batch, 'given-model', 1), alone: { ...scoreOutcomes(alone, 'given-model', 1), alone: true } };
}

const joinOutcomes = (parts: Outcomes[]): Outcomes => ({ batch: parts.flatMap((part) => part.batch), alone: parts.flatMap((part) => part.alone) });

/** Cross-validation: stratified k-fold, or leave-one-site-out; with `alone`, the records scored each on its own. */
export function evaluate(records: LabelledRecord[], options: EvalOptions = {}): EvalReport {
  const { batch, alone } = evaluateBoth(records, options);
  return options.alone ? alone : batch;
}

/** The same cross-validation scored both ways, for the price of one training per fold: in batches, and alone (marked). */
export function evaluateBoth(records: LabelledRecord[], options: EvalOptions = {}): { batch: EvalReport; alone: EvalReport } {
  const { outcomes, method, folds } = crossValidate(records, options);
  return { batch: scoreOutcomes(outcomes.batch, method, folds), alone: { ...scoreOutcomes(outcomes.alone, method, folds), alone: true } };
}

function crossValidate(records: LabelledRecord[], options: EvalOptions): { outcomes: Outcomes; method: EvalReport['method']; folds: number } {
  if (options.mixed && options.background) {
    const group = options.groupOf ?? ((site: string) => site);
    const heldOut = new Set(records.flatMap((r) => (r.site === undefined ? [] : [group(r.site)])));
    const train = options.background.filter((r) => r.site === undefined || !heldOut.has(group(r.site)));
    const batch = records.map(({ site: _site, ...record }) => record);
    return { outcomes: classifyAll(train, batch, options), method: 'leave-one-site-out', folds: 1 };
  }
  let assignment: number[];
  let folds: number;
  if (options.byLeaveOneSite) {
    const group = options.groupOf ?? ((site: string) => site);
    const sites = [...new Set(records.map((r) => r.site).filter((s): s is string => s !== undefined).map(group))].sort();
    if (!options.background && sites.length < 2) throw new Error('leave-one-site-out needs records from at least two sites (a "site" field)');
    const siteIndex = new Map(sites.map((site, i) => [site, i]));
    // Against a background corpus, records without a site are each their own site: scored by the model trained on
    // the whole corpus, one at a time (no furniture learned from the others). Otherwise they only train.
    const unsited = options.background ? sites.length : -1;
    assignment = records.map((r) => (r.site === undefined ? unsited : siteIndex.get(group(r.site))!));
    folds = sites.length;
    if (options.background && records.some((r) => r.site === undefined)) {
      const unsitedOutcomes = classifyAll(options.background, records.filter((r) => r.site === undefined), options);
      const sited = records.filter((r) => r.site !== undefined);
      const rest = sited.length > 0 ? evaluateFolds(sited, assignment.filter((fold) => fold !== unsited), folds, options) : joinOutcomes([]);
      // Alone is how the unsited records are scored in both forms.
      const outcomes = { batch: [...rest.batch, ...unsitedOutcomes.alone], alone: [...rest.alone, ...unsitedOutcomes.alone] };
      return { outcomes, method: 'leave-one-site-out', folds: folds + unsitedOutcomes.alone.length };
    }
  } else {
    folds = options.folds ?? 5;
    if (!Number.isInteger(folds) || folds < 2) throw new Error(`folds must be an integer ≥ 2 (got ${folds})`);
    if (records.length < folds) throw new Error(`${records.length} records cannot be split into ${folds} folds`);
    assignment = stratifiedFolds(records, folds);
  }
  return { outcomes: evaluateFolds(records, assignment, folds, options), method: options.byLeaveOneSite ? 'leave-one-site-out' : 'stratified-k-fold', folds };
}

/** Held-out outcomes of each fold: its records tested, the others (or the background less its sites) trained on. */
function evaluateFolds(records: LabelledRecord[], assignment: number[], folds: number, options: EvalOptions): Outcomes {
  const parts: Outcomes[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const test = records.filter((_, i) => assignment[i] === fold);
    const group = options.groupOf ?? ((site: string) => site);
    const heldOut = new Set(test.flatMap((r) => (r.site === undefined ? [] : [group(r.site)])));
    const train = options.background
      ? options.background.filter((r) => r.site === undefined || !heldOut.has(group(r.site)))
      : records.filter((_, i) => assignment[i] !== fold);
    if (test.length > 0 && train.length > 0) parts.push(classifyAll(train, test, options));
  }
  return joinOutcomes(parts);
}

/** Train on one set, score on another (the shipped corpus against the held-out file). */
export function evaluateHeldOut(train: LabelledRecord[], test: LabelledRecord[], options: TextOptions = {}): EvalReport {
  return scoreOutcomes(classifyAll(train, test, options).batch, 'held-out', 1);
}
