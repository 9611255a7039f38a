// The words of scraped text joined by spaces, what `text.split(/\s+/).filter(Boolean)` gives, kept as offsets into the
// text and found only as far as they are read: contentAroundHeading reads most words of a page but needs the
// characters of few of them (splitting, keying and joining every word was most of its time). A word is cut out, or
// keyed, only when asked; its key's length and first character are mostly known without building it, so that runs of
// words can be told apart by number first.

/** Whether a UTF-16 code unit is white space or a line terminator: what /\s/ matches. */
export function isSpaceUnit(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && isWideSpace(c));
}

function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A run of white space that is not already one space: two characters or more, or one other than a space. */
const SPACES_TO_COLLAPSE = /\s\s+|[^\S ]/g;

/**
 * `text` with each run of white space as one space, what `text.replace(/\s+/g, ' ')` gives: the single spaces between
 * words are left as they are, not replaced one by one (several times faster on a page).
 */
export function collapseSpaces(text: string): string {
  return text.replace(SPACES_TO_COLLAPSE, ' ');
}

/** Comparison key of a line or word: lower-case, typographic apostrophes as plain ones, spaces collapsed. */
export function keyOf(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('’') || lower.includes('‘') || lower.includes('  ') ? lower.replace(/[’‘]/g, "'").replace(/\s+/g, ' ') : lower;
}

/**
 * The first code unit of keyOf(text) for a text whose first code unit is `first`, or -1 when it is not told without
 * keying the text (not ASCII: it may lower-case to anything). A-Z → a-z, other ASCII as it is.
 */
export function keyFirstUnit(first: number): number {
  return first >= 128 ? -1 : first >= 65 && first <= 90 ? first + 32 : first;
}

/** Word offsets, reused from page to page (only one SpacedWords is read at a time). */
const scratch = { starts: new Int32Array(1024), ends: new Int32Array(1024) };

/** The words of a text joined by spaces. Valid until the next SpacedWords is made (they share their offsets). */
export class SpacedWords {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Words found so far, and where the search for the next one starts. */
  private found = 0;
  private next = 0;
  private readonly keys: string[] = [];
  /** Whether every word's key is as long as the word: lower-casing lengthens one character only, "İ". */
  private readonly keysKeepLength: boolean;

  constructor(private readonly text: string) {
    this.keysKeepLength = !text.includes('İ');
    const most = (text.length >> 1) + 1;
    if (scratch.starts.length < most) scratch.starts = new Int32Array(most);
    if (scratch.ends.length < most) scratch.ends = new Int32Array(most);
    this.starts = scratch.starts;
    this.ends = scratch.ends;
  }

  /** Whether the text has an i-th word (found now if it was not yet). */
  has(i: number): boolean {
    const { text, starts, ends } = this;
    while (this.found <= i && this.next < text.length) {
      let at = this.next;
      while (at < text.length && isSpaceUnit(text.charCodeAt(at))) at++;
      if (at === text.length) {
        this.next = at;
        break;
      }
      starts[this.found] = at;
      while (at < text.length && !isSpaceUnit(text.charCodeAt(at))) at++;
      ends[this.found++] = at;
      this.next = at;
    }
    return i < this.found;
  }

  /** How many words the text has. */
  count(): number {
    while (this.has(this.found));
    return this.found;
  }

  /** The i-th word; this and what follows need has(i) first. */
  word(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  lengthAt(i: number): number {
    return this.ends[i] - this.starts[i];
  }

  firstUnitAt(i: number): number {
    return this.text.charCodeAt(this.starts[i]);
  }

  /** keyOf of the i-th word. */
  keyAt(i: number): string {
    return (this.keys[i] ??= keyOf(this.word(i)));
  }

  /**
   * A number that words with equal keys share: the key's length and first character, known without building the key
   * when the word starts with an ASCII character (lower-cased as A-Z → a-z).
   */
  keySignAt(i: number): number {
    const first = keyFirstUnit(this.firstUnitAt(i));
    if (first !== -1 && this.keysKeepLength) return this.lengthAt(i) * 65536 + first;
    const key = this.keyAt(i);
    return key.length * 65536 + key.charCodeAt(0);
  }

  /** The first `limit` words (all when there are fewer). */
  list(limit: number): string[] {
    const words: string[] = [];
    for (let i = 0; i < limit && this.has(i); i++) words.push(this.word(i));
    return words;
  }

  /** Words `from` to `to` (excluded) joined by single spaces: a slice of the text when they already are. */
  joined(from: number, to: number): string {
    if (to <= from) return '';
    const { text, starts, ends } = this;
    let single = true;
    for (let w = from; w + 1 < to && single; w++) single = starts[w + 1] === ends[w] + 1 && text.charCodeAt(ends[w]) === 32;
    if (single) return text.slice(starts[from], ends[to - 1]);
    const parts: string[] = [];
    for (let w = from; w < to; w++) parts.push(this.word(w));
    return parts.join(' ');
  }
}
