// One page at several addresses: a folder and its index file ("/" and "/index.html"), a folder with and without its
// trailing slash ("/servizi" and "/servizi/"), "/home". A server may answer each with the same page, which would
// then be counted twice by rules and scores. By URL alone they may be different pages, so two addresses are taken as
// one page only when one names the other's folder and both answered the same body; the first kept page stays and
// the other address is recorded on it (FetchedPage.aliases), never silently dropped.
import { createHash } from 'node:crypto';
import type { FetchedPage } from '../types.js';
import { compareCodeUnits } from '../util/compare.js';

/** Last path segments a server commonly answers for its folder. */
const FOLDER_INDEX = /^(?:index|default|home)(?:\.(?:html?|shtml|php|aspx?|jsp|cfm))?$/i;

/**
 * The folder URLs an address may stand for: its own folder form ("/servizi" → "/servizi/"), and for an index file
 * its folder ("/servizi/index.html" → "/servizi/"). A folder stands for itself. The query is kept: "/?id=2" and
 * "/index.php?id=2" may be one page, "/?id=2" and "/index.php" are not.
 */
export function folderKeys(url: string): string[] {
  const parsed = new URL(url);
  const origin = `${parsed.protocol}//${parsed.host}`;
  const path = parsed.pathname;
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (last === '') return [origin + path + parsed.search];
  const keys = [`${origin}${path}/${parsed.search}`];
  if (FOLDER_INDEX.test(last)) keys.push(origin + path.slice(0, path.length - last.length) + parsed.search);
  return keys;
}

/** The body's fingerprint, for pages whose whole body was read and answered 2xx; null for the others. */
export function bodyFingerprint(page: FetchedPage): string | null {
  if (page.error || page.truncated || page.status < 200 || page.status >= 300 || !page.html) return null;
  return createHash('sha256').update(page.html).digest('base64');
}

/** Kept pages by folder key and body fingerprint. */
export class AliasIndex {
  private readonly pages = new Map<string, FetchedPage>();

  /** Remembers a kept page under every folder its final address may stand for. */
  add(page: FetchedPage, fingerprint: string | null): void {
    if (fingerprint === null) return;
    for (const key of folderKeys(page.finalUrl)) {
      const entry = `${key} ${fingerprint}`;
      if (!this.pages.has(entry)) this.pages.set(entry, page);
    }
  }

  /** The kept page this one repeats (a shared folder and the same body), or null. */
  keptPageFor(page: FetchedPage, fingerprint: string | null): FetchedPage | null {
    if (fingerprint === null) return null;
    for (const key of folderKeys(page.finalUrl)) {
      const kept = this.pages.get(`${key} ${fingerprint}`);
      if (kept) return kept;
    }
    return null;
  }
}

/** Records the addresses of a repeated page on the page kept for them, sorted. */
export function recordAlias(kept: FetchedPage, alias: FetchedPage): void {
  const addresses = new Set([...(kept.aliases ?? []), alias.url, alias.finalUrl]);
  addresses.delete(kept.url);
  addresses.delete(kept.finalUrl);
  kept.aliases = [...addresses].sort(compareCodeUnits);
}
