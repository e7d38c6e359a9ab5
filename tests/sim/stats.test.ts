import { describe, expect, it } from 'vitest';
import { mean as ssMean, quantile as ssQuantile, sampleStandardDeviation } from 'simple-statistics';
import { band, bandSteps, drain, meanCi90, round6, stat, tQuantile95 } from '../../src/sim/results/stats';

/**
 * The statistics every result is made of, checked against hand-computed values on small arrays (and against
 * simple-statistics' own unsorted `quantile`, which sorts a copy itself). Percentiles are R/numpy type 7:
 * index (n − 1)·p into the sorted values, interpolated linearly.
 */
describe('stat: mean, sample sd and percentiles of one figure', () => {
  // Sorted: 2 4 4 4 5 5 7 9 — mean 5, Σ(x − 5)² = 32.
  const xs = [9, 4, 2, 5, 4, 7, 4, 5];

  it('the sd is the sample sd (n − 1), not the population sd (n)', () => {
    const s = stat(xs)!;
    expect(s.mean).toBe(5);
    // √(32 / 7) = 2.13809…; the population sd would be √(32 / 8) = 2.
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 5);
    expect(s.sd).not.toBeCloseTo(2, 3);
  });

  it('p05, p50 and p95 interpolate linearly between sorted values (type 7)', () => {
    const s = stat(xs)!;
    // n = 8: p05 at index 0.35 → 2 + 0.35·(4 − 2) = 2.7; p50 at 3.5 → 4.5; p95 at 6.65 → 7 + 0.65·(9 − 7) = 8.3.
    expect(s.p05).toBeCloseTo(2.7, 10);
    expect(s.p50).toBeCloseTo(4.5, 10);
    expect(s.p95).toBeCloseTo(8.3, 10);
    // p90 would be at 6.3 → 7.6: the 95th percentile is not the 90th.
    expect(s.p95).not.toBeCloseTo(7.6, 3);
  });

  it('agrees with simple-statistics on unsorted data of odd length', () => {
    const ys = [13, 0.5, 8, 21, 3, 3, 34, 1, 2, 5, 55];
    const s = stat(ys)!;
    expect(s.mean).toBeCloseTo(ssMean(ys), 4);
    expect(s.sd).toBeCloseTo(sampleStandardDeviation(ys), 4);
    expect(s.p05).toBeCloseTo(ssQuantile(ys, 0.05), 4);
    expect(s.p50).toBeCloseTo(ssQuantile(ys, 0.5), 4);
    expect(s.p95).toBeCloseTo(ssQuantile(ys, 0.95), 4);
    // n = 11: p95 at index 9.5 → 34 + 0.5·(55 − 34) = 44.5.
    expect(s.p95).toBeCloseTo(44.5, 10);
  });

  it('leaves non-finite values out, gives sd 0 for one value and null for none', () => {
    const s = stat([NaN, 3, Infinity, 1])!;
    expect(s.mean).toBe(2);
    expect(s.sd).toBeCloseTo(Math.SQRT2, 5);
    expect(stat([7])).toEqual({ mean: 7, sd: 0, p05: 7, p50: 7, p95: 7 });
    expect(stat([NaN, NaN])).toBeNull();
  });
});

describe('band: percentiles across runs at each time step', () => {
  // 5 runs × 3 steps, run-major. At each step the runs are deliberately not in order.
  const runs = 5;
  const steps = 3;
  const byStep = [
    [5, 1, 4, 2, 3],
    [10, 30, 20, 50, 40],
    [-1, -5, -3, -2, -4],
  ];
  const data = new Float64Array(runs * steps);
  for (let r = 0; r < runs; r++) for (let t = 0; t < steps; t++) data[r * steps + t] = byStep[t]![r]!;

  it('sorts each step’s values before taking percentiles', () => {
    const b = band(data, runs, steps);
    // n = 5: p05 at index 0.2, p50 at 2, p95 at 3.8 of the sorted values.
    expect(b.mean).toEqual([3, 30, -3]);
    expect(b.p05[0]).toBeCloseTo(1.2, 10);
    expect(b.p50[0]).toBe(3);
    expect(b.p95[0]).toBeCloseTo(4.8, 10);
    expect(b.p05[1]).toBeCloseTo(12, 10);
    expect(b.p95[1]).toBeCloseTo(48, 10);
    expect(b.p05[2]).toBeCloseTo(-4.8, 10);
    expect(b.p50[2]).toBe(-3);
    expect(b.p95[2]).toBeCloseTo(-1.2, 10);
  });

  it('applies the multiplier to every statistic', () => {
    const b = band(data, runs, steps, 10);
    expect(b.mean[0]).toBe(30);
    expect(b.p05[0]).toBeCloseTo(12, 10);
    expect(b.p95[0]).toBeCloseTo(48, 10);
  });

  it('in pieces (bandSteps) gives the same band as in one go, and agrees with simple-statistics', () => {
    const whole = band(data, runs, steps);
    const pieces = drain(bandSteps(data, runs, steps, 1, 1));
    expect(pieces).toEqual(whole);
    for (let t = 0; t < steps; t++) {
      expect(pieces.p05[t]).toBeCloseTo(ssQuantile(byStep[t]!, 0.05), 6);
      expect(pieces.p50[t]).toBeCloseTo(ssQuantile(byStep[t]!, 0.5), 6);
      expect(pieces.p95[t]).toBeCloseTo(ssQuantile(byStep[t]!, 0.95), 6);
    }
  });

  it('bandSteps pauses every `chunk` steps', () => {
    const g = bandSteps(data, runs, steps, 1, 1);
    let pauses = 0;
    for (let r = g.next(); !r.done; r = g.next()) pauses++;
    expect(pauses).toBe(steps - 1);
  });

  it('bandSteps with chunk 2 pauses before steps 2 and 4 only, and never with an infinite chunk', () => {
    const long = new Float64Array(2 * 5).map((_, k) => k);
    const count = (chunk: number) => {
      const g = bandSteps(long, 2, 5, 1, chunk);
      let pauses = 0;
      for (let r = g.next(); !r.done; r = g.next()) pauses++;
      return pauses;
    };
    expect(count(2)).toBe(2);
    expect(count(Infinity)).toBe(0);
  });
});

describe('round6: six significant digits', () => {
  it('rounds to 6 significant digits at any magnitude and keeps 0, NaN and ±Infinity', () => {
    expect(round6(123456.7)).toBe(123457);
    expect(round6(0.000123456789)).toBe(0.000123457);
    expect(round6(-2.5e-9 / 3)).toBe(-8.33333e-10);
    expect(round6(0)).toBe(0);
    expect(round6(NaN)).toBeNaN();
    expect(round6(Infinity)).toBe(Infinity);
    expect(round6(-Infinity)).toBe(-Infinity);
  });
});

describe('the 90 % interval of a mean: Student’s t', () => {
  it('t(0.95; df) as printed in statistics tables, tending to the normal 1.645', () => {
    // Textbook values (e.g. NIST/SEMATECH e-Handbook, table of upper critical values of the t distribution).
    const table: Array<[number, number]> = [[1, 6.314], [2, 2.92], [3, 2.353], [4, 2.132], [9, 1.833], [19, 1.729], [29, 1.699], [30, 1.697], [40, 1.684], [60, 1.671], [100, 1.66], [120, 1.658]];
    for (const [df, t] of table) expect(Math.abs(tQuantile95(df) - t), `df ${df}`).toBeLessThan(0.0015);
    expect(tQuantile95(1e6)).toBeCloseTo(1.6449, 3);
    expect(tQuantile95(0)).toBeNaN();
  });
  it('mean ± t · sd / √n by hand; none from one value', () => {
    // n = 4, sd 2: ± 2.353 × 2 ÷ 2 = ± 2.353.
    expect(meanCi90(10, 2, 4)).toEqual([7.647, 12.353]);
    expect(meanCi90(10, 2, 1)).toBeNull();
  });
});

describe('tQuantile95: Student’s t(0.95; df) for 90 % intervals of a mean', () => {
  it('the textbook table to 30 df (3 decimals), whole degrees of freedom; nothing below 1', () => {
    expect(tQuantile95(1)).toBe(6.314);
    expect(tQuantile95(3)).toBe(2.353);
    expect(tQuantile95(3.7)).toBe(2.353);
    expect(tQuantile95(30)).toBe(1.697);
    expect(tQuantile95(0.5)).toBeNaN();
  });

  it('above 30 df within 10⁻⁴ of the exact quantile (scipy.stats.t.ppf(0.95, df))', () => {
    const exact: Record<number, number> = { 31: 1.6955188, 40: 1.683851, 100: 1.6602343, 1000: 1.6463788 };
    for (const [df, t] of Object.entries(exact)) expect(Math.abs(tQuantile95(Number(df)) - t), `df ${df}`).toBeLessThan(1e-4);
  });
});
