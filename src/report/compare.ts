// What `compare` prints: a comparison of two audits as terminal text, CSV (one row per check) or JSON. Pure.
import { checksWith, NOT_COMPARABLE, type CheckChange, type Comparison, type RunSide } from '../compare/index.js';
import type { Localised } from '../types.js';
import { STATUS_SYMBOL, clean, formatDecimal, formatScore } from './common.js';
import { spreadsheetHeaders, spreadsheetLabels, spreadsheetValue, toCsv, type Cell, type CsvReportOptions } from './csv.js';
import { messages, type Lang, type Messages } from './i18n/index.js';

/** Evidence places listed under a changed check; the rest are counted (all are in the JSON and CSV). */
const PLACES_SHOWN = 3;

export function formatIndex(value: number | null, t: Messages): string {
  return value === null ? t.notScored : formatDecimal(value, 1, t);
}

/** "+5,8", "−2,0", "±0,0": a change of the index with its sign. */
export function formatChange(value: number, t: Messages): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${formatDecimal(Math.abs(value), 1, t)}`;
}

function sideLine(label: string, side: RunSide, t: Messages, lang: Lang): string {
  const parts = [formatIndex(side.index, t)];
  if (side.level) parts.push(side.level.name[lang]);
  if (side.startedAt) parts.push(side.startedAt.slice(0, 10));
  if (side.toolVersion) parts.push(`comune-audit ${side.toolVersion}`);
  return t.compare.sideLine(label, parts);
}

function checkName(check: CheckChange, lang: Lang): string {
  const title: Localised | null = check.title;
  return title ? `${check.id} · ${clean(title[lang])}` : check.id;
}

function placeLines(places: string[], word: (place: string) => string, t: Messages): string[] {
  const lines = places.slice(0, PLACES_SHOWN).map((place) => `      ${word(clean(place))}`);
  if (places.length > PLACES_SHOWN) lines.push(`      ${t.compare.morePlaces(places.length - PLACES_SHOWN)}`);
  return lines;
}

function changedLines(check: CheckChange, t: Messages, lang: Lang): string[] {
  const after = check.after!;
  return [
    `  ${STATUS_SYMBOL[after]} ${checkName(check, lang)}: ${t.status[check.before!]} → ${t.status[after]}`,
    ...placeLines(check.gained, t.compare.gained, t),
    ...placeLines(check.lost, t.compare.lost, t),
  ];
}

function whyNotComparable(check: CheckChange, t: Messages): string {
  if (check.change === 'new') return t.compare.newCheck;
  if (check.change === 'dropped') return t.compare.droppedCheck;
  return t.compare.undecided(check.before ? t.status[check.before] : '—', check.after ? t.status[check.after] : '—');
}

export function renderComparisonText(comparison: Comparison, lang: Lang): string {
  const t = messages(lang);
  const { before, after } = comparison;
  const lines = [
    t.compare.heading(clean(after.siteUrl || before.siteUrl)),
    sideLine(t.compare.before, before, t, lang),
    sideLine(t.compare.after, after, t, lang),
  ];
  const unreachable = before.fatal ? { which: t.compare.inBefore, fatal: before.fatal } : after.fatal ? { which: t.compare.inAfter, fatal: after.fatal } : null;
  if (unreachable) {
    lines.push('', t.compare.unreachable(unreachable.which, clean(unreachable.fatal.message[lang])));
    return `${lines.join('\n')}\n`;
  }
  const change = comparison.indexChange === null ? '' : formatChange(comparison.indexChange, t);
  lines.push(t.compare.indexLine(formatIndex(before.index, t), formatIndex(after.index, t), change));

  const improved = checksWith(comparison, 'improved');
  const regressed = checksWith(comparison, 'regressed');
  const notComparable = checksWith(comparison, ...NOT_COMPARABLE);
  if (regressed.length) lines.push('', t.compare.regressed(regressed.length), ...regressed.flatMap((check) => changedLines(check, t, lang)));
  if (improved.length) lines.push('', t.compare.improved(improved.length), ...improved.flatMap((check) => changedLines(check, t, lang)));
  if (!improved.length && !regressed.length) lines.push('', t.compare.nothingChanged);
  if (notComparable.length) {
    lines.push('', t.compare.notComparable(notComparable.length), ...notComparable.map((check) => `  ${checkName(check, lang)}: ${whyNotComparable(check, t)}`));
  }
  const points = comparison.points.flatMap((point) =>
    point.before && point.after && (point.before.status !== point.after.status || point.before.score !== point.after.score)
      ? [{ id: point.id, before: point.before, after: point.after }]
      : [],
  );
  if (points.length) {
    lines.push('', t.compare.pointsChanged);
    for (const { id, before: old, after: now } of points) {
      lines.push(`  ${t.pointName[id]}: ${formatScore(old.score, t)} → ${formatScore(now.score, t)} (${t.status[old.status]} → ${t.status[now.status]})`);
    }
  }
  lines.push('', t.compare.unchanged(checksWith(comparison, 'unchanged').length));
  return `${lines.join('\n')}\n`;
}

export const COMPARE_COLUMNS = ['id', 'point', 'change', 'before', 'after', 'title', 'lost_evidence', 'gained_evidence'];

/**
 * One row per check of either run. Point, change (improved, regressed, new, undecided…) and the statuses are Italian
 * names with --lang it, the stable ids with --lang en or --csv-ids, as in audit's CSV.
 */
export function renderComparisonCsv(comparison: Comparison, options: CsvReportOptions): string {
  const labels = spreadsheetLabels(options.lang, options.ids);
  const t = messages('it');
  const rows = comparison.checks.map((check): Cell[] => [
    check.id,
    spreadsheetValue(check.point, t.pointName, labels),
    spreadsheetValue(check.change, t.csv.checkChange, labels),
    spreadsheetValue(check.before, t.status, labels),
    spreadsheetValue(check.after, t.status, labels),
    check.title ? check.title[options.lang] : null,
    check.lost.join(' | '),
    check.gained.join(' | '),
  ]);
  return toCsv(spreadsheetHeaders(COMPARE_COLUMNS, t.csv.compareColumns, labels), rows, options);
}

export function renderComparisonJson(comparison: Comparison): string {
  return `${JSON.stringify(comparison, null, 2)}\n`;
}
