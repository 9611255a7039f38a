// A list's site cell → the address to audit. Real cells are messy: no scheme ("www.comune.inarzo.va.it"), a
// placeholder ("n.d."), an e-mail address, several sites ("www.a.it; www.b.it"), stray quotes or punctuation.
import { HOST_NAME, normaliseUrl } from '../../crawl/url.js';

/** Cells that mean "no site", as people write it. */
const NO_SITE = new Set(['', '-', '--', '/', '0', 'n.d.', 'n.d', 'nd', 'n/a', 'na', 'null', 'none', 'nessuno', 'non disponibile', 'non presente']);

/** Separators between several sites in one cell: blanks, ; and |, and a comma before another address. */
const SEPARATOR = /[\s;|]+|,(?=\s*(?:https?:\/\/|www\.))/i;

export type SiteCell =
  | { kind: 'none' }
  | { kind: 'invalid' }
  /** `others`: further addresses in the same cell, as written (the first valid one is audited). */
  | { kind: 'site'; url: string; others: string[] };

/** One address as written, or null when it cannot be a website (the scheme defaults to https, as `audit` does). */
export function siteAddress(written: string): string | null {
  const trimmed = written.trim().replace(/^["'<(]+|["'>),.]+$/g, '');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // user@host is an e-mail address written in the site's cell, not a site.
  if (url.username || url.password || !HOST_NAME.test(url.hostname)) return null;
  // A public site has a dotted name ending in letters (comune.x.it) or is an address; "www" or "comune" alone is not.
  if (!/\.[a-z]{2,}\.?$|^\d{1,3}(?:\.\d{1,3}){3}$|^\[/i.test(url.hostname)) return null;
  return normaliseUrl(url.href);
}

/** Where an address starts: a cell with two of these, or a ; or |, holds several sites. */
const ADDRESS_START = /https?:\/\/|www\./gi;

export function readSiteCell(cell: string): SiteCell {
  if (NO_SITE.has(cell.trim().toLowerCase())) return { kind: 'none' };
  const several = /[;|]/.test(cell) || (cell.match(ADDRESS_START)?.length ?? 0) > 1;
  // One address with stray blanks ("www.comune.fabrica di roma.vt.it") is read without them.
  const written = several ? cell.split(SEPARATOR).filter((part) => part.trim() !== '') : [cell.replace(/\s+/g, '')];
  const index = written.findIndex((part) => siteAddress(part) !== null);
  if (index < 0) return { kind: 'invalid' };
  return { kind: 'site', url: siteAddress(written[index]) as string, others: written.filter((_, i) => i !== index) };
}

/**
 * What makes two listed sites one: host (and port) without "www.", path without its final slash, case-insensitive, whatever
 * the scheme. The path counts: platforms host many comuni under one host (www.halleyweb.com/c018099).
 */
export function siteIdentity(url: string): string {
  const parsed = new URL(url);
  const host = parsed.host.replace(/^www\./, '');
  return `${host}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`.toLowerCase();
}
