import { describe, expect, it } from 'vitest';
import cloud from '../../rules/cloud.js';
import { fixtureSite, url } from './site.js';

const withHeaders = (headers: Record<string, string>) => fixtureSite([{ fixture: 'common/plain.html', path: '/', headers }]);

describe('cloud', () => {
  it('passes (informative) on a cloud hosting signature in the server header', () => {
    const result = cloud.check(withHeaders({ server: 'AmazonS3' }));
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([{ url: url('/'), selector: 'header:server', snippet: 'server: AmazonS3', note: { it: 'Amazon Web Services', en: 'Amazon Web Services' } }]);
    expect(result.details).toEqual({ hosting: ['Amazon Web Services'], cdn: [] });
  });

  it('recognises a platform by a header only it sends', () => {
    const result = cloud.check(withHeaders({ 'x-azure-ref': '20260115T100000Z-abc' }));
    expect(result.status).toBe('pass');
    expect(result.evidence[0]).toMatchObject({ selector: 'header:x-azure-ref', note: { it: 'Microsoft Azure', en: 'Microsoft Azure' } });
  });

  it('is unknown behind a CDN, which hides where the site is hosted', () => {
    const result = cloud.check(withHeaders({ server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f-MXP' }));
    expect(result.status).toBe('unknown');
    expect(result.evidence).toEqual([{ url: url('/'), selector: 'header:server', snippet: 'server: cloudflare', note: { it: 'Cloudflare', en: 'Cloudflare' } }]);
    expect(result.details).toEqual({ hosting: [], cdn: ['Cloudflare'] });
  });

  it('is unknown, never fail, with an ordinary web server', () => {
    const result = cloud.check(withHeaders({ server: 'Apache/2.4.58 (Debian)' }));
    expect(result.status).toBe('unknown');
    expect(result.evidence).toEqual([]);
  });
});
