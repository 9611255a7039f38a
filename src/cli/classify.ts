// `comune-audit classify <inputs...>`: the service category of pages given as URLs, HTML files or JSONL records.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Option, type Command } from 'commander';
import { CliError, EXIT } from './errors.js';
import { messages, type ClassifierMessages, type HelpMessages, type Lang } from '../report/i18n/index.js';
import { writeOutput } from './output.js';
import { topicCsvCells } from '../report/topics.js';
import { loadClassifierOrExit, type ModelOptions } from './models.js';
import { langOption, oneOf, seconds } from './options.js';
import type { Classification, PageFacts } from '../types.js';
import type { Classifier, ClassifyInput } from '../classify/index.js';

export const CLASSIFY_FORMATS = ['jsonl', 'csv'] as const;

export interface ClassifyCliOptions extends ModelOptions {
  format?: (typeof CLASSIFY_FORMATS)[number];
  output?: string;
  /** Per-URL timeout in ms. */
  timeout?: number;
  /** Language of the lines on stderr (default it); the rows are the same in both. */
  lang?: Lang;
}

/** One output row: which input, its title, and the classification (or why there is none). */
export interface ClassifiedRow {
  input: string;
  /** 1-based line, for JSONL inputs. */
  line?: number;
  url?: string;
  title: string;
  classification: Classification | null;
  /** Why there is no classification, in English whatever --lang: scripts may match it. */
  error?: string;
}

/** Why an input failed, in the catalog's words. */
type Reason = (m: ClassifierMessages['input']) => string;

/** A row and, when it failed, the reason: written into the row in English, on stderr in the user's language. */
interface Outcome {
  row: ClassifiedRow;
  reason?: Reason;
}

const isUrl = (input: string): boolean => /^https?:\/\//i.test(input);

async function parseHtml(url: string, html: string): Promise<PageFacts> {
  const [{ extractPageFacts }, { localPage }] = await Promise.all([import('../facts/page.js'), import('../facts/local.js')]);
  return extractPageFacts(localPage(url, html));
}

async function classifyHtml(classifier: Classifier, url: string, html: string): Promise<{ title: string; classification: Classification }> {
  const facts = await parseHtml(url, html);
  return { title: facts.title, classification: classifier.classifyPage(facts) };
}

/** A row for an input that could not be classified: the run goes on and the output says why. */
function failed(input: string, reason: Reason, line?: number, url?: string): Outcome {
  const row = { input, ...(line ? { line } : {}), ...(url ? { url } : {}), title: '', classification: null };
  return { row: { ...row, error: reason(messages('en').classifier.input) }, reason };
}

async function classifyUrl(classifier: Classifier, url: string, timeoutMs: number): Promise<Outcome> {
  const [{ Agent, interceptors, request }, { classifyError }, { deadline }, { isHtmlType, mediaTypeOfResponse }, { decodeHtml }] = await Promise.all([
    import('undici'),
    import('../crawl/errors.js'),
    import('../crawl/deadline.js'),
    import('../crawl/page.js'),
    import('../crawl/charset.js'),
  ]);
  const dispatcher = new Agent().compose(interceptors.redirect({ maxRedirections: 5 }));
  // --timeout bounds the whole request, body included: a server dripping a byte at a time cannot hold it.
  const limit = deadline(timeoutMs);
  try {
    const response = await request(url, {
      dispatcher,
      signal: limit.signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      headers: { 'user-agent': 'comune-audit (classify)', accept: 'text/html,*/*;q=0.5' },
    });
    const body = Buffer.from(await response.body.arrayBuffer());
    if (response.statusCode >= 400) return failed(url, (m) => m.httpStatus(response.statusCode), undefined, url);
    // The same test as audit's start page: a PDF or an image is refused, not classified as 'altro'.
    const header = response.headers['content-type'];
    const contentType = Array.isArray(header) ? header[0] : header;
    const type = mediaTypeOfResponse({ contentType: contentType ?? '', body });
    if (!isHtmlType(type)) return failed(url, (m) => m.notHtml(type), undefined, url);
    return { row: { input: url, url, ...(await classifyHtml(classifier, url, decodeHtml(body, contentType).text)) } };
  } catch (error) {
    const host = URL.canParse(url) ? new URL(url).host : url;
    const { message } = classifyError(error, { host, crawlStopped: false, requestLimitMs: timeoutMs });
    return failed(url, (m) => m.fetchFailed(message), undefined, url);
  } finally {
    limit.release();
    await dispatcher.close();
  }
}

async function readInput(path: string): Promise<string | Outcome> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return failed(path, (m) => m.cannotRead(code));
  }
}

async function classifyJsonl(classifier: Classifier, path: string, content: string): Promise<Outcome[]> {
  const { classifierInput, groupBySharedFurniture, stripSiteFurniture, withScrapedTitle } = await import('../classify/index.js');
  const outcomes: Outcome[] = [];
  /**
   * Text records, classified once the whole file is read (their site's furniture is learned from all of them). A
   * record with no `site` and no `url` has its site found from the furniture it shares with the others.
   */
  const texts: { row: ClassifiedRow; site?: string; text: string; input: Omit<ClassifyInput, 'text'> }[] = [];
  /** HTML records without site or url: grouped by shared furniture at the end. */
  const unsitedHtml: { row: ClassifiedRow; facts: PageFacts }[] = [];
  /** HTML records, parsed now and classified with the other pages of their site at the end. */
  const htmlPages = new Map<string, { row: ClassifiedRow; facts: PageFacts }[]>();
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(lines[i]);
    } catch (error) {
      const detail = (error as Error).message;
      outcomes.push(failed(path, (m) => m.notJson(detail), i + 1));
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      outcomes.push(failed(path, (m) => m.notAnObject, i + 1));
      continue;
    }
    const record = value as Record<string, unknown>;
    const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
    const list = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined);
    const url = str(record.url);
    const base = { input: path, line: i + 1, ...(url ? { url } : {}) };
    const html = str(record.html);
    const site = str(record.site) ?? (url && URL.canParse(url) ? new URL(url).host : undefined);
    if (html !== undefined) {
      const facts = await parseHtml(url && isUrl(url) ? url : 'http://localhost/', html);
      const row: ClassifiedRow = { ...base, title: facts.title, classification: null };
      outcomes.push({ row });
      if (site === undefined) unsitedHtml.push({ row, facts });
      else htmlPages.set(site, [...(htmlPages.get(site) ?? []), { row, facts }]);
      continue;
    }
    const text = str(record.text);
    const title = str(record.title);
    if (text === undefined && title === undefined) {
      outcomes.push(failed(path, (m) => m.nothingToClassify, i + 1));
      continue;
    }
    const row: ClassifiedRow = { ...base, title: title ?? '', classification: null };
    outcomes.push({ row });
    texts.push({ row, site, text: text ?? '', input: { title, headings: list(record.headings), breadcrumb: list(record.breadcrumb) } });
  }
  // Scraped pages of one site share their menus, footer and banners: learned from the file and left out.
  // The title of a record without one is read from its text before the furniture (with the site's name) goes.
  const titled = texts.map((item) => ({ ...item, input: { ...item.input, title: withScrapedTitle({ ...item.input, text: item.text }).title } }));
  // Several records are classified as a batch (their sites' furniture learned); a file of one record is a page alone.
  stripSiteFurniture(titled).forEach(({ row, text, input }, i) => {
    // Nothing learned from its site: a record with no title is read as a page alone, header and footer left out.
    const alone = text === titled[i].text && texts[i].input.title === undefined;
    row.classification = classifier.classifyText({ ...input, ...(alone ? { title: undefined } : {}), text }, { withSite: titled.length > 1 });
  });
  const groups = groupBySharedFurniture(unsitedHtml.map((page) => classifierInput(page.facts).text));
  unsitedHtml.forEach((page, i) => {
    // A NUL cannot be in a site name read from JSON text and a URL host: no clash with the named sites.
    const key = `\u0000${groups[i]}`;
    htmlPages.set(key, [...(htmlPages.get(key) ?? []), page]);
  });
  for (const pages of htmlPages.values()) {
    classifier.classifySite(pages.map((page) => page.facts)).forEach((classification, i) => (pages[i].row.classification = classification));
  }
  if (outcomes.length === 0) outcomes.push(failed(path, (m) => m.emptyFile));
  return outcomes;
}

export async function formatRows(rows: ClassifiedRow[], format: 'jsonl' | 'csv'): Promise<string> {
  if (format === 'jsonl') {
    return rows
      .map((row) => {
        const { classification, ...rest } = row;
        return `${JSON.stringify({ ...rest, ...(classification ?? { category: null, confidence: null, alternatives: [], declaredCategory: null }) })}\n`;
      })
      .join('');
  }
  const { stringify } = await import('csv-stringify/sync');
  const header = ['input', 'line', 'url', 'title', 'category', 'confidence', 'declared_category'];
  for (let i = 1; i <= 3; i++) header.push(`alternative_${i}`, `alternative_${i}_confidence`);
  // Topics in one cell each, "id:score" (best first) and the declared labels, joined by "|".
  header.push('topics', 'declared_topics', 'error');
  const records = rows.map((row) => {
    const c = row.classification;
    const cells: (string | number)[] = [row.input, row.line ?? '', row.url ?? '', row.title, c?.category ?? '', c?.confidence ?? '', c?.declaredCategory ?? ''];
    for (let i = 0; i < 3; i++) cells.push(c?.alternatives[i]?.category ?? '', c?.alternatives[i]?.confidence ?? '');
    cells.push(...topicCsvCells(c?.topics, c?.declaredTopics));
    cells.push(row.error ?? '');
    return cells;
  });
  return stringify([header, ...records]);
}

interface ClassifyIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

/**
 * Classifies every input and writes the rows to -o FILE or stdout. An input that cannot be read or classified
 * gets a row with its error (and a line on stderr) and the others go on; `failures` counts them.
 */
export async function runClassify(
  inputs: string[],
  options: ClassifyCliOptions = {},
  io: ClassifyIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<{ text: string; failures: number }> {
  if (inputs.length === 0) throw new CliError((m) => m.cli.classifyNeedsInput, EXIT.usage);
  const classifier = await loadClassifierOrExit(options);
  const outcomes: Outcome[] = [];
  for (const input of inputs) {
    if (isUrl(input)) {
      outcomes.push(await classifyUrl(classifier, input, options.timeout ?? 30_000));
      continue;
    }
    const content = await readInput(input);
    if (typeof content !== 'string') outcomes.push(content);
    else if (/\.(jsonl|ndjson)$/i.test(input)) outcomes.push(...(await classifyJsonl(classifier, input, content)));
    else outcomes.push({ row: { input, ...(await classifyHtml(classifier, pathToFileURL(resolve(input)).href, content)) } });
  }
  const text = await formatRows(outcomes.map((outcome) => outcome.row), options.format ?? 'jsonl');
  if (options.output) await writeOutput(options.output, text);
  else io.stdout.write(text);
  const m = messages(options.lang ?? 'it').classifier.input;
  let failures = 0;
  for (const { row, reason } of outcomes) {
    if (!reason) continue;
    failures++;
    io.stderr.write(`comune-audit: ${row.input}${row.line ? `:${row.line}` : ''}: ${reason(m)}\n`);
  }
  return { text, failures };
}

export function register(program: Command, help: HelpMessages): void {
  const text = help.classify;
  program
    .command('classify')
    .description(text.description)
    .argument('<inputs...>', text.inputs)
    .option('-f, --format <format>', text.format, oneOf('--format', CLASSIFY_FORMATS), 'jsonl')
    .option('-o, --output <file>', text.output)
    .option('--model <file>', text.model)
    .option('--topic-model <file>', text.topicModel)
    .addOption(new Option('--timeout <seconds>', text.timeout).argParser(seconds('--timeout')).default(30_000, '30'))
    .addOption(langOption(help.messagesLang))
    .action(async (inputs: string[], options: ClassifyCliOptions) => {
      const { failures } = await runClassify(inputs, options);
      // Every row was written; the exit code still tells a script that some inputs were not classified.
      if (failures > 0) process.exitCode = EXIT.io;
    });
}
