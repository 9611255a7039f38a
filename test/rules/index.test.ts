import { describe, expect, it } from 'vitest';
import { pointRules } from '../../rules/index.js';
import { runRules } from '../../src/check/run.js';
import { siteFromHtml } from '../helpers/site.js';
import { onePage } from './site.js';

const CHECKLIST_ORDER = [
  'anpr', 'pagopa', 'spid', 'cie', 'open-source', 'cloud', 'online-services', 'io', 'open-data',
  'security', 'privacy', 'accessibility', 'analytics', 'assistant',
];

describe('pointRules', () => {
  it('lists one rule per checklist id except design, in checklist order, each in its own point', () => {
    expect(pointRules.map((rule) => rule.meta.id)).toEqual(CHECKLIST_ORDER);
    for (const { meta } of pointRules) expect(meta.point).toBe(meta.id);
  });

  it('gives every rule Italian and English titles, a legal reference and a positive weight', () => {
    for (const { meta } of pointRules) {
      for (const text of [meta.title.it, meta.title.en, meta.failureTitle.it, meta.failureTitle.en, meta.law]) expect(text.trim()).not.toBe('');
      expect(meta.weight).toBeGreaterThan(0);
    }
  });

  it('runs every rule on the model home page without errors, with bilingual messages, the same way twice', () => {
    const site = onePage('../modello-comuni/site/sito/homepage.html');
    const first = runRules(pointRules, site);
    expect(first.map((result) => result.status)).not.toContain('error');
    for (const result of first) {
      expect(result.message.it).not.toBe('');
      expect(result.message.en).not.toBe('');
    }
    expect(JSON.stringify(runRules(pointRules, onePage('../modello-comuni/site/sito/homepage.html')))).toBe(JSON.stringify(first));
  });

  it('claims nothing when no page could be read: every rule is unknown', () => {
    const site = siteFromHtml([{ url: 'https://www.comune.esempio.it/', html: '<h1>Errore interno</h1>', status: 500 }]);
    const statuses = Object.fromEntries(runRules(pointRules, site).map((result) => [result.id, result.status]));
    expect(statuses).toEqual(Object.fromEntries(CHECKLIST_ORDER.map((id) => [id, 'unknown'])));
  });
});
