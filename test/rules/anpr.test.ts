import { describe, expect, it } from 'vitest';
import anpr from '../../rules/anpr.js';
import { fixtureSite, onePage, url } from './site.js';

describe('anpr', () => {
  it('passes on a link to the ANPR online certificates', () => {
    const result = anpr.check(onePage('anpr/certificates.html', '/servizi/certificati'));
    expect(result.status).toBe('pass');
    expect(result.score).toBe(1);
    expect(result.evidence).toEqual([
      {
        url: url('/servizi/certificati'),
        selector: '[data-element="service-online-access"]',
        snippet: 'Scarica i certificati online → https://www.anagrafenazionale.interno.it/servizi-al-cittadino/',
        note: { it: 'servizi al cittadino di ANPR', en: 'ANPR citizen services' },
      },
    ]);
  });

  it('is partial when ANPR is only named on the registry-office page', () => {
    const result = anpr.check(onePage('anpr/mention.html', '/amministrazione/anagrafe'));
    expect(result.status).toBe('partial');
    expect(result.evidence[0]).toEqual({
      url: url('/amministrazione/anagrafe'),
      selector: 'text',
      snippet: "I dati anagrafici sono registrati in ANPR, l'Anagrafe nazionale della popolazione residente.",
    });
  });

  it('does not count ANPR named in a news article', () => {
    const result = anpr.check(onePage('anpr/news.html', '/novita/notizie/anpr'));
    expect(result.status).toBe('fail');
    expect(result.evidence[0].note?.en).toBe('news article: not counted');
  });

  it('fails on a site with no sign of the online service, unknown for a single page', () => {
    expect(anpr.check(onePage('common/plain.html', '/uffici/tecnico')).status).toBe('fail');
    expect(anpr.check(onePage('common/plain.html', '/uffici/tecnico', { singlePage: true })).status).toBe('unknown');
  });

  it('reports the ANPR link from the page where it was first seen', () => {
    const site = fixtureSite([
      { fixture: 'anpr/mention.html', path: '/' },
      { fixture: 'anpr/certificates.html', path: '/servizi/certificati' },
    ]);
    const result = anpr.check(site);
    expect(result.status).toBe('pass');
    expect(result.evidence.map((ev) => ev.url)).toEqual([url('/servizi/certificati')]);
  });
});
