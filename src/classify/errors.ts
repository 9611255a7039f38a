// A malformed training file or model: what is wrong, in both languages, so the CLI can say it in the user's.
import type { Localised } from '../types.js';

export class ClassifierDataError extends Error {
  constructor(readonly text: Localised) {
    super(text.en);
    this.name = 'ClassifierDataError';
  }
}
