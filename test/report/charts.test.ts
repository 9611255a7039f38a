// The SVG charts: accessible figures (text alternative, legend, data table), escaped, deterministic.
import { describe, expect, it } from 'vitest';
import { categoriesChart, criteriaChart, indexGauge, pointsChart } from '../../src/report/charts/report.js';
import { classificationSummary } from '../../src/report/common.js';
import { barChart, columnChart, stackedBarChart } from '../../src/report/charts/svg.js';
import { messages } from '../../src/report/i18n/index.js';
import { renderHtml } from '../../src/report/html.js';
import { categorisedReport } from './categorised.js';
import { sampleReport } from './sample.js';

const t = messages('it');

/** The cells of a chart's hidden table, row by row. */
function tableRows(html: string): string[][] {
  const table = /<table class="sr-only">(.*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => cell[1]));
}

describe('charts of the single-site report', () => {
  const report = sampleReport();

  it('draw the index as a gauge whose text alternative and table give the index and level', () => {
    const html = indexGauge(report, t, 'it');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-index-title"');
    // The sample fails privacy, a legal obligation: its level is capped at Intermedio (rules/scoring.ts LEGAL_CAP).
    expect(html).toContain('<title id="chart-index-title">Indicatore a semicerchio: indice 63,3 su 100, livello Intermedio</title>');
    expect(tableRows(html)).toEqual([
      ['Misura', 'Valore'],
      ['Indice di maturità', '63,3 / 100'],
      ['Livello', 'Intermedio'],
      ['Iniziale', 'da 0 a 20'],
      ['Di base', 'da 20 a 40'],
      ['Intermedio', 'da 40 a 60'],
      ['Avanzato', 'da 60 a 80'],
      ['Ottimale', 'da 80 a 100'],
    ]);
    const unscored = indexGauge({ ...report, maturity: { index: null, level: null } }, t, 'it');
    expect(unscored).toContain('indice n.d. su 100, livello n.d.');
    // No value arc for an index that could not be computed: only the five level bands.
    expect(unscored.match(/<path /g)).toHaveLength(5);
    expect(html.match(/<path /g)).toHaveLength(6);
  });

  it('draw the ten points as bars as long as their score, coloured by status, and point to the visible table', () => {
    const html = pointsChart(report, t);
    const bars = [...html.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="14" fill="(#[0-9a-f]+)"\/>/g)].map((m) => [Number(m[1]), m[2]]);
    expect(bars).toHaveLength(10);
    expect(bars[0]).toEqual([300, '#1a7f37']); // anpr: pass, 100
    expect(bars[1]).toEqual([150, '#9a6700']); // pagopa: partial, 50
    expect(bars[2]).toEqual([0, '#c62828']); // spid: fail, 0
    expect(html).toContain('i valori sono nella tabella che segue');
    expect(html).not.toContain('class="sr-only"');
  });

  it('count the AGID criteria of each group by status, in the text alternative and the table', () => {
    const html = criteriaChart(report, t);
    expect(html).toContain('Grafico a barre per gruppo di criteri: 3 criteri superati su 7');
    expect(tableRows(html)).toEqual([
      ['Gruppo', 'superato', 'parziale', 'non superato', 'non verificabile', 'errore'],
      ['Cittadino informato', '1', '0', '1', '0', '0'],
      ['Funzionalità', '0', '1', '0', '0', '0'],
      ['Normativa', '1', '0', '0', '0', '0'],
      ['Prestazioni', '0', '0', '0', '1', '0'],
      ['Sicurezza', '1', '0', '0', '0', '0'],
      ['Raccomandazioni', '0', '0', '0', '0', '1'],
    ]);
    expect(criteriaChart({ ...report, checks: report.checks.filter((check) => check.point !== 'design') }, t)).toBe('');
  });

  it('draw the pages of every category as bars on a whole-number scale, the figures left to the table that follows', () => {
    const summary = classificationSummary(categorisedReport())!;
    const html = categoriesChart(summary, t, 'it');
    const bars = [...html.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="14"/g)].map((m) => Number(m[1]));
    // 16 rows (15 categories and altro) in the vocabulary's order; 5 pages of Ambiente on a scale of 8 → 5/8 of 300 px.
    expect(bars).toHaveLength(16);
    const row = (name: string) => [...html.matchAll(/<text [^>]*text-anchor="end">([^<]+)<\/text>/g)].map((m) => m[1]).indexOf(name);
    expect(bars[row('Ambiente')]).toBe(187.5);
    expect(bars[row('Anagrafe e stato civile')]).toBe(75);
    expect(bars[row('Tributi, finanze e contravvenzioni')]).toBe(37.5);
    expect(bars.filter((width) => width === 0)).toHaveLength(13);
    const grid = [...html.matchAll(/<text [^>]*text-anchor="middle" fill="#57606a">(\d+)<\/text>/g)].map((m) => m[1]);
    expect(grid).toEqual(['0', '2', '4', '6', '8']);
    expect(html).toContain('<figcaption id="chart-categories-caption">Pagine per categoria di servizio</figcaption>');
    expect(html).toContain(
      '<title id="chart-categories-title">Grafico a barre delle pagine per categoria: 8 pagine classificate, in 3 categorie su 16; la più numerosa è Ambiente con 5. I valori sono nella tabella che segue</title>',
    );
    expect(html).not.toContain('class="sr-only"');
    expect(categoriesChart(summary, messages('en'), 'en')).toContain('8 pages classified, in 3 of 16 categories; the largest is Environment with 5');
  });

  it('are part of the HTML report, byte for byte the same on every render', () => {
    const html = renderHtml(report, { lang: 'it' });
    expect(html).toContain('id="chart-index-title"');
    expect(html).toContain('id="chart-points-title"');
    expect(html).toContain('id="chart-criteria-title"');
    expect(html).toContain('id="chart-categories-title"');
    expect(renderHtml(sampleReport(), { lang: 'it' })).toBe(html);
  });
});

describe('chart primitives', () => {
  const frame = { id: 'c', caption: 'Caption <b>', summary: 'Summary & more', table: { head: ['A', 'B'], rows: [['x <i>', '1']] } };

  it('escape every text they are given', () => {
    const html = barChart(frame, [{ label: '<script>', value: 50, valueText: '50', fill: '#000' }]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<title id="c-title">Summary &amp; more</title>');
  });

  it('draw stacked shares of each row and columns scaled to the largest value', () => {
    const stacked = stackedBarChart(frame, [{ label: 'r', segments: [{ count: 1, fill: '#111111' }, { count: 3, fill: '#222222' }] }], [], (count, total) => `${Math.round((100 * count) / total)}%`);
    expect(stacked).toMatch(/width="75" height="14" fill="#111111"/);
    expect(stacked).toMatch(/width="225" height="14" fill="#222222"/);
    expect(stacked).toContain('>75%</text>');
    const columns = columnChart(frame, ['0–10', '10–20'], [{ name: 's', fill: '#333333', values: [2, 4] }]);
    const heights = [...columns.matchAll(/height="([\d.]+)" fill="#333333"/g)].map((m) => Number(m[1]));
    expect(heights).toEqual([80, 160]);
  });
});
