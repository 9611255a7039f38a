// TF-IDF features + multinomial naive Bayes in log space, with a softmax temperature fitted on held-out folds.
// Training is deterministic: no randomness, vocabularies sorted, numbers rounded before they are written.
import type { CategoryId, Classification } from '../types.js';
import { CATEGORY_IDS } from './categories.js';
import { dropCategoryLists, furnitureKey, isFurnitureLine, pageTitle, scrapedTitle, stripFurniture, stripFurniturePhrases, topicalCrumbs } from './furniture.js';
import {
  addDoubt,
  calibratedConfidence,
  calibrationSignals,
  DOUBT_KINDS,
  doubtKind,
  fitCalibration,
  fitDoubt,
  fitTemperature,
  pageEvidence,
  softmaxInPlace,
  type Calibration,
  type Doubt,
  type PageEvidence,
} from './calibration.js';
import { bodyHeading, contentAroundHeading, headingBeforeLead, leadHeadingAmong } from './heading.js';
import { serialiseWithVocabulary, unpackVocabulary } from './model-file.js';
import { stripSiteFurniture } from './site-furniture.js';
import { terms as italianTerms, type TermFunction } from './text.js';

/** One labelled example; the fields mirror what classifyText reads. */
export interface LabelledRecord {
  category: CategoryId;
  text: string;
  title?: string;
  headings?: string[];
  breadcrumb?: string[];
  /** Site (or writing-style group) the record comes from, for leave-one-site-out evaluation. */
  site?: string;
  /** Where the record comes from (file, URL), for error messages and provenance. */
  source?: string;
}

export interface ClassifyInput {
  title?: string;
  headings?: string[];
  breadcrumb?: string[];
  text: string;
}

/**
 * Each field is weighed as a whole (its own L2-normalised TF-IDF vector times the field weight), so a long body
 * cannot drown the title: the title, breadcrumb and headings say what a page is about more reliably than its text.
 */
export const FIELD_WEIGHTS = {
  title: 2,
  breadcrumb: 1,
  headings: 0.3,
  text: 1,
} as const;

/** Longer fields are cut: the first 200,000 characters decide a page's topic as well as five megabytes do. */
export const MAX_FIELD_CHARS = 200_000;

const MAX_VOCABULARY = 30_000;
const SMOOTHING = 0.1;
const CALIBRATION_FOLDS = 5;
/** A record at least this long is a whole page (the corpus's other records are one to three sentences). */
const WHOLE_PAGE_CHARS = 400;
const MIN_CALIBRATION_PAGES = 30;
const DIGITS = 4;

/** The serialised model (model.json). */
export interface Model {
  format: 'comune-audit-nb';
  version: 2;
  categories: CategoryId[];
  fieldWeights: typeof FIELD_WEIGHTS;
  documents: number;
  smoothing: number;
  /** Softmax temperature fitted on held-out folds (probabilities = softmax(score / temperature)). */
  temperature: number;
  /**
   * The doubt of each kind of answer (calibration.ts, Doubt), fitted on held-out folds after the temperature. Models
   * trained before it have none: their confidence is the top softmax probability.
   */
  doubt?: Doubt;
  /**
   * The top category's confidence from the page's signals (calibration.ts), fitted on held-out folds. Models trained
   * before it have none: their confidence is the top softmax probability.
   */
  calibration?: Calibration;
  logPriors: number[];
  /** term → [idf, log P(term | category) for each category in `categories` order]. Keys sorted. */
  vocabulary: Record<string, number[]>;
}

type FieldName = keyof typeof FIELD_WEIGHTS;
const FIELDS: readonly FieldName[] = ['title', 'breadcrumb', 'headings', 'text'];

/**
 * `input` with its title field filled from its scraped text when it has none (see scrapedTitle): to be taken before the
 * text loses its site's furniture, which leaves the title line without its separator and site name.
 */
export function withScrapedTitle<T extends ClassifyInput>(input: T): T {
  return input.title !== undefined ? input : { ...input, title: titleOfScrapedText(input.text) };
}

/**
 * The title of scraped text: its `<title>` first (scrapedTitle), else the heading after its breadcrumb (bodyHeading,
 * text from the body alone), else, with line breaks, the line before its first prose (headingBeforeLead: templates
 * without a breadcrumb).
 */
export function titleOfScrapedText(text: string): string {
  return scrapedTitle(text) || bodyHeading(text) || headingBeforeLead(text);
}

/**
 * `counts` (termCounts of `input`) without the title read from scraped text (scrapedTitle): the topic tagger was
 * built and measured on text records without it (topics.ts), and keeps reading them so.
 */
export function withoutScrapedTitle(input: ClassifyInput, counts: Map<string, number>[]): Map<string, number>[] {
  return input.title === undefined ? [new Map(), ...counts.slice(1)] : counts;
}

/**
 * Term frequencies of each field, furniture and the declared category left out (see furniture.ts). `alone`: the page
 * is classified by itself (not trained on): scraped text given with no title keeps only what lies between its
 * breadcrumb and its footer (contentAroundHeading), what a batch would have left of it.
 */
export function termCounts(input: ClassifyInput, terms: TermFunction = italianTerms, alone = false): Map<string, number>[] {
  const count = (text: string | undefined): Map<string, number> => (text ? terms(text.length > MAX_FIELD_CHARS ? text.slice(0, MAX_FIELD_CHARS) : text) : new Map());
  const given = input.title !== undefined ? pageTitle(input.title) : undefined;
  // A parsed page whose `<title>` only names the site ("Comune di X - Sito istituzionale"): its title is the first of
  // its headings before prose in its main text, as scraped text gets its heading (headingBeforeLead).
  const lead = given === '' && input.headings?.length ? leadHeadingAmong(input.text, input.headings) : undefined;
  // Scraped text given with no title field: its title, when it starts with one (scrapers that keep the <head>).
  const title = given === undefined ? titleOfScrapedText(input.text) : given || (lead?.heading ?? '');
  // Alone, what a batch would leave: scraped text between its breadcrumb and its footer; a parsed page whose main
  // text is the whole page (no landmarks) from that heading on, without the header, menus and sidebar before it.
  let page = input.text;
  if (alone && given === undefined) page = contentAroundHeading(input.text, title);
  else if (alone && lead && lead.at > 0) page = input.text.slice(lead.at);
  const text = page ? stripFurniture(stripFurniturePhrases(dropCategoryLists(page))) : '';
  const headings = (input.headings ?? []).filter((heading) => !isFurnitureLine(furnitureKey(heading)));
  return [
    count(title),
    count(topicalCrumbs(input.breadcrumb ?? []).join(' \n ')),
    count(headings.join(' \n ')),
    count(text),
  ];
}

/**
 * Scratch of featureVector, reused from call to call (a page's vectors were much of its allocation): one field's known
 * terms and their weights, and where each term stands in the vector being built (plus one; 0: not in it yet).
 */
const scratch = { fieldIds: new Int32Array(0), fieldWeights: new Float64Array(0), positionOf: new Int32Array(0) };

/**
 * Per field: sublinear TF × IDF, L2-normalised over the terms the model knows, times the field weight. Unknown terms
 * (names, codes, addresses, words of a template never seen) do not dilute the known ones: diluted, a long scraped
 * page had little evidence left and fell to the class with the highest bias, `altro`. Terms in order of first
 * occurrence, field after field.
 */
export function featureVector(fields: Map<string, number>[], index: Map<string, number>, idf: ArrayLike<number>): { ids: number[]; weights: number[] } {
  const ids: number[] = [];
  const weights: number[] = [];
  if (scratch.positionOf.length < idf.length) scratch.positionOf = new Int32Array(idf.length);
  const { positionOf } = scratch;
  fields.forEach((counts, f) => {
    if (scratch.fieldIds.length < counts.size) {
      scratch.fieldIds = new Int32Array(2 * counts.size);
      scratch.fieldWeights = new Float64Array(2 * counts.size);
    }
    const { fieldIds, fieldWeights } = scratch;
    let known = 0;
    let norm = 0;
    // forEach, not for…of: no [term, count] array per entry.
    counts.forEach((count, term) => {
      const id = index.get(term);
      if (id === undefined) return;
      const weight = (1 + Math.log(count)) * idf[id];
      norm += weight * weight;
      fieldIds[known] = id;
      fieldWeights[known++] = weight;
    });
    if (norm === 0) return;
    const scale = FIELD_WEIGHTS[FIELDS[f]] / Math.sqrt(norm);
    for (let k = 0; k < known; k++) {
      const id = fieldIds[k];
      if (positionOf[id] === 0) {
        positionOf[id] = ids.push(id);
        weights.push(fieldWeights[k] * scale);
      } else {
        weights[positionOf[id] - 1] += fieldWeights[k] * scale;
      }
    }
  });
  for (const id of ids) positionOf[id] = 0;
  return { ids, weights };
}

interface Vectorised {
  ids: number[];
  weights: number[];
  label: number;
}

/** Log-space NB parameters fitted on a subset of vectorised documents. */
function fitNaiveBayes(docs: Vectorised[], vocabularySize: number, classes: number): { logPriors: Float64Array; logProbs: Float64Array } {
  const mass = new Float64Array(vocabularySize * classes);
  const totals = new Float64Array(classes);
  const docCounts = new Float64Array(classes);
  for (const doc of docs) {
    docCounts[doc.label]++;
    for (let i = 0; i < doc.ids.length; i++) {
      mass[doc.ids[i] * classes + doc.label] += doc.weights[i];
      totals[doc.label] += doc.weights[i];
    }
  }
  const logPriors = new Float64Array(classes);
  for (let c = 0; c < classes; c++) logPriors[c] = Math.log((docCounts[c] + 1) / (docs.length + classes));
  const logProbs = new Float64Array(vocabularySize * classes);
  for (let c = 0; c < classes; c++) {
    const denominator = Math.log(totals[c] + SMOOTHING * vocabularySize);
    for (let t = 0; t < vocabularySize; t++) {
      logProbs[t * classes + c] = Math.log(mass[t * classes + c] + SMOOTHING) - denominator;
    }
  }
  return { logPriors, logProbs };
}

/** Epochs of stochastic gradient descent for the linear model; its learning rate decays as 1 / (1 + epoch). */
const SGD_EPOCHS = 8;
const SGD_RATE = 0.5;
/** L2 penalty per update, applied to the weights an example touches (lazy: untouched weights never shrink). */
const SGD_L2 = 1e-4;

/**
 * Multinomial logistic regression (softmax) on the same features, trained by SGD in a fixed pseudo-random order.
 * Classes are weighted inversely to their size, so a big 'altro' class does not win by sheer numbers.
 * Returns biases and weights in the naive Bayes layout, so that scoring and the model file are the same.
 */
function fitLogistic(docs: Vectorised[], vocabularySize: number, classes: number): { logPriors: Float64Array; logProbs: Float64Array } {
  const weights = new Float64Array(vocabularySize * classes);
  const bias = new Float64Array(classes);
  const sizes = new Float64Array(classes);
  for (const doc of docs) sizes[doc.label]++;
  const present = sizes.filter((size) => size > 0).length;
  const classWeight = Array.from(sizes, (size) => (size > 0 ? docs.length / (present * size) : 0));
  const order = trainingOrder(docs.length);
  const scores = new Float64Array(classes);
  for (let epoch = 0; epoch < SGD_EPOCHS; epoch++) {
    const rate = SGD_RATE / (1 + epoch);
    for (const d of order) {
      const doc = docs[d];
      scoreInto(scores, doc.ids, doc.weights, bias, weights);
      softmaxInPlace(scores, 1);
      const step = rate * classWeight[doc.label];
      for (let c = 0; c < classes; c++) {
        const gradient = scores[c] - (c === doc.label ? 1 : 0);
        bias[c] -= step * gradient;
        for (let i = 0; i < doc.ids.length; i++) {
          const at = doc.ids[i] * classes + c;
          weights[at] -= step * (gradient * doc.weights[i] + SGD_L2 * weights[at]);
        }
      }
    }
  }
  // Categories without a single example must never win: a very low bias.
  for (let c = 0; c < classes; c++) if (sizes[c] === 0) bias[c] = -50;
  return { logPriors: bias, logProbs: weights };
}

/** Linear scores into `out`: bias + Σ term weight × the term's row of `matrix` (log priors and log P(term|class), or a logistic model's biases and weights). */
export function scoreInto(out: Float64Array, ids: number[], weights: number[], biases: ArrayLike<number>, matrix: ArrayLike<number>): void {
  const classes = out.length;
  for (let c = 0; c < classes; c++) out[c] = biases[c];
  for (let i = 0; i < ids.length; i++) {
    const row = ids[i] * classes;
    const w = weights[i];
    for (let c = 0; c < classes; c++) out[c] += w * matrix[row + c];
  }
}

/** A number as model files keep it: DIGITS decimals, no negative zero (byte-identical files from the same corpus). */
export const round = (value: number): number => {
  const rounded = Number(value.toFixed(DIGITS));
  return Object.is(rounded, -0) ? 0 : rounded;
};

/** SGD's visiting order: a linear congruential shuffle with a fixed seed, so training is deterministic. */
export function trainingOrder(length: number): number[] {
  const order = Array.from({ length }, (_, i) => i);
  let seed = 12345;
  for (let i = order.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** The vocabulary of a corpus (the MAX_VOCABULARY terms in most documents, ties alphabetical, then sorted), its index and IDF. */
export function buildVocabulary(counts: readonly Map<string, number>[][]): { vocabulary: string[]; index: Map<string, number>; idf: number[] } {
  const documentFrequency = new Map<string, number>();
  for (const fields of counts) {
    for (const term of new Set(fields.flatMap((field) => [...field.keys()]))) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  let vocabulary = [...documentFrequency.keys()];
  if (vocabulary.length > MAX_VOCABULARY) {
    vocabulary.sort((a, b) => documentFrequency.get(b)! - documentFrequency.get(a)! || (a < b ? -1 : 1));
    vocabulary = vocabulary.slice(0, MAX_VOCABULARY);
  }
  vocabulary.sort();
  const n = counts.length;
  const idf = vocabulary.map((term) => round(Math.log((n + 1) / (documentFrequency.get(term)! + 1)) + 1));
  return { vocabulary, index: new Map(vocabulary.map((term, i) => [term, i])), idf };
}


/** Options for measurements: the stemmer comparison in bench/classifier.ts swaps the term function. */
export interface TextOptions {
  terms?: TermFunction;
  /** The learner: multinomial naive Bayes or logistic regression (for the comparison in bench/classifier.ts). */
  learner?: Learner;
  /** The calibrator (for the comparison in bench/classifier.ts, BENCH_CALIBRATORS). */
  calibrator?: Calibrator;
}

export type Learner = 'naive-bayes' | 'logistic';
/**
 * How confidence is computed: the top softmax probability at the fitted temperature, or that and a logistic calibrator
 * on the page's signals (calibration.ts). The shipped one is chosen by measurement (docs/classifier.md).
 */
export type Calibrator = 'temperature' | 'logistic';
export const DEFAULT_CALIBRATOR: Calibrator = 'temperature';
/** The shipped learner, chosen by measurement (docs/classifier.md). */
export const DEFAULT_LEARNER: Learner = 'logistic';

/** A training record scored by the model of a calibration fold that did not see its site (or family). */
interface HeldOut {
  scores: Float64Array;
  label: number;
  isPage: boolean;
  knownTerms: number;
  evidence: PageEvidence;
  /** The record as given, with its furniture (not the copy without its site's furniture or its title). */
  alone: boolean;
}

/** The doubt of each kind of answer (calibration.ts), fitted on the held-out answers of that kind at `temperature`. */
function fitDoubts(heldOut: readonly HeldOut[], temperature: number, categories: readonly CategoryId[]): Doubt {
  const answers = new Map<keyof Doubt, { probability: number; right: boolean }[]>(DOUBT_KINDS.map((kind) => [kind, []]));
  for (const { scores, label, knownTerms, alone } of heldOut) {
    const probabilities = Float64Array.from(scores);
    softmaxInPlace(probabilities, temperature);
    const top = topIndex(probabilities, categories, knownTerms);
    answers.get(doubtKind(categories[top] === 'altro', alone))!.push({ probability: probabilities[top], right: top === label });
  }
  return Object.fromEntries(DOUBT_KINDS.map((kind) => [kind, fitDoubt(answers.get(kind)!, categories.length)])) as unknown as Doubt;
}

/** Trains a model; the same records in the same order give a byte-identical serialised model. */
export function trainModel(input: LabelledRecord[], options: TextOptions = {}): Model {
  if (input.length === 0) throw new Error('trainModel: no training records');
  // Pages come both whole (a single scraped page: menus, footer and banners in it) and without what repeats on
  // many pages of their site (a batch, see site-furniture.ts): a page that loses furniture that way is trained on in
  // both forms, so that furniture is seen on pages of every category and learned as evidence of none.
  const stripped = stripSiteFurniture(input.map(withScrapedTitle));
  const records = [...input, ...stripped.filter((record, i) => record.text !== input[i].text)];
  // A scraped page whose title was read from its text (its <title>, or the heading after its breadcrumb) is trained on
  // once more without it, furniture removed: a page that arrives with no title to read (text from the body of a
  // template without a breadcrumb) must be read by its content words, not fall to the class of the chrome words.
  stripped.forEach((record, i) => {
    if (input[i].title === undefined && record.title !== '' && input[i].text.length >= WHOLE_PAGE_CHARS) records.push({ ...record, title: '' });
  });
  const categories = [...CATEGORY_IDS];
  const classOf = new Map(categories.map((id, i) => [id, i]));
  const classes = categories.length;
  const counts = records.map((record) => termCounts(record, options.terms));
  const fit = (options.learner ?? DEFAULT_LEARNER) === 'logistic' ? fitLogistic : fitNaiveBayes;

  const { vocabulary, index, idf } = buildVocabulary(counts);
  const n = records.length;

  const docs: Vectorised[] = counts.map((docCounts, i) => {
    const label = classOf.get(records[i].category);
    if (label === undefined) throw new Error(`trainModel: unknown category "${records[i].category}"`);
    return { ...featureVector(docCounts, index, idf), label };
  });

  const aloneDocs = input.map((record, i) => {
    if (record.title !== undefined || record.text.length < WHOLE_PAGE_CHARS) return undefined;
    const alone = termCounts(record, options.terms, true);
    return { ...featureVector(alone, index, idf), label: docs[i].label };
  });

  // Held-out scores for calibration. Records with a site are held out a whole site at a time (new sites
  // word things differently, and an in-site fit makes confidences too high); the others round-robin.
  const sites = [...new Set(records.map((r) => r.site).filter((s): s is string => s !== undefined))].sort();
  const siteFold = new Map(sites.map((site, i) => [site, i % CALIBRATION_FOLDS]));
  const foldOf = records.map((r, i) => (r.site !== undefined ? siteFold.get(r.site)! : i % CALIBRATION_FOLDS));
  const heldOut: HeldOut[] = [];
  const folds = Math.min(CALIBRATION_FOLDS, n);
  for (let fold = 0; fold < folds; fold++) {
    const train = docs.filter((_, i) => foldOf[i] !== fold);
    if (train.length === 0 || train.length === n) continue;
    const nb = fit(train, vocabulary.length, classes);
    // The share of a held-out record's words its fold's model knows, as for a page of a new site. (Its scores keep
    // the whole vocabulary's norms: scored with the fold's terms only, the temperature fitted worse, docs/classifier.md.)
    const trainedTerms = new Uint8Array(vocabulary.length);
    for (const doc of train) for (const id of doc.ids) trainedTerms[id] = 1;
    const isTrained = (term: string): boolean => trainedTerms[index.get(term) ?? -1] === 1;
    records.forEach((record, i) => {
      if (foldOf[i] !== fold) return;
      // A record as given is scored as a page alone is classified (its header and footer cut, contentAroundHeading).
      const { ids, weights } = aloneDocs[i] ?? docs[i];
      const scores = new Float64Array(classes);
      scoreInto(scores, ids, weights, nb.logPriors, nb.logProbs);
      const evidence = pageEvidence(counts[i], isTrained, isStructured(record));
      // A record as given (not its copy without its site's furniture, nor without its title) is a page alone.
      heldOut.push({ scores, label: docs[i].label, isPage: record.text.length >= WHOLE_PAGE_CHARS, knownTerms: ids.length, evidence, alone: i < input.length });
    });
  }
  // Whole pages are what the classifier meets: when the corpus has enough of them, the temperature and the
  // calibrator are fitted on them alone (short records are easier and would make page confidences too high).
  const pages = heldOut.filter((example) => example.isPage).length;
  const fitted = heldOut.filter((example) => pages < MIN_CALIBRATION_PAGES || example.isPage);
  const temperature = fitTemperature(
    fitted.map((example) => example.scores),
    fitted.map((example) => example.label),
  );
  const doubt = fitDoubts(fitted, temperature, categories);
  const calibration =
    (options.calibrator ?? DEFAULT_CALIBRATOR) === 'temperature'
      ? undefined
      : fitCalibration(
          fitted.map(({ scores, label, knownTerms, evidence }) => {
            const probabilities = Float64Array.from(scores);
            softmaxInPlace(probabilities, temperature);
            const top = topIndex(probabilities, categories, knownTerms);
            return { signals: calibrationSignals(scores, probabilities, top, temperature, evidence), right: top === label };
          }),
          round,
        );

  const nb = fit(docs, vocabulary.length, classes);
  const serialised: Record<string, number[]> = {};
  for (let t = 0; t < vocabulary.length; t++) {
    const row = [idf[t]];
    for (let c = 0; c < classes; c++) row.push(round(nb.logProbs[t * classes + c]));
    serialised[vocabulary[t]] = row;
  }
  return {
    format: 'comune-audit-nb',
    version: 2,
    categories,
    fieldWeights: FIELD_WEIGHTS,
    documents: n,
    smoothing: SMOOTHING,
    temperature: round(temperature),
    doubt: Object.fromEntries(DOUBT_KINDS.map((kind) => [kind, round(doubt[kind])])) as unknown as Doubt,
    calibration,
    logPriors: Array.from(nb.logPriors, round),
    vocabulary: serialised,
  };
}

/** model.json text. */
export function serialiseModel(model: Model): string {
  return serialiseWithVocabulary(model);
}

/** A model ready to score: vocabulary index and flat typed arrays. */
export interface CompiledModel {
  categories: CategoryId[];
  temperature: number;
  doubt?: Doubt;
  calibration?: Calibration;
  logPriors: Float64Array;
  index: Map<string, number>;
  idf: Float64Array;
  /** Row-major: term × category. */
  logProbs: Float64Array;
  terms: TermFunction;
}

export function compileModel(model: Model, options: TextOptions = {}): CompiledModel {
  const { index, idf, weights: logProbs } = unpackVocabulary(model.vocabulary, model.categories.length);
  return {
    categories: model.categories,
    temperature: model.temperature,
    doubt: model.doubt,
    calibration: model.calibration,
    logPriors: Float64Array.from(model.logPriors),
    index,
    idf,
    logProbs,
    terms: options.terms ?? italianTerms,
  };
}

const ALTERNATIVES = 3;

/** Index of the chosen category: the most probable (ties by name), or `altro` when no term was known (empty, binary, another language: no evidence for any subject). */
function topIndex(probabilities: ArrayLike<number>, categories: readonly CategoryId[], knownTerms: number): number {
  const altro = categories.indexOf('altro');
  if (knownTerms === 0 && altro >= 0) return altro;
  let top = 0;
  for (let c = 1; c < categories.length; c++) {
    if (probabilities[c] > probabilities[top] || (probabilities[c] === probabilities[top] && categories[c] < categories[top])) top = c;
  }
  return top;
}

/** A page parsed from HTML carries headings or a breadcrumb; scraped text does not. */
const isStructured = (input: ClassifyInput): boolean => (input.headings?.length ?? 0) > 0 || (input.breadcrumb?.length ?? 0) > 0;

/**
 * Best category, calibrated confidence and the runners-up; declaredCategory is left to the caller. `counts`: termCounts
 * of `input`, when the caller has them (the topic tagger reads the same). The runners-up share what the top category
 * leaves in their softmax proportions, never above the top's confidence.
 */
export function classifyCompiled(compiled: CompiledModel, input: ClassifyInput, counts = termCounts(input, compiled.terms, true), alone = false): Classification {
  const { categories, temperature, doubt, calibration } = compiled;
  const { ids, weights } = featureVector(counts, compiled.index, compiled.idf);
  const scores = new Float64Array(categories.length);
  scoreInto(scores, ids, weights, compiled.logPriors, compiled.logProbs);
  const probabilities = Float64Array.from(scores);
  softmaxInPlace(probabilities, temperature);
  const top = topIndex(probabilities, categories, ids.length);
  if (doubt) addDoubt(probabilities, doubt[doubtKind(categories[top] === 'altro', alone)]);
  const confidence = calibration
    ? calibratedConfidence(calibration, calibrationSignals(scores, probabilities, top, temperature, pageEvidence(counts, (term) => compiled.index.has(term), isStructured(input))))
    : probabilities[top];
  const left = 1 - probabilities[top];
  const share = left > 0 ? (1 - confidence) / left : 0;
  const others = categories
    .map((category, i) => ({ category, probability: probabilities[i] }))
    .filter((_, i) => i !== top)
    .sort((a, b) => b.probability - a.probability || (a.category < b.category ? -1 : 1));
  return {
    category: categories[top],
    confidence: round(confidence),
    alternatives: others.slice(0, ALTERNATIVES).map((r) => ({ category: r.category, confidence: round(Math.min(confidence, r.probability * share)) })),
    declaredCategory: null,
  };
}
