// C.SI.2.4 Inefficiency report: a link to report a disservice in the home page's footer (data-element="report-inefficiency").
import { defineRule } from '../../src/check/define.js';
import { agidMeta, footerLinkCriterion } from './shared.js';

export default defineRule(
  agidMeta({
    id: 'C.SI.2.4',
    title: {
      it: 'C.SI.2.4 - SEGNALAZIONE DISSERVIZIO - Il sito comunale deve fornire al cittadino la possibilità di segnalare un disservizio, tramite email o servizio dedicato.',
      en: 'C.SI.2.4 - Inefficiency report - The comune website must let people report a disservice, by email or a dedicated service.',
    },
    weight: 1,
    group: 'funzionalita',
    pageTypes: ['home'],
  }),
  (site) =>
    footerLinkCriterion(site, {
      dataElement: 'report-inefficiency',
      wording: /disservizi|segnala/i,
      what: { it: 'per segnalare un disservizio', en: 'inefficiency-report' },
    }),
);
