import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLabelledFile } from '../../src/classify/labelled.js';
import { categoryFromLabel } from '../../src/classify/categories.js';
import { ClassifierDataError } from '../../src/classify/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'labelled-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readLabelledFile', () => {
  it('reads JSONL records with slugs, labels and lists', () => {
    const path = file(
      'ok.jsonl',
      [
        JSON.stringify({ category: 'anagrafe-stato-civile', title: 'CIE', text: 'Carta di identità', site: 'a' }),
        '',
        JSON.stringify({ label: 'Impresa e commercio', text: 'SCIA', breadcrumb: ['Servizi', 'Imprese e commercio'] }),
      ].join('\n'),
    );
    expect(readLabelledFile(path)).toEqual([
      { category: 'anagrafe-stato-civile', title: 'CIE', text: 'Carta di identità', site: 'a' },
      { category: 'imprese-commercio', text: 'SCIA', breadcrumb: ['Servizi', 'Imprese e commercio'] },
    ]);
  });

  it('reads CSV with quoted fields spanning lines and " | " lists', () => {
    const path = file('ok.csv', 'category,title,text,headings\naltro,Cookie,"Uso dei cookie, tecnici\ne analitici",Cookie | Privacy\n');
    expect(readLabelledFile(path)).toEqual([
      { category: 'altro', title: 'Cookie', text: 'Uso dei cookie, tecnici\ne analitici', headings: ['Cookie', 'Privacy'] },
    ]);
  });

  it('names the file and line of a malformed JSONL line', () => {
    const path = file('bad.jsonl', `${JSON.stringify({ category: 'turismo', text: 'ok' })}\n{"category": "turismo", "text": \n`);
    expect(() => readLabelledFile(path)).toThrow(`${path}:2: not valid JSON`);
  });

  it('names the line of an unknown category', () => {
    const path = file('cat.jsonl', `${JSON.stringify({ category: 'turismo', text: 'ok' })}\n${JSON.stringify({ category: 'sport', text: 'x' })}\n`);
    expect(() => readLabelledFile(path)).toThrow(/cat\.jsonl:2: unknown category "sport"/);
  });

  it('says the category is missing, in both languages, without a literal "null"', () => {
    const path = file('nocat.jsonl', `${JSON.stringify({ text: 'x' })}\n${JSON.stringify({ category: null, text: 'y' })}\n`);
    const error = (() => {
      try {
        readLabelledFile(path);
      } catch (caught) {
        return caught as ClassifierDataError;
      }
      throw new Error('no error');
    })();
    expect(error.text.it).toBe(`${path}:1: manca la categoria; usa un identificativo come "anagrafe-stato-civile" o "altro"`);
    expect(error.text.en).toBe(`${path}:1: the category is missing; use a slug such as "anagrafe-stato-civile" or "altro"`);
  });

  it('names the CSV line whose field count is wrong, counting lines inside quoted fields', () => {
    const path = file('bad.csv', 'category,text\nturismo,"due\nrighe"\nambiente,rifiuti,extra\n');
    expect(() => readLabelledFile(path)).toThrow(/bad\.csv:4: 3 fields where the header has 2/);
  });

  it('rejects records without text and unknown file types', () => {
    expect(() => readLabelledFile(file('empty.jsonl', '{"category":"altro","text":"  "}\n'))).toThrow(/empty\.jsonl:1: record has neither/);
    expect(() => readLabelledFile(file('data.txt', 'x'))).toThrow(/unknown training file type/);
  });
});

describe('categoryFromLabel', () => {
  it('accepts the official labels and their variants', () => {
    expect(categoryFromLabel('Impresa e commercio')).toBe('imprese-commercio');
    expect(categoryFromLabel('Imprese e commercio')).toBe('imprese-commercio');
    expect(categoryFromLabel('Agricoltura, caccia e pesca')).toBe('agricoltura-pesca');
    expect(categoryFromLabel('Mobilita e trasporti')).toBe('mobilita-trasporti');
    expect(categoryFromLabel('  EDUCAZIONE E FORMAZIONE ')).toBe('educazione-formazione');
    expect(categoryFromLabel('Notizie')).toBeNull();
    expect(categoryFromLabel('Altro')).toBeNull();
  });
});
