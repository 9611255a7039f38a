// C.SI.2.3 FAQ, as the official checker decides it: the home footer's data-element="faq" link must lead to a page
// that answers (else 0); its text must contain "faq" or "domande frequenti" (else 0.5).
import { defineRule, evidence, partial, pass } from '../../src/check/define.js';
import { agidMeta, footerLink, isOutcome } from './shared.js';

const WHAT = { it: 'link alle FAQ', en: 'FAQ link' };

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
  (site) => {
    const link = footerLink(site, 'faq', WHAT);
    if (isOutcome(link)) return link;
    const selector = 'footer [data-element="faq"]';
    if (link.label.includes('faq') || link.label.includes('domande frequenti')) {
      return pass([evidence(link.home.url, selector, link.shown)], { it: 'Link alle FAQ nel footer', en: 'FAQ link in the footer' }, { href: link.href });
    }
    return partial([evidence(link.home.url, selector, link.shown, { it: 'il testo non contiene "FAQ" né "domande frequenti"', en: 'the text contains neither "FAQ" nor "domande frequenti"' })], {
      it: 'Link alle FAQ nel footer, ma il testo non dice "FAQ" né "domande frequenti"',
      en: 'FAQ link in the footer, but its text says neither "FAQ" nor "domande frequenti"',
    }, { href: link.href });
  },
);
