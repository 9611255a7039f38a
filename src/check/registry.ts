// Every rule the audit runs, in the checklist's order (the ten points, design's AGID criteria in place of point 8,
// then the governance rows).
import { pointRules } from '../../rules/index.js';
import { designRules, rulesForPageType } from '../../rules/design/index.js';
import type { PageType, Rule } from '../types.js';

const DESIGN_POSITION = pointRules.findIndex((rule) => rule.meta.point === 'io');

export const allRules: readonly Rule[] = [
  ...pointRules.slice(0, DESIGN_POSITION),
  ...designRules,
  ...pointRules.slice(DESIGN_POSITION),
];

/** The full set for a site audit, or the page-level criteria of one page type for a --single-page audit. */
export function rulesFor(singlePageType?: PageType): readonly Rule[] {
  return singlePageType ? rulesForPageType(singlePageType) : allRules;
}
