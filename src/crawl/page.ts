// Turns a fetch outcome into the FetchedPage record, decoding HTML bodies.
import type { DiscoverySource, FetchedPage } from '../types.js';
import { decodeHtml } from './charset.js';
import { httpStatusError } from './errors.js';
import { mediaTypeOf, type FetchOutcome } from './fetch.js';
import { normaliseUrl } from './url.js';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
/** Where a rel=canonical can be: the head, which is near the top. */
const CANONICAL_SCAN_CHARS = 64 * 1024;

export function isHtmlType(mediaType: string): boolean {
  return HTML_TYPES.has(mediaType);
}

/** Worth reading the body of: HTML, or a response that does not say what it is (its first bytes will tell). */
export function mayBeHtml(mediaType: string): boolean {
  return mediaType === '' || isHtmlType(mediaType);
}

/** A document that opens like HTML, after any byte-order mark, blanks and comments. */
const HTML_START = /^(?:\uFEFF)?(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body)\b/i;

/** WHATWG MIME sniffing's "binary data bytes": control characters no text (HTML included) has. */
const BINARY_BYTE = (byte: number): boolean => byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f);
/** The resource header WHATWG sniffing reads. */
const SNIFF_BYTES = 1445;

/**
 * Whether a body said to be HTML is binary data (an image, an archive, random bytes): more than 1 byte in 32 of its
 * first 1445 is a binary data byte. WHATWG sniffing calls one such byte binary; a ratio keeps a page with a stray NUL
 * (which the HTML standard reads as U+FFFD) an HTML page. UTF-16, all of whose ASCII is NUL-paired, is not sniffed.
 */
export function looksBinary(outcome: Pick<FetchOutcome, 'contentType' | 'body'>): boolean {
  const head = outcome.body.subarray(0, SNIFF_BYTES);
  if (/charset\s*=\s*["']?utf-16/i.test(outcome.contentType) || (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe)) return false;
  let binary = 0;
  for (const byte of head) if (BINARY_BYTE(byte)) binary++;
  return binary * 32 > head.length;
}

/**
 * The response's media type; when the server sent none, text/html if the body opens like HTML (as browsers sniff),
 * else "". Old comune servers do forget the header. Binary data served as HTML is application/octet-stream: it is
 * not parsed, and a start page like that is 'not-html'.
 */
export function mediaTypeOfResponse(outcome: Pick<FetchOutcome, 'contentType' | 'body'>): string {
  const declared = mediaTypeOf(outcome.contentType);
  if (isHtmlType(declared) && looksBinary(outcome)) return 'application/octet-stream';
  if (declared) return declared;
  return HTML_START.test(outcome.body.subarray(0, 1024).toString('latin1')) ? 'text/html' : '';
}

/** A 2xx HTML response: the only kind that is parsed and whose links are followed. */
export function isParsablePage(page: FetchedPage): boolean {
  return !page.error && page.status >= 200 && page.status < 300 && isHtmlType(page.contentType);
}

/** The FetchedPage for an outcome, with the HTML decoded (a 4xx/5xx gets an 'http' error and no HTML). */
export function buildPage(outcome: FetchOutcome, depth: number, source: DiscoverySource): FetchedPage {
  const contentType = mediaTypeOfResponse(outcome);
  const error = outcome.error ?? (outcome.status >= 400 ? httpStatusError(outcome.status, outcome.finalUrl) : undefined);
  const decoded = !error && isHtmlType(contentType) ? decodeHtml(outcome.body, outcome.contentType) : null;
  return {
    url: outcome.url,
    finalUrl: normaliseUrl(outcome.finalUrl) ?? outcome.finalUrl,
    status: outcome.status,
    headers: outcome.headers,
    contentType,
    charset: decoded?.charset ?? null,
    redirects: outcome.redirects,
    depth,
    source,
    html: decoded?.text ?? '',
    bytes: outcome.body.length,
    truncated: outcome.truncated,
    ...(error ? { error } : {}),
    fetchMs: outcome.fetchMs,
  };
}

/** Longest <meta http-equiv="refresh"> delay read as a redirect; a longer one is a page that reloads itself. */
const REFRESH_REDIRECT_MAX_SECONDS = 10;

/**
 * Target of a `<meta http-equiv="refresh" content="0; url=…">` in the page's head, or null (none, no URL, or a
 * delay too long to be a redirect). Old comune sites often answer on their root with such a page.
 */
export function metaRefreshTarget(html: string): string | null {
  const head = html.slice(0, CANONICAL_SCAN_CHARS);
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/\bhttp-equiv\s*=\s*["']?refresh\b/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = content?.[1] ?? content?.[2] ?? content?.[3] ?? '';
    const [delay, ...rest] = value.split(/[;,]/);
    const url = rest.join(';').trim().replace(/^url\s*=\s*/i, '').replace(/^['"]|['"]$/g, '').trim();
    if (url && Number(delay.trim() || '0') <= REFRESH_REDIRECT_MAX_SECONDS) return url.replace(/&amp;/g, '&');
  }
  return null;
}

/** A forwarding page has at most a "click here if nothing happens" link or two and a line of text. */
const FORWARDING_MAX_LINKS = 3;
const FORWARDING_MAX_TEXT = 500;
/** `location = "…"`, `location.href = '…'`, `window.location.replace("…")`, `top.location.assign('…')`: a literal target. */
const SCRIPT_REDIRECT =
  /(?<![\w$.]|\b(?:var|let|const)\s+)(?:(?:window|document|top|self)\.)?location(?:\.href)?\s*=\s*(["'])([^"'\s]+)\1|(?<![\w$.])(?:(?:window|document|top|self)\.)?location\.(?:replace|assign)\(\s*(["'])([^"'\s]+)\3\s*\)/;
/** A script that decides whether to forward (a mobile switch) is not a forwarding page. */
const CONDITIONAL = /\bif\s*\(/;

/**
 * Target of a start page that only forwards with a script (`<script>location.href = "/portale/"</script>`), or
 * null. `html` is the whole page. Only a page that is nothing else counts — a handful of links and a line of text —
 * so a home page whose scripts assign `location` somewhere (a menu, a mobile switch) is read as it is.
 */
export function scriptRedirectTarget(page: string): string | null {
  if ((page.match(/<a\b[^>]*\bhref\s*=/gi) ?? []).length > FORWARDING_MAX_LINKS) return null;
  const scripts = [...page.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi)];
  const text = page
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > FORWARDING_MAX_TEXT) return null;
  for (const [, body] of scripts) {
    const found = SCRIPT_REDIRECT.exec(body);
    if (found && !CONDITIONAL.test(body)) return found[2] ?? found[4];
  }
  return null;
}

/** rel=canonical href from the page's head, for callers whose onPage did not report it. */
export function canonicalFromHtml(html: string): string | null {
  const head = html.slice(0, CANONICAL_SCAN_CHARS);
  for (const tag of head.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = /\brel\s*=\s*["']?([^"'>]*)/i.exec(tag)?.[1] ?? '';
    if (!rel.toLowerCase().split(/\s+/).includes('canonical')) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = href?.[1] ?? href?.[2] ?? href?.[3];
    if (value) return value.replace(/&amp;/g, '&');
  }
  return null;
}
