// CSS and JS of the start page, fetched for the design checks (Bootstrap Italia version, fonts,
// theme header). Any host: Bootstrap Italia is often served from a CDN.
import type { FetchedAsset } from '../types.js';
import { httpStatusError } from './errors.js';
import type { HttpClient } from './fetch.js';
import { normaliseUrl } from './url.js';

/** At most this many of each kind, in page order. */
export const MAX_ASSETS_PER_KIND = 12;
/** Version markers and theme headers sit at the top of the file. */
export const ASSET_MAX_BYTES = 512 * 1024;

type AssetRef = { url: string; kind: 'css' | 'js' };

/** The first MAX_ASSETS_PER_KIND distinct http(s) URLs of each kind, in the order given. */
export function selectAssets(refs: AssetRef[]): AssetRef[] {
  const seen = new Set<string>();
  const counts = { css: 0, js: 0 };
  const selected: AssetRef[] = [];
  for (const ref of refs) {
    const url = normaliseUrl(ref.url);
    if (!url || seen.has(url) || counts[ref.kind] >= MAX_ASSETS_PER_KIND) continue;
    seen.add(url);
    counts[ref.kind]++;
    selected.push({ url, kind: ref.kind });
  }
  return selected;
}

async function fetchAsset(ref: AssetRef, client: HttpClient): Promise<FetchedAsset> {
  const outcome = await client.get(ref.url, { maxBytes: ASSET_MAX_BYTES });
  const error = outcome.error ?? (outcome.status >= 400 ? httpStatusError(outcome.status, outcome.finalUrl) : undefined);
  return {
    url: ref.url,
    kind: ref.kind,
    status: outcome.status,
    // A cut may split a character; the decoder replaces it and the markers we need are near the top.
    text: error ? '' : new TextDecoder('utf-8').decode(outcome.body),
    ...(error ? { error } : {}),
  };
}

/** Fetches the selected assets; results keep the selection's order. Never throws. */
export function fetchAssets(refs: AssetRef[], client: HttpClient): Promise<FetchedAsset[]> {
  return Promise.all(selectAssets(refs).map((ref) => fetchAsset(ref, client)));
}
