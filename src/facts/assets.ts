// Reads the home page's CSS and JS for the few markers design checks need: Bootstrap Italia version,
// declared font families and a WordPress-style theme header.
import type { AssetFacts, FetchedAsset } from '../types.js';

const VERSION_PATTERNS = [
  /--bootstrap-italia-version\s*:\s*["']?\s*v?(\d+\.\d+(?:\.\d+)?)/i,
  /BOOTSTRAP_ITALIA_VERSION\s*[=:]\s*["']v?(\d+\.\d+(?:\.\d+)?)/,
  /bootstrap[- ]italia[^\n]{0,40}?\bv(?:ersion)?\s*:?\s*(\d+\.\d+\.\d+)/i,
];

const FONT_FAMILY = /font-family\s*:\s*([^;}{]+)/gi;
const THEME_HEADER = /\/\*!?\s*(Theme Name:[\s\S]*?)\*\//;

export function bootstrapItaliaVersionIn(text: string): string | null {
  for (const pattern of VERSION_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return match[1];
  }
  return null;
}

/** Font-family values as declared, de-duplicated, in order of appearance. */
export function fontFamiliesIn(css: string): string[] {
  const seen = new Set<string>();
  for (const match of css.matchAll(FONT_FAMILY)) {
    const value = match[1].replace(/!important/i, '').replace(/\s+/g, ' ').trim();
    if (value && !value.startsWith('var(') && !value.startsWith('inherit')) seen.add(value);
  }
  return [...seen];
}

function themeHeaderIn(css: string): AssetFacts['themeHeader'] {
  const match = THEME_HEADER.exec(css);
  if (!match) return null;
  const field = (name: string) => new RegExp(`^\\s*${name}:\\s*(.+)$`, 'mi').exec(match[1])?.[1].trim() ?? null;
  const name = field('Theme Name');
  if (!name) return null;
  return { name, version: field('Version'), raw: match[0].slice(0, 2_000) };
}

export function extractAssetFacts(asset: FetchedAsset): AssetFacts {
  const facts: AssetFacts = {
    url: asset.url,
    kind: asset.kind,
    bootstrapItaliaVersion: bootstrapItaliaVersionIn(asset.text),
    fontFamilies: asset.kind === 'css' ? fontFamiliesIn(asset.text) : [],
    themeHeader: asset.kind === 'css' ? themeHeaderIn(asset.text) : null,
  };
  if (asset.error) facts.error = asset.error;
  return facts;
}
