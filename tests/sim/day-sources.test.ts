import { describe, expect, it } from 'vitest';
import { DaySources, MAX_SOURCES_PER_TIER, TRAIT_NONE, TRAIT_RESPOND, TRAIT_SOCIAL, TRAIT_PRICE } from '../../src/sim/step/sources';

/**
 * The day's tier sources, entry by entry: each value below is worked out by hand from what was added (rows are
 * tier · MAX_SOURCES_PER_TIER + k), never from the table's own arithmetic.
 */
const M = MAX_SOURCES_PER_TIER;

describe('DaySources: a fresh table', () => {
  it('has no sources, rate and lapse multipliers of 1, no chances, and −1 (no cause) in every cause column', () => {
    const d = new DaySources();
    expect(Array.from(d.fCount)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(d.rCount)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(d.buyMult)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(d.lapseMult)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(d.buyBest)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(d.recallP)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(d.chanceP)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(d.buyCause)).toEqual([-1, -1, -1, -1, -1, -1]);
    expect(Array.from(d.recallCause)).toEqual([-1, -1, -1, -1, -1, -1]);
    expect(Array.from(d.chanceCause)).toEqual([-1, -1, -1, -1, -1, -1]);
    // Room for MAX_SOURCES_PER_TIER sources on each of the six tiers, in both directions.
    for (const col of [d.fP, d.fTo, d.fTrait, d.fCause, d.rP, d.rTo, d.rTrait, d.rCause]) expect(col.length).toBe(6 * M);
  });
});

describe('DaySources: forward and reverse sources', () => {
  it('lists each source in its tier row, in the order added', () => {
    const d = new DaySources();
    d.addForward(0, 1, 0.01, TRAIT_RESPOND, 7);
    d.addForward(0, 3, 0.02, TRAIT_SOCIAL, 8);
    d.addForward(3, 4, 0.03, TRAIT_NONE, 9);
    expect(Array.from(d.fCount)).toEqual([2, 0, 0, 1, 0, 0]);
    expect([d.fP[0], d.fTo[0], d.fTrait[0], d.fCause[0]]).toEqual([0.01, 1, TRAIT_RESPOND, 7]);
    expect([d.fP[1], d.fTo[1], d.fTrait[1], d.fCause[1]]).toEqual([0.02, 3, TRAIT_SOCIAL, 8]);
    expect([d.fP[3 * M], d.fTo[3 * M], d.fTrait[3 * M], d.fCause[3 * M]]).toEqual([0.03, 4, TRAIT_NONE, 9]);

    d.addReverse(5, 3, 0.04, TRAIT_PRICE, 10);
    d.addReverse(5, 0, 0.05, TRAIT_NONE, 11);
    d.addReverse(1, 0, 0.06, TRAIT_SOCIAL, 12);
    expect(Array.from(d.rCount)).toEqual([0, 1, 0, 0, 0, 2]);
    expect([d.rP[5 * M], d.rTo[5 * M], d.rTrait[5 * M], d.rCause[5 * M]]).toEqual([0.04, 3, TRAIT_PRICE, 10]);
    expect([d.rP[5 * M + 1], d.rTo[5 * M + 1], d.rTrait[5 * M + 1], d.rCause[5 * M + 1]]).toEqual([0.05, 0, TRAIT_NONE, 11]);
    expect([d.rP[M], d.rTo[M], d.rTrait[M], d.rCause[M]]).toEqual([0.06, 0, TRAIT_SOCIAL, 12]);
    // Nothing was written anywhere else.
    expect(d.rP.reduce((a, b) => a + b, 0)).toBeCloseTo(0.15, 12);
    expect(d.fP.reduce((a, b) => a + b, 0)).toBeCloseTo(0.06, 12);
  });

  it('ignores a probability of zero (or not a number), listing nothing', () => {
    const d = new DaySources();
    d.addForward(1, 2, 0, TRAIT_NONE, 3);
    d.addForward(1, 2, Number.NaN, TRAIT_NONE, 3);
    d.addReverse(2, 1, 0, TRAIT_NONE, 3);
    d.addReverse(2, 1, -0.1, TRAIT_NONE, 3);
    d.addReverse(2, 1, Number.NaN, TRAIT_NONE, 3);
    expect(Array.from(d.fCount)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(d.rCount)).toEqual([0, 0, 0, 0, 0, 0]);
    // Even a pair of tiers that would be refused is not looked at when nothing moves.
    expect(() => d.addForward(4, 5, 0, TRAIT_NONE, 3)).not.toThrow();
    expect(() => d.addReverse(0, 1, 0, TRAIT_NONE, 3)).not.toThrow();
  });

  it('accepts every forward pair from R0..R3 up to R4, and refuses the rest naming the pair', () => {
    const d = new DaySources();
    for (let from = 0; from <= 3; from++) for (let to = from + 1; to <= 4; to++) d.addForward(from, to, 0.01, TRAIT_NONE, 2);
    expect(Array.from(d.fCount)).toEqual([4, 3, 2, 1, 0, 0]);
    for (const [from, to] of [
      [4, 5],
      [2, 2],
      [3, 1],
      [0, 5],
      [5, 5],
    ] as const) {
      expect(() => d.addForward(from, to, 0.01, TRAIT_NONE, 2)).toThrow(new RegExp(`forward source .*got R${from}→R${to}`));
    }
    expect(Array.from(d.fCount)).toEqual([4, 3, 2, 1, 0, 0]);
  });

  it('accepts every reverse pair going down, and refuses the rest naming the pair', () => {
    const d = new DaySources();
    for (let from = 1; from <= 5; from++) for (let to = 0; to < from; to++) d.addReverse(from, to, 0.01, TRAIT_NONE, 2);
    expect(Array.from(d.rCount)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const [from, to] of [
      [0, 0],
      [3, 3],
      [2, 4],
    ] as const) {
      expect(() => d.addReverse(from, to, 0.01, TRAIT_NONE, 2)).toThrow(new RegExp(`reverse source must go down \\(got R${from}→R${to}\\)`));
    }
    expect(Array.from(d.rCount)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it(`holds ${M} sources on a tier and refuses one more, naming the tier and the direction`, () => {
    const d = new DaySources();
    for (let k = 0; k < M; k++) {
      d.addForward(2, 3, 0.001 * (k + 1), TRAIT_NONE, k);
      d.addReverse(2, 1, 0.001 * (k + 1), TRAIT_NONE, k);
    }
    expect(d.fCount[2]).toBe(M);
    expect(d.rCount[2]).toBe(M);
    expect(d.fCause[2 * M + M - 1]).toBe(M - 1);
    expect(d.rCause[2 * M + M - 1]).toBe(M - 1);
    expect(d.rP[2 * M + M - 1]).toBeCloseTo(0.001 * M, 12);
    expect(() => d.addForward(2, 3, 0.5, TRAIT_NONE, 99)).toThrow(`more than ${M} forward sources on R2`);
    expect(() => d.addReverse(2, 1, 0.5, TRAIT_NONE, 99)).toThrow(`more than ${M} reverse sources on R2`);
    // The next tier's rows are untouched.
    expect(d.fCount[3]).toBe(0);
    expect(d.fP[3 * M]).toBe(0);
    expect(d.rP[3 * M]).toBe(0);
  });
});

describe('DaySources: buyers’ purchase rate, recalls, purchase chances and lapse', () => {
  it('multiplies boosts of the purchase rate, keeps the cause of the largest, and ignores m ≤ 1', () => {
    const d = new DaySources();
    d.addBuyBoost(4, 1.5, 20);
    d.addBuyBoost(4, 2, 21);
    d.addBuyBoost(4, 1.2, 22);
    d.addBuyBoost(4, 1, 23);
    d.addBuyBoost(4, 0.5, 24);
    d.addBuyBoost(4, Number.NaN, 25);
    expect(d.buyMult[4]).toBeCloseTo(3.6, 12);
    expect(d.buyCause[4]).toBe(21);
    expect(d.buyBest[4]).toBeCloseTo(Math.LN2, 12);
    // A boost equal to the largest so far does not take its cause.
    d.addBuyBoost(4, 2, 26);
    expect(d.buyCause[4]).toBe(21);
    expect(d.buyMult[4]).toBeCloseTo(7.2, 12);
    // R5 is separate.
    expect(d.buyMult[5]).toBe(1);
    expect(d.buyCause[5]).toBe(-1);
    d.addBuyBoost(5, 1.1, 30);
    expect(d.buyMult[5]).toBeCloseTo(1.1, 12);
    expect(d.buyCause[5]).toBe(30);
  });

  it('combines recalls as independent chances, keeps the cause of the largest, and ignores p ≤ 0', () => {
    const d = new DaySources();
    d.addRecall(5, 0, 40);
    d.addRecall(5, -0.2, 40);
    d.addRecall(5, Number.NaN, 40);
    expect(d.recallP[5]).toBe(0);
    expect(d.recallCause[5]).toBe(-1);
    // Dyadic chances, so that the combined values are exact.
    d.addRecall(5, 0.5, 41);
    expect(d.recallP[5]).toBe(0.5);
    expect(d.recallCause[5]).toBe(41);
    d.addRecall(5, 0.25, 42); // smaller than the 0.5 so far: the cause stays
    expect(d.recallP[5]).toBe(1 - 0.5 * 0.75);
    expect(d.recallCause[5]).toBe(41);
    d.addRecall(5, 0.625, 43); // equal to the combined 0.625 so far: the cause stays
    expect(d.recallP[5]).toBe(0.859375);
    expect(d.recallCause[5]).toBe(41);
    d.addRecall(5, 0.875, 44); // larger: it takes the cause
    expect(d.recallP[5]).toBe(1 - 0.140625 * 0.125);
    expect(d.recallCause[5]).toBe(44);
    d.addRecall(5, 3, 45); // a chance above 1 counts as 1
    expect(d.recallP[5]).toBe(1);
    expect(d.recallP[4]).toBe(0);
  });

  it('combines purchase chances as independent chances, keeps the cause of the largest, and ignores p ≤ 0', () => {
    const d = new DaySources();
    d.addBuyChance(4, 0, 50);
    d.addBuyChance(4, -1, 50);
    d.addBuyChance(4, Number.NaN, 50);
    expect(d.chanceP[4]).toBe(0);
    expect(d.chanceCause[4]).toBe(-1);
    d.addBuyChance(4, 0.25, 51);
    expect(d.chanceP[4]).toBe(0.25);
    expect(d.chanceCause[4]).toBe(51);
    d.addBuyChance(4, 0.125, 52); // smaller: the cause stays
    expect(d.chanceP[4]).toBe(1 - 0.75 * 0.875);
    expect(d.chanceCause[4]).toBe(51);
    d.addBuyChance(4, 0.34375, 53); // equal to the combined 0.34375: the cause stays
    expect(d.chanceP[4]).toBe(1 - 0.65625 * 0.65625);
    expect(d.chanceCause[4]).toBe(51);
    d.addBuyChance(4, 0.75, 54); // larger: it takes the cause
    expect(d.chanceP[4]).toBe(1 - 0.4306640625 * 0.25);
    expect(d.chanceCause[4]).toBe(54);
    d.addBuyChance(4, 7, 55);
    expect(d.chanceP[4]).toBe(1);
    expect(d.chanceP[5]).toBe(0);
  });

  it('takes the first recall or chance’s cause even when it is small', () => {
    const d = new DaySources();
    d.addRecall(4, 0.01, 60);
    d.addBuyChance(5, 0.01, 61);
    expect(d.recallCause[4]).toBe(60);
    expect(d.chanceCause[5]).toBe(61);
  });

  it('keeps cause 0 (the first cause number) like any other when a smaller chance follows', () => {
    const d = new DaySources();
    d.addRecall(5, 0.5, 0);
    d.addRecall(5, 0.25, 1);
    d.addBuyChance(4, 0.5, 0);
    d.addBuyChance(4, 0.25, 1);
    expect(d.recallCause[5]).toBe(0);
    expect(d.chanceCause[4]).toBe(0);
  });

  it('refuses boosts, recalls and chances on tiers that are not buyers, naming what applies to buyers', () => {
    const d = new DaySources();
    for (const t of [0, 3]) {
      expect(() => d.addBuyBoost(t, 2, 1)).toThrow('purchase-rate boosts apply to buyers (R4, R5)');
      expect(() => d.addRecall(t, 0.1, 1)).toThrow('recall applies to buyers (R4, R5)');
      expect(() => d.addBuyChance(t, 0.1, 1)).toThrow('purchase chances apply to buyers (R4, R5)');
    }
  });

  it('multiplies lapse scalings per tier', () => {
    const d = new DaySources();
    d.scaleLapse(3, 0.5);
    d.scaleLapse(3, 0.4);
    d.scaleLapse(5, 3);
    expect(Array.from(d.lapseMult)).toEqual([1, 1, 1, 0.2, 1, 3]);
  });
});

describe('DaySources: reset between days', () => {
  it('forgets every source, multiplier, chance and cause', () => {
    const d = new DaySources();
    d.addForward(0, 2, 0.1, TRAIT_NONE, 5);
    d.addReverse(4, 1, 0.1, TRAIT_NONE, 5);
    d.addBuyBoost(5, 2, 5);
    d.addRecall(4, 0.1, 5);
    d.addBuyChance(5, 0.1, 5);
    d.scaleLapse(2, 0.5);
    d.reset();
    const fresh = new DaySources();
    expect(Array.from(d.fCount)).toEqual(Array.from(fresh.fCount));
    expect(Array.from(d.rCount)).toEqual(Array.from(fresh.rCount));
    for (const k of ['buyMult', 'buyCause', 'buyBest', 'lapseMult', 'recallP', 'recallCause', 'chanceP', 'chanceCause'] as const) {
      expect(Array.from(d[k]), k).toEqual(Array.from(fresh[k]));
    }
    // After a reset the first source goes back to the first slot of its row, and a small recall takes the cause.
    d.addForward(0, 1, 0.3, TRAIT_NONE, 6);
    expect([d.fCount[0], d.fP[0], d.fCause[0]]).toEqual([1, 0.3, 6]);
    d.addRecall(4, 0.01, 7);
    expect(d.recallCause[4]).toBe(7);
  });
});
