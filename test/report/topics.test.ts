import { describe, expect, it } from 'vitest';
import { renderPagesCsv } from '../../src/report/csv.js';
import { renderHtml } from '../../src/report/html.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { topicsSummary } from '../../src/report/topics.js';
import type { Report } from '../../src/types.js';
import { topicsReport } from './categorised.js';
import { SITE, makePage, makeSite, sampleReport } from './sample.js';

const terminal = (report: Report, lang: 'it' | 'en' = 'it') => renderTerminal(report, { lang, color: false, width: 100 });
/** The terminal's topics section: from its heading to the next section. */
const section = (text: string, heading: string) => text.slice(text.indexOf(heading), text.indexOf('\n\n', text.indexOf(heading)));

describe('topics summary', () => {
  it('counts pages per topic, found and declared, and lists the pages whose chips the text does not bear out', () => {
    const summary = topicsSummary(topicsReport(), 'it')!;
    expect(summary.rows.map((row) => [row.id, row.pages, row.declaredPages])).toEqual([
      ['gestione-rifiuti', 2, 1],
      ['assistenza-agli-invalidi', 1, 0],
      ['parcheggi', 1, 0],
      ['tassa-sui-servizi', 1, 0],
      ['imposte', 0, 1],
      ['imprese', 0, 1],
      ['ztl', 0, 1],
    ]);
    expect(summary).toMatchObject({ classified: 6, tagged: 3, declaring: 3, outsideVocabulary: ['Abitazione'] });
    // TARI declares "Gestione rifiuti", which its text gives too: no disagreement there.
    expect(summary.disagreements.map((d) => [d.page.url, d.declared.map((t) => t.id)])).toEqual([
      [`${SITE}servizi/bandi`, ['imprese']],
      [`${SITE}servizi/contrassegno`, ['ztl']],
    ]);
  });

  it('is absent when no page has a topic (no topic model ran) and in a single-page audit', () => {
    expect(topicsSummary(sampleReport(), 'it')).toBeNull();
    const one = makePage(SITE, 0, { classification: { category: 'altro', confidence: 0.9, alternatives: [], declaredCategory: null, topics: [{ id: 'anagrafe', label: 'Anagrafe', score: 0.9 }] } });
    expect(topicsSummary(sampleReport({ site: makeSite([one], { singlePage: true }) }), 'it')).toBeNull();
  });
});

describe('topics in the terminal report', () => {
  it('says how many topics and pages, which pages declare theirs, the pages per topic and the disagreements, in Italian', () => {
    const text = section(terminal(topicsReport()), 'Gli argomenti delle pagine (Modello Comuni)');
    expect(text.split('\n')).toEqual([
      'Gli argomenti delle pagine (Modello Comuni)',
      '  4 argomenti dei 64 del Modello Comuni riconosciuti nel testo di 3 pagine su 6.',
      '  3 pagine dichiarano i propri argomenti con le etichette «Argomenti» del modello. Etichette fuori',
      '  dal vocabolario dei 64: Abitazione.',
      '                            Pagine (testo)  Pagine (etichetta)',
      '  Gestione rifiuti                       2                   1',
      '  Assistenza agli invalidi               1                   0',
      '  Parcheggi                              1                   0',
      '  Tassa sui servizi                      1                   0',
      '  Imposte                                0                   1',
      '  Imprese                                0                   1',
      '  ZTL                                    0                   1',
      '  2 pagine dichiarano argomenti che il classificatore non riconosce nel loro testo (da rivedere: le',
      '  etichette o il testo):',
      `    ${SITE}servizi/bandi`,
      '      dichiarati: Imprese · dal testo: nessuno',
      `    ${SITE}servizi/contrassegno`,
      '      dichiarati: ZTL · dal testo: Assistenza agli invalidi 1,00 · Parcheggi 0,97',
    ]);
  });

  it('is in English with lang "en", the 64 topics by their English names, decimal point', () => {
    const text = section(terminal(topicsReport(), 'en'), 'The pages’ topics (Modello Comuni)');
    expect(text).toContain('4 topics of the Modello Comuni\'s 64 found in the text of 3 of 6 pages.');
    expect(text).toMatch(/^ {2}Waste management +2 +1$/m);
    expect(text).toMatch(/^ {2}Tax on services +1 +0$/m);
    expect(text.replace(/\n +/g, ' ')).toContain('declared: Limited traffic zones (ZTL) · from the text: Assistance to people with disabilities 1.00 · Parking 0.97');
    // A chip label outside the 64 is quoted as the page writes it.
    expect(text).toContain('Abitazione');
    expect(text).not.toMatch(/argomenti|dichiarati|Gestione rifiuti|Parcheggi/);
  });

  it('lists the first ten topics and says how many more are in the HTML report', () => {
    const ids = Array.from({ length: 13 }, (_, i) => `argomento-${String(i + 1).padStart(2, '0')}`);
    const pages = ids.map((id, i) =>
      makePage(`${SITE}p${i}`, 1, { classification: { category: 'ambiente', confidence: 0.9, alternatives: [], declaredCategory: null, topics: [{ id, label: id, score: 0.5 }] } }),
    );
    const text = section(terminal(sampleReport({ site: makeSite(pages) })), 'Gli argomenti');
    expect(text).toContain('  argomento-10 ');
    expect(text).not.toContain('argomento-11');
    expect(text).toContain('… e altri 3 argomenti nel report HTML (-o report.html).');
  });

  it('has no topics section when no page has a topic', () => {
    expect(terminal(sampleReport())).not.toContain('argomenti delle pagine');
  });

  it('prints a single page\'s topics, found and declared, beside its kind', () => {
    const one = makePage(SITE, 0, {
      classification: { category: 'anagrafe-stato-civile', confidence: 0.9, alternatives: [], declaredCategory: null, topics: [{ id: 'anagrafe', label: 'Anagrafe', score: 0.996 }], declaredTopics: [{ id: 'anagrafe', label: 'Anagrafe' }] },
    });
    const text = terminal(sampleReport({ site: makeSite([one], { singlePage: true }) }));
    expect(text.split('\n').find((line) => line.startsWith('Argomenti'))).toMatch(/^Argomenti +Anagrafe 1,00 \(dichiarati dalla pagina: Anagrafe\)$/);
  });

  it('is deterministic', () => {
    expect(terminal(topicsReport())).toBe(terminal(topicsReport()));
  });
});

describe('topics in the HTML report', () => {
  const html = renderHtml(topicsReport(), { lang: 'it' });

  it('has a topics section with every topic, its pages from the text and declaring it, and the disagreements', () => {
    const topics = html.match(/<section aria-labelledby="topics">.*?<\/section>/s)?.[0] ?? '';
    expect(topics).toContain('<h2 id="topics">Gli argomenti delle pagine (Modello Comuni)</h2>');
    expect(topics).toContain('<p>4 argomenti dei 64 del Modello Comuni riconosciuti nel testo di 3 pagine su 6.</p>');
    expect(topics.match(/<tr><th scope="row">[^<]+<\/th><td class="num">\d+<\/td><td class="num">\d+<\/td><\/tr>/g)).toEqual([
      '<tr><th scope="row">Gestione rifiuti</th><td class="num">2</td><td class="num">1</td></tr>',
      '<tr><th scope="row">Assistenza agli invalidi</th><td class="num">1</td><td class="num">0</td></tr>',
      '<tr><th scope="row">Parcheggi</th><td class="num">1</td><td class="num">0</td></tr>',
      '<tr><th scope="row">Tassa sui servizi</th><td class="num">1</td><td class="num">0</td></tr>',
      '<tr><th scope="row">Imposte</th><td class="num">0</td><td class="num">1</td></tr>',
      '<tr><th scope="row">Imprese</th><td class="num">0</td><td class="num">1</td></tr>',
      '<tr><th scope="row">ZTL</th><td class="num">0</td><td class="num">1</td></tr>',
    ]);
    expect(topics).toContain(`<tr><td><a href="${SITE}servizi/contrassegno">${SITE}servizi/contrassegno</a></td><td>ZTL</td><td>Assistenza agli invalidi 1,00 · Parcheggi 0,97</td></tr>`);
    expect(topics).toContain(`<tr><td><a href="${SITE}servizi/bandi">${SITE}servizi/bandi</a></td><td>Imprese</td><td>nessuno</td></tr>`);
  });

  it('gives each page its topics in the pages table, the declared ones after them', () => {
    expect(html).toContain('<td>Tributi, finanze e contravvenzioni</td><td>Tassa sui servizi 0,98 · Gestione rifiuti 0,91 (dichiarati dalla pagina: Imposte, Gestione rifiuti)</td>');
    expect(html).toContain('<td>Ambiente</td><td>Gestione rifiuti 0,88</td>');
    expect(html).toContain('<th scope="col">Argomenti</th>');
  });

  it('is in English with lang "en", and has no topics section without topics', () => {
    const en = renderHtml(topicsReport(), { lang: 'en' });
    expect(en).toContain('<h2 id="topics">The pages’ topics (Modello Comuni)</h2>');
    expect(en).toContain('<td>Tax on services 0.98 · Waste management 0.91 (declared by the page: Taxes, Waste management)</td>');
    expect(en).toContain('<tr><th scope="row">Waste management</th><td class="num">2</td><td class="num">1</td></tr>');
    expect(en).not.toMatch(/Gestione rifiuti|Tassa sui servizi/);
    expect(renderHtml(sampleReport(), { lang: 'it' })).not.toContain('id="topics"');
  });

  it('escapes chip labels a site wrote', () => {
    const report = topicsReport();
    const hostile = { ...report, pages: report.pages.map((page) => (page.declaredTopics ? { ...page, declaredTopics: [{ id: null, label: '<b>x</b>' }] } : page)) };
    const out = renderHtml(hostile, { lang: 'it' });
    expect(out).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(out).not.toContain('<b>x</b>');
  });
});

describe('topics in the pages CSV', () => {
  it('writes the topics as "id:score|…" and the declared labels, as classify --csv does', () => {
    const rows = renderPagesCsv(topicsReport(), { bom: false, lang: 'en' }).split('\r\n');
    const header = rows[0].split(',');
    const tari = rows.find((row) => row.startsWith(`${SITE}servizi/tari,`))!.split(',');
    expect(tari[header.indexOf('topics')]).toBe('tassa-sui-servizi:0.98|gestione-rifiuti:0.91');
    expect(tari[header.indexOf('declared_topics')]).toBe('Imposte|Gestione rifiuti');
    expect(renderPagesCsv(topicsReport(), { bom: false, lang: 'it' }).split('\r\n')[0]).toContain('Argomenti (id:punteggio)');
  });
});
