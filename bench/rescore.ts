// The rescore benchmark: how long `comune-audit rescore` takes on the demo site's kept crawl, whole (the CLI in a fresh
// process) and step by step (bench/rescore-phase.ts), beside the bare start of a Node process measured in the same
// run. Numbers, not a test: each line carries the load average, since other processes' load moves every figure.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { serveDemoSite } from '../src/demo/server.js';
import { median } from './stats.js';

const RUNS = Number(process.env.BENCH_RESCORE_RUNS ?? 7);
const TARGET_SECONDS = 1;
const run = promisify(execFile);
const cli = fileURLToPath(new URL('../../bin/comune-audit.js', import.meta.url));
const phase = fileURLToPath(new URL('./rescore-phase.js', import.meta.url));

/** Wall time of a fresh process, and what it printed. */
async function timed(args: string[]): Promise<{ wallMs: number; stdout: string }> {
  const started = performance.now();
  const { stdout } = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  return { wallMs: performance.now() - started, stdout };
}

interface Steps {
  /** ms from the process's start to the script's first line. */
  sinceStart: number;
  times: Record<string, number>;
  cpuMs: number;
  pages: number;
}

const ms = (value: number) => `${Math.round(value).toString().padStart(5)} ms`;
const load = () => loadavg()[0].toFixed(1);

export async function runRescoreBench(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'comune-audit-rescore-bench-'));
  const crawl = join(dir, 'demo.crawl.gz');
  const server = await serveDemoSite({ port: 0 });
  try {
    await run(process.execPath, [cli, 'audit', server.url, '--no-progress', '--no-config', '--no-proxy', '--delay', '0', '-f', 'json', '-o', join(dir, 'audit.json'), '--save-crawl', crawl]);
  } finally {
    await server.close();
  }
  try {
    const loadBefore = load();
    const node: number[] = [];
    const whole: number[] = [];
    const steps: Steps[] = [];
    for (let i = 0; i < RUNS; i++) {
      node.push((await timed(['-e', '0'])).wallMs);
      whole.push((await timed([cli, 'rescore', crawl, '-f', 'json', '-o', join(dir, 'rescore.json')])).wallMs);
      steps.push(JSON.parse((await timed([phase, crawl])).stdout) as Steps);
    }
    const step = (name: string) => median(steps.map((item) => item.times[name]));
    const names = ['modules', 'read', 'model', 'classify', 'rules', 'report'];
    const rescore = median(whole);
    return [
      `rescore — the demo site's kept crawl (${steps[0]?.pages} pages), median of ${RUNS} fresh processes, load average ${loadBefore} → ${load()}`,
      `  comune-audit rescore -f json    ${ms(rescore)}  (target < ${TARGET_SECONDS * 1000} ms: ${rescore < TARGET_SECONDS * 1000 ? 'met' : 'NOT met'})`,
      `  bare node start (baseline)      ${ms(median(node))}  rescore = ${(rescore / median(node)).toFixed(1)}× a bare start`,
      `  steps, in one fresh process: node start to script ${ms(median(steps.map((item) => item.sinceStart)))}`,
      ...names.map((name) => `    ${name.padEnd(28)}${ms(step(name))}`),
      `    CPU time of the process     ${ms(median(steps.map((item) => item.cpuMs)))}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone: npm run build && node dist/bench/rescore.js
if (process.argv[1] === fileURLToPath(import.meta.url)) for (const text of await runRescoreBench()) console.log(text);
