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

/** Bootstrap Italia 2.x declares its families in custom properties (--bs-font-sans-serif) used through var(). */
const FONT_PROPERTY = /--[\w-]*font[\w-]*\s*:\s*([^;}{]+)/gi;

/** Font-family values as declared (and family lists held in font custom properties), de-duplicated, in order. */
export function fontFamiliesIn(css: string): string[] {
  const found: { at: number; value: string }[] = [];
  for (const match of css.matchAll(FONT_FAMILY)) found.push({ at: match.index, value: match[1] });
  for (const match of css.matchAll(FONT_PROPERTY)) {
    // Only family lists: "--bs-font-size-base: 1rem" is not a family.
    if (/[,"']/.test(match[1])) found.push({ at: match.index, value: match[1] });
  }
  const seen = new Set<string>();
  for (const { value: raw } of found.sort((a, b) => a.at - b.at)) {
    const value = raw.replace(/!important/i, '').replace(/\s+/g, ' ').trim();
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
