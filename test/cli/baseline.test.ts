// --baseline: a CI run fails when a check got worse than in an earlier JSON report, and says what disappeared.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBaseline } from '../../src/cli/baseline.js';
import { runAudit, type AuditCliOptions } from '../../src/cli/audit.js';
import { CliError, EXIT } from '../../src/cli/errors.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { AUDIT_OPTIONS, captureIo } from '../helpers/cli.js';

describe('readBaseline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'comune-audit-baseline-'));

  it('is an I/O error naming the file when it is missing or not a report', async () => {
    await expect(readBaseline(join(dir, 'missing.json'))).rejects.toMatchObject({ exitCode: EXIT.io });
    const notReport = join(dir, 'other.json');
    writeFileSync(notReport, JSON.stringify({ hello: 'world' }));
    const error = await readBaseline(notReport).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).in('it')).toBe(`${notReport} non è un report JSON di comune-audit: generalo con "comune-audit audit <url> -f json -o ${notReport}"`);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"schemaVersion": 1, ');
    await expect(readBaseline(broken)).rejects.toMatchObject({ exitCode: EXIT.io });
    const noMaturity = join(dir, 'no-maturity.json');
    writeFileSync(noMaturity, JSON.stringify({ schemaVersion: 2, site: { siteUrl: 'https://x.it/' }, checks: [] }));
    await expect(readBaseline(noMaturity)).rejects.toMatchObject({ exitCode: EXIT.io });
  });

  it('accepts a report of the previous schema version, and refuses one of an audit that could not run, saying why', async () => {
    const v1 = join(dir, 'v1.json');
    writeFileSync(v1, JSON.stringify({ schemaVersion: 1, site: { siteUrl: 'https://x.it/' }, maturity: { index: 50, level: null }, checks: [{ id: 'spid', status: 'pass', evidence: [] }] }));
    expect((await readBaseline(v1)).checks).toHaveLength(1);
    const failed = join(dir, 'failed.json');
    const fatal = { code: 'dns', message: { it: 'Il nome x.it non si risolve (DNS)', en: 'DNS lookup failed for x.it' } };
    writeFileSync(failed, JSON.stringify({ schemaVersion: 2, site: { siteUrl: 'https://x.it/' }, maturity: { index: null, level: null }, checks: [], fatal }));
    const error = await readBaseline(failed).catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: EXIT.io });
    expect((error as CliError).in('it')).toContain('(Il nome x.it non si risolve (DNS))');
  });
});

describe('audit --baseline', () => {
  const OPTIONS: AuditCliOptions = { ...AUDIT_OPTIONS, maxPages: 20, maxDepth: 3, concurrency: 2, maxBody: 1_000_000 };
  const html = (body: string) => ({ headers: { 'content-type': 'text/html; charset=utf-8' }, body: `<!doctype html><html lang="it"><head><title>Comune</title></head><body><main>${body}</main></body></html>` });
  let before: FixtureServer;
  let after: FixtureServer;

  beforeAll(async () => {
    // The same site on two hosts: the release before has the SPID login, the one after lost it.
    before = await serveRoutes({ '/': html('<a href="/area-personale">Area personale</a>'), '/area-personale': html('<a href="/login" class="spid-idp-button">Entra con SPID</a>') });
    after = await serveRoutes({ '/': html('<a href="/area-personale">Area personale</a>'), '/area-personale': html('<p>Servizio in manutenzione.</p>') });
  });
  afterAll(async () => {
    await before.close();
    await after.close();
  });

  it('exits 1 and names what got worse and what disappeared; exits 0 against itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'comune-audit-baseline-'));
    const baselineFile = join(dir, 'prima.json');
    expect(await runAudit(`${before.url}/`, { ...OPTIONS, output: baselineFile }, captureIo().io)).toBe(EXIT.ok);

    const same = captureIo();
    expect(await runAudit(`${before.url}/`, { ...OPTIONS, baseline: baselineFile }, same.io)).toBe(EXIT.ok);
    expect(same.err()).toBe('');

    const worse = captureIo();
    expect(await runAudit(`${after.url}/`, { ...OPTIONS, baseline: baselineFile }, worse.io)).toBe(EXIT.belowThreshold);
    const lines = worse.err().trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^comune-audit: peggiorato rispetto a ${baselineFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*spid \\(superato → non superato\\).*; indice di maturità [\\d,]+ → [\\d,]+$`));
    expect(lines).toContain('  spid: non più trovato /area-personale · .spid-idp-button');
  });

  it('reads the baseline before crawling: a missing file stops the run with exit 4', async () => {
    await expect(runAudit(`${before.url}/`, { ...OPTIONS, baseline: '/nonexistent/prima.json' }, captureIo().io)).rejects.toMatchObject({ exitCode: EXIT.io });
  });
});
