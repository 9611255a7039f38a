// audit --browser runs Lighthouse on the home page as the official AGID checker does (C.SI.4.1): a light page and a
// deliberately heavy one, served on 127.0.0.1. Two Lighthouse runs in the whole suite (~15-30 s each).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/fonts.js';
import { LIGHTHOUSE_METRICS, lighthouseInstalled, measurePerformance } from '../../src/browser/lighthouse.js';
import { runAudit } from '../../src/cli/audit.js';
import { runRescore } from '../../src/cli/rescore.js';
import type { LighthouseFacts, Report } from '../../src/types.js';
import { AUDIT_OPTIONS, captureIo } from '../helpers/cli.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { check, designSite, url } from '../design/fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const html = (head: string, body: string) =>
  `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Comune</title>${head}</head><body>${body}</body></html>`;
const MODEL_FONT = '<style>body { font-family: "Titillium Web", sans-serif; }</style>';
/**
 * A render-blocking script of 2 MB (~10 s on Lighthouse's simulated mobile network, so every paint is late) that then
 * keeps the main thread busy for 500 ms after the load (blocking time, 4× on the simulated CPU).
 */
const HEAVY_SCRIPT = `var padding = "${'x'.repeat(2 * 1024 * 1024)}";
addEventListener("load", () => setTimeout(() => { var start = Date.now(); while (Date.now() - start < 500) {} }, 0));
`;

describe('Lighthouse in Chromium (C.SI.4.1)', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    if (!findChromium(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
    if (!lighthouseInstalled()) throw new Error('lighthouse (an optional dependency) is not installed: run npm ci');
    const page = (body: string) => ({ headers: { 'content-type': 'text/html; charset=utf-8' }, body });
    server = await serveRoutes({
      '/': page(html(MODEL_FONT, '<main><h1>Comune di Prova</h1><p>Benvenuti.</p></main><footer><p>Comune di Prova</p></footer>')),
      '/heavy': page(html(`${MODEL_FONT}<script src="/big.js"></script>`, '<h1>Comune lento</h1><p>Testo.</p><footer><a href="/piano">Piano di miglioramento del sito</a></footer>')),
      '/big.js': { headers: { 'content-type': 'text/javascript' }, body: HEAVY_SCRIPT },
    });
  }, 30_000);
  afterAll(async () => server?.close());

  it('audit --browser measures a light home page (pass); --save-crawl keeps the measure for rescore; --no-timing blanks it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'comune-audit-lighthouse-'));
    try {
      const crawlFile = join(dir, 'site.crawl.gz');
      const audited = captureIo();
      await runAudit(`${server.url}/`, { ...AUDIT_OPTIONS, timing: true, browser: true, chromium: CHROMIUM, saveCrawl: crawlFile }, audited.io);
      const report = JSON.parse(audited.out()) as Report;
      const performance = report.checks.find((item) => item.id === 'C.SI.4.1')!;
      expect(performance).toMatchObject({ status: 'pass', score: 1, approximate: true });
      expect(performance.evidence[0]).toMatchObject({ url: `${server.url}/`, selector: 'lighthouse:performance', measured: true });
      expect(Number(performance.evidence[0].snippet)).toBeGreaterThanOrEqual(50);
      expect(performance.evidence[0].note?.en).toMatch(/^Lighthouse 12\.\d+\.\d+, mobile device with simulated network and CPU/);
      expect(performance.details).toEqual({ lighthouseVersion: expect.stringMatching(/^12\./), improvementPlan: false });

      // The kept crawl carries what the browser saw: rescore gives the same report, measured figures included.
      const rescored = captureIo();
      await runRescore(crawlFile, { ...AUDIT_OPTIONS, timing: true }, rescored.io);
      expect(rescored.out()).toBe(audited.out());
      const blanked = captureIo();
      await runRescore(crawlFile, { ...AUDIT_OPTIONS, timing: false }, blanked.io);
      const quiet = (JSON.parse(blanked.out()) as Report).checks.find((item) => item.id === 'C.SI.4.1')!;
      expect(quiet.evidence.map((item) => item.snippet)).toEqual(['', '']);
      expect(quiet.status).toBe('pass');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('measures a heavy page below 50, reads the improvement plan in its footer, and the rule maps both ways', async () => {
    const facts = await measurePerformance(`${server.url}/heavy`, { chromium: CHROMIUM, timeoutMs: 30_000 });
    expect(facts.error).toBeUndefined();
    expect(facts.performanceScore).toBeLessThan(0.5);
    expect(facts.metrics.map((metric) => metric.id)).toEqual([...LIGHTHOUSE_METRICS]);
    // 2 MB on Lighthouse's simulated mobile network (1.6 Mbps) before the first paint, and the busy main thread.
    expect(facts.metrics.find((metric) => metric.id === 'first-contentful-paint')!.value).toBeGreaterThan(5_000);
    expect(facts.metrics.find((metric) => metric.id === 'total-blocking-time')!.value).toBeGreaterThan(600);
    expect(facts.improvementPlan).toBe(true);
    const judged = (lighthouse: LighthouseFacts) => check('C.SI.4.1', designSite({ extra: { browser: { chromium: 'Chromium', pages: [], lighthouse: { ...lighthouse, url: url('/') } } } }));
    expect(judged(facts).status).toBe('pass');
    expect(judged({ ...facts, improvementPlan: false }).status).toBe('fail');
    expect(judged(facts).evidence[0].snippet).toBe(String(Math.round(facts.performanceScore! * 100)));
  }, 180_000);
});
