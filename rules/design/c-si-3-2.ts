// C.SI.3.2 Accessibility statement: a footer link (data-element="accessibility-link") to the statement
// published on AGID's form.agid.gov.it.
import { defineRule, evidence, fail, partial, pass } from '../../src/check/define.js';
import { agidMeta, homePage, markedLink, pageNotFound } from './shared.js';

const AGID_FORM = /^https:\/\/form\.agid\.gov\.it\//i;

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
    const home = homePage(site);
    if (!home) return pageNotFound({ it: 'homepage', en: 'home page' }, site);
    const link = markedLink(home, 'accessibility-link');
    if (link && link.region === 'footer' && AGID_FORM.test(link.href)) {
      return pass([evidence(home.url, link.selector, `${link.text} → ${link.href}`)], {
        it: 'Link alla dichiarazione di accessibilità AgID nel footer',
        en: "Link to AGID's accessibility statement in the footer",
      }, { href: link.href });
    }
    const agidLink = home.links.find((candidate) => AGID_FORM.test(candidate.href));
    if (agidLink) {
      const note = link
        ? { it: 'il link marcato non è questo', en: 'the marked link is not this one' }
        : { it: 'manca il marcatore data-element="accessibility-link", o il link non è nel footer', en: 'no data-element="accessibility-link" marker, or not in the footer' };
      return partial([evidence(home.url, agidLink.selector, `${agidLink.text} → ${agidLink.href}`, note)], {
        it: 'Dichiarazione su form.agid.gov.it presente, ma il link non è quello marcato nel footer',
        en: 'Statement on form.agid.gov.it linked, but not by the marked footer link',
      }, { href: agidLink.href });
    }
    if (link) {
      return fail([evidence(home.url, link.selector, `${link.text} → ${link.href}`, { it: 'non inizia con https://form.agid.gov.it/', en: 'does not start with https://form.agid.gov.it/' })], {
        it: 'Il link alla dichiarazione di accessibilità non porta a form.agid.gov.it',
        en: 'The accessibility statement link does not lead to form.agid.gov.it',
      }, { href: link.href });
    }
    const none = { it: 'nessun link alla dichiarazione di accessibilità nella homepage', en: 'no accessibility statement link in the home page' };
    return fail([evidence(home.url, '[data-element="accessibility-link"]', '', none)], {
      it: 'Nessun link alla dichiarazione di accessibilità nella homepage',
      en: 'No accessibility statement link on the home page',
    });
  },
);
