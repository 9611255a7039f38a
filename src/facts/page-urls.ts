// Link targets as a page's facts record them: references resolved against the page's base URL and normalised, with
// host and document type. Resolved URLs are cached by the part of the base that decides them, as the same menu and
// footer hrefs repeat on every page of a site.
import { ABSOLUTE_WEB_URL, documentTypeOf, normaliseUrl } from '../crawl/url.js';
import { CACHE_MAX } from './caps.js';
import { detach } from '../util/detach.js';
import { memoizeBounded } from '../util/memo.js';
import type { DocumentType } from '../types.js';

/** Same registrable site: the host itself or its www. twin. */
export function sameSite(host: string, pageHost: string): boolean {
  const bare = (h: string) => (h.startsWith('www.') ? h.slice(4) : h);
  return bare(host) === bare(pageHost);
}

/**
 * Normalised URLs by reference, one table per base part that decides the result: the same nav and footer hrefs
 * repeat on every page of a site, and `new URL` is the costliest step of reading a link.
 */
type ResolvedUrls = Map<string, string | null>;

/** Tables by base origin, directory or whole URL; absolute references need no base. */
const resolvedTables = new Map<string, ResolvedUrls>();
const absoluteUrls: ResolvedUrls = new Map();
let resolvedSize = 0;

/** Counts tables and entries; when full, starts afresh (tables a page still holds live on until it is done). */
function makeRoomForOneMore(): void {
  if (++resolvedSize > CACHE_MAX) {
    resolvedTables.clear();
    absoluteUrls.clear();
    resolvedSize = 1;
  }
}

function resolvedTable(key: string): ResolvedUrls {
  let table = resolvedTables.get(key);
  if (table === undefined) {
    makeRoomForOneMore();
    table = new Map();
    resolvedTables.set(key, table);
  }
  return table;
}

/** A base URL with the tables for the references whose result depends only on its origin, directory, or all of it. */
export interface Base {
  url: string;
  /** null unless http(s): other bases are not cached. */
  byOrigin: ResolvedUrls | null;
  byDirectory: ResolvedUrls | null;
  byUrl: ResolvedUrls | null;
}

export function baseOf(url: string, parsed = new URL(url)): Base {
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { url, byOrigin: null, byDirectory: null, byUrl: null };
  const origin = `${parsed.protocol}//${parsed.host}`;
  const directory = origin + parsed.pathname.slice(0, parsed.pathname.lastIndexOf('/') + 1);
  // The serialised URL, not the given string: equal bases share a table.
  return { url, byOrigin: resolvedTable(`origin ${origin}`), byDirectory: resolvedTable(`directory ${directory}`), byUrl: resolvedTable(`url ${parsed.href}`) };
}

/** Path-relative references ("page.html", "../x?q"): no scheme, so the base's directory alone decides the result. */
const PATH_RELATIVE = /^[\w.~%-][^:]*$/;

/** The table whose entries normaliseUrl(ref, base) depends on, or null when not cached. */
function tableFor(ref: string, base: Base): ResolvedUrls | null {
  if (ABSOLUTE_WEB_URL.test(ref)) return absoluteUrls;
  // "/x" and "//host/x" (tabs and newlines inside are dropped by the URL parser): only scheme, host and port matter.
  if (ref.charCodeAt(0) === 0x2f) return base.byOrigin;
  if (PATH_RELATIVE.test(ref)) return base.byDirectory;
  return base.byUrl;
}

export function resolveAgainst(raw: string | undefined, base: Base): string | null {
  if (!raw) return null;
  const ref = raw.trim();
  if (!ref) return null;
  const table = tableFor(ref, base);
  if (table === null) return normaliseUrl(ref, base.url);
  let url = table.get(ref);
  if (url === undefined) {
    makeRoomForOneMore();
    url = normaliseUrl(ref, base.url);
    // Detached: the reference is cut from the page's HTML, which the table would otherwise keep.
    table.set(detach(ref), url);
  }
  return url;
}

interface LinkTarget {
  host: string;
  /** The document type read from the URL alone (no type attribute). */
  documentType: DocumentType | null;
}

/** Host and document type of a normalised http(s) URL, cached for the same reason as resolved URLs. */
export const linkTargetOf = memoizeBounded((href): LinkTarget => {
  // normaliseUrl returns "scheme://host[:port]/…" with the host lower-cased: read it without parsing again.
  const host = /^https?:\/\/(\[[^\]]+\]|[^/:?]+)/.exec(href)?.[1] ?? '';
  return { host, documentType: documentTypeOf(href, null) };
}, CACHE_MAX);
