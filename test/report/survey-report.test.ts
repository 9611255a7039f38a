// The survey dashboard and the survey comparison, from a small store built through the store's own API: the
// figures in the page equal those computed from the database with SQL, the page passes axe-core (WCAG 2.1 A/AA)
// in headless Chromium, and what changed between two runs is counted per comune.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SurveyStore } from '../../src/survey/store.js';
import type { SurveyTarget } from '../../src/survey/types.js';
import type { CheckResult, Report, Status } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { makeCheck } from '../score/make-check.js';
import { makeSite, sampleChecks, sampleReport } from './sample.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

function target(line: number, key: string, name: string, region: string | null, province: string | null, url: string | null): SurveyTarget {
  return { line, key, ipaCode: key, name, istatCode: null, region, province, url, rawUrl: url ?? '', rejected: url ? null : { reason: 'no-website', detail: 'nessun sito' } };
}

/** The sample report with some checks' statuses replaced. */
function reportWith(statuses: Record<string, Status>, url = 'https://www.comune.esempio.it/'): Report {
  const checks = sampleChecks().map((check): CheckResult => (statuses[check.id] ? makeCheck(check.id, statuses[check.id], { point: check.point, group: check.group }) : check));
  const report = sampleReport({ checks });
  return { ...report, site: { ...report.site, siteUrl: url, startUrl: url } };
}

function unreachable(url: string): Report {
  const report = sampleReport({ site: makeSite([]), checks: [], fatal: { code: 'dns', message: { it: 'Il nome non si risolve', en: 'DNS lookup failed' } } });
  return { ...report, site: { startUrl: url, siteUrl: url, host: new URL(url).host } };
}

const run = { surveyKey: 'k', toolVersion: '0.1.0', input: 'enti.csv', options: { maxPages: 50, timeBudget: 600 }, shard: null, targets: 5 };
const outcome = (report: Report) => ({ kind: 'report' as const, report, startedAt: '2026-01-10T09:00:00.000Z', durationMs: 1000 });

const dir = mkdtempSync(join(tmpdir(), 'comune-audit-survey-report-'));
const storePath = join(dir, 'indagine.db');
const alfa = target(2, 'c_a001', 'Alfa', 'Lombardia', 'Milano', 'https://alfa.example.it/');
const beta = target(3, 'c_b002', 'Beta', 'Lombardia', 'Bergamo', 'https://beta.example.it/');
const gamma = target(4, 'c_c003', 'Gamma', 'Toscana', 'Firenze', 'https://gamma.example.it/');
const delta = target(5, 'c_d004', 'Delta', 'Toscana', 'Firenze', 'https://delta.example.it/');
const epsilon = target(6, 'c_e005', 'Epsilon', 'Toscana', 'Siena', null);
const zeta = target(7, 'c_f006', 'Zeta', 'Toscana', 'Siena', 'https://zeta.example.it/');

beforeAll(() => {
  const store = SurveyStore.open(storePath);
  const first = store.startRun({ ...run, startedAt: '2025-01-10T09:00:00.000Z' });
  store.saveSite(first.id, alfa, outcome(reportWith({}, alfa.url!)), { keepReport: true });
  store.saveSite(first.id, beta, outcome(reportWith({ spid: 'pass', io: 'pass', 'C.SI.1.2': 'pass' }, beta.url!)));
  store.saveSite(first.id, gamma, outcome(reportWith({ anpr: 'fail', cie: 'fail', 'open-source': 'fail' }, gamma.url!)));
  store.saveSite(first.id, delta, outcome(unreachable(delta.url!)));
  store.saveSite(first.id, epsilon, null);
  store.finishRun(first.id, '2025-01-10T10:00:00.000Z');
  const second = store.startRun({ ...run, targets: 6, startedAt: '2026-01-10T09:00:00.000Z' });
  store.saveSite(second.id, alfa, outcome(reportWith({ spid: 'pass' }, alfa.url!)), { keepReport: true });
  store.saveSite(second.id, beta, outcome(reportWith({ io: 'pass', 'C.SI.1.2': 'pass' }, beta.url!)));
  store.saveSite(second.id, gamma, outcome(unreachable(gamma.url!)));
  store.saveSite(second.id, delta, outcome(reportWith({}, delta.url!)));
  store.saveSite(second.id, epsilon, null);
  store.saveSite(second.id, zeta, outcome(reportWith({ anpr: 'fail' }, zeta.url!)));
  store.finishRun(second.id, '2026-01-10T10:00:00.000Z');
  store.close();
});

/** Figures computed straight from the database, independently of the dashboard's code. */
function fromDatabase(runId: number) {
  const db = new Database(storePath, { readonly: true });
  try {
    const count = (sql: string) => db.prepare(sql).pluck().get(runId) as number;
    const indices = (db.prepare("SELECT maturity_index FROM sites WHERE run_id = ? AND status = 'scored' ORDER BY maturity_index").pluck().all(runId) as number[]);
    const mid = Math.floor(indices.length / 2);
    const median = indices.length % 2 ? indices[mid] : (indices[mid - 1] + indices[mid]) / 2;
    const bins = new Array(10).fill(0);
    for (const index of indices) bins[Math.min(9, Math.floor(index / 10))] += 1;
    const passes = new Map(
      (db.prepare("SELECT p.point, count(*) AS n FROM points p JOIN sites s USING (run_id, key) WHERE p.run_id = ? AND s.status = 'scored' AND p.status = 'pass' GROUP BY p.point").all(runId) as { point: string; n: number }[]).map((r) => [r.point, r.n]),
    );
    const topFailure = db
      .prepare("SELECT c.check_id AS id, count(*) AS n FROM checks c JOIN sites s USING (run_id, key) WHERE c.run_id = ? AND c.status = 'fail' AND s.status = 'scored' GROUP BY c.check_id ORDER BY n DESC, c.check_id LIMIT 1")
      .get(runId) as { id: string; n: number };
    return {
      listed: count('SELECT count(*) FROM sites WHERE run_id = ?'),
      scored: count("SELECT count(*) FROM sites WHERE run_id = ? AND status = 'scored'"),
      unavailable: count("SELECT count(*) FROM sites WHERE run_id = ? AND status = 'unavailable'"),
      median: (Math.round(median * 10) / 10).toFixed(1).replace('.', ','),
      bins,
      passes,
      topFailure,
    };
  } finally {
    db.close();
  }
}

describe('survey report in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the figures the database holds, links kept reports, requests nothing else, and has no WCAG 2.1 A/AA violation', async () => {
    const file = join(dir, 'indagine.html');
    const reports = join(dir, 'report');
    const result = await runCli(['survey', 'report', storePath, '--run', '1', '-o', file, '--reports', reports]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const expected = fromDatabase(1);

    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);
    const card = (label: string) => page.locator('.headline div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
    expect(await card('Comuni nell’elenco').innerText()).toBe(String(expected.listed));
    expect(await card('Analizzati').innerText()).toBe(String(expected.scored));
    expect(await card('Siti non raggiungibili').innerText()).toBe(String(expected.unavailable));
    expect(await card('Indice mediano').innerText()).toBe(expected.median);

    const histogram = await page.locator('#chart-histogram-caption ~ table tbody td').allTextContents();
    expect(histogram.map(Number)).toEqual(expected.bins);

    const adoption = page.locator('figure:has(#chart-adoption-caption) table tbody tr');
    const spidRow = await adoption.filter({ hasText: 'Accesso con SPID' }).locator('td').first().textContent();
    expect(Number(spidRow?.split(' ')[0])).toBe(expected.passes.get('spid') ?? 0);
    const anprRow = await adoption.filter({ hasText: 'Anagrafe nazionale' }).locator('td').first().textContent();
    expect(Number(anprRow?.split(' ')[0])).toBe(expected.passes.get('anpr') ?? 0);

    const firstFailure = page.locator('ol.failures li').first();
    expect(await firstFailure.locator('code').innerText()).toBe(expected.topFailure.id);
    expect(await firstFailure.innerText()).toContain(`non superato in ${expected.topFailure.n} comuni`);
    expect(await firstFailure.getByRole('link', { name: 'esempio' }).getAttribute('href')).toBe('#example-1');
    expect(await page.locator('#example-1 h3').innerText()).toBe(`Esempio: ${expected.topFailure.id}`);

    const comuni = page.getByRole('table', { name: /comuni, nell’ordine dell’elenco/ });
    expect(await comuni.locator('tbody tr').count()).toBe(expected.listed);
    const alfaLink = comuni.getByRole('link', { name: 'Alfa' });
    expect(await alfaLink.getAttribute('href')).toBe('report/2-c_a001.html');
    expect(readFileSync(join(reports, '2-c_a001.html'), 'utf8')).toContain('<h1>Maturità digitale del sito comunale</h1>');
    expect(await comuni.getByRole('row', { name: /Beta/ }).locator('td.sym').nth(2).innerText()).toBe('✔\nsuperato');

    await expect(page.getByRole('heading', { name: 'Per regione e provincia' }).isVisible()).resolves.toBe(true);
    expect(await page.getByRole('row', { name: /^Toscana/ }).locator('td').first().innerText()).toBe('3');
    expect(requests).toEqual([pathToFileURL(file).href]);
    await page.screenshot({ path: join(tmpdir(), 'comune-audit-survey-report.png'), fullPage: true });

    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const outcome = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return outcome.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target) }));
    });
    expect(violations).toEqual([]);
    await page.close();
  }, 90_000);

  it('adds "Cosa è cambiato" with both runs’ distributions to the last run’s report, in English with --lang en, byte for byte the same twice', async () => {
    const first = await runCli(['survey', 'report', storePath]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('<h2 id="changes">Cosa è cambiato</h2>');
    expect(first.stdout).toContain('Comuni peggiorati (1)');
    expect((await runCli(['survey', 'report', storePath])).stdout).toBe(first.stdout);
    const en = await runCli(['survey', 'report', storePath, '--lang', 'en']);
    expect(en.stdout).toContain('<html lang="en">');
    expect(en.stdout).toContain('<h2 id="changes">What changed</h2>');
    expect(en.stdout).not.toContain('Cosa è cambiato');

    const file = join(dir, 'indagine-2.html');
    writeFileSync(file, en.stdout);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string }[] }> } }).axe;
      return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  }, 90_000);
});

describe('survey compare', () => {
  it('gives each comune its index before → after and the checks that changed, and names what cannot be compared', async () => {
    const text = await runCli(['survey', 'compare', storePath]);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('attenzione: le esecuzioni 1 e 2 non coprono gli stessi comuni (0 solo nella 1, 1 solo nella 2)');
    expect(text.stderr).not.toContain('opzioni diverse');
    const out = text.stdout;
    expect(out).toContain('Cosa è cambiato: esecuzione 1 (2025-01-10) → esecuzione 2 (2026-01-10)');
    expect(out).toMatch(/Comuni peggiorati \(1\)\n {2}Beta: [\d,]+ → [\d,]+ \(−[\d,]+\); peggiorati: spid\n/);
    expect(out).toMatch(/Comuni migliorati \(1\)\n {2}Alfa: [\d,]+ → [\d,]+ \(\+[\d,]+\); migliorati: spid\n/);
    expect(out).toContain('  Gamma: non raggiungibile nell’esecuzione 2 (2026-01-10) (dns)');
    expect(out).toContain('  Delta: non raggiungibile nell’esecuzione 1 (2025-01-10) (dns)');
    expect(out).toContain('  Zeta: presente solo nell’esecuzione 2 (2026-01-10)');
    expect(out).toContain('  Accesso con SPID: 33% → 25% (−8)\n');

    const named = (await runCli(['survey', 'compare', storePath, '-f', 'csv'])).stdout.trimEnd().split('\r\n');
    expect(named[0]).toBe('Chiave,Denominazione,Regione,Provincia,Cambiamento,Esito prima,Esito dopo,Indice prima,Indice dopo,Variazione dell’indice,Controlli peggiorati,Controlli migliorati');
    expect(named.find((row) => row.startsWith('c_b002,'))).toMatch(/^c_b002,Beta,Lombardia,Bergamo,peggiorato,analizzato,analizzato,[\d.]+,[\d.]+,-[\d.]+,spid,$/);
    expect(named.find((row) => row.startsWith('c_c003,'))).toMatch(/^c_c003,Gamma,Toscana,Firenze,non raggiungibile dopo,analizzato,non raggiungibile,[\d.]+,,,,$/);
    expect(named.find((row) => row.startsWith('c_e005,'))).toBe('c_e005,Epsilon,Toscana,Siena,non analizzato,escluso,escluso,,,,,');
    const csv = (await runCli(['survey', 'compare', storePath, '-f', 'csv', '--csv-ids'])).stdout.trimEnd().split('\r\n');
    expect((await runCli(['survey', 'compare', storePath, '-f', 'csv', '--lang', 'en'])).stdout.trimEnd().split('\r\n')).toEqual(csv);
    expect(csv[0]).toBe('key,name,region,province,change,status_before,status_after,index_before,index_after,index_change,checks_regressed,checks_improved');
    expect(csv.find((row) => row.startsWith('c_b002,'))).toMatch(/^c_b002,Beta,Lombardia,Bergamo,regressed,scored,scored,[\d.]+,[\d.]+,-[\d.]+,spid,$/);
    expect(csv.find((row) => row.startsWith('c_c003,'))).toBe('c_c003,Gamma,Toscana,Firenze,unreachable-after,scored,unavailable,' + csv.find((row) => row.startsWith('c_c003,'))!.split(',')[7] + ',,,,');
    expect(csv.find((row) => row.startsWith('c_e005,'))).toBe('c_e005,Epsilon,Toscana,Siena,not-scored,rejected,rejected,,,,,');
    expect(csv).toHaveLength(7);
  });

  it('refuses a store with one run before --to, and an unknown run, naming them', async () => {
    const one = await runCli(['survey', 'compare', storePath, '--to', '1']);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('non ha un’esecuzione precedente alla 1');
    const unknown = await runCli(['survey', 'compare', storePath, '--from', '7']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('non ha l’esecuzione 7; le sue esecuzioni sono: 1, 2');
  });
});
