// C.SI.2.5 Page-clarity feedback on the home, first- and second-level pages, as the official checker decides it: each
// page is scored as in feedback.ts, and the criterion fails when any page scores 0; pages scoring 0.5 are tolerated
// (the official result is then a pass: its final step turns any score above 0 into 1).
import { defineRule } from '../../src/check/define.js';
import { feedbackVerdict } from './feedback.js';
import type { SiteFacts } from '../../src/types.js';
import { menuItems } from './model-data.js';
import { agidMeta, failedTargets, failedTargetVerdict, homePage, type FailedTarget, pageNotFound, pagesOfType, worstPage, type TargetRole } from './shared.js';

const MENU_PAGE: TargetRole = {
  page: { it: 'la pagina di primo o secondo livello', en: 'the first- or second-level page' },
  consequence: { it: 'il validatore ufficiale vi cerca il componente di valutazione e non lo trova', en: 'the official checker looks for the rating component there and finds none' },
};

/** First- and second-level pages the official checker follows from the home's menu markers that answered an error. */
function failedMenuPages(site: SiteFacts): FailedTarget[] {
  const { primaryMenuItems, customPrimaryMenuItemsDataElement, customSecondaryMenuItemsDataElement } = menuItems();
  const sections = Object.values(primaryMenuItems);
  const home = homePage(site);
  const first = failedTargets(site, home ? [home] : [], [...sections.map((section) => section.data_element), customPrimaryMenuItemsDataElement]);
  const second = failedTargets(site, pagesOfType(site, 'first-level', 'services-index'), [...sections.flatMap((section) => section.secondary_item_data_element), customSecondaryMenuItemsDataElement]);
  const seen = new Set(first.map((target) => target.page));
  return [...first, ...second.filter((target) => !seen.has(target.page))];
}
import { officialGathering, MENU_KINDS } from './gathering.js';

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
  officialGathering(MENU_KINDS, (site) => {
    const pages = pagesOfType(site, 'home', 'first-level', 'services-index', 'second-level');
    if (!pages.length) return pageNotFound({ it: 'pagine di primo e secondo livello', en: 'first- and second-level pages' }, site);
    const failed = failedMenuPages(site).map((target) => failedTargetVerdict(target, MENU_PAGE));
    const outcome = worstPage([...pages.map(feedbackVerdict), ...failed], (score, counts) =>
      score === 0
        ? { it: `Componente di valutazione assente o con testi errati in almeno una pagina (conformi ${counts})`, en: `Rating component missing or with wrong texts on at least one page (conforming ${counts})` }
        : score === 0.5
          ? { it: `Componente di valutazione presente in tutte le pagine; in alcune manca una parte, tollerato dal validatore ufficiale (conformi ${counts})`, en: `Rating component on every page; some lack a part, which the official checker tolerates (conforming ${counts})` }
          : { it: `Componente di valutazione conforme in tutte le pagine (${counts}; verifica statica)`, en: `Rating component as in the model on every page (${counts}; static check)` },
    );
    return outcome.status === 'partial' ? { ...outcome, status: 'pass', score: 1 } : outcome;
  }),
);
