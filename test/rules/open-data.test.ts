import { describe, expect, it } from 'vitest';
import openData from '../../rules/open-data.js';
import { fixtureSite, onePage, url } from './site.js';

describe('open-data', () => {
  it('passes with the transparency section and open data (CSV, JSON, dati.gov.it), and notes the CC-BY licence', () => {
    const site = fixtureSite([
      { fixture: 'open-data/home.html', path: '/' },
      { fixture: 'open-data/open-data.html', path: '/amministrazione/dati-aperti' },
    ]);
    const result = openData.check(site);
    expect(result.status).toBe('pass');
    expect(result.score).toBe(1);
    expect(result.details).toMatchObject({ transparencySection: true, openDataPortalLinks: 1, openFormatFiles: 2, openFormats: ['csv', 'json'], ccBy40: true });
    expect(result.evidence[0]).toEqual({
      url: url('/'),
      selector: '#footer a[href="/amministrazione-trasparente"]',
      snippet: 'Amministrazione trasparente → https://www.comune.esempio.it/amministrazione-trasparente',
      note: { it: 'Amministrazione trasparente', en: 'Amministrazione trasparente (transparency section)' },
    });
    expect(result.evidence.map((ev) => ev.note?.en)).toEqual(
      expect.arrayContaining(['open-data portal', 'open format: csv', 'open format: json', 'CC-BY 4.0 licence']),
    );
  });

  it('is partial when the transparency section holds only PDFs', () => {
    const result = openData.check(onePage('open-data/only-pdf.html', '/amministrazione-trasparente/bilanci'));
    expect(result.status).toBe('partial');
    expect(result.details).toMatchObject({ pdfFiles: 2, openFormatFiles: 0 });
    expect(result.message.en).toContain('(PDF only)');
  });

  it('does not take an RSS feed or a sitemap for open data', () => {
    const result = openData.check(onePage('open-data/feeds.html'));
    expect(result.status).toBe('fail');
    expect(result.details).toMatchObject({ openFormatFiles: 0, transparencySection: false });
  });
});
