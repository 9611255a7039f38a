// audit --browser reads the AGID accessibility statement as the official checker does (C.SI.3.2): the address
// (an old /view/<uuid> one resolved through AGID's API) and the text tests. The page is served on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/fonts.js';
import { judgeStatementText, oldStatementApi, publishedStatementUrl, readStatement, statementDomain, statementLink } from '../../src/browser/statement.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { designSite, edit } from '../design/fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('the statement address and text, as the official checker tests them', () => {
  it('takes the home footer link to form.agid.gov.it, and no other', () => {
    expect(statementLink(designSite())).toBe('https://form.agid.gov.it/view/0000-bergamo');
    expect(statementLink(designSite({ pages: { '/': edit('/', 'https://form.agid.gov.it/view/0000-bergamo', 'https://www.comune.bergamo.it/accessibilita') } }))).toBeNull();
  });
  it('resolves an old /view/<uuid> address through the API, escaping the slashes inside the published id', () => {
    expect(oldStatementApi('https://form.agid.gov.it/view/3f2a1b4c-0d5e-4f6a-8b7c-9d0e1f2a3b4c')).toBe(
      'https://form.agid.gov.it/api/v1/agid-form/dichiarazione-accessibilita/dichiarazione-by-old-id/3f2a1b4c-0d5e-4f6a-8b7c-9d0e1f2a3b4c',
    );
    expect(oldStatementApi('https://form.agid.gov.it/view/0000-bergamo')).toBeNull();
    expect(publishedStatementUrl('dichiarazione-accessibilita/comune/di/bergamo/dichiarazione')).toBe('https://form.agid.gov.it/dichiarazione-accessibilita/comune%2fdi%2fbergamo/dichiarazione');
  });
  it('searches the host without www. (port included) and "WCAG 2.1", "wcag-21" or "WCAG 2.2"', () => {
    expect(statementDomain('https://www.comune.bergamo.it/')).toBe('comune.bergamo.it');
    expect(statementDomain('http://127.0.0.1:8080/')).toBe('127.0.0.1:8080');
    expect(judgeStatementText('Sito comune.bergamo.it conforme alle WCAG 2.1', 'comune.bergamo.it')).toEqual({ namesDomain: true, namesWcag: true });
    expect(judgeStatementText('Sito www.comune.brescia.it, WCAG 2.0', 'comune.bergamo.it')).toEqual({ namesDomain: false, namesWcag: false });
  });
});

describe('readStatement in Chromium', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    if (!findChromium(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
    server = await serveRoutes({
      // The text is written by a script: only a rendered page shows it.
      '/dichiarazione': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!doctype html><html><body><main id="m"></main><script>document.getElementById("m").textContent = "Dichiarazione del sito comune.bergamo.it: conforme alle WCAG 2.1";</script></body></html>' },
    });
  }, 30_000);
  afterAll(async () => server?.close());

  it('reads the rendered text, and records an error status as unreadable', async () => {
    const options = { chromium: CHROMIUM, timeoutMs: 20_000 };
    const read = await readStatement(`${server.url}/dichiarazione`, 'https://www.comune.bergamo.it/', options);
    expect(read).toEqual({ href: `${server.url}/dichiarazione`, url: `${server.url}/dichiarazione`, domain: 'comune.bergamo.it', namesDomain: true, namesWcag: true });
    const missing = await readStatement(`${server.url}/altro`, 'https://www.comune.bergamo.it/', options);
    expect(missing).toMatchObject({ error: 'HTTP 404', namesDomain: false, namesWcag: false });
  }, 60_000);
});
