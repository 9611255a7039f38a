// One measured survey in a fresh process, for its own peak memory and CPU time:
//   node dist/bench/survey-phase.js <sites.json> <store.db> <threads> <sites at once>
// Prints one JSON line: { sites, pages, seconds, peakRssMb, code, threadCpu, cpuSeconds }.
import { readdirSync, readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { runSurveyCommand, type SurveyCliOptions } from '../src/cli/survey.js';
import { SurveyStore } from '../src/survey/store.js';
import type { SurveyTarget } from '../src/survey/types.js';
import { statCpuSeconds } from './proc-cpu.js';
import type { BenchSite } from './survey-sites.js';

const [listPath, storePath, threads, sitesAtOnce] = process.argv.slice(2);
const sites = JSON.parse(readFileSync(listPath, 'utf8')) as BenchSite[];
const targets: SurveyTarget[] = sites.map((site, i) => ({
  line: i + 2, key: `c_${i}`, ipaCode: `c_${i}`, name: `Comune ${i}`, istatCode: null, region: null, province: null,
  url: site.url, rawUrl: site.url, rejected: null,
}));

/**
 * CPU seconds of each thread of this process, from /proc/self/task (Linux; empty elsewhere). Worker threads end
 * with the survey and take their /proc entry with them, so the figures are sampled while it runs and the last seen
 * kept: a thread's final quarter-second may be missed, never another process's time counted.
 */
function sampleThreads(into: Map<number, number>): void {
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return;
  }
  for (const task of tasks) {
    try {
      into.set(Number(task), statCpuSeconds(`/proc/self/task/${task}/stat`));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
}

const options: SurveyCliOptions = {
  output: storePath, sites: Number(sitesAtOnce), threads: Number(threads), newRun: true, keepReports: false, seed: 1,
  // Loopback sites: no politeness delay, so the figures are the tool's, not the sleep's.
  maxPages: 200, maxDepth: 10, concurrency: 4, delay: 0, timeout: 10_000, timeBudget: 120_000, maxBody: 5 * 1024 * 1024,
  robots: true, insecure: false, classify: true, proxy: false, lang: 'en', progress: false,
};
const threadCpu = new Map<number, number>();
const sampler = setInterval(() => sampleThreads(threadCpu), 250);
const started = performance.now();
const code = await runSurveyCommand(listPath, options, { stderr: new PassThrough() as unknown as NodeJS.WriteStream }, {
  readSurveyTargets: async () => ({ targets, problems: [] }),
  selectShard: (all) => all,
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
sampleThreads(threadCpu);
const store = SurveyStore.open(storePath);
const run = store.lastRun();
const pages = store.db.prepare('SELECT coalesce(sum(pages_fetched), 0) FROM sites WHERE run_id = ?').pluck().get(run?.id) as number;
store.close();
const usage = process.resourceUsage();
// The main thread's tid is the process id; the others, busiest first (the survey's worker threads, then V8's GC
// helpers and libuv's pool).
const main = threadCpu.get(process.pid) ?? 0;
const others = [...threadCpu].filter(([tid]) => tid !== process.pid).map(([, cpu]) => cpu).sort((a, b) => b - a);
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
process.stdout.write(`${JSON.stringify({ sites: targets.length, pages, seconds, peakRssMb: usage.maxRSS / 1024, code, threadCpu: { main, others }, cpuSeconds })}\n`);
