// A regular expression for a long list of literal phrases, their common starts written once: "(?:ab|ac)" as
// "a(?:b|c)". The menus' category names and the furniture phrases are looked for in every page; as a flat list of
// alternatives the engine tried each one at almost every character (a third of the time of the furniture filters).

/** A piece of an alternative: the source of one character or of a quantified class ("a", "\\s+", "[aà]"). */
export type Piece = string;

/** `text` matched literally inside a regular expression. */
export const escapeForRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The source of one alternation of `alternatives` (lists of pieces) that matches what they match joined by "|", for
 * a regular expression with the 'i' flag: at each point the alternatives that go on with the same piece (case
 * folded) share it. That keeps the engine's choices when two pieces that follow the same start never match the same
 * character (two letters, a letter and a space run; the caller's lists are such) and an alternative that is the start
 * of another comes after it (lists sorted longest first).
 */
export function sharedStartAlternation(alternatives: readonly Piece[][]): string {
  const next = new Map<string, Piece[][]>();
  let ends = false;
  for (const pieces of alternatives) {
    if (pieces.length === 0) {
      ends = true;
      continue;
    }
    // A character is keyed by its lower case (the 'i' flag matches both), an escape or a class as it is.
    const key = pieces[0].length === 1 ? pieces[0].toLowerCase() : pieces[0];
    const group = next.get(key);
    if (group) group.push(pieces);
    else next.set(key, [pieces]);
  }
  const branches = [...next.values()].map((group) => group[0][0] + sharedStartAlternation(group.map((pieces) => pieces.slice(1))));
  if (ends) branches.push('');
  return branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
}
