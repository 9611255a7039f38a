// C.SI.3.2 Accessibility statement, as the official checker decides it: the home footer's
// data-element="accessibility-link" link must answer and its href contain "https://form.agid.gov.it/" (else 0). The
// official checker then reads the statement on form.agid.gov.it (the site's domain and WCAG 2.1/2.2 named): we do not
// fetch another site, so a pass is marked approximate. There is no partial.
import { defineRule, evidence, fail, pass } from '../../src/check/define.js';
import { agidMeta, footerLink, isOutcome } from './shared.js';

const WHAT = { it: 'link alla dichiarazione di accessibilità', en: 'accessibility statement link' };
const AGID_FORM = 'https://form.agid.gov.it/';

export default defineRule(
  agidMeta({
    id: 'C.SI.3.2',
    title: {
      it: "C.SI.3.2 - DICHIARAZIONE DI ACCESSIBILITÀ - Il sito comunale deve esporre la dichiarazione di accessibilità in conformità al modello e alle linee guida rese disponibili da AgID in ottemperanza alla normativa vigente in materia di accessibilità e con livelli di accessibilità contemplati nelle specifiche tecniche WCAG 2.1.",
      en: "C.SI.3.2 - Accessibility statement - The comune website must publish AGID's accessibility statement (form.agid.gov.it), linked from the footer.",
    },
    weight: 1,
    group: 'normativa',
    pageTypes: ['home'],
  }),
  (site) => {
    const link = footerLink(site, 'accessibility-link', WHAT);
    if (isOutcome(link)) return link;
    const selector = 'footer [data-element="accessibility-link"]';
    if (!(link.element.rawHref ?? '').includes(AGID_FORM)) {
      return fail([evidence(link.home.url, selector, link.shown, { it: `l'indirizzo non contiene ${AGID_FORM}`, en: `the address does not contain ${AGID_FORM}` })], {
        it: 'Il link alla dichiarazione di accessibilità non porta a form.agid.gov.it',
        en: 'The accessibility statement link does not lead to form.agid.gov.it',
      }, { href: link.href });
    }
    const unread = {
      it: 'dichiarazione su form.agid.gov.it non letta: il validatore ufficiale vi cerca il dominio del sito e "WCAG 2.1" o "2.2"',
      en: 'statement on form.agid.gov.it not read: the official checker looks there for the site domain and "WCAG 2.1" or "2.2"',
    };
    return {
      ...pass([evidence(link.home.url, selector, link.shown, unread)], {
        it: 'Link alla dichiarazione di accessibilità AgID nel footer',
        en: "Link to AGID's accessibility statement in the footer",
      }, { href: link.href }),
      approximate: true,
    };
  },
);
