// C.SI.2.2 Contacts on service pages: "Contatti" in the page index and the office area (service-area) in the body.
import { defineRule, evidence } from '../../src/check/define.js';
import { agidMeta, markers, pageNotFound, pagesOfType, worstPage } from './shared.js';

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
  (site) => {
    const pages = pagesOfType(site, 'service');
    if (!pages.length) return pageNotFound({ it: 'scheda servizio', en: 'service page' }, site);
    const verdicts = pages.map((page) => {
      const inIndex = page.links.some((link) => link.dataElement === 'page-index' && link.text.trim() === 'Contatti');
      const area = markers(page, 'service-area');
      const ok = inIndex && area.length > 0;
      const areaText = area[0]?.text ?? '';
      const note = {
        it: `voce "Contatti" nell'indice: ${inIndex ? 'sì' : 'no'}; service-area: ${area.length ? (areaText ? 'presente' : 'vuota') : 'assente'}`,
        en: `index "Contatti": ${inIndex ? 'yes' : 'no'}; service-area: ${area.length ? (areaText ? 'present' : 'empty') : 'missing'}`,
      };
      return { page, score: ok ? (1 as const) : (0 as const), evidence: [evidence(page.url, '[data-element="service-area"]', areaText, note)] };
    });
    return worstPage(verdicts, (score, counts) =>
      score === 1
        ? { it: `La voce "Contatti" è presente in tutte le schede servizio (${counts})`, en: `"Contatti" present on every service page (${counts})` }
        : { it: `La voce "Contatti" manca in almeno una scheda servizio (presente ${counts})`, en: `"Contatti" missing on at least one service page (present ${counts})` },
    );
  },
);
