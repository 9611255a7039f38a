// How sure the classifier is: a softmax temperature, then a doubt per kind of answer (`altro` or a subject, the page
// alone or with its site's pages) that spreads a share of the probability evenly over the categories, both fitted on
// held-out folds inside training (model.ts); the ranking of categories never changes. A logistic regression on what a
// page tells about its own difficulty (its top category's lead, the share of its words the model knows, its length, its
// form) is kept for measurement: it did not beat the temperature on sites never seen (docs/classifier.md).

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
  return Math.exp(goldenMinimum(nll, Math.log(0.01), Math.log(100)));
}

/** Golden-section search of the minimum of a unimodal `f` on [lo, hi]. */
function goldenMinimum(f: (x: number) => number, lo: number, hi: number, steps = 60): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < steps; i++) {
    const a = hi - ratio * (hi - lo);
    const b = lo + ratio * (hi - lo);
    if (f(a) <= f(b)) hi = b;
    else lo = a;
  }
  return (lo + hi) / 2;
}

/** Most doubt a model may keep: half of every answer's probability spread evenly over the categories. */
const MAX_DOUBT = 0.5;

/**
 * The doubt of each kind of answer: the share of its probability spread evenly over the categories, (1 − doubt) ×
 * softmax(scores / temperature) + doubt / categories. A page answered `altro`, or classified alone (a single scraped
 * page: nothing learned from its site, its furniture in its text), is wrong more often than its top score says, and
 * one temperature cannot tell it from the others (docs/classifier.md, "Calibration, session 7"). Order never changes.
 */
export interface Doubt {
  subject: number;
  altro: number;
  subjectAlone: number;
  altroAlone: number;
}

export const DOUBT_KINDS: readonly (keyof Doubt)[] = ['subject', 'altro', 'subjectAlone', 'altroAlone'];

/** The kind of an answer: its category `altro` or a subject, the page classified with its site's pages or alone. */
export const doubtKind = (altro: boolean, alone: boolean): keyof Doubt => (altro ? (alone ? 'altroAlone' : 'altro') : alone ? 'subjectAlone' : 'subject');

/** A model file's doubts: each kind a number in [0, MAX_DOUBT]. */
export function isDoubt(value: unknown): value is Doubt {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return DOUBT_KINDS.every((kind) => typeof record[kind] === 'number' && (record[kind] as number) >= 0 && (record[kind] as number) <= MAX_DOUBT);
}

/** (1 − doubt) × probability + doubt / categories, every probability in place. */
export function addDoubt(probabilities: Float64Array, doubt: number): void {
  if (doubt === 0) return;
  for (let c = 0; c < probabilities.length; c++) probabilities[c] = (1 - doubt) * probabilities[c] + doubt / probabilities.length;
}

/**
 * The doubt of one kind of answer minimising the negative log-likelihood of held-out answers (`probability`: the top
 * category's softmax probability; `right`: it was the true one), by golden-section search on [0, MAX_DOUBT].
 */
export function fitDoubt(answers: readonly { probability: number; right: boolean }[], categories: number): number {
  if (answers.length === 0) return 0;
  const nll = (doubt: number): number => {
    let total = 0;
    for (const { probability, right } of answers) {
      const confidence = (1 - doubt) * probability + doubt / categories;
      total -= Math.log(Math.max(right ? confidence : 1 - confidence, 1e-12));
    }
    return total;
  };
  return goldenMinimum(nll, 0, MAX_DOUBT);
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
