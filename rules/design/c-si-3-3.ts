// C.SI.3.3 Privacy policy, as the official checker decides it: the home footer's data-element="privacy-policy-link"
// link must be an https address that answers (1), anything else is 0. There is no partial.
import { defineRule, evidence, fail, pass } from '../../src/check/define.js';
import { agidMeta, footerLink, isOutcome } from './shared.js';

const WHAT = { it: 'link all’informativa privacy', en: 'privacy policy link' };

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
    const link = footerLink(site, 'privacy-policy-link', WHAT);
    if (isOutcome(link)) return link;
    const selector = 'footer [data-element="privacy-policy-link"]';
    // The official check looks for "https" in the address as the browser resolved it.
    if (!link.href.includes('https')) {
      return fail([evidence(link.home.url, selector, link.shown, { it: "l'indirizzo non è https", en: 'the address is not https' })], {
        it: "Link all'informativa privacy non https",
        en: 'Privacy policy link not over https',
      }, { href: link.href });
    }
    return pass([evidence(link.home.url, selector, link.shown)], { it: "Link all'informativa privacy (https) nel footer", en: 'Privacy policy link (https) in the footer' }, { href: link.href });
  },
);
