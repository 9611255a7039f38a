// Sites audited in parallel: a pool of worker threads (one per core by default), each auditing several sites at once;
// the main thread only hands out sites and stores outcomes. With 0 threads, sites are audited in the main thread.
import { Worker } from 'node:worker_threads';
import { auditTarget, type SurveyAuditOptions } from './audit.js';
import type { SiteOutcome } from './store.js';

export interface WorkerRequest {
  id: number;
  url: string;
}

/** A page fetched (for progress) or the site's outcome. */
export type WorkerReply = { id: number; page: true } | { id: number; outcome: SiteOutcome };

export interface AuditPool {
  audit(url: string): Promise<SiteOutcome>;
  /** Abandons the sites in flight (their promises never settle) and stops the threads. */
  close(): Promise<void>;
}

export interface PoolOptions {
  threads: number;
  audit: SurveyAuditOptions;
  onPage?: () => void;
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
        void auditTarget(url, options.audit, { onPage: options.onPage, signal: controller.signal }).then((outcome) => {
          if (!controller.signal.aborted) resolve(outcome);
        });
      }),
    async close() {
      controller.abort();
    },
  };
}

interface Slot {
  worker: Worker;
  pending: Map<number, { url: string; resolve: (outcome: SiteOutcome) => void; startedAt: string; started: number }>;
}

function threadPool(options: PoolOptions): AuditPool {
  const script = options.workerScript ?? new URL('./worker.js', import.meta.url);
  let nextId = 0;
  let closed = false;
  const slots: Slot[] = [];

  const spawn = (at: number) => {
    const slot: Slot = { worker: new Worker(script, { workerData: options.audit }), pending: new Map() };
    slot.worker.on('message', (reply: WorkerReply) => {
      if ('page' in reply) return options.onPage?.();
      const entry = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      entry?.resolve(reply.outcome);
    });
    // A worker that dies (out of memory, a crash in a native module) fails its sites, not the survey: they become
    // rows with the reason, and a fresh worker takes its place.
    const fail = (message: string) => {
      if (closed) return;
      for (const entry of slot.pending.values()) {
        entry.resolve({ kind: 'failed', message, startedAt: entry.startedAt, durationMs: Math.round(performance.now() - entry.started) });
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
        slot.pending.set(id, { url, resolve, startedAt: new Date().toISOString(), started: performance.now() });
        slot.worker.ref();
        slot.worker.postMessage({ id, url } satisfies WorkerRequest);
      }).finally(() => {
        if (!slot.pending.size) slot.worker.unref();
      }) as Promise<SiteOutcome>;
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
