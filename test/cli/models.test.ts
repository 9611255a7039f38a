// --model and --topic-model beyond `classify`: a team that retrained the tagger on its own pages audits (and surveys,
// and rescores) with it; a file that is missing or is not a model stops the command before any request (exit code 4).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/audit.js';
import { EXIT } from '../../src/cli/errors.js';
import { runRescore } from '../../src/cli/rescore.js';
import { runSurveyCommand } from '../../src/cli/survey.js';
import { serialiseTopicModel, trainTopicModel, type TopicRecord } from '../../src/classify/topics-train.js';
import { DEFAULT_MODEL_PATH } from '../../src/classify/index.js';
import { createAuditPool } from '../../src/survey/pool.js';
import { SurveyStore } from '../../src/survey/store.js';
import type { Report } from '../../src/types.js';
import { serveRoutes, type FixtureServer } from '../helpers/fixture-server.js';
import { AUDIT_OPTIONS, captureIo, runCli } from '../helpers/cli.js';
import { TEST_AUDIT, surveyOptions, target } from '../survey/sites.js';

const WASTE =
  "Dal 1° marzo cambiano i giorni di raccolta differenziata dei rifiuti nelle frazioni. L'umido si raccoglie il martedì e il venerdì, " +
  "la carta il lunedì, il vetro ogni due settimane. I sacchi vanno esposti davanti a casa la sera prima; gli ingombranti si portano all'isola ecologica.";
const html = (title: string, body: string) => `<!doctype html><html lang="it"><head><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

let site: FixtureServer;
let dir: string;
/** A topic model retrained on a team's own labels: this team files waste collection under "ZTL" (on purpose: no shipped model would). */
let retrained: string;

beforeAll(async () => {
  const type = { 'content-type': 'text/html; charset=utf-8' };
  site = await serveRoutes({
    '/': { headers: type, body: html('Comune di Prova', '<p>Benvenuti.</p><a href="/rifiuti">Raccolta rifiuti</a>') },
    '/rifiuti': { headers: type, body: html('Nuovi giorni di raccolta dei rifiuti', `<p>${WASTE}</p>`) },
    '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nAllow: /\n' },
  });
  dir = mkdtempSync(join(tmpdir(), 'comune-audit-models-'));
  const records: TopicRecord[] = [
    { topics: ['ztl'], title: 'Raccolta differenziata', text: WASTE, site: 'team' },
    { topics: ['ztl'], title: 'Calendario della raccolta dei rifiuti', text: 'Umido, carta, vetro e plastica: i giorni di raccolta porta a porta e l’isola ecologica.', site: 'team' },
    { topics: [], title: 'Benvenuti', text: 'Il sito del Comune: notizie, eventi, contatti e orari degli uffici.', site: 'team' },
  ];
  retrained = join(dir, 'topics.json');
  writeFileSync(retrained, serialiseTopicModel(trainTopicModel(records)));
});

afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

const topicsOf = (report: Report, path: string): string[] => (report.pages.find((page) => page.url.endsWith(path))?.topics ?? []).map((topic) => topic.id);

async function auditJson(options: Partial<typeof AUDIT_OPTIONS> = {}): Promise<Report> {
  const c = captureIo();
  expect(await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, classify: true, ...options }, c.io)).toBe(EXIT.ok);
  return JSON.parse(c.out()) as Report;
}

describe('audit --topic-model', () => {
  it('tags the pages with the retrained model instead of the shipped one', async () => {
    expect(topicsOf(await auditJson(), '/rifiuti')).toContain('gestione-rifiuti');
    const retagged = topicsOf(await auditJson({ topicModel: retrained }), '/rifiuti');
    expect(retagged).toContain('ztl');
    expect(retagged).not.toContain('gestione-rifiuti');
  });

  it('names the topics in English with --lang en, and keeps the stable ids in JSON', async () => {
    const c = captureIo();
    await runAudit(`${site.url}/`, { ...AUDIT_OPTIONS, classify: true, format: 'terminal', lang: 'en' }, c.io);
    // pages found in the text, then declared by chips: the home page counts too, its only words a "Raccolta rifiuti" link
    // (its title, only the site's name, does not vote)
    expect(c.out()).toMatch(/^ {2}Waste management +2 +0$/m);
    expect(c.out()).not.toContain('Gestione rifiuti');
    const json = await auditJson({ lang: 'en' });
    expect(json.pages.find((page) => page.url.endsWith('/rifiuti'))?.topics?.[0]).toMatchObject({ id: 'gestione-rifiuti', label: 'Gestione rifiuti' });
  });

  it('reads topicModel from the config file, relative to the file\'s folder', async () => {
    const project = join(dir, 'project');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(project, 'models'), { recursive: true });
    writeFileSync(join(project, 'models', 'topics.json'), readFileSync(retrained));
    writeFileSync(join(project, 'comune-audit.config.json'), JSON.stringify({ topicModel: 'models/topics.json' }));
    const output = join(dir, 'from-config.json');
    const run = await runCli(['audit', `${site.url}/`, '--config', join(project, 'comune-audit.config.json'), '-o', output, '--no-progress', '--delay', '0']);
    expect(run).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(topicsOf(JSON.parse(readFileSync(output, 'utf8')) as Report, '/rifiuti')).toContain('ztl');
  });

  it('stops before the crawl with one line and exit code 4 when the file is missing or not a topic model', async () => {
    let requests = 0;
    const counting = await serveRoutes({ '/': (_req, res) => void (requests++, res.writeHead(200, { 'content-type': 'text/html' }).end(html('x', ''))) });
    try {
      const missing = join(dir, 'nowhere.json');
      const absent = await runCli(['audit', `${counting.url}/`, '--topic-model', missing, '--no-config', '-f', 'json']);
      expect(absent.code).toBe(EXIT.io);
      expect(absent.stderr).toBe(`comune-audit: impossibile caricare il modello: ${missing} (ENOENT)\n`);
      // The category model is a model, but not a topic model.
      const wrong = await runCli(['audit', `${counting.url}/`, '--topic-model', DEFAULT_MODEL_PATH, '--no-config', '-f', 'json', '--lang', 'en']);
      expect(wrong.code).toBe(EXIT.io);
      expect(wrong.stderr).toBe(
        `comune-audit: cannot load the model: ${DEFAULT_MODEL_PATH}: not a comune-audit topic model (format comune-audit-topics, version 1); train one with "comune-audit train --topics"\n`,
      );
      const category = await runCli(['audit', `${counting.url}/`, '--model', retrained, '--no-config', '-f', 'json', '--lang', 'en']);
      expect(category.code).toBe(EXIT.io);
      expect(category.stderr).toMatch(/^comune-audit: cannot load the model: .*topics\.json: not a comune-audit classifier model .*\n$/);
      expect(requests).toBe(0);
    } finally {
      await counting.close();
    }
  });
});

describe('rescore --topic-model', () => {
  it('re-tags a saved crawl with the retrained model', async () => {
    const saved = join(dir, 'site.crawl.gz');
    await auditJson({ saveCrawl: saved });
    const c = captureIo();
    const options = { ...AUDIT_OPTIONS, classify: true, topicModel: retrained };
    expect(await runRescore(saved, options, c.io)).toBe(EXIT.ok);
    expect(topicsOf(JSON.parse(c.out()) as Report, '/rifiuti')).toContain('ztl');
  });
});

describe('survey --topic-model', () => {
  it('gives the workers the retrained model', async () => {
    const pool = createAuditPool({ threads: 0, audit: { ...TEST_AUDIT, classify: true, topicModel: retrained, keepReports: true } });
    const result = await pool.audit(`${site.url}/`);
    await pool.close();
    const report = JSON.parse(gunzipSync(result.report!).toString('utf8')) as Report;
    expect(topicsOf(report, '/rifiuti')).toContain('ztl');
  });

  it('records a digest of the model among the options that shape results, and refuses a missing file before any site', async () => {
    const input = { readSurveyTargets: async () => ({ targets: [target(2, 'c_1', `${site.url}/`)], problems: [] }), selectShard: () => [] };
    const output = join(dir, 'survey.db');
    const options = surveyOptions({ output, classify: true, topicModel: retrained });
    expect(await runSurveyCommand('list.csv', options, { stderr: captureIo().io.stderr }, input)).toBe(EXIT.ok);
    const store = SurveyStore.open(output);
    const run = store.lastRun()!;
    store.close();
    expect(run.options.topicModel).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(run.options).not.toHaveProperty('model');

    await expect(runSurveyCommand('list.csv', surveyOptions({ output: join(dir, 'never.db'), classify: true, topicModel: join(dir, 'nowhere.json') }), { stderr: captureIo().io.stderr }, input)).rejects.toMatchObject({
      exitCode: EXIT.io,
    });
  });
});
