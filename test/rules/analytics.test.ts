import { describe, expect, it } from 'vitest';
import analytics from '../../rules/analytics.js';
import { onePage, url } from './site.js';

describe('analytics', () => {
  it('passes on Web Analytics Italia', () => {
    const result = analytics.check(onePage('analytics/wai.html'));
    expect(result.status).toBe('pass');
    expect(result.evidence).toHaveLength(1);
    expect(result.evidence[0]).toMatchObject({ url: url('/'), selector: 'script', note: { it: 'Web Analytics Italia', en: 'Web Analytics Italia' } });
    expect(result.evidence[0].snippet).toContain('var u = "https://ingestion.webanalytics.italia.it/"');
  });

  it('fails on non-EU analytics only', () => {
    const result = analytics.check(onePage('analytics/ga-only.html'));
    expect(result.status).toBe('fail');
    expect(result.details).toMatchObject({ webAnalyticsItalia: false, nonEuAnalytics: ['Google Analytics', 'Google Tag Manager'] });
  });

  it('is partial with WAI beside Google Analytics', () => {
    const result = analytics.check(onePage('analytics/wai-and-ga.html'));
    expect(result.status).toBe('partial');
    expect(result.evidence.map((ev) => ev.note?.en)).toEqual(['Web Analytics Italia', 'Google Analytics', 'Google Tag Manager']);
  });

  it('is partial with a self-hosted Matomo that is not WAI', () => {
    const result = analytics.check(onePage('analytics/matomo-self-hosted.html'));
    expect(result.status).toBe('partial');
    expect(result.evidence[0].note?.en).toBe('Matomo (not WAI)');
  });

  it('counts analytics held by a consent manager: it measures once the visitor accepts', () => {
    const result = analytics.check(onePage('privacy/ga-held.html'));
    expect(result.status).toBe('fail');
    expect(result.details).toMatchObject({ nonEuAnalytics: ['Google Analytics', 'Google Tag Manager'] });
  });

  it('is unknown with no client-side analytics (server logs are not visible)', () => {
    const result = analytics.check(onePage('common/plain.html'));
    expect(result.status).toBe('unknown');
    expect(result.score).toBeNull();
  });
});
