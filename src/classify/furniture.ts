// Page furniture: the text every Modello Comuni page carries whatever it is about (skip links, the feedback widget,
// "Contatta il comune", the search modal, the service page's section titles, form-step chrome). On a whole page it
// outweighs the topic and, since short training records never contain it, it reads as evidence of 'altro'.
// It is removed, line by line, before a page or a training record is turned into terms.
import type { PageFacts } from '../types.js';
import { categoryFromLabel } from './categories.js';
import { foldAccents } from './text.js';
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

/** data-element markers of the model's widgets and navigation: their text is furniture wherever it appears. */
const FURNITURE_ELEMENT = /^(?:feedback.*|page-index|breadcrumb|contacts|appointment-booking|faq|report-inefficiency|personal-area-login|main-navigation|management|news|all-services|live|all-topics|privacy-policy-link|legal-notes|accessibility-link|service-status|search-.*)$/;

/** First-level sections of the Modello Comuni (and their usual names) that hold no service pages. */
const NON_SERVICE_SECTION =
  /^(?:novita|notizie|comunicati|avvisi|eventi|argomenti|lista argomenti|vivere\b.*|amministrazione\b.*|documenti\b.*|area personale|prenotazione appuntament[io]|domande frequenti|faq|ricerca|risultati di ricerca|mappa del sito|luoghi|persone|uffici)$/;

/**
 * Whether the site files the page outside its services: under a non-service section (news, topics, events,
 * administration...) or as the services index itself ("Home › Servizi"). Read from the breadcrumb's first item
 * after "Home"; false when the page has no breadcrumb.
 */
export function outsideServices(crumbs: readonly string[]): boolean {
  const path = crumbs.map((crumb) => foldAccents(crumb.trim().toLowerCase()).replace(/\s+/g, ' ')).filter((crumb) => crumb !== 'home');
  if (path.length === 0) return false;
  if (path.length === 1 && path[0] === 'servizi') return true;
  return NON_SERVICE_SECTION.test(path[0]);
}

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
    outsideServices: outsideServices(page.breadcrumb),
  };
}
