// Charts as inline SVG for the HTML reports: drawn here rather than by a chart library (README, "Dependencies and
// why": Vega-Lite measured 25 MB installed and ~90 ms a chart). Every chart is a <figure> with a caption, an SVG with
// role="img" and a one-sentence text alternative, a legend in text, and a table of the same figures that screen
// readers read (visually hidden, .sr-only) unless a visible table beside the chart already holds them. No script, no external resource; coordinates rounded to one decimal, so
// the same data give the same bytes.
import type { Status } from '../../types.js';
import { escapeMarkup as esc } from '../common.js';

/** A figure's parts: all text is plain (escaped here). */
export interface ChartFrame {
  /** Unique in the document: prefixes the ids of the caption and the SVG title. */
  id: string;
  caption: string;
  /** One sentence saying what the chart shows, read in place of the drawing. */
  summary: string;
  /** The same figures as a table, visually hidden; null when a visible table next to the chart already holds them. */
  table: ChartTable | null;
}

export interface ChartTable {
  head: string[];
  rows: string[][];
}

/** Fill colours for statuses; each has ≥ 4.5:1 contrast with white, so white labels on it stay legible. */
export const STATUS_FILL: Record<Status, string> = { pass: '#1a7f37', partial: '#9a6700', fail: '#c62828', unknown: '#6e7781', error: '#8250df' };

const TEXT = '#1f2328';
const MUTED = '#57606a';
const GRID = '#d0d7de';
const FONT = 12;

/** One decimal, no trailing ".0": stable text for coordinates. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Width a label needs at FONT px: a generous per-character estimate (no font metrics on the server). */
function labelWidth(labels: string[]): number {
  return Math.min(320, Math.max(40, ...labels.map((label) => label.length * FONT * 0.56)) + 8);
}

function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${attributes ? ` ${attributes}` : ''}>${esc(content)}</text>`;
}

function rect(x: number, y: number, width: number, height: number, fill: string): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, width))}" height="${n(height)}" fill="${fill}"/>`;
}

function tableHtml(frame: ChartFrame): string {
  if (!frame.table) return '';
  const head = frame.table.head.map((cell) => `<th scope="col">${esc(cell)}</th>`).join('');
  const rows = frame.table.rows.map(([first, ...rest]) => `<tr><th scope="row">${esc(first)}</th>${rest.map((cell) => `<td>${esc(cell)}</td>`).join('')}</tr>`);
  return `<table class="sr-only"><caption>${esc(frame.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export interface LegendItem {
  label: string;
  fill: string;
}

function legendHtml(items: LegendItem[]): string {
  if (!items.length) return '';
  const entries = items.map((item) => `<li><span class="swatch" style="background:${item.fill}"></span>${esc(item.label)}</li>`);
  return `<ul class="legend" aria-hidden="true">${entries.join('')}</ul>`;
}

/** The figure around a drawing: caption, SVG with its text alternative, legend, and the data table. */
function figure(frame: ChartFrame, width: number, height: number, body: string, legend: LegendItem[] = []): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${frame.id}-title" viewBox="0 0 ${n(width)} ${n(height)}" ` +
    `width="${n(width)}" height="${n(height)}" font-size="${FONT}" fill="${TEXT}">` +
    `<title id="${frame.id}-title">${esc(frame.summary)}</title>${body}</svg>`;
  return `<figure class="chart" aria-labelledby="${frame.id}-caption"><figcaption id="${frame.id}-caption">${esc(frame.caption)}</figcaption>${svg}${legendHtml(legend)}${tableHtml(frame)}</figure>`;
}

/** Vertical grid lines with their labels at 0, 25, 50, 75, 100 % of a plot `width` wide starting at `x0`. */
function percentGrid(x0: number, width: number, top: number, bottom: number, labels: (percent: number) => string): string {
  return [0, 25, 50, 75, 100]
    .map((percent) => {
      const x = x0 + (width * percent) / 100;
      return `<line x1="${n(x)}" y1="${n(top)}" x2="${n(x)}" y2="${n(bottom)}" stroke="${GRID}"/>` + text(x, bottom + 14, labels(percent), `text-anchor="middle" fill="${MUTED}"`);
    })
    .join('');
}

export interface BarRow {
  label: string;
  /** 0..100, or null for no value (drawn as an empty track with valueText). */
  value: number | null;
  valueText: string;
  fill: string;
}

const ROW = 24;
const BAR = 14;
const PLOT = 300;

/**
 * Horizontal bars on a 0–100 scale, one per row, the value written after the bar; `gridLabel` names the grid lines at
 * 0, 25, 50, 75 and 100 % (counts, for a chart of counts scaled to its largest).
 */
export function barChart(frame: ChartFrame, rows: BarRow[], legend: LegendItem[] = [], gridLabel: (percent: number) => string = String): string {
  const left = labelWidth(rows.map((row) => row.label));
  const width = left + PLOT + 56;
  const height = rows.length * ROW + 26;
  const parts = [percentGrid(left, PLOT, 0, rows.length * ROW + 4, gridLabel)];
  rows.forEach((row, i) => {
    const y = i * ROW + (ROW - BAR) / 2 + 2;
    parts.push(text(left - 8, y + BAR - 3, row.label, 'text-anchor="end"'));
    const length = row.value === null ? 0 : (PLOT * Math.max(0, Math.min(100, row.value))) / 100;
    parts.push(rect(left, y, length, BAR, row.fill));
    parts.push(text(left + length + 6, y + BAR - 3, row.valueText, `fill="${MUTED}"`));
  });
  return figure(frame, width, height, parts.join(''), legend);
}

export interface StackSegment {
  count: number;
  fill: string;
}

export interface StackRow {
  label: string;
  /** Drawn left to right in this order, each as its share of the row's total. */
  segments: StackSegment[];
}

/** Horizontal 100 % stacked bars: each row's segments as shares of its total, counts written inside wide segments. */
export function stackedBarChart(frame: ChartFrame, rows: StackRow[], legend: LegendItem[], format: (count: number, total: number) => string): string {
  const left = labelWidth(rows.map((row) => row.label));
  const width = left + PLOT + 16;
  const height = rows.length * ROW + 26;
  const parts = [percentGrid(left, PLOT, 0, rows.length * ROW + 4, (p) => `${p}%`)];
  rows.forEach((row, i) => {
    const y = i * ROW + (ROW - BAR) / 2 + 2;
    parts.push(text(left - 8, y + BAR - 3, row.label, 'text-anchor="end"'));
    const total = row.segments.reduce((sum, segment) => sum + segment.count, 0);
    let x = left;
    for (const segment of row.segments) {
      if (!total || !segment.count) continue;
      const length = (PLOT * segment.count) / total;
      parts.push(rect(x, y, length, BAR, segment.fill));
      const label = format(segment.count, total);
      if (length >= label.length * 7 + 4) parts.push(text(x + length / 2, y + BAR - 3, label, 'text-anchor="middle" fill="#fff"'));
      x += length;
    }
  });
  return figure(frame, width, height, parts.join(''), legend);
}

export interface ColumnSeries {
  name: string;
  fill: string;
  values: number[];
}

/** Vertical columns per category (a histogram), one column per series side by side, each with its count above. */
export function columnChart(frame: ChartFrame, categories: string[], series: ColumnSeries[]): string {
  const plotHeight = 160;
  const slot = Math.max(36, 14 * series.length + 14);
  const left = 8;
  const width = left + slot * categories.length + 8;
  const top = 16;
  const height = top + plotHeight + 24;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const column = (slot - 10) / series.length;
  const parts = [`<line x1="${left}" y1="${n(top + plotHeight)}" x2="${n(width - 8)}" y2="${n(top + plotHeight)}" stroke="${GRID}"/>`];
  categories.forEach((category, i) => {
    const x0 = left + i * slot + 5;
    series.forEach((s, j) => {
      const value = s.values[i] ?? 0;
      const h = (plotHeight * value) / max;
      const x = x0 + j * column;
      parts.push(rect(x, top + plotHeight - h, column - 1, h, s.fill));
      parts.push(text(x + (column - 1) / 2, top + plotHeight - h - 3, String(value), `text-anchor="middle" font-size="${series.length > 1 ? 9 : 11}" fill="${MUTED}"`));
    });
    parts.push(text(left + i * slot + slot / 2, top + plotHeight + 14, category, `text-anchor="middle" font-size="10" fill="${MUTED}"`));
  });
  const legend = series.length > 1 ? series.map((s) => ({ label: s.name, fill: s.fill })) : [];
  return figure(frame, width, height, parts.join(''), legend);
}

export interface GaugeBand {
  from: number;
  to: number;
  label: string;
}

/** A half-circle gauge from 0 to 100: the bands (levels) as a pale track with their bounds, the value as a filled arc and in large figures. */
export function gauge(frame: ChartFrame, value: number | null, valueText: string, bands: GaugeBand[], accent: string): string {
  const cx = 130;
  const cy = 120;
  const r = 96;
  const point = (v: number, radius = r) => {
    const angle = Math.PI * (1 - v / 100);
    return { x: cx + radius * Math.cos(angle), y: cy - radius * Math.sin(angle) };
  };
  const arc = (from: number, to: number) => {
    const a = point(from);
    const b = point(to);
    return `M${n(a.x)} ${n(a.y)}A${r} ${r} 0 0 1 ${n(b.x)} ${n(b.y)}`;
  };
  const parts = bands.map((band, i) => `<path d="${arc(band.from, band.to)}" fill="none" stroke="${i % 2 ? '#e4e7eb' : '#eef1f4'}" stroke-width="22"/>`);
  for (const bound of [0, ...bands.map((band) => band.to)]) {
    const outer = point(bound, r + 14);
    parts.push(text(outer.x, outer.y + 4, String(bound), `text-anchor="middle" font-size="10" fill="${MUTED}"`));
  }
  if (value !== null && value > 0) parts.push(`<path d="${arc(0, Math.min(100, value))}" fill="none" stroke="${accent}" stroke-width="22"/>`);
  parts.push(text(cx, cy - 12, valueText, `text-anchor="middle" font-size="30" font-weight="700"`));
  parts.push(text(cx, cy + 8, '/ 100', `text-anchor="middle" fill="${MUTED}"`));
  return figure(frame, 260, 140, parts.join(''));
}

/** The charts' styles, added to a report's own: layout of figure and legend, the hidden table, print. */
export const CHART_CSS = `
.chart{margin:.75rem 0 1rem;break-inside:avoid}
.chart figcaption{font-weight:600;margin:0 0 .3rem}
.chart svg{display:block;max-width:100%;height:auto}
.legend{display:flex;flex-wrap:wrap;gap:.2rem 1rem;list-style:none;margin:.3rem 0 0;padding:0;font-size:.85rem;color:#57606a}
.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-.1rem;border-radius:2px}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media print{.chart svg{max-width:17cm}.legend .swatch{print-color-adjust:exact;-webkit-print-color-adjust:exact}.chart{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
`;
