// The full report as JSON: the record as built, 2-space indented, newline-terminated.
import type { Report } from '../types.js';

/** Deterministic because buildReport fixes key and array order; this adds no ordering of its own. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
