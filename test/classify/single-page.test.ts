// One scraped page given alone (issue 8): the whole page flattened into one string — its <title> first, then the cookie
// banner, menus, the page, the rating widget, the contacts box and a footer listing the 15 categories — with no other
// page of its site to learn the furniture from. The page below is written for this test (an invented comune, in the
// layout of the Bootstrap Italia themes comune sites use); no fixture or corpus record holds it.
import { describe, expect, it } from 'vitest';
import { loadClassifier } from '../../src/classify/index.js';
import { scrapedTitle } from '../../src/classify/furniture.js';
import { CATEGORIES } from '../../src/classify/categories.js';

const classifier = loadClassifier();
const ALL_CATEGORIES = CATEGORIES.filter((category) => category.id !== 'altro').map((category) => category.label);

const header = [
  'Questo sito utilizza cookie tecnici e, con il tuo consenso, cookie analitici e di terze parti per migliorare la navigazione.',
  'Accetta tutti', 'Rifiuta', 'Personalizza le preferenze', 'Vai al contenuto principale', 'Vai al footer',
  'Regione Lombardia', "Accedi all'area personale", 'Comune di Castelbruno', 'Provincia di Cremona', 'Cerca',
  'Amministrazione', 'Novità', 'Servizi', 'Vivere il comune', 'Albo pretorio', 'Amministrazione trasparente', 'Tutti gli argomenti',
];
const footer = [
  'Quanto sono chiare le informazioni su questa pagina?', 'Valuta da 1 a 5 stelle la pagina',
  ...[5, 4, 3, 2, 1].map((n) => `Valuta ${n} stelle su 5`),
  'Contatta il comune', 'Leggi le domande frequenti', 'Richiedi assistenza', 'Chiama il numero verde 800 123 456', 'Prenota appuntamento',
  'Problemi in città', 'Segnala disservizio', 'Comune di Castelbruno', 'Servizi', ...ALL_CATEGORIES,
  'Amministrazione', 'Organi di governo', 'Aree amministrative', 'Uffici', 'Documenti e dati', 'Novità', 'Notizie', 'Comunicati',
  'Contatti', 'Piazza Garibaldi 4 - 26030 Castelbruno (CR)', 'Codice fiscale 80001230190', 'PEC comune.castelbruno@pec.regione.lombardia.it',
  'Orari degli uffici: lunedì, mercoledì e venerdì dalle 9 alle 12', 'Seguici su', 'Facebook', 'Instagram', 'YouTube',
  'Informativa privacy', 'Note legali', 'Dichiarazione di accessibilità', 'Mappa del sito', 'Cookie policy',
];

/** The page as a scraper gives it: `<title>` first, then every text node, joined by `separator`. */
const scraped = (title: string, body: string[], separator: string): string =>
  [`${title} - Comune di Castelbruno`, ...header, 'Home', title, title, ...body, ...footer].join(separator);

const PAGES: [string, string[], string][] = [
  [
    'Contributo per la rimozione dell’amianto',
    [
      'Il Comune concede un contributo ai proprietari di edifici privati che rimuovono e smaltiscono coperture e manufatti contenenti amianto.',
      'La bonifica va affidata a una ditta iscritta all’Albo nazionale gestori ambientali; il piano di lavoro è presentato all’ATS prima dell’inizio.',
      'Alla domanda si allegano il preventivo della ditta, la notifica all’ATS e, a lavori finiti, il formulario di smaltimento dei rifiuti.',
    ],
    'ambiente',
  ],
  [
    'Iscrizione al trasporto scolastico',
    [
      'Lo scuolabus accompagna gli alunni della scuola primaria e della secondaria di primo grado dalle frazioni al plesso di via Manzoni.',
      'Le iscrizioni per il nuovo anno scolastico si presentano online entro il 30 giugno; la tariffa dipende dall’ISEE del nucleo familiare.',
    ],
    'educazione-formazione',
  ],
  [
    'Rinnovo della carta d’identità elettronica',
    [
      'La carta d’identità elettronica si richiede all’ufficio anagrafe su appuntamento, portando la fototessera e il documento scaduto.',
      'Il cittadino residente riceve la carta per posta entro sei giorni lavorativi; il costo è di 22,21 euro.',
    ],
    'anagrafe-stato-civile',
  ],
];

describe('a single scraped page with the whole chrome of a real template, no batch', () => {
  it.each(PAGES)('"%s" is about its subject, joined by newlines or by spaces', (title, body, category) => {
    for (const separator of ['\n', ' ']) {
      const text = scraped(title, body, separator);
      // The chrome outweighs the page: the furniture words alone are more than the page's own.
      expect(header.join(' ').length + footer.join(' ').length).toBeGreaterThan(body.join(' ').length);
      const result = classifier.classifyText({ text });
      expect(result.category, separator).toBe(category);
      expect(result.confidence).toBeGreaterThan(0.5);
    }
  });

  it.each([
    [
      'Informativa sul trattamento dei dati personali',
      [
        'Ai sensi del Regolamento UE 2016/679 il Comune di Castelbruno, titolare del trattamento, informa gli utenti sul trattamento dei dati raccolti dal sito.',
        'Il responsabile della protezione dei dati può essere contattato all’indirizzo dpo@comune.castelbruno.cr.it; l’interessato può chiedere l’accesso, la rettifica o la cancellazione dei propri dati.',
      ],
    ],
    [
      'Contatti',
      [
        'Centralino 0372 000 111, posta elettronica certificata e indirizzi email degli uffici comunali.',
        'Ufficio relazioni con il pubblico: piano terra del municipio, aperto al pubblico dal lunedì al sabato dalle 9 alle 12.',
      ],
    ],
  ])('"%s", in the same chrome, stays altro', (title, body) => {
    for (const separator of ['\n', ' ']) expect(classifier.classifyText({ text: scraped(title, body, separator) }).category, separator).toBe('altro');
  });
});

describe("scrapedTitle: the page's <title> at the start of scraped text", () => {
  const body = [
    'Cookie e preferenze Menu Home Amministrazione Novità Servizi Vivere il comune Home Servizi Pagamento TARI Pagamento TARI',
    'La tassa sui rifiuti si paga in due rate, con l’avviso pagoPA che il Comune spedisce a ogni contribuente in primavera.',
    'Chi non riceve l’avviso lo chiede all’ufficio tributi; chi ha cambiato casa presenta la dichiarazione di variazione entro novanta giorni.',
    'Contatti Informativa privacy Note legali Dichiarazione di accessibilità',
  ].join(' ');

  it('reads "Title - Comune di X" first, with or without line breaks', () => {
    expect(scrapedTitle(`Pagamento TARI - Comune di Castelbruno ${body}`)).toBe('Pagamento TARI');
    expect(scrapedTitle(`Pagamento TARI - Comune di Castelbruno\n${body}`)).toBe('Pagamento TARI');
    expect(scrapedTitle(`Ufficio anagrafe - Certificati | Città di Lodi ${body}`)).toBe('Ufficio anagrafe - Certificati');
  });

  it('reads "Comune di X - Title" as far as the page repeats the title', () => {
    expect(scrapedTitle(`Comune di Castelbruno - Pagamento TARI Cookie e preferenze ${body}`)).toBe('Pagamento TARI');
  });

  it('gives no title for text scraped from the body alone (a banner first, repeated nowhere)', () => {
    expect(scrapedTitle(body)).toBe('');
    expect(scrapedTitle(`Questo sito usa cookie tecnici - accetta o rifiuta ${body}`)).toBe('');
    expect(scrapedTitle('')).toBe('');
    // A sentence or two is not a scraped page.
    expect(scrapedTitle('Pagamento TARI - Comune di Castelbruno: Pagamento TARI in due rate.')).toBe('');
  });
});
