// A survey worker thread: audits the sites the pool sends it, several at once, and posts each outcome back.
// Page parsing is CPU-bound, so a survey runs one of these per core.
import { parentPort, workerData } from 'node:worker_threads';
import { auditForStore, type SurveyAuditOptions } from './audit.js';
import type { WorkerReply, WorkerRequest } from './pool.js';

const port = parentPort;
if (!port) throw new Error('survey worker started outside a worker thread');
const options = workerData as SurveyAuditOptions;

port.on('message', (request: WorkerRequest) => {
  void auditForStore(request.url, options, { onPage: () => port.postMessage({ id: request.id, page: true } satisfies WorkerReply) }).then((result) =>
    port.postMessage({ id: request.id, result } satisfies WorkerReply),
  );
});
