// The page's own heading inside text scraped from the body alone (no <title> first: `document.body.innerText`, a
// scraper that drops the <head>). Templates of every family put a breadcrumb before the main heading and end it with
// the page's name, which the heading then repeats: "Home / Servizi / Ambiente" then "Ambiente", "Ti trovi in: Home >
// Uffici e servizi > Ritiro ingombranti" then "Ritiro ingombranti". That repeat after a "Home" crumb is what is read
// here; with line breaks, a trail written with separators gives its last item even when no heading repeats it.
import { furnitureKey, isFurnitureLine, withoutFurniturePhrases } from './furniture.js';
import { STOP_WORDS } from './text.js';
import { collapseSpaces, isSpaceUnit, keyFirstUnit, keyOf, SpacedWords } from './words.js';

/** Scraped text further than this from the start holds no breadcrumb (after the header and menus of any template). */
const REACH = 10_000;
/** A breadcrumb's last item is at most this many words (or lines) after its "Home". */
const CRUMB_WINDOW = 40;
/** A heading of more words is not one (and the search stays cheap). */
const MAX_HEADING_WORDS = 16;
/** Shorter text is not a whole scraped page. */
const MIN_PAGE_CHARS = 400;
/** Text with fewer line breaks than this before REACH was joined by spaces: its lines say nothing. */
const MIN_LINES = 10;
/** Breadcrumb separators written as text ("Home / Servizi", "Home > Novità", "Home » …"). */
const SEPARATOR = /^[/>›»|·\-–—:]+$/;
/** A trail's last item joined to the separator before it: "> Area tecnica", "» Contatti". */
const CURRENT_CRUMB = /^[/>›»]+\s+(\S.*)$/;
/** A heading has a word of two letters or more (not "M M" of a calendar, not "1 1"). */
const WORDLIKE = /\p{L}{2}/u;

/** Whether scraped text kept its line breaks (at least MIN_LINES of them), counted without splitting it. */
function isInLines(head: string): boolean {
  let breaks = 0;
  for (let at = head.indexOf('\n'); at !== -1 && breaks < MIN_LINES; at = head.indexOf('\n', at + 1)) breaks++;
  return breaks >= MIN_LINES;
}

/** A "Home" crumb: a word of its own (a line of its own, for text with line breaks, is checked after). */
const HOME = /(?<![^\s])home(?![^\s])/gi;
/** Words after a "Home" that can hold the rest of the breadcrumb and a repeated heading. */
const SEGMENT_WORDS = CRUMB_WINDOW + 2 * MAX_HEADING_WORDS + 1;

/**
 * The page's heading in body-only scraped text: right after a "Home" crumb, the breadcrumb's last item that the next
 * line (or, joined by spaces, the next words) repeats, as the heading writes it; with line breaks, else the last item
 * of a trail written with separators. '' when there is none. Only what follows each "Home" is split (speed).
 */
export function bodyHeading(text: string): string {
  if (text.length < MIN_PAGE_CHARS) return '';
  const head = text.slice(0, REACH);
  const inLines = isInLines(head);
  let best = { heading: '', words: 0, at: -1 };
  let trail = '';
  for (const match of head.matchAll(HOME)) {
    const at = match.index;
    const rest = head.slice(at);
    if (inLines) {
      if ((at > 0 && head[at - 1] !== '\n') || (rest.length > 4 && rest[4] !== '\n')) continue;
      const heading = headingInLines(rest.split('\n', CRUMB_WINDOW + 2).map((line) => line.trim()).filter(Boolean));
      if (heading.repeated) return heading.text;
      best.heading ||= heading.text;
    } else {
      const words = rest.split(/\s+/, SEGMENT_WORDS);
      const found = headingInWords(words);
      // No repeat after this "Home": the end of a trail written with separators, kept in case no repeat is found.
      if (found.words === 0) trail ||= echoedStart(trailEndInWords(words), rest);
      // The longest repeat; ties: the latest (the breadcrumb follows the menus).
      if (found.words > 0 && (found.words > best.words || at + found.offset >= best.at)) best = { heading: found.text, words: found.words, at: at + found.offset };
    }
  }
  return best.heading || trail;
}

const isHeading = (line: string): boolean => WORDLIKE.test(line) && line.split(' ').length <= MAX_HEADING_WORDS;

/** Lines from a "Home" line: two equal lines (the last crumb and the heading), else the last item of "Home / … / X". */
function headingInLines(lines: readonly string[]): { text: string; repeated: boolean } {
  const keys = lines.map(keyOf);
  const end = Math.min(keys.length - 1, CRUMB_WINDOW + 1);
  for (let i = 1; i < end; i++) {
    if (keys[i] === 'home') break;
    if (keys[i] === keys[i + 1] && !SEPARATOR.test(keys[i]) && isHeading(lines[i])) return { text: lines[i + 1], repeated: true };
  }
  // No heading repeats it: a trail written with separators ends with the page's name.
  let last = 0;
  while (last + 2 < keys.length && SEPARATOR.test(keys[last + 1]) && !SEPARATOR.test(keys[last + 2]) && keys[last + 2] !== 'home') last += 2;
  // The current page is no link: its text node holds its separator, "Home", ">", "Uffici", "> Area tecnica".
  const current = CURRENT_CRUMB.exec(lines[last + 1] ?? '');
  if (current && isHeading(current[1])) return { text: current[1], repeated: false };
  return { text: last > 2 && isHeading(lines[last]) ? lines[last] : '', repeated: false };
}

/**
 * Words from a "Home" word: the longest run immediately repeated (ties: the latest, but not a run inside the one
 * found, which is the same heading shifted by a word). `offset`: where its second copy starts, in characters.
 */
function headingInWords(words: readonly string[]): { text: string; words: number; offset: number } {
  const keys = words.map(keyOf);
  let best = { start: -1, n: 0 };
  const end = Math.min(keys.length, CRUMB_WINDOW + 1);
  for (let start = 1; start < end; start++) {
    if (keys[start] === 'home') break;
    for (let n = Math.min(MAX_HEADING_WORDS, (keys.length - start) >> 1); n >= Math.max(1, best.n); n--) {
      if (repeatsAt(keys, start, n) && words.slice(start + n, start + 2 * n).some((word) => WORDLIKE.test(word))) {
        if (n > best.n || start >= best.start + 2 * n) best = { start, n };
        break;
      }
    }
  }
  if (best.n === 0) return { text: '', words: 0, offset: 0 };
  const offset = words.slice(0, best.start + best.n).join(' ').length;
  return { text: words.slice(best.start + best.n, best.start + 2 * best.n).join(' '), words: best.n, offset };
}

/** Whether the `n` words from `start` are followed by the same `n` words: none "home", no separator first or last ("TARI - Tassa sui rifiuti" is one). */
function repeatsAt(keys: readonly string[], start: number, n: number): boolean {
  // The first comparison fails for almost every (start, n): checked before the separators' regular expression.
  for (let k = 0; k < n; k++) {
    const key = keys[start + k];
    if (key !== keys[start + n + k] || key === 'home') return false;
  }
  return !SEPARATOR.test(keys[start]) && !SEPARATOR.test(keys[start + n - 1]);
}

/** Words compared as words: lower-case, punctuation around them dropped ("pagarle:" is "pagarle"), apostrophes plain. */
const wordsKey = (text: string): string =>
  collapseSpaces(keyOf(text).replace(/[.,:;!?()«»"]+/g, ' ')).trim();

/**
 * The longest start of `item` (two words or more) that `text` holds twice as whole words, `item` itself when none
 * does: the heading repeats the trail's last item further on, after a column run into it ("Home » Uffici » Ufficio
 * tecnico Aree tematiche Finanze e…", then "Categoria: Uffici Ufficio tecnico Scritto da…").
 */
function echoedStart(item: string, text: string): string {
  const words = item.split(' ');
  if (words.length <= 2) return item;
  const page = ` ${wordsKey(text)} `;
  for (let n = words.length; n >= 2; n--) {
    // "Assegno di" is no heading: a start ends with a word of its own.
    if (STOP_WORDS.has(words[n - 1].toLowerCase())) continue;
    const needle = ` ${wordsKey(words.slice(0, n).join(' '))} `;
    const first = page.indexOf(needle);
    if (first !== -1 && page.indexOf(needle, first + 1) !== -1) return words.slice(0, n).join(' ');
  }
  return item;
}

/** The last item of a trail joined by spaces ends nowhere visible: its first words, up to a punctuation mark, stand for it. */
const TRAIL_ITEM_WORDS = 6;
/** Punctuation that ends a trail's last item run into the next sentence ("Pagamento IMU Documento creato Il documento…"). */
const ITEM_END = /[.,:;!?]$/;

/**
 * Words from a "Home" word written as a trail, "Home / Servizi / Tributi, finanze e contravvenzioni / Pagamento IMU
 * Documento creato…": the first words of its last item (at most TRAIL_ITEM_WORDS, to a punctuation mark), when the
 * trail has two separators or more, each within TRAIL_ITEM_WORDS words of the one before. '' when it is not a trail.
 * The page's heading does not repeat that item (a service-flow step: "Documento creato"), so nothing marks its end.
 */
export function trailEndInWords(words: readonly string[]): string {
  const keys = words.map(keyOf);
  // keys[0] is "Home"; the first separator follows it.
  let last = 0;
  let separators = 0;
  for (let i = 1; i < Math.min(keys.length, CRUMB_WINDOW); i++) {
    if (SEPARATOR.test(keys[i])) {
      if (last === 0 && i !== 1) break;
      last = i;
      separators++;
    } else if (keys[i] === 'home' || i - last > TRAIL_ITEM_WORDS) break;
  }
  if (separators < 2) return '';
  const item: string[] = [];
  for (let i = last + 1; i < words.length && item.length < TRAIL_ITEM_WORDS; i++) {
    if (keys[i] === 'home' || SEPARATOR.test(keys[i])) break;
    if (ITEM_END.test(words[i])) {
      item.push(words[i].slice(0, -1));
      break;
    }
    item.push(words[i]);
  }
  const text = item.join(' ');
  return WORDLIKE.test(text) ? text : '';
}

// Templates with no breadcrumb (the classic portals of small comuni: menu, then the heading in capitals, then the
// text) give bodyHeading nothing. With line breaks their heading is the line before the first line of prose, past a
// subtitle, a date or "Tempo di lettura" between them.

/** A line of prose ends a sentence, or is long; most of its words (after the first) are lower-case. */
const PROSE_END = /[.!?;:]$/;
const MIN_PROSE_WORDS = 6;
const LONG_PROSE_WORDS = 12;
const MIN_LOWER_SHARE = 0.6;
/** A teaser cut short ("La richiesta è stata approv...") belongs to a list, not to the page's own text. */
const EXCERPT = /(?:\.\.\.?|…)$/;
/** The cookie banner is prose, before everything. */
const BANNER = /\bcookie/i;
/** The site's name is no page's heading ("COMUNE DI PONTE OGLIO" before the menu). */
const SITE_NAME = /\b(?:comune|citt[aà]|municipio|unione)\s+d[ie]\b/i;
/** Lines between a heading and its text: "Data: 14 marzo 2025", "Pubblicato il…", "Tempo di lettura: 2 min". */
const METADATA = /^(?:data|pubblicat[oa]|aggiornat[oa]|tempo di lettura|letture|visite|autore|scritto da|categoria)\b|^\d{1,2}[\s/.-]/i;
const DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}\s+(?:gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic)[a-z]*\.?\s+\d{4}\b/i;
/** A date line is at most this many words ("del 12/10/2025"); a card's date before its title at most DATE_CARD_WORDS. */
const DATE_LINE_WORDS = 5;
const DATE_CARD_WORDS = 4;
/** Lines skipped back from the prose to the heading (a subtitle, a date, reading time). */
const MAX_STEPS_BACK = 3;
/** A word of a line of dates and times only: "Venerdì 25 luglio 2025 @ 19:00 - Domenica 27 luglio 2025 @ 23:30". */
const DATE_TIME_WORD =
  /^(?:\d+(?:[:./-]\d+)*|[@\-–—]|ore|h|dalle|alle|dal|al|del|il|fino|(?:lun|mart|merc|giov|vener)ed[iì]|sabato|domenica|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|(?:gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic)\.?)$/i;
/** A byline's word on a line of its own, the author's name on the next: "Pubblicato il / 12 maggio 2025 / di / Pro Loco". */
const BYLINE_WORD = /^(?:di|da|by|a cura di|scritto da|pubblicato da|autore:?)$/i;
/** Lines of a byline and dates stepped back over, besides MAX_STEPS_BACK. */
const MAX_BYLINE_LINES = 6;

const wordCount = (line: string): number => line.split(/\s+/).filter(Boolean).length;
const isFurniture = (line: string): boolean => isFurnitureLine(furnitureKey(line));

/** Share of lower-case words after the first: prose is mostly lower-case, menus and headings are capitalised. */
function lowerShare(line: string): number {
  const words = line.split(/\s+/).filter((word) => /^\p{L}/u.test(word)).slice(1);
  return words.length === 0 ? 0 : words.filter((word) => /^\p{Ll}/u.test(word)).length / words.length;
}

/** A line of dates and times only (an event's dates; long, yet no prose). */
const isDateLine = (line: string): boolean => DATE.test(line) && line.split(/\s+/).every((word) => DATE_TIME_WORD.test(word.replace(/[,;]$/, '')));

function isProse(line: string): boolean {
  const words = wordCount(line);
  return (
    !isDateLine(line) &&
    ((words >= MIN_PROSE_WORDS && PROSE_END.test(line)) || words >= LONG_PROSE_WORDS) &&
    !EXCERPT.test(line) &&
    lowerShare(line) >= MIN_LOWER_SHARE &&
    !BANNER.test(line) &&
    !isFurniture(line)
  );
}

/** Between a heading and its first prose: a subtitle ending with a full stop, a date, metadata, furniture. */
const isBetween = (line: string): boolean => METADATA.test(line) || (wordCount(line) <= DATE_LINE_WORDS && DATE.test(line)) || PROSE_END.test(line) || isFurniture(line);

/**
 * The heading of body-only text with line breaks and no breadcrumb: the line before its first line of prose (past
 * a subtitle, a date, metadata), when it is short, not furniture, not the site's name, and not the title of a card
 * in a listing (a date right before it: the personal area's list of requests). '' when there is none, when the text
 * is joined by spaces (nothing tells a heading from the menu before it), or when the page is short.
 */
export function headingBeforeLead(text: string): string {
  if (text.length < MIN_PAGE_CHARS) return '';
  const head = text.slice(0, REACH);
  if (!isInLines(head)) return '';
  const lines = head.split('\n').map((line) => line.trim()).filter(Boolean);
  const prose = lines.findIndex(isProse);
  if (prose <= 0) return '';
  // A column of topic areas with a blurb each ("Finanze e Tributi" / "L'area tematica Finanze e Tributi raccoglie…"
  // / "Edilizia e Urbanistica" / …) before the page's own heading and text is no page's heading and lead. A list that
  // nothing follows is the page's own sections ("Orari" / one sentence, "Dove" / one sentence).
  const next = proseAfterBlurbList(lines, prose);
  const at = next === -1 ? headingBefore(lines, prose) : headingBefore(lines, next, blurbListEnd(lines, prose - 1));
  return at === -1 ? '' : lines[at];
}

/**
 * The first prose after the list of blurbs whose first blurb is `lines[prose]`, when the page goes on after it: -1 when
 * there is no list there, or nothing after it (a page whose own sections have a sentence each).
 */
function proseAfterBlurbList(lines: readonly string[], prose: number): number {
  const list = blurbListEnd(lines, prose - 1);
  return list === -1 ? -1 : lines.findIndex((line, i) => i > list && isProse(line));
}

/**
 * Where the heading before the prose at `lines[prose]` stands, past a subtitle, a date, metadata, a byline, not before
 * `lines[from]`; -1 when the line there is no heading.
 */
function headingBefore(lines: readonly string[], prose: number, from = 0): number {
  const at = headingLineBefore(lines, prose, from);
  const heading = lines[at];
  const card = [lines[at - 1], lines[at - 2]].some((line) => line !== undefined && wordCount(line) <= DATE_CARD_WORDS && DATE.test(line));
  const fits = isHeading(heading) && !PROSE_END.test(heading) && !SITE_NAME.test(heading) && !BANNER.test(heading) && !isFurniture(heading);
  return !card && fits ? at : -1;
}

/** The line that heads `lines[prose]`, not before `lines[from]`: back over a subtitle, metadata, dates and a byline ("di / Pro Loco") in between. */
function headingLineBefore(lines: readonly string[], prose: number, from: number): number {
  let at = prose - 1;
  for (let steps = 0, byline = 0; at > from && byline < MAX_BYLINE_LINES; at--) {
    if (isDateLine(lines[at]) || BYLINE_WORD.test(lines[at])) byline++;
    else if (at > from + 1 && BYLINE_WORD.test(lines[at - 1])) {
      // An author's name after its byline word.
      byline += 2;
      at--;
    } else if (steps < MAX_STEPS_BACK && isBetween(lines[at])) steps++;
    else break;
  }
  return at;
}

/** A list of blurbs has at least this many items: two are a page's heading and lead, then a section and its text. */
const MIN_BLURB_ITEMS = 3;

/**
 * Where the list of blurbs starting at `lines[at]` ends: a short line and one line of prose (not two: a heading and
 * its text), MIN_BLURB_ITEMS times or more in a row (a column of topic areas, a list of offices with a sentence
 * each). -1 when it is no such list.
 */
function blurbListEnd(lines: readonly string[], at: number): number {
  const isItem = (i: number): boolean =>
    i + 1 < lines.length && isHeading(lines[i]) && !isProse(lines[i]) && !isFurniture(lines[i]) && isProse(lines[i + 1]) && !(i + 2 < lines.length && isProse(lines[i + 2]));
  let items = 0;
  let i = at;
  for (; isItem(i); i += 2) items++;
  return items >= MIN_BLURB_ITEMS ? i : -1;
}

/**
 * The first of `headings` (a parsed page's headings) that stands before a line of prose of `text` (its main text,
 * with line breaks), as headingBeforeLead finds it, and where its line starts in `text`; '' and -1 when none does.
 * Prose before it that follows no heading (a breadcrumb with a long last item, a header whose parts were run
 * together) does not stop the search.
 */
export function leadHeadingAmong(text: string, headings: readonly string[]): { heading: string; at: number } {
  const none = { heading: '', at: -1 };
  if (headings.length === 0 || text.length < MIN_PAGE_CHARS) return none;
  const head = text.slice(0, REACH);
  if (!isInLines(head)) return none;
  const wanted = new Set(headings);
  const lines: string[] = [];
  const starts: number[] = [];
  let offset = 0;
  for (const line of head.split('\n')) {
    const trimmed = line.trim();
    if (trimmed) {
      lines.push(trimmed);
      starts.push(offset);
    }
    offset += line.length + 1;
  }
  for (let i = 1; i < lines.length; i++) {
    if (!isProse(lines[i])) continue;
    // A column of topic areas before the page's text: its items are headings too ("Finanze e Tributi"), not the page's.
    const after = proseAfterBlurbList(lines, i);
    if (after !== -1) {
      i = after - 1;
      continue;
    }
    const at = headingBefore(lines, i);
    if (at !== -1 && wanted.has(lines[at])) return { heading: lines[at], at: starts[at] };
  }
  return none;
}

// A scraped page read alone has no batch to learn its site's menus and footer from (site-furniture.ts). With line
// breaks and a heading after a "Home" crumb, where they stand says it: the header and menus come before the
// breadcrumb, and the footer starts where a line of the header comes back after the heading (the site's name, the
// menu again).

/** A header line that marks the footer when it comes back has at least this many words ("Comune di X", not "Servizi"). */
const MIN_FOOTER_MARK_WORDS = 2;

/**
 * Whether keyOf(line) is as long as `line`: no two spaces to collapse, no typographic apostrophe, no "İ" (the only
 * character lower-casing lengthens). Then a line of another length than a key is not that key, without keying it.
 */
const keyKeepsLength = (line: string): boolean => !line.includes('  ') && !line.includes('’') && !line.includes('‘') && !line.includes('İ');

/** The first code unit of keyOf(text) when told without keying it, else -1: rules out most lines as a key cheaply. */
const keyStart = (text: string): number => keyFirstUnit(text.charCodeAt(0));

/** Whether a key starting with `start` (-1: not known) may be `key`. */
function mayStartWith(start: number, key: string): boolean {
  return key === '' || start === -1 || start === key.charCodeAt(0);
}

/**
 * `text` from the breadcrumb's "Home" line before `heading` to the first line after it that repeats a line of the
 * header (two words or more, not furniture); `text` itself when it has no line breaks, no such breadcrumb, or is short.
 * Lines are keyed only when they may match (speed: the page's own text is most of it).
 */
export function contentAroundHeading(text: string, heading: string): string {
  if (text.length < MIN_PAGE_CHARS) return text;
  if (!isInLines(text.slice(0, REACH))) return contentAroundHeadingInWords(text, heading);
  if (!heading) return text;
  const lines = text.split('\n');
  const is = (line: string, key: string): boolean => mayStartWith(keyStart(line), key) && (line.length === key.length || !keyKeepsLength(line)) && keyOf(line) === key;
  const wanted = keyOf(heading.trim());
  let at = -1;
  let home = -1;
  for (let i = 0; i < lines.length && at === -1; i++) {
    const line = lines[i].trim();
    if (is(line, 'home')) home = i;
    else if (home !== -1 && i - home <= CRUMB_WINDOW + 2 && is(line, wanted)) at = i;
  }
  if (at === -1) return text;
  const header = new Set(
    lines
      .slice(0, home)
      .map((line) => keyOf(line.trim()))
      .filter((key) => hasWords(key, MIN_FOOTER_MARK_WORDS) && !isFurniture(key)),
  );
  const headerLengths = new Set([...header].map((key) => key.length));
  const headerStarts = new Set([-1, ...[...header].map(keyStart)]);
  const isHeaderLine = (line: string): boolean =>
    headerStarts.has(keyStart(line)) && (headerLengths.has(line.length) || !keyKeepsLength(line)) && header.has(keyOf(line));
  let end = at + 1;
  while (end < lines.length && !isHeaderLine(lines[end].trim())) end++;
  // lines.slice(home, end).join('\n'), cut from the text.
  let from = 0;
  for (let i = 0; i < home; i++) from += lines[i].length + 1;
  let to = from - 1;
  for (let i = home; i < end; i++) to += lines[i].length + 1;
  return text.slice(from, to);
}

/** Whether `text` has at least `n` words (what wordCount(text) >= n says, without splitting it). */
function hasWords(text: string, n: number): boolean {
  let words = 0;
  for (let i = 0; i < text.length && words < n; i++) {
    if (!isSpaceUnit(text.charCodeAt(i)) && (i === 0 || isSpaceUnit(text.charCodeAt(i - 1)))) words++;
  }
  return words >= n;
}

// Joined by spaces the same cut works on runs of words: the header is what comes before the breadcrumb's "Home" (or,
// with no breadcrumb heading, before the words that lead into the first sentence of prose), and the footer starts
// where a run of FOOTER_RUN words of the header comes back after the heading (the site's name, the menu again).

/** A run of this many words of the header, back after the heading, starts the footer ("Comune di Valfiorita"). */
const FOOTER_RUN = 3;
/** With no breadcrumb heading: the words kept before the first sentence of prose (a heading, a subtitle). */
const LEAD_HEADING_WORDS = 12;
/** The words of a scraped page looked at for a breadcrumb or a lead (about REACH characters). */
const REACH_WORDS = 1_500;

/**
 * `text` joined by spaces, from the "Home" word of the breadcrumb before `heading` (or, with no heading after a
 * "Home", from LEAD_HEADING_WORDS words before the first sentence of prose) to the first run of FOOTER_RUN words after
 * it that repeats a run of the header (none with a word of the heading); `text` itself when neither is found.
 */
function contentAroundHeadingInWords(text: string, heading: string): string {
  const words = new SpacedWords(text);
  const wanted = heading ? heading.trim().split(/\s+/).map(keyOf) : [];
  let start = -1;
  let from = -1;
  if (wanted.length > 0) {
    let home = -1;
    for (let i = 0; i < REACH_WORDS && words.has(i) && from === -1; i++) {
      if (isKeyAt(words, i, 'home')) home = i;
      else if (home !== -1 && i - home <= SEGMENT_WORDS && startsWith(words, i, wanted)) {
        start = home;
        from = i + wanted.length;
      }
    }
  }
  if (start === -1) {
    // A page with a breadcrumb whose heading was not found (a form step, the personal area) has no lead to trust.
    if (hasTrail(words)) return text;
    const lead = leadInWords(words.list(REACH_WORDS));
    if (lead === -1) return text;
    start = Math.max(0, lead - LEAD_HEADING_WORDS);
    from = lead;
  }
  // Runs that start in the header (the last may reach into the kept words), none made of the heading's words only
  // (a `<title>` first repeats the heading: "Tassa rifiuti (TARI) - Comune di X"). They are told apart by their words'
  // key signs first (speed: most words of a page are only measured), by their keys where the signs are a header run's.
  const runSign = (i: number): number => {
    let sign = words.keySignAt(i);
    for (let k = 1; k < FOOTER_RUN; k++) sign = Math.imul(sign, 0x01000193) ^ words.keySignAt(i + k);
    return sign;
  };
  const headerBySign = new Map<number, number[]>();
  for (let i = 0; i < start && i + FOOTER_RUN <= from; i++) {
    const sign = runSign(i);
    const runs = headerBySign.get(sign);
    if (runs) runs.push(i);
    else headerBySign.set(sign, [i]);
  }
  const sameRun = (a: number, b: number): boolean => {
    for (let k = 0; k < FOOTER_RUN; k++) if (words.keyAt(a + k) !== words.keyAt(b + k)) return false;
    return true;
  };
  const own = new Set(wanted);
  const ownOnly = (i: number): boolean => {
    for (let k = 0; k < FOOTER_RUN; k++) if (!own.has(words.keyAt(i + k))) return false;
    return true;
  };
  const isFooterAt = (i: number): boolean => {
    const runs = headerBySign.get(runSign(i));
    return runs !== undefined && runs.some((run) => sameRun(run, i)) && !ownOnly(i);
  };
  let end = from;
  while (words.has(end + FOOTER_RUN - 1) && !isFooterAt(end)) end++;
  if (!words.has(end + FOOTER_RUN - 1)) end = words.count();
  return words.joined(start, end);
}

/**
 * Whether the i-th word (there is one) has `key` for its key. keyOf never shortens a word (lower-casing only lengthens
 * "İ", apostrophes are replaced one for one): a longer word is not `key`.
 */
function isKeyAt(words: SpacedWords, i: number, key: string): boolean {
  return words.has(i) && words.lengthAt(i) <= key.length && mayStartWith(keyFirstUnit(words.firstUnitAt(i)), key) && words.keyAt(i) === key;
}

/** Whether a "Home" word followed by a breadcrumb separator stands in the first REACH_WORDS words. */
function hasTrail(words: SpacedWords): boolean {
  for (let i = 0; i + 1 < REACH_WORDS && words.has(i + 1); i++) if (isKeyAt(words, i, 'home') && SEPARATOR.test(words.keyAt(i + 1))) return true;
  return false;
}

/** Whether the words' keys from `at` start with `wanted`. */
function startsWith(words: SpacedWords, at: number, wanted: readonly string[]): boolean {
  for (let k = 0; k < wanted.length; k++) if (!isKeyAt(words, at + k, wanted[k])) return false;
  return true;
}

/** Characters that end a sentence (checked on a word's last character: this runs on every word of the head). */
const SENTENCE_END = new Set(['.', '!', '?']);

/**
 * Index of the first word of the first sentence of prose in words joined by spaces: the lower-case tail (at least
 * MIN_PROSE_WORDS words, mostly lower-case) of a run ending with a full stop, not the cookie banner, not furniture.
 * -1 when there is none within REACH_WORDS.
 */
export function leadInWords(words: readonly string[]): number {
  let sentence = 0;
  for (let i = 0; i < Math.min(words.length, REACH_WORDS); i++) {
    if (!SENTENCE_END.has(words[i][words[i].length - 1])) continue;
    const start = proseTail(words, sentence, i + 1);
    if (start !== -1 && !EXCERPT.test(words[i])) {
      // The feedback widget's question is a sentence too, run into what comes before it ("… Quanto sono chiare…?").
      const prose = words.slice(start, i + 1).join(' ');
      const rest = withoutFurniturePhrases(prose).split(/\s+/).filter(Boolean);
      if (!BANNER.test(prose) && proseTail(rest, 0, rest.length) !== -1) return start;
    }
    sentence = i + 1;
  }
  return -1;
}

const isWord = (word: string): boolean => /^\p{L}/u.test(word);
const isLower = (word: string): boolean => /^\p{Ll}/u.test(word);

/** A run of this many capitalised words is a menu or a heading, not prose ("HOME IL COMUNE", "TASSA RIFIUTI (TARI)"). */
const CAPITALISED_RUN = 3;

/**
 * Start of the prose that ends words[from..to): the words after the last run of CAPITALISED_RUN capitalised words (a
 * menu or heading run into the sentence), when they are MIN_PROSE_WORDS or more and MIN_LOWER_SHARE of them (after
 * the first) lower-case. -1 when they are not prose.
 */
function proseTail(words: readonly string[], from: number, to: number): number {
  let start = from;
  for (let s = to - 1, run = 0; s >= from; s--) {
    run = isWord(words[s]) && !isLower(words[s]) ? run + 1 : 0;
    if (run === CAPITALISED_RUN) {
      start = s + CAPITALISED_RUN;
      break;
    }
  }
  if (to - start < MIN_PROSE_WORDS) return -1;
  let lower = 0;
  let lettered = 0;
  for (let s = start + 1; s < to; s++) {
    if (!isWord(words[s])) continue;
    lettered++;
    if (isLower(words[s])) lower++;
  }
  return lettered > 0 && lower / lettered >= MIN_LOWER_SHARE ? start : -1;
}
