// Topic tags: which of the Modello Comuni's 64 "Argomenti" a page is about, several per page, beside its category.
// The same terms and field vectors as the category classifier (model.ts), one logistic regression per topic.
import { readFileSync } from 'node:fs';
import type { DeclaredTopic, PageFacts, TopicTag } from '../types.js';
import { dataPath } from '../util/paths.js';
import { ClassifierDataError } from './errors.js';
import { featureVector, scoreInto } from './model.js';
import { isVocabulary, parseModelJson, unpackVocabulary } from './model-file.js';
import { foldAccents } from './text.js';
import { topicVocabulary, type Topic } from './topic-vocabulary.js';

export { TOPIC_VOCABULARY_FILE, topicVocabulary, type Topic } from './topic-vocabulary.js';

export const DEFAULT_TOPIC_MODEL_PATH = dataPath('topics', 'model.json');

/** Lower-case, accents folded, separators collapsed: "Mobilità  sostenibile" and "mobilita sostenibile" match. */
const labelKey = (label: string): string =>
  foldAccents(label)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Names sites use for a topic of the vocabulary (the model's own pages write "Spazi verdi"). */
const ALIASES: Record<string, string> = { 'spazi verdi': 'spazio-verde', 'verde pubblico': 'spazio-verde', 'zona a traffico limitato': 'ztl' };

let byKey: Map<string, Topic> | undefined;

/** The vocabulary topic a label names, or null. */
export function topicFromLabel(label: string): Topic | null {
  byKey ??= new Map(topicVocabulary().map((topic) => [labelKey(topic.label), topic]));
  const key = labelKey(label);
  const topic = byKey.get(key);
  if (topic) return topic;
  const alias = ALIASES[key];
  return alias === undefined ? null : (topicVocabulary().find((t) => t.id === alias) ?? null);
}

/**
 * The topics a page declares: the text of its `service-topic` chips (the "Argomenti" of a Modello Comuni service page),
 * in page order, once each. `id` is the vocabulary topic, or null for a site's own topic ("Abitazione").
 */
export function declaredTopicsOf(page: Pick<PageFacts, 'dataElements'>): DeclaredTopic[] {
  const out: DeclaredTopic[] = [];
  const seen = new Set<string>();
  for (const element of page.dataElements ?? []) {
    if (element.name !== 'service-topic') continue;
    const label = element.text.replace(/\s+/g, ' ').trim();
    if (label === '' || label.length > 80 || seen.has(labelKey(label))) continue;
    seen.add(labelKey(label));
    out.push({ id: topicFromLabel(label)?.id ?? null, label });
  }
  return out;
}

/** The serialised topic model (data/topics/model.json). */
export interface TopicModel {
  format: 'comune-audit-topics';
  version: 1;
  topics: string[];
  documents: number;
  /**
   * Calibration by the topic's rank in the page (its best topic, the second, the third and later): for each, raw
   * scores in ascending order and the share of held-out tags that were right at each (isotonic regression), read
   * linearly between them. Fitted on held-out sites (one at a time), see docs/classifier.md. Absent in models trained
   * before it, which have `scale`, `shift` and `gap` instead.
   */
  ranks?: RankCalibration[];
  /**
   * Platt scaling of models trained before `ranks` (and of a model trained without held-out sites: scale 1, shift 0):
   * score = sigmoid(scale × raw + shift + gap × (raw − the page's best raw score)); `gap` absent (0) in older ones.
   */
  scale?: number;
  shift?: number;
  gap?: number;
  /** A topic is given when its score reaches this (chosen on the held-out folds for the best micro-F1). */
  threshold: number;
  /** At most this many topics per page. */
  maxTopics: number;
  biases: number[];
  /** term → [idf, weight for each topic in `topics` order]. Keys sorted. */
  vocabulary: Record<string, number[]>;
}

/** Raw scores (ascending, distinct) and the calibrated score at each; linear between them, flat beyond. */
export interface RankCalibration {
  raw: number[];
  score: number[];
}

/** How raw scores become calibrated scores: by rank in the page (TopicModel.ranks), or Platt scaling. */
export type TopicCalibrator = { ranks: RankCalibration[] } | { scale: number; shift: number; gap: number };

/** A topic model ready to score. */
export interface CompiledTopicModel {
  topics: readonly Topic[];
  index: Map<string, number>;
  idf: Float64Array;
  /** Row-major: term × topic. */
  weights: Float64Array;
  biases: Float64Array;
  calibrator: TopicCalibrator;
  threshold: number;
  maxTopics: number;
}

export function parseTopicModel(text: string, source: string): TopicModel {
  const model = parseModelJson<TopicModel>(text, source, 'comune-audit train --topics');
  const valid =
    model?.format === 'comune-audit-topics' &&
    model.version === 1 &&
    Array.isArray(model.topics) &&
    Array.isArray(model.biases) &&
    model.biases.length === model.topics.length &&
    (model.ranks !== undefined ? isRankCalibration(model.ranks) : typeof model.scale === 'number' && typeof model.shift === 'number') &&
    (model.gap === undefined || typeof model.gap === 'number') &&
    isVocabulary(model.vocabulary, model.topics.length);
  if (!valid) {
    throw new ClassifierDataError({
      it: `${source}: non è un modello di argomenti di comune-audit (formato comune-audit-topics, versione 1); addestrane uno con "comune-audit train --topics"`,
      en: `${source}: not a comune-audit topic model (format comune-audit-topics, version 1); train one with "comune-audit train --topics"`,
    });
  }
  return model;
}

export function compileTopicModel(model: TopicModel): CompiledTopicModel {
  const byId = new Map(topicVocabulary().map((topic) => [topic.id, topic]));
  const topics = model.topics.map((id) => byId.get(id) ?? { id, label: id, labelEn: id, description: '' });
  const { index, idf, weights } = unpackVocabulary(model.vocabulary, topics.length);
  const calibrator: TopicCalibrator = model.ranks ? { ranks: model.ranks } : { scale: model.scale!, shift: model.shift!, gap: model.gap ?? 0 };
  return { topics, index, idf, weights, biases: Float64Array.from(model.biases), calibrator, threshold: model.threshold, maxTopics: model.maxTopics };
}

const isNumbers = (value: unknown): value is number[] => Array.isArray(value) && value.every((item) => typeof item === 'number' && Number.isFinite(item));

/** At least one rank, each with raw scores strictly ascending and as many scores in [0, 1]. */
function isRankCalibration(value: unknown): value is RankCalibration[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (rank: Partial<RankCalibration>) =>
        isNumbers(rank?.raw) &&
        isNumbers(rank.score) &&
        rank.raw.length > 0 &&
        rank.raw.length === rank.score.length &&
        rank.raw.every((raw, i) => i === 0 || raw > rank.raw![i - 1]) &&
        rank.score.every((score) => score >= 0 && score <= 1),
    )
  );
}

/**
 * The category classifier's field vector (model.ts), L2-normalised as a whole: a parsed page (title, breadcrumb,
 * headings and text) and the same page scraped (one text field) then weigh alike, so that one threshold serves both.
 */
export function topicFeatures(counts: Map<string, number>[], index: Map<string, number>, idf: ArrayLike<number>): { ids: number[]; weights: number[] } {
  const vector = featureVector(counts, index, idf);
  let norm = 0;
  for (const w of vector.weights) norm += w * w;
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < vector.weights.length; i++) vector.weights[i] *= scale;
  }
  return vector;
}

/** Raw (uncalibrated) score of every topic for a page's field term counts (termCounts in model.ts). */
export function topicScores(compiled: CompiledTopicModel, counts: Map<string, number>[]): Float64Array {
  const { ids, weights } = topicFeatures(counts, compiled.index, compiled.idf);
  const scores = new Float64Array(compiled.topics.length);
  scoreInto(scores, ids, weights, compiled.biases, compiled.weights);
  return scores;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

const round3 = (value: number): number => Number(value.toFixed(3));

/** The calibration's score at `raw`: linear between its points, flat beyond the first and the last. */
function readRank(rank: RankCalibration, raw: number): number {
  const { raw: xs, score } = rank;
  if (raw <= xs[0]) return score[0];
  const last = xs.length - 1;
  if (raw >= xs[last]) return score[last];
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= raw) lo = mid;
    else hi = mid;
  }
  return score[lo] + ((score[hi] - score[lo]) * (raw - xs[lo])) / (xs[hi] - xs[lo]);
}

/**
 * The rank of each topic in the page, counted up to `cap`: 0 for its best raw score, 1 for the second… and `cap` for all
 * the others (ties: the lower index first). One pass per counted rank: tagging reads only the first few.
 */
export function rankInPage(raw: ArrayLike<number>, cap: number): Uint8Array {
  const rank = new Uint8Array(raw.length).fill(cap);
  for (let r = 0; r < cap; r++) {
    let top = -1;
    for (let k = 0; k < raw.length; k++) if (rank[k] === cap && (top === -1 || raw[k] > raw[top])) top = k;
    if (top === -1) break;
    rank[top] = r;
  }
  return rank;
}

/** The calibrated scores of a page's raw scores (TopicModel.ranks, or Platt scaling in older models). */
export function calibrateTopicScores(raw: ArrayLike<number>, calibrator: TopicCalibrator): number[] {
  if ('ranks' in calibrator) {
    const { ranks } = calibrator;
    const rank = rankInPage(raw, ranks.length - 1);
    return Array.from(raw, (z, k) => readRank(ranks[rank[k]], z));
  }
  let best = -Infinity;
  for (let k = 0; k < raw.length; k++) best = Math.max(best, raw[k]);
  return Array.from(raw, (z) => sigmoid(calibrator.scale * z + calibrator.shift + calibrator.gap * (z - best)));
}

/** Calibrated score of every topic, in the model's order, rounded as the tags carry it. */
export function topicProbabilities(compiled: CompiledTopicModel, counts: Map<string, number>[]): number[] {
  return calibrateTopicScores(topicScores(compiled, counts), compiled.calibrator).map(round3);
}

/** The topics a page is about: calibrated score at or above the threshold, best first (ties by id), at most maxTopics. */
export function tagTopics(compiled: CompiledTopicModel, counts: Map<string, number>[]): TopicTag[] {
  return tagsOf(compiled, topicProbabilities(compiled, counts));
}

/** The tags given by calibrated scores (topicProbabilities). */
export function tagsOf(compiled: CompiledTopicModel, probabilities: readonly number[]): TopicTag[] {
  const tags: TopicTag[] = [];
  compiled.topics.forEach((topic, k) => {
    const score = probabilities[k];
    if (score >= compiled.threshold) tags.push({ id: topic.id, label: topic.label, score });
  });
  return tags.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, compiled.maxTopics);
}

const cache = new Map<string, CompiledTopicModel>();

/** Loads (once per path) a topic model; by default the one shipped in data/topics/model.json. */
export function loadTopicModel(path: string = DEFAULT_TOPIC_MODEL_PATH): CompiledTopicModel {
  let compiled = cache.get(path);
  if (compiled === undefined) {
    compiled = compileTopicModel(parseTopicModel(readFileSync(path, 'utf8'), path));
    cache.set(path, compiled);
  }
  return compiled;
}
