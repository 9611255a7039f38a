import { describe, expect, it } from 'vitest';
import { addDoubt, calibratedConfidence, fitCalibration, fitDoubt, SIGNALS, type CalibrationSignals } from '../../src/classify/calibration.js';
import { calibrationError, samplingCalibrationError } from '../../src/classify/evaluate.js';
import { CORPUS_FILES, createClassifier, DEFAULT_MODEL_PATH, parseModel, readLabelledFile, scoreOutcomes, serialiseModel, trainModel, type Outcome } from '../../src/classify/index.js';
import { round } from '../../src/classify/model.js';
import { readFileSync } from 'node:fs';
// Not re-exported by the classifier's index: the HTML parser it loads is not needed to classify page facts.
import { flattenHtml } from '../../src/classify/flatten.js';
import { dataPath } from '../../src/util/paths.js';
import { readFixture } from '../helpers/site.js';

const shipped = parseModel(readFileSync(DEFAULT_MODEL_PATH, 'utf8'), DEFAULT_MODEL_PATH);
// The logistic calibrator is measured, not shipped (docs/classifier.md): trained here on the shipped corpus.
const calibrated = trainModel(
  CORPUS_FILES.flatMap((file) => readLabelledFile(file)),
  { calibrator: 'logistic' },
);

const signals = (overrides: Partial<CalibrationSignals> = {}): CalibrationSignals => ({
  topLogit: 2,
  margin: 3,
  knownShare: 0.8,
  logTerms: 5,
  structured: 0,
  titled: 1,
  ...overrides,
});

describe('calibration figures', () => {
  it('bins confidences in tenths and weighs each bin by its records', () => {
    // Bin [0.9, 1]: mean confidence 0.95, 1 of 2 right (gap 0.45); bin [0.5, 0.6): 0.55, 2 of 2 right (gap 0.45).
    expect(calibrationError([0.95, 0.95, 0.55, 0.55], [true, false, true, true])).toBeCloseTo(0.45, 10);
    expect(calibrationError([0.8, 0.8, 0.8, 0.8, 0.8], [true, true, true, true, false])).toBeCloseTo(0, 10);
  });

  it('reports Brier score, log loss, mean confidence and the confident answers beside ECE', () => {
    const outcomes: Outcome[] = [
      { truth: 'ambiente', predicted: 'ambiente', confidence: 0.9 },
      { truth: 'turismo', predicted: 'ambiente', confidence: 0.6 },
      { truth: 'altro', predicted: 'altro', confidence: 0.95 },
      { truth: 'altro', predicted: 'altro', confidence: 0.5 },
    ];
    const report = scoreOutcomes(outcomes, 'held-out', 1);
    expect(report.brierScore).toBeCloseTo((0.01 + 0.36 + 0.0025 + 0.25) / 4, 4);
    expect(report.logLoss).toBeCloseTo(-(Math.log(0.9) + Math.log(0.4) + Math.log(0.95) + Math.log(0.5)) / 4, 4);
    expect(report.meanConfidence).toBeCloseTo(0.7375, 4);
    expect(report.confident).toEqual({ share: 0.5, accuracy: 1 });
  });

  it('pools the held-out answers of several sets into one ECE, not the mean of theirs, with its reliability table', () => {
    // Set A: two answers at 0.95, one right (ECE 0.45); set B: four at 0.95, all right (ECE 0.05); mean of the two 0.25.
    const answer = (right: boolean): Outcome => ({ truth: 'ambiente', predicted: right ? 'ambiente' : 'turismo', confidence: 0.95 });
    const setA = [answer(true), answer(false)];
    const setB = [answer(true), answer(true), answer(true), answer(true)];
    expect(scoreOutcomes(setA, 'leave-one-site-out', 1).expectedCalibrationError).toBeCloseTo(0.45, 4);
    expect(scoreOutcomes(setB, 'leave-one-site-out', 1).expectedCalibrationError).toBeCloseTo(0.05, 4);
    // Pooled: one bin [0.9, 1] of 6 answers, mean confidence 0.95, 5 right: |0.95 − 5/6| = 0.1167.
    const pooled = scoreOutcomes([...setA, ...setB], 'leave-one-site-out', 1);
    expect(pooled.expectedCalibrationError).toBeCloseTo(0.95 - 5 / 6, 4);
    expect(pooled.reliability).toEqual([{ from: 0.9, to: 1, count: 6, meanConfidence: 0.95, accuracy: 0.8333 }]);
  });

  it('gives the answers altro apart: how many, how sure, how often right', () => {
    const outcomes: Outcome[] = [
      { truth: 'altro', predicted: 'altro', confidence: 0.9 },
      { truth: 'ambiente', predicted: 'altro', confidence: 0.8 },
      { truth: 'ambiente', predicted: 'ambiente', confidence: 0.6 },
    ];
    const report = scoreOutcomes(outcomes, 'held-out', 1);
    expect(report.altro).toEqual({ answers: 2, meanConfidence: 0.85, accuracy: 0.5 });
    expect(report.reliability.map((bin) => [bin.from, bin.count, bin.accuracy])).toEqual([
      [0.6, 1, 1],
      [0.8, 1, 0],
      [0.9, 1, 1],
    ]);
  });

  it('measures the ECE that sampling alone gives: none for certain answers, less on more records, the same each run', () => {
    expect(samplingCalibrationError(Array(50).fill(1))).toBe(0);
    const small = samplingCalibrationError(Array(40).fill(0.75));
    const large = samplingCalibrationError(Array(4000).fill(0.75));
    expect(small).toBeGreaterThan(0.03);
    expect(large).toBeLessThan(0.01);
    expect(samplingCalibrationError(Array(40).fill(0.75))).toBe(small);
  });
});

describe('calibrator', () => {
  it('never lowers confidence as the top score, its lead or the known share grows (fitted on the shipped corpus)', () => {
    const calibration = calibrated.calibration!;
    expect(calibration).toBeDefined();
    for (const name of ['topLogit', 'margin', 'knownShare'] as const) {
      const values = name === 'knownShare' ? [0, 0.2, 0.5, 0.8, 1] : [-5, 0, 1, 3, 8, 20];
      for (const structured of [0, 1]) {
        const confidences = values.map((value) => calibratedConfidence(calibration, signals({ [name]: value, structured })));
        for (let i = 1; i < confidences.length; i++) expect(confidences[i]).toBeGreaterThanOrEqual(confidences[i - 1]);
      }
    }
  });

  it('holds a weight that would make confidence fall with the top score at zero, and learns a signal that tells', () => {
    // Right answers have a low top logit here (an adversarial sample) and a high known share.
    const examples = Array.from({ length: 200 }, (_, i) => {
      const right = i % 4 !== 0;
      return { signals: signals({ topLogit: right ? 1 : 4, knownShare: right ? 0.9 : 0.4, logTerms: 3 + (i % 5) }), right };
    });
    const calibration = fitCalibration(examples, round);
    expect(calibration.topLogit).toBe(0);
    expect(calibration.knownShare).toBeGreaterThan(0);
    expect(calibratedConfidence(calibration, signals({ topLogit: 1, knownShare: 0.9 }))).toBeGreaterThan(0.9);
    expect(calibratedConfidence(calibration, signals({ topLogit: 4, knownShare: 0.4 }))).toBeLessThan(0.3);
    expect(fitCalibration(examples, round)).toEqual(calibration);
    expect(Object.keys(calibration).sort()).toEqual(['bias', ...SIGNALS].sort());
  });

  it('changes the confidence only: same weights and temperature, same category and runners-up as the softmax', () => {
    const { calibration: _calibration, ...uncalibrated } = calibrated;
    expect(serialiseModel(uncalibrated)).toBe(readFileSync(DEFAULT_MODEL_PATH, 'utf8'));
    expect(shipped.calibration).toBeUndefined();
    const withCalibration = createClassifier(calibrated);
    const softmaxOnly = createClassifier(shipped);
    const pages = [
      { title: 'Raccolta differenziata', text: 'Calendario della raccolta porta a porta di carta, plastica e umido; centro di raccolta comunale.' },
      { text: 'Informativa privacy e cookie policy del portale istituzionale del Comune.' },
      { title: 'Biblioteca civica', headings: ['Orari', 'Prestito'], text: 'Prestito di libri, sala studio e letture per bambini.' },
      { text: 'Pagamento della TARI e dell’IMU: scadenze, modello F24, ravvedimento operoso.' },
    ];
    for (const page of pages) {
      const a = withCalibration.classifyText(page);
      const b = softmaxOnly.classifyText(page);
      expect(a.category).toBe(b.category);
      expect(a.alternatives.map((alternative) => alternative.category)).toEqual(b.alternatives.map((alternative) => alternative.category));
      for (const alternative of a.alternatives) expect(alternative.confidence).toBeLessThanOrEqual(a.confidence);
      expect(a.confidence + a.alternatives.reduce((sum, alternative) => sum + alternative.confidence, 0)).toBeLessThanOrEqual(1.0001);
    }
  });
});

describe('model file', () => {
  it('refuses a calibrator with a weight that is not a number, with a message to retrain', () => {
    const broken = JSON.stringify({ ...calibrated, calibration: { ...calibrated.calibration, knownShare: 'high' } });
    expect(parseModel(JSON.stringify(calibrated), 'calibrated.json').calibration).toEqual(calibrated.calibration);
    expect(() => parseModel(broken, 'broken.json')).toThrow(/train/);
  });
});

describe('doubt', () => {
  it('is fitted to what held-out answers show: none for answers always right, ~0.1 for answers at 0.999 right 90% of the time', () => {
    expect(fitDoubt(Array.from({ length: 100 }, () => ({ probability: 0.99, right: true })), 16)).toBeLessThan(1e-6);
    const answers = Array.from({ length: 100 }, (_, i) => ({ probability: 0.999, right: i % 10 !== 0 }));
    const doubt = fitDoubt(answers, 16);
    const probabilities = Float64Array.from([0.999, 0.001, ...Array(14).fill(0)]);
    addDoubt(probabilities, doubt);
    expect(probabilities[0]).toBeCloseTo(0.9, 3);
    expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 10);
  });

  // The demo site was never trained on (nor its template): its pages scraped (with and without the <head>, joined by
  // newlines or spaces) and given one at a time, the case. Without the doubt the same model says 0.93 for
  // 0.90 right (ECE 0.058; 0.96 for 0.89 before single pages joined by spaces lost their header and footer, and the
  // doubt was fitted on pages so cut); an over-confident calibrator fails here.
  const labels = readFileSync(dataPath('classifier', 'pages-heldout.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { site: string; path: string; category: Outcome['truth'] })
    .filter((label) => label.site === 'demo-site');
  const demoAlone = (model: typeof shipped): ReturnType<typeof scoreOutcomes> => {
    const classifier = createClassifier(model);
    const outcomes = labels.flatMap((label) => {
      const html = readFixture('demo-site', ...label.path.split('/'));
      return (['\n', ' '] as const).flatMap((separator) =>
        [false, true].map((body) => {
          const result = classifier.classifyText({ text: flattenHtml(html, separator, { body }) });
          return { truth: label.category, predicted: result.category, confidence: result.confidence };
        }),
      );
    });
    return scoreOutcomes(outcomes, 'held-out', 1);
  };

  it('keeps single scraped pages of a site never seen calibrated, and an over-confident model is caught', () => {
    expect(labels.length).toBe(64);
    const withDoubt = demoAlone(shipped);
    const without = demoAlone({ ...shipped, doubt: undefined });
    expect(withDoubt.accuracy).toBe(without.accuracy);
    expect(withDoubt.expectedCalibrationError).toBeLessThan(0.05);
    // 64 pages in four forms each: one page moves the accuracy by 0.016, so the mean gap is held to 0.04 (0.035 since
    // titles that are only the site's name stopped voting and the areeportal family joined the corpus).
    expect(Math.abs(withDoubt.meanConfidence - withDoubt.accuracy)).toBeLessThan(0.04);
    // Without the doubt the same pages are over-confident (gap 0.035 since session 9's families joined the corpus, ECE
    // 0.037-0.050: that model alone no longer crosses 0.05 surely); a sharper one (half the temperature, no doubt) is
    // caught (0.066-0.075).
    expect(without.meanConfidence - without.accuracy).toBeGreaterThan(0.025);
    const sharper = demoAlone({ ...shipped, doubt: undefined, temperature: shipped.temperature / 2 });
    expect(sharper.expectedCalibrationError).toBeGreaterThan(0.05);
  });

  it('doubts a page alone at least as much as in a batch, and never changes the category', () => {
    const doubt = shipped.doubt!;
    // Fitted on held-out answers. An answer `altro` alone was doubted most until session 9's isweb family joined the
    // corpus; since then the softer temperature (0.580) leaves those answers calibrated (doubt 0), and a subject
    // answered alone gets the most doubt (0.0169; 0.015 since the session-9 title finders, "Eighth round").
    expect(doubt.altroAlone).toBeGreaterThanOrEqual(doubt.altro);
    expect(doubt.subjectAlone).toBeGreaterThan(doubt.subject);
    const classifier = createClassifier(shipped);
    const privacy = { text: 'Informativa sul trattamento dei dati personali: il titolare del trattamento è il Comune.' };
    expect(classifier.classifyText(privacy).category).toBe('altro');
    expect(classifier.classifyText(privacy, { withSite: true }).category).toBe('altro');
    const nursery = { text: 'Iscrizione al nido comunale: domande dal 1 al 31 marzo per i bambini da tre mesi a tre anni.' };
    const alone = classifier.classifyText(nursery);
    const withSite = classifier.classifyText(nursery, { withSite: true });
    expect(alone.category).toBe('educazione-formazione');
    expect(withSite.category).toBe('educazione-formazione');
    expect(alone.confidence).toBeLessThan(withSite.confidence);
    expect(alone.confidence).toBeLessThanOrEqual(1 - doubt.subjectAlone + doubt.subjectAlone / 16 + 1e-4);
  });
});
