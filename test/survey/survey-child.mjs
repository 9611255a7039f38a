// A survey in a real child process, for the kill -9 and SIGTERM tests: the compiled CLI's survey command (dist/),
// with the list given as a JSON array of SurveyTarget rows so the test controls every row.
//   node test/survey/survey-child.mjs <targets.json> <store.db> <threads> <sites at once>
import { readFileSync } from 'node:fs';
import { runSurveyCommand } from '../../dist/src/cli/survey.js';

const [listPath, output, threads, sites] = process.argv.slice(2);
const targets = JSON.parse(readFileSync(listPath, 'utf8'));
process.exitCode = await runSurveyCommand(
  listPath,
  {
    output, sites: Number(sites), threads: Number(threads), newRun: false, keepReports: false, seed: 1,
    maxPages: 20, maxDepth: 5, concurrency: 2, delay: 0, timeout: 5_000, timeBudget: 60_000, maxBody: 1024 * 1024,
    robots: true, insecure: false, classify: false, proxy: false, lang: 'en', progress: true,
  },
  { stderr: process.stderr, argv: ['survey', listPath, '-o', output] },
  { readSurveyTargets: async () => ({ targets, problems: [] }), selectShard: (all) => all },
);
