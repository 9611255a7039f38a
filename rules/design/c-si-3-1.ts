// C.SI.3.1 Cookies on the comune's domain. Static part only: the Domain of cookies set by our pages' HTTP
// responses (Set-Cookie). Cookies set by scripts or third-party frames need a browser and are not seen here.
import { defineRule, evidence, fail, hostMatches, joinLocalised, okPages, pass } from '../../src/check/define.js';
import type { Evidence, Localised } from '../../src/types.js';
import { agidMeta, worstPage, type PageVerdict } from './shared.js';
import { officialGathering, ALL_KINDS } from './gathering.js';

const NOTE: Localised = {
  it: 'verifica statica: solo le intestazioni Set-Cookie delle risposte; i cookie impostati da JavaScript o da terze parti richiedono un browser',
  en: 'static part: Set-Cookie response headers only; cookies set by JavaScript or third parties need a browser',
};

export default defineRule(
  agidMeta({
    id: 'C.SI.3.1',
    title: {
      it: 'C.SI.3.1 - COOKIE - Il sito comunale deve presentare cookie tecnici in linea con la normativa vigente.',
      en: "C.SI.3.1 - Cookies - The comune website must only set technical cookies, on the comune's own domain, as the law requires.",
    },
    weight: 1,
    group: 'normativa',
    pageTypes: 'all',
  }),
  officialGathering(ALL_KINDS, (site) => {
    const pages = okPages(site);
    const host = site.host.toLowerCase();
    const verdicts: PageVerdict[] = [];
    let cookies = 0;
    for (const page of pages) {
      const found = page.cookies;
      if (!found.length) continue;
      cookies += found.length;
      // A cookie without Domain belongs to the page's host; one with Domain must cover the comune's host.
      const foreign = found.filter((cookie) => cookie.domain && !hostMatches(host, cookie.domain));
      const ev: Evidence[] = foreign.length
        ? foreign.map((cookie) => evidence(page.url, 'header:set-cookie', `${cookie.name}; Domain=${cookie.domain}`, { it: `non è il dominio del sito ${host}`, en: `not the site's domain ${host}` }))
        : [evidence(page.url, 'header:set-cookie', found.map((cookie) => `${cookie.name}${cookie.domain ? `; Domain=${cookie.domain}` : ''}`).join(', '), NOTE)];
      verdicts.push({ page, score: foreign.length ? 0 : 1, evidence: ev });
    }
    if (!verdicts.length) {
      if (!pages.length) return fail([], { it: 'Nessuna pagina letta', en: 'No page could be read' });
      const none = { it: `nessun Set-Cookie nelle ${pages.length} pagine`, en: `no Set-Cookie on ${pages.length} pages` };
      return pass([evidence(site.siteUrl, 'header:set-cookie', '', joinLocalised([none, NOTE]))], {
        it: 'Nessun cookie impostato dalle risposte HTTP del sito (verifica statica)',
        en: "No cookie set by the site's HTTP responses (static check)",
      }, { cookies: 0 });
    }
    return worstPage(
      verdicts,
      (score, counts) =>
        score === 1
          ? { it: `Solo cookie del dominio del Comune (${counts} pagine con cookie; verifica statica)`, en: `Only cookies of the comune's domain (${counts} pages setting cookies; static check)` }
          : { it: `Cookie di un altro dominio in almeno una pagina (conformi ${counts})`, en: `Cookies of another domain on at least one page (conforming ${counts})` },
      [],
      { cookies },
    );
  }),
);
