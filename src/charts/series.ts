import type { Band } from '../sim';

/**
 * Series derived from a result for the charts. Pure functions of plain arrays, so they are unit-tested without a
 * browser and reused by the dashboard and the comparison.
 */

/** Growth since the start, (x_t − x_0) / x_0, for a band whose first value is the same in every run (assets at day 0). */
export function growthBand(b: Band): Band {
  const x0 = b.mean[0] ?? 0;
  const f = (v: number) => (x0 > 0 ? v / x0 - 1 : NaN);
  return { mean: b.mean.map(f), p05: b.p05.map(f), p50: b.p50.map(f), p95: b.p95.map(f) };
}

/** Growth since the start of a plain series. */
export function growthSeries(values: ArrayLike<number>): number[] {
  const x0 = values[0] ?? 0;
  return Array.from(values, (v) => (x0 > 0 ? v / x0 - 1 : NaN));
}

/**
 * Share of each tier R1..R5 in the assets, per step, from the tiers' mean counts (`tiers[t]` = the series of tier t,
 * R0 first). Steps with no assets give NaN.
 */
export function tierShares(tiers: ReadonlyArray<ArrayLike<number>>): number[][] {
  const steps = tiers[0]?.length ?? 0;
  const out = tiers.slice(1).map(() => new Array<number>(steps));
  for (let d = 0; d < steps; d++) {
    let assets = 0;
    for (let t = 1; t < tiers.length; t++) assets += tiers[t]![d]!;
    for (let t = 1; t < tiers.length; t++) out[t - 1]![d] = assets > 0 ? tiers[t]![d]! / assets : NaN;
  }
  return out;
}

/** Running sum. */
export function cumulative(values: ArrayLike<number>): number[] {
  const out = new Array<number>(values.length);
  let acc = 0;
  for (let i = 0; i < values.length; i++) {
    acc += values[i]!;
    out[i] = acc;
  }
  return out;
}



