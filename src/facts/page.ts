// Parses one fetched HTML page, once, into the plain PageFacts record every rule reads.
// One recursive walk over the htmlparser2 DOM collects everything: text by region, links, markers,
// scripts, classes, forms, images. See docs/MEASUREMENTS.md: parsing dominates the crawl's cost.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { documentTypeOf, normaliseUrl } from '../crawl/url.js';
import type {
  CookieFact,
  DataElementFact,
  FetchedPage,
  FormFact,
  HeadingFact,
  ImageFact,
  LinkFact,
  PageFacts,
  Region,
} from '../types.js';

const MAIN_TEXT_MAX = 50_000;
const BOILERPLATE_TEXT_MAX = 30_000;
const INLINE_SCRIPT_MAX = 4_096;
const INLINE_SCRIPTS_MAX = 40;
const INLINE_STYLE_MAX = 8_192;
const DATA_ELEMENT_TEXT_MAX = 500;
const HEADINGS_MAX = 200;
const IMAGES_MAX = 300;
const LINKS_MAX = 2_000;

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

const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);

/** Elements that end a line of text (so "<p>Uno</p><p>Due</p>" reads "Uno\nDue", not "UnoDue"). */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'option', 'label', 'button',
]);

const REGION_BY_TAG: Record<string, Region> = { header: 'header', nav: 'nav', footer: 'footer', aside: 'aside', main: 'main' };
const REGION_BY_ROLE: Record<string, Region> = {
  banner: 'header',
  navigation: 'nav',
  contentinfo: 'footer',
  complementary: 'aside',
  main: 'main',
};
/** Class or id tokens that old CMS themes use instead of semantic elements. Exact tokens only ("card-header" is not a header). */
const REGION_BY_TOKEN: Record<string, Region> = {
  footer: 'footer',
  'site-footer': 'footer',
  'it-footer': 'footer',
  'page-footer': 'footer',
  colophon: 'footer',
  'it-header-wrapper': 'header',
  'site-header': 'header',
  masthead: 'header',
};

function regionOf(element: Element, classTokens: string[]): Region | null {
  const byTag = REGION_BY_TAG[element.name];
  if (byTag) return byTag;
  const role = element.attribs.role;
  if (role && REGION_BY_ROLE[role]) return REGION_BY_ROLE[role];
  const id = element.attribs.id;
  if (id && REGION_BY_TOKEN[id.toLowerCase()]) return REGION_BY_TOKEN[id.toLowerCase()];
  for (const token of classTokens) {
    const region = REGION_BY_TOKEN[token.toLowerCase()];
    if (region) return region;
  }
  return null;
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

const NO_TOKENS: string[] = [];

const isBoilerplate = (region: Region) => region === 'header' || region === 'nav' || region === 'footer' || region === 'aside';

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cap(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** Text content of a subtree without scripts and styles, blocks separated by spaces. */
function textOf(node: ChildNode, parts: string[] = []): string[] {
  if (node.type === 'text') parts.push(node.data);
  else if (node.type === 'tag' && !SKIPPED_TAGS.has(node.name)) {
    if (BLOCK_TAGS.has(node.name)) parts.push(' ');
    for (const child of node.children) textOf(child, parts);
    if (BLOCK_TAGS.has(node.name)) parts.push(' ');
  }
  return parts;
}

function elementText(element: Element, max = DATA_ELEMENT_TEXT_MAX): string {
  return cap(collapse(textOf(element).join('')), max);
}

function firstDescendant(element: Element, tag: string): Element | null {
  for (const child of element.children) {
    if (child.type !== 'tag') continue;
    if (child.name === tag) return child;
    const found = firstDescendant(child, tag);
    if (found) return found;
  }
  return null;
}

function attrSelectorValue(value: string): string {
  const short = value.length > 80 ? value.slice(0, 80) : value;
  return short.replace(/["\\]/g, '\\$&');
}

/** Same registrable site: the host itself or its www. twin. */
function sameSite(host: string, pageHost: string): boolean {
  const bare = (h: string) => (h.startsWith('www.') ? h.slice(4) : h);
  return bare(host) === bare(pageHost);
}

interface WalkState {
  base: string;
  pageHost: string;
  regions: Region[];
  /** effectiveRegion(regions), kept current on push/pop: it is read for every text node. */
  region: Region;
  /** Stack of indexes into dataElements for open elements that carry data-element, with their DOM depth. */
  markerStack: { index: number; depth: number }[];
  /** Nearest ancestor with an id, for readable selectors. */
  idStack: string[];
  mainParts: string[];
  mainLength: number;
  boilerplateParts: string[];
  boilerplateLength: number;
  title: string | null;
  lang: string | null;
  meta: Record<string, string>;
  canonical: string | null;
  baseHref: string | null;
  headings: HeadingFact[];
  links: LinkFact[];
  scripts: string[];
  inlineScripts: string[];
  blockedScripts: string[];
  blockedInlineScripts: string[];
  stylesheets: string[];
  inlineStyles: string[];
  classCounts: Map<string, number>;
  classTokenCount: number;
  dataElements: DataElementFact[];
  jsonLd: unknown[];
  forms: FormFact[];
  images: ImageFact[];
  iframes: string[];
  breadcrumbElement: Element | null;
}

function appendText(state: WalkState, text: string): void {
  if (isBoilerplate(state.region)) {
    if (state.boilerplateLength < BOILERPLATE_TEXT_MAX) {
      state.boilerplateParts.push(text);
      state.boilerplateLength += text.length;
    }
  } else if (state.mainLength < MAIN_TEXT_MAX) {
    state.mainParts.push(text);
    state.mainLength += text.length;
  }
}

function resolve(state: WalkState, raw: string | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!trimmed) return null;
  return normaliseUrl(trimmed, state.baseHref ?? state.base);
}

function anchorSelector(state: WalkState, element: Element, raw: string): string {
  const own = element.attribs['data-element'];
  if (own) return `[data-element="${attrSelectorValue(own)}"]`;
  const scope = state.idStack.length ? `#${state.idStack[state.idStack.length - 1]}` : state.region;
  return `${scope} ${element.name}[href="${attrSelectorValue(raw)}"]`;
}

function nearestMarker(state: WalkState, depth: number): string | null {
  const top = state.markerStack[state.markerStack.length - 1];
  // A marker up to three levels above the link (e.g. <li data-element="x"><a>) names the link; farther ones name a container.
  if (top && depth - top.depth <= 3) return state.dataElements[top.index].name;
  return null;
}

function visitLink(state: WalkState, element: Element, depth: number): void {
  if (state.links.length >= LINKS_MAX) return;
  const raw = element.attribs.href;
  if (raw === undefined) return;
  const trimmed = raw.trim();
  const isWeb = !/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || /^https?:/i.test(trimmed);
  const href = isWeb ? resolve(state, trimmed) : trimmed;
  if (!href) return;
  const img = firstDescendant(element, 'img');
  const label = element.attribs['aria-label'] ?? element.attribs.title ?? img?.attribs.alt ?? '';
  // normaliseUrl returns "scheme://host[:port]/…" with the host lower-cased: read it without parsing again.
  const host = isWeb ? (/^https?:\/\/(\[[^\]]+\]|[^/:?]+)/.exec(href)?.[1] ?? '') : '';
  const external = isWeb && !sameSite(host, state.pageHost);
  state.links.push({
    href,
    text: elementText(element, 300),
    region: state.region,
    dataElement: element.attribs['data-element'] ?? nearestMarker(state, depth),
    rel: element.attribs.rel ?? null,
    selector: anchorSelector(state, element, trimmed),
    documentType: isWeb ? documentTypeOf(href, element.attribs.type ?? null) : null,
    external,
    host,
    label: collapse(label),
  });
}

/** Records a data-element marker; returns its index so the walk can make it the parent of nested markers. */
function recordDataElement(state: WalkState, element: Element, name: string): number {
  const parent = state.markerStack.length ? state.markerStack[state.markerStack.length - 1].index : null;
  const ownHref = element.attribs.href ?? firstDescendant(element, 'a')?.attribs.href;
  state.dataElements.push({
    name,
    tag: element.name,
    // Script bodies (the model's JSON-LD metatag) are in jsonLd, not text.
    text: element.name === 'script' ? '' : elementText(element),
    href: ownHref ? resolve(state, ownHref) ?? ownHref : null,
    parent,
    selector: `${element.name}[data-element="${attrSelectorValue(name)}"]`,
  });
  return state.dataElements.length - 1;
}

function visitHead(state: WalkState, element: Element): void {
  switch (element.name) {
    case 'title':
      if (state.title === null) state.title = elementText(element, 500);
      break;
    case 'base':
      if (!state.baseHref && element.attribs.href) state.baseHref = normaliseUrl(element.attribs.href, state.base);
      break;
    case 'meta': {
      const key = (element.attribs.name ?? element.attribs.property ?? element.attribs['http-equiv'])?.toLowerCase();
      const content = element.attribs.content;
      if (key && content !== undefined && !(key in state.meta)) state.meta[key] = cap(collapse(content), 1_000);
      break;
    }
    case 'link': {
      const rel = (element.attribs.rel ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('canonical') && state.canonical === null) state.canonical = resolve(state, element.attribs.href);
      if (rel.includes('stylesheet')) {
        const href = resolve(state, element.attribs.href);
        if (href) state.stylesheets.push(href);
      }
      break;
    }
  }
}

/** Types a browser runs; anything else (text/plain…) is how consent managers hold scripts back. */
const RUNNABLE_SCRIPT_TYPE = /^(|module|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript|text\/jscript)$/;

function visitScript(state: WalkState, element: Element): void {
  const type = (element.attribs.type ?? '').trim().toLowerCase().split(';')[0];
  const runs = RUNNABLE_SCRIPT_TYPE.test(type);
  const src = resolve(state, element.attribs.src ?? (runs ? undefined : element.attribs['data-src']));
  if (src) {
    (runs ? state.scripts : state.blockedScripts).push(src);
    return;
  }
  const body = element.children.map((child) => (child.type === 'text' ? child.data : '')).join('');
  if (!runs && type !== 'application/ld+json') {
    if (body.trim() && state.blockedInlineScripts.length < INLINE_SCRIPTS_MAX) state.blockedInlineScripts.push(cap(body.trim(), INLINE_SCRIPT_MAX));
    return;
  }
  if (type === 'application/ld+json') {
    try {
      state.jsonLd.push(JSON.parse(body));
    } catch (error) {
      state.jsonLd.push({ '@parseError': error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if (body.trim() && state.inlineScripts.length < INLINE_SCRIPTS_MAX) state.inlineScripts.push(cap(body.trim(), INLINE_SCRIPT_MAX));
}

function visitForm(state: WalkState, element: Element): void {
  const inputs: FormFact['inputs'] = [];
  const collect = (node: ChildNode) => {
    if (node.type !== 'tag') return;
    if (node.name === 'input' || node.name === 'select' || node.name === 'textarea') {
      inputs.push({ name: node.attribs.name ?? '', type: node.name === 'input' ? (node.attribs.type ?? 'text').toLowerCase() : node.name });
    }
    node.children.forEach(collect);
  };
  element.children.forEach(collect);
  const id = element.attribs.id;
  state.forms.push({
    action: resolve(state, element.attribs.action) ?? '',
    method: (element.attribs.method ?? 'get').toLowerCase(),
    inputs,
    selector: id ? `form#${id}` : `form[action="${attrSelectorValue(element.attribs.action ?? '')}"]`,
  });
}

function visitElement(state: WalkState, element: Element, depth: number): void {
  const name = element.name;
  const attribs = element.attribs;

  const classTokens = attribs.class ? attribs.class.split(/\s+/).filter(Boolean) : NO_TOKENS;
  for (const token of classTokens) {
    state.classCounts.set(token, (state.classCounts.get(token) ?? 0) + 1);
    state.classTokenCount += 1;
  }
  if (attribs.style && /font-family/i.test(attribs.style)) state.inlineStyles.push(cap(attribs.style, INLINE_STYLE_MAX));

  switch (name) {
    case 'html':
      if (state.lang === null && attribs.lang) state.lang = attribs.lang.trim() || null;
      break;
    case 'title':
    case 'base':
    case 'meta':
    case 'link':
      visitHead(state, element);
      return;
    case 'script':
      if (attribs['data-element']) recordDataElement(state, element, attribs['data-element']);
      visitScript(state, element);
      return;
    case 'style': {
      const body = element.children.map((child) => (child.type === 'text' ? child.data : '')).join('');
      if (body.trim()) state.inlineStyles.push(cap(body, INLINE_STYLE_MAX));
      return;
    }
    case 'a':
    case 'area':
      visitLink(state, element, depth);
      break;
    case 'img':
      if (state.images.length < IMAGES_MAX) {
        const src = attribs.src ?? attribs['data-src'] ?? '';
        state.images.push({
          src: resolve(state, src) ?? src,
          alt: attribs.alt === undefined ? null : attribs.alt,
          selector: `img[src="${attrSelectorValue(src)}"]`,
        });
      }
      break;
    case 'iframe': {
      const src = resolve(state, attribs.src ?? attribs['data-src']);
      if (src) state.iframes.push(src);
      break;
    }
    case 'form':
      visitForm(state, element);
      break;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      if (state.headings.length < HEADINGS_MAX) state.headings.push({ level: Number(name[1]), text: elementText(element, 300) });
      break;
  }
  if (SKIPPED_TAGS.has(name) && name !== 'head') return;

  if (!state.breadcrumbElement && isBreadcrumb(element)) state.breadcrumbElement = element;

  const marker = attribs['data-element'];
  if (marker) state.markerStack.push({ index: recordDataElement(state, element, marker), depth });
  const region = regionOf(element, classTokens);
  if (region) {
    state.regions.push(region);
    state.region = effectiveRegion(state.regions);
  }
  if (attribs.id) state.idStack.push(attribs.id);
  const block = BLOCK_TAGS.has(name);
  if (block) appendText(state, '\n');

  for (const child of element.children) walk(state, child, depth + 1);

  if (block) appendText(state, '\n');
  if (attribs.id) state.idStack.pop();
  if (region) {
    state.regions.pop();
    state.region = effectiveRegion(state.regions);
  }
  if (marker) state.markerStack.pop();
}

function walk(state: WalkState, node: ChildNode, depth: number): void {
  if (node.type === 'text') appendText(state, node.data);
  else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') visitElement(state, node as Element, depth);
  else if ('children' in node) for (const child of node.children) walk(state, child, depth + 1);
}

function isBreadcrumb(element: Element): boolean {
  const { attribs } = element;
  if (attribs['data-element'] === 'breadcrumb') return true;
  if ((attribs['aria-label'] ?? '').toLowerCase().includes('breadcrumb')) return true;
  if (attribs.class && attribs.class.split(/\s+/).includes('breadcrumb')) return true;
  return false;
}

const BREADCRUMB_SEPARATORS = /^[\s/›»>|·\-–—]+|[\s/›»>|·\-–—]+$/g;

function breadcrumbFromElement(element: Element): string[] {
  const items: string[] = [];
  const collect = (node: ChildNode) => {
    if (node.type !== 'tag') return;
    if (node.name === 'li') {
      const text = elementText(node, 200).replace(BREADCRUMB_SEPARATORS, '').trim();
      if (text) items.push(text);
      return;
    }
    node.children.forEach(collect);
  };
  element.children.forEach(collect);
  if (items.length) return items;
  // No list items: split the plain text on separators ("Home > Servizi > Anagrafe").
  return elementText(element, 500)
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

function joinText(parts: string[], max: number): string {
  const text = parts
    .join('')
    .replace(/[ \t\f\v\r\u00a0]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n')
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
  if (page.error) facts.error = page.error;
  return facts;
}

export function extractPageFacts(page: FetchedPage): PageFacts {
  const facts = emptyPageFacts(page);
  if (page.error || !page.html) return facts;

  const base = page.finalUrl || page.url;
  const document = parseDocument(page.html, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true });
  const state: WalkState = {
    base,
    pageHost: new URL(base).hostname,
    regions: [],
    region: 'other',
    markerStack: [],
    idStack: [],
    mainParts: [],
    mainLength: 0,
    boilerplateParts: [],
    boilerplateLength: 0,
    title: null,
    lang: null,
    meta: {},
    canonical: null,
    baseHref: null,
    headings: [],
    links: [],
    scripts: [],
    inlineScripts: [],
    blockedScripts: [],
    blockedInlineScripts: [],
    stylesheets: [],
    inlineStyles: [],
    classCounts: new Map(),
    classTokenCount: 0,
    dataElements: [],
    jsonLd: [],
    forms: [],
    images: [],
    iframes: [],
    breadcrumbElement: null,
  };
  for (const child of document.children) walk(state, child, 0);

  const classTokens = [...state.classCounts.keys()].sort();
  facts.title = state.title ?? '';
  facts.lang = state.lang;
  facts.meta = state.meta;
  facts.canonical = state.canonical;
  facts.generator = state.meta.generator ?? null;
  facts.headings = state.headings;
  facts.mainText = joinText(state.mainParts, MAIN_TEXT_MAX);
  facts.boilerplateText = joinText(state.boilerplateParts, BOILERPLATE_TEXT_MAX);
  facts.breadcrumb = state.breadcrumbElement ? breadcrumbFromElement(state.breadcrumbElement) : breadcrumbFromJsonLd(state.jsonLd);
  facts.links = state.links;
  facts.scripts = state.scripts;
  facts.inlineScripts = state.inlineScripts;
  facts.blockedScripts = state.blockedScripts;
  facts.blockedInlineScripts = state.blockedInlineScripts;
  facts.stylesheets = state.stylesheets;
  facts.inlineStyles = state.inlineStyles;
  facts.classTokens = classTokens;
  facts.classTokenCount = state.classTokenCount;
  facts.classTokenCounts = classTokens.map((token) => state.classCounts.get(token) ?? 0);
  facts.dataElements = state.dataElements;
  facts.jsonLd = state.jsonLd;
  facts.forms = state.forms;
  facts.images = state.images;
  facts.iframes = state.iframes;
  return facts;
}
