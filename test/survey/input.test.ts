import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSurveyTargets, selectShard, SurveyInputError } from '../../src/survey/input/index.js';
import type { SurveyTarget } from '../../src/survey/types.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/survey-lists');
const ENTI = join(FIXTURES, 'enti-sample.csv');
const L6 = join(FIXTURES, 'comuni-l6-sample.csv');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'survey-input-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeList(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const summary = (targets: SurveyTarget[]) =>
  targets.map((t) => ({ line: t.line, key: t.key, name: t.name, region: t.region, province: t.province, url: t.url, rejected: t.rejected?.reason ?? null }));

describe('IndicePA enti.csv', () => {
  it('keeps the comuni, with region and province from the ISTAT code and the site given a scheme', async () => {
    const { format, targets, problems } = await readSurveyTargets(ENTI);
    expect(format).toBe('indicepa');
    expect(targets.map((t) => t.ipaCode)).toEqual(['c_e292', 'c_e297', 'c_e320', 'c_e328', 'c_e343']);
    expect(targets[0]).toEqual({
      line: 2,
      key: 'c_e292',
      ipaCode: 'c_e292',
      name: 'Comune di Inarzo',
      istatCode: '012082',
      region: 'Lombardia',
      province: 'Varese',
      url: 'https://www.comune.inarzo.va.it/',
      rawUrl: 'www.comune.inarzo.va.it',
      rejected: null,
    });
    expect(targets.map((t) => t.province)).toEqual(['Varese', 'Brescia', 'Ferrara', 'Catanzaro', 'Teramo']);
    expect(problems.map((p) => p.message.en)).toEqual(['3 rows of bodies that are not comuni left out (--all-bodies keeps them)']);
  });

  it('keeps every body with bodies: all', async () => {
    const { targets } = await readSurveyTargets(ENTI, { bodies: 'all' });
    expect(targets).toHaveLength(8);
    expect(targets.at(-1)).toMatchObject({ ipaCode: '00YW4X9B', line: 9, region: 'Lazio', province: 'Viterbo' });
  });

  it('places comuni created lately and filed under a predecessor code, and keeps comuni without a nature', async () => {
    const { targets } = await readSurveyTargets(L6);
    const byName = Object.fromEntries(targets.map((t) => [t.name, t]));
    expect(byName['comune di misiliscemi']).toMatchObject({ istatCode: '081021', province: 'Trapani', region: 'Sicilia' });
    expect(byName['COMUNE DI MORANSENGO-TONENGO']).toMatchObject({ province: 'Asti', region: 'Piemonte', rejected: { reason: 'no-website', detail: '' } });
    expect(byName['COMUNE DI SANTA CATERINA D\'ESTE']).toMatchObject({ province: 'Padova', region: 'Veneto' });
    expect(byName['Comune di Bolzano']).toMatchObject({ province: 'Bolzano', region: 'Trentino-Alto Adige' });
    // Consortia of category L6 are not comuni.
    expect(targets.some((t) => /consorzio|ats/i.test(t.name ?? ''))).toBe(false);
    expect(targets).toHaveLength(9);
  });

  it('rejects a site already listed for another body, naming the first', async () => {
    const { targets } = await readSurveyTargets(L6, { bodies: 'all' });
    const gangi = targets.filter((t) => t.url === null && t.rawUrl === 'https://www.comune.gangi.pa.it/');
    expect(gangi.map((t) => [t.ipaCode, t.rejected])).toEqual([['c_d907', { reason: 'shared-website', detail: 'atsms line 7' }]]);
    const poggibonsi = targets.filter((t) => t.rawUrl.includes('poggibonsi'));
    expect(poggibonsi.map((t) => t.rejected?.reason ?? 'audit')).toEqual(['audit', 'shared-website', 'shared-website']);
  });
});

describe('messy files', () => {
  const header = ['Codice_IPA', 'Denominazione_ente', 'Codice_comune_ISTAT', 'Codice_Categoria', 'Codice_natura', 'Sito_istituzionale'];
  const rows = [
    ['c_c957', 'Comune di Forlì', '40012', 'L6', '2430', 'www.comune.forli.fc.it'],
    ['c_b869', 'Comune di Sàn Calogero', '102031', 'L6', '2430', 'http//www.comune.sancalogero.vv.it'],
    ['c_b748', 'Comune di Carrega Ligure', '6033', 'L6', '2430', 'info@comune.carregaligure.al.it'],
    ['c_d452', 'Comune di Fabrica di Roma', '56024', 'L6', '2430', 'www.comune.fabrica di roma.vt.it'],
    ['c_a001', 'Comune di Due Siti', '1001', 'L6', '2430', 'www.comune.uno.it; www.comune.due.it'],
    ['c_c957', 'Comune di Forlì (di nuovo)', '40012', 'L6', '2430', 'www.comune.forli.fc.it'],
    ['c_a002', 'Comune senza sito', '1002', 'L6', '2430', ''],
    ['c_a003', 'Comune che usa il sito altrui', '1003', 'L6', '2430', 'https://www.comune.uno.it/'],
    ['c_a004', 'Comune con il sito non disponibile', '1004', 'L6', '2430', 'n.d.'],
  ];
  /** The rows as a spreadsheet saves them: cells holding the separator quoted. */
  const csv = (separator: string, newline = '\r\n') =>
    [header, ...rows].map((cells) => cells.map((cell) => (cell.includes(separator) ? `"${cell}"` : cell)).join(separator)).join(newline) + newline;
  const expected = [
    { line: 2, key: 'c_c957', name: 'Comune di Forlì', region: 'Emilia-Romagna', province: 'Forlì-Cesena', url: 'https://www.comune.forli.fc.it/', rejected: null },
    { line: 3, key: 'c_b869', name: 'Comune di Sàn Calogero', region: 'Calabria', province: 'Vibo Valentia', url: null, rejected: 'invalid-url' },
    { line: 4, key: 'c_b748', name: 'Comune di Carrega Ligure', region: 'Piemonte', province: 'Alessandria', url: null, rejected: 'invalid-url' },
    { line: 5, key: 'c_d452', name: 'Comune di Fabrica di Roma', region: 'Lazio', province: 'Viterbo', url: 'https://www.comune.fabricadiroma.vt.it/', rejected: null },
    { line: 6, key: 'c_a001', name: 'Comune di Due Siti', region: 'Piemonte', province: 'Torino', url: 'https://www.comune.uno.it/', rejected: null },
    { line: 7, key: 'c_c957@line:7', name: 'Comune di Forlì (di nuovo)', region: 'Emilia-Romagna', province: 'Forlì-Cesena', url: null, rejected: 'duplicate' },
    { line: 8, key: 'c_a002', name: 'Comune senza sito', region: 'Piemonte', province: 'Torino', url: null, rejected: 'no-website' },
    { line: 9, key: 'c_a003', name: 'Comune che usa il sito altrui', region: 'Piemonte', province: 'Torino', url: null, rejected: 'shared-website' },
    { line: 10, key: 'c_a004', name: 'Comune con il sito non disponibile', region: 'Piemonte', province: 'Torino', url: null, rejected: 'no-website' },
  ];

  it('reads a file saved by Excel: ; separator, Windows-1252, ISTAT codes without their leading zeros', async () => {
    const path = await writeList('excel-1252.csv', iconv.encode(csv(';'), 'windows-1252'));
    const { targets, problems } = await readSurveyTargets(path);
    expect(summary(targets)).toEqual(expected);
    expect(targets[5].rejected?.detail).toBe('line 2');
    expect(targets[7].rejected?.detail).toBe('c_a001 line 6');
    expect(targets[1].rejected?.detail).toBe('http//www.comune.sancalogero.vv.it');
    expect(problems).toEqual([
      { line: 6, message: { it: 'più siti nella stessa cella: si esamina https://www.comune.uno.it/, non www.comune.due.it', en: 'several sites in one cell: https://www.comune.uno.it/ is audited, not www.comune.due.it' } },
    ]);
  });

  it('reads the same rows as UTF-8 with a BOM, a "sep=;" line and a comma-separated copy alike', async () => {
    const bom = await writeList('excel-utf8.csv', '\uFEFF' + csv(';'));
    expect(summary((await readSurveyTargets(bom)).targets)).toEqual(expected);
    const comma = await writeList('comma.csv', csv(',', '\n'));
    expect(summary((await readSurveyTargets(comma)).targets)).toEqual(expected);
    const sep = await writeList('excel-sep.csv', 'sep=;\r\n' + csv(';'));
    const shifted = summary((await readSurveyTargets(sep)).targets);
    expect(shifted.map((t) => t.line)).toEqual(expected.map((t) => t.line + 1));
    expect(shifted.map((t) => t.url)).toEqual(expected.map((t) => t.url));
  });

  it('counts lines across quoted cells that span lines, and says which row it could not read', async () => {
    const path = await writeList(
      'quoted.csv',
      ['codice_ipa,name,url', 'c_a001,"Comune di\nDue Righe",www.comune.uno.it', '', 'c_a002,Comune,www.comune.due.it', 'c_a003,"Comune non chiuso,www.comune.tre.it'].join('\n'),
    );
    const { format, targets, problems } = await readSurveyTargets(path);
    expect(format).toBe('csv');
    expect(targets.map((t) => [t.line, t.ipaCode])).toEqual([
      [2, 'c_a001'],
      [5, 'c_a002'],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBe(6);
    expect(problems[0].message.en).toMatch(/^unreadable row: /);
  });
});

describe('other list formats', () => {
  it('reads a codice_ipa,name,url CSV, with region and province columns when it has them', async () => {
    const path = await writeList('plain.csv', 'codice_ipa,name,url,provincia\nc_f205,Comune di Milano,https://www.comune.milano.it,MI\nx1,Altro,,\n');
    const { format, targets } = await readSurveyTargets(path);
    expect(format).toBe('csv');
    expect(summary(targets)).toEqual([
      { line: 2, key: 'c_f205', name: 'Comune di Milano', region: null, province: 'Milano', url: 'https://www.comune.milano.it/', rejected: null },
      { line: 3, key: 'x1', name: 'Altro', region: null, province: null, url: null, rejected: 'no-website' },
    ]);
  });

  it('reads one address per line, with comments, blank lines and repeats', async () => {
    const path = await writeList('urls.txt', '# comuni\nwww.comune.uno.it\n\nhttp://www.comune.due.it/\nnot a site\nhttps://comune.uno.it\n');
    const { format, targets } = await readSurveyTargets(path);
    expect(format).toBe('url-list');
    expect(summary(targets)).toEqual([
      { line: 2, key: 'https://www.comune.uno.it/', name: null, region: null, province: null, url: 'https://www.comune.uno.it/', rejected: null },
      { line: 4, key: 'http://www.comune.due.it/', name: null, region: null, province: null, url: 'http://www.comune.due.it/', rejected: null },
      { line: 5, key: 'line:5', name: null, region: null, province: null, url: null, rejected: 'invalid-url' },
      { line: 6, key: 'line:6', name: null, region: null, province: null, url: null, rejected: 'duplicate' },
    ]);
  });

  it('refuses a file it cannot read or whose header names no site column, saying what a list must be', async () => {
    const path = await writeList('odd.csv', 'a,b,c\n1,2,3\n');
    await expect(readSurveyTargets(path)).rejects.toThrow(/header not recognised; the list must be IndicePA's enti.csv/);
    const error = await readSurveyTargets(join(dir, 'missing.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SurveyInputError);
    expect((error as SurveyInputError).kind).toBe('file');
    expect((error as SurveyInputError).text.it).toMatch(/^impossibile leggere la lista .*missing\.csv \(ENOENT\)$/);
  });
});

/** A list of n comuni spread over the provinces of three regions, as enti.csv rows. */
function syntheticEnti(count: number): string {
  const provinces = ['015', '016', '017', '048', '081', '082', '083', '084']; // MI BG BS FI TP PA ME AG
  const lines = ['Codice_IPA,Denominazione_ente,Codice_comune_ISTAT,Codice_Categoria,Codice_natura,Sito_istituzionale'];
  for (let i = 0; i < count; i++) {
    const province = provinces[i % provinces.length];
    lines.push(`c_${i},Comune ${i},${province}${String(i).padStart(3, '0').slice(-3)},L6,2430,www.comune${i}.it`);
  }
  return lines.join('\n');
}

describe('filters', () => {
  it('selects by region and province, whatever the case, accents and punctuation, by name or sigla', async () => {
    const path = await writeList('many.csv', syntheticEnti(80));
    const sicily = await readSurveyTargets(path, { region: 'SICILIA' });
    expect(sicily.targets).toHaveLength(40);
    expect(new Set(sicily.targets.map((t) => t.region))).toEqual(new Set(['Sicilia']));
    const two = await readSurveyTargets(path, { region: 'lombardia, toscana' });
    expect(two.targets).toHaveLength(40);
    const tp = await readSurveyTargets(path, { province: 'tp' });
    expect(tp.targets.map((t) => t.province)).toEqual(Array(10).fill('Trapani'));
    expect((await readSurveyTargets(path, { province: 'Milano,Bergamo', limit: 3 })).targets.map((t) => t.key)).toEqual(['c_0', 'c_1', 'c_8']);
    const forli = await readSurveyTargets(await writeList('forli.csv', 'codice_ipa,name,url,codice_istat\na,A,www.a.it,040012\n'), { region: 'emilia romagna', province: 'FORLI CESENA' });
    expect(forli.targets).toHaveLength(1);
  });

  it('refuses a region or province that names nothing, listing the right names', async () => {
    const error = await readSurveyTargets(ENTI, { region: 'Lombardi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SurveyInputError);
    expect((error as SurveyInputError).kind).toBe('filter');
    expect((error as SurveyInputError).text.en).toMatch(/^--region Lombardi: no region by that name; the regions are: Piemonte, Valle d'Aosta, Lombardia, /);
    await expect(readSurveyTargets(ENTI, { province: 'XX' })).rejects.toThrow(/--province XX: no province by that name or sigla/);
  });

  it('draws a reproducible sample stratified by region, the same whatever the file order', async () => {
    const text = syntheticEnti(400);
    const path = await writeList('sample.csv', text);
    const [header, ...rows] = text.split('\n');
    const reversed = await writeList('sample-reversed.csv', [header, ...rows.reverse()].join('\n'));
    const first = (await readSurveyTargets(path, { sample: 40, seed: 7 })).targets;
    const again = (await readSurveyTargets(path, { sample: 40, seed: 7 })).targets;
    const fromReversed = (await readSurveyTargets(reversed, { sample: 40, seed: 7 })).targets;
    const other = (await readSurveyTargets(path, { sample: 40, seed: 8 })).targets;
    expect(first).toHaveLength(40);
    expect(again.map((t) => t.key)).toEqual(first.map((t) => t.key));
    expect(new Set(fromReversed.map((t) => t.key))).toEqual(new Set(first.map((t) => t.key)));
    expect(other.map((t) => t.key)).not.toEqual(first.map((t) => t.key));
    // 400 rows: Lombardia 150, Toscana 50, Sicilia 200 → 15, 5 and 20 of 40.
    const perRegion = (targets: SurveyTarget[]) => Object.fromEntries(['Lombardia', 'Toscana', 'Sicilia'].map((r) => [r, targets.filter((t) => t.region === r).length]));
    expect(perRegion(first)).toEqual({ Lombardia: 15, Toscana: 5, Sicilia: 20 });
    // The sample keeps the file's order.
    expect(first.map((t) => t.line)).toEqual([...first.map((t) => t.line)].sort((a, b) => a - b));
  });
});

describe('selectShard', () => {
  it('splits a list into disjoint shards that cover it, each the same whatever the order', async () => {
    const { targets } = await readSurveyTargets(await writeList('shards.csv', syntheticEnti(300)));
    const shards = [0, 1, 2, 3].map((i) => selectShard(targets, i, 4));
    expect(shards.flat().map((t) => t.key).sort()).toEqual(targets.map((t) => t.key).sort());
    for (const shard of shards) expect(shard.length).toBeGreaterThan(45);
    const reversed = [...targets].reverse();
    for (const i of [0, 1, 2, 3]) expect(new Set(selectShard(reversed, i, 4).map((t) => t.key))).toEqual(new Set(shards[i].map((t) => t.key)));
    expect(selectShard(targets, 0, 1)).toEqual(targets);
    expect(() => selectShard(targets, 4, 4)).toThrow(RangeError);
  });

  it('is pinned: the same key always falls in the same shard', async () => {
    const { targets } = await readSurveyTargets(ENTI);
    expect([0, 1, 2].map((i) => selectShard(targets, i, 3).map((t) => t.key))).toMatchSnapshot();
  });
});

it('the fixtures README names every fixture file', async () => {
  const readme = await readFile(join(FIXTURES, 'README.md'), 'utf8');
  for (const name of ['enti-sample.csv', 'comuni-l6-sample.csv']) expect(readme).toContain(name);
});
