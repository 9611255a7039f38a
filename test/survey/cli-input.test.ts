// `survey` with the real list readers: a list file on disk, filters, and the one-line errors a list can cause.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSurveyCommand } from '../../src/cli/survey.js';
import { CliError, EXIT } from '../../src/cli/errors.js';
import { SurveyStore } from '../../src/survey/store.js';
import type { FixtureServer } from '../helpers/fixture-server.js';
import { captureIo } from '../helpers/cli.js';
import { serveComune, surveyOptions } from './sites.js';

let dir: string;
let list: string;
const servers: FixtureServer[] = [];

const OPTIONS = surveyOptions({ maxPages: 5 });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'survey-cli-input-'));
  for (let i = 0; i < 2; i++) servers.push(await serveComune(`Comune ${i}`, 2));
  // An enti.csv-like list saved with ';': two comuni of Bergamo on loopback, one of Palermo, a consortium, a comune without a site.
  list = join(dir, 'enti.csv');
  writeFileSync(
    list,
    [
      'Codice_IPA;Denominazione_ente;Codice_comune_ISTAT;Codice_Categoria;Codice_natura;Sito_istituzionale',
      `c_a001;Comune di Uno;016001;L6;2430;${servers[0].url}`,
      'c_a002;Comune di Palermo;082053;L6;2430;www.comune.palermo.it',
      `cons;Consorzio;016001;L6;2740;${servers[1].url}`,
      'c_a003;Comune senza sito;016003;L6;2430;',
      `c_a004;Comune di Due;016002;L6;2430;${servers[1].url}/`,
    ].join('\r\n'),
  );
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(servers.map((server) => server.close()));
});

describe('survey <list> with the real readers', () => {
  it('surveys the comuni of a province, keeps the one without a site as a row, and says what it left out', async () => {
    const output = join(dir, 'bg.db');
    const capture = captureIo();
    const code = await runSurveyCommand(list, { ...OPTIONS, output, province: 'bg' }, { stderr: capture.io.stderr });
    expect(code).toBe(EXIT.ok);
    expect(capture.err()).toContain(`${list}: 1 riga di un ente che non è un comune lasciata fuori (--all-bodies per tenerla)`);
    const store = SurveyStore.open(output);
    const sites = [...store.sites(store.lastRun()!.id)].map(({ key, line, region, province, status, reason }) => ({ key, line, region, province, status, reason }));
    store.close();
    expect(sites).toEqual([
      { key: 'c_a001', line: 2, region: 'Lombardia', province: 'Bergamo', status: 'scored', reason: null },
      { key: 'c_a003', line: 5, region: 'Lombardia', province: 'Bergamo', status: 'rejected', reason: 'no-website' },
      { key: 'c_a004', line: 6, region: 'Lombardia', province: 'Bergamo', status: 'scored', reason: null },
    ]);
  });

  it('stops with a usage error naming the regions when --region names none, and a file error for a list it cannot read', async () => {
    const badRegion = await runSurveyCommand(list, { ...OPTIONS, output: join(dir, 'x.db'), region: 'Lombardi' }, { stderr: captureIo().io.stderr }).catch((e: unknown) => e);
    expect(badRegion).toBeInstanceOf(CliError);
    expect((badRegion as CliError).exitCode).toBe(EXIT.usage);
    expect((badRegion as CliError).in('it')).toMatch(/^--region Lombardi: nessuna regione con questo nome; le regioni sono: Piemonte, /);
    const missing = await runSurveyCommand(join(dir, 'nope.csv'), { ...OPTIONS, output: join(dir, 'y.db') }, { stderr: captureIo().io.stderr }).catch((e: unknown) => e);
    expect((missing as CliError).exitCode).toBe(EXIT.io);
    expect((missing as CliError).in('en')).toMatch(/^cannot read the list .*nope\.csv \(ENOENT\)$/);
  });
});
