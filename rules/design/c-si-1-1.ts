// C.SI.1.1 Fonts. The official checker reads the computed font of every heading and paragraph in a browser: another
// font on one fails the page (0), on an element inside one it is tolerated (0.5). Statically (marked approximate) we
// read style="" attributes with their element, and the font-family declarations of the CSS and <style> blocks.
import { defineRule, evidence, fail, joinLocalised, partial, pass, unknown } from '../../src/check/define.js';
import type { BrowserFacts, Evidence, Localised, RuleOutcome, SiteFacts } from '../../src/types.js';
import { allowedFonts, normaliseLabel } from './model-data.js';
import { agidMeta, crawledTarget, homePage, worstPage, type PageVerdict } from './shared.js';
import { officialGathering } from './gathering.js';

const NOTE: Localised = {
  it: 'approssimazione statica: dichiarazioni font-family nei CSS, non gli stili calcolati (con audit --browser li legge Chromium)',
  en: 'static approximation: CSS font-family declarations, not computed styles (audit --browser reads them in Chromium)',
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

/** Elements whose own font the official checker reads (headings and paragraphs), or that pass theirs on to them. */
const TEXT_BLOCKS = /^(h[1-6]|p|body|main|div|section|article|header|footer|nav|aside|ul|ol|li|table|td|th|form|blockquote)$/;
const STYLE_ATTRIBUTE = /^<([a-z0-9-]+) style="/;

interface Declaration {
  family: string;
  url: string;
  selector: string;
  /** For a style="" attribute: its element's tag; null for stylesheets and <style> blocks. */
  tag: string | null;
}

function declarations(site: SiteFacts): Declaration[] {
  const found: Declaration[] = [];
  for (const asset of site.assets) {
    for (const value of asset.fontFamilies) {
      const family = primaryFamily(value);
      if (family) found.push({ family, url: asset.url, selector: 'css:font-family', tag: null });
    }
  }
  for (const page of site.pages) {
    for (const style of page.inlineStyles) {
      const tag = STYLE_ATTRIBUTE.exec(style)?.[1] ?? null;
      for (const match of style.matchAll(FONT_FAMILY)) {
        const family = primaryFamily(match[1]);
        if (family) found.push({ family, url: page.url, selector: tag ? `${tag}[style*=font-family]` : 'style:font-family', tag });
      }
    }
  }
  return found;
}

const approximate = (outcome: RuleOutcome): RuleOutcome => ({ ...outcome, approximate: true });

/**
 * With `audit --browser`: the official procedure on the rendered pages. A heading or paragraph whose computed font
 * is not a model font fails its page (0); a wrong font only on something inside one makes it 0.5; worst page wins.
 */
function fromBrowser(site: SiteFacts, browser: BrowserFacts): RuleOutcome | null {
  const verdicts: PageVerdict[] = [];
  for (const rendered of browser.pages) {
    const page = crawledTarget(site, rendered.url);
    if (!page) continue;
    const own = rendered.wrongFonts.filter((font) => !font.inside);
    const families = [...new Set((own.length ? own : rendered.wrongFonts).map((font) => font.family))].join(', ');
    const score = rendered.error || own.length ? 0 : rendered.wrongFonts.length ? 0.5 : 1;
    const note: Localised = rendered.error
      ? { it: `pagina non visualizzata in ${browser.chromium}: ${rendered.error}`, en: `page not rendered in ${browser.chromium}: ${rendered.error}` }
      : own.length
        ? { it: `${own.length} titoli o paragrafi su ${rendered.textElements} con un altro font (calcolato in ${browser.chromium})`, en: `${own.length} of ${rendered.textElements} headings or paragraphs in another font (computed in ${browser.chromium})` }
        : rendered.wrongFonts.length
          ? { it: `${rendered.wrongFonts.length} titoli o paragrafi contengono elementi con un altro font (calcolato in ${browser.chromium})`, en: `${rendered.wrongFonts.length} headings or paragraphs hold elements in another font (computed in ${browser.chromium})` }
          : { it: `${rendered.textElements} titoli e paragrafi nei font del modello (calcolato in ${browser.chromium})`, en: `${rendered.textElements} headings and paragraphs in the model's fonts (computed in ${browser.chromium})` };
    // An error page reached by a marked link: the official checker audits what it shows, as here.
    const answered: Localised | null = page.status >= 400 ? { it: `la pagina ha risposto ${page.status}, come la legge il validatore ufficiale`, en: `the page answered ${page.status}, read as the official checker reads it` } : null;
    verdicts.push({ page, score, evidence: [evidence(page.url, 'h1, h2, h3, h4, h5, h6, p', families, answered ? joinLocalised([note, answered]) : note)] });
  }
  if (!verdicts.length) return null;
  return worstPage(verdicts, (score, counts) =>
    score === 1
      ? { it: `Font del modello su titoli e paragrafi di tutte le pagine visualizzate (${counts})`, en: `Model fonts on the headings and paragraphs of every rendered page (${counts})` }
      : score === 0.5
        ? { it: `Altri font dentro titoli o paragrafi in almeno una pagina (conformi ${counts})`, en: `Other fonts inside headings or paragraphs on at least one page (conforming ${counts})` }
        : { it: `Titoli o paragrafi in un font fuori dal modello in almeno una pagina (conformi ${counts})`, en: `Headings or paragraphs in a font outside the model on at least one page (conforming ${counts})` },
  );
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
  officialGathering(['service', 'first-level-page', 'second-level-page'], (site) => {
    const rendered = site.browser ? fromBrowser(site, site.browser) : null;
    if (rendered) return rendered;
    const found = declarations(site);
    // Every stylesheet the home links was fetched and failed (or it links none): nothing can style the text.
    const linked = homePage(site)?.stylesheets ?? [];
    const sheets = linked.map((href) => site.assets.find((asset) => asset.url === href));
    if (!found.length && sheets.every((asset) => asset?.error)) {
      // No stylesheet reached the browser and no page names a font: text shows in the browser's default font.
      const why = sheets.length
        ? { it: `nessuno dei ${sheets.length} fogli di stile della homepage risponde e nessuna pagina dichiara un font`, en: `none of the home page's ${sheets.length} stylesheets answers and no page declares a font` }
        : { it: 'la homepage non collega fogli di stile e nessuna pagina dichiara un font', en: 'the home page links no stylesheet and no page declares a font' };
      return approximate(fail([evidence(site.siteUrl, 'css:font-family', '', joinLocalised([why, NOTE]))], {
        it: 'Nessun font dichiarato: il browser mostra il suo font predefinito (di solito Times New Roman)',
        en: "No font declared: the browser shows its default font (usually Times New Roman)",
      }));
    }
    if (!found.length) {
      const none = { it: `${site.assets.length} file CSS/JS letti, nessuna dichiarazione font-family`, en: `${site.assets.length} assets read, no font-family declaration` };
      return unknown([evidence(site.siteUrl, 'css:font-family', '', joinLocalised([none, NOTE]))], {
        it: 'Nessuna dichiarazione font-family leggibile (serve un controllo nel browser)',
        en: 'No readable font-family declaration (needs a browser check)',
      });
    }
    const allowed = allowedFonts();
    const isAllowed = (family: string) => allowed.has(normaliseLabel(family));
    // The official checker reads the computed font of every heading and paragraph: an inline style on one (or on a
    // block around them) with another font fails the page; on an inline element inside the text it is tolerated (0.5).
    const inlineBad = found.filter((declaration) => declaration.tag && !isAllowed(declaration.family));
    const blockBad = inlineBad.filter((declaration) => TEXT_BLOCKS.test(declaration.tag!));
    const sheetFamilies = found.filter((declaration) => !declaration.tag);
    const firstByFamily = (list: Declaration[]) => {
      const seen = new Map<string, Evidence>();
      for (const declaration of list) {
        const key = `${normaliseLabel(declaration.family)} ${declaration.tag ?? ''}`;
        if (!seen.has(key)) seen.set(key, evidence(declaration.url, declaration.selector, declaration.family, NOTE));
      }
      return [...seen.values()];
    };
    // Model fonts set inline count as well as those of a stylesheet.
    const good = [...new Set(found.filter((declaration) => isAllowed(declaration.family)).map((declaration) => declaration.family))].sort();
    const other = [...new Set(sheetFamilies.filter((declaration) => !isAllowed(declaration.family)).map((declaration) => declaration.family))].sort();
    const details = { allowedFamilies: good, otherFamilies: other, inlineOtherFonts: inlineBad.length };
    if (blockBad.length) {
      const families = [...new Set(blockBad.map((declaration) => declaration.family))].join(', ');
      return approximate(fail(firstByFamily(blockBad), {
        it: `Font fuori dal modello impostato con style="" su titoli o paragrafi: ${families}`,
        en: `A font outside the model set with style="" on headings or paragraphs: ${families}`,
      }, details));
    }
    if (!good.length) {
      return approximate(fail(firstByFamily(sheetFamilies), { it: `Nessun font del modello dichiarato nei CSS (trovati: ${other.join(', ')})`, en: `No model font declared in the CSS (found: ${other.join(', ')})` }, details));
    }
    if (inlineBad.length) {
      const families = [...new Set(inlineBad.map((declaration) => declaration.family))].join(', ');
      return approximate(partial([...firstByFamily(inlineBad), ...firstByFamily(found.filter((declaration) => isAllowed(declaration.family)))], {
        it: `Font fuori dal modello impostato con style="" su elementi dentro il testo: ${families}`,
        en: `A font outside the model set with style="" on elements inside the text: ${families}`,
      }, details));
    }
    // Other families declared in a stylesheet beside the model's (icon sets, a library's unused rules) are not judged:
    // which rules reach the text only a browser knows.
    const others = other.length ? { it: `; altri font dichiarati ma non valutati: ${other.join(', ')}`, en: `; other fonts declared, not judged: ${other.join(', ')}` } : { it: '', en: '' };
    return approximate(pass(firstByFamily(found.filter((declaration) => isAllowed(declaration.family))), { it: `Font del modello dichiarati: ${good.join(', ')}${others.it}`, en: `Model fonts declared: ${good.join(', ')}${others.en}` }, details));
  }),
);
