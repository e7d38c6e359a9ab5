import { describe, expect, it } from 'vitest';
import { rankDrivers, spearman } from '../../src/sim/results/drivers';
import { drawAssumptions, type AssumptionRange } from '../../src/sim/assumptions';
import { config } from '../helpers';

/**
 * rankDrivers on a figure made from the runs' own draws, so which assumption drives it is known: y = 5·x₀ + x₁, x₂
 * and x₃ play no part. 10 runs, one without a value (left out): 9 runs screen at most 9 / 3 = 3 parameters for PRCC.
 */
const range = (path: string, tactic?: string): AssumptionRange => ({ path, label: { en: path, zh: path }, ...(tactic && { tactic }), low: 0, mode: 0.5, high: 1 });
const c = { ...config({ runs: 10 }), assumptions: [range('baseline.forward.R1'), range('tactics[ads].cpm', 'ads'), range('baseline.repeat'), range('wordOfMouth.q')] };

describe('rankDrivers on a figure whose drivers are known', () => {
  it('ranks the strong driver, then the weak one, then the rest; only the screened ones get a PRCC', () => {
    const draws = Array.from({ length: 10 }, (_, r) => drawAssumptions(c, r));
    const y = draws.map((d, r) => (r === 3 ? NaN : 5 * d[0]! + d[1]!));
    const d = rankDrivers(c, y);
    expect(d.map((x) => x.path).slice(0, 2)).toEqual(['baseline.forward.R1', 'tactics[ads].cpm']);
    expect(d[0]!.prcc!).toBeGreaterThan(0.9);
    expect(d[1]!.prcc!).toBeGreaterThan(0.5);
    expect(d.filter((x) => x.prcc === null)).toHaveLength(1);
    expect(d[3]!.prcc).toBeNull();
    // Spearman over the 9 runs with a value, x₀ against y.
    const finite = [0, 1, 2, 4, 5, 6, 7, 8, 9];
    expect(d[0]!.rho).toBeCloseTo(spearman(finite.map((r) => draws[r]![0]!), finite.map((r) => y[r]!)), 5);
    expect(d[0]!.rho).toBeGreaterThan(0.8);
    expect(d[1]!.tactic).toBe('ads');
    expect('tactic' in d[0]!).toBe(false);
    expect(d[1]!.label).toEqual({ en: 'tactics[ads].cpm', zh: 'tactics[ads].cpm' });
  });

  it('nothing with no draws or fewer than 5 runs with a value', () => {
    expect(rankDrivers({ ...c, assumptions: [] }, [1, 2, 3, 4, 5, 6])).toEqual([]);
    expect(rankDrivers({ ...c, assumptions: undefined }, [1, 2, 3, 4, 5, 6])).toEqual([]);
    expect(rankDrivers(c, [1, 2, NaN, 4, 5])).toEqual([]);
    expect(rankDrivers(c, [1, 2, 3, 4, 5]).length).toBe(4);
  });
});

/** Ranks 1..n of distinct values (the test's own ranking: draws from a continuous range never tie). */
const rankOf = (v: number[]) => {
  const sorted = [...v].sort((a, b) => a - b);
  return v.map((x) => sorted.indexOf(x) + 1);
};
/** Spearman's ρ without ties, closed form: 1 − 6·Σd² / (n(n² − 1)). */
const rhoClosed = (a: number[], b: number[]) => {
  const ra = rankOf(a);
  const rb = rankOf(b);
  const n = a.length;
  return 1 - (6 * ra.reduce((s, r, i) => s + (r - rb[i]!) ** 2, 0)) / (n * (n * n - 1));
};
/** Inverse of a small matrix by Gauss–Jordan elimination with partial pivoting. */
const inverse = (m: number[][]) => {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    const d = a[c]![c]!;
    for (let j = 0; j < 2 * n; j++) a[c]![j]! /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]!;
      for (let j = 0; j < 2 * n; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((row) => row.slice(n));
};

describe('rankDrivers: PRCC decides the order, not Spearman’s ρ', () => {
  // Six ranges, 9 runs: the three with the largest |ρ| are screened (9 / 3) and get a PRCC. The figure is
  // y = x(forward.R1) + 0.5·x(repeat); by chance in these 9 draws q correlates with y (ρ ≈ −0.43) more than repeat
  // does (ρ ≈ 0.33), but once the others are held out, repeat's partial correlation is the stronger. reverse.R5 comes
  // first in the list but is not among the three largest |ρ|: screening picks by |ρ|, not by place.
  const paths = ['baseline.reverse.R5', 'baseline.forward.R1', 'baseline.repeat', 'wordOfMouth.q', 'baseline.reverse.R2', 'baseline.reverse.R3'];
  const c6 = { ...config({ runs: 9 }), assumptions: paths.map((p) => range(p)) };

  it('ranks the screened ones by |PRCC| (from the inverse of the rank correlation matrix), then the rest by |ρ|, ties by path', () => {
    const draws = Array.from({ length: 9 }, (_, r) => drawAssumptions(c6, r));
    const x = Object.fromEntries(paths.map((p, k) => [p, draws.map((d) => d[k]!)]));
    const y = draws.map((d) => d[1]! + 0.5 * d[2]!);
    const rho = Object.fromEntries(paths.map((p) => [p, rhoClosed(x[p]!, y)]));
    // What makes this figure a test: |ρ| puts q before repeat, and R5 (|ρ| 0.23) before R2 and R3 (|ρ| 1/60 each).
    expect(Math.abs(rho['wordOfMouth.q']!)).toBeGreaterThan(Math.abs(rho['baseline.repeat']!) + 0.05);
    expect(Math.abs(rho['baseline.reverse.R5']!)).toBeGreaterThan(0.2);
    expect(Math.abs(rho['baseline.reverse.R5']!)).toBeLessThan(Math.abs(rho['baseline.repeat']!) - 0.05);
    expect(Math.abs(rho['baseline.reverse.R2']!)).toBeCloseTo(1 / 60, 12);
    expect(Math.abs(rho['baseline.reverse.R3']!)).toBeCloseTo(1 / 60, 12);
    // PRCC of the three screened: r_iy·rest = −P_iy / √(P_ii·P_yy), P the inverse of the Spearman matrix of (x, x, x, y).
    const screened = ['baseline.forward.R1', 'baseline.repeat', 'wordOfMouth.q'];
    const cols = [...screened.map((p) => x[p]!), y];
    const P = inverse(cols.map((a) => cols.map((b) => (a === b ? 1 : rhoClosed(a, b)))));
    const partial = Object.fromEntries(screened.map((p, i) => [p, -P[i]![3]! / Math.sqrt(P[i]![i]! * P[3]![3]!)]));
    expect(Math.abs(partial['baseline.repeat']!)).toBeGreaterThan(Math.abs(partial['wordOfMouth.q']!) + 0.1);

    const d = rankDrivers(c6, y);
    expect(d.map((v) => v.path)).toEqual(['baseline.forward.R1', 'baseline.repeat', 'wordOfMouth.q', 'baseline.reverse.R5', 'baseline.reverse.R2', 'baseline.reverse.R3']);
    for (const v of d.slice(0, 3)) expect(v.prcc!, v.path).toBeCloseTo(partial[v.path]!, 5);
    for (const v of d) expect(v.rho, v.path).toBeCloseTo(rho[v.path]!, 5);
    expect(d.slice(3).map((v) => v.prcc)).toEqual([null, null, null]);
  });

  it('a figure that does not vary has no driver: every ρ and PRCC is 0, listed screened first, each part by path', () => {
    // All |ρ| tie at 0, so the first three ranges in the list are screened, and their PRCC is 0 too.
    const d = rankDrivers(c6, new Array(9).fill(7));
    expect(d.map((v) => [v.path, v.prcc, v.rho])).toEqual([
      ['baseline.forward.R1', 0, 0],
      ['baseline.repeat', 0, 0],
      ['baseline.reverse.R5', 0, 0],
      ['baseline.reverse.R2', null, 0],
      ['baseline.reverse.R3', null, 0],
      ['wordOfMouth.q', null, 0],
    ]);
  });
});
