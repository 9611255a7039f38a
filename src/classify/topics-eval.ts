// Leave-one-site-out measurement of the topic tagger (topics.ts, trained by topics-train.ts): micro/macro-F1 and
// calibration of the tags of each held-out site's pages, by the form the pages reached the tagger.
import { binnedCalibrationError, calibrationBins, samplingCalibrationError } from './evaluate.js';
import { round, termCounts, withoutScrapedTitle } from './model.js';
import { stripSiteFurniture } from './site-furniture.js';
import { compileTopicModel, tagsOf, topicProbabilities, type CompiledTopicModel } from './topics.js';
import { microF1, TopicTraining, type TopicRecord } from './topics-train.js';

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
  // One training set for all held-out sites: each model is the one trained on the records without its site.
  const training = new TopicTraining(records);
  for (const site of heldOutSites) outcomes.add(compileTopicModel(training.model(site)), records.filter((r) => r.site === site));
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

