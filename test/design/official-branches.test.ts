// Branches of the official checker's logic found by running it side by side with comune-audit on the same served
// sites (docs/agid-criteria.md, "Side by side"): each test pins one branch with pages written for it.
import { describe, expect, it } from 'vitest';
import { gatherGaps } from '../../rules/design/gathering.js';
import { extractAssetFacts } from '../../src/facts/assets.js';
import { CSS_URL, MODEL_ASSETS, check, designSite, edit, fixtureHtml, url } from './fixtures.js';

/** A Design Comuni Italia Drupal theme stylesheet, header laid out as the validator's regex reads it. */
const DRUPAL_THEME_CSS = [
  '/*! Theme Name: Design Comuni Italia',
  'Author: Developers Italia',
  'Description: Design Comuni Italia theme for Drupal 10',
  'Version: 1.2.0',
  'License: BSD-3-Clause',
  'Text Domain: design_comuni_italia */',
  ':root{--bootstrap-italia-version:"2.8.2"}',
].join('\n');

describe('C.SI.1.2 on a Drupal site: Drupal core classes are left out of the share', () => {
  // One Bootstrap Italia class among six of Drupal core: 14 % of the page's classes, 100 % once Drupal's are left out.
  const drupalPage = fixtureHtml('/note-legali').replace(/class="[^"]*"/g, 'class="container block-system field--name-body js-form-item region-content node--type-page view-content"');
  const asset = (text: string) => extractAssetFacts({ url: CSS_URL, kind: 'css', status: 200, text });

  it('fails the page when the stylesheet is not the Drupal theme (all classes counted)', () => {
    const result = check('C.SI.1.2', designSite({ pages: { '/note-legali': drupalPage }, extra: { assets: [asset(':root{--bootstrap-italia-version:"2.8.2"}')] } }));
    expect(result.status).toBe('fail');
    expect(result.evidence[0].note?.en).toContain('version 2.8.2; 14% of 7 unique classes from Bootstrap Italia; version from');
  });
  it('passes the same page when the stylesheet it links carries the Drupal theme header', () => {
    const result = check('C.SI.1.2', designSite({ pages: { '/note-legali': drupalPage }, extra: { assets: [asset(DRUPAL_THEME_CSS)] } }));
    expect(result.status).toBe('pass');
    const note = result.evidence.find((item) => item.url.endsWith('/note-legali'))?.note;
    expect(note?.en).toContain('100% of 7 unique classes from Bootstrap Italia (Drupal core classes left out)');
    expect(note?.it).toContain('(escluse quelle del core di Drupal)');
  });
  it('does not leave Drupal classes out when the Drupal stylesheet is not linked from the page', () => {
    const otherUrl = CSS_URL.replace('bootstrap-italia.min.css', 'drupal.css');
    const assets = [asset(':root{--bootstrap-italia-version:"2.8.2"}'), { ...asset(DRUPAL_THEME_CSS), url: otherUrl }];
    const result = check('C.SI.1.2', designSite({ pages: { '/note-legali': drupalPage }, extra: { assets } }));
    expect(result.status).toBe('fail');
  });
});

describe('pages the official checker cannot gather score 0 on every criterion auditing them', () => {
  const gaps = (site: ReturnType<typeof designSite>) => gatherGaps(site).map((gap) => gap.kind);

  it('finds every kind of page on the conforming site: nothing changes', () => {
    const site = designSite();
    expect(gaps(site)).toEqual([]);
    for (const id of ['C.SI.1.2', 'C.SI.2.2', 'C.SI.2.5', 'C.SI.3.1', 'C.SI.5.2']) expect({ id, status: check(id, site).status }).toEqual({ id, status: 'pass' });
  });
  it('services page without service-link markers: the service criteria fail, the menu ones do not', () => {
    const servizi = fixtureHtml('/servizi').replaceAll(' data-element="service-link"', '');
    const site = designSite({ pages: { '/servizi': servizi } });
    expect(gaps(site)).toEqual(['service']);
    const contacts = check('C.SI.2.2', site);
    expect(contacts).toMatchObject({ status: 'fail', message: { en: 'The official checker cannot reach: service pages' } });
    expect(contacts.evidence[0]).toMatchObject({ url: url('/servizi'), selector: 'data-element' });
    expect(contacts.evidence[0].note?.en).toBe(`no data-element="service-link" with a usable link on ${url('/servizi')}: the official checker finds no pages to audit and scores the criterion 0`);
    expect(contacts.evidence[0].note?.it).toContain('il validatore ufficiale non trova le pagine da analizzare e assegna 0 al criterio');
    // The crawled service page's own verdict follows the missing step.
    expect(contacts.evidence.some((item) => item.url === url('/servizi/carta-identita') && item.outcome === 'pass')).toBe(true);
    expect(check('C.SI.3.1', site).status).toBe('fail');
    expect(check('C.SI.2.5', site).status).toBe('pass');
  });
  it('a service-link on an element that is not a link names no service (the validator reads the href property)', () => {
    const servizi = fixtureHtml('/servizi').replaceAll(/<a (href="[^"]*") data-element="service-link">([^<]*)<\/a>/g, '<span data-element="service-link"><a $1>$2</a></span>');
    expect(gaps(designSite({ pages: { '/servizi': servizi } }))).toEqual(['service']);
  });
  it('services page without the booking link: the criteria auditing the booking page fail', () => {
    const servizi = edit('/servizi', ' data-element="appointment-booking"', '');
    const site = designSite({ pages: { '/servizi': servizi } });
    expect(gaps(site)).toEqual(['appointment-booking']);
    expect(check('C.SI.3.1', site).message.en).toBe('The official checker cannot reach: appointment booking page');
    expect(check('C.SI.2.6', site).status).toBe('pass');
  });
  it('services page answering 404: no service, no booking page, and no second-level page of the Servizi section', () => {
    const site = designSite({ statuses: { '/servizi': 404 } });
    expect(gaps(site)).toEqual(['service', 'appointment-booking', 'second-level-page']);
    expect(gatherGaps(site)[0].why.en).toBe(`the services page ${url('/servizi')} does not answer`);
  });
  it('home without one of the four menu markers: first-level pages cannot be gathered', () => {
    const home = edit('/', ' data-element="news"', '');
    const site = designSite({ pages: { '/': home } });
    expect(gaps(site)).toEqual(['first-level-page']);
    const result = check('C.SI.2.5', site);
    expect(result).toMatchObject({ status: 'fail', message: { en: 'The official checker cannot reach: first-level pages' } });
    expect(result.evidence[0].note?.en).toContain('no data-element="news" with a usable link on homepage');
    expect(check('C.SI.2.2', site).status).toBe('pass');
  });
  it('a first-level page without its second-level markers: second-level pages cannot be gathered', () => {
    const amministrazione = fixtureHtml('/amministrazione').replaceAll(' data-element="management-category-link"', '');
    const site = designSite({ pages: { '/amministrazione': amministrazione } });
    expect(gaps(site)).toEqual(['second-level-page']);
    expect(check('C.SI.1.1', site)).toMatchObject({ status: 'fail', message: { en: 'The official checker cannot reach: second-level pages' } });
  });
  it('claims no gap for a step whose page the crawl did not fetch (not judged)', () => {
    expect(gaps(designSite({ pages: { '/amministrazione': null, '/servizi': null } }))).toEqual([]);
  });
  it('claims no gap in a single-page audit', () => {
    const home = edit('/', ' data-element="news"', '');
    expect(gaps(designSite({ pages: { '/': home }, extra: { singlePage: true } }))).toEqual([]);
  });
});

describe('C.SI.2.5 second-level pages that answer an error', () => {
  it('fails a second-level page linked from a first-level page that answers 404 (the official checker audits the error page)', () => {
    const site = designSite({ add: { '/amministrazione/organi-di-governo': '<h1>Pagina non trovata</h1>' }, statuses: { '/amministrazione/organi-di-governo': 404 } });
    const result = check('C.SI.2.5', site);
    expect(result).toMatchObject({ status: 'fail', score: 0 });
    expect(result.evidence[0]).toMatchObject({ url: url('/amministrazione/organi-di-governo'), snippet: '404', outcome: 'fail' });
    expect(result.evidence[0].note?.en).toBe(
      `the first- or second-level page linked (management-category-link) from ${url('/amministrazione')} answered 404: the official checker looks for the rating component there and finds none`,
    );
  });
  it('ignores a 404 page no menu marker leads to (near miss)', () => {
    const site = designSite({ add: { '/vecchia-pagina': '<h1>Pagina non trovata</h1>' }, statuses: { '/vecchia-pagina': 404 } });
    expect(check('C.SI.2.5', site).status).toBe('pass');
  });
});

describe('C.SI.2.5 / C.SI.2.6 follow-up questions that cannot follow the rating', () => {
  it('fails a rating widget on a page without any script: the official checker clicks each rating and the wrong follow-up shows', () => {
    const html = fixtureHtml('/amministrazione').replace(/<script>[\s\S]*?<\/script>\n/, '');
    const result = check('C.SI.2.5', designSite({ pages: { '/amministrazione': html } }));
    expect(result).toMatchObject({ status: 'fail', score: 0 });
    expect(result.evidence[0].url).toBe(url('/amministrazione'));
    expect(result.evidence[0].note?.en).toContain('no script on the page: the follow-up questions cannot follow the rating');
  });
  it('passes the same widget when the page loads a script (the switch is then assumed, not exercised)', () => {
    const html = fixtureHtml('/amministrazione').replace(/<script>[\s\S]*?<\/script>\n/, '<script src="/assets/js/bootstrap-italia.bundle.min.js"></script>\n');
    expect(check('C.SI.2.5', designSite({ pages: { '/amministrazione': html } })).status).toBe('pass');
  });
  it('does not count a JSON-LD block as a script (near miss)', () => {
    const html = fixtureHtml('/servizi/carta-identita').replace(/<script>[\s\S]*?<\/script>\n/, '');
    expect(html).toContain('application/ld+json');
    expect(check('C.SI.2.6', designSite({ pages: { '/servizi/carta-identita': html } })).status).toBe('fail');
  });
});

describe('C.SI.1.1 with no stylesheet and no declared font', () => {
  const broken = [{ ...MODEL_ASSETS[0], fontFamilies: [], error: { code: 'http' as const, message: { it: 'HTTP 404', en: 'HTTP 404' } } }];
  const withoutStyle = (path: string) => fixtureHtml(path).replace(/<style>[^<]*<\/style>/, '');
  const allPages = ['/', '/amministrazione', '/novita', '/servizi', '/vivere-il-comune', '/amministrazione/uffici', '/servizi/carta-identita', '/argomenti', '/note-legali', '/prenotazione-appuntamento'];
  const unstyled = Object.fromEntries(allPages.map((path) => [path, withoutStyle(path)]));

  it('fails when every stylesheet of the home failed to load: the browser shows its default font', () => {
    const result = check('C.SI.1.1', designSite({ pages: unstyled, extra: { assets: broken } }));
    expect(result).toMatchObject({ status: 'fail', score: 0, approximate: true });
    expect(result.message.en).toBe('No font declared: the browser shows its default font (usually Times New Roman)');
    expect(result.evidence[0].note?.en).toContain("none of the home page's 1 stylesheets answers and no page declares a font");
  });
  it('fails when the home links no stylesheet at all', () => {
    const home = unstyled['/'].replace(/<link rel="stylesheet"[^>]*>/, '');
    const result = check('C.SI.1.1', designSite({ pages: { ...unstyled, '/': home }, extra: { assets: [] } }));
    expect(result.status).toBe('fail');
    expect(result.evidence[0].note?.en).toContain('the home page links no stylesheet and no page declares a font');
  });
  it('stays unknown when the home links a stylesheet the crawl did not fetch', () => {
    expect(check('C.SI.1.1', designSite({ pages: unstyled, extra: { assets: [] } })).status).toBe('unknown');
  });
  it('stays unknown when a stylesheet loaded but declares no font (it may import one)', () => {
    const loaded = [{ ...MODEL_ASSETS[0], fontFamilies: [] }];
    expect(check('C.SI.1.1', designSite({ pages: unstyled, extra: { assets: loaded } })).status).toBe('unknown');
  });
});
