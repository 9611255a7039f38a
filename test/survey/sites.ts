// Small comune-like sites on 127.0.0.1 for survey tests, and the SurveyTarget rows that name them.
import { serveRoutes, type FixtureServer, type Route } from '../helpers/fixture-server.js';
import type { SurveyCliOptions } from '../../src/cli/survey.js';
import type { SurveyTarget } from '../../src/survey/types.js';

function page(title: string, links: string[]): string {
  const items = links.map((href) => `<li><a href="${href}">${href}</a></li>`).join('');
  return `<!doctype html><html lang="it"><head><title>${title}</title></head><body><header><a href="/">Comune</a></header><main><h1>${title}</h1><ul>${items}</ul></main><footer><a href="/privacy">Privacy</a></footer></body></html>`;
}

/** A site of `pages` pages, each linking to the next two; with `delayMs`, every answer waits that long. */
export function serveComune(name: string, pages: number, delayMs = 0): Promise<FixtureServer> {
  const routes: Record<string, Route> = {};
  const html = { 'content-type': 'text/html; charset=utf-8' };
  const answer = (body: string): Route =>
    delayMs ? (_req, res) => void setTimeout(() => res.writeHead(200, html).end(body), delayMs) : { headers: html, body };
  for (let i = 0; i < pages; i++) {
    const path = i === 0 ? '/' : `/p${i}`;
    routes[path] = answer(page(`${name} ${i}`, [`/p${i + 1}`, `/p${i + 2}`].filter((_, k) => i + k + 1 < pages)));
  }
  routes['/privacy'] = answer(page(`${name} privacy`, []));
  return serveRoutes(routes);
}

/** A server that answers every request with 503. */
export function serveBroken(): Promise<FixtureServer> {
  return serveRoutes({ '/': { status: 503, body: 'down' }, '/robots.txt': { status: 404 } });
}

export function target(line: number, ipaCode: string, url: string | null, extra: Partial<SurveyTarget> = {}): SurveyTarget {
  return {
    line,
    key: ipaCode,
    ipaCode,
    name: `Comune ${ipaCode}`,
    istatCode: null,
    region: 'Lombardia',
    province: 'BG',
    url,
    rawUrl: url ?? '',
    rejected: url ? null : { reason: 'no-website', detail: 'Sito_istituzionale is empty' },
    ...extra,
  };
}

/** Survey crawl options for tests: no delay, few retries, short timeouts. */
export const TEST_AUDIT = {
  crawl: { maxPages: 20, minDelayMs: 0, retries: 0, timeouts: { connectMs: 2_000, headersMs: 2_000, bodyMs: 2_000, totalMs: 4_000 }, timeBudgetMs: 20_000 },
  classify: false,
};

/** `survey`'s options for tests: audits in the main thread, no delay, short timeouts, small sites. */
export function surveyOptions(overrides: Partial<SurveyCliOptions> = {}): SurveyCliOptions {
  return {
    output: '',
    sites: 2,
    threads: 0,
    newRun: false,
    keepReports: false,
    seed: 1,
    maxPages: 10,
    maxDepth: 5,
    concurrency: 2,
    delay: 0,
    timeout: 3_000,
    timeBudget: 20_000,
    maxBody: 1024 * 1024,
    robots: true,
    insecure: false,
    classify: false,
    proxy: false,
    lang: 'it',
    progress: false,
    ...overrides,
  };
}
