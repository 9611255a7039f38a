// Point 3 — SPID login. Passes on the comune's own "Entra con SPID" login (button kit, login link, image or form);
// text that only talks about SPID is partial, and news articles about SPID (national news) do not count at all.
import { defineRule, okPages, partial, pass } from '../src/check/define.js';
import type { Evidence } from '../src/types.js';
import { capEvidence, findLinks, linkEvidence, linksToDomains, mentions, NEWS_NOTE, notFound, splitNews } from './find.js';
import { findLogins } from './identity.js';
import { SPID_BUTTON_CLASSES, SPID_IDP_DOMAINS, SPID_INFO_DOMAINS } from './signals.js';

const SPID = String.raw`\bspid\b`;

export default defineRule(
  {
    id: 'spid',
    point: 'spid',
    title: { it: 'Accesso ai servizi con SPID', en: 'SPID login to online services' },
    failureTitle: { it: 'Accesso con SPID non trovato', en: 'SPID login not found' },
    law: 'CAD (D.lgs. 82/2005) art. 64; D.L. 76/2020 art. 24',
    weight: 1,
    pageTypes: 'site',
  },
  (site) => {
    const { services, news } = splitNews(okPages(site));
    const { logins, thirdParty } = findLogins(services, site.host, {
      word: SPID,
      buttonClasses: SPID_BUTTON_CLASSES,
      providerDomains: SPID_IDP_DOMAINS,
    });
    const said = mentions(services, new RegExp(SPID, 'i'));
    const info = linksToDomains(services, SPID_INFO_DOMAINS).map((hit) => linkEvidence(hit, { it: 'sito informativo, non un accesso', en: 'information site, not a login' }));
    // The model's personal-area button leads to the login page; when that page is off-site we cannot see its methods.
    const personalArea = findLinks(services, (link) => link.dataElement === 'personal-area-login').map((hit) =>
      linkEvidence(hit, { it: 'accesso all’area personale: modalità di accesso non visibili', en: 'personal-area login: methods not visible' }),
    );
    const inNews = mentions(news, new RegExp(SPID, 'i')).affirmed.map((ev): Evidence => ({ ...ev, note: NEWS_NOTE }));
    const details = {
      logins: logins.length,
      mentions: said.affirmed.length,
      thirdPartyLogins: thirdParty.length,
      newsMentions: inNews.length,
    };

    if (logins.length) {
      return pass(
        capEvidence(logins),
        { it: `Accesso con SPID offerto dal sito (${logins.length} segnali).`, en: `The site offers SPID login (${logins.length} signals).` },
        details,
      );
    }
    const weak = [...said.affirmed, ...thirdParty, ...info, ...personalArea];
    if (weak.length) {
      return partial(
        capEvidence(weak),
        {
          it: 'SPID è citato o c’è un’area personale, ma nessun pulsante o link di accesso con SPID è visibile nelle pagine analizzate.',
          en: 'SPID is mentioned or there is a personal area, but no SPID login button or link is visible on the pages analysed.',
        },
        details,
      );
    }
    return notFound(
      site,
      capEvidence([...said.denied, ...inNews]),
      {
        it: 'Nessun accesso con SPID né riferimento a SPID nelle pagine dei servizi.',
        en: 'No SPID login and no reference to SPID on the service pages.',
      },
      details,
    );
  },
);
