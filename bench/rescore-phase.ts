// One fresh process of the rescore benchmark: `rescore`'s steps, timed one by one (what `comune-audit rescore` does,
// without the command line), printed as JSON. `node` is the bare start of a Node process, measured by `rescore.ts`.
// Run by bench/rescore.ts: node dist/bench/rescore-phase.js <file.crawl.gz>
const started = performance.now();
const times: Record<string, number> = {};
let last = started;
const lap = (name: string) => {
  const now = performance.now();
  times[name] = now - last;
  last = now;
};

const [{ readCrawlFile }, { assembleSite, scoreCollected }, { loadClassifier }, { render }, { createFactsSharer }] = await Promise.all([
  import('../src/cli/crawl-file.js'),
  import('../src/assess.js'),
  import('../src/classify/index.js'),
  import('../src/report/index.js'),
  import('../src/facts/share.js'),
]);
lap('modules');
const saved = await readCrawlFile(process.argv[2]);
lap('read');
const classifier = loadClassifier();
lap('model');
const share = createFactsSharer();
for (const page of saved.pages) share(page);
const readable = saved.pages.filter((page) => !page.error);
const classified = classifier.classifySite(readable);
lap('classify');
const site = assembleSite(saved.crawl, saved.pages, { singlePage: saved.singlePage, classify: () => classified });
const report = scoreCollected({ crawl: saved.crawl, site }, { singlePage: saved.singlePage });
lap('rules');
render(report, 'json', { lang: 'it' });
lap('report');
const cpu = process.cpuUsage();
console.log(JSON.stringify({ sinceStart: started, times, cpuMs: (cpu.user + cpu.system) / 1000, pages: saved.pages.length }));
