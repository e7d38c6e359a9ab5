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
    expect(rankDrivers(c, [1, 2, NaN, 4, 5])).toEqual([]);
    expect(rankDrivers(c, [1, 2, 3, 4, 5]).length).toBe(4);
  });
});
