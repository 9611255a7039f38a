// Page-facts benchmark: how much extractPageFacts costs beyond tokenising. Parses the same pages with htmlparser2's
// parseDocument alone (the raw baseline of `npm run bench`) and with extractPageFacts, and prints pages/s of each.
// A benchmark that prints numbers, not a test. Run alone: npm run build && node dist/bench/facts.js
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'htmlparser2';
import { extractPageFacts } from '../src/facts/page.js';
import { localPage } from '../src/facts/local.js';
import { packageRoot } from '../src/util/paths.js';
import type { FetchedPage } from '../src/types.js';
import { generatePage, pagePath } from './generate-site.js';

const ROUNDS = Number(process.env.BENCH_FACTS_ROUNDS ?? 20);
const GENERATED_PAGES = 200;
const SITE = 'https://www.comune.esempio.it/';

function htmlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFilesUnder(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}


function fixturePages(): FetchedPage[] {
  const root = join(packageRoot, 'fixtures');
  return htmlFilesUnder(root)
    .sort()
    .map((path) => localPage(SITE + path.slice(root.length + 1), readFileSync(path, 'utf8')));
}

function generatedPages(): FetchedPage[] {
  return Array.from({ length: GENERATED_PAGES }, (_, id) => localPage(new URL(pagePath(id), SITE).href, generatePage(id, 2_000)));
}

/** Pages per second over ROUNDS passes, best of three tries (the machine is shared and noisy). */
function pagesPerSecond(pages: FetchedPage[], parse: (page: FetchedPage) => unknown): number {
  for (const page of pages) parse(page); // warm-up
  let best = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = performance.now();
    for (let round = 0; round < ROUNDS; round++) for (const page of pages) parse(page);
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return (pages.length * ROUNDS) / best;
}

const parseOnly = (page: FetchedPage) =>
  parseDocument(page.html ?? '', { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true });

function corpusLines(label: string, pages: FetchedPage[]): string[] {
  const kb = pages.reduce((sum, page) => sum + (page.html?.length ?? 0), 0) / pages.length / 1024;
  const raw = pagesPerSecond(pages, parseOnly);
  const facts = pagesPerSecond(pages, extractPageFacts);
  const rate = (value: number) => Math.round(value).toLocaleString('en-US').padStart(7);
  return [
    `  ${label}: ${pages.length} pages, ${kb.toFixed(1)} KB each, ${ROUNDS} rounds`,
    `    parseDocument only   ${rate(raw)} pages/s`,
    `    extractPageFacts     ${rate(facts)} pages/s   ${((facts / raw) * 100).toFixed(0)}% of parseDocument`,
  ];
}

export async function runFactsBench(): Promise<string[]> {
  return [
    'Page facts (htmlparser2 parseDocument vs extractPageFacts, same pages, in memory)',
    ...corpusLines('fixtures', fixturePages()),
    ...corpusLines('generated site', generatedPages()),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const line of await runFactsBench()) console.log(line);
}
