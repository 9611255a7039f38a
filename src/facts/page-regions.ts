// Where an element sits on the page (header, nav, footer, aside, main) and what its class attribute says. Regions
// split page text into main and boilerplate and tell rules where a link is (a menu in the footer is a footer link).
import { CACHE_MAX } from './caps.js';
import { memoizeBounded } from '../util/memo.js';
import type { Region } from '../types.js';

/** Attributes as the parser gives them: names lower-cased, entities decoded. */
export type Attribs = Record<string, string>;

// Maps, not object literals: names read from the page are looked up without being interned first, and
// "constructor" or "toString" are not mistaken for regions.
const REGION_BY_TAG = new Map<string, Region>([['header', 'header'], ['nav', 'nav'], ['footer', 'footer'], ['aside', 'aside'], ['main', 'main']]);
const REGION_BY_ROLE = new Map<string, Region>([
  ['banner', 'header'],
  ['navigation', 'nav'],
  ['contentinfo', 'footer'],
  ['complementary', 'aside'],
  ['main', 'main'],
]);
/** Class or id tokens that old CMS themes use instead of semantic elements. Exact tokens only ("card-header" is not a header). */
const REGION_BY_TOKEN = new Map<string, Region>([
  ['footer', 'footer'],
  ['site-footer', 'footer'],
  ['it-footer', 'footer'],
  ['page-footer', 'footer'],
  ['colophon', 'footer'],
  ['it-header-wrapper', 'header'],
  ['site-header', 'header'],
  ['masthead', 'header'],
]);

/** What a class attribute says, cached by its value: the same few values repeat on every element and every page. */
export interface ClassInfo {
  tokens: string[];
  /** The region named by the first token that names one. */
  region: Region | null;
}

export const NO_CLASS: ClassInfo = { tokens: [], region: null };
/** Tokens and region of a class attribute value, split once per distinct value. */
const classInfoOfValue = memoizeBounded((value): ClassInfo => {
  const tokens = value.split(/\s+/).filter(Boolean);
  let region: Region | null = null;
  for (const token of tokens) {
    region = REGION_BY_TOKEN.get(token.toLowerCase()) ?? null;
    if (region) break;
  }
  return { tokens, region };
}, CACHE_MAX);

export function classInfoOf(value: string | undefined): ClassInfo {
  return value ? classInfoOfValue(value) : NO_CLASS;
}

export function regionOf(name: string, attribs: Attribs, classInfo: ClassInfo): Region | null {
  const byTag = REGION_BY_TAG.get(name);
  if (byTag) return byTag;
  const byRole = attribs.role && REGION_BY_ROLE.get(attribs.role);
  if (byRole) return byRole;
  const byId = attribs.id && REGION_BY_TOKEN.get(attribs.id.toLowerCase());
  if (byId) return byId;
  return classInfo.region;
}

/** Class token counts from the counts of class attribute values. */
export function classTokenCounts(uses: Map<ClassInfo, number>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [info, count] of uses) for (const token of info.tokens) counts.set(token, (counts.get(token) ?? 0) + count);
  return counts;
}

/** Footer and header win over an inner nav: a menu inside the footer is a footer link for AGID criteria. */
export function effectiveRegion(stack: Region[]): Region {
  if (stack.includes('footer')) return 'footer';
  if (stack.includes('header')) return 'header';
  if (stack.includes('nav')) return 'nav';
  if (stack.includes('aside')) return 'aside';
  if (stack.includes('main')) return 'main';
  return 'other';
}

export const isBoilerplate = (region: Region) => region === 'header' || region === 'nav' || region === 'footer' || region === 'aside';
