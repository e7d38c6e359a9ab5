import { describe, expect, it } from 'vitest';
import { Adstock, bassContinuous, bassDiscrete, bassDiscreteTextbook, curveMarks, halfLifeToTheta, hill, hillInverse, withinHeadroom } from '../../src/sim/response';
import { bgnbdExpectedRepeats, bgnbdProbabilityAlive, hyp2f1 } from '../../src/sim/projection/bgnbd';

describe('purchase headroom: stacked boosts add less and less', () => {
  it('hand-computed: 1 + x/(1 + x/h) for a lift x = m − 1', () => {
    expect(withinHeadroom(1.3, 1)).toBeCloseTo(1 + 0.3 / 1.3, 15); // 1.2307…
    expect(withinHeadroom(3, 1)).toBeCloseTo(1 + 2 / 3, 15); // 1.6667
    expect(withinHeadroom(2, 0.5)).toBeCloseTo(1 + 1 / 3, 15); // x = 1, h = 0.5: 1/(1 + 2)
  });
  it('no boost, or a cut (m ≤ 1), passes unchanged', () => {
    expect(withinHeadroom(1, 1)).toBe(1);
    expect(withinHeadroom(0.7, 1)).toBe(0.7);
  });
  it('never reaches 1 + h, is increasing, and a small lift passes almost whole', () => {
    let last = 1;
    for (const m of [1.01, 1.1, 1.5, 2, 5, 50, 1e6]) {
      const y = withinHeadroom(m, 1);
      expect(y).toBeGreaterThan(last);
      expect(y).toBeLessThan(2);
      expect(y).toBeLessThanOrEqual(m);
      last = y;
    }
    expect(withinHeadroom(1.01, 1)).toBeGreaterThan(1.0099);
  });
});

describe('response building blocks', () => {
  it('a half-life halves a single pulse after h days', () => {
    const a = new Adstock(7);
    const first = a.step(1);
    let x = first;
    for (let d = 0; d < 7; d++) x = a.step(0);
    expect(x / first).toBeCloseTo(0.5, 12);
    expect(halfLifeToTheta(0)).toBe(0);
  });

  it('normalised adstock maps a steady effort to its own level', () => {
    const a = new Adstock(5);
    let x = 0;
    for (let d = 0; d < 500; d++) x = a.step(42);
    expect(x).toBeCloseTo(42, 9);
  });

  it('Hill is 0.5 at ec, increasing, bounded, and inverted by hillInverse', () => {
    expect(hill(3, 3, 1.7)).toBeCloseTo(0.5, 12);
    expect(hill(0, 3, 1.7)).toBe(0);
    expect(hill(1e9, 3, 1.7)).toBeLessThanOrEqual(1);
    for (const y of [0.1, 0.25, 0.5, 0.9]) expect(hill(hillInverse(y, 3, 1.7), 3, 1.7)).toBeCloseTo(y, 12);
    // Diminishing returns for s ≤ 1: each extra unit adds less.
    expect(hill(2, 3, 1) - hill(1, 3, 1)).toBeGreaterThan(hill(3, 3, 1) - hill(2, 3, 1));
  });

  it('curve marks are ordered maintain < grow < flatten', () => {
    const m = curveMarks(1000, 1.2);
    expect(m.maintain).toBeLessThan(m.grow);
    expect(m.grow).toBeLessThan(m.flatten);
    expect(hill(m.flatten, 1000, 1.2)).toBeCloseTo(0.9, 12);
  });

  it('discrete Bass with small daily steps approaches the continuous solution', () => {
    const p = 0.001;
    const q = 0.05;
    const f = bassDiscreteTextbook(p, q, 400);
    expect(Math.abs(f[400]! - bassContinuous(p, q, 400))).toBeLessThan(0.02);
  });

  it('hypergeometric series matches known values', () => {
    // 2F1(1, 1; 2; z) = −ln(1 − z)/z
    expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(-Math.log(0.5) / 0.5, 12);
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
  });

  it('BG/NBD expectation starts at 0, grows, and is bounded by the expected number before dropout', () => {
    const p = { r: 0.5, alpha: 10, a: 1.5, b: 4 };
    expect(bgnbdExpectedRepeats(0, p)).toBe(0);
    expect(bgnbdExpectedRepeats(100, p)).toBeGreaterThan(bgnbdExpectedRepeats(10, p));
    expect(bgnbdExpectedRepeats(5000, p)).toBeLessThan((p.a + p.b - 1) / (p.a - 1));
    expect(bgnbdProbabilityAlive(0, 0, 100, p)).toBe(1);
    expect(bgnbdProbabilityAlive(3, 10, 100, p)).toBeLessThan(bgnbdProbabilityAlive(3, 95, 100, p));
  });
});

/**
 * Values worked by hand from the formulas (or, for ₂F₁ and the BG/NBD expectation, from its closed special cases and
 * from mpmath at 30 digits), at points chosen so that each term of the formula matters.
 */
describe('response curves at hand-computed points', () => {
  it('θ = 0.5^(1/h): ½ for a one-day half-life, √½ for two days, 0 without a half-life', () => {
    expect(halfLifeToTheta(1)).toBe(0.5);
    expect(halfLifeToTheta(2)).toBeCloseTo(Math.SQRT1_2, 15);
    expect(halfLifeToTheta(0.5)).toBeCloseTo(0.25, 15);
    expect(halfLifeToTheta(-3)).toBe(0);
  });

  it('adstock a_t = θ·a_{t−1} + (1 − θ)·x_t, step by step with θ = ½', () => {
    const a = new Adstock(1);
    expect(a.theta).toBe(0.5);
    expect(a.level).toBe(0);
    expect(a.step(10)).toBe(5); // ½·0 + ½·10
    expect(a.step(0)).toBe(2.5); // ½·5
    expect(a.step(4)).toBe(3.25); // ½·2.5 + ½·4
    expect(a.level).toBe(3.25);
    // Without a half-life the level is the day's effort.
    const none = new Adstock(0);
    expect(none.step(7)).toBe(7);
    expect(none.step(2)).toBe(2);
  });

  it('Hill 1/(1 + (x/ec)^(−s)) at points off the midpoint, and 0 for no effort', () => {
    expect(hill(6, 3, 2)).toBeCloseTo(0.8, 15); // (2)^(−2) = ¼
    expect(hill(1, 3, 1)).toBeCloseTo(0.25, 15); // (⅓)^(−1) = 3
    expect(hill(1.5, 3, 2)).toBeCloseTo(0.2, 15); // (½)^(−2) = 4
    expect(hill(-1, 3, 2)).toBe(0);
    expect(hill(0, 3, 2)).toBe(0);
  });

  it('hillInverse ec·(y/(1 − y))^(1/s), 0 at or below 0, unbounded at or above 1', () => {
    expect(hillInverse(0.8, 3, 2)).toBeCloseTo(6, 12); // 3·4^½
    expect(hillInverse(0.2, 3, 2)).toBeCloseTo(1.5, 12); // 3·(¼)^½
    expect(hillInverse(0.75, 10, 1)).toBeCloseTo(30, 12);
    expect(hillInverse(0, 3, 2)).toBe(0);
    expect(hillInverse(-0.1, 3, 2)).toBe(0);
    expect(hillInverse(1, 3, 2)).toBe(Infinity);
    expect(hillInverse(1.5, 3, 2)).toBe(Infinity);
  });

  it('curve marks: a quarter and 90 % of the maximum pressure, and ec', () => {
    // s = 2, ec = 100: maintain = 100·(⅓)^½, flatten = 100·9^½ = 300.
    const m = curveMarks(100, 2);
    expect(m.maintain).toBeCloseTo(100 / Math.sqrt(3), 10);
    expect(m.grow).toBe(100);
    expect(m.flatten).toBeCloseTo(300, 10);
  });

  it('discrete Bass, the engine’s form: F₁ = p, F₂ = F₁ + (1 − F₁)(1 − (1 − p)(1 − q·F₁)); from F₀', () => {
    const f = bassDiscrete(0.1, 0.5, 2);
    expect(f).toHaveLength(3);
    expect(f[0]).toBe(0);
    expect(f[1]).toBeCloseTo(0.1, 15);
    expect(f[2]).toBeCloseTo(0.1 + 0.9 * (1 - 0.9 * 0.95), 15); // 0.2305
    const g = bassDiscrete(0.1, 0.5, 1, 0.2);
    expect(g[0]).toBe(0.2);
    expect(g[1]).toBeCloseTo(0.2 + 0.8 * (1 - 0.9 * 0.9), 15); // 0.352
  });

  it('textbook discrete Bass: F_{t+1} = F_t + (1 − F_t)(p + q·F_t); it differs from the engine’s form by p·q·F_t', () => {
    const f = bassDiscreteTextbook(0.1, 0.5, 2);
    expect(f).toHaveLength(3);
    expect(f[0]).toBe(0);
    expect(f[1]).toBeCloseTo(0.1, 15);
    expect(f[2]).toBeCloseTo(0.1 + 0.9 * 0.15, 15); // 0.235
    const g = bassDiscreteTextbook(0.1, 0.5, 1, 0.2);
    expect(g[0]).toBe(0.2);
    expect(g[1]).toBeCloseTo(0.2 + 0.8 * 0.2, 15); // 0.36
  });

  it('continuous Bass (1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t)) at two points (mpmath)', () => {
    expect(bassContinuous(0.1, 0.5, 1)).toBeCloseTo(0.120507839931408, 14);
    expect(bassContinuous(0.05, 0.5, 3)).toBeCloseTo(0.276647952123971, 14);
    expect(bassContinuous(0.05, 0.5, 0)).toBe(0);
  });
});

describe('BG/NBD closed forms (Fader, Hardie & Lee 2005) at hand-computed points', () => {
  it('₂F₁ by its series: 1 at z = 0, (1 − z)^(−a) when b = c, √(1 − z) for a negative a, and mpmath values', () => {
    expect(hyp2f1(0.8, 4, 4.6, 0)).toBe(1);
    expect(hyp2f1(2, 3, 3, 0.5)).toBeCloseTo(4, 12); // (½)^(−2)
    // a = −½: every term after the first is negative, so the series must stop on |term|, not on term.
    expect(hyp2f1(-0.5, 1, 1, 0.5)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(hyp2f1(0.8, 4, 4.6, 0.6)).toBeCloseTo(1.83890046864542, 12);
    // Near z = 1 the series needs hundreds of terms.
    expect(hyp2f1(2.5, 1.5, 3.2, 0.95)).toBeCloseTo(21.8283651773802, 10);
  });

  it('₂F₁ refuses z outside [0, 1) and says so', () => {
    expect(() => hyp2f1(1, 1, 2, -0.1)).toThrow(/0 ≤ z < 1, got -0.1/);
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(/0 ≤ z < 1, got 1/);
  });

  it('E[X(t)] in closed special cases: 2t/(α + t) for r = 2, a = 2, b = 1; 2[1 − (α/t)·ln(1 + t/α)] for r = 1', () => {
    // r = a + b − 1 makes ₂F₁(r, b; r; z) = (1 − z)^(−b), so E = 2·[1 − α/(α + t)].
    expect(bgnbdExpectedRepeats(10, { r: 2, alpha: 10, a: 2, b: 1 })).toBeCloseTo(1, 12);
    expect(bgnbdExpectedRepeats(30, { r: 2, alpha: 10, a: 2, b: 1 })).toBeCloseTo(1.5, 12);
    // r = b = 1, a = 2: ₂F₁(1, 1; 2; z) = −ln(1 − z)/z.
    expect(bgnbdExpectedRepeats(10, { r: 1, alpha: 10, a: 2, b: 1 })).toBeCloseTo(2 * (1 - Math.LN2), 12);
  });

  it('E[X(t)] at the oracle test’s parameters (mpmath), 0 at or before t = 0, and refused for a ≤ 1', () => {
    const p = { r: 0.8, alpha: 20, a: 1.6, b: 4 };
    expect(bgnbdExpectedRepeats(30, p)).toBeCloseTo(0.893171927380236, 11);
    expect(bgnbdExpectedRepeats(90, p)).toBeCloseTo(1.87824505473170, 11);
    expect(bgnbdExpectedRepeats(0, p)).toBe(0);
    expect(bgnbdExpectedRepeats(-5, p)).toBe(0);
    expect(() => bgnbdExpectedRepeats(10, { ...p, a: 1 })).toThrow(/a > 1/);
    expect(() => bgnbdExpectedRepeats(10, { ...p, a: 0.8 })).toThrow(/a > 1/);
  });

  it('P(alive | x, t_x, T) = 1 / (1 + a/(b + x − 1)·((α + T)/(α + t_x))^(r + x)), 1 without a repeat purchase', () => {
    // x = 2, t_x = 10, T = 20, r = 1, α = 10, a = 2, b = 3: 1/(1 + ½·1.5³) = 1/2.6875.
    expect(bgnbdProbabilityAlive(2, 10, 20, { r: 1, alpha: 10, a: 2, b: 3 })).toBeCloseTo(1 / 2.6875, 14);
    expect(bgnbdProbabilityAlive(1, 5, 40, { r: 0.8, alpha: 20, a: 1.6, b: 4 })).toBeCloseTo(0.340840032087078, 13);
    expect(bgnbdProbabilityAlive(0, 0, 40, { r: 0.8, alpha: 20, a: 1.6, b: 4 })).toBe(1);
  });
});
