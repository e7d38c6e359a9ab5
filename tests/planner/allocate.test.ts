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

  it('feasible() clips into the bounds and scales down to the budget; distinctBest keeps points apart', () => {
    expect(feasible([5, 5], [1, 1], [4, 10], 6)).toEqual([1 + 3 * (4 / 7), 1 + 4 * (4 / 7)]);
    expect(() => feasible([1, 1], [4, 4], [9, 9], 7)).toThrow(/lower bounds add up to 8/);
    const v = [
      { x: [0, 10], value: 1 },
      { x: [0.1, 9.9], value: 3 },
      { x: [5, 5], value: 2 },
    ];
    expect(distinctBest(v, 2, 1).map((p) => p.value)).toEqual([3, 2]);
  });
});
