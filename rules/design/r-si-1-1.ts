// R.SI.1.1 Service page metadata: the JSON-LD block marked data-element="metatag" carries the model's ten
// voices (all: pass; fewer than half missing: partial).
import { defineRule, evidence } from '../../src/check/define.js';
import type { AnalysedPage } from '../../src/types.js';
import { agidMeta, failedServiceVerdict, hasMarker, pageNotFound, servicePages, worstPage, type PageVerdict } from './shared.js';
import { officialGathering, SERVICE_KINDS } from './gathering.js';

/** The ten leaf voices of the model's service metadata, as paths. */
export const METATAG_VOICES = [
  'name',
  'serviceType',
  'serviceOperator.name',
  'areaServed.name',
  'audience.audienceType',
  'availableChannel.serviceUrl',
  'availableChannel.serviceLocation.name',
  'availableChannel.serviceLocation.address.streetAddress',
  'availableChannel.serviceLocation.address.postalCode',
  'availableChannel.serviceLocation.address.addressLocality',
];

function valueAt(block: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), block);
}

export function missingVoices(block: unknown): string[] {
  return METATAG_VOICES.filter((path) => {
    const value = valueAt(block, path);
    return typeof value !== 'string' || value.length === 0;
  });
}

function verdictFor(page: AnalysedPage): PageVerdict {
  const marked = hasMarker(page, 'metatag');
  const blocks = page.jsonLd.filter((block) => block && typeof block === 'object' && !('@parseError' in (block as object)));
  const broken = page.jsonLd.some((block) => block && typeof block === 'object' && '@parseError' in (block as object));
  // The marker sits on the <script> itself; of the page's JSON-LD blocks, the one with the most voices is the metatag.
  const best = blocks.map(missingVoices).sort((a, b) => a.length - b.length)[0];
  const selector = '[data-element="metatag"]';
  const total = METATAG_VOICES.length;
  if (!marked) {
    if (!best) return { page, score: 0, evidence: [evidence(page.url, selector, '', { it: 'nessun JSON-LD metatag', en: 'no metatag JSON-LD' })] };
    const present = total - best.length;
    const note = { it: `JSON-LD senza il marcatore metatag: ${present} voci su ${total}`, en: `JSON-LD without the metatag marker: ${present} of ${total} voices` };
    return { page, score: 0, evidence: [evidence(page.url, selector, `${present}/${total}`, note)] };
  }
  if (!best) {
    const note = broken ? { it: 'il JSON del metatag non è valido', en: 'metatag JSON does not parse' } : { it: 'blocco metatag vuoto', en: 'metatag block empty' };
    return { page, score: 0, evidence: [evidence(page.url, selector, '', note)] };
  }
  const share = best.length / total;
  const score = best.length === 0 ? 1 : share < 0.5 ? 0.5 : 0;
  // Seen: how many of the voices the block carries; the note names the missing ones.
  const note = best.length
    ? { it: `mancano: ${best.join(', ')}`, en: `missing: ${best.join(', ')}` }
    : { it: `tutte le ${total} voci presenti`, en: `all ${total} voices present` };
  return { page, score, evidence: [evidence(page.url, selector, `${total - best.length}/${total}`, note)] };
}

export default defineRule(
  agidMeta({
    id: 'R.SI.1.1',
    title: {
      it: 'R.SI.1.1 - METATAG - Nel sito comunale, le voci della scheda servizio devono presentare i metatag descritti dal modello, in base agli standard internazionali.',
      en: "R.SI.1.1 - Metatags - Service pages should carry the model's metadata (schema.org JSON-LD).",
    },
    weight: 0.5,
    group: 'raccomandazioni',
    pageTypes: ['service'],
  }),
  officialGathering(SERVICE_KINDS, (site) => {
    const { pages, failed } = servicePages(site);
    if (!pages.length) return pageNotFound({ it: 'scheda servizio', en: 'service page' }, site);
    return worstPage([...pages.map(verdictFor), ...failed.map(failedServiceVerdict)], (score, counts) =>
      score === 1
        ? { it: `Tutti i metatag presenti in tutte le schede servizio (${counts})`, en: `Every metatag present on every service page (${counts})` }
        : score === 0.5
          ? { it: `Almeno il 50% dei metatag presenti, non tutti (conformi ${counts})`, en: `At least half of the metatags present, not all (conforming ${counts})` }
          : { it: `Meno del 50% dei metatag presenti in almeno una scheda (conformi ${counts})`, en: `Fewer than half of the metatags on at least one service page (conforming ${counts})` },
    );
  }),
);
