// Where the words of a text are: runs of Unicode letters and digits, what /[\p{L}\p{N}]+/gu matches, found by a scan
// of the characters (several times faster than the regular expression; tokenising is much of classification time).

/** Whether a code point is a letter or a digit, ASCII by table, the others tested once each. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const wordCodes = new Map<number, boolean>();
const WORD_CODES_LIMIT = 20_000;
function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  let word = wordCodes.get(code);
  if (word === undefined) {
    word = WORD_CHAR.test(String.fromCodePoint(code));
    if (wordCodes.size < WORD_CODES_LIMIT) wordCodes.set(code, word);
  }
  return word;
}

/** Where the first word of `text` at or after `from` starts (text.length when there is none). */
export function wordStart(text: string, from: number): number {
  for (let i = from; i < text.length; ) {
    const code = text.codePointAt(i)!;
    if (isWordCode(code)) return i;
    i += code > 0xffff ? 2 : 1;
  }
  return text.length;
}

/** Where the word of `text` starting at `start` ends. */
export function wordEnd(text: string, start: number): number {
  for (let i = start; i < text.length; ) {
    const code = text.codePointAt(i)!;
    if (!isWordCode(code)) return i;
    i += code > 0xffff ? 2 : 1;
  }
  return text.length;
}

/**
 * Lower-cased Unicode word tokens, accents kept: "La città è bella" → ["la", "città", "è", "bella"]. The same tokens
 * as `text.toLowerCase().match(/[\p{L}\p{N}]+/gu)`.
 */
export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  const tokens: string[] = [];
  for (let start = wordStart(lower, 0); start < lower.length; ) {
    const end = wordEnd(lower, start);
    tokens.push(lower.slice(start, end));
    start = wordStart(lower, end);
  }
  return tokens;
}
