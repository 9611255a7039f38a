// CheckResults → point scores → maturity index and level. Weights, bands and names are data in rules/scoring.ts.
import { LEGAL_CAP, MATURITY_LEVELS, POINTS, POINT_ORDER } from '../../rules/scoring.js';
import type { CheckResult, Maturity, MaturityLevelName, PointId, PointScore, Status } from '../types.js';

interface Weighted {
  score: number | null;
  weight: number;
}

/** Weighted mean of the items that have a score; null when none has (or their weights sum to zero). */
function weightedMean(items: Weighted[]): number | null {
  let sum = 0;
  let total = 0;
  for (const { score, weight } of items) {
    if (score === null) continue;
    sum += score * weight;
    total += weight;
  }
  return total > 0 ? sum / total : null;
}

function pointStatus(checks: CheckResult[], score: number | null): Status {
  if (score === null) return checks.length > 0 && checks.every((check) => check.status === 'error') ? 'error' : 'unknown';
  if (score === 1) return 'pass';
  if (score === 0) return 'fail';
  return 'partial';
}

/** Four decimals are plenty for a 0..1 score and keep JSON free of 0.33333333333333331-style noise. */
const roundScore = (score: number): number => Math.round(score * 10_000) / 10_000;

/** The level whose band holds the index (index already rounded, so the printed index and level always agree). */
export function levelFor(index: number): MaturityLevelName {
  let found = MATURITY_LEVELS[0];
  for (const level of MATURITY_LEVELS) if (index >= level.min) found = level;
  return { id: found.id, name: { ...found.name } };
}

const levelRank = (id: string): number => MATURITY_LEVELS.findIndex((level) => level.id === id);

/** The index's level, lowered to LEGAL_CAP.maxLevel while a legal obligation's check fails (the cap recorded). */
export function cappedMaturity(index: number, checks: CheckResult[]): Maturity {
  const level = levelFor(index);
  const obligations: readonly PointId[] = LEGAL_CAP.points;
  const failed = POINT_ORDER.filter((id) => obligations.includes(id) && checks.some((check) => check.point === id && check.status === 'fail'));
  if (!failed.length || levelRank(level.id) <= levelRank(LEGAL_CAP.maxLevel)) return { index, level };
  const max = MATURITY_LEVELS[levelRank(LEGAL_CAP.maxLevel)];
  return { index, level: { id: max.id, name: { ...max.name } }, cap: { uncapped: level, points: failed, reason: { ...LEGAL_CAP.reason } } };
}

/**
 * Scores every point of the checklist, in checklist order, from its checks (unknown and error excluded),
 * and the maturity index from the points that carry an index weight.
 */
export function scoreChecks(checks: CheckResult[]): { points: PointScore[]; maturity: Maturity } {
  const exact = new Map<PointId, number | null>();
  const points = POINT_ORDER.map((id): PointScore => {
    const own = checks.filter((check) => check.point === id);
    const score = weightedMean(own);
    exact.set(id, score);
    return {
      id,
      score: score === null ? null : roundScore(score),
      status: pointStatus(own, score),
      checks: own.map((check) => check.id),
    };
  });

  const inIndex: Weighted[] = [];
  for (const id of POINT_ORDER) {
    const weight = POINTS[id].weight;
    if (weight !== null) inIndex.push({ score: exact.get(id) ?? null, weight });
  }
  const mean = weightedMean(inIndex);
  const index = mean === null ? null : Math.round(mean * 1000) / 10;
  return { points, maturity: index === null ? { index, level: null } : cappedMaturity(index, checks) };
}
