// Point 1 — ANPR. Every comune has migrated to ANPR, so the registry itself is not in question: this check is about
// the online service the site offers on top of it. A link to ANPR's citizen services (online certificates) passes;
// ANPR named on registry-office pages or an "online certificates" link elsewhere is partial; no sign of the online
// service on a crawled site is a fail for that service (not a claim about the registry).
import { defineRule, okPages, partial, pass } from '../src/check/define.js';
import type { Evidence } from '../src/types.js';
import { capEvidence, findLinks, linkEvidence, linksToDomains, linkWording, mentions, NEWS_NOTE, notFound, splitNews } from './find.js';
import { ANPR_DOMAINS } from './signals.js';

const ANPR_TERM = /\bANPR\b|\banagrafe\s+nazionale(?:\s+della\s+popolazione\s+residente)?\b/i;
const ONLINE_CERTIFICATES = /\bcertificat[io]\s+(?:anagrafic[io]\s+)?(?:on[\s-]?line|digital[ei])\b/i;

export default defineRule(
  {
    id: 'anpr',
    point: 'anpr',
    title: { it: 'Certificati anagrafici online con ANPR', en: 'Online registry certificates through ANPR' },
    failureTitle: { it: 'Servizi online ANPR non collegati', en: 'ANPR online services not linked' },
    law: 'CAD (D.lgs. 82/2005) art. 62; DPCM 194/2014; D.M. Interno 3/11/2021 (certificati online)',
    weight: 1,
    pageTypes: 'site',
  },
  (site) => {
    const pages = okPages(site);
    const { services, news } = splitNews(pages);
    // Links count on any page: a news item pointing to the ANPR certificates still leads citizens to the service.
    const anprLinks = linksToDomains(pages, ANPR_DOMAINS).map((hit) => linkEvidence(hit, { it: 'servizi al cittadino di ANPR', en: 'ANPR citizen services' }));
    const certificateLinks = findLinks(services, (link) => ONLINE_CERTIFICATES.test(linkWording(link))).map((hit) =>
      linkEvidence(hit, { it: 'certificati online, non su ANPR', en: 'online certificates, not on ANPR' }),
    );
    const said = mentions(services, ANPR_TERM);
    const certificatesSaid = mentions(services, ONLINE_CERTIFICATES);
    const inNews = mentions(news, ANPR_TERM).affirmed.map((ev): Evidence => ({ ...ev, note: NEWS_NOTE }));
    const details = {
      anprLinks: anprLinks.length,
      certificateLinks: certificateLinks.length,
      mentions: said.affirmed.length + certificatesSaid.affirmed.length,
      newsMentions: inNews.length,
    };

    if (anprLinks.length) {
      return pass(
        capEvidence(anprLinks),
        { it: 'Il sito collega i servizi online di ANPR (certificati anagrafici).', en: 'The site links ANPR’s online services (registry certificates).' },
        details,
      );
    }
    const weak = [...certificateLinks, ...said.affirmed, ...certificatesSaid.affirmed];
    if (weak.length) {
      return partial(
        capEvidence(weak),
        {
          it: 'ANPR o i certificati online sono citati, ma nessun link porta ai servizi di anagrafenazionale.interno.it.',
          en: 'ANPR or online certificates are mentioned, but no link leads to the anagrafenazionale.interno.it services.',
        },
        details,
      );
    }
    return notFound(
      site,
      capEvidence([...said.denied, ...certificatesSaid.denied, ...inNews]),
      {
        it: 'Nessun link ai certificati online ANPR né riferimento ad ANPR nelle pagine dei servizi.',
        en: 'No link to ANPR online certificates and no reference to ANPR on the service pages.',
      },
      details,
    );
  },
);
