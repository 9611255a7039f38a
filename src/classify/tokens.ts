// Where the words of a text are: runs of Unicode letters and digits, what /[\p{L}\p{N}]+/gu matches, found by a scan
// of the characters (several times faster than the regular expression; tokenising is much of classification time).

/** Whether a code point is a letter or a digit, tested once each. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Per code unit of the Basic Multilingual Plane: 0 not tested yet, 1 a letter or digit, 2 neither (ASCII filled now). */
const bmpWord = new Uint8Array(0x10000);
for (let code = 0; code < 128; code++) bmpWord[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
/** Code points past the BMP (emoji, historic scripts), tested once each up to a bound. */
const astralWord = new Map<number, boolean>();
const ASTRAL_LIMIT = 20_000;

export function isWordCode(code: number): boolean {
  if (code < 0x10000) {
    let known = bmpWord[code];
    if (known === 0) bmpWord[code] = known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    return known === 1;
  }
  let word = astralWord.get(code);
  if (word === undefined) {
    word = WORD_CHAR.test(String.fromCodePoint(code));
    if (astralWord.size < ASTRAL_LIMIT) astralWord.set(code, word);
  }
  return word;
}

/** The code point at `i`: the code unit itself unless it starts a surrogate pair. */
export function codeAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  return unit >= 0xd800 && unit <= 0xdbff ? text.codePointAt(i)! : unit;
}

/** Where the first word of `text` at or after `from` starts (text.length when there is none). */
export function wordStart(text: string, from: number): number {
  for (let i = from; i < text.length; ) {
    const code = codeAt(text, i);
    if (isWordCode(code)) return i;
    i += code > 0xffff ? 2 : 1;
  }
  return text.length;
}

/** Where the word of `text` starting at `start` ends. */
export function wordEnd(text: string, start: number): number {
  for (let i = start; i < text.length; ) {
    const code = codeAt(text, i);
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
