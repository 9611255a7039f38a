// Counting a text's terms without a string per token. A page has ~700 tokens, almost all seen before: cutting each out
// of the text, hashing it for a Map and collecting them in arrays was a third of classification time and most of its
// allocation (garbage that competes for the machine's cores). Here a token is looked up by its characters in the
// text, in an open-addressing table of the tokens seen so far, and counted in a typed array by its term's number.
import { detach } from '../util/detach.js';
import { codeAt, isWordCode } from './tokens.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const INITIAL_SLOTS = 4096;
/** No term: a stop word, a number, junk. */
const NONE = -1;

/** Whether `token` has the characters of `text` from `start` on. */
function sameChars(token: string, text: string, start: number): boolean {
  for (let i = 0; i < token.length; i++) if (token.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/**
 * Term counts of texts, given the term of a lower-cased token (`termOf`, '' for none). The table of tokens starts over,
 * at the start of a text, once it holds `limit` of them, so junk input cannot grow it without bound.
 */
export class TermCounter {
  private tokens: string[] = [];
  private hashes = new Int32Array(0);
  /** The length of each slot's token, 0 for an empty slot: most probes end on these typed arrays, not on the strings. */
  private lengths = new Int32Array(0);
  /** The term number of each slot's token, or NONE. */
  private termIds = new Int32Array(0);
  private size = 0;
  private terms: string[] = [];
  private termIdOf = new Map<string, number>();
  /** Occurrences of each term in the text being counted, and the terms met, in order of first occurrence. */
  private occurrences = new Int32Array(0);
  private met = new Int32Array(0);

  constructor(
    private readonly termOf: (token: string) => string,
    private readonly limit: number,
  ) {
    this.clear();
  }

  /**
   * How many times each term occurs in `lower` (lower-cased text), in order of first occurrence. The words are those of
   * tokens.ts (wordStart/wordEnd), each found and hashed in one pass over its characters.
   */
  count(lower: string): Map<string, number> {
    if (this.size >= this.limit) this.clear();
    let metCount = 0;
    const length = lower.length;
    for (let i = 0; i < length; ) {
      const start = i;
      let hash = FNV_OFFSET;
      let code = 0;
      while (i < length) {
        const unit = lower.charCodeAt(i);
        // ASCII letters and digits first: most of an Italian text.
        if ((unit >= 97 && unit <= 122) || (unit >= 48 && unit <= 57)) {
          hash = Math.imul(hash ^ unit, FNV_PRIME);
          i++;
          continue;
        }
        code = codeAt(lower, i);
        if (!isWordCode(code)) break;
        hash = Math.imul(hash ^ unit, FNV_PRIME);
        if (code > 0xffff) hash = Math.imul(hash ^ lower.charCodeAt(++i), FNV_PRIME);
        i++;
      }
      if (i === start) {
        // Not a letter or digit: the next character.
        i += code > 0xffff ? 2 : 1;
        continue;
      }
      const id = this.termIdAt(lower, start, i, hash);
      if (id !== NONE && this.occurrences[id]++ === 0) this.met[metCount++] = id;
    }
    const counts = new Map<string, number>();
    for (let k = 0; k < metCount; k++) {
      const id = this.met[k];
      counts.set(this.terms[id], this.occurrences[id]);
      this.occurrences[id] = 0;
    }
    return counts;
  }

  private clear(): void {
    this.tokens = new Array<string>(INITIAL_SLOTS).fill('');
    this.hashes = new Int32Array(INITIAL_SLOTS);
    this.lengths = new Int32Array(INITIAL_SLOTS);
    this.termIds = new Int32Array(INITIAL_SLOTS);
    this.size = 0;
    this.terms = [];
    this.termIdOf.clear();
  }

  /** The term number of the token of `text` from `start` to `end` (its hash `hash`), found or added. */
  private termIdAt(text: string, start: number, end: number, hash: number): number {
    const mask = this.tokens.length - 1;
    const { hashes, lengths } = this;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const slotLength = lengths[slot];
      if (slotLength === 0) return this.add(slot, hash, detach(text.slice(start, end)));
      if (hashes[slot] === hash && slotLength === length && sameChars(this.tokens[slot], text, start)) return this.termIds[slot];
    }
  }

  private add(slot: number, hash: number, token: string): number {
    const id = this.termIdOfTerm(this.termOf(token));
    this.tokens[slot] = token;
    this.hashes[slot] = hash;
    this.lengths[slot] = token.length;
    this.termIds[slot] = id;
    if (++this.size * 2 > this.tokens.length) this.grow();
    return id;
  }

  private termIdOfTerm(term: string): number {
    if (term === '') return NONE;
    let id = this.termIdOf.get(term);
    if (id === undefined) {
      id = this.terms.push(term) - 1;
      this.termIdOf.set(term, id);
      if (id >= this.occurrences.length) {
        this.occurrences = grown(this.occurrences, id);
        this.met = grown(this.met, id);
      }
    }
    return id;
  }

  /** Twice the slots, every token placed again by its hash. */
  private grow(): void {
    const { tokens, hashes, lengths, termIds } = this;
    this.tokens = new Array<string>(tokens.length * 2).fill('');
    this.hashes = new Int32Array(tokens.length * 2);
    this.lengths = new Int32Array(tokens.length * 2);
    this.termIds = new Int32Array(tokens.length * 2);
    const mask = this.tokens.length - 1;
    for (let old = 0; old < tokens.length; old++) {
      if (lengths[old] === 0) continue;
      let slot = hashes[old] & mask;
      while (this.lengths[slot] !== 0) slot = (slot + 1) & mask;
      this.tokens[slot] = tokens[old];
      this.hashes[slot] = hashes[old];
      this.lengths[slot] = lengths[old];
      this.termIds[slot] = termIds[old];
    }
  }
}

/** `array` copied into one with room for index `index` (twice the length, or more). */
function grown(array: Int32Array, index: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(INITIAL_SLOTS, 2 * array.length, index + 1));
  bigger.set(array);
  return bigger;
}
