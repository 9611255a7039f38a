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

/** The shingles of a site, each a 53-bit hash of its words: a crawl of thousands of pages keeps numbers, not strings. */
export type SiteFurniture = ReadonlySet<number>;

/** Two 32-bit FNV-1a hashes of one word, with different offsets. */
function wordHashes(word: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return [a >>> 0, b >>> 0];
}

/** Hash of the SHINGLE words from `start`: a position-weighted mix of the words' hashes, kept below 2^53. */
function shingleHashes(tokens: readonly string[]): number[] {
  const words = tokens.map(wordHashes);
  const out: number[] = [];
  for (let i = 0; i + SHINGLE <= tokens.length; i++) {
    let a = 0;
    let b = 0;
    for (let k = 0; k < SHINGLE; k++) {
      a = (Math.imul(a, 31) + words[i + k][0]) >>> 0;
      b = (Math.imul(b, 37) + words[i + k][1]) >>> 0;
    }
    out.push(a * 0x200000 + (b & 0x1fffff));
  }
  return out;
}

/** The shingles present on many of `texts` (the pages of one site). */
export function learnSiteFurniture(texts: readonly string[]): Set<number> {
  const furniture = new Set<number>();
  if (texts.length < MIN_PAGES) return furniture;
  const pagesWith = new Map<number, number>();
  for (const text of texts) {
    for (const key of new Set(shingleHashes(tokenize(text)))) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(MIN_PAGES, Math.ceil(texts.length * SHARE));
  for (const [key, count] of pagesWith) if (count >= threshold) furniture.add(key);
  return furniture;
}

/** `text` without the words covered by a furniture shingle; shingles run across line breaks (a menu is one word a line). */
export function stripLearnedFurniture(text: string, furniture: SiteFurniture): string {
  if (furniture.size === 0) return text;
  const lines = text.split('\n').map((line) => tokenize(line));
  const hashes = shingleHashes(lines.flat());
  const covered = new Uint8Array(hashes.length + SHINGLE);
  hashes.forEach((hash, i) => {
    if (furniture.has(hash)) covered.fill(1, i, i + SHINGLE);
  });
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
  const furnitureOf = new Map<string | undefined, Set<number>>();
  for (const [site, group] of bySite) furnitureOf.set(site, learnSiteFurniture(group.map((item) => item.text)));
  return items.map((item) => ({ ...item, text: stripLearnedFurniture(item.text, furnitureOf.get(item.site)!) }));
}
