import { describe, expect, it } from 'vitest';
import { render, renderChecksCsv, renderJson, renderTerminal } from '../../src/report/index.js';
import { sampleReport } from './sample.js';

describe('render', () => {
  const report = sampleReport();

  it('dispatches each format to its reporter with the given options', () => {
    expect(render(report, 'terminal', { lang: 'en' })).toBe(renderTerminal(report, { lang: 'en', color: false }));
    expect(render(report, 'terminal', { lang: 'it', color: true, width: 60, top: 2 })).toBe(
      renderTerminal(report, { lang: 'it', color: true, width: 60, top: 2 }),
    );
    expect(render(report, 'json', { lang: 'it' })).toBe(renderJson(report));
    expect(render(report, 'csv', { lang: 'en', bom: true })).toBe(renderChecksCsv(report, { lang: 'en', bom: true }));
  });
});
