// The single-site HTML report's charts: the index gauge, the ten points as bars, the AGID criteria by group, the pages
// of each service category.
import { MATURITY_LEVELS } from '../../../rules/scoring.js';
import type { Report, Status } from '../../types.js';
import { STATUS_ORDER, categoryName, criteriaSections, formatDecimal, formatScore, splitPoints, statusCounts, type ClassificationSummary } from '../common.js';
import type { Lang, Messages } from '../i18n/index.js';
import { STATUS_FILL, barChart, gauge, stackedBarChart, type LegendItem } from './svg.js';

const ACCENT = '#0b4f9c';

/** The statuses present, in the usual order, as legend entries. */
export function statusLegend(present: Iterable<Status>, t: Messages): LegendItem[] {
  const set = new Set(present);
  return STATUS_ORDER.filter((status) => set.has(status)).map((status) => ({ label: t.status[status], fill: STATUS_FILL[status] }));
}

/** "3 superati, 2 parziali": counts of the statuses present. */
export function countsPhrase(counts: Record<Status, number>, t: Messages): string {
  return STATUS_ORDER.filter((status) => counts[status] > 0).map((status) => t.statusCount[status](counts[status])).join(', ');
}

/** The levels as bands of the index: each from its minimum to the next level's. */
export function levelBands(lang: Lang): { from: number; to: number; label: string }[] {
  return MATURITY_LEVELS.map((level, i) => ({ from: level.min, to: MATURITY_LEVELS[i + 1]?.min ?? 100, label: level.name[lang] }));
}

export function indexGauge(report: Report, t: Messages, lang: Lang): string {
  const { index, level } = report.maturity;
  const valueText = index === null ? t.notScored : formatDecimal(index, 1, t);
  const levelName = level?.name[lang] ?? t.notScored;
  const bands = levelBands(lang);
  return gauge(
    {
      id: 'chart-index',
      caption: t.charts.gaugeCaption,
      summary: t.charts.gaugeSummary(valueText, levelName),
      table: {
        head: [t.charts.measure, t.charts.value],
        rows: [[t.label.index, `${valueText} / 100`], [t.label.level, levelName], ...bands.map((band) => [band.label, t.charts.band(band.from, band.to)])],
      },
    },
    index,
    valueText,
    bands,
    ACCENT,
  );
}

export function pointsChart(report: Report, t: Messages): string {
  const { indexed } = splitPoints(report.points);
  if (!indexed.length) return '';
  return barChart(
    {
      id: 'chart-points',
      caption: t.charts.pointsCaption,
      summary: t.charts.pointsSummary(indexed.length, countsPhrase(statusCounts(indexed), t)),
      // The points table right after the chart holds the same figures.
      table: null,
    },
    indexed.map((point) => ({
      label: t.pointName[point.id],
      value: point.score === null ? null : point.score * 100,
      valueText: formatScore(point.score, t),
      fill: STATUS_FILL[point.status],
    })),
    statusLegend(indexed.map((point) => point.status), t),
  );
}

export function criteriaChart(report: Report, t: Messages): string {
  const sections = criteriaSections(report.checks);
  if (!sections.length) return '';
  const rows = sections.map((section) => ({ name: section.group === null ? t.section.otherCriteria : t.groupName[section.group], counts: statusCounts(section.checks) }));
  const present = STATUS_ORDER.filter((status) => rows.some((row) => row.counts[status] > 0));
  const total = rows.reduce((sum, row) => sum + STATUS_ORDER.reduce((s, status) => s + row.counts[status], 0), 0);
  const passed = rows.reduce((sum, row) => sum + row.counts.pass, 0);
  return stackedBarChart(
    {
      id: 'chart-criteria',
      caption: t.charts.criteriaCaption,
      summary: t.charts.criteriaSummary(passed, total),
      table: { head: [t.charts.group, ...present.map((status) => t.status[status])], rows: rows.map((row) => [row.name, ...present.map((status) => String(row.counts[status]))]) },
    },
    rows.map((row) => ({ label: row.name, segments: present.map((status) => ({ count: row.counts[status], fill: STATUS_FILL[status] })) })),
    statusLegend(present, t),
    (count) => String(count),
  );
}

/**
 * Pages per service category (all of them, empty ones included, as in the table that follows and holds the figures):
 * bars on a count scale whose top is the largest count rounded up to a multiple of 4, so every grid line is a whole
 * number.
 */
export function categoriesChart(summary: ClassificationSummary, t: Messages, lang: Lang): string {
  // A summary exists only when some page was classified: the largest row has at least one.
  const largest = summary.rows.reduce((top, row) => (row.pages > top.pages ? row : top));
  const scale = Math.ceil(largest.pages / 4) * 4;
  const classified = summary.rows.reduce((sum, row) => sum + row.pages, 0);
  const withPages = summary.rows.filter((row) => row.pages > 0).length;
  return barChart(
    {
      id: 'chart-categories',
      caption: t.charts.categoriesCaption,
      summary: t.charts.categoriesSummary(classified, withPages, summary.rows.length, categoryName(largest.category, lang), largest.pages),
      table: null,
    },
    summary.rows.map((row) => ({ label: categoryName(row.category, lang), value: (100 * row.pages) / scale, valueText: String(row.pages), fill: ACCENT })),
    [],
    (percent) => String((scale * percent) / 100),
  );
}
