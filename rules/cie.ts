// Point 4 — CIE. Passes on an "Entra con CIE" login or a link to the Ministry's CIE appointment booking;
// a CIE information/service page or a mention is partial; news articles do not count.
import { defineRule, evidence, okPages, partial, pass } from '../src/check/define.js';
import type { Evidence } from '../src/types.js';
import { capEvidence, findLinks, linkEvidence, linksToDomains, linkWording, mentions, NEWS_NOTE, notFound, splitNews } from './find.js';
import { findLogins } from './identity.js';
import { CIE_BOOKING_DOMAINS, CIE_BUTTON_CLASSES, CIE_INFO_DOMAINS, CIE_LOGIN_DOMAINS } from './signals.js';

const CIE = String.raw`(?:\bCIE\b|carta\s+(?:d['’]\s*)?identit[àa]\s+elettronica)`;
const CIE_TERM = new RegExp(CIE, 'i');

export default defineRule(
  {
    id: 'cie',
    point: 'cie',
    title: { it: 'Carta d’identità elettronica: accesso e prenotazione', en: 'Electronic identity card: login and booking' },
    failureTitle: { it: 'Accesso o prenotazione CIE non trovati', en: 'CIE login or booking not found' },
    law: 'CAD (D.lgs. 82/2005) art. 64 c. 2-quater; D.L. 78/2015 art. 10; D.L. 76/2020 art. 24',
    weight: 1,
    pageTypes: 'site',
  },
  (site) => {
    const pages = okPages(site);
    const { services, news } = splitNews(pages);
    const { logins, thirdParty } = findLogins(services, site.host, { word: CIE, buttonClasses: CIE_BUTTON_CLASSES, providerDomains: [] });
    const cieIdLinks = linksToDomains(services, CIE_LOGIN_DOMAINS).map((hit) => linkEvidence(hit, { it: 'server di accesso CieID', en: 'CieID login server' }));
    // Booking links count on any page: a news item saying "prenota la CIE su agendacie" points citizens to the real service.
    const booking = linksToDomains(pages, CIE_BOOKING_DOMAINS).map((hit) => linkEvidence(hit, { it: 'prenotazione appuntamento CIE', en: 'CIE appointment booking' }));
    const strong = [...logins, ...cieIdLinks, ...booking];

    const servicePages: Evidence[] = services
      .filter((page) => CIE_TERM.test(page.title) || page.headings.some((h) => h.level === 1 && CIE_TERM.test(h.text)))
      .map((page) => evidence(page.url, 'title', page.title || (page.headings.find((h) => h.level === 1)?.text ?? ''), { it: 'pagina di servizio sulla CIE', en: 'CIE service page' }));
    const serviceLinks = findLinks(services, (link) => !link.external && CIE_TERM.test(linkWording(link)))
      .filter((hit) => !servicePages.some((ev) => ev.url === hit.link.href))
      .map((hit) => linkEvidence(hit, { it: 'link a una pagina sulla CIE', en: 'link to a CIE page' }));
    const info = linksToDomains(services, CIE_INFO_DOMAINS).map((hit) => linkEvidence(hit, { it: 'sito informativo', en: 'information site' }));
    const said = mentions(services, CIE_TERM);
    const inNews = mentions(news, CIE_TERM).affirmed.map((ev): Evidence => ({ ...ev, note: NEWS_NOTE }));
    const details = {
      logins: logins.length + cieIdLinks.length,
      bookingLinks: booking.length,
      servicePages: servicePages.length,
      mentions: said.affirmed.length,
      newsMentions: inNews.length,
    };

    if (strong.length) {
      return pass(
        capEvidence(strong),
        { it: 'Accesso con CIE o prenotazione della CIE disponibili dal sito.', en: 'CIE login or CIE appointment booking offered by the site.' },
        details,
      );
    }
    const weak = [...servicePages, ...serviceLinks, ...info, ...thirdParty, ...said.affirmed];
    if (weak.length) {
      return partial(
        capEvidence(weak),
        {
          it: 'La CIE è descritta o citata, ma non c’è accesso con CIE né link alla prenotazione ministeriale (agendacie.interno.it).',
          en: 'The CIE is described or mentioned, but there is no CIE login and no link to the Ministry booking (agendacie.interno.it).',
        },
        details,
      );
    }
    return notFound(
      site,
      capEvidence([...said.denied, ...inNews]),
      { it: 'Nessun riferimento alla carta d’identità elettronica nelle pagine dei servizi.', en: 'No reference to the electronic identity card on the service pages.' },
      details,
    );
  },
);
