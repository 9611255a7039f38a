import { afterEach, describe, expect, it } from 'vitest';
import { ASSET_MAX_BYTES, MAX_ASSETS_PER_KIND, selectAssets } from '../../src/crawl/assets.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { pathsOf, testCrawl } from './helpers.js';

const servers: FixtureServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('assets of the start page', () => {
  it('fetches CSS and JS from any host (a CDN), capping the text', async () => {
    const bigCss = `/*! Bootstrap Italia v2.8.2 */\n:root{--bootstrap-italia-version:"2.8.2"}\n${'.x{color:red}\n'.repeat(60_000)}`;
    const cdn = await serveRoutes({
      '/bootstrap-italia.min.css': { headers: { 'content-type': 'text/css' }, body: bigCss },
      '/bootstrap-italia.bundle.min.js': { headers: { 'content-type': 'text/javascript' }, body: 'var BOOTSTRAP_ITALIA_VERSION="2.8.2";' },
    });
    servers.push(cdn);
    const site = await serveRoutes({
      '/': {
        body: `<html><head><link rel="stylesheet" href="${cdn.url}/bootstrap-italia.min.css"><link rel="stylesheet" href="/missing.css"></head>
          <body><a href="/chi-siamo">Chi siamo</a><script src="${cdn.url}/bootstrap-italia.bundle.min.js"></script></body></html>`,
      },
      '/chi-siamo': { body: '<link rel="stylesheet" href="/inner.css"><p>Chi siamo</p>' },
      '/inner.css': { headers: { 'content-type': 'text/css' }, body: 'body{}' },
    });
    servers.push(site);
    const result = await testCrawl(`${site.url}/`);
    expect(pathsOf(result)).toEqual(['/', '/chi-siamo']);
    expect(result.assets.map((asset) => [asset.url, asset.kind, asset.status])).toEqual([
      [`${cdn.url}/bootstrap-italia.min.css`, 'css', 200],
      [`${site.url}/missing.css`, 'css', 404],
      [`${cdn.url}/bootstrap-italia.bundle.min.js`, 'js', 200],
    ]);
    expect(result.assets[0].text.length).toBe(ASSET_MAX_BYTES);
    expect(result.assets[0].text).toContain('--bootstrap-italia-version:"2.8.2"');
    expect(result.assets[1]).toMatchObject({ text: '', error: { code: 'http' } });
    expect(result.assets[2].text).toBe('var BOOTSTRAP_ITALIA_VERSION="2.8.2";');
    // Only the start page's assets are fetched.
    expect(site.requests).not.toContain('/inner.css');
  });

  it('keeps at most 12 of each kind, de-duplicated, in page order', () => {
    const refs = [
      ...Array.from({ length: 15 }, (_, i) => ({ url: `https://cdn.example/${i}.css`, kind: 'css' as const })),
      { url: 'https://cdn.example/0.css#x', kind: 'css' as const },
      { url: 'https://cdn.example/app.js', kind: 'js' as const },
      { url: 'data:text/javascript,1', kind: 'js' as const },
    ];
    const selected = selectAssets(refs);
    expect(selected.filter((ref) => ref.kind === 'css')).toHaveLength(MAX_ASSETS_PER_KIND);
    expect(selected.at(-1)).toEqual({ url: 'https://cdn.example/app.js', kind: 'js' });
    expect(selected[11].url).toBe('https://cdn.example/11.css');
  });
});

describe('single-page mode', () => {
  it('fetches the start page and its assets only: no robots.txt, no sitemap, no links', async () => {
    const site = await serveRoutes({
      '/servizi/anagrafe': {
        body: '<link rel="stylesheet" href="/style.css"><a href="/altro">Altro</a>',
      },
      '/style.css': { headers: { 'content-type': 'text/css' }, body: 'body{font-family:"Titillium Web"}' },
      '/altro': { body: 'no' },
    });
    servers.push(site);
    const result = await testCrawl(`${site.url}/servizi/anagrafe`, { singlePage: true });
    expect(pathsOf(result)).toEqual(['/servizi/anagrafe']);
    expect(result.assets.map((asset) => asset.text)).toEqual(['body{font-family:"Titillium Web"}']);
    expect(result.robots).toBeNull();
    expect(result.sitemap).toEqual({ documents: [] });
    expect([...site.requests].sort()).toEqual(['/servizi/anagrafe', '/style.css']);
  });
});
