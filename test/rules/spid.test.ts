import { describe, expect, it } from 'vitest';
import spid from '../../rules/spid.js';
import { fixtureSite, onePage, url } from './site.js';

describe('spid', () => {
  it('passes on the SPID button kit and its "Entra con SPID" link', () => {
    const result = spid.check(onePage('spid/login-button.html', '/servizi/accesso'));
    expect(result.status).toBe('pass');
    expect(result.score).toBe(1);
    expect(result.evidence).toContainEqual({ url: url('/servizi/accesso'), selector: '.spid-idp-button', snippet: 'class="spid-idp-button"' });
    expect(result.evidence.some((ev) => ev.snippet.startsWith('Entra con SPID →'))).toBe(true);
  });

  it('passes on the model login page (button with the "Entra con SPID" image)', () => {
    const result = spid.check(onePage('../modello-comuni/site/servizi/accesso-servizio.html', '/servizi/accesso-servizio.html'));
    expect(result.status).toBe('pass');
    expect(result.evidence[0]).toEqual({
      url: url('/servizi/accesso-servizio.html'),
      selector: 'img[src="../assets/images/spid.svg"]',
      snippet: 'alt="Entra con SPID"',
    });
  });

  it('passes on a short "Entra con SPID" button label, not only on links', () => {
    const result = spid.check(onePage('spid/button-text.html', '/area-personale'));
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([{ url: url('/area-personale'), selector: 'text', snippet: 'Entra con SPID', note: { it: 'testo del pulsante', en: 'button text' } }]);
  });

  it('does not take a CIE button built from the SPID kit (class "button-spid") for SPID', () => {
    const result = spid.check(onePage('cie/gateway-button.html', '/accedi'));
    expect(result.status).toBe('fail');
    expect(result.details).toMatchObject({ logins: 0, mentions: 0 });
  });

  it('is partial when SPID is only named in a service page', () => {
    const result = spid.check(onePage('spid/mention.html', '/servizi/bonus-idrico'));
    expect(result.status).toBe('partial');
    expect(result.score).toBe(0.5);
    expect(result.evidence[0].snippet).toContain('identità digitale SPID');
    expect(result.evidence[1]).toMatchObject({ note: { it: 'sito informativo, non un accesso', en: 'information site, not a login' }, snippet: expect.stringContaining('www.spid.gov.it') });
  });

  it('is partial, not pass, for "Accedi con SPID" to another body’s site', () => {
    const result = spid.check(onePage('spid/third-party.html', '/servizi/assegno-unico'));
    expect(result.status).toBe('partial');
    expect(result.details).toMatchObject({ logins: 0, thirdPartyLogins: 1 });
    expect(result.evidence.find((ev) => ev.note?.en === 'login on another body’s site')?.snippet).toContain('https://www.inps.it/');
  });

  it('is partial on a personal-area login whose page is off-site', () => {
    const result = spid.check(onePage('spid/personal-area.html', '/servizi'));
    expect(result.status).toBe('partial');
    expect(result.evidence).toEqual([
      {
        url: url('/servizi'),
        selector: '[data-element="personal-area-login"]',
        snippet: "Accedi all'area personale → https://sportello.comune-esempio.hosting.it/login",
        note: { it: 'accesso all’area personale: modalità di accesso non visibili', en: 'personal-area login: methods not visible' },
      },
    ]);
  });

  it('does not count a news article about SPID, even with "Entra con SPID" image and login link', () => {
    const result = spid.check(onePage('spid/news.html', '/novita/notizie/spid-inps'));
    expect(result.status).toBe('fail');
    expect(result.score).toBe(0);
    expect(result.details).toMatchObject({ logins: 0, mentions: 0, newsMentions: 1 });
    expect(result.evidence).toEqual([
      { url: url('/novita/notizie/spid-inps'), selector: 'text', snippet: 'Dal 1° ottobre serve lo SPID per i servizi INPS', note: { it: 'notizia: non conteggiata', en: 'news article: not counted' } },
    ]);
  });

  it('fails with the sentence as evidence when the site says SPID is not available yet', () => {
    const result = spid.check(onePage('spid/not-active.html', '/servizi/passo-carrabile'));
    expect(result.status).toBe('fail');
    expect(result.evidence[0]).toEqual({ url: url('/servizi/passo-carrabile'), selector: 'text', snippet: "L'accesso con SPID non è ancora disponibile;" });
  });

  it('passes on a link to an identity provider\'s authentication endpoint (Intesi Group), not on its home page', () => {
    const endpoint = spid.check(onePage('spid/provider-endpoint.html', '/sportello'));
    expect(endpoint.status).toBe('pass');
    expect(endpoint.evidence[0].snippet).toContain('https://spid.intesigroup.com/login?');
    const home = spid.check(onePage('spid/provider-home.html', '/identita-digitale'));
    expect(home.status).toBe('fail');
    expect(home.details).toMatchObject({ logins: 0 });
  });

  it('fails on a crawled site with no SPID at all, and is unknown for a single-page audit', () => {
    const crawled = spid.check(onePage('common/plain.html', '/uffici/tecnico'));
    expect(crawled.status).toBe('fail');
    expect(crawled.evidence).toEqual([]);
    const single = spid.check(onePage('common/plain.html', '/uffici/tecnico', { singlePage: true }));
    expect(single.status).toBe('unknown');
    expect(single.score).toBeNull();
  });

  it('finds the login on one page of a larger site and ignores the news page beside it', () => {
    const site = fixtureSite([
      { fixture: 'common/plain.html', path: '/' },
      { fixture: 'spid/news.html', path: '/novita/notizie/spid-inps' },
      { fixture: 'spid/login-button.html', path: '/servizi/accesso' },
    ]);
    const result = spid.check(site);
    expect(result.status).toBe('pass');
    expect(new Set(result.evidence.map((ev) => ev.url))).toEqual(new Set([url('/servizi/accesso')]));
  });
});
