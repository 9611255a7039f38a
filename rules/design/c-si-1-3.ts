// C.SI.1.3 Service pages follow the model (index sections with content, in order; title, description, status,
// topics, category in the breadcrumb, area) and the site lists at least 10 services.
import { defineRule, evidence, fail, joinLocalised, okPages } from '../../src/check/define.js';
import type { AnalysedPage, Evidence, Localised, SiteFacts } from '../../src/types.js';
import { serviceContentTypes } from './model-data.js';
import { agidMeta, crawledTarget, failedServiceVerdict, homePage, markers, pageNotFound, pagesOfType, servicePages, usableHref, worstPage, type PageVerdict } from './shared.js';
import { officialGathering, SERVICE_KINDS, serviceLinks } from './gathering.js';

export const MIN_SERVICES = 10;

/** How many items of `found` are out of the model's order: all but the longest in-order run (longest increasing subsequence). */
export function outOfOrder(expected: string[], found: string[]): string[] {
  const positions = found.map((item) => expected.indexOf(item));
  const best: number[] = positions.map(() => 1);
  const previous: number[] = positions.map(() => -1);
  for (let i = 0; i < positions.length; i++) {
    for (let j = 0; j < i; j++) {
      if (positions[j] < positions[i] && best[j] + 1 > best[i]) {
        best[i] = best[j] + 1;
        previous[i] = j;
      }
    }
  }
  let end = best.indexOf(Math.max(0, ...best));
  const inOrder = new Set<number>();
  while (end >= 0) {
    inOrder.add(end);
    end = previous[end];
  }
  return found.filter((_, index) => !inOrder.has(index));
}

/** The official breadcrumb test: after the item "servizi" comes one (the category) of at least 3 letters or digits. */
export function breadcrumbNamesCategory(labels: string[]): boolean {
  const items = labels.map((label) => label.toLowerCase().replace(/[^a-zA-Z0-9 ]/g, '').trim());
  const index = items.indexOf('servizi');
  return index >= 0 && index + 1 < items.length && items[index + 1].length >= 3;
}

/** One mandatory item the page lacks, in the model's words, with what was looked for (the marker) and not found. */
export interface MissingItem {
  item: string;
  why: Localised;
}

const markerNames = (names: string[]) => names.map((name) => `data-element="${name}"`).join(' / ');

/** Missing mandatory items and items out of order on one service page, as the validator counts them. */
export function serviceModelGaps(page: AnalysedPage): { missing: MissingItem[]; wrongOrder: string[] } {
  const model = serviceContentTypes();
  const text = (name: string) => markers(page, name).map((element) => element.text).join(' ').trim();
  const indexItems = page.links
    .filter((link) => link.dataElement === 'page-index')
    .map((link) => link.text.trim())
    .filter((label) => model.contentTypeItemsIndex.includes(label));
  const wrongOrder = outOfOrder(model.contentTypeItemsIndex, indexItems);
  const withContent = new Set<string>();
  const markersOf = new Map<string, string[]>();
  for (const { key, data_element } of model.contentTypeItemsIndexDataElement.paragraph) {
    markersOf.set(key, [...(markersOf.get(key) ?? []), data_element]);
    if (text(data_element).length >= 3) withContent.add(key);
  }
  for (const { key, data_element } of model.contentTypeItemsIndexDataElement.exist) {
    markersOf.set(key, [...(markersOf.get(key) ?? []), data_element]);
    if (markers(page, data_element).length) withContent.add(key);
  }
  const missing: MissingItem[] = [];
  for (const item of model.contentTypeItemsIndex) {
    if (!indexItems.includes(item)) {
      missing.push({ item, why: { it: 'non è tra le voci dell\'indice (data-element="page-index")', en: 'not among the page index entries (data-element="page-index")' } });
    } else if (!withContent.has(item)) {
      const names = markerNames(markersOf.get(item) ?? []);
      missing.push({ item, why: { it: `voce nell'indice, ma nessun contenuto marcato ${names}`, en: `in the index, but no content marked ${names}` } });
    }
  }
  const absent = (name: string): Localised => ({ it: `manca data-element="${name}"`, en: `no data-element="${name}"` });
  const short = (name: string): Localised => ({ it: `manca data-element="${name}" con almeno 3 caratteri`, en: `no data-element="${name}" with at least 3 characters` });
  const [title, description, status, topics, category] = model.contentTypeItemsHeaders;
  if (text('service-title').length < 3) missing.push({ item: title, why: short('service-title') });
  if (text('service-description').length < 3) missing.push({ item: description, why: short('service-description') });
  if (!markers(page, 'service-status').length) missing.push({ item: status, why: absent('service-status') });
  if (!markers(page, 'service-topic').some((element) => element.text.trim())) missing.push({ item: topics, why: absent('service-topic') });
  if (!breadcrumbNamesCategory(page.breadcrumb)) {
    missing.push({ item: category, why: { it: 'nel percorso (breadcrumb) nessuna voce dopo "Servizi"', en: 'no breadcrumb item after "Servizi"' } });
  }
  if (text('service-area').length < 3) missing.push({ item: model.contentTypeItemsBody[0], why: short('service-area') });
  return { missing, wrongOrder };
}

function verdictFor(page: AnalysedPage): PageVerdict {
  const { missing, wrongOrder } = serviceModelGaps(page);
  const score = missing.length > 2 || wrongOrder.length > 1 ? 0 : missing.length || wrongOrder.length ? 0.5 : 1;
  const note = joinLocalised([
    missing.length
      ? {
          it: `voci mancanti: ${missing.map(({ item, why }) => `${item} (${why.it})`).join(', ')}`,
          en: `missing: ${missing.map(({ item, why }) => `${item} (${why.en})`).join(', ')}`,
        }
      : { it: 'tutte le voci obbligatorie presenti', en: 'all mandatory items present' },
    wrongOrder.length ? { it: `fuori ordine: ${wrongOrder.join(', ')}`, en: `out of order: ${wrongOrder.join(', ')}` } : { it: 'ordine corretto', en: 'order ok' },
  ]);
  // Seen: the page index as the page shows it.
  const index = page.links.filter((link) => link.dataElement === 'page-index').map((link) => link.text.trim());
  return { page, score, evidence: [evidence(page.url, '[data-element="page-index"]', index.join(' | '), note)] };
}

/** How the official checker counts services: the service-link anchors of one listing page. */
export interface ServiceCount {
  count: number;
  /** The page whose service links were counted, each anchor once (the validator counts duplicates) (the services page, or the page its first pager link leads to). */
  listing: string;
  /** The first pager link's target when it replaced the services page's list; null when there is none. */
  pager: string | null;
  loadMore: boolean;
  /** True when the services page was not crawled and crawled service pages ∪ service-link targets were counted instead. */
  fallback: boolean;
}

/**
 * Services as the official checker counts them: the service-link anchors on the services page (the home's
 * all-services link); when that page has a pager link (data-element="pager-link"), the anchors of the first pager
 * link's page *replace* the list (its gatherer's quirk: page 2's count, not the sum). Duplicates count.
 */
export function countServices(site: SiteFacts): ServiceCount {
  const home = homePage(site);
  const href = home ? markers(home, 'all-services').map(usableHref).find(Boolean) : null;
  const services = href ? crawledTarget(site, href) : null;
  if (!services || services.error || services.status >= 400) {
    // The services page was not read: count what the crawl shows of the services instead.
    const urls = new Set(pagesOfType(site, 'service').map((page) => page.finalUrl || page.url));
    for (const page of okPages(site)) {
      for (const link of page.links) if (link.dataElement === 'service-link' && /^https?:/.test(link.href) && link.href !== page.url) urls.add(link.href);
    }
    return { count: urls.size, listing: site.siteUrl, pager: null, loadMore: false, fallback: true };
  }
  const loadMore = markers(services, 'load-other-cards').length > 0;
  const pagerLink = markers(services, 'pager-link').find((element) => element.tag === 'a' && element.href);
  const pager = pagerLink ? crawledTarget(site, pagerLink.href!) : null;
  if (pager && !pager.error) return { count: serviceLinks(pager).length, listing: pager.url, pager: pager.url, loadMore, fallback: false };
  return { count: serviceLinks(services).length, listing: services.url, pager: null, loadMore, fallback: false };
}

export default defineRule(
  agidMeta({
    id: 'C.SI.1.3',
    title: {
      it: "C.SI.1.3 - SCHEDE INFORMATIVE DI SERVIZIO PER IL CITTADINO - Tutte le schede informative dei servizi per il cittadino devono mostrare le voci segnalate come obbligatorie all'interno dell'architettura dell'informazione, nell'ordine segnalato dal modello.",
      en: 'C.SI.1.3 - Service information pages - Every service page must show the items the information architecture marks as mandatory, in the model order.',
    },
    weight: 1,
    group: 'cittadino-informato',
    pageTypes: ['service', 'services-index'],
  }),
  officialGathering(SERVICE_KINDS, (site) => {
    const { pages, failed } = servicePages(site);
    if (!pages.length) return pageNotFound({ it: 'scheda servizio', en: 'service page' }, site);
    const verdicts = [...pages.map(verdictFor), ...failed.map(failedServiceVerdict)];
    const extra: Evidence[] = [];
    let enough = true;
    const details: Record<string, number | boolean> = {};
    if (!site.singlePage) {
      const services = countServices(site);
      enough = services.count >= MIN_SERVICES;
      Object.assign(details, { servicesFound: services.count });
      const how = services.fallback
        ? {
            it: `${services.count} servizi distinti tra schede servizio analizzate e destinazioni di service-link: la pagina dei servizi (data-element="all-services" della homepage) non è stata letta`,
            en: `${services.count} distinct services among crawled service pages and service-link targets: the services page (the home's data-element="all-services") was not read`,
          }
        : {
            it:
              `${services.count} link marcati service-link in ${services.listing}` +
              (services.pager ? ' (la pagina del primo link pager-link: come il validatore ufficiale, sostituisce l\'elenco della pagina dei servizi)' : '') +
              (services.loadMore ? '; un pulsante "carica altri" (load-other-cards) mostra altri servizi solo con JavaScript' : ''),
            en:
              `${services.count} links marked service-link on ${services.listing}` +
              (services.pager ? " (the first pager-link's page: as in the official checker, it replaces the services page's list)" : '') +
              (services.loadMore ? '; a "load more" button (load-other-cards) lists more only via JavaScript' : ''),
          };
      extra.push(evidence(services.listing, '[data-element="service-link"]', String(services.count), how));
    }
    const outcome = worstPage(verdicts, (score, counts) =>
      score === 1
        ? { it: `Tutte le schede servizio seguono il modello (${counts})`, en: `Every service page follows the model (${counts})` }
        : score === 0.5
          ? { it: `Fino a 2 voci mancanti o 1 fuori ordine in almeno una scheda (conformi ${counts})`, en: `Up to 2 items missing or 1 out of order on at least one service page (conforming ${counts})` }
          : { it: `Più di 2 voci mancanti o più di 1 fuori ordine in almeno una scheda (conformi ${counts})`, en: `More than 2 items missing or more than 1 out of order on at least one service page (conforming ${counts})` },
      extra,
      details,
    );
    if (!enough) {
      return fail(outcome.evidence, {
        it: `Meno di ${MIN_SERVICES} servizi trovati (${details.servicesFound})`,
        en: `Fewer than ${MIN_SERVICES} services found (${details.servicesFound})`,
      }, outcome.details);
    }
    return outcome;
  }),
);
