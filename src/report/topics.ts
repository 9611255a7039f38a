// What the human-readable reports say about the pages' topics (the Modello Comuni's 64 "Argomenti"): which topics the
// site's pages are about, how many pages each, which pages declare their own, and where the chips and the text part.
import type { DeclaredTopic, PageSummary, Report, TopicTag } from '../types.js';
import type { Lang, Messages } from './i18n/index.js';
import { formatDecimal } from './common.js';
import { topicName } from '../classify/topic-vocabulary.js';

export interface TopicRow {
  id: string;
  /** The topic's name in the report's language (the vocabulary's; in Italian the first page's chip label for a topic only declared). */
  label: string;
  /** Pages whose text the tagger gives this topic. */
  pages: number;
  /** Pages whose "Argomenti" chips name it. */
  declaredPages: number;
}

/** A page whose chips name topics of the vocabulary, none of which the tagger finds in its text. */
export interface TopicDisagreement {
  page: PageSummary;
  declared: DeclaredTopic[];
  inferred: TopicTag[];
}

export interface TopicsSummary {
  /** Topics found in the text or declared, most pages first, then most declaring pages, then by id. */
  rows: TopicRow[];
  /** Pages the classifier read (with a category). */
  classified: number;
  /** Of those, pages given at least one topic. */
  tagged: number;
  /** Pages with "Argomenti" chips. */
  declaring: number;
  /** Chip labels that are not topics of the vocabulary, sorted, once each. */
  outsideVocabulary: string[];
  /** In the report's page order. */
  disagreements: TopicDisagreement[];
}

/** The site's topics; null for a single-page audit or when no page has a topic, found or declared (no topic model ran). */
export function topicsSummary(report: Report, lang: Lang): TopicsSummary | null {
  const classified = report.pages.filter((page) => page.category !== null);
  if (report.run.singlePage || !classified.some((page) => page.topics?.length || page.declaredTopics?.length)) return null;
  const rows = new Map<string, TopicRow>();
  const row = (id: string, label: string): TopicRow => {
    let found = rows.get(id);
    if (!found) rows.set(id, (found = { id, label: topicName(id, label, lang), pages: 0, declaredPages: 0 }));
    return found;
  };
  // Inferred first, so that a topic both found and declared keeps the vocabulary's label.
  for (const page of classified) for (const tag of page.topics ?? []) row(tag.id, tag.label).pages++;
  const outside = new Set<string>();
  for (const page of classified) {
    for (const topic of page.declaredTopics ?? []) {
      if (topic.id === null) outside.add(topic.label);
      else row(topic.id, topic.label).declaredPages++;
    }
  }
  const disagreements: TopicDisagreement[] = [];
  for (const page of classified) {
    const declared = (page.declaredTopics ?? []).filter((topic) => topic.id !== null);
    const inferred = page.topics ?? [];
    if (declared.length > 0 && !declared.some((topic) => inferred.some((tag) => tag.id === topic.id))) disagreements.push({ page, declared, inferred });
  }
  const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    rows: [...rows.values()].sort((a, b) => b.pages - a.pages || b.declaredPages - a.declaredPages || byId(a.id, b.id)),
    classified: classified.length,
    tagged: classified.filter((page) => page.topics?.length).length,
    declaring: classified.filter((page) => page.declaredTopics?.length).length,
    outsideVocabulary: [...outside].sort(byId),
    disagreements,
  };
}

/** "Anagrafe 1,00 · Residenza 0,99" ("Population register 1.00 · …" in English): a page's topics with their scores, best first. */
export function topicTagsText(tags: readonly TopicTag[], t: Messages, lang: Lang): string {
  return tags.map((tag) => `${topicName(tag.id, tag.label, lang)} ${formatDecimal(tag.score, 2, t)}`).join(' · ');
}

/** "Imposte, Gestione rifiuti": the labels a page's chips show (in English, the topics of the 64 by their English names). */
export function declaredTopicsText(topics: readonly DeclaredTopic[], lang: Lang): string {
  return topics.map((topic) => topicName(topic.id, topic.label, lang)).join(', ');
}

/** One line of a single page's topics: found in its text, and declared by its chips when it has any; null when neither. */
export function pageTopicsLine(page: PageSummary, t: Messages, lang: Lang): string | null {
  const tags = page.topics ?? [];
  const declared = page.declaredTopics ?? [];
  if (tags.length === 0 && declared.length === 0) return null;
  const found = tags.length > 0 ? topicTagsText(tags, t, lang) : t.topics.none;
  return declared.length > 0 ? t.topics.pageLine(found, declaredTopicsText(declared, lang)) : found;
}

/** CSV cells of a page's topics, as `classify --csv` and the audit's pages CSV write them: "id:score|…" and the chips' labels "|"-joined. */
export function topicCsvCells(topics: readonly TopicTag[] | undefined, declared: readonly DeclaredTopic[] | undefined): [string, string] {
  return [(topics ?? []).map((topic) => `${topic.id}:${topic.score}`).join('|'), (declared ?? []).map((topic) => topic.label).join('|')];
}
