// Furniture learned from a site's own pages: a run of words found on many pages of the same site (its menus, the
// footer listing every category, the cookie banner, the rating widget, the contacts box) says nothing about any one
// page. Learned from a batch (a crawl, a JSONL file of scraped pages) and removed before the words become terms, so
// it works on flattened text with no HTML and no line breaks, on any template.
import { tokenize } from './text.js';

/** Words per shingle: long enough that a subject's own phrasing rarely repeats across pages. */
const SHINGLE = 5;
/** A shingle on at least this share of a site's pages (and on MIN_PAGES of them) is furniture. */
const SHARE = 0.4;
const MIN_PAGES = 3;

const shingleKey = (tokens: readonly string[], start: number): string => tokens.slice(start, start + SHINGLE).join(' ');

/** The shingles present on many of `texts` (the pages of one site). */
export function learnSiteFurniture(texts: readonly string[]): Set<string> {
  const furniture = new Set<string>();
  if (texts.length < MIN_PAGES) return furniture;
  const pagesWith = new Map<string, number>();
  for (const text of texts) {
    const tokens = tokenize(text);
    const seen = new Set<string>();
    for (let i = 0; i + SHINGLE <= tokens.length; i++) seen.add(shingleKey(tokens, i));
    for (const key of seen) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(MIN_PAGES, Math.ceil(texts.length * SHARE));
  for (const [key, count] of pagesWith) if (count >= threshold) furniture.add(key);
  return furniture;
}

/** `text` without the words covered by a furniture shingle; shingles run across line breaks (a menu is one word a line). */
export function stripLearnedFurniture(text: string, furniture: ReadonlySet<string>): string {
  if (furniture.size === 0) return text;
  const lines = text.split('\n').map((line) => tokenize(line));
  const tokens = lines.flat();
  const covered = new Uint8Array(tokens.length);
  for (let i = 0; i + SHINGLE <= tokens.length; i++) {
    if (furniture.has(shingleKey(tokens, i))) covered.fill(1, i, i + SHINGLE);
  }
  const kept: string[] = [];
  let position = 0;
  for (const line of lines) {
    const words = line.filter((_, i) => covered[position + i] === 0);
    position += line.length;
    if (words.length > 0) kept.push(words.join(' '));
  }
  return kept.join('\n');
}

/** Each item's text with its site's learned furniture removed; items are grouped by `site` (undefined: one group). */
export function stripSiteFurniture<T extends { site?: string; text: string }>(items: readonly T[]): T[] {
  const bySite = new Map<string | undefined, T[]>();
  for (const item of items) {
    const group = bySite.get(item.site);
    if (group) group.push(item);
    else bySite.set(item.site, [item]);
  }
  const furnitureOf = new Map<string | undefined, Set<string>>();
  for (const [site, group] of bySite) furnitureOf.set(site, learnSiteFurniture(group.map((item) => item.text)));
  return items.map((item) => ({ ...item, text: stripLearnedFurniture(item.text, furnitureOf.get(item.site)!) }));
}
