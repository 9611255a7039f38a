// Training of the topic tagger (topics.ts) and its corpus. Deterministic: fixed order, fixed
// pseudo-random shuffle, numbers rounded before they are written, so the same corpus gives a byte-identical model.
import { readFileSync } from 'node:fs';
import { dataPath } from '../util/paths.js';
import { ClassifierDataError } from './errors.js';
import { pageOf, readRecordFile, type RecordFormat } from './labelled.js';
import { serialiseWithVocabulary } from './model-file.js';
import { buildVocabulary, round, scoreInto, termCounts, trainingOrder, withoutScrapedTitle, type ClassifyInput } from './model.js';
import { stripSiteFurniture } from './site-furniture.js';
import { calibrateTopicScores, rankInPage, sigmoid, topicFeatures, topicFromLabel, topicVocabulary, type RankCalibration, type TopicCalibrator, type TopicModel } from './topics.js';

/** One topic-labelled example: what classifyText reads, and the ids of its topics (none for a page without one). */
export interface TopicRecord extends ClassifyInput {
  topics: string[];
  site?: string;
  source?: string;
}

/** Topic labels of the real-style pages of fixtures/classifier, by path (data/topics/README.md). */
export const TOPIC_PAGE_LABELS_FILE = dataPath('topics', 'pages.jsonl');
export const TOPIC_EXAMPLES_FILE = dataPath('topics', 'examples.jsonl');
/** The whole pages (parsed and scraped) the category classifier trains on; their topics come from TOPIC_PAGE_LABELS_FILE. */
const REAL_STYLE_FILE = dataPath('classifier', 'real-style.jsonl');

const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);

/** The shipped topic corpus, in training order: the 64 descriptions, the written examples, the labelled whole pages. */
export function readTopicCorpus(): TopicRecord[] {
  const described: TopicRecord[] = topicVocabulary().map((topic) => ({
    topics: [topic.id],
    title: topic.label,
    text: topic.description,
    site: 'vocabolario-argomenti',
    source: `vocabulary.jsonl#${topic.id}`,
  }));
  const examples = readJsonl<TopicRecord>(TOPIC_EXAMPLES_FILE);
  const labels = new Map(readJsonl<{ path: string; topics: string[] }>(TOPIC_PAGE_LABELS_FILE).map((row) => [row.path, row.topics]));
  const pages: TopicRecord[] = [];
  for (const record of readJsonl<ClassifyInput & { site?: string; source?: string }>(REAL_STYLE_FILE)) {
    const topics = labels.get((record.source ?? '').replace(/#.*$/, ''));
    if (topics === undefined) continue;
    pages.push({ topics, title: record.title, headings: record.headings, breadcrumb: record.breadcrumb, text: record.text, site: record.site, source: record.source });
  }
  return [...described, ...examples, ...pages];
}

/** A topic id of the vocabulary ("gestione-rifiuti") or a label it knows ("Gestione rifiuti", "Spazi verdi"). */
function topicIdOf(value: string): string | null {
  const given = value.trim();
  return topicVocabulary().some((topic) => topic.id === given) ? given : (topicFromLabel(given)?.id ?? null);
}

/** The topics of a record: a JSON array, or in a CSV cell ids or labels joined by "|"; [] for a page without a topic. */
function topicsOf(fields: Record<string, unknown>, where: string): string[] {
  const given = fields.topics;
  if (given === undefined || given === null) {
    throw new ClassifierDataError({
      it: `${where}: manca "topics": un elenco di argomenti del vocabolario (id o etichetta), [] per una pagina senza argomenti`,
      en: `${where}: "topics" is missing: a list of topics of the vocabulary (id or label), [] for a page without one`,
    });
  }
  const items = typeof given === 'string' ? given.split('|').filter((item) => item.trim() !== '') : given;
  if (!Array.isArray(items) || !items.every((item) => typeof item === 'string')) {
    throw new ClassifierDataError({
      it: `${where}: "topics" deve essere un elenco di stringhe (in un CSV: separate da "|")`,
      en: `${where}: "topics" must be a list of strings (in a CSV: separated by "|")`,
    });
  }
  const ids: string[] = [];
  for (const item of items) {
    const id = topicIdOf(item);
    if (id === null) {
      throw new ClassifierDataError({
        it: `${where}: argomento sconosciuto ${JSON.stringify(item)}; usa un id o un'etichetta dei 64 di data/topics/vocabulary.jsonl, come "gestione-rifiuti" o "Gestione rifiuti"`,
        en: `${where}: unknown topic ${JSON.stringify(item)}; use an id or a label of the 64 in data/topics/vocabulary.jsonl, such as "gestione-rifiuti" or "Gestione rifiuti"`,
      });
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

const TOPIC_RECORDS: RecordFormat<TopicRecord> = {
  recordOf: (fields, where) => {
    const topics = topicsOf(fields, where);
    const page = pageOf(fields, where);
    if (page.text.trim() === '') {
      throw new ClassifierDataError({ it: `${where}: "text" è vuoto; il modello degli argomenti impara dal testo della pagina`, en: `${where}: "text" is empty; the topic model learns from the page's text` });
    }
    return { topics, ...page };
  },
  labelColumns: ['topics'],
  headerError: (path) => ({
    it: `${path}:1: l'intestazione del CSV deve avere una colonna "topics" e una colonna "text"`,
    en: `${path}:1: the CSV header must name a "topics" column and a "text" column`,
  }),
  typeError: (path) => ({
    it: `${path}: tipo di file sconosciuto per gli argomenti; usa .jsonl (un oggetto per riga: text, title, topics) o .csv (intestazione topics,text,...)`,
    en: `${path}: unknown file type for topics; use .jsonl (one object a line: text, title, topics) or .csv (header topics,text,...)`,
  }),
};

/** Topic-labelled records a team wrote (JSONL or CSV, data/topics/examples.jsonl's format); a bad line throws naming file and line. */
export function readTopicFile(path: string): TopicRecord[] {
  return readRecordFile(path, TOPIC_RECORDS);
}

/** Topics of the vocabulary no record has: a model trained on these records never gives them. */
export function topicsWithoutExample(records: readonly TopicRecord[]): string[] {
  const seen = new Set(records.flatMap((record) => record.topics));
  return topicVocabulary()
    .map((topic) => topic.id)
    .filter((id) => !seen.has(id));
}

const EPOCHS = 10;
const RATE = 0.5;
const L2 = 1e-4;
/** Positives of a rare topic weigh more (square root of the negatives-to-positives ratio, at most this). */
const MAX_POSITIVE_WEIGHT = 8;
/** Updates with a smaller error are skipped. */
const MIN_ERROR = 1e-3;
/** A record at least this long is a whole page: calibration and threshold are fitted on whole pages. */
const WHOLE_PAGE_CHARS = 400;
const MAX_TOPICS = 5;
/** Ranks in the page calibrated apart: the best topic, the second, the third and later (docs/classifier.md). */
const CALIBRATED_RANKS = 3;

interface Doc {
  ids: number[];
  weights: number[];
  /** Topic indexes of the record. */
  positives: Set<number>;
}

/** One-vs-rest logistic regression by SGD in a fixed pseudo-random order. */
function fitOneVsRest(docs: Doc[], vocabularySize: number, topics: number): { biases: Float64Array; weights: Float64Array } {
  const weights = new Float64Array(vocabularySize * topics);
  const biases = new Float64Array(topics);
  const positives = new Float64Array(topics);
  for (const doc of docs) for (const k of doc.positives) positives[k]++;
  const positiveWeight = Array.from(positives, (p) => (p === 0 ? 1 : Math.min(MAX_POSITIVE_WEIGHT, Math.sqrt((docs.length - p) / p))));
  const order = trainingOrder(docs.length);
  const scores = new Float64Array(topics);
  // The topics a page updates and their gradients: its row of weights is then walked once, not once per topic.
  const updated = new Int32Array(topics);
  const gradients = new Float64Array(topics);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const rate = RATE / (1 + epoch);
    const decay = rate * L2;
    for (const d of order) {
      const doc = docs[d];
      scoreInto(scores, doc.ids, doc.weights, biases, weights);
      let count = 0;
      for (let k = 0; k < topics; k++) {
        const positive = doc.positives.has(k);
        const error = sigmoid(scores[k]) - (positive ? 1 : 0);
        // Most topics are far from most pages: an update that small would move nothing.
        if (Math.abs(error) < MIN_ERROR) continue;
        const gradient = error * (positive ? positiveWeight[k] : 1) * rate;
        biases[k] -= gradient;
        updated[count] = k;
        gradients[count++] = gradient;
      }
      for (let i = 0; i < doc.ids.length; i++) {
        const row = doc.ids[i] * topics;
        const value = doc.weights[i];
        for (let u = 0; u < count; u++) {
          const at = row + updated[u];
          const weight = weights[at];
          weights[at] = weight - (gradients[u] * value + decay * weight);
        }
      }
    }
  }
  // A topic never seen is never given.
  for (let k = 0; k < topics; k++) if (positives[k] === 0) biases[k] = -50;
  return { biases, weights };
}

function rawScores(doc: Doc, fit: { biases: Float64Array; weights: Float64Array }, topics: number): Float64Array {
  const scores = Float64Array.from(fit.biases);
  for (let i = 0; i < doc.ids.length; i++) {
    const row = doc.ids[i] * topics;
    for (let k = 0; k < topics; k++) scores[k] += doc.weights[i] * fit.weights[row + k];
  }
  return scores;
}

/**
 * Isotonic regression (pool adjacent violators) of `right` on `raw`: the non-decreasing step function closest to the
 * labels, as its blocks' mean raw score and share right, equal raw scores pooled first. With `minimum` > 1 the points
 * are first pooled in runs of at least that many (in raw order; the last short run joins the one before): no step
 * rests on one or two pairs, whose share right is 0 or 1 by chance. Rounded as the model file keeps them; blocks whose
 * rounded raw scores coincide are merged, so that the points stay strictly ascending.
 */
export function isotonicCalibration(points: readonly { raw: number; right: boolean }[], minimum = 1): RankCalibration {
  const sorted = [...points].sort((a, b) => a.raw - b.raw);
  const blocks: { raw: number; right: number; count: number }[] = [];
  const push = (block: { raw: number; right: number; count: number }): void => {
    blocks.push(block);
    // Merge while the last block is not above the one before it (and pool equal raw scores).
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1];
      const a = blocks[blocks.length - 2];
      if (a.right / a.count < b.right / b.count && round(a.raw / a.count) < round(b.raw / b.count)) break;
      a.raw += b.raw;
      a.right += b.right;
      a.count += b.count;
      blocks.pop();
    }
  };
  const runs: { raw: number; right: number; count: number }[] = [];
  for (let i = 0; i < sorted.length; ) {
    const run = { raw: 0, right: 0, count: 0 };
    // Equal raw scores never split between runs.
    for (; i < sorted.length && (run.count < minimum || sorted[i].raw === sorted[i - 1].raw); i++) {
      run.raw += sorted[i].raw;
      run.right += sorted[i].right ? 1 : 0;
      run.count++;
    }
    runs.push(run);
  }
  if (runs.length > 1 && runs[runs.length - 1].count < minimum) {
    const last = runs.pop()!;
    const before = runs[runs.length - 1];
    before.raw += last.raw;
    before.right += last.right;
    before.count += last.count;
  }
  for (const run of runs) push(run);
  return { raw: blocks.map((b) => round(b.raw / b.count)), score: blocks.map((b) => round(b.right / b.count)) };
}

/**
 * The calibration of each rank in the page (CALIBRATED_RANKS, the last for all later ranks) from held-out pages' raw
 * scores; `minimum`: pairs per step at least (isotonicCalibration).
 */
export function fitRankCalibration(pages: readonly { scores: ArrayLike<number>; positives: Set<number> }[], minimum = 1): RankCalibration[] {
  const byRank = Array.from({ length: CALIBRATED_RANKS }, () => [] as { raw: number; right: boolean }[]);
  for (const { scores, positives } of pages) {
    const rank = rankInPage(scores, CALIBRATED_RANKS - 1);
    for (let k = 0; k < scores.length; k++) byRank[rank[k]].push({ raw: scores[k], right: positives.has(k) });
  }
  return byRank.filter((points) => points.length > 0).map((points) => isotonicCalibration(points, minimum));
}

/** Pairs per calibration step tried (isotonicCalibration's `minimum`); 1: plain isotonic regression. */
const STEP_MINIMA = [1, 5, 10, 20, 40];

/**
 * The pairs per calibration step with the lowest log loss on calibration folds each calibrated by the others (the
 * (page, topic) pairs scoring 0.1 or more, or true: the far-off topics say nothing); ties: the smaller. Chosen on the
 * training's own folds, never on a site being measured. 1 with fewer than two folds.
 */
function stepMinimum(folds: readonly HeldOutScores[][]): number {
  if (folds.length < 2) return 1;
  let best = { minimum: 1, loss: Infinity };
  for (const minimum of STEP_MINIMA) {
    let loss = 0;
    folds.forEach((fold, i) => {
      const calibrator = { ranks: fitRankCalibration(folds.filter((_, j) => j !== i).flat(), minimum) };
      for (const { scores, positives } of fold) {
        calibrateTopicScores(scores, calibrator).forEach((score, k) => {
          const right = positives.has(k);
          if (score >= 0.1 || right) loss -= Math.log(Math.max(right ? score : 1 - score, 1e-4));
        });
      }
    });
    if (loss < best.loss - 1e-9) best = { minimum, loss };
  }
  return best.minimum;
}

/** Micro-averaged precision, recall and F1 of predicted against true topic sets. */
export function microF1(pairs: { truth: readonly string[]; predicted: readonly string[] }[]): { precision: number; recall: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { truth, predicted } of pairs) {
    const t = new Set(truth);
    for (const id of predicted) (t.has(id) ? tp++ : fp++);
    for (const id of t) if (!predicted.includes(id)) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Raw scores of whole pages of sites held out of the fit (calibration folds), with their topic indexes. */
interface HeldOutScores {
  scores: Float64Array;
  positives: Set<number>;
}

/** The per-topic regressions fitted on some of a TopicTraining's records, with their vocabulary and IDF. */
interface TopicFit {
  terms: string[];
  index: Map<string, number>;
  idf: number[];
  /** Records trained on. */
  documents: number;
  biases: Float64Array;
  weights: Float64Array;
}

/**
 * A topic corpus ready to fit, any of its sites left out: the records and (as for categories, model.ts) their copies
 * without their site's repeated furniture, with field term counts and topic indexes computed once. Furniture is
 * learned per site, so a site left out changes nothing in the others' records: a fit without some sites is the fit
 * trainTopicModel makes of the corpus without them. Fits without two sites serve twice in leave-one-site-out (site A
 * held out with B as a calibration fold, and B with A), so their held-out scores are kept.
 */
export class TopicTraining {
  private readonly records: TopicRecord[];
  private readonly counts: Map<string, number>[][];
  private readonly positives: Set<number>[];
  private readonly isPage: boolean[];
  private readonly topicCount: number;
  /** Sites with whole pages, sorted: the calibration folds. */
  readonly pageSites: readonly string[];
  /** Held-out scores of each left-out site's whole pages, by the sorted left-out sites joined with NUL. */
  private readonly heldOutScores = new Map<string, Map<string, HeldOutScores[]>>();

  constructor(input: readonly TopicRecord[]) {
    if (input.length === 0) throw new Error('trainTopicModel: no training records');
    const stripped = stripSiteFurniture(input);
    this.records = [...input, ...stripped.filter((record, i) => record.text !== input[i].text)];
    const topicOf = new Map(topicVocabulary().map((topic, k) => [topic.id, k]));
    this.topicCount = topicOf.size;
    this.counts = this.records.map((record) => withoutScrapedTitle(record, termCounts(record)));
    this.positives = this.records.map((record) => {
      const found = new Set<number>();
      for (const id of record.topics) {
        const k = topicOf.get(id);
        if (k === undefined) throw new Error(`trainTopicModel: unknown topic "${id}" (${record.source ?? 'record'})`);
        found.add(k);
      }
      return found;
    });
    this.isPage = this.records.map((record) => record.text.length >= WHOLE_PAGE_CHARS);
    this.pageSites = pageSites(this.records);
  }

  /** The fit on every record whose site is not in `without` (null when none is left); vocabulary and IDF of those records only. */
  private fit(without: ReadonlySet<string>): TopicFit | null {
    const train = this.records.flatMap((record, i) => (record.site !== undefined && without.has(record.site) ? [] : [i]));
    if (train.length === 0) return null;
    const { vocabulary: terms, index, idf } = buildVocabulary(train.map((i) => this.counts[i]));
    const fit = fitOneVsRest(
      train.map((i) => this.docOf(i, index, idf)),
      terms.length,
      this.topicCount,
    );
    return { terms, index, idf, documents: train.length, ...fit };
  }

  private docOf(i: number, index: Map<string, number>, idf: ArrayLike<number>): Doc {
    return { ...topicFeatures(this.counts[i], index, idf), positives: this.positives[i] };
  }

  /**
   * Raw scores of `site`'s whole pages by the fit without `site` and `alsoWithout` (the site leave-one-site-out holds
   * out, if any): a calibration fold of the model trained without `alsoWithout`.
   */
  private heldOut(site: string, alsoWithout: string | undefined): HeldOutScores[] {
    const without = [...new Set([site, ...(alsoWithout === undefined ? [] : [alsoWithout])])].sort();
    const key = without.join('\u0000');
    let bySite = this.heldOutScores.get(key);
    if (bySite === undefined) {
      bySite = new Map();
      const fit = this.fit(new Set(without));
      for (const left of without) {
        const pages = this.records.flatMap((record, i) => (fit !== null && record.site === left && this.isPage[i] ? [i] : []));
        bySite.set(
          left,
          pages.map((i) => ({ scores: rawScores(this.docOf(i, fit!.index, fit!.idf), fit!, this.topicCount), positives: this.positives[i] })),
        );
      }
      this.heldOutScores.set(key, bySite);
    }
    return bySite.get(site)!;
  }

  /**
   * The model trained on every record but `without`'s (all, when undefined): the final fit, calibrated on the held-out
   * scores of whole pages, each other page site held out in turn (as a new site is, with all the others in training: a
   * model trained on fewer sites scores its held-out pages less surely than the final one scores a new site). Only
   * sites with whole pages take turns; the descriptions and short examples stay in every fold's training, as they do
   * for a new site. Each fold has the vocabulary and IDF of its training records only: the words of a held-out site
   * that no other site uses drop out of its pages' vectors, as a new site's do, which makes the vectors of the known
   * words longer (they are L2-normalised) and the scores more extreme; calibrated with those words in, the scores were
   * over-confident.
   */
  model(without?: string): TopicModel {
    const folds = this.pageSites.filter((site) => site !== without).map((site) => this.heldOut(site, without));
    const heldOut = folds.flat();
    const fitted = this.fit(new Set(without === undefined ? [] : [without]));
    if (fitted === null) throw new Error('trainTopicModel: no training records');
    // Without held-out sites: uncalibrated (Platt scaling with scale 1, shift 0) and the default threshold.
    const calibrator: TopicCalibrator = heldOut.length > 0 ? { ranks: fitRankCalibration(heldOut, stepMinimum(folds)) } : { scale: 1, shift: 0, gap: 0 };
    const threshold = bestThreshold(heldOut.map(({ scores, positives }) => ({ probabilities: calibrateTopicScores(scores, calibrator), positives })));
    return topicModelOf(fitted, calibrator, threshold);
  }
}

function bestThreshold(heldOut: readonly { probabilities: ArrayLike<number>; positives: Set<number> }[]): number {
  let threshold = 0.5;
  let best = -1;
  for (let step = 19; step >= 1 && heldOut.length > 0; step--) {
    const candidate = step / 20;
    const pairs = heldOut.map(({ probabilities, positives }) => ({
      truth: [...positives].map(String),
      predicted: Array.from(probabilities, (p, k) => ({ k, p }))
        .filter(({ p }) => p >= candidate)
        .sort((a, b) => b.p - a.p || a.k - b.k)
        .slice(0, MAX_TOPICS)
        .map(({ k }) => String(k)),
    }));
    const { f1 } = microF1(pairs);
    if (f1 > best + 1e-12) {
      best = f1;
      threshold = candidate;
    }
  }
  return threshold;
}

/** Trains a topic model; the same records in the same order give a byte-identical serialised model. */
export function trainTopicModel(input: TopicRecord[]): TopicModel {
  return new TopicTraining(input).model();
}

/** The model file of a fit and its calibration: weights rounded as written. */
function topicModelOf(fitted: TopicFit, calibrator: TopicCalibrator, threshold: number): TopicModel {
  const topics = topicVocabulary().map((topic) => topic.id);
  const T = topics.length;
  const vocabulary: Record<string, number[]> = {};
  fitted.terms.forEach((term, t) => {
    const row = [fitted.idf[t]];
    for (let k = 0; k < T; k++) row.push(round(fitted.weights[t * T + k]));
    vocabulary[term] = row;
  });
  return {
    format: 'comune-audit-topics',
    version: 1,
    topics,
    documents: fitted.documents,
    ...calibrator,
    threshold,
    maxTopics: MAX_TOPICS,
    biases: Array.from(fitted.biases, round),
    vocabulary,
  };
}

/** data/topics/model.json text. */
export function serialiseTopicModel(model: TopicModel): string {
  return serialiseWithVocabulary(model);
}
/** The sites of the corpus with whole pages: the ones leave-one-site-out holds out (the others are always trained on). */
export function pageSites(records: readonly TopicRecord[]): string[] {
  return [...new Set(records.filter((r) => r.site !== undefined && r.text.length >= WHOLE_PAGE_CHARS).map((r) => r.site!))].sort();
}
