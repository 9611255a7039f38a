// A report whose pages fall in three service categories (5 Ambiente, 2 Anagrafe e stato civile, 1 Tributi), for the
// classification section and its chart.
import type { CategoryId, Report } from '../../src/types.js';
import { SITE, makePage, makeSite, sampleReport } from './sample.js';

export function categorisedReport(): Report {
  const counts: [CategoryId, number][] = [['ambiente', 5], ['anagrafe-stato-civile', 2], ['tributi-finanze-contravvenzioni', 1]];
  const pages = counts.flatMap(([category, count]) =>
    Array.from({ length: count }, (_, i) =>
      makePage(`${SITE}${category}/${i + 1}`, 2, {
        pageType: { type: i === 0 ? 'service' : 'other', section: null, reason: 'test', signals: [] },
        classification: { category, confidence: 0.9, alternatives: [], declaredCategory: null },
      }),
    ),
  );
  return sampleReport({ site: makeSite([makePage(SITE, 0, { pageType: { type: 'home', section: null, reason: 'start', signals: [] } }), ...pages]) });
}

const tag = (id: string, label: string, score: number) => ({ id, label, score });

/**
 * A report whose pages carry topics: found in their text (`topics`) and declared by their "Argomenti" chips
 * (`declaredTopics`), two pages whose chips the text does not bear out (bandi, contrassegno) and one chip outside the
 * vocabulary ("Abitazione").
 */
export function topicsReport(): Report {
  const page = (path: string, type: 'service' | 'news' | 'privacy', category: CategoryId, topics: ReturnType<typeof tag>[], declaredTopics?: { id: string | null; label: string }[]) =>
    makePage(`${SITE}${path}`, 2, {
      pageType: { type, section: null, reason: 'test', signals: [] },
      classification: { category, confidence: 0.9, alternatives: [], declaredCategory: null, topics, ...(declaredTopics ? { declaredTopics } : {}) },
    });
  return sampleReport({
    site: makeSite([
      makePage(SITE, 0, { pageType: { type: 'home', section: null, reason: 'start', signals: [] }, classification: { category: 'altro', confidence: 0.9, alternatives: [], declaredCategory: null, topics: [] } }),
      page('servizi/tari', 'service', 'tributi-finanze-contravvenzioni', [tag('tassa-sui-servizi', 'Tassa sui servizi', 0.98), tag('gestione-rifiuti', 'Gestione rifiuti', 0.91)], [
        { id: 'imposte', label: 'Imposte' },
        { id: 'gestione-rifiuti', label: 'Gestione rifiuti' },
      ]),
      page('servizi/contrassegno', 'service', 'mobilita-trasporti', [tag('assistenza-agli-invalidi', 'Assistenza agli invalidi', 1), tag('parcheggi', 'Parcheggi', 0.97)], [
        { id: 'ztl', label: 'ZTL' },
        { id: null, label: 'Abitazione' },
      ]),
      page('servizi/bandi', 'service', 'appalti-pubblici', [], [{ id: 'imprese', label: 'Imprese' }]),
      page('novita/rifiuti', 'news', 'ambiente', [tag('gestione-rifiuti', 'Gestione rifiuti', 0.88)]),
      page('privacy', 'privacy', 'altro', []),
    ]),
  });
}
