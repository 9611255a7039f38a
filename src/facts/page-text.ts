// The text of a page as rules and the classifier read it: page text by region (main or boilerplate), capped, and
// the collapsed texts of single elements (a link's, a heading's). White space is folded as a browser shows it.

export function collapse(text: string): string {
  // Same as replacing every run of white space, but a lone space (most gaps between words) is left alone unmatched.
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

export function cap(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/**
 * collapse(parts[start…].join('')) cut at max, reading only as far as needed: the collapse of a prefix is a prefix of
 * the collapse of the whole (but for one trailing space), so once it reaches max characters the rest cannot matter.
 */
export function collapsedText(parts: string[], start: number, max: number): string {
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

/** Made only of the blanks joinText folds: space, tab, form feed, vertical tab, carriage return, no-break space, line feed. */
const BLANK = /^[ \t\f\v\r\u00a0\n]*$/;

function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  // Most text starts with a letter: no pattern to run then.
  return (first <= 0x20 || first === 0xa0) && BLANK.test(text);
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

/**
 * The main or the boilerplate text of a page, capped. Text made only of blanks (indentation between tags, the line
 * ends of blocks) is held as one pending blank: joinText folds each run of blanks into one space, or one line break
 * when the run has one, so fewer and shorter parts give the same text for less work.
 */
export class PageText {
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
