import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit, type AuditCliOptions } from '../../src/cli/audit.js';
import { CliError, EXIT } from '../../src/cli/errors.js';
import type { Report } from '../../src/types.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { AUDIT_OPTIONS, captureIo, runCli } from '../helpers/cli.js';
import { packageRoot } from '../../src/util/paths.js';

const PAGE = (body: string) => `<!doctype html><html lang="it"><head><title>Comune</title></head><body>${body}</body></html>`;

let site: FixtureServer;
let closedPort: number;

beforeAll(async () => {
  site = await serveRoutes({
    '/': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE('<main><a href="/servizi">Servizi</a><a href="/spid">Entra con SPID</a></main>') },
    '/servizi': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE('<main><h1>Servizi</h1></main>') },
    '/spid': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE('<main><h1>SPID</h1></main>') },
    '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nAllow: /\n' },
    '/file.pdf': { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.4' },
  });
  const other = await serveRoutes({});
  closedPort = other.port;
  await other.close();
});

afterAll(async () => {
  await site.close();
});

describe('runAudit', () => {
  it('writes a JSON report of every page and check and exits 0', async () => {
    const c = captureIo();
    const code = await runAudit(`${site.url}/`, AUDIT_OPTIONS, c.io);
    expect(code).toBe(EXIT.ok);
    const report = JSON.parse(c.out()) as Report;
    expect(report.pages.map((p) => new URL(p.url).pathname)).toEqual(['/', '/servizi', '/spid']);
    expect(report.checks.map((check) => check.id)).toContain('spid');
    expect(report.checks.map((check) => check.id)).toContain('C.SI.1.6');
    expect(report.run.startedAt).toBe('1970-01-01T00:00:00.000Z');
  });

  it('gives the same bytes for the same site with --no-timing', async () => {
    const a = captureIo();
    const b = captureIo();
    await runAudit(`${site.url}/`, AUDIT_OPTIONS, a.io);
    await runAudit(`${site.url}/`, AUDIT_OPTIONS, b.io);
    expect(a.out()).toBe(b.out());
  });

  it('exits 1 below --fail-under and says why on stderr', async () => {
    const c = captureIo();
    const code = await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, failUnder: 99 }, c.io);
    expect(code).toBe(EXIT.belowThreshold);
    expect(c.err()).toMatch(/indice di maturità .* sotto --fail-under 99/);
  });

  it('prints the index and a decimal --fail-under with the decimal separator of --lang', async () => {
    const italian = captureIo();
    expect(await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, failUnder: 99.5 }, italian.io)).toBe(EXIT.belowThreshold);
    const index = (JSON.parse(italian.out()) as Report).maturity.index as number;
    expect(italian.err()).toBe(`comune-audit: indice di maturità ${index.toFixed(1).replace('.', ',')} sotto --fail-under 99,5\n`);
    const english = captureIo();
    await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, lang: 'en', failUnder: 99.5 }, english.io);
    expect(english.err()).toBe(`comune-audit: maturity index ${index.toFixed(1)} is below --fail-under 99.5\n`);
    // the threshold is a number, compared as one: just under the index passes
    expect(await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, failUnder: index - 0.1 }, captureIo().io)).toBe(EXIT.ok);
  });

  it('exits 1 when a check named by --fail-on fails (by check or point id, in any case), 0 when they pass, 2 on an unknown id', async () => {
    const failing = captureIo();
    expect(await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, failOn: ['spid', 'design'] }, failing.io)).toBe(EXIT.belowThreshold);
    expect(failing.err()).toMatch(/--fail-on: controlli non superati: .*C\.SI\.1\.6/);
    const anyCase = captureIo();
    expect(await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, failOn: ['SPID', 'c.si.1.6'] }, anyCase.io)).toBe(EXIT.belowThreshold);
    expect(anyCase.err()).toBe('comune-audit: --fail-on: controlli non superati: C.SI.1.6\n');
    const passing = captureIo();
    // The only check this bare site passes (with no menu to follow, the official checker fails even C.SI.3.1 cookies).
    expect(await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, failOn: ['spid'] }, passing.io)).toBe(EXIT.ok);
    expect(passing.err()).toBe('');
    await expect(runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, failOn: ['spdi'] }, captureIo().io)).rejects.toMatchObject({ exitCode: EXIT.usage });
  });

  it('lists the valid point and check ids when --fail-on names an unknown one', async () => {
    const error = (await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, failOn: ['spid', 'spdi', 'C.SI.9.9'] }, captureIo().io).catch((e: unknown) => e)) as CliError;
    expect(error.exitCode).toBe(EXIT.usage);
    const [, unknown, valid] = /^--fail-on: unknown ids (.*); the valid ids \(of points and checks\) are: (.*)$/.exec(error.in('en')) ?? [];
    expect(unknown).toBe('spdi, C.SI.9.9');
    const ids = valid.split(', ');
    expect(ids).toEqual(expect.arrayContaining(['spid', 'design', 'online-services', 'C.SI.3.3', 'R.SI.1.1']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says on stderr which named checks ended unknown, without changing the exit code', async () => {
    const c = captureIo();
    expect(await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, failOn: ['C.SI.4.1', 'cloud', 'spid'] }, c.io)).toBe(EXIT.ok);
    const report = JSON.parse(c.out()) as Report;
    expect(['C.SI.4.1', 'cloud'].map((id) => report.checks.find((check) => check.id === id)?.status)).toEqual(['unknown', 'unknown']);
    // in the report's order, once
    expect(c.err()).toBe('comune-audit: --fail-on: esito non verificabile o errore per cloud, C.SI.4.1: su questi --fail-on non ha controllato nulla, guarda le evidenze nel report\n');
  });

  it('exits 3 for an unreachable site and still writes a JSON report of the attempt', async () => {
    const c = captureIo();
    const code = await runAudit(`http://127.0.0.1:${closedPort}/`, AUDIT_OPTIONS, c.io);
    expect(code).toBe(EXIT.siteUnavailable);
    const report = JSON.parse(c.out()) as Report;
    expect(report.fatal?.code).toBe('connect');
    expect(report.checks).toEqual([]);
    // one line: what happened, then what to do, each said once
    expect(c.err()).toBe(`comune-audit: ${report.fatal?.message.it}. Verifica che il sito sia online e riprova più tardi.\n`);
  });

  it('exits 3 when the start page is not HTML', async () => {
    const c = captureIo();
    expect(await runAudit(`${site.url}/file.pdf`, AUDIT_OPTIONS, c.io)).toBe(EXIT.siteUnavailable);
    expect((JSON.parse(c.out()) as Report).fatal?.code).toBe('not-html');
  });

  it('rejects a URL that is not a web address as a usage error', async () => {
    const c = captureIo();
    await expect(runAudit('ftp://comune.example.it', AUDIT_OPTIONS, c.io)).rejects.toThrow(CliError);
    await expect(runAudit('http://exa mple', AUDIT_OPTIONS, c.io)).rejects.toMatchObject({ exitCode: EXIT.usage });
    await expect(runAudit('ht!tp://bad url', AUDIT_OPTIONS, c.io)).rejects.toMatchObject({ exitCode: EXIT.usage, message: '"ht!tp://bad url" is not a valid URL: give the comune\'s address, e.g. https://www.comune.esempio.it' });
  });

  it('takes IP addresses as hosts: an IPv6 address is tried, not refused', async () => {
    expect(await runAudit(`http://[::1]:${closedPort}/`, AUDIT_OPTIONS, captureIo().io)).toBe(EXIT.siteUnavailable);
  });

  it('writes terminal text in English when asked', async () => {
    const c = captureIo();
    await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, format: 'terminal', lang: 'en' }, c.io);
    expect(c.out()).toMatch(/Maturity index/i);
    expect(c.out()).not.toMatch(/\u001b\[/);
  });
});

describe('output files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'comune-audit-output-'));

  it('takes the format from the extension of -o when -f is not given', async () => {
    const written = async (name: string, format?: AuditCliOptions['format']) => {
      const path = join(dir, name);
      // on a terminal, where stdout alone would get terminal text
      const tty = captureIo();
      tty.io.stdout.isTTY = true;
      expect(await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, format, output: path }, tty.io)).toBe(EXIT.ok);
      expect(tty.out()).toBe('');
      return readFileSync(path, 'utf8');
    };
    expect((JSON.parse(await written('r.json')) as Report).checks.length).toBeGreaterThan(0);
    expect(await written('r.csv')).toMatch(/^Codice,Punto,Gruppo di criteri,Esito,/);
    expect(await written('r.HTML')).toMatch(/^<!doctype html>/i);
    expect(await written('r.htm')).toMatch(/^<!doctype html>/i);
    expect(await written('junit.xml')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    const text = await written('r.txt');
    expect(text).toMatch(/Indice di maturità/i);
    expect(text).not.toMatch(/\u001b\[/);
    // -f wins over the extension, and makes any extension acceptable
    expect(JSON.parse(await written('forced.csv', 'json'))).toHaveProperty('schemaVersion', 3);
    expect(await written('forced.md', 'html')).toMatch(/^<!doctype html>/i);
  });

  it('writes CSV headers and statuses as ids with --csv-ids or --lang en, as Italian names otherwise', async () => {
    const csv = async (...flags: string[]) => {
      const path = join(dir, `ids${flags.join('')}.csv`);
      const run = await runCli(['audit', `${site.url}/`, '--no-progress', '--no-classify', '--delay', '0', '--csv-separator', 'semicolon', '-o', path, ...flags]);
      expect(run.code).toBe(EXIT.ok);
      return readFileSync(path, 'utf8').split('\r\n');
    };
    const [italianHeader, ...italian] = await csv();
    expect(italianHeader).toMatch(/^Codice;Punto;Gruppo di criteri;Esito;/);
    expect(italian.join('\n')).toMatch(/;(superato|non superato|parziale|non verificabile);/);
    for (const flags of [['--csv-ids'], ['--lang', 'en']]) {
      const [header, ...rows] = await csv(...flags);
      expect(header).toMatch(/^id;point;group;status;/);
      expect(rows.join('\n')).not.toMatch(/;(superato|non superato|parziale|non verificabile);/);
    }
  });

  it('refuses an -o extension that names no format (exit 2, before any request), naming the formats', async () => {
    const before = site.requests.length;
    const refused = async (name: string) =>
      (await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, format: undefined, output: join(dir, name) }, captureIo().io).catch((e: unknown) => e)) as CliError;
    const pdf = await refused('report.pdf');
    expect(pdf).toBeInstanceOf(CliError);
    expect(pdf.exitCode).toBe(EXIT.usage);
    expect(pdf.in('it')).toBe(
      `-o ${join(dir, 'report.pdf')}: l'estensione .pdf non indica un formato; usa .json (json), .csv (csv), .html (html), .htm (html), .xml (junit), .txt (terminal), .md (markdown) oppure indica il formato con -f (terminal, json, csv, html, junit, markdown)`,
    );
    const bare = await refused('report');
    expect(bare.exitCode).toBe(EXIT.usage);
    expect(bare.in('en')).toMatch(/^-o .*report: the file has no extension; use \.json \(json\), .* or give the format with -f \(terminal, json, csv, html, junit, markdown\)$/);
    expect(site.requests.length).toBe(before);
    expect(existsSync(join(dir, 'report.pdf'))).toBe(false);
  });

  it('says on stderr where the files went, on a terminal only and not with --no-progress', async () => {
    const output = join(dir, 'said.json');
    const pagesCsv = join(dir, 'said-pages.csv');
    const withStderr = async (tty: boolean, progress: boolean) => {
      const c = captureIo();
      c.io.stderr.isTTY = tty;
      expect(await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, output, pagesCsv, progress }, c.io)).toBe(EXIT.ok);
      return c.err();
    };
    expect(await withStderr(true, true)).toBe(`comune-audit: report scritto in ${output}, ${pagesCsv}\n`);
    expect(await withStderr(true, false)).toBe('');
    expect(await withStderr(false, true)).toBe('');
  });

  it('checks -o and --pages-csv before crawling: a missing folder is exit 4 with no request made', async () => {
    const before = site.requests.length;
    for (const paths of [{ output: '/nonexistent/dir/r.json' }, { pagesCsv: '/nonexistent/dir/pages.csv' }]) {
      const error = (await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, ...paths }, captureIo().io).catch((e: unknown) => e)) as CliError;
      expect(error.exitCode).toBe(EXIT.io);
      expect(error.in('it')).toMatch(/^impossibile scrivere \/nonexistent\/dir\/(r\.json|pages\.csv) \(ENOENT\): verifica che la cartella esista e sia scrivibile$/);
    }
    expect(site.requests.length).toBe(before);
  });

  it('says so when an output path is a folder', async () => {
    const error = (await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, output: dir }, captureIo().io).catch((e: unknown) => e)) as CliError;
    expect(error.exitCode).toBe(EXIT.io);
    expect(error.in('it')).toBe(`${dir} è una cartella: indica il nome di un file, per esempio ${dir}/report.json`);
    expect(error.in('en')).toBe(`${dir} is a folder: give a file name, e.g. ${dir}/report.json`);
  });

  it('refuses -o and --pages-csv naming the same file as a usage error', async () => {
    const path = join(dir, 'same.csv');
    const error = (await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, output: path, pagesCsv: join(dir, '.', 'same.csv') }, captureIo().io).catch((e: unknown) => e)) as CliError;
    expect(error.exitCode).toBe(EXIT.usage);
    expect(error.in('en')).toBe(`-o and --pages-csv name the same file ${join(dir, 'same.csv')}: the second would overwrite the first, use two names`);
  });

  it('refuses a baseline whose audit did not run (exit 4), naming why', async () => {
    const failed = join(dir, 'failed.json');
    expect(await runAudit(`http://127.0.0.1:${closedPort}/`, { ...AUDIT_OPTIONS, output: failed }, captureIo().io)).toBe(EXIT.siteUnavailable);
    const error = (await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, baseline: failed }, captureIo().io).catch((e: unknown) => e)) as CliError;
    expect(error.exitCode).toBe(EXIT.io);
    const fatal = (JSON.parse(readFileSync(failed, 'utf8')) as Report).fatal;
    expect(error.in('it')).toBe(`${failed} non contiene controlli: l'audit che l'ha prodotto non è riuscito (${fatal?.message.it}); usa come confronto il report di un audit andato a buon fine`);
  });
});

describe('single-page audits', () => {
  it('runs only the page-level criteria of the detected page type, and honours --page-type', async () => {
    const { serveDemoSite } = await import('../../src/demo/server.js');
    const demo = await serveDemoSite();
    try {
      const detected = captureIo();
      await runAudit(`${demo.url}servizi/pagamento-tari.html`, { ...AUDIT_OPTIONS, singlePage: true }, detected.io);
      const service = JSON.parse(detected.out()) as Report;
      expect(service.pages).toHaveLength(1);
      expect(service.run.singlePage).toBe(true);
      const ids = service.checks.map((check) => check.id);
      expect(ids).toEqual(expect.arrayContaining(['C.SI.1.3', 'C.SI.2.2', 'C.SI.2.6', 'R.SI.1.1']));
      expect(ids).not.toContain('C.SI.1.6'); // a home-page criterion
      expect(ids).not.toContain('spid'); // site-wide checks need a crawl

      const forced = captureIo();
      await runAudit(`${demo.url}servizi/pagamento-tari.html`, { ...AUDIT_OPTIONS, singlePage: true, pageType: 'home' }, forced.io);
      const asHome = JSON.parse(forced.out()) as Report;
      expect(asHome.pages[0].pageType).toBe('home');
      expect(asHome.checks.map((check) => check.id)).toContain('C.SI.1.6');
    } finally {
      await demo.close();
    }
  });

  it('refuses --fail-under with --single-page: one page gives no maturity index to compare', async () => {
    const error = await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, singlePage: true, failUnder: 50 }, captureIo().io).catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: EXIT.usage });
    expect((error as CliError).in('it')).toMatch(/^--fail-under non si applica a --single-page/);
  });

  it('refuses --page-type without --single-page', async () => {
    await expect(runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, pageType: 'home' }, captureIo().io)).rejects.toMatchObject({ exitCode: EXIT.usage });
  });
});

describe('https sites', () => {
  const tls = {
    key: readFileSync(join(packageRoot, 'fixtures', 'crawl', 'tls', 'key.pem')),
    cert: readFileSync(join(packageRoot, 'fixtures', 'crawl', 'tls', 'cert.pem')),
  };

  it('refuses a self-signed certificate (exit 3), and with --insecure audits the site and reports the certificate', async () => {
    const secure = await serveRoutes(
      {
        '/': {
          headers: { 'content-type': 'text/html; charset=utf-8', 'strict-transport-security': 'max-age=31536000' },
          body: PAGE('<main><a href="/servizi">Servizi</a></main>'),
        },
        '/servizi': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE('<main><h1>Servizi</h1></main>') },
      },
      { tls },
    );
    try {
      const refused = captureIo();
      expect(await runAudit(`${secure.url}/`, AUDIT_OPTIONS, refused.io)).toBe(EXIT.siteUnavailable);
      expect((JSON.parse(refused.out()) as Report).fatal?.code).toBe('tls');

      const accepted = captureIo();
      expect(await runAudit(`${secure.url}/`, { ...AUDIT_OPTIONS, insecure: true }, accepted.io)).toBe(EXIT.ok);
      const report = JSON.parse(accepted.out()) as Report;
      expect(report.pages).toHaveLength(2);
      const security = report.checks.find((check) => check.id === 'security');
      const certificate = report.checks.find((check) => check.id === 'C.SI.5.1');
      // an untrusted certificate fails both, with the TLS facts as evidence
      expect(security?.status).toBe('fail');
      expect(certificate?.status).toBe('fail');
      expect(JSON.stringify(certificate?.evidence)).toMatch(/TLSv1\.[23]/);
    } finally {
      await secure.close();
    }
  });
});

describe('misbehaving servers', () => {
  it('exits 3 on a redirect loop at the start URL, and audits a start page cut at --max-body', async () => {
    const hostile = await serveRoutes({
      '/loop-a': { status: 302, headers: { location: '/loop-b' } },
      '/loop-b': { status: 302, headers: { location: '/loop-a' } },
      '/huge': {
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: PAGE(`<main><h1>Comune</h1><a href="/servizi">Servizi</a>${'<p>testo</p>'.repeat(200_000)}</main>`),
      },
      '/servizi': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE('<main><h1>Servizi</h1></main>') },
    });
    try {
      const loop = captureIo();
      expect(await runAudit(`${hostile.url}/loop-a`, AUDIT_OPTIONS, loop.io)).toBe(EXIT.siteUnavailable);
      expect((JSON.parse(loop.out()) as Report).fatal?.code).toBe('too-many-redirects');

      const huge = captureIo();
      expect(await runAudit(`${hostile.url}/huge`, { ...AUDIT_OPTIONS, maxBody: 64 * 1024 }, huge.io)).toBe(EXIT.ok);
      const report = JSON.parse(huge.out()) as Report;
      // the first 64 KB are read: the link at the top of the page is still followed
      expect(report.pages.map((page) => new URL(page.url).pathname)).toEqual(['/huge', '/servizi']);
    } finally {
      await hostile.close();
    }
  });
});

describe('robots.txt', () => {
  it('exits 3 when robots.txt forbids the whole site to us, and audits with --no-robots', async () => {
    const closed = await serveRoutes({
      '/': { headers: { 'content-type': 'text/html' }, body: PAGE('<main>Benvenuti</main>') },
      '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nDisallow: /\n' },
    });
    try {
      const refused = captureIo();
      expect(await runAudit(`${closed.url}/`, AUDIT_OPTIONS, refused.io)).toBe(EXIT.siteUnavailable);
      expect((JSON.parse(refused.out()) as Report).fatal?.code).toBe('robots');
      const forced = captureIo();
      expect(await runAudit(`${closed.url}/`, { ...AUDIT_OPTIONS, robots: false }, forced.io)).toBe(EXIT.ok);
    } finally {
      await closed.close();
    }
  });
});

describe('main', () => {


  it('maps a bad option value to exit code 2 with a one-line message, in Italian unless --lang en', async () => {
    const italian = await runCli(['audit', 'https://x.it', '--max-pages', 'many']);
    expect(italian.code).toBe(EXIT.usage);
    expect(italian.stderr).toBe('comune-audit: --max-pages vuole un numero intero ≥ 1, non "many"\n');
    const english = await runCli(['audit', 'https://x.it', '--lang', 'en', '--max-pages', 'many']);
    expect(english.stderr).toBe('comune-audit: --max-pages takes a whole number ≥ 1, not "many"\n');
  });
});
