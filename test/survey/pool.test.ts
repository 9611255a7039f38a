// The audit pool: worker threads hand back the same store records as an audit in the main thread, kept reports
// included, and each thread's heap limit follows the pages its sites may hold.
import { spawnSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditPool, workerHeapLimitMb } from '../../src/survey/pool.js';
import type { SiteResult } from '../../src/survey/record.js';
import type { Report } from '../../src/types.js';
import type { FixtureServer } from '../helpers/fixture-server.js';
import { serveBroken, serveComune, TEST_AUDIT } from './sites.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const servers: FixtureServer[] = [];

beforeAll(async () => {
  // The threads run the compiled worker: build it when a source is newer than dist/.
  expect(spawnSync(process.execPath, [join(root, 'scripts/build-if-changed.js')], { stdio: 'inherit' }).status).toBe(0);
  servers.push(await serveComune('Alfa', 5), await serveComune('Beta', 3), await serveBroken());
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

/** A record without what differs between two audits of the same site: timings and the compressed bytes. */
function comparable(result: SiteResult) {
  const { started_at: _started, duration_ms: _duration, crawl_ms: _crawl, ...audit } = result.audit;
  return { ...result, audit, report: null };
}

const keptReport = (result: SiteResult) => (result.report ? (JSON.parse(gunzipSync(result.report).toString('utf8')) as Report) : null);

describe('audit pool', () => {
  it('gives from worker threads the records an audit in the main thread gives, with the kept report', async () => {
    const audit = { ...TEST_AUDIT, keepReports: true };
    const counted = { threads: 0, inProcess: 0 };
    const threads = createAuditPool({ threads: 2, sites: 3, audit, onPages: (count) => (counted.threads += count), workerScript: new URL('../../dist/src/survey/worker.js', import.meta.url) });
    const inProcess = createAuditPool({ threads: 0, audit, onPages: (count) => (counted.inProcess += count) });
    const fromThreads = await Promise.all(servers.map((server) => threads.audit(server.url)));
    const fromMain = await Promise.all(servers.map((server) => inProcess.audit(server.url)));
    await Promise.all([threads.close(), inProcess.close()]);

    expect(fromThreads.map((result) => result.audit.status)).toEqual(['scored', 'scored', 'unavailable']);
    expect(fromThreads.map(comparable)).toEqual(fromMain.map(comparable));
    const report = keptReport(fromThreads[0]);
    expect(report?.checks.map((check) => check.id)).toEqual(fromThreads[0].checks.map(([id]) => id));
    expect(report?.run.pagesFetched).toBe(fromThreads[0].audit.pages_fetched);
    // The threads send page counts in batches: every page is counted by the time its site's record arrives.
    const fetched = fromThreads.reduce((sum, result) => sum + (result.audit.pages_fetched ?? 0), 0);
    expect(counted.threads).toBe(counted.inProcess);
    expect(counted.threads).toBeGreaterThanOrEqual(fetched);
    expect(fetched).toBeGreaterThan(5);
  });

  it('gives each thread a heap limit of at least 1 GB, more when its sites may hold more pages', () => {
    expect(workerHeapLimitMb(32, 200)).toBe(1024);
    expect(workerHeapLimitMb(64, 300)).toBe(1920);
  });
});
