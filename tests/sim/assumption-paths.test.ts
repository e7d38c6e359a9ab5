import { describe, expect, it } from 'vitest';
import { configForRun, drawAssumptions, triangular } from '../../src/sim/assumptions';
import type { AssumptionRange } from '../../src/sim/assumptions';
import { config } from '../helpers';

/**
 * Where each drawn value lands in a run's config, path by path. Ranges of width 0 draw their mode exactly, so the
 * value each path must receive is known by hand.
 */
const at = (path: string, v: number): AssumptionRange => ({ path, label: { en: path, zh: path }, low: v, mode: v, high: v });

describe('configForRun puts each drawn value where its path says', () => {
  it('word of mouth, flows, repeat, BG/NBD α and b, a tactic number and a number inside a tactic’s object', () => {
    const base = config({
      baseline: { forward: { R0: 0.002, R1: 0.02, R2: 0.01, R3: 0.01, R4: 0.01 }, reverse: { R1: 0.01, R2: 0.01, R3: 0.005, R4: 0.004, R5: 0.006 }, repeat: 0.02, repeatModel: { kind: 'bgnbd', r: 1, alpha: 30, a: 1.5, b: 6 }, orderValue: { mean: 100, sd: 50 } },
      tactics: [{ id: 'ads', type: 'ads', dailySpend: 1000 }, { id: 'live', type: 'livestream' }],
    });
    const c = configForRun(
      {
        ...base,
        assumptions: [
          at('wordOfMouth.q', 0.03),
          at('baseline.forward.R2', 0.05),
          at('baseline.reverse.R5', 0.007),
          at('baseline.repeat', 0.025),
          at('baseline.repeatModel.alpha', 40),
          at('baseline.repeatModel.b', 7),
          at('tactics[ads].cpm', 55),
          at('tactics[live].attendance.R3', 0.02),
          at('tactics[gone].cpm', 99),
        ],
      },
      0,
    );
    expect(c.wordOfMouth.q).toBe(0.03);
    expect(c.forward).toEqual([0.002, 0.02, 0.05, 0.01, 0.01, 0]);
    expect(c.reverse[5]).toBe(0.007);
    expect(c.repeat).toBe(0.025);
    expect(c.repeatModel).toEqual({ kind: 'bgnbd', r: 1, alpha: 40, a: 1.5, b: 7 });
    expect(c.tactics[0]!.params.cpm).toBe(55);
    expect((c.tactics[1]!.params.attendance as Record<string, number>).R3).toBe(0.02);
    // The config it was given is left alone.
    expect(base.forward[2]).toBe(0.01);
    expect(base.repeatModel.alpha).toBe(30);
    expect(base.wordOfMouth.q).toBe(0);
    expect(base.reverse[5]).toBe(0.006);
    // The copy keeps what was not drawn.
    expect(c.wordOfMouth.sources).toEqual(base.wordOfMouth.sources);
    expect(c.reverse[1]).toBe(0.01);
    expect(base.tactics[0]!.params.cpm).toBe(40);
  });

  it('an unknown path is an error, naming it', () => {
    expect(() => configForRun({ ...config(), assumptions: [at('baseline.repeatModel.r', 2)] }, 0)).toThrow('unknown assumption path baseline.repeatModel.r');
    expect(() => configForRun({ ...config(), assumptions: [at('population.agents', 2)] }, 0)).toThrow(/unknown assumption path population\.agents/);
    expect(() => configForRun({ ...config(), assumptions: [at('wordOfMouth.sources', 2)] }, 0)).toThrow(/unknown assumption path wordOfMouth\.sources/);
  });

  it('a path one part away from a known one is refused too, by its name (each part is checked, not only the last)', () => {
    for (const path of ['baseline.q', 'population.forward.R1', 'population.reverse.R2', 'population.repeat', 'population.purchaseHeadroom', 'population.repeatModel.alpha', 'baseline.orderValue.b']) {
      expect(() => configForRun({ ...config(), assumptions: [at(path, 2)] }, 0), path).toThrow(`unknown assumption path ${path}`);
    }
  });

  it('nothing drawn: the very config it was given, and no draws', () => {
    const c = config();
    const empty = { ...c, assumptions: [] };
    expect(configForRun(empty, 3)).toBe(empty);
    const without = { ...c, assumptions: undefined };
    expect(configForRun(without, 3)).toBe(without);
    expect(drawAssumptions(without, 3)).toEqual([]);
  });
});

describe('triangular, worked by hand', () => {
  it('below and above the mode of Triangular(0, 1, 4); a range of width 0 is its mode', () => {
    // F(x) = x²/4 up to the mode (F(1) = 1/4); above it 1 − (4 − x)²/12.
    expect(triangular(0.1, 0, 1, 4)).toBeCloseTo(Math.sqrt(0.4), 12);
    expect(triangular(0.5, 0, 1, 4)).toBeCloseTo(4 - Math.sqrt(6), 12);
    expect(triangular(0.9, 0, 1, 4)).toBeCloseTo(4 - Math.sqrt(1.2), 12);
    // Triangular(1, 2, 5): F(2) = 1/4, so u = 0.2 is below the mode: 1 + √(0.2 · 4 · 1).
    expect(triangular(0.2, 1, 2, 5)).toBeCloseTo(1 + Math.sqrt(0.8), 12);
    expect(triangular(0.3, 2, 2, 2)).toBe(2);
    expect(triangular(0.3, 3, 2, 1)).toBe(2);
  });
});
