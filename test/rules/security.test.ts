import { describe, expect, it } from 'vitest';
import security from '../../rules/security.js';
import type { TlsFacts } from '../../src/types.js';
import { fixtureSite, url } from './site.js';

// The test helper audits at 2026-01-15T10:00:00Z.
const goodTls: TlsFacts = {
  https: true,
  protocol: 'TLSv1.3',
  cipher: 'TLS_AES_256_GCM_SHA384',
  validFrom: '2025-11-01T00:00:00.000Z',
  validTo: '2026-05-01T00:00:00.000Z',
  issuer: "Let's Encrypt",
  subjectAltNames: ['www.comune.esempio.it'],
  authorized: true,
  authorizationError: null,
  httpRedirectsToHttps: true,
};
const HSTS = { 'strict-transport-security': 'max-age=31536000; includeSubDomains' };

const site = (fixture: string, tls: TlsFacts | null, headers: Record<string, string> = HSTS) =>
  fixtureSite([{ fixture, path: '/', headers }], { tls });

describe('security', () => {
  it('passes with a valid certificate, TLS 1.3, HTTP redirect, HSTS and no mixed content', () => {
    const result = security.check(site('security/secure.html', goodTls));
    expect(result.status).toBe('pass');
    expect(result.score).toBe(1);
    expect(result.evidence).toEqual([
      {
        url: url('/'),
        selector: 'tls',
        snippet: "TLSv1.3 · 2025-11-01T00:00:00.000Z – 2026-05-01T00:00:00.000Z · Let's Encrypt",
        note: { it: 'certificato valido', en: 'certificate valid' },
      },
      { url: url('/'), selector: 'header:strict-transport-security', snippet: 'max-age=31536000; includeSubDomains' },
    ]);
  });

  it('fails when the site is not served over https', () => {
    const result = security.check(fixtureSite([{ fixture: 'security/secure.html', path: '/' }], { tls: { ...goodTls, https: false }, siteUrl: 'http://www.comune.esempio.it/' }));
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([{ url: 'http://www.comune.esempio.it/', selector: 'url', snippet: 'http://www.comune.esempio.it/' }]);
  });

  it('fails on a certificate expired at audit time, judged against auditedAt, not the clock', () => {
    const result = security.check(site('security/secure.html', { ...goodTls, validTo: '2026-01-10T00:00:00.000Z' }));
    expect(result.status).toBe('fail');
    expect(result.evidence[0]).toEqual({
      url: url('/'),
      selector: 'tls',
      snippet: '2026-01-10T00:00:00.000Z',
      note: { it: 'certificato scaduto (audit del 2026-01-15T10:00:00.000Z)', en: 'certificate expired (audited at 2026-01-15T10:00:00.000Z)' },
    });
  });

  it('fails on TLS 1.1 and on a certificate Node rejected', () => {
    const old = security.check(site('security/secure.html', { ...goodTls, protocol: 'TLSv1.1' }));
    expect(old.status).toBe('fail');
    expect(old.evidence).toEqual([{ url: url('/'), selector: 'tls', snippet: 'TLSv1.1', note: { it: 'serve TLS 1.2 o successivo', en: 'TLS 1.2 or later required' } }]);
    const rejected = security.check(site('security/secure.html', { ...goodTls, authorized: false, authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID' }));
    expect(rejected.status).toBe('fail');
    expect(rejected.evidence[0].snippet).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(rejected.evidence[0].note?.it).toBe('certificato rifiutato, valido dal 2025-11-01T00:00:00.000Z al 2026-05-01T00:00:00.000Z');
  });

  it('is partial on mixed content and missing HSTS', () => {
    const result = security.check(site('security/mixed.html', goodTls, {}));
    expect(result.status).toBe('partial');
    expect(result.score).toBe(0.5);
    expect(result.evidence).toEqual([
      { url: url('/'), selector: 'header:strict-transport-security', snippet: '', note: { it: 'HSTS assente o max-age=0', en: 'HSTS missing or max-age=0' } },
      { url: url('/'), selector: 'script[src]', snippet: 'http://cdn.esempio.it/js/jquery.min.js', note: { it: 'contenuto misto: risorsa http in una pagina https', en: 'mixed content: an http resource on an https page' } },
    ]);
  });

  it('is partial without the HTTP→HTTPS redirect or with a certificate expiring within 30 days', () => {
    const noRedirect = security.check(site('security/secure.html', { ...goodTls, httpRedirectsToHttps: false }));
    expect(noRedirect.status).toBe('partial');
    expect(noRedirect.evidence[0]).toEqual({
      url: 'http://www.comune.esempio.it/',
      selector: 'redirect',
      snippet: '',
      note: { it: 'http:// non reindirizza a https://', en: 'http:// does not redirect to https://' },
    });
    const expiring = security.check(site('security/secure.html', { ...goodTls, validTo: '2026-01-30T00:00:00.000Z' }));
    expect(expiring.status).toBe('partial');
    expect(expiring.evidence[0].snippet).toBe('2026-01-30T00:00:00.000Z');
    expect(expiring.evidence[0].note?.en).toBe('certificate expires less than 30 days after the audit (2026-01-15T10:00:00.000Z)');
  });

  it('is unknown when no certificate data was collected and nothing else is wrong', () => {
    const result = security.check(site('security/secure.html', null));
    expect(result.status).toBe('unknown');
    expect(result.score).toBeNull();
  });
});
