// Reads labelled training data: JSONL (one record per line) or CSV with a header row.
// Every problem is reported as "<file>:<line>: <what is wrong>" so a person can fix it.
import { readFileSync } from 'node:fs';
import type { CategoryId, Localised } from '../types.js';
import { categoryFromLabel, isCategoryId } from './categories.js';
import type { LabelledRecord } from './model.js';
import { ClassifierDataError } from './errors.js';

/** Category slug ("anagrafe-stato-civile"), official label or a known variant ("Impresa e commercio"). */
function categoryOf(value: unknown): CategoryId | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (isCategoryId(trimmed)) return trimmed;
  if (/^altro$/i.test(trimmed)) return 'altro';
  return categoryFromLabel(trimmed);
}

/** Lists may be JSON arrays or, in CSV cells, items separated by " | "; null when the value is neither. */
export function listOf(value: unknown): string[] | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string') ? value : null;
  if (typeof value === 'string') return value.split(' | ').map((item) => item.trim()).filter(Boolean);
  return null;
}

function recordOf(fields: Record<string, unknown>, where: string): LabelledRecord {
  const category = categoryOf(fields.category ?? fields.label);
  if (category === null) {
    const given = fields.category ?? fields.label;
    const missing = given === undefined || given === null || (typeof given === 'string' && given.trim() === '');
    throw new ClassifierDataError(
      missing
        ? { it: `${where}: manca la categoria; usa un identificativo come "anagrafe-stato-civile" o "altro"`, en: `${where}: the category is missing; use a slug such as "anagrafe-stato-civile" or "altro"` }
        : {
            it: `${where}: categoria sconosciuta ${JSON.stringify(given)}; usa un identificativo come "anagrafe-stato-civile" o "altro"`,
            en: `${where}: unknown category ${JSON.stringify(given)}; use a slug such as "anagrafe-stato-civile" or "altro"`,
          },
    );
  }
  return { category, ...pageOf(fields, where) };
}

/** A labelled record's page: text, title, headings, breadcrumb, site and source, checked (the label is the caller's). */
export function pageOf(fields: Record<string, unknown>, where: string): Omit<LabelledRecord, 'category'> {
  const text = fields.text ?? '';
  const title = fields.title;
  if (typeof text !== 'string' || (title !== undefined && typeof title !== 'string')) {
    throw new ClassifierDataError({ it: `${where}: "text" e "title" devono essere stringhe`, en: `${where}: "text" and "title" must be strings` });
  }
  if (text.trim() === '' && (title ?? '').trim() === '') {
    throw new ClassifierDataError({ it: `${where}: il record non ha né "text" né "title"`, en: `${where}: record has neither "text" nor "title"` });
  }
  const headings = listOf(fields.headings);
  const breadcrumb = listOf(fields.breadcrumb);
  if (headings === null || breadcrumb === null) {
    throw new ClassifierDataError({
      it: `${where}: "headings" e "breadcrumb" devono essere elenchi di stringhe`,
      en: `${where}: "headings" and "breadcrumb" must be arrays of strings`,
    });
  }
  const record: Omit<LabelledRecord, 'category'> = { text };
  if (title) record.title = title;
  if (headings?.length) record.headings = headings;
  if (breadcrumb?.length) record.breadcrumb = breadcrumb;
  if (typeof fields.site === 'string' && fields.site !== '') record.site = fields.site;
  if (typeof fields.source === 'string' && fields.source !== '') record.source = fields.source;
  return record;
}

/** How one kind of labelled record is read: its fields checked, the CSV header's label columns, the words of its errors. */
export interface RecordFormat<T> {
  recordOf(fields: Record<string, unknown>, where: string): T;
  /** A CSV header must name one of these. */
  labelColumns: string[];
  /** The CSV header names none of labelColumns. */
  headerError(path: string): Localised;
  /** The file is neither .csv nor .jsonl. */
  typeError(path: string): Localised;
}

function parseJsonl<T>(content: string, path: string, format: RecordFormat<T>): T[] {
  const records: T[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${path}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      // The parser's own reason is kept as it gives it (English), in both texts.
      const detail = (error as Error).message;
      throw new ClassifierDataError({ it: `${where}: JSON non valido (${detail})`, en: `${where}: not valid JSON (${detail})` });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ClassifierDataError({ it: `${where}: ogni riga deve essere un oggetto JSON`, en: `${where}: expected a JSON object per line` });
    }
    records.push(format.recordOf(value as Record<string, unknown>, where));
  });
  return records;
}

/** RFC 4180 rows with the line each row starts on; quoted fields may span lines. */
function csvRows(content: string, path: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let cellStarted = false;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (quoted) {
      if (ch === '"') {
        if (content[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (cellStarted) {
        throw new ClassifierDataError({
          it: `${path}:${line}: virgolette dentro un campo CSV non racchiuso tra virgolette`,
          en: `${path}:${line}: stray quote inside an unquoted CSV field`,
        });
      }
      quoted = true;
      cellStarted = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      cellStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && content[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      cellStarted = false;
      line++;
      rowLine = line;
    } else {
      cell += ch;
      cellStarted = true;
    }
  }
  if (quoted) {
    throw new ClassifierDataError({ it: `${path}:${rowLine}: campo CSV tra virgolette mai chiuso`, en: `${path}:${rowLine}: unterminated quoted CSV field` });
  }
  cells.push(cell);
  if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
  return rows;
}

function parseCsv<T>(content: string, path: string, format: RecordFormat<T>): T[] {
  const rows = csvRows(content.replace(/^\uFEFF/, ''), path);
  if (rows.length === 0) return [];
  const header = rows[0].cells.map((name) => name.trim().toLowerCase());
  if (!format.labelColumns.some((name) => header.includes(name))) throw new ClassifierDataError(format.headerError(path));
  return rows.slice(1).map(({ line, cells }) => {
    if (cells.length !== header.length) {
      throw new ClassifierDataError({
        it: `${path}:${line}: ${cells.length} campi mentre l'intestazione ne ha ${header.length}; racchiudi tra virgolette i campi che contengono virgole`,
        en: `${path}:${line}: ${cells.length} fields where the header has ${header.length}; quote fields that contain commas`,
      });
    }
    return format.recordOf(Object.fromEntries(header.map((name, i) => [name, cells[i]])), `${path}:${line}`);
  });
}

/** Records of one format from a .jsonl/.ndjson or .csv file; a malformed line throws an Error naming file and line. */
export function readRecordFile<T>(path: string, format: RecordFormat<T>): T[] {
  const content = readFileSync(path, 'utf8');
  if (/\.csv$/i.test(path)) return parseCsv(content, path, format);
  if (/\.(jsonl|ndjson|json)$/i.test(path)) return parseJsonl(content, path, format);
  throw new ClassifierDataError(format.typeError(path));
}

const CATEGORY_RECORDS: RecordFormat<LabelledRecord> = {
  recordOf,
  labelColumns: ['category', 'label'],
  headerError: (path) => ({
    it: `${path}:1: l'intestazione del CSV deve avere una colonna "category" e una colonna "text" (o "title")`,
    en: `${path}:1: the CSV header must name a "category" column and a "text" (or "title") column`,
  }),
  typeError: (path) => ({
    it: `${path}: tipo di file di addestramento sconosciuto; usa .csv (intestazione category,text,...) o .jsonl`,
    en: `${path}: unknown training file type; use .csv (header category,text,...) or .jsonl`,
  }),
};

/** Category-labelled records from a .jsonl/.ndjson or .csv file; a malformed line throws an Error naming file and line. */
export function readLabelledFile(path: string): LabelledRecord[] {
  return readRecordFile(path, CATEGORY_RECORDS);
}
