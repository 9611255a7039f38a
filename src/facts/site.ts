// Joins the crawl's site-level records with the parsed pages into the SiteFacts rules read.
import type { AnalysedPage, Classification, CrawlResult, LinkFact, PageFacts, SiteFacts } from '../types.js';
import { extractAssetFacts } from './assets.js';
import { assignLinkedPageTypes, detectPageType } from './page-type.js';

export interface AssembleOptions {
  classify?: (page: PageFacts) => Classification | null;
  singlePage?: boolean;
}

function rootOf(url: string): string {
  try {
    return new URL('/', url).href;
  } catch {
    return url;
  }
}

/**
 * Makes identical links on different pages one shared object (the menu and footer repeat on every page), so
 * finders can test each distinct link once and the site's records take less memory. Serialised JSON is unchanged.
 */
function shareRepeatedLinks(pages: PageFacts[]): void {
  const shared = new Map<string, LinkFact>();
  for (const page of pages) {
    page.links = page.links.map((link) => {
      const key = `${link.href}\u0000${link.text}\u0000${link.region}\u0000${link.dataElement}\u0000${link.rel}\u0000${link.selector}\u0000${link.label}\u0000${link.documentType}`;
      const known = shared.get(key);
      if (known) return known;
      shared.set(key, link);
      return link;
    });
  }
}

export function assembleSiteFacts(crawl: CrawlResult, pages: PageFacts[], options: AssembleOptions = {}): SiteFacts {
  const siteUrl = crawl.siteUrl || crawl.startUrl;
  // A single-page audit starts anywhere on the site: its page is the home only if it is the site's root.
  const homeUrl = options.singlePage ? rootOf(siteUrl) : siteUrl;
  shareRepeatedLinks(pages);
  const analysed: AnalysedPage[] = pages.map((page) => ({
    ...page,
    pageType: detectPageType(page, homeUrl),
    classification: !page.error && options.classify ? options.classify(page) : null,
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
    limits: crawl.limits,
    singlePage: options.singlePage ?? false,
    auditedAt: crawl.startedAt,
  };
}
