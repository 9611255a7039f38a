// The streaming walk under the page reader: htmlparser2's parser events turned into the state every fact needs —
// depth, which elements are visited, skipped or raw, the region an element sits in, page text by region and the
// texts of single elements. The parser emits a close for every open, implied ones included, so the stacks below stay
// balanced on malformed HTML. What each element yields is PageScan's (page-scan.ts), through visit,
// noticeDescendant and closed.
// Terms: an element is "visited" when its own facts are read; the content of script, style, title, noscript,
// template and svg is not visited (a link inside an svg is no link), but element texts and subtree searches still
// look into some of it, as described at SKIPPED and RAW.
import type { Handler, Parser } from 'htmlparser2';
import { MAX_NESTING } from './caps.js';
import { effectiveRegion, isBoilerplate, type Attribs } from './page-regions.js';
import { collapsedText, PageText } from './page-text.js';
import type { Region } from '../types.js';

const MAIN_TEXT_MAX = 50_000;
const BOILERPLATE_TEXT_MAX = 30_000;

/** What an open element must undo when it closes (bits of PageWalk.frames). The first four follow from its tag. */
export const BLOCK = 1; // separates its text from its neighbours' in element texts
const SKIPPED = 2; // its text is neither page text nor part of an element text: raises textLevel
const RAW = 4; // script or style: subtree searches (first image, inputs…) do not look inside; raises rawLevel
export const OPAQUE = 8; // a visited element whose content is not visited: raises hiddenDepth
export const NEWLINE = 16; // a visited block: ends a line of page text
const REGION = 32;
export const ID = 64;
export const MARKER = 128;
export const BODY = 256; // a visited script or style whose body is read when it closes
// Not undone, only read from TAG_FLAGS: tags a subtree search looks for, and tags with facts of their own.
const SOUGHT = 512;
export const HAS_FACTS = 1024;

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
export interface Waiting {
  depth: number;
  rawLevel: number;
}

/** htmlparser2 callbacks that keep the walk's state; a subclass reads each element's facts. */
export abstract class PageWalk implements Partial<Handler> {
  private parser: Parser | null = null;
  /** Set when the page nests deeper than MAX_NESTING and reading stopped there. */
  tooDeep = false;
  /** Flags of the open elements; its length is the depth of the next element. */
  private readonly frames: number[] = [];
  /** Open OPAQUE elements: while any is open, elements are not visited and text is not page text. */
  private hiddenDepth = 0;
  /** Open skipped elements (script, svg, head…): text under them is no element's text. */
  private textLevel = 0;
  /** Open script and style elements: subtree searches do not look inside them. */
  protected rawLevel = 0;

  private readonly regions: Region[] = [];
  /** effectiveRegion(regions), kept current on push/pop: it is read for every text node. */
  protected region: Region = 'other';

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

  /** Facts of a visited element; returns the flags its close must undo beyond those of its tag. */
  protected abstract visit(name: string, attribs: Attribs, depth: number, tagFlags: number): number;
  /** Tells the open elements waiting for a descendant like this one, visited or not. */
  protected abstract noticeDescendant(name: string, attribs: Attribs, depth: number): void;
  /** The element at depth closed with these flags, after its texts were done: what the subclass opened with it ends. */
  protected abstract closed(depth: number, flags: number): void;

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
    if (flags & REGION) {
      this.regions.pop();
      this.region = effectiveRegion(this.regions);
    }
    if (flags & BODY && this.body) {
      this.body.done(this.body.text);
      this.body = null;
    }
    if (flags & OPAQUE) this.hiddenDepth -= 1;
    if (flags & RAW) this.rawLevel -= 1;
    this.finishCollectors(depth);
    if (flags & SKIPPED) this.textLevel -= 1;
    if (flags & BLOCK) this.collectText(' ');
    this.closed(depth, flags);
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

  protected appendLine(): void {
    const target = this.pageText();
    if (target.hasRoom()) target.add('\n');
  }

  private pageText(): PageText {
    return isBoilerplate(this.region) ? this.boilerplateText : this.mainText;
  }

  // ------------------------------------------------------------------ element texts

  protected collect(depth: number, max: number, done: (text: string) => void): void {
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

  // ------------------------------------------------------------------ state the visits set

  /** Enters the region an element opens; returns the flag its close undoes. */
  protected enterRegion(region: Region): number {
    this.regions.push(region);
    this.region = effectiveRegion(this.regions);
    return REGION;
  }

  /** Reads the own text of the visited script or style element at depth, handed to done when it closes. */
  protected readBody(depth: number, done: (text: string) => void): void {
    this.body = { depth, text: '', done };
  }
}
