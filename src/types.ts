// The records that flow between pipeline stages: crawl → facts → classify → rules → score → report.
// Every type here is plain data that survives JSON.stringify/parse unchanged.

// ---------------------------------------------------------------- crawl

/** Kinds of non-HTML documents whose links we record (open data and transparency checks need them). */
export type DocumentType = 'pdf' | 'csv' | 'xlsx' | 'xls' | 'ods' | 'json' | 'xml' | 'rdf' | 'zip' | 'doc' | 'docx' | 'odt';

/** How the crawler found a URL. */
export type DiscoverySource = 'start' | 'link' | 'sitemap' | 'redirect';

export interface RedirectHop {
  url: string;
  status: number;
}

/** One fetched URL as the crawler saw it; body decoded to a string only for HTML. */
export interface FetchedPage {
  /** Normalised URL that was requested. */
  url: string;
  /** URL after redirects (same as url when none). */
  finalUrl: string;
  status: number;
  /** Lower-cased header names. Multi-valued headers (set-cookie) joined with "\n". */
  headers: Record<string, string>;
  contentType: string;
  /** Charset actually used to decode the body (e.g. "utf-8", "windows-1252"). */
  charset: string | null;
  redirects: RedirectHop[];
  depth: number;
  source: DiscoverySource;
  /** Decoded HTML; empty for non-HTML or failed fetches. */
  html: string;
  /** Bytes received (after content decoding), capped at the body limit. */
  bytes: number;
  truncated: boolean;
  /** When the fetch failed: a short machine code and a one-line message. */
  error?: FetchError;
  fetchMs: number;
  /**
   * Other addresses of its folder that answered the same body ("/index.html" for "/", "/servizi" for "/servizi/"):
   * fetched, recorded here, not counted as pages again. Sorted; absent when none (src/crawl/aliases.ts).
   */
  aliases?: string[];
}

export type FetchErrorCode =
  | 'dns'
  | 'connect'
  | 'timeout'
  | 'tls'
  /** The server answered a TLS handshake with plain HTTP: the site is http only, or the port is wrong. */
  | 'no-https'
  /** A malformed or interrupted HTTP response: bad status line or headers, wrong length, broken compression. */
  | 'bad-response'
  | 'http'
  | 'too-many-redirects'
  | 'redirect-offsite'
  | 'body-too-large'
  | 'not-html'
  | 'robots'
  /** The office proxy refused the request, asked for credentials (407) or could not be reached. */
  | 'proxy'
  | 'aborted'
  | 'other';

export interface FetchError {
  code: FetchErrorCode;
  /** What happened, naming the URL or host (and the system's own reason, as it gave it), in both languages. */
  message: Localised;
  /** The HTTP status, for code "http" (and the proxy's answer, for code "proxy"). */
  status?: number;
}

/** A CSS or JS asset of the home page fetched for design checks (Bootstrap Italia version, fonts, theme header). */
export interface FetchedAsset {
  url: string;
  kind: 'css' | 'js';
  status: number;
  /** Text of the asset, capped (the first N KB are enough for version markers and headers). */
  text: string;
  error?: FetchError;
}

export interface TlsFacts {
  /** True when the start URL (after redirects) is https. */
  https: boolean;
  protocol: string | null; // "TLSv1.3"
  cipher: string | null; // IANA/OpenSSL name as reported by Node
  validFrom: string | null; // ISO date
  validTo: string | null; // ISO date
  issuer: string | null;
  subjectAltNames: string[];
  /** Certificate verified by Node's CA store. */
  authorized: boolean | null;
  authorizationError: string | null;
  /** Result of requesting the http:// version of the start URL. */
  httpRedirectsToHttps: boolean | null;
}

export interface RobotsFacts {
  url: string;
  status: number | null; // null when not fetched
  /** Raw text (capped); empty when binary. */
  text: string;
  sitemaps: string[];
  /** True when robots.txt forbids the start URL to our user agent. */
  disallowsStart: boolean;
  crawlDelaySeconds: number | null;
  /** Bytes read (after content decoding), at most the 500 KiB read. */
  bytes: number;
  /** Longer than the 500 KiB read (as Google does): the rest was ignored. */
  truncated: boolean;
  /** Binary data, not text: read as no rules. */
  binary: boolean;
  /** Lines that are no directive robots.txt knows (a typo such as "Disalow" is silently ignored by crawlers). */
  parseErrors: number;
  /** The first five of them, with their 1-based line numbers, each cut at 100 characters. */
  parseErrorLines: { line: number; text: string }[];
  /** Why no answer came (connection, timeout…): then the crawl ran with no rules. */
  error?: FetchError;
}

/** Why a sitemap document was not requested ('invalid': robots.txt names no http(s) address). */
export type SitemapNotRead = 'invalid' | 'off-site' | 'too-many' | 'too-deep';

/** What was wrong with a sitemap document that was requested. */
export type SitemapProblem = 'unreachable' | 'http' | 'not-sitemap' | 'fake-gzip';

/** Why <loc> entries of a sitemap were not taken. */
export type SitemapSkipReason =
  /** Another site's page, or a sitemap on another host (never requested). */
  | 'off-site'
  /** Not an http(s) address. */
  | 'invalid'
  /** Already taken from an earlier entry or sitemap. */
  | 'duplicate'
  /** Past the 50,000 page URLs taken from all sitemaps together. */
  | 'over-limit'
  /** An index entry naming the index itself. */
  | 'self-listing'
  /** An index entry naming a sitemap already read or queued (a loop between indexes). */
  | 'repeated'
  /** Past the 25 sitemap documents read. */
  | 'too-many'
  /** An index nested past 3 levels. */
  | 'too-deep';

/** One sitemap document: where it came from, what came back, what the crawl took from it. */
export interface SitemapDocumentFacts {
  url: string;
  /** Listed in robots.txt, the conventional /sitemap.xml, or listed by a sitemap index. */
  source: 'robots' | 'conventional' | 'index';
  /** Present when it was not requested. */
  notRead?: SitemapNotRead;
  /** null when not requested or no response came. */
  status: number | null;
  /** Bytes read, after content decoding and gunzip; capped at 10 MiB. */
  bytes: number;
  /** Longer than the 10 MiB read: entries past the cut were not seen. */
  truncated: boolean;
  /** The XML stops before its closing </urlset> or </sitemapindex>: the file or its transfer was cut short. */
  incomplete: boolean;
  /** 'index' lists sitemaps, 'urlset' lists pages; null when unread or neither. */
  kind: 'index' | 'urlset' | null;
  problem?: SitemapProblem;
  /** For problem 'unreachable': what happened. */
  error?: FetchError;
  /** <loc> entries read. */
  listed: number;
  /** Page URLs taken for the crawl (urlset), or sitemaps queued to read (index). */
  taken: number;
  /** Entries not taken, by reason; reasons with no entry left out. */
  skipped: Partial<Record<SitemapSkipReason, number>>;
}

export interface SitemapFacts {
  /** In reading order: robots.txt's, then /sitemap.xml, then each index's children level by level. */
  documents: SitemapDocumentFacts[];
}

/** What capped the crawl, so the report can say what was cut off. */
export interface CrawlLimits {
  maxPages: number;
  maxDepth: number;
  timeBudgetMs: number;
  maxBodyBytes: number;
  hitMaxPages: boolean;
  hitTimeBudget: boolean;
  /** URLs discovered but not fetched because of a cap. */
  skippedUrls: number;
  skippedByDepth: number;
  /**
   * Pages read in part, their facts from the part read: in a CrawlResult, bodies cut at maxBodyBytes; in SiteFacts
   * and the Report, also pages the parser read in part (nesting or links past src/facts/caps.ts).
   */
  truncatedPages: number;
  /** The site's robots.txt Crawl-delay as honoured (capped), in ms; null when it sets none. */
  crawlDelayMs: number | null;
}

/** The signal that stopped an audit before its crawl was done (Ctrl-C is SIGINT). */
export type Interruption = 'SIGINT' | 'SIGTERM';

export interface CrawlResult {
  startUrl: string;
  /** Start URL after redirects (what the audit is about). */
  siteUrl: string;
  startedAt: string; // ISO; zeroed by --no-timing for byte-for-byte comparisons
  durationMs: number;
  userAgent: string;
  /** Sorted by depth, then URL. */
  pages: FetchedPage[];
  assets: FetchedAsset[];
  robots: RobotsFacts | null;
  sitemap: SitemapFacts;
  tls: TlsFacts | null;
  /** Links that leave the site or redirects to another host: recorded, not followed. */
  offsiteRedirects: RedirectHop[];
  limits: CrawlLimits;
  /** When the site as a whole could not be audited (start page failed, robots forbids all...). */
  fatal?: FetchError;
  /** Set by the caller that stopped the crawl on a signal: what was read so far, judged as far as it can be. */
  interrupted?: Interruption;
}

// ---------------------------------------------------------------- page facts

export type Region = 'header' | 'nav' | 'main' | 'footer' | 'aside' | 'other';

export interface LinkFact {
  /** Absolute, normalised URL (fragment dropped). Raw href kept when it is not http(s) (mailto:, tel:, javascript:). */
  href: string;
  text: string;
  region: Region;
  /** Value of data-element on the <a> itself or its nearest ancestor having one within 3 levels, else null. */
  dataElement: string | null;
  rel: string | null;
  /** Short CSS-like path for evidence, e.g. "footer a[href*=privacy]" or "#footer > ul > li:nth-child(2) > a". */
  selector: string;
  /** Set when the href points to a document (by extension or type attribute). */
  documentType: DocumentType | null;
  /** True when the link leaves the site (another registrable domain or host). */
  external: boolean;
  /** Lower-cased host of href ("" for mailto:, tel:, javascript:), so rules match hosts without re-parsing URLs. */
  host: string;
  /** aria-label / title / img alt inside, for icon-only links. */
  label: string;
}

/** An element with a data-element attribute (the Modello Comuni markers). */
export interface DataElementFact {
  name: string;
  tag: string;
  /** Visible text, whitespace-collapsed, capped at 1,200 chars (the model's licence paragraph fits whole). */
  text: string;
  /** The element's own href resolved, else the first href inside it; null when neither. */
  href: string | null;
  /**
   * The element's own href attribute exactly as written ("#", "" included); absent when the element has none. The
   * official checker reads this attribute and rejects "#" and "".
   */
  rawHref?: string;
  region: Region;
  /** Index into PageFacts.dataElements of the nearest ancestor with data-element, or null. */
  parent: number | null;
  selector: string;
}

export interface HeadingFact {
  level: number; // 1..6
  text: string;
}

export interface FormFact {
  action: string;
  method: string;
  inputs: { name: string; type: string }[];
  selector: string;
}

export interface CookieFact {
  name: string;
  domain: string | null;
  path: string | null;
  secure: boolean;
}

export interface ImageFact {
  src: string;
  /** null when the alt attribute is absent; "" for decorative images. */
  alt: string | null;
  selector: string;
}

export interface PageFacts {
  url: string;
  finalUrl: string;
  /** FetchedPage.aliases: the page's other addresses, absent when none. */
  aliases?: string[];
  status: number;
  depth: number;
  contentType: string;
  /** Relevant response headers only (server, x-powered-by, strict-transport-security, set-cookie, content-security-policy, x-generator, ...). */
  headers: Record<string, string>;
  /** Present when the page was read in part: body cut at the size cap, or nesting or links past src/facts/caps.ts. */
  truncated?: true;
  title: string;
  lang: string | null;
  /** <meta name|property → content>, lower-cased keys, first occurrence wins. */
  meta: Record<string, string>;
  canonical: string | null;
  generator: string | null;
  headings: HeadingFact[];
  /** Text of the page's main content (header/nav/footer/aside excluded), block boundaries kept as spaces/newlines, capped. */
  mainText: string;
  /** Text of header/nav/footer/aside: kept apart so classifiers and rules can ignore boilerplate. */
  boilerplateText: string;
  /** Breadcrumb item labels in order (from data-element="breadcrumb", .breadcrumb, or schema.org BreadcrumbList). */
  breadcrumb: string[];
  links: LinkFact[];
  scripts: string[]; // absolute src URLs of scripts that run
  /** Inline <script> bodies that run (each capped at 4 KB) — trackers and chat widgets are often inline. */
  inlineScripts: string[];
  /**
   * Scripts held back by a consent manager: a non-JavaScript type such as type="text/plain" (iubenda, Cookiebot,
   * Complianz) — src (or data-src) URLs, and inline bodies (capped at 4 KB).
   */
  blockedScripts: string[];
  blockedInlineScripts: string[];
  /** Cookies set by the page's response (from set-cookie): Domain as sent, lower-cased, leading dot dropped. */
  cookies: CookieFact[];
  stylesheets: string[]; // absolute href URLs
  /** Inline <style> bodies, and style="" attributes with font-family written as `<tag style="…">` (capped). */
  inlineStyles: string[];
  /** Unique class tokens, sorted. */
  classTokens: string[];
  /** Total class token occurrences on the page (for share-of-classes metrics). */
  classTokenCount: number;
  /** Occurrences of each class token, for tokens in classTokens (same order). */
  classTokenCounts: number[];
  dataElements: DataElementFact[];
  /** Parsed JSON-LD blocks; a block that does not parse is recorded as { "@parseError": message }. */
  jsonLd: unknown[];
  forms: FormFact[];
  images: ImageFact[];
  iframes: string[];
  /** Set when the page could not be fetched or parsed; the other fields are then empty. */
  error?: FetchError;
}

/** Page types of the Modello Comuni (issue 3). */
export type PageType =
  | 'home'
  | 'first-level'
  | 'second-level'
  | 'services-index'
  | 'service'
  | 'topics'
  | 'topic'
  | 'events'
  | 'event'
  | 'booking'
  | 'personal-area-login'
  | 'legal-notes'
  | 'privacy'
  | 'accessibility'
  | 'news'
  /** A step of an online form or booking flow (personal data, summary, payment…): not a service sheet. */
  | 'form-step'
  /** The page that closes a flow ("Richiesta inviata", "Pagamento effettuato"). */
  | 'confirmation'
  /** The citizen's own area after login (desk, messages, practices); the login page is personal-area-login. */
  | 'personal-area'
  /** The server answered an error (HTTP 4xx/5xx, unreadable page) or the page says it was not found. */
  | 'error'
  | 'other';

export interface PageTypeGuess {
  type: PageType;
  /** Which first-level section, for first-level and second-level pages. */
  section: 'management' | 'news' | 'services' | 'live' | null;
  /** Short technical source: "data-element=service-title", "url servizi", "breadcrumb servizi › …". */
  reason: string;
  /** Every signal that decided the type, in words a person reads (shown by --single-page reports). */
  signals: Localised[];
}

/** The 15 national service categories (slugs) plus 'altro'. */
export type CategoryId =
  | 'educazione-formazione'
  | 'salute-benessere-assistenza'
  | 'vita-lavorativa'
  | 'mobilita-trasporti'
  | 'catasto-urbanistica'
  | 'anagrafe-stato-civile'
  | 'turismo'
  | 'giustizia-sicurezza'
  | 'tributi-finanze-contravvenzioni'
  | 'cultura-tempo-libero'
  | 'ambiente'
  | 'imprese-commercio'
  | 'autorizzazioni'
  | 'appalti-pubblici'
  | 'agricoltura-pesca'
  | 'altro';

export interface Classification {
  category: CategoryId;
  confidence: number; // 0..1, calibrated
  /** Runners-up, best first (at most 3). */
  alternatives: { category: CategoryId; confidence: number }[];
  /** Category named by the page's own breadcrumb / service-category-link, when it has one. */
  declaredCategory: CategoryId | null;
  /** Topics of the Modello Comuni's 64 "Argomenti" the page is about, best first (absent when no topic model ran). */
  topics?: TopicTag[];
  /** Topics the page declares itself (its "Argomenti" chips, data-element="service-topic"); absent when none. */
  declaredTopics?: DeclaredTopic[];
}

/** A topic given by the topic model: vocabulary id ("gestione-rifiuti"), the model's label, calibrated score 0..1. */
export interface TopicTag {
  id: string;
  label: string;
  score: number;
}

/** A topic as a page names it: `id` when the label is one of the 64 of the vocabulary, else null. */
export interface DeclaredTopic {
  id: string | null;
  label: string;
}

/** A page after facts, page type and classification: what rules read. */
export interface AnalysedPage extends PageFacts {
  pageType: PageTypeGuess;
  classification: Classification | null;
}

export interface AssetFacts {
  url: string;
  kind: 'css' | 'js';
  /** Bootstrap Italia version found in the asset (CSS custom property --bootstrap-italia-version, JS BOOTSTRAP_ITALIA_VERSION, banner comment). */
  bootstrapItaliaVersion: string | null;
  /** font-family values declared in the CSS, de-duplicated, in order of appearance. */
  fontFamilies: string[];
  /** WordPress-style theme header comment, when present. */
  themeHeader: { name: string; version: string | null; raw: string } | null;
  error?: FetchError;
}

/** Everything rules may read. Rules never fetch or parse. */
export interface SiteFacts {
  startUrl: string;
  siteUrl: string;
  host: string;
  /** Sorted by depth, then URL. Failed fetches are included with their error set. */
  pages: AnalysedPage[];
  assets: AssetFacts[];
  robots: RobotsFacts | null;
  sitemap: SitemapFacts;
  tls: TlsFacts | null;
  limits: CrawlLimits;
  /** True for a --single-page audit: site-wide checks that need a crawl should return unknown. */
  singlePage: boolean;
  /** ISO date-time of the crawl: the reference "now" for date checks (certificate expiry), so rules stay pure. */
  auditedAt: string;
  /** What a browser showed on a sample of pages (`audit --browser`); absent without it. */
  browser?: BrowserFacts;
}

/** What Chromium showed, the way the official AGID checker reads it: computed styles (C.SI.1.1), Lighthouse (C.SI.4.1). */
export interface BrowserFacts {
  /** Chromium's version string, e.g. "Chromium 156.0.8078.114". */
  chromium: string;
  pages: BrowserPageFacts[];
  /** Lighthouse's performance run on the home page; absent when the browser pass did not run it. */
  lighthouse?: LighthouseFacts;
  /** The accessibility statement on form.agid.gov.it the home's footer links (C.SI.3.2); absent when there is no such link. */
  accessibilityStatement?: AccessibilityStatementFacts;
}

/** The AGID accessibility statement as the official checker reads it: its text must name the site's domain and WCAG 2.1/2.2. */
export interface AccessibilityStatementFacts {
  /** The footer link's address. */
  href: string;
  /** The page read (an old /view/<uuid> address resolved through AGID's API). */
  url: string;
  /** The site's host without "www.", as searched for in the text. */
  domain: string;
  /** Set when the statement could not be read (unreachable, an error status); both tests are then false. */
  error?: string;
  namesDomain: boolean;
  namesWcag: boolean;
}

/** One Lighthouse run on the home page, with the official checker's configuration (Lighthouse's defaults: mobile, simulated throttling). */
export interface LighthouseFacts {
  url: string;
  /** Set when Lighthouse could not run (not installed, Chromium not reachable, page not loaded); the rest is then empty. */
  error?: string;
  /** e.g. "12.8.2". */
  lighthouseVersion: string;
  /** The performance category's score, 0..1; null when Lighthouse measured no score (its runtime error says why). */
  performanceScore: number | null;
  /** Lighthouse's own error for the page (e.g. NO_FCP), when it ran but could not measure. */
  runtimeError?: string;
  /** The six metrics the official report shows, in its order; `value` in ms (unitless for cumulative-layout-shift). */
  metrics: { id: string; score: number | null; value: number | null }[];
  /** The rendered home page's <footer> text names the "Piano di miglioramento del sito" (the official improvement-plan test). */
  improvementPlan: boolean;
}

export interface BrowserPageFacts {
  url: string;
  /** Set when the page could not be rendered; the other fields are then empty. */
  error?: string;
  /** `h1`–`h6` and `p` elements counted. */
  textElements: number;
  /**
   * First computed font family of each heading or paragraph that is not a model font (`inside: false`), or, when the
   * element's own font is right, of its first descendant that is not (`inside: true`). In document order.
   */
  wrongFonts: { family: string; inside: boolean }[];
}

// ---------------------------------------------------------------- rules

export type Status = 'pass' | 'partial' | 'fail' | 'unknown' | 'error';

export type PointId =
  | 'anpr'
  | 'pagopa'
  | 'spid'
  | 'cie'
  | 'open-source'
  | 'cloud'
  | 'online-services'
  | 'design'
  | 'io'
  | 'open-data'
  | 'security'
  | 'privacy'
  | 'accessibility'
  | 'analytics'
  | 'assistant';

export interface Localised {
  it: string;
  en: string;
}

export interface Evidence {
  /** Page URL (or asset / robots URL) where the signal was seen. */
  url: string;
  /** CSS-like selector, "header:strict-transport-security", "text", "url", "tls" ... */
  selector: string;
  /**
   * What was seen there, as it was: page text, an attribute or header value, a URL, a version, "wording → href"
   * (capped at 200 chars). Never a sentence composed by a rule: the rule's words go in `note`. Empty when the
   * evidence is that something is missing; language-neutral figures ("3/10") are fine.
   */
  snippet: string;
  /** The rule's one-line explanation, in both report languages, e.g. "static approximation: CSS font-family declarations". */
  note?: Localised;
  /**
   * How this one item fared, when a check's evidence mixes passing and failing items (pages, links): rules list
   * failing items first, so reports can mark each one.
   */
  outcome?: 'pass' | 'partial' | 'fail';
  /** The snippet is a measurement (Lighthouse's figures) that varies from run to run: `--no-timing` blanks it. */
  measured?: true;
}

export interface CheckResult {
  id: string;
  point: PointId;
  /** Copied from the rule's metadata so reports need nothing else: title when passing, failureTitle otherwise. */
  title: Localised;
  law: string;
  weight: number;
  group?: RuleMeta['group'];
  status: Status;
  /** 1 / 0.5 / 0; null for unknown and error. */
  score: number | null;
  /** One-line explanation of the status, in both languages. */
  message: Localised;
  evidence: Evidence[];
  /**
   * Present when the verdict is a static approximation of what the official checker decides in a browser (computed
   * fonts, performance): it may differ from the official verdict; docs/agid-criteria.md says how often it agrees.
   */
  approximate?: true;
  /** Extra machine-readable figures (counts, versions) for JSON/CSV consumers. */
  details?: Record<string, string | number | boolean | null | string[]>;
}

export interface RuleMeta {
  id: string;
  point: PointId;
  title: Localised;
  failureTitle: Localised;
  /** Legal or official reference, e.g. "CAD art. 64" or "AGID criterio C.SI.3.2". */
  law: string;
  /** Weight of this check inside its point. */
  weight: number;
  /** For design criteria: the official checklist group. */
  group?: 'cittadino-informato' | 'funzionalita' | 'normativa' | 'prestazioni' | 'sicurezza' | 'raccomandazioni';
  /** Page types this rule reads (the crawler makes sure to reach them; single-page mode runs rules whose list includes the page's type). */
  pageTypes?: PageType[] | 'all' | 'site';
}

/** What a rule returns; the engine adds id, point, title, law, weight and group from the meta. */
export type RuleOutcome = Omit<CheckResult, 'id' | 'point' | 'title' | 'law' | 'weight' | 'group'>;

export interface Rule {
  meta: RuleMeta;
  check(site: SiteFacts): RuleOutcome;
}

// ---------------------------------------------------------------- score and report

export interface PointScore {
  id: PointId;
  /** Weighted mean of its checks' scores (0..1); null when every check is unknown/error. */
  score: number | null;
  status: Status;
  checks: string[]; // check ids
}

export interface MaturityLevelName {
  id: string;
  name: Localised;
}

export interface Maturity {
  /** 0..100, one decimal; null when no point could be scored. */
  index: number | null;
  /** The level, after the legal cap (rules/scoring.ts LEGAL_CAP). */
  level: MaturityLevelName | null;
  /**
   * Points of the index that could not be judged (every check unknown or error), in checklist order: the index is the
   * weighted mean of the others. Set by the report builder when there is an index.
   */
  unjudged?: PointId[];
  /** Present only when a failed legal obligation lowered the level. */
  cap?: LevelCap;
}

export interface LevelCap {
  /** The level the index alone reaches. */
  uncapped: MaturityLevelName;
  /** The obligations that failed, in checklist order. */
  points: PointId[];
  reason: Localised;
}

export interface PageSummary {
  url: string;
  finalUrl: string;
  /** Other addresses that answered the same page (PageFacts.aliases), absent when none. */
  aliases?: string[];
  status: number;
  depth: number;
  title: string;
  lang: string | null;
  pageType: PageType;
  /** Why the page has that type (PageTypeGuess.signals). */
  pageTypeSignals: Localised[];
  category: CategoryId | null;
  confidence: number | null;
  declaredCategory: CategoryId | null;
  /** The page's topics (Classification.topics), best first; absent when it has none. */
  topics?: TopicTag[];
  /** The topics the page declares (Classification.declaredTopics); absent when none. */
  declaredTopics?: DeclaredTopic[];
  links: number;
  documents: number;
  /** Present when the page was read in part: body cut at the size cap, or nesting or links past the reader's caps. */
  truncated?: true;
  error?: FetchError;
}

/** robots.txt and the sitemaps as the crawl read them: the report's robots/sitemap section. */
export interface DiscoverySummary {
  /** null when robots.txt was not read: a single-page audit, or an address that is not one. */
  robots: Omit<RobotsFacts, 'text'> | null;
  /** Every sitemap document found, read or not, in reading order (none in a single-page audit). */
  sitemaps: SitemapDocumentFacts[];
}

export interface Report {
  /**
   * 3 since the robots/sitemap section (discovery); fields added since 2, all additive: evidence outcome and measured, check
   * approximate, agid, maturity unjudged and cap, page pageTypeSignals, discovery, run interrupted, page aliases.
   */
  schemaVersion: 3;
  tool: { name: string; version: string };
  site: { startUrl: string; siteUrl: string; host: string };
  /** Run metadata. startedAt/durationMs are the only timing fields; --no-timing zeroes them. */
  run: {
    startedAt: string;
    durationMs: number;
    userAgent: string;
    singlePage: boolean;
    limits: CrawlLimits;
    pagesFetched: number;
    pagesFailed: number;
    /**
     * Present when a signal stopped the audit: the report covers the pages read so far, has no index or level, and
     * checks that could have found on unread pages what they missed are unknown.
     */
    interrupted?: Interruption;
  };
  maturity: Maturity;
  points: PointScore[];
  checks: CheckResult[];
  pages: PageSummary[];
  /** The AGID criteria (PNRR 1.4.1) at a glance; absent when no AGID criterion ran. */
  agid?: AgidSummary;
  /** What robots.txt and the sitemaps said, and what the crawl took from them. */
  discovery: DiscoverySummary;
  /** When the site could not be audited at all. */
  fatal?: FetchError;
}

/**
 * Would the site pass every AGID criterion, as the PNRR 1.4.1 assessment requires? The official report counts a
 * partial (0.5) criterion as passed with tolerance; recommendations (R.SI.*) are not required.
 */
export interface AgidSummary {
  /** true: every required criterion passed; false: at least one failed; null: none failed but some were not judged. */
  wouldPass: boolean | null;
  /** Required criteria that failed (score 0), in checklist order. */
  blocking: string[];
  /** Required criteria not judged (unknown or error). */
  unjudged: string[];
}
