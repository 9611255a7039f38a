// The optional browser pass (`audit --browser`): renders a few pages in Debian's Chromium through playwright-core
// (never downloaded) and reads the computed font of every heading and paragraph, as the official AGID checker does
// for C.SI.1.1. Off by default; playwright-core is loaded only here.
import { existsSync, readFileSync } from 'node:fs';
import type { AnalysedPage, BrowserFacts, BrowserPageFacts, PageType, SiteFacts } from '../types.js';
import { markedTargetType } from '../facts/page-type.js';
import { compareCodeUnits } from '../util/compare.js';
import { dataPath } from '../util/paths.js';

/** Where Debian, Ubuntu and Fedora put Chromium; the first that exists is used unless --chromium names one. */
export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/usr/bin/google-chrome'];

export function findChromium(given?: string): string | null {
  if (given) return existsSync(given) ? given : null;
  return CHROMIUM_PATHS.find((path) => existsSync(path)) ?? null;
}

export interface BrowserOptions {
  chromium: string;
  /** The model's fonts (first family names), compared as the official checker compares them: exactly. */
  allowedFonts: readonly string[];
  /** Per page, in ms. */
  timeoutMs: number;
  userAgent?: string;
}

/** Runs in the page: the official checker's font test (src/audits/font in the validator), returned as data. */
function readFonts(allowed: string[]): { textElements: number; wrongFonts: { family: string; inside: boolean }[] } {
  const first = (element: Element) => window.getComputedStyle(element).fontFamily.split(',', 1)[0].replace(/^"|"$/g, '');
  const elements = [...document.body.querySelectorAll('h1, h2, h3, h4, h5, h6, p')];
  const wrongFonts: { family: string; inside: boolean }[] = [];
  for (const element of elements) {
    const own = first(element);
    if (!allowed.includes(own)) {
      wrongFonts.push({ family: own, inside: false });
      continue;
    }
    for (const child of element.querySelectorAll('*')) {
      const family = first(child);
      if (!allowed.includes(family)) {
        wrongFonts.push({ family, inside: true });
        break;
      }
    }
  }
  return { textElements: elements.length, wrongFonts };
}

/** Renders each URL once, in order, in one headless Chromium; a page that fails is recorded with its error. */
export async function renderFonts(urls: readonly string[], options: BrowserOptions): Promise<BrowserFacts> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: options.chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ userAgent: options.userAgent, locale: 'it-IT' });
    const pages: BrowserPageFacts[] = [];
    for (const url of urls) {
      const page = await context.newPage();
      try {
        await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs });
        pages.push({ url, ...(await page.evaluate(readFonts, [...options.allowedFonts])) });
      } catch (error) {
        pages.push({ url, error: error instanceof Error ? error.message.split('\n')[0] : String(error), textElements: 0, wrongFonts: [] });
      } finally {
        await page.close();
      }
    }
    return { chromium: `Chromium ${browser.version()}`, pages };
  } finally {
    await browser.close();
  }
}

/** The model's fonts as the official checker lists them (data/modello-comuni/allowedFonts.json). */
export function modelFonts(): string[] {
  return (JSON.parse(readFileSync(dataPath('modello-comuni', 'allowedFonts.json'), 'utf8')) as { allowedFonts: string[] }).allowedFonts;
}

/** Kinds of page the official checker reads fonts on, in the order the sample takes them. */
const FONT_PAGE_TYPES: readonly PageType[] = ['first-level', 'services-index', 'second-level', 'service', 'personal-area-login'];
const PER_KIND = 2;

/**
 * Pages that answered an HTTP error, by the kind of page the marked links leading to them promise. The official
 * checker follows those links too and reads the fonts of the error page it gets (an unstyled 404 page shows the
 * browser's default font).
 */
function failedTargetsByKind(site: SiteFacts, readable: readonly AnalysedPage[]): Map<PageType, string[]> {
  // The server answered with an error status (a body to show), not a page that could not be fetched at all.
  const failed = new Set(site.pages.filter((page) => page.status >= 400 && (!page.error || page.error.code === 'http')).map((page) => page.url));
  const byKind = new Map<PageType, string[]>();
  for (const page of readable) {
    for (const element of page.dataElements) {
      const kind = element.href && failed.has(element.href) ? markedTargetType(element.name) : null;
      if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), element.href!]);
    }
  }
  for (const [kind, urls] of byKind) byKind.set(kind, [...new Set(urls)].sort(compareCodeUnits));
  return byKind;
}

/**
 * The pages rendered: the home, then the first two of each kind above by URL, and the first marked link of each kind
 * that answered an HTTP error (a small, deterministic sample).
 */
export function browserSample(site: SiteFacts): string[] {
  const readable = site.pages.filter((page) => !page.error && page.status < 400);
  const home = readable.find((page) => page.pageType.type === 'home');
  const urls = home ? [home.url] : [];
  const failed = failedTargetsByKind(site, readable);
  for (const type of FONT_PAGE_TYPES) {
    const ofType = readable.filter((page) => page.pageType.type === type).map((page) => page.url).sort(compareCodeUnits);
    urls.push(...ofType.slice(0, PER_KIND), ...(failed.get(type) ?? []).slice(0, 1));
  }
  return urls;
}
