import { describe, expect, it } from 'vitest';
import { mean as ssMean, quantile as ssQuantile, sampleStandardDeviation } from 'simple-statistics';
import { COMPARED_SERIES, compareSteps, compareSummaries, pairFigures } from '../../src/sim/results/compare';
import { compileScenario } from '../../src/scenario/compile';
import { doNothing } from '../../src/scenario/variants';
import { runAll, scenario } from '../helpers';
import type { Summary } from '../../src/sim/results/summary';

const f64 = (xs: number[]) => Float64Array.from(xs);

/** Equal up to the 6 significant digits results are rounded to. */
function expectNear(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected)));
}

describe('pairFigures: B − A run by run', () => {
  it('P(B > A) counts a win as 1, a tie as ½ and a loss as 0 (as documented), over the runs with a value', () => {
    // Differences B − A: +1, 0, −2, +1, 0, and one run without a value (NaN) that is left out.
    const p = pairFigures(f64([1, 2, 3, 4, 5, NaN]), f64([2, 2, 1, 5, 5, 7]));
    // (1 + ½ + 0 + 1 + ½) / 5 = 0.6; counting ties as 0 would give 0.4, as 1 would give 0.8.
    expect(p.pBgtA).toBeCloseTo(0.6, 10);
    expect(pairFigures(f64([3, 3]), f64([3, 3])).pBgtA).toBe(0.5);
    expect(pairFigures(f64([1, 1]), f64([0, 2])).pBgtA).toBe(0.5);
    expect(pairFigures(f64([NaN]), f64([1])).pBgtA).toBeNull();
  });

  it('the 90 % interval of the mean difference is mean ± t·sd/√n, Student’s t with n − 1 degrees of freedom', () => {
    // Differences 1…9: mean 5, Σ(d − 5)² = 60, sample sd √(60/8), n = 9, √n = 3; t(0.95; 8) = 1.860 (table).
    const a = f64([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const b = f64([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const p = pairFigures(a, b);
    const half = (1.86 * Math.sqrt(60 / 8)) / 3; // 1.69800…
    expect(half).toBeCloseTo(1.698, 3);
    expect(p.ci90![0]).toBeCloseTo(5 - half, 4);
    expect(p.ci90![1]).toBeCloseTo(5 + half, 4);
    // Without /√n the interval would be 3× as wide: 5 ± 5.09; with the normal 1.645, 5 ± 1.50.
    expect(p.ci90![1] - p.ci90![0]).toBeLessThan(3.41);
    expect(p.ci90![1] - p.ci90![0]).toBeGreaterThan(3.39);
    expect(pairFigures(f64([1]), f64([2])).ci90).toBeNull();
  });

  it('pairs run i of A with run i of B (not sorted or shifted values)', () => {
    // A grows run by run; B = A + (1, 2, 1, 2): the paired differences are tiny, the unpaired ones are not.
    const a = f64([40, 10, 30, 20]);
    const b = f64([41, 12, 31, 22]);
    const p = pairFigures(a, b);
    expect(p.diff!.mean).toBe(1.5);
    expect(p.diff!.sd).toBeCloseTo(Math.sqrt(1 / 3), 5);
    expect(p.diff!.p05).toBeCloseTo(1, 10);
    expect(p.diff!.p95).toBeCloseTo(2, 10);
    expect(p.pBgtA).toBe(1);
    const half = (2.353 * Math.sqrt(1 / 3)) / 2; // t(0.95; 3) = 2.353
    expect(p.ci90![0]).toBeCloseTo(1.5 - half, 4);
    expect(p.ci90![1]).toBeCloseTo(1.5 + half, 4);
    // Each side's own summary is unchanged by the pairing.
    expect(p.a!.mean).toBe(25);
    expect(p.b!.mean).toBe(26.5);
  });
});

describe('compareSummaries: paired runs of two scenarios on the same seeds', () => {
  const plan = scenario({
    id: 'plan',
    runs: 7,
    days: 30,
    population: { agents: 2000, scale: 5, heterogeneity: true },
    tactics: [{ id: 'ads', type: 'ads', schedule: { weekly: ['sat', 'sun'] }, dailySpend: 5000 }],
  });
  // Each test runs both scenarios and compares them itself, so that the comparison runs under StrykerJS's active
  // mutant (docs/testing.md § Mutation testing): work done here, in the describe body, happens before it is switched on.
  const compared = () => {
    const sa = runAll(compileScenario(doNothing(plan)));
    const sb = runAll(compileScenario(plan));
    return { sa, sb, cmp: compareSummaries(sa, sb, { reference: 'base', alternative: 'plan' }) };
  };

  it('every figure’s difference is the statistics of B − A computed run by run', () => {
    const { sa, sb, cmp } = compared();
    for (const key of ['S.assetsEnd', 'T.count.R3', 'R.gmv', 'R.orders']) {
      const a = Array.from(sa.figure(key));
      const b = Array.from(sb.figure(key));
      const d = b.map((x, r) => x - a[r]!);
      // Pairing matters here: the runs differ from each other, so shuffling one side would change the differences.
      expect(new Set(a).size).toBeGreaterThan(1);
      const f = cmp.figures[key]!;
      expectNear(f.diff!.mean, ssMean(d));
      expectNear(f.diff!.sd, sampleStandardDeviation(d));
      expectNear(f.diff!.p05, ssQuantile(d, 0.05));
      expectNear(f.diff!.p95, ssQuantile(d, 0.95));
      const wins = d.reduce((s, x) => s + (x > 0 ? 1 : x === 0 ? 0.5 : 0), 0);
      expect(f.pBgtA).toBeCloseTo(wins / d.length, 5);
    }
  });

  it('the paired series are B − A per run and day', () => {
    const { sa, sb, cmp } = compared();
    for (const name of ['assets', 'R3', 'cumulativeGmv'] as const) {
      const a = sa.series(name);
      const b = sb.series(name);
      const runs = 7;
      for (const day of [1, 10, a.steps - 1]) {
        const d = Array.from({ length: runs }, (_, r) => b.data[r * a.steps + day]! - a.data[r * a.steps + day]!);
        const band = cmp.series[name]!;
        expectNear(band.mean[day]!, ssMean(d));
        expectNear(band.p05[day]!, ssQuantile(d, 0.05));
        expectNear(band.p95[day]!, ssQuantile(d, 0.95));
        if (day === a.steps - 1) expect(new Set(d).size, `${name}: runs differ`).toBeGreaterThan(1);
      }
    }
  });

  it('refuses to pair different numbers of runs', () => {
    const sa = runAll(compileScenario(plan));
    const fewer = runAll(compileScenario({ ...plan, runs: 3 }));
    expect(() => compareSummaries(sa, fewer, { reference: 'a', alternative: 'b' })).toThrow(/cannot pair 7 runs with 3 runs/);
  });
});

describe('compareSteps: the comparison in pieces, for the UI thread', () => {
  // A stand-in summary with what compareSteps reads: 10 000 runs of 5 figures and 5-step series. Pieces hold about
  // 20 000 values: every floor(20 000 / 10 000) = 2 figures, and every 2 steps of a series.
  const runs = 10_000;
  const fake = (keys: string[], offset: number) =>
    ({
      added: runs,
      keys,
      figure: (key: string) => new Float64Array(runs).fill(keys.indexOf(key) + offset),
      series: () => ({ data: new Float64Array(runs * 5).fill(2 + 3 * offset), steps: 5 }),
    }) as unknown as Summary;
  const keys = ['k0', 'k1', 'k2', 'k3', 'k4'];

  it('pauses after every 2nd figure and every 2nd step of each series, and gives what compareSummaries gives', () => {
    const g = compareSteps(fake(keys, 0), fake(keys, 1), { reference: 'a', alternative: 'b' });
    let pauses = 0;
    let r = g.next();
    for (; !r.done; r = g.next()) pauses++;
    // Figures: pauses after the 2nd and 4th of 5. Series: before steps 2 and 4 of each of the 6 series.
    expect(COMPARED_SERIES).toHaveLength(6);
    expect(pauses).toBe(2 + 6 * 2);
    expect(Object.keys(r.value.figures)).toEqual(keys);
    expect(r.value.figures.k3!.diff!.mean).toBe(1);
    // Series B − A: 5 − 2 = 3 at every step, in every run.
    expect(r.value.series.assets!.mean).toEqual([3, 3, 3, 3, 3]);
    expect(r.value.series.cumulativeCost!.p95).toEqual([3, 3, 3, 3, 3]);
    expect(r.value.format).toBe('star-sandbox-comparison');
    expect([r.value.reference, r.value.alternative, r.value.runs]).toEqual(['a', 'b', runs]);
    expect(r.value).toEqual(compareSummaries(fake(keys, 0), fake(keys, 1), { reference: 'a', alternative: 'b' }));
  });

  it('a figure only one side has is compared once, with no values on the other side', () => {
    const cmp = compareSummaries(fake(['k0', 'k1'], 0), fake(['k1', 'k2'], 1), { reference: 'a', alternative: 'b' });
    expect(Object.keys(cmp.figures)).toEqual(['k0', 'k1', 'k2']);
    expect(cmp.figures.k2!.a).toBeNull();
    expect(cmp.figures.k0!.b).toBeNull();
    expect(cmp.figures.k1!.diff!.mean).toBe(0);
  });
});
