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
   * Calibration: score = sigmoid(scale × raw + shift + gap × (raw − the page's best raw score)), fitted on held-out
   * folds (whole sites held out). `gap` makes a page's second and third topics less sure than its first at the same
   * raw score, as they are right less often; absent (0) in models trained before it.
   */
  scale: number;
  shift: number;
  gap?: number;
  /** A topic is given when its score reaches this (chosen on the held-out folds for the best micro-F1). */
  threshold: number;
  /** At most this many topics per page. */
  maxTopics: number;
  biases: number[];
  /** term → [idf, weight for each topic in `topics` order]. Keys sorted. */
  vocabulary: Record<string, number[]>;
}

/** A topic model ready to score. */
export interface CompiledTopicModel {
  topics: readonly Topic[];
  index: Map<string, number>;
  idf: Float64Array;
  /** Row-major: term × topic. */
  weights: Float64Array;
  biases: Float64Array;
  scale: number;
  shift: number;
  gap: number;
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
  return { topics, index, idf, weights, biases: Float64Array.from(model.biases), scale: model.scale, shift: model.shift, gap: model.gap ?? 0, threshold: model.threshold, maxTopics: model.maxTopics };
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

/** The calibrated scores of a page's raw scores (the model's calibration, TopicModel.scale, shift and gap). */
export function calibrateTopicScores(raw: ArrayLike<number>, calibration: { scale: number; shift: number; gap: number }): number[] {
  let best = -Infinity;
  for (let k = 0; k < raw.length; k++) best = Math.max(best, raw[k]);
  return Array.from(raw, (z) => sigmoid(calibration.scale * z + calibration.shift + calibration.gap * (z - best)));
}

/** Calibrated score of every topic, in the model's order, rounded as the tags carry it. */
export function topicProbabilities(compiled: CompiledTopicModel, counts: Map<string, number>[]): number[] {
  return calibrateTopicScores(topicScores(compiled, counts), compiled).map(round3);
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
