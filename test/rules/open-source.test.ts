import { describe, expect, it } from 'vitest';
import openSource from '../../rules/open-source.js';
import type { AssetFacts } from '../../src/types.js';
import { onePage, url } from './site.js';

const themeCss: AssetFacts = {
  url: url('/wp-content/themes/design-comuni-italia/style.css'),
  kind: 'css',
  bootstrapItaliaVersion: null,
  fontFamilies: [],
  themeHeader: { name: 'Design Comuni Italia', version: '1.9.4', raw: '/*! Theme Name: Design Comuni Italia … */' },
};

describe('open-source', () => {
  it('passes on the Design Comuni Italia theme found by asset path, and names the CMS', () => {
    const result = openSource.check(onePage('open-source/theme.html'));
    expect(result.status).toBe('pass');
    expect(result.score).toBe(1);
    expect(result.evidence[0]).toEqual({
      url: url('/'),
      selector: 'link[rel=stylesheet]',
      snippet: url('/wp-content/themes/design-comuni-italia/assets/css/bootstrap-italia-comuni.css?ver=2.3.1'),
      note: { it: 'percorso di un tema del catalogo', en: 'catalogue theme asset path' },
    });
    expect(result.details).toMatchObject({ catalogueTheme: true, openSourceCms: ['WordPress'] });
  });

  it('passes on the theme header of a fetched stylesheet', () => {
    const result = openSource.check(onePage('common/plain.html', '/', { assets: [themeCss] }));
    expect(result.status).toBe('pass');
    expect(result.evidence[0]).toEqual({ url: themeCss.url, selector: 'theme-header', snippet: 'Theme Name: Design Comuni Italia 1.9.4' });
  });

  it('passes on reuse links (Developers Italia, publiccode.yml)', () => {
    const result = openSource.check(onePage('open-source/reuse.html', '/amministrazione/riuso'));
    expect(result.status).toBe('pass');
    expect(result.details).toMatchObject({ reuseLinks: 2 });
    expect(result.evidence.map((ev) => ev.snippet)).toContain('publiccode.yml → https://github.com/comune-esempio/segnalazioni/blob/main/publiccode.yml');
  });

  it('is partial for an open-source CMS with a theme outside the catalogue', () => {
    const result = openSource.check(onePage('open-source/wordpress.html'));
    expect(result.status).toBe('partial');
    expect(result.evidence).toEqual([{ url: url('/'), selector: 'meta[name=generator]', snippet: 'WordPress 6.5.2', note: { it: 'WordPress', en: 'WordPress' } }]);
  });

  it('is unknown, never fail, when nothing recognisable is visible', () => {
    const result = openSource.check(onePage('common/plain.html'));
    expect(result.status).toBe('unknown');
    expect(result.score).toBeNull();
  });
});
