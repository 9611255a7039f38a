// C.SI.1.2 Bootstrap Italia ≥ 2.0 on every page and ≥ 30% of the page's unique class names from its class list, as
// the official checker decides it: a page whose version cannot be read fails (0), whatever its classes. No partial.
// On a Drupal site (a stylesheet the page links carries the Design Comuni Italia Drupal theme header) Drupal core's
// own class names are left out of the share, as the validator does.
import { defineRule, evidence, fail, okPages } from '../../src/check/define.js';
import type { AnalysedPage, SiteFacts } from '../../src/types.js';
import { bootstrapItaliaClasses, cmsThemePattern, drupalCoreClasses } from './model-data.js';
import { agidMeta, worstPage, type PageVerdict } from './shared.js';
import { officialGathering, ALL_KINDS } from './gathering.js';

const MIN_SHARE = 30;
const INLINE_VERSION = [/--bootstrap-italia-version\s*:\s*["']?\s*v?(\d+\.\d+(?:\.\d+)?)/i, /BOOTSTRAP_ITALIA_VERSION\s*[=:]\s*["']v?(\d+\.\d+(?:\.\d+)?)/];

export function versionAtLeast(version: string, minimum: string): boolean {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return true;
}

/**
 * Share (rounded %) of the page's unique class names that belong to Bootstrap Italia, as the validator computes it;
 * on a Drupal page, Drupal core's class names are left out of the count.
 */
export function bootstrapShare(page: AnalysedPage, drupal = false): number | null {
  const counted = drupal ? page.classTokens.filter((token) => !drupalCoreClasses().some((pattern) => pattern.test(token))) : page.classTokens;
  if (!page.classTokens.length) return null;
  const known = bootstrapItaliaClasses();
  const matching = page.classTokens.filter((token) => known.has(token)).length;
  // Only Drupal's own classes: the validator's division by zero never falls under 30 %.
  if (!counted.length) return 100;
  return Math.round((matching / counted.length) * 100);
}

/**
 * The validator's Drupal test (isDrupal): a stylesheet the page links whose theme header, read with the model's
 * regex, names Drupal. We read the stylesheets the crawl fetched.
 */
function isDrupal(page: AnalysedPage, site: SiteFacts): boolean {
  const linked = new Set(page.stylesheets);
  return site.assets.some((asset) => linked.has(asset.url) && asset.themeHeader && cmsThemePattern().exec(asset.themeHeader.raw)?.groups?.name?.toLowerCase() === 'drupal');
}

/** The version a page loads: an inline marker, else the assets it links, else the home's assets (same theme). */
function versionOf(page: AnalysedPage, site: SiteFacts): { version: string; source: string } | null {
  for (const text of [...page.inlineStyles, ...page.inlineScripts]) {
    for (const pattern of INLINE_VERSION) {
      const match = pattern.exec(text);
      if (match) return { version: match[1], source: 'inline' };
    }
  }
  const linked = new Set([...page.stylesheets, ...page.scripts]);
  const versioned = site.assets.filter((asset) => asset.bootstrapItaliaVersion);
  const own = versioned.find((asset) => linked.has(asset.url)) ?? versioned[0];
  return own ? { version: own.bootstrapItaliaVersion!, source: own.url } : null;
}

export default defineRule(
  agidMeta({
    id: 'C.SI.1.2',
    title: {
      it: 'C.SI.1.2 - LIBRERIA DI ELEMENTI DI INTERFACCIA - Il sito comunale deve utilizzare la libreria Bootstrap Italia.',
      en: 'C.SI.1.2 - User interface library - The comune website must use the Bootstrap Italia library (version 2.0 or later, at least 30% of class names).',
    },
    weight: 1,
    group: 'cittadino-informato',
    pageTypes: 'all',
  }),
  officialGathering(ALL_KINDS, (site) => {
    const pages = okPages(site);
    if (!pages.length) return fail([], { it: 'Nessuna pagina letta', en: 'No page could be read' });
    const verdicts: PageVerdict[] = pages.map((page) => {
      const found = versionOf(page, site);
      const drupal = isDrupal(page, site);
      const share = bootstrapShare(page, drupal);
      const versionOk = found !== null && versionAtLeast(found.version, '2.0');
      const shareOk = share !== null && share >= MIN_SHARE;
      const classes = page.classTokens.length;
      const note = {
        it: `${found ? `versione ${found.version}` : 'versione non trovata'}; ${share ?? 0}% delle ${classes} classi uniche da Bootstrap Italia${drupal ? ' (escluse quelle del core di Drupal)' : ''}${found && found.source !== 'inline' ? `; versione letta da ${found.source}` : ''}`,
        en: `${found ? `version ${found.version}` : 'version not found'}; ${share ?? 0}% of ${classes} unique classes from Bootstrap Italia${drupal ? ' (Drupal core classes left out)' : ''}${found && found.source !== 'inline' ? `; version from ${found.source}` : ''}`,
      };
      const seen = found ? `Bootstrap Italia ${found.version}` : '';
      const ev = [evidence(page.url, found?.source === 'inline' ? 'inline:bootstrap-italia-version' : 'class', seen, note)];
      return { page, score: versionOk && shareOk ? 1 : 0, evidence: ev };
    });
    return worstPage(verdicts, (score, counts) =>
      score === 1
        ? { it: `Bootstrap Italia ≥ 2.0 e ≥ 30% di classi in tutte le pagine (${counts})`, en: `Bootstrap Italia ≥ 2.0 and ≥ 30% of classes on every page (${counts})` }
        : { it: `Bootstrap Italia assente, datata o poco usata in almeno una pagina (conformi ${counts})`, en: `Bootstrap Italia missing, outdated or little used on at least one page (conforming ${counts})` },
    );
  }),
);
