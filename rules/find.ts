// Finders shared by the point rules: links by host or wording, sentences that mention a term (and whether they
// deny it), class-token markers, and the "nothing found" outcome. They read facts only; they never parse HTML.
import { evidence, fail, hostMatches, hostOf, nameNote, okPages, snippet, unknown } from '../src/check/define.js';
import type { AnalysedPage, Evidence, LinkFact, Localised, RuleOutcome, SiteFacts } from '../src/types.js';
import { NEWS_PATH, TRACKERS, type Tracker } from './signals.js';

/** Enough evidence to act on; counts in `details` say how many more there were. */
const MAX_EVIDENCE = 10;

export interface LinkHit {
  page: AnalysedPage;
  link: LinkFact;
}

/** True when host is one of the domains or a subdomain of one. */
export function hostIn(host: string, domains: readonly string[]): boolean {
  return domains.some((domain) => hostMatches(host, domain));
}

/** Each link object at its first page, in crawl order: what findLinks walks (see distinctLinks). */
const distinctLinksOf = new WeakMap<readonly AnalysedPage[], LinkHit[]>();

/**
 * The page list's links, each link object once at the first page it is on. Repeated menu and footer links are one
 * shared object (src/facts/share.ts), so this is far shorter than every occurrence; cached per list, and okPages()
 * gives every rule the same list.
 */
function distinctLinks(pages: readonly AnalysedPage[]): LinkHit[] {
  let hits = distinctLinksOf.get(pages);
  if (!hits) {
    const seen = new Set<LinkFact>();
    hits = [];
    for (const page of pages) {
      for (const link of page.links) {
        if (seen.has(link)) continue;
        seen.add(link);
        hits.push({ page, link });
      }
    }
    distinctLinksOf.set(pages, hits);
  }
  return hits;
}

/**
 * Links satisfying `test`, each href once (first page in crawl order, i.e. the shallowest): a footer link
 * repeated on every page is one finding, not hundreds.
 */
export function findLinks(pages: readonly AnalysedPage[], test: (link: LinkFact) => boolean): LinkHit[] {
  const seen = new Set<string>();
  const hits: LinkHit[] = [];
  for (const hit of distinctLinks(pages)) {
    if (seen.has(hit.link.href) || !test(hit.link)) continue;
    seen.add(hit.link.href);
    hits.push(hit);
  }
  return hits;
}

/** Links whose host is one of the domains (or a subdomain). */
export function linksToDomains(pages: readonly AnalysedPage[], domains: readonly string[]): LinkHit[] {
  return findLinks(pages, (link) => hostIn(link.host, domains));
}

/** Visible wording of a link: its text, else its aria-label/title/img alt. */
export function linkWording(link: LinkFact): string {
  return link.text || link.label;
}

export function linkEvidence({ page, link }: LinkHit, note?: Localised): Evidence {
  return evidence(page.url, link.selector, `${snippet(linkWording(link), 80)} → ${link.href}`, note);
}

/** Note on a mention found in a news article: national news there is not the comune's own service. */
export const NEWS_NOTE: Localised = { it: 'notizia: non conteggiata', en: 'news article: not counted' };

/** News, events and notices: national news there is not the comune's own service. */
function isNewsPage(page: AnalysedPage): boolean {
  const type = page.pageType.type;
  if (type === 'news' || type === 'event' || type === 'events') return true;
  try {
    return NEWS_PATH.test(new URL(page.finalUrl || page.url).pathname);
  } catch {
    return false;
  }
}

export interface Mentions {
  /** Sentences naming the term as available or in use. */
  affirmed: Evidence[];
  /** Sentences naming the term as not active, not available, coming soon. */
  denied: Evidence[];
}

/** Denials of availability near a term: "pagoPA non è ancora attivo", "non è ancora possibile pagare con pagoPA". */
const DENIAL =
  /\bnon\b[^.;:!?\n]{0,30}?\b(?:attiv[oaie]|disponibil[ei]|abilitat[oaie]|operativ[oaie]|possibile|accettat[oaie]|in\s+funzione)\b|\bin\s+(?:fase|corso)\s+di\s+attivazione\b|\bprossimamente\b|\bsar[àa]\s+(?:attivat|disponibil)|\bnot\s+(?:yet\s+)?(?:active|available)\b/i;

/** Sentence ends: full stops, colons, semicolons followed by white space, and line breaks (blocks end lines in mainText). */
const SENTENCE_END = /[.!?;:]\s|\n/g;

const isSentencePunctuation = (char: string) => char === '.' || char === '!' || char === '?' || char === ';' || char === ':';
const isSpace = (char: string) => char === ' ' || char === '\t' || char === '\r' || char === '\f' || char === '\u00a0';

/** The sentence around position `at`: from after the previous sentence end to the next one. */
function sentenceAround(text: string, at: number): { start: number; end: number } {
  let start = 0;
  for (let i = at - 1; i >= 0; i--) {
    const char = text[i];
    if (char === '\n' || (isSpace(char) && i > 0 && isSentencePunctuation(text[i - 1]))) {
      start = i + 1;
      break;
    }
  }
  SENTENCE_END.lastIndex = at;
  const next = SENTENCE_END.exec(text);
  const end = next ? next.index + (next[0] === '\n' ? 0 : 1) : text.length;
  return { start, end };
}

const globalTerms = new Map<RegExp, RegExp>();

function globalVersion(term: RegExp): RegExp {
  let global = globalTerms.get(term);
  if (!global) {
    global = new RegExp(term.source, term.flags.includes('g') ? term.flags : `${term.flags}g`);
    globalTerms.set(term, global);
  }
  return global;
}

/**
 * The first sentence per page that matches `term`, sorted into affirmed and denied. Main text only unless asked:
 * a menu item is navigation, not a statement about a service. Walks the term's matches rather than splitting
 * every page into sentences: most text never names the term.
 */
export function mentions(pages: readonly AnalysedPage[], term: RegExp, options: { includeBoilerplate?: boolean } = {}): Mentions {
  const found: Mentions = { affirmed: [], denied: [] };
  const matcher = globalVersion(term);
  for (const page of pages) {
    const sources: [string, string][] = [['text', page.mainText]];
    if (options.includeBoilerplate) sources.push(['text:boilerplate', page.boilerplateText]);
    let affirmed = false;
    let denied = false;
    for (const [selector, text] of sources) {
      matcher.lastIndex = 0;
      let match: RegExpExecArray | null;
      while (!(affirmed && denied) && (match = matcher.exec(text))) {
        const { start, end } = sentenceAround(text, match.index);
        const sentence = text.slice(start, end).trim();
        if (DENIAL.test(sentence)) {
          if (!denied) found.denied.push(evidence(page.url, selector, sentence));
          denied = true;
        } else if (!affirmed) {
          found.affirmed.push(evidence(page.url, selector, sentence));
          affirmed = true;
        }
        // Next match after this sentence: one verdict per sentence.
        matcher.lastIndex = Math.max(end, match.index + Math.max(1, match[0].length));
      }
    }
  }
  return found;
}

/**
 * The first line of `text` that matches `pattern` (a pattern that never spans lines) and `accept`. The whole text is
 * tested first: most pages have no such line, and one scan is cheaper than splitting every page into lines.
 */
export function firstLineMatching(text: string, pattern: RegExp, accept: (line: string) => boolean = () => true): string | undefined {
  if (!pattern.test(text)) return undefined;
  return text.split('\n').find((line) => pattern.test(line) && accept(line));
}

/** The first of `tokens` present among the page's class tokens, or null. */
export function classMarker(page: AnalysedPage, tokens: readonly string[]): string | null {
  for (const token of tokens) if (page.classTokens.includes(token)) return token;
  return null;
}

/** Pages in and out of news sections. */
export function splitNews(pages: readonly AnalysedPage[]): { services: AnalysedPage[]; news: AnalysedPage[] } {
  const services: AnalysedPage[] = [];
  const news: AnalysedPage[] = [];
  for (const page of pages) (isNewsPage(page) ? news : services).push(page);
  return { services, news };
}

const SINGLE_PAGE_NOTE: Localised = {
  it: ' Audit di una sola pagina: l’assenza sul resto del sito non è verificabile.',
  en: ' Single-page audit: absence from the rest of the site cannot be verified.',
};

/**
 * "Nothing found": fail on a crawled site, unknown when there is nothing to judge (no page could be read,
 * or a single-page audit that cannot see the rest of the site).
 */
export function notFound(site: SiteFacts, ev: Evidence[], message: Localised, details?: RuleOutcome['details']): RuleOutcome {
  if (okPages(site).length === 0) {
    return unknown(ev, { it: 'Nessuna pagina leggibile: controllo non valutabile.', en: 'No readable page: the check cannot be assessed.' }, details);
  }
  if (site.singlePage) return unknown(ev, { it: message.it + SINGLE_PAGE_NOTE.it, en: message.en + SINGLE_PAGE_NOTE.en }, details);
  return fail(ev, message, details);
}

/** First `MAX_EVIDENCE` items. */
export function capEvidence(items: Evidence[]): Evidence[] {
  return items.slice(0, MAX_EVIDENCE);
}

export interface TrackerHit {
  tracker: Tracker;
  evidence: Evidence;
}

/** Script URLs and inline bodies of a page: those that run, plus (when asked) those a consent manager holds back. */
export function pageScripts(page: AnalysedPage, includeBlocked: boolean): { sources: string[]; inline: string[] } {
  return includeBlocked
    ? { sources: [...page.scripts, ...page.blockedScripts], inline: [...page.inlineScripts, ...page.blockedInlineScripts] }
    : { sources: page.scripts, inline: page.inlineScripts };
}

/** An inline script from the start of the statement that matches `pattern`, for evidence. */
export function inlineSnippet(body: string, pattern: RegExp): string {
  const at = Math.max(0, body.search(pattern));
  const statementStart = Math.max(body.lastIndexOf(';', at), body.lastIndexOf('\n', at), body.lastIndexOf('{', at)) + 1;
  return body.slice(statementStart, at + 160);
}

/**
 * The first page loading each tracker, by script/iframe host or inline snippet (privacy and analytics). With
 * `includeBlocked`, scripts held by a consent manager count too (they run once the visitor accepts).
 */
export function findTrackers(pages: readonly AnalysedPage[], trackers: readonly Tracker[] = TRACKERS, includeBlocked = false): TrackerHit[] {
  const hits: TrackerHit[] = [];
  for (const tracker of trackers) {
    for (const page of pages) {
      const { sources, inline } = pageScripts(page, includeBlocked);
      const fromTracker = (url: string) => hostIn(hostOf(url), tracker.domains);
      const src = sources.find(fromTracker) ?? page.iframes.find(fromTracker);
      if (src) {
        hits.push({ tracker, evidence: evidence(page.url, page.iframes.includes(src) ? 'iframe[src]' : 'script[src]', src, nameNote(tracker.name)) });
        break;
      }
      const body = tracker.inline ? inline.find((text) => tracker.inline!.test(text)) : undefined;
      if (body) {
        hits.push({ tracker, evidence: evidence(page.url, 'script', inlineSnippet(body, tracker.inline!), nameNote(tracker.name)) });
        break;
      }
    }
  }
  return hits;
}
