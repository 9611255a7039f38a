// A list that cannot be surveyed at all (unreadable file, unknown header, unknown --region): what is wrong, in both
// languages, so the CLI can say it in the user's. Problems with single rows are never errors: see ListProblem.
import type { Localised } from '../../types.js';

export class SurveyInputError extends Error {
  constructor(
    readonly text: Localised,
    /** `file`: the list cannot be read or has no recognisable header; `filter`: a --region/--province value names nothing. */
    readonly kind: 'file' | 'filter',
  ) {
    super(text.en);
    this.name = 'SurveyInputError';
  }
}
