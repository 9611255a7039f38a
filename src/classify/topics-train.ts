// Training and leave-one-site-out measurement of the topic tagger (topics.ts). Deterministic: fixed order, fixed
// pseudo-random shuffle, numbers rounded before they are written, so the same corpus gives a byte-identical model.
import { readFileSync } from 'node:fs';
import { dataPath } from '../util/paths.js';
import { ClassifierDataError } from './errors.js';
import { binnedCalibrationError, calibrationBins } from './evaluate.js';
import { pageOf, readRecordFile, type RecordFormat } from './labelled.js';
import { serialiseWithVocabulary } from './model-file.js';
import { buildVocabulary, round, scoreInto, termCounts, trainingOrder, withoutScrapedTitle, type ClassifyInput } from './model.js';
import { stripSiteFurniture } from './site-furniture.js';
import { calibrateTopicScores, compileTopicModel, sigmoid, tagsOf, topicFeatures, topicFromLabel, topicProbabilities, topicVocabulary, type TopicModel } from './topics.js';

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
const CALIBRATION_FOLDS = 5;
/** Updates with a smaller error are skipped. */
const MIN_ERROR = 1e-3;
/** A record at least this long is a whole page: calibration and threshold are fitted on whole pages. */
const WHOLE_PAGE_CHARS = 400;
const MAX_TOPICS = 5;

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
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const rate = RATE / (1 + epoch);
    for (const d of order) {
      const doc = docs[d];
      scoreInto(scores, doc.ids, doc.weights, biases, weights);
      for (let k = 0; k < topics; k++) {
        const positive = doc.positives.has(k);
        const error = sigmoid(scores[k]) - (positive ? 1 : 0);
        // Most topics are far from most pages: an update that small would move nothing (and costs the whole row).
        if (Math.abs(error) < MIN_ERROR) continue;
        const gradient = error * (positive ? positiveWeight[k] : 1) * rate;
        biases[k] -= gradient;
        for (let i = 0; i < doc.ids.length; i++) {
          const at = doc.ids[i] * topics + k;
          weights[at] -= gradient * doc.weights[i] + rate * L2 * weights[at];
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
 * The calibration: scale, shift and gap minimising the log loss of sigmoid(scale × z + shift + gap × (z − the page's
 * best z)) on held-out pages' raw scores (logistic regression on three features, Newton's method).
 */
export function fitTopicCalibration(pages: readonly { scores: ArrayLike<number>; positives: Set<number> }[]): { scale: number; shift: number; gap: number } {
  const rows: [number, number, number][] = [];
  const labels: boolean[] = [];
  for (const { scores, positives } of pages) {
    let best = -Infinity;
    for (let k = 0; k < scores.length; k++) best = Math.max(best, scores[k]);
    for (let k = 0; k < scores.length; k++) {
      rows.push([scores[k], 1, scores[k] - best]);
      labels.push(positives.has(k));
    }
  }
  const beta = [1, 0, 0];
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = [0, 0, 0];
    // The Hessian, with a tiny ridge so that it stays invertible (a gap column of zeros when every page has one topic).
    const hessian = [
      [1e-9, 0, 0],
      [0, 1e-9, 0],
      [0, 0, 1e-9],
    ];
    rows.forEach((x, i) => {
      const p = sigmoid(beta[0] * x[0] + beta[1] * x[1] + beta[2] * x[2]);
      const r = p - (labels[i] ? 1 : 0);
      const w = p * (1 - p);
      for (let a = 0; a < 3; a++) {
        gradient[a] += r * x[a];
        for (let b = 0; b < 3; b++) hessian[a][b] += w * x[a] * x[b];
      }
    });
    const step = solve3(hessian, gradient);
    if (step === null) break;
    for (let a = 0; a < 3; a++) beta[a] -= step[a];
    if (Math.abs(step[0]) + Math.abs(step[1]) + Math.abs(step[2]) < 1e-9) break;
  }
  return { scale: beta[0], shift: beta[1], gap: beta[2] };
}

/** x with m × x = v for a 3 × 3 matrix (Cramer's rule), or null when m is singular. */
function solve3(m: number[][], v: number[]): number[] | null {
  const det = (a: number[][]): number =>
    a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  const d = det(m);
  if (!(Math.abs(d) > 0)) return null;
  return [0, 1, 2].map((column) => det(m.map((row, i) => row.map((value, j) => (j === column ? v[i] : value)))) / d);
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

/** The fit of a topic model before calibration: the final weights and the held-out scores the calibration is fitted on. */
interface TopicFit {
  topicIds: string[];
  terms: string[];
  idf: number[];
  documents: number;
  biases: Float64Array;
  weights: Float64Array;
  heldOut: HeldOutScores[];
}

/** Fits the per-topic regressions on all records, and on folds of whole sites held out for the calibration's scores. */
function fitTopics(input: TopicRecord[]): TopicFit {
  if (input.length === 0) throw new Error('trainTopicModel: no training records');
  // As for categories (model.ts): pages whole and without their site's repeated furniture.
  const stripped = stripSiteFurniture(input);
  const records = [...input, ...stripped.filter((record, i) => record.text !== input[i].text)];
  const topicIds = topicVocabulary().map((topic) => topic.id);
  const topicOf = new Map(topicIds.map((id, k) => [id, k]));
  const T = topicIds.length;
  const counts = records.map((record) => withoutScrapedTitle(record, termCounts(record)));

  const positives = records.map((record) => {
    const found = new Set<number>();
    for (const id of record.topics) {
      const k = topicOf.get(id);
      if (k === undefined) throw new Error(`trainTopicModel: unknown topic "${id}" (${record.source ?? 'record'})`);
      found.add(k);
    }
    return found;
  });
  const docOf = (i: number, vocabulary: { index: Map<string, number>; idf: ArrayLike<number> }): Doc => ({ ...topicFeatures(counts[i], vocabulary.index, vocabulary.idf), positives: positives[i] });

  // Held-out scores of whole pages, whole sites held out, for calibration and the threshold. Only sites with whole
  // pages take turns; the descriptions and short examples stay in every fold's training, as they do for a new site.
  // Each fold has the vocabulary and IDF of its training records only: the words of a held-out site that no other
  // site uses drop out of its pages' vectors, as a new site's do, which makes the vectors of the known words longer
  // (they are L2-normalised) and the scores more extreme; calibrated with those words in, the scores were over-confident.
  const isPage = records.map((r) => r.text.length >= WHOLE_PAGE_CHARS);
  const sites = [...new Set(records.filter((r, i) => isPage[i] && r.site !== undefined).map((r) => r.site!))].sort();
  const siteFold = new Map(sites.map((site, i) => [site, i % CALIBRATION_FOLDS]));
  const foldOf = records.map((r) => (r.site !== undefined ? (siteFold.get(r.site) ?? -1) : -1));
  const heldOut: HeldOutScores[] = [];
  for (let fold = 0; fold < CALIBRATION_FOLDS; fold++) {
    const train = records.flatMap((_, i) => (foldOf[i] !== fold ? [i] : []));
    if (train.length === records.length || train.length === 0) continue;
    const vocabulary = buildVocabulary(train.map((i) => counts[i]));
    const fit = fitOneVsRest(
      train.map((i) => docOf(i, vocabulary)),
      vocabulary.vocabulary.length,
      T,
    );
    records.forEach((_, i) => {
      if (foldOf[i] === fold && isPage[i]) heldOut.push({ scores: rawScores(docOf(i, vocabulary), fit, T), positives: positives[i] });
    });
  }
  const { vocabulary: terms, index, idf } = buildVocabulary(counts);
  const docs = records.map((_, i) => docOf(i, { index, idf }));
  const fit = fitOneVsRest(docs, terms.length, T);
  return { topicIds, terms, idf, documents: records.length, biases: fit.biases, weights: fit.weights, heldOut };
}

/** The threshold with the best micro-F1 of calibrated held-out scores (steps of 0.05; ties: the higher, fewer topics); 0.5 without any. */
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
  const fitted = fitTopics(input);
  const { heldOut } = fitted;
  const calibration = heldOut.length > 0 ? fitTopicCalibration(heldOut) : { scale: 1, shift: 0, gap: 0 };
  // Rounded as the model file keeps it, so that the threshold is chosen on the scores the model will give.
  const kept = { scale: round(calibration.scale), shift: round(calibration.shift), gap: round(calibration.gap) };
  const threshold = bestThreshold(heldOut.map(({ scores, positives }) => ({ probabilities: calibrateTopicScores(scores, kept), positives })));
  return topicModelOf(fitted, { ...kept, threshold });
}

/** The model file of a fit and its calibration: weights rounded as written. */
function topicModelOf(fitted: TopicFit, calibration: { scale: number; shift: number; gap: number; threshold: number }): TopicModel {
  const T = fitted.topicIds.length;
  const vocabulary: Record<string, number[]> = {};
  fitted.terms.forEach((term, t) => {
    const row = [fitted.idf[t]];
    for (let k = 0; k < T; k++) row.push(round(fitted.weights[t * T + k]));
    vocabulary[term] = row;
  });
  return {
    format: 'comune-audit-topics',
    version: 1,
    topics: fitted.topicIds,
    documents: fitted.documents,
    scale: round(calibration.scale),
    shift: round(calibration.shift),
    gap: round(calibration.gap),
    threshold: calibration.threshold,
    maxTopics: MAX_TOPICS,
    biases: Array.from(fitted.biases, round),
    vocabulary,
  };
}

/** data/topics/model.json text. */
export function serialiseTopicModel(model: TopicModel): string {
  return serialiseWithVocabulary(model);
}

/** Quality of topic tags on held-out pages of one form. */
export interface TopicEvalReport {
  method: 'leave-one-site-out';
  /** How the pages reached the tagger: parsed HTML, scraped text joined by lines or by spaces, or other records. */
  form: TopicForm;
  /** Sites held out in turn (each scored by a model trained without it). */
  sites: number;
  pages: number;
  microPrecision: number;
  microRecall: number;
  microF1: number;
  /** Mean F1 over the topics some held-out page has. */
  macroF1: number;
  /** Pages without a topic, and how many of them got none. */
  emptyPages: number;
  emptyRight: number;
  perTopic: { topic: string; precision: number; recall: number; f1: number; support: number }[];
  /** How well the scores are calibrated, over every (page, topic) score; absent when only the given tags are known. */
  calibration?: TopicCalibration;
}

/**
 * Expected calibration error of topic scores: every (page, topic) score in one of ten equal-width bins ([0, 0.1) …
 * [0.9, 1]), ECE = Σ over bins of |Σ scores − Σ true| / all pairs, i.e. the bins' |mean score − share true| weighted
 * by their size. Most pairs are far-off topics scoring near 0, so the first bin weighs most; the bins say the rest.
 */
export interface TopicCalibration {
  pairs: number;
  expectedCalibrationError: number;
  /** The same over the scores of 0.1 or more (bins 2–10): the scores near a tag, which the near-zero mass hides. */
  fromOneTenth: { pairs: number; expectedCalibrationError: number };
  /** Bins with at least one pair, from the lowest. */
  bins: { from: number; to: number; pairs: number; meanScore: number; shareTrue: number }[];
}

/** The calibration of (score, true) pairs: ten equal-width bins and their ECE. */
export function topicCalibration(points: readonly { score: number; positive: boolean }[]): TopicCalibration {
  const bins = calibrationBins(
    points.map((point) => point.score),
    points.map((point) => point.positive),
  );
  const upper = bins.slice(1);
  const upperPairs = upper.reduce((sum, bin) => sum + bin.count, 0);
  return {
    pairs: points.length,
    expectedCalibrationError: round(binnedCalibrationError(bins)),
    fromOneTenth: { pairs: upperPairs, expectedCalibrationError: round(binnedCalibrationError(upper)) },
    bins: bins.flatMap((bin, i) =>
      bin.count === 0 ? [] : [{ from: i / 10, to: (i + 1) / 10, pairs: bin.count, meanScore: round(bin.confidence / bin.count), shareTrue: round(bin.correct / bin.count) }],
    ),
  };
}

export type TopicForm = 'parsed' | 'scraped-lines' | 'scraped-spaces' | 'records';

/** The form of a corpus record, from its source ("…html#parsed", "…html#flattened") and its line breaks. */
export function topicFormOf(record: TopicRecord): TopicForm {
  const source = record.source ?? '';
  if (source.endsWith('#parsed')) return 'parsed';
  if (source.endsWith('#flattened')) return record.text.includes('\n') ? 'scraped-lines' : 'scraped-spaces';
  return 'records';
}

/** Per-topic and averaged figures of predicted against true topic sets. */
export function scoreTopicPairs(pairs: { truth: readonly string[]; predicted: readonly string[] }[], sites: number, form: TopicForm): TopicEvalReport {
  const topics = [...new Set(pairs.flatMap((p) => p.truth))].sort();
  const perTopic = topics.map((topic) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { truth, predicted } of pairs) {
      const t = truth.includes(topic);
      const p = predicted.includes(topic);
      if (t && p) tp++;
      else if (p) fp++;
      else if (t) fn++;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { topic, precision: round(precision), recall: round(recall), f1: round(f1), support: tp + fn };
  });
  const micro = microF1(pairs);
  const empty = pairs.filter((p) => p.truth.length === 0);
  return {
    method: 'leave-one-site-out',
    form,
    sites,
    pages: pairs.length,
    microPrecision: round(micro.precision),
    microRecall: round(micro.recall),
    microF1: round(micro.f1),
    macroF1: round(perTopic.length === 0 ? 0 : perTopic.reduce((sum, t) => sum + t.f1, 0) / perTopic.length),
    emptyPages: empty.length,
    emptyRight: empty.filter((p) => p.predicted.length === 0).length,
    perTopic,
  };
}

/**
 * Leave-one-site-out: the records of each of `heldOutSites` are tagged by a model trained on the records of all other
 * sites. A held-out site's records of one form are one batch whose repeated furniture is learned and left out, as in
 * an audit or a JSONL file. One report per form, in the order parsed, scraped by lines, by spaces, other records.
 */
export function evaluateTopics(records: TopicRecord[], heldOutSites: readonly string[]): TopicEvalReport[] {
  const forms: TopicForm[] = ['parsed', 'scraped-lines', 'scraped-spaces', 'records'];
  const pairs = new Map<TopicForm, { truth: string[]; predicted: string[] }[]>(forms.map((form) => [form, []]));
  const points = new Map<TopicForm, { score: number; positive: boolean }[]>(forms.map((form) => [form, []]));
  for (const site of heldOutSites) {
    const model = compileTopicModel(trainTopicModel(records.filter((r) => r.site !== site)));
    for (const form of forms) {
      const batch = records.filter((r) => r.site === site && topicFormOf(r) === form);
      for (const record of stripSiteFurniture(batch)) {
        const probabilities = topicProbabilities(model, withoutScrapedTitle(record, termCounts(record)));
        pairs.get(form)!.push({ truth: record.topics, predicted: tagsOf(model, probabilities).map((tag) => tag.id) });
        model.topics.forEach((topic, k) => points.get(form)!.push({ score: probabilities[k], positive: record.topics.includes(topic.id) }));
      }
    }
  }
  return forms
    .filter((form) => pairs.get(form)!.length > 0)
    .map((form) => ({ ...scoreTopicPairs(pairs.get(form)!, heldOutSites.length, form), calibration: topicCalibration(points.get(form)!) }));
}

/** The sites of the corpus with whole pages: the ones leave-one-site-out holds out (the others are always trained on). */
export function pageSites(records: readonly TopicRecord[]): string[] {
  return [...new Set(records.filter((r) => r.site !== undefined && r.text.length >= WHOLE_PAGE_CHARS).map((r) => r.site!))].sort();
}
