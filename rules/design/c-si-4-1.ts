// C.SI.4.1 Performance is measured by Lighthouse in a browser: static HTML says nothing reliable about it.
import { defineRule, evidence, unknown } from '../../src/check/define.js';
import { agidMeta, homePage } from './shared.js';

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
  (site) =>
    unknown(
      [
        evidence(homePage(site)?.url ?? site.siteUrl, 'lighthouse', '', {
          it: 'non misurato: serve un’esecuzione nel browser (punteggio prestazioni di Lighthouse)',
          en: 'not measured: needs a browser run (Lighthouse performance score)',
        }),
      ],
      {
        it: 'Non valutabile senza browser: serve una misura Lighthouse',
        en: 'Needs a browser run: a Lighthouse measurement',
      },
    ),
);
