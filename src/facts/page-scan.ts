// What each element of a page yields, read as the walk (page-walk.ts) visits it: title, language, meta, canonical
// and base; links with text, label, region, marker and selector; data-element markers; scripts and styles, inline or
// linked, run or held back; headings, images, iframes, forms with their inputs; class uses; the breadcrumb.
// A fact that needs an element's subtree (its text, first image, inputs) is recorded when the element opens, so facts
// keep document order, and completed as its descendants arrive or when it closes.
import { documentTypeOf, normaliseUrl } from '../crawl/url.js';
import { LINKS_MAX } from './caps.js';
import { isBreadcrumb, BREADCRUMB_SEPARATORS, type Breadcrumb } from './page-breadcrumb.js';
import { classInfoOf, NO_CLASS, regionOf, type Attribs, type ClassInfo } from './page-regions.js';
import { cap, collapse } from './page-text.js';
import { baseOf, linkTargetOf, resolveAgainst, sameSite, type Base } from './page-urls.js';
import { BLOCK, BODY, HAS_FACTS, ID, MARKER, NEWLINE, OPAQUE, PageWalk, type Waiting } from './page-walk.js';
import type { DataElementFact, FormFact, HeadingFact, ImageFact, LinkFact } from '../types.js';

const INLINE_SCRIPT_MAX = 4_096;
const INLINE_SCRIPTS_MAX = 40;
const INLINE_STYLE_MAX = 8_192;
const DATA_ELEMENT_TEXT_MAX = 1200;
const HEADINGS_MAX = 200;
const IMAGES_MAX = 300;

/** Types a browser runs; anything else (text/plain…) is how consent managers hold scripts back. */
const RUNNABLE_SCRIPT_TYPE = /^(|module|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript|text\/jscript)$/;

function attrSelectorValue(value: string): string {
  const short = value.length > 80 ? value.slice(0, 80) : value;
  // Quotes and backslashes are rare: look before paying for a replace.
  return short.includes('"') || short.includes('\\') ? short.replace(/["\\]/g, '\\$&') : short;
}

/** The walk's visits, turned into one page's facts. */
export class PageScan extends PageWalk {
  private readonly pageBase: Base;
  private base: Base;
  private readonly pageHost: string;

  /** Set when the page has more links than LINKS_MAX: the rest are not recorded. */
  tooManyLinks = false;
  /** Indexes into dataElements of open elements carrying data-element, with their depth. */
  private readonly markerStack: { index: number; depth: number }[] = [];
  /** Nearest ancestor with an id, for readable selectors. */
  private readonly idStack: string[] = [];

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
    super();
    const parsed = new URL(url);
    this.pageBase = baseOf(url, parsed);
    this.base = this.pageBase;
    this.pageHost = parsed.hostname;
  }

  // ------------------------------------------------------------------ subtree searches

  protected noticeDescendant(name: string, attribs: Attribs, depth: number): void {
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

  protected visit(name: string, attribs: Attribs, depth: number, tagFlags: number): number {
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
    if (region) flags |= this.enterRegion(region);
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

  protected closed(depth: number, flags: number): void {
    if (flags & ID) this.idStack.pop();
    if (flags & MARKER) this.markerStack.pop();
    if (this.waitingLabels.at(-1)?.depth === depth) this.waitingLabels.pop();
    if (this.waitingHrefs.at(-1)?.depth === depth) this.waitingHrefs.pop();
    if (this.openForms.at(-1)?.depth === depth) this.openForms.pop();
  }
}
