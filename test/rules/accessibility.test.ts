import { describe, expect, it } from 'vitest';
import accessibility from '../../rules/accessibility.js';
import { onePage, url } from './site.js';

describe('accessibility', () => {
  it('passes with the statement on form.agid.gov.it, lang, alt text and headings in order', () => {
    const result = accessibility.check(onePage('accessibility/good.html', '/vivere-il-comune'));
    expect(result.status).toBe('pass');
    expect(result.score).toBe(1);
    expect(result.evidence).toEqual([
      {
        url: url('/vivere-il-comune'),
        selector: '[data-element="accessibility-link"]',
        snippet: 'Dichiarazione di accessibilità → https://form.agid.gov.it/view/8f2e1c4a-0000-4000-8000-000000000000',
        note: { it: 'dichiarazione su form.agid.gov.it', en: 'statement on form.agid.gov.it' },
      },
    ]);
    expect(result.details).toMatchObject({ images: 2, imagesWithoutAlt: 0, pagesWithHeadingIssues: 0 });
  });

  it('is partial, naming each gap, for an own-page statement, no lang, missing alt and a skipped heading', () => {
    const result = accessibility.check(onePage('accessibility/gaps.html', '/vivere-il-comune'));
    expect(result.status).toBe('partial');
    expect(result.message.en).toBe(
      'To fix: statement not published on form.agid.gov.it; 1 pages without lang; alt on 33% of images; headings in order on 0% of pages.',
    );
    expect(result.evidence.map((ev) => [ev.selector, ev.snippet, ev.note?.it])).toEqual([
      ['#footer a[href="/dichiarazione-accessibilita"]', 'Dichiarazione di accessibilità → https://www.comune.esempio.it/dichiarazione-accessibilita', 'dichiarazione non pubblicata sul modulo AgID'],
      ['html', '', '<html> senza attributo lang (WCAG 3.1.1)'],
      ['img[src="/assets/images/piazza.jpg"]', 'https://www.comune.esempio.it/assets/images/piazza.jpg', 'immagine senza alt'],
      ['img[src="/assets/images/municipio.jpg"]', 'https://www.comune.esempio.it/assets/images/municipio.jpg', 'immagine senza alt'],
      ['h1-h6', 'h1 → h3 "Musei"', 'ordine dei titoli: livello saltato'],
    ]);
  });

  it('finds the skipped heading level on the model home page', () => {
    const result = accessibility.check(onePage('../modello-comuni/site/sito/homepage.html'));
    expect(result.status).toBe('partial');
    expect(result.evidence.find((ev) => ev.selector === 'h1-h6')?.snippet).toMatch(/^h2 → h4 /);
  });

  it('fails without any accessibility statement link', () => {
    const result = accessibility.check(onePage('common/plain.html'));
    expect(result.status).toBe('fail');
    expect(result.score).toBe(0);
  });
});
