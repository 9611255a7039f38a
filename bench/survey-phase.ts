// One measured survey in a fresh process, for its own peak memory and CPU time:
//   node dist/bench/survey-phase.js <sites.json> <store.db> <threads> <sites at once>
// Prints one JSON line: { sites, pages, seconds, peakRssMb, code, threadCpu, cpuSeconds, full, memory }.
import { readdirSync, readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { runSurveyCommand, type SurveyCliOptions } from '../src/cli/survey.js';
import { SurveyStore } from '../src/survey/store.js';
import type { SurveyTarget } from '../src/survey/types.js';
import { statCpuSeconds } from './proc-cpu.js';
import { logMemory, memoryAtPeak } from './survey-memory.js';
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
const memoryLog = `${storePath}.memory.jsonl`;
process.env.BENCH_SURVEY_MEMORY_LOG = memoryLog;
logMemory(memoryLog);
const threadCpu = new Map<number, number>();
const sampler = setInterval(() => sampleThreads(threadCpu), 250);
const started = performance.now();
const io = { stderr: new PassThrough() as unknown as NodeJS.WriteStream, workerScript: new URL('./survey-worker.js', import.meta.url) };
const code = await runSurveyCommand(listPath, options, io, {
  readSurveyTargets: async () => ({ targets, problems: [] }),
  selectShard: (all) => all,
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
sampleThreads(threadCpu);
const store = SurveyStore.open(storePath);
const run = store.lastRun();
const pages = store.db.prepare('SELECT coalesce(sum(pages_fetched), 0) FROM sites WHERE run_id = ?').pluck().get(run?.id) as number;
const timed = store.db.prepare('SELECT started_at, duration_ms, pages_fetched FROM sites WHERE run_id = ? AND started_at IS NOT NULL').all(run?.id) as { started_at: string; duration_ms: number; pages_fetched: number | null }[];
store.close();

/**
 * The survey while it was full: from its start to the last site's launch, `sites at once` were in flight all along.
 * After that the list is exhausted and the last sites finish with the cores partly idle (a tail a long survey does not
 * have: its slowest sites, 250 ms an answer at 4 requests at a time, take 8-10 s whatever the cores). Pages in the
 * window are estimated from each site's start, duration and pages, as if fetched at an even pace.
 */
function fullWindow(): { seconds: number; pages: number; tailSeconds: number } {
  const spans = timed.map((site) => ({ start: Date.parse(site.started_at), end: Date.parse(site.started_at) + site.duration_ms, pages: site.pages_fetched ?? 0 }));
  if (!spans.length) return { seconds: 0, pages: 0, tailSeconds: 0 };
  const first = Math.min(...spans.map((span) => span.start));
  const lastLaunch = Math.max(...spans.map((span) => span.start));
  const end = Math.max(...spans.map((span) => span.end));
  const inWindow = spans.reduce((sum, span) => {
    if (span.end <= span.start) return sum + (span.start <= lastLaunch ? span.pages : 0);
    return sum + (span.pages * Math.max(0, Math.min(span.end, lastLaunch) - span.start)) / (span.end - span.start);
  }, 0);
  return { seconds: (lastLaunch - first) / 1000, pages: Math.round(inWindow), tailSeconds: (end - lastLaunch) / 1000 };
}
const usage = process.resourceUsage();
// The main thread's tid is the process id; the others, busiest first (the survey's worker threads, then V8's GC
// helpers and libuv's pool).
const main = threadCpu.get(process.pid) ?? 0;
const others = [...threadCpu].filter(([tid]) => tid !== process.pid).map(([, cpu]) => cpu).sort((a, b) => b - a);
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
process.stdout.write(`${JSON.stringify({ sites: targets.length, pages, seconds, peakRssMb: usage.maxRSS / 1024, code, threadCpu: { main, others }, cpuSeconds, full: fullWindow(), memory: memoryAtPeak(memoryLog) })}\n`);
