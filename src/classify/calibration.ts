// How sure the classifier is: a softmax temperature, then a small logistic regression that predicts whether the top
// category is right from what a page tells about its own difficulty (how far ahead its top category is, the share of
// its words the model knows, its length, the form it came in). One temperature alone scales every confidence alike and
// cannot fit sets as different as parsed HTML of a familiar template (accuracy 0.97) and a scraped page of an unknown
// one (0.74). Both are fitted on held-out folds inside training (model.ts); the ranking of categories never changes.

/** What a page tells about its own difficulty, computed the same way in training (held-out folds) and when classifying. */
export interface CalibrationSignals {
  /** log(p / (1 − p)) of the top category's softmax probability, clamped to ±MAX_LOGIT. */
  topLogit: number;
  /** (top score − best other score) / temperature. */
  margin: number;
  /** Share of the page's term occurrences (all fields, furniture left out) that the model knows. */
  knownShare: number;
  /** ln(1 + term occurrences): a page of a few words says less than a long one. */
  logTerms: number;
  /** 1 when the page has headings or a breadcrumb (parsed from HTML), 0 for plain text. */
  structured: number;
  /** 1 when the page has a title (given, or read from its scraped text), else 0. */
  titled: number;
}

/** The calibrator as model.json keeps it: confidence = sigmoid(bias + Σ weight × signal). */
export interface Calibration extends CalibrationSignals {
  bias: number;
}

export const SIGNALS: readonly (keyof CalibrationSignals)[] = ['topLogit', 'margin', 'knownShare', 'logTerms', 'structured', 'titled'];
/** Weights kept ≥ 0, so that confidence never falls as the top score, its lead or the known share grows. */
const MONOTONE: ReadonlySet<keyof CalibrationSignals> = new Set(['topLogit', 'margin', 'knownShare']);
const MAX_LOGIT = 30;
/** L2 penalty on the weights (not the bias): keeps the fit finite when the held-out pages are all right. */
const L2 = 1;
const NEWTON_STEPS = 50;

/** Softmax of scores / temperature, in place. */
export function softmaxInPlace(scores: Float64Array, temperature: number): void {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    scores[c] = Math.exp((scores[c] - max) / temperature);
    sum += scores[c];
  }
  for (let c = 0; c < scores.length; c++) scores[c] /= sum;
}

/** Temperature minimising the negative log-likelihood of held-out scores (golden-section search on log T). */
export function fitTemperature(scores: Float64Array[], labels: number[]): number {
  if (scores.length === 0) return 1;
  const nll = (logT: number): number => {
    const t = Math.exp(logT);
    let total = 0;
    const buffer = new Float64Array(scores[0].length);
    for (let i = 0; i < scores.length; i++) {
      buffer.set(scores[i]);
      softmaxInPlace(buffer, t);
      total -= Math.log(Math.max(buffer[labels[i]], 1e-12));
    }
    return total;
  };
  let lo = Math.log(0.01);
  let hi = Math.log(100);
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = hi - ratio * (hi - lo);
    const b = lo + ratio * (hi - lo);
    if (nll(a) <= nll(b)) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

/** What a page carries besides its scores, counted from its term counts (`isKnown`: the model has the term). */
export interface PageEvidence {
  knownShare: number;
  logTerms: number;
  structured: number;
  titled: number;
}

export function pageEvidence(counts: readonly Map<string, number>[], isKnown: (term: string) => boolean, structured: boolean): PageEvidence {
  let total = 0;
  let known = 0;
  for (const field of counts) {
    for (const [term, count] of field) {
      total += count;
      if (isKnown(term)) known += count;
    }
  }
  return { knownShare: total === 0 ? 0 : known / total, logTerms: Math.log1p(total), structured: structured ? 1 : 0, titled: counts[0].size > 0 ? 1 : 0 };
}

/** The signals of a page whose category `top` was chosen: `probabilities` = softmax(scores / temperature). */
export function calibrationSignals(scores: ArrayLike<number>, probabilities: ArrayLike<number>, top: number, temperature: number, evidence: PageEvidence): CalibrationSignals {
  let other = -Infinity;
  for (let c = 0; c < scores.length; c++) if (c !== top && scores[c] > other) other = scores[c];
  const p = Math.min(Math.max(probabilities[top], 1e-13), 1 - 1e-13);
  const topLogit = Math.min(MAX_LOGIT, Math.max(-MAX_LOGIT, Math.log(p) - Math.log1p(-p)));
  return { topLogit, margin: (scores[top] - other) / temperature, ...evidence };
}

/** A calibrator read from a model file: every weight a finite number. */
export function isCalibration(value: unknown): value is Calibration {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['bias', ...SIGNALS].every((name) => typeof record[name] === 'number' && Number.isFinite(record[name]));
}

/** Probability that the top category is right. */
export function calibratedConfidence(calibration: Calibration, signals: CalibrationSignals): number {
  let z = calibration.bias;
  for (const name of SIGNALS) z += calibration[name] * signals[name];
  return 1 / (1 + Math.exp(-z));
}

/**
 * Logistic regression of "top category right" on the signals, by Newton's method from zero (deterministic), with the
 * monotone weights held at 0 whenever the free fit would make them negative (an active set, one weight at a time).
 */
export function fitCalibration(examples: readonly { signals: CalibrationSignals; right: boolean }[], round: (value: number) => number): Calibration {
  const free = new Set<keyof CalibrationSignals>(SIGNALS);
  for (;;) {
    const names = SIGNALS.filter((name) => free.has(name));
    const beta = newtonLogistic(
      examples.map(({ signals }) => [1, ...names.map((name) => signals[name])]),
      examples.map(({ right }) => (right ? 1 : 0)),
    );
    const weights = Object.fromEntries(SIGNALS.map((name) => [name, 0])) as unknown as CalibrationSignals;
    names.forEach((name, k) => (weights[name] = beta[k + 1]));
    const negative = names.filter((name) => MONOTONE.has(name) && weights[name] < 0).sort((a, b) => weights[a] - weights[b]);
    if (negative.length === 0) {
      const calibration = { bias: round(beta[0]) } as Calibration;
      for (const name of SIGNALS) calibration[name] = round(weights[name]);
      return calibration;
    }
    free.delete(negative[0]);
  }
}

/** Penalised maximum likelihood (L2 on all but the first coefficient, the bias). */
function newtonLogistic(rows: number[][], targets: number[]): number[] {
  const width = rows[0]?.length ?? 1;
  const beta = new Array<number>(width).fill(0);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const gradient = beta.map((b, j) => (j === 0 ? 0 : L2 * b));
    const hessian = beta.map((_, j) => beta.map((__, k) => (j === k && j > 0 ? L2 : 0)));
    rows.forEach((row, i) => {
      let z = 0;
      for (let j = 0; j < width; j++) z += beta[j] * row[j];
      const p = 1 / (1 + Math.exp(-z));
      const w = p * (1 - p);
      for (let j = 0; j < width; j++) {
        gradient[j] += (p - targets[i]) * row[j];
        for (let k = 0; k < width; k++) hessian[j][k] += w * row[j] * row[k];
      }
    });
    const delta = solve(hessian, gradient);
    let largest = 0;
    for (let j = 0; j < width; j++) {
      beta[j] -= delta[j];
      largest = Math.max(largest, Math.abs(delta[j]));
    }
    if (largest < 1e-10) break;
  }
  return beta;
}

/** x with a x = b (Gaussian elimination with partial pivoting; `a` is positive definite here). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = col + 1; r < n; r++) {
      const factor = m[r][col] / m[col][col];
      for (let k = col; k <= n; k++) m[r][k] -= factor * m[col][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r][n];
    for (let k = r + 1; k < n; k++) sum -= m[r][k] * x[k];
    x[r] = sum / m[r][r];
  }
  return x;
}
