// The survey's site lists: IndicePA's enti.csv, a codice_ipa,name,url CSV or a URL-per-line file → the rows to
// survey, each to audit or kept with the reason it cannot be (README "Site lists").
import type { ListFilters, ListProblem, SurveyTarget } from '../types.js';
import { applyFilters } from './select.js';
import { readListFile, type ListFormat } from './read.js';
import { isComune, toTargets } from './targets.js';

export { SurveyInputError } from './errors.js';
export { selectShard } from './select.js';

export interface SurveyList {
  format: ListFormat;
  targets: SurveyTarget[];
  /** Remarks about the list (never fatal): rows that could not be read, cells with several sites, unknown ISTAT codes. */
  problems: ListProblem[];
}

/**
 * Reads a site list and applies the filters. Throws SurveyInputError only when the list as a whole cannot be used
 * (unreadable, unknown header) or a --region/--province names nothing; every row that can be read is a target.
 */
export async function readSurveyTargets(path: string, filters: ListFilters = {}): Promise<SurveyList> {
  const problems: ListProblem[] = [];
  const { format, rows } = await readListFile(path, problems);
  let kept = rows;
  if (format === 'indicepa' && (filters.bodies ?? 'comuni') === 'comuni') {
    kept = rows.filter(isComune);
    const others = rows.length - kept.length;
    if (others > 0) {
      problems.push({
        message: {
          it: others === 1
            ? '1 riga di un ente che non è un comune lasciata fuori (--all-bodies per tenerla)'
            : `${others} righe di enti che non sono comuni lasciate fuori (--all-bodies per tenerle)`,
          en: others === 1
            ? '1 row of a body that is not a comune left out (--all-bodies keeps it)'
            : `${others} rows of bodies that are not comuni left out (--all-bodies keeps them)`,
        },
      });
    }
  }
  return { format, targets: applyFilters(toTargets(kept, problems), filters), problems };
}
