// Scoring data: which points make the maturity index, how much each weighs, and the named levels.
// Kept as data beside the rules so a policy change is a one-line diff here, not a code change in src/score.
import type { Localised, PointId } from '../src/types.js';

/**
 * Every point in the checklist order (docs/CHECKLIST.md), which is the order reports list them in.
 * `weight` is the point's weight in the maturity index. The five governance rows (security … assistant)
 * have weight null: they are scored and reported beside the index but do not enter it, because the index
 * measures the ten steps of the Team per la Trasformazione Digitale, and mixing in rows of another nature
 * (a TLS setting, a chatbot) would make index values incomparable with that ten-step frame.
 */
export const POINTS = {
  // Ten steps: equal weight unless a reason below says otherwise.
  anpr: { weight: 1 },
  pagopa: { weight: 1 },
  spid: { weight: 1 },
  cie: { weight: 1 },
  'open-source': { weight: 1 },
  // Half: the public site rarely shows where it is hosted (AGID R.SI.2.1 is informative); usually unknown anyway.
  cloud: { weight: 0.5 },
  // One and a half: the services a citizen can actually complete online are the outcome the other steps enable.
  'online-services': { weight: 1.5 },
  // Double: the AGID conformity criteria are the largest, most evidenced set, and the one PNRR asseverazione rests on.
  design: { weight: 2 },
  io: { weight: 1 },
  'open-data': { weight: 1 },
  // Governance rows: reported beside the index, not in it.
  security: { weight: null },
  privacy: { weight: null },
  accessibility: { weight: null },
  analytics: { weight: null },
  assistant: { weight: null },
} as const satisfies Record<PointId, { weight: number | null }>;

/** Points in checklist order. */
export const POINT_ORDER = Object.keys(POINTS) as PointId[];

export interface MaturityLevel {
  id: string;
  /** Lowest index (inclusive, 0..100, on the index as rounded to one decimal) that reaches this level. */
  min: number;
  name: Localised;
}

/**
 * Five equal bands of 20 index points. Equal bands because no published benchmark of comune sites justifies
 * any other cut; the names describe the stage plainly and claim no certification.
 */
export const MATURITY_LEVELS: readonly MaturityLevel[] = [
  { id: 'initial', min: 0, name: { it: 'Iniziale', en: 'Initial' } },
  { id: 'basic', min: 20, name: { it: 'Di base', en: 'Basic' } },
  { id: 'intermediate', min: 40, name: { it: 'Intermedio', en: 'Intermediate' } },
  { id: 'advanced', min: 60, name: { it: 'Avanzato', en: 'Advanced' } },
  { id: 'optimised', min: 80, name: { it: 'Ottimale', en: 'Optimised' } },
];

/**
 * A level that cannot hide a legal failure. HTTPS (security), the privacy policy (privacy) and the accessibility
 * statement (accessibility) are obligations of law, not steps of maturity: their rules fail only when the obligation
 * itself is unmet (gaps are "partial"). They stay out of the index, which measures the ten steps, but while one of
 * them fails the level is at most `maxLevel`. Level 3 of 5: a comune may be well advanced on the ten steps and still
 * "intermediate" overall, which is honest; a lower cap would make the index and the level disagree by too much to
 * read (an index of 92 at level 1) and blur the steps' own measure. An `unknown` does not cap: the site did not show
 * a failure.
 */
export const LEGAL_CAP = {
  points: ['security', 'privacy', 'accessibility'],
  maxLevel: 'intermediate',
  reason: {
    it: 'un obbligo di legge non è rispettato: finché sicurezza (HTTPS), privacy o dichiarazione di accessibilità non sono superati, il livello non supera 3 di 5',
    en: 'a legal obligation is not met: while security (HTTPS), privacy or the accessibility statement fails, the level is at most 3 of 5',
  },
} as const satisfies { points: readonly PointId[]; maxLevel: string; reason: Localised };
