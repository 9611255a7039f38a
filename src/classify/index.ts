// Page classifier: which of the 15 national service categories (or 'altro') a page is about, locally.
import { readFileSync } from 'node:fs';
import type { CategoryId, Classification, PageFacts } from '../types.js';
import { dataPath } from '../util/paths.js';
import { categoryFromLabel } from './categories.js';
import { isCalibration, isDoubt } from './calibration.js';
import { ClassifierDataError } from './errors.js';
import { classifierInput } from './furniture.js';
import { isVocabulary, parseModelJson } from './model-file.js';
import { learnSiteFurniture, stripLearnedFurniture } from './site-furniture.js';
import { classifyCompiled, compileModel, termCounts, withoutScrapedTitle, type ClassifyInput, type Model, type TextOptions } from './model.js';
import { declaredTopicsOf, loadTopicModel, tagTopics, type CompiledTopicModel } from './topics.js';

export { CATEGORIES, CATEGORY_IDS, categoryFromLabel, isCategoryId } from './categories.js';
export { ClassifierDataError } from './errors.js';
export { evaluate, evaluateBoth, evaluateHeldOut, scoreOutcomes, type EvalOptions, type EvalReport, type Outcome } from './evaluate.js';
export { classifierInput, dropCategoryLists, stripFurniture } from './furniture.js';
export { groupBySharedFurniture, learnSiteFurniture, stripLearnedFurniture, stripSiteFurniture } from './site-furniture.js';
export { readLabelledFile } from './labelled.js';
export { serialiseModel, trainModel, withScrapedTitle, type ClassifyInput, type LabelledRecord, type Model, type TextOptions } from './model.js';
export { makeTermFunction, terms, type TermFunction } from './text.js';
export { tokenize } from './tokens.js';
export { stemForClassifier, stemItalian } from './stemmer.js';
export { declaredTopicsOf, loadTopicModel, topicFromLabel, topicVocabulary, type Topic } from './topics.js';

export interface Classifier {
  /**
   * Text (a scraped page or a record). `withSite`: it is one of its site's pages given together, their learned
   * furniture already removed (stripSiteFurniture); without, a single page alone, whose confidence keeps more doubt.
   */
  classifyText(input: ClassifyInput, options?: { withSite?: boolean }): Classification;
  /** One page on its own: its site's furniture is not known (what `classify` does with a single HTML page). */
  classifyPage(page: PageFacts): Classification;
  /**
   * The pages of one site (a crawl): runs of words repeated on many of them (menus, sidebars, footers, banners the
   * parser left in the main text) are learned from the pages themselves and do not vote. Same order as `pages`.
   */
  classifySite(pages: readonly PageFacts[]): Classification[];
}

export const DEFAULT_MODEL_PATH = dataPath('classifier', 'model.json');

/** The training corpus the shipped model is built from (see data/classifier/README.md), in training order. */
export const CORPUS_FILES: readonly string[] = ['vocabulary.jsonl', 'modello-comuni.jsonl', 'examples.jsonl', 'real-style.jsonl'].map((file) =>
  dataPath('classifier', file),
);

/** Labelled records never used for training: whole writing styles held out, for the honest quality figure. */
export const HELDOUT_FILE = dataPath('classifier', 'heldout.jsonl');

/** A model object checked enough that scoring cannot fail on it later. */
export function parseModel(text: string, source: string): Model {
  const model = parseModelJson<Model>(text, source, 'comune-audit train');
  const valid =
    model?.format === 'comune-audit-nb' &&
    model.version === 2 &&
    Array.isArray(model.categories) &&
    Array.isArray(model.logPriors) &&
    model.logPriors.length === model.categories.length &&
    typeof model.temperature === 'number' &&
    (model.calibration === undefined || isCalibration(model.calibration)) &&
    (model.doubt === undefined || isDoubt(model.doubt)) &&
    isVocabulary(model.vocabulary, model.categories.length);
  if (!valid) {
    throw new ClassifierDataError({
      it: `${source}: non è un modello di classificazione di comune-audit (formato comune-audit-nb, versione 2); addestrane uno con "comune-audit train"`,
      en: `${source}: not a comune-audit classifier model (format comune-audit-nb, version 2); train one with "comune-audit train"`,
    });
  }
  return model;
}

/** The category a page declares for itself: breadcrumb "Servizi › <category>", else a single service-category-link. */
export function declaredCategoryOf(page: Pick<PageFacts, 'breadcrumb' | 'dataElements'>): CategoryId | null {
  const crumbs = page.breadcrumb ?? [];
  for (let i = 0; i + 1 < crumbs.length; i++) {
    if (/^servizi\b/i.test(crumbs[i].trim())) {
      const category = categoryFromLabel(crumbs[i + 1]);
      if (category !== null) return category;
    }
  }
  // A services index links every category; only a page naming exactly one declares it.
  const linked = new Set<CategoryId>();
  for (const element of page.dataElements ?? []) {
    if (element.name !== 'service-category-link') continue;
    const category = categoryFromLabel(element.text);
    if (category !== null) linked.add(category);
  }
  return linked.size === 1 ? [...linked][0] : null;
}

/**
 * A classifier over a model object; `options.terms` swaps the stemmer (for measurements only). With a topic model
 * (topics.ts) each classification also carries its `topics`, read from the same term counts.
 */
export function createClassifier(model: Model, options: TextOptions = {}, topicModel?: CompiledTopicModel): Classifier {
  const compiled = compileModel(model, options);
  const classify = (input: ClassifyInput, { withSite = false } = {}): Classification => {
    // A text given with no title is read as a page alone (contentAroundHeading): the batches give every page its title.
    const counts = termCounts(input, compiled.terms, true);
    const classification = classifyCompiled(compiled, input, counts, !withSite);
    return topicModel ? { ...classification, topics: tagTopics(topicModel, withoutScrapedTitle(input, counts)) } : classification;
  };
  /** What the page says about itself: its category and, when it has "Argomenti" chips, its topics. */
  const declared = (page: PageFacts): Pick<Classification, 'declaredCategory' | 'declaredTopics'> => {
    const topics = declaredTopicsOf(page);
    return { declaredCategory: declaredCategoryOf(page), ...(topics.length > 0 ? { declaredTopics: topics } : {}) };
  };
  return {
    classifyText: classify,
    classifyPage: (page) => ({ ...classify(classifierInput(page)), ...declared(page) }),
    classifySite(pages) {
      const inputs = pages.map(classifierInput);
      const furniture = learnSiteFurniture(inputs.map((input) => input.text));
      return inputs.map((input, i) => ({ ...classify({ ...input, text: stripLearnedFurniture(input.text, furniture) }, { withSite: pages.length > 1 }), ...declared(pages[i]) }));
    },
  };
}

const cache = new Map<string, Classifier>();

/** Loads (once per pair of paths) a model file and a topic model; by default the shipped data/classifier/model.json and data/topics/model.json. */
export function loadClassifier(modelPath: string = DEFAULT_MODEL_PATH, topicModelPath?: string): Classifier {
  const key = `${modelPath}\n${topicModelPath ?? ''}`;
  let classifier = cache.get(key);
  if (classifier === undefined) {
    classifier = createClassifier(parseModel(readFileSync(modelPath, 'utf8'), modelPath), {}, loadTopicModel(topicModelPath));
    cache.set(key, classifier);
  }
  return classifier;
}
