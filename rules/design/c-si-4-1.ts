// C.SI.4.1 Performance. The official checker runs Lighthouse on the home page (its default settings: a mobile device,
// simulated network and CPU throttling) and passes a performance score of at least 50; below 50 it still passes when
// the home's footer names the "Piano di miglioramento del sito". No partial. Static HTML says nothing reliable about
// speed: without `audit --browser` the criterion is unknown.
import { defineRule, evidence, fail, pass, unknown } from '../../src/check/define.js';
import type { Evidence, LighthouseFacts, Localised, SiteFacts } from '../../src/types.js';
import { agidMeta, homePage } from './shared.js';

const THRESHOLD = 0.5;

/** Short names of the metrics the official report lists, as Lighthouse abbreviates them. */
const METRIC_NAMES: Record<string, string> = {
  'first-contentful-paint': 'FCP',
  interactive: 'TTI',
  'speed-index': 'SI',
  'total-blocking-time': 'TBT',
  'largest-contentful-paint': 'LCP',
  'cumulative-layout-shift': 'CLS',
};

/** "FCP 1.1 s · TBT 0 ms · CLS 0.02": language-neutral figures for the evidence snippet. */
function metricFigures(facts: LighthouseFacts): string {
  return facts.metrics
    .filter((metric) => metric.value !== null)
    .map((metric) => {
      const value = metric.value!;
      const shown = metric.id === 'cumulative-layout-shift' ? value.toFixed(2) : metric.id === 'total-blocking-time' ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(1)} s`;
      return `${METRIC_NAMES[metric.id] ?? metric.id} ${shown}`;
    })
    .join(' · ');
}

/** Lighthouse's figures vary from run to run: marked so that `--no-timing` blanks them. */
const measured = (item: Evidence): Evidence => ({ ...item, measured: true });

function notMeasured(site: SiteFacts, note: Localised, message: Localised) {
  return unknown([evidence(homePage(site)?.url ?? site.siteUrl, 'lighthouse', '', note)], message);
}

function fromLighthouse(facts: LighthouseFacts) {
  const how: Localised = {
    it: `Lighthouse ${facts.lighthouseVersion}, dispositivo mobile con rete e CPU simulate (le impostazioni del validatore AGID); il punteggio varia di qualche punto tra un'esecuzione e l'altra`,
    en: `Lighthouse ${facts.lighthouseVersion}, mobile device with simulated network and CPU (the AGID validator's settings); the score varies by a few points from run to run`,
  };
  const score = facts.performanceScore ?? 0;
  const items = [measured(evidence(facts.url, 'lighthouse:performance', facts.performanceScore === null ? '' : String(Math.round(score * 100)), how))];
  const figures = metricFigures(facts);
  if (figures) items.push(measured(evidence(facts.url, 'lighthouse:metrics', figures, { it: 'le sei metriche del rapporto ufficiale', en: "the official report's six metrics" })));
  if (facts.runtimeError) items.push(evidence(facts.url, 'lighthouse:runtimeError', facts.runtimeError, { it: 'Lighthouse non ha misurato un punteggio: vale 0', en: 'Lighthouse measured no score: it counts as 0' }));
  const details = { lighthouseVersion: facts.lighthouseVersion, improvementPlan: facts.improvementPlan };
  if (score >= THRESHOLD) {
    return pass(items, { it: 'Punteggio prestazioni di Lighthouse almeno 50', en: 'Lighthouse performance score of at least 50' }, details);
  }
  const plan = evidence(facts.url, 'footer', facts.improvementPlan ? 'Piano di miglioramento del sito' : '', {
    it: facts.improvementPlan ? 'il piè di pagina della homepage nomina il piano di miglioramento' : 'il piè di pagina della homepage non nomina il “Piano di miglioramento del sito”',
    en: facts.improvementPlan ? "the home page's footer names the improvement plan" : "the home page's footer does not name the “Piano di miglioramento del sito”",
  });
  if (facts.improvementPlan) {
    return pass([...items, plan], { it: 'Punteggio prestazioni sotto 50, ma il sito pubblica il piano di miglioramento', en: 'Performance score below 50, but the site publishes its improvement plan' }, details);
  }
  return fail([...items, plan], { it: 'Punteggio prestazioni di Lighthouse sotto 50 e nessun piano di miglioramento nel piè di pagina', en: 'Lighthouse performance score below 50 and no improvement plan in the footer' }, details);
}

export default defineRule(
  agidMeta({
    id: 'C.SI.4.1',
    title: {
      it: 'C.SI.4.1 - VELOCITÀ E TEMPI DI RISPOSTA - Nel caso in cui il sito presenti livelli di prestazioni (media ponderata di 6 metriche standard) inferiori a 50, il Comune deve pubblicare sul sito un “Piano di miglioramento del sito” che mostri, per ciascuna voce che influisce negativamente sulle prestazioni, le azioni future di miglioramento delle prestazioni e le relative tempistiche di realizzazione attese.',
      en: 'C.SI.4.1 - Speed and response times - If the site scores below 50 on the 6 standard performance metrics, the comune must publish an improvement plan.',
    },
    weight: 1,
    group: 'prestazioni',
    pageTypes: ['home'],
  }),
  (site) => {
    if (!site.browser) {
      return notMeasured(
        site,
        { it: 'non misurato: serve audit --browser (punteggio prestazioni di Lighthouse)', en: 'not measured: needs audit --browser (Lighthouse performance score)' },
        { it: 'Non valutabile senza browser: rilancia con --browser per la misura Lighthouse', en: 'Needs a browser run: run again with --browser for the Lighthouse measurement' },
      );
    }
    const facts = site.browser.lighthouse;
    if (!facts) {
      return notMeasured(
        site,
        { it: 'Lighthouse non è installato (dipendenza facoltativa): npm install lighthouse@12', en: 'Lighthouse is not installed (an optional dependency): npm install lighthouse@12' },
        { it: 'Non valutabile: Lighthouse non è installato', en: 'Not judged: Lighthouse is not installed' },
      );
    }
    if (facts.error) {
      return notMeasured(
        site,
        { it: `Lighthouse non ha potuto misurare la pagina: ${facts.error}`, en: `Lighthouse could not measure the page: ${facts.error}` },
        { it: 'Non valutabile: la misura Lighthouse non è riuscita', en: 'Not judged: the Lighthouse measurement failed' },
      );
    }
    // A measurement, not a reading: the score moves by a few points between runs (and between machines), so a site
    // near 50 may be judged otherwise by the official run.
    return { ...fromLighthouse(facts), approximate: true };
  },
);
