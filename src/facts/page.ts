// Parses one fetched HTML page, once, into the plain PageFacts record every rule reads.
// One streaming pass over htmlparser2's parser events collects everything (text by region, links, markers, scripts,
// classes, forms, images) without building a DOM: parsing dominates the crawl's cost (docs/MEASUREMENTS.md), and
// building the tree, then walking it, cost more than the tokenising itself. The pass is PageScan (page-scan.ts: what
// each element yields) over PageWalk (page-walk.ts: the walk's state, page text and element texts); this module turns
// it into the record, with the response's headers and cookies.
import { Parser } from 'htmlparser2';
import { breadcrumbFromJsonLd, breadcrumbOf } from './page-breadcrumb.js';
import { classTokenCounts } from './page-regions.js';
import { PageScan } from './page-scan.js';
import { detachStrings } from '../util/detach.js';
import type { CookieFact, FetchedPage, PageFacts } from '../types.js';

const PARSER_OPTIONS = { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true };

/** Response headers rules may read; the others are dropped to keep records small. */
const KEPT_HEADERS = [
  'content-type',
  'server',
  'x-powered-by',
  'x-generator',
  'strict-transport-security',
  'content-security-policy',
  'set-cookie',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'last-modified',
  // CDN and cloud signatures, for the informative `cloud` check.
  'via',
  'x-cache',
  'x-served-by',
  'cf-ray',
  'x-amz-cf-id',
  'x-azure-ref',
  'x-vercel-id',
  'x-nf-request-id',
];

/** Cookies from a set-cookie header (several joined with newlines by the crawler). */
export function cookiesFrom(header: string | undefined): CookieFact[] {
  if (!header) return [];
  return header
    .split('\n')
    .filter((line) => line.includes('='))
    .map((line) => {
      const [pair, ...attributes] = line.split(';');
      const attribute = (name: string) => {
        const found = attributes.find((a) => a.trim().toLowerCase().startsWith(`${name}=`));
        return found ? found.slice(found.indexOf('=') + 1).trim() : null;
      };
      const domain = attribute('domain');
      return {
        name: pair.slice(0, pair.indexOf('=')).trim(),
        domain: domain ? domain.toLowerCase().replace(/^\./, '') : null,
        path: attribute('path'),
        secure: attributes.some((a) => a.trim().toLowerCase() === 'secure'),
      };
    });
}

function keptHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) if (headers[name] !== undefined) kept[name] = headers[name];
  return kept;
}

/** A record with every field present and empty, for pages that failed or are not HTML. */
export function emptyPageFacts(page: FetchedPage): PageFacts {
  const facts: PageFacts = {
    url: page.url,
    finalUrl: page.finalUrl,
    status: page.status,
    depth: page.depth,
    contentType: page.contentType,
    headers: keptHeaders(page.headers),
    title: '',
    lang: null,
    meta: {},
    canonical: null,
    generator: null,
    headings: [],
    mainText: '',
    boilerplateText: '',
    breadcrumb: [],
    links: [],
    scripts: [],
    inlineScripts: [],
    blockedScripts: [],
    blockedInlineScripts: [],
    cookies: cookiesFrom(page.headers['set-cookie']),
    stylesheets: [],
    inlineStyles: [],
    classTokens: [],
    classTokenCount: 0,
    classTokenCounts: [],
    dataElements: [],
    jsonLd: [],
    forms: [],
    images: [],
    iframes: [],
  };
  if (page.truncated) facts.truncated = true;
  if (page.error) facts.error = page.error;
  return facts;
}

export function extractPageFacts(page: FetchedPage): PageFacts {
  const facts = emptyPageFacts(page);
  if (page.error || !page.html) return facts;

  const scan = new PageScan(page.finalUrl || page.url);
  new Parser(scan, PARSER_OPTIONS).end(page.html);

  const tokenCounts = classTokenCounts(scan.classUses);
  const classTokens = [...tokenCounts.keys()].sort();
  facts.title = scan.title ?? '';
  facts.lang = scan.lang;
  facts.meta = scan.meta;
  facts.canonical = scan.canonical;
  facts.generator = scan.meta.generator ?? null;
  facts.headings = scan.headings;
  facts.mainText = scan.mainText.text();
  facts.boilerplateText = scan.boilerplateText.text();
  facts.breadcrumb = scan.breadcrumb ? breadcrumbOf(scan.breadcrumb) : breadcrumbFromJsonLd(scan.jsonLd);
  facts.links = scan.links;
  facts.scripts = scan.scripts;
  facts.inlineScripts = scan.inlineScripts;
  facts.blockedScripts = scan.blockedScripts;
  facts.blockedInlineScripts = scan.blockedInlineScripts;
  facts.stylesheets = scan.stylesheets;
  facts.inlineStyles = scan.inlineStyles;
  facts.classTokens = classTokens;
  facts.classTokenCounts = classTokens.map((token) => tokenCounts.get(token) ?? 0);
  facts.classTokenCount = facts.classTokenCounts.reduce((sum, count) => sum + count, 0);
  facts.dataElements = scan.dataElements;
  facts.jsonLd = scan.jsonLd;
  facts.forms = scan.forms;
  facts.images = scan.images;
  facts.iframes = scan.iframes;
  if (scan.tooDeep || scan.tooManyLinks) facts.truncated = true;
  // Texts and attribute values are cut from the HTML: detached, the facts no longer keep the whole page.
  return detachStrings(facts);
}

