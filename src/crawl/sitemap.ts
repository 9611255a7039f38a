// Sitemaps: robots.txt `Sitemap:` lines plus /sitemap.xml, sitemap indexes and .xml.gz files.
// Read level by level (index, then its children), each level in a fixed order, so the result never depends on timing.
// Every document is recorded with what the crawl took from it and why the rest was left, for the report's section.
import { Readable } from 'node:stream';
import type { SitemapDocumentFacts, SitemapFacts, SitemapSkipReason } from '../types.js';
import { readBody } from './body.js';
import type { HttpClient, RedirectDecision } from './fetch.js';
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
  /** The closing </urlset> or </sitemapindex> is there: the document was read to its end. */
  closed: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlText(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()];
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/** "<![CDATA[x]]>" → "x"; anything else as it is. */
function withoutCdata(text: string): string {
  return text.startsWith('<![CDATA[') && text.endsWith(']]>') ? text.slice(9, -3).trim() : text;
}

const INDEX_END = /<\/(?:[\w.-]{1,64}:)?sitemapindex\s*>/i;
const URLSET_END = /<\/(?:[\w.-]{1,64}:)?urlset\s*>/i;

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
  const closed = kind !== null && (kind === 'index' ? INDEX_END : URLSET_END).test(xml);
  return { kind, locs, closed };
}

/**
 * The sitemap's XML: a .xml.gz body (recognised by gzip's magic bytes, whatever the headers said) is inflated with the
 * body reader, capped like a gzipped response, so a gzip bomb is cut, not inflated. null when it is not gzip after all.
 */
async function sitemapXml(body: Buffer, truncated: boolean): Promise<{ text: string; bytes: number; truncated: boolean } | null> {
  let xml = { bytes: body, truncated };
  if (body[0] === 0x1f && body[1] === 0x8b) {
    try {
      const inflated = await readBody(Readable.from([body]), 'gzip', SITEMAP_MAX_BYTES);
      xml = { bytes: inflated.bytes, truncated: truncated || inflated.truncated };
    } catch {
      return null;
    }
  }
  return { text: new TextDecoder('utf-8').decode(xml.bytes), bytes: xml.bytes.length, truncated: xml.truncated };
}

type Source = SitemapDocumentFacts['source'];

function unreadDocument(url: string, source: Source): SitemapDocumentFacts {
  return { url, source, status: null, bytes: 0, truncated: false, incomplete: false, kind: null, listed: 0, taken: 0, skipped: {} };
}

/** Requests one sitemap; a redirect is followed on the site only (a sitemap never takes the crawl to another host). */
async function readOne(url: string, source: Source, client: HttpClient, sameSite: (url: string) => boolean): Promise<{ facts: SitemapDocumentFacts; locs: string[] }> {
  const facts = unreadDocument(url, source);
  const redirectPolicy = (target: string): RedirectDecision => (sameSite(target) ? 'follow' : 'offsite');
  const response = await client.get(url, { maxBytes: SITEMAP_MAX_BYTES, redirectPolicy });
  facts.status = response.status || null;
  if (response.error) return { facts: { ...facts, problem: 'unreachable', error: response.error }, locs: [] };
  if (response.status < 200 || response.status >= 300) return { facts: { ...facts, problem: 'http' }, locs: [] };
  const xml = await sitemapXml(response.body, response.truncated);
  if (!xml) return { facts: { ...facts, bytes: response.body.length, problem: 'fake-gzip' }, locs: [] };
  Object.assign(facts, { bytes: xml.bytes, truncated: xml.truncated });
  const document = parseSitemap(xml.text);
  if (!document.kind) return { facts: { ...facts, problem: 'not-sitemap' }, locs: [] };
  return { facts: { ...facts, kind: document.kind, incomplete: !document.closed && !xml.truncated, listed: document.locs.length }, locs: document.locs };
}

/** The state of one site's sitemap reading: documents in reading order, sitemaps queued, page URLs taken. */
class SitemapReader {
  readonly documents: SitemapDocumentFacts[] = [];
  readonly pageUrls = new Set<string>();
  /** Sitemaps queued or read, so an index naming itself or another read sitemap is not read twice. */
  private readonly queued = new Set<string>();

  constructor(
    private readonly client: HttpClient,
    private readonly isSameSite: (url: string) => boolean,
  ) {}

  /** robots.txt's sitemaps and /sitemap.xml: each one recorded, read or not. */
  roots(roots: { raw: string; source: Source }[]): { url: string; source: Source }[] {
    const level: { url: string; source: Source }[] = [];
    for (const { raw, source } of roots) {
      const url = normaliseUrl(raw);
      if (!url) this.documents.push({ ...unreadDocument(raw, source), notRead: 'invalid' });
      if (!url || this.queued.has(url)) continue;
      if (!this.isSameSite(url)) this.documents.push({ ...unreadDocument(url, source), notRead: 'off-site' });
      else if (this.queued.size >= MAX_SITEMAP_DOCUMENTS) this.documents.push({ ...unreadDocument(url, source), notRead: 'too-many' });
      else level.push({ url, source });
      this.queued.add(url);
    }
    return level;
  }

  /** Reads one level of sitemaps; returns the next (the children of its indexes). */
  async level(level: { url: string; source: Source }[], depth: number): Promise<{ url: string; source: Source }[]> {
    const results = await Promise.all(level.map(({ url, source }) => readOne(url, source, this.client, this.isSameSite)));
    const next: { url: string; source: Source }[] = [];
    for (const { facts, locs } of results) {
      this.documents.push(facts);
      for (const loc of locs) {
        const url = normaliseUrl(loc, facts.url);
        const skipped = !url ? 'invalid' : facts.kind === 'index' ? this.child(facts, url, depth, next) : this.page(url);
        if (skipped) facts.skipped[skipped] = (facts.skipped[skipped] ?? 0) + 1;
        else facts.taken++;
      }
    }
    return next;
  }

  /** Queues an index's child; returns why it is not read, or null. */
  private child(index: SitemapDocumentFacts, url: string, depth: number, next: { url: string; source: Source }[]): SitemapSkipReason | null {
    if (url === index.url) return 'self-listing';
    if (this.queued.has(url)) return 'repeated';
    if (!this.isSameSite(url)) return 'off-site';
    if (depth + 1 >= MAX_INDEX_DEPTH) return 'too-deep';
    if (this.queued.size >= MAX_SITEMAP_DOCUMENTS) return 'too-many';
    this.queued.add(url);
    next.push({ url, source: 'index' });
    return null;
  }

  /** Takes a page URL for the crawl; returns why it is not taken, or null. */
  private page(url: string): SitemapSkipReason | null {
    if (!this.isSameSite(url)) return 'off-site';
    if (this.pageUrls.has(url)) return 'duplicate';
    if (this.pageUrls.size >= MAX_PAGE_URLS) return 'over-limit';
    this.pageUrls.add(url);
    return null;
  }
}

/**
 * Reads the sitemaps listed in robots.txt and the conventional origin/sitemap.xml, and their children. isSameSite
 * decides both the sitemaps requested and the page URLs the crawler may use; every document is recorded.
 */
export async function readSitemaps(
  listed: string[],
  origin: string,
  client: HttpClient,
  isSameSite: (url: string) => boolean,
): Promise<SitemapResult> {
  const reader = new SitemapReader(client, isSameSite);
  let level = reader.roots([...listed.map((raw) => ({ raw, source: 'robots' as const })), { raw: `${origin}/sitemap.xml`, source: 'conventional' }]);
  for (let depth = 0; level.length > 0; depth++) level = await reader.level(level, depth);
  return { facts: { documents: reader.documents }, pageUrls: [...reader.pageUrls] };
}
