import { describe, expect, it } from 'vitest';
import { prcc, ranks, spearman, rankDrivers } from '../../src/sim/results/drivers';
import { Rng } from '../../src/sim/step/rng';
import { config, runAll } from '../helpers';

/** n uniform draws from a named stream. */
function uniform(key: string, n: number): number[] {
  const r = new Rng(key);
  return Array.from({ length: n }, () => r.next());
}

describe('rank correlations', () => {
  it('ranks ties by their average rank', () => {
    expect(Array.from(ranks([10, 30, 20, 30]))).toEqual([1, 3.5, 2, 3.5]);
  });

  it('PRCC: y depends monotonically on x1 only → |PRCC(x1)| = 1, the others ≈ 0', () => {
    const n = 60;
    const [x1, x2, x3] = ['a', 'b', 'c'].map((k) => uniform(k, n));
    const y = x1!.map((v) => Math.exp(3 * v) - 7); // monotone, far from linear
    const p = prcc([x1!, x2!, x3!], y);
    expect(p[0]).toBeCloseTo(1, 9);
    expect(Math.abs(p[1]!)).toBeLessThan(1e-6);
    expect(Math.abs(p[2]!)).toBeLessThan(1e-6);
  });

  it('PRCC: a decreasing effect plus noise gives a negative, strong PRCC; an unrelated input stays small', () => {
    const n = 200;
    const [x1, x2, e] = ['d', 'e', 'f'].map((k) => uniform(k, n));
    const y = x1!.map((v, i) => -v * v + 0.1 * e![i]!);
    const p = prcc([x1!, x2!], y);
    expect(p[0]).toBeLessThan(-0.9);
    expect(Math.abs(p[1]!)).toBeLessThan(0.15);
  });

  it('PRCC with one other input equals the partial correlation of the Spearman correlations (hand formula)', () => {
    const n = 40;
    const [x, z, e] = ['g', 'h', 'i'].map((k) => uniform(k, n));
    const y = x!.map((v, i) => v + z![i]! + 0.5 * e![i]!);
    const rxy = spearman(x!, y);
    const rxz = spearman(x!, z!);
    const ryz = spearman(y, z!);
    const hand = (rxy - rxz * ryz) / Math.sqrt((1 - rxz * rxz) * (1 - ryz * ryz));
    expect(prcc([x!, z!], y)[0]).toBeCloseTo(hand, 10);
  });
});

describe('rank correlations with a side that carries nothing', () => {
  it('Spearman with a side that does not vary is 0, not 0/0', () => {
    expect(spearman([1, 1, 1, 1], [1, 2, 3, 4])).toBe(0);
    expect(spearman([3, 1, 2], [5, 5, 5])).toBe(0);
    expect(spearman([3, 1, 2, 4], [30, 10, 20, 40])).toBe(1);
  });

  it('PRCC: an input given twice holds itself out (both 0), and holding it out twice is holding it out once (hand formula)', () => {
    const n = 40;
    const [x, z, e] = ['g', 'h', 'i'].map((k) => uniform(k, n));
    const y = x!.map((v, i) => v + z![i]! + 0.5 * e![i]!);
    const rxy = spearman(x!, y);
    const rxz = spearman(x!, z!);
    const ryz = spearman(y, z!);
    const zHand = (ryz - rxz * rxy) / Math.sqrt((1 - rxz * rxz) * (1 - rxy * rxy));
    const p = prcc([x!, x!, z!], y);
    expect(p[0]).toBe(0);
    expect(p[1]).toBe(0);
    expect(p[2]).toBeCloseTo(zHand, 10);
  });

  it('PRCC: an input or a figure that does not vary has no partial correlation', () => {
    const n = 30;
    const [x, z] = ['j', 'k'].map((k) => uniform(k, n));
    const y = x!.map((v, i) => v + 0.3 * z![i]!);
    const flat = new Array(n).fill(0.5);
    const p = prcc([x!, flat, z!], y);
    expect(p[1]).toBe(0);
    // With the flat input held out, the others keep their two-input partial correlation (hand formula).
    const rxy = spearman(x!, y);
    const rxz = spearman(x!, z!);
    const ryz = spearman(y, z!);
    expect(p[0]).toBeCloseTo((rxy - rxz * ryz) / Math.sqrt((1 - rxz * rxz) * (1 - ryz * ryz)), 10);
    expect(prcc([x!, z!], new Array(n).fill(3))).toEqual([0, 0]);
  });
});

describe('drivers of a figure', () => {
  it('rank the assumption that moves GMV first', () => {
    // Order value is not drawn; repeat buying is the R5 tier's GMV here and lapsing takes a little of it, so baseline.repeat must lead.
    const c = config({ uncertainty: { assumptions: true }, runs: 24, days: 40, population: { agents: 4000 }, baseline: { forward: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0 }, reverse: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 0.01 }, repeat: 0.05, repeatModel: { kind: 'simple' }, orderValue: { mean: 100, sd: 0 } } });
    const s = runAll(c);
    const d = rankDrivers(c, s.figure('R.gmv'));
    expect(d[0]!.path).toBe('baseline.repeat');
    expect(d[0]!.prcc!).toBeGreaterThan(0.8);
  });
});
