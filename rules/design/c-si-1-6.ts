// C.SI.1.6 First-level menu, as the official checker decides it: the home's links marked management, news,
// all-services and live (own href other than "#" or "") must all be there, labelled as the model says; exactly those
// four: pass; 5 to 7 with custom-submenu items: partial; a missing marker, a wrong label, more than 7, or an item
// leaving the comune's host: fail.
import { defineRule, evidence, fail, joinLocalised, partial, pass } from '../../src/check/define.js';
import { hostOf } from '../../src/check/define.js';
import { menuItemPattern, menuItems, type PrimaryMenuItem } from './model-data.js';
import { agidMeta, crawledTarget, homePage, pageNotFound, usableHref } from './shared.js';

const MAX_ITEMS = 7;

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
    const { primaryMenuItems, customPrimaryMenuItemsDataElement } = menuItems();
    const mandatory: PrimaryMenuItem[] = Object.values(primaryMenuItems);
    // The official checker lists the menu marker by marker, in the model's order (management, news, all-services,
    // live, then custom-submenu): the order of the links on the page never counts, their number and labels do.
    const marked = (name: string) => home.dataElements.filter((element) => element.name === name && usableHref(element));
    const absent = mandatory.filter((item) => !marked(item.data_element).length);
    if (absent.length) {
      const navText = home.links.filter((link) => link.region === 'nav' || link.region === 'header').slice(0, 12).map((link) => link.text).filter(Boolean).join(' | ');
      const names = absent.map((item) => `${item.name} (data-element="${item.data_element}")`).join(', ');
      return fail([evidence(home.url, absent.map((item) => `[data-element="${item.data_element}"]`).join(', '), navText, { it: `nessun link del menu marcato per: ${names}`, en: `no menu link marked for: ${names}` })], {
        it: `Menu di primo livello senza i marcatori del modello: ${absent.map((item) => item.name).join(', ')}`,
        en: `First-level menu without the model's markers: ${absent.map((item) => item.name).join(', ')}`,
      }, { missing: absent.map((item) => item.name) });
    }
    const items = [...mandatory.map((item) => item.data_element), customPrimaryMenuItemsDataElement].flatMap(marked);
    const labels = items.map((item) => item.text.trim());
    const unlabelled = mandatory.filter((item) => !labels.some((label) => menuItemPattern(item).test(label))).map((item) => item.name);
    const leaving = items.filter((item) => {
      const target = item.href ? crawledTarget(site, item.href) : null;
      const host = hostOf(target?.finalUrl || item.href || '').replace(/^www\./, '');
      return host !== '' && !host.includes(site.host.replace(/^www\./, ''));
    });
    const ev = [
      evidence(home.url, '[data-element="main-navigation"]', labels.join(' | ')),
      ...leaving.map((item) => evidence(home.url, item.selector, `${item.text} → ${item.href}`, { it: 'esce dal sito del Comune', en: 'leaves the comune site' })),
    ];
    const details = { menuItems: labels, missing: unlabelled };
    const extra = items.length - mandatory.length;
    if (unlabelled.length || leaving.length || extra < 0 || items.length > MAX_ITEMS) {
      const why = joinLocalised([
        ...(unlabelled.length ? [{ it: `voci senza l'etichetta del modello: ${unlabelled.join(', ')}`, en: `items without the model's label: ${unlabelled.join(', ')}` }] : []),
        ...(leaving.length ? [{ it: `${leaving.length} voci esterne`, en: `${leaving.length} external` }] : []),
        ...(items.length > MAX_ITEMS ? [{ it: `${items.length} voci`, en: `${items.length} items` }] : []),
      ]);
      return fail(ev, { it: `Menu di primo livello non conforme: ${why.it}`, en: `First-level menu not conforming: ${why.en}` }, details);
    }
    if (extra > 0) {
      return partial(ev, { it: `Voci obbligatorie presenti, con ${extra} voci aggiuntive`, en: `Mandatory items present, with ${extra} extra items` }, details);
    }
    return pass(ev, { it: 'Voci di menù corrette', en: 'Menu items correct' }, details);
  },
);
