import { describe, expect, it } from 'vitest';
import { apportion, createPopulation, NO_CAUSE } from '../../src/sim/step/population';
import type { PopulationSpec } from '../../src/sim/step/population';
import { Rng } from '../../src/sim/step/rng';

/** Small populations checked against hand-computed values and the closed-form means of their draws. */
const simple = { kind: 'simple', r: 0, alpha: 0, a: 0, b: 0 } as const;
const bgnbd = { kind: 'bgnbd', r: 2, alpha: 8, a: 1, b: 3 } as const;

function spec(patch: Partial<PopulationSpec>): PopulationSpec {
  return { agents: 10, initialCounts: [3, 2, 1, 1, 2, 1], heterogeneity: false, repeatModel: simple, orderValueCv: 0, ...patch };
}

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

describe('apportion', () => {
  it('splits shares into whole agents by largest remainder, ties to the lower tier', () => {
    expect(apportion([0.5, 0.2, 0.1, 0.1, 0.06, 0.04], 100)).toEqual([50, 20, 10, 10, 6, 4]);
    expect(apportion([0.26, 0.34, 0.4], 10)).toEqual([3, 3, 4]);
    expect(apportion([0.25, 0.25, 0.25, 0.25], 3)).toEqual([1, 1, 1, 0]);
    expect(apportion([0.125, 0.375, 0.375, 0.125], 2)).toEqual([0, 1, 1, 0]);
  });
});

describe('createPopulation: a homogeneous population', () => {
  it('places the initial tiers in order, counts them, and starts every record empty', () => {
    const p = createPopulation(spec({}), new Rng('pop'));
    expect(Array.from(p.tier)).toEqual([0, 0, 0, 1, 1, 2, 3, 4, 4, 5]);
    expect(Array.from(p.counts)).toEqual([3, 2, 1, 1, 2, 1]);
    expect(Array.from(p.active)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    expect(p.initialBuyersFrom).toBe(7); // agents 7, 8, 9 are the initial buyers
    expect(Array.from(p.lastOrderDay)).toEqual(new Array(10).fill(-1));
    expect(Array.from(p.prevOrderDay)).toEqual(new Array(10).fill(-1));
    expect(Array.from(p.group)).toEqual(new Array(10).fill(-1));
    expect(Array.from(p.lastCause)).toEqual(new Array(10).fill(NO_CAUSE));
    expect(Array.from(p.orders)).toEqual(new Array(10).fill(0));
    // Heterogeneity off: no trait columns, every trait's maximum is 1, no order-value spread, no BG/NBD columns.
    for (const col of [p.move, p.lapse, p.respond, p.social, p.price, p.buy, p.value, p.lambda, p.drop, p.traitCeiling]) expect(col).toBeNull();
    expect(Array.from(p.traitMax)).toEqual([1, 1, 1, 1, 1]);
    expect([p.moveMax, p.lapseMax, p.buyMax, p.lambdaMax]).toEqual([1, 1, 1, 0]);
  });

  it('counts initial buyers from where R4 starts, with or without R5', () => {
    expect(createPopulation(spec({ initialCounts: [6, 0, 0, 0, 4] }), new Rng('pop')).initialBuyersFrom).toBe(6);
    expect(createPopulation(spec({ initialCounts: [5, 0, 0, 0, 0, 5] }), new Rng('pop')).initialBuyersFrom).toBe(5);
    expect(createPopulation(spec({ initialCounts: [10] }), new Rng('pop')).initialBuyersFrom).toBe(10);
  });

  it('gives every buyer the mean BG/NBD rate r/α and dropout a/(a+b) when homogeneous', () => {
    const p = createPopulation(spec({ repeatModel: bgnbd }), new Rng('pop'));
    expect(Array.from(p.lambda!)).toEqual(new Array(10).fill(0.25));
    expect(Array.from(p.drop!)).toEqual(new Array(10).fill(0.25));
    expect(p.lambdaMax).toBe(0.25);
  });
});

describe('createPopulation: a heterogeneous population', () => {
  const n = 4000;
  it('draws traits of mean 1 (Gamma(k, k)), the buy trait only in the simple model, and bounds them in sixteenths', () => {
    const p = createPopulation(spec({ agents: n, initialCounts: [n], heterogeneity: true }), new Rng('pop-het'));
    for (const [name, col, k] of [
      ['move', p.move, 4],
      ['lapse', p.lapse, 4],
      ['respond', p.respond, 3],
      ['social', p.social, 2],
      ['price', p.price, 3],
      ['buy', p.buy, 2],
    ] as const) {
      // Gamma(k, rate k): mean 1, sd 1/√k; the mean of n draws is within 4 standard errors.
      expect(Math.abs(mean(col!) - 1), name).toBeLessThan((4 / Math.sqrt(k)) / Math.sqrt(n));
    }
    let maxMove = 0;
    for (let i = 0; i < n; i++) maxMove = Math.max(maxMove, p.move![i]!);
    expect(p.moveMax).toBe(maxMove);
    for (let i = 0; i < n; i++) {
      const top = Math.max(1, p.move![i]!, p.lapse![i]!, p.respond![i]!, p.social![i]!, p.price![i]!, p.buy![i]!);
      const c = p.traitCeiling![i]!;
      // The smallest whole number of sixteenths at or above the largest trait; 255 ("no bound") only above 254/16.
      expect(top > 254 / 16 ? c === 255 : c / 16 >= top && (c - 1) / 16 < top, `agent ${i}: ${c} for ${top}`).toBe(true);
    }
    const bg = createPopulation(spec({ agents: n, initialCounts: [n], heterogeneity: true, repeatModel: bgnbd }), new Rng('pop-het'));
    expect(bg.buy).toBeNull();
    // BG/NBD per-buyer draws: λ ~ Gamma(r, α) has mean r/α = 0.25, p ~ Beta(a, b) has mean a/(a+b) = 0.25.
    expect(Math.abs(mean(bg.lambda!) - 0.25)).toBeLessThan(0.02);
    expect(Math.abs(mean(bg.drop!) - 0.25)).toBeLessThan(0.02);
    expect(new Set(Array.from(bg.drop!)).size).toBeGreaterThan(n / 2);
  });

  it('spreads order values with mean 1 and CV² = √(1 + CV²) − 1 between customers (half the log variance)', () => {
    const cv = 0.5;
    const p = createPopulation(spec({ agents: n, initialCounts: [n], heterogeneity: true, orderValueCv: cv }), new Rng('pop-value'));
    const m = mean(p.value!);
    let v = 0;
    for (let i = 0; i < n; i++) v += (p.value![i]! - m) ** 2;
    const sd = Math.sqrt(v / (n - 1));
    const expected = Math.sqrt(Math.sqrt(1 + cv * cv) - 1); // 0.3436
    expect(Math.abs(m - 1)).toBeLessThan(4 * expected / Math.sqrt(n));
    expect(Math.abs(sd - expected)).toBeLessThan(0.03);
    expect(createPopulation(spec({ agents: 10, heterogeneity: true, orderValueCv: 0 }), new Rng('v')).value).toBeNull();
    expect(createPopulation(spec({ agents: 10, heterogeneity: false, orderValueCv: 0.5 }), new Rng('v')).value).toBeNull();
  });
});
