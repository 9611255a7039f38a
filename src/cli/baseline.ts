// `--baseline <report.json>`: what got worse since an earlier JSON report of the same site (or of its production
// twin: evidence is compared by path, so a staging host can be checked against the live site's report). The
// comparison itself is src/compare's; this file reads the baseline and words the gate's lines.
import { CliError, EXIT } from './errors.js';
import { checksWith, compareReports, readReportFile, type Comparable } from '../compare/index.js';
import { formatDecimal } from '../report/common.js';
import type { Messages } from '../report/i18n/index.js';

/** Reads the baseline; a report of an audit that could not run is refused: compared with nothing, the gate would pass without looking. */
export async function readBaseline(path: string): Promise<Comparable> {
  const report = await readReportFile(path);
  const { fatal } = report;
  if (fatal && report.checks.length === 0) {
    throw new CliError((m, lang) => m.cli.baselineDidNotRun(path, fatal.message?.[lang] ?? String(fatal.code)), EXIT.io);
  }
  return report;
}

/**
 * The regression line and, under it, the evidence each worsened check no longer shows (three at most each); '' if none.
 * `spared`: checks the config file's ignore keeps out of the gate.
 */
export function regressionText(path: string, baseline: Comparable, current: Comparable, t: Messages, spared: (id: string) => boolean = () => false): string {
  const comparison = compareReports(baseline, current);
  const found = checksWith(comparison, 'regressed').filter((r) => !spared(r.id));
  if (!found.length) return '';
  const checks = found.map((r) => `${r.id} (${t.status[r.before!]} → ${t.status[r.after!]})`).join(', ');
  const index = (value: number | null) => (value === null ? t.notScored : formatDecimal(value, 1, t));
  const lines = [`comune-audit: ${t.cli.regressed(path, checks, `${index(comparison.before.index)} → ${index(comparison.after.index)}`)}`];
  for (const r of found) for (const place of r.lost.slice(0, 3)) lines.push(t.cli.lostEvidence(r.id, place));
  return `${lines.join('\n')}\n`;
}
