// The whole pipeline for one site: crawl → page facts → classify → rules → score → report (the part after the page
// facts is src/assess.ts). Pages are parsed once, inside the crawl's onPage callback, and their HTML is not kept.
import { crawl, type CrawlOptions, type DiscoveredLinks } from './crawl/index.js';
import { emptyPageFacts, extractPageFacts } from './facts/page.js';
import { createFactsSharer } from './facts/share.js';
import { assembleSite, scoreCollected, type ScoreOptions } from './assess.js';
import type { CrawlResult, LinkFact, PageFacts, Report, SiteFacts } from './types.js';

export interface CollectOptions extends ScoreOptions {
  crawl?: Partial<Omit<CrawlOptions, 'onPage' | 'singlePage'>>;
  /** `--browser`: render a sample of pages in this Chromium (computed fonts, C.SI.1.1) and run Lighthouse on the home (C.SI.4.1). */
  browser?: { chromium: string; timeoutMs: number; userAgent?: string };
}

export interface CollectedSite {
  crawl: CrawlResult;
  /** Every page's facts as extracted, before the site is assembled: what `audit --save-crawl` keeps. */
  pages: PageFacts[];
  site: SiteFacts;
}

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
    // The crawl may have recorded after parsing an error (e.g. a truncated body) or the page's other addresses: keep them.
    if (page.aliases) facts.aliases = [...page.aliases];
    return page.error && !facts.error ? { ...facts, error: page.error } : facts;
  });
  const site = assembleSite(result, pages, options);
  // Not after a fatal or interrupted crawl: the browser pass is the slow part, and the user asked to stop.
  if (options.browser && !result.fatal && !options.crawl?.signal?.aborted) {
    const { browserSample, modelFonts, renderFonts } = await import('./browser/fonts.js');
    const browser = { ...options.browser, userAgent: options.browser.userAgent ?? result.userAgent };
    site.browser = await renderFonts(browserSample(site), { ...browser, allowedFonts: modelFonts() });
    // Lighthouse is optional: without it C.SI.4.1 stays unknown and says how to install it.
    const { lighthouseInstalled, lighthouseUrl, measurePerformance } = await import('./browser/lighthouse.js');
    if (lighthouseInstalled()) site.browser.lighthouse = await measurePerformance(lighthouseUrl(site), browser);
    const { readStatement, statementLink } = await import('./browser/statement.js');
    const statement = statementLink(site);
    if (statement) site.browser.accessibilityStatement = await readStatement(statement, site.siteUrl, browser);
  }
  return { crawl: result, pages, site };
}

export async function auditSite(startUrl: string, options: CollectOptions = {}): Promise<Report> {
  return scoreCollected(await collectSite(startUrl, options), options);
}
