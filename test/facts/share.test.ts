import { describe, expect, it } from 'vitest';
import { extractPageFacts } from '../../src/facts/page.js';
import { createFactsSharer } from '../../src/facts/share.js';
import { fetchedPage } from '../helpers/site.js';

const FOOTER = '<footer><a href="/privacy" data-element="privacy-policy-link">Privacy</a><h3>Contatti</h3></footer>';
const page = (path: string, body: string) =>
  extractPageFacts(fetchedPage({ url: `https://www.comune.esempio.it${path}`, html: `<html><body><main>${body}</main>${FOOTER}</body></html>` }));

describe('createFactsSharer', () => {
  it('makes repeated links, markers, headings and boilerplate one shared value, and leaves the JSON unchanged', () => {
    const a = page('/a', '<h1>A</h1><a href="/x">X</a>');
    const b = page('/b', '<h1>B</h1><a href="/y">Y</a>');
    const before = JSON.stringify([a, b]);
    const share = createFactsSharer();
    share(a);
    share(b);
    expect(JSON.stringify([a, b])).toBe(before);
    const privacyA = a.links.find((l) => l.dataElement === 'privacy-policy-link');
    const privacyB = b.links.find((l) => l.dataElement === 'privacy-policy-link');
    expect(privacyA).toBe(privacyB);
    expect(a.links[0]).not.toBe(b.links[0]);
    expect(a.headings.find((h) => h.text === 'Contatti')).toBe(b.headings.find((h) => h.text === 'Contatti'));
    expect(a.dataElements[0]).toBe(b.dataElements[0]);
  });

  it('keeps links apart that differ in anything but the page they are on', () => {
    const a = page('/a', '<a href="/privacy">Privacy</a>');
    const b = page('/b', '<a href="/privacy">Informativa</a>');
    const share = createFactsSharer();
    share(a);
    share(b);
    expect(a.links[0]).not.toBe(b.links[0]);
  });

  it('shares a list of class tokens between pages of the same template, not between different ones', () => {
    const a = page('/a', '<div class="container row"><p class="lead">A</p></div>');
    const b = page('/b', '<div class="row container"><p class="lead">B</p></div>');
    const c = page('/c', '<div class="container"><p class="lead">C</p></div>');
    const before = JSON.stringify([a, b, c]);
    const share = createFactsSharer();
    for (const facts of [a, b, c]) share(facts);
    expect(JSON.stringify([a, b, c])).toBe(before);
    expect(a.classTokens).toBe(b.classTokens);
    expect(c.classTokens).not.toBe(a.classTokens);
    expect(c.classTokens).toEqual(['container', 'lead']);
  });
});
