// One measured phase of the benchmark in a fresh process, so each gets its own peak memory:
//   node dist/bench/phase.js raw|links|facts|audit <site-url> <pages> <concurrency>
// Prints one JSON line: { pages, seconds, peakRssMb }.
import { Parser, parseDocument } from 'htmlparser2';
import pLimit from 'p-limit';
import { Agent, request } from 'undici';
import { crawl } from '../src/crawl/index.js';
import { auditSite, collectSite } from '../src/pipeline.js';
import { loadClassifier } from '../src/classify/index.js';
import { renderJson } from '../src/report/json.js';
import { detach } from '../src/util/detach.js';
import { pagePath } from './generate-site.js';

const [phase, base, pagesArg, concurrencyArg] = process.argv.slice(2);
const PAGES = Number(pagesArg);
const CONCURRENCY = Number(concurrencyArg);

/** The raw limit: the same URLs fetched with a keep-alive undici Agent and parsed once, nothing else. */
async function rawFetchAndParse(paths: string[]): Promise<number> {
  const agent = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 30_000 });
  const limit = pLimit(CONCURRENCY);
  let parsed = 0;
  await Promise.all(
    paths.map((path) =>
      limit(async () => {
        const response = await request(new URL(path, base), { dispatcher: agent });
        parseDocument(await response.body.text(), { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true });
        parsed += 1;
      }),
    ),
  );
  await agent.close();
  return parsed;
}

const crawlOptions = (maxPages: number) => ({ maxPages, maxDepth: 10, concurrency: CONCURRENCY, minDelayMs: 0, timeBudgetMs: 600_000 });

/**
 * The floor of any audit built on this crawler and parser: the product's crawler (robots, politeness machinery, BFS,
 * de-duplication), each page tokenised by htmlparser2 with one handler that only collects link targets.
 */
async function crawlAndLinks(maxPages: number): Promise<number> {
  const result = await crawl(base, {
    ...crawlOptions(maxPages),
    keepHtml: false,
    onPage(page) {
      const links: { url: string; priority: number }[] = [];
      const onopentag = (name: string, attribs: Record<string, string>) => {
        // Detached like the product's facts, or every page's HTML would stay alive until its level is done.
        if (name === 'a' && attribs.href) links.push({ url: detach(attribs.href), priority: 0 });
      };
      new Parser({ onopentag }, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true }).end(page.html);
      return { links, canonical: null };
    },
  });
  return result.pages.length;
}

/** The stage every check depends on: the product's crawler and page facts, no classification, checks or report. */
async function crawlAndFacts(maxPages: number): Promise<number> {
  const { crawl } = await collectSite(base, { crawl: crawlOptions(maxPages) });
  return crawl.pages.length;
}

/** The product: crawl (robots, politeness machinery, BFS), facts, classification, every check, scoring, JSON report. */
async function fullAudit(maxPages: number): Promise<number> {
  const classifier = loadClassifier();
  const report = await auditSite(base, {
    classify: classifier.classifySite,
    crawl: crawlOptions(maxPages),
  });
  renderJson(report);
  return report.run.pagesFetched;
}

const paths = Array.from({ length: PAGES }, (_, id) => pagePath(id));
const phases: Record<string, (pages: number) => Promise<number>> = {
  raw: (pages) => rawFetchAndParse(paths.slice(0, pages)),
  links: crawlAndLinks,
  facts: crawlAndFacts,
  audit: fullAudit,
};
const run = phases[phase];
if (!run) throw new Error(`unknown phase ${phase}: raw, links, facts or audit`);
// Warm-up on a tenth of the site: JIT, connections, model load.
await run(PAGES / 10);

const started = performance.now();
const pages = await run(PAGES);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ pages, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
