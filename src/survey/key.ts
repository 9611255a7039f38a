// The fingerprint of a survey: the whole list after filters (before --shard) and the options that shape results.
// Shards of one survey share it, so `survey merge` can tell them from another survey's stores, and a resumed run
// can tell it is given the same list.
import { createHash } from 'node:crypto';
import type { SurveyTarget } from './types.js';

export function surveyKey(targets: readonly SurveyTarget[], options: Record<string, unknown>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(options));
  for (const target of targets) hash.update(`\n${target.key}\t${target.url ?? ''}\t${target.rejected?.reason ?? ''}`);
  return hash.digest('hex');
}
