// Reads a JSON report written by `audit -f json` for a comparison; anything else is an I/O error naming the file.
import { readFile } from 'node:fs/promises';
import { CliError, EXIT } from '../cli/errors.js';
import type { Comparable } from './index.js';

/** Report versions that compare: what is compared (check ids, statuses, evidence places, index) is the same in both. */
const COMPARABLE_VERSIONS: readonly unknown[] = [1, 2, 3];

function isComparable(value: unknown): value is Comparable {
  const report = value as ({ schemaVersion?: unknown } & Partial<Comparable>) | null;
  return (
    typeof report === 'object' && report !== null && COMPARABLE_VERSIONS.includes(report.schemaVersion) &&
    typeof report.maturity === 'object' && report.maturity !== null && typeof report.site?.siteUrl === 'string' &&
    Array.isArray(report.checks) &&
    report.checks.every((check) => typeof check?.id === 'string' && typeof check.status === 'string' && Array.isArray(check.evidence))
  );
}

export async function readReportFile(path: string): Promise<Comparable> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError((m) => m.cli.baselineUnreadable(path, (error as NodeJS.ErrnoException).code ?? String(error)), EXIT.io);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError((m) => m.cli.baselineNotReport(path), EXIT.io);
  }
  if (!isComparable(value)) throw new CliError((m) => m.cli.baselineNotReport(path), EXIT.io);
  return value;
}
