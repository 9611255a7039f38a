// Page furniture: the text every Modello Comuni page carries whatever it is about (skip links, the feedback widget,
// "Contatta il comune", the search modal, the service page's section titles, form-step chrome). On a whole page it
// outweighs the topic and, since short training records never contain it, it reads as evidence of 'altro'.
// It is removed, line by line, before a page or a training record is turned into terms.
import type { PageFacts } from '../types.js';
import { CATEGORIES, VARIANTS, categoryFromLabel } from './categories.js';
import type { ClassifyInput } from './model.js';
import { collapseSpaces } from './words.js';
import { escapeForRegExp, sharedStartAlternation } from './alternation.js';

/** Lines of the Modello Comuni templates (lower-case, spaces collapsed, trailing ":" "?" "!" "." dropped). */
const FURNITURE_LINES = new Set(
  `
vai ai contenuti|vai al footer|vai al|footer|vai al menu di navigazione|torna su|condividi|facebook|twitter|linkedin|whatsapp
vedi azioni|stampa|ascolta|invia|indietro|avanti|annulla|modifica|mostra tutto|chiudi|salva|conferma|conferma e invia
quanto sono chiare le informazioni su questa pagina|quanto è stato facile usare questo servizio|valuta da 1 a 5 stelle la pagina
quali sono stati gli aspetti che hai preferito|le indicazioni erano chiare|le indicazioni erano complete
capivo sempre che stavo procedendo correttamente|non ho avuto problemi tecnici|altro|dove hai incontrato le maggiori difficoltà
a volte le indicazioni non erano chiare|a volte le indicazioni non erano complete
a volte non capivo se stavo procedendo correttamente|ho avuto problemi tecnici|vuoi aggiungere altri dettagli|dettaglio
inserire massimo 200 caratteri|grazie, il tuo parere ci aiuterà a migliorare il|servizio|grazie, il tuo parere ci aiuterà a migliorare il servizio
contatta il comune|leggi le domande frequenti|leggi le faq|richiedi assistenza|prenota appuntamento|prenotazione appuntamento
prenotazione appuntamenti|problemi in città|segnala disservizio|segnalazione disservizio|hai bisogno di assistenza|contattaci
hai bisogno di assistenza? contattaci|cerca|cerca nel sito|esplora tutti i servizi|servizi e contenuti|contenuti correlati
indice della pagina|indice|a chi è rivolto|come fare|cosa serve|cosa si ottiene|tempi e scadenze|quanto costa|costi
accedi al servizio|condizioni di servizio|contatti|descrizione|ulteriori informazioni|casi particolari|procedure collegate all'esito
per accedere al servizio, assicurati di avere|oppure puoi prenotare un appuntamento e presentarti presso gli uffici
per conoscere i dettagli di scadenze, requisiti e altre informazioni importanti, leggi i termini e le condizioni di servizio
termini e condizioni di servizio (pdf)|termini e condizioni|leggi termini e condizioni|argomenti|categoria|documenti
servizio attivo|servizio non attivo|attivo|confermato|riepilogo|dati generali|richiesta salvata con successo|salvataggio effettuato
i campi contraddistinti dal simbolo asterisco sono obbligatori|informativa sulla privacy|area personale|scheda servizio
cliccando su conferma e invia confermi di aver preso visione dei termini e delle condizioni di servizio
salva i dati in area personale|salva nella mia|salva nella mia area personale|salva solo per questa pratica|attenzione|filtra
`
    .split(/[|\n]/)
    .map((line) => line.trim())
    .filter(Boolean),
);

/** Furniture lines with a variable part: phone numbers, dates, step counters, star ratings. */
const FURNITURE_PATTERN =
  /^(?:chiama il (?:centralino|numero verde)\b.*|pagina aggiornata il\b.*|ultimo aggiornamento\b.*|ultima modifica\b.*|★?valuta \d stell[ae] su \d|\d+\s*\/\s*\d+|\d+)$/;

/** The site search modal ends the main text: its "Forse stavi cercando" suggestions name other services. */
const SEARCH_SUGGESTIONS = 'forse stavi cercando';

const TRAILING = new Set([' ', ':', '?', '!', '.', '\t', '\r']);

/** Line key for the lists above (written without regular expressions: it runs on every line of every page). */
export function furnitureKey(line: string): string {
  let key = line.trim().toLowerCase();
  if (key.includes('  ') || key.includes('\t')) key = key.replace(/\s+/g, ' ');
  let end = key.length;
  while (end > 0 && TRAILING.has(key[end - 1])) end--;
  return end === key.length ? key : key.slice(0, end);
}

export function isFurnitureLine(key: string): boolean {
  return FURNITURE_LINES.has(key) || FURNITURE_PATTERN.test(key);
}

/** The names of the categories and their variants, longest first. */
export const CATEGORY_NAMES: readonly string[] = [
  ...CATEGORIES.filter((category) => category.id !== 'altro').map((category) => category.label),
  ...VARIANTS.map(([label]) => label),
].sort((a, b) => b.length - a.length);
/** A name's pieces: "à" as "[aà]", spaces and commas as one run of them, the other characters literal. */
const namePieces = (label: string): string[] =>
  (label.match(/[\s,]+|./gs) ?? []).map((piece) => (/^[\s,]+$/.test(piece) ? '[\\s,]+' : piece === 'à' ? '[aà]' : escapeForRegExp(piece)));
/** Any name of a category, accents and separators optional: "Mobilità e trasporti", "mobilita  e trasporti". */
export const CATEGORY_NAME = new RegExp(
  `(?<![a-zà-ÿ])${sharedStartAlternation(CATEGORY_NAMES.map(namePieces))}(?![a-zà-ÿ])`,
  // No 'u' flag and Latin letters only around a name: several times faster, and category names are Italian.
  'gi',
);
/** What may stand between two items of a list of categories: separators, bullets, counts ("(4)"), no words. */
const LIST_GAP = /^[\s\p{P}\p{S}\p{N}]{0,12}$/u;
/** A run of at least this many different categories is a list (a menu, the footer, a filter), not a subject. */
const LIST_MIN = 3;

/**
 * `text` without the category names that stand in a list of categories (menus, footers and filters name all
 * fifteen on every page); a name standing alone (the title, the breadcrumb, a sentence) is kept.
 */
export function dropCategoryLists(text: string): string {
  const matches: { start: number; end: number; id: string }[] = [];
  for (const match of text.matchAll(CATEGORY_NAME)) {
    matches.push({ start: match.index, end: match.index + match[0].length, id: categoryFromLabel(match[0]) ?? match[0] });
  }
  if (matches.length < LIST_MIN) return text;
  let out = '';
  let from = 0;
  for (let first = 0; first < matches.length; ) {
    let last = first;
    while (last + 1 < matches.length && LIST_GAP.test(text.slice(matches[last].end, matches[last + 1].start))) last++;
    const run = matches.slice(first, last + 1);
    if (new Set(run.map((match) => match.id)).size >= LIST_MIN) {
      for (const match of run) {
        out += text.slice(from, match.start);
        from = match.end;
      }
    }
    first = last + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** No furniture line is longer: longer lines are kept without building their key (tokenising dominates speed). */
const MAX_FURNITURE_LINE = 150;

/** Text without furniture lines (and without anything after the search modal's suggestions). */
export function stripFurniture(text: string, extra?: ReadonlySet<string>): string {
  // The lines kept are copied by runs, the text between two lines dropped (speed: not line by line).
  const runs: string[] = [];
  let runStart = -1;
  let runEnd = 0;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    let kept = true;
    if (end - start <= MAX_FURNITURE_LINE) {
      const key = furnitureKey(text.slice(start, end));
      if (key === SEARCH_SUGGESTIONS) break;
      kept = !(key === '' || isFurnitureLine(key) || extra?.has(key));
    }
    if (kept) {
      if (runStart === -1) runStart = start;
      runEnd = end;
    } else if (runStart !== -1) {
      runs.push(text.slice(runStart, runEnd));
      runStart = -1;
    }
    start = end + 1;
  }
  if (runStart !== -1) runs.push(runStart === 0 && runEnd === text.length ? text : text.slice(runStart, runEnd));
  return runs.join('\n');
}

/** The furniture lines of four words or more, longest first: found inside long lines too (text scraped with no line breaks). */
export const FURNITURE_PHRASES: readonly string[] = [...FURNITURE_LINES].filter((line) => line.split(' ').length >= 4).sort((a, b) => b.length - a.length);
/** A phrase's pieces: each space as a run of white space, the other characters literal. */
const phrasePieces = (line: string): string[] => [...line].map((char) => (char === ' ' ? '\\s+' : escapeForRegExp(char)));
const FURNITURE_PHRASE = new RegExp(sharedStartAlternation(FURNITURE_PHRASES.map(phrasePieces)), 'gi');

/**
 * `text` without furniture phrases, when it was scraped with few line breaks (its lines average more than
 * MAX_FURNITURE_LINE characters); text with its lines is left to stripFurniture (the regular expression is costly).
 */
export function stripFurniturePhrases(text: string): string {
  let breaks = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) breaks++;
  return text.length / (breaks + 1) > MAX_FURNITURE_LINE ? withoutFurniturePhrases(text) : text;
}

/** `text` without the furniture phrases of four words or more, wherever they stand. */
export function withoutFurniturePhrases(text: string): string {
  return text.replace(FURNITURE_PHRASE, ' ');
}

/**
 * Breadcrumb items that say something about the page: not "Home", not "Servizi", and not a service category — the
 * category a page declares is what the classifier is checked against, so it must not be one of its features.
 */
export function topicalCrumbs(crumbs: readonly string[]): string[] {
  return crumbs.filter((crumb) => !/^\s*(?:home|servizi)\s*$/i.test(crumb) && categoryFromLabel(crumb) === null);
}

/** A part of a `<title>` that names the site, not the page: "Sito istituzionale", "Portale ufficiale", "Home page". */
const SITE_NAME_PART = /^[\s:.]*(?:(?:sito|portale)\s+(?:istituzionale|ufficiale)(?:\s+del\s+comune)?|home\s*page)[\s:.]*$/i;

/** A part that is only the comune's name: "Comune di Valfiorita", ":: Città di Valfiorita (BG) ::". */
const COMUNE_NAME_PART = /^[\s:.]*(?:comune|citt[àa])\s+di\s+[\p{L}'’]+(?:\s+[\p{L}'’]+){0,3}(?:\s*\([A-Z]{2}\))?[\s:.]*$/iu;

/**
 * "Pagamenti - Nome del Comune" → "Pagamenti": the site name in a title is the same on every page. A title that is
 * only the site's name ("Comune di X - Sito istituzionale", ":: Comune di X ::") says nothing of the page: ''.
 */
export function pageTitle(title: string): string {
  const parts = title.split(/\s+[-|–—]\s+/).filter((part) => !SITE_NAME_PART.test(part));
  const topical = parts.filter((part) => !/\bcomune\b/i.test(part));
  // A part that mentions the comune is kept when nothing else is left, unless it is only the comune's name.
  return (topical.length > 0 ? topical : parts.filter((part) => !COMUNE_NAME_PART.test(part))).join(' - ');
}

/** A title's separators: "Pagamenti - Comune di X", "Comune di X | Pagamenti". */
const TITLE_SEPARATOR = /\s+[-|–—]\s+/g;
/** The site name first, "Comune di X - Pagamenti" (the title's end is then unknown without lines). */
const SITE_NAME_FIRST = /^(?:comune|citt[aà]|municipio|unione)(?![a-zà-ÿ])[^-|–—\n]{0,60}\s[-|–—]\s+/i;
/** Scraped text further than this from the page's start is not its title. */
const TITLE_REACH = 250;
/** Where the page repeats its title (its heading, its breadcrumb) is within this many characters after it. */
const TITLE_ECHO_REACH = 10_000;
const MAX_TITLE_WORDS = 16;
/** Shorter text is not a whole scraped page. */
const MIN_PAGE_CHARS = 400;
/** A title found only by its echo has at least this many words (one word repeats too easily: "Home", "Servizi"). */
const MIN_TITLE_WORDS = 2;
/** The site's name right after a separator: what follows a page's own title in its `<title>`. */
const SITE_NAME_NEXT = /^[^-|–—]{0,30}?\b(?:comune|citt[aà]|municipio|unione)(?![a-zà-ÿ])/i;

/**
 * Skip links at the start of text scraped from the body: "Vai al contenuto", "Salta al menu principale", "Vai
 * direttamente alla navigazione", "Skip to main content" (links to a part of the page, not a page's name).
 */
const SKIP_LINKS =
  /^(?:\s*(?:(?:vai|salta|passa)\s+(?:direttamente\s+)?(?:al|alla|ai|alle|a)\s+(?:(?:contenut[oi]|menu)(?:\s+(?:principal[ei]|di\s+navigazione))?|navigazione|footer|pi[eè]\s+di\s+pagina|ricerca)|skip\s+to\s+(?:(?:the\s+)?main\s+)?(?:content|navigation|menu|footer))(?![\p{L}\p{N}]))+\s*/iu;

const collapse = (text: string): string => collapseSpaces(text.toLowerCase()).trim();

const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** The only character that is not ASCII and lower-cases to ASCII ("K" → "k"). */
const KELVIN = '\u212a';

/**
 * Whether `words` (lower-case ASCII, single spaces) stand twice as whole words in `text`, white space between them,
 * in any case: what finding ` ${words} ` twice in ` ${collapse(text)} ` says, without lower-casing and collapsing the
 * text (most of the title's time). Without the 'u' flag an ASCII letter matches its ASCII capital only, as lower-casing
 * maps only the Kelvin sign onto ASCII (the caller leaves text with one to the slow way).
 */
export function occursTwice(words: string, text: string): boolean {
  const pattern = new RegExp(`(?<!\\S)${words.split(' ').map(escapeForRegExp).join('\\s+')}(?!\\S)`, 'gi');
  const first = pattern.exec(text);
  if (first === null) return false;
  pattern.lastIndex = first.index + 1;
  return pattern.exec(text) !== null;
}

/**
 * The page's title at the start of scraped text, as scrapers that keep the `<head>` give it ("Pagamenti - Comune di
 * X" first): kept only when the page repeats it further on (its heading, its breadcrumb), so that text scraped from
 * the body alone (a cookie banner first) gives no title. Joined by spaces, a title after the site name ("Comune di X -
 * Pagamenti ...") ends where the longest repeated run of its first words ends. '' when there is none.
 */
export function scrapedTitle(text: string): string {
  // A sentence or two (a training record, a description) is not a scraped page with a <title>.
  if (text.length < MIN_PAGE_CHARS) return '';
  // Skip links first ("Vai al contenuto Vai al menu", text scraped from the body alone): no title, though they repeat.
  const skipped = SKIP_LINKS.exec(text)?.[0].length ?? 0;
  if (skipped > 0 && text.slice(0, skipped).includes('\n')) return '';
  const head = text.slice(skipped, skipped + TITLE_REACH);
  const reach = text.slice(0, TITLE_ECHO_REACH);
  let page = '';
  /** Whether the words of `candidate` (taken from the head) occur again after their first occurrence. */
  const echoes = (candidate: string): boolean => {
    const words = collapse(candidate);
    if (words.length <= 2) return false;
    if (ASCII_ONLY.test(words) && !reach.includes(KELVIN)) return occursTwice(words, reach);
    // Built when first needed: most titles end with the site's name and need no echo (classification speed).
    page ||= ` ${collapse(reach)} `;
    const needle = ` ${words} `;
    return page.indexOf(needle, page.indexOf(needle) + 1) !== -1;
  };
  const newline = head.indexOf('\n');
  if (newline > 0) {
    const line = head.slice(0, newline).trim();
    const title = pageTitle(line);
    return title !== line || echoes(title) ? title : '';
  }
  // The longest run before a separator followed by the site's name ("Ufficio anagrafe - Certificati - Comune di X"),
  // or that the page repeats.
  for (const separator of [...head.matchAll(TITLE_SEPARATOR)].reverse()) {
    const title = head.slice(0, separator.index).trim();
    // Longer is a cookie banner and skip links before the site's name (text scraped from the body alone).
    if (SITE_NAME_FIRST.test(`${title} - `) || title.split(/\s+/).length > MAX_TITLE_WORDS) continue;
    if (SITE_NAME_NEXT.test(head.slice(separator.index + separator[0].length)) || echoes(title)) return title;
  }
  // No separator, or the site's name first: the longest run of the first words that the page repeats.
  const after = SITE_NAME_FIRST.exec(head)?.[0].length ?? 0;
  const words = head.slice(after).split(/\s+/).slice(0, MAX_TITLE_WORDS);
  for (let n = words.length - 1; n >= MIN_TITLE_WORDS; n--) {
    const title = words.slice(0, n).join(' ');
    // The site's name first, repeated in the footer ("Comune di X Sito ufficiale…"), or a `<title>` that is only the
    // comune's name ("Comune di X" then the body) is no page's title, as with line breaks.
    if (echoes(title)) return pageTitle(title);
  }
  return '';
}

/**
 * data-element markers of the model's widgets and navigation: their text is furniture wherever it appears. The
 * "Argomenti" chips (service-topic) are what the page declares (topics.ts), like its breadcrumb category: never a feature.
 */
const FURNITURE_ELEMENT = /^(?:feedback.*|page-index|breadcrumb|contacts|appointment-booking|faq|report-inefficiency|personal-area-login|main-navigation|management|news|all-services|live|all-topics|privacy-policy-link|legal-notes|accessibility-link|service-status|service-topic|search-.*)$/;

/** What the classifier reads of a parsed page: title, topical breadcrumb, main-text headings and main text, furniture removed. */
export function classifierInput(page: Pick<PageFacts, 'title' | 'headings' | 'breadcrumb' | 'mainText' | 'dataElements'>): ClassifyInput {
  const widgetLines = new Set<string>();
  for (const element of page.dataElements ?? []) {
    if (FURNITURE_ELEMENT.test(element.name) && element.text.length <= MAX_FURNITURE_LINE) widgetLines.add(furnitureKey(element.text));
  }
  const text = stripFurniture(page.mainText, widgetLines);
  return {
    title: pageTitle(page.title),
    // Headings of the header, menus and footer are boilerplate: keep those that belong to the main text.
    headings: page.headings.map((heading) => heading.text).filter((heading) => text.includes(heading)),
    breadcrumb: page.breadcrumb,
    text,
  };
}
