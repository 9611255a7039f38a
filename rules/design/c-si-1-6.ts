// C.SI.1.6 First-level menu: Amministrazione, Novità, Servizi, Vivere … in this order (pass); up to 3 extra
// items, i.e. at most 7 in all (partial); anything else, or an item leaving the comune's site (fail).
import { defineRule, evidence, fail, joinLocalised, partial, pass } from '../../src/check/define.js';
import type { LinkFact } from '../../src/types.js';
import { menuItemPattern, menuItems, type PrimaryMenuItem } from './model-data.js';
import { agidMeta, homePage, pageNotFound } from './shared.js';

const MAX_ITEMS = 7;

/** Top-level items of the main navigation: links carrying `main-navigation` or a first-level marker, de-duplicated. */
export function mainMenu(links: LinkFact[]): LinkFact[] {
  const { primaryMenuItems, customPrimaryMenuItemsDataElement } = menuItems();
  const names = new Set(['main-navigation', customPrimaryMenuItemsDataElement, ...Object.values(primaryMenuItems).map((item) => item.data_element)]);
  const seen = new Set<string>();
  return links.filter((link) => {
    if (!link.dataElement || !names.has(link.dataElement)) return false;
    const key = `${link.text}|${link.href}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export default defineRule(
  agidMeta({
    id: 'C.SI.1.6',
    title: {
      it: "C.SI.1.6 - VOCI DI MENÙ DI PRIMO LIVELLO - Il sito comunale deve presentare tutte le voci di menù di primo livello, nell'esatto ordine descritto dalla documentazione del modello di sito comunale.",
      en: 'C.SI.1.6 - First-level menu items - The comune website must show every first-level menu item (Amministrazione, Novità, Servizi, Vivere …) in the exact model order.',
    },
    weight: 1,
    group: 'cittadino-informato',
    pageTypes: ['home'],
  }),
  (site) => {
    const home = homePage(site);
    if (!home) return pageNotFound({ it: 'homepage', en: 'home page' }, site);
    const items = mainMenu(home.links);
    const mandatory: PrimaryMenuItem[] = Object.values(menuItems().primaryMenuItems);
    if (!items.length) {
      const navText = home.links.filter((link) => link.region === 'nav' || link.region === 'header').slice(0, 12).map((link) => link.text).filter(Boolean).join(' | ');
      const note = navText
        ? { it: 'marcatore assente; link di intestazione e navigazione', en: 'marker missing; header/nav links' }
        : { it: 'marcatore assente; nessun link di intestazione o navigazione', en: 'marker missing; no header/nav links' };
      return fail([evidence(home.url, '[data-element="main-navigation"]', navText, note)], {
        it: 'Menu principale non trovato (manca data-element="main-navigation")',
        en: 'Main menu not found (data-element="main-navigation" missing)',
      });
    }
    const labels = items.map((item) => item.text.trim());
    const positions = mandatory.map((item) => labels.findIndex((label) => menuItemPattern(item).test(label)));
    const missing = mandatory.filter((_, index) => positions[index] < 0).map((item) => item.name);
    const found = positions.filter((position) => position >= 0);
    const inOrder = found.every((position, index) => index === 0 || position > found[index - 1]);
    const external = items.filter((item) => item.external);
    const ev = [
      evidence(home.url, '[data-element="main-navigation"]', labels.join(' | ')),
      ...external.map((item) => evidence(home.url, item.selector, `${item.text} → ${item.href}`, { it: 'esce dal sito del Comune', en: 'leaves the comune site' })),
    ];
    const details = { menuItems: labels, missing };
    if (missing.length || !inOrder || external.length || items.length > MAX_ITEMS) {
      const why = joinLocalised([
        ...(missing.length ? [{ it: `mancano ${missing.join(', ')}`, en: `missing ${missing.join(', ')}` }] : []),
        ...(inOrder ? [] : [{ it: 'ordine errato', en: 'wrong order' }]),
        ...(external.length ? [{ it: `${external.length} voci esterne`, en: `${external.length} external` }] : []),
        ...(items.length > MAX_ITEMS ? [{ it: `${items.length} voci`, en: `${items.length} items` }] : []),
      ]);
      return fail(ev, { it: `Menu di primo livello non conforme: ${why.it}`, en: `First-level menu not conforming: ${why.en}` }, details);
    }
    if (items.length > mandatory.length) {
      return partial(ev, { it: `Voci obbligatorie in ordine, con ${items.length - mandatory.length} voci aggiuntive`, en: `Mandatory items in order, with ${items.length - mandatory.length} extra items` }, details);
    }
    return pass(ev, { it: 'Voci di menù corrette e nell’ordine giusto', en: 'Menu items correct and in the right order' }, details);
  },
);
