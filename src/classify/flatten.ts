// A page as scrapers hand it over: every text node of the HTML joined into one string, menus, footer and cookie
// banner included. Used to build the "scraped text" evaluation sets (bench/classifier.ts, `eval`); the classifier
// itself reads such text through classifyText.
import { Parser } from 'htmlparser2';

/** Elements whose text no scraper keeps. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/** The document's `<head>` (its `<title>`): what scrapers reading `document.body.innerText` never see. */
const HEAD = new Set(['head', 'title']);

/**
 * All text nodes of `html` in document order, trimmed, joined with `separator` (a newline, or a space as
 * textContent-like scrapers give). `body`: without the `<head>`, so without the page's `<title>` (scrapers that read
 * only the body).
 */
export function flattenHtml(html: string, separator: '\n' | ' ' = '\n', options: { body?: boolean } = {}): string {
  const parts: string[] = [];
  let skipped = 0;
  const skips = (name: string): boolean => SKIPPED.has(name) || (options.body === true && HEAD.has(name));
  // The parser hands a text node over in pieces (around entities): a node ends at the next tag.
  let node = '';
  const flush = (): void => {
    const trimmed = node.replace(/\s+/g, ' ').trim();
    if (trimmed !== '') parts.push(trimmed);
    node = '';
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        flush();
        if (skips(name)) skipped++;
      },
      onclosetag(name) {
        flush();
        if (skips(name) && skipped > 0) skipped--;
      },
      ontext(text) {
        if (skipped === 0) node += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return parts.join(separator);
}
