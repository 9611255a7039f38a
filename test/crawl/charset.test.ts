import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { charsetFromMeta, decodeHtml } from '../../src/crawl/charset.js';
import { serveRoutes } from '../helpers/fixture-server.js';
import { testCrawl } from './helpers.js';

const LATIN1_HTML = '<html><head><title>La città</title></head><body>Perché?</body></html>';

describe('decodeHtml', () => {
  it('decodes UTF-16 when the header says so (without BOM), but takes a UTF-16 <meta> as UTF-8, as the HTML standard does', () => {
    const page = '<html><head><title>Città</title></head><body>Comune</body></html>';
    const fromHeader = decodeHtml(iconv.encode(page, 'utf16le'), 'text/html; charset=utf-16');
    expect(fromHeader).toEqual({ text: page, charset: 'utf-16le' });
    const withMeta = '<html><head><meta charset="utf-16"><title>Città</title></head></html>';
    expect(decodeHtml(Buffer.from(withMeta, 'utf8'), 'text/html')).toEqual({ text: withMeta, charset: 'utf-8' });
  });

  it('uses the Content-Type charset', () => {
    const decoded = decodeHtml(iconv.encode(LATIN1_HTML, 'latin1'), 'text/html; charset=ISO-8859-1');
    expect(decoded.text).toContain('La città');
    expect(decoded.text).toContain('Perché?');
    // WHATWG decodes the ISO-8859-1 label as windows-1252, a superset.
    expect(decoded.charset).toBe('windows-1252');
  });

  it('reads <meta charset> and <meta http-equiv> when the header has none', () => {
    const withMeta = `<html><head><meta charset="windows-1252"><title>Tariffe</title></head><body>Costo: 5 €</body></html>`;
    expect(decodeHtml(iconv.encode(withMeta, 'win1252'), 'text/html').text).toContain('5 €');
    const httpEquiv = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>città</body></html>`;
    expect(charsetFromMeta(iconv.encode(httpEquiv, 'latin1'))).toBe('windows-1252');
  });

  it('lets a BOM win over a wrong header, and strips it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>città</p>', 'utf8')]);
    const decoded = decodeHtml(bytes, 'text/html; charset=iso-8859-1');
    expect(decoded).toEqual({ text: '<p>città</p>', charset: 'utf-8' });
  });

  it('without any declaration, keeps valid UTF-8 and falls back to windows-1252 otherwise', () => {
    expect(decodeHtml(Buffer.from('<p>città</p>', 'utf8'), 'text/html').charset).toBe('utf-8');
    const legacy = decodeHtml(iconv.encode('<p>perché €</p>', 'win1252'), 'text/html');
    expect(legacy).toEqual({ text: '<p>perché €</p>', charset: 'windows-1252' });
  });

  it('does not mistake a UTF-8 body cut inside a character for a legacy encoding', () => {
    const bytes = Buffer.from('<p>città</p>', 'utf8').subarray(0, 8); // cut inside "à"
    expect(decodeHtml(bytes, 'text/html').charset).toBe('utf-8');
  });
});

describe('crawling legacy-encoded pages', () => {
  it('decodes ISO-8859-1 by header and windows-1252 by meta', async () => {
    const server = await serveRoutes({
      '/': {
        headers: { 'content-type': 'text/html; charset=iso-8859-1' },
        body: iconv.encode('<html><body><h1>Benvenuti nella città</h1><a href="/tariffe">Tariffe</a></body></html>', 'latin1'),
      },
      '/tariffe': {
        headers: { 'content-type': 'text/html' },
        body: iconv.encode(
          '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>Perché costa 5 € – “bollo”</body></html>',
          'win1252',
        ),
      },
    });
    try {
      const result = await testCrawl(`${server.url}/`);
      const [home, tariffe] = result.pages;
      expect(home.html).toContain('Benvenuti nella città');
      expect(home.charset).toBe('windows-1252');
      expect(tariffe.html).toContain('Perché costa 5 € – “bollo”');
      expect(tariffe.charset).toBe('windows-1252');
    } finally {
      await server.close();
    }
  });
});
