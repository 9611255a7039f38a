import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { render } from '../../src/report/index.js';
import { makeCheck } from '../score/make-check.js';
import { categorisedReport, topicsReport } from './categorised.js';
import { SITE, makePage, makeSite, samplePages, sampleReport } from './sample.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** axe-core, the accessibility engine, injected into the page as text (no request leaves the report). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe('HTML report as text', () => {
  const html = renderHtml(sampleReport(), { lang: 'it' });

  it('is one self-contained document: no script, no stylesheet link, no remote resource', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="it">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/\ssrc=/i);
  });

  it('drops control characters from site content', () => {
    expect(html).not.toContain('\u001b');
    expect(html).toContain('<q>+bootstrap-italia 1.6.4 [31m</q>');
  });

  it('prints evidence notes in the report language', () => {
    expect(html).toContain('<q>si paga con pagoPA presso</q> · <em>pagoPA citato nel testo</em>');
    expect(html).not.toContain('pagoPA named in the text');
    const en = renderHtml(sampleReport(), { lang: 'en' });
    expect(en).toContain('<q>si paga con pagoPA presso</q> · <em>pagoPA named in the text</em>');
    expect(en).not.toContain('pagoPA citato nel testo');
  });

  it('escapes site-supplied text and links only http(s) URLs', () => {
    const report = sampleReport({
      checks: [
        makeCheck('spid', 'fail', {
          message: { it: '<script>alert(1)</script> & "quote"', en: '' },
          evidence: [
            { url: 'javascript:alert(1)', selector: 'a[href^=javascript]', snippet: '<b>click</b>' },
            { url: `${SITE}?a=1&b="2"`, selector: 'main', snippet: 'ok' },
          ],
        }),
      ],
    });
    const out = renderHtml(report, { lang: 'it' });
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quote&quot;');
    expect(out).toContain('<span class="url">javascript:alert(1)</span>');
    expect(out).not.toContain('href="javascript:');
    expect(out).toContain('<q>&lt;b&gt;click&lt;/b&gt;</q>');
    expect(out).toContain(`<a href="${SITE}?a=1&amp;b=&quot;2&quot;">`);
  });

  it('is rendered in English with lang "en"', () => {
    const en = renderHtml(sampleReport(), { lang: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h2 id="maturity">Maturity index</h2>');
    expect(en).toContain('63.3 <small>/ 100</small>');
    expect(en).not.toContain('Indice di maturità');
  });

  it('is deterministic and reachable through render()', () => {
    expect(renderHtml(sampleReport(), { lang: 'it' })).toBe(html);
    expect(render(sampleReport(), 'html', { lang: 'it' })).toBe(html);
  });

  it('marks a page read only in part in the pages table', () => {
    const report = sampleReport();
    const partial = { ...report, pages: report.pages.map((page, i) => (i === 2 ? { ...page, truncated: true as const } : page)) };
    expect(renderHtml(partial, { lang: 'it' })).toContain('<td>letta solo in parte: risultati parziali</td>');
    expect(renderHtml(report, { lang: 'it' })).not.toContain('letta solo in parte');
  });

  it('holds every finding and every evidence item, the ones past the first five folded in a <details>', () => {
    const items = (path: string, n: number) => Array.from({ length: n }, (_, i) => ({ url: `${SITE}${path}/${i + 1}`, selector: 'main', snippet: `voce ${i + 1}` }));
    const failing = Array.from({ length: 23 }, (_, i) => makeCheck(`C.SI.9.${i + 1}`, 'fail', { point: 'design', group: 'funzionalita', evidence: i === 0 ? items('servizi', 30) : [] }));
    const passing = makeCheck('anpr', 'pass', { evidence: items('anagrafe', 12), message: { it: 'ANPR collegata', en: 'ANPR linked' } });
    const out = renderHtml(sampleReport({ checks: [passing, ...failing] }), { lang: 'it' });
    for (let i = 1; i <= 30; i++) expect(out).toContain(`<a href="${SITE}servizi/${i}">`);
    for (let i = 1; i <= 12; i++) expect(out).toContain(`<a href="${SITE}anagrafe/${i}">`);
    expect(out.match(/<ol class="findings">.*?<\/ol>/s)?.[0].match(/<li><h3>/g)).toHaveLength(23);
    // five in view, the other 25 one click away
    expect(out).toContain(`<details class="more"><summary>Mostra le altre 25 evidenze</summary><ul class="evidence" aria-label="Evidenze"><li><a href="${SITE}servizi/6">`);
    expect(out).not.toMatch(/nel report JSON|<script/);
    // a passing check keeps its message and evidence, folded under its point
    expect(out).toMatch(/<h3>Anagrafe nazionale \(ANPR\)<\/h3><details class="check"><summary>.*superato.*<code>anpr<\/code><\/summary>.*ANPR collegata/);
  });

  it('shows page types and categories by name in the pages table, and the pages per category with the breadcrumb disagreements', () => {
    const report = sampleReport({
      site: makeSite([
        ...samplePages(),
        makePage(`${SITE}servizi/rifiuti`, 2, {
          pageType: { type: 'service', section: 'services', reason: 'test', signals: [] },
          classification: { category: 'ambiente', confidence: 0.8, alternatives: [], declaredCategory: 'tributi-finanze-contravvenzioni' },
        }),
      ]),
    });
    const it = renderHtml(report, { lang: 'it' });
    expect(it).toContain('<td>scheda servizio</td><td>Anagrafe e stato civile</td>');
    expect(it).toContain('<td>home page</td>');
    expect(it).not.toMatch(/<td>(service|home|first-level|anagrafe-stato-civile)<\/td>/);
    expect(it).toContain('<tr><th scope="row">Anagrafe e stato civile</th><td class="num">1</td><td class="num">1</td></tr>');
    expect(it).toContain('<tr><th scope="row">Turismo</th><td class="num">0</td><td class="num">0</td></tr>');
    expect(it.match(/<tr><th scope="row">[^<]+<\/th><td class="num">\d+<\/td><td class="num">\d+<\/td><\/tr>/g)).toHaveLength(16);
    expect(it).toContain('<p>Nessuna scheda servizio trovata per: Educazione e formazione,');
    expect(it).toContain(`<tr><td><a href="${SITE}servizi/rifiuti">${SITE}servizi/rifiuti</a></td><td>Ambiente</td><td>Tributi, finanze e contravvenzioni</td></tr>`);
    const en = renderHtml(report, { lang: 'en' });
    expect(en).toContain('<td>service sheet</td><td>Registry office and civil status</td>');
  });

  it('says beside the index which points it could not judge', () => {
    expect(html).toContain('<p class="basis">Calcolato su 9 punti su 10; fuori dal calcolo, perché nessun loro controllo è verificabile dal sito: Infrastrutture e cloud</p>');
  });

  it('prints the cause and what to do for a site that could not be audited', () => {
    const report = sampleReport({ site: makeSite([]), checks: [], fatal: { code: 'tls', message: { it: 'certificato scaduto', en: 'certificate has expired' } } });
    const out = renderHtml(report, { lang: 'it' });
    expect(out).toContain('<h2 id="fatal">Audit non eseguito</h2>');
    expect(out).toContain('<p>certificato scaduto</p>');
    expect(renderHtml(report, { lang: 'en' })).toContain('<p>certificate has expired</p>');
    expect(out).toContain('Segnala il certificato al fornitore del sito');
    expect(out).not.toContain('id="points"');
  });
});

describe('HTML report in headless Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'comune-audit-html-'));

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the index, the ten points and evidence links, and requests nothing but itself', async () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(sampleReport(), { lang: 'it' }));
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Maturità digitale del sito comunale');
    expect(await page.locator('.index').isVisible()).toBe(true);
    expect(await page.locator('.index').innerText()).toBe('63,3 / 100');
    expect(await page.locator('.level').innerText()).toBe('Livello 3 di 5 · Intermedio');
    expect(await page.locator('.cap').innerText()).toBe('limitato perché un obbligo di legge non è rispettato (Privacy (GDPR)); il solo indice darebbe 4 di 5 · Avanzato');

    const points = page.getByRole('table', { name: 'I dieci punti' });
    expect(await points.isVisible()).toBe(true);
    const rows = await points.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(10);
    expect(rows[2].split('\t').map((cell) => cell.trim())).toEqual(['3', 'Accesso con SPID', '✘ non superato', '0']);
    expect(await page.getByRole('row', { name: /Accesso con SPID/ }).getByText('non superato').isVisible()).toBe(true);

    const evidence = page.getByRole('link', { name: `${SITE}tributi` });
    expect(await evidence.isVisible()).toBe(true);
    expect(await evidence.getAttribute('href')).toBe(`${SITE}tributi`);

    expect(await page.getByRole('row', { name: /C\.SI\.2\.3/ }).innerText()).toMatch(/^C\.SI\.2\.3\tDomande frequenti \(FAQ\)\t/);
    const groups = await page.locator('tbody th.group').allInnerTexts();
    expect(groups).toEqual(['Cittadino informato', 'Funzionalità', 'Normativa', 'Prestazioni', 'Sicurezza', 'Raccomandazioni']);

    await page.getByText('Mostra 4 pagine').click();
    const pageRows = await page.getByRole('table').filter({ hasText: 'Stato HTTP' }).locator('tbody tr').allInnerTexts();
    expect(pageRows[1]).toContain('timeout: nessuna risposta in 10 s');

    expect(requests).toEqual([pathToFileURL(file).href]);
    await page.screenshot({ path: join(tmpdir(), 'comune-audit-report.png'), fullPage: true });
    await page.close();
  });
  it('draws the pages per category as an image named by its text alternative, bars as long as the counts, beside the table of the figures', async () => {
    const file = join(dir, 'categories.html');
    writeFileSync(file, renderHtml(categorisedReport(), { lang: 'it' }));
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(pathToFileURL(file).href);
    const figure = page.getByRole('figure', { name: 'Pagine per categoria di servizio' });
    await expect(figure.isVisible()).resolves.toBe(true);
    const image = figure.getByRole('img', { name: /^Grafico a barre delle pagine per categoria: 8 pagine classificate, in 3 categorie su 16/ });
    await expect(image.isVisible()).resolves.toBe(true);
    // Widths as drawn on screen, largest first: Ambiente 5, Anagrafe 2, Tributi 1.
    const widths = await figure.locator('rect').evaluateAll((rects) => rects.map((rect) => rect.getBoundingClientRect().width));
    const drawn = widths.filter((width) => width > 0).sort((a, b) => b - a);
    expect(drawn).toHaveLength(3);
    expect([drawn[0] / drawn[2], drawn[1] / drawn[2]].map((ratio) => Math.round(ratio * 10) / 10)).toEqual([5, 2]);
    // The figures the chart draws are the classification table's, right after it.
    const table = page.locator('section[aria-labelledby="classification"] table').first();
    await expect(table.locator('tbody tr').filter({ hasText: 'Ambiente' }).innerText()).resolves.toMatch(/Ambiente\s+5\s+1/);
    await page.close();
  });

  it('shows the pages per topic in a table named by its heading, the disagreeing pages with links, and each page\'s topics in the pages table', async () => {
    const file = join(dir, 'topics.html');
    writeFileSync(file, renderHtml(topicsReport(), { lang: 'it' }));
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(pathToFileURL(file).href);
    const table = page.getByRole('table', { name: 'Gli argomenti delle pagine (Modello Comuni)' });
    await expect(table.isVisible()).resolves.toBe(true);
    const rows = (await table.locator('tbody tr').allInnerTexts()).map((row) => row.split('\t').map((cell) => cell.trim()));
    expect(rows[0]).toEqual(['Gestione rifiuti', '2', '1']);
    expect(rows).toHaveLength(7);
    const disagreements = page.getByRole('table', { name: /^2 pagine dichiarano argomenti/ });
    await expect(disagreements.getByRole('link', { name: `${SITE}servizi/bandi` }).isVisible()).resolves.toBe(true);
    await page.getByText('Mostra 6 pagine').click();
    await expect(page.getByRole('row', { name: /servizi\/tari/ }).innerText()).resolves.toContain('Tassa sui servizi 0,98 · Gestione rifiuti 0,91 (dichiarati dalla pagina: Imposte, Gestione rifiuti)');
    await page.close();
  });

  it('has no accessibility violations (axe-core, WCAG 2.1 A/AA) in either language, full report and failed audit alike', async () => {
    const reports = {
      'full-it': renderHtml(sampleReport(), { lang: 'it' }),
      'full-en': renderHtml(sampleReport(), { lang: 'en' }),
      'categories-it': renderHtml(categorisedReport(), { lang: 'it' }),
      'topics-en': renderHtml(topicsReport(), { lang: 'en' }),
      fatal: renderHtml(sampleReport({ site: makeSite([]), checks: [], fatal: { code: 'dns', message: { it: 'Il nome non si risolve', en: 'DNS lookup failed' } } }), { lang: 'it' }),
    };
    for (const [name, html] of Object.entries(reports)) {
      const file = join(dir, `${name}.html`);
      writeFileSync(file, html);
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href);
      await page.addScriptTag({ content: AXE });
      // The pages table starts closed: open it, so its rows are checked too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => details.setAttribute('open', '')));
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
      });
      expect(violations, name).toEqual([]);
      await page.close();
    }
    // three pages, each with axe-core run over it in a browser: seconds alone, far more on a loaded machine
  }, 60_000);
});
