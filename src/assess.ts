// The pipeline after the crawl: site facts from a crawl's records and its pages' facts → classify → rules → score →
// report. It loads no crawler and no HTML parser, so `rescore` starts fast (undici alone takes ~0.2-0.6 s to load).
import { assembleSiteFacts } from './facts/site.js';
import { createFactsSharer } from './facts/share.js';
import { runRules } from './check/run.js';
import { rulesFor } from './check/registry.js';
import { judgedSoFar } from './check/interrupted.js';
import { buildReport } from './report/build.js';
import type { BrowserFacts, Classification, CrawlResult, PageFacts, PageType, Report, SiteFacts } from './types.js';
import { toolVersion } from './util/version.js';

/** What assembling and scoring read besides the crawl and the pages (the same for an audit and a re-score). */
export interface ScoreOptions {
  singlePage?: boolean;
  /** Force the page type in a single-page audit (otherwise detected). */
  pageType?: PageType;
  /** The classify stage: all readable pages of the site at once (see Classifier.classifySite). */
  classify?: (pages: readonly PageFacts[]) => Classification[];
}

/** Site facts from the crawl and its pages' facts: page types and classification. */
export function assembleSite(result: Omit<CrawlResult, 'pages'>, pages: PageFacts[], options: ScoreOptions): SiteFacts {
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

/** A kept crawl (audit --save-crawl) scored again: classification, rules and scoring, no request. */
export function rescoreCrawl(result: Omit<CrawlResult, 'pages'>, pages: PageFacts[], options: ScoreOptions & { browser?: BrowserFacts }): Report {
  // Read from JSON, repeated menus and footers are copies again: shared once more, finders test each one once, as
  // they do in the audit (the rules took 3× as long on the copies).
  const share = createFactsSharer();
  for (const page of pages) share(page);
  const site = assembleSite(result, pages, options);
  // What the audit's browser pass saw (audit --browser): kept, so the same crawl gives the same report.
  if (options.browser) site.browser = options.browser;
  return scoreCollected({ crawl: result, site }, options);
}

/** Rules and scoring of an assembled site. */
export function scoreCollected({ crawl: result, site }: { site: SiteFacts; crawl: Omit<CrawlResult, 'pages'> }, options: ScoreOptions): Report {
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
