// C.SI.3.2 Accessibility statement, as the official checker decides it: the home footer's
// data-element="accessibility-link" link must answer and its href contain "https://form.agid.gov.it/" (else 0). The
// official checker then reads the statement on form.agid.gov.it (the site's domain and WCAG 2.1/2.2 named): so does
// `audit --browser`; without it we do not fetch another site, so a pass is marked approximate. There is no partial.
import { defineRule, evidence, fail, pass } from '../../src/check/define.js';
import type { AccessibilityStatementFacts, RuleOutcome } from '../../src/types.js';
import { AGID_FORM } from './model-data.js';
import { agidMeta, footerLink, isOutcome } from './shared.js';

const WHAT = { it: 'link alla dichiarazione di accessibilità', en: 'accessibility statement link' };

/** With `audit --browser`: the statement as read on form.agid.gov.it, judged as the official checker judges it. */
function fromStatement(home: string, selector: string, shown: string, read: AccessibilityStatementFacts): RuleOutcome {
  const details = { href: read.href };
  if (read.error) {
    return fail([evidence(home, selector, shown), evidence(read.url, 'http:status', read.error, { it: 'la dichiarazione non si legge: il validatore ufficiale assegna 0', en: 'the statement cannot be read: the official checker scores 0' })], {
      it: 'La dichiarazione di accessibilità su form.agid.gov.it non risponde',
      en: 'The accessibility statement on form.agid.gov.it does not answer',
    }, details);
  }
  const missing = [read.namesDomain ? null : read.domain, read.namesWcag ? null : 'WCAG 2.1 / 2.2'].filter((item): item is string => item !== null);
  if (missing.length) {
    return fail([evidence(home, selector, shown), evidence(read.url, 'text', '', { it: `la dichiarazione non nomina: ${missing.join(', ')}`, en: `the statement does not name: ${missing.join(', ')}` })], {
      it: `La dichiarazione di accessibilità non nomina ${missing.join(' né ')}`,
      en: `The accessibility statement does not name ${missing.join(' or ')}`,
    }, details);
  }
  return pass([evidence(home, selector, shown), evidence(read.url, 'text', read.domain, { it: 'la dichiarazione nomina il dominio del sito e WCAG 2.1/2.2 (letta nel browser)', en: "the statement names the site's domain and WCAG 2.1/2.2 (read in the browser)" })], {
    it: 'Dichiarazione di accessibilità AgID collegata nel footer, con il dominio del sito e le WCAG',
    en: "AGID's accessibility statement linked in the footer, naming the site's domain and WCAG",
  }, details);
}

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
    const read = site.browser?.accessibilityStatement;
    if (read && read.href === link.href) return fromStatement(link.home.url, selector, link.shown, read);
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
