import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { sampleReport } from './sample.js';

describe('renderJson', () => {
  it('writes the whole report, 2-space indented, newline-terminated', () => {
    const report = sampleReport();
    const text = renderJson(report);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "schemaVersion": 3,\n  "tool": {\n    "name": "comune-audit",')).toBe(true);
    expect(JSON.parse(text)).toEqual(report);
  });

  it('keeps evidence and details of every check', () => {
    const parsed = JSON.parse(renderJson(sampleReport()));
    const security = parsed.checks.find((check: { id: string }) => check.id === 'security');
    expect(security.evidence).toEqual([{ url: 'https://www.comune.esempio.it/', selector: 'tls', snippet: 'TLSv1.3', note: { it: 'certificato valido', en: 'certificate valid' } }]);
    const openData = parsed.checks.find((check: { id: string }) => check.id === 'open-data');
    expect(openData.details).toEqual({ documents: 3, formats: ['csv', 'pdf'], portal: null });
  });

  it('gives the same bytes for the same input, and survives a parse/render round trip', () => {
    const text = renderJson(sampleReport());
    expect(renderJson(sampleReport())).toBe(text);
    expect(renderJson(JSON.parse(text))).toBe(text);
  });
});
