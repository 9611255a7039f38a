// Parses one fetched HTML page, once, into the plain PageFacts record every rule reads.
// One streaming pass over htmlparser2's parser events collects everything (text by region, links, markers, scripts,
// classes, forms, images) without building a DOM: parsing dominates the crawl's cost (docs/MEASUREMENTS.md), and
// building the tree, then walking it, cost more than the tokenising itself.
// A fact that needs an element's subtree (its text, first image, inputs) is recorded when the element opens, so facts
// keep document order, and completed as its descendants arrive or when it closes. The parser emits a close for every
// open, implied ones included, so the stacks below stay balanced on malformed HTML.
// Terms: an element is "visited" when its own facts are read; the content of script, style, title, noscript,
// template and svg is not visited (a link inside an svg is no link), but element texts and subtree searches still
// look into some of it, as described at SKIPPED and RAW.
import { Parser, type Handler } from 'htmlparser2';
import { ABSOLUTE_WEB_URL, documentTypeOf, normaliseUrl } from '../crawl/url.js';
import { LINKS_MAX, MAX_NESTING } from './caps.js';
import { detach, detachStrings } from '../util/detach.js';
import { memoizeBounded } from '../util/memo.js';
import type {
  CookieFact,
  DataElementFact,
  DocumentType,
  FetchedPage,
  FormFact,
  HeadingFact,
  ImageFact,
  LinkFact,
  PageFacts,
  Region,
} from '../types.js';

const PARSER_OPTIONS = { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true };

const MAIN_TEXT_MAX = 50_000;
const BOILERPLATE_TEXT_MAX = 30_000;
const INLINE_SCRIPT_MAX = 4_096;
const INLINE_SCRIPTS_MAX = 40;
const INLINE_STYLE_MAX = 8_192;
const DATA_ELEMENT_TEXT_MAX = 1200;
const HEADINGS_MAX = 200;
const IMAGES_MAX = 300;

/** Response headers rules may read; the others are dropped to keep records small. */
const KEPT_HEADERS = [
  'content-type',
  'server',
  'x-powered-by',
  'x-generator',
  'strict-transport-security',
  'content-security-policy',
  'set-cookie',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'last-modified',
  // CDN and cloud signatures, for the informative `cloud` check.
  'via',
  'x-cache',
  'x-served-by',
  'cf-ray',
  'x-amz-cf-id',
  'x-azure-ref',
  'x-vercel-id',
  'x-nf-request-id',
];

/** What an open element must undo when it closes (bits of PageScan.frames). The first four follow from its tag. */
const BLOCK = 1; // separates its text from its neighbours' in element texts
const SKIPPED = 2; // its text is neither page text nor part of an element text: raises textLevel
const RAW = 4; // script or style: subtree searches (first image, inputs…) do not look inside; raises rawLevel
const OPAQUE = 8; // a visited element whose content is not visited: raises hiddenDepth
const NEWLINE = 16; // a visited block: ends a line of page text
const REGION = 32;
const ID = 64;
const MARKER = 128;
const BODY = 256; // a visited script or style whose body is read when it closes
// Not undone, only read from TAG_FLAGS: tags a subtree search looks for, and tags with facts of their own.
const SOUGHT = 512;
const HAS_FACTS = 1024;

/** Elements that end a line of text (so "<p>Uno</p><p>Due</p>" reads "Uno\nDue", not "UnoDue"). */
const BLOCK_TAGS = [
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'option', 'label', 'button',
];
const SKIPPED_TAGS = ['script', 'style', 'noscript', 'template', 'svg', 'head'];
const OPAQUE_TAGS = ['script', 'style', 'title', 'noscript', 'template', 'svg'];

const SOUGHT_TAGS = ['img', 'a', 'input', 'select', 'textarea', 'li'];
const FACT_TAGS = ['html', 'title', 'base', 'meta', 'link', 'script', 'style', 'a', 'area', 'img', 'iframe', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** The flags that follow from a tag name: one lookup per element instead of a test per list. */
const TAG_FLAGS = new Map<string, number>();
for (const [tags, flag] of [
  [BLOCK_TAGS, BLOCK],
  [SKIPPED_TAGS, SKIPPED],
  [['script', 'style'], RAW],
  [OPAQUE_TAGS, OPAQUE],
  [SOUGHT_TAGS, SOUGHT],
  [FACT_TAGS, HAS_FACTS],
] as const) {
  for (const tag of tags) TAG_FLAGS.set(tag, (TAG_FLAGS.get(tag) ?? 0) | flag);
}

// Maps, not object literals: names read from the page are looked up without being interned first, and
// "constructor" or "toString" are not mistaken for regions.
const REGION_BY_TAG = new Map<string, Region>([['header', 'header'], ['nav', 'nav'], ['footer', 'footer'], ['aside', 'aside'], ['main', 'main']]);
const REGION_BY_ROLE = new Map<string, Region>([
  ['banner', 'header'],
  ['navigation', 'nav'],
  ['contentinfo', 'footer'],
  ['complementary', 'aside'],
  ['main', 'main'],
]);
/** Class or id tokens that old CMS themes use instead of semantic elements. Exact tokens only ("card-header" is not a header). */
const REGION_BY_TOKEN = new Map<string, Region>([
  ['footer', 'footer'],
  ['site-footer', 'footer'],
  ['it-footer', 'footer'],
  ['page-footer', 'footer'],
  ['colophon', 'footer'],
  ['it-header-wrapper', 'header'],
  ['site-header', 'header'],
  ['masthead', 'header'],
]);

type Attribs = Record<string, string>;

/** Cleared when full, so a long multi-site run does not grow the module's caches without bound. */
const CACHE_MAX = 50_000;

/** What a class attribute says, cached by its value: the same few values repeat on every element and every page. */
interface ClassInfo {
  tokens: string[];
  /** The region named by the first token that names one. */
  region: Region | null;
}

const NO_CLASS: ClassInfo = { tokens: [], region: null };
/** Tokens and region of a class attribute value, split once per distinct value. */
const classInfoOfValue = memoizeBounded((value): ClassInfo => {
  const tokens = value.split(/\s+/).filter(Boolean);
  let region: Region | null = null;
  for (const token of tokens) {
    region = REGION_BY_TOKEN.get(token.toLowerCase()) ?? null;
    if (region) break;
  }
  return { tokens, region };
}, CACHE_MAX);

function classInfoOf(value: string | undefined): ClassInfo {
  return value ? classInfoOfValue(value) : NO_CLASS;
}

function regionOf(name: string, attribs: Attribs, classInfo: ClassInfo): Region | null {
  const byTag = REGION_BY_TAG.get(name);
  if (byTag) return byTag;
  const byRole = attribs.role && REGION_BY_ROLE.get(attribs.role);
  if (byRole) return byRole;
  const byId = attribs.id && REGION_BY_TOKEN.get(attribs.id.toLowerCase());
  if (byId) return byId;
  return classInfo.region;
}

/** Class token counts from the counts of class attribute values. */
function classTokenCounts(uses: Map<ClassInfo, number>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [info, count] of uses) for (const token of info.tokens) counts.set(token, (counts.get(token) ?? 0) + count);
  return counts;
}

/** Footer and header win over an inner nav: a menu inside the footer is a footer link for AGID criteria. */
function effectiveRegion(stack: Region[]): Region {
  if (stack.includes('footer')) return 'footer';
  if (stack.includes('header')) return 'header';
  if (stack.includes('nav')) return 'nav';
  if (stack.includes('aside')) return 'aside';
  if (stack.includes('main')) return 'main';
  return 'other';
}

const isBoilerplate = (region: Region) => region === 'header' || region === 'nav' || region === 'footer' || region === 'aside';

export function collapse(text: string): string {
  // Same as replacing every run of white space, but a lone space (most gaps between words) is left alone unmatched.
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

function cap(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

function attrSelectorValue(value: string): string {
  const short = value.length > 80 ? value.slice(0, 80) : value;
  // Quotes and backslashes are rare: look before paying for a replace.
  return short.includes('"') || short.includes('\\') ? short.replace(/["\\]/g, '\\$&') : short;
}

/** Same registrable site: the host itself or its www. twin. */
function sameSite(host: string, pageHost: string): boolean {
  const bare = (h: string) => (h.startsWith('www.') ? h.slice(4) : h);
  return bare(host) === bare(pageHost);
}

/** Types a browser runs; anything else (text/plain…) is how consent managers hold scripts back. */
const RUNNABLE_SCRIPT_TYPE = /^(|module|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript|text\/jscript)$/;

/**
 * Normalised URLs by reference, one table per base part that decides the result: the same nav and footer hrefs
 * repeat on every page of a site, and `new URL` is the costliest step of reading a link.
 */
type ResolvedUrls = Map<string, string | null>;

/** Tables by base origin, directory or whole URL; absolute references need no base. */
const resolvedTables = new Map<string, ResolvedUrls>();
const absoluteUrls: ResolvedUrls = new Map();
let resolvedSize = 0;

/** Counts tables and entries; when full, starts afresh (tables a page still holds live on until it is done). */
function makeRoomForOneMore(): void {
  if (++resolvedSize > CACHE_MAX) {
    resolvedTables.clear();
    absoluteUrls.clear();
    resolvedSize = 1;
  }
}

function resolvedTable(key: string): ResolvedUrls {
  let table = resolvedTables.get(key);
  if (table === undefined) {
    makeRoomForOneMore();
    table = new Map();
    resolvedTables.set(key, table);
  }
  return table;
}

/** A base URL with the tables for the references whose result depends only on its origin, directory, or all of it. */
interface Base {
  url: string;
  /** null unless http(s): other bases are not cached. */
  byOrigin: ResolvedUrls | null;
  byDirectory: ResolvedUrls | null;
  byUrl: ResolvedUrls | null;
}

function baseOf(url: string, parsed = new URL(url)): Base {
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { url, byOrigin: null, byDirectory: null, byUrl: null };
  const origin = `${parsed.protocol}//${parsed.host}`;
  const directory = origin + parsed.pathname.slice(0, parsed.pathname.lastIndexOf('/') + 1);
  // The serialised URL, not the given string: equal bases share a table.
  return { url, byOrigin: resolvedTable(`origin ${origin}`), byDirectory: resolvedTable(`directory ${directory}`), byUrl: resolvedTable(`url ${parsed.href}`) };
}

/** Path-relative references ("page.html", "../x?q"): no scheme, so the base's directory alone decides the result. */
const PATH_RELATIVE = /^[\w.~%-][^:]*$/;

/** The table whose entries normaliseUrl(ref, base) depends on, or null when not cached. */
function tableFor(ref: string, base: Base): ResolvedUrls | null {
  if (ABSOLUTE_WEB_URL.test(ref)) return absoluteUrls;
  // "/x" and "//host/x" (tabs and newlines inside are dropped by the URL parser): only scheme, host and port matter.
  if (ref.charCodeAt(0) === 0x2f) return base.byOrigin;
  if (PATH_RELATIVE.test(ref)) return base.byDirectory;
  return base.byUrl;
}

function resolveAgainst(raw: string | undefined, base: Base): string | null {
  if (!raw) return null;
  const ref = raw.trim();
  if (!ref) return null;
  const table = tableFor(ref, base);
  if (table === null) return normaliseUrl(ref, base.url);
  let url = table.get(ref);
  if (url === undefined) {
    makeRoomForOneMore();
    url = normaliseUrl(ref, base.url);
    // Detached: the reference is cut from the page's HTML, which the table would otherwise keep.
    table.set(detach(ref), url);
  }
  return url;
}

interface LinkTarget {
  host: string;
  /** The document type read from the URL alone (no type attribute). */
  documentType: DocumentType | null;
}

/** Host and document type of a normalised http(s) URL, cached for the same reason as resolved URLs. */
const linkTargetOf = memoizeBounded((href): LinkTarget => {
  // normaliseUrl returns "scheme://host[:port]/…" with the host lower-cased: read it without parsing again.
  const host = /^https?:\/\/(\[[^\]]+\]|[^/:?]+)/.exec(href)?.[1] ?? '';
  return { host, documentType: documentTypeOf(href, null) };
}, CACHE_MAX);

/**
 * collapse(parts[start…].join('')) cut at max, reading only as far as needed: the collapse of a prefix is a prefix of
 * the collapse of the whole (but for one trailing space), so once it reaches max characters the rest cannot matter.
 */
function collapsedText(parts: string[], start: number, max: number): string {
  let raw = '';
  let checkAt = 4 * max;
  for (let i = start; i < parts.length; i++) {
    raw += parts[i];
    if (raw.length > checkAt) {
      const text = collapse(raw);
      if (text.length >= max) return text.slice(0, max);
      checkAt = 2 * raw.length;
    }
  }
  return cap(collapse(raw), max);
}

/**
 * An open element whose text is wanted when it closes: the text of its subtree outside skipped elements, blocks
 * separated by spaces, collapsed and cut at max.
 */
interface TextCollector {
  /** The element's depth: the collector closes with it. */
  depth: number;
  /** textLevel when it opened: text under a further skipped element is not its text. */
  level: number;
  /** Where its text starts in textParts[level]. */
  start: number;
  max: number;
  done: (text: string) => void;
}

/**
 * An open element waiting for something in its subtree (first image, first link, inputs, list items). The search
 * does not enter script or style elements: it sees the descendants opened at its own rawLevel.
 */
interface Waiting {
  depth: number;
  rawLevel: number;
}

interface Breadcrumb extends Waiting {
  items: string[];
  text: string;
  open: boolean;
  inItem: boolean;
}

const BREADCRUMB_SEPARATORS = /^[\s/›»>|·\-–—]+|[\s/›»>|·\-–—]+$/g;

function isBreadcrumb(attribs: Attribs, classInfo: ClassInfo): boolean {
  if (attribs['data-element'] === 'breadcrumb') return true;
  if ((attribs['aria-label'] ?? '').toLowerCase().includes('breadcrumb')) return true;
  return classInfo.tokens.includes('breadcrumb');
}

/** Made only of the blanks joinText folds: space, tab, form feed, vertical tab, carriage return, no-break space, line feed. */
const BLANK = /^[ \t\f\v\r\u00a0\n]*$/;

function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  // Most text starts with a letter: no pattern to run then.
  return (first <= 0x20 || first === 0xa0) && BLANK.test(text);
}

/**
 * The main or the boilerplate text of a page, capped. Text made only of blanks (indentation between tags, the line
 * ends of blocks) is held as one pending blank: joinText folds each run of blanks into one space, or one line break
 * when the run has one, so fewer and shorter parts give the same text for less work.
 */
class PageText {
  private readonly parts: string[] = [];
  /** Characters received, blanks included: the cap counts them as they come. */
  private length = 0;
  private pendingBlank: '' | ' ' | '\n' = '';

  constructor(private readonly max: number) {}

  hasRoom(): boolean {
    return this.length < this.max;
  }

  add(text: string): void {
    this.length += text.length;
    if (isBlank(text)) {
      if (this.pendingBlank !== '\n') this.pendingBlank = text.includes('\n') ? '\n' : ' ';
      return;
    }
    if (this.pendingBlank) {
      this.parts.push(this.pendingBlank);
      this.pendingBlank = '';
    }
    this.parts.push(text);
  }

  /** A blank still pending at the end would be trimmed: it is left out. */
  text(): string {
    return joinText(this.parts, this.max);
  }
}

/** htmlparser2 callbacks that turn one page's parser events into its facts. */
class PageScan implements Partial<Handler> {
  private readonly pageBase: Base;
  private base: Base;
  private readonly pageHost: string;

  private parser: Parser | null = null;
  /** Set when the page nests deeper than MAX_NESTING and reading stopped there. */
  tooDeep = false;
  /** Set when the page has more links than LINKS_MAX: the rest are not recorded. */
  tooManyLinks = false;
  /** Flags of the open elements; its length is the depth of the next element. */
  private readonly frames: number[] = [];
  /** Open OPAQUE elements: while any is open, elements are not visited and text is not page text. */
  private hiddenDepth = 0;
  /** Open skipped elements (script, svg, head…): text under them is no element's text. */
  private textLevel = 0;
  /** Open script and style elements: subtree searches do not look inside them. */
  private rawLevel = 0;

  private regions: Region[] = [];
  /** effectiveRegion(regions), kept current on push/pop: it is read for every text node. */
  private region: Region = 'other';
  /** Indexes into dataElements of open elements carrying data-element, with their depth. */
  private readonly markerStack: { index: number; depth: number }[] = [];
  /** Nearest ancestor with an id, for readable selectors. */
  private readonly idStack: string[] = [];

  /** The DOM would merge consecutive text events (entities arrive apart) into one node; caps are checked per node. */
  private inTextNode = false;
  /** Where the current text node goes; null when that text was full as it began. */
  private textNodeTarget: PageText | null = null;
  readonly mainText = new PageText(MAIN_TEXT_MAX);
  readonly boilerplateText = new PageText(BOILERPLATE_TEXT_MAX);

  private readonly collectors: TextCollector[] = [];
  /** Text for the collectors, by textLevel. */
  private readonly textParts: string[][] = [[]];
  /** The visited script or style element whose own text is being read (after "<script/>" it may hold elements). */
  private body: { depth: number; text: string; done: (text: string) => void } | null = null;
  private readonly waitingLabels: (Waiting & { link: LinkFact })[] = [];
  private readonly waitingHrefs: (Waiting & { fact: DataElementFact; base: Base })[] = [];
  private readonly openForms: (Waiting & { inputs: FormFact['inputs'] })[] = [];
  breadcrumb: Breadcrumb | null = null;

  title: string | null = null;
  lang: string | null = null;
  readonly meta: Record<string, string> = {};
  canonical: string | null = null;
  private baseHref: string | null = null;
  readonly headings: HeadingFact[] = [];
  readonly links: LinkFact[] = [];
  readonly scripts: string[] = [];
  readonly inlineScripts: string[] = [];
  readonly blockedScripts: string[] = [];
  readonly blockedInlineScripts: string[] = [];
  readonly stylesheets: string[] = [];
  readonly inlineStyles: string[] = [];
  /** Elements by class attribute value (as ClassInfo); tokens are counted once per value at the end. */
  readonly classUses = new Map<ClassInfo, number>();
  readonly dataElements: DataElementFact[] = [];
  readonly jsonLd: unknown[] = [];
  readonly forms: FormFact[] = [];
  readonly images: ImageFact[] = [];
  readonly iframes: string[] = [];

  constructor(url: string) {
    const parsed = new URL(url);
    this.pageBase = baseOf(url, parsed);
    this.base = this.pageBase;
    this.pageHost = parsed.hostname;
  }

  // ------------------------------------------------------------------ parser events

  onparserinit(parser: Parser): void {
    this.parser = parser;
  }

  onopentag(name: string, attribs: Attribs): void {
    this.inTextNode = false;
    const depth = this.frames.length;
    if (depth >= MAX_NESTING) {
      this.tooDeep = true;
      this.parser?.pause();
      return;
    }
    const tagFlags = TAG_FLAGS.get(name) ?? 0;
    // OPAQUE applies only to a visited element: the visit decides it.
    let flags = tagFlags & (BLOCK | SKIPPED | RAW);
    if (flags & BLOCK) this.collectText(' ');
    if (tagFlags & SOUGHT) this.noticeDescendant(name, attribs, depth);
    if (flags & RAW) this.rawLevel += 1;
    if (this.hiddenDepth === 0) flags |= this.visit(name, attribs, depth, tagFlags);
    if (flags & SKIPPED) this.textLevel += 1;
    if (flags & OPAQUE) this.hiddenDepth += 1;
    this.frames.push(flags);
  }

  onclosetag(): void {
    if (this.tooDeep) return;
    this.inTextNode = false;
    const flags = this.frames.pop() ?? 0;
    const depth = this.frames.length;
    if (flags & NEWLINE) this.appendLine();
    if (flags & ID) this.idStack.pop();
    if (flags & REGION) {
      this.regions.pop();
      this.region = effectiveRegion(this.regions);
    }
    if (flags & MARKER) this.markerStack.pop();
    if (flags & BODY && this.body) {
      this.body.done(this.body.text);
      this.body = null;
    }
    if (flags & OPAQUE) this.hiddenDepth -= 1;
    if (flags & RAW) this.rawLevel -= 1;
    this.finishCollectors(depth);
    if (flags & SKIPPED) this.textLevel -= 1;
    if (flags & BLOCK) this.collectText(' ');
    if (this.waitingLabels.at(-1)?.depth === depth) this.waitingLabels.pop();
    if (this.waitingHrefs.at(-1)?.depth === depth) this.waitingHrefs.pop();
    if (this.openForms.at(-1)?.depth === depth) this.openForms.pop();
  }

  ontext(text: string): void {
    if (this.hiddenDepth === 0) this.appendNodeText(text);
    else if (this.body && this.frames.length === this.body.depth + 1) this.body.text += text;
    this.collectText(text);
  }

  oncomment(): void {
    this.inTextNode = false;
  }

  onprocessinginstruction(): void {
    this.inTextNode = false;
  }

  // ------------------------------------------------------------------ page text

  private appendNodeText(text: string): void {
    if (!this.inTextNode) {
      this.inTextNode = true;
      const target = this.pageText();
      this.textNodeTarget = target.hasRoom() ? target : null;
    }
    this.textNodeTarget?.add(text);
  }

  private appendLine(): void {
    const target = this.pageText();
    if (target.hasRoom()) target.add('\n');
  }

  private pageText(): PageText {
    return isBoilerplate(this.region) ? this.boilerplateText : this.mainText;
  }

  // ------------------------------------------------------------------ element texts

  private collect(depth: number, max: number, done: (text: string) => void): void {
    const level = this.textLevel;
    const parts = (this.textParts[level] ??= []);
    this.collectors.push({ depth, level, start: parts.length, max, done });
  }

  /** Collectors opened at the current textLevel are the innermost ones; deeper text is not theirs. */
  private collectText(text: string): void {
    const top = this.collectors.at(-1);
    if (top !== undefined && top.level === this.textLevel) this.textParts[top.level].push(text);
  }

  private finishCollectors(depth: number): void {
    let top = this.collectors.at(-1);
    while (top !== undefined && top.depth === depth) {
      this.collectors.pop();
      const parts = this.textParts[top.level];
      top.done(collapsedText(parts, top.start, top.max));
      const next = this.collectors.at(-1);
      if (next?.level !== top.level) parts.length = 0;
      top = next;
    }
  }

  // ------------------------------------------------------------------ subtree searches

  /** Tells the open elements waiting for a descendant like this one, visited or not. */
  private noticeDescendant(name: string, attribs: Attribs, depth: number): void {
    switch (name) {
      case 'img':
        // The first image inside a link without aria-label or title names it.
        while (this.waitingLabels.at(-1)?.rawLevel === this.rawLevel) {
          const waiting = this.waitingLabels.pop();
          if (waiting) waiting.link.label = collapse(attribs.alt ?? '');
        }
        break;
      case 'a':
        // The first link inside a data-element without href gives it one.
        while (this.waitingHrefs.at(-1)?.rawLevel === this.rawLevel) {
          const waiting = this.waitingHrefs.pop();
          if (waiting) waiting.fact.href = attribs.href ? resolveAgainst(attribs.href, waiting.base) ?? attribs.href : null;
        }
        break;
      case 'input':
      case 'select':
      case 'textarea':
        for (let i = this.openForms.length - 1; i >= 0 && this.openForms[i].rawLevel === this.rawLevel; i--) {
          this.openForms[i].inputs.push({ name: attribs.name ?? '', type: name === 'input' ? (attribs.type ?? 'text').toLowerCase() : name });
        }
        break;
      case 'li': {
        // Breadcrumb items: the outermost list items inside the breadcrumb element.
        const crumbs = this.breadcrumb;
        if (crumbs?.open && !crumbs.inItem && crumbs.rawLevel === this.rawLevel) {
          crumbs.inItem = true;
          this.collect(depth, 200, (text) => {
            const item = text.replace(BREADCRUMB_SEPARATORS, '').trim();
            if (item) crumbs.items.push(item);
            crumbs.inItem = false;
          });
        }
        break;
      }
    }
  }

  // ------------------------------------------------------------------ visited elements

  /** Facts of a visited element; returns the flags its close must undo. */
  private visit(name: string, attribs: Attribs, depth: number, tagFlags: number): number {
    const classInfo = classInfoOf(attribs.class);
    if (classInfo !== NO_CLASS) this.classUses.set(classInfo, (this.classUses.get(classInfo) ?? 0) + 1);
    // A style attribute is kept with its element's tag (`<h2 style="…">`): whether a font applies to text depends on it.
    if (attribs.style && /font-family/i.test(attribs.style)) this.inlineStyles.push(cap(`<${name} style="${attribs.style}">`, INLINE_STYLE_MAX));

    if (tagFlags & HAS_FACTS) {
      const ended = this.recordOwnFacts(name, attribs, depth);
      if (ended !== null) return ended;
    }
    if (tagFlags & OPAQUE) return OPAQUE;

    let flags = tagFlags & BLOCK ? NEWLINE : 0;
    if (!this.breadcrumb && isBreadcrumb(attribs, classInfo)) this.openBreadcrumb(depth);
    const marker = attribs['data-element'];
    if (marker) {
      this.markerStack.push({ index: this.recordDataElement(name, attribs, marker, depth), depth });
      flags |= MARKER;
    }
    const region = regionOf(name, attribs, classInfo);
    if (region) {
      this.regions.push(region);
      this.region = effectiveRegion(this.regions);
      flags |= REGION;
    }
    if (attribs.id) {
      this.idStack.push(attribs.id);
      flags |= ID;
    }
    if (flags & NEWLINE) this.appendLine();
    return flags;
  }

  /** Facts particular to the tag; for the elements whose visit ends here, the flags their close must undo. */
  private recordOwnFacts(name: string, attribs: Attribs, depth: number): number | null {
    switch (name) {
      case 'html':
        if (this.lang === null && attribs.lang) this.lang = attribs.lang.trim() || null;
        break;
      case 'title':
        if (this.title === null) {
          this.title = '';
          this.collect(depth, 500, (text) => {
            this.title = text;
          });
        }
        return OPAQUE;
      case 'base':
      case 'meta':
      case 'link':
        this.visitHead(name, attribs);
        return 0;
      case 'script':
        if (attribs['data-element']) this.recordDataElement(name, attribs, attribs['data-element'], depth);
        return OPAQUE | this.visitScript(attribs, depth);
      case 'style':
        this.readBody(depth, (body) => {
          if (body.trim()) this.inlineStyles.push(cap(body, INLINE_STYLE_MAX));
        });
        return OPAQUE | BODY;
      case 'a':
      case 'area':
        this.visitLink(name, attribs, depth);
        break;
      case 'img':
        if (this.images.length < IMAGES_MAX) {
          const src = attribs.src ?? attribs['data-src'] ?? '';
          this.images.push({
            src: this.resolve(src) ?? src,
            alt: attribs.alt === undefined ? null : attribs.alt,
            selector: `img[src="${attrSelectorValue(src)}"]`,
          });
        }
        break;
      case 'iframe': {
        const src = this.resolve(attribs.src ?? attribs['data-src']);
        if (src) this.iframes.push(src);
        break;
      }
      case 'form':
        this.visitForm(attribs, depth);
        break;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        if (this.headings.length < HEADINGS_MAX) {
          const heading = { level: Number(name[1]), text: '' };
          this.headings.push(heading);
          this.collect(depth, 300, (text) => {
            heading.text = text;
          });
        }
        break;
    }
    return null;
  }

  private resolve(raw: string | undefined): string | null {
    return resolveAgainst(raw, this.base);
  }

  private visitHead(name: 'base' | 'meta' | 'link', attribs: Attribs): void {
    switch (name) {
      case 'base':
        if (!this.baseHref && attribs.href) {
          this.baseHref = normaliseUrl(attribs.href, this.pageBase.url);
          if (this.baseHref) this.base = baseOf(this.baseHref);
        }
        break;
      case 'meta': {
        const key = (attribs.name ?? attribs.property ?? attribs['http-equiv'])?.toLowerCase();
        const content = attribs.content;
        if (key && content !== undefined && !(key in this.meta)) this.meta[key] = cap(collapse(content), 1_000);
        break;
      }
      case 'link': {
        const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/);
        if (rel.includes('canonical') && this.canonical === null) this.canonical = this.resolve(attribs.href);
        if (rel.includes('stylesheet')) {
          const href = this.resolve(attribs.href);
          if (href) this.stylesheets.push(href);
        }
        break;
      }
    }
  }

  private readBody(depth: number, done: (text: string) => void): void {
    this.body = { depth, text: '', done };
  }

  private visitScript(attribs: Attribs, depth: number): number {
    const type = (attribs.type ?? '').trim().toLowerCase().split(';')[0];
    const runs = RUNNABLE_SCRIPT_TYPE.test(type);
    const src = this.resolve(attribs.src ?? (runs ? undefined : attribs['data-src']));
    if (src) {
      (runs ? this.scripts : this.blockedScripts).push(src);
      return 0;
    }
    this.readBody(depth, (body) => this.recordInlineScript(body, type, runs));
    return BODY;
  }

  private recordInlineScript(body: string, type: string, runs: boolean): void {
    if (!runs && type !== 'application/ld+json') {
      if (body.trim() && this.blockedInlineScripts.length < INLINE_SCRIPTS_MAX) this.blockedInlineScripts.push(cap(body.trim(), INLINE_SCRIPT_MAX));
      return;
    }
    if (type === 'application/ld+json') {
      try {
        this.jsonLd.push(JSON.parse(body));
      } catch (error) {
        this.jsonLd.push({ '@parseError': error instanceof Error ? error.message : String(error) });
      }
      return;
    }
    if (body.trim() && this.inlineScripts.length < INLINE_SCRIPTS_MAX) this.inlineScripts.push(cap(body.trim(), INLINE_SCRIPT_MAX));
  }

  private nearestMarker(depth: number): string | null {
    const top = this.markerStack.at(-1);
    // A marker up to three levels above the link (e.g. <li data-element="x"><a>) names the link; farther ones name a container.
    if (top && depth - top.depth <= 3) return this.dataElements[top.index].name;
    return null;
  }

  private anchorSelector(name: string, attribs: Attribs, raw: string): string {
    const own = attribs['data-element'];
    if (own) return `[data-element="${attrSelectorValue(own)}"]`;
    const scope = this.idStack.length ? `#${this.idStack[this.idStack.length - 1]}` : this.region;
    return `${scope} ${name}[href="${attrSelectorValue(raw)}"]`;
  }

  private visitLink(name: string, attribs: Attribs, depth: number): void {
    if (this.links.length >= LINKS_MAX) {
      this.tooManyLinks = true;
      return;
    }
    const raw = attribs.href;
    if (raw === undefined) return;
    const trimmed = raw.trim();
    const isWeb = !/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || /^https?:/i.test(trimmed);
    const href = isWeb ? this.resolve(trimmed) : trimmed;
    if (!href) return;
    const target = isWeb ? linkTargetOf(href) : null;
    const host = target?.host ?? '';
    const link: LinkFact = {
      href,
      text: '',
      region: this.region,
      dataElement: attribs['data-element'] ?? this.nearestMarker(depth),
      rel: attribs.rel ?? null,
      selector: this.anchorSelector(name, attribs, trimmed),
      documentType: target && (attribs.type === undefined ? target.documentType : documentTypeOf(href, attribs.type)),
      external: isWeb && !sameSite(host, this.pageHost),
      host,
      label: '',
    };
    this.links.push(link);
    const label = attribs['aria-label'] ?? attribs.title;
    if (label !== undefined) link.label = collapse(label);
    else this.waitingLabels.push({ depth, rawLevel: this.rawLevel, link });
    this.collect(depth, 300, (text) => {
      link.text = text;
    });
  }

  /** Records a data-element marker; returns its index so nested markers can name it as their parent. */
  private recordDataElement(tag: string, attribs: Attribs, name: string, depth: number): number {
    const fact: DataElementFact = {
      name,
      tag,
      text: '',
      href: null,
      region: this.region,
      parent: this.markerStack.length ? this.markerStack[this.markerStack.length - 1].index : null,
      selector: `${tag}[data-element="${attrSelectorValue(name)}"]`,
    };
    const ownHref = attribs.href;
    if (ownHref !== undefined) fact.rawHref = ownHref;
    if (ownHref !== undefined) fact.href = ownHref ? this.resolve(ownHref) ?? ownHref : null;
    else this.waitingHrefs.push({ depth, rawLevel: this.rawLevel, fact, base: this.base });
    // Script bodies (the model's JSON-LD metatag) are in jsonLd, not text.
    if (tag !== 'script') {
      this.collect(depth, DATA_ELEMENT_TEXT_MAX, (text) => {
        fact.text = text;
      });
    }
    this.dataElements.push(fact);
    return this.dataElements.length - 1;
  }

  private visitForm(attribs: Attribs, depth: number): void {
    const inputs: FormFact['inputs'] = [];
    const id = attribs.id;
    this.forms.push({
      action: this.resolve(attribs.action) ?? '',
      method: (attribs.method ?? 'get').toLowerCase(),
      inputs,
      selector: id ? `form#${id}` : `form[action="${attrSelectorValue(attribs.action ?? '')}"]`,
    });
    this.openForms.push({ depth, rawLevel: this.rawLevel, inputs });
  }

  /** The first breadcrumb element: its list items, or else its text split on separators. */
  private openBreadcrumb(depth: number): void {
    const crumbs: Breadcrumb = { depth, rawLevel: this.rawLevel, items: [], text: '', open: true, inItem: false };
    this.breadcrumb = crumbs;
    // Its text arrives when it closes, which also ends the search for items.
    this.collect(depth, 500, (text) => {
      crumbs.text = text;
      crumbs.open = false;
    });
  }
}

function breadcrumbOf(crumbs: Breadcrumb): string[] {
  if (crumbs.items.length) return crumbs.items;
  // No list items: split the plain text on separators ("Home > Servizi > Anagrafe").
  return crumbs.text
    .split(/\s[/›»>|]\s/)
    .map((part) => part.trim())
    .filter(Boolean);
}

function breadcrumbFromJsonLd(blocks: unknown[]): string[] {
  for (const block of blocks) {
    const candidates = Array.isArray(block) ? block : [block];
    for (const candidate of candidates) {
      const graph = (candidate as { '@graph'?: unknown[] })?.['@graph'];
      for (const node of Array.isArray(graph) ? graph : [candidate]) {
        const item = node as { '@type'?: unknown; itemListElement?: unknown };
        if (item?.['@type'] !== 'BreadcrumbList' || !Array.isArray(item.itemListElement)) continue;
        return item.itemListElement
          .map((entry) => {
            const e = entry as { name?: unknown; item?: { name?: unknown } };
            return String(e.name ?? e.item?.name ?? '').trim();
          })
          .filter(Boolean);
      }
    }
  }
  return [];
}

/** Cookies from a set-cookie header (several joined with newlines by the crawler). */
export function cookiesFrom(header: string | undefined): CookieFact[] {
  if (!header) return [];
  return header
    .split('\n')
    .filter((line) => line.includes('='))
    .map((line) => {
      const [pair, ...attributes] = line.split(';');
      const attribute = (name: string) => {
        const found = attributes.find((a) => a.trim().toLowerCase().startsWith(`${name}=`));
        return found ? found.slice(found.indexOf('=') + 1).trim() : null;
      };
      const domain = attribute('domain');
      return {
        name: pair.slice(0, pair.indexOf('=')).trim(),
        domain: domain ? domain.toLowerCase().replace(/^\./, '') : null,
        path: attribute('path'),
        secure: attributes.some((a) => a.trim().toLowerCase() === 'secure'),
      };
    });
}

function keptHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) if (headers[name] !== undefined) kept[name] = headers[name];
  return kept;
}

/**
 * Runs of blanks become one space and line breaks swallow the blanks around them. The patterns skip what is already
 * normal (a lone space, a bare line break): most gaps between words are single spaces, and every match costs.
 */
function joinText(parts: string[], max: number): string {
  const text = parts
    .join('')
    .replace(/[ \t\f\v\r\u00a0]{2,}|[\t\f\v\r\u00a0]/g, ' ')
    .replace(/ \n[\n ]*|\n[\n ]+/g, '\n')
    .trim();
  return cap(text, max);
}

/** A record with every field present and empty, for pages that failed or are not HTML. */
export function emptyPageFacts(page: FetchedPage): PageFacts {
  const facts: PageFacts = {
    url: page.url,
    finalUrl: page.finalUrl,
    status: page.status,
    depth: page.depth,
    contentType: page.contentType,
    headers: keptHeaders(page.headers),
    title: '',
    lang: null,
    meta: {},
    canonical: null,
    generator: null,
    headings: [],
    mainText: '',
    boilerplateText: '',
    breadcrumb: [],
    links: [],
    scripts: [],
    inlineScripts: [],
    blockedScripts: [],
    blockedInlineScripts: [],
    cookies: cookiesFrom(page.headers['set-cookie']),
    stylesheets: [],
    inlineStyles: [],
    classTokens: [],
    classTokenCount: 0,
    classTokenCounts: [],
    dataElements: [],
    jsonLd: [],
    forms: [],
    images: [],
    iframes: [],
  };
  if (page.truncated) facts.truncated = true;
  if (page.error) facts.error = page.error;
  return facts;
}

export function extractPageFacts(page: FetchedPage): PageFacts {
  const facts = emptyPageFacts(page);
  if (page.error || !page.html) return facts;

  const scan = new PageScan(page.finalUrl || page.url);
  new Parser(scan, PARSER_OPTIONS).end(page.html);

  const tokenCounts = classTokenCounts(scan.classUses);
  const classTokens = [...tokenCounts.keys()].sort();
  facts.title = scan.title ?? '';
  facts.lang = scan.lang;
  facts.meta = scan.meta;
  facts.canonical = scan.canonical;
  facts.generator = scan.meta.generator ?? null;
  facts.headings = scan.headings;
  facts.mainText = scan.mainText.text();
  facts.boilerplateText = scan.boilerplateText.text();
  facts.breadcrumb = scan.breadcrumb ? breadcrumbOf(scan.breadcrumb) : breadcrumbFromJsonLd(scan.jsonLd);
  facts.links = scan.links;
  facts.scripts = scan.scripts;
  facts.inlineScripts = scan.inlineScripts;
  facts.blockedScripts = scan.blockedScripts;
  facts.blockedInlineScripts = scan.blockedInlineScripts;
  facts.stylesheets = scan.stylesheets;
  facts.inlineStyles = scan.inlineStyles;
  facts.classTokens = classTokens;
  facts.classTokenCounts = classTokens.map((token) => tokenCounts.get(token) ?? 0);
  facts.classTokenCount = facts.classTokenCounts.reduce((sum, count) => sum + count, 0);
  facts.dataElements = scan.dataElements;
  facts.jsonLd = scan.jsonLd;
  facts.forms = scan.forms;
  facts.images = scan.images;
  facts.iframes = scan.iframes;
  if (scan.tooDeep || scan.tooManyLinks) facts.truncated = true;
  // Texts and attribute values are cut from the HTML: detached, the facts no longer keep the whole page.
  return detachStrings(facts);
}
