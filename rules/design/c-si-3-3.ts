// C.SI.3.3 Privacy policy: a footer link (data-element="privacy-policy-link") to an https page that works.
import { defineRule, evidence, fail, partial, pass } from '../../src/check/define.js';
import { agidMeta, brokenTargetNote, homePage, markedLink, pageNotFound, targetIsBroken } from './shared.js';

const NOT_HTTPS = { it: 'non https', en: 'not https' };

const PRIVACY_WORDING = /privacy|trattamento dei dati|dati personali/i;

export default defineRule(
  agidMeta({
    id: 'C.SI.3.3',
    title: {
      it: "C.SI.3.3 - INFORMATIVA PRIVACY - Il sito comunale deve presentare l'informativa sul trattamento dei dati personali, secondo quanto previsto dalla normativa vigente.",
      en: 'C.SI.3.3 - Privacy policy - The comune website must publish its privacy notice as the law requires, linked from the footer over https.',
    },
    weight: 1,
    group: 'normativa',
    pageTypes: ['home'],
  }),
  (site) => {
    const home = homePage(site);
    if (!home) return pageNotFound({ it: 'homepage', en: 'home page' }, site);
    const link = markedLink(home, 'privacy-policy-link');
    if (link) {
      const shown = `${link.text} → ${link.href}`;
      const broken = targetIsBroken(site, link.href);
      if (!link.href.startsWith('https://') || broken) {
        const why = broken ? brokenTargetNote(broken) : NOT_HTTPS;
        return fail([evidence(home.url, link.selector, shown, why)], { it: `Link all'informativa privacy non valido (${why.it})`, en: `Privacy policy link not valid (${why.en})` }, { href: link.href });
      }
      if (link.region === 'footer') {
        return pass([evidence(home.url, link.selector, shown)], { it: "Link all'informativa privacy (https) nel footer", en: 'Privacy policy link (https) in the footer' }, { href: link.href });
      }
      return partial([evidence(home.url, link.selector, shown, { it: 'fuori dal footer', en: 'not in the footer' })], { it: "Link all'informativa privacy fuori dal footer", en: 'Privacy policy link outside the footer' }, { href: link.href });
    }
    const unmarked = home.links.find((candidate) => candidate.region === 'footer' && PRIVACY_WORDING.test(`${candidate.text} ${candidate.label}`));
    if (unmarked && unmarked.href.startsWith('https://')) {
      return partial([evidence(home.url, unmarked.selector, `${unmarked.text} → ${unmarked.href}`, { it: 'manca il marcatore data-element="privacy-policy-link"', en: 'no data-element="privacy-policy-link" marker' })], {
        it: "Link all'informativa privacy nel footer, senza data-element",
        en: 'Privacy policy link in the footer, without the data-element marker',
      }, { href: unmarked.href });
    }
    const found = unmarked
      ? evidence(home.url, '[data-element="privacy-policy-link"]', `${unmarked.text} → ${unmarked.href}`, NOT_HTTPS)
      : evidence(home.url, '[data-element="privacy-policy-link"]', '', { it: "nessun link all'informativa privacy nel footer", en: 'no privacy policy link in the footer' });
    return fail([found], {
      it: "Nessun link https all'informativa privacy nel footer",
      en: 'No https privacy policy link in the footer',
    });
  },
);
