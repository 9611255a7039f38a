// The classify stage of an audit gets all pages of the site at once: what repeats on many of them (a sidebar of
// headlines, a menu the parser could not tell from the article) is learned from the crawl itself and does not vote.
import { describe, expect, it } from 'vitest';
import { loadClassifier } from '../../src/classify/index.js';
import { assembleSiteFacts } from '../../src/facts/site.js';
import { extractPageFacts } from '../../src/facts/page.js';
import type { PageFacts } from '../../src/types.js';
import { emptyCrawl, fetchedPage } from '../helpers/site.js';

const classifier = loadClassifier();
const SITE = 'https://www.comune.example.it/';

/** An old template with no landmarks and the comune's name as every page's title: its "news in evidence" box sits in the main text. */
const SIDEBAR = [
  'In evidenza',
  'Raccolta differenziata porta a porta: il nuovo calendario della raccolta di umido, carta, plastica e vetro',
  'Piattaforma ecologica aperta il sabato per ingombranti, sfalci e rifiuti elettronici',
  'Tassa rifiuti: la seconda rata scade il 2 dicembre',
];

const CONTENT: [string, string, string][] = [
  ['carta-identita', "Carta d'identità elettronica", "La carta d'identità elettronica si richiede all'anagrafe su appuntamento con una fototessera."],
  ['cambio-residenza', 'Cambio di residenza', "La dichiarazione di residenza si presenta all'ufficio anagrafe entro venti giorni dal trasferimento."],
  ['mensa', 'Iscrizione alla mensa scolastica', 'Le famiglie degli alunni della scuola primaria iscrivono i figli alla refezione scolastica.'],
  ['biblioteca', 'Biblioteca civica', 'La biblioteca presta libri e organizza letture per bambini e incontri con gli autori.'],
  ['permesso-costruire', 'Permesso di costruire', "Il titolo edilizio per le nuove costruzioni si chiede allo sportello unico per l'edilizia."],
];

const html = (title: string, text: string): string =>
  `<!doctype html><html lang="it"><head><title>Comune di Esempio</title></head><body><div id="content"><h2>${title}</h2><p>${text}</p>${SIDEBAR.map((line) => `<p>${line}</p>`).join('')}</div></body></html>`;

const pages = CONTENT.map(([path, title, text]) => extractPageFacts(fetchedPage({ url: `${SITE}${path}.html`, html: html(title, text) })));

describe('classifySite', () => {
  it('the box repeated on every page is in their main text, and page by page it outvotes a short page', () => {
    expect(pages.every((page) => page.mainText.includes('Piattaforma ecologica'))).toBe(true);
    expect(pages.map((page) => classifier.classifyPage(page).category).filter((category) => category === 'ambiente').length).toBeGreaterThanOrEqual(2);
  });

  it('learned from the site, the box does not vote: each page gets its own subject', () => {
    expect(classifier.classifySite(pages).map((result) => result.category)).toEqual([
      'anagrafe-stato-civile',
      'anagrafe-stato-civile',
      'educazione-formazione',
      'cultura-tempo-libero',
      'catasto-urbanistica',
    ]);
  });

  it('is what an audit runs: assembling the site classifies its readable pages together', () => {
    const fetched = CONTENT.map(([path, title, text]) => fetchedPage({ url: `${SITE}${path}.html`, html: html(title, text) }));
    const broken: PageFacts = { ...pages[0], url: `${SITE}rotta.html`, error: { code: 'http', status: 500, message: { it: 'HTTP 500', en: 'HTTP 500' } } };
    const site = assembleSiteFacts({ ...emptyCrawl(SITE), pages: fetched }, [...pages, broken], { classify: classifier.classifySite });
    expect(site.pages.map((page) => page.classification?.category ?? null)).toEqual([
      'anagrafe-stato-civile',
      'anagrafe-stato-civile',
      'educazione-formazione',
      'cultura-tempo-libero',
      'catasto-urbanistica',
      null,
    ]);
  });

  it('a single page (a single-page audit) has no site to learn from and is classified as it is', () => {
    expect(classifier.classifySite([pages[0]])).toEqual([classifier.classifyPage(pages[0])]);
  });
});
