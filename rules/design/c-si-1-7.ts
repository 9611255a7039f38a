// C.SI.1.7 Second-level page titles: the second-level links on the four first-level pages use the model's
// dictionaries (all: pass; at least half: partial). Custom categories (custom-category-link) are listed, not judged.
import { defineRule, evidence, fail, partial, pass } from '../../src/check/define.js';
import type { AnalysedPage, Evidence, SiteFacts } from '../../src/types.js';
import { menuItems, normaliseLabel, type MenuSection } from './model-data.js';
import { agidMeta, pageNotFound, pagesOfType } from './shared.js';

/** The first-level page of a section: the services index for Servizi, a first-level page otherwise. */
function firstLevelPage(site: SiteFacts, section: MenuSection): AnalysedPage | null {
  const candidates = section === 'services' ? pagesOfType(site, 'services-index') : pagesOfType(site, 'first-level');
  return candidates.find((page) => page.pageType.section === section) ?? null;
}

export default defineRule(
  agidMeta({
    id: 'C.SI.1.7',
    title: {
      it: 'C.SI.1.7 - TITOLI DELLE PAGINE DI SECONDO LIVELLO - I titoli delle pagine di secondo livello devono rispettare il vocabolario descritto dalla documentazione del modello di sito comunale.',
      en: "C.SI.1.7 - Second-level page titles - Second-level page titles must use the model's vocabulary.",
    },
    weight: 1,
    group: 'cittadino-informato',
    pageTypes: ['first-level', 'services-index'],
  }),
  (site) => {
    const { primaryMenuItems, customSecondaryMenuItemsDataElement } = menuItems();
    const sections = Object.keys(primaryMenuItems) as MenuSection[];
    const pages = sections.map((section) => [section, firstLevelPage(site, section)] as const);
    const found = pages.filter(([, page]) => page);
    if (!found.length) return pageNotFound({ it: 'pagine di primo livello', en: 'first-level pages' }, site);
    const ev: Evidence[] = [];
    const wrong: string[] = [];
    let total = 0;
    let correct = 0;
    for (const [section, page] of found) {
      const item = primaryMenuItems[section];
      const dictionary = new Set(item.dictionary.map(normaliseLabel));
      const links = page!.links.filter((link) => link.dataElement && item.secondary_item_data_element.includes(link.dataElement));
      const seen = new Set<string>();
      for (const link of links) {
        const title = link.text.trim();
        if (seen.has(title)) continue;
        seen.add(title);
        total++;
        // The Vivere page's buttons ("Tutti gli eventi", "Tutti i luoghi") stand for their dictionary entries.
        const ok = section === 'live' || dictionary.has(normaliseLabel(title));
        if (ok) correct++;
        else wrong.push(title);
        if (!ok) ev.push(evidence(page!.url, link.selector, title, { it: `non è nel vocabolario di ${item.name}`, en: `not in the ${item.name} dictionary` }));
      }
      const custom = page!.links.filter((link) => link.dataElement === customSecondaryMenuItemsDataElement).map((link) => link.text.trim());
      const selector = item.secondary_item_data_element.map((name) => `[data-element="${name}"]`).join(', ');
      ev.push(
        evidence(page!.url, selector, [...seen].join(' | '), {
          it: `${item.name}: ${seen.size} titoli${custom.length ? `; personalizzati: ${custom.join(', ')}` : ''}`,
          en: `${item.name}: ${seen.size} titles${custom.length ? `; custom: ${custom.join(', ')}` : ''}`,
        }),
      );
    }
    const missingPages = pages.filter(([, page]) => !page).map(([section]) => primaryMenuItems[section].name);
    for (const name of missingPages) {
      ev.push(evidence(site.siteUrl, 'page-type', '', { it: `pagina di primo livello non trovata: ${name}`, en: `first-level page not found: ${name}` }));
    }
    const share = total ? Math.round((correct / total) * 100) : 0;
    const details = { titles: total, titlesInDictionary: correct, share, wrongTitles: wrong, missingFirstLevelPages: missingPages };
    if (missingPages.length) {
      return fail(ev, { it: `Pagina non trovata: primo livello ${missingPages.join(', ')}`, en: `Page not found: first-level ${missingPages.join(', ')}` }, details);
    }
    if (!total) return fail(ev, { it: 'Nessun titolo di secondo livello marcato', en: 'No marked second-level title' }, details);
    if (correct === total) return pass(ev, { it: `Tutti i ${total} titoli di secondo livello sono del modello`, en: `All ${total} second-level titles are the model's` }, details);
    if (share >= 50) return partial(ev, { it: `${share}% dei titoli di secondo livello dal modello`, en: `${share}% of second-level titles from the model` }, details);
    return fail(ev, { it: `Solo ${share}% dei titoli di secondo livello dal modello`, en: `Only ${share}% of second-level titles from the model` }, details);
  },
);
