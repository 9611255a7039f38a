// C.SI.1.7 Second-level page titles, as the official checker decides it: from the home page it follows each
// first-level menu link (data-element management / news / all-services / live, own href other than "#" or ""), reads
// there the second-level links (management-category-link, news-category-link, service-category-link; the Vivere
// page's two buttons stand for "luoghi" and "eventi") and compares their text, lower-cased, with the model's
// dictionary. Custom sections (custom-submenu → custom-category-link) count as titles outside the model. All titles
// in the model: 1; more than half: 0.5; else 0. A first-level page reached but with no second-level link: 0. A menu
// link missing on the home adds no title. `unknown` only when a first-level page linked from the home was not fetched.
import { defineRule, evidence, fail, partial, pass, unknown } from '../../src/check/define.js';
import type { AnalysedPage, Evidence } from '../../src/types.js';
import { menuItems, type MenuSection } from './model-data.js';
import { agidMeta, brokenTargetNote, crawledTarget, homePage, pageNotFound, usableHref } from './shared.js';

const isBroken = (page: AnalysedPage) => Boolean(page.error) || page.status >= 400;

export default defineRule(
  agidMeta({
    id: 'C.SI.1.7',
    title: {
      it: 'C.SI.1.7 - TITOLI DELLE PAGINE DI SECONDO LIVELLO - I titoli delle pagine di secondo livello devono rispettare il vocabolario descritto dalla documentazione del modello di sito comunale.',
      en: "C.SI.1.7 - Second-level page titles - Second-level page titles must use the model's vocabulary.",
    },
    weight: 1,
    group: 'cittadino-informato',
    pageTypes: ['home'],
  }),
  (site) => {
    const home = homePage(site);
    if (!home) return pageNotFound({ it: 'homepage', en: 'home page' }, site);
    const { primaryMenuItems, customPrimaryMenuItemsDataElement, customSecondaryMenuItemsDataElement } = menuItems();
    const ev: Evidence[] = [];
    const wrong: string[] = [];
    const notFetched: string[] = [];
    let total = 0;
    let correct = 0;
    let emptySection: string | null = null;
    for (const section of Object.keys(primaryMenuItems) as MenuSection[]) {
      const item = primaryMenuItems[section];
      const link = home.dataElements.filter((element) => element.name === item.data_element).find(usableHref);
      if (!link) {
        ev.push(evidence(home.url, `[data-element="${item.data_element}"]`, '', { it: `${item.name}: nessun link del menu marcato data-element="${item.data_element}" nella homepage (nessun titolo contato)`, en: `${item.name}: no menu link marked data-element="${item.data_element}" on the home page (no title counted)` }));
        continue;
      }
      const page = crawledTarget(site, link.href ?? '');
      if (!page) {
        notFetched.push(item.name);
        ev.push(evidence(home.url, `[data-element="${item.data_element}"]`, `${link.text} → ${link.href}`, { it: `${item.name}: pagina di primo livello non letta`, en: `${item.name}: first-level page not read` }));
        continue;
      }
      if (section === 'live') {
        // The official checker names the Vivere page's buttons after the dictionary: they always count as correct.
        total += item.dictionary.length;
        correct += item.dictionary.length;
        continue;
      }
      const [secondary] = item.secondary_item_data_element;
      const titles = isBroken(page) ? [] : page.dataElements.filter((element) => element.name === secondary && usableHref(element)).map((element) => element.text.trim());
      if (!titles.length) {
        emptySection ??= item.name;
        const note = isBroken(page) ? brokenTargetNote(page) : { it: `${item.name}: nessun link di secondo livello marcato data-element="${secondary}"`, en: `${item.name}: no second-level link marked data-element="${secondary}"` };
        ev.push(evidence(page.url, `[data-element="${secondary}"]`, '', note));
        continue;
      }
      const dictionary = new Set(item.dictionary);
      const outside = titles.filter((title) => !dictionary.has(title.toLowerCase()));
      total += titles.length;
      correct += titles.length - outside.length;
      wrong.push(...outside);
      for (const title of outside) ev.push(evidence(page.url, `[data-element="${secondary}"]`, title, { it: `non è nel vocabolario di ${item.name}`, en: `not in the ${item.name} dictionary` }));
      ev.push(evidence(page.url, `[data-element="${secondary}"]`, titles.join(' | '), { it: `${item.name}: ${titles.length} titoli`, en: `${item.name}: ${titles.length} titles` }));
    }
    // Custom sections: every title under them is outside the model.
    for (const custom of home.dataElements.filter((element) => element.name === customPrimaryMenuItemsDataElement && usableHref(element))) {
      const page = crawledTarget(site, custom.href ?? '');
      if (!page || isBroken(page)) continue;
      const titles = [...new Set(page.dataElements.filter((element) => element.name === customSecondaryMenuItemsDataElement).map((element) => element.text.trim()).filter(Boolean))];
      total += titles.length;
      wrong.push(...titles);
      if (titles.length) ev.push(evidence(page.url, `[data-element="${customSecondaryMenuItemsDataElement}"]`, titles.join(' | '), { it: 'titoli di una sezione personalizzata: fuori dal modello', en: 'titles of a custom section: outside the model' }));
    }
    const share = total ? Math.round((correct / total) * 100) : 0;
    const details = { titles: total, titlesInDictionary: correct, share, wrongTitles: wrong, firstLevelPagesNotRead: notFetched };
    if (emptySection) {
      return fail(ev, { it: `Nessun titolo di secondo livello marcato in ${emptySection}`, en: `No marked second-level title on ${emptySection}` }, details);
    }
    if (notFetched.length) {
      return unknown(ev, { it: `Pagine di primo livello non lette: ${notFetched.join(', ')}`, en: `First-level pages not read: ${notFetched.join(', ')}` }, details);
    }
    if (total && share === 100) return pass(ev, { it: `Tutti i ${total} titoli di secondo livello sono del modello`, en: `All ${total} second-level titles are the model's` }, details);
    if (share > 50) return partial(ev, { it: `${share}% dei titoli di secondo livello dal modello`, en: `${share}% of second-level titles from the model` }, details);
    return fail(ev, { it: `Solo ${share}% dei titoli di secondo livello dal modello (serve più della metà)`, en: `Only ${share}% of second-level titles from the model (more than half needed)` }, details);
  },
);
