// Fixture sites for the design criteria: the conforming mini-site in fixtures/design/site, with pages swapped
// or edited per test, turned into SiteFacts by the real parser and page-type detection.
import { runRules } from '../../src/check/run.js';
import { assignLinkedPageTypes } from '../../src/facts/page-type.js';
import { designRules } from '../../rules/design/index.js';
import type { AssetFacts, CheckResult, SiteFacts } from '../../src/types.js';
import { readFixture, siteFromHtml, type FixturePage } from '../helpers/site.js';

export const SITE = 'https://www.comune.bergamo.it/';

/** Path on the fixture host → fixture file under fixtures/design/site. */
export const PAGES: Record<string, string> = {
  '/': 'home.html',
  '/amministrazione': 'amministrazione.html',
  '/novita': 'novita.html',
  '/servizi': 'servizi.html',
  '/vivere-il-comune': 'vivere.html',
  '/amministrazione/uffici': 'uffici.html',
  '/servizi/carta-identita': 'servizio.html',
  '/argomenti': 'argomenti.html',
  '/note-legali': 'note-legali.html',
  '/prenotazione-appuntamento': 'prenotazione.html',
};

export const CSS_URL = `${SITE}assets/css/bootstrap-italia.min.css`;

export const MODEL_ASSETS: AssetFacts[] = [
  {
    url: CSS_URL,
    kind: 'css',
    bootstrapItaliaVersion: '2.8.2',
    fontFamilies: ['"Titillium Web", Geneva, Tahoma, sans-serif', 'Lora, Georgia, serif', '"Roboto Mono", monospace'],
    themeHeader: null,
  },
];

export function url(path: string): string {
  return new URL(path, SITE).href;
}

export function fixtureHtml(path: string): string {
  return readFixture('design', 'site', PAGES[path]);
}

export interface SiteOptions {
  /** Replace a page's HTML (path → html), or drop it (path → null). */
  pages?: Record<string, string | null>;
  /** Extra pages (path → html). */
  add?: Record<string, string>;
  headers?: Record<string, Record<string, string>>;
  /** HTTP status per path (default 200). */
  statuses?: Record<string, number>;
  extra?: Partial<SiteFacts>;
}

/** The fixture site as SiteFacts, with the home-link refinement of page types applied. */
export function designSite(options: SiteOptions = {}): SiteFacts {
  const pages: FixturePage[] = [];
  for (const path of Object.keys(PAGES)) {
    const replaced = options.pages?.[path];
    if (replaced === null) continue;
    pages.push({ url: url(path), html: replaced ?? fixtureHtml(path), headers: options.headers?.[path], status: options.statuses?.[path], depth: path === '/' ? 0 : 1 });
  }
  for (const [path, html] of Object.entries(options.add ?? {})) pages.push({ url: url(path), html, status: options.statuses?.[path], depth: 2 });
  const site = siteFromHtml(pages, { assets: MODEL_ASSETS, auditedAt: '2025-06-01T00:00:00.000Z', ...options.extra });
  assignLinkedPageTypes(site.pages, site.siteUrl);
  return site;
}

/** A fixture page's HTML with one substring replaced (fails loudly when the substring is absent, so edits cannot rot). */
export function edit(path: string, from: string | RegExp, to: string): string {
  const html = fixtureHtml(path);
  const edited = html.replace(from, to);
  if (edited === html) throw new Error(`fixture edit did not apply to ${path}: ${String(from)}`);
  return edited;
}

/** One AGID criterion's result on a site. */
export function check(id: string, site: SiteFacts): CheckResult {
  const rule = designRules.find((candidate) => candidate.meta.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return runRules([rule], site)[0];
}
