// Point 7 — digital services online. Counts service pages (page type, Modello Comuni service markers, /servizi/<slug>
// URLs) and services listed on the services index, and the online channels the model marks up: online access,
// booking, personal area, inefficiency reports. Thresholds: ≥ 10 services (the AgID C.SI.1.3 minimum) and at least
// one online channel pass; any service page or channel is partial; none on a crawled site fails.
// With classified pages it also names the categories without any service page and the pages whose classification
// disagrees with their own breadcrumb.
import { CATEGORIES } from '../src/classify/categories.js';
import { defineRule, evidence, okPages, partial, pass } from '../src/check/define.js';
import type { AnalysedPage, CategoryId, Evidence } from '../src/types.js';
import { capEvidence, findLinks, linkEvidence, notFound } from './find.js';

const MIN_SERVICES = 10;

/** data-element markers found only on a model service page. */
const SERVICE_PAGE_MARKERS = new Set(['service-title', 'service-description', 'service-status', 'service-addressed', 'service-how-to', 'service-needed']);
/** A single service under /servizi/ or /servizio/ (not an index, category or topic listing). */
const SERVICE_PATH = /\/servizi[o]?\/(?!(?:index|categori[ae]|argoment[io]|tutti)\b)[^/]+\/?$/i;

/** Online channels of the model, by data-element, in the order reported. */
const CHANNELS: { marker: string; it: string; en: string }[] = [
  { marker: 'service-online-access', it: 'accesso online al servizio', en: 'online service access' },
  { marker: 'service-booking-access', it: 'prenotazione dal servizio', en: 'booking from the service' },
  { marker: 'appointment-booking', it: 'prenotazione appuntamento', en: 'appointment booking' },
  { marker: 'personal-area-login', it: 'area personale', en: 'personal area' },
  { marker: 'report-inefficiency', it: 'segnalazione disservizio', en: 'inefficiency report' },
];

function servicePageReason(page: AnalysedPage): string | null {
  if (page.pageType.type === 'service') return `page type: ${page.pageType.reason}`;
  const marker = page.dataElements.find((element) => SERVICE_PAGE_MARKERS.has(element.name));
  if (marker) return marker.selector;
  try {
    if (SERVICE_PATH.test(new URL(page.finalUrl || page.url).pathname)) return 'url';
  } catch {
    // unparsable URL: not a service page
  }
  return null;
}

const labelOf = (id: CategoryId) => CATEGORIES.find((c) => c.id === id)?.label ?? id;

export default defineRule(
  {
    id: 'online-services',
    point: 'online-services',
    title: { it: 'Servizi digitali online', en: 'Digital services online' },
    failureTitle: { it: 'Servizi online scarsi o assenti', en: 'Few or no online services' },
    law: 'CAD (D.lgs. 82/2005) artt. 7 e 64-bis; Linee guida AgID di design (Modello Comuni); AgID C.SI.1.3, C.SI.2.1',
    weight: 1,
    pageTypes: 'site',
  },
  (site) => {
    const pages = okPages(site);
    const servicePages = pages.flatMap((page) => {
      const reason = servicePageReason(page);
      return reason ? [{ page, reason }] : [];
    });
    const listed = findLinks(pages, (link) => link.dataElement === 'service-link');
    const services = Math.max(servicePages.length, listed.length);

    const channels: Evidence[] = [];
    const channelNames: string[] = [];
    for (const channel of CHANNELS) {
      const link = findLinks(pages, (l) => l.dataElement === channel.marker)[0];
      const element = link ? null : pages.flatMap((page) => page.dataElements.filter((e) => e.name === channel.marker).map((e) => ({ page, e })))[0];
      if (link) channels.push(linkEvidence(link, { it: channel.it, en: channel.en }));
      else if (element) channels.push(evidence(element.page.url, element.e.selector, element.e.text || element.e.href || channel.marker, { it: channel.it, en: channel.en }));
      else continue;
      channelNames.push(channel.marker);
    }

    const classified = servicePages.filter(({ page }) => page.classification);
    const perCategory = new Map<CategoryId, number>();
    for (const { page } of classified) {
      // The page's own breadcrumb category is the comune's word; the classifier fills in where there is none.
      const category = page.classification!.declaredCategory ?? page.classification!.category;
      perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
    }
    const missing = classified.length
      ? CATEGORIES.filter((c) => c.id !== 'altro' && !perCategory.has(c.id)).map((c) => c.id)
      : [];
    const disagreements = pages
      .filter((page) => page.classification?.declaredCategory && page.classification.declaredCategory !== page.classification.category)
      .map((page) => `${page.url} (classified ${page.classification!.category}, breadcrumb ${page.classification!.declaredCategory})`);

    const details: Record<string, number | string[]> = {
      servicePages: servicePages.length,
      servicesListed: listed.length,
      channels: channelNames,
    };
    if (classified.length) {
      details.servicesPerCategory = CATEGORIES.filter((c) => perCategory.has(c.id)).map((c) => `${c.id}: ${perCategory.get(c.id)}`);
      details.categoriesWithoutService = missing;
    }
    if (disagreements.length) details.categoryDisagreements = disagreements;
    const missingText = missing.length
      ? { it: ` Nessuna pagina di servizio per: ${missing.map(labelOf).join(', ')}.`, en: ` No service page for: ${missing.map(labelOf).join(', ')}.` }
      : { it: '', en: '' };

    const ev = capEvidence([
      ...channels,
      ...servicePages.slice(0, 5).map(({ page, reason }) => evidence(page.url, reason === 'url' ? 'url' : reason, page.title, { it: 'scheda servizio', en: 'service page' })),
    ]);
    const channelList = (lang: 'it' | 'en') => CHANNELS.filter((c) => channelNames.includes(c.marker)).map((c) => c[lang]).join(', ');

    if (services >= MIN_SERVICES && channels.length) {
      return pass(
        ev,
        {
          it: `Servizi trovati: ${services}; canali online: ${channelList('it')}.${missingText.it}`,
          en: `Services found: ${services}; online channels: ${channelList('en')}.${missingText.en}`,
        },
        details,
      );
    }
    if (services > 0 || channels.length) {
      return partial(
        ev,
        {
          it: `Servizi trovati: ${services} (minimo ${MIN_SERVICES}); canali online: ${channelList('it') || 'nessuno'}.${missingText.it}`,
          en: `Services found: ${services} (minimum ${MIN_SERVICES}); online channels: ${channelList('en') || 'none'}.${missingText.en}`,
        },
        details,
      );
    }
    return notFound(
      site,
      [],
      { it: 'Nessuna pagina di servizio né canale online trovati.', en: 'No service page and no online channel found.' },
      details,
    );
  },
);
