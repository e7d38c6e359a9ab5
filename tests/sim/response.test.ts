import { describe, expect, it } from 'vitest';
import { Adstock, bassContinuous, bassDiscreteTextbook, curveMarks, halfLifeToTheta, hill, hillInverse, withinHeadroom } from '../../src/sim/response';
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
