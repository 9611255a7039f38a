// Records shared by the survey stage: what the site-list readers produce and the runner consumes.
import type { Localised } from '../types.js';

/** Why a row of the input list is kept in the results without being audited. */
export type TargetRejection =
  | 'no-website' // the row has no site at all
  | 'invalid-url' // the site cell cannot be read as an http(s) address
  | 'duplicate' // the same IPA code (or, without codes, the same site) came earlier in the list
  | 'shared-website'; // the site is already listed for another body (a site that is another body's)

/** One row of a site list (IndicePA enti.csv, a codice_ipa,name,url CSV or a URL-per-line file). */
export interface SurveyTarget {
  /** 1-based line of the input file the row starts on, for messages a person can find. */
  line: number;
  /**
   * Stable key of the row: the IPA code, else the normalised URL, else `line:N`. A repeated IPA code is
   * rejected as `duplicate` and keyed `<code>@line:N`, so keys are unique within a list.
   */
  key: string;
  ipaCode: string | null;
  name: string | null;
  /** ISTAT municipality code (6 digits) when known; region and province are derived from it. */
  istatCode: string | null;
  region: string | null;
  province: string | null;
  /** The site to audit, normalised to an absolute http(s) URL; null when rejected. */
  url: string | null;
  /** The cell as written in the file, kept for the results. */
  rawUrl: string;
  /** Set when the row is kept in the results without being audited. */
  rejected: { reason: TargetRejection; detail: string } | null;
}

/** What part of a list to survey (README "Site lists"); every filter is optional. */
export interface ListFilters {
  /** Region names, comma-separated; case, accents and punctuation do not matter ("emilia romagna"). */
  region?: string;
  /** Province names or sigle, comma-separated ("MI", "Monza e della Brianza"). */
  province?: string;
  /** The first N rows (after the other filters), in the file's order. */
  limit?: number;
  /** A random sample of N rows, stratified by region, reproducible with `seed`. */
  sample?: number;
  seed?: number;
  /** enti.csv: `comuni` (the default) keeps the comuni only, `all` every body of the file. */
  bodies?: 'comuni' | 'all';
}

/** A remark about the list itself (a row that could not be read, a cell with several sites…), never fatal. */
export interface ListProblem {
  /** 1-based line of the file, when the remark is about one row. */
  line?: number;
  message: Localised;
}
