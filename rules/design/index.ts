// The AGID conformity criteria for comuni websites (point 8, design), in the official checklist's order.
import type { PageType, Rule } from '../../src/types.js';
import cSi11 from './c-si-1-1.js';
import cSi12 from './c-si-1-2.js';
import cSi13 from './c-si-1-3.js';
import cSi14 from './c-si-1-4.js';
import cSi15 from './c-si-1-5.js';
import cSi16 from './c-si-1-6.js';
import cSi17 from './c-si-1-7.js';
import cSi21 from './c-si-2-1.js';
import cSi22 from './c-si-2-2.js';
import cSi23 from './c-si-2-3.js';
import cSi24 from './c-si-2-4.js';
import cSi25 from './c-si-2-5.js';
import cSi26 from './c-si-2-6.js';
import cSi31 from './c-si-3-1.js';
import cSi32 from './c-si-3-2.js';
import cSi33 from './c-si-3-3.js';
import cSi34 from './c-si-3-4.js';
import cSi41 from './c-si-4-1.js';
import cSi51 from './c-si-5-1.js';
import cSi52 from './c-si-5-2.js';
import rSi11 from './r-si-1-1.js';

export const designRules: Rule[] = [
  cSi11, cSi12, cSi13, cSi14, cSi15, cSi16, cSi17,
  cSi21, cSi22, cSi23, cSi24, cSi25, cSi26,
  cSi31, cSi32, cSi33, cSi34,
  cSi41,
  cSi51, cSi52,
  rSi11,
];

/** Page-level criteria that apply to one page type, for a --single-page audit of one template. */
export function rulesForPageType(type: PageType): Rule[] {
  return designRules.filter(({ meta }) => meta.pageTypes === 'all' || (Array.isArray(meta.pageTypes) && meta.pageTypes.includes(type)));
}
