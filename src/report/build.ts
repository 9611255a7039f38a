// Assembles the Report record from site facts and check results. Reporters only render what is here.
import { scoreChecks } from '../score/index.js';
import { POINTS } from '../../rules/scoring.js';
import type { AgidSummary, AnalysedPage, DiscoverySummary, Interruption, CheckResult, FetchError, Maturity, PageSummary, Report, SiteFacts } from '../types.js';
import { compareCodeUnits } from '../util/compare.js';

export interface BuildReportInput {
  site: SiteFacts;
  /** In rule order; kept in that order. */
  checks: CheckResult[];
  startedAt: string;
  durationMs: number;
  userAgent: string;
  toolVersion: string;
  fatal?: FetchError;
  /** The signal that stopped the crawl: no index or level (the checks come already judged so far). */
  interrupted?: Interruption;
}

export const TOOL_NAME = 'comune-audit';

/** A page is failed when it could not be fetched/parsed or answered with an HTTP error. */
function pageFailed(page: AnalysedPage): boolean {
  return page.error !== undefined || page.status >= 400 || page.status === 0;
}

function summarisePage(page: AnalysedPage): PageSummary {
  const summary: PageSummary = {
    url: page.url,
    finalUrl: page.finalUrl,
    status: page.status,
    depth: page.depth,
    title: page.title,
    lang: page.lang,
    pageType: page.pageType.type,
    pageTypeSignals: page.pageType.signals.map((signal) => ({ ...signal })),
    category: page.classification?.category ?? null,
    confidence: page.classification?.confidence ?? null,
    declaredCategory: page.classification?.declaredCategory ?? null,
    links: page.links.length,
    documents: page.links.filter((link) => link.documentType !== null).length,
  };
  const topics = page.classification?.topics;
  if (topics?.length) summary.topics = topics.map((topic) => ({ ...topic }));
  const declaredTopics = page.classification?.declaredTopics;
  if (declaredTopics?.length) summary.declaredTopics = declaredTopics.map((topic) => ({ ...topic }));
  if (page.truncated) summary.truncated = true;
  if (page.error) summary.error = { ...page.error };
  if (page.aliases?.length) summary.aliases = [...page.aliases];
  return summary;
}

const byDepthThenUrl = (a: PageSummary, b: PageSummary): number => a.depth - b.depth || compareCodeUnits(a.url, b.url);

export function buildReport(input: BuildReportInput): Report {
  const { site, checks } = input;
  const scored = scoreChecks(checks);
  const { points } = scored;
  // One page cannot measure a comune's maturity: its points are scored, the index is not.
  // Nor can part of a site: an interrupted audit's unreached points would only be missing from the mean.
  const maturity: Maturity = site.singlePage || input.interrupted ? { index: null, level: null } : scored.maturity;
  // The index silently leaves out points it could not judge: name them, so no one reads 92 as "92 over all ten".
  if (maturity.index !== null) maturity.unjudged = points.filter((point) => POINTS[point.id].weight !== null && point.score === null).map((point) => point.id);
  const report: Report = {
    schemaVersion: 3,
    tool: { name: TOOL_NAME, version: input.toolVersion },
    site: { startUrl: site.startUrl, siteUrl: site.siteUrl, host: site.host },
    run: {
      startedAt: input.startedAt,
      durationMs: input.durationMs,
      userAgent: input.userAgent,
      singlePage: site.singlePage,
      limits: { ...site.limits },
      pagesFetched: site.pages.length,
      pagesFailed: site.pages.filter(pageFailed).length,
      ...(input.interrupted ? { interrupted: input.interrupted } : {}),
    },
    maturity,
    points,
    checks: [...checks],
    pages: site.pages.map(summarisePage).sort(byDepthThenUrl),
    discovery: discoverySummary(site),
  };
  const agid = agidSummary(checks);
  if (agid) report.agid = agid;
  if (input.fatal) report.fatal = { ...input.fatal };
  return report;
}

/** The PNRR 1.4.1 verdict over the AGID criteria: required ones (C.SI.*) must not fail; partial passes with tolerance. */
export function agidSummary(checks: readonly CheckResult[]): AgidSummary | null {
  const required = checks.filter((check) => check.point === 'design' && check.id.startsWith('C.SI.'));
  if (!required.length) return null;
  const blocking = required.filter((check) => check.status === 'fail').map((check) => check.id);
  const unjudged = required.filter((check) => check.status === 'unknown' || check.status === 'error').map((check) => check.id);
  return { wouldPass: blocking.length ? false : unjudged.length ? null : true, blocking, unjudged };
}

/** The robots/sitemap section: the crawl's records as they are, without robots.txt's text. */
function discoverySummary(site: SiteFacts): DiscoverySummary {
  if (!site.robots) return { robots: null, sitemaps: structuredClone(site.sitemap.documents) };
  const { text: _text, ...robots } = site.robots;
  return { robots: structuredClone(robots), sitemaps: structuredClone(site.sitemap.documents) };
}
