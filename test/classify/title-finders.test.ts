// What the first sight of session 9 (docs/classifier.md, "Eighth round") taught the title finders of scraped text:
// skip links are no title, a WordPress byline stands between a post's heading and its text, a column of topic areas
// with a blurb each is no page's heading; and "lavori" (works) is not "lavoro" (employment).
import { describe, expect, it } from 'vitest';
import { scrapedTitle } from '../../src/classify/furniture.js';
import { bodyHeading, headingBeforeLead } from '../../src/classify/heading.js';
import { stemForClassifier, stemItalian } from '../../src/classify/stemmer.js';
import { loadClassifier, terms } from '../../src/classify/index.js';

const classifier = loadClassifier();

const HEADER = ['Comune di Sorgonzo Lario', 'Sito ufficiale del Comune di Sorgonzo Lario – Provincia di Como', 'Menu', 'Home', 'Il Comune', 'Uffici', 'Servizi', 'Notizie', 'Albo pretorio', 'Contatti'];
const FOOTER = [
  'Articoli recenti',
  'Archivi',
  'Comune di Sorgonzo Lario – Piazza della Chiesa 3 – 22010 Sorgonzo Lario (CO)',
  'Privacy policy',
  'Cookie policy',
  'Note legali',
  'Dichiarazione di accessibilità',
];
const PROSE = [
  'Tre sere di musica, cucina del lago e fuochi d’artificio sul lungolago per la festa del patrono.',
  'Venerdì sera concerto della banda e apertura degli stand gastronomici, sabato la processione delle barche illuminate.',
];

/** A page scraped from the body alone: skip links, header, `content`, footer. */
const bodyPage = (content: readonly string[], separator = '\n', skipLinks = ['Vai al contenuto', 'Vai al menu']): string =>
  [...skipLinks, ...HEADER, ...content, ...FOOTER].join(separator);

describe('skip links at the start of scraped text are no title (scrapedTitle)', () => {
  it('"Vai al contenuto Vai al menu" repeats "Vai al", which is not the title; nor "Salta al contenuto", "Skip to main content"', () => {
    // Before: "Vai al", the longest run of first words the page repeats.
    expect(scrapedTitle(bodyPage(PROSE, ' '))).toBe('');
    expect(scrapedTitle(bodyPage(PROSE, ' ', ['Salta al contenuto principale', 'Salta al menu']))).toBe('');
    expect(scrapedTitle(bodyPage(PROSE, ' ', ['Skip to main content', 'Skip to navigation']))).toBe('');
    expect(scrapedTitle(bodyPage(PROSE, '\n'))).toBe('');
  });

  it('nor is the comune’s name after them, though the footer repeats it', () => {
    expect(scrapedTitle(bodyPage(PROSE, ' ', ['Vai al contenuto']))).toBe('');
  });

  it('a title that starts with "Vai" or "Salta" and names no part of the page is still read', () => {
    const page = (title: string): string => `${title} - Comune di Sorgonzo Lario ${bodyPage([title, ...PROSE], ' ', [])}`;
    expect(scrapedTitle(page('Vai al mare in sicurezza: i consigli'))).toBe('Vai al mare in sicurezza: i consigli');
    expect(scrapedTitle(page('Salta la corsa del bus del 12 maggio'))).toBe('Salta la corsa del bus del 12 maggio');
    // A title repeated by the page, with no separator, after skip links: the skip links are left out, not the title.
    expect(scrapedTitle(`Vai al contenuto Festa di San Giacomo Pubblicato in Eventi ${bodyPage(['Festa di San Giacomo', ...PROSE], ' ', [])}`)).toBe(
      'Festa di San Giacomo',
    );
  });
});

describe('the end of a trail joined by spaces, a column run into it (bodyHeading)', () => {
  const column = 'Aree tematiche Finanze e Tributi L’area tematica Finanze e Tributi raccoglie scadenze e moduli. Edilizia e Urbanistica Pratiche edilizie e certificati.';
  const page = (heading: string, item = heading): string =>
    bodyPage([`Sei qui: Home » Uffici » ${item} ${column} Categoria: Uffici ${heading} Scritto da Redazione`, ...PROSE], ' ');

  it('is as far as the page repeats it further on (its heading), not six words into the column', () => {
    // Before: "Passo carrabile Aree tematiche Finanze e".
    expect(bodyHeading(page('Passo carrabile'))).toBe('Passo carrabile');
    expect(bodyHeading(page('Ufficio ragioneria e tributi'))).toBe('Ufficio ragioneria e tributi');
    // The heading says more than the trail's first six words: they stay, to their last word of its own.
    expect(bodyHeading(page('Strada della valle chiusa per la posa della fibra ottica'))).toBe('Strada della valle chiusa');
  });

  it('is its first six words when nothing repeats it, and never ends on a word like "di"', () => {
    expect(bodyHeading(page('Un altro titolo', 'Passo carrabile'))).toBe('Passo carrabile Aree tematiche Finanze e');
    // Only "Assegno di" repeats: not a heading.
    expect(bodyHeading(page('Assegno di natalità', 'Assegno di maternità'))).toBe('Assegno di maternità Aree tematiche Finanze');
  });
});

describe('a byline between a heading and its text (headingBeforeLead)', () => {
  const byline = ['Pubblicato il', '12 maggio 2025', 'di', 'Pro Loco'];
  const eventDates = 'Venerdì 25 luglio 2025 @ 19:00 - Domenica 27 luglio 2025 @ 23:30';

  it('"Pubblicato il / 12 maggio 2025 / di / Pro Loco" and an event’s dates are stepped over', () => {
    expect(headingBeforeLead(bodyPage(['Festa di San Giacomo: il programma', ...byline, eventDates, ...PROSE]))).toBe('Festa di San Giacomo: il programma');
    expect(headingBeforeLead(bodyPage(['Festa di San Giacomo: il programma', ...byline, ...PROSE]))).toBe('Festa di San Giacomo: il programma');
    expect(headingBeforeLead(bodyPage(['Festa di San Giacomo: il programma', 'Lunedì, 12 Maggio 2025 09:15', ...PROSE]))).toBe('Festa di San Giacomo: il programma');
  });

  it('a line of dates is no prose, but a sentence that starts with a date is', () => {
    const dated = 'Dal 3 marzo 2025 la raccolta del verde riprende ogni lunedì mattina in tutte le frazioni.';
    expect(headingBeforeLead(bodyPage(['Raccolta del verde', dated]))).toBe('Raccolta del verde');
  });

  it('a name without its byline word is the heading it stands for (no author to skip)', () => {
    expect(headingBeforeLead(bodyPage(['Pro Loco', ...PROSE]))).toBe('Pro Loco');
  });

  it('the title of a listing card (a date right before it) is still no heading', () => {
    expect(headingBeforeLead(bodyPage(['Le mie pratiche', '15/03/2022', 'Iscrizione alla scuola dell’infanzia', ...PROSE]))).toBe('');
  });
});

describe('a column of topic areas with a blurb each is no page’s heading (headingBeforeLead)', () => {
  const column = [
    'Aree tematiche',
    'Finanze e Tributi',
    'L’area tematica Finanze e Tributi raccoglie scadenze, aliquote e moduli dei tributi comunali.',
    'Edilizia e Urbanistica',
    'Pratiche edilizie, piano di governo del territorio, certificati e accesso agli atti.',
    'Scuola e Istruzione',
    'Iscrizioni a mensa, trasporto e servizi scolastici, calendario e contributi allo studio.',
  ];
  const contacts = [
    'Ufficio relazioni con il pubblico',
    'Come contattare il municipio e i suoi uffici, dal lunedì al sabato.',
    'Per le pratiche scrivere agli indirizzi dei singoli uffici, elencati nella pagina degli uffici.',
    'Centralino 0365 000 393',
  ];

  it('the page’s own heading after it is', () => {
    expect(headingBeforeLead(bodyPage([...column, ...contacts]))).toBe('Ufficio relazioni con il pubblico');
    expect(headingBeforeLead(bodyPage([...column, 'Dati del Comune', 'Popolazione: 3.214', ...contacts]))).toBe('Ufficio relazioni con il pubblico');
  });

  it('nothing, when the line before the text after it is no heading (furniture: "Contatti"), rather than its first area', () => {
    expect(headingBeforeLead(bodyPage([...column, 'Contatti', ...contacts.slice(1)]))).toBe('');
  });

  it('and read alone, a contacts page after such a column is not tributi', () => {
    const page = bodyPage([...column, ...contacts]);
    expect(classifier.classifyText({ text: page }).category).not.toBe('tributi-finanze-contravvenzioni');
  });

  it('a heading with its lead and two sections of one sentence each, nothing after: the page’s own heading stays', () => {
    const office = [
      'Ufficio tecnico',
      'L’ufficio si occupa dell’edilizia privata, dell’urbanistica e dei lavori pubblici del comune.',
      'Orari di apertura',
      'Il lunedì e il giovedì dalle nove alle dodici, il sabato su appuntamento telefonico.',
      'Dove si trova',
      'Al primo piano del municipio, stanza dodici, con accesso dal cortile interno.',
    ];
    expect(headingBeforeLead(bodyPage(office))).toBe('Ufficio tecnico');
  });

  it('two items are a heading and a section, not a list', () => {
    expect(headingBeforeLead(bodyPage([...column.slice(0, 5), ...contacts]))).toBe('Finanze e Tributi');
  });
});

describe('"lavori" (works) is not "lavoro" (employment)', () => {
  it('has its own stem; the employment words keep theirs', () => {
    expect(stemItalian('lavori')).toBe(stemItalian('lavoro'));
    expect(stemForClassifier('lavori')).not.toBe(stemForClassifier('lavoro'));
    for (const word of ['lavoratori', 'lavorativa', 'lavorare']) expect(stemForClassifier(word)).toBe(stemForClassifier('lavoro'));
    expect([...terms('Lavori all’acquedotto').keys()]).not.toEqual(expect.arrayContaining([...terms('lavoro').keys()]));
  });

  it('road works are not working life', () => {
    const result = classifier.classifyText({ title: 'Lavori all’acquedotto: acqua sospesa in via Roma', text: 'Per lavori di riparazione della condotta l’acqua è sospesa martedì dalle 8 alle 14.' });
    expect(result.category).not.toBe('vita-lavorativa');
  });
});
