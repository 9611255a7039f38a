// Point 9 — the IO app. Passes on a link to IO (io.italia.it, ioapp.it) or its store pages from a service page;
// "app IO" named in a service page, or IO links only inside news articles, are partial.
import { defineRule, hostOf, okPages, partial, pass } from '../src/check/define.js';
import type { Evidence } from '../src/types.js';
import { capEvidence, findLinks, hostIn, linkEvidence, mentions, NEWS_NOTE, notFound, splitNews } from './find.js';
import { IO_DOMAINS, IO_STORE_PATTERNS } from './signals.js';

/** "app IO", "applicazione IO", "IO, l'app dei servizi pubblici": IO in capitals, so "io" the pronoun never matches. */
const IO_TERM = /\b[Aa]pp(?:licazione)?\s+["“']?IO\b|\bIO\s*[,–-]\s*l['’]app\b/;

const isIoLink = (href: string) => hostIn(hostOf(href), IO_DOMAINS) || IO_STORE_PATTERNS.some((pattern) => pattern.test(href));

export default defineRule(
  {
    id: 'io',
    point: 'io',
    title: { it: 'Servizi sull’app IO', en: 'Services on the IO app' },
    failureTitle: { it: 'App IO non trovata tra i servizi', en: 'IO app not found among the services' },
    law: 'CAD (D.lgs. 82/2005) art. 64-bis; D.L. 135/2018 art. 8; D.L. 76/2020 art. 24',
    weight: 1,
    pageTypes: 'site',
  },
  (site) => {
    const { services, news } = splitNews(okPages(site));
    const links = findLinks(services, (link) => isIoLink(link.href)).map((hit) => linkEvidence(hit));
    // A news item promoting IO is a weaker sign than a service that says it sends messages on IO.
    const newsLinks = findLinks(news, (link) => isIoLink(link.href)).map((hit) => linkEvidence(hit, { it: 'notizia', en: 'news article' }));
    const said = mentions(services, IO_TERM, { includeBoilerplate: true });
    const inNews = mentions(news, IO_TERM).affirmed.map((ev): Evidence => ({ ...ev, note: NEWS_NOTE }));
    const details = { links: links.length, newsLinks: newsLinks.length, mentions: said.affirmed.length, newsMentions: inNews.length };

    if (links.length) {
      return pass(capEvidence(links), { it: 'Il sito rimanda all’app IO.', en: 'The site links to the IO app.' }, details);
    }
    const weak = [...said.affirmed, ...newsLinks];
    if (weak.length) {
      return partial(
        capEvidence(weak),
        {
          it: 'L’app IO è citata, ma nessuna pagina di servizio rimanda all’app.',
          en: 'The IO app is mentioned, but no service page links to it.',
        },
        details,
      );
    }
    return notFound(
      site,
      capEvidence([...said.denied, ...inNews]),
      { it: 'Nessun riferimento all’app IO nelle pagine dei servizi.', en: 'No reference to the IO app on the service pages.' },
      details,
    );
  },
);
