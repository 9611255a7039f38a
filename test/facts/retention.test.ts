// Kept facts must not keep the HTML they were read from: V8 substrings are views into their parent string, so one
// link text cut from a page would hold the whole page in memory for the rest of the crawl.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { extractPageFacts } from '../../src/facts/page.js';
import { detach } from '../../src/util/detach.js';
import { fetchedPage } from '../helpers/site.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const PAGES = 60;
/** Filler that is not kept (a long script body past the cap, comments), so the HTML is much larger than its facts. */
const FILLER = `<!-- ${'commento di riempimento ’ '.repeat(4_000)} -->`;

function page(id: number): string {
  // Every kept string is page-specific, as on a real site: titles, link texts, hrefs, markers, classes, alt texts.
  return `<!doctype html><html lang="it"><head><title>Pagina numero ${id} del comune</title>
<meta name="description" content="Descrizione della pagina numero ${id}"></head><body>${FILLER}
<nav data-element="menu-pagina-${id}"><a href="/sezione-${id}/documento-${id}.html" rel="noopener pagina-${id}">Collegamento alla pagina ${id}</a></nav>
<main class="contenuto-${id} principale-${id}"><h1>Titolo della pagina ${id}</h1><p>Testo principale della pagina ${id}.</p>
<img src="/immagini/foto-${id}.jpg" alt="Fotografia della pagina ${id}"></main>${FILLER}</body></html>`;
}

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('memory kept by page facts', () => {
  it('detach returns an equal string', () => {
    const source = `prefisso ${'x'.repeat(100)} suffisso`;
    expect(detach(source.slice(5, 60))).toBe(source.slice(5, 60));
    expect(detach('breve')).toBe('breve');
  });

  it('keeps far less than the HTML of the pages it was read from', () => {
    const htmlBytes = page(0).length * 2 * PAGES; // two-byte strings: the filler has a typographic apostrophe
    const before = heapAfterGc();
    const kept = [];
    for (let id = 0; id < PAGES; id++) {
      const facts = extractPageFacts(fetchedPage({ url: `https://www.comune.esempio.it/pagina-${id}.html`, html: page(id) }));
      expect(facts.links[0].text).toBe(`Collegamento alla pagina ${id}`);
      kept.push(facts);
    }
    const grown = heapAfterGc() - before;
    expect(kept).toHaveLength(PAGES);
    // Each page is ~200 KB of HTML; its facts are a few KB. Kept HTML would grow the heap by at least htmlBytes.
    expect(grown).toBeLessThan(htmlBytes / 10);
  });
});
