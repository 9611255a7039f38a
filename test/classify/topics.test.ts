// Topic tags (the Modello Comuni's 64 "Argomenti"), several per page, beside the category (issue 8, "Beyond").
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifierInput, loadClassifier, topicFromLabel, topicVocabulary } from '../../src/classify/index.js';
import { evaluateTopics, scoreTopicPairs, topicCalibration } from '../../src/classify/topics-eval.js';
import { fitRankCalibration, isotonicCalibration, readTopicCorpus, serialiseTopicModel, TopicTraining, trainTopicModel } from '../../src/classify/topics-train.js';
import { DEFAULT_TOPIC_MODEL_PATH, calibrateTopicScores, compileTopicModel, parseTopicModel, rankInPage } from '../../src/classify/topics.js';
import { runClassify } from '../../src/cli/classify.js';
import { formatTopicEvalReport } from '../../src/cli/eval.js';
import { runTrain } from '../../src/cli/train.js';
import { extractPageFacts } from '../../src/facts/page.js';
import { localPage } from '../../src/facts/local.js';
import { messages } from '../../src/report/i18n/index.js';
import { readFixture } from '../helpers/site.js';

const classifier = loadClassifier();
const dir = mkdtempSync(join(tmpdir(), 'comune-audit-topics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sink = () => ({ write: () => true });

const WASTE_NOTICE = {
  title: 'Nuovi giorni di raccolta dei rifiuti porta a porta',
  text:
    "Dal 1° marzo cambiano i giorni di raccolta differenziata nelle frazioni.\nL'umido si raccoglie il martedì e il venerdì, la carta il lunedì, il vetro ogni due settimane.\n" +
    "I sacchi vanno esposti davanti a casa la sera prima. Gli ingombranti si portano all'isola ecologica di via dei Mulini.",
};
const PRIVACY = {
  title: 'Informativa sul trattamento dei dati personali',
  text:
    'Il titolare del trattamento è il Comune; il responsabile della protezione dei dati risponde alle richieste degli interessati.\n' +
    'I dati di navigazione sono conservati per il tempo necessario alla sicurezza del sito e non sono ceduti a terzi.\nCookie tecnici e di analisi anonimizzati.',
};

describe('the vocabulary', () => {
  it('has the 64 topics of the Modello Comuni, with distinct ids, and reads labels however they are written', () => {
    const topics = topicVocabulary();
    expect(topics).toHaveLength(64);
    expect(new Set(topics.map((topic) => topic.id)).size).toBe(64);
    expect(topicFromLabel('Gestione rifiuti')?.id).toBe('gestione-rifiuti');
    expect(topicFromLabel('  mobilita   SOSTENIBILE ')?.id).toBe('mobilita-sostenibile');
    expect(topicFromLabel('Spazi verdi')?.id).toBe('spazio-verde');
    expect(topicFromLabel('Abitazione')).toBeNull();
  });

  it('names every topic in English too, each name its own', () => {
    const names = topicVocabulary().map((topic) => topic.labelEn);
    expect(names.every((name) => typeof name === 'string' && name.trim() !== '' && name.trim() === name)).toBe(true);
    expect(new Set(names).size).toBe(64);
    expect(topicVocabulary().find((topic) => topic.id === 'gestione-rifiuti')?.labelEn).toBe('Waste management');
  });
});

describe('topic tags', () => {
  it('a notice about waste collection gets the waste topic, first, with a high score', () => {
    const { topics } = classifier.classifyText(WASTE_NOTICE);
    expect(topics?.[0]).toMatchObject({ id: 'gestione-rifiuti', label: 'Gestione rifiuti' });
    expect(topics![0].score).toBeGreaterThan(0.8);
  });

  it('a privacy page gets no topic', () => {
    expect(classifier.classifyText(PRIVACY).topics).toEqual([]);
  });

  it('a page about two subjects gets both, sorted by score, each score in 0..1', () => {
    // Both subjects with their own words: a second topic named in one passing sentence scores far below the first
    // and is not given.
    const { topics } = classifier.classifyText({
      title: "Iscrizione alla mensa scolastica e abbonamento all'autobus",
      text:
        'Le famiglie degli alunni della scuola primaria iscrivono i figli alla mensa entro il 30 giugno. Per andare a scuola in autobus, ' +
        "il servizio di trasporto pubblico urbano offre l'abbonamento studenti alle linee e alle fermate della città.",
    });
    const ids = topics!.map((topic) => topic.id);
    expect(ids).toContain('istruzione');
    expect(ids).toContain('trasporto-pubblico');
    const scores = topics!.map((topic) => topic.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const score of scores) expect(score).toBeGreaterThanOrEqual(0), expect(score).toBeLessThanOrEqual(1);
  });
});

describe('declared topics', () => {
  it('are read from the "Argomenti" chips of a Modello Comuni page, and their text is not a feature', () => {
    const html = readFixture('modello-comuni', 'site', 'sito', 'segnalazione-dettaglio.html');
    const page = extractPageFacts(localPage('https://www.comune.example.it/segnalazione-dettaglio.html', html));
    expect(classifier.classifyPage(page).declaredTopics).toEqual([
      { id: 'gestione-rifiuti', label: 'Gestione rifiuti' },
      { id: 'igiene-pubblica', label: 'Igiene pubblica' },
      { id: 'spazio-verde', label: 'Spazi verdi' },
      { id: 'inquinamento', label: 'Inquinamento' },
    ]);
    expect(classifierInput(page).text).not.toMatch(/Igiene pubblica|Spazi verdi/);
  });

  it('keep a site topic outside the vocabulary with a null id; a page without chips declares none', () => {
    const html = readFixture('modello-comuni', 'site', 'servizi', 'pagamenti-imu-scheda-servizio.html');
    const page = extractPageFacts(localPage('https://www.comune.example.it/imu.html', html));
    expect(classifier.classifyPage(page).declaredTopics).toEqual([
      { id: null, label: 'Abitazione' },
      { id: null, label: 'Pagamenti' },
    ]);
    const privacy = extractPageFacts(localPage('https://www.comune.example.it/privacy.html', `<html><body><main><h1>${PRIVACY.title}</h1><p>${PRIVACY.text}</p></main></body></html>`));
    expect(classifier.classifyPage(privacy).declaredTopics).toBeUndefined();
  });
});

describe('the topic model', () => {
  it('is what `train --topics` makes of the shipped corpus, byte for byte (run it after changing data/topics or the training code)', async () => {
    const output = join(dir, 'topics.json');
    await runTrain({ output, topics: true }, { stderr: sink() });
    expect(readFileSync(output, 'utf8')).toBe(readFileSync(DEFAULT_TOPIC_MODEL_PATH, 'utf8'));
    expect(readFileSync(output).length).toBeLessThan(5 * 1024 * 1024);
  }, 120_000);

  it('is deterministic: the same records give the same file', () => {
    const records = readTopicCorpus().filter((record) => record.site === 'esempi-scritti' || record.site === 'vocabolario-argomenti' || record.site === 'joomla-sebino');
    expect(serialiseTopicModel(trainTopicModel(records))).toBe(serialiseTopicModel(trainTopicModel(records)));
  }, 60_000);

  it('held out of one shared training, is the model trained on the corpus without that site, byte for byte (what eval --topics measures)', () => {
    // Fits without two sites serve both (A held out with B as a calibration fold, and B with A): sharing them must
    // change nothing, nor may one site's furniture depend on the others'.
    const sites = ['halley-brembo', 'joomla-sebino', 'sportello-brenta'];
    const records = readTopicCorpus().filter((record) => ['esempi-scritti', 'vocabolario-argomenti', ...sites].includes(record.site ?? ''));
    const training = new TopicTraining(records);
    expect(training.pageSites).toEqual(sites);
    for (const site of sites) {
      const alone = serialiseTopicModel(trainTopicModel(records.filter((record) => record.site !== site)));
      expect(serialiseTopicModel(training.model(site))).toBe(alone);
    }
    expect(serialiseTopicModel(training.model())).toBe(serialiseTopicModel(trainTopicModel(records)));
  }, 120_000);

  it('refuses records with a topic outside the vocabulary, naming it', () => {
    expect(() => trainTopicModel([{ topics: ['abitazione'], text: 'Casa', source: 'x.jsonl:1' }])).toThrow(/abitazione.*x\.jsonl:1/);
  });
});

describe('measuring', () => {
  it('micro-F1 counts every topic of every page, macro-F1 averages over the topics pages have', () => {
    const report = scoreTopicPairs(
      [
        { truth: ['gestione-rifiuti'], predicted: ['gestione-rifiuti', 'igiene-pubblica'] },
        { truth: ['imposte', 'tassa-sui-servizi'], predicted: ['imposte'] },
        { truth: [], predicted: [] },
        { truth: [], predicted: ['turismo'] },
      ],
      4,
      'parsed',
    );
    // 2 right, 2 wrong given, 1 missed.
    expect(report).toMatchObject({ microPrecision: 0.5, microRecall: 0.6667, microF1: 0.5714, emptyPages: 2, emptyRight: 1, pages: 4 });
    // F1: gestione-rifiuti 1, imposte 1, tassa-sui-servizi 0.
    expect(report.macroF1).toBe(0.6667);
    const lines = formatTopicEvalReport(report, messages('en'));
    expect(lines[1]).toBe('micro-F1 0.571   macro-F1 0.667   precision 0.500   recall 0.667');
    expect(lines.some((line) => line.startsWith('tassa-sui-servizi') && line.includes('0.0'))).toBe(true);
  });
});

describe('calibration of topic scores', () => {
  it('bins every (page, topic) score in ten equal-width bins and weighs each bin\'s gap by its size', () => {
    const points = [
      ...Array.from({ length: 9 }, () => ({ score: 0.05, positive: false })),
      { score: 0.05, positive: true },
      ...Array.from({ length: 4 }, () => ({ score: 0.95, positive: true })),
      { score: 1, positive: false },
      { score: 0.1, positive: true },
    ];
    const calibration = topicCalibration(points);
    // Bin 0: 10 pairs, mean 0.05, 1 true → |0.5 − 1|; bin 1: |0.1 − 1|; bin 9 (1 falls in the last): |4.8 − 4|.
    expect(calibration.expectedCalibrationError).toBe(Number(((0.5 + 0.9 + 0.8) / 16).toFixed(4)));
    expect(calibration.bins.map((bin) => [bin.from, bin.pairs, bin.shareTrue])).toEqual([
      [0, 10, 0.1],
      [0.1, 1, 1],
      [0.9, 5, 0.8],
    ]);
    const lines = formatTopicEvalReport({ ...scoreTopicPairs([{ truth: [], predicted: [] }], 1, 'parsed'), calibration }, messages('en'));
    expect(lines).toContain('calibration error (ECE) 0.138 over 16 (page, topic) scores, 10 equal-width score bins:');
    expect(lines).toContain('  0.9–1.0         5        0.960        0.800');
    // Without the first bin: |0.1 − 1| and |4.8 − 4| over 6 pairs.
    expect(calibration.fromOneTenth).toMatchObject({ pairs: 6, expectedCalibrationError: Number(((0.9 + 0.8) / 6).toFixed(4)) });
    // Six scores of 0.1–1, drawn as if exact: a gap of that size is not a sign of anything.
    const floor = calibration.fromOneTenth.samplingCalibrationError;
    expect(floor).toBeGreaterThan(0.02);
    expect(floor).toBeLessThan(calibration.fromOneTenth.expectedCalibrationError);
    expect(lines).toContain(
      `over the 6 scores of 0.1 or more (the first bin, where topics far from the page sit, left out): ECE 0.283 (exact scores would show ${floor.toFixed(3)} on this many)`,
    );
    expect(topicCalibration([]).expectedCalibrationError).toBe(0);
  });

  it('is measured leave-one-site-out on every topic of every held-out page, its figure the bins\' weighted gaps', () => {
    const records = readTopicCorpus().filter((record) => ['esempi-scritti', 'vocabolario-argomenti', 'joomla-sebino', 'sportello-brenta'].includes(record.site ?? ''));
    const [parsed] = evaluateTopics(records, ['joomla-sebino']);
    const calibration = parsed.calibration!;
    expect(parsed.form).toBe('parsed');
    expect(calibration.pairs).toBe(parsed.pages * topicVocabulary().length);
    expect(calibration.bins.reduce((sum, bin) => sum + bin.pairs, 0)).toBe(calibration.pairs);
    const weighted = calibration.bins.reduce((sum, bin) => sum + (bin.pairs / calibration.pairs) * Math.abs(bin.meanScore - bin.shareTrue), 0);
    expect(calibration.expectedCalibrationError).toBeCloseTo(weighted, 3);
    expect(calibration.expectedCalibrationError).toBeGreaterThan(0);
    // Most topics are far from most pages.
    expect(calibration.bins[0]).toMatchObject({ from: 0 });
    expect(calibration.bins[0].pairs).toBeGreaterThan(calibration.pairs * 0.8);
  }, 120_000);
});

describe('the calibration of a page\'s topics', () => {
  it('is the isotonic regression of right on raw score: non-decreasing, each point its block\'s share right', () => {
    const points = [
      { raw: -2, right: false },
      { raw: -1, right: true },
      { raw: -0.5, right: false },
      { raw: 0, right: false },
      { raw: 1, right: true },
      { raw: 1, right: true },
      { raw: 1, right: false },
      { raw: 3, right: true },
    ];
    // -1 (right) and -0.5, 0 (wrong) violate the order: pooled into one block at their mean raw score.
    expect(isotonicCalibration(points)).toEqual({ raw: [-2, -0.5, 1, 3], score: [0, 0.3333, 0.6667, 1] });
    // At least three pairs a step: runs -2…-0.5 and 0…1 (the three 1s not split), the lone 3 joining the run before.
    expect(isotonicCalibration(points, 3)).toEqual({ raw: [-1.1667, 1.2], score: [0.3333, 0.6] });
  });

  it('calibrates the best, the second and the later topics of a page apart, and reads the points linearly', () => {
    // The best topic right on 18 pages of 20, the second on 10, the others never.
    const pages = Array.from({ length: 20 }, (_, i) => ({ scores: [i / 5, i / 5 - 1, -3, -4 - i / 10], positives: new Set(i % 10 === 0 ? [1] : i % 2 === 0 ? [0, 1] : [0]) }));
    const ranks = fitRankCalibration(pages);
    expect(ranks).toHaveLength(3);
    expect(ranks[0].score.every((score, i) => i === 0 || score >= ranks[0].score[i - 1])).toBe(true);
    // Never right: one block, at the mean raw score of its 40 points.
    expect(ranks[2]).toEqual({ raw: [-3.975], score: [0] });
    const calibrator = { ranks: [{ raw: [0, 2], score: [0.2, 0.8] }, { raw: [0], score: [0.5] }, { raw: [0], score: [0] }] };
    // The best half-way between its points (1 → 0.5), the second flat, the third and later 0.
    expect(calibrateTopicScores([1, -1, -2, -3], calibrator)).toEqual([0.5, 0.5, 0, 0]);
    // By rank, not by position: the same raw score 2 is 0.8 as the best topic, 0.5 as the second.
    expect(calibrateTopicScores([2, 1, -1, 5], calibrator)).toEqual([0.5, 0, 0, 0.8]);
    expect(calibrateTopicScores([1, 2, -1, -1], calibrator)).toEqual([0.5, 0.8, 0, 0]);
    expect(Array.from(rankInPage([1, 3, 3, 0], 2))).toEqual([2, 0, 1, 2]);
  });

  it('reads a model file of the previous calibration (Platt scaling, with or without the gap term) and refuses a broken one', () => {
    const current = readFileSync(DEFAULT_TOPIC_MODEL_PATH, 'utf8');
    const header = JSON.parse(current) as Record<string, unknown>;
    const old = (fields: Record<string, unknown>): string => JSON.stringify({ ...header, ranks: undefined, ...fields });
    const platt = compileTopicModel(parseTopicModel(old({ scale: 1, shift: 0 }), 'old.json'));
    expect(platt.calibrator).toEqual({ scale: 1, shift: 0, gap: 0 });
    expect(calibrateTopicScores([0], platt.calibrator)).toEqual([0.5]);
    expect(compileTopicModel(parseTopicModel(old({ scale: 2, shift: 1, gap: 0.5 }), 'old.json')).calibrator).toEqual({ scale: 2, shift: 1, gap: 0.5 });
    expect(() => parseTopicModel(old({ scale: 1, shift: 0, gap: 'wide' }), 'bad.json')).toThrow(/not a comune-audit topic model/);
    expect(() => parseTopicModel(old({}), 'bad.json')).toThrow(/not a comune-audit topic model/);
    expect(() => parseTopicModel(JSON.stringify({ ...header, ranks: [{ raw: [1, 0], score: [0.1, 0.2] }] }), 'bad.json')).toThrow(/not a comune-audit topic model/);
    expect(() => parseTopicModel(JSON.stringify({ ...header, ranks: [{ raw: [0], score: [1.5] }] }), 'bad.json')).toThrow(/not a comune-audit topic model/);
  });
});

describe('classify output', () => {
  it('JSONL rows carry topics and CSV has topics and declared_topics columns', async () => {
    const input = join(dir, 'pages.jsonl');
    writeFileSync(input, [WASTE_NOTICE, PRIVACY].map((record) => JSON.stringify(record)).join('\n'));
    const jsonl = await runClassify([input], {}, { stdout: sink(), stderr: sink() });
    const rows = jsonl.text.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows[0].topics[0].id).toBe('gestione-rifiuti');
    expect(rows[1].topics).toEqual([]);

    const tari = join(dir, 'tari.html');
    writeFileSync(tari, readFixture('demo-site', 'servizi', 'pagamento-tari.html'));
    const csv = await runClassify([tari], { format: 'csv' }, { stdout: sink(), stderr: sink() });
    const [header, row] = csv.text.trim().split('\n');
    expect(header.split(',').slice(-3)).toEqual(['topics', 'declared_topics', 'error']);
    expect(row).toMatch(/gestione-rifiuti:0\.\d+/);
    expect(row).toContain(',Imposte|Gestione rifiuti,');
  });
});
