// `npm run bench`: throughput and memory of the full audit against a raw fetch+parse baseline measured in the same
// run, plus the classifier's figures. A benchmark that prints numbers, not a test: nothing here passes or fails.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'htmlparser2';
import pLimit from 'p-limit';
import { Agent, request } from 'undici';
import { auditSite } from '../src/pipeline.js';
import { loadClassifier } from '../src/classify/index.js';
import { renderJson } from '../src/report/json.js';
import { runClassifierBench } from './classifier.js';

const PAGES = Number(process.env.BENCH_PAGES ?? 2000);
const CONCURRENCY = 8;
const TARGET_RATIO = 0.7;

interface Measure {
  pages: number;
  seconds: number;
  peakRssMb: number;
}

async function measure(run: () => Promise<number>): Promise<Measure> {
  globalThis.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  const pages = await run();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { pages, seconds, peakRssMb: peak / 2 ** 20 };
}

/** The raw limit: the same URLs fetched with a keep-alive undici Agent and parsed once, nothing else. */
async function rawFetchAndParse(base: string, paths: string[]): Promise<number> {
  const agent = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 30_000 });
  const limit = pLimit(CONCURRENCY);
  let parsed = 0;
  await Promise.all(
    paths.map((path) =>
      limit(async () => {
        const response = await request(new URL(path, base), { dispatcher: agent });
        const html = await response.body.text();
        parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true });
        parsed += 1;
      }),
    ),
  );
  await agent.close();
  return parsed;
}

async function fullAudit(base: string): Promise<number> {
  const classifier = loadClassifier();
  const report = await auditSite(base, {
    classify: (page) => classifier.classifyPage(page),
    crawl: { maxPages: PAGES, maxDepth: 10, concurrency: CONCURRENCY, minDelayMs: 0, timeBudgetMs: 600_000 },
  });
  renderJson(report);
  return report.run.pagesFetched;
}

async function startServer(): Promise<{ url: string; stop(): void }> {
  const script = fileURLToPath(new URL('./serve.js', import.meta.url));
  const child = spawn(process.execPath, [script, String(PAGES)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  return { url: chunk.toString().trim(), stop: () => child.kill('SIGTERM') };
}

function line(label: string, m: Measure): string {
  const rate = m.pages / m.seconds;
  return `${label.padEnd(28)} ${String(m.pages).padStart(5)} pages  ${m.seconds.toFixed(2).padStart(6)} s  ${rate.toFixed(0).padStart(6)} pages/s  peak RSS ${m.peakRssMb.toFixed(0)} MB`;
}

async function main(): Promise<void> {
  const server = await startServer();
  try {
    const paths = Array.from({ length: PAGES }, (_, id) => (id === 0 ? '/' : `/pagina/${id}.html`));
    console.log(`comune-audit benchmark — generated site of ${PAGES} pages on ${server.url}, concurrency ${CONCURRENCY}, Node ${process.version}`);
    await rawFetchAndParse(server.url, paths.slice(0, 200)); // warm-up: JIT and connections
    const raw1 = await measure(() => rawFetchAndParse(server.url, paths));
    const audit = await measure(() => fullAudit(server.url));
    const raw2 = await measure(() => rawFetchAndParse(server.url, paths));
    const raw = raw1.pages / raw1.seconds >= raw2.pages / raw2.seconds ? raw1 : raw2;
    console.log(line('raw fetch + parse (limit)', raw));
    console.log(line('full audit (all checks)', audit));
    const ratio = audit.pages / audit.seconds / (raw.pages / raw.seconds);
    console.log(`ratio audit/raw: ${(ratio * 100).toFixed(0)}% (target ≥ ${TARGET_RATIO * 100}%) ${ratio >= TARGET_RATIO ? 'OK' : 'BELOW TARGET'}`);
  } finally {
    server.stop();
  }
  console.log('');
  for (const text of await runClassifierBench()) console.log(text);
}

await main();
