// How the official checker gathers the pages it audits, and what it does when it cannot: before auditing, it follows
// the home's markers to the services page, its service links, the booking page and the first- and second-level
// pages; when one of those steps finds no marker, it audits a placeholder page in error instead, and every criterion
// that runs on that kind of page scores 0 ("Si sono verificati degli errori"). The checks here reproduce those steps
// on the crawled pages; a step whose page the crawl did not fetch is not judged (no gap is claimed).
import { evidence, fail } from '../../src/check/define.js';
import type { AnalysedPage, Localised, RuleOutcome, SiteFacts } from '../../src/types.js';
import { menuItems } from './model-data.js';
import { crawledTarget, homePage, usableHref } from './shared.js';

/** The kinds of page the official checker gathers from the home, as its configuration names them. */
export type GatheredKind = 'service' | 'appointment-booking' | 'first-level-page' | 'second-level-page';

export interface GatherGap {
  kind: GatheredKind;
  /** The page where the marker was looked for. */
  url: string;
  why: Localised;
}

const KIND_NAMES: Record<GatheredKind, Localised> = {
  service: { it: 'schede servizio', en: 'service pages' },
  'appointment-booking': { it: 'pagina di prenotazione appuntamento', en: 'appointment booking page' },
  'first-level-page': { it: 'pagine di primo livello', en: 'first-level pages' },
  'second-level-page': { it: 'pagine di secondo livello', en: 'second-level pages' },
};

const noMarker = (name: string, where: string): Localised => ({
  it: `nessun data-element="${name}" con un link utilizzabile in ${where}`,
  en: `no data-element="${name}" with a usable link on ${where}`,
});

/** The first usable href of a marker on a page (the validator's getPrimaryPageUrl), or null. */
function firstLink(page: AnalysedPage, name: string): string | null {
  for (const element of page.dataElements) {
    const href = element.name === name ? usableHref(element) : null;
    if (href) return href;
  }
  return null;
}

/** A page reached by a link: the crawled page, an empty stand-in when it answered an error, null when not crawled. */
function reached(site: SiteFacts, href: string): AnalysedPage | 'error' | null {
  const target = crawledTarget(site, href);
  if (!target) return null;
  return target.error || target.status >= 400 ? 'error' : target;
}

/** Anchors marked service-link: the validator reads their href property, so a marker on another element names nothing. */
export const serviceLinks = (page: AnalysedPage) => page.dataElements.filter((element) => element.name === 'service-link' && (element.tag === 'a' || element.tag === 'area'));

/** Every gathering step the official checker would fail on this site (none for single-page audits). */
export function gatherGaps(site: SiteFacts): GatherGap[] {
  const home = homePage(site);
  if (!home || site.singlePage) return [];
  const gaps: GatherGap[] = [];
  const menu = menuItems();
  const servicesHref = firstLink(home, menu.primaryMenuItems.services.data_element);
  if (!servicesHref) {
    const why = noMarker(menu.primaryMenuItems.services.data_element, 'homepage');
    gaps.push({ kind: 'service', url: home.url, why }, { kind: 'appointment-booking', url: home.url, why });
  } else {
    const services = reached(site, servicesHref);
    if (services === 'error') {
      const why = { it: `la pagina dei servizi ${servicesHref} non risponde`, en: `the services page ${servicesHref} does not answer` };
      gaps.push({ kind: 'service', url: servicesHref, why }, { kind: 'appointment-booking', url: servicesHref, why });
    } else if (services) {
      if (!serviceLinks(services).length) gaps.push({ kind: 'service', url: services.url, why: noMarker('service-link', services.url) });
      if (!firstLink(services, 'appointment-booking')) gaps.push({ kind: 'appointment-booking', url: services.url, why: noMarker('appointment-booking', services.url) });
    }
  }
  // First-level pages: each of the four menu markers must lead somewhere; second-level pages: each first-level page
  // reached must carry its section's second-level markers.
  const sections = Object.values(menu.primaryMenuItems);
  const missing = sections.filter((section) => !firstLink(home, section.data_element));
  if (missing.length) {
    const why = noMarker(missing.map((section) => section.data_element).join('", "'), 'homepage');
    gaps.push({ kind: 'first-level-page', url: home.url, why });
    if (missing.length === sections.length) gaps.push({ kind: 'second-level-page', url: home.url, why });
  }
  for (const section of sections) {
    const href = firstLink(home, section.data_element);
    const page = href ? reached(site, href) : null;
    if (!href || page === null) continue;
    const live = section.secondary_item_data_element.length > 1;
    const found = page !== 'error' && section.secondary_item_data_element.some((name) => (live ? page.dataElements.some((element) => element.name === name && element.href) : firstLink(page, name)));
    if (!found) {
      gaps.push({ kind: 'second-level-page', url: href, why: noMarker(section.secondary_item_data_element.join('", "'), href) });
      break;
    }
  }
  return gaps;
}

/**
 * The official outcome when a kind of page a criterion audits could not be gathered: 0, naming the missing step; null
 * when every kind was gathered.
 */
export function gatherFailure(site: SiteFacts, kinds: readonly GatheredKind[]): RuleOutcome | null {
  const gaps = gatherGaps(site).filter((gap) => kinds.includes(gap.kind));
  if (!gaps.length) return null;
  const names = [...new Set(gaps.map((gap) => gap.kind))].map((kind) => KIND_NAMES[kind]);
  const list = { it: names.map((name) => name.it).join(', '), en: names.map((name) => name.en).join(', ') };
  const note = (why: Localised): Localised => ({
    it: `${why.it}: il validatore ufficiale non trova le pagine da analizzare e assegna 0 al criterio`,
    en: `${why.en}: the official checker finds no pages to audit and scores the criterion 0`,
  });
  return fail(
    gaps.map((gap) => evidence(gap.url, 'data-element', '', note(gap.why))),
    { it: `Il validatore ufficiale non riesce a raggiungere: ${list.it}`, en: `The official checker cannot reach: ${list.en}` },
    { gatherGaps: gaps.length },
  );
}

/** Kinds of page each criterion audits besides the home, per the official configuration ("online", municipality). */
export const SERVICE_KINDS: readonly GatheredKind[] = ['service'];
export const MENU_KINDS: readonly GatheredKind[] = ['first-level-page', 'second-level-page'];
export const ALL_KINDS: readonly GatheredKind[] = ['service', 'appointment-booking', 'first-level-page', 'second-level-page'];

/**
 * A criterion's check as the official checker ends it: its own outcome, unless a kind of page it audits could not be
 * gathered, which scores it 0 (the criterion's own evidence follows the missing step). A failing outcome stays as it is.
 */
export function officialGathering(kinds: readonly GatheredKind[], check: (site: SiteFacts) => RuleOutcome): (site: SiteFacts) => RuleOutcome {
  return (site) => {
    const outcome = check(site);
    if (outcome.status === 'fail') return outcome;
    const gap = gatherFailure(site, kinds);
    return gap ? { ...gap, evidence: [...gap.evidence, ...outcome.evidence], details: { ...outcome.details, ...gap.details } } : outcome;
  };
}
