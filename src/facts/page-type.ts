// Recognises the Modello Comuni page type of a page, and says why. Error answers first; then the start URL; the
// model's page-only data-element markers; what the page itself shows (a step of a form, the message that closes
// it, the citizen's personal area, a home page served anywhere); then the breadcrumb, the URL, list markers and
// the main heading for sites that do not use the markers. A second pass (assignLinkedPageTypes) refines types
// from the links that point at a page, e.g. the home's `management` link.
import type { AnalysedPage, Localised, PageFacts, PageType, PageTypeGuess } from '../types.js';
import { byPageContent, fold, say } from './page-content.js';

type Section = PageTypeGuess['section'];

const guess = (type: PageType, section: Section, reason: string, signals: Localised[]): PageTypeGuess => ({ type, section, reason, signals });

/** The 15 service categories of the model (and the validator's variant), folded: a `servizi/<x>` page named after one is a category page. */
const SERVICE_CATEGORIES = new Set(
  [
    'educazione e formazione',
    'salute, benessere e assistenza',
    'vita lavorativa',
    'mobilità e trasporti',
    'catasto e urbanistica',
    'anagrafe e stato civile',
    'turismo',
    'giustizia e sicurezza pubblica',
    'tributi, finanze e contravvenzioni',
    'cultura e tempo libero',
    'ambiente',
    'imprese e commercio',
    'autorizzazioni',
    'appalti pubblici',
    'agricoltura e pesca',
    'agricoltura, caccia e pesca',
  ].map(fold),
);

// Markers that only the page of one type carries (header and footer markers such as `all-services` are on every page).
const PAGE_MARKERS: [string, PageType, Section][] = [
  ['service-title', 'service', 'services'],
  ['legal-notes-section', 'legal-notes', null],
  ['legal-notes-body', 'legal-notes', null],
  ['topic-element', 'topics', null],
  ['service-category-link', 'services-index', 'services'],
  ['management-category-link', 'first-level', 'management'],
  ['live-button-events', 'first-level', 'live'],
  ['live-button-locations', 'first-level', 'live'],
];

// Markers of cards in a list: the model puts them on many kinds of page (a topic lists services, the search
// results list services, Documenti e dati has news category chips), so they decide only when nothing else does.
const LIST_MARKERS: [string, PageType, Section][] = [
  ['news-category-link', 'first-level', 'news'],
  ['service-link', 'second-level', 'services'],
  ['event-link', 'events', 'live'],
];

const PAGE_MARKER = 'data-element=';
const LIST_MARKER = 'list data-element=';

function markerSignal(marker: string): Localised {
  return say(`la pagina ha il marcatore data-element="${marker}"`, `the page carries data-element="${marker}"`);
}

function byMarkers(page: PageFacts, markers: [string, PageType, Section][], source: string): PageTypeGuess | null {
  if (!page.dataElements.length) return null;
  const names = new Set(page.dataElements.map((element) => element.name));
  for (const [marker, type, section] of markers) {
    if (names.has(marker)) return guess(type, section, `${source}${marker}`, [markerSignal(marker)]);
  }
  return null;
}

/** Types of standalone pages, recognised by a folded label (breadcrumb item, URL segment or heading). */
function standaloneType(label: string): PageType | null {
  if (/\bnote legali\b/.test(label)) return 'legal-notes';
  if (/\b(informativa )?privacy( policy)?\b|\btrattamento dei dati\b/.test(label)) return 'privacy';
  if (/\bdichiarazione (di )?accessibilita\b/.test(label)) return 'accessibility';
  if (/\bprenot\w*( (un|gli|degli))? appuntament|^prenotazion[ei]( online)?$|^appuntamenti?$/.test(label)) return 'booking';
  if (/\barea (personale|riservata)\b/.test(label)) return 'personal-area-login';
  return null;
}

/** Search results list whatever matched: a page of its own kind for no criterion. */
const SEARCH_LABEL = /^(ricerca|cerca|risultati( della| di)? ricerca|search( results)?)$/;

/** Path of a trail below the home: the first-level label decides the section, the depth the level. */
function byTrail(trail: string[], source: string, shown: Localised): PageTypeGuess | null {
  if (!trail.length) return null;
  const [first, second] = trail;
  const depth = trail.length;
  const last = trail[trail.length - 1];
  const standalone = standaloneType(last);
  if (standalone) return guess(standalone, null, `${source} ${last}`, [shown]);
  const why = `${source} ${trail.join(' › ')}`;
  const found = (type: PageType, section: Section) => guess(type, section, why, [shown]);
  if (SEARCH_LABEL.test(last)) return found('other', null);
  if (first === 'servizi') {
    if (depth === 1) return found('services-index', 'services');
    if (depth === 2 && SERVICE_CATEGORIES.has(second)) return found('second-level', 'services');
    return found('service', 'services');
  }
  if (first === 'servizio' || first === 'scheda servizio') return found('service', 'services');
  if (first === 'amministrazione') return depth === 1 ? found('first-level', 'management') : depth === 2 ? found('second-level', 'management') : null;
  if (first === 'novita') {
    if (depth === 1) return found('first-level', 'news');
    return depth === 2 ? found('second-level', 'news') : found('news', 'news');
  }
  if (/^(notizie|notizia|comunicati|comunicato|avvisi|avviso|news)$/.test(first)) {
    return depth === 1 ? found('second-level', 'news') : found('news', 'news');
  }
  if (/^vivere\b/.test(first)) {
    if (depth === 1) return found('first-level', 'live');
    if (second === 'eventi') return depth === 2 ? found('events', 'live') : found('event', 'live');
    return depth === 2 ? found('second-level', 'live') : null;
  }
  if (first === 'argomenti' || first === 'lista argomenti') return depth === 1 ? found('topics', null) : found('topic', null);
  if (first === 'argomento') return found('topic', null);
  if (first === 'eventi') return depth === 1 ? found('events', 'live') : found('event', 'live');
  if (first === 'evento') return found('event', 'live');
  return null;
}

function byBreadcrumb(page: PageFacts): PageTypeGuess | null {
  const items = page.breadcrumb.filter((item) => fold(item));
  if (items.length && /^home( ?page)?$/.test(fold(items[0]))) items.shift();
  const shown = items.join(' › ');
  return byTrail(items.map(fold), 'breadcrumb', say(`briciole di pane: ${shown}`, `breadcrumb: ${shown}`));
}

function pathSegments(url: string): string[] {
  try {
    return new URL(url).pathname
      .split('/')
      .filter(Boolean)
      .map((segment) => fold(decodeURIComponent(segment).replace(/\.(html?|php|aspx?|jsp)$/i, '')));
  } catch {
    return [];
  }
}

/** A breadcrumb, or header or menu links to other pages of the site: a page of the site, not a bare list of links. */
function hasSiteNavigation(page: PageFacts): boolean {
  const here = new Set([page.url, page.finalUrl]);
  return page.breadcrumb.length > 0 || page.links.some((link) => (link.region === 'header' || link.region === 'nav') && !link.external && !here.has(link.href));
}

function byUrl(page: PageFacts, siteUrl: string): PageTypeGuess | null {
  // A folder name says little about a page outside the site's navigation (the model's own index of templates
  // sits at /servizi/index.html).
  if (!hasSiteNavigation(page)) return null;
  const address = page.finalUrl || page.url;
  const segments = pathSegments(address);
  const base = pathSegments(siteUrl);
  // A site that lives under a folder (https://host/comune/) has its sections below it.
  const trail = base.every((segment, index) => segments[index] === segment) ? segments.slice(base.length) : segments;
  const folded = trail.filter((segment) => segment !== 'index');
  const shown = say(`indirizzo ${address}`, `URL ${address}`);
  if (folded[0] === 'servizi categoria') return guess('second-level', 'services', `url /${trail.join('/')}`, [shown]);
  return byTrail(folded, 'url', shown);
}

const HEADING_TYPES: [RegExp, PageType, Section][] = [
  [/^servizi$/, 'services-index', 'services'],
  [/^amministrazione$/, 'first-level', 'management'],
  [/^novita$/, 'first-level', 'news'],
  [/^vivere\b/, 'first-level', 'live'],
  [/^argomenti$/, 'topics', null],
  [/^eventi$/, 'events', 'live'],
];

function byHeading(page: PageFacts): PageTypeGuess | null {
  const h1 = page.headings.find((heading) => heading.level === 1);
  if (!h1) return null;
  const label = fold(h1.text);
  const shown = say(`titolo principale (h1) "${h1.text}"`, `main heading (h1) "${h1.text}"`);
  const standalone = standaloneType(label);
  if (standalone) return guess(standalone, null, `h1 "${h1.text}"`, [shown]);
  for (const [pattern, type, section] of HEADING_TYPES) {
    if (pattern.test(label)) return guess(type, section, `h1 "${h1.text}"`, [shown]);
  }
  return null;
}

function isHome(page: PageFacts, siteUrl: string): boolean {
  try {
    const url = new URL(page.finalUrl || page.url);
    const site = new URL(siteUrl);
    if (url.search) return false;
    const path = url.pathname.replace(/\/index\.(html?|php)$/i, '/');
    const sitePath = site.pathname.replace(/\/index\.(html?|php)$/i, '/');
    return path === sitePath || path === '/';
  } catch {
    return false;
  }
}

/** An HTTP error, a page that could not be read, or a page that says it was not found. */
function byError(page: PageFacts): PageTypeGuess | null {
  if (page.error) return guess('error', null, `error ${page.error.code}`, [page.error.message]);
  if (page.status >= 400) return guess('error', null, `http ${page.status}`, [say(`il server risponde HTTP ${page.status}`, `the server answers HTTP ${page.status}`)]);
  const h1 = page.headings.find((heading) => heading.level === 1)?.text ?? '';
  const notFound = /^(errore )?404\b|\bpagina non trovata\b|\bpage not found\b|^not found$|\bpagina (richiesta )?non (esiste|e disponibile)\b/;
  for (const [label, text] of [
    [say('titolo principale (h1)', 'main heading (h1)'), h1],
    [say('titolo della pagina', 'page title'), page.title],
  ] as const) {
    if (notFound.test(fold(text))) {
      return guess('error', null, 'not found', [say(`${label.it} "${text}": la pagina dice di non esistere`, `${label.en} "${text}": the page says it does not exist`)]);
    }
  }
  return null;
}

const NOTHING_MATCHED = 'no marker, breadcrumb, URL or heading matched';
const START_URL = [say('è l’indirizzo di partenza del sito', 'it is the site’s start URL')];

export function detectPageType(page: PageFacts, siteUrl: string): PageTypeGuess {
  const error = byError(page);
  if (error) return error;
  if (isHome(page, siteUrl)) return guess('home', null, 'start URL', START_URL);
  return (
    byMarkers(page, PAGE_MARKERS, PAGE_MARKER) ??
    byPageContent(page) ??
    byBreadcrumb(page) ??
    byUrl(page, siteUrl) ??
    byMarkers(page, LIST_MARKERS, LIST_MARKER) ??
    byHeading(page) ??
    guess('other', null, NOTHING_MATCHED, [
      say('nessun marcatore, briciola di pane, indirizzo o titolo riconosciuto', 'no marker, breadcrumb, URL or heading recognised'),
    ])
  );
}

/** Links whose data-element names the type of the page they point at (the model's navigation markers). */
const LINK_TYPES: Record<string, [PageType, Section]> = {
  management: ['first-level', 'management'],
  news: ['first-level', 'news'],
  'all-services': ['services-index', 'services'],
  live: ['first-level', 'live'],
  'management-category-link': ['second-level', 'management'],
  'news-category-link': ['second-level', 'news'],
  'service-category-link': ['second-level', 'services'],
  'live-button-locations': ['second-level', 'live'],
  'live-button-events': ['events', 'live'],
  'service-link': ['service', 'services'],
  'event-link': ['event', 'live'],
  'all-topics': ['topics', null],
  'legal-notes': ['legal-notes', null],
  'privacy-policy-link': ['privacy', null],
  'accessibility-link': ['accessibility', null],
  'appointment-booking': ['booking', null],
  'personal-area-login': ['personal-area-login', null],
};

/** The kind of page a link with this marker leads to, per the model's navigation markers; null for other markers. */
export function markedTargetType(marker: string): PageType | null {
  return LINK_TYPES[marker]?.[0] ?? null;
}

/**
 * A link's marker refines only a guess from weak signals (the URL, the heading, list cards, nothing at all): a
 * page's own markers, breadcrumb and content (a form step, an error, the home…) say more than a link to it.
 */
function refinableByLinks(pageType: PageTypeGuess): boolean {
  const { reason } = pageType;
  return reason.startsWith('url ') || reason.startsWith('h1 ') || reason.startsWith(LIST_MARKER) || reason === NOTHING_MATCHED;
}

/**
 * Refines page types from the model's navigation markers on other pages: the page the home's `management` link
 * points at is the Amministrazione first-level page, a `service-link` target is a service, and so on.
 * A page's own markers (and what it shows by itself: a form step, an error…) win over a link pointing at it; the
 * home is never retyped. Mutates `pages`.
 */
export function assignLinkedPageTypes(pages: AnalysedPage[], siteUrl: string): void {
  const byUrlKey = new Map<string, AnalysedPage>();
  for (const page of pages) {
    if (page.error) continue;
    byUrlKey.set(page.url, page);
    if (page.finalUrl) byUrlKey.set(page.finalUrl, page);
    for (const alias of page.aliases ?? []) byUrlKey.set(alias, page);
  }
  // Home links first, so a first-level page named by the home keeps that type over a link from elsewhere.
  const ordered = [...pages].sort((a, b) => Number(b.pageType.type === 'home') - Number(a.pageType.type === 'home'));
  const assigned = new Set<AnalysedPage>();
  for (const source of ordered) {
    if (source.error) continue;
    for (const link of source.links) {
      const linkType = link.dataElement ? LINK_TYPES[link.dataElement] : undefined;
      if (!linkType || link.href === source.url || link.href === source.finalUrl) continue;
      const target = byUrlKey.get(link.href);
      if (!target || target === source || assigned.has(target) || !refinableByLinks(target.pageType) || isHome(target, siteUrl)) continue;
      const [type, section] = linkType;
      const signal = say(
        `la pagina ${source.url} la collega con data-element="${link.dataElement}"`,
        `${source.url} links to it with data-element="${link.dataElement}"`,
      );
      target.pageType = guess(type, section, `linked from ${source.url} by data-element=${link.dataElement}`, [signal]);
      assigned.add(target);
    }
  }
}
