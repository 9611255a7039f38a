import { describe, expect, it } from 'vitest';
import io from '../../rules/io.js';
import { onePage, url } from './site.js';

describe('io', () => {
  it('passes on links to IO and its store pages from a service page', () => {
    const result = io.check(onePage('io/link.html', '/servizi/mensa'));
    expect(result.status).toBe('pass');
    expect(result.score).toBe(1);
    expect(result.evidence.map((ev) => ev.snippet)).toEqual([
      "Scopri l'app IO → https://io.italia.it/",
      "Scarica IO dall'App Store → https://apps.apple.com/it/app/io/id1501681835",
      'Scarica IO da Google Play → https://play.google.com/store/apps/details?id=it.pagopa.io.app',
    ]);
    expect(result.evidence.every((ev) => ev.url === url('/servizi/mensa'))).toBe(true);
  });

  it('is partial when a service page names the app IO without linking it', () => {
    const result = io.check(onePage('io/mention.html', '/servizi/residenza'));
    expect(result.status).toBe('partial');
    expect(result.evidence[0]).toEqual({
      url: url('/servizi/residenza'),
      selector: 'text',
      snippet: "Quando la pratica è conclusa il Comune ti invia un messaggio sull'app IO.",
    });
  });

  it('is partial, not pass, for an IO link inside a news article', () => {
    const result = io.check(onePage('io/news-link.html', '/novita/notizie/io'));
    expect(result.status).toBe('partial');
    expect(result.evidence[0]).toMatchObject({ note: { it: 'notizia', en: 'news article' }, snippet: "Scarica l'applicazione → https://io.italia.it/" });
  });

  it('does not read the pronoun "io" or "IO LEGGO" as the app', () => {
    const result = io.check(onePage('common/plain.html', '/uffici/tecnico'));
    expect(result.status).toBe('fail');
    expect(result.details).toMatchObject({ links: 0, mentions: 0 });
  });
});
