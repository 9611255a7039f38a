// C.SI.4.1 with `audit --browser`: Lighthouse's performance score of the home page, measured as the official AGID
// checker measures it (pa-website-validator-ng: Lighthouse 12 with its default settings, i.e. a mobile device with
// simulated network and CPU throttling, performance category only for the score). Lighthouse is an optional
// dependency (~180 MB with its own dependencies), loaded here only.
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import type { LighthouseFacts, SiteFacts } from '../types.js';

/** The metrics the official report lists beside the score, in its order. */
export const LIGHTHOUSE_METRICS = ['first-contentful-paint', 'interactive', 'speed-index', 'total-blocking-time', 'largest-contentful-paint', 'cumulative-layout-shift'] as const;

/** The official improvement-plan test: the text of the home page's <footer> elements. */
const IMPROVEMENT_PLAN = /piano di miglioramento del sito/i;

/** The official checker waits up to this long for the page to load (its requestTimeout default). */
const MAX_WAIT_FOR_LOAD_MS = 300_000;

/** Thrown when the optional `lighthouse` package is not installed. */
export class LighthouseMissing extends Error {}

type LighthouseModule = typeof import('lighthouse');

async function loadLighthouse(): Promise<LighthouseModule['default']> {
  try {
    return (await import('lighthouse')).default;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') throw new LighthouseMissing('lighthouse');
    throw error;
  }
}

/** True when `lighthouse` can be loaded: `--browser` says so before a crawl rather than after it. */
export function lighthouseInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('lighthouse');
    return true;
  } catch {
    return false;
  }
}

/** A TCP port free on 127.0.0.1 now, for Chromium's DevTools endpoint (Lighthouse connects to it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The page Lighthouse measures: the home, as the official checker measures the address it is given. */
export function lighthouseUrl(site: SiteFacts): string {
  return site.pages.find((page) => page.pageType.type === 'home' && !page.error)?.url ?? site.siteUrl;
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/**
 * Loads the home page once (as the official checker does before Lighthouse) to read its footer, then runs Lighthouse
 * on it in the same Chromium through the DevTools port. Failures are recorded, never thrown, except a missing package.
 */
export async function measurePerformance(url: string, options: { chromium: string; timeoutMs: number; userAgent?: string }): Promise<LighthouseFacts> {
  const lighthouse = await loadLighthouse();
  const { chromium } = await import('playwright-core');
  const port = await freePort();
  const empty: LighthouseFacts = { url, lighthouseVersion: '', performanceScore: null, metrics: [], improvementPlan: false };
  const browser = await chromium.launch({
    executablePath: options.chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', `--remote-debugging-port=${port}`],
  });
  try {
    let improvementPlan = false;
    const context = await browser.newContext({ userAgent: options.userAgent, locale: 'it-IT' });
    const page = await context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs });
      const footer = await page.evaluate(() => [...document.querySelectorAll('footer')].map((element) => element.textContent ?? '').join(''));
      improvementPlan = IMPROVEMENT_PLAN.test(footer);
    } catch (error) {
      return { ...empty, error: firstLine(error) };
    } finally {
      await context.close();
    }
    const result = await lighthouse(
      url,
      { port, hostname: '127.0.0.1', logLevel: 'silent', output: 'json', maxWaitForLoad: MAX_WAIT_FOR_LOAD_MS },
      { extends: 'lighthouse:default', settings: { onlyCategories: ['performance'] } },
    );
    if (!result) return { ...empty, improvementPlan, error: 'Lighthouse returned no result' };
    const { lhr } = result;
    const metrics = LIGHTHOUSE_METRICS.map((id) => ({ id, score: lhr.audits[id]?.score ?? null, value: lhr.audits[id]?.numericValue ?? null }));
    return {
      url,
      lighthouseVersion: lhr.lighthouseVersion,
      performanceScore: lhr.categories.performance?.score ?? null,
      ...(lhr.runtimeError ? { runtimeError: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` } : {}),
      metrics,
      improvementPlan,
    };
  } catch (error) {
    if (error instanceof LighthouseMissing) throw error;
    return { ...empty, error: firstLine(error) };
  } finally {
    await browser.close();
  }
}
