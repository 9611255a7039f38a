// Topic tags (src/classify/topics.ts): leave-one-site-out micro/macro-F1 on the real-style sites, the demo site's
// declared "Argomenti" as a set nobody here labelled, and the cost of tagging beside the category.
// `node --expose-gc dist/bench/topics.js` (also part of `npm run bench`).
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CORPUS_FILES, DEFAULT_MODEL_PATH, createClassifier, declaredTopicsOf, loadTopicModel, parseModel, readLabelledFile } from '../src/classify/index.js';
import { flattenHtml } from '../src/classify/flatten.js';
import { escapeForRegExp } from '../src/classify/alternation.js';
import { evaluateTopics, scoreTopicPairs, type TopicEvalReport } from '../src/classify/topics-eval.js';
import { pageSites, readTopicCorpus } from '../src/classify/topics-train.js';
import { extractPageFacts } from '../src/facts/page.js';
import { localPage } from '../src/facts/local.js';
import { labelledPages } from './classifier-sets.js';

const CPU_SECONDS = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

/** Pages per second, wall and per CPU second of this process, best of three rounds. */
function throughput(run: () => number): { wall: number; cpu: number } {
  let best = { wall: 0, cpu: 0 };
  for (let round = 0; round < 3; round++) {
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    const cpu = CPU_SECONDS();
    const pages = run();
    const wall = pages / ((performance.now() - started) / 1000);
    const perCpu = pages / Math.max(CPU_SECONDS() - cpu, 1e-9);
    if (perCpu > best.cpu) best = { wall, cpu: perCpu };
  }
  return best;
}

const figures = (r: TopicEvalReport): string =>
  `micro-F1 ${r.microF1.toFixed(3)} (P ${r.microPrecision.toFixed(3)}, R ${r.microRecall.toFixed(3)})  macro-F1 ${r.macroF1.toFixed(3)}  no-topic pages left empty ${r.emptyRight}/${r.emptyPages}` +
  (r.calibration
    ? `  ECE ${r.calibration.expectedCalibrationError.toFixed(3)} over ${r.calibration.pairs} (page, topic) scores, ${r.calibration.fromOneTenth.expectedCalibrationError.toFixed(3)} over the ${r.calibration.fromOneTenth.pairs} of 0.1 or more (exact scores: ${r.calibration.fromOneTenth.samplingCalibrationError.toFixed(3)})`
    : '');

/**
 * The demo site's service pages declare their topics ("Argomenti" chips): those are the truth, and their text is
 * kept out of the features (parsed: the service-topic element is furniture; scraped: the chip lines are removed).
 * The demo site is never trained on. All its pages are given as one batch, as in an audit.
 */
function demoSite(): string[] {
  const classifier = createClassifier(parseModel(readFileSync(DEFAULT_MODEL_PATH, 'utf8'), DEFAULT_MODEL_PATH), {}, loadTopicModel());
  const pages = labelledPages().filter((page) => page.site === 'demo-site');
  const facts = pages.map((page) => extractPageFacts(localPage(`https://www.comune.example.it/${page.path}`, page.html)));
  const declared = facts.map((page) => declaredTopicsOf(page));
  const truthOf = (i: number): string[] => declared[i].flatMap((topic) => (topic.id === null ? [] : [topic.id]));
  const withTruth = pages.map((_, i) => i).filter((i) => truthOf(i).length > 0);
  const parsed = classifier.classifySite(facts);
  const lines = [`  demo site: ${withTruth.length} of ${pages.length} pages declare topics of the vocabulary (never trained on, chips not read)`];
  lines.push(`    parsed HTML, site batch      ${figures(scoreTopicPairs(withTruth.map((i) => ({ truth: truthOf(i), predicted: (parsed[i].topics ?? []).map((t) => t.id) })), 1, 'parsed'))}`);
  for (const separator of ['\n', ' '] as const) {
    const chips = (i: number): RegExp[] => declared[i].map((topic) => new RegExp(`(^|\\s)${escapeForRegExp(topic.label)}(?=\\s|$)`, 'g'));
    const pairs = withTruth.map((i) => {
      const text = chips(i).reduce((t, chip) => t.replace(chip, ' '), flattenHtml(pages[i].html, separator));
      return { truth: truthOf(i), predicted: (classifier.classifyText({ text }).topics ?? []).map((t) => t.id) };
    });
    lines.push(`    scraped by ${separator === '\n' ? 'lines ' : 'spaces'}, alone     ${figures(scoreTopicPairs(pairs, 1, separator === '\n' ? 'scraped-lines' : 'scraped-spaces'))}`);
  }
  return lines;
}

/** Classification of Modello Comuni pages with and without the topic tagger (the same pages as bench/classifier.ts). */
function speed(): string[] {
  const model = parseModel(readFileSync(DEFAULT_MODEL_PATH, 'utf8'), DEFAULT_MODEL_PATH);
  const pages = CORPUS_FILES.flatMap((file) => readLabelledFile(file)).filter((record) => record.site === 'modello-comuni' && record.text.length > 1000);
  const sample = Array.from({ length: 5_000 }, (_, i) => pages[i % pages.length]);
  const rows: string[] = [];
  for (const [label, classifier] of [
    ['category only  ', createClassifier(model)],
    ['category+topics', createClassifier(model, {}, loadTopicModel())],
  ] as const) {
    const { wall, cpu } = throughput(() => {
      for (const page of sample) classifier.classifyText(page);
      return sample.length;
    });
    rows.push(`    ${label} ${Math.round(wall).toLocaleString('en-US')} pages/s wall, ${Math.round(cpu).toLocaleString('en-US')} per CPU second`);
  }
  return [`  speed on Modello Comuni pages, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`, ...rows];
}

export function runTopicsBench(): string[] {
  const records = readTopicCorpus();
  const sites = pageSites(records);
  const lines = ['topics', `  corpus ${records.length} records; leave-one-site-out over the ${sites.length} real-style sites (written for this project, labelled by hand)`];
  for (const report of evaluateTopics(records, sites)) lines.push(`    ${report.form.padEnd(15)} ${report.pages} pages  ${figures(report)}`);
  lines.push(...demoSite(), ...speed());
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) for (const line of runTopicsBench()) console.log(line);
