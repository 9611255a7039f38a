// Joins the crawl's site-level records with the parsed pages into the SiteFacts rules read.
import type { AnalysedPage, Classification, CrawlResult, PageFacts, SiteFacts } from '../types.js';
import { extractAssetFacts } from './assets.js';
import { assignLinkedPageTypes, detectPageType } from './page-type.js';

export interface AssembleOptions {
  classify?: (page: PageFacts) => Classification | null;
  singlePage?: boolean;
}

export function assembleSiteFacts(crawl: CrawlResult, pages: PageFacts[], options: AssembleOptions = {}): SiteFacts {
  const siteUrl = crawl.siteUrl || crawl.startUrl;
  const analysed: AnalysedPage[] = pages.map((page) => ({
    ...page,
    pageType: detectPageType(page, siteUrl),
    classification: !page.error && options.classify ? options.classify(page) : null,
  }));
  assignLinkedPageTypes(analysed, siteUrl);
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
    limits: crawl.limits,
    singlePage: options.singlePage ?? false,
    auditedAt: crawl.startedAt,
  };
}
