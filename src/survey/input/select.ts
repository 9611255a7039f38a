// Which rows of a list a survey takes: --region/--province, then --sample N --seed S, then --limit N; and which
// slice of them one machine takes (--shard i/N). All of it is deterministic and independent of the list's order
// where it can be: a sample or a shard is the same rows however the file is sorted.
import { createHash } from 'node:crypto';
import { compareCodeUnits } from '../../util/compare.js';
import type { ListFilters, SurveyTarget } from '../types.js';
import { resolvePlaces } from './istat.js';

/** 32 bits of SHA-256 of a text: a stable hash, the same on every machine and Node version. */
function hash32(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/**
 * mulberry32 (Tommy Ettinger's public-domain 32-bit generator): a seeded PRNG with a full 2^32 period, plenty for
 * shuffling a few thousand rows, and tiny enough to keep samples reproducible without a dependency.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random sample of `size` targets stratified by region: each region gets its share of `size` (largest remainders,
 * ties by region name), drawn by a seeded shuffle of its rows sorted by key. Same seed and rows → same sample,
 * whatever the file's order. Rows without a region form a stratum of their own. The sample keeps the file's order.
 */
export function sampleByRegion(targets: SurveyTarget[], size: number, seed: number): SurveyTarget[] {
  if (size >= targets.length) return targets;
  const strata = new Map<string, SurveyTarget[]>();
  for (const target of targets) {
    const region = target.region ?? '';
    strata.set(region, [...(strata.get(region) ?? []), target]);
  }
  const shares = [...strata.keys()].sort(compareCodeUnits).map((region) => {
    const exact = (size * strata.get(region)!.length) / targets.length;
    return { region, count: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = size - shares.reduce((sum, share) => sum + share.count, 0);
  for (const share of [...shares].sort((a, b) => b.remainder - a.remainder || compareCodeUnits(a.region, b.region))) {
    if (left-- <= 0) break;
    share.count += 1;
  }
  const chosen = new Set<SurveyTarget>();
  for (const { region, count } of shares) {
    const rows = [...strata.get(region)!].sort((a, b) => compareCodeUnits(a.key, b.key));
    const random = mulberry32(hash32(`${seed}:${region}`));
    // Partial Fisher–Yates: the first `count` places get a uniform random choice of rows.
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(random() * (rows.length - i));
      [rows[i], rows[j]] = [rows[j], rows[i]];
      chosen.add(rows[i]);
    }
  }
  return targets.filter((target) => chosen.has(target));
}

/** --region, --province, --sample/--seed and --limit, in this order. */
export function applyFilters(targets: SurveyTarget[], filters: ListFilters): SurveyTarget[] {
  let selected = targets;
  if (filters.region) {
    const regions = resolvePlaces('region', filters.region);
    selected = selected.filter((target) => target.region !== null && regions.has(target.region));
  }
  if (filters.province) {
    const provinces = resolvePlaces('province', filters.province);
    selected = selected.filter((target) => target.province !== null && provinces.has(target.province));
  }
  if (filters.sample !== undefined) selected = sampleByRegion(selected, filters.sample, filters.seed ?? 0);
  if (filters.limit !== undefined) selected = selected.slice(0, filters.limit);
  return selected;
}

/**
 * Shard `index` of `count` (0 ≤ index < count): the targets whose key hashes to it. A row's shard depends on its key
 * alone, so reordering the list moves no row to another shard, and the shards of one list cover it exactly once.
 */
export function selectShard(targets: SurveyTarget[], index: number, count: number): SurveyTarget[] {
  if (!Number.isInteger(index) || !Number.isInteger(count) || count < 1 || index < 0 || index >= count) {
    throw new RangeError(`shard ${index}/${count}: need 0 ≤ i < N`);
  }
  return targets.filter((target) => hash32(target.key) % count === index);
}
