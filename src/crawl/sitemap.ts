// Sitemaps: robots.txt `Sitemap:` lines plus /sitemap.xml, sitemap indexes and .xml.gz files.
// Read level by level (index, then its children), each level in a fixed order, so the result never depends on timing.
import { gunzipSync } from 'node:zlib';
import type { SitemapFacts } from '../types.js';
import type { HttpClient } from './fetch.js';
import { normaliseUrl } from './url.js';

const SITEMAP_MAX_BYTES = 10 * 1024 * 1024;
const MAX_SITEMAP_DOCUMENTS = 25;
const MAX_INDEX_DEPTH = 3;
const MAX_PAGE_URLS = 50_000;

export interface SitemapResult {
  facts: SitemapFacts;
  /** Normalised same-site page URLs listed, de-duplicated, in document order. */
  pageUrls: string[];
}

interface SitemapDocument {
  /** 'index' lists sitemaps, 'urlset' lists pages; null when the XML is neither. */
  kind: 'index' | 'urlset' | null;
  locs: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlText(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()];
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** "<![CDATA[x]]>" → "x"; anything else as it is. */
function withoutCdata(text: string): string {
  return text.startsWith('<![CDATA[') && text.endsWith(']]>') ? text.slice(9, -3).trim() : text;
}

/**
 * The <loc> values of a sitemap or sitemap index. One forward scan from each opening tag to the next closing one:
 * a single pattern spanning both, with optional blanks and CDATA around a lazy middle, backtracked for minutes on a
 * few KB of hostile XML, and a synchronous regex cannot be stopped by the time budget.
 */
export function parseSitemap(xml: string): SitemapDocument {
  const kind = /<(?:[\w.-]{1,64}:)?sitemapindex[\s>]/i.test(xml) ? 'index' : /<(?:[\w.-]{1,64}:)?urlset[\s>]/i.test(xml) ? 'urlset' : null;
  const locs: string[] = [];
  const open = /<(?:[\w.-]{1,64}:)?loc\s*>/gi;
  const close = /<\/(?:[\w.-]{1,64}:)?loc\s*>/gi;
  for (let start = open.exec(xml); start; start = open.exec(xml)) {
    close.lastIndex = open.lastIndex;
    const end = close.exec(xml);
    if (!end) break;
    locs.push(decodeXmlText(withoutCdata(xml.slice(open.lastIndex, end.index).trim())));
    open.lastIndex = close.lastIndex;
  }
  return { kind, locs };
}

/** Gunzips a .xml.gz body (recognised by its magic bytes, whatever the headers said), capped. */
function sitemapText(body: Buffer): string {
  const bytes = body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body, { maxOutputLength: SITEMAP_MAX_BYTES }) : body;
  return new TextDecoder('utf-8').decode(bytes);
}

interface ReadOne {
  url: string;
  document?: SitemapDocument;
  error?: string;
}

async function readOne(url: string, client: HttpClient, optional: boolean): Promise<ReadOne | null> {
  const response = await client.get(url, { maxBytes: SITEMAP_MAX_BYTES });
  if (response.error) return { url, error: `${url}: ${response.error.message.en}` };
  if (response.status < 200 || response.status >= 300) {
    // The conventional /sitemap.xml is only a guess: its absence is not an error.
    return optional ? null : { url, error: `${url}: HTTP ${response.status}` };
  }
  try {
    const document = parseSitemap(sitemapText(response.body));
    if (!document.kind) {
      return optional ? null : { url, error: `${url}: not a sitemap (no <urlset> or <sitemapindex>)` };
    }
    return { url, document };
  } catch (error) {
    return { url, error: `${url}: could not read the sitemap (${(error as Error).message})` };
  }
}

/**
 * Reads the sitemaps listed in robots.txt and the conventional origin/sitemap.xml.
 * isSameSite filters the page URLs the crawler may use; every listed URL is counted in facts.pageUrls.
 */
export async function readSitemaps(
  listed: string[],
  origin: string,
  client: HttpClient,
  isSameSite: (url: string) => boolean,
): Promise<SitemapResult> {
  const conventional = `${origin}/sitemap.xml`;
  const facts: SitemapFacts = { urls: [], pageUrls: 0, errors: [] };
  const pageUrls = new Set<string>();
  const queued = new Set<string>();
  const enqueue = (url: string | null, target: string[]): void => {
    if (!url || queued.has(url) || queued.size >= MAX_SITEMAP_DOCUMENTS) return;
    queued.add(url);
    target.push(url);
  };
  let level: string[] = [];
  for (const raw of [...listed, conventional]) enqueue(normaliseUrl(raw), level);
  const optional = (url: string): boolean => url === conventional && !listed.some((item) => normaliseUrl(item) === url);
  for (let depth = 0; level.length > 0 && depth < MAX_INDEX_DEPTH; depth++) {
    const results = await Promise.all(level.map((url) => readOne(url, client, optional(url))));
    const next: string[] = [];
    for (const result of results) {
      if (!result) continue;
      if (result.error || !result.document) {
        facts.errors.push(result.error ?? `${result.url}: unreadable`);
        continue;
      }
      facts.urls.push(result.url);
      for (const loc of result.document.locs) {
        const url = normaliseUrl(loc, result.url);
        if (result.document.kind === 'index') {
          enqueue(url, next);
        } else {
          facts.pageUrls++;
          if (url && isSameSite(url) && pageUrls.size < MAX_PAGE_URLS) pageUrls.add(url);
        }
      }
    }
    level = next;
  }
  return { facts, pageUrls: [...pageUrls] };
}
