// Markdown summary for a merge-request comment or $GITHUB_STEP_SUMMARY: index and level (with the legal cap), what
// got worse than the baseline first, the ten points and the governance rows, then the findings with evidence links.
// GitHub-flavoured tables; everything the site supplied is escaped, so a page title cannot inject markup or links.
import type { CheckResult, Evidence, PointScore, Report } from '../types.js';
import {
  STATUS_SYMBOL,
  capText,
  clean,
  fatalAdvice,
  findings,
  formatDecimal,
  formatScore,
  indexBasisPhrase,
  levelText,
  orderedEvidence,
  outcomeCounts,
  outcomeMark,
  shortTitle,
  singlePageKind,
} from './common.js';
import { POINTS } from '../../rules/scoring.js';
import { messages, type Lang, type Messages } from './i18n/index.js';

/** A check that got worse than in the baseline (the CLI's --baseline comparison). */
export interface MarkdownRegression {
  id: string;
  before: CheckResult['status'];
  after: CheckResult['status'];
  /** Evidence places the baseline showed and this run does not. */
  lost: string[];
}

export interface MarkdownOptions {
  lang: Lang;
  /** With --baseline: its name and what got worse, listed first. */
  baseline?: { path: string; index: number | null; regressions: MarkdownRegression[] };
  /** Findings listed (fail first, then partial, heaviest first). */
  top?: number;
}

const EVIDENCE_PER_FINDING = 3;

/**
 * Backslash-escapes the characters that make Markdown inline (emphasis, code, links, HTML, entities, table cells);
 * text never starts a line here, so list and heading markers need none.
 */
export function escapeMarkdown(text: string): string {
  return clean(text).replace(/[\\`*_[\]<>|~&]/g, '\\$&');
}

/** A URL as a link target: <…> form, with the characters that would end it percent-encoded. */
function linkTarget(url: string): string {
  return `<${clean(url).replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

function evidenceLine(item: Evidence, t: Messages, lang: Lang): string {
  const mark = outcomeMark(item, t);
  const parts = mark ? [`**${mark}**`] : [];
  parts.push(/^https?:\/\//.test(item.url) ? `[${escapeMarkdown(item.url)}](${linkTarget(item.url)})` : escapeMarkdown(item.url));
  if (item.selector) parts.push(`\`${clean(item.selector).replace(/`/g, "'")}\``);
  if (item.snippet) parts.push(`«${escapeMarkdown(item.snippet)}»`);
  if (item.note) parts.push(escapeMarkdown(item.note[lang]));
  return parts.join(' · ');
}

function pointRows(points: PointScore[], numbered: boolean, t: Messages): string[] {
  const head = numbered ? `| ${t.html.step} | ${t.html.point} | ${t.html.status} | ${t.html.score} |` : `| ${t.html.point} | ${t.html.status} | ${t.html.score} |`;
  const rule = numbered ? '|---:|---|---|---:|' : '|---|---|---:|';
  const rows = points.map((point, index) => {
    const cells = [t.pointName[point.id], `${STATUS_SYMBOL[point.status]} ${t.status[point.status]}`, formatScore(point.score, t)];
    return `| ${(numbered ? [String(index + 1), ...cells] : cells).join(' | ')} |`;
  });
  return [head, rule, ...rows];
}

function regressionLines(baseline: NonNullable<MarkdownOptions['baseline']>, report: Report, t: Messages, lang: Lang): string[] {
  const m = t.markdown;
  const index = (value: number | null) => (value === null ? t.notScored : formatDecimal(value, 1, t));
  if (!baseline.regressions.length) return [`### ${m.regressionsHeading(escapeMarkdown(baseline.path))}`, '', m.noRegressions, ''];
  const byId = new Map(report.checks.map((check) => [check.id, check]));
  const lines = [`### ${m.regressionsHeading(escapeMarkdown(baseline.path))}`, '', m.indexChange(index(baseline.index), index(report.maturity.index)), ''];
  lines.push(`| ${t.html.check} | ${m.before} | ${m.after} | ${m.lostEvidence} |`, '|---|---|---|---|');
  for (const r of baseline.regressions) {
    const check = byId.get(r.id);
    const name = check ? `**${escapeMarkdown(r.id)}** ${escapeMarkdown(shortTitle(check, lang))}` : `**${escapeMarkdown(r.id)}**`;
    const lost = r.lost.slice(0, EVIDENCE_PER_FINDING).map((place) => `\`${clean(place).replace(/`/g, "'")}\``).join('<br>');
    lines.push(`| ${name} | ${STATUS_SYMBOL[r.before]} ${t.status[r.before]} | ${STATUS_SYMBOL[r.after]} ${t.status[r.after]} | ${lost || '—'} |`);
  }
  lines.push('');
  return lines;
}

function findingLines(report: Report, t: Messages, lang: Lang, top: number): string[] {
  const found = findings(report.checks);
  if (!found.length) return [`### ${t.section.findings}`, '', t.noFindings, ''];
  const lines = [`### ${t.section.findings}`, ''];
  for (const check of found.slice(0, top)) {
    lines.push(`- ${STATUS_SYMBOL[check.status]} **${escapeMarkdown(check.id)}** ${escapeMarkdown(shortTitle(check, lang))}: ${escapeMarkdown(check.message[lang])}`);
    const evidence = orderedEvidence(check.evidence);
    const rest = evidence.slice(EVIDENCE_PER_FINDING);
    for (const item of evidence.slice(0, EVIDENCE_PER_FINDING)) lines.push(`  - ${evidenceLine(item, t, lang)}`);
    if (rest.length > 0) lines.push(`  - ${escapeMarkdown(t.moreEvidence(rest.length, outcomeCounts(rest, t)))}`);
  }
  if (found.length > top) lines.push('', escapeMarkdown(t.moreFindings(found.length - top)));
  lines.push('');
  return lines;
}

export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const { lang } = options;
  const t = messages(lang);
  const lines = [`## ${escapeMarkdown(t.reportTitle)}: ${escapeMarkdown(report.site.siteUrl)}`, ''];
  if (report.fatal) {
    lines.push(`**${t.fatalTitle}**: ${escapeMarkdown(report.fatal.message[lang])}`, '', `${t.whatToDo}: ${escapeMarkdown(fatalAdvice(report.fatal, t))}`, '');
    return `${lines.join('\n')}\n`;
  }
  const { index, level } = report.maturity;
  if (index === null || level === null) lines.push(`**${t.label.index}**: ${t.notScored}`, '');
  else {
    lines.push(`**${t.label.index}: ${formatDecimal(index, 1, t)} / 100 · ${t.label.level} ${escapeMarkdown(levelText(level, t, lang))}**`, '');
    const cap = capText(report.maturity, t, lang);
    if (cap) lines.push(`> ⚠ ${escapeMarkdown(cap)}`, '');
    const basis = indexBasisPhrase(report, t);
    if (basis) lines.push(`${escapeMarkdown(t.label.basis)} ${escapeMarkdown(basis)}`, '');
  }
  // A single-page audit's criteria depend on the kind of its page: say which, and why.
  const kind = singlePageKind(report, t, lang);
  if (kind) lines.push(`**${escapeMarkdown(t.label.pageKind)}**: ${escapeMarkdown(kind)}`, '');
  if (options.baseline) lines.push(...regressionLines(options.baseline, report, t, lang));
  const inIndex = report.points.filter((point) => POINTS[point.id].weight !== null);
  const governance = report.points.filter((point) => POINTS[point.id].weight === null);
  lines.push(`### ${t.section.points}`, '', ...pointRows(inIndex, true, t), '', `### ${t.section.governance}`, '', ...pointRows(governance, false, t), '');
  lines.push(...findingLines(report, t, lang, options.top ?? 10));
  const pages = t.pagesLine(report.run.pagesFetched, report.run.pagesFailed);
  lines.push(`<sub>${escapeMarkdown(`${report.tool.name} ${report.tool.version} · ${t.label.pages}: ${pages}`)}</sub>`);
  return `${lines.join('\n')}\n`;
}
