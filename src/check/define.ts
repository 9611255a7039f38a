// Building blocks for rules: metadata, outcomes and evidence. Rules import from here only.
import type { AnalysedPage, Evidence, Localised, Rule, RuleMeta, RuleOutcome, SiteFacts, Status } from '../types.js';
import { memoizeBounded } from '../util/memo.js';

export function defineRule(meta: RuleMeta, check: (site: SiteFacts) => RuleOutcome): Rule {
  return { meta, check };
}

const SNIPPET_MAX = 200;

/** Collapse whitespace and cap, so evidence stays one readable line. */
export function snippet(text: string, max = SNIPPET_MAX): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** Evidence: where (url, selector), what was seen there (text, never the rule's own words) and the rule's note. */
export function evidence(url: string, selector: string, text: string, note?: Localised): Evidence {
  return note ? { url, selector, snippet: snippet(text), note } : { url, selector, snippet: snippet(text) };
}

/** A note that reads the same in both languages: a product or vendor name ("Google Analytics", "iubenda"). */
export function nameNote(name: string): Localised {
  return { it: name, en: name };
}

/** Localised parts joined language by language: several reasons in one note or message. */
export function joinLocalised(parts: readonly Localised[], separator = '; '): Localised {
  return { it: parts.map((part) => part.it).join(separator), en: parts.map((part) => part.en).join(separator) };
}

const SCORES: Record<Status, number | null> = { pass: 1, partial: 0.5, fail: 0, unknown: null, error: null };

function outcome(status: Status, evidenceList: Evidence[], message: Localised, details?: RuleOutcome['details']): RuleOutcome {
  const result: RuleOutcome = { status, score: SCORES[status], message, evidence: evidenceList };
  if (details) result.details = details;
  return result;
}

export const pass = (ev: Evidence[], message: Localised, details?: RuleOutcome['details']) => outcome('pass', ev, message, details);
export const partial = (ev: Evidence[], message: Localised, details?: RuleOutcome['details']) => outcome('partial', ev, message, details);
export const fail = (ev: Evidence[], message: Localised, details?: RuleOutcome['details']) => outcome('fail', ev, message, details);
export const unknown = (ev: Evidence[], message: Localised, details?: RuleOutcome['details']) => outcome('unknown', ev, message, details);

const okPagesOf = new WeakMap<SiteFacts, readonly AnalysedPage[]>();

/**
 * Pages that were fetched and parsed (errors and non-HTML left out). One frozen array per site, shared by every
 * rule, so finders can cache work per page list (see rules/find.ts).
 */
export function okPages(site: SiteFacts): readonly AnalysedPage[] {
  let pages = okPagesOf.get(site);
  if (!pages) {
    pages = Object.freeze(site.pages.filter((page) => !page.error && page.status >= 200 && page.status < 300));
    okPagesOf.set(site, pages);
  }
  return pages;
}

/** Host of a URL, lower-cased, or "" when it does not parse. Memoised: rules ask for the same script URLs on every page. */
export const hostOf = memoizeBounded((url) => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}, 20_000);

/** True when host equals domain or is a subdomain of it. */
export function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
