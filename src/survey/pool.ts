// Sites audited in parallel: a pool of worker threads (one per core by default), each auditing several sites at once;
// the main thread only hands out sites and stores outcomes. With 0 threads, sites are audited in the main thread.
import { Worker } from 'node:worker_threads';
import { DEFAULT_OPTIONS } from '../crawl/index.js';
import { auditForStore, type SurveyAuditOptions } from './audit.js';
import { failedResult, type SiteResult } from './record.js';

export interface WorkerRequest {
  id: number;
  url: string;
}

/** Pages fetched since the thread's last count (for progress), or a site's record for the store. */
export type WorkerReply = { pages: number } | { id: number; result: SiteResult };

export interface AuditPool {
  audit(url: string): Promise<SiteResult>;
  /** Abandons the sites in flight (their promises never settle) and stops the threads. */
  close(): Promise<void>;
}

export interface PoolOptions {
  threads: number;
  /** Sites audited at once across the pool (default one a thread): sizes each thread's heap. */
  sites?: number;
  audit: SurveyAuditOptions;
  /** Pages fetched since the last call: threads send their counts every quarter second, not page by page. */
  onPages?: (count: number) => void;
  /** The worker's compiled script; tests running from TypeScript sources point it at dist/. */
  workerScript?: URL;
}

export function createAuditPool(options: PoolOptions): AuditPool {
  return options.threads === 0 ? inProcessPool(options) : threadPool(options);
}

function inProcessPool(options: PoolOptions): AuditPool {
  const controller = new AbortController();
  return {
    audit: (url) =>
      new Promise((resolve) => {
        void auditForStore(url, options.audit, { onPage: () => options.onPages?.(1), signal: controller.signal }).then((result) => {
          if (!controller.signal.aborted) resolve(result);
        });
      }),
    async close() {
      controller.abort();
    },
  };
}

/**
 * Each worker thread's heap limit. V8 lets a heap grow between full collections by a factor it scales with the
 * limit: up to 4× what is alive with Node's default limit (a few GB), ~1.6× at 1 GB. With the default, a long
 * survey's RSS drifted to twice a short one's while the live heap stayed flat (page facts of the sites in flight
 * were ~40 MB a thread at 8 sites each; each page's facts ~40 KB). So the limit is the larger of 1 GB and 100 KB
 * for every page the thread's sites may hold at once: well above what it needs, low enough to keep the heap tight.
 * A thread that still runs out dies and its sites become `failed` rows (see fail below), never the survey.
 */
export function workerHeapLimitMb(sitesPerThread: number, maxPages: number): number {
  return Math.max(1024, Math.ceil((sitesPerThread * maxPages) / 10));
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (result: SiteResult) => void; startedAt: string; started: number }>;
}

function threadPool(options: PoolOptions): AuditPool {
  const script = options.workerScript ?? new URL('./worker.js', import.meta.url);
  let nextId = 0;
  let closed = false;
  const slots: Slot[] = [];
  const maxOldGenerationSizeMb = workerHeapLimitMb(Math.ceil((options.sites ?? options.threads) / options.threads), options.audit.crawl.maxPages ?? DEFAULT_OPTIONS.maxPages);

  const spawn = (at: number) => {
    const worker = new Worker(script, { workerData: options.audit, resourceLimits: { maxOldGenerationSizeMb } });
    const slot: Slot = { worker, pending: new Map() };
    slot.worker.on('message', (reply: WorkerReply) => {
      if ('pages' in reply) return options.onPages?.(reply.pages);
      const entry = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      entry?.resolve(reply.result);
    });
    // A worker that dies (out of memory, a crash in a native module) fails its sites, not the survey: they become
    // rows with the reason, and a fresh worker takes its place.
    const fail = (message: string) => {
      if (closed) return;
      for (const entry of slot.pending.values()) {
        entry.resolve(failedResult(message, entry.startedAt, Math.round(performance.now() - entry.started)));
      }
      slot.pending.clear();
      spawn(at);
    };
    let failed = false;
    slot.worker.on('error', (error) => {
      failed = true;
      fail(`worker thread failed: ${error.message}`);
    });
    slot.worker.on('exit', (code) => {
      if (!failed && slots[at] === slot) fail(`worker thread exited with code ${code}`);
    });
    slot.worker.unref();
    slots[at] = slot;
  };
  for (let at = 0; at < options.threads; at++) spawn(at);

  return {
    audit(url) {
      // The least busy thread takes the site: sites differ wildly in size, so round-robin would pile them up.
      const slot = slots.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
      const id = nextId++;
      return new Promise((resolve) => {
        slot.pending.set(id, { resolve, startedAt: new Date().toISOString(), started: performance.now() });
        slot.worker.ref();
        slot.worker.postMessage({ id, url } satisfies WorkerRequest);
      }).finally(() => {
        if (!slot.pending.size) slot.worker.unref();
      }) as Promise<SiteResult>;
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
