import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/util/paths.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { htmlPage, pathsOf, testCrawl } from './helpers.js';

// Test-only self-signed certificate for localhost / 127.0.0.1 (see fixtures/crawl/tls/README.md).
const tls = {
  key: readFileSync(`${packageRoot}/fixtures/crawl/tls/key.pem`),
  cert: readFileSync(`${packageRoot}/fixtures/crawl/tls/cert.pem`),
};

const servers: FixtureServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function httpsSite(): Promise<FixtureServer> {
  const server = await serveRoutes(
    { '/': { body: htmlPage('Comune sicuro', ['/servizi']) }, '/servizi': { body: htmlPage('Servizi') } },
    { tls },
  );
  servers.push(server);
  return server;
}

describe('TLS facts', () => {
  it('an untrusted certificate is fatal by default, with the TLS facts recorded', async () => {
    const server = await httpsSite();
    const result = await testCrawl(`${server.url}/`, { retries: 0 });
    expect(result.fatal?.code).toBe('tls');
    expect(result.fatal?.message.en).toMatch(/self[- ]signed/i);
    expect(result.fatal?.message.it).toMatch(/^Errore TLS\/certificato con .*self[- ]signed/i);
    expect(result.pages).toEqual([]);
    expect(result.tls).toMatchObject({ https: true, authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('with allowInsecureTls crawls the site and records protocol, cipher, dates, issuer and SANs', async () => {
    const server = await httpsSite();
    const result = await testCrawl(`${server.url}/`, { allowInsecureTls: true });
    expect(result.fatal).toBeUndefined();
    expect(pathsOf(result)).toEqual(['/', '/servizi']);
    const facts = result.tls!;
    expect(facts.https).toBe(true);
    expect(facts.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(facts.cipher).toMatch(/^TLS_|^ECDHE/);
    expect(facts.authorized).toBe(false);
    expect(facts.authorizationError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(facts.issuer).toBe('CN=comune-audit test, O=comune-audit fixtures');
    expect(facts.subjectAltNames).toEqual(['localhost', 'www.localhost', '127.0.0.1']);
    expect(facts.validFrom).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(Date.parse(facts.validTo!)).toBeGreaterThan(Date.parse(facts.validFrom!));
    // Non-default port: the http:// twin cannot be guessed.
    expect(facts.httpRedirectsToHttps).toBeNull();
  });

  it('an http start URL redirected to https counts as httpRedirectsToHttps', async () => {
    const secure = await httpsSite();
    const plain = await serveRoutes({ '/': { status: 301, headers: { location: `${secure.url}/` } } });
    servers.push(plain);
    const result = await testCrawl(`${plain.url}/`, { allowInsecureTls: true });
    expect(result.siteUrl).toBe(`${secure.url}/`);
    expect(result.tls).toMatchObject({ https: true, httpRedirectsToHttps: true, protocol: expect.stringMatching(/^TLS/) });
  });

  it('a plain-http site gets https=false and no handshake facts', async () => {
    const plain = await serveRoutes({ '/': { body: htmlPage('Solo http') } });
    servers.push(plain);
    const result = await testCrawl(`${plain.url}/`);
    expect(result.tls).toEqual({
      https: false,
      protocol: null,
      cipher: null,
      validFrom: null,
      validTo: null,
      issuer: null,
      subjectAltNames: [],
      authorized: null,
      authorizationError: null,
      httpRedirectsToHttps: false,
    });
  });
});
