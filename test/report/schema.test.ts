import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { MATURITY_LEVELS } from '../../rules/scoring.js';
import { renderJson } from '../../src/report/json.js';
import { makeSite, sampleReport } from './sample.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** The report as a JSON consumer sees it. */
const asJson = (value: unknown): Record<string, any> => JSON.parse(renderJson(value as never));

function errorsOf(value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

describe('report JSON Schema', () => {
  it('accepts a built report', () => {
    expect(errorsOf(asJson(sampleReport()))).toEqual([]);
  });

  it('accepts a fatal report with no pages and no checks', () => {
    const report = sampleReport({ site: makeSite([]), checks: [], fatal: { code: 'robots', message: { it: 'robots.txt vieta /', en: 'robots.txt disallows /' } } });
    expect(errorsOf(asJson(report))).toEqual([]);
  });

  it('accepts a robots/sitemap section with every kind of record, and rejects an unknown skip reason', () => {
    const unreachable = { code: 'timeout' as const, message: { it: 'tempo scaduto', en: 'timed out' } };
    const robots = {
      url: 'https://www.comune.esempio.it/robots.txt', status: 200, text: 'Disalow: /x', sitemaps: ['https://altrove.example/sitemap.xml'], disallowsStart: false,
      crawlDelaySeconds: 2, bytes: 512_000, truncated: true, binary: false, parseErrors: 1, parseErrorLines: [{ line: 1, text: 'Disalow: /x' }],
    };
    const document = { status: 200, bytes: 1024, truncated: false, incomplete: false, kind: 'urlset' as const, listed: 3, taken: 1, skipped: { 'off-site': 1, duplicate: 1 } };
    const sitemaps = [
      { ...document, url: 'https://altrove.example/sitemap.xml', source: 'robots' as const, notRead: 'off-site' as const, status: null, kind: null, listed: 0, taken: 0, skipped: {} },
      { ...document, url: 'https://www.comune.esempio.it/sitemap.xml', source: 'conventional' as const },
      { ...document, url: 'https://www.comune.esempio.it/a.xml.gz', source: 'index' as const, status: null, problem: 'unreachable' as const, error: unreachable, kind: null },
    ];
    const report = asJson(sampleReport({ site: makeSite([], { robots, sitemap: { documents: sitemaps } }) }));
    expect(report.discovery.robots).not.toHaveProperty('text');
    expect(report.discovery.sitemaps).toHaveLength(3);
    expect(errorsOf(report)).toEqual([]);
    report.discovery.sitemaps[1].skipped.robots = 2;
    expect(errorsOf(report)).toContain('/discovery/sitemaps/1/skipped must be equal to one of the allowed values');
  });

  it('rejects a report missing a required field', () => {
    const report = asJson(sampleReport());
    delete report.maturity;
    expect(errorsOf(report)).toContain(" must have required property 'maturity'");
  });

  it('rejects a page summary missing its documents count', () => {
    const report = asJson(sampleReport());
    delete report.pages[0].documents;
    expect(errorsOf(report)).toContain("/pages/0 must have required property 'documents'");
  });

  it('rejects unknown fields on a check', () => {
    const report = asJson(sampleReport());
    report.checks[0].severity = 'high';
    expect(errorsOf(report)).toContain('/checks/0 must NOT have additional properties');
  });

  it('takes an evidence note in both languages, never a plain string', () => {
    const report = asJson(sampleReport());
    const pagopa = report.checks.findIndex((check: { id: string }) => check.id === 'pagopa');
    expect(report.checks[pagopa].evidence[0].note).toEqual({ it: 'pagoPA citato nel testo', en: 'pagoPA named in the text' });
    report.checks[pagopa].evidence[0].note = 'pagoPA named in the text';
    expect(errorsOf(report)).toContain(`/checks/${pagopa}/evidence/0/note must be object`);
    report.checks[pagopa].evidence[0].note = { it: 'pagoPA citato nel testo' };
    expect(errorsOf(report)).toContain(`/checks/${pagopa}/evidence/0/note must have required property 'en'`);
  });

  it('rejects an unknown status and an unknown point id', () => {
    const report = asJson(sampleReport());
    report.checks[0].status = 'warning';
    report.points[0].id = 'blockchain';
    const errors = errorsOf(report);
    expect(errors).toContain('/checks/0/status must be equal to one of the allowed values');
    expect(errors).toContain('/points/0/id must be equal to one of the allowed values');
  });

  it('names the same maturity levels as rules/scoring.ts', () => {
    const levelSchema = schema.$defs.level;
    expect(levelSchema.properties.id.enum).toEqual(MATURITY_LEVELS.map((level) => level.id));
  });
});
