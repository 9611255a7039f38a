// The crawl itself: start page, then breadth-first level by level. Within a level candidates are
// sorted by (priority, url) and admitted up to the page budget, and results are de-duplicated in
// that order, so the set of pages never depends on which response arrived first.
import type { CrawlLimits, CrawlResult, FetchedPage, FetchError, RedirectHop, RobotsFacts, SitemapFacts, TlsFacts } from '../types.js';
import { AliasIndex, bodyFingerprint, recordAlias } from './aliases.js';
import { fetchAssets } from './assets.js';
import { fetchError } from './errors.js';
import { HttpClient, mediaTypeOf, type FetchOutcome, type RedirectDecision } from './fetch.js';
import { withDefaults, type CrawlOptions, type DiscoveredLinks } from './options.js';
import { buildPage, canonicalFromHtml, isHtmlType, isParsablePage, mayBeHtml, mediaTypeOfResponse, metaRefreshTarget, scriptRedirectTarget } from './page.js';
import { loadRobots, type RobotsRules } from './robots.js';
import { readSitemaps } from './sitemap.js';
import { siteTlsFacts } from './tls.js';
import { ABSOLUTE_WEB_URL, looksLikeNonPage, normaliseUrl, originOf, siteHostsOf } from './url.js';
import { compareCodeUnits } from '../util/compare.js';
import { deadline } from './deadline.js';
import { detach } from '../util/detach.js';

/** Meta-refresh forwards followed from the start page before it is taken as the site's home. */
const MAX_REFRESH_HOPS = 3;
/** The head, where a meta refresh stands, is in the first bytes; the URL is ASCII, so latin1 reads it. */
const REFRESH_SCAN_BYTES = 16 * 1024;

/** Sitemap-only URLs come after every linked page of the same level (pipeline priorities are small integers). */
const SITEMAP_PRIORITY = 1_000;

interface Candidate {
  url: string;
  priority: number;
  source: 'link' | 'sitemap';
}

interface ParsedPage {
  page: FetchedPage;
  discovered: DiscoveredLinks | null;
  /** The page's key for de-duplication: its same-site canonical, else its final URL. */
  identity: string;
  /** Its body's fingerprint, to find the same page at a folder's other address (aliases.ts); null when not comparable. */
  fingerprint: string | null;
}

function addCandidate(candidates: Map<string, Candidate>, candidate: Candidate): void {
  const known = candidates.get(candidate.url);
  if (!known) return void candidates.set(candidate.url, candidate);
  known.priority = Math.min(known.priority, candidate.priority);
  if (candidate.source === 'link') known.source = 'link';
}

function withScheme(input: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input.trim()) ? input.trim() : `https://${input.trim()}`;
}

export async function crawl(
  startInput: string,
  options: Partial<CrawlOptions> & Pick<CrawlOptions, 'onPage'>,
): Promise<CrawlResult> {
  const settings = withDefaults(options);
  const budget = deadline(settings.timeBudgetMs, settings.signal);
  const client = new HttpClient({
    ...settings,
    signal: budget.signal,
    deadline: Date.now() + settings.timeBudgetMs,
  });
  try {
    return await new Crawler(startInput, settings, client, budget.signal).run();
  } finally {
    budget.release();
    await client.close();
  }
}

class Crawler {
  private readonly startedAt = new Date().toISOString();
  private readonly started = performance.now();
  private readonly siteHosts = new Set<string>();
  private readonly robotsByOrigin = new Map<string, Promise<RobotsRules>>();
  private readonly pages: FetchedPage[] = [];
  /** URLs admitted for fetching, plus every URL a kept page answers for (final URL, canonical). */
  private readonly claimed = new Set<string>();
  private readonly skipped = new Set<string>();
  private readonly skippedByDepth = new Set<string>();
  private readonly offsite = new Map<string, RedirectHop>();
  /** Kept pages by folder address and body, to find a folder's index file and the like answering the same page. */
  private readonly aliases = new AliasIndex();
  /**
   * Absolute link URLs already normalised: every page repeats the site's menus, so most links were seen before, and
   * normalising (URL parsing) was the crawler's largest cost. Bounded by the distinct links of one site.
   */
  private readonly normalisedLinks = new Map<string, string | null>();
  private hitMaxPages = false;
  /** Set when the time budget (not the caller) cut something off. */
  private hitTimeBudget = false;
  /** Progress counters: requests done, and URLs admitted so far (the start URL included). */
  private fetched = 0;
  private admitted = 1;
  private robots: RobotsFacts | null = null;
  /** The start site's Crawl-delay as honoured. */
  private crawlDelayMs: number | null = null;
  private sitemap: SitemapFacts = { documents: [] };
  private tls: TlsFacts | null = null;
  private readonly startUrl: string;
  private siteUrl: string;

  constructor(
    private readonly input: string,
    private readonly options: CrawlOptions,
    private readonly client: HttpClient,
    private readonly budget: AbortSignal,
  ) {
    this.startUrl = normaliseUrl(withScheme(input)) ?? input;
    this.siteUrl = this.startUrl;
  }

  async run(): Promise<CrawlResult> {
    if (!normaliseUrl(withScheme(this.input))) {
      return this.result(fetchError('other', { it: `"${this.input}" non è un indirizzo http(s) valido`, en: `"${this.input}" is not a valid http(s) address` }));
    }
    for (const host of siteHostsOf(this.startUrl)) this.siteHosts.add(host);
    const crawlsSite = !this.options.singlePage;
    if (crawlsSite) {
      const forbidden = await this.checkRobots(this.startUrl);
      if (forbidden) return this.result(forbidden);
    }
    const start = await this.followForwardingPage(await this.fetchStart(this.startUrl));
    const fatal = this.startError(start);
    if (fatal) {
      if (fatal.code === 'aborted') this.noteCut(true);
      if (fatal.code === 'tls') this.tls = await this.tlsFacts(start);
      return this.result(fatal);
    }
    this.siteUrl = normaliseUrl(start.finalUrl) ?? start.finalUrl;
    for (const host of siteHostsOf(this.siteUrl)) this.siteHosts.add(host);
    if (crawlsSite && originOf(this.siteUrl) !== originOf(this.startUrl)) {
      const forbidden = await this.checkRobots(this.siteUrl);
      if (forbidden) return this.result(forbidden);
    }
    const startPage = this.acceptStart(start);
    // Assets and TLS are side facts: gather them while the crawl goes on.
    const sideFacts = Promise.all([fetchAssets(startPage.discovered?.assets ?? [], this.client), this.tlsFacts(start)]);
    if (crawlsSite) await this.crawlLevels(this.firstLevel(startPage, await this.readSitemaps()));
    const [assets, tls] = await sideFacts;
    this.tls = tls;
    return this.result(undefined, assets);
  }

  // ------------------------------------------------------------ start page and site facts

  /** Loads robots.txt for the URL's origin; returns the fatal error when it forbids the URL. */
  private async checkRobots(url: string): Promise<FetchError | null> {
    const rules = await this.robotsFor(url);
    const allowed = rules.isAllowed(url);
    this.robots = { ...rules.facts, disallowsStart: !allowed };
    this.crawlDelayMs = rules.crawlDelayMs;
    if (allowed || !this.options.respectRobots) return null;
    return fetchError('robots', {
      it: `${rules.facts.url} vieta a comune-audit di leggere ${url}: il sito chiede di non essere esplorato`,
      en: `${rules.facts.url} forbids comune-audit to read ${url}: the site asks not to be crawled`,
    });
  }

  private robotsFor(url: string): Promise<RobotsRules> {
    const origin = originOf(url);
    let rules = this.robotsByOrigin.get(origin);
    if (!rules) {
      rules = loadRobots(origin, this.client, this.options.userAgent).then((loaded) => {
        if (loaded.crawlDelayMs !== null) this.client.gates.for(new URL(origin).host).raiseMinDelay(loaded.crawlDelayMs);
        return loaded;
      });
      this.robotsByOrigin.set(origin, rules);
    }
    return rules;
  }

  private startError(start: FetchOutcome): FetchError | null {
    if (start.error) return start.error;
    // Facts only: what to do is the report's advice for the error's code and status.
    if (start.status < 200 || start.status >= 300) {
      return fetchError('http', {
        it: `La pagina iniziale ${start.finalUrl} ha risposto HTTP ${start.status}`,
        en: `The start page ${start.finalUrl} answered HTTP ${start.status}`,
      }, start.status);
    }
    const type = mediaTypeOfResponse(start);
    if (isHtmlType(mediaTypeOf(start.contentType)) && !isHtmlType(type)) {
      return fetchError('not-html', {
        it: `La pagina iniziale ${start.finalUrl} si dichiara HTML ma contiene dati binari`,
        en: `The start page ${start.finalUrl} says it is HTML but holds binary data`,
      });
    }
    if (!isHtmlType(type)) {
      return fetchError('not-html', {
        it: `La pagina iniziale ${start.finalUrl} non è HTML (${type || 'Content-Type assente'})`,
        en: `The start page ${start.finalUrl} is not HTML (${type || 'no Content-Type'})`,
      });
    }
    return null;
  }

  private async fetchStart(url: string): Promise<FetchOutcome> {
    // A redirect to another host: that host's robots.txt is read before anything is fetched there.
    const redirectPolicy = async (target: string): Promise<RedirectDecision> => ((await this.isAllowed(target)) ? 'follow' : 'robots');
    const outcome = await this.client.get(url, { maxBytes: this.options.maxBodyBytes, wantBody: mayBeHtml, redirectPolicy });
    this.progress(url);
    return outcome;
  }

  /**
   * A start page that only forwards, with <meta http-equiv="refresh"> or a one-line script (old CMS roots: "/" →
   * "/portale/"), is treated like an HTTP redirect: the hop is recorded and the site is audited from where it leads.
   * No script runs: only a literal target in a page that is nothing else is followed.
   */
  private async followForwardingPage(start: FetchOutcome): Promise<FetchOutcome> {
    let current = start;
    for (let hop = 0; hop < MAX_REFRESH_HOPS && !this.startError(current); hop++) {
      const head = current.body.subarray(0, REFRESH_SCAN_BYTES).toString('latin1');
      // A forwarding script is only believed in a page read whole: a small one.
      const whole = current.body.length <= REFRESH_SCAN_BYTES && !current.truncated;
      const raw = metaRefreshTarget(head) ?? (whole ? scriptRedirectTarget(head) : null);
      const target = raw ? normaliseUrl(raw, current.finalUrl) : null;
      if (!target || target === normaliseUrl(current.finalUrl)) break;
      if (!this.options.singlePage && !(await this.isAllowed(target))) break;
      const next = await this.fetchStart(target);
      current = { ...next, url: start.url, redirects: [...current.redirects, { url: current.finalUrl, status: current.status }, ...next.redirects] };
    }
    return current;
  }

  private acceptStart(start: FetchOutcome): ParsedPage {
    const parsed = this.parse(buildPage(start, 0, 'start'));
    this.keep(parsed);
    return parsed;
  }

  private tlsFacts(start: FetchOutcome): Promise<TlsFacts> {
    const { timeouts, resolve } = this.options;
    const siteUrl = start.error ? this.startUrl : this.siteUrl;
    return siteTlsFacts(this.startUrl, siteUrl, start.redirects, this.client, {
      timeoutMs: timeouts.connectMs,
      resolve,
      signal: this.budget,
      proxy: this.client.proxyFor(siteUrl),
    });
  }

  private async readSitemaps(): Promise<string[]> {
    const listed = [...this.robotsByOrigin.values()];
    const sitemaps = (await Promise.all(listed)).flatMap((rules) => rules.facts.sitemaps);
    const result = await readSitemaps(sitemaps, originOf(this.siteUrl), this.client, (url) => this.isSameSite(url));
    this.sitemap = result.facts;
    return result.pageUrls;
  }

  // ------------------------------------------------------------ levels

  private firstLevel(startPage: ParsedPage, sitemapUrls: string[]): Map<string, Candidate> {
    const candidates = this.linksOf(startPage);
    for (const url of sitemapUrls) addCandidate(candidates, { url, priority: SITEMAP_PRIORITY, source: 'sitemap' });
    return candidates;
  }

  private async crawlLevels(first: Map<string, Candidate>): Promise<void> {
    let candidates = first;
    for (let depth = 1; candidates.size > 0; depth++) {
      const admissible = await this.admissible(candidates);
      if (depth > this.options.maxDepth) {
        for (const candidate of admissible) this.skip(candidate.url, true);
        return;
      }
      const admitted = this.admit(admissible);
      const results = await Promise.all(admitted.map((candidate) => this.fetchCandidate(candidate, depth)));
      candidates = this.keepLevel(results.filter((result): result is ParsedPage => result !== null));
    }
  }

  /** Same-site, page-like, not yet claimed, allowed by robots.txt; sorted by (priority, url). */
  private async admissible(candidates: Map<string, Candidate>): Promise<Candidate[]> {
    const list = [...candidates.values()].filter(
      (candidate) => !this.claimed.has(candidate.url) && this.isSameSite(candidate.url) && !looksLikeNonPage(candidate.url),
    );
    const allowed = await Promise.all(list.map((candidate) => this.isAllowed(candidate.url)));
    return list
      .filter((_, index) => allowed[index])
      .sort((a, b) => a.priority - b.priority || compareCodeUnits(a.url, b.url));
  }

  /** Admits the first candidates up to the page budget (none once the time budget is spent). */
  private admit(sorted: Candidate[]): Candidate[] {
    const stopped = this.budget.aborted;
    const room = stopped ? 0 : Math.max(0, this.options.maxPages - this.pages.length);
    if (sorted.length > room) this.noteCut(stopped);
    for (const candidate of sorted.slice(room)) this.skip(candidate.url, false);
    const admitted = sorted.slice(0, room);
    for (const candidate of admitted) this.claimed.add(candidate.url);
    this.admitted += admitted.length;
    return admitted;
  }

  private async fetchCandidate(candidate: Candidate, depth: number): Promise<ParsedPage | null> {
    const outcome = await this.client.get(candidate.url, {
      maxBytes: this.options.maxBodyBytes,
      wantBody: mayBeHtml,
      redirectPolicy: (url) => this.redirectDecision(url),
    });
    this.progress(candidate.url);
    if (outcome.error?.code === 'redirect-offsite' && outcome.stoppedRedirect) {
      const url = normaliseUrl(outcome.stoppedRedirect.url) ?? outcome.stoppedRedirect.url;
      this.offsite.set(url, { url, status: outcome.stoppedRedirect.status });
    }
    if (outcome.error?.code === 'aborted') {
      this.noteCut(true);
      this.skip(candidate.url, false);
      return null;
    }
    const page = buildPage(outcome, depth, candidate.source);
    // Only the start URL is reported when it is not HTML; documents elsewhere are the facts stage's business.
    if (!page.error && !isHtmlType(page.contentType)) return null;
    return this.parse(page);
  }

  private async redirectDecision(url: string): Promise<RedirectDecision> {
    const normalised = normaliseUrl(url);
    if (!normalised || !this.isSameSite(normalised)) return 'offsite';
    return (await this.isAllowed(normalised)) ? 'follow' : 'robots';
  }

  /**
   * Keeps each page once: pages that are their own canonical/final URL first, then the others in
   * admission order, so the duplicate dropped is the same whatever the timing. A page that repeats a kept one at
   * another address of its folder is recorded on it instead (aliases.ts). Returns the next level.
   */
  private keepLevel(results: ParsedPage[]): Map<string, Candidate> {
    const selfIdentified = results.filter((result) => result.identity === result.page.url);
    const others = results.filter((result) => result.identity !== result.page.url);
    const levelUrls = new Set(results.map((result) => result.page.url));
    const next = new Map<string, Candidate>();
    const seenIdentities = new Set<string>();
    for (const result of [...selfIdentified, ...others]) {
      const { page, identity } = result;
      // Claimed by an earlier level (a page kept there answers for this URL): a duplicate.
      const claimedEarlier = identity !== page.url && this.claimed.has(identity) && !levelUrls.has(identity);
      if (seenIdentities.has(identity) || claimedEarlier) continue;
      seenIdentities.add(identity);
      const kept = this.aliases.keptPageFor(page, result.fingerprint);
      if (kept) {
        recordAlias(kept, page);
        this.claim(page.url, page.finalUrl, identity);
        continue;
      }
      this.keep(result);
      for (const candidate of this.linksOf(result).values()) addCandidate(next, candidate);
    }
    return next;
  }

  // ------------------------------------------------------------ helpers

  /**
   * Calls onPage once for a parsable page (a throwing parser marks the page instead of stopping
   * the crawl) and works out the page's identity; drops the HTML afterwards unless keepHtml.
   */
  private parse(page: FetchedPage): ParsedPage {
    let discovered: DiscoveredLinks | null = null;
    let canonical: string | null = null;
    if (isParsablePage(page)) {
      try {
        discovered = this.options.onPage(page);
      } catch (error) {
        const reason = (error as Error).message;
        page.error = fetchError('other', { it: `Impossibile leggere ${page.url}: ${reason}`, en: `Could not parse ${page.url}: ${reason}` });
      }
      const raw = discovered?.canonical !== undefined ? discovered.canonical : canonicalFromHtml(page.html);
      canonical = raw ? normaliseUrl(raw, page.finalUrl) : null;
    }
    const fingerprint = bodyFingerprint(page);
    if (!this.options.keepHtml) page.html = '';
    const identity = canonical && this.isSameSite(canonical) ? canonical : page.finalUrl;
    return { page, discovered, identity, fingerprint };
  }

  private keep({ page, identity, fingerprint }: ParsedPage): void {
    this.claim(page.url, page.finalUrl, identity);
    this.pages.push(page);
    this.aliases.add(page, fingerprint);
  }

  private linksOf({ page, discovered }: ParsedPage): Map<string, Candidate> {
    const candidates = new Map<string, Candidate>();
    for (const link of discovered?.links ?? []) {
      const url = this.normaliseLink(link.url, page.finalUrl);
      if (url) addCandidate(candidates, { url, priority: link.priority, source: 'link' });
    }
    return candidates;
  }

  private normaliseLink(raw: string, base: string): string | null {
    // Only absolute http(s) URLs are cached: their normal form does not depend on the page they are on.
    if (!ABSOLUTE_WEB_URL.test(raw)) return normaliseUrl(raw, base);
    let url = this.normalisedLinks.get(raw);
    if (url === undefined) {
      url = normaliseUrl(raw);
      this.normalisedLinks.set(detach(raw), url);
    }
    return url;
  }

  private isSameSite(url: string): boolean {
    try {
      return this.siteHosts.has(new URL(url).host);
    } catch {
      return false;
    }
  }

  private async isAllowed(url: string): Promise<boolean> {
    if (!this.options.respectRobots || this.options.singlePage) return true;
    return (await this.robotsFor(url)).isAllowed(url);
  }

  private progress(url: string): void {
    this.fetched++;
    this.options.onProgress?.({ fetched: this.fetched, queued: this.admitted - this.fetched, url });
  }

  private claim(...urls: string[]): void {
    for (const url of urls) this.claimed.add(url);
  }

  /** Records which cap cut URLs off: the time budget (unless the caller cancelled) or the page budget. */
  private noteCut(byTime: boolean): void {
    if (!byTime) this.hitMaxPages = true;
    else if (!this.options.signal?.aborted) this.hitTimeBudget = true;
  }

  private skip(url: string, byDepth: boolean): void {
    this.skipped.add(url);
    if (byDepth) this.skippedByDepth.add(url);
  }

  private limits(): CrawlLimits {
    const { maxPages, maxDepth, timeBudgetMs, maxBodyBytes } = this.options;
    const fetched = new Set(this.pages.map((page) => page.url));
    return {
      maxPages,
      maxDepth,
      timeBudgetMs,
      maxBodyBytes,
      hitMaxPages: this.hitMaxPages,
      hitTimeBudget: this.hitTimeBudget,
      skippedUrls: [...this.skipped].filter((url) => !fetched.has(url)).length,
      skippedByDepth: [...this.skippedByDepth].filter((url) => !fetched.has(url)).length,
      truncatedPages: this.pages.filter((page) => page.truncated).length,
      crawlDelayMs: this.crawlDelayMs === null ? null : Math.round(this.crawlDelayMs),
    };
  }

  private result(fatal?: FetchError, assets: CrawlResult['assets'] = []): CrawlResult {
    const pages = fatal ? [] : [...this.pages].sort((a, b) => a.depth - b.depth || compareCodeUnits(a.url, b.url));
    return {
      startUrl: this.startUrl,
      siteUrl: this.siteUrl,
      startedAt: this.startedAt,
      durationMs: Math.round(performance.now() - this.started),
      userAgent: this.options.userAgent,
      pages,
      assets,
      robots: this.robots,
      sitemap: this.sitemap,
      tls: this.tls,
      offsiteRedirects: [...this.offsite.values()].sort((a, b) => compareCodeUnits(a.url, b.url)),
      limits: this.limits(),
      ...(fatal ? { fatal } : {}),
    };
  }
}
