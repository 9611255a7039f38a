// The comparison of two audits: improved and regressed checks with their evidence, and what cannot be compared
// named apart; its text, CSV and JSON forms; the compare command.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareReports, checksWith, type Comparable } from '../../src/compare/index.js';
import { renderComparisonCsv, renderComparisonJson, renderComparisonText } from '../../src/report/compare.js';
import type { CheckResult } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { makeCheck } from '../score/make-check.js';
import { sampleChecks, sampleReport } from '../report/sample.js';

const ev = (url: string, selector: string, snippet = '') => ({ url, selector, snippet });

function report(siteUrl: string, index: number | null, checks: CheckResult[]): Comparable {
  return { site: { startUrl: siteUrl, siteUrl, host: new URL(siteUrl).host }, maturity: { index, level: null }, checks };
}

describe('compareReports', () => {
  const baseline = report('https://www.comune.esempio.it/', 80, [
    makeCheck('spid', 'pass', { evidence: [ev('https://www.comune.esempio.it/servizi/accesso', '.spid-idp-button'), ev('https://www.comune.esempio.it/', 'footer a[href="/spid"]')] }),
    makeCheck('pagopa', 'partial'),
    makeCheck('cie', 'fail'),
    makeCheck('cloud', 'pass'),
    makeCheck('io', 'pass'),
    makeCheck('C.SI.0.1', 'pass'),
  ]);

  it('sorts checks into regressed, improved, unchanged and the kinds that cannot be compared, evidence by path across hosts', () => {
    const current = report('http://127.0.0.1:8080/', 70, [
      makeCheck('spid', 'fail', { evidence: [ev('http://127.0.0.1:8080/', 'footer a[href="/spid"]')] }),
      makeCheck('pagopa', 'fail'),
      makeCheck('cie', 'pass', { evidence: [ev('http://127.0.0.1:8080/cie', 'main a', 'Carta d’identità elettronica')] }),
      makeCheck('cloud', 'unknown'),
      makeCheck('io', 'pass'),
      makeCheck('C.SI.9.9', 'fail'),
    ]);
    const comparison = compareReports(baseline, current);
    expect(comparison.checks.map((c) => [c.id, c.change])).toEqual([
      ['spid', 'regressed'],
      ['pagopa', 'regressed'],
      ['cie', 'improved'],
      ['cloud', 'undecided'],
      ['io', 'unchanged'],
      ['C.SI.9.9', 'new'],
      ['C.SI.0.1', 'dropped'],
    ]);
    const [spid, , cie] = comparison.checks;
    expect(spid).toMatchObject({ before: 'pass', after: 'fail', lost: ['/servizi/accesso · .spid-idp-button'], gained: [] });
    expect(cie).toMatchObject({ gained: ['/cie · main a'], gainedEvidence: [{ snippet: 'Carta d’identità elettronica' }] });
    expect(comparison.indexChange).toBe(-10);
  });

  it('finds no change when a report is compared with itself', () => {
    const comparison = compareReports(baseline, baseline);
    expect(comparison.checks.every((check) => check.change === 'unchanged')).toBe(true);
    expect(comparison.indexChange).toBe(0);
  });

  it('counts nothing as a change when the site could not be reached in one run', () => {
    const down: Comparable = { ...report('https://www.comune.esempio.it/', null, []), fatal: { code: 'dns', message: { it: 'Il nome non si risolve', en: 'DNS lookup failed' } } };
    const comparison = compareReports(baseline, down);
    expect(checksWith(comparison, 'improved', 'regressed', 'unchanged')).toEqual([]);
    expect(comparison.checks.map((check) => check.change)).toEqual(Array(6).fill('unreachable'));
    expect(comparison.indexChange).toBeNull();
    expect(renderComparisonText(comparison, 'it')).toContain('Il sito non è stato raggiungibile nel report di dopo (Il nome non si risolve): nessun controllo è confrontabile.');
  });
});

describe('comparison reporters', () => {
  const before = sampleReport();
  const checks = sampleChecks().map((check) =>
    check.id === 'spid'
      ? makeCheck('spid', 'pass', { title: { it: 'Accesso con SPID', en: 'SPID login' }, evidence: [ev('https://www.comune.esempio.it/login', 'a.spid', 'Entra con SPID')] })
      : check.id === 'anpr'
        ? makeCheck('anpr', 'fail')
        : check,
  );
  const after = sampleReport({ checks: [...checks, makeCheck('C.SI.6.1', 'pass', { point: 'design' })], startedAt: '2025-04-01T10:00:00.000Z' });
  const comparison = compareReports(before, after);

  it('prints regressions first, then improvements with what is seen now, then what cannot be compared and why', () => {
    const text = renderComparisonText(comparison, 'it');
    expect(text).toBe(
      [
        'Confronto di https://www.comune.esempio.it/',
        // The sample fails privacy, a legal obligation: the level is capped at 3 of 5 (rules/scoring.ts LEGAL_CAP).
        `Prima: 63,3 · Intermedio · 2025-03-01 · comune-audit 0.1.0`,
        'Dopo: 64,3 · Intermedio · 2025-04-01 · comune-audit 0.1.0',
        'Indice di maturità: 63,3 → 64,3 (+1,0)',
        '',
        'Peggiorati (1)',
        '  ✘ anpr · Titolo anpr: superato → non superato',
        '      non più trovato: /servizi/certificati · main a[href*=anagrafenazionale]',
        '',
        'Migliorati (1)',
        '  ✔ spid · Accesso con SPID: non superato → superato',
        '      trovato ora: /login · a.spid',
        '',
        'Non confrontabili (1)',
        '  C.SI.6.1 · Titolo C.SI.6.1: controllo nuovo: il report di prima non lo ha (versione precedente dello strumento)',
        '',
        'Punti cambiati',
        '  Anagrafe nazionale (ANPR): 100 → 0 (superato → non superato)',
        '  Accesso con SPID: 0 → 100 (non superato → superato)',
        '  Linee guida di design (Modello Comuni): 70 → 75 (parziale → parziale)',
        '',
        'Invariati: 19 controlli',
        '',
      ].join('\n'),
    );
    expect(renderComparisonText(comparison, 'en')).toContain('Regressed (1)\n  ✘ anpr · Title anpr: passed → failed');
  });

  it('writes one CSV row per check, names in Italian and the stable ids with --lang en or --csv-ids, and JSON that round-trips', () => {
    const lines = (options: { lang: 'it' | 'en'; ids?: boolean }) => renderComparisonCsv(comparison, { bom: false, ...options }).trimEnd().split('\r\n');
    const named = lines({ lang: 'it' });
    expect(named[0]).toBe('Codice,Punto,Cambiamento,Esito prima,Esito dopo,Titolo,Evidenze perse,Evidenze nuove');
    expect(named).toContain('spid,Accesso con SPID,migliorato,non superato,superato,Accesso con SPID,,/login · a.spid');
    expect(named).toContain('C.SI.6.1,Linee guida di design (Modello Comuni),controllo nuovo,,superato,Titolo C.SI.6.1,,');
    expect(named).toHaveLength(comparison.checks.length + 1);
    const ids = lines({ lang: 'it', ids: true });
    expect(ids[0]).toBe('id,point,change,before,after,title,lost_evidence,gained_evidence');
    expect(ids).toContain('spid,spid,improved,fail,pass,Accesso con SPID,,/login · a.spid');
    expect(ids).toContain('C.SI.6.1,design,new,,pass,Titolo C.SI.6.1,,');
    // English: ids for headers and coded values, text in English.
    expect(lines({ lang: 'en' })[0]).toBe(ids[0]);
    expect(lines({ lang: 'en' }).find((line) => line.startsWith('spid,'))).toMatch(/^spid,spid,improved,fail,pass,/);
    expect(JSON.parse(renderComparisonJson(comparison))).toEqual(comparison);
  });
});

describe('comune-audit compare', () => {
  const dir = mkdtempSync(join(tmpdir(), 'comune-audit-compare-'));
  const beforeFile = join(dir, 'prima.json');
  const afterFile = join(dir, 'dopo.json');
  writeFileSync(beforeFile, JSON.stringify(sampleReport()));
  writeFileSync(afterFile, JSON.stringify(sampleReport({ checks: sampleChecks().map((check) => (check.id === 'io' ? makeCheck('io', 'pass') : check)) })));

  it('prints the comparison, in English with --lang en, and writes JSON or CSV by -f or by -o extension', async () => {
    const it = await runCli(['compare', beforeFile, afterFile]);
    expect(it).toMatchObject({ code: 0, stderr: '' });
    expect(it.stdout).toContain('Migliorati (1)\n  ✔ io · Titolo io: non superato → superato');
    const en = await runCli(['compare', beforeFile, afterFile, '--lang', 'en']);
    expect(en.stdout).toContain('Improved (1)\n  ✔ io · Title io: failed → passed');
    expect(JSON.parse((await runCli(['compare', beforeFile, afterFile, '-f', 'json'])).stdout).checks).toHaveLength(sampleChecks().length);
    const csvFile = join(dir, 'confronto.csv');
    expect((await runCli(['compare', beforeFile, afterFile, '-o', csvFile])).code).toBe(0);
    expect(readFileSync(csvFile, 'utf8')).toContain('io,App IO,migliorato,non superato,superato,');
    expect((await runCli(['compare', beforeFile, afterFile, '-o', csvFile, '--csv-ids'])).code).toBe(0);
    expect(readFileSync(csvFile, 'utf8')).toContain('io,io,improved,fail,pass,');
  });

  it('names a file that is not a report (exit 4) and an -o extension that is no format (exit 2)', async () => {
    const notReport = join(dir, 'altro.json');
    writeFileSync(notReport, '{"hello": 1}');
    const bad = await runCli(['compare', notReport, afterFile]);
    expect(bad.code).toBe(4);
    expect(bad.stderr).toBe(`comune-audit: ${notReport} non è un report JSON di comune-audit: generalo con "comune-audit audit <url> -f json -o ${notReport}"\n`);
    expect((await runCli(['compare', beforeFile, join(dir, 'missing.json')])).code).toBe(4);
    expect((await runCli(['compare', beforeFile, afterFile, '-o', join(dir, 'x.pdf')])).code).toBe(2);
  });
});
