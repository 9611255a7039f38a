// One measured survey in a fresh process, for its own peak memory:
//   node dist/bench/survey-phase.js <sites.json> <store.db> <threads> <sites at once>
// Prints one JSON line: { sites, pages, seconds, peakRssMb, code }.
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { runSurveyCommand, type SurveyCliOptions } from '../src/cli/survey.js';
import { SurveyStore } from '../src/survey/store.js';
import type { SurveyTarget } from '../src/survey/types.js';
import type { BenchSite } from './survey-sites.js';

const [listPath, storePath, threads, sitesAtOnce] = process.argv.slice(2);
const sites = JSON.parse(readFileSync(listPath, 'utf8')) as BenchSite[];
const targets: SurveyTarget[] = sites.map((site, i) => ({
  line: i + 2, key: `c_${i}`, ipaCode: `c_${i}`, name: `Comune ${i}`, istatCode: null, region: null, province: null,
  url: site.url, rawUrl: site.url, rejected: null,
}));

const options: SurveyCliOptions = {
  output: storePath, sites: Number(sitesAtOnce), threads: Number(threads), newRun: true, keepReports: false, seed: 1,
  // Loopback sites: no politeness delay, so the figures are the tool's, not the sleep's.
  maxPages: 200, maxDepth: 10, concurrency: 4, delay: 0, timeout: 10_000, timeBudget: 120_000, maxBody: 5 * 1024 * 1024,
  robots: true, insecure: false, classify: true, proxy: false, lang: 'en', progress: false,
};
const started = performance.now();
const code = await runSurveyCommand(listPath, options, { stderr: new PassThrough() as unknown as NodeJS.WriteStream }, {
  readSurveyTargets: async () => ({ targets, problems: [] }),
  selectShard: (all) => all,
});
const seconds = (performance.now() - started) / 1000;
const store = SurveyStore.open(storePath);
const run = store.lastRun();
const pages = store.db.prepare('SELECT coalesce(sum(pages_fetched), 0) FROM sites WHERE run_id = ?').pluck().get(run?.id) as number;
store.close();
process.stdout.write(`${JSON.stringify({ sites: targets.length, pages, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, code })}\n`);
