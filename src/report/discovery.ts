// The robots/sitemap section's wording, shared by the terminal and HTML reports: what robots.txt and each sitemap
// answered, and what the crawl took from them, so a user learns why pages were missed; and the addresses that
// answered a page already read (a folder's index file), so a user learns why they are not among the pages.
import type { Report, RobotsFacts, SitemapDocumentFacts, SitemapSkipReason } from '../types.js';
import { compareCodeUnits } from '../util/compare.js';
import { formatDecimal } from './common.js';
import type { Lang, Messages } from './i18n/index.js';
import { formatCount } from './survey-html.js';

/** The caps the crawler reads with (src/crawl/robots.ts and sitemap.ts), as the report names them. */
const ROBOTS_CAP_BYTES = 500 * 1024;
const SITEMAP_CAP_BYTES = 10 * 1024 * 1024;

/** The order reasons are named in: what a user can act on first. */
const SKIP_ORDER: readonly SitemapSkipReason[] = ['off-site', 'over-limit', 'invalid', 'duplicate', 'self-listing', 'repeated', 'too-many', 'too-deep'];

export interface DiscoveryItem {
  url: string;
  /** Where it was found (sitemaps only). */
  source: string | null;
  text: string;
}

export interface DiscoveryLines {
  robots: DiscoveryItem | null;
  /** null when no sitemap was looked for (the start page failed). */
  sitemaps: DiscoveryItem[] | null;
  /** Addresses that repeated a page read at another address of its folder, by address. */
  aliases: DiscoveryItem[];
}

/** "820 B", "1.2 KB", "10.0 MB" (binary multiples, as the caps are). */
export function formatBytes(bytes: number, t: Messages): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatDecimal(bytes / 1024, bytes < 10 * 1024 ? 1 : 0, t)} KB`;
  return `${formatDecimal(bytes / (1024 * 1024), 1, t)} MB`;
}

function robotsText(robots: Omit<RobotsFacts, 'text'>, t: Messages, lang: Lang): string {
  const words = t.discovery;
  if (robots.error) return words.robotsUnreachable(robots.error.message[lang]);
  const status = robots.status ?? 0;
  if (status < 200 || status >= 300) return words.robotsHttp(status);
  const parts = [words.fetched(status, formatBytes(robots.bytes, t))];
  if (robots.truncated) parts.push(words.robotsTruncated(formatBytes(ROBOTS_CAP_BYTES, t)));
  if (robots.binary) parts.push(words.robotsBinary);
  if (robots.parseErrors > 0) {
    const lines = robots.parseErrorLines.map((item) => words.parseErrorLine(item.line, item.text));
    parts.push(words.robotsParseErrors(robots.parseErrors, `${lines.join('; ')}${robots.parseErrors > lines.length ? '; …' : ''}`));
  }
  if (robots.disallowsStart) parts.push(words.robotsForbidsStart);
  if (robots.crawlDelaySeconds !== null) parts.push(words.robotsCrawlDelay(String(robots.crawlDelaySeconds).replace('.', t.decimalSeparator)));
  if (robots.sitemaps.length > 0) parts.push(words.robotsSitemaps(robots.sitemaps.length));
  return parts.join('; ');
}

function sitemapText(sitemap: SitemapDocumentFacts, t: Messages, lang: Lang): string {
  const words = t.discovery;
  if (sitemap.notRead) return words.notReadBecause[sitemap.notRead];
  const status = sitemap.status ?? 0;
  switch (sitemap.problem) {
    case 'unreachable':
      return words.unreachable(sitemap.error?.message[lang] ?? '');
    case 'http':
      return sitemap.source === 'conventional' ? words.conventionalMissing(status) : words.httpError(status);
    default:
  }
  const parts = [words.fetched(status, formatBytes(sitemap.bytes, t))];
  if (sitemap.problem === 'not-sitemap') parts.push(words.notSitemap);
  if (sitemap.problem === 'fake-gzip') parts.push(words.fakeGzip);
  if (sitemap.truncated) parts.push(words.truncated(formatBytes(SITEMAP_CAP_BYTES, t)));
  if (sitemap.incomplete) parts.push(words.incomplete);
  const count = (n: number) => formatCount(n, t);
  if (sitemap.kind === 'index') parts.push(words.indexCounts(count(sitemap.listed), count(sitemap.taken)));
  if (sitemap.kind === 'urlset') parts.push(words.urlsetCounts(count(sitemap.listed), count(sitemap.taken)));
  const reasons = SKIP_ORDER.filter((reason) => sitemap.skipped[reason]).map((reason) => words.skipReason[reason](count(sitemap.skipped[reason]!)));
  if (reasons.length > 0) parts.push(words.skipped(reasons.join(', ')));
  return parts.join('; ');
}

/** Every address that repeated a read page, sorted, with the page it repeats. */
function aliasItems(report: Report, t: Messages): DiscoveryItem[] {
  const items = report.pages.flatMap((page) => (page.aliases ?? []).map((url) => ({ url, source: null, text: t.discovery.aliasOf(page.url) })));
  return items.sort((a, b) => compareCodeUnits(a.url, b.url));
}

/**
 * The section's lines: robots.txt, then every sitemap in reading order, then the addresses that repeated a page;
 * null when there is none of them (single page).
 */
export function discoveryLines(report: Report, t: Messages, lang: Lang): DiscoveryLines | null {
  const { robots, sitemaps } = report.discovery;
  const aliases = aliasItems(report, t);
  if (!robots && sitemaps.length === 0 && aliases.length === 0) return null;
  return {
    aliases,
    robots: robots ? { url: robots.url, source: null, text: robotsText(robots, t, lang) } : null,
    sitemaps: report.fatal ? null : sitemaps.map((sitemap) => ({ url: sitemap.url, source: t.discovery.source[sitemap.source], text: sitemapText(sitemap, t, lang) })),
  };
}
