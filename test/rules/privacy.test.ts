import { describe, expect, it } from 'vitest';
import privacy from '../../rules/privacy.js';
import { fixtureSite, onePage, url } from './site.js';

const PRIVACY_LINK = {
  url: url('/'),
  selector: '[data-element="privacy-policy-link"]',
  snippet: 'Informativa privacy → https://www.comune.esempio.it/privacy',
  note: { it: 'informativa privacy', en: 'privacy policy' },
};

describe('privacy', () => {
  it('passes with a footer privacy link over https, the DPO contact and no trackers', () => {
    const result = privacy.check(onePage('privacy/good.html'));
    expect(result.status).toBe('pass');
    expect(result.score).toBe(1);
    expect(result.evidence).toEqual([
      PRIVACY_LINK,
      { url: url('/'), selector: '#footer a[href="mailto:dpo@comune.esempio.it"]', snippet: 'dpo@comune.esempio.it → mailto:dpo@comune.esempio.it', note: { it: 'contatto del RPD/DPO', en: 'DPO contact' } },
    ]);
  });

  it('fails on Google Analytics loaded with no consent manager', () => {
    const result = privacy.check(onePage('privacy/ga-no-consent.html'));
    expect(result.status).toBe('fail');
    expect(result.details).toMatchObject({ trackers: ['Google Analytics', 'Google Tag Manager'], consentManager: null });
    expect(result.evidence).toContainEqual({
      url: url('/'),
      selector: 'script[src]',
      snippet: 'https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ',
      note: { it: 'Google Tag Manager', en: 'Google Tag Manager' },
    });
    expect(result.evidence.find((ev) => ev.note?.en === 'Google Analytics')?.snippet).toContain("gtag('config', 'G-ABC123XYZ')");
  });

  it('is partial when trackers run beside a consent manager (a browser must tell whether they wait)', () => {
    const result = privacy.check(onePage('privacy/ga-with-consent-manager.html'));
    expect(result.status).toBe('partial');
    expect(result.details).toMatchObject({ consentManager: 'iubenda' });
    expect(result.evidence).toContainEqual({
      url: url('/'),
      selector: 'script[src]',
      snippet: 'https://cs.iubenda.com/autoblocking/3456789.js',
      note: { it: 'gestore del consenso iubenda', en: 'iubenda consent manager' },
    });
  });

  it('passes when the consent manager holds the trackers (type="text/plain")', () => {
    const result = privacy.check(onePage('privacy/ga-held.html'));
    expect(result.status).toBe('pass');
    expect(result.details).toMatchObject({ trackers: [], trackersHeldForConsent: ['Google Analytics', 'Google Tag Manager'] });
    expect(result.evidence.map((ev) => ev.note?.en)).toContain('Google Tag Manager: held until consent');
  });

  it('fails on a tracker cookie the server sets in its own response', () => {
    const site = fixtureSite([
      { fixture: 'privacy/good.html', path: '/', headers: { 'set-cookie': 'PHPSESSID=abc; Path=/; Secure\n_ga=GA1.1.123.456; Domain=.comune.esempio.it; Path=/' } },
    ]);
    const result = privacy.check(site);
    expect(result.status).toBe('fail');
    expect(result.evidence[0]).toEqual({ url: url('/'), selector: 'header:set-cookie', snippet: '_ga; Domain=comune.esempio.it', note: { it: 'Google Analytics', en: 'Google Analytics' } });
    expect(result.details?.cookies).toEqual(['PHPSESSID', '_ga (comune.esempio.it)']);
  });

  it('is partial for a privacy link over http and no DPO contact', () => {
    const result = privacy.check(onePage('privacy/http-no-dpo.html'));
    expect(result.status).toBe('partial');
    expect(result.message.en).toBe('Privacy policy present; to fix: privacy policy not over https; no contact of the data protection officer (DPO).');
  });

  it('fails without any privacy link', () => {
    const result = privacy.check(onePage('common/plain.html'));
    expect(result.status).toBe('fail');
    expect(result.details).toMatchObject({ privacyPolicyLink: null });
  });
});
