// The Modello Comuni's 64 "Argomenti" (data/topics/vocabulary.jsonl): what the topic tagger and the reports share.
import { readFileSync } from 'node:fs';
import type { Lang } from '../report/i18n/index.js';
import { dataPath } from '../util/paths.js';

/** One of the model's topics: slug id, the label as the model writes it, its English name, and the description trained on. */
export interface Topic {
  id: string;
  label: string;
  /** English name for reports (written for this project: the model publishes none; data/topics/README.md). */
  labelEn: string;
  description: string;
}

export const TOPIC_VOCABULARY_FILE = dataPath('topics', 'vocabulary.jsonl');

let vocabulary: Topic[] | undefined;
let byId: Map<string, Topic> | undefined;

/** The 64 topics of the Modello Comuni, in the model's order. */
export function topicVocabulary(): readonly Topic[] {
  vocabulary ??= readFileSync(TOPIC_VOCABULARY_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Topic);
  return vocabulary;
}

/** A topic's name in the report's language: the vocabulary's by id, else `label` as given (a topic outside the 64). */
export function topicName(id: string | null, label: string, lang: Lang): string {
  byId ??= new Map(topicVocabulary().map((topic) => [topic.id, topic]));
  const topic = id === null ? undefined : byId.get(id);
  if (!topic) return label;
  return lang === 'en' ? topic.labelEn : label;
}
