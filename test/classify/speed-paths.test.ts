// The classifier's fast paths (term-counter.ts, featureVector's reused scratch) against the simple ways they replace,
// on every text of the shipped corpus: an optimisation that changed a single count or weight fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_FILES, DEFAULT_MODEL_PATH, parseModel, readLabelledFile, terms } from '../../src/classify/index.js';
import { FIELD_WEIGHTS, compileModel, featureVector, termCounts } from '../../src/classify/model.js';
import { tokenize } from '../../src/classify/tokens.js';

const records = CORPUS_FILES.flatMap((file) => readLabelledFile(file));

/** Term counts the simple way: each token's own term, counted in a Map in order of first occurrence. */
function simpleCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokenize(text)) {
    for (const term of terms(token).keys()) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/** featureVector the simple way: a Map from term number to weight, field after field. */
function simpleVector(fields: Map<string, number>[], index: Map<string, number>, idf: ArrayLike<number>): { ids: number[]; weights: number[] } {
  const weightOfField = Object.values(FIELD_WEIGHTS);
  const merged = new Map<number, number>();
  fields.forEach((counts, f) => {
    const known = [...counts].filter(([term]) => index.has(term)).map(([term, count]) => [index.get(term)!, (1 + Math.log(count)) * idf[index.get(term)!]]);
    const norm = known.reduce((sum, [, weight]) => sum + weight * weight, 0);
    if (norm === 0) return;
    const scale = weightOfField[f] / Math.sqrt(norm);
    for (const [id, weight] of known) merged.set(id, (merged.get(id) ?? 0) + weight * scale);
  });
  return { ids: [...merged.keys()], weights: [...merged.values()] };
}

describe('fast paths give what the simple ways give', () => {
  it('term counts: each token is counted as its own term, in order of first occurrence, on every corpus text', () => {
    expect(records.length).toBeGreaterThan(1000);
    for (const record of records) {
      const counts = terms(record.text);
      const expected = simpleCounts(record.text);
      expect([...counts], record.source).toEqual([...expected]);
    }
  });

  it('feature vectors: the same terms, order and weights (bit for bit) as a Map per page, on every corpus record', () => {
    const compiled = compileModel(parseModel(readFileSync(DEFAULT_MODEL_PATH, 'utf8'), DEFAULT_MODEL_PATH));
    for (const record of records) {
      const fields = termCounts(record, compiled.terms, record.title === undefined);
      expect(featureVector(fields, compiled.index, compiled.idf), record.source).toEqual(simpleVector(fields, compiled.index, compiled.idf));
    }
  });
});
