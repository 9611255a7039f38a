// A survey worker thread: audits the sites the pool sends it, several at once, and posts each outcome back.
// Page parsing is CPU-bound, so a survey runs one of these per core.
import { parentPort, workerData } from 'node:worker_threads';
import { auditForStore, type SurveyAuditOptions } from './audit.js';
import type { WorkerReply, WorkerRequest } from './pool.js';

/**
 * Pages are counted here and the count sent at most this often: a message a page was 30,000 messages in the
 * 200-site benchmark, each one work and garbage in both threads, for a figure the progress line shows twice a second.
 */
const PAGE_COUNT_EVERY_MS = 250;

const port = parentPort;
if (!port) throw new Error('survey worker started outside a worker thread');
const options = workerData as SurveyAuditOptions;

let pages = 0;
let countDue: NodeJS.Timeout | null = null;
const sendPageCount = () => {
  if (pages) port.postMessage({ pages } satisfies WorkerReply);
  pages = 0;
};
const countPage = () => {
  pages++;
  countDue ??= setTimeout(() => {
    countDue = null;
    sendPageCount();
  }, PAGE_COUNT_EVERY_MS);
};

port.on('message', (request: WorkerRequest) => {
  void auditForStore(request.url, options, { onPage: countPage }).then((result) => {
    // The site's pages are counted before it is stored, so the figures agree at the end.
    sendPageCount();
    port.postMessage({ id: request.id, result } satisfies WorkerReply);
  });
});
