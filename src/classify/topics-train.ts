// Training and leave-one-site-out measurement of the topic tagger (topics.ts). Deterministic: fixed order, fixed
// pseudo-random shuffle, numbers rounded before they are written, so the same corpus gives a byte-identical model.
import { readFileSync } from 'node:fs';
import { dataPath } from '../util/paths.js';
import { ClassifierDataError } from './errors.js';
import { binnedCalibrationError, calibrationBins, samplingCalibrationError } from './evaluate.js';
import { pageOf, readRecordFile, type RecordFormat } from './labelled.js';
import { serialiseWithVocabulary } from './model-file.js';
import { buildVocabulary, round, scoreInto, termCounts, trainingOrder, withoutScrapedTitle, type ClassifyInput } from './model.js';
import { stripSiteFurniture } from './site-furniture.js';
import { calibrateTopicScores, compileTopicModel, rankInPage, sigmoid, tagsOf, topicFeatures, topicFromLabel, topicProbabilities, topicVocabulary, type RankCalibration, type CompiledTopicModel, type TopicCalibrator, type TopicModel } from './topics.js';

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
 * Isotonic regression (pool adjacent violators) of `right` on `raw`: the non-decreasing step function closest to the
 * labels, as its blocks' mean raw score and share right, equal raw scores pooled first. Rounded as the model file
 * keeps them; blocks whose rounded raw scores coincide are merged, so that the points stay strictly ascending.
 */
export function isotonicCalibration(points: readonly { raw: number; right: boolean }[]): RankCalibration {
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
  for (let i = 0; i < sorted.length; ) {
    const block = { raw: 0, right: 0, count: 0 };
    const raw = sorted[i].raw;
    for (; i < sorted.length && sorted[i].raw === raw; i++) {
      block.raw += raw;
      block.right += sorted[i].right ? 1 : 0;
      block.count++;
    }
    push(block);
  }
  return { raw: blocks.map((b) => round(b.raw / b.count)), score: blocks.map((b) => round(b.right / b.count)) };
}

/** The calibration of each rank in the page (CALIBRATED_RANKS, the last for all later ranks) from held-out pages' raw scores. */
export function fitRankCalibration(pages: readonly { scores: ArrayLike<number>; positives: Set<number> }[]): RankCalibration[] {
  const byRank = Array.from({ length: CALIBRATED_RANKS }, () => [] as { raw: number; right: boolean }[]);
  for (const { scores, positives } of pages) {
    const rank = rankInPage(scores, CALIBRATED_RANKS - 1);
    for (let k = 0; k < scores.length; k++) byRank[rank[k]].push({ raw: scores[k], right: positives.has(k) });
  }
  return byRank.filter((points) => points.length > 0).map(isotonicCalibration);
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

  // Held-out scores of whole pages, each site held out in turn (as a new site is, with all the others in training: a
  // model trained on fewer sites scores its held-out pages less surely than the final one scores a new site), for
  // calibration and the threshold. Only sites with whole pages take turns; the descriptions and short examples stay
  // in every fold's training, as they do for a new site.
  // Each fold has the vocabulary and IDF of its training records only: the words of a held-out site that no other
  // site uses drop out of its pages' vectors, as a new site's do, which makes the vectors of the known words longer
  // (they are L2-normalised) and the scores more extreme; calibrated with those words in, the scores were over-confident.
  const isPage = records.map((r) => r.text.length >= WHOLE_PAGE_CHARS);
  const sites = [...new Set(records.filter((r, i) => isPage[i] && r.site !== undefined).map((r) => r.site!))].sort();
  const siteFold = new Map(sites.map((site, i) => [site, i]));
  const foldOf = records.map((r) => (r.site !== undefined ? (siteFold.get(r.site) ?? -1) : -1));
  const heldOut: HeldOutScores[] = [];
  for (let fold = 0; fold < sites.length; fold++) {
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
  // Without held-out sites: uncalibrated (Platt scaling with scale 1, shift 0) and the default threshold.
  const calibrator: TopicCalibrator = heldOut.length > 0 ? { ranks: fitRankCalibration(heldOut) } : { scale: 1, shift: 0, gap: 0 };
  const threshold = bestThreshold(heldOut.map(({ scores, positives }) => ({ probabilities: calibrateTopicScores(scores, calibrator), positives })));
  return topicModelOf(fitted, calibrator, threshold);
}

/** The model file of a fit and its calibration: weights rounded as written. */
function topicModelOf(fitted: TopicFit, calibrator: TopicCalibrator, threshold: number): TopicModel {
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

/** Quality of topic tags on held-out pages of one form. */
export interface TopicEvalReport {
  /** `given-model`: a topic model file scored as it is, nothing trained (`eval --topics --topic-model`). */
  method: 'leave-one-site-out' | 'given-model';
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
  /**
   * The same over the scores of 0.1 or more (bins 2–10): the scores near a tag, which the near-zero mass hides; with
   * the ECE exact scores would show on that many pairs (samplingCalibrationError): a figure near it is as good as the
   * sample can tell.
   */
  fromOneTenth: { pairs: number; expectedCalibrationError: number; samplingCalibrationError: number };
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
    fromOneTenth: {
      pairs: upperPairs,
      expectedCalibrationError: round(binnedCalibrationError(upper)),
      samplingCalibrationError: round(samplingCalibrationError(points.flatMap((point) => (point.score >= 0.1 ? [point.score] : [])))),
    },
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
export function scoreTopicPairs(
  pairs: { truth: readonly string[]; predicted: readonly string[] }[],
  sites: number,
  form: TopicForm,
  method: TopicEvalReport['method'] = 'leave-one-site-out',
): TopicEvalReport {
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
    method,
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

const FORMS: readonly TopicForm[] = ['parsed', 'scraped-lines', 'scraped-spaces', 'records'];

/** Held-out tags and (page, topic) scores, by form: what the reports are computed from. */
class TopicOutcomes {
  readonly pairs = new Map<TopicForm, { truth: string[]; predicted: string[] }[]>(FORMS.map((form) => [form, []]));
  readonly points = new Map<TopicForm, { score: number; positive: boolean }[]>(FORMS.map((form) => [form, []]));

  /** Tags `records` (one site's) with `model`: the records of one form are one batch whose repeated furniture is left out. */
  add(model: CompiledTopicModel, records: readonly TopicRecord[]): void {
    for (const form of FORMS) {
      for (const record of stripSiteFurniture(records.filter((r) => topicFormOf(r) === form))) {
        const probabilities = topicProbabilities(model, withoutScrapedTitle(record, termCounts(record)));
        this.pairs.get(form)!.push({ truth: record.topics, predicted: tagsOf(model, probabilities).map((tag) => tag.id) });
        model.topics.forEach((topic, k) => this.points.get(form)!.push({ score: probabilities[k], positive: record.topics.includes(topic.id) }));
      }
    }
  }

  /** One report per form with pages, in FORMS order. */
  reports(sites: number, method: TopicEvalReport['method']): TopicEvalReport[] {
    return FORMS.filter((form) => this.pairs.get(form)!.length > 0).map((form) => ({
      ...scoreTopicPairs(this.pairs.get(form)!, sites, form, method),
      calibration: topicCalibration(this.points.get(form)!),
    }));
  }
}

/**
 * Leave-one-site-out: the records of each of `heldOutSites` are tagged by a model trained on the records of all other
 * sites. A held-out site's records of one form are one batch whose repeated furniture is learned and left out, as in
 * an audit or a JSONL file. One report per form, in the order parsed, scraped by lines, by spaces, other records.
 */
export function evaluateTopics(records: TopicRecord[], heldOutSites: readonly string[]): TopicEvalReport[] {
  const outcomes = new TopicOutcomes();
  for (const site of heldOutSites) outcomes.add(compileTopicModel(trainTopicModel(records.filter((r) => r.site !== site))), records.filter((r) => r.site === site));
  return outcomes.reports(heldOutSites.length, 'leave-one-site-out');
}

/**
 * A given topic model (a model file, `eval --topics --topic-model`) on labelled records, nothing trained: each site's
 * records a batch (records without a site: one batch), reported as evaluateTopics reports.
 */
export function evaluateTopicModel(model: CompiledTopicModel, records: readonly TopicRecord[]): TopicEvalReport[] {
  const outcomes = new TopicOutcomes();
  const sites = [...new Set(records.map((r) => r.site))];
  for (const site of sites) outcomes.add(model, records.filter((r) => r.site === site));
  return outcomes.reports(sites.length, 'given-model');
}

/** The sites of the corpus with whole pages: the ones leave-one-site-out holds out (the others are always trained on). */
export function pageSites(records: readonly TopicRecord[]): string[] {
  return [...new Set(records.filter((r) => r.site !== undefined && r.text.length >= WHOLE_PAGE_CHARS).map((r) => r.site!))].sort();
}
