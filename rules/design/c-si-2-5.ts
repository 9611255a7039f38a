// C.SI.2.5 Page-clarity feedback on the home, first- and second-level pages, as the official checker decides it: each
// page is scored as in feedback.ts, and the criterion fails when any page scores 0; pages scoring 0.5 are tolerated
// (the official result is then a pass: its final step turns any score above 0 into 1).
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
    const outcome = worstPage(pages.map(feedbackVerdict), (score, counts) =>
      score === 0
        ? { it: `Componente di valutazione assente o con testi errati in almeno una pagina (conformi ${counts})`, en: `Rating component missing or with wrong texts on at least one page (conforming ${counts})` }
        : score === 0.5
          ? { it: `Componente di valutazione presente in tutte le pagine; in alcune manca una parte, tollerato dal validatore ufficiale (conformi ${counts})`, en: `Rating component on every page; some lack a part, which the official checker tolerates (conforming ${counts})` }
          : { it: `Componente di valutazione conforme in tutte le pagine (${counts}; verifica statica)`, en: `Rating component as in the model on every page (${counts}; static check)` },
    );
    return outcome.status === 'partial' ? { ...outcome, status: 'pass', score: 1 } : outcome;
  },
);
