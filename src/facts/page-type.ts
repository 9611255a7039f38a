// Recognises the Modello Comuni page type of a page: the model's data-element markers first, then the
// breadcrumb, the URL and the main heading for sites that do not use the markers. A second pass
// (assignLinkedPageTypes) refines types from the links that point at a page, e.g. the home's `management` link.
import type { AnalysedPage, PageFacts, PageType, PageTypeGuess } from '../types.js';

type Section = PageTypeGuess['section'];

const guess = (type: PageType, section: Section, reason: string): PageTypeGuess => ({ type, section, reason });

/** Lower-case, accents folded, punctuation to spaces: "Novità" and "novita" compare equal. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

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
  ['news-category-link', 'first-level', 'news'],
  ['live-button-events', 'first-level', 'live'],
  ['live-button-locations', 'first-level', 'live'],
  ['service-link', 'second-level', 'services'],
  ['event-link', 'events', 'live'],
];

function byMarker(page: PageFacts): PageTypeGuess | null {
  if (!page.dataElements.length) return null;
  const names = new Set(page.dataElements.map((element) => element.name));
  for (const [marker, type, section] of PAGE_MARKERS) {
    if (names.has(marker)) return guess(type, section, `data-element=${marker}`);
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

/** Path of a trail below the home: the first-level label decides the section, the depth the level. */
function byTrail(trail: string[], source: string): PageTypeGuess | null {
  if (!trail.length) return null;
  const [first, second] = trail;
  const depth = trail.length;
  const last = trail[trail.length - 1];
  const standalone = standaloneType(last);
  if (standalone) return guess(standalone, null, `${source} ${last}`);
  const why = `${source} ${trail.join(' › ')}`;
  if (first === 'servizi') {
    if (depth === 1) return guess('services-index', 'services', why);
    if (depth === 2 && SERVICE_CATEGORIES.has(second)) return guess('second-level', 'services', why);
    return guess('service', 'services', why);
  }
  if (first === 'servizio' || first === 'scheda servizio') return guess('service', 'services', why);
  if (first === 'amministrazione') return depth === 1 ? guess('first-level', 'management', why) : depth === 2 ? guess('second-level', 'management', why) : null;
  if (first === 'novita') {
    if (depth === 1) return guess('first-level', 'news', why);
    return depth === 2 ? guess('second-level', 'news', why) : guess('news', 'news', why);
  }
  if (/^(notizie|notizia|comunicati|comunicato|avvisi|avviso|news)$/.test(first)) {
    return depth === 1 ? guess('second-level', 'news', why) : guess('news', 'news', why);
  }
  if (/^vivere\b/.test(first)) {
    if (depth === 1) return guess('first-level', 'live', why);
    if (second === 'eventi') return depth === 2 ? guess('events', 'live', why) : guess('event', 'live', why);
    return depth === 2 ? guess('second-level', 'live', why) : null;
  }
  if (first === 'argomenti') return depth === 1 ? guess('topics', null, why) : guess('topic', null, why);
  if (first === 'argomento') return guess('topic', null, why);
  if (first === 'eventi') return depth === 1 ? guess('events', 'live', why) : guess('event', 'live', why);
  if (first === 'evento') return guess('event', 'live', why);
  return null;
}

function byBreadcrumb(page: PageFacts): PageTypeGuess | null {
  const trail = page.breadcrumb.map(fold).filter(Boolean);
  if (trail[0] === 'home' || trail[0] === 'homepage') trail.shift();
  return byTrail(trail, 'breadcrumb');
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

function byUrl(page: PageFacts, siteUrl: string): PageTypeGuess | null {
  const segments = pathSegments(page.finalUrl || page.url);
  const base = pathSegments(siteUrl);
  // A site that lives under a folder (https://host/comune/) has its sections below it.
  const trail = base.every((segment, index) => segments[index] === segment) ? segments.slice(base.length) : segments;
  const folded = trail.filter((segment) => segment !== 'index');
  if (folded[0] === 'servizi categoria') return guess('second-level', 'services', `url /${trail.join('/')}`);
  return byTrail(folded, 'url');
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
  const standalone = standaloneType(label);
  if (standalone) return guess(standalone, null, `h1 "${h1.text}"`);
  for (const [pattern, type, section] of HEADING_TYPES) {
    if (pattern.test(label)) return guess(type, section, `h1 "${h1.text}"`);
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

export function detectPageType(page: PageFacts, siteUrl: string): PageTypeGuess {
  if (isHome(page, siteUrl)) return guess('home', null, 'start URL');
  return byMarker(page) ?? byBreadcrumb(page) ?? byUrl(page, siteUrl) ?? byHeading(page) ?? guess('other', null, 'no marker, breadcrumb, URL or heading matched');
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

/**
 * Refines page types from the model's navigation markers on other pages: the page the home's `management` link
 * points at is the Amministrazione first-level page, a `service-link` target is a service, and so on.
 * A page's own markers win over a link pointing at it; the home is never retyped. Mutates `pages`.
 */
export function assignLinkedPageTypes(pages: AnalysedPage[], siteUrl: string): void {
  const byUrlKey = new Map<string, AnalysedPage>();
  for (const page of pages) {
    if (page.error) continue;
    byUrlKey.set(page.url, page);
    if (page.finalUrl) byUrlKey.set(page.finalUrl, page);
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
      if (!target || assigned.has(target) || target.pageType.type === 'home' || isHome(target, siteUrl)) continue;
      if (target.pageType.reason.startsWith('data-element=') && target.pageType.type !== 'other') continue;
      const [type, section] = linkType;
      target.pageType = guess(type, section, `linked from ${source.url} by data-element=${link.dataElement}`);
      assigned.add(target);
    }
  }
}
