// Where a benchmark survey's memory is at its peak: every thread appends its V8 heap figures to one file a few times a
// second (worker threads end with the survey, so they cannot be asked at the end), the main thread adds the process's
// resident memory split into anonymous and file-backed pages (Linux /proc; absent elsewhere).
import { appendFileSync, readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
import { threadId } from 'node:worker_threads';

const EVERY_MS = 250;
const MB = 1024 * 1024;

interface Sample {
  t: number;
  thread: number;
  /** Committed size of V8's spaces, MB: old (old, code, map, large-object spaces) and young (the new space). */
  old: number;
  young: number;
  /** Memory V8 reports outside its heap (Buffers, ArrayBuffers), MB. */
  external: number;
  /** The process's resident memory (main thread only), MB. */
  rss?: number;
  anonymous?: number;
}

/** What the process held when its resident memory peaked, MB. */
export interface MemoryAtPeak {
  rss: number;
  /** V8 old generation of the main thread and of each worker thread (busiest first). */
  oldMain: number;
  oldWorkers: number[];
  young: number;
  external: number;
  /** Anonymous resident memory that is neither a V8 heap nor external: malloc (native modules, V8's own tables, fragmentation). */
  native: number;
  /** File-backed resident pages: the node binary, shared libraries, the store's memory-mapped WAL index. */
  files: number;
}

function residentMemory(): { rss: number; anonymous: number } | null {
  try {
    const fields = Object.fromEntries(
      readFileSync('/proc/self/smaps_rollup', 'utf8')
        .split('\n')
        .map((line) => /^(\w+):\s+(\d+) kB/.exec(line))
        .filter((match) => match !== null)
        .map((match) => [match[1], Number(match[2]) / 1024]),
    );
    return { rss: fields.Rss, anonymous: fields.Anonymous };
  } catch {
    return null;
  }
}

/** Starts sampling this thread into `path`; the main thread also samples the process's resident memory. */
export function logMemory(path: string): void {
  const sample = () => {
    const spaces = getHeapSpaceStatistics();
    const young = spaces.filter((space) => space.space_name === 'new_space').reduce((sum, space) => sum + space.space_size, 0);
    const old = spaces.reduce((sum, space) => sum + space.space_size, 0) - young;
    const line: Sample = { t: Date.now(), thread: threadId, old: old / MB, young: young / MB, external: process.memoryUsage().external / MB };
    if (threadId === 0) Object.assign(line, residentMemory());
    appendFileSync(path, `${JSON.stringify(line)}\n`);
  };
  setInterval(sample, EVERY_MS).unref();
}

/** The samples around the main thread's highest resident memory (each worker's nearest sample), or null without /proc. */
export function memoryAtPeak(path: string): MemoryAtPeak | null {
  const samples = readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Sample);
  const main = samples.filter((sample) => sample.thread === 0 && sample.rss !== undefined);
  if (!main.length) return null;
  const peak = main.reduce((best, sample) => ((sample.rss ?? 0) > (best.rss ?? 0) ? sample : best));
  const workers = [...new Set(samples.map((sample) => sample.thread))]
    .filter((thread) => thread !== 0)
    .map((thread) => samples.filter((sample) => sample.thread === thread).reduce((best, sample) => (Math.abs(sample.t - peak.t) < Math.abs(best.t - peak.t) ? sample : best)));
  const threads = [peak, ...workers];
  const sum = (field: 'old' | 'young' | 'external') => threads.reduce((total, sample) => total + sample[field], 0);
  const rss = peak.rss ?? 0;
  const anonymous = peak.anonymous ?? 0;
  return {
    rss,
    oldMain: peak.old,
    oldWorkers: workers.map((sample) => sample.old).sort((a, b) => b - a),
    young: sum('young'),
    external: sum('external'),
    native: anonymous - sum('old') - sum('young') - sum('external'),
    files: rss - anonymous,
  };
}
