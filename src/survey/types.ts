// Records shared by the survey stage: what the site-list readers produce and the runner consumes.

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
  /** Stable key of the row: the IPA code, else the normalised URL, else `line:N`. */
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
