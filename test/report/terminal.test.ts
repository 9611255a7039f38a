import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../../src/report/terminal.js';
import type { CategoryId } from '../../src/types.js';
import { makeCheck } from '../score/make-check.js';
import { LIMITS, SITE, makePage, makeSite, sampleReport } from './sample.js';

const ANSI = /\u001b\[[0-9;]*m/g;
const plainIt = (report = sampleReport(), extra = {}) => renderTerminal(report, { lang: 'it', color: false, ...extra });
const lineWith = (text: string, needle: string) => text.split('\n').find((line) => line.includes(needle)) ?? '';

describe('terminal report, Italian', () => {
  const text = plainIt();

  it('shows site, pages, index and level with Italian labels and decimal comma', () => {
    expect(lineWith(text, 'Sito')).toContain(SITE);
    expect(lineWith(text, 'Pagine')).toContain('4 analizzate (1 non riuscita)');
    expect(lineWith(text, 'Limiti')).toContain('nessun limite raggiunto');
    expect(lineWith(text, 'Indice di maturità')).toContain('63,3 / 100');
    expect(text.replace(/\s+/g, ' ')).toContain('Livello 3 di 5 · Intermedio — limitato perché un obbligo di legge non è rispettato (Privacy (GDPR)); il solo indice darebbe 4 di 5 · Avanzato');
  });

  it('lists the ten points in order with symbols and scores, then the governance rows', () => {
    const rows = text.split('\n').filter((line) => /^ {2}[✔◐✘?!] {2}[ \d]\d {2}/.test(line));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatch(/✔ {3}1 {2}Anagrafe nazionale \(ANPR\) +100$/);
    expect(rows[1]).toMatch(/◐ {3}2 {2}Pagamenti con pagoPA +50$/);
    expect(rows[2]).toMatch(/✘ {3}3 {2}Accesso con SPID +0$/);
    expect(rows[5]).toMatch(/\? {3}6 {2}Infrastrutture e cloud +n\.d\.$/);
    expect(rows[7]).toMatch(/◐ {3}8 {2}Linee guida di design \(Modello Comuni\) +70$/);
    expect(rows[9]).toMatch(/✔ {2}10 {2}Dati aperti e trasparenza +100$/);
    const governance = text.slice(text.indexOf('Governance (fuori dall’indice)'));
    expect(lineWith(governance, 'Sicurezza (HTTPS)')).toMatch(/^ {2}✔ .* 100$/);
    expect(lineWith(governance, 'Privacy (GDPR)')).toMatch(/^ {2}✘ .* 0$/);
    expect(text.indexOf('Dati aperti e trasparenza')).toBeLessThan(text.indexOf('Governance'));
  });

  it('groups the design criteria as the official checklist does, in its order', () => {
    const criteria = text.slice(text.indexOf('Criteri di conformità AGID'), text.indexOf('Problemi principali'));
    const groups = ['Cittadino informato', 'Funzionalità', 'Normativa', 'Prestazioni', 'Sicurezza', 'Raccomandazioni'];
    const positions = groups.map((group) => criteria.indexOf(`  ${group}\n`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const cittadino = criteria.slice(positions[0], positions[1]);
    expect(cittadino).toContain('✘  C.SI.1.2  Bootstrap Italia assente o anteriore alla 2.0');
    expect(cittadino).toContain('✔  C.SI.1.6');
    expect(criteria.slice(positions[5])).toContain('!  R.SI.1.1');
    expect(criteria).toContain('◐  C.SI.2.3  Domande frequenti (FAQ)\n');
  });

  it('lists failed checks before partial ones, heavier first, with message and first evidence', () => {
    const findings = text.slice(text.indexOf('Problemi principali'));
    const order = [...findings.matchAll(/^ {2}(\d+)\. +([✘◐]) (.*)$/gm)].map((m) => `${m[2]} ${m[3]}`);
    expect(order).toEqual([
      '✘ Nessun accesso con SPID trovato', // weight 2
      '✘ Bootstrap Italia assente o anteriore alla 2.0',
      '✘ Titolo io',
      '✘ Titolo privacy',
      '◐ pagoPA solo citato',
      '◐ Titolo online-services',
      '◐ Domande frequenti (FAQ)', // the leading copy of the id is dropped
      '◐ Titolo accessibility',
    ]);
    expect(findings).toContain('spid · CAD art. 64');
    expect(findings).toContain(`→ ${SITE}tributi`);
    expect(findings).toContain('text · «si paga con pagoPA presso» · pagoPA citato nel testo');
  });

  it('lists only the top N findings and says how many more there are', () => {
    const top2 = plainIt(sampleReport(), { top: 2 });
    expect(top2).toContain('2.  ✘ Bootstrap Italia');
    expect(top2).not.toContain('3.  ✘');
    expect(top2.replace(/\s+/g, ' ')).toContain('… e altri 6: tutti i problemi, con tutte le evidenze, sono nel report HTML (-o report.html; anche -f json o csv).');
  });

  it('says how many evidence items of a finding are not printed, and where they are', () => {
    const evidence = Array.from({ length: 4 }, (_, i) => ({ url: `${SITE}p${i}`, selector: 'main', snippet: '' }));
    const out = plainIt(sampleReport({ checks: [makeCheck('spid', 'fail', { evidence })] }));
    expect(out).toContain(`→ ${SITE}p0`);
    expect(out).not.toContain(`${SITE}p1`);
    expect(out.replace(/\s+/g, ' ')).toContain('… e altre 3 evidenze nel report HTML (-o report.html) o JSON.');
  });

  it('says beside the index which points it could not judge and that it is computed over the others', () => {
    const flat = (out: string) => out.replace(/\s+/g, ' ');
    expect(flat(text)).toContain(' Livello 3 di 5 · Intermedio — limitato perché un obbligo di legge non è rispettato (Privacy (GDPR)); il solo indice darebbe 4 di 5 · Avanzato Calcolato su 9 punti su 10; fuori dal calcolo, perché nessun loro controllo è verificabile dal sito: Infrastrutture e cloud Controlli ');
    const en = renderTerminal(sampleReport(), { lang: 'en', color: false });
    expect(flat(en)).toContain(' Computed over 9 of 10 points; left out, as none of their checks can be verified from the site: Infrastructure and cloud ');
    const allJudged = sampleReport({ checks: sampleReport().checks.map((check) => (check.id === 'cloud' ? { ...check, status: 'pass' as const, score: 1 } : check)) });
    expect(plainIt(allJudged)).not.toContain('Calcolato su');
  });

  it('says so when there is nothing to fix', () => {
    const report = sampleReport({ checks: [makeCheck('anpr', 'pass')] });
    expect(plainIt(report)).toContain('Nessun controllo non superato o parziale.');
  });

  it('turns control characters from site content into spaces', () => {
    expect(text).not.toContain('\u001b');
    expect(text).toContain('«+bootstrap-italia 1.6.4 [31m»');
  });

  it('says what the crawl caps cut off', () => {
    const limits = { ...LIMITS, hitMaxPages: true, skippedUrls: 57, skippedByDepth: 3 };
    const capped = plainIt(sampleReport({ site: makeSite([], { limits }) }), { width: 200 });
    expect(lineWith(capped, 'Limiti')).toContain(
      'raggiunto il massimo di 300 pagine; 57 URL trovati e non visitati; 3 URL oltre la profondità massima (4)',
    );
    const slow = plainIt(sampleReport({ site: makeSite([], { limits: { ...LIMITS, hitTimeBudget: true, crawlDelayMs: 10_000 } }) }), { width: 200 });
    expect(lineWith(slow, 'Limiti')).toContain('esaurito il tempo massimo di 600 s; Crawl-delay di robots.txt: 10 s tra una richiesta e l’altra');
    const partial = (count: number) => Array.from({ length: count }, (_, i) => makePage(`${SITE}p${i}`, 1, { truncated: true }));
    const cut = plainIt(sampleReport({ site: makeSite(partial(2), { limits: { ...LIMITS, maxBodyBytes: 20_480, truncatedPages: 2 } }) }), { width: 200 });
    expect(lineWith(cut, 'Limiti')).toContain('2 pagine lette solo in parte (oltre 20 KB, --max-body, con più di 10.000 livelli di annidamento o più di 2.000 link): risultati parziali');
    const cutEn = renderTerminal(sampleReport({ site: makeSite(partial(1), { limits: { ...LIMITS, maxBodyBytes: 20_480, truncatedPages: 1 } }) }), { lang: 'en', color: false, width: 200 });
    expect(cutEn).toContain('1 page read only in part (past 20 KB, --max-body, nested beyond 10,000 levels or with over 2,000 links): partial results');
  });

  it('omits the timing line when timing was zeroed', () => {
    expect(lineWith(text, 'Audit ')).toContain('2025-03-01 10:00 UTC, durata 12,3 s');
    const zeroed = plainIt(sampleReport({ startedAt: '1970-01-01T00:00:00.000Z', durationMs: 0 }));
    expect(zeroed).not.toMatch(/^Audit /m);
  });

  it('keeps every line within the width, URLs aside, a single-page audit\'s long caps phrase included', () => {
    const single = sampleReport({ site: makeSite([makePage(SITE, 0)], { singlePage: true }) });
    for (const width of [60, 80]) {
      for (const report of [sampleReport(), single]) {
        const lines = plainIt(report, { width }).split('\n').filter((line) => !line.includes('http'));
        expect(lines.filter((line) => [...line].length > width)).toEqual([]);
      }
    }
    expect(plainIt(single, { width: 80 })).toMatch(/^Limiti {14}pagina singola: i controlli che richiedono l’intero sito\n {20}risultano non verificabili$/m);
  });
});

describe('terminal report, English', () => {
  const text = renderTerminal(sampleReport(), { lang: 'en', color: false });

  it('uses English labels and names', () => {
    expect(lineWith(text, 'Maturity index')).toContain('63.3 / 100');
    expect(text.replace(/\s+/g, ' ')).toContain('Level 3 of 5 · Intermediate — capped because a legal obligation is not met (Privacy (GDPR)); the index alone would give 4 of 5 · Advanced');
    expect(text).toContain('National resident registry (ANPR)');
    expect(text).toContain('Informed citizen (Cittadino informato)');
    expect(text).toContain('No SPID login found');
    expect(text).not.toContain('Indice di maturità');
    expect(text).not.toContain('Nessun accesso con SPID');
    expect(text).toContain('text · «si paga con pagoPA presso» · pagoPA named in the text');
    expect(text).not.toContain('pagoPA citato nel testo');
  });
});

describe('terminal colour and determinism', () => {
  it('emits no ANSI codes without colour, and the same text once codes are stripped with colour', () => {
    const plain = plainIt();
    const coloured = renderTerminal(sampleReport(), { lang: 'it', color: true });
    expect(plain).not.toMatch(ANSI);
    expect(coloured).toMatch(/\u001b\[31m✘\u001b\[39m/);
    expect(coloured).toMatch(/\u001b\[32m✔\u001b\[39m/);
    expect(coloured.replace(ANSI, '')).toBe(plain);
  });

  it('gives the same bytes for the same report', () => {
    expect(plainIt(sampleReport())).toBe(plainIt(sampleReport()));
    expect(renderTerminal(sampleReport(), { lang: 'en', color: true })).toBe(renderTerminal(sampleReport(), { lang: 'en', color: true }));
  });
});

describe('terminal report of a site that could not be audited', () => {
  const report = sampleReport({
    site: makeSite([]),
    checks: [],
    fatal: { code: 'dns', message: { it: 'Il nome www.comune.esempio.it non si risolve (DNS)', en: 'DNS lookup failed for www.comune.esempio.it' } },
  });

  it('prints the cause and what to do, in Italian', () => {
    const text = plainIt(report);
    expect(text).toContain('✘ Audit non eseguito: Il nome www.comune.esempio.it non si risolve (DNS)\n');
    expect(text).toMatch(/Cosa fare: +Controlla l’indirizzo \(errori di battitura, www\)/);
    // the cause is said once, by the message; the advice only says what to do
    expect(text.match(/non si risolve/g)).toHaveLength(1);
    expect(text).not.toContain('I dieci punti');
  });

  it('prints the cause and what to do, in English', () => {
    const text = renderTerminal(report, { lang: 'en', color: false });
    expect(text).toContain('✘ Audit not performed: DNS lookup failed for www.comune.esempio.it\n');
    expect(text).toMatch(/What to do: +Check the address \(typos, www\)/);
  });
});

describe('advice for an HTTP error on the start page', () => {
  const fatalReport = (status: number) =>
    sampleReport({ site: makeSite([]), checks: [], fatal: { code: 'http', status, message: { it: `HTTP ${status} per ${SITE}`, en: `HTTP ${status} for ${SITE}` } } });
  const adviceOf = (status: number, lang: 'it' | 'en' = 'it') => {
    const text = renderTerminal(fatalReport(status), { lang, color: false });
    return text.slice(text.indexOf(lang === 'it' ? 'Cosa fare:' : 'What to do:')).replace(/\s+/g, ' ');
  };

  it('says the site blocks automated clients on 401/403, the address is wrong on 404, the server fails on 5xx', () => {
    expect(adviceOf(403)).toContain('Il sito rifiuta l’accesso a questo strumento');
    expect(adviceOf(401)).toContain('--user-agent');
    expect(adviceOf(404)).toContain('L’indirizzo non esiste');
    expect(adviceOf(503)).toContain('Il server del sito è in errore');
    expect(adviceOf(403, 'en')).toContain('The site refuses this tool');
  });

  it('falls back to the general HTTP advice for other statuses', () => {
    expect(adviceOf(418)).toContain('Controlla l’indirizzo o riprova più tardi.');
  });
});

describe('the classification, in the terminal', () => {
  const classified = (path: string, category: CategoryId, declared: CategoryId | null, service = false) =>
    makePage(`${SITE}${path}`, 1, {
      pageType: service ? { type: 'service', section: 'services', reason: 'test', signals: [] } : { type: 'other', section: null, reason: 'test', signals: [] },
      classification: { category, confidence: 0.9, alternatives: [], declaredCategory: declared },
    });
  const report = sampleReport({
    site: makeSite([
      classified('servizi/tari', 'tributi-finanze-contravvenzioni', 'tributi-finanze-contravvenzioni', true),
      classified('servizi/imu', 'tributi-finanze-contravvenzioni', null, true),
      classified('tributi', 'tributi-finanze-contravvenzioni', null),
      classified('servizi/rifiuti', 'ambiente', 'tributi-finanze-contravvenzioni', true),
      classified('chi-siamo', 'altro', null),
    ]),
  });

  it('counts pages and service sheets per category, names the categories without a service sheet and the pages the breadcrumb contradicts', () => {
    const out = plainIt(report);
    const section = out.slice(out.indexOf('Le pagine nelle 15 categorie dei servizi'), out.indexOf('Problemi principali'));
    expect(section).toMatch(/\n {2}Tributi, finanze e contravvenzioni +3 +2\n/);
    expect(section).toMatch(/\n {2}Ambiente +1 +1\n/);
    expect(section).toMatch(/\n {2}Altro +1 +0\n/);
    expect(section).not.toContain('Turismo   ');
    const flat = section.replace(/\s+/g, ' ');
    expect(flat).toContain('Nessuna scheda servizio trovata per: Educazione e formazione, Salute, benessere e assistenza, Vita lavorativa,');
    expect(flat).not.toMatch(/trovata per:[^.]*Ambiente/);
    expect(flat).toContain(`1 pagina dichiara nel percorso (breadcrumb) una categoria diversa da quella del classificatore: ${SITE}servizi/rifiuti classificatore: Ambiente · percorso: Tributi, finanze e contravvenzioni`);
    const en = renderTerminal(report, { lang: 'en', color: false });
    expect(en).toMatch(/\n {2}Taxes, finance and fines +3 +2\n/);
  });

  it('is left out when no page was classified', () => {
    expect(plainIt(sampleReport({ site: makeSite([makePage(SITE, 0)]) }))).not.toContain('Le pagine nelle 15 categorie');
  });
});
