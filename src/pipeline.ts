// The whole pipeline for one site: crawl → page facts → classify → rules → score → report.
// Pages are parsed once, inside the crawl's onPage callback, and their HTML is not kept.
import { crawl, type CrawlOptions, type DiscoveredLinks } from './crawl/index.js';
import { emptyPageFacts, extractPageFacts } from './facts/page.js';
import { assembleSiteFacts } from './facts/site.js';
import { createFactsSharer } from './facts/share.js';
import { runRules } from './check/run.js';
import { rulesFor } from './check/registry.js';
import { judgedSoFar } from './check/interrupted.js';
import { buildReport } from './report/build.js';
import type { Classification, CrawlResult, LinkFact, PageFacts, PageType, Report, SiteFacts } from './types.js';
import { toolVersion } from './util/version.js';

export interface CollectOptions {
  crawl?: Partial<Omit<CrawlOptions, 'onPage' | 'singlePage'>>;
  singlePage?: boolean;
  /** Force the page type in a single-page audit (otherwise detected). */
  pageType?: PageType;
  /** The classify stage: all readable pages of the site at once (see Classifier.classifySite). */
  classify?: (pages: readonly PageFacts[]) => Classification[];
}

export interface CollectedSite {
  crawl: CrawlResult;
  /** Every page's facts as extracted, before the site is assembled: what `audit --save-crawl` keeps. */
  pages: PageFacts[];
  site: SiteFacts;
}

/** What assembling and scoring read besides the crawl and the pages (the same for an audit and a re-score). */
export type ScoreOptions = Pick<CollectOptions, 'singlePage' | 'pageType' | 'classify'>;

/** Crawl order inside a depth level: the model's markers first, so capped crawls still reach the pages criteria need. */
function linkPriority(link: LinkFact): number {
  if (link.dataElement) return 0;
  if (link.region === 'header' || link.region === 'nav' || link.region === 'footer') return 1;
  if (link.region === 'main') return 2;
  return 3;
}

function discoveredLinks(facts: PageFacts, isStart: boolean): DiscoveredLinks {
  const links = facts.links
    .filter((link) => !link.external && !link.documentType && /^https?:/.test(link.href))
    .map((link) => ({ url: link.href, priority: linkPriority(link) }));
  const canonical = facts.canonical;
  if (!isStart) return { links, canonical };
  const assets = [
    ...facts.stylesheets.map((url) => ({ url, kind: 'css' as const })),
    ...facts.scripts.map((url) => ({ url, kind: 'js' as const })),
  ];
  return { links, canonical, assets };
}

export async function collectSite(startUrl: string, options: CollectOptions = {}): Promise<CollectedSite> {
  const parsed = new Map<string, PageFacts>();
  const share = createFactsSharer();
  const result = await crawl(startUrl, {
    ...options.crawl,
    singlePage: options.singlePage ?? false,
    keepHtml: false,
    onPage(page) {
      const facts = extractPageFacts(page);
      share(facts);
      parsed.set(page.url, facts);
      return discoveredLinks(facts, page.depth === 0);
    },
  });
  const pages = result.pages.map((page) => {
    const facts = parsed.get(page.url) ?? emptyPageFacts(page);
    // The crawl may have recorded an error after parsing (e.g. a truncated body): keep it.
    return page.error && !facts.error ? { ...facts, error: page.error } : facts;
  });
  return { crawl: result, pages, site: assembleSite(result, pages, options) };
}

/** Site facts from the crawl and its pages' facts: page types and classification. */
function assembleSite(result: Omit<CrawlResult, 'pages'>, pages: PageFacts[], options: ScoreOptions): SiteFacts {
  const site = assembleSiteFacts({ ...result, pages: [] }, pages, { classify: options.classify, singlePage: options.singlePage });
  const page = site.pages[0];
  if (options.singlePage && options.pageType && page) {
    // The user's word decides; what the page looked like stays in the signals, so a mismatch shows.
    const detected = page.pageType;
    const given = { it: `tipo indicato con --page-type ${options.pageType}`, en: `type given with --page-type ${options.pageType}` };
    const seen = {
      it: `riconosciuto dalla pagina: ${detected.type} (${detected.signals.map((signal) => signal.it).join('; ')})`,
      en: `detected from the page: ${detected.type} (${detected.signals.map((signal) => signal.en).join('; ')})`,
    };
    page.pageType = { type: options.pageType, section: detected.section, reason: '--page-type', signals: [given, seen] };
  }
  return site;
}

export async function auditSite(startUrl: string, options: CollectOptions = {}): Promise<Report> {
  return scoreCollected(await collectSite(startUrl, options), options);
}

/** A kept crawl (audit --save-crawl) scored again: classification, rules and scoring, no request. */
export function rescoreCrawl(result: Omit<CrawlResult, 'pages'>, pages: PageFacts[], options: ScoreOptions): Report {
  return scoreCollected({ crawl: result, site: assembleSite(result, pages, options) }, options);
}

/** Rules and scoring of an assembled site. */
export function scoreCollected({ crawl: result, site }: Pick<CollectedSite, 'site'> & { crawl: Omit<CrawlResult, 'pages'> }, options: ScoreOptions): Report {
  const singlePageType = options.singlePage ? site.pages[0]?.pageType.type : undefined;
  const rules = rulesFor(singlePageType);
  const checks = result.fatal ? [] : runRules(rules, site);
  return buildReport({
    site,
    checks,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    userAgent: result.userAgent,
    toolVersion,
    fatal: result.fatal,
    ...(result.interrupted ? { interrupted: result.interrupted, checks: judgedSoFar(checks, rules) } : {}),
  });
}
