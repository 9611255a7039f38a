// JUnit XML for CI servers: one test case per check, grouped by point, well-formed whatever the texts contain.
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/report/junit.js';
import { makeCheck } from '../score/make-check.js';
import { SITE, makeSite, sampleReport } from './sample.js';

const parse = (xml: string) => cheerio.load(xml, { xml: { xmlMode: true, decodeEntities: true } });

describe('JUnit report', () => {
  const report = sampleReport();
  const xml = renderJunit(report, { lang: 'it' });
  const $ = parse(xml);

  it('has one test case per check, suites by point, and totals that add up', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect($('testcase')).toHaveLength(report.checks.length);
    const root = $('testsuites');
    expect(Number(root.attr('tests'))).toBe(report.checks.length);
    const failing = report.checks.filter((check) => check.status === 'fail' || check.status === 'partial').length;
    expect(Number(root.attr('failures'))).toBe(failing);
    expect(Number(root.attr('skipped'))).toBe(report.checks.filter((check) => check.status === 'unknown').length);
    const suiteTotal = $('testsuite')
      .map((_, suite) => Number($(suite).attr('tests')))
      .get()
      .reduce((sum: number, n: number) => sum + n, 0);
    expect(suiteTotal).toBe(report.checks.length);
  });

  it('marks a failed check with its message, legal reference and evidence, a passed one with nothing, an unknown one skipped', () => {
    const byId = (id: string) => $('testcase').filter((_, node) => $(node).attr('name') === id);
    const spid = report.checks.find((check) => check.id === 'spid')!;
    expect(spid.status).toBe('fail');
    const failure = byId('spid').find('failure');
    expect(failure.attr('type')).toBe('non superato');
    expect(failure.attr('message')).toBe(`${spid.title.it}: ${spid.message.it}`);
    expect(failure.text().split('\n')[0]).toBe(spid.law);
    const anpr = byId('anpr');
    expect(anpr.children()).toHaveLength(0);
    const unknown = report.checks.find((check) => check.status === 'unknown')!;
    expect(byId(unknown.id).find('skipped').attr('message')).toContain(unknown.message.it);
    // Names are the ids: stable whatever the result, as CI servers track tests by name.
    expect($('testcase').map((_, node) => $(node).attr('name')).get()).toEqual(report.checks.map((check) => check.id));
  });

  it('stays well-formed with markup, quotes and control characters in texts, and speaks English with lang en', () => {
    const hostile = makeCheck('privacy', 'fail', {
      message: { it: '<script>alert("x")</script> & \'c\'', en: 'Tag <b> & "quotes"' },
      evidence: [{ url: `${SITE}a?b=1&c=2`, selector: 'a[href="x"]', snippet: 'riga\u0007con\u0000controllo' }],
    });
    const out = renderJunit(sampleReport({ checks: [hostile] }), { lang: 'en' });
    const doc = parse(out);
    expect(doc('failure').attr('message')).toMatch(/: Tag <b> & "quotes"$/);
    expect(doc('failure').text()).toContain(`${SITE}a?b=1&c=2 · a[href="x"] · «riga con controllo»`);
    expect(out).not.toMatch(/[\u0000-\u0008]/);
    expect(doc('failure').attr('type')).toBe('failed');
  });

  it('reports an audit that could not run as one error, and gives the same bytes for the same report', () => {
    const fatal = renderJunit(sampleReport({ site: makeSite([]), checks: [], fatal: { code: 'dns', message: { it: 'Il nome non si risolve', en: 'DNS lookup failed' } } }), { lang: 'it' });
    const doc = parse(fatal);
    expect(doc('testcase')).toHaveLength(1);
    expect(doc('error').attr('type')).toBe('dns');
    expect(doc('error').attr('message')).toBe('Il nome non si risolve');
    expect(renderJunit(sampleReport(), { lang: 'it' })).toBe(xml);
  });
});
