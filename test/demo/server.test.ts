import { request } from 'node:http';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SESSION_COOKIE, serveDemoSite, type DemoServer } from '../../src/demo/server.js';

let demo: DemoServer;

beforeAll(async () => {
  demo = await serveDemoSite();
});

afterAll(async () => {
  await demo.close();
});

/** Raw GET without URL normalisation (fetch would resolve "/../" before sending). */
function rawGet(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(demo.url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    })
      .on('error', reject)
      .end();
  });
}

describe('serveDemoSite', () => {
  it('listens on 127.0.0.1 on a free port by default', () => {
    expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(demo.url).not.toBe('http://127.0.0.1:0/');
  });

  it('serves the home with a UTF-8 content type and a host-only session cookie', async () => {
    const res = await fetch(demo.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.getSetCookie()).toEqual([DEMO_SESSION_COOKIE]);
    expect(DEMO_SESSION_COOKIE).not.toMatch(/domain=/i);
    const html = await res.text();
    expect(html).toContain('data-element="management"');
    expect(html).toContain('Comune di Valfiorita');
  });

  it('sets the cookie on the home only', async () => {
    const res = await fetch(new URL('servizi.html', demo.url));
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('serves nested pages whose relative links point into the site', async () => {
    const res = await fetch(new URL('servizi/pagamento-tari.html', demo.url));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="https://checkout.pagopa.it/"');
    expect(html).toContain('href="categorie/tributi-finanze-e-contravvenzioni.html"');
  });

  it('sends the Windows-1252 page as windows-1252, bytes and header alike', async () => {
    const res = await fetch(new URL('vivere/storia-di-valfiorita.html', demo.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=windows-1252');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.includes(Buffer.from([0x92]))).toBe(true); // ’ in windows-1252
    expect(bytes.includes(Buffer.from([0x80]))).toBe(true); // €
    expect(bytes.includes(Buffer.from('€', 'utf8'))).toBe(false);
    // iconv-lite, not TextDecoder: Node 20's TextDecoder('windows-1252') decodes 0x80-0x9f as Latin-1 control characters.
    const text = iconv.decode(bytes, 'windows-1252');
    expect(text).toContain('<meta charset="windows-1252">');
    expect(text).toContain('all’abbazia');
    expect(text).toContain('480.000 €');
    expect(text).toContain('Perché');
  });

  it('rewrites the sitemap origin to the origin of the request', async () => {
    const res = await fetch(new URL('sitemap.xml', demo.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).not.toContain('127.0.0.1:PORT');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs.length).toBeGreaterThanOrEqual(45);
    expect(locs).toContain(demo.url);
    expect(locs).toContain(new URL('servizi/carta-identita-elettronica.html', demo.url).href);
    expect(locs.every((loc) => loc.startsWith(demo.url))).toBe(true);
  });

  it('uses the Host header for the sitemap origin (localhost stays localhost)', async () => {
    const { port } = new URL(demo.url);
    const res = await fetch(`http://localhost:${port}/robots.txt`).catch(() => null);
    // Some machines resolve localhost to ::1 only; the server listens on 127.0.0.1, so skip the call, not the check below.
    if (res) expect(await res.text()).toContain(`Sitemap: http://localhost:${port}/sitemap.xml`);
    const robots = await (await fetch(new URL('robots.txt', demo.url))).text();
    expect(robots).toContain(`Sitemap: ${demo.url}sitemap.xml`);
    expect(robots).toMatch(/^User-agent: \*\nAllow: \//);
  });

  it('answers 404 with the site page for missing paths', async () => {
    const res = await fetch(new URL('servizi/non-esiste.html', demo.url));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('Pagina non trovata');
  });

  it('answers 404 for the dead link of the broken page', async () => {
    const res = await fetch(new URL('documenti/ordinanza-45-2024.pdf', demo.url));
    expect(res.status).toBe(404);
  });

  it('does not serve the generator, dot files or anything outside the site folder', async () => {
    expect((await fetch(new URL('_generator/generate.mjs', demo.url))).status).toBe(404);
    expect((await rawGet('/../package.json')).status).toBe(404);
    expect((await rawGet('/%2e%2e/%2e%2e/package.json')).status).toBe(404);
    expect((await rawGet('/..%2fpackage.json')).status).toBe(404);
  });

  it('serves folder index pages and redirects folders without the trailing slash', async () => {
    const redirect = await fetch(new URL('opendata', demo.url), { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/opendata/');
    const res = await fetch(new URL('opendata/', demo.url));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('href="bilancio-previsione-2024.csv"');
  });

  it('serves documents and data files with their content types', async () => {
    const cases: [string, string, string][] = [
      ['opendata/bilancio-previsione-2024.csv', 'text/csv; charset=utf-8', 'titolo;descrizione'],
      ['opendata/punti-raccolta-rifiuti.json', 'application/json; charset=utf-8', '"licenza": "CC-BY-4.0"'],
      ['opendata/popolazione-residente-2024.ods', 'application/vnd.oasis.opendocument.spreadsheet', 'PK'],
      ['documenti/regolamento-tari-2024.pdf', 'application/pdf', '%PDF-1.4'],
      ['assets/css/bootstrap-italia.min.css', 'text/css; charset=utf-8', '--bootstrap-italia-version:"2.8.2"'],
      ['assets/css/style.css', 'text/css; charset=utf-8', 'Text Domain: design_comuni_italia'],
    ];
    for (const [path, type, start] of cases) {
      const res = await fetch(new URL(path, demo.url));
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe(type);
      expect(await res.text(), path).toContain(start);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await fetch(demo.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
    expect(await head.text()).toBe('');
    const post = await fetch(demo.url, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('closes, after which the port refuses connections', async () => {
    const other = await serveDemoSite();
    await fetch(other.url); // leaves a keep-alive connection open, which close() must not wait for
    await other.close();
    await expect(fetch(other.url)).rejects.toThrow();
  });
});
