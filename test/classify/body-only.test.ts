// Text scraped from the body alone (issue 8): no <title> first — `document.body.innerText`, a scraper that drops the
// <head> — with the cookie banner, skip links, the whole menu, the breadcrumb, the heading, the content, the footer
// listing all 15 categories and the rating widget, each page given alone (no batch to learn its site's furniture).
// Before the breadcrumb's heading was read (src/classify/heading.ts), such pages went to `altro` (58–87% of the demo
// site's subject pages, docs/classifier.md).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadClassifier } from '../../src/classify/index.js';
import { runClassify } from '../../src/cli/classify.js';
import { flattenHtml } from '../../src/classify/flatten.js';
import { bodyHeading, contentAroundHeading, headingBeforeLead, leadInWords, trailEndInWords } from '../../src/classify/heading.js';
import { CATEGORIES } from '../../src/classify/categories.js';
import { foldAccents } from '../../src/classify/text.js';
import { packageRoot } from '../../src/util/paths.js';
import { readFixture } from '../helpers/site.js';

const classifier = loadClassifier();
const ALL_CATEGORIES = CATEGORIES.filter((category) => category.id !== 'altro').map((category) => category.label);

describe('flattenHtml without the <head>', () => {
  it('drops the <title> and keeps the body', () => {
    const html = '<html><head><title>Ambiente - Comune di X</title><style>p{}</style></head><body><p>Home</p><h1>Ambiente</h1></body></html>';
    expect(flattenHtml(html, '\n', { body: true })).toBe('Home\nAmbiente');
    expect(flattenHtml(html, '\n')).toBe('Ambiente - Comune di X\nHome\nAmbiente');
  });
});

/** The demo site's category listing pages (8 of the 15), found by the category's name: "Mobilità e trasporti" → mobilita-e-trasporti.html. */
const LISTING_PAGES = CATEGORIES.flatMap((category) => {
  const file = foldAccents(category.label.toLowerCase()).replace(/[^a-z]+/g, '-');
  return existsSync(join(packageRoot, 'fixtures', 'demo-site', 'servizi', 'categorie', `${file}.html`)) ? [[file, category.id] as const] : [];
});

describe('category listing pages of the demo site, scraped from the body alone, each page alone', () => {
  it('are the eight of the fixture', () => expect(LISTING_PAGES).toHaveLength(8));

  it.each(LISTING_PAGES)('servizi/categorie/%s.html is %s, joined by newlines or by spaces', (file, category) => {
    const html = readFixture('demo-site', 'servizi', 'categorie', `${file}.html`);
    for (const separator of ['\n', ' '] as const) {
      const text = flattenHtml(html, separator, { body: true });
      // No title first, and the other categories are in its menus and footer.
      expect(text.startsWith('Vai ai contenuti')).toBe(true);
      expect(ALL_CATEGORIES.filter((label) => text.includes(label)).length).toBeGreaterThan(3);
      expect(classifier.classifyText({ text }).category, JSON.stringify(separator)).toBe(category);
    }
  });
});

/** A body-only scraped page of an invented comune: banner, skip links, `menu`, breadcrumb, heading, content, footer, widget. */
function bodyPage(menu: readonly string[], crumbs: readonly string[], heading: string, content: readonly string[], separator: string): string {
  return [
    'Questo sito utilizza cookie tecnici e, previo consenso, cookie di terze parti. Accetta Rifiuta',
    'Vai al contenuto',
    'Comune di Castelbruno',
    ...menu,
    'Cerca',
    ...crumbs,
    heading,
    ...content,
    'Quanto sono chiare le informazioni su questa pagina?',
    'Valuta da 1 a 5 stelle la pagina',
    'Comune di Castelbruno — Piazza Municipio 1 — PEC protocollo@pec.comune.castelbruno.it',
    'Servizi',
    ...ALL_CATEGORIES,
    'Amministrazione trasparente',
    'Albo pretorio',
    'Informativa privacy',
    'Note legali',
    'Dichiarazione di accessibilità',
  ].join(separator);
}

const MENU_A = ['Home', 'Amministrazione', 'Novità', 'Servizi', 'Vivere il comune', ...ALL_CATEGORIES];
const MENU_B = ['HOME', 'IL COMUNE', 'UFFICI E SERVIZI', 'ALBO PRETORIO', 'AMMINISTRAZIONE TRASPARENTE', 'NEWS', 'MODULISTICA', 'CONTATTI', 'Area riservata'];
const CONTENT = [
  'Il calendario della raccolta differenziata porta a porta: umido, carta, plastica e vetro nei giorni indicati per ogni zona.',
  'I rifiuti ingombranti si conferiscono alla piattaforma ecologica di via dei Mulini, aperta il sabato mattina.',
];

describe('the heading after the breadcrumb of body-only text (bodyHeading)', () => {
  it('reads the last crumb that the heading repeats, with or without line breaks', () => {
    for (const separator of ['\n', ' ']) {
      const text = bodyPage(MENU_A, ['Home', '/', 'Servizi', '/', 'Ambiente', '/', 'Raccolta differenziata'], 'Raccolta differenziata', CONTENT, separator);
      expect(bodyHeading(text), JSON.stringify(separator)).toBe('Raccolta differenziata');
    }
  });

  it('does not take a word repeated across two menu items ("Uffici e servizi", "Servizi on line") for it', () => {
    const menu = ['Home', 'Il Comune', 'Uffici e servizi', 'Servizi on line', 'Territorio', 'Ti trovi in:'];
    const text = bodyPage(menu, ['Home', '>', 'Uffici e servizi', '>', 'Ritiro ingombranti a domicilio'], 'Ritiro ingombranti a domicilio', CONTENT, ' ');
    expect(bodyHeading(text)).toBe('Ritiro ingombranti a domicilio');
  });

  it('with line breaks, takes the last item of a trail written with separators when no heading repeats it', () => {
    const text = bodyPage(MENU_A, ['Home', '/', 'Servizi', '/', 'Pagamento IMU'], 'Documento creato', CONTENT, '\n');
    expect(bodyHeading(text)).toBe('Pagamento IMU');
  });

  it('joined by spaces, takes the first words of the last item of a trail when no heading repeats it (a service-flow step)', () => {
    const step = ['Documento creato', 'Il documento F24 per il calcolo IMU è stato generato.', ...CONTENT];
    const text = bodyPage(MENU_A, ['Home', '/', 'Servizi', '/', 'Tributi, finanze e contravvenzioni', '/', 'Pagamento IMU'], step[0], step.slice(1), ' ');
    expect(bodyHeading(text)).toBe('Pagamento IMU Documento creato Il documento');
    // A repeated heading after another "Home" wins over a trail's end.
    const repeated = `Home / Servizi / Pagamento IMU Documento creato. ${bodyPage(MENU_A, ['Home', '/', 'Servizi', '/', 'Ambiente'], 'Ambiente', CONTENT, ' ')}`;
    expect(bodyHeading(repeated)).toBe('Ambiente');
  });

  it('takes no trail end from a "Home" with one separator, a separator far from it, or items too far apart', () => {
    expect(trailEndInWords('Home / Servizi / Pagamento IMU, documento'.split(' '))).toBe('Pagamento IMU');
    expect(trailEndInWords('Home / Contatti Il municipio è aperto dal lunedì al venerdì'.split(' '))).toBe('');
    expect(trailEndInWords('Home Chi siamo / Dove siamo / Orari del municipio'.split(' '))).toBe('');
    expect(trailEndInWords('Home / Amministrazione trasparente e albo pretorio del comune di Castelbruno / Note legali / Privacy'.split(' '))).toBe('');
    expect(trailEndInWords('Home / Servizi / 12 / 2024'.split(' '))).toBe('');
  });

  it('finds nothing without a breadcrumb, or in a short text', () => {
    const text = bodyPage(MENU_B.slice(1), [], 'TASSA RIFIUTI (TARI)', [...CONTENT, 'Calendario eventi', 'L M M G V S D'], '\n');
    expect(bodyHeading(text)).toBe('');
    expect(bodyHeading('Home / Ambiente Ambiente')).toBe('');
  });
});

describe('the heading of body-only text with no breadcrumb (headingBeforeLead)', () => {
  const page = (heading: readonly string[], content: readonly string[] = CONTENT, separator = '\n'): string => bodyPage(MENU_B, [], heading[0], [...heading.slice(1), ...content], separator);

  it('is the line before the first prose, past a subtitle or a date and reading time', () => {
    expect(headingBeforeLead(page(['TASSA RIFIUTI (TARI)']))).toBe('TASSA RIFIUTI (TARI)');
    expect(headingBeforeLead(page(['RACCOLTA DIFFERENZIATA', 'Calendario e regole.']))).toBe('RACCOLTA DIFFERENZIATA');
    expect(headingBeforeLead(page(['NUOVI ORARI DEL CENTRO DI RACCOLTA', 'Data: 14 marzo 2025 · Tempo di lettura: 2 min']))).toBe('NUOVI ORARI DEL CENTRO DI RACCOLTA');
  });

  it('is not the cookie banner, the site name, a menu item naming a category, nor anything when the page has no prose', () => {
    // The banner is the first long line: it is not prose, and the line before it is nothing.
    const banner = ['Questo sito utilizza cookie tecnici e di terze parti per migliorare la tua esperienza di navigazione.', 'Comune di Castelbruno', ...MENU_A, 'Ambiente'];
    expect(headingBeforeLead([...banner, 'Informativa privacy', 'Note legali', 'Dichiarazione di accessibilità', 'Mappa del sito', 'Cookie policy', 'Credits', 'Seguici su Facebook'].join('\n'))).toBe('');
    // A menu ending with a category, then the site name before the prose: not a heading.
    const named = [...MENU_A, 'COMUNE DI CASTELBRUNO', ...CONTENT, 'Informativa privacy', 'Note legali'].join('\n');
    expect(headingBeforeLead(named)).toBe('');
    // Headings and teasers of a list only (capitalised lines, no sentence of prose).
    expect(headingBeforeLead(page(['NEWS'], ['Ultime notizie', 'Albo pretorio', 'Orari uffici', 'Modulistica', 'Link utili']))).toBe('');
  });

  it('is not the title of the first card of a listing (a date before it), nor a teaser cut short', () => {
    const listing = ['Le mie pratiche', '15/03/2022', 'Iscrizione alla scuola dell’infanzia', 'Graduatoria 2022/23', 'La graduatoria per l’iscrizione alla scuola dell’infanzia è stata pubblicata: consulta la graduatoria online.'];
    expect(headingBeforeLead(page(listing, []))).toBe('');
    expect(headingBeforeLead(page(['Le mie pratiche', 'Richiesta servizio mensa scolastica', 'La richiesta AN4059281 è stata approvata e la mensa partirà...'], []))).toBe('');
  });

  it('finds nothing in text joined by spaces, or in a short text', () => {
    expect(headingBeforeLead(page(['TASSA RIFIUTI (TARI)'], CONTENT, ' '))).toBe('');
    expect(headingBeforeLead('TASSA RIFIUTI\nLa tassa sui rifiuti si paga in due rate, a maggio e a novembre.')).toBe('');
  });
});

describe('a single page without its header and footer (contentAroundHeading)', () => {
  const crumbs = ['Home', '/', 'Servizi', '/', 'Raccolta differenziata'];

  it('keeps from the breadcrumb before the heading to the first header line that comes back (the site name in the footer)', () => {
    const text = bodyPage(MENU_A, crumbs, 'Raccolta differenziata', CONTENT, '\n');
    const content = contentAroundHeading(text, 'Raccolta differenziata');
    expect(content.split('\n')[0]).toBe('Home');
    expect(content).toContain(CONTENT[1]);
    expect(content).not.toContain('Vivere il comune');
    expect(content).not.toContain('Note legali');
    // The feedback widget before the footer stays (furniture, dropped later line by line); the footer's list goes.
    expect(content).toContain('Valuta da 1 a 5 stelle la pagina');
    expect(content).not.toContain('Agricoltura e pesca');
  });

  it('is the text itself with no "Home" line before the heading, or for a heading that is only a menu item', () => {
    const noCrumbs = bodyPage(MENU_B.slice(1), [], 'TASSA RIFIUTI (TARI)', CONTENT, '\n');
    expect(contentAroundHeading(noCrumbs, 'TASSA RIFIUTI (TARI)')).toBe(noCrumbs);
    // A heading the page does not show after a "Home" line (a title read from elsewhere) cuts nothing.
    const other = bodyPage(MENU_A, crumbs, 'Raccolta differenziata', CONTENT, '\n');
    expect(contentAroundHeading(other, 'Pagamento IMU')).toBe(other);
  });

  it('does not end at a one-word header line that comes back in the text ("Servizi")', () => {
    const text = bodyPage(MENU_A, crumbs, 'Raccolta differenziata', ['Servizi', ...CONTENT], '\n');
    expect(contentAroundHeading(text, 'Raccolta differenziata')).toContain(CONTENT[1]);
  });
});

describe('a single page joined by spaces without its header and footer (contentAroundHeading)', () => {
  const crumbs = ['Home', '/', 'Servizi', '/', 'Raccolta differenziata'];

  it('keeps from the breadcrumb’s "Home" to the first run of three header words that comes back (the site name in the footer)', () => {
    const content = contentAroundHeading(bodyPage(MENU_A, crumbs, 'Raccolta differenziata', CONTENT, ' '), 'Raccolta differenziata');
    expect(content.startsWith('Home / Servizi / Raccolta differenziata')).toBe(true);
    expect(content).toContain(CONTENT[1]);
    expect(content).not.toContain('Vivere il comune');
    expect(content).not.toContain('Agricoltura e pesca');
    expect(content).not.toContain('Note legali');
  });

  it('ends at the site name even when the heading holds it, and not at a repeat of the heading (a `<title>` first)', () => {
    const heading = 'Castelbruno in fiore';
    const text = `${heading} - Comune di Castelbruno ${bodyPage(MENU_A, ['Home', '/', 'Argomenti', '/', heading], heading, [`${heading}: le iniziative della primavera nei giardini e nelle piazze del paese.`, ...CONTENT], ' ')}`;
    const content = contentAroundHeading(text, heading);
    expect(content).toContain(CONTENT[1]);
    expect(content).not.toContain('Note legali');
  });

  it('with no breadcrumb, keeps the few words before the first sentence of prose (the heading) and drops the menu and footer', () => {
    const text = bodyPage(MENU_B, [], 'TASSA RIFIUTI (TARI)', CONTENT, ' ');
    const content = contentAroundHeading(text, '');
    expect(content).toContain('TASSA RIFIUTI (TARI) Il calendario');
    expect(content).toContain(CONTENT[1]);
    expect(content).not.toContain('IL COMUNE');
    expect(content).not.toContain('Note legali');
  });

  it('keeps a page whose heading is also a menu item ("UFFICI E SERVIZI") and whose text repeats it', () => {
    const content = [`Gli uffici e servizi del comune sono aperti al pubblico dal lunedì al venerdì, dalle 9 alle 12.`, ...CONTENT];
    const text = bodyPage(MENU_B, ['Home', '>', 'UFFICI E SERVIZI'], 'UFFICI E SERVIZI', content, ' ');
    expect(contentAroundHeading(text, 'UFFICI E SERVIZI')).toContain(CONTENT[1]);
  });

  it('is the text itself with no prose at all, or with a breadcrumb whose heading was not found (a form step)', () => {
    const list = bodyPage(MENU_B, [], 'MODULISTICA', ['Modulo residenza', 'Modulo TARI', 'Richiesta accesso atti'], ' ');
    expect(contentAroundHeading(list, '')).toBe(list);
    const step = bodyPage(MENU_A, ['Home', '/', 'Area personale'], 'Le mie pratiche', CONTENT, ' ');
    expect(contentAroundHeading(step, '')).toBe(step);
  });
});

describe('the first sentence of prose in words joined by spaces (leadInWords)', () => {
  it('is not the cookie banner, even one naming a subject, nor a teaser cut short', () => {
    const words = ['Questo sito usa cookie tecnici anche per il pagamento della tassa sui rifiuti.', 'HOME NEWS', 'La raccolta differenziata si fa...', 'TARI', CONTENT[0]].join(' ').split(' ');
    // The lone capitalised word before it ("TARI") is not a menu run: it stays with the sentence.
    expect(words.slice(leadInWords(words)).join(' ')).toBe(`TARI ${CONTENT[0]}`);
  });

  it('starts after the capitalised menu and heading run into it, and is -1 with no sentence at all', () => {
    const words = `HOME IL COMUNE NEWS CONTATTI TASSA RIFIUTI La tassa è dovuta da chiunque possieda locali o aree scoperte.`.split(' ');
    expect(words[leadInWords(words)]).toBe('tassa');
    expect(leadInWords('HOME IL COMUNE NEWS CONTATTI Modulo residenza Modulo TARI.'.split(' '))).toBe(-1);
  });
});

describe('a body-only page alone', () => {
  it('of a template with no breadcrumb, joined by spaces, comes out as its subject; its privacy page stays altro', () => {
    const sidebar = ['UFFICI E SERVIZI', 'Anagrafe', 'Segreteria', 'Ragioneria', 'Tributi', 'Ufficio tecnico', 'Polizia locale', 'Servizi sociali', 'Biblioteca'];
    const text = bodyPage(MENU_B, [], 'RACCOLTA DIFFERENZIATA', ['Calendario e regole.', ...CONTENT, ...sidebar], ' ');
    expect(bodyHeading(text)).toBe('');
    expect(classifier.classifyText({ text }).category).toBe('ambiente');
    const privacy = bodyPage(MENU_B, [], 'INFORMATIVA PRIVACY', ['Il titolare del trattamento dei dati è il Comune, che risponde alle richieste degli interessati.', ...sidebar], ' ');
    expect(classifier.classifyText({ text: privacy }).category).toBe('altro');
  });

  it('with line breaks, is read without its header and footer: a short event page is not outvoted by the chrome', () => {
    const event = ['Sabato in piazza il concerto della banda musicale e la mostra dei pittori locali.', 'Ingresso libero.'];
    const text = bodyPage(MENU_A, ['Home', '/', 'Vivere il comune', '/', 'Eventi', '/', 'Festa di primavera'], 'Festa di primavera', event, '\n');
    expect(classifier.classifyText({ text }).category).toBe('cultura-tempo-libero');
  });


  it('of a template with no breadcrumb, with line breaks, comes out as its subject from its heading', () => {
    const content = ['Presso l’ufficio si rilasciano certificati di residenza, stato di famiglia e cittadinanza.', 'I certificati sono in bollo salvo i casi di esenzione.'];
    const text = bodyPage(MENU_B.slice(1), [], 'UFFICIO ANAGRAFE - CERTIFICATI', content, '\n');
    expect(bodyHeading(text)).toBe('');
    expect(classifier.classifyText({ text }).category).toBe('anagrafe-stato-civile');
  });


  it('comes out as its subject, whatever the menu and the joining (the menu alone does not flip it)', () => {
    for (const menu of [MENU_A, MENU_B]) {
      for (const separator of ['\n', ' ']) {
        const text = bodyPage(menu, ['Home', '/', 'Servizi', '/', 'Ambiente', '/', 'Raccolta differenziata'], 'Raccolta differenziata', CONTENT, separator);
        expect(classifier.classifyText({ text }).category, `${menu[0]} ${JSON.stringify(separator)}`).toBe('ambiente');
      }
    }
  });

  it('a service-flow step joined by spaces, whose heading does not repeat its trail, comes out as its service', () => {
    const step = ['Richiesta inviata', 'Grazie, abbiamo ricevuto la tua richiesta.', 'Abbiamo inviato il riepilogo alla tua email.'];
    const text = bodyPage(MENU_A, ['Home', '/', 'Servizi', '/', 'Educazione e formazione', '/', 'Iscrizione alla scuola dell’infanzia'], step[0], step.slice(1), ' ');
    expect(classifier.classifyText({ text }).category).toBe('educazione-formazione');
  });

  it('given to `classify` as the only record of a JSONL file, is read alone too (header and footer left out)', async () => {
    const event = ['Sabato in piazza il concerto della banda musicale e la mostra dei pittori locali.', 'Ingresso libero.'];
    const text = bodyPage(MENU_A, ['Home', '/', 'Vivere il comune', '/', 'Eventi', '/', 'Festa di primavera'], 'Festa di primavera', event, '\n');
    const file = join(mkdtempSync(join(tmpdir(), 'body-only-')), 'page.jsonl');
    writeFileSync(file, `${JSON.stringify({ text })}\n`);
    const quiet = { write: () => true };
    const { text: out } = await runClassify([file], {}, { stdout: quiet, stderr: quiet });
    const row = JSON.parse(out.trim());
    expect(row.category).toBe('cultura-tempo-libero');
    expect(row.confidence).toBe(classifier.classifyText({ text }).confidence);
  });

  it('a privacy page in the same chrome stays altro', () => {
    const privacy = [
      'Il titolare del trattamento è il Comune; il responsabile della protezione dei dati risponde alle richieste degli interessati.',
      'I dati di navigazione sono conservati per il tempo necessario alla sicurezza del sito e non sono ceduti a terzi.',
    ];
    for (const menu of [MENU_A, MENU_B]) {
      for (const separator of ['\n', ' ']) {
        const text = bodyPage(menu, ['Home', '/', 'Informativa privacy'], 'Informativa privacy', privacy, separator);
        expect(classifier.classifyText({ text }).category, `${menu[0]} ${JSON.stringify(separator)}`).toBe('altro');
      }
    }
  });
});
