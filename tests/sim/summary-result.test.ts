import { describe, expect, it } from 'vitest';
import { causeNames } from '../../src/sim/config';
import { DAYS_PER_MONTH, digestRun } from '../../src/sim/digest';
import { Recorder } from '../../src/sim/recorder';
import { Summary } from '../../src/sim/summary';
import { config } from '../helpers';

/**
 * A summary of two hand-made runs, every part of the result JSON checked against values worked out by hand: the daily
 * bands, the weekly series, the flow matrices, the causes' accounts, the totals and the series used for paired
 * differences. Everything is made inside the tests (docs/testing.md § Mutation testing).
 *
 * 8 days (weeks: days 0–6 and the short week of day 7), scale 10 people per agent. Run r (r = 0, 1), day d:
 *   tiers     R0 = 50 − 2d, R1 = 20 + 2d, R2 = 10, R3 = 0 (empty throughout), R4 = 10 − r·d, R5 = 4 + r·d
 *   moves     2 × R0 → R1 (baseline) a day; r × R4 → R5 (word of mouth) a day, each a ¥100 order from R4
 *   orders    one ¥50 repeat order from R5 a day (baseline)
 *   cost      ¥10 a day in run 0, ¥30 in run 1 (baseline; costs are real yuan, not scaled)
 */
const DAYS = 8;
const SC = 10;
const c = () => config({ days: DAYS, runs: 2, margin: 0.5, population: { agents: 100, scale: SC } });

function record(run: number) {
  const cfg = c();
  const rec = new Recorder(run, DAYS, causeNames(cfg).length);
  for (let d = 0; d <= DAYS; d++) rec.tiers(d, Float64Array.from([50 - 2 * d, 20 + 2 * d, 10, 0, 10 - run * d, 4 + run * d]));
  for (let d = 0; d < DAYS; d++) {
    rec.day = d;
    rec.move(0, 1, 0);
    rec.move(0, 1, 0);
    rec.order(5, 50, 0, false);
    for (let k = 0; k < run; k++) {
      rec.move(4, 5, 2);
      rec.order(4, 100, 2, false);
    }
    rec.cost(0, run === 0 ? 10 : 30);
  }
  return rec.rec;
}

function summary(): Summary {
  const cfg = c();
  const s = new Summary(cfg);
  s.add(digestRun(record(0), cfg));
  s.add(digestRun(record(1), cfg));
  return s;
}

/** Equal to the 6 significant digits results are rounded to. */
function near(actual: number | null | undefined, expected: number) {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected)));
}

describe('the result of two hand-made runs', () => {
  it('daily bands: tiers, assets, orders, GMV and cost, mean over runs × scale (cost already in yuan)', () => {
    const r = summary().result();
    for (let d = 0; d <= DAYS; d++) {
      near(r.daily.tiers.R0.mean[d], (50 - 2 * d) * SC);
      near(r.daily.tiers.R5.mean[d], ((4 + 4 + d) / 2) * SC); // 40 + 5d
      // Two runs: the median is the midpoint, the 5th percentile 5 % of the way from the lower value.
      near(r.daily.tiers.R5.p50[d], ((4 + 4 + d) / 2) * SC);
      near(r.daily.tiers.R5.p05[d], (4 + 0.05 * d) * SC);
      near(r.daily.tiers.R5.p95[d], (4 + 0.95 * d) * SC);
      near(r.daily.assets.mean[d], (44 + 2 * d) * SC); // R1–R5, not R0
    }
    expect(r.daily.tiers.R0.mean).toHaveLength(DAYS + 1);
    expect(r.daily.orders.mean).toHaveLength(DAYS);
    for (let d = 0; d < DAYS; d++) {
      near(r.daily.orders.mean[d], 1.5 * SC); // 1 and 2 orders a day
      near(r.daily.firstPurchases.mean[d], 0);
      near(r.daily.gmv.mean[d], ((50 + 150) / 2) * SC);
      near(r.daily.cost.mean[d], 20);
      near(r.daily.cumulativeGmv.mean[d], (d + 1) * 100 * SC);
      near(r.daily.cumulativeCost.mean[d], (d + 1) * 20);
      near(r.daily.cumulativeCost.p95[d], (d + 1) * (10 + 0.95 * 20));
    }
  });

  it('weekly: new assets per week, GMV by the buyer’s tier, flow rates (a week starting with the tier empty counts as 0)', () => {
    const r = summary().result();
    expect(r.meta.weeks).toBe(2);
    // 14 moves out of R0 in week 0 and 2 in the one-day week 1, × 10.
    expect(r.weekly.newAssets.mean).toEqual([140, 20]);
    // R5: ¥50 a day in both runs; R4: ¥100 a day in run 1 only. Summed over runs ÷ 2 × 10.
    expect(r.weekly.gmvByTier.R5).toEqual([7 * 50 * SC, 50 * SC]);
    expect(r.weekly.gmvByTier.R4).toEqual([(7 * 100 * SC) / 2, (100 * SC) / 2]);
    expect(r.weekly.gmvByTier.R0).toEqual([0, 0]);
    // R0 → R1: 14 of 50 in week 0, 2 of 36 in week 1. R4 → R5: run 0 none, run 1 7 of 10 then 1 of 3.
    near(r.weekly.flowRates['R0>R1']!.mean[0], 14 / 50);
    near(r.weekly.flowRates['R0>R1']!.mean[1], 2 / 36);
    near(r.weekly.flowRates['R4>R5']!.mean[0], 0.7 / 2);
    near(r.weekly.flowRates['R4>R5']!.mean[1], 1 / 3 / 2);
    near(r.weekly.flowRates['R4>R5']!.p95[0], 0.95 * 0.7);
    expect(r.weekly.flowRates['R3>R4']!.mean).toEqual([0, 0]);
    expect(Object.keys(r.weekly.flowRates)).toHaveLength(30);
  });

  it('flows: mean moves over the horizon × scale, monthly rates over person-days, daily moves', () => {
    const r = summary().result();
    expect(r.flows.moves[0]![1]).toBe(16 * SC);
    expect(r.flows.moves[4]![5]).toBe((8 * SC) / 2);
    expect(r.flows.moves[1]![0]).toBe(0);
    // R0's person-days: Σ (50 − 2d) over days 0–7 = 344; R4's in run 1: Σ (10 − d) = 52.
    near(r.flows.rates[0]![1], (16 / 344) * DAYS_PER_MONTH);
    near(r.flows.rates[4]![5], ((8 / 52) * DAYS_PER_MONTH) / 2);
    expect(r.flows.rates[2]![2]).toBeNull();
    expect(r.flows.rates[3]![4]).toBeNull(); // R3 empty: no rate in any run
    expect(r.daily.moves).toHaveLength(DAYS);
    for (let d = 0; d < DAYS; d++) {
      expect(r.daily.moves[d]![0 * 6 + 1]).toBe(2 * SC);
      expect(r.daily.moves[d]![4 * 6 + 5]).toBe(SC / 2);
      expect(r.daily.moves[d]![5 * 6 + 4]).toBe(0);
    }
    // The weekly rate averages full weeks only: week 0's 14/50, not week 1's 2/36.
    near(r.star.A.weekly['R0>R1']!.mean, 14 / 50);
    near(r.star.A.rate['R0>R1']!.mean, (16 / 344) * DAYS_PER_MONTH);
  });

  it('each cause’s account: moves by direction, orders, GMV, cost per day and ROI, and its move matrix', () => {
    const r = summary().result();
    expect(Object.keys(r.byCause)).toEqual(['baseline', 'decay', 'wordOfMouth']);
    const base = r.byCause.baseline!;
    const wom = r.byCause.wordOfMouth!;
    near(base.moves!.mean, 16 * SC);
    near(base.forwardMoves!.mean, 16 * SC);
    near(base.reverseMoves!.mean, 0);
    near(base.orders!.mean, 8 * SC);
    near(base.repeatPurchases!.mean, 8 * SC);
    near(base.gmv!.mean, 8 * 50 * SC);
    near(base.cost!.mean, (80 + 240) / 2);
    near(base.roi!.mean, (4000 / 80 + 4000 / 240) / 2);
    expect(base.dailyCost).toEqual(new Array(DAYS).fill(20));
    expect(base.movesMatrix[0]![1]).toBe(16 * SC);
    expect(base.movesMatrix[4]![5]).toBe(0);
    near(wom.forwardMoves!.mean, (8 * SC) / 2);
    near(wom.orders!.mean, (8 * SC) / 2);
    near(wom.gmv!.mean, (8 * 100 * SC) / 2);
    expect(wom.cost!.mean).toBe(0);
    expect(wom.roi).toBeNull(); // no cost in any run: no ratio
    expect(wom.movesMatrix[4]![5]).toBe((8 * SC) / 2);
    expect(wom.dailyCost).toEqual(new Array(DAYS).fill(0));
    expect(r.byCause.decay!.moves!.mean).toBe(0);
  });

  it('totals and STAR figures: means over the runs of each run’s figure', () => {
    const r = summary().result();
    near(r.totals.orders!.mean, (80 + 160) / 2);
    near(r.totals.repeatPurchases!.mean, (80 + 160) / 2);
    near(r.totals.firstPurchases!.mean, 0);
    near(r.totals.gmv!.mean, (4000 + 12000) / 2);
    near(r.totals.cost!.mean, (80 + 240) / 2);
    near(r.totals.gmv!.sd, Math.sqrt(((4000 - 8000) ** 2 + (12000 - 8000) ** 2) / 1));
    near(r.star.S.assetsStart!.mean, 440);
    near(r.star.S.assetsEnd!.mean, 600);
    near(r.star.S.netChange!.mean, 160);
    near(r.star.S.newAssets!.mean, 160);
    near(r.star.T.count.R5!.mean, ((4 + 12) / 2) * SC);
    near(r.star.T.growth.R5!.mean, (0 + 2) / 2); // (12 − 4) ÷ 4 in run 1
    near(r.star.T.shareEnd.R1!.mean, 36 / 60);
    near(r.star.T.shareStart.R4!.mean, 10 / 44);
    expect(r.star.T.growth.R3).toBeNull(); // R3 empty at the start
    near(r.star.R.gmvShare.R4!.mean, (0 + 800 / 1200) / 2);
    near(r.star.R.gmvByTier.R5!.mean, 4000);
    near(r.star.R.entriesR4.R3!.mean, 0);
    near(r.star.R.aov!.mean, (50 + 75) / 2);
    near(r.star.R.roi!.mean, (4000 / 80 + 12000 / 240) / 2);
    near(r.star.R.marginRoi!.mean, (2000 / 80 + 6000 / 240) / 2);
    expect(r.star.R.repurchaseRate).toBeNull(); // no buyers recorded in these hand-made runs
  });

  it('meta names the run', () => {
    const m = summary().result().meta;
    expect([m.runs, m.days, m.weeks, m.scale, m.agents, m.startDate, m.seed]).toEqual([2, DAYS, 2, SC, 100, '2026-03-02', c().seed]);
    expect(m.tiers).toEqual(['R0', 'R1', 'R2', 'R3', 'R4', 'R5']);
    expect([m.heterogeneity, m.repeatModel]).toEqual([false, 'simple']);
  });
});

describe('the series used for paired differences', () => {
  it('runs × days of real customers or yuan, cumulative where asked', () => {
    const s = summary();
    const at = (name: string, run: number, day: number) => {
      const x = s.series(name);
      return x.data[run * x.steps + day];
    };
    expect(s.series('assets').steps).toBe(DAYS + 1);
    expect(s.series('gmv').steps).toBe(DAYS);
    expect(at('assets', 1, 8)).toBe(60 * SC);
    expect(at('assets', 0, 0)).toBe(44 * SC);
    expect(at('R5', 1, 8)).toBe(12 * SC);
    expect(at('R0', 0, 3)).toBe(44 * SC);
    expect(at('orders', 1, 2)).toBe(2 * SC);
    expect(at('gmv', 1, 2)).toBe(150 * SC);
    expect(at('cost', 1, 3)).toBe(30); // yuan, not scaled
    expect(at('cumulativeGmv', 0, 7)).toBe(8 * 50 * SC);
    expect(at('cumulativeCost', 1, 7)).toBe(8 * 30);
    expect(() => s.series('nothing')).toThrow(/unknown series nothing/);
    expect(() => s.figure('nothing')).toThrow(/unknown figure nothing/);
    expect(s.added).toBe(2);
    expect(Array.from(s.figure('R.gmv'))).toEqual([4000, 12000]);
  });
});
