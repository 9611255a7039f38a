// C.SI.2.2 Contacts on service pages, as the official checker decides it: "Contatti" among the page index's links
// (data-element="page-index") and an element marked data-element="service-area" (1), else 0. A service link that
// failed to load is a service page without them. There is no partial.
import { defineRule, evidence } from '../../src/check/define.js';
import { agidMeta, type PageVerdict, failedServiceVerdict, markers, pageNotFound, servicePages, worstPage } from './shared.js';
import { officialGathering, SERVICE_KINDS } from './gathering.js';

export default defineRule(
  agidMeta({
    id: 'C.SI.2.2',
    title: {
      it: "C.SI.2.2 - RICHIESTA DI ASSISTENZA / CONTATTI - All'interno del sito comunale, nel contenuto della scheda servizio, devono essere comunicati i contatti dell'ufficio preposto all'erogazione del servizio.",
      en: 'C.SI.2.2 - Assistance / contacts - Each service page must give the contacts of the office that provides the service.',
    },
    weight: 1,
    group: 'funzionalita',
    pageTypes: ['service'],
  }),
  officialGathering(SERVICE_KINDS, (site) => {
    const { pages, failed } = servicePages(site);
    if (!pages.length) return pageNotFound({ it: 'scheda servizio', en: 'service page' }, site);
    const verdicts: PageVerdict[] = pages.map((page) => {
      const inIndex = page.links.some((link) => link.dataElement === 'page-index' && link.text.trim() === 'Contatti');
      const area = markers(page, 'service-area');
      const ok = inIndex && area.length > 0;
      const areaText = area[0]?.text ?? '';
      const note = {
        it: `voce "Contatti" nell'indice della pagina (data-element="page-index"): ${inIndex ? 'sì' : 'no'}; ufficio responsabile (data-element="service-area"): ${area.length ? 'presente' : 'assente'}`,
        en: `"Contatti" in the page index (data-element="page-index"): ${inIndex ? 'yes' : 'no'}; office (data-element="service-area"): ${area.length ? 'present' : 'missing'}`,
      };
      return { page, score: ok ? (1 as const) : (0 as const), evidence: [evidence(page.url, '[data-element="service-area"]', areaText, note)] };
    });
    verdicts.push(...failed.map(failedServiceVerdict));
    return worstPage(verdicts, (score, counts) =>
      score === 1
        ? { it: `La voce "Contatti" è presente in tutte le schede servizio (${counts})`, en: `"Contatti" present on every service page (${counts})` }
        : { it: `La voce "Contatti" manca in almeno una scheda servizio (presente ${counts})`, en: `"Contatti" missing on at least one service page (present ${counts})` },
    );
  }),
);
