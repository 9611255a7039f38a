// Page furniture: the text every Modello Comuni page carries whatever it is about (skip links, the feedback widget,
// "Contatta il comune", the search modal, the service page's section titles, form-step chrome). On a whole page it
// outweighs the topic and, since short training records never contain it, it reads as evidence of 'altro'.
// It is removed, line by line, before a page or a training record is turned into terms.
import type { PageFacts } from '../types.js';
import { CATEGORIES, VARIANTS, categoryFromLabel } from './categories.js';
import type { ClassifyInput } from './model.js';

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

/** Any name of a category, accents and separators optional: "Mobilità e trasporti", "mobilita  e trasporti". */
const CATEGORY_NAME = new RegExp(
  `(?<![a-zà-ÿ])(?:${[...CATEGORIES.filter((category) => category.id !== 'altro').map((category) => category.label), ...VARIANTS.map(([label]) => label)]
    .sort((a, b) => b.length - a.length)
    .map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/à/g, '[aà]').replace(/[\s,]+/g, '[\\s,]+'))
    .join('|')})(?![a-zà-ÿ])`,
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
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    if (line.length > MAX_FURNITURE_LINE) {
      kept.push(line);
      continue;
    }
    const key = furnitureKey(line);
    if (key === SEARCH_SUGGESTIONS) break;
    if (key === '' || isFurnitureLine(key) || extra?.has(key)) continue;
    kept.push(line);
  }
  return kept.join('\n');
}

/** The furniture lines of four words or more: found inside long lines too (text scraped with no line breaks). */
const FURNITURE_PHRASE = new RegExp(
  [...FURNITURE_LINES]
    .filter((line) => line.split(' ').length >= 4)
    .sort((a, b) => b.length - a.length)
    .map((line) => line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|'),
  'gi',
);

/**
 * `text` without furniture phrases, when it was scraped with few line breaks (its lines average more than
 * MAX_FURNITURE_LINE characters); text with its lines is left to stripFurniture (the regular expression is costly).
 */
export function stripFurniturePhrases(text: string): string {
  let breaks = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) breaks++;
  return text.length / (breaks + 1) > MAX_FURNITURE_LINE ? text.replace(FURNITURE_PHRASE, ' ') : text;
}

/**
 * Breadcrumb items that say something about the page: not "Home", not "Servizi", and not a service category — the
 * category a page declares is what the classifier is checked against, so it must not be one of its features.
 */
export function topicalCrumbs(crumbs: readonly string[]): string[] {
  return crumbs.filter((crumb) => !/^\s*(?:home|servizi)\s*$/i.test(crumb) && categoryFromLabel(crumb) === null);
}

/** "Pagamenti - Nome del Comune" → "Pagamenti": the site name in a title is the same on every page. */
export function pageTitle(title: string): string {
  const parts = title.split(/\s+[-|–—]\s+/);
  const topical = parts.filter((part) => !/\bcomune\b/i.test(part));
  return (topical.length > 0 ? topical : parts).join(' - ');
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
