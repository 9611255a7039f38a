import { describe, expect, it } from 'vitest';
import { LEGAL_CAP, MATURITY_LEVELS, POINTS, POINT_ORDER } from '../../rules/scoring.js';
import { levelFor, scoreChecks } from '../../src/score/index.js';
import { makeCheck } from './make-check.js';

const TEN = ['anpr', 'pagopa', 'spid', 'cie', 'open-source', 'cloud', 'online-services', 'design', 'io', 'open-data'];
const GOVERNANCE = ['security', 'privacy', 'accessibility', 'analytics', 'assistant'];

const point = (result: ReturnType<typeof scoreChecks>, id: string) => result.points.find((p) => p.id === id)!;

describe('scoring data', () => {
  it('lists the fifteen points in checklist order, only the ten steps weighted into the index', () => {
    expect(POINT_ORDER).toEqual([...TEN, ...GOVERNANCE]);
    expect(TEN.every((id) => (POINTS[id as keyof typeof POINTS].weight ?? 0) > 0)).toBe(true);
    expect(GOVERNANCE.every((id) => POINTS[id as keyof typeof POINTS].weight === null)).toBe(true);
  });

  it('has five levels with increasing lower bounds starting at 0', () => {
    expect(MATURITY_LEVELS.map((level) => level.min)).toEqual([0, 20, 40, 60, 80]);
    expect(MATURITY_LEVELS.map((level) => level.name.it)).toEqual(['Iniziale', 'Di base', 'Intermedio', 'Avanzato', 'Ottimale']);
  });
});

describe('point scores', () => {
  it('lists every point in checklist order even without checks, unknown and unscored', () => {
    const result = scoreChecks([]);
    expect(result.points.map((p) => p.id)).toEqual([...TEN, ...GOVERNANCE]);
    expect(result.points.every((p) => p.status === 'unknown' && p.score === null && p.checks.length === 0)).toBe(true);
    expect(result.maturity).toEqual({ index: null, level: null });
  });

  it('applies check weights inside a point', () => {
    const result = scoreChecks([
      makeCheck('C.SI.1.1', 'pass', { point: 'design', weight: 3 }),
      makeCheck('C.SI.1.2', 'fail', { point: 'design', weight: 1 }),
    ]);
    expect(point(result, 'design')).toEqual({ id: 'design', score: 0.75, status: 'partial', checks: ['C.SI.1.1', 'C.SI.1.2'] });
  });

  it('excludes unknown and error checks from the mean', () => {
    const result = scoreChecks([
      makeCheck('C.SI.1.1', 'pass', { point: 'design' }),
      makeCheck('C.SI.4.1', 'unknown', { point: 'design', weight: 5 }),
      makeCheck('C.SI.1.3', 'error', { point: 'design', weight: 5 }),
    ]);
    expect(point(result, 'design').score).toBe(1);
    expect(point(result, 'design').status).toBe('pass');
  });

  it('derives pass, fail, partial, unknown and error statuses', () => {
    const result = scoreChecks([
      makeCheck('anpr', 'pass'),
      makeCheck('spid', 'fail'),
      makeCheck('cie', 'partial'),
      makeCheck('cloud', 'unknown'),
      makeCheck('io', 'error'),
      makeCheck('C.SI.1.1', 'unknown', { point: 'design' }),
      makeCheck('C.SI.1.2', 'error', { point: 'design' }),
    ]);
    expect(point(result, 'anpr')).toMatchObject({ score: 1, status: 'pass' });
    expect(point(result, 'spid')).toMatchObject({ score: 0, status: 'fail' });
    expect(point(result, 'cie')).toMatchObject({ score: 0.5, status: 'partial' });
    expect(point(result, 'cloud')).toMatchObject({ score: null, status: 'unknown' });
    expect(point(result, 'io')).toMatchObject({ score: null, status: 'error' });
    // Not every check errored: nothing scored is "unknown", not "error".
    expect(point(result, 'design')).toMatchObject({ score: null, status: 'unknown' });
  });

  it('rounds point scores to four decimals', () => {
    const result = scoreChecks([
      makeCheck('C.SI.1.1', 'pass', { point: 'design' }),
      makeCheck('C.SI.1.2', 'fail', { point: 'design' }),
      makeCheck('C.SI.1.3', 'fail', { point: 'design' }),
    ]);
    expect(point(result, 'design').score).toBe(0.3333);
  });
});

describe('maturity index', () => {
  it('is the point-weighted mean of the scored steps, ×100, one decimal', () => {
    // design weighs 2, cloud 0.5: (2×1 + 0.5×0) / 2.5 = 80
    const result = scoreChecks([makeCheck('C.SI.1.1', 'pass', { point: 'design' }), makeCheck('cloud', 'fail')]);
    expect(result.maturity.index).toBe(80);
    expect(result.maturity.level?.id).toBe('optimised');
  });

  it('leaves unscored points out of the mean', () => {
    const result = scoreChecks([makeCheck('anpr', 'pass'), makeCheck('spid', 'fail'), makeCheck('io', 'unknown')]);
    expect(result.maturity.index).toBe(50);
    expect(result.maturity.level).toEqual({ id: 'intermediate', name: { it: 'Intermedio', en: 'Intermediate' } });
  });

  it('ignores the governance rows', () => {
    const base = [makeCheck('anpr', 'pass'), makeCheck('spid', 'fail'), makeCheck('cie', 'fail')];
    const withGovernance = [...base, makeCheck('security', 'pass'), makeCheck('privacy', 'pass')];
    expect(scoreChecks(base).maturity.index).toBe(33.3);
    expect(scoreChecks(withGovernance).maturity.index).toBe(33.3);
    expect(point(scoreChecks(withGovernance), 'security').status).toBe('pass');
  });

  it('is null when only governance rows are scored', () => {
    expect(scoreChecks([makeCheck('security', 'pass')]).maturity).toEqual({ index: null, level: null });
  });

  it('rounds 2/3 to 66.7', () => {
    const result = scoreChecks([makeCheck('anpr', 'pass'), makeCheck('spid', 'pass'), makeCheck('cie', 'fail')]);
    expect(result.maturity.index).toBe(66.7);
    expect(result.maturity.level?.id).toBe('advanced');
  });

  it('picks the level from the rounded index, so 79.98 shows as 80.0 and Optimised', () => {
    const result = scoreChecks([
      makeCheck('C.SI.1.1', 'pass', { point: 'design', weight: 3999 }),
      makeCheck('C.SI.1.2', 'fail', { point: 'design', weight: 1001 }),
    ]);
    expect(result.maturity.index).toBe(80);
    expect(result.maturity.level?.id).toBe('optimised');
  });
});

describe('level bands', () => {
  it.each([
    [0, 'initial'],
    [19.9, 'initial'],
    [20, 'basic'],
    [39.9, 'basic'],
    [40, 'intermediate'],
    [59.9, 'intermediate'],
    [60, 'advanced'],
    [79.9, 'advanced'],
    [80, 'optimised'],
    [100, 'optimised'],
  ])('index %d → %s', (index, id) => {
    expect(levelFor(index)?.id).toBe(id);
  });
});

describe('legal cap on the level', () => {
  const steps = TEN.map((id) => makeCheck(id, 'pass', { point: id as never }));

  it('a failed legal obligation holds the level at 3 of 5 and names the failed points and the uncapped level', () => {
    const result = scoreChecks([...steps, makeCheck('security', 'fail', { point: 'security' }), makeCheck('privacy', 'fail', { point: 'privacy' }), makeCheck('accessibility', 'pass', { point: 'accessibility' })]);
    expect(result.maturity.index).toBe(100);
    expect(result.maturity.level?.id).toBe('intermediate');
    expect(result.maturity.cap).toEqual({
      uncapped: { id: 'optimised', name: { it: 'Ottimale', en: 'Optimised' } },
      points: ['security', 'privacy'],
      reason: LEGAL_CAP.reason,
    });
  });

  it('does not cap for a partial, unknown or error obligation, nor a governance row that is no obligation', () => {
    for (const status of ['partial', 'unknown', 'error'] as const) {
      const result = scoreChecks([...steps, makeCheck('accessibility', status, { point: 'accessibility' }), makeCheck('analytics', 'fail', { point: 'analytics' })]);
      expect(result.maturity).toEqual({ index: 100, level: levelFor(100) });
    }
  });

  it('records no cap when the index is already at or below the capped level', () => {
    const low = [...TEN.map((id, i) => makeCheck(id, i < 5 ? 'pass' : 'fail', { point: id as never })), makeCheck('security', 'fail', { point: 'security' })];
    const result = scoreChecks(low);
    expect(result.maturity.index).toBeLessThan(60);
    expect(result.maturity.cap).toBeUndefined();
  });
});
