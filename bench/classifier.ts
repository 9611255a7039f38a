// Classifier benchmark: quality on the held-out writing styles and on whole pages, speed, training time, model size, and the
// library comparison that chose the stemmer (natural's classifier and stemmer vs our own, when installed).
// A benchmark that prints numbers, not a test. Run alone: npm run build && node dist/bench/classifier.js
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CORPUS_FILES,
  DEFAULT_MODEL_PATH,
  HELDOUT_FILE,
  createClassifier,
  evaluate,
  evaluateHeldOut,
  makeTermFunction,
  parseModel,
  readLabelledFile,
  scoreOutcomes,
  stemItalian,
  trainModel,
  type LabelledRecord,
  type Outcome,
  type TextOptions,
} from '../src/classify/index.js';
import { isCategoryId } from '../src/classify/categories.js';
import { extractPageFacts } from '../src/facts/page.js';
import { localPage } from '../src/facts/local.js';
import type { CategoryId, PageFacts } from '../src/types.js';
import { dataPath, packageRoot } from '../src/util/paths.js';

const require = createRequire(import.meta.url);

/** Seconds spent in fn, best of `runs` (the machine is shared and noisy). */
function bestSeconds(fn: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return best;
}

const textOf = (record: LabelledRecord): string => [record.title, ...(record.breadcrumb ?? []), ...(record.headings ?? []), record.text].filter(Boolean).join('\n');
const rate = (count: number, seconds: number): string => Math.round(count / seconds).toLocaleString('en-US');

/** 10,000 training documents: corpus records cycled, each glued to its two successors so no two are equal. */
function tenThousandDocuments(corpus: LabelledRecord[]): LabelledRecord[] {
  return Array.from({ length: 10_000 }, (_, i) => {
    const record = corpus[i % corpus.length];
    const extra = [corpus[(i + 1) % corpus.length], corpus[(i + 7) % corpus.length]].map((r) => r.text).join(' ');
    return { ...record, text: `${record.text} ${extra} ${i}` };
  });
}

interface Candidate {
  name: string;
  train(records: LabelledRecord[]): (record: LabelledRecord) => { category: string; confidence: number };
}

/** Our TF-IDF + naive Bayes with a given stemmer. */
function ownPipeline(name: string, options: TextOptions): Candidate {
  return {
    name,
    train(records) {
      const classifier = createClassifier(trainModel(records, options), options);
      return (record) => classifier.classifyText(record);
    },
  };
}

interface NaturalBayes {
  addDocument(text: string, label: string): void;
  train(): void;
  getClassifications(text: string): { label: string; value: number }[];
}

/** natural's BayesClassifier with its Italian stemmer (loaded by module path: the whole package prints to stdout). */
function naturalBayes(BayesClassifier: new (stemmer: unknown) => NaturalBayes, stemmer: unknown): Candidate {
  return {
    name: 'natural BayesClassifier + PorterStemmerIt',
    train(records) {
      const classifier = new BayesClassifier(stemmer);
      for (const record of records) classifier.addDocument(textOf(record), record.category);
      classifier.train();
      return (record) => {
        const scores = classifier.getClassifications(textOf(record));
        const total = scores.reduce((sum, s) => sum + s.value, 0);
        return { category: scores[0].label, confidence: total > 0 ? scores[0].value / total : 0 };
      };
    },
  };
}

function measureCandidate(candidate: Candidate, corpus: LabelledRecord[], heldOut: LabelledRecord[], pages: LabelledRecord[]): string {
  let classify: ReturnType<Candidate['train']> = () => ({ category: 'altro', confidence: 0 });
  const trainSeconds = bestSeconds(() => {
    classify = candidate.train(corpus);
  }, 1);
  const outcomes: Outcome[] = heldOut.map((record) => {
    const result = classify(record);
    const predicted = isCategoryId(result.category) ? result.category : 'altro';
    return { truth: record.category, predicted, confidence: result.confidence };
  });
  const report = scoreOutcomes(outcomes, 'held-out', 1);
  // Speed on page-sized inputs (the Modello Comuni pages: 1–14 KB of main text each).
  const sample = Array.from({ length: 200 }, (_, i) => pages[i % pages.length]);
  const seconds = bestSeconds(() => sample.forEach((page) => classify(page)), 2);
  // A long page whose label is not the first category (an underflowing classifier returns the first one).
  const base = pages.find((page) => page.category === 'tributi-finanze-contravvenzioni') ?? pages[0];
  const longPage = { ...base, text: Array.from({ length: 40 }, () => base.text).join('\n') };
  const longResult = classify(longPage);
  const longVerdict = longResult.confidence === 0 ? 'every score 0 (underflow)' : `${longResult.category === longPage.category ? 'right' : 'wrong'} (${longResult.category})`;
  return `  ${candidate.name.padEnd(46)} macro-F1 ${report.macroF1.toFixed(3)}  train ${(trainSeconds * 1000).toFixed(0).padStart(5)} ms  classify ${rate(sample.length, seconds).padStart(6)} pages/s  ${Math.round(longPage.text.length / 1024)} KB page: ${longVerdict}`;
}

function comparison(corpus: LabelledRecord[], heldOut: LabelledRecord[], pages: LabelledRecord[]): string[] {
  const lines = ['', 'library comparison (same corpus, same held-out records):'];
  const candidates: Candidate[] = [];
  let natural: { BayesClassifier: new (stemmer: unknown) => NaturalBayes; stemmer: { stem(word: string): string } } | null = null;
  try {
    const started = performance.now();
    natural = {
      BayesClassifier: require('natural/lib/natural/classifiers/bayes_classifier.js'),
      stemmer: require('natural/lib/natural/stemmers/porter_stemmer_it.js'),
    };
    lines.push(`  natural ${require('natural/package.json').version}: classifier + Italian stemmer modules load in ${(performance.now() - started).toFixed(0)} ms`);
  } catch {
    lines.push('  natural not installed: skipped (npm i --no-save natural)');
  }
  if (natural) {
    candidates.push(naturalBayes(natural.BayesClassifier, natural.stemmer));
    const naturalStem = natural.stemmer;
    candidates.push(ownPipeline('natural PorterStemmerIt + our TF-IDF/NB', { terms: makeTermFunction((word) => naturalStem.stem(word)) }));
  }
  try {
    const snowball = require('snowball-stemmers') as { newStemmer(language: string): { stem(word: string): string } };
    const italian = snowball.newStemmer('italian');
    candidates.push(ownPipeline('snowball-stemmers + our TF-IDF/NB', { terms: makeTermFunction((word) => italian.stem(word)) }));
  } catch {
    lines.push('  snowball-stemmers not installed: skipped (npm i --no-save snowball-stemmers)');
  }
  candidates.push(ownPipeline('our Snowball stemmer + our TF-IDF/NB (shipped)', { terms: makeTermFunction(stemItalian) }));
  for (const candidate of candidates) lines.push(measureCandidate(candidate, corpus, heldOut, pages));
  return lines;
}

/** A labelled whole page of data/classifier/pages-heldout.jsonl. */
interface HeldOutPage {
  site: 'demo-site' | 'modello-comuni';
  path: string;
  category: CategoryId;
  /** The page is one of the Modello Comuni pages in the training corpus (modello-comuni.jsonl). */
  trained?: boolean;
}

/** A page parsed by the real parser, as the audit does. */
function parsePage(file: string): PageFacts {
  const html = readFileSync(file, 'utf8');
  const url = 'https://www.comune.example.it/page.html';
  return extractPageFacts(localPage(url, html));
}

function pageReport(name: string, corpus: LabelledRecord[], pages: { page: PageFacts; label: HeldOutPage }[]): string {
  const classifier = createClassifier(trainModel(corpus));
  const outcomes: Outcome[] = pages.map(({ page, label }) => {
    const result = classifier.classifyPage(page);
    return { truth: label.category, predicted: result.category, confidence: result.confidence };
  });
  const report = scoreOutcomes(outcomes, 'held-out', 1);
  return `  ${name.padEnd(62)} ${String(pages.length).padStart(3)} pages  macro-F1 ${report.macroF1.toFixed(3)}  accuracy ${report.accuracy.toFixed(3)}  ECE ${report.expectedCalibrationError.toFixed(3)}`;
}

/**
 * Whole pages parsed with extractPageFacts and classified with classifyPage: the demo site (never trained on) and,
 * when MODELLO_COMUNI_PAGES names a checkout of italia/design-comuni-pagine-statiche (its built site folder, the one
 * holding servizi/ and sito/), the 85 model pages: those not in the corpus, and all of them with the model site held out.
 */
function wholePages(corpus: LabelledRecord[]): string[] {
  const labels = readFileSync(dataPath('classifier', 'pages-heldout.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as HeldOutPage);
  const demoRoot = join(packageRoot, 'fixtures', 'demo-site');
  const demo = labels.filter((l) => l.site === 'demo-site').map((label) => ({ label, page: parsePage(join(demoRoot, label.path)) }));
  const lines = ['', 'whole pages (parsed with extractPageFacts, classified with classifyPage):', pageReport('demo site, never trained on', corpus, demo)];
  const modelRoot = process.env.MODELLO_COMUNI_PAGES;
  if (modelRoot && existsSync(join(modelRoot, 'sito'))) {
    const model = labels.filter((l) => l.site === 'modello-comuni').map((label) => ({ label, page: parsePage(join(modelRoot, label.path)) }));
    lines.push(
      pageReport('Modello Comuni pages not in the corpus', corpus, model.filter((p) => !p.label.trained)),
      pageReport('all Modello Comuni pages, model site left out of training', corpus.filter((r) => r.site !== 'modello-comuni'), model),
    );
  } else {
    lines.push('  Modello Comuni pages: skipped (set MODELLO_COMUNI_PAGES to the built site of italia/design-comuni-pagine-statiche)');
  }
  return lines;
}

export async function runClassifierBench(): Promise<string[]> {
  const corpus = CORPUS_FILES.flatMap((file) => readLabelledFile(file));
  const heldOut = readLabelledFile(HELDOUT_FILE);
  const pages = corpus.filter((record) => record.site === 'modello-comuni' && record.text.length > 1000);
  const lines = ['classifier', `  corpus ${corpus.length} records, held-out ${heldOut.length} records (writing styles never trained on)`];

  const held = evaluateHeldOut(corpus, heldOut);
  const loso = evaluate(corpus, { byLeaveOneSite: true });
  lines.push(
    `  held-out macro-F1 ${held.macroF1.toFixed(3)} (accuracy ${held.accuracy.toFixed(3)}, calibration error ${held.expectedCalibrationError.toFixed(3)})   target ≥ 0.80`,
    `  leave-one-site-out on the corpus (${loso.folds} sites) macro-F1 ${loso.macroF1.toFixed(3)}`,
  );

  const modelText = readFileSync(DEFAULT_MODEL_PATH, 'utf8');
  let classifier = createClassifier(parseModel(modelText, DEFAULT_MODEL_PATH));
  const loadSeconds = bestSeconds(() => {
    classifier = createClassifier(parseModel(readFileSync(DEFAULT_MODEL_PATH, 'utf8'), DEFAULT_MODEL_PATH));
  });
  lines.push(`  model ${(statSync(DEFAULT_MODEL_PATH).size / 1024).toFixed(0)} KB (target < 5 MB), loads in ${(loadSeconds * 1000).toFixed(1)} ms`);

  const sample = Array.from({ length: 5_000 }, (_, i) => pages[i % pages.length]);
  const pageSeconds = bestSeconds(() => sample.forEach((page) => classifier.classifyText(page)));
  const averageKb = sample.reduce((sum, page) => sum + page.text.length, 0) / sample.length / 1024;
  lines.push(`  classify ${rate(sample.length, pageSeconds)} pages/s on Modello Comuni pages (${averageKb.toFixed(1)} KB of text each)   target ≥ 5,000`);

  const documents = tenThousandDocuments(corpus);
  const trainSeconds = bestSeconds(() => trainModel(documents), 1);
  lines.push(`  train on ${documents.length.toLocaleString('en-US')} documents in ${trainSeconds.toFixed(2)} s (with the 5-fold temperature fit)   target < 2 s`);

  lines.push(...wholePages(corpus));
  lines.push(...comparison(corpus, heldOut, pages));
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const line of await runClassifierBench()) console.log(line);
}
