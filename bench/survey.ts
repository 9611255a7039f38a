// The survey benchmark: 200 generated comune-like sites on loopback (20–200 pages, some slow, rate-limited, 5xx or
// dead) surveyed with one core and with every core, beside `audit` run once per site in sequence (what survey teams
// do without `survey`), and the peak memory of a survey of 20 sites and one of 400 against one of 200. Numbers, not a test: each
// line carries the machine's load average, since on a shared machine other processes' load moves every figure.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { statCpuSeconds } from './proc-cpu.js';
import type { MemoryAtPeak } from './survey-memory.js';
import type { BenchSite } from './survey-sites.js';

const SITES = Number(process.env.BENCH_SURVEY_SITES ?? 200);
const SMALL = 20;
/** A list twice as long, surveyed on every core: memory should not grow with the list. BENCH_SURVEY_LONG=0 skips it. */
const LONG = process.env.BENCH_SURVEY_LONG === '0' ? 0 : 2 * SITES;
/** `audit` once per site is slow (a process per site): it runs on the first sites only, compared by rate. */
const SEQUENCE = Number(process.env.BENCH_SURVEY_SEQUENCE ?? 15);
const AT_ONCE = 16;
const TARGET_SPEEDUP = 1.7;
const TARGET_MEMORY = 1.2;

interface Measure {
  sites: number;
  pages: number;
  seconds: number;
  peakRssMb: number;
  /** Busy share of each core during the phase: machine-wide, so the sites' server and other processes count too. */
  cpu: number[];
  /** The survey's own CPU seconds: its main thread and its other threads, busiest first (worker threads, then GC). */
  threadCpu?: { main: number; others: number[] };
  cpuSeconds?: number;
  /** The survey while all its sites at once were in flight (before the list ran out), and the tail after. */
  full?: { seconds: number; pages: number; tailSeconds: number };
  /** What held the memory when the survey's resident memory peaked (Linux). */
  memory?: MemoryAtPeak | null;
  /** CPU seconds the sites' server spent meanwhile. */
  serverCpu: number;
  /** 1-minute load average at the start and the end of the phase. */
  load: [number, number];
}

type Measured = Omit<Measure, 'cpu' | 'serverCpu' | 'load'>;

const script = (name: string) => fileURLToPath(new URL(`./${name}.js`, import.meta.url));
const bin = fileURLToPath(new URL('../../bin/comune-audit.js', import.meta.url));
const run = promisify(execFile);

/** Per-core busy and total jiffies from /proc/stat (Linux); empty elsewhere. */
function cpuTimes(): { busy: number; total: number }[] {
  let text = '';
  try {
    text = readFileSync('/proc/stat', 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => /^cpu\d+ /.test(line))
    .map((line) => {
      const [user, nice, system, idle, iowait, irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
      const total = user + nice + system + idle + iowait + irq + softirq + steal;
      return { busy: total - idle - iowait, total };
    });
}

/** CPU seconds a process has used so far (Linux /proc; 0 elsewhere). */
function processCpu(pid: number | undefined): number {
  try {
    return statCpuSeconds(`/proc/${pid}/stat`);
  } catch {
    return 0;
  }
}

let serverPid: number | undefined;

async function measured(work: () => Promise<Measured>): Promise<Measure> {
  const before = cpuTimes();
  const serverBefore = processCpu(serverPid);
  const loadBefore = loadavg()[0];
  const result = await work();
  const after = cpuTimes();
  const cpu = after.map((core, i) => (core.total - before[i].total ? (core.busy - before[i].busy) / (core.total - before[i].total) : 0));
  return { ...result, cpu, serverCpu: processCpu(serverPid) - serverBefore, load: [loadBefore, loadavg()[0]] };
}

/**
 * A survey in a fresh process; `oneCore` pins it to one CPU with taskset when the machine has it, and the sites'
 * server with it: on a machine of N cores the server shares the N cores with the survey, so with one core it shares
 * that one (left on the other core, it gave the one-core survey a second core for the server's work, ~5% of it).
 */
async function survey(list: string, dir: string, threads: number, oneCore: boolean): Promise<Measure> {
  const pinned = oneCore && (await hasTaskset());
  if (pinned) await pinServer('0');
  try {
    return await measured(async () => {
      const args = [script('survey-phase'), list, join(dir, `survey-${threads}-${Date.now()}.db`), String(threads), String(AT_ONCE)];
      const { stdout } = pinned ? await run('taskset', ['-c', '0', process.execPath, ...args]) : await run(process.execPath, args);
      return JSON.parse(stdout) as Measured;
    });
  } finally {
    if (pinned) await pinServer(`0-${availableParallelism() - 1}`);
  }
}

/** Moves every thread of the sites' server onto these CPUs (taskset's list: "0", "0-1"). */
async function pinServer(cpus: string): Promise<void> {
  await run('taskset', ['-a', '-p', '-c', cpus, String(serverPid)]);
}

let taskset: boolean | undefined;
async function hasTaskset(): Promise<boolean> {
  taskset ??= await run('taskset', ['-c', '0', 'true']).then(() => true, () => false);
  return taskset;
}

/** Preloaded in each audit process: prints its peak RSS on stderr as it exits. */
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('peak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))`;

/** `comune-audit audit` once per site, one after the other, with the survey's limits. */
async function auditInSequence(sites: BenchSite[], dir: string): Promise<Measure> {
  return measured(async () => {
    const started = performance.now();
    let pages = 0;
    let peakRssMb = 0;
    const out = join(dir, 'report.json');
    for (const site of sites) {
      const child = spawn(process.execPath, ['--import', REPORT_RSS, bin, 'audit', site.url, '-f', 'json', '-o', out, '--delay', '0', '--max-pages', '200', '--max-depth', '10', '--concurrency', '4', '--timeout', '10', '--time-budget', '120', '--no-progress'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const [code] = (await once(child, 'close')) as [number];
      peakRssMb = Math.max(peakRssMb, Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? 0) / 1024);
      if (code === 0 || code === 1) pages += (JSON.parse(readFileSync(out, 'utf8')) as { run: { pagesFetched: number } }).run.pagesFetched;
    }
    return { sites: sites.length, pages, seconds: (performance.now() - started) / 1000, peakRssMb };
  });
}

const perMinute = (m: Measure) => (m.sites / m.seconds) * 60;
const pagesPerSecond = (m: Measure) => m.pages / m.seconds;
const fullPagesPerSecond = (m: Measure) => (m.full?.seconds ? m.full.pages / m.full.seconds : 0);

const seconds = (value: number) => `${value.toFixed(1)} s`;

/** Two lines per phase: the figures, then where the CPU went and how loaded the machine was. */
function line(label: string, m: Measure): string {
  const cores = m.cpu.map((share) => `${Math.round(share * 100)}%`).join(' ');
  const rss = m.peakRssMb ? `peak RSS ${m.peakRssMb.toFixed(0).padStart(4)} MB` : 'peak RSS    —   ';
  const figures = `${label.padEnd(44)} ${String(m.sites).padStart(4)} sites ${String(m.pages).padStart(6)} pages ${m.seconds.toFixed(1).padStart(7)} s ${perMinute(m).toFixed(0).padStart(5)} sites/min ${pagesPerSecond(m).toFixed(0).padStart(5)} pages/s  ${rss}`;
  const threads = m.threadCpu
    ? `survey CPU ${seconds(m.cpuSeconds ?? 0)}, ${(((m.cpuSeconds ?? 0) / Math.max(1, m.pages)) * 1000).toFixed(2)} s a 1,000 pages (main thread ${seconds(m.threadCpu.main)}; busiest other threads ${m.threadCpu.others.slice(0, 4).map(seconds).join(', ')}), `
    : '';
  const full = m.full ? `\n${' '.repeat(46)}while ${AT_ONCE} sites were in flight (first ${seconds(m.full.seconds)}): ${fullPagesPerSecond(m).toFixed(0)} pages/s; then the last sites' tail, ${seconds(m.full.tailSeconds)}` : '';
  return `${figures}\n${' '.repeat(46)}${threads}${memoryLine(m)}server CPU ${seconds(m.serverCpu)}, cores busy ${cores} (machine-wide), load average ${m.load[0].toFixed(1)} → ${m.load[1].toFixed(1)}${full}`;
}

const mb = (value: number) => `${value.toFixed(0)} MB`;

/** Where the peak resident memory was: V8's heaps by thread, Buffers, malloc, mapped files (see survey-memory.ts). */
function memoryLine(m: Measure): string {
  const at = m.memory;
  if (!at) return '';
  return `at the RSS peak: V8 old space ${mb(at.oldMain)} main + ${at.oldWorkers.map(mb).join(' + ')} workers, young ${mb(at.young)}, external ${mb(at.external)}, other native ${mb(at.native)}, file-backed ${mb(at.files)}\n${' '.repeat(46)}`;
}

/** The difference between two peaks, part by part: what a longer survey adds. */
function memoryGrowth(long: Measure, short: Measure): string {
  const [a, b] = [long.memory, short.memory];
  if (!a || !b) return '';
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const signed = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(0)}`;
  return ` — the difference between the sampled peaks: RSS ${signed(a.rss - b.rss)} MB = V8 old space ${signed(a.oldMain + sum(a.oldWorkers) - b.oldMain - sum(b.oldWorkers))} (workers ${signed(sum(a.oldWorkers) - sum(b.oldWorkers))}), young ${signed(a.young - b.young)}, external ${signed(a.external - b.external)}, other native ${signed(a.native - b.native)}, file-backed ${signed(a.files - b.files)}`;
}

export async function runSurveyBench(): Promise<string[]> {
  const server = spawn(process.execPath, [script('survey-serve'), String(Math.max(SITES, LONG))], { stdio: ['ignore', 'pipe', 'inherit'] });
  serverPid = server.pid;
  const dir = mkdtempSync(join(tmpdir(), 'comune-audit-survey-bench-'));
  try {
    let text = '';
    while (!text.endsWith('\n')) text += String(((await once(server.stdout, 'data')) as [Buffer])[0]);
    const served = JSON.parse(text) as BenchSite[];
    const sites = served.slice(0, SITES);
    const all = join(dir, 'sites.json');
    const small = join(dir, 'sites-20.json');
    const long = join(dir, 'sites-long.json');
    writeFileSync(all, JSON.stringify(sites));
    writeFileSync(small, JSON.stringify(sites.slice(0, SMALL)));
    writeFileSync(long, JSON.stringify(served.slice(0, LONG)));
    const cores = availableParallelism();
    const kinds = Object.entries(sites.reduce<Record<string, number>>((count, site) => ({ ...count, [site.kind]: (count[site.kind] ?? 0) + 1 }), {}))
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ');
    const lines = [
      `survey benchmark — ${SITES} generated sites on 127.0.0.1 (20–200 pages; ${kinds}), ${AT_ONCE} sites at once, ${cores} cores, Node ${process.version}`,
    ];
    const sequence = await auditInSequence(sites.slice(0, SEQUENCE), dir);
    lines.push(line(`audit once per site, in sequence (first ${Math.min(SEQUENCE, SITES)})`, sequence));
    const oneCore = await survey(all, dir, 1, true);
    lines.push(line(`survey, 1 thread${(await hasTaskset()) ? ' on 1 core (taskset)' : ''}`, oneCore));
    const every = await survey(all, dir, cores, false);
    lines.push(line(`survey, ${cores} threads`, every));
    const twenty = await survey(small, dir, cores, false);
    lines.push(line(`survey, ${cores} threads, ${SMALL} sites`, twenty));
    const twice = LONG ? await survey(long, dir, cores, false) : undefined;
    if (twice) lines.push(line(`survey, ${cores} threads, ${LONG} sites`, twice));
    const speedup = pagesPerSecond(every) / pagesPerSecond(oneCore);
    const memory = every.peakRssMb / twenty.peakRssMb;
    lines.push(`survey vs audit in sequence: ${(perMinute(every) / perMinute(sequence)).toFixed(1)}× the sites per minute`);
    const loads = [oneCore, every, twenty, ...(twice ? [twice] : [])].flatMap((m) => m.load);
    lines.push(`${cores} cores vs 1: ${speedup.toFixed(2)}× the pages per second (target ≥ ${TARGET_SPEEDUP}× with 2 cores): ${speedup >= TARGET_SPEEDUP ? 'met' : 'NOT met'}`);
    const fullSpeedup = fullPagesPerSecond(every) / fullPagesPerSecond(oneCore);
    lines.push(`${cores} cores vs 1 while ${AT_ONCE} sites were in flight (a long survey's pace, without the tail): ${fullSpeedup.toFixed(2)}×`);
    // CPU seconds a page barely move with the load: whether threads add work (garbage collection, messages) reads
    // here even when other processes take the cores and the ratios above say nothing.
    const cpuPerPage = (m: Measure) => (m.cpuSeconds ?? 0) / Math.max(1, m.pages);
    lines.push(`survey CPU a page, ${cores} threads vs 1: ${(cpuPerPage(every) / cpuPerPage(oneCore)).toFixed(2)}× (1.00× = threads add no work; the core ratio cannot exceed ${cores} ÷ this)`);
    lines.push(`peak RSS ${SITES} sites vs ${SMALL}: ${every.peakRssMb.toFixed(0)} vs ${twenty.peakRssMb.toFixed(0)} MB, ${memory.toFixed(2)}× (target ≤ ${TARGET_MEMORY}×): ${memory <= TARGET_MEMORY ? 'met' : 'NOT met'}${memoryGrowth(every, twenty)}`);
    // The need: memory flat however long the list. The 200 vs 20 ratio also counts the 20-site run peaking
    // while its sites have only just started; twice the list against the list is the flatness itself.
    if (twice) lines.push(`peak RSS ${LONG} vs ${SITES} sites: ${twice.peakRssMb.toFixed(0)} vs ${every.peakRssMb.toFixed(0)} MB, ${(twice.peakRssMb / every.peakRssMb).toFixed(2)}×${memoryGrowth(twice, every)}`);
    // A core ratio is a property of the design only when nothing else wants the cores.
    if (Math.max(...loads) > cores) lines.push(`load average up to ${Math.max(...loads).toFixed(1)} on ${cores} cores: other processes shared the cores, re-run on an idle machine before reading the core ratio`);
    return lines;
  } finally {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
