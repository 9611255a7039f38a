// C.SI.3.2 with `audit --browser`: the accessibility statement the home's footer links on form.agid.gov.it, read as
// the official checker reads it (its accessibility audit): an old /view/<uuid> address is first resolved through
// AGID's API, then the page's text must name the site's domain and "WCAG 2.1" or "2.2". The one request an audit
// makes outside the site, and only with --browser, as the official checker makes it.
import type { AccessibilityStatementFacts, SiteFacts } from '../types.js';
import { AGID_FORM } from '../../rules/design/model-data.js';
const OLD_VIEW = /form\.agid\.gov\.it\/view\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;
const API = 'https://form.agid.gov.it/api/v1/agid-form/dichiarazione-accessibilita/dichiarazione-by-old-id/';
const WCAG = /wcag 2.1|wcag-21|wcag 2.2/i;

/** The statement link the official checker follows: the home's accessibility-link marker pointing at form.agid.gov.it. */
export function statementLink(site: SiteFacts): string | null {
  const home = site.pages.find((page) => page.pageType.type === 'home' && !page.error);
  const marker = home?.dataElements.find((element) => element.name === 'accessibility-link' && element.region === 'footer');
  return marker?.href && (marker.rawHref ?? '').includes(AGID_FORM) ? marker.href : null;
}

/** The API address that resolves an old /view/<uuid> statement address, or null for a current address. */
export function oldStatementApi(href: string): string | null {
  const uuid = OLD_VIEW.exec(href)?.[1];
  return uuid ? `${API}${uuid}` : null;
}

/** The statement's address from the API's idPubblicazione, its middle part's slashes escaped as the official checker does. */
export function publishedStatementUrl(idPubblicazione: string): string {
  return `${AGID_FORM}${idPubblicazione.replace(/^([^/]*\/)(.*)(\/dichiarazione)$/, (_, head: string, middle: string, tail: string) => `${head}${middle.replace(/\//g, '%2f')}${tail}`)}`;
}

/** The site's domain as the official checker tests it: the host (with its port), without a leading "www.". */
export function statementDomain(siteUrl: string): string {
  return new URL(siteUrl).host.replace(/^www./, '');
}

/** Whether a statement's text names the domain and WCAG 2.1/2.2, with the official checker's two expressions. */
export function judgeStatementText(text: string, domain: string): Pick<AccessibilityStatementFacts, 'namesDomain' | 'namesWcag'> {
  return { namesDomain: new RegExp(domain, 'i').test(text), namesWcag: WCAG.test(text) };
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** Renders the statement in Chromium and reads its text; a failure (unreachable, API error) is recorded, not thrown. */
export async function readStatement(href: string, siteUrl: string, options: { chromium: string; timeoutMs: number; userAgent?: string }): Promise<AccessibilityStatementFacts> {
  const domain = statementDomain(siteUrl);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: options.chromium, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ userAgent: options.userAgent, locale: 'it-IT' });
    let url = href;
    const api = oldStatementApi(href);
    if (api) {
      const answer = await context.request.get(api, { timeout: options.timeoutMs });
      if (answer.status() !== 200) return { href, url: api, domain, error: `HTTP ${answer.status()}`, namesDomain: false, namesWcag: false };
      url = publishedStatementUrl(String(((await answer.json()) as { idPubblicazione?: unknown }).idPubblicazione ?? ''));
    }
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs });
    if (!response || response.status() >= 400) return { href, url, domain, error: `HTTP ${response?.status() ?? 0}`, namesDomain: false, namesWcag: false };
    const text = await page.evaluate(() => document.documentElement.textContent ?? '');
    return { href, url, domain, ...judgeStatementText(text, domain) };
  } catch (error) {
    return { href, url: href, domain, error: firstLine(error), namesDomain: false, namesWcag: false };
  } finally {
    await browser.close();
  }
}
