// Page kinds decide which AGID criteria run where. Every page of the official model (fixtures/modello-comuni/site,
// 85 files) has its expected kind written down here, decided by reading the page: a step of an online form, the
// message that closes it and the citizen's personal area are not service sheets.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleSiteFacts } from '../../src/facts/site.js';
import { extractPageFacts } from '../../src/facts/page.js';
import { detectPageType } from '../../src/facts/page-type.js';
import { rulesForPageType } from '../../rules/design/index.js';
import { packageRoot } from '../../src/util/paths.js';
import type { PageType } from '../../src/types.js';
import { emptyCrawl, fetchedPage, readFixture } from '../helpers/site.js';

const SITE = 'https://www.comune.esempio.it/';
/** The model is served in a folder, so no page is the home by its address: the home must be found by content. */
const MODEL = `${SITE}modello/`;
const MODEL_DIR = join(packageRoot, 'fixtures', 'modello-comuni', 'site');

const FORM_STEPS = [
  'servizi/consenso-privacy.html',
  'servizi/graduatoria-dati-personali.html',
  'servizi/graduatoria-dati-specifici.html',
  'servizi/graduatoria-perfezionamento.html',
  'servizi/graduatoria-riepilogo.html',
  'servizi/pagamenti-imu-anteprima-F24.html',
  'servizi/pagamenti-imu-dati-personali.html',
  'servizi/pagamenti-imu-preferenze.html',
  'servizi/pagamenti-imu-riepilogo.html',
  'servizi/pagamenti-multa-dati-personali.html',
  'servizi/pagamenti-multa-dati-specifici-fase1.html',
  'servizi/pagamenti-multa-dati-specifici-fase2.html',
  'servizi/pagamenti-multa-dati-specifici-fase3.html',
  'servizi/pagamenti-multa-riepilogo.html',
  'servizi/permessi-dati-personali.html',
  'servizi/permessi-dati-specifici.html',
  'servizi/permessi-pagamento.html', // "Pagamento" with the pagoPA button, no stepper
  'servizi/permessi-riepilogo.html',
  'servizi/servizi-pagamento-dati-personali.html',
  'servizi/servizi-pagamento-dati-specifici.html',
  'servizi/servizi-pagamento-pagamento.html',
  'servizi/servizi-pagamento-riepilogo.html',
  'servizi/vantaggi-dati-personali-var-1.html',
  'servizi/vantaggi-dati-personali.html',
  'servizi/vantaggi-riepilogo.html',
  'sito/appuntamento-02-data-orario.html',
  'sito/appuntamento-03-dettagli.html',
  'sito/appuntamento-04-richiedente-autenticato.html',
  'sito/appuntamento-04-richiedente.html',
  'sito/appuntamento-05-riepilogo.html',
  'sito/assistenza-01-dati.html',
  'sito/segnalazione-01-privacy.html',
  'sito/segnalazione-02-dati.html',
  'sito/segnalazione-03-riepilogo.html',
];

const CONFIRMATIONS = [
  'servizi/graduatoria-conferma.html', // "Richiesta inviata"
  'servizi/pagamenti-imu-conferma.html', // "Documento creato"
  'servizi/pagamenti-multa-conferma.html', // "Pagamento effettuato"
  'servizi/permessi-conferma.html',
  'servizi/servizi-pagamento-conferma.html',
  'servizi/vantaggi-conferma.html',
  'sito/appuntamento-06-conferma.html', // "Appuntamento confermato"
  'sito/assistenza-02-conferma.html',
  'sito/segnalazione-04-conferma.html', // "Segnalazione inviata"
];

const PERSONAL_AREA = [
  'servizi/graduatoria-area-personale.html',
  'servizi/graduatoria-messaggio.html', // a message in the personal area (title "Area personale")
  'servizi/pagamenti-imu-area-personale.html',
  'servizi/pagamenti-multa-area-personale.html',
  'servizi/permessi-area-personale.html',
  'servizi/servizi-pagamento-area-personale.html',
  'servizi/vantaggi-area-personale.html',
  'sito/segnalazione-area-personale.html',
  'sito/template-area-personale-dettaglio-pratica.html',
  'sito/template-area-personale.html',
];

/** The service sheets: service-title and "A chi è rivolto / Descrizione / Come fare…". */
const SERVICE_SHEETS = [
  'servizi/graduatoria-scheda-servizio.html',
  'servizi/pagamenti-imu-scheda-servizio.html',
  'servizi/pagamenti-multa-scheda-servizio.html',
  'servizi/permessi-scheda-servizio.html',
  'servizi/servizi-pagamento-scheda-servizio.html',
  'servizi/vantaggi-scheda-servizio.html',
  'sito/segnalazione-dettaglio.html', // the inefficiency-report service
  'sito/servizio-dettaglio.html',
];

const EXPECTED: Record<string, PageType> = {
  'index.html': 'other', // the model's index of templates
  'sito/index.html': 'other',
  'servizi/index.html': 'other',
  'sito/homepage.html': 'home',
  'sito/amministrazione.html': 'first-level',
  'sito/novita.html': 'first-level',
  // Three layouts of the Novità page ("Home › Novità").
  'sito/lista-categorie.html': 'first-level',
  'sito/lista-risorse-categorie.html': 'first-level',
  'sito/lista-risorse.html': 'first-level',
  'sito/eventi.html': 'first-level', // "Vivere il comune"
  'sito/servizi.html': 'services-index',
  'sito/servizi-categoria.html': 'second-level',
  'sito/documenti-dati.html': 'second-level', // Amministrazione › Documenti e dati
  'sito/argomenti.html': 'topics',
  'sito/argomento.html': 'topic',
  'sito/evento-dettaglio.html': 'event',
  'sito/novita-dettaglio.html': 'news',
  // The booking page is the flow's first step (both layouts); the later steps are form steps.
  'sito/appuntamento-01-ufficio.html': 'booking',
  'sito/appuntamento-01-ufficio-luogo.html': 'booking',
  'servizi/accesso-servizio.html': 'personal-area-login', // "Accedi"
  'sito/domande-frequenti.html': 'other',
  'sito/mappa-sito.html': 'other',
  'sito/risultati-ricerca.html': 'other', // lists services, is not the services page
  'sito/segnalazioni-elenco.html': 'other', // the public list of reports
  ...Object.fromEntries(FORM_STEPS.map((file) => [file, 'form-step'])),
  ...Object.fromEntries(CONFIRMATIONS.map((file) => [file, 'confirmation'])),
  ...Object.fromEntries(PERSONAL_AREA.map((file) => [file, 'personal-area'])),
  ...Object.fromEntries(SERVICE_SHEETS.map((file) => [file, 'service'])),
};

const MODEL_FILES = ['index.html', ...['sito', 'servizi'].flatMap((dir) => readdirSync(join(MODEL_DIR, dir)).map((file) => `${dir}/${file}`))].sort();

function modelSite() {
  const pages = MODEL_FILES.map((file) => fetchedPage({ url: `${MODEL}${file}`, html: readFixture('modello-comuni', 'site', ...file.split('/')) }));
  return assembleSiteFacts({ ...emptyCrawl(SITE), pages }, pages.map(extractPageFacts));
}

const countKinds = (types: PageType[]) => Object.fromEntries([...new Set(types)].sort().map((type) => [type, types.filter((t) => t === type).length]));

describe('the kinds of the 85 model pages', () => {
  const site = modelSite();
  const detected = Object.fromEntries(site.pages.map((page) => [page.url.slice(MODEL.length), page.pageType.type]));

  it('are the kinds written down for each page', () => {
    expect(MODEL_FILES).toHaveLength(85);
    expect(Object.keys(EXPECTED).sort()).toEqual(MODEL_FILES);
    expect(detected).toEqual(EXPECTED);
  });

  it('count 8 service sheets, not 43', () => {
    expect(countKinds(Object.values(detected))).toEqual({
      booking: 2,
      confirmation: 9,
      event: 1,
      'first-level': 6,
      'form-step': 34,
      home: 1,
      news: 1,
      other: 7,
      'personal-area': 10,
      'personal-area-login': 1,
      'second-level': 2,
      service: 8,
      'services-index': 1,
      topic: 1,
      topics: 1,
    });
  });

  it('say why, in both languages, for every page', () => {
    for (const page of site.pages) {
      expect(page.pageType.signals.length, page.url).toBeGreaterThan(0);
      for (const signal of page.pageType.signals) expect(signal.it && signal.en, page.url).toBeTruthy();
    }
    const step = site.pages.find((page) => page.url.endsWith('graduatoria-dati-personali.html'))!;
    expect(step.pageType.signals.map((signal) => signal.en)).toEqual(['the page uses the step component (class="cmp-nav-steps")', 'step 2 of 4']);
    const home = site.pages.find((page) => page.url.endsWith('sito/homepage.html'))!;
    expect(home.pageType.signals.map((signal) => signal.it)).toEqual([
      'nessuna briciola di pane: le briciole partono dalla home',
      'il titolo "Nome del Comune" nomina solo l’ente o la home',
      'il titolo principale "Nome del comune" non nomina altro',
    ]);
  });
});

describe('the home page, recognised wherever it is served', () => {
  const homeHtml = readFixture('modello-comuni', 'site', 'sito', 'homepage.html');
  const typeAt = (url: string, html = homeHtml) => detectPageType(extractPageFacts(fetchedPage({ url, html })), SITE).type;

  it('by its content at /sito/homepage.html, and gets the criteria of a home (more than an `other` page’s)', () => {
    expect(typeAt(`${SITE}sito/homepage.html`)).toBe('home');
    expect(rulesForPageType('home').length).toBeGreaterThan(rulesForPageType('other').length);
  });

  it('by an address naming it, on a page without a breadcrumb', () => {
    expect(typeAt(`${SITE}it/home`, '<header><a href="/">Comune</a></header><h1>In evidenza</h1>')).toBe('home');
    expect(typeAt(`${SITE}it/contatti`, '<header><a href="/">Comune</a></header><h1>In evidenza</h1>')).toBe('other');
  });

  it('not from a title naming the comune alone when the heading names something else', () => {
    const page = '<title>Comune di Valfiorita</title><header><a href="/">Comune</a></header><h1>Mappa del sito</h1>';
    expect(typeAt(`${SITE}mappa`, page)).toBe('other');
    expect(typeAt(`${SITE}benvenuti`, page.replace('Mappa del sito', 'Comune di Valfiorita'))).toBe('home');
  });
});

describe('error pages', () => {
  it('are the pages answering an HTTP error or saying they were not found', () => {
    const typeOf = (html: string, status = 200) => detectPageType(extractPageFacts(fetchedPage({ url: `${SITE}servizi/x`, html, status })), SITE);
    expect(typeOf('<h1 data-element="service-title">Carta</h1>', 404)).toMatchObject({ type: 'error', signals: [{ en: 'the server answers HTTP 404' }] });
    expect(typeOf('<h1>Pagina non trovata</h1>').type).toBe('error');
    expect(typeOf(readFixture('demo-site', '404.html')).type).toBe('error');
    expect(typeOf('<h1>Trovare un medico</h1>').type).not.toBe('error');
  });
});

describe('the kinds of the demo site’s pages', () => {
  const DEMO_DIR = join(packageRoot, 'fixtures', 'demo-site');
  const htmlFiles = (dir: string): string[] =>
    readdirSync(join(DEMO_DIR, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return entry.name.startsWith('_') || entry.name === 'assets' ? [] : htmlFiles(path);
      return entry.name.endsWith('.html') ? [path] : [];
    });
  const files = htmlFiles('').sort();
  const pages = files.map((file) => fetchedPage({ url: `${SITE}${file === 'index.html' ? '' : file}`, html: readFixture('demo-site', ...file.split('/')) }));
  const site = assembleSiteFacts({ ...emptyCrawl(SITE), pages }, pages.map(extractPageFacts));
  const kindOf = (file: string) => site.pages[files.indexOf(file)].pageType.type;

  it('types topics as topics and the second services page as the services page, not second-level pages', () => {
    expect(countKinds(site.pages.map((page) => page.pageType.type))).toEqual({
      accessibility: 1,
      booking: 1,
      error: 1, // 404.html
      event: 1,
      events: 1,
      'first-level': 3,
      home: 1,
      'legal-notes': 1,
      news: 4,
      other: 4, // faq, opendata, segnalazione-disservizio, software-open-source
      'personal-area-login': 1,
      privacy: 1,
      'second-level': 19,
      service: 14,
      'services-index': 2,
      topic: 9,
      topics: 1,
    });
    expect(kindOf('argomenti/gestione-rifiuti.html')).toBe('topic');
    expect(kindOf('servizi-2.html')).toBe('services-index');
    expect(kindOf('area-personale.html')).toBe('personal-area-login');
    expect(kindOf('404.html')).toBe('error');
  });
});
