// Hand-built CheckResults for scoring and report tests.
import type { CheckResult, PointId, Status } from '../../src/types.js';

const SCORE: Record<Status, number | null> = { pass: 1, partial: 0.5, fail: 0, unknown: null, error: null };

export function makeCheck(
  id: string,
  status: Status,
  overrides: Partial<CheckResult> & { point?: PointId } = {},
): CheckResult {
  return {
    id,
    point: (overrides.point ?? id) as PointId,
    title: { it: `Titolo ${id}`, en: `Title ${id}` },
    law: `Rif. ${id}`,
    weight: 1,
    status,
    score: SCORE[status],
    message: { it: `Messaggio ${id}`, en: `Message ${id}` },
    evidence: [],
    ...overrides,
  };
}
