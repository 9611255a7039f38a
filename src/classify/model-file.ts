// What the category model and the topic model share as files: JSON read with a message a person can act on, the
// vocabulary rows ([IDF, one weight per class]) unpacked into flat arrays, and a writer that keeps diffs readable.
import { ClassifierDataError } from './errors.js';

/** A model file's JSON, or an error naming the file and the command that trains a good one. */
export function parseModelJson<T>(text: string, source: string, trainCommand: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    const detail = (error as Error).message;
    throw new ClassifierDataError({
      it: `${source}: non è un file JSON di modello (${detail}); addestrane uno con "${trainCommand}"`,
      en: `${source}: not a JSON model file (${detail}); train one with "${trainCommand}"`,
    });
  }
}

/** Whether a model file's vocabulary has the shape unpackVocabulary reads: term → [IDF, then `width` weights]. */
export function isVocabulary(vocabulary: unknown, width: number): vocabulary is Record<string, number[]> {
  return typeof vocabulary === 'object' && vocabulary !== null && Object.values(vocabulary).every((row) => Array.isArray(row) && row.length === width + 1);
}

/** Vocabulary rows ([IDF, then `width` weights]) as a term index, an IDF array and a flat term × class weight array. */
export function unpackVocabulary(vocabulary: Record<string, number[]>, width: number): { index: Map<string, number>; idf: Float64Array; weights: Float64Array } {
  const terms = Object.keys(vocabulary);
  const idf = new Float64Array(terms.length);
  const weights = new Float64Array(terms.length * width);
  const index = new Map<string, number>();
  terms.forEach((term, t) => {
    const row = vocabulary[term];
    index.set(term, t);
    idf[t] = row[0];
    for (let k = 0; k < width; k++) weights[t * width + k] = row[k + 1];
  });
  return { index, idf, weights };
}

/** A model file's text: its header, then one vocabulary entry per line, so that diffs between trained models stay readable. */
export function serialiseWithVocabulary(model: { vocabulary: Record<string, unknown> }): string {
  const { vocabulary, ...header } = model;
  const entries = Object.keys(vocabulary)
    .sort()
    .map((term) => `    ${JSON.stringify(term)}: ${JSON.stringify(vocabulary[term])}`);
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  return `${head},\n  "vocabulary": {\n${entries.join(',\n')}\n  }\n}\n`;
}
