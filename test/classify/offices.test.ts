// Pages of portals whose <title> is only the site's name (issue 8, docs/classifier.md "Seventh round"): read alone,
// their own heading must stand for the title, found where it stands (before the first prose, or as the breadcrumb's
// last item when the current page is no link), never a sidebar item next to it.
import { describe, expect, it } from 'vitest';
import { bodyHeading, leadHeadingAmong } from '../../src/classify/heading.js';
import { classifierInput, loadClassifier, terms } from '../../src/classify/index.js';
import { termCounts } from '../../src/classify/model.js';
import { scrapedTitle } from '../../src/classify/furniture.js';
import { flattenHtml } from '../../src/classify/flatten.js';
import { extractPageFacts } from '../../src/facts/page.js';
import { localPage } from '../../src/facts/local.js';

const classifier = loadClassifier();

/** The main text of a page with no landmarks, as the parser gives it: header run together, menu, trail, sidebar, content. */
const mainText = (content: readonly string[]): string =>
  [
    'Questo sito utilizza cookie tecnici e di terze parti. Proseguendo nella navigazione accetti il loro uso.',
    'stemma della regioneRegione Piemonte portale dei serviziUtenti con dislessia logo del comuneComune di Borgo Tanaro e dintorni',
    'Home',
    'Amministrazione',
    'Uffici',
    'Notizie',
    'Sei in: Home > Notizie > Lavori di asfaltatura in via Roma e in via Garibaldi per tutta la settimana',
    'Uffici',
    'Segreteria',
    'Polizia municipale',
    ...content,
    'Comune di Borgo Tanaro — Piazza del Municipio 1',
  ].join('\n');

describe('the heading of a parsed page whose <title> says nothing (leadHeadingAmong)', () => {
  it('is the heading before the first prose, past a date, and past prose that follows no heading', () => {
    const text = mainText([
      'Lavori di asfaltatura in via Roma',
      'Pubblicato il 3/4/2025',
      'Da lunedì la via resta chiusa al traffico dalle 8 alle 18 per il rifacimento del manto stradale.',
    ]);
    const lead = leadHeadingAmong(text, ['Uffici', 'Lavori di asfaltatura in via Roma']);
    expect(lead.heading).toBe('Lavori di asfaltatura in via Roma');
    // Where its line starts: the menus, the trail and the sidebar before it are what a page alone drops.
    expect(text.slice(lead.at).startsWith('Lavori di asfaltatura in via Roma\nPubblicato il')).toBe(true);
  });

  it('is no sidebar item: a line that is not one of the headings gives nothing', () => {
    // "Contatti" is a furniture line: stepping back over it lands on the sidebar's last office.
    const text = mainText(['Contatti', 'Centralino, posta elettronica certificata e orari di apertura del municipio.']);
    expect(leadHeadingAmong(text, ['Uffici', 'Contatti'])).toEqual({ heading: '', at: -1 });
    expect(leadHeadingAmong(text, [])).toEqual({ heading: '', at: -1 });
  });

  it('gives a parsed page its title only when the <title> is the site name', () => {
    const menu = ['Home', 'Amministrazione', 'Uffici', 'Notizie', 'Eventi', 'Albo on line', 'Trasparenza', 'Contatti'].map((item) => `<li><a href="#">${item}</a></li>`).join('');
    const content =
      '<div id="path">Sei in: <a href="#">Home</a> &gt; <a href="#">Uffici</a> &gt; Ufficio entrate</div><div id="content"><h1>Ufficio entrate</h1>' +
      '<p>Calcolo e riscossione di IMU e TARI, rimborsi, accertamenti e rateizzazioni dei tributi arretrati.</p><h3>Orari</h3>' +
      '<p>Lunedì e giovedì dalle 9 alle 12, negli altri giorni su appuntamento.</p></div>';
    const page = (title: string): string =>
      `<html><head><title>${title}</title></head><body><div id="top"><a href="#">Comune di Borgo Tanaro</a><ul>${menu}</ul></div>${content}<div id="bottom"><p>Comune di Borgo Tanaro — Piazza del Municipio 1 — Tel. 0173 000 000</p><ul><li>Privacy</li><li>Note legali</li></ul></div></body></html>`;
    const facts = (title: string) => extractPageFacts(localPage('https://www.comune.example.it/uffici/entrate', page(title)));
    const input = classifierInput(facts('Comune di Borgo Tanaro - Sito istituzionale'));
    expect(input.title).toBe('');
    const titleTerms = (title: string): string[] => [...termCounts(classifierInput(facts(title)))[0].keys()];
    expect(titleTerms('Comune di Borgo Tanaro - Sito istituzionale')).toEqual([...terms('Ufficio entrate').keys()]);
    expect(titleTerms(':: Comune di Borgo Tanaro ::')).toEqual([...terms('Ufficio entrate').keys()]);
    // A <title> of its own is kept as it is: the heading does not replace it.
    expect(titleTerms('Tasse e tributi - Comune di Borgo Tanaro')).toEqual([...terms('Tasse e tributi').keys()]);
    expect(classifier.classifyText(input).category).toBe('tributi-finanze-contravvenzioni');
    expect(classifier.classifyPage(facts('Comune di Borgo Tanaro - Sito istituzionale')).category).toBe('tributi-finanze-contravvenzioni');
  });
});

describe("a breadcrumb whose last item is no link (bodyHeading)", () => {
  const page = (trail: readonly string[], heading: string, content: string): string =>
    ['Questo sito utilizza cookie tecnici e, previo consenso, cookie di terze parti. Proseguendo nella navigazione accetti il loro uso.', 'Comune di Borgo Tanaro', 'Provincia di Cuneo', 'Home', 'Amministrazione', 'Uffici', 'Notizie', 'Eventi', 'Contatti', 'Sei in:', ...trail, 'Aree tematiche', 'Ambiente', 'Turismo', 'Uffici', 'Segreteria', 'Polizia locale', heading, content, 'Comune di Borgo Tanaro — Piazza del Municipio 1 — 12060 Borgo Tanaro (CN) — Tel. 0173 000 000', 'Privacy', 'Note legali', 'Accessibilità', 'Mappa del sito'].join('\n');
  const prose = 'Centralino, posta elettronica certificata e orari di apertura del municipio, dal lunedì al sabato.';

  it('reads the item joined to its separator, after one crumb or more', () => {
    expect(bodyHeading(page(['Home', '> Contatti'], 'Contatti', prose))).toBe('Contatti');
    expect(bodyHeading(page(['Home', '>', 'Uffici', '> Ufficio entrate'], 'Ufficio entrate', prose))).toBe('Ufficio entrate');
    expect(bodyHeading(page(['Home', '»', 'Notizie', '» Chiusura del ponte'], 'Chiusura del ponte', prose))).toBe('Chiusura del ponte');
  });

  it('is not a menu run together with bars, nor a "Home" line followed by plain items', () => {
    expect(bodyHeading(page(['Home', '| Amministrazione'], 'Contatti', prose))).toBe('');
    expect(bodyHeading(page(['Home', 'Uffici'], 'Contatti', prose))).toBe('');
  });

  it('leaves a contacts page listing every office, the local police among them, in altro', () => {
    const text = page(['Home', '> Contatti'], 'Contatti', [prose, 'Polizia locale: pronto intervento, infortunistica stradale, tel. 0173 000 010', 'Ufficio anagrafe: tel. 0173 000 011', 'Ufficio tributi: tel. 0173 000 012'].join('\n'));
    expect(classifier.classifyText({ text }).category).toBe('altro');
  });
});

describe('scrapedTitle joined by spaces: a <title> that is only the comune\'s name', () => {
  const body = [
    'stemma della regione Regione Piemonte Accedi ai servizi HOME UFFICI NOTIZIE EVENTI ALBO PRETORIO CONTATTI',
    'CHIUSURA DEL MERCATO SETTIMANALE Il mercato del giovedì si sposta in piazza della Chiesa per i lavori di rifacimento della pavimentazione.',
    'Comune di Borgo Tanaro — Piazza del Municipio 1 — Tel. 0173 000 000 Privacy Note legali Accessibilità Credits',
  ].join(' ');

  it('is no title, as with line breaks', () => {
    expect(scrapedTitle(`Comune di Borgo Tanaro ${body}`)).toBe('');
    expect(scrapedTitle(`Comune di Borgo Tanaro\n${body}`)).toBe('');
  });

  it('but a title that only mentions the comune, repeated by the page, stays', () => {
    const title = 'Nuovo sito del Comune di Borgo Tanaro';
    expect(scrapedTitle(`${title} ${body} ${title} online da oggi.`)).toBe(title);
  });
});

/** An office page of a portal whose <title> is the site's name, named by its place in the organisation, not its subject. */
function officePage(heading: string, content: readonly string[]): string {
  const menu = ['Home', 'Amministrazione', 'Uffici', 'Servizi', 'Notizie', 'Eventi', 'Albo on line', 'Trasparenza', 'Contatti'];
  const sidebar = ['Uffici', 'Segreteria generale', 'Area contabile', 'Settore tecnico', 'Anagrafe', 'Polizia locale'];
  const item = (text: string): string => `<li><a href="#">${text}</a></li>`;
  return `<html><head><title>Comune di Borgo Tanaro - Sito istituzionale</title></head><body>
<div id="banner"><p>Questo sito utilizza cookie tecnici e, previo consenso, cookie di terze parti. Proseguendo nella navigazione accetti l'uso dei cookie.</p></div>
<div id="top"><a href="#">Comune di Borgo Tanaro</a><p>Provincia di Cuneo</p><ul>${menu.map(item).join('')}</ul></div>
<div id="path">Sei in: <a href="#">Home</a> &gt; <a href="#">Uffici</a> &gt; ${heading}</div>
<div id="side"><h3>${sidebar[0]}</h3><ul>${sidebar.slice(1).map(item).join('')}</ul></div>
<div id="content"><h1>${heading}</h1>${content.map((line) => `<p>${line}</p>`).join('')}<p>Valuta questa pagina</p></div>
<div id="bottom"><p>Comune di Borgo Tanaro — Piazza del Municipio 1 — 12060 Borgo Tanaro (CN) — Tel. 0173 000 000</p><ul>${['Privacy', 'Note legali', 'Accessibilità'].map(item).join('')}</ul></div>
</body></html>`;
}

describe('an office named by its place in the organisation is its content\'s subject; a contacts page stays altro', () => {
  const contabile = officePage('Area contabile', [
    "L'ufficio si occupa della riscossione dei tributi comunali: IMU, TARI e canone unico.",
    'Competenze: calcolo degli importi, avvisi di pagamento pagoPA, rimborsi, accertamenti e rateizzazioni dei tributi arretrati.',
    'Responsabile: dott. Carlo Bessone. Orari di ricevimento: lunedì e giovedì 9.00 - 12.00.',
  ]);
  const contatti = officePage('Contatti', [
    'Centralino, posta elettronica certificata e orari di apertura degli uffici del municipio.',
    'Segreteria: tel. 0173 000 001. Anagrafe: tel. 0173 000 002. Tributi: tel. 0173 000 003.',
    'Polizia locale: pronto intervento e infortunistica stradale, tel. 0173 000 004.',
  ]);
  const facts = (html: string) => extractPageFacts(localPage('https://www.comune.example.it/uffici/pagina', html));

  it.each([
    ['the office of the area whose content is tributi', contabile, 'tributi-finanze-contravvenzioni'],
    ['the contacts page listing every office, the local police among them', contatti, 'altro'],
  ])('%s, as HTML and scraped, each page alone', (_, html, category) => {
    expect(classifier.classifyPage(facts(html)).category).toBe(category);
    for (const separator of ['\n', ' '] as const) {
      for (const body of [false, true]) expect(classifier.classifyText({ text: flattenHtml(html, separator, { body }) }).category, JSON.stringify({ separator, body })).toBe(category);
    }
  });
});
