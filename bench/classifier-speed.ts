// The classifier's speed, honest about the machine: rounds of the classifier alternate with rounds of a control loop
// that runs none of our code on the same texts (lower-case, split on non-letters, count words in a Map), in the same
// process. A slow classifier figure beside a slow control is the host; beside a normal control it is our code. Medians
// of several rounds, with the range; allocation per page and garbage-collection time from V8's GC profiler; the CPU
// time of V8's helper threads (concurrent marking, compiler) from /proc when it can be read.
import { availableParallelism, loadavg } from 'node:os';
import { GCProfiler } from 'node:v8';
import type { ClassifyInput } from '../src/classify/index.js';
import { statCpuSeconds } from './proc-cpu.js';
import { median } from './stats.js';

const ROUNDS = 7;
const PAGES_PER_ROUND = 5_000;

interface Round {
  wall: number;
  cpu: number;
  /** CPU seconds of the main thread alone (NaN where /proc cannot be read). */
  mainCpu: number;
}

function mainThreadCpu(): number {
  try {
    return statCpuSeconds(`/proc/self/task/${process.pid}/stat`);
  } catch {
    return NaN;
  }
}

function timed(fn: () => void): Round {
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const startedMain = mainThreadCpu();
  fn();
  const used = process.cpuUsage(startedCpu);
  return { wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6, mainCpu: mainThreadCpu() - startedMain };
}

/** The control loop: the texts lower-cased, split on non-letters and counted by word, through no code of ours. */
function controlPass(texts: readonly string[]): number {
  let words = 0;
  for (const text of texts) {
    const counts = new Map<string, number>();
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) counts.set(word, (counts.get(word) ?? 0) + 1);
    words += counts.size;
  }
  return words;
}

/** Items per second, written with thousands separators. */
export const rate = (count: number, seconds: number): string => Math.round(count / seconds).toLocaleString('en-US');
const rates = (rounds: readonly Round[], pick: (round: Round) => number): string => {
  const seconds = rounds.map(pick);
  return `${rate(PAGES_PER_ROUND, median(seconds))} (${rate(PAGES_PER_ROUND, Math.max(...seconds))}–${rate(PAGES_PER_ROUND, Math.min(...seconds))})`;
};

/** Allocation per page and GC time share of `fn`, from V8's GC profiler (scavenges and mark-compacts it caused). */
function withGcProfile(fn: () => void): { bytes: number; gcSeconds: number } {
  const profiler = new GCProfiler();
  profiler.start();
  const before = process.memoryUsage().heapUsed;
  fn();
  const after = process.memoryUsage().heapUsed;
  const { statistics } = profiler.stop();
  let bytes = 0;
  let last = before;
  let gcMicroseconds = 0;
  for (const gc of statistics) {
    bytes += gc.beforeGC.heapStatistics.usedHeapSize - last;
    last = gc.afterGC.heapStatistics.usedHeapSize;
    gcMicroseconds += gc.cost;
  }
  return { bytes: bytes + after - last, gcSeconds: gcMicroseconds / 1e6 };
}

/** The speed lines of the classifier bench: `classify` on the Modello Comuni pages, beside the control loop. */
export function speedLines(classify: (page: ClassifyInput) => void, pages: readonly ClassifyInput[]): string[] {
  const sample = Array.from({ length: PAGES_PER_ROUND }, (_, i) => pages[i % pages.length]);
  const texts = sample.map((page) => page.text);
  const classifier: Round[] = [];
  const control: Round[] = [];
  let gc = { bytes: 0, gcSeconds: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    let times: Round = { wall: 0, cpu: 0, mainCpu: 0 };
    const profile = withGcProfile(() => {
      times = timed(() => sample.forEach(classify));
    });
    classifier.push(times);
    // The first round compiles the code: allocation and GC from the others.
    if (round > 0) gc = { bytes: gc.bytes + profile.bytes, gcSeconds: gc.gcSeconds + profile.gcSeconds };
    control.push(timed(() => controlPass(texts)));
  }
  const averageKb = texts.reduce((sum, text) => sum + text.length, 0) / texts.length / 1024;
  const cpuRatio = median(control.map((round) => round.cpu)) / median(classifier.map((round) => round.cpu));
  const measured = classifier.slice(1);
  const wall = measured.reduce((sum, round) => sum + round.wall, 0);
  const cpu = measured.reduce((sum, round) => sum + round.cpu, 0);
  const mainCpu = measured.reduce((sum, round) => sum + round.mainCpu, 0);
  const helpers = Number.isNaN(mainCpu) ? '' : `, V8's helper threads ${((100 * Math.max(0, cpu - mainCpu)) / cpu).toFixed(0)}% of its CPU`;
  return [
    `  classify ${rates(classifier, (round) => round.wall)} pages/s, ${rates(classifier, (round) => round.cpu)} per CPU second (median and range of ${ROUNDS} rounds of ${PAGES_PER_ROUND.toLocaleString('en-US')}) on Modello Comuni pages (${averageKb.toFixed(1)} KB of text each)   target ≥ 5,000 per CPU second`,
    `    control loop (lower-case, split, count words; none of our code) ${rates(control, (round) => round.cpu)} per CPU second in the same process: classifier/control ${cpuRatio.toFixed(2)}`,
    `    ${((gc.bytes / measured.length / PAGES_PER_ROUND) / 1024).toFixed(0)} KB allocated a page, garbage collection ${((100 * gc.gcSeconds) / wall).toFixed(1)}% of the classifier's wall time${helpers}; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
  ];
}
