// R.SI.1.1 Service page metadata: the JSON-LD block marked data-element="metatag" carries the model's ten
// voices (all: pass; fewer than half missing: partial).
import { defineRule, evidence } from '../../src/check/define.js';
import type { AnalysedPage } from '../../src/types.js';
import { agidMeta, hasMarker, pageNotFound, pagesOfType, worstPage, type PageVerdict } from './shared.js';

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
  if (!marked) {
    return { page, score: 0, evidence: [evidence(page.url, selector, best ? `JSON-LD without the metatag marker (${METATAG_VOICES.length - best.length}/10 voices)` : 'no metatag JSON-LD')] };
  }
  if (!best) return { page, score: 0, evidence: [evidence(page.url, selector, broken ? 'metatag JSON does not parse' : 'metatag block empty')] };
  const share = best.length / METATAG_VOICES.length;
  const score = best.length === 0 ? 1 : share < 0.5 ? 0.5 : 0;
  return { page, score, evidence: [evidence(page.url, selector, best.length ? `missing: ${best.join(', ')}` : 'all 10 voices present')] };
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
  (site) => {
    const pages = pagesOfType(site, 'service');
    if (!pages.length) return pageNotFound({ it: 'scheda servizio', en: 'service page' }, site);
    return worstPage(pages.map(verdictFor), (score, counts) =>
      score === 1
        ? { it: `Tutti i metatag presenti in tutte le schede servizio (${counts})`, en: `Every metatag present on every service page (${counts})` }
        : score === 0.5
          ? { it: `Almeno il 50% dei metatag presenti, non tutti (conformi ${counts})`, en: `At least half of the metatags present, not all (conforming ${counts})` }
          : { it: `Meno del 50% dei metatag presenti in almeno una scheda (conformi ${counts})`, en: `Fewer than half of the metatags on at least one service page (conforming ${counts})` },
    );
  },
);
