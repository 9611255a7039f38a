// Furniture learned from a site's own pages: a run of words found on many pages of the same site (its menus, the
// footer listing every category, the cookie banner, the rating widget, the contacts box) says nothing about any one
// page. Learned from a batch (a crawl, a JSONL file of scraped pages) and removed before the words become terms, so
// it works on flattened text with no HTML and no line breaks, on any template.
import { tokenize } from './tokens.js';

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

/** The words of `text`, line by line, and which of them a furniture shingle covers (shingles run across line breaks). */
function coverage(text: string, furniture: SiteFurniture): { lines: string[][]; covered: Uint8Array } {
  const lines = text.split('\n').map((line) => tokenize(line));
  const hashes = shingleHashes(lines.flat());
  const covered = new Uint8Array(hashes.length + SHINGLE);
  hashes.forEach((hash, i) => {
    if (furniture.has(hash)) covered.fill(1, i, i + SHINGLE);
  });
  return { lines, covered };
}

/** `text` without the words covered by a furniture shingle; shingles run across line breaks (a menu is one word a line). */
export function stripLearnedFurniture(text: string, furniture: SiteFurniture): string {
  if (furniture.size === 0) return text;
  const { lines, covered } = coverage(text, furniture);
  if (!covered.includes(1)) return text;
  const kept: string[] = [];
  let position = 0;
  for (const line of lines) {
    const words = line.filter((_, i) => covered[position + i] === 0);
    position += line.length;
    if (words.length > 0) kept.push(words.join(' '));
  }
  return kept.join('\n');
}

/** Share of a page's repeated shingles a group must hold for the page to join it (see groupBySharedFurniture). */
const SAME_SITE_SHARE = 0.5;
/** Fewer repeated shingles than this: the page has no furniture to recognise its site by. */
const MIN_SHARED = 10;

/**
 * Groups of pages that share their furniture: pages of one site share their menus and footer, pages of different
 * sites little. For a batch with no site names (a JSONL file of pages of several comuni): learned on the mixed
 * batch, a site's furniture is on fewer than SHARE of the pages and none would be found. Greedy, in page order: a
 * page joins the group holding most of its repeated shingles (those on MIN_PAGES pages of the batch) when that is at
 * least half of them, or starts its own. Returns a group number per text.
 */
export function groupBySharedFurniture(texts: readonly string[]): number[] {
  const shingles = texts.map((text) => new Set(shingleHashes(tokenize(text))));
  const pagesWith = new Map<number, number>();
  for (const set of shingles) for (const key of set) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  /** Shingle → groups holding it. */
  const groupsWith = new Map<number, number[]>();
  let groups = 0;
  return shingles.map((set) => {
    const repeated = [...set].filter((key) => pagesWith.get(key)! >= MIN_PAGES);
    const votes = new Map<number, number>();
    for (const key of repeated) for (const group of groupsWith.get(key) ?? []) votes.set(group, (votes.get(group) ?? 0) + 1);
    let group = -1;
    for (const [candidate, count] of votes) {
      if (count >= Math.max(MIN_SHARED, repeated.length * SAME_SITE_SHARE) && (group === -1 || count > votes.get(group)!)) group = candidate;
    }
    if (group === -1) group = groups++;
    for (const key of repeated) {
      const holders = groupsWith.get(key);
      if (!holders) groupsWith.set(key, [group]);
      else if (!holders.includes(group)) holders.push(group);
    }
    return group;
  });
}

/**
 * The site of each item for furniture learning: its `site`, or, for items without one, a group of pages sharing their
 * furniture (groupBySharedFurniture), so that a file mixing several sites' pages is not read as one site.
 */
function furnitureGroups(items: readonly { site?: string; text: string }[]): string[] {
  const unsited = items.flatMap((item, i) => (item.site === undefined ? [i] : []));
  const groupOf = new Map<number, number>();
  if (unsited.length > 0) groupBySharedFurniture(unsited.map((i) => items[i].text)).forEach((group, k) => groupOf.set(unsited[k], group));
  // A NUL cannot occur in a site name given as text: the two kinds of key never collide.
  return items.map((item, i) => item.site ?? `\u0000${groupOf.get(i)}`);
}

/** Furniture learned per group of `items` (see furnitureGroups); returns each item's group key and the groups' furniture. */
function learnGroups(items: readonly { site?: string; text: string }[]): { keys: string[]; furnitureOf: Map<string, Set<number>> } {
  const keys = furnitureGroups(items);
  const textsOf = new Map<string, string[]>();
  items.forEach((item, i) => {
    const texts = textsOf.get(keys[i]);
    if (texts) texts.push(item.text);
    else textsOf.set(keys[i], [item.text]);
  });
  const furnitureOf = new Map<string, Set<number>>();
  for (const [key, texts] of textsOf) furnitureOf.set(key, learnSiteFurniture(texts));
  return { keys, furnitureOf };
}

/**
 * Each item's text with its site's learned furniture removed. Items are grouped by `site`; items without one by the
 * furniture they share (a batch of several sites' pages with no site names).
 */
export function stripSiteFurniture<T extends { site?: string; text: string }>(items: readonly T[]): T[] {
  const { keys, furnitureOf } = learnGroups(items);
  return items.map((item, i) => ({ ...item, text: stripLearnedFurniture(item.text, furnitureOf.get(keys[i])!) }));
}
