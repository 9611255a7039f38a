import { describe, expect, it } from 'vitest';
import { foldAccents, terms } from '../../src/classify/text.js';
import { tokenize } from '../../src/classify/tokens.js';
import { stemItalian } from '../../src/classify/stemmer.js';

describe('tokenize', () => {
  it('keeps accented words whole and lower-cases them', () => {
    expect(tokenize('La Città è più bella, perché sì!')).toEqual(['la', 'città', 'è', 'più', 'bella', 'perché', 'sì']);
  });

  it('splits on apostrophes and punctuation but keeps digits', () => {
    expect(tokenize("Carta d'identità n. 123")).toEqual(['carta', 'd', 'identità', 'n', '123']);
  });

  it('gives the tokens of the Unicode regular expression, on any script, combining marks, emoji and lone surrogates', () => {
    const samples = [
      'Città di Bolzano – Stadt Bozen: Gemeindeämter, ÖFFNUNGSZEITEN ½ ² ٣ 𝟘𝟙',
      'İstanbul ǅemal ΣΊΣΥΦΟΣ Привет мир 東京都 한국어 עִבְרִית',
      'cafe\u0301 e\u0300 👍🏽 \ud800 x\udc00y 𐐀𐐨 ',
      '\u00a0tabs\tand\nlines\r\n— «virgolette» “curve” l’apostrofo',
    ];
    for (const text of samples) expect(tokenize(text)).toEqual(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  });
});

describe('terms', () => {
  it('drops stop words (after lower-casing) and numbers, and folds accents', () => {
    expect(terms('La città è più bella del 2024')).toEqual(new Map([['citt', 1], ['bell', 1]]));
  });

  it('gives the same term with and without the accent', () => {
    expect(terms('attività')).toEqual(terms('attivita'));
    expect(terms('CITTÀ')).toEqual(terms('città'));
  });
});

describe('stemItalian (Snowball)', () => {
  // Pairs from the Snowball Italian reference vocabulary (snowballstem.org).
  const reference: [string, string][] = [
    ['abbandonata', 'abbandon'],
    ['abbandonerà', 'abbandon'],
    ['abbassandola', 'abbass'],
    ['abbaruffato', 'abbaruff'],
    ['pronunciare', 'pronunc'],
    ['autorizzazione', 'autorizz'],
    ['velocemente', 'veloc'],
    ['possibilità', 'possibil'],
    ['università', 'univers'],
    ['residenza', 'resident'],
  ];
  it.each(reference)('%s → %s', (word, stem) => {
    expect(stemItalian(word)).toBe(stem);
  });

  it('leaves very short words alone', () => {
    expect(stemItalian('tu')).toBe('tu');
    expect(foldAccents('perché così')).toBe('perche cosi');
  });
});
