// End to end on the bundled demo site: the real crawler, parser, rules, scoring and reports over HTTP on 127.0.0.1.
// Expected outcomes are the deliberate findings listed in fixtures/demo-site/README.md.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDemoSite } from '../../src/demo/server.js';
import { auditSite } from '../../src/pipeline.js';
import { renderJson } from '../../src/report/json.js';
import type { Report } from '../../src/types.js';
import { evidenceProblems } from '../rules/evidence.js';

let server: { url: string; close(): Promise<void> };
let report: Report;

const CRAWL = { minDelayMs: 0, concurrency: 4, maxPages: 300 };

beforeAll(async () => {
  server = await serveDemoSite();
  report = await auditSite(server.url, { crawl: CRAWL });
});

afterAll(async () => {
  await server.close();
});

const status = (id: string) => report.checks.find((check) => check.id === id)?.status;

describe('audit of the demo comune', () => {
  it('crawls every page, including the services pager, the cp1252 page and the broken page', () => {
    const paths = report.pages.map((page) => new URL(page.url).pathname);
    expect(paths).toContain('/servizi-2.html');
    expect(report.pages.length).toBeGreaterThanOrEqual(60);
    expect(report.run.limits.hitMaxPages).toBe(false);
  });

  it('finds the deliberate passes', () => {
    for (const id of ['anpr', 'pagopa', 'spid', 'cie', 'open-source', 'io', 'open-data', 'C.SI.1.1', 'C.SI.1.2', 'C.SI.1.4', 'C.SI.1.6', 'C.SI.2.3', 'C.SI.2.4', 'C.SI.2.6', 'C.SI.3.1', 'C.SI.3.2']) {
      expect([id, status(id)]).toEqual([id, 'pass']);
    }
  });

  it('finds the deliberate partials, fails and unknowns', () => {
    const expected: Record<string, string> = {
      'C.SI.1.5': 'partial',
      'C.SI.1.7': 'partial',
      accessibility: 'partial',
      analytics: 'partial',
      'C.SI.1.3': 'fail',
      // The official checker: a wrong first question in the rating widget scores 0; the licence section marker's
      // own text must be exactly "Licenza dei contenuti" (here it wraps the whole section).
      'C.SI.2.5': 'fail',
      'C.SI.3.4': 'fail',
      'C.SI.2.1': 'fail',
      'C.SI.2.2': 'fail',
      'R.SI.1.1': 'fail',
      privacy: 'fail',
      security: 'fail',
      'C.SI.5.2': 'fail',
      cloud: 'unknown',
      'C.SI.4.1': 'unknown',
      assistant: 'unknown',
    };
    for (const [id, want] of Object.entries(expected)) expect([id, status(id)]).toEqual([id, want]);
  });

  it('backs findings with evidence on the right pages', () => {
    const metadata = report.checks.find((check) => check.id === 'R.SI.1.1');
    const urls = metadata?.evidence.map((e) => new URL(e.url).pathname) ?? [];
    expect(urls).toEqual(expect.arrayContaining(['/servizi/bandi-di-gara.html', '/servizi/contrassegno-disabili.html']));
    const privacy = report.checks.find((check) => check.id === 'privacy');
    expect(privacy?.evidence.some((e) => /gtag|googletagmanager/.test(e.snippet))).toBe(true);
  });

  it('gives every evidence note in Italian and English and keeps snippets to what was seen', () => {
    expect(evidenceProblems(report.checks)).toEqual([]);
    const notes = report.checks.flatMap((check) => check.evidence.flatMap((e) => (e.note ? [e.note] : [])));
    expect(notes.length).toBeGreaterThan(20);
    const metadata = report.checks.find((check) => check.id === 'R.SI.1.1')?.evidence[0];
    expect(metadata).toMatchObject({ snippet: '', note: { it: 'nessun JSON-LD metatag', en: 'no metatag JSON-LD' } });
  });

  it('writes a report that validates against the published JSON Schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    const valid = validate(JSON.parse(renderJson(report)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('gives the same JSON for a second crawl of the same content', async () => {
    const again = await auditSite(server.url, { crawl: CRAWL });
    const zero = (r: Report) => renderJson({ ...r, run: { ...r.run, startedAt: '', durationMs: 0 } });
    expect(zero(again)).toBe(zero(report));
  });
});
