import { describe, expect, it } from 'vitest';
import { formatGoldenChange, goldenDiff, goldenSummary } from '../../src/scenario/golden';
import type { SimulationResult } from '../../src/sim/results/result';

describe('golden summaries show what changed', () => {
  const before = { R: { gmv: { mean: 100, p05: 90, p95: 110 }, roi: { mean: 2, p05: 1.5, p95: 2.5 } }, tactics: { a: { orders: { mean: 5, p05: 4, p95: 6 } } } };

  it('names every figure that moved, by path, with before and after', () => {
    const after = structuredClone(before);
    after.R.gmv.p95 = 120;
    after.R.roi.mean = 1.5;
    expect(goldenDiff(before, after)).toEqual([
      { path: 'R.gmv.p95', before: 110, after: 120 },
      { path: 'R.roi.mean', before: 2, after: 1.5 },
    ]);
  });

  it('reports figures that appear or disappear', () => {
    const after = { R: before.R, tactics: { b: { orders: { mean: 5, p05: 4, p95: 6 } } } };
    const paths = goldenDiff(before, after).map((c) => `${c.path}:${c.before ?? '-'}>${c.after ?? '-'}`);
    expect(paths).toEqual(['tactics.a.orders.mean:5>-', 'tactics.a.orders.p05:4>-', 'tactics.a.orders.p95:6>-', 'tactics.b.orders.mean:->5', 'tactics.b.orders.p05:->4', 'tactics.b.orders.p95:->6']);
  });

  it('is empty for equal summaries, and null ≠ 0', () => {
    expect(goldenDiff(before, structuredClone(before))).toEqual([]);
    expect(goldenDiff({ x: null }, { x: 0 })).toEqual([{ path: 'x', before: null, after: 0 }]);
  });

  it('prints a change with its relative size and sign', () => {
    expect(formatGoldenChange({ path: 'R.gmv.mean', before: 200, after: 150 })).toBe('R.gmv.mean: 200 → 150 (-25.00 %)');
    expect(formatGoldenChange({ path: 'R.gmv.mean', before: 200, after: 201 })).toBe('R.gmv.mean: 200 → 201 (+0.50 %)');
    expect(formatGoldenChange({ path: 'x', before: undefined, after: 3 })).toBe('x: (absent) → 3');
  });

  it('lists changes in path order whatever order the summaries hold them in', () => {
    expect(goldenDiff({ b: 1, a: 1 }, { b: 2, a: 2 }).map((c) => c.path)).toEqual(['a', 'b']);
  });

  it('gives no relative change from zero or for values that are not numbers; no change reads +0.00 %', () => {
    expect(formatGoldenChange({ path: 'x', before: 0, after: 5 })).toBe('x: 0 → 5');
    expect(formatGoldenChange({ path: 'x', before: null, after: 5 })).toBe('x: null → 5');
    expect(formatGoldenChange({ path: 'x', before: 'a', after: 'b' })).toBe('x: "a" → "b"');
    expect(formatGoldenChange({ path: 'x', before: 5, after: 'b' })).toBe('x: 5 → "b"');
    expect(formatGoldenChange({ path: 'x', before: 'a', after: 5 })).toBe('x: "a" → 5');
    expect(formatGoldenChange({ path: 'x', before: -4, after: -4 })).toBe('x: -4 → -4 (+0.00 %)');
    expect(formatGoldenChange({ path: 'x', before: -4, after: -2 })).toBe('x: -4 → -2 (+50.00 %)');
  });
});


describe('goldenSummary: the headline figures, 4 significant digits', () => {
  const st = (mean: number, p05: number, p95: number) => ({ mean, sd: 1, p05, p50: mean, p95 });
  const result = {
    meta: { scenarioId: 'x', agents: 2000, runs: 3, days: 30, extra: 'left out' },
    star: {
      S: { assetsStart: st(123456.789, 0.000123456, NaN), assetsEnd: st(0, -98765.4321, Infinity), newAssets: null },
      T: { count: { R0: st(1.23456, 1, 2), R5: null } },
      A: { weekly: { 'R0>R1': st(0.0123456, 0.01, 0.02), 'R2>R1': st(9, 9, 9) } },
      R: { gmv: st(1e7 / 3, 1, 2), orders: st(5, 4, 6), cost: st(0, 0, 0), roi: null, repurchaseRate: st(0.5, 0.25, 0.75) },
    },
    byCause: { ads: { moves: st(10, 9, 11), orders: st(2, 1, 3), gmv: st(200, 100, 300), cost: st(1000, 1000, 1000), other: 1 } },
    tactics: { ads: { reach: st(777.777, 700, 800) } },
  } as unknown as SimulationResult;
  // Computed inside each test, not here: StrykerJS switches a mutant on when the tests start, after describe bodies ran.
  const summary = () => goldenSummary(result) as Record<string, Record<string, unknown>>;

  it('rounds to 4 significant digits at any magnitude, keeps 0, and gives null for what is missing or not finite', () => {
    const g = summary();
    expect(g.S!.assetsStart).toEqual({ mean: 123500, p05: 0.0001235, p95: null });
    expect(g.S!.assetsEnd).toEqual({ mean: 0, p05: -98770, p95: null });
    expect(g.S!.newAssets).toEqual({ mean: null, p05: null, p95: null });
    expect(g.R!.gmv).toEqual({ mean: 3333000, p05: 1, p95: 2 });
    expect(g.R!.roi).toEqual({ mean: null, p05: null, p95: null });
  });

  it('names the scenario and size, every tier count, the six main flows, each cause and each tactic measure', () => {
    const g = summary();
    expect(g.scenario).toBe('x');
    expect(g.size).toEqual({ agents: 2000, runs: 3, days: 30 });
    expect(g.T).toEqual({ R0: { mean: 1.235, p05: 1, p95: 2 }, R5: { mean: null, p05: null, p95: null } });
    expect(Object.keys(g.A!)).toEqual(['R0>R1', 'R1>R2', 'R2>R3', 'R3>R4', 'R4>R5', 'R5>R4']);
    expect(g.A!['R0>R1']).toEqual({ mean: 0.01235, p05: 0.01, p95: 0.02 });
    expect(g.A!['R1>R2']).toEqual({ mean: null, p05: null, p95: null });
    expect(Object.keys(g.R!)).toEqual(['gmv', 'orders', 'cost', 'roi', 'repurchaseRate']);
    expect(g.R!.repurchaseRate).toEqual({ mean: 0.5, p05: 0.25, p95: 0.75 });
    expect(g.causes).toEqual({
      ads: { moves: { mean: 10, p05: 9, p95: 11 }, orders: { mean: 2, p05: 1, p95: 3 }, gmv: { mean: 200, p05: 100, p95: 300 }, cost: { mean: 1000, p05: 1000, p95: 1000 } },
    });
    expect(g.tactics).toEqual({ ads: { reach: { mean: 777.8, p05: 700, p95: 800 } } });
  });
});
