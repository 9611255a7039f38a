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
