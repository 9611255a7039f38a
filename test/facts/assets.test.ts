import { describe, expect, it } from 'vitest';
import { extractAssetFacts, fontFamiliesIn } from '../../src/facts/assets.js';

describe('asset facts', () => {
  it('reads the Bootstrap Italia version from the CSS custom property and from the JS bundle', () => {
    const css = extractAssetFacts({ url: 'https://x.it/bi.css', kind: 'css', status: 200, text: ':root{--bootstrap-italia-version: "2.8.2";}' });
    const js = extractAssetFacts({ url: 'https://x.it/bi.js', kind: 'js', status: 200, text: 'window.BOOTSTRAP_ITALIA_VERSION="2.3.1";' });
    const none = extractAssetFacts({ url: 'https://x.it/bs.css', kind: 'css', status: 200, text: '/*! Bootstrap v5.2.3 */' });
    expect([css.bootstrapItaliaVersion, js.bootstrapItaliaVersion, none.bootstrapItaliaVersion]).toEqual(['2.8.2', '2.3.1', null]);
  });

  it('collects font-family declarations and family lists held in font custom properties, not sizes or var() uses', () => {
    const css = ':root{--bs-font-sans-serif: "Titillium Web", Geneva, sans-serif;--bs-font-size-base:1rem}' +
      'body{font-family: var(--bs-font-sans-serif)} h1{font-family:Lora,Georgia,serif !important} code{font-family:"Roboto Mono",monospace}';
    expect(fontFamiliesIn(css)).toEqual(['"Titillium Web", Geneva, sans-serif', 'Lora,Georgia,serif', '"Roboto Mono",monospace']);
  });

  it('reads a WordPress theme header with its whole comment kept for the official regex', () => {
    const text = '/*!\nTheme Name: Design Comuni Italia\nAuthor: x\nDescription: Design Comuni Italia per WordPress\nVersion: 1.2.0\nLicense: AGPL\nText Domain: design_comuni_italia\n*/\nbody{}';
    const facts = extractAssetFacts({ url: 'https://x.it/style.css', kind: 'css', status: 200, text });
    expect(facts.themeHeader).toMatchObject({ name: 'Design Comuni Italia', version: '1.2.0' });
    expect(facts.themeHeader?.raw.startsWith('/*!')).toBe(true);
    expect(facts.themeHeader?.raw.endsWith('*/')).toBe(true);
  });
});
