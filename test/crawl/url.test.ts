import { describe, expect, it } from 'vitest';
import { documentTypeOf, normaliseUrl } from '../../src/crawl/index.js';
import { looksLikeNonPage, siteHostsOf } from '../../src/crawl/url.js';

describe('normaliseUrl', () => {
  it('drops fragments, default ports and lower-cases the host, keeping the path case', () => {
    expect(normaliseUrl('HTTPS://Comune.Example.IT:443/Servizi/Anagrafe#top')).toBe('https://comune.example.it/Servizi/Anagrafe');
    expect(normaliseUrl('http://comune.example.it:80')).toBe('http://comune.example.it/');
    expect(normaliseUrl('http://comune.example.it:8080/a')).toBe('http://comune.example.it:8080/a');
  });

  it('removes tracking parameters and sorts the others without re-encoding them', () => {
    expect(normaliseUrl('https://c.it/news?utm_source=fb&b=2&fbclid=x&a=1&gclid=y&mc_cid=1&mc_eid=2&UTM_Medium=z')).toBe(
      'https://c.it/news?a=1&b=2',
    );
    expect(normaliseUrl('https://c.it/cerca?q=citt%C3%A0+di+Roma&page=2')).toBe('https://c.it/cerca?page=2&q=citt%C3%A0+di+Roma');
    expect(normaliseUrl('https://c.it/a?utm_campaign=x')).toBe('https://c.it/a');
    // Repeated names keep their relative order (a stable sort by name).
    expect(normaliseUrl('https://c.it/a?z=1&id=2&id=1')).toBe('https://c.it/a?id=2&id=1&z=1');
  });

  it('resolves relative links against the base and rejects non-http(s) schemes and garbage', () => {
    expect(normaliseUrl('../servizi/', 'https://c.it/vivere/eventi/')).toBe('https://c.it/vivere/servizi/');
    expect(normaliseUrl('mailto:urp@c.it')).toBeNull();
    expect(normaliseUrl('javascript:void(0)', 'https://c.it/')).toBeNull();
    expect(normaliseUrl('http://')).toBeNull();
    expect(normaliseUrl('not a url')).toBeNull();
  });

  it('merges what is certainly one resource: an empty query, escapes of unreserved characters, escape case', () => {
    expect(normaliseUrl('https://c.it/servizi?')).toBe('https://c.it/servizi');
    expect(normaliseUrl('https://c.it/servizi/?#')).toBe('https://c.it/servizi/');
    expect(normaliseUrl('https://c.it/%7Eutente/%41nagrafe')).toBe('https://c.it/~utente/Anagrafe');
    expect(normaliseUrl('https://c.it/citt%c3%a0?q=citt%c3%a0&x=%2d')).toBe('https://c.it/citt%C3%A0?q=citt%C3%A0&x=-');
    expect(normaliseUrl('https://c.it/città')).toBe('https://c.it/citt%C3%A0');
    // Reserved characters stay escaped: an escaped slash or ampersand means something else to a server.
    expect(normaliseUrl('https://c.it/a%2fb?q=1%26b%3d2')).toBe('https://c.it/a%2Fb?q=1%26b%3D2');
  });

  it('drops credentials and the trailing dot of a fully qualified host', () => {
    expect(normaliseUrl('https://user:pw@comune.example.it./x')).toBe('https://comune.example.it/x');
  });
});

describe('documentTypeOf', () => {
  it('recognises documents by extension, case-insensitively, ignoring the query', () => {
    expect(documentTypeOf('https://c.it/albo/Delibera.PDF')).toBe('pdf');
    expect(documentTypeOf('/opendata/bilancio.csv?download=1')).toBe('csv');
    expect(documentTypeOf('/x/tabella.xlsx')).toBe('xlsx');
    expect(documentTypeOf('/x/dati.ods')).toBe('ods');
    expect(documentTypeOf('/x/catalogo.rdf')).toBe('rdf');
    expect(documentTypeOf('/x/pagina.html')).toBeNull();
    expect(documentTypeOf('/x/pdf')).toBeNull();
  });

  it('prefers the type attribute when it names a document MIME type', () => {
    expect(documentTypeOf('/download?id=3', 'application/pdf')).toBe('pdf');
    expect(documentTypeOf('/download?id=3', 'text/csv; charset=utf-8')).toBe('csv');
    expect(documentTypeOf('/download?id=3', 'application/vnd.oasis.opendocument.spreadsheet')).toBe('ods');
    expect(documentTypeOf('/file.json', 'text/html')).toBe('json');
    expect(documentTypeOf('/download?id=3', null)).toBeNull();
  });
});

describe('site helpers', () => {
  it('pairs a host with its www. twin, either way round', () => {
    expect(siteHostsOf('https://comune.example.it/')).toEqual(['comune.example.it', 'www.comune.example.it']);
    expect(siteHostsOf('https://www.comune.example.it:8443/')).toEqual(['www.comune.example.it:8443', 'comune.example.it:8443']);
  });

  it('does not treat documents, images and scripts as pages', () => {
    expect(looksLikeNonPage('https://c.it/a/b.pdf')).toBe(true);
    expect(looksLikeNonPage('https://c.it/logo.SVG')).toBe(true);
    expect(looksLikeNonPage('https://c.it/atto.pdf.p7m')).toBe(true);
    expect(looksLikeNonPage('https://c.it/servizi/index.php')).toBe(false);
    expect(looksLikeNonPage('https://c.it/servizi/')).toBe(false);
  });
});
