// URL normalisation and classification shared by the crawler and the page-facts parser,
// so a link on a page and the page it leads to always get the same key.
import type { DocumentType } from '../types.js';
import { compareCodeUnits } from '../util/compare.js';

/** Query parameters that only track campaigns or clicks: dropped so one page has one URL. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

function paramName(segment: string): string {
  const name = segment.split('=', 1)[0];
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/**
 * Keeps the raw query segments (no re-encoding, which could change what a server sees),
 * drops tracking parameters and sorts by parameter name (stable, so repeated names keep their order).
 */
function normaliseQuery(search: string): string {
  if (search.length <= 1) return '';
  const kept = search
    .slice(1)
    .split('&')
    .filter((segment) => segment !== '' && !isTrackingParam(paramName(segment)));
  kept.sort((a, b) => compareCodeUnits(paramName(a), paramName(b)));
  return kept.length ? `?${kept.join('&')}` : '';
}

/** RFC 3986 §2.3 unreserved characters: percent-encoding one of them changes nothing. */
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * The percent-encoding normal form of RFC 3986 §6.2.2: escapes of unreserved characters decoded ("%7E" → "~",
 * "%41" → "A"), other escapes' hex digits upper-cased ("%c3%a0" → "%C3%A0"). The same resource either way; nothing
 * else is decoded, so what a server sees keeps its meaning ("%2F" stays an escaped slash).
 */
function normalisePercentEncoding(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : escape.toUpperCase();
  });
}

/**
 * A host name's labels (letters, digits, hyphens; underscores, which some real hosts have), an IPv4 address or an
 * [IPv6] one. The URL parser lets through hosts no DNS name can have ("ht!tp://x" reads as host "ht!tp").
 */
export const HOST_NAME = /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?|\[[0-9a-f:.]+\])$/i;

/** An absolute http(s) reference: its normal form does not depend on a base. */
export const ABSOLUTE_WEB_URL = /^https?:\/\//i;

/**
 * Absolute, normalised http(s) URL, or null for anything else (mailto:, javascript:, garbage).
 * Drops the fragment, the default port, credentials, an empty query and tracking parameters; lower-cases scheme and
 * host (the URL parser does that and punycodes the host); sorts the query; normalises percent-encoding; keeps the
 * path's case. Only what is certainly the same resource is merged: "/" and "/index.html" may not be (the crawler
 * compares their bodies).
 */
export function normaliseUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  const query = normaliseQuery(normalisePercentEncoding(url.search));
  return `${url.protocol}//${url.host}${normalisePercentEncoding(url.pathname)}${query}`;
}

const DOCUMENT_EXTENSIONS: Record<string, DocumentType> = {
  pdf: 'pdf',
  csv: 'csv',
  xlsx: 'xlsx',
  xls: 'xls',
  ods: 'ods',
  json: 'json',
  xml: 'xml',
  rdf: 'rdf',
  zip: 'zip',
  doc: 'doc',
  docx: 'docx',
  odt: 'odt',
};

const DOCUMENT_MIME_TYPES: Record<string, DocumentType> = {
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/json': 'json',
  'application/ld+json': 'json',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'application/rdf+xml': 'rdf',
  'application/zip': 'zip',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
};

/** Lower-cased extension of the URL's last path segment ("" when none). */
function extensionOf(url: string): string {
  let pathname: string;
  try {
    pathname = new URL(url, 'http://x.invalid/').pathname;
  } catch {
    return '';
  }
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
}

/** The document type a link points to, from its type attribute (a MIME type) or else its extension. */
export function documentTypeOf(url: string, typeAttr?: string | null): DocumentType | null {
  const mime = typeAttr?.split(';')[0].trim().toLowerCase();
  if (mime && DOCUMENT_MIME_TYPES[mime]) return DOCUMENT_MIME_TYPES[mime];
  return DOCUMENT_EXTENSIONS[extensionOf(url)] ?? null;
}

/** Extensions that are never HTML pages: the crawler does not fetch them (documents are recorded by the facts stage). */
const NON_PAGE_EXTENSIONS = new Set([
  ...Object.keys(DOCUMENT_EXTENSIONS),
  'p7m', 'rtf', 'txt', 'ppt', 'pptx', 'odp', '7z', 'rar', 'gz', 'tgz',
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'svg', 'ico', 'bmp', 'tif', 'tiff', 'avif',
  'mp3', 'mp4', 'm4a', 'wav', 'ogg', 'webm', 'avi', 'mov', 'wmv',
  'css', 'js', 'mjs', 'map', 'woff', 'woff2', 'ttf', 'otf', 'eot',
  'exe', 'dmg', 'msi', 'apk', 'ics', 'vcf', 'kml', 'kmz', 'shp',
]);

/** True when the URL's extension says it is not a page worth fetching as HTML. */
export function looksLikeNonPage(url: string): boolean {
  return NON_PAGE_EXTENSIONS.has(extensionOf(url));
}

/** The host (with port) and its www. twin: the crawl stays inside this set. */
export function siteHostsOf(url: string): string[] {
  const host = new URL(url).host;
  return host.startsWith('www.') ? [host, host.slice(4)] : [host, `www.${host}`];
}

/** Origin (scheme://host[:port]) of an absolute URL. */
export function originOf(url: string): string {
  return new URL(url).origin;
}
