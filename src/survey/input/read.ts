// A site list file → its rows, each with the line it starts on. The format is told by the first line: a header
// naming a site column makes a CSV (IndicePA's enti.csv or codice_ipa,name,url), an address makes a one-URL-per-line
// list. Files saved by Excel are read as they come: UTF-8 with or without BOM or Windows-1252, ',' ';' or tab
// separators, an optional "sep=;" first line.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { decodeHtml } from '../../crawl/charset.js';
import type { ListProblem } from '../types.js';
import { SurveyInputError } from './errors.js';
import { siteAddress } from './site.js';

export type ListFormat = 'indicepa' | 'csv' | 'url-list';

/** One row: the cells under their column role. */
export interface ListRow {
  line: number;
  ipaCode: string;
  name: string;
  site: string;
  istat: string;
  /** Region and province as a list may name them (sigla or name), used when it has no ISTAT code. */
  region: string;
  province: string;
  /** enti.csv only: Codice_Categoria and Codice_natura, to keep the comuni. */
  category: string;
  nature: string;
}

type Role = Exclude<keyof ListRow, 'line'>;

/** Header names (normalised: lower case, `_` for blanks) for each role; the first one present wins. */
const COLUMNS: Record<Role, string[]> = {
  site: ['sito_istituzionale', 'url', 'sito', 'sito_web', 'website', 'site', 'indirizzo_web'],
  ipaCode: ['codice_ipa', 'ipa', 'ipa_code', 'cod_amm'],
  name: ['denominazione_ente', 'name', 'nome', 'denominazione', 'des_amm', 'ente', 'comune'],
  istat: ['codice_comune_istat', 'codice_istat', 'istat', 'istat_code'],
  region: ['regione', 'region'],
  province: ['provincia', 'province', 'sigla_provincia'],
  category: ['codice_categoria'],
  nature: ['codice_natura'],
};

export interface ListFile {
  format: ListFormat;
  rows: ListRow[];
}

function normaliseHeader(cell: string): string {
  return cell.trim().toLowerCase().replace(/\s+/g, '_');
}

/** The separator of a header line: the most frequent of , ; and tab. */
function separatorOf(header: string): string {
  const counts = [',', ';', '\t'].map((separator) => [separator, header.split(separator).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

async function readText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new SurveyInputError({ it: `impossibile leggere la lista ${path} (${reason})`, en: `cannot read the list ${path} (${reason})` }, 'file');
  }
  // BOM, else valid UTF-8, else Windows-1252, as for web pages (no Content-Type here).
  return decodeHtml(bytes, undefined).text;
}

export async function readListFile(path: string, problems: ListProblem[]): Promise<ListFile> {
  const text = await readText(path);
  const lines = text.split(/\r\n|\n|\r/);
  let first = lines.findIndex((line) => line.trim() !== '' && !line.startsWith('#'));
  if (first < 0) return { format: 'url-list', rows: [] };

  // Excel's "sep=;" line names the separator and is not the header.
  const sepLine = /^sep=(.)$/i.exec(lines[first].trim());
  let separator = sepLine?.[1];
  if (sepLine) first += 1;
  const header = lines[first] ?? '';
  separator ??= separatorOf(header);
  const names = parse(header, { delimiter: separator, relax_quotes: true, relax_column_count: true })[0]?.map(normaliseHeader) ?? [];
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([role, candidates]) => [role, candidates.map((name) => names.indexOf(name)).find((i) => i >= 0) ?? -1]),
  ) as Record<Role, number>;

  if (index.site >= 0) {
    const format = names.includes('codice_ipa') && names.includes('denominazione_ente') ? 'indicepa' : 'csv';
    return { format, rows: readCsv(lines.slice(first).join('\n'), first + 1, separator, index, problems) };
  }
  if (siteAddress(header.split(/[\s,;]/)[0]) !== null) return { format: 'url-list', rows: readUrlList(lines) };
  throw new SurveyInputError(
    {
      it: `${path}: intestazione non riconosciuta; la lista deve essere enti.csv di IndicePA, un CSV con le colonne codice_ipa,name,url o un indirizzo per riga`,
      en: `${path}: header not recognised; the list must be IndicePA's enti.csv, a CSV with columns codice_ipa,name,url, or one address per line`,
    },
    'file',
  );
}

function readCsv(text: string, headerLine: number, separator: string, index: Record<Role, number>, problems: ListProblem[]): ListRow[] {
  const records = parse(text, {
    delimiter: separator,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    on_skip: (error) => {
      // A row csv-parse cannot split (an unclosed quote): said, with its line, and the rest is read.
      if (error) problems.push({ line: headerLine - 1 + (error as { lines?: number }).lines!, message: { it: `riga illeggibile: ${error.message}`, en: `unreadable row: ${error.message}` } });
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const rows: ListRow[] = [];
  // info.lines is where a record ends (counted from the header, line 1 of `text`); it starts after the previous one.
  let previousEnd = records[0]?.info.lines ?? 1;
  for (const { record, info } of records.slice(1)) {
    const line = headerLine + previousEnd;
    previousEnd = info.lines;
    if (record.every((cell) => cell.trim() === '')) continue;
    const cell = (role: Role) => (index[role] >= 0 ? (record[index[role]] ?? '').trim() : '');
    rows.push({ line, ipaCode: cell('ipaCode'), name: cell('name'), site: cell('site'), istat: cell('istat'), region: cell('region'), province: cell('province'), category: cell('category'), nature: cell('nature') });
  }
  return rows;
}

function readUrlList(lines: string[]): ListRow[] {
  const rows: ListRow[] = [];
  lines.forEach((text, i) => {
    const site = text.trim();
    if (site === '' || site.startsWith('#')) return;
    rows.push({ line: i + 1, ipaCode: '', name: '', site, istat: '', region: '', province: '', category: '', nature: '' });
  });
  return rows;
}
