// C.SI.2.4 Inefficiency report, as the official checker decides it: the home footer's
// data-element="report-inefficiency" link (a mailto: is accepted as is) must lead to a page that answers (else 0);
// its text must be exactly "disservizio", "segnala disservizio" or "segnalazione disservizio" (else 0.5).
import { defineRule, evidence, partial, pass } from '../../src/check/define.js';
import { agidMeta, footerLink, isOutcome } from './shared.js';

const WHAT = { it: 'link per segnalare un disservizio', en: 'inefficiency-report link' };
/** The labels the official checker accepts, compared whole after trimming and lower-casing. */
export const INEFFICIENCY_LABELS = ['disservizio', 'segnala disservizio', 'segnalazione disservizio'];

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
  (site) => {
    const link = footerLink(site, 'report-inefficiency', WHAT);
    if (isOutcome(link)) return link;
    const selector = 'footer [data-element="report-inefficiency"]';
    const details = { href: link.href, mailto: link.href.startsWith('mailto:') };
    if (INEFFICIENCY_LABELS.includes(link.label)) {
      return pass([evidence(link.home.url, selector, link.shown)], { it: 'Link per segnalare un disservizio nel footer', en: 'Inefficiency-report link in the footer' }, details);
    }
    const expected = INEFFICIENCY_LABELS.map((label) => `"${label}"`).join(', ');
    return partial([evidence(link.home.url, selector, link.shown, { it: `il testo non è uno di ${expected}`, en: `the text is not one of ${expected}` })], {
      it: `Link per segnalare un disservizio nel footer, ma il testo non è esattamente ${expected}`,
      en: `Inefficiency-report link in the footer, but its text is not exactly ${expected}`,
    }, details);
  },
);
