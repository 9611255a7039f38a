// Counting a text's terms without a string per token. A page has ~700 tokens, almost all seen before: cutting each out
// of the text, hashing it for a Map and collecting them in arrays was a third of classification time and most of its
// allocation (garbage that competes for the machine's cores). Here a token is looked up by its characters in the
// text, in an open-addressing table of the tokens seen so far, and counted in a typed array by its term's number.
import { detach } from '../util/detach.js';
import { wordEnd, wordStart } from './tokens.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const INITIAL_SLOTS = 4096;
/** No term: a stop word, a number, junk. */
const NONE = -1;

/** Whether `token` has the characters of `text` from `start` to `end`. */
function sameChars(token: string, text: string, start: number, end: number): boolean {
  if (token.length !== end - start) return false;
  for (let i = 0; i < token.length; i++) if (token.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function hashOf(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/**
 * Term counts of texts, given the term of a lower-cased token (`termOf`, '' for none). The table of tokens starts over,
 * at the start of a text, once it holds `limit` of them, so junk input cannot grow it without bound.
 */
export class TermCounter {
  private tokens: string[] = [];
  private hashes = new Int32Array(0);
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

  /** How many times each term occurs in `lower` (lower-cased text), in order of first occurrence. */
  count(lower: string): Map<string, number> {
    if (this.size >= this.limit) this.clear();
    let metCount = 0;
    for (let start = wordStart(lower, 0); start < lower.length; ) {
      const end = wordEnd(lower, start);
      const id = this.termIdAt(lower, start, end);
      if (id !== NONE && this.occurrences[id]++ === 0) this.met[metCount++] = id;
      start = wordStart(lower, end);
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
    this.termIds = new Int32Array(INITIAL_SLOTS);
    this.size = 0;
    this.terms = [];
    this.termIdOf.clear();
  }

  /** The term number of the token of `text` from `start` to `end`, found or added. */
  private termIdAt(text: string, start: number, end: number): number {
    const hash = hashOf(text, start, end);
    const mask = this.tokens.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const token = this.tokens[slot];
      if (token === '') return this.add(slot, hash, detach(text.slice(start, end)));
      if (this.hashes[slot] === hash && sameChars(token, text, start, end)) return this.termIds[slot];
    }
  }

  private add(slot: number, hash: number, token: string): number {
    const id = this.termIdOfTerm(this.termOf(token));
    this.tokens[slot] = token;
    this.hashes[slot] = hash;
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
    const { tokens, hashes, termIds } = this;
    this.tokens = new Array<string>(tokens.length * 2).fill('');
    this.hashes = new Int32Array(tokens.length * 2);
    this.termIds = new Int32Array(tokens.length * 2);
    const mask = this.tokens.length - 1;
    for (let old = 0; old < tokens.length; old++) {
      if (tokens[old] === '') continue;
      let slot = hashes[old] & mask;
      while (this.tokens[slot] !== '') slot = (slot + 1) & mask;
      this.tokens[slot] = tokens[old];
      this.hashes[slot] = hashes[old];
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
