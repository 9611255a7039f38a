// --single-page says which page kind it detected and why, in every format, and runs every criterion of that kind.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/audit.js';
import { rulesForPageType } from '../../rules/design/index.js';
import type { Report } from '../../src/types.js';
import { packageRoot } from '../../src/util/paths.js';
import { serveDirectory, type FixtureServer } from '../helpers/fixture-server.js';
import { AUDIT_OPTIONS, captureIo } from '../helpers/cli.js';

let model: FixtureServer;

beforeAll(async () => {
  model = await serveDirectory(join(packageRoot, 'fixtures', 'modello-comuni', 'site'));
});

afterAll(async () => {
  await model.close();
});

async function audit(path: string, options: Partial<typeof AUDIT_OPTIONS> = {}): Promise<string> {
  const c = captureIo();
  await runAudit(`${model.url}${path}`, { ...AUDIT_OPTIONS, singlePage: true, ...options }, c.io);
  return c.out();
}

describe('--single-page on the model’s home served at /sito/homepage.html', () => {
  it('detects a home by its content and reports every criterion of a home, with the signals in JSON', async () => {
    const report = JSON.parse(await audit('/sito/homepage.html')) as Report;
    expect(report.pages[0].pageType).toBe('home');
    expect(report.pages[0].pageTypeSignals.map((signal) => signal.en)).toEqual([
      'no breadcrumb: trails start at the home',
      'the title "Nome del Comune" names only the organisation or the home',
      'the main heading "Nome del comune" names nothing else',
    ]);
    const homeCriteria = rulesForPageType('home').map((rule) => rule.meta.id);
    expect(homeCriteria.length).toBeGreaterThan(rulesForPageType('other').length);
    expect(report.checks.map((check) => check.id)).toEqual(homeCriteria);
  });

  it('says the kind and why on the terminal, in HTML, in the pages CSV and in JUnit', async () => {
    const terminal = await audit('/sito/homepage.html', { format: 'terminal' });
    expect(terminal.replace(/\s+/g, ' ')).toContain('Tipo di pagina home page — perché: nessuna briciola di pane: le briciole partono dalla home;');
    const html = await audit('/sito/homepage.html', { format: 'html', lang: 'en' });
    expect(html).toContain('<dt>Page kind</dt><dd>home page — why: no breadcrumb: trails start at the home;');
    const dir = mkdtempSync(join(tmpdir(), 'single-page-kind-'));
    const pagesCsv = join(dir, 'pages.csv');
    const junit = await audit('/sito/homepage.html', { format: 'junit', pagesCsv });
    expect(junit).toContain('<property name="Tipo di pagina" value="home page — perché: nessuna briciola di pane');
    const [header, row] = readFileSync(pagesCsv, 'utf8').split('\r\n');
    const column = header.split(',').indexOf('Perché questo tipo');
    expect(column).toBeGreaterThan(0);
    expect(row).toContain(',home page,"nessuna briciola di pane: le briciole partono dalla home; il titolo ""Nome del Comune"" nomina solo');
  });
});

describe('--single-page on a step of an online form', () => {
  it('is a form step, not a service sheet: no service-sheet criteria', async () => {
    const report = JSON.parse(await audit('/servizi/permessi-dati-personali.html')) as Report;
    expect(report.pages[0].pageType).toBe('form-step');
    expect(report.pages[0].pageTypeSignals.map((signal) => signal.it)).toEqual(['la pagina usa il componente a passi (class="cmp-nav-steps")', 'passo 2 di 4']);
    expect(report.checks.map((check) => check.id)).not.toContain('C.SI.1.3');
  });

  it('--page-type decides, and the report still shows what the page looked like', async () => {
    const report = JSON.parse(await audit('/servizi/permessi-dati-personali.html', { pageType: 'service' })) as Report;
    expect(report.pages[0].pageType).toBe('service');
    expect(report.pages[0].pageTypeSignals.map((signal) => signal.en)).toEqual([
      'type given with --page-type service',
      'detected from the page: form-step (the page uses the step component (class="cmp-nav-steps"); step 2 of 4)',
    ]);
    expect(report.checks.map((check) => check.id)).toContain('C.SI.1.3');
  });
});
