import { describe, expect, it } from 'vitest';
import { allocate, distinctBest, feasible } from '../../src/planner/allocate';

/** Hill curve with shape 1: a · b / (b + ec), diminishing returns from the first yuan. */
const hill = (a: number, ec: number) => (b: number) => (a * b) / (b + ec);

describe('allocate: marginal exchange under a budget', () => {
  it('finds the closed-form optimum of two independent Hill curves (equal marginal returns) within 2 %', () => {
    // f = a1·b1/(b1+ec1) + a2·b2/(b2+ec2), b1 + b2 = B. Equal marginal returns a·ec/(b+ec)² give
    // (b_i + ec_i) = λ·√(a_i·ec_i) with λ = (B + ec1 + ec2) / (√(a1·ec1) + √(a2·ec2)).
    for (const [a1, ec1, a2, ec2, B] of [
      [3, 2, 1, 1, 10],
      [1, 5, 4, 20, 100],
      [2, 1000, 1, 300, 5000],
    ] as const) {
      const lambda = (B + ec1 + ec2) / (Math.sqrt(a1 * ec1) + Math.sqrt(a2 * ec2));
      const want = [lambda * Math.sqrt(a1 * ec1) - ec1, lambda * Math.sqrt(a2 * ec2) - ec2];
      const f1 = hill(a1, ec1);
      const f2 = hill(a2, ec2);
      const r = allocate({ budget: B, lo: [0, 0], hi: [B, B], f: (x) => f1(x[0]!) + f2(x[1]!) });
      expect(r.x[0]! / want[0]!).toBeGreaterThan(0.98);
      expect(r.x[0]! / want[0]!).toBeLessThan(1.02);
      expect(r.x[1]! / want[1]!).toBeGreaterThan(0.98);
      expect(r.x[1]! / want[1]!).toBeLessThan(1.02);
      // All of the budget is spent: both curves still rise.
      expect(r.x[0]! + r.x[1]!).toBeCloseTo(B, 6);
    }
  });

  it('respects the bounds and leaves money unspent when one more yuan only loses', () => {
    const f1 = hill(3, 2);
    // Tactic 1 capped at 4 (below its unconstrained optimum of 7.2 for B = 10), so the rest goes to tactic 2.
    const capped = allocate({ budget: 10, lo: [0, 0], hi: [4, 10], f: (x) => f1(x[0]!) + hill(1, 1)(x[1]!) });
    expect(capped.x[0]).toBeCloseTo(4, 6);
    expect(capped.x[1]).toBeCloseTo(6, 6);
    // Tactic 2 loses 0.05 per yuan: its lower bound of 1 is all it gets; tactic 1's curve flattens below 0.01 per yuan
    // past b = √(3·2/0.01) − 2 ≈ 22.5, but the budget of 10 stops it first.
    const losing = allocate({ budget: 10, lo: [0, 1], hi: [10, 10], f: (x) => f1(x[0]!) - 0.05 * x[1]! });
    expect(losing.x[1]).toBeCloseTo(1, 6);
    expect(losing.x[0]).toBeCloseTo(9, 6);
    // With a cost of 0.1 per yuan on tactic 1 itself, the best spend is where 3·2/(b+2)² = 0.1: b = √60 − 2 ≈ 5.746.
    const net = allocate({ budget: 10, lo: [0], hi: [10], f: (x) => f1(x[0]!) - 0.1 * x[0]! });
    expect(net.x[0]! / (Math.sqrt(60) - 2)).toBeCloseTo(1, 2);
  });

  it('returns the best affordable point it met, keeps only affordable points, and stops early (mutation survivors)', () => {
    const f1 = hill(3, 2);
    const f2 = hill(1, 1);
    const f = (x: number[]) => f1(x[0]!) + f2(x[1]!);
    const r = allocate({ budget: 10, lo: [0, 0], hi: [10, 10], f });
    // Probes of "δ more" overshoot the budget; none of them may be a candidate.
    expect(r.visited.length).toBeGreaterThan(5);
    for (const v of r.visited) expect(v.x[0]! + v.x[1]!).toBeLessThanOrEqual(10 * (1 + 1e-9));
    // The answer is the best point visited (a search that took worse moves would end elsewhere), and its value is f there.
    expect(r.value).toBe(Math.max(...r.visited.map((v) => v.value)));
    expect(r.value).toBe(f(r.x));
    // Halving δ from a quarter of the budget down to 0.1 % takes a few dozen evaluations on this case, not hundreds.
    expect(r.evaluations).toBeLessThan(100);
    const capped = allocate({ budget: 10, lo: [0, 0], hi: [10, 10], f, maxEvaluations: 20 });
    expect(capped.evaluations).toBeLessThanOrEqual(20 + 8);
    // Without any slack or a better pair, the start is kept: one tactic, its upper bound at the budget.
    const one = allocate({ budget: 4, lo: [0], hi: [4], f: (x) => f1(x[0]!) });
    expect(one.x[0]).toBeCloseTo(4, 9);
  });

  it('feasible() clips into the bounds and scales down to the budget; distinctBest keeps points apart', () => {
    expect(feasible([5, 5], [1, 1], [4, 10], 6)).toEqual([1 + 3 * (4 / 7), 1 + 4 * (4 / 7)]);
    expect(() => feasible([1, 1], [4, 4], [9, 9], 7)).toThrow(/lower bounds add up to 8/);
    const v = [
      { x: [0, 10], value: 1 },
      { x: [0.25, 9.75], value: 3 },
      { x: [5, 5], value: 2 },
    ];
    expect(distinctBest(v, 2, 1).map((p) => p.value)).toEqual([3, 2]);
    // At most k; a point exactly minDistance away is distinct; the input keeps its order.
    expect(distinctBest(v, 1, 1).map((p) => p.value)).toEqual([3]);
    expect(distinctBest(v, 3, 0.5).map((p) => p.value)).toEqual([3, 2, 1]);
    expect(distinctBest(v, 3, 0.5000001).map((p) => p.value)).toEqual([3, 2]);
    expect(v.map((p) => p.value)).toEqual([1, 3, 2]);
    // Lower bounds that use the whole budget exactly are feasible; a start already within budget is only clipped.
    expect(feasible([9, 9], [3, 4], [9, 9], 7)).toEqual([3, 4]);
    expect(feasible([2, 3], [1, 1], [9, 9], 5)).toEqual([2, 3]);
  });
});
