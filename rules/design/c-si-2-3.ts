// C.SI.2.3 FAQ: a link to the FAQ in the home page's footer (data-element="faq").
import { defineRule } from '../../src/check/define.js';
import { agidMeta, footerLinkCriterion } from './shared.js';

export default defineRule(
  agidMeta({
    id: 'C.SI.2.3',
    title: {
      it: 'C.SI.2.3 - DOMANDE FREQUENTI (FAQ) - Il sito comunale deve contenere una sezione per le domande più frequenti (FAQ).',
      en: 'C.SI.2.3 - Frequently asked questions - The comune website must have a FAQ section, linked from the footer.',
    },
    weight: 1,
    group: 'funzionalita',
    pageTypes: ['home'],
  }),
  (site) => footerLinkCriterion(site, { dataElement: 'faq', wording: /\bfaq\b|domande frequenti/i, what: { it: 'alle FAQ', en: 'FAQ' } }),
);
