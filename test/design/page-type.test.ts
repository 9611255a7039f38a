// Page types: the model's markers first, then breadcrumb, URL and heading; links on the home refine the rest.
import { describe, expect, it } from 'vitest';
import { assignLinkedPageTypes, detectPageType } from '../../src/facts/page-type.js';
import { extractPageFacts } from '../../src/facts/page.js';
import { fetchedPage, siteFromHtml } from '../helpers/site.js';
import { SITE, designSite, url } from './fixtures.js';

/** A page of the site: a header menu linking elsewhere, no breadcrumb, no markers. */
const SITE_PAGE = '<header><a href="/">Comune</a></header><p>x</p>';

function typeOf(path: string, html: string) {
  return detectPageType(extractPageFacts(fetchedPage({ url: url(path), html })), SITE);
}

describe('detectPageType', () => {
  it('types every page of the fixture site from its markers and says why', () => {
    const types = Object.fromEntries(designSite().pages.map((page) => [new URL(page.url).pathname, `${page.pageType.type}/${page.pageType.section}`]));
    expect(types).toEqual({
      '/': 'home/null',
      '/amministrazione': 'first-level/management',
      '/novita': 'first-level/news',
      '/servizi': 'services-index/services',
      '/vivere-il-comune': 'first-level/live',
      '/amministrazione/uffici': 'second-level/management',
      '/servizi/carta-identita': 'service/services',
      '/argomenti': 'topics/null',
      '/note-legali': 'legal-notes/null',
      '/prenotazione-appuntamento': 'booking/null',
    });
    expect(typeOf('/x', '<h1 data-element="service-title">Carta</h1>').reason).toBe('data-element=service-title');
  });

  it('falls back to the breadcrumb on sites without markers', () => {
    const crumbs = (...items: string[]) => `<ol class="breadcrumb">${items.map((item) => `<li class="breadcrumb-item">${item}</li>`).join('')}</ol>`;
    expect(typeOf('/pagina/1', crumbs('Home', 'Servizi', 'Anagrafe e stato civile', 'Carta d’identità'))).toMatchObject({ type: 'service', section: 'services' });
    expect(typeOf('/pagina/2', crumbs('Home', 'Servizi', 'Anagrafe e stato civile'))).toMatchObject({ type: 'second-level', section: 'services' });
    expect(typeOf('/pagina/3', crumbs('Home', 'Novità', 'Notizie', 'Nuovo parco'))).toMatchObject({ type: 'news', reason: 'breadcrumb novita › notizie › nuovo parco' });
    expect(typeOf('/pagina/4', crumbs('Home', 'Note legali'))).toMatchObject({ type: 'legal-notes' });
  });

  it('falls back to the URL on a page of the site (one with a header menu), then to the main heading', () => {
    expect(typeOf('/servizi', '<p>x</p>').type).toBe('other'); // no site navigation: a bare list, not the services page
    expect(typeOf('/servizi', SITE_PAGE)).toMatchObject({ type: 'services-index', reason: 'url servizi' });
    expect(typeOf('/servizio/pagamento-tari', SITE_PAGE).type).toBe('service');
    expect(typeOf('/argomenti/sport', SITE_PAGE).type).toBe('topic');
    expect(typeOf('/eventi/sagra-2025', SITE_PAGE).type).toBe('event');
    expect(typeOf('/privacy-policy', SITE_PAGE).type).toBe('privacy');
    expect(typeOf('/index.php?id=77', '<h1>Dichiarazione di accessibilità</h1>')).toMatchObject({ type: 'accessibility', reason: 'h1 "Dichiarazione di accessibilità"' });
    expect(typeOf('/index.php?id=78', '<h1>Benvenuti</h1>')).toMatchObject({ type: 'other' });
  });

  it('recognises the home at the site URL, with or without index files, never a query page', () => {
    expect(typeOf('/', '<p>x</p>').type).toBe('home');
    expect(typeOf('/index.php', '<p>x</p>').type).toBe('home');
    expect(typeOf('/index.php?option=com_content', '<p>x</p>').type).toBe('other');
  });
});

describe('assignLinkedPageTypes', () => {
  it('types the pages the home links to with the model markers', () => {
    const home = `<nav><ul data-element="main-navigation"><li><a href="/pagina/amm" data-element="management">Amministrazione</a></li></ul></nav>
      <footer><a href="/pagina/legale" data-element="legal-notes">Note legali</a><a href="/" data-element="faq">FAQ</a></footer>`;
    const site = siteFromHtml([
      { url: SITE, html: home },
      { url: url('/pagina/amm'), html: '<h1>Il Comune</h1>' },
      { url: url('/pagina/legale'), html: '<h1>Informazioni</h1>' },
    ]);
    assignLinkedPageTypes(site.pages, site.siteUrl);
    expect(site.pages.map((page) => page.pageType.type)).toEqual(['home', 'first-level', 'legal-notes']);
    expect(site.pages[1].pageType).toEqual({
      type: 'first-level',
      section: 'management',
      reason: `linked from ${SITE} by data-element=management`,
      signals: [{ it: `la pagina ${SITE} la collega con data-element="management"`, en: `${SITE} links to it with data-element="management"` }],
    });
  });

  it('keeps a page’s own marker over a link pointing at it', () => {
    const site = siteFromHtml([
      { url: SITE, html: '<a href="/x" data-element="all-topics">Argomenti</a>' },
      { url: url('/x'), html: '<h1 data-element="service-title">Carta</h1>' },
    ]);
    assignLinkedPageTypes(site.pages, site.siteUrl);
    expect(site.pages[1].pageType.type).toBe('service');
  });
});
