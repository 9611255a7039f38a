// The survey's resume and interrupt lines agree in number with their counts, in Italian and in English.
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/report/i18n/index.js';

const it_ = messages('it').survey;
const en = messages('en').survey;

describe('survey resume and interrupt wording', () => {
  it('says one site in the singular', () => {
    expect(it_.resumed(2, 1, 5)).toBe('ripresa dell’esecuzione 2: 1 sito su 5 già fatto');
    expect(it_.interrupted(1, 5, 'cmd')).toBe('interrotta: 1 sito su 5 fatto e salvato; per riprendere esegui: cmd');
    expect(en.resumed(2, 1, 1)).toBe('resuming survey run 2: 1 of 1 site already done');
    expect(en.interrupted(0, 1, 'cmd')).toBe('interrupted: 0 of 1 site done and saved; to resume run: cmd');
  });

  it('says several sites in the plural', () => {
    expect(it_.resumed(2, 3, 5)).toBe('ripresa dell’esecuzione 2: 3 siti su 5 già fatti');
    expect(it_.interrupted(0, 5, 'cmd')).toBe('interrotta: 0 siti su 5 fatti e salvati; per riprendere esegui: cmd');
    expect(en.resumed(2, 1, 5)).toBe('resuming survey run 2: 1 of 5 sites already done');
    expect(en.interrupted(3, 5, 'cmd')).toBe('interrupted: 3 of 5 sites done and saved; to resume run: cmd');
  });
});
