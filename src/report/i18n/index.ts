// The shape every language file must fill: a key missing from it.ts or en.ts fails the typecheck.
import type { FetchErrorCode, PointId, RuleMeta, Status } from '../../types.js';
import { en } from './en.js';
import { it } from './it.js';

export type Lang = 'it' | 'en';
export type CriteriaGroup = NonNullable<RuleMeta['group']>;

export interface Messages {
  /** BCP 47 tag for <html lang>. */
  htmlLang: string;
  decimalSeparator: string;
  reportTitle: string;
  label: {
    site: string;
    pages: string;
    caps: string;
    run: string;
    index: string;
    level: string;
    checks: string;
  };
  pagesLine(audited: number, failed: number): string;
  /** The crawl's progress line on stderr. */
  progress(fetched: number, queued: number, url: string): string;
  singlePage: string;
  capsNone: string;
  capMaxPages(maxPages: number): string;
  capTimeBudget(seconds: string): string;
  capSkipped(urls: number): string;
  capDepth(urls: number, maxDepth: number): string;
  runLine(dateUtc: string, seconds: string): string;
  levelLine(position: number, of: number, name: string): string;
  /** "12 passed": a count with the plural status word. */
  statusCount: Record<Status, (count: number) => string>;
  /** Status as a single word, for legends and cell text. */
  status: Record<Status, string>;
  notScored: string;
  section: {
    points: string;
    governance: string;
    criteria: string;
    otherCriteria: string;
    findings: string;
  };
  noFindings: string;
  moreFindings(count: number): string;
  fatalTitle: string;
  whatToDo: string;
  fatalAdvice: Record<FetchErrorCode, string>;
  /** Strings only the HTML report uses. */
  html: {
    generatedBy(tool: string): string;
    status: string;
    step: string;
    point: string;
    score: string;
    criterion: string;
    check: string;
    evidence: string;
    moreEvidence(count: number): string;
    pages: string;
    showPages(count: number): string;
    url: string;
    httpStatus: string;
    pageType: string;
    category: string;
    documents: string;
    fetchError: string;
  };
  pointName: Record<PointId, string>;
  groupName: Record<CriteriaGroup, string>;
}

const MESSAGES: Record<Lang, Messages> = { it, en };

export function messages(lang: Lang): Messages {
  return MESSAGES[lang];
}
