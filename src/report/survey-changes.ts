// What `survey compare` prints (terminal text, CSV with one row per comune) and the dashboard's "what changed"
// section with both runs' index distributions. Pure functions of a SurveyComparison.
import type { Messages, Lang } from './i18n/index.js';
import { messages } from './i18n/index.js';
import { clean, escapeMarkup as esc } from './common.js';
import { formatChange, formatIndex } from './compare.js';
import { spreadsheetHeaders, spreadsheetLabels, spreadsheetValue, toCsv, type Cell, type CsvReportOptions } from './csv.js';
import { columnChart } from './charts/svg.js';
import { HISTOGRAM_BINS } from './survey-figures.js';
import { COMPARABLE_KINDS, type ComuneChange, type SurveyComparison } from './survey-compare.js';

/** Comuni listed by name in the terminal text per group; the CSV has them all. */
const COMUNI_SHOWN = 20;

function shareText(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** Change of a share in percentage points, with its sign; '' when a side is missing. */
function pointsChange(before: number | null, after: number | null): string {
  if (before === null || after === null) return '';
  const change = Math.round(after * 100) - Math.round(before * 100);
  return change > 0 ? `+${change}` : change < 0 ? `−${-change}` : '±0';
}

function runName(run: SurveyComparison['from'], t: Messages): string {
  return t.dashboard.runName(run.id, run.startedAt.slice(0, 10));
}

function comuneName(change: ComuneChange): string {
  return clean(change.name ?? change.key);
}

function changedChecks(change: ComuneChange, kind: 'improved' | 'regressed'): string[] {
  return change.checks.filter((check) => check.change === kind).map((check) => check.id);
}

/** Why a comune cannot be compared, in words. */
function notComparableText(change: ComuneChange, comparison: SurveyComparison, t: Messages): string {
  const d = t.dashboard;
  switch (change.kind) {
    case 'only-before':
      return d.onlyIn(runName(comparison.from, t));
    case 'only-after':
      return d.onlyIn(runName(comparison.to, t));
    case 'unreachable-before':
      return d.unreachableIn(runName(comparison.from, t), change.before?.reason ?? '');
    case 'unreachable-after':
      return d.unreachableIn(runName(comparison.to, t), change.after?.reason ?? '');
    default:
      return d.notScoredIn;
  }
}

function comuneLine(change: ComuneChange, t: Messages): string {
  const index = `${formatIndex(change.before?.index ?? null, t)} → ${formatIndex(change.after?.index ?? null, t)}`;
  const parts = [`  ${comuneName(change)}: ${index}${change.indexChange === null ? '' : ` (${formatChange(change.indexChange, t)})`}`];
  const regressed = changedChecks(change, 'regressed');
  const improved = changedChecks(change, 'improved');
  if (regressed.length) parts.push(t.dashboard.checksRegressed(regressed.join(', ')));
  if (improved.length) parts.push(t.dashboard.checksImproved(improved.join(', ')));
  return parts.join('; ');
}

function listed(lines: string[], t: Messages): string[] {
  return lines.length > COMUNI_SHOWN ? [...lines.slice(0, COMUNI_SHOWN), `  ${t.compare.morePlaces(lines.length - COMUNI_SHOWN)}`] : lines;
}

/** Comuni of a kind, the largest index change first (ties in the list's order). */
function byChange(comparison: SurveyComparison, kind: 'improved' | 'regressed'): ComuneChange[] {
  return comparison.comuni.filter((change) => change.kind === kind).sort((a, b) => Math.abs(b.indexChange ?? 0) - Math.abs(a.indexChange ?? 0));
}

export function renderSurveyComparisonText(comparison: SurveyComparison, lang: Lang): string {
  const t = messages(lang);
  const d = t.dashboard;
  const compared = comparison.comuni.filter((change) => COMPARABLE_KINDS.includes(change.kind));
  const median = comparison.medianBefore !== null && comparison.medianAfter !== null ? formatChange(Math.round((comparison.medianAfter - comparison.medianBefore) * 10) / 10, t) : '';
  const lines = [
    d.changesHeading(runName(comparison.from, t), runName(comparison.to, t)),
    d.comparedLine(compared.length, `${formatIndex(comparison.medianBefore, t)} → ${formatIndex(comparison.medianAfter, t)}${median ? ` (${median})` : ''}`),
    '',
    d.adoptionChange,
    ...comparison.points.map((point) => {
      const change = pointsChange(point.before, point.after);
      return `  ${t.pointName[point.point]}: ${shareText(point.before)} → ${shareText(point.after)}${change ? ` (${change})` : ''}`;
    }),
  ];
  const regressed = byChange(comparison, 'regressed');
  const improved = byChange(comparison, 'improved');
  const notComparable = comparison.comuni.filter((change) => !COMPARABLE_KINDS.includes(change.kind));
  lines.push('', d.comuniRegressed(regressed.length), ...listed(regressed.map((change) => comuneLine(change, t)), t));
  lines.push('', d.comuniImproved(improved.length), ...listed(improved.map((change) => comuneLine(change, t)), t));
  lines.push('', d.comuniUnchanged(comparison.comuni.filter((change) => change.kind === 'unchanged').length));
  if (notComparable.length) {
    lines.push('', t.compare.notComparable(notComparable.length), ...listed(notComparable.map((change) => `  ${comuneName(change)}: ${notComparableText(change, comparison, t)}`), t));
  }
  return `${lines.join('\n')}\n`;
}

export const SURVEY_COMPARE_COLUMNS = [
  'key', 'name', 'region', 'province', 'change', 'status_before', 'status_after', 'index_before', 'index_after', 'index_change', 'checks_regressed', 'checks_improved',
];

/**
 * One row per comune of either run. The change (improved, regressed, only-before, unreachable-after…) and the
 * statuses are Italian names with --lang it, the stable ids with --lang en or --csv-ids, as in audit's CSV.
 */
export function renderSurveyComparisonCsv(comparison: SurveyComparison, options: CsvReportOptions): string {
  const labels = spreadsheetLabels(options.lang, options.ids);
  const t = messages('it').csv;
  const rows = comparison.comuni.map((change): Cell[] => [
    change.key,
    change.name,
    change.region,
    change.province,
    spreadsheetValue(change.kind, t.comuneChange, labels),
    spreadsheetValue(change.before?.status ?? null, t.surveyStatus, labels),
    spreadsheetValue(change.after?.status ?? null, t.surveyStatus, labels),
    change.before?.index ?? null,
    change.after?.index ?? null,
    change.indexChange,
    changedChecks(change, 'regressed').join(' '),
    changedChecks(change, 'improved').join(' '),
  ]);
  return toCsv(spreadsheetHeaders(SURVEY_COMPARE_COLUMNS, t.surveyCompareColumns, labels), rows, options);
}

/** The dashboard's "Cosa è cambiato" section: both distributions, adoption per point, the comuni that regressed. */
export function surveyChangesSection(comparison: SurveyComparison, t: Messages): string {
  const d = t.dashboard;
  const bins = Array.from({ length: HISTOGRAM_BINS }, (_, i) => `${i * 10}–${i * 10 + 10}`);
  const before = runName(comparison.from, t);
  const after = runName(comparison.to, t);
  const chart = columnChart(
    {
      id: 'chart-changes',
      caption: d.changesChartCaption,
      summary: d.changesChartSummary(before, formatIndex(comparison.medianBefore, t), after, formatIndex(comparison.medianAfter, t)),
      table: { head: [d.indexBand, before, after], rows: bins.map((bin, i) => [bin, String(comparison.histogramBefore[i]), String(comparison.histogramAfter[i])]) },
    },
    bins,
    [
      { name: before, fill: '#8c959f', values: comparison.histogramBefore },
      { name: after, fill: '#0b4f9c', values: comparison.histogramAfter },
    ],
  );
  const adoption =
    `<table><caption>${esc(d.adoptionChange)}</caption><thead><tr><th scope="col">${esc(t.html.point)}</th><th scope="col" class="num">${esc(before)}</th>` +
    `<th scope="col" class="num">${esc(after)}</th><th scope="col" class="num">${esc(d.changeColumn)}</th></tr></thead><tbody>` +
    comparison.points
      .map((point) => `<tr><th scope="row">${esc(t.pointName[point.point])}</th><td class="num">${shareText(point.before)}</td><td class="num">${shareText(point.after)}</td><td class="num">${esc(pointsChange(point.before, point.after))}</td></tr>`)
      .join('') +
    `</tbody></table>`;
  const regressed = byChange(comparison, 'regressed');
  const compared = comparison.comuni.filter((change) => COMPARABLE_KINDS.includes(change.kind)).length;
  const regressedTable = regressed.length
    ? `<div class="wide"><table><caption>${esc(d.comuniRegressed(regressed.length))}</caption><thead><tr><th scope="col">${esc(d.comune)}</th><th scope="col">${esc(d.province)}</th>` +
      `<th scope="col" class="num">${esc(before)}</th><th scope="col" class="num">${esc(after)}</th><th scope="col" class="num">${esc(d.changeColumn)}</th><th scope="col">${esc(d.checksColumn)}</th></tr></thead><tbody>` +
      regressed
        .map(
          (change) =>
            `<tr><th scope="row">${esc(change.name ?? change.key)}</th><td>${esc(change.province ?? '')}</td><td class="num">${esc(formatIndex(change.before?.index ?? null, t))}</td>` +
            `<td class="num">${esc(formatIndex(change.after?.index ?? null, t))}</td><td class="num">${esc(formatChange(change.indexChange ?? 0, t))}</td><td>${esc(changedChecks(change, 'regressed').join(', '))}</td></tr>`,
        )
        .join('') +
      `</tbody></table></div>`
    : `<p>${esc(d.comuniRegressed(0))}</p>`;
  const notComparable = comparison.comuni.length - compared;
  const note = `<p>${esc(d.comparedLine(compared, `${formatIndex(comparison.medianBefore, t)} → ${formatIndex(comparison.medianAfter, t)}`))}${notComparable ? ` ${esc(d.notComparableNote(notComparable))}` : ''}</p>`;
  return `<section aria-labelledby="changes"><h2 id="changes">${esc(d.changesTitle)}</h2>${note}${chart}${adoption}${regressedTable}</section>`;
}
