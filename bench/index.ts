// `npm run bench`: throughput and memory of the full audit against a raw fetch+parse baseline measured in the same
// run, plus the page parser's and the classifier's figures. A benchmark that prints numbers, not a test.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runClassifierBench } from './classifier.js';
import { runFactsBench } from './facts.js';
import { runRescoreBench } from './rescore.js';
import { runSurveyBench } from './survey.js';
import { runTopicsBench } from './topics.js';

const PAGES = Number(process.env.BENCH_PAGES ?? 2000);
const CONCURRENCY = 8;
const TARGET_RATIO = 0.7;
const ROUNDS = 3;

interface Measure {
  pages: number;
  seconds: number;
  peakRssMb: number;
}

const script = (name: string) => fileURLToPath(new URL(`./${name}.js`, import.meta.url));

async function startServer(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [script('serve'), String(PAGES)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  return { url: chunk.toString().trim(), stop: () => child.kill('SIGTERM') };
}

async function runPhase(phase: 'raw' | 'links' | 'facts' | 'audit', url: string): Promise<Measure> {
  const { stdout } = await promisify(execFile)(process.execPath, [script('phase'), phase, url, String(PAGES), String(CONCURRENCY)]);
  return JSON.parse(stdout) as Measure;
}

const rate = (m: Measure) => m.pages / m.seconds;

function line(label: string, m: Measure): string {
  return `${label.padEnd(30)} ${String(m.pages).padStart(5)} pages  ${m.seconds.toFixed(2).padStart(6)} s  ${rate(m).toFixed(0).padStart(6)} pages/s  peak RSS ${m.peakRssMb.toFixed(0).padStart(4)} MB`;
}

async function main(): Promise<void> {
  // `npm run bench -- survey`: only the survey benchmark; `-- rescore` only rescore's.
  if (process.argv[2] === 'survey') {
    for (const text of await runSurveyBench()) console.log(text);
    return;
  }
  if (process.argv[2] === 'rescore') {
    for (const text of await runRescoreBench()) console.log(text);
    return;
  }
  const server = await startServer();
  try {
    console.log(`comune-audit benchmark — generated site of ${PAGES} pages served by a second process on ${server.url}`);
    console.log(`concurrency ${CONCURRENCY}, best of ${ROUNDS} alternating rounds, each phase in a fresh process, Node ${process.version}`);
    let raw: Measure | null = null;
    let links: Measure | null = null;
    let facts: Measure | null = null;
    let audit: Measure | null = null;
    const best = (a: Measure | null, b: Measure) => (!a || rate(b) > rate(a) ? b : a);
    for (let round = 0; round < ROUNDS; round++) {
      raw = best(raw, await runPhase('raw', server.url));
      links = best(links, await runPhase('links', server.url));
      facts = best(facts, await runPhase('facts', server.url));
      audit = best(audit, await runPhase('audit', server.url));
    }
    if (!raw || !links || !facts || !audit) return;
    const share = (m: Measure) => `${((rate(m) / rate(raw)) * 100).toFixed(0).padStart(3)}% of the limit`;
    console.log(line('raw fetch + parse (the limit)', raw));
    console.log(`${line('crawl + parse, links only', links)}  ${share(links)}  (the floor of any audit)`);
    console.log(`${line('crawl + page facts only', facts)}  ${share(facts)}`);
    console.log(`${line('full audit (every check)', audit)}  ${share(audit)}`);
    const ratio = rate(audit) / rate(raw);
    console.log(`throughput audit/raw: ${(ratio * 100).toFixed(0)}% (target ≥ ${TARGET_RATIO * 100}%): ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}`);
    console.log(`memory audit/raw: ${(audit.peakRssMb / raw.peakRssMb).toFixed(2)}×`);
  } finally {
    server.stop();
  }
  console.log('');
  for (const text of await runFactsBench()) console.log(text);
  console.log('');
  for (const text of await runRescoreBench()) console.log(text);
  console.log('');
  for (const text of await runClassifierBench()) console.log(text);
  for (const text of runTopicsBench()) console.log(text);
  console.log('');
  for (const text of await runSurveyBench()) console.log(text);
}

await main();
