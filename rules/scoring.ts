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
