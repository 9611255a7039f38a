// `comune-audit classify <inputs...>`: the service category of pages given as URLs, HTML files or JSONL records.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Option, type Command } from 'commander';
import { CliError, EXIT } from './errors.js';
import type { HelpMessages } from '../report/i18n/index.js';
import { writeOutput } from './output.js';
import { oneOf, seconds } from './options.js';
import type { Classification } from '../types.js';
import type { Classifier } from '../classify/index.js';

export const CLASSIFY_FORMATS = ['jsonl', 'csv'] as const;

export interface ClassifyCliOptions {
  format?: (typeof CLASSIFY_FORMATS)[number];
  output?: string;
  model?: string;
  /** Per-URL timeout in ms. */
  timeout?: number;
}

/** One output row: which input, its title, and the classification (or why there is none). */
export interface ClassifiedRow {
  input: string;
  /** 1-based line, for JSONL inputs. */
  line?: number;
  url?: string;
  title: string;
  classification: Classification | null;
  error?: string;
}

const isUrl = (input: string): boolean => /^https?:\/\//i.test(input);

async function classifyHtml(classifier: Classifier, url: string, html: string): Promise<{ title: string; classification: Classification }> {
  const [{ extractPageFacts }, { localPage }] = await Promise.all([import('../facts/page.js'), import('../facts/local.js')]);
  const facts = extractPageFacts(localPage(url, html));
  return { title: facts.title, classification: classifier.classifyPage(facts) };
}

async function classifyUrl(classifier: Classifier, url: string, timeoutMs: number): Promise<ClassifiedRow> {
  const { Agent, interceptors, request } = await import('undici');
  const dispatcher = new Agent().compose(interceptors.redirect({ maxRedirections: 5 }));
  try {
    const response = await request(url, {
      dispatcher,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      headers: { 'user-agent': 'comune-audit (classify)', accept: 'text/html,*/*;q=0.5' },
    });
    const html = await response.body.text();
    if (response.statusCode >= 400) return { input: url, url, title: '', classification: null, error: `HTTP ${response.statusCode}` };
    return { input: url, url, ...(await classifyHtml(classifier, url, html)) };
  } catch (error) {
    return { input: url, url, title: '', classification: null, error: (error as Error).message };
  } finally {
    await dispatcher.close();
  }
}

/** A row for an input that could not be classified: the run goes on and the output says why. */
function failedRow(input: string, error: string, line?: number): ClassifiedRow {
  return { input, ...(line ? { line } : {}), title: '', classification: null, error };
}

async function readInput(path: string): Promise<string | ClassifiedRow> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return failedRow(path, `cannot read the file (${reason}): give a URL, an HTML file or a JSONL file of {text,title,html} records`);
  }
}

async function classifyJsonl(classifier: Classifier, path: string, content: string): Promise<ClassifiedRow[]> {
  const rows: ClassifiedRow[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(lines[i]) as Record<string, unknown>;
      if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new Error('expected a JSON object');
    } catch (error) {
      rows.push(failedRow(path, `not a JSON object (${(error as Error).message}); each line needs {"text": …} or {"html": …}`, i + 1));
      continue;
    }
    const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
    const list = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined);
    const url = str(record.url);
    const base = { input: path, line: i + 1, ...(url ? { url } : {}) };
    const html = str(record.html);
    if (html !== undefined) {
      rows.push({ ...base, ...(await classifyHtml(classifier, url && isUrl(url) ? url : 'http://localhost/', html)) });
      continue;
    }
    const text = str(record.text);
    const title = str(record.title);
    if (text === undefined && title === undefined) {
      rows.push(failedRow(path, 'the record has no "text", "title" or "html" string to classify', i + 1));
      continue;
    }
    const classification = classifier.classifyText({ text: text ?? '', title, headings: list(record.headings), breadcrumb: list(record.breadcrumb) });
    rows.push({ ...base, title: title ?? '', classification });
  }
  return rows;
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
  header.push('error');
  const records = rows.map((row) => {
    const c = row.classification;
    const cells: (string | number)[] = [row.input, row.line ?? '', row.url ?? '', row.title, c?.category ?? '', c?.confidence ?? '', c?.declaredCategory ?? ''];
    for (let i = 0; i < 3; i++) cells.push(c?.alternatives[i]?.category ?? '', c?.alternatives[i]?.confidence ?? '');
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
  if (inputs.length === 0) throw new CliError((m) => m.classifyNeedsInput, EXIT.usage);
  const { loadClassifier } = await import('../classify/index.js');
  let classifier: Classifier;
  try {
    classifier = loadClassifier(options.model);
  } catch (error) {
    throw new CliError((m) => m.cannotLoadModel((error as Error).message), EXIT.io);
  }
  const rows: ClassifiedRow[] = [];
  for (const input of inputs) {
    if (isUrl(input)) {
      rows.push(await classifyUrl(classifier, input, options.timeout ?? 30_000));
      continue;
    }
    const content = await readInput(input);
    if (typeof content !== 'string') rows.push(content);
    else if (/\.(jsonl|ndjson)$/i.test(input)) rows.push(...(await classifyJsonl(classifier, input, content)));
    else rows.push({ input, ...(await classifyHtml(classifier, pathToFileURL(resolve(input)).href, content)) });
  }
  const text = await formatRows(rows, options.format ?? 'jsonl');
  if (options.output) await writeOutput(options.output, text);
  else io.stdout.write(text);
  const failed = rows.filter((row) => row.error);
  for (const row of failed) io.stderr.write(`comune-audit: ${row.input}${row.line ? `:${row.line}` : ''}: ${row.error}\n`);
  return { text, failures: failed.length };
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
    .addOption(new Option('--timeout <seconds>', text.timeout).argParser(seconds('--timeout')).default(30_000, '30'))
    .action(async (inputs: string[], options: ClassifyCliOptions) => {
      const { failures } = await runClassify(inputs, options);
      // Every row was written; the exit code still tells a script that some inputs were not classified.
      if (failures > 0) process.exitCode = EXIT.io;
    });
}
