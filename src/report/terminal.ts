// The terminal summary: what a manager reads at a glance. Pure: same report and options → same string.
import { Chalk, type ChalkInstance } from 'chalk';
import type { CheckResult, Evidence, PointScore, Report, Status } from '../types.js';
import {
  STATUS_ORDER,
  STATUS_SYMBOL,
  capPhrases,
  categoryName,
  classificationSummary,
  clean,
  criteriaSections,
  fatalAdvice,
  findings,
  indexBasisPhrase,
  formatDecimal,
  formatScore,
  capText,
  levelText,
  orderedEvidence,
  outcomeCounts,
  runPhrase,
  shortTitle,
  singlePageKind,
  splitPoints,
  statusCounts,
} from './common.js';
import { messages, type Lang, type Messages } from './i18n/index.js';
import { discoveryLines } from './discovery.js';
import { declaredTopicsText, pageTopicsLine, topicTagsText, topicsSummary } from './topics.js';

export interface TerminalOptions {
  lang: Lang;
  color: boolean;
  /** Columns to lay out for; default 80. */
  width?: number;
  /** How many findings to list; default 10. */
  top?: number;
}

const DEFAULT_WIDTH = 80;
const DEFAULT_TOP = 10;
const MIN_WIDTH = 40;
const BAR_CELLS = 20;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}

/**
 * Packs tokens into lines of at most `width` columns, joined by `separator`; a token longer than the line
 * (a URL) gets a line of its own, unbroken.
 */
function pack(tokens: string[], separator: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && line.length + separator.length + token.length > width) {
      lines.push(line);
      line = token;
    } else {
      line = line ? `${line}${separator}${token}` : token;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Word-wraps text to `width` columns. */
function wrap(text: string, width: number): string[] {
  return pack(text.split(/\s+/).filter(Boolean), ' ', width);
}

class Layout {
  readonly t: Messages;
  readonly c: ChalkInstance;
  readonly width: number;
  readonly lines: string[] = [];

  constructor(readonly options: TerminalOptions) {
    this.t = messages(options.lang);
    this.c = new Chalk({ level: options.color ? 1 : 0 });
    this.width = Math.max(MIN_WIDTH, options.width ?? DEFAULT_WIDTH);
  }

  push(...lines: string[]): void {
    this.lines.push(...lines);
  }

  symbol(status: Status): string {
    const paint: Record<Status, ChalkInstance> = {
      pass: this.c.green,
      partial: this.c.yellow,
      fail: this.c.red,
      unknown: this.c.gray,
      error: this.c.magenta,
    };
    return paint[status](STATUS_SYMBOL[status]);
  }

  heading(text: string): void {
    this.push('', this.c.bold(text));
  }

  /** "Label      value", labels aligned, value wrapped under itself; a list breaks only between items, unless one is longer than the line. */
  field(label: string, value: string | { items: string[]; separator: string }, labelWidth: number): void {
    const indent = ' '.repeat(labelWidth);
    const room = this.width - labelWidth;
    let lines: string[];
    if (typeof value === 'string') lines = wrap(value, room);
    // An item longer than the line (a long phrase, not a URL) is word-wrapped rather than left to overflow.
    else if (value.items.some((item) => item.length > room)) lines = wrap(value.items.join(value.separator), room);
    else lines = pack(value.items, value.separator, room);
    lines.forEach((line, i) => {
      this.push(i === 0 ? `${this.c.bold(label.padEnd(labelWidth))}${line}` : `${indent}${line}`);
    });
  }

  /** Text wrapped at the layout width, every line indented. */
  paragraph(text: string, indent: number, paint: (text: string) => string = (plain) => plain): void {
    const pad = ' '.repeat(indent);
    for (const line of wrap(text, this.width - indent)) this.push(pad + paint(line));
  }
}

function renderHeader(layout: Layout, report: Report, labelWidth: number): void {
  const { t, c } = layout;
  layout.push(c.bold(`${report.tool.name} ${report.tool.version} · ${t.reportTitle}`), c.dim('─'.repeat(layout.width)));
  layout.field(t.label.site, clean(report.site.siteUrl || report.site.startUrl), labelWidth);
}

function renderFatal(layout: Layout, report: Report, labelWidth: number): void {
  const { t, c } = layout;
  const fatal = report.fatal!;
  layout.push('');
  layout.paragraph(`${STATUS_SYMBOL.fail} ${t.fatalTitle}: ${clean(fatal.message[layout.options.lang])}`, 0, c.red);
  layout.field(`${t.whatToDo}:`, fatalAdvice(fatal, t), labelWidth);
}

function renderRun(layout: Layout, report: Report, labelWidth: number): void {
  const { t } = layout;
  layout.field(t.label.pages, t.pagesLine(report.run.pagesFetched, report.run.pagesFailed), labelWidth);
  const caps = capPhrases(report, t);
  if (report.run.singlePage) caps.unshift(t.singlePage);
  layout.field(t.label.caps, caps.length > 0 ? { items: caps, separator: '; ' } : t.capsNone, labelWidth);
  const kind = singlePageKind(report, t, layout.options.lang);
  if (kind) layout.field(t.label.pageKind, kind, labelWidth);
  const topics = report.run.singlePage && report.pages[0] ? pageTopicsLine(report.pages[0], t, layout.options.lang) : null;
  if (topics) layout.field(t.label.topics, clean(topics), labelWidth);
  const run = runPhrase(report, t);
  if (run) layout.field(t.label.run, run, labelWidth);
}

function renderMaturity(layout: Layout, report: Report, labelWidth: number): void {
  const { t, c } = layout;
  const { index, level } = report.maturity;
  layout.push('');
  if (index === null || level === null) {
    layout.field(t.label.index, t.notScored, labelWidth);
    return;
  }
  const filled = Math.round((index / 100) * BAR_CELLS);
  const paint = index >= 60 ? c.green : index >= 40 ? c.yellow : c.red;
  const bar = paint('█'.repeat(filled)) + c.dim('░'.repeat(BAR_CELLS - filled));
  layout.push(`${c.bold(t.label.index.padEnd(labelWidth))}${c.bold(`${formatDecimal(index, 1, t)} / 100`)}   ${bar}`);
  const { lang } = layout.options;
  const cap = capText(report.maturity, t, lang);
  layout.field(t.label.level, cap ? `${levelText(level, t, lang)} — ${cap}` : levelText(level, t, lang), labelWidth);
  const basis = indexBasisPhrase(report, t);
  if (basis) layout.field(t.label.basis, basis, labelWidth);
}

function renderChecksLine(layout: Layout, report: Report, labelWidth: number): void {
  const { t } = layout;
  const counts = statusCounts(report.checks);
  const parts = STATUS_ORDER.filter((status) => counts[status] > 0).map((status) => t.statusCount[status](counts[status]));
  layout.field(t.label.checks, { items: [String(report.checks.length), ...parts], separator: ' · ' }, labelWidth);
}

/** "  ✔   1  Name ........  100": number column blank for governance rows. */
function renderPointRows(layout: Layout, rows: { point: PointScore; number: string }[], nameWidth: number): void {
  const { t } = layout;
  for (const { point, number } of rows) {
    const name = truncate(t.pointName[point.id], nameWidth).padEnd(nameWidth);
    layout.push(`  ${layout.symbol(point.status)}  ${number.padStart(2)}  ${name}  ${formatScore(point.score, t).padStart(4)}`);
  }
}

function renderPoints(layout: Layout, report: Report): void {
  const { t, c } = layout;
  const { indexed, governance } = splitPoints(report.points);
  const longest = Math.max(...report.points.map((point) => t.pointName[point.id].length));
  const nameWidth = Math.min(longest, layout.width - 15);
  layout.heading(t.section.points);
  const legend = STATUS_ORDER.map((status) => `${STATUS_SYMBOL[status]} ${t.status[status]}`);
  for (const line of pack(legend, '  ', layout.width - 2)) layout.push(`  ${c.dim(line)}`);
  renderPointRows(layout, indexed.map((point, i) => ({ point, number: String(i + 1) })), nameWidth);
  layout.heading(t.section.governance);
  renderPointRows(layout, governance.map((point) => ({ point, number: '' })), nameWidth);
}

function renderCriteria(layout: Layout, report: Report): void {
  const { t, c } = layout;
  const sections = criteriaSections(report.checks);
  if (sections.length === 0) return;
  const idWidth = Math.max(...sections.flatMap((section) => section.checks.map((check) => check.id.length)));
  layout.heading(t.section.criteria);
  if (report.agid) layout.paragraph(t.agidVerdict(report.agid.wouldPass, report.agid.blocking, report.agid.unjudged), 2);
  for (const section of sections) {
    layout.push(`  ${c.underline(section.group === null ? t.section.otherCriteria : t.groupName[section.group])}`);
    for (const check of section.checks) {
      const title = truncate(clean(shortTitle(check, layout.options.lang)), layout.width - idWidth - 9);
      layout.push(`    ${layout.symbol(check.status)}  ${check.id.padEnd(idWidth)}  ${title}`);
    }
  }
}

const DISAGREEMENTS_SHOWN = 5;

function renderClassification(layout: Layout, report: Report): void {
  const summary = classificationSummary(report);
  if (!summary) return;
  const { t, c } = layout;
  const lang = layout.options.lang;
  const shown = summary.rows.filter((row) => row.pages > 0);
  const names = shown.map((row) => categoryName(row.category, lang));
  const pagesWidth = Math.max(t.classification.pages.length, 4);
  const servicesWidth = Math.max(t.classification.servicePages.length, 4);
  const nameWidth = Math.min(Math.max(...names.map((name) => name.length)), layout.width - pagesWidth - servicesWidth - 6);
  layout.heading(t.section.classification);
  layout.push(c.dim(`  ${''.padEnd(nameWidth)}  ${t.classification.pages.padStart(pagesWidth)}  ${t.classification.servicePages.padStart(servicesWidth)}`));
  shown.forEach((row, i) => {
    layout.push(`  ${truncate(names[i], nameWidth).padEnd(nameWidth)}  ${String(row.pages).padStart(pagesWidth)}  ${String(row.servicePages).padStart(servicesWidth)}`);
  });
  const without = summary.withoutService.map((id) => categoryName(id, lang)).join(', ');
  layout.paragraph(without ? t.classification.withoutService(without) : t.classification.allHaveService, 2);
  if (summary.disagreements.length === 0) return;
  layout.paragraph(t.classification.disagreements(summary.disagreements.length), 2);
  for (const page of summary.disagreements.slice(0, DISAGREEMENTS_SHOWN)) {
    layout.push(`    ${c.cyan(clean(page.url))}`);
    layout.paragraph(t.classification.disagreement(categoryName(page.category!, lang), categoryName(page.declaredCategory!, lang)), 6, c.dim);
  }
  const more = summary.disagreements.length - DISAGREEMENTS_SHOWN;
  if (more > 0) layout.paragraph(t.classification.moreDisagreements(more), 4);
}

const TOPICS_SHOWN = 10;

/** The site's topics: how many, which pages declare theirs, the commonest topics, the pages whose chips the text does not bear out. */
function renderTopics(layout: Layout, report: Report): void {
  const summary = topicsSummary(report, layout.options.lang);
  if (!summary) return;
  const { t, c } = layout;
  const words = t.topics;
  layout.heading(t.section.topics);
  layout.paragraph(words.summary(summary.rows.filter((row) => row.pages > 0).length, summary.tagged, summary.classified), 2);
  layout.paragraph(words.declaring(summary.declaring, summary.outsideVocabulary.join(', ')), 2);
  if (summary.rows.length > 0) {
    const fromWidth = words.fromText.length;
    const declaredWidth = words.declared.length;
    const shown = summary.rows.slice(0, TOPICS_SHOWN);
    const nameWidth = Math.max(4, Math.min(Math.max(...shown.map((row) => row.label.length)), layout.width - fromWidth - declaredWidth - 6));
    layout.push(c.dim(`  ${''.padEnd(nameWidth)}  ${words.fromText.padStart(fromWidth)}  ${words.declared.padStart(declaredWidth)}`));
    for (const row of shown) {
      layout.push(`  ${truncate(clean(row.label), nameWidth).padEnd(nameWidth)}  ${String(row.pages).padStart(fromWidth)}  ${String(row.declaredPages).padStart(declaredWidth)}`);
    }
    const more = summary.rows.length - TOPICS_SHOWN;
    if (more > 0) layout.paragraph(words.more(more), 2);
  }
  if (summary.disagreements.length === 0) return;
  layout.paragraph(words.disagreements(summary.disagreements.length), 2);
  for (const { page, declared, inferred } of summary.disagreements.slice(0, DISAGREEMENTS_SHOWN)) {
    layout.push(`    ${c.cyan(clean(page.url))}`);
    layout.paragraph(clean(words.disagreement(declaredTopicsText(declared, layout.options.lang), inferred.length > 0 ? topicTagsText(inferred, t, layout.options.lang) : words.none)), 6, c.dim);
  }
  const more = summary.disagreements.length - DISAGREEMENTS_SHOWN;
  if (more > 0) layout.paragraph(words.moreDisagreements(more), 4);
}

/** Lines of a finding's evidence note past which the terminal cuts it (the HTML report holds it whole). */
const NOTE_LINES = 4;

/**
 * Where the evidence was seen and the rule's note, on one line when it fits; otherwise the place (selector and snippet)
 * on one cut line and the note wrapped below it, since the note names what was looked for and not found.
 */
function renderWhere(layout: Layout, item: Evidence): void {
  const { c } = layout;
  const room = layout.width - 10;
  const place = [item.selector, item.snippet ? `«${item.snippet}»` : ''].filter(Boolean).map(clean).join(' · ');
  const note = clean(item.note?.[layout.options.lang] ?? '');
  const line = [place, note].filter(Boolean).join(' · ');
  if (line.length <= room) {
    if (line) layout.push(`          ${c.dim(line)}`);
    return;
  }
  if (place) layout.push(`          ${c.dim(truncate(place, room))}`);
  const lines = wrap(note, room);
  const shown = lines.slice(0, NOTE_LINES);
  if (lines.length > NOTE_LINES) shown[NOTE_LINES - 1] = truncate(`${shown[NOTE_LINES - 1]} …`, room);
  for (const text of shown) layout.push(`          ${c.dim(text)}`);
}

function renderFinding(layout: Layout, check: CheckResult, n: number): void {
  const { c } = layout;
  const lang = layout.options.lang;
  const marker = `${n}.`.padEnd(4);
  const titleLines = wrap(clean(shortTitle(check, lang)), layout.width - 8);
  titleLines.forEach((line, i) => layout.push(i === 0 ? `  ${marker}${layout.symbol(check.status)} ${c.bold(line)}` : `        ${c.bold(line)}`));
  layout.paragraph(check.law ? `${check.id} · ${clean(check.law)}` : check.id, 8, c.dim);
  layout.paragraph(clean(check.message[lang]), 8);
  const [first, ...rest] = orderedEvidence(check.evidence);
  if (!first) return;
  // A page among several that fare differently says how it fared: symbol and word, readable without colour.
  const mark = first.outcome ? `${layout.symbol(first.outcome)} ${layout.t.status[first.outcome]} · ` : '';
  layout.push(`        → ${mark}${c.cyan(clean(first.url))}`);
  renderWhere(layout, first);
  if (rest.length > 0) layout.paragraph(layout.t.moreEvidence(rest.length, outcomeCounts(rest, layout.t)), 10, c.dim);
}

function renderFindings(layout: Layout, report: Report): void {
  const { t } = layout;
  const all = findings(report.checks);
  const top = Math.max(0, layout.options.top ?? DEFAULT_TOP);
  layout.heading(t.section.findings);
  if (all.length === 0) {
    layout.paragraph(t.noFindings, 2);
    return;
  }
  all.slice(0, top).forEach((check, i) => renderFinding(layout, check, i + 1));
  if (all.length > top) layout.paragraph(t.moreFindings(all.length - top), 2);
}

/** A robots.txt may list thousands of sitemaps, a site may answer every folder twice: the terminal names the first few. */
const SITEMAPS_SHOWN = 10;
const ALIASES_SHOWN = 10;

/** robots.txt and each sitemap: one entry each, its URL then what it answered and what the crawl took. */
function renderDiscovery(layout: Layout, report: Report): void {
  const lines = discoveryLines(report, layout.t, layout.options.lang);
  if (!lines) return;
  const { t, c } = layout;
  layout.heading(t.discovery.title);
  if (lines.robots) {
    layout.push(`  ${c.bold(t.discovery.robots)}  ${c.cyan(clean(lines.robots.url))}`);
    layout.paragraph(clean(lines.robots.text), 4);
  }
  if (lines.sitemaps) {
    layout.push(`  ${c.bold(t.discovery.sitemaps)}`);
    if (lines.sitemaps.length === 0) layout.paragraph(t.discovery.noSitemaps, 4);
    for (const sitemap of lines.sitemaps.slice(0, SITEMAPS_SHOWN)) {
      layout.push(`    ${c.cyan(clean(sitemap.url))} ${c.dim(`(${sitemap.source})`)}`);
      layout.paragraph(clean(sitemap.text), 6);
    }
    const more = lines.sitemaps.length - SITEMAPS_SHOWN;
    if (more > 0) layout.paragraph(t.discovery.moreSitemaps(more), 4);
  }
  if (lines.aliases.length === 0) return;
  layout.push(`  ${c.bold(t.discovery.aliases)}`);
  for (const alias of lines.aliases.slice(0, ALIASES_SHOWN)) {
    layout.push(`    ${c.cyan(clean(alias.url))}`);
    layout.paragraph(clean(alias.text), 6);
  }
  const more = lines.aliases.length - ALIASES_SHOWN;
  if (more > 0) layout.paragraph(t.discovery.moreAliases(more), 4);
}

export function renderTerminal(report: Report, options: TerminalOptions): string {
  const layout = new Layout(options);
  const { t } = layout;
  const labels = [t.label.site, t.label.pages, t.label.caps, t.label.pageKind, t.label.topics, t.label.run, t.label.index, t.label.level, t.label.basis, t.label.checks, `${t.whatToDo}:`];
  const labelWidth = Math.max(...labels.map((label) => label.length)) + 2;
  renderHeader(layout, report, labelWidth);
  if (report.fatal) {
    renderFatal(layout, report, labelWidth);
    renderDiscovery(layout, report);
  } else {
    renderRun(layout, report, labelWidth);
    renderMaturity(layout, report, labelWidth);
    renderChecksLine(layout, report, labelWidth);
    renderPoints(layout, report);
    renderCriteria(layout, report);
    renderClassification(layout, report);
    renderTopics(layout, report);
    renderFindings(layout, report);
    renderDiscovery(layout, report);
  }
  return `${layout.lines.join('\n')}\n`;
}
