// C.SI.2.5 Page-clarity feedback on the home, first- and second-level pages (static: structure and texts).
import { defineRule } from '../../src/check/define.js';
import { feedbackVerdict } from './feedback.js';
import { agidMeta, pageNotFound, pagesOfType, worstPage } from './shared.js';

export default defineRule(
  agidMeta({
    id: 'C.SI.2.5',
    title: {
      it: "C.SI.2.5 - VALUTAZIONE DELL'ESPERIENZA D'USO, CHIAREZZA DELLE PAGINE INFORMATIVE - Il sito comunale deve consentire al cittadino di fornire una valutazione della chiarezza di ogni pagina di primo e secondo livello.",
      en: 'C.SI.2.5 - User experience rating, clarity of information pages - The comune website must let people rate the clarity of every first- and second-level page.',
    },
    weight: 1,
    group: 'funzionalita',
    pageTypes: ['home', 'first-level', 'services-index', 'second-level'],
  }),
  (site) => {
    const pages = pagesOfType(site, 'home', 'first-level', 'services-index', 'second-level');
    if (!pages.length) return pageNotFound({ it: 'pagine di primo e secondo livello', en: 'first- and second-level pages' }, site);
    return worstPage(pages.map(feedbackVerdict), (score, counts) =>
      score === 1
        ? { it: `Componente di valutazione conforme in tutte le pagine (${counts}; verifica statica)`, en: `Rating component as in the model on every page (${counts}; static check)` }
        : score === 0.5
          ? { it: `Componente presente ma non del tutto conforme in almeno una pagina (conformi ${counts})`, en: `Component present but not fully conforming on at least one page (conforming ${counts})` }
          : { it: `Componente di valutazione assente in almeno una pagina (conformi ${counts})`, en: `Rating component missing on at least one page (conforming ${counts})` },
    );
  },
);
