// audit --browser: computed fonts read in Chromium (pages served on 127.0.0.1), and C.SI.1.1 decided from them the
// way the official checker decides it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSample, findChromium, modelFonts, renderFonts } from '../../src/browser/fonts.js';
import { runAudit } from '../../src/cli/audit.js';
import { CliError, EXIT } from '../../src/cli/errors.js';
import { AUDIT_OPTIONS, captureIo } from '../helpers/cli.js';
import type { BrowserFacts, BrowserPageFacts } from '../../src/types.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { check, designSite, url } from '../design/fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HTML = (style: string, body: string) => `<!doctype html><html lang="it"><head><meta charset="utf-8"><style>${style}</style></head><body>${body}</body></html>`;
const MODEL = 'body { font-family: "Titillium Web", Geneva, sans-serif; }';

describe('renderFonts in Chromium', () => {
  let server: FixtureServer;
  let facts: BrowserFacts;

  beforeAll(async () => {
    const page = (body: string) => ({ headers: { 'content-type': 'text/html; charset=utf-8' }, body });
    server = await serveRoutes({
      '/model': page(HTML(MODEL, '<h1>Comune</h1><p>Testo <a href="/">link</a></p>')),
      // A stylesheet rule, not an inline style: only a browser sees that it reaches the paragraph.
      '/sheet': page(HTML(`${MODEL} p { font-family: Arial, sans-serif; }`, '<h1>Comune</h1><p>Testo</p>')),
      '/inside': page(HTML(`${MODEL} .note { font-family: "Courier New", monospace; }`, '<h2>Orari <span class="note">9-12</span></h2>')),
      '/unstyled': page('<!doctype html><html><body><h1>Non trovata</h1></body></html>'),
    });
    if (!findChromium(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
    const urls = ['/model', '/sheet', '/inside', '/unstyled', '/missing'].map((path) => `${server.url}${path}`);
    facts = await renderFonts(urls, { chromium: CHROMIUM, allowedFonts: modelFonts(), timeoutMs: 20_000 });
  }, 60_000);
  afterAll(async () => server?.close());

  const at = (path: string) => facts.pages.find((page) => page.url === `${server.url}${path}`)!;

  it('names the Chromium that rendered the pages', () => {
    expect(facts.chromium).toMatch(/^Chromium \d+\./);
  });
  it('finds nothing wrong on a page in the model font, and counts its headings and paragraphs', () => {
    expect(at('/model')).toMatchObject({ textElements: 2, wrongFonts: [] });
  });
  it('reads a stylesheet rule that puts another font on a paragraph (what a static read cannot)', () => {
    expect(at('/sheet').wrongFonts).toEqual([{ family: 'Arial', inside: false }]);
  });
  it('tells a wrong font inside a heading from one on the heading', () => {
    expect(at('/inside').wrongFonts).toEqual([{ family: 'Courier New', inside: true }]);
  });
  it('sees the browser default on an unstyled page', () => {
    expect(at('/unstyled').wrongFonts).toHaveLength(1);
    expect(at('/unstyled').wrongFonts[0].inside).toBe(false);
  });
  it('renders a page answering 404 as the browser shows it (the official checker audits it too)', () => {
    expect(at('/missing').error).toBeUndefined();
  });
});

describe('C.SI.1.1 from the browser pass', () => {
  const rendered = (pages: BrowserPageFacts[]): BrowserFacts => ({ chromium: 'Chromium 156.0.0.0', pages });
  const ok = (path: string): BrowserPageFacts => ({ url: url(path), textElements: 3, wrongFonts: [] });

  it('passes when every rendered page shows model fonts, and is not approximate', () => {
    const result = check('C.SI.1.1', designSite({ extra: { browser: rendered([ok('/'), ok('/amministrazione')]) } }));
    expect(result).toMatchObject({ status: 'pass', score: 1 });
    expect(result.approximate).toBeUndefined();
    expect(result.evidence[0].note?.en).toBe("3 headings and paragraphs in the model's fonts (computed in Chromium 156.0.0.0)");
  });
  it('fails a page whose heading or paragraph is in another font (worst page wins)', () => {
    const bad = { url: url('/novita'), textElements: 4, wrongFonts: [{ family: 'Arial', inside: false }, { family: 'Verdana', inside: true }] };
    const result = check('C.SI.1.1', designSite({ extra: { browser: rendered([ok('/'), bad]) } }));
    expect(result).toMatchObject({ status: 'fail', score: 0 });
    expect(result.evidence[0]).toMatchObject({ url: url('/novita'), snippet: 'Arial', outcome: 'fail' });
    expect(result.evidence[0].note?.en).toBe('1 of 4 headings or paragraphs in another font (computed in Chromium 156.0.0.0)');
  });
  it('is partial when another font is only inside headings or paragraphs', () => {
    const inside = { url: url('/novita'), textElements: 4, wrongFonts: [{ family: 'Courier New', inside: true }] };
    const result = check('C.SI.1.1', designSite({ extra: { browser: rendered([ok('/'), inside]) } }));
    expect(result).toMatchObject({ status: 'partial', score: 0.5 });
    expect(result.evidence[0].snippet).toBe('Courier New');
  });
  it('fails a page the browser could not render', () => {
    const broken = { url: url('/novita'), error: 'net::ERR_CONNECTION_REFUSED', textElements: 0, wrongFonts: [] };
    const result = check('C.SI.1.1', designSite({ extra: { browser: rendered([ok('/'), broken]) } }));
    expect(result.status).toBe('fail');
    expect(result.evidence[0].note?.en).toContain('page not rendered in Chromium 156.0.0.0: net::ERR_CONNECTION_REFUSED');
  });
  it('fails on an error page a marked link leads to when it shows another font, saying it answered an error', () => {
    const notFound = '<!doctype html><html><body><h1>Not found</h1></body></html>';
    const site = designSite({ add: { '/area-personale': notFound }, statuses: { '/area-personale': 404 } });
    const unstyled = { url: url('/area-personale'), textElements: 1, wrongFonts: [{ family: 'Times New Roman', inside: false }] };
    const result = check('C.SI.1.1', { ...site, browser: rendered([ok('/'), unstyled]) });
    expect(result.status).toBe('fail');
    expect(result.evidence[0]).toMatchObject({ url: url('/area-personale'), snippet: 'Times New Roman' });
    expect(result.evidence[0].note?.en).toBe('1 of 1 headings or paragraphs in another font (computed in Chromium 156.0.0.0); the page answered 404, read as the official checker reads it');
  });
  it('keeps the static approximation without the browser pass, saying how to enable it', () => {
    const result = check('C.SI.1.1', designSite());
    expect(result.approximate).toBe(true);
    expect(result.evidence[0].note?.en).toContain('(audit --browser reads them in Chromium)');
  });
});

describe('the pages the browser pass renders', () => {
  it('takes the home, then the first two pages of each kind the official checker reads fonts on', () => {
    const sample = browserSample(designSite());
    expect(sample).toEqual([url('/'), url('/amministrazione'), url('/novita'), url('/servizi'), url('/amministrazione/uffici'), url('/servizi/carta-identita')]);
  });
  it('adds the first marked link of each kind that answered an HTTP error: the official checker reads those pages too', () => {
    const notFound = '<!doctype html><html><body><h1>Not found</h1></body></html>';
    const missing = ['/servizi/mensa-scolastica', '/servizi/cambio-residenza', '/area-personale', '/vecchia-pagina'];
    const site = designSite({ add: Object.fromEntries(missing.map((path) => [path, notFound])), statuses: Object.fromEntries(missing.map((path) => [path, 404])) });
    // Service links: the first failing one by URL; the login link; a 404 page no marker leads to is left out.
    expect(browserSample(site)).toEqual([
      url('/'), url('/amministrazione'), url('/novita'), url('/servizi'), url('/amministrazione/uffici'), url('/servizi/carta-identita'),
      url('/servizi/cambio-residenza'), url('/area-personale'),
    ]);
  });
  it('finds Chromium only where it is', () => {
    expect(findChromium('/no/such/chromium')).toBeNull();
  });
});

describe('audit --browser --chromium PATH', () => {
  it('stops with a usage error naming the path when no Chromium is there, before any request', async () => {
    const error = await runAudit('http://127.0.0.1:9/', { ...AUDIT_OPTIONS, browser: true, chromium: '/no/such/chromium' }, captureIo().io).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT.usage);
    expect((error as CliError).in('it')).toBe('--chromium: nessun Chromium in /no/such/chromium: indica il percorso del suo eseguibile');
    expect((error as CliError).in('en')).toBe('--chromium: no Chromium at /no/such/chromium: give the path of its executable');
  });
});
