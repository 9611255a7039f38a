// The classifier's fast paths (term-counter.ts, words.ts, the echo of a scraped title, featureVector's reused scratch)
// against the simple ways they replace, on every text of the shipped corpus and on edge cases: an optimisation that
// changed a single count, word, cut or weight fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_FILES, DEFAULT_MODEL_PATH, parseModel, readLabelledFile, terms } from '../../src/classify/index.js';
import { CATEGORY_NAME, CATEGORY_NAMES, FURNITURE_PHRASES, occursTwice, withoutFurniturePhrases } from '../../src/classify/furniture.js';
import { contentAroundHeading, leadInWords } from '../../src/classify/heading.js';
import { FIELD_WEIGHTS, compileModel, featureVector, termCounts, titleOfScrapedText } from '../../src/classify/model.js';
import { tokenize } from '../../src/classify/tokens.js';
import { collapseSpaces, isSpaceUnit, keyOf, SpacedWords } from '../../src/classify/words.js';

const records = CORPUS_FILES.flatMap((file) => readLabelledFile(file));

/** Texts that fast paths get wrong first: accents, apostrophes, digits, other scripts, characters past the BMP, odd spaces. */
const EDGE_TEXTS = [
  '',
  ' ',
  'La Città è più bella, perché sì!',
  "Carta d'identità n. 123 — l’ufficio dell‘anagrafe",
  'ÀÈÌÒÙ àèìòù Ç ç Ñ ñ ß ẞ İstanbul ǅ',
  'Ελληνικά ΟΔΥΣΣΕΥΣ Σ σ ς кириллица 中文字符 العربية',
  '𝐀𝐁𝐂 math 𝟙𝟚 😀 emoji a😀b \ud800 lone \udc00 surrogates',
  'x²³ ½ ١٢٣ Ⅻ 1,5 2.000 3/4 2024-05-12',
  '\t tabs\tand\u00a0no-break\u2003em\u3000ideographic\ufeffBOM\u2028line\u2029para  two  spaces \n\n',
  'Kelvin \u212a k K',
];

/** Term counts the simple way: each token's own term, counted in a Map in order of first occurrence. */
function simpleCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    for (const term of terms(token).keys()) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/** featureVector the simple way: a Map from term number to weight, field after field. */
function simpleVector(fields: Map<string, number>[], index: Map<string, number>, idf: ArrayLike<number>): { ids: number[]; weights: number[] } {
  const weightOfField = Object.values(FIELD_WEIGHTS);
  const merged = new Map<number, number>();
  fields.forEach((counts, f) => {
    const known = [...counts].filter(([term]) => index.has(term)).map(([term, count]) => [index.get(term)!, (1 + Math.log(count)) * idf[index.get(term)!]]);
    const norm = known.reduce((sum, [, weight]) => sum + weight * weight, 0);
    if (norm === 0) return;
    const scale = weightOfField[f] / Math.sqrt(norm);
    for (const [id, weight] of known) merged.set(id, (merged.get(id) ?? 0) + weight * scale);
  });
  return { ids: [...merged.keys()], weights: [...merged.values()] };
}

const SEPARATOR = /^[/>›»|·\-–—:]+$/;

/**
 * contentAroundHeading on text joined by spaces, the simple way (heading.ts before words.ts): every word split out
 * and keyed, header runs in a Set of strings.
 */
function simpleContentInWords(text: string, heading: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const keys = words.map(keyOf);
  const reach = Math.min(words.length, 1_500);
  const wanted = heading ? heading.trim().split(/\s+/).map(keyOf) : [];
  let start = -1;
  let from = -1;
  if (wanted.length > 0) {
    let home = -1;
    for (let i = 0; i < reach && from === -1; i++) {
      if (keys[i] === 'home') home = i;
      else if (home !== -1 && i - home <= 73 && wanted.every((key, k) => keys[i + k] === key)) [start, from] = [home, i + wanted.length];
    }
  }
  if (start === -1) {
    for (let i = 0; i + 1 < reach; i++) if (keys[i] === 'home' && SEPARATOR.test(keys[i + 1])) return text;
    const lead = leadInWords(words);
    if (lead === -1) return text;
    [start, from] = [Math.max(0, lead - 12), lead];
  }
  const own = new Set(wanted);
  const run = (i: number): string => keys.slice(i, i + 3).join(' ');
  const header = new Set<string>();
  for (let i = 0; i < start && i + 3 <= from; i++) if (!keys.slice(i, i + 3).every((key) => own.has(key))) header.add(run(i));
  let end = from;
  while (end + 3 <= words.length && !header.has(run(end))) end++;
  if (end + 3 > words.length) end = words.length;
  return words.slice(start, end).join(' ');
}

/** Whole-page texts of the corpus joined by spaces, as scrapers without line breaks give them, with odd spaces too. */
const spacedPages = records
  .filter((record) => record.text.length >= 400)
  .flatMap((record, i) => {
    const spaced = record.text.replace(/\n/g, ' ');
    return i % 7 === 0 ? [spaced, record.text.replace(/\n/g, i % 2 ? '\u00a0 ' : '\t')] : [spaced];
  });

describe('fast paths give what the simple ways give', () => {
  it('term counts: each token is counted as its own term, in order of first occurrence, on every corpus text and the edge cases', () => {
    expect(records.length).toBeGreaterThan(1000);
    for (const text of [...EDGE_TEXTS, ...records.map((record) => record.text)]) {
      expect([...terms(text)], text.slice(0, 60)).toEqual([...simpleCounts(text)]);
    }
    for (const text of EDGE_TEXTS) expect(tokenize(text)).toEqual(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    expect([...terms('Città città CITTÀ 2024 l’anagrafe')]).toEqual([['citt', 3], ['anagraf', 1]]);
  });

  it('white space: what /\\s/ matches, each of the 65,536 code units; collapsing as replace(/\\s+/g, " ")', () => {
    const units = Array.from({ length: 0x10000 }, (_, unit) => unit);
    expect(units.filter((unit) => isSpaceUnit(unit) !== /\s/.test(String.fromCharCode(unit)))).toEqual([]);
    for (const text of [...EDGE_TEXTS, ...records.slice(0, 300).map((record) => record.text)]) expect(collapseSpaces(text)).toBe(text.replace(/\s+/g, ' '));
  });

  it('spaced words: the words, keys and joins of split(/\\s+/), equal keys with equal signs', () => {
    for (const text of [...EDGE_TEXTS, ...spacedPages.slice(0, 150)]) {
      const expected = text.split(/\s+/).filter(Boolean);
      const words = new SpacedWords(text);
      expect(words.has(expected.length)).toBe(false);
      expect(words.count()).toBe(expected.length);
      expect(expected.map((_, i) => words.word(i))).toEqual(expected);
      expect(expected.map((_, i) => words.keyAt(i))).toEqual(expected.map(keyOf));
      const signOfKey = new Map<string, number>();
      const unequal = expected.filter((word, i) => {
        const sign = signOfKey.get(keyOf(word)) ?? words.keySignAt(i);
        signOfKey.set(keyOf(word), sign);
        return words.keySignAt(i) !== sign;
      });
      expect(unequal).toEqual([]);
      const at = (i: number): number => Math.min(i, expected.length);
      for (const [from, to] of [[0, expected.length], [at(1), at(5)], [at(3), at(3)], [at(2), at(1)]]) expect(words.joined(from, to)).toBe(expected.slice(from, to).join(' '));
    }
    // Keys that lower-casing lengthens or reads in context.
    const odd = new SpacedWords('İSTANBUL istanbul ΟΔΥΣΣΕΥΣ οδυσσευς K k');
    expect([0, 1, 2, 3, 4, 5].map((i) => odd.keySignAt(i) === odd.keySignAt(i ^ 1))).toEqual([0, 1, 2, 3, 4, 5].map((i) => keyOf(odd.word(i)) === keyOf(odd.word(i ^ 1))));
  });

  it('a page alone joined by spaces keeps what the simple cut keeps, on every corpus page', () => {
    expect(spacedPages.length).toBeGreaterThan(100);
    for (const text of spacedPages) {
      for (const heading of [titleOfScrapedText(text), '', 'Home', 'Pagamento IMU']) {
        expect(contentAroundHeading(text, heading), `${heading}: ${text.slice(0, 80)}`).toBe(simpleContentInWords(text, heading));
      }
    }
  });

  it("a title's echo: what finding it twice in the lower-cased, collapsed text says", () => {
    const simple = (words: string, text: string): boolean => {
      const page = ` ${text.toLowerCase().replace(/\s+/g, ' ').trim()} `;
      const needle = ` ${words} `;
      return page.indexOf(needle, page.indexOf(needle) + 1) !== -1;
    };
    const texts = [...EDGE_TEXTS, 'Pagamenti PAGAMENTI\tpagamenti', 'Ufficio  tributi - x ufficio\ntributi', 'a.b a.b', '(pdf) (PDF) [x] [x]', ...spacedPages.slice(0, 12)];
    for (const text of texts) {
      const words = text.split(/\s+/).filter((word) => /^[\x00-\x7f]+$/.test(word));
      for (let i = 0; i < words.length; i += 4) {
        for (const n of [1, 2, 3]) {
          const needle = words.slice(i, i + n).join(' ').toLowerCase();
          if (needle.length > 2) expect(occursTwice(needle, text), needle).toBe(simple(needle, text));
        }
      }
    }
  });

  it('category names and furniture phrases: what the flat alternations of their lists match', () => {
    const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const names = CATEGORY_NAMES.map((label) => escape(label).replace(/à/g, '[aà]').replace(/[\s,]+/g, '[\\s,]+')).join('|');
    const flatNames = new RegExp(`(?<![a-zà-ÿ])(?:${names})(?![a-zà-ÿ])`, 'gi');
    const flatPhrases = new RegExp(FURNITURE_PHRASES.map((line) => escape(line).replace(/ /g, '\\s+')).join('|'), 'gi');
    // Names and phrases cut short, run together, in other cases and with odd separators.
    const crafted = [
      ...CATEGORY_NAMES.flatMap((name) => [name, name.toUpperCase(), name.replace(/ /g, ',  '), `x${name}`, `${name}x`, name.slice(0, -3), name.replace(/à/g, 'a')]),
      ...FURNITURE_PHRASES.flatMap((phrase) => [phrase, phrase.toUpperCase(), phrase.replace(/ /g, '\n\t '), phrase.slice(0, -2), `${phrase} ${phrase}`]),
    ].join(' · ');
    for (const text of [crafted, ...EDGE_TEXTS, ...records.map((record) => record.text)]) {
      const matches = (pattern: RegExp): [number, string][] => [...text.matchAll(pattern)].map((match) => [match.index, match[0]]);
      expect(matches(CATEGORY_NAME)).toEqual(matches(flatNames));
      expect(withoutFurniturePhrases(text)).toBe(text.replace(flatPhrases, ' '));
    }
    expect(crafted.match(CATEGORY_NAME)?.length).toBeGreaterThan(80);
    expect(withoutFurniturePhrases(crafted).length).toBeLessThan(crafted.length / 2);
  });

  it('feature vectors: the same terms, order and weights (bit for bit) as a Map per page, on every corpus record', () => {
    const compiled = compileModel(parseModel(readFileSync(DEFAULT_MODEL_PATH, 'utf8'), DEFAULT_MODEL_PATH));
    for (const record of records) {
      const fields = termCounts(record, compiled.terms, record.title === undefined);
      expect(featureVector(fields, compiled.index, compiled.idf), record.source).toEqual(simpleVector(fields, compiled.index, compiled.idf));
    }
  });
});
