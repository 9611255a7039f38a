// Evidence items with their own outcome (pages of a multi-page criterion): every format marks each one with symbol and
// word, failing items first, then partial, then passing, in the same order every time.
import { describe, expect, it } from 'vitest';
import { orderedEvidence, outcomeCounts } from '../../src/report/common.js';
import { messages } from '../../src/report/i18n/index.js';
import { makeCheck } from '../score/make-check.js';
import { renderChecksCsv } from '../../src/report/csv.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { SITE, sampleReport } from './sample.js';

const report = sampleReport();
/** The sample's C.SI.2.3 lists faq/1 … faq/7 as pass, fail, partial, pass, pass, fail, pass. */
const FAILING_FIRST = [2, 6, 3, 1, 4, 5, 7].map((n) => `${SITE}faq/${n}`);

describe('evidence outcome marks', () => {
  it('order failing items first, then partial, then the rest as the rule listed them', () => {
    const check = report.checks.find((c) => c.id === 'C.SI.2.3')!;
    expect(orderedEvidence(check.evidence).map((item) => item.url)).toEqual(FAILING_FIRST);
    // Unmarked items (one verdict for the whole check) keep their place among the passing ones.
    const unmarked = { url: 'u', selector: '', snippet: '' };
    const mixed = [unmarked, { ...unmarked, url: 'f', outcome: 'fail' as const }, { ...unmarked, url: 'p', outcome: 'pass' as const }];
    expect(orderedEvidence(mixed).map((item) => item.url)).toEqual(['f', 'u', 'p']);
  });

  it('HTML: each item starts with its outcome as symbol (hidden from screen readers) and word; the folded rest says how it fared', () => {
    const html = renderHtml(report, { lang: 'it' });
    const finding = html.slice(html.indexOf('Domande frequenti (FAQ)</h3>'));
    const items = [...finding.matchAll(/<li><span class="status s-(\w+)"><span aria-hidden="true">(.)<\/span> ([^<]+)<\/span> · <a href="([^"]+)"/g)]
      .slice(0, 7)
      .map((m) => [m[1], m[2], m[3], m[4]]);
    expect(items).toEqual([
      ['fail', '✘', 'non superato', FAILING_FIRST[0]],
      ['fail', '✘', 'non superato', FAILING_FIRST[1]],
      ['partial', '◐', 'parziale', FAILING_FIRST[2]],
      ['pass', '✔', 'superato', FAILING_FIRST[3]],
      ['pass', '✔', 'superato', FAILING_FIRST[4]],
      ['pass', '✔', 'superato', FAILING_FIRST[5]],
      ['pass', '✔', 'superato', FAILING_FIRST[6]],
    ]);
    expect(finding).toContain('<summary>Mostra le altre 2 evidenze (2 superate)</summary>');
    expect(renderHtml(report, { lang: 'en' })).toContain('<span aria-hidden="true">✘</span> failed</span> · <a href="https://www.comune.esempio.it/faq/2">');
    // Items without an outcome get no mark.
    expect(html).toContain('<li><a href="https://www.comune.esempio.it/tributi">');
  });

  it('terminal: the one item shown is the first failing page, marked, and the line below counts the rest by outcome', () => {
    const text = renderTerminal(report, { lang: 'it', color: false, width: 200 });
    expect(text).toContain(`→ ✘ non superato · ${FAILING_FIRST[0]}`);
    expect(text).toContain('… e altre 6 evidenze (1 non superata, 1 parziale, 4 superate) nel report HTML');
    expect(renderTerminal(report, { lang: 'en', color: false, width: 200 })).toContain('… and 6 more evidence items (1 failing, 1 partial, 4 passing)');
    expect(text).toContain(`→ ${SITE}tributi`);
  });

  it('Markdown and JUnit: marked items in order, the rest counted', () => {
    const markdown = renderMarkdown(report, { lang: 'it' });
    const lines = markdown.split('\n').filter((line) => line.includes('faq/') || line.includes('evidenze (')).slice(0, 4);
    expect(lines.map((line) => line.replace(/ · \[.*$/, ''))).toEqual(['  - **✘ non superato**', '  - **✘ non superato**', '  - **◐ parziale**', lines[3]]);
    expect(lines[0]).toContain(`(<${FAILING_FIRST[0]}>)`);
    expect(lines[3]).toContain('altre 4 evidenze (4 superate)');
    const junit = renderJunit(report, { lang: 'en' });
    const body = /<testcase classname="comune-audit.design" name="C.SI.2.3"[^]*?<\/testcase>/.exec(junit)![0];
    expect(body.split('\n').filter((line) => line.startsWith('['))).toEqual([
      `[✘ failed] · ${FAILING_FIRST[0]} · [data-element=&quot;faq-item&quot;]`,
      `[✘ failed] · ${FAILING_FIRST[1]} · [data-element=&quot;faq-item&quot;]`,
      `[◐ partial] · ${FAILING_FIRST[2]} · [data-element=&quot;faq-item&quot;]`,
      `[✔ passed] · ${FAILING_FIRST[3]} · [data-element=&quot;faq-item&quot;]`,
      `[✔ passed] · ${FAILING_FIRST[4]} · [data-element=&quot;faq-item&quot;]`,
    ]);
    expect(body).toContain('… and 2 more evidence items (2 passing)');
  });

  it('count the items left out so that the counts add up: unmarked ones beside marked pages are "other"', () => {
    const item = (outcome?: 'pass' | 'fail') => ({ url: 'u', selector: '', snippet: '', ...(outcome ? { outcome } : {}) });
    expect(outcomeCounts([item('fail'), item('pass'), item('pass'), item()], messages('it'))).toBe('1 non superata, 2 superate, 1 altra');
    expect(outcomeCounts([item('fail'), item()], messages('en'))).toBe('1 failing, 1 other');
    expect(outcomeCounts([item(), item()], messages('it'))).toBe('');
  });

  it('terminal: a note too long for the line goes below the place, wrapped, so what was not found stays readable', () => {
    const note = { it: `voci mancanti: ${Array.from({ length: 12 }, (_, i) => `Voce ${i + 1} (nessun contenuto marcato data-element="service-${i + 1}")`).join(', ')}`, en: 'x' };
    const evidence = [{ url: `${SITE}servizi/a`, selector: '[data-element="page-index"]', snippet: 'A chi è rivolto | Descrizione | Come fare | Cosa serve | Tempi', note, outcome: 'fail' as const }];
    const text = renderTerminal(sampleReport({ checks: [makeCheck('C.SI.1.3', 'fail', { point: 'design', evidence })] }), { lang: 'it', color: false, width: 80 });
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.includes('→ ✘ non superato'));
    expect(lines[at + 1]).toMatch(/^ {10}\[data-element="page-index"\] · «A chi è rivolto \| .*…$/);
    expect(lines[at + 2]).toBe("          voci mancanti: Voce 1 (nessun contenuto marcato");
    expect(lines[at + 3]).toMatch(/^ {10}data-element="service-1"\), Voce 2 /);
    // Four lines of note at most, the last one cut; the HTML report holds it whole.
    expect(lines[at + 5]).toMatch(/…$/);
    expect(lines[at + 6]).not.toMatch(/^ {10}\S/);
    expect(lines.slice(at + 1, at + 6).every((line) => line.length <= 80)).toBe(true);
  });

  it('CSV: the first item is the first failing one, with its outcome', () => {
    const it = renderChecksCsv(report, { bom: false, lang: 'it', separator: ';' }).split('\r\n').find((line) => line.startsWith('C.SI.2.3;'))!;
    expect(it).toContain(`;7;${FAILING_FIRST[0]};`);
    expect(it).toContain(';non superato;Rif. C.SI.2.3');
  });
});
