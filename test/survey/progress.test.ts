import { describe, expect, it } from 'vitest';
import { formatEta, startSurveyProgress } from '../../src/cli/survey-progress.js';
import { captureIo } from '../helpers/cli.js';

describe('survey progress', () => {
  it('prints plain lines when stderr is not a terminal: done/total, failures, pages/s and an ETA from this session’s pace', async () => {
    const capture = captureIo();
    let clock = 0;
    const view = startSurveyProgress(capture.io.stderr, 'en', { done: 10, total: 110, failures: 2, running: 0 }, { intervalMs: 20, now: () => clock });
    view.pages(20);
    view.pages(30);
    clock = 10_000;
    view.site({ done: 20, total: 110, failures: 3, running: 4 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    view.stop();
    const lines = capture.err().trim().split('\n');
    // 10 sites in 10 s: 90 left take 90 s; 50 pages in 10 s.
    expect(lines.at(-1)).toBe('comune-audit: 20/110 sites, 3 not scored, 5.0 pages/s, ETA 2 min');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((line) => !line.includes('\r'))).toBe(true);
  });

  it('formats the ETA for a person', () => {
    expect([formatEta(null), formatEta(40_000), formatEta(12 * 60_000), formatEta(62 * 60_000)]).toEqual(['—', '40 s', '12 min', '1 h 02 min']);
  });
});
