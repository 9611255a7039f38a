// Joins the crawl's site-level records with the parsed pages into the SiteFacts rules read.
import type { AnalysedPage, Classification, CrawlResult, PageFacts, SiteFacts } from '../types.js';
import { extractAssetFacts } from './assets.js';
import { assignLinkedPageTypes, detectPageType } from './page-type.js';

export interface AssembleOptions {
  /** Classifies the site's readable pages together (their shared furniture is learned from them), in their order. */
  classify?: (pages: readonly PageFacts[]) => Classification[];
  singlePage?: boolean;
}

function rootOf(url: string): string {
  try {
    return new URL('/', url).href;
  } catch {
    return url;
  }
}

export function assembleSiteFacts(crawl: CrawlResult, pages: PageFacts[], options: AssembleOptions = {}): SiteFacts {
  const siteUrl = crawl.siteUrl || crawl.startUrl;
  // A single-page audit starts anywhere on the site: its page is the home only if it is the site's root.
  const homeUrl = options.singlePage ? rootOf(siteUrl) : siteUrl;
  const readable = pages.filter((page) => !page.error);
  const classified = options.classify ? options.classify(readable) : [];
  const classificationOf = new Map(readable.map((page, i) => [page, classified[i] ?? null]));
  const analysed: AnalysedPage[] = pages.map((page) => ({
    ...page,
    pageType: detectPageType(page, homeUrl),
    classification: classificationOf.get(page) ?? null,
  }));
  assignLinkedPageTypes(analysed, homeUrl);
  let host = '';
  try {
    host = new URL(siteUrl).hostname;
  } catch {
    // an unparsable start URL is reported by the CLI before we get here
  }
  return {
    startUrl: crawl.startUrl,
    siteUrl,
    host,
    pages: analysed,
    assets: crawl.assets.map(extractAssetFacts),
    robots: crawl.robots,
    sitemap: crawl.sitemap,
    tls: crawl.tls,
    // The crawler counts bodies cut at the size cap; the facts also know pages read past the reader's caps.
    limits: { ...crawl.limits, truncatedPages: analysed.filter((page) => page.truncated).length },
    singlePage: options.singlePage ?? false,
    auditedAt: crawl.startedAt,
  };
}
