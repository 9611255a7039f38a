// C.SI.1.1 Fonts. The validator reads computed styles in a browser; statically we read the font-family
// declarations of the home's CSS and of every page's inline styles, and judge each declaration by its first family.
import { defineRule, evidence, fail, joinLocalised, partial, pass, unknown } from '../../src/check/define.js';
import type { Evidence, Localised, SiteFacts } from '../../src/types.js';
import { allowedFonts, normaliseLabel } from './model-data.js';
import { agidMeta } from './shared.js';

const NOTE: Localised = {
  it: 'approssimazione statica: dichiarazioni font-family nei CSS, non gli stili calcolati',
  en: 'static approximation: CSS font-family declarations, not computed styles',
};
const FONT_FAMILY = /font-family\s*:\s*([^;}"']*(?:(?:"[^"]*"|'[^']*')[^;}"']*)*)/gi;
/** Generic families, CSS keywords and system stacks: they name no font of their own. */
const NOT_A_FONT = /^(inherit|initial|unset|revert|sans-serif|serif|monospace|cursive|fantasy|system-ui|ui-\w+|-apple-system|blinkmacsystemfont|var\(.*|)$/i;
/** Icon fonts are not text fonts. */
const ICON_FONT = /icon|awesome|glyph|symbol|dashicons|material/i;

/** First named family of a declaration value, or null when it names only generics or an icon font. */
export function primaryFamily(value: string): string | null {
  for (const raw of value.replace(/!important/i, '').split(',')) {
    const family = raw.trim().replace(/^["']|["']$/g, '').trim();
    if (NOT_A_FONT.test(family)) continue;
    return ICON_FONT.test(family) ? null : family;
  }
  return null;
}

function declarations(site: SiteFacts): { family: string; url: string; selector: string }[] {
  const found: { family: string; url: string; selector: string }[] = [];
  for (const asset of site.assets) {
    for (const value of asset.fontFamilies) {
      const family = primaryFamily(value);
      if (family) found.push({ family, url: asset.url, selector: 'css:font-family' });
    }
  }
  for (const page of site.pages) {
    for (const style of page.inlineStyles) {
      for (const match of style.matchAll(FONT_FAMILY)) {
        const family = primaryFamily(match[1]);
        if (family) found.push({ family, url: page.url, selector: 'style:font-family' });
      }
    }
  }
  return found;
}

export default defineRule(
  agidMeta({
    id: 'C.SI.1.1',
    title: {
      it: "C.SI.1.1 - CONSISTENZA DELL'UTILIZZO DEI FONT (librerie di caratteri) - Il sito comunale deve utilizzare i font indicati dalla documentazione del modello di sito comunale.",
      en: 'C.SI.1.1 - Consistent use of fonts - The comune website must use the fonts named by the model (Titillium Web, Lora, Roboto Mono).',
    },
    weight: 1,
    group: 'cittadino-informato',
    pageTypes: 'all',
  }),
  (site) => {
    const found = declarations(site);
    if (!found.length) {
      const none = { it: `${site.assets.length} file CSS/JS letti, nessuna dichiarazione font-family`, en: `${site.assets.length} assets read, no font-family declaration` };
      return unknown([evidence(site.siteUrl, 'css:font-family', '', joinLocalised([none, NOTE]))], {
        it: 'Nessuna dichiarazione font-family leggibile (serve un controllo nel browser)',
        en: 'No readable font-family declaration (needs a browser check)',
      });
    }
    const allowed = allowedFonts();
    const firstByFamily = new Map<string, Evidence>();
    for (const declaration of found) {
      const key = normaliseLabel(declaration.family);
      if (!firstByFamily.has(key)) firstByFamily.set(key, evidence(declaration.url, declaration.selector, declaration.family, NOTE));
    }
    const families = [...firstByFamily.keys()].sort();
    const good = families.filter((family) => allowed.has(family));
    const other = families.filter((family) => !allowed.has(family));
    const ev = [...other, ...good].map((family) => firstByFamily.get(family)!);
    const details = { allowedFamilies: good, otherFamilies: other };
    if (!good.length) {
      return fail(ev, { it: `Nessun font del modello dichiarato (trovati: ${other.join(', ')})`, en: `No model font declared (found: ${other.join(', ')})` }, details);
    }
    if (other.length) {
      return partial(ev, {
        it: `Font del modello presenti, ma anche altri font primari: ${other.join(', ')}`,
        en: `Model fonts declared, but other primary fonts too: ${other.join(', ')}`,
      }, details);
    }
    return pass(ev, { it: `Solo font del modello dichiarati: ${good.join(', ')}`, en: `Only model fonts declared: ${good.join(', ')}` }, details);
  },
);
