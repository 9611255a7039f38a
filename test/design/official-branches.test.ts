// Branches of the official checker's logic found by running it side by side with comune-audit on the same served
// sites (docs/agid-criteria.md, "Side by side"): each test pins one branch with pages written for it.
import { describe, expect, it } from 'vitest';
import { extractAssetFacts } from '../../src/facts/assets.js';
import { CSS_URL, check, designSite, fixtureHtml } from './fixtures.js';

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
