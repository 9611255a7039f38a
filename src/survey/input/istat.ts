// Region and province of a comune from its ISTAT code. The first three digits of a municipality code are its
// province's code, so the province table (data/istat/province.csv, made from ISTAT's list of comuni: see its README)
// places every comune, including those merged or created after the list was made, which IndicePA often files under
// a predecessor's code (Misiliscemi under Trapani's 081021).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { dataPath } from '../../util/paths.js';
import { SurveyInputError } from './errors.js';

export interface Province {
  code: string;
  sigla: string;
  name: string;
  region: string;
}

interface Place {
  /** Canonical name (what targets carry). */
  name: string;
  /** Every normalised way to write it: the name, the sigla, other names. */
  spellings: string[];
}

interface IstatTables {
  provinceByCode: Map<string, Province>;
  regions: Place[];
  provinces: Place[];
}

let tables: IstatTables | null = null;

function splitNames(cell: string | undefined): string[] {
  return (cell ?? '').split('|').filter((name) => name.trim() !== '');
}

function load(): IstatTables {
  const read = (file: string) => parse(readFileSync(dataPath('istat', file), 'utf8'), { columns: true }) as Record<string, string>[];
  const provinceByCode = new Map<string, Province>();
  const provinces: Place[] = [];
  for (const row of read('province.csv')) {
    provinceByCode.set(row.codice_provincia, { code: row.codice_provincia, sigla: row.sigla, name: row.provincia, region: row.regione });
    provinces.push({ name: row.provincia, spellings: [row.provincia, row.sigla, ...splitNames(row.altri_nomi)].map(normaliseName) });
  }
  const regions = read('regioni.csv').map((row) => ({ name: row.regione, spellings: [row.regione, ...splitNames(row.altri_nomi)].map(normaliseName) }));
  return { provinceByCode, regions, provinces };
}

function istat(): IstatTables {
  tables ??= load();
  return tables;
}

/** Lower case, no accents, any run of punctuation or spaces as one space: "Forlì-Cesena" → "forli cesena". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The 6-digit ISTAT code of a cell, or null. Spreadsheets drop leading zeros (012082 → 12082), so 4 and 5 digits
 * are padded back.
 */
export function istatCodeOf(cell: string | undefined): string | null {
  const digits = (cell ?? '').trim();
  return /^\d{4,6}$/.test(digits) ? digits.padStart(6, '0') : null;
}

/** The province (and so the region) of a comune's ISTAT code; null when the code's province is not in the table. */
export function provinceOf(istatCode: string): Province | null {
  return istat().provinceByCode.get(istatCode.slice(0, 3)) ?? null;
}

/** The canonical name of a region or province as written (a name, another name or a sigla), or null. */
export function placeNamed(kind: 'region' | 'province', written: string): string | null {
  const wanted = normaliseName(written);
  const places = kind === 'region' ? istat().regions : istat().provinces;
  return places.find((place) => place.spellings.includes(wanted))?.name ?? null;
}

/**
 * The canonical names that a comma-separated --region or --province value stands for. A value matching nothing
 * stops the survey with the list of what it can be, rather than surveying an empty list.
 */
export function resolvePlaces(kind: 'region' | 'province', value: string): Set<string> {
  const names = new Set<string>();
  for (const written of value.split(',').filter((part) => part.trim() !== '')) {
    const name = placeNamed(kind, written);
    if (!name) {
      const known = (kind === 'region' ? istat().regions : istat().provinces).map((place) => place.name).join(', ');
      throw new SurveyInputError(
        kind === 'region'
          ? { it: `--region ${value}: nessuna regione con questo nome; le regioni sono: ${known}`, en: `--region ${value}: no region by that name; the regions are: ${known}` }
          : {
              it: `--province ${value}: nessuna provincia con questo nome o sigla (es. "Milano" o "MI"); le province sono: ${known}`,
              en: `--province ${value}: no province by that name or sigla (e.g. "Milano" or "MI"); the provinces are: ${known}`,
            },
        'filter',
      );
    }
    names.add(name);
  }
  return names;
}
