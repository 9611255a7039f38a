// What the human-readable reporters (terminal, HTML, JUnit) share: ordering, selections, escaping and wording of figures.
import { MATURITY_LEVELS, POINTS } from '../../rules/scoring.js';
import { LINKS_MAX, MAX_NESTING } from '../facts/caps.js';
import { CATEGORIES } from '../classify/categories.js';
import type { CategoryId, CheckResult, Evidence, FetchError, Maturity, MaturityLevelName, PageSummary, PointScore, Report, Status } from '../types.js';
import type { CriteriaGroup, Lang, Messages } from './i18n/index.js';

const CATEGORY_NAMES = new Map(CATEGORIES.map((category) => [category.id, category]));

/** A service category's official name (Italian) or its English label. */
export function categoryName(id: CategoryId, lang: Lang): string {
  const category = CATEGORY_NAMES.get(id);
  if (!category) return id;
  return lang === 'it' ? category.label : category.labelEn;
}

export const STATUS_SYMBOL: Record<Status, string> = { pass: '✔', partial: '◐', fail: '✘', unknown: '?', error: '!' };
export const STATUS_ORDER: readonly Status[] = ['pass', 'partial', 'fail', 'unknown', 'error'];

/** The official checklist's groups, in its order. */
export const CRITERIA_GROUPS: readonly CriteriaGroup[] = [
  'cittadino-informato',
  'funzionalita',
  'normativa',
  'prestazioni',
  'sicurezza',
  'raccomandazioni',
];

/** The ten points in the index (with their 1-based step number) and the governance rows beside it. */
export function splitPoints(points: PointScore[]): { indexed: PointScore[]; governance: PointScore[] } {
  return {
    indexed: points.filter((point) => POINTS[point.id].weight !== null),
    governance: points.filter((point) => POINTS[point.id].weight === null),
  };
}

export interface CriteriaSection {
  /** null for design checks the rules left without a group. */
  group: CriteriaGroup | null;
  checks: CheckResult[];
}

/** Design criteria grouped as the official checklist does; empty groups left out; rule order kept inside a group. */
export function criteriaSections(checks: CheckResult[]): CriteriaSection[] {
  const design = checks.filter((check) => check.point === 'design');
  const sections: CriteriaSection[] = CRITERIA_GROUPS.map((group) => ({
    group,
    checks: design.filter((check) => check.group === group),
  }));
  sections.push({ group: null, checks: design.filter((check) => check.group === undefined) });
  return sections.filter((section) => section.checks.length > 0);
}

/** The check's title without a leading copy of its id ("C.SI.1.2 - Libreria…" → "Libreria…"): the id is shown beside it. */
export function shortTitle(check: CheckResult, lang: Lang): string {
  const title = check.title[lang];
  if (!title.startsWith(check.id)) return title;
  const rest = title.slice(check.id.length).replace(/^\s*[-–—:·]\s*/, '');
  return rest || title;
}

/** Failed checks before partial ones, heavier checks first, rule order as the tie-break (stable sort). */
export function findings(checks: CheckResult[]): CheckResult[] {
  const rank = (check: CheckResult): number => (check.status === 'fail' ? 0 : 1);
  return checks
    .filter((check) => check.status === 'fail' || check.status === 'partial')
    .sort((a, b) => rank(a) - rank(b) || b.weight - a.weight);
}

/**
 * Site-supplied text must not drive a terminal or break a document: control characters (the ESC of ANSI
 * sequences, BEL, NUL…) become spaces.
 */
export function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

export type EvidenceOutcome = NonNullable<Evidence['outcome']>;

const OUTCOME_ORDER: readonly EvidenceOutcome[] = ['fail', 'partial', 'pass'];

/**
 * Failing items first, then partial ones, then the rest in the rule's order (a stable sort), so every format leads
 * with what to fix; items without an outcome (one verdict for the whole check) keep their place among the rest.
 */
export function orderedEvidence(evidence: readonly Evidence[]): Evidence[] {
  const rank = (item: Evidence) => (item.outcome === 'fail' ? 0 : item.outcome === 'partial' ? 1 : 2);
  return [...evidence].sort((a, b) => rank(a) - rank(b));
}

/** "✘ non superato": an item's own outcome as symbol and word (never colour alone); null when the item has none. */
export function outcomeMark(item: Evidence, t: Messages): string | null {
  return item.outcome ? `${STATUS_SYMBOL[item.outcome]} ${t.status[item.outcome]}` : null;
}

/**
 * "2 non superate, 11 superate, 1 altra": how the marked items among these fared, then the unmarked ones (a site-wide
 * figure beside the pages), so the counts add up; '' when none is marked.
 */
export function outcomeCounts(items: readonly Evidence[], t: Messages): string {
  const counts = OUTCOME_ORDER.map((outcome) => ({ outcome, count: items.filter((item) => item.outcome === outcome).length })).filter(({ count }) => count > 0);
  if (counts.length === 0) return '';
  const unmarked = items.filter((item) => !item.outcome).length;
  const phrases = counts.map(({ outcome, count }) => t.evidenceOutcomeCount[outcome](count));
  if (unmarked > 0) phrases.push(t.evidenceOutcomeCount.other(unmarked));
  return phrases.join(', ');
}

/** Evidence items in view per check: the HTML report folds the rest in a <details>, JUnit counts them and points to the HTML. */
export const EVIDENCE_SHOWN = 5;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escaped for HTML or XML element content and attribute values; control characters dropped to spaces first. */
export function escapeMarkup(text: string): string {
  return clean(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

export function statusCounts(checks: readonly { status: Status }[]): Record<Status, number> {
  const counts: Record<Status, number> = { pass: 0, partial: 0, fail: 0, unknown: 0, error: 0 };
  for (const check of checks) counts[check.status] += 1;
  return counts;
}

/** What to do about a site that could not be audited: by error code, sharper for the commonest HTTP statuses. */
export function fatalAdvice(fatal: FetchError, t: Messages): string {
  const status = fatal.code === 'http' ? (fatal.status ?? 0) : 0;
  if (status === 401 || status === 403) return t.httpAdvice.blocked;
  if (status === 404 || status === 410) return t.httpAdvice.notFound;
  if (status >= 500 && status < 600) return t.httpAdvice.serverError;
  return t.fatalAdvice[fatal.code];
}

export function formatDecimal(value: number, digits: number, t: Messages): string {
  return value.toFixed(digits).replace('.', t.decimalSeparator);
}

/** A 0..1 score as a whole number out of 100, or the "not scored" mark. */
export function formatScore(score: number | null, t: Messages): string {
  return score === null ? t.notScored : String(Math.round(score * 100));
}

/** What the crawl caps cut off, as short phrases; empty when nothing was cut. */
export function capPhrases(report: Report, t: Messages): string[] {
  const { limits } = report.run;
  const phrases: string[] = [];
  if (report.run.interrupted) phrases.push(t.capInterrupted(report.run.interrupted));
  if (limits.hitMaxPages) phrases.push(t.capMaxPages(limits.maxPages));
  if (limits.hitTimeBudget) phrases.push(t.capTimeBudget(formatDecimal(limits.timeBudgetMs / 1000, 0, t)));
  // A long Crawl-delay is usually why the budget ran out: say so.
  if (limits.hitTimeBudget && (limits.crawlDelayMs ?? 0) >= 1000) phrases.push(t.capCrawlDelay(formatDecimal((limits.crawlDelayMs ?? 0) / 1000, 0, t)));
  if (limits.skippedUrls > 0) phrases.push(t.capSkipped(limits.skippedUrls));
  if (limits.skippedByDepth > 0) phrases.push(t.capDepth(limits.skippedByDepth, limits.maxDepth));
  if (limits.truncatedPages > 0) {
    const count = (n: number) => formatDecimal(n, 0, t).replace(/\B(?=(\d{3})+(?!\d))/g, t.thousandsSeparator);
    phrases.push(t.capTruncated(limits.truncatedPages, count(limits.maxBodyBytes / 1024), count(MAX_NESTING), count(LINKS_MAX)));
  }
  return phrases;
}

/** In a --single-page audit, the kind of its page and the signals that decided it; null otherwise. */
export function singlePageKind(report: Report, t: Messages, lang: Lang): string | null {
  const page = report.pages[0];
  if (!report.run.singlePage || !page) return null;
  return t.pageKindLine(t.pageTypeName[page.pageType], page.pageTypeSignals.map((signal) => signal[lang]));
}

/** "2025-03-01 10:00 UTC, took 12.3 s", or null when timing was zeroed (--no-timing) or is not a date. */
export function runPhrase(report: Report, t: Messages): string | null {
  const { startedAt, durationMs } = report.run;
  if (durationMs <= 0) return null;
  const date = new Date(startedAt);
  if (Number.isNaN(date.getTime())) return null;
  const utc = date.toISOString().slice(0, 16).replace('T', ' ');
  return t.runLine(utc, formatDecimal(durationMs / 1000, 1, t));
}

/**
 * "8 of 10 points; not judged: …" when the index leaves out points it could not judge, null when it covers them all
 * (or there is no index).
 */
export function indexBasisPhrase(report: Report, t: Messages): string | null {
  const unjudged = report.maturity.unjudged ?? [];
  if (report.maturity.index === null || unjudged.length === 0) return null;
  const of = splitPoints(report.points).indexed.length;
  return t.indexBasis(of - unjudged.length, of, unjudged.map((id) => t.pointName[id]).join(', '));
}

/** 1-based position of the level among MATURITY_LEVELS, for "level 4 of 5". */
export function levelPosition(levelId: string): { position: number; of: number } {
  return { position: MATURITY_LEVELS.findIndex((level) => level.id === levelId) + 1, of: MATURITY_LEVELS.length };
}

export interface CategoryRow {
  category: CategoryId;
  /** Pages the classifier put in this category. */
  pages: number;
  /** Of those, the pages typed as service sheets. */
  servicePages: number;
}

export interface ClassificationSummary {
  /** Every category in the vocabulary's order, then 'altro', empty ones included. */
  rows: CategoryRow[];
  /** The 15 national categories (not 'altro') with no service sheet found. */
  withoutService: CategoryId[];
  /** Pages whose own breadcrumb names another category than the classifier's, in the report's page order. */
  disagreements: PageSummary[];
}

/** How the audited pages fall into the 15 service categories; null when no page was classified (--no-classify, single page). */
export function classificationSummary(report: Report): ClassificationSummary | null {
  const classified = report.pages.filter((page) => page.category !== null);
  if (report.run.singlePage || classified.length === 0) return null;
  const rows = CATEGORIES.map(({ id }) => {
    const pages = classified.filter((page) => page.category === id);
    return { category: id, pages: pages.length, servicePages: pages.filter((page) => page.pageType === 'service').length };
  });
  return {
    rows,
    withoutService: rows.filter((row) => row.category !== 'altro' && row.servicePages === 0).map((row) => row.category),
    disagreements: classified.filter((page) => page.declaredCategory !== null && page.declaredCategory !== page.category),
  };
}

/** A maturity level's name from its id (as stored by the survey); the id when no level has it. */
export function levelName(levelId: string, lang: Lang): string {
  return MATURITY_LEVELS.find((level) => level.id === levelId)?.name[lang] ?? levelId;
}

/** "4 of 5 · Advanced". */
export function levelText(level: MaturityLevelName, t: Messages, lang: Lang): string {
  const { position, of } = levelPosition(level.id);
  return t.levelLine(position, of, level.name[lang]);
}

/** Why the level is lower than the index alone gives (a failed legal obligation), or null when nothing capped it. */
export function capText(maturity: Maturity, t: Messages, lang: Lang): string | null {
  const { cap } = maturity;
  if (!cap) return null;
  return t.levelCapped(cap.points.map((id) => t.pointName[id]).join(', '), levelText(cap.uncapped, t, lang));
}
