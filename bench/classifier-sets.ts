// The whole-page evaluation sets of the classifier, each page in the two forms it reaches the classifier: parsed
// HTML (extractPageFacts → classifierInput, as the audit does) and scraped text (all text nodes joined, furniture
// included, as `classify` gets it from others). Sites: the real-style fixtures (fixtures/classifier, 8 sites of 5
// template families), the demo site and the Modello Comuni pages. `node dist/bench/classifier-sets.js --write`
// regenerates data/classifier/real-style.jsonl (the real-style pages as training records, both forms).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifierInput, type LabelledRecord } from '../src/classify/index.js';
import { flattenHtml } from '../src/classify/flatten.js';
import { extractPageFacts } from '../src/facts/page.js';
import { localPage } from '../src/facts/local.js';
import type { CategoryId } from '../src/types.js';
import { dataPath, packageRoot } from '../src/util/paths.js';

export interface LabelledPage {
  site: string;
  /** Template family (real-style fixtures), or the site itself. */
  family: string;
  path: string;
  category: CategoryId;
  /** The page is a record of the shipped corpus (21 Modello Comuni pages). */
  trained: boolean;
  html: string;
}

const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);

/** Every labelled whole page: real-style fixtures, demo site, Modello Comuni. */
export function labelledPages(): LabelledPage[] {
  const fixtures = join(packageRoot, 'fixtures');
  const realStyle = readJsonl<{ site: string; family: string; path: string; category: CategoryId }>(join(fixtures, 'classifier', 'labels.jsonl')).map((label) => ({
    ...label,
    trained: false,
    html: readFileSync(join(fixtures, 'classifier', label.path), 'utf8'),
  }));
  const roots: Record<string, string> = { 'demo-site': join(fixtures, 'demo-site'), 'modello-comuni': join(fixtures, 'modello-comuni', 'site') };
  const others = readJsonl<{ site: string; path: string; category: CategoryId; trained?: boolean }>(dataPath('classifier', 'pages-heldout.jsonl')).map((label) => ({
    site: label.site,
    family: label.site,
    path: label.path,
    category: label.category,
    trained: label.trained === true,
    html: readFileSync(join(roots[label.site], label.path), 'utf8'),
  }));
  return [...realStyle, ...others];
}

/** The page as the audit gives it to the classifier (parsed, main text only, furniture filtered). */
export function parsedRecord(page: LabelledPage): LabelledRecord {
  const facts = extractPageFacts(localPage(`https://www.comune.example.it/${page.path}`, page.html));
  const input = classifierInput(facts);
  return { category: page.category, site: page.site, source: `${page.path}#parsed`, ...input };
}

/** The page as a scraper gives it: one string, every text node, furniture and all (`body`: without the `<head>` and its `<title>`). */
export function flattenedRecord(page: LabelledPage, separator: '\n' | ' ' = '\n', body = false): LabelledRecord {
  return { category: page.category, site: page.site, source: `${page.path}#${body ? 'body' : 'flattened'}`, text: flattenHtml(page.html, separator, { body }) };
}

export const REAL_STYLE_FILE = dataPath('classifier', 'real-style.jsonl');

/**
 * The training records of data/classifier/real-style.jsonl: the real-style pages (parsed and scraped both ways) and
 * the scraped text of the Modello Comuni pages already in the corpus as parsed records; the demo site and the other
 * Modello Comuni pages stay out (test pages).
 */
export function realStyleRecords(): LabelledRecord[] {
  const pages = labelledPages().filter((page) => page.site !== 'demo-site' && (page.site !== 'modello-comuni' || page.trained));
  return pages.flatMap((page) =>
    page.site === 'modello-comuni' ? [flattenedRecord(page, '\n'), flattenedRecord(page, ' ')] : [parsedRecord(page), flattenedRecord(page, '\n'), flattenedRecord(page, ' ')],
  );
}

export const realStyleJsonl = (): string => realStyleRecords().map((record) => `${JSON.stringify(record)}\n`).join('');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes('--write')) {
  writeFileSync(REAL_STYLE_FILE, realStyleJsonl());
  console.log(`${realStyleRecords().length} records written to ${REAL_STYLE_FILE}`);
}

// --body FILE: the real-style and later-family pages scraped from the body only (no <head>, no <title>), joined by
// newlines, as records for `comune-audit eval --with-corpus --data FILE` (--spaces: joined by spaces).
const bodyAt = process.argv.indexOf('--body');
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && bodyAt !== -1 && process.argv[bodyAt + 1]) {
  const separator = process.argv.includes('--spaces') ? ' ' : '\n';
  const pages = labelledPages().filter((page) => page.site !== 'demo-site' && page.site !== 'modello-comuni');
  writeFileSync(process.argv[bodyAt + 1], pages.map((page) => `${JSON.stringify(flattenedRecord(page, separator, true))}\n`).join(''));
  console.log(`${pages.length} body-only records written to ${process.argv[bodyAt + 1]}`);
}
