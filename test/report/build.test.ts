import { describe, expect, it } from 'vitest';
import { agidSummary, buildReport } from '../../src/report/build.js';
import { LEGAL_CAP } from '../../rules/scoring.js';
import { makeCheck } from '../score/make-check.js';
import { SITE, makePage, makeSite, sampleInput, sampleReport } from './sample.js';
import { en } from '../../src/report/i18n/en.js';


const DNS_FAILURE = { it: 'Il nome www.comune.esempio.it non si risolve (DNS)', en: 'DNS lookup failed for www.comune.esempio.it' };
describe('buildReport', () => {
  it('orders pages by depth, then URL', () => {
    expect(sampleReport().pages.map((page) => [page.depth, page.url])).toEqual([
      [0, SITE],
      [1, `${SITE}albo`],
      [1, `${SITE}amministrazione`],
      [2, `${SITE}servizi/carta-identita`],
    ]);
  });

  it('summarises a page: links, documents, type and classification', () => {
    const page = sampleReport().pages.find((p) => p.url.endsWith('carta-identita'))!;
    expect(page).toMatchObject({
      pageType: 'service',
      category: 'anagrafe-stato-civile',
      confidence: 0.87,
      declaredCategory: 'anagrafe-stato-civile',
      links: 3,
      documents: 2,
    });
    expect(page.error).toBeUndefined();
  });

  it('keeps a failed page with its error and counts it', () => {
    const report = sampleReport();
    expect(report.pages.find((p) => p.url.endsWith('albo'))).toMatchObject({
      status: 0,
      category: null,
      confidence: null,
      error: { code: 'timeout', message: { it: 'nessuna risposta in 10 s', en: 'no response in 10 s' } },
    });
    expect(report.run.pagesFetched).toBe(4);
    expect(report.run.pagesFailed).toBe(1);
  });

  it('scores the points of a single-page audit but gives no maturity index: one page cannot measure a comune', () => {
    const whole = sampleReport();
    expect(whole.maturity.index).not.toBeNull();
    const single = buildReport(sampleInput({ site: makeSite([makePage(SITE, 0)], { singlePage: true }) }));
    expect(single.maturity).toEqual({ index: null, level: null });
    expect(single.points).toEqual(whole.points);
  });

  it('flags a page whose body was cut at the size cap, and only that one', () => {
    const report = buildReport(sampleInput({ site: makeSite([makePage(SITE, 0), makePage(`${SITE}grande`, 1, { truncated: true })]) }));
    expect(report.pages.map((page) => page.truncated)).toEqual([undefined, true]);
  });

  it('keeps checks in rule order and scores points from them', () => {
    const input = sampleInput();
    const report = buildReport(input);
    expect(report.checks.map((check) => check.id)).toEqual(input.checks.map((check) => check.id));
    expect(report.points.find((p) => p.id === 'design')).toEqual({
      id: 'design',
      score: 0.7,
      status: 'partial',
      checks: ['C.SI.1.2', 'C.SI.1.6', 'C.SI.2.3', 'C.SI.3.2', 'C.SI.4.1', 'C.SI.5.1', 'R.SI.1.1'],
    });
    // (1 + .5 + 0 + 1 + 1 + .75 + 1.4 + 0 + 1) / 10.5 — cloud unknown, governance outside.
    // Privacy fails in the sample: a legal obligation, so the level is held at 3 of 5 and the cap says why.
    expect(report.maturity).toEqual({
      index: 63.3,
      level: { id: 'intermediate', name: { it: 'Intermedio', en: 'Intermediate' } },
      unjudged: ['cloud'],
      cap: { uncapped: { id: 'advanced', name: { it: 'Avanzato', en: 'Advanced' } }, points: ['privacy'], reason: LEGAL_CAP.reason },
    });
  });

  it('names the points the index could not judge, only when there is an index', () => {
    const judged = sampleInput();
    judged.checks = judged.checks.map((check) => (check.id === 'cloud' ? { ...check, status: 'pass', score: 1 } : check));
    expect(buildReport(judged).maturity.unjudged).toEqual([]);
    const single = sampleReport({ site: { ...sampleInput().site, singlePage: true } });
    expect(single.maturity).toEqual({ index: null, level: null });
  });

  it('records tool, site and run metadata', () => {
    const report = sampleReport();
    expect(report.schemaVersion).toBe(3);
    expect(report.tool).toEqual({ name: 'comune-audit', version: '0.1.0' });
    expect(report.site).toEqual({ startUrl: SITE, siteUrl: SITE, host: 'www.comune.esempio.it' });
    expect(report.run).toMatchObject({ startedAt: '2025-03-01T10:00:00.000Z', durationMs: 12_345, singlePage: false });
    expect(report.fatal).toBeUndefined();
  });

  it('records a fatal error and still scores nothing', () => {
    const report = buildReport(sampleInput({ site: makeSite([]), checks: [], fatal: { code: 'dns', message: DNS_FAILURE } }));
    expect(report.fatal).toEqual({ code: 'dns', message: DNS_FAILURE });
    expect(report.maturity).toEqual({ index: null, level: null });
    expect(report.points).toHaveLength(15);
    expect(report.pages).toEqual([]);
  });

  it('does not share the input\'s arrays and objects', () => {
    const input = sampleInput({ checks: [makeCheck('anpr', 'pass')] });
    const report = buildReport(input);
    input.checks.push(makeCheck('spid', 'fail'));
    input.site.limits.skippedUrls = 99;
    expect(report.checks).toHaveLength(1);
    expect(report.run.limits.skippedUrls).toBe(0);
  });
});

describe('agidSummary (PNRR 1.4.1 line)', () => {
  const design = (id: string, status: Parameters<typeof makeCheck>[1]) => makeCheck(id, status, { point: 'design' });
  it('fails on any failed C.SI criterion, names it, and ignores recommendations', () => {
    const summary = agidSummary([design('C.SI.1.1', 'pass'), design('C.SI.2.3', 'fail'), design('C.SI.4.1', 'unknown'), design('R.SI.1.1', 'fail')]);
    expect(summary).toEqual({ wouldPass: false, blocking: ['C.SI.2.3'], unjudged: ['C.SI.4.1'] });
    expect(en.agidVerdict(false, ['C.SI.2.3'], ['C.SI.4.1'])).toBe('PNRR 1.4.1: the site would not pass the assessment; failed: C.SI.2.3; not judged: C.SI.4.1.');
  });
  it('passes with partials (accepted with tolerance), is null with unjudged criteria, absent without criteria', () => {
    expect(agidSummary([design('C.SI.1.1', 'pass'), design('C.SI.1.3', 'partial')])).toEqual({ wouldPass: true, blocking: [], unjudged: [] });
    expect(agidSummary([design('C.SI.1.1', 'pass'), design('C.SI.4.1', 'unknown')])?.wouldPass).toBeNull();
    expect(agidSummary([makeCheck('anpr', 'fail')])).toBeNull();
    expect(buildReport(sampleInput({ checks: [design('C.SI.3.3', 'fail')] })).agid).toEqual({ wouldPass: false, blocking: ['C.SI.3.3'], unjudged: [] });
  });
});
