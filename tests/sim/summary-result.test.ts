import { describe, expect, it } from 'vitest';
import { causeNames } from '../../src/sim/config';
import { digestRun } from '../../src/sim/results/digest';
import { DAYS_PER_MONTH } from '../../src/sim/results/figures';
import { simulateRun } from '../../src/sim/step/model';
import { Recorder } from '../../src/sim/results/recorder';
import { Summary } from '../../src/sim/results/summary';
import { getTactic } from '../../src/sim/tactics/registry';
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
    // The star block is S, T, A and R only: events, tactic metrics and causes have their own blocks.
    expect(Object.keys(r.star)).toEqual(['S', 'T', 'A', 'R']);
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

describe('figures the runs above leave at zero, from a third hand-made run', () => {
  /**
   * 14 days (two full weeks), scale 10, an ads tactic (cause 3) and no margin. Day d:
   *   tiers      R0 = 40, R1 = 20, R2 = 10, R3 = 20, R4 = 5, R5 = 5 every day (the record need not add up)
   *   moves      R3 → R4 once a day (baseline, a first purchase: ¥80, a new buyer on even days); R0 → R4 once on day 3
   *              (ads, a first purchase of ¥80); R5 → R4 once a day in week 2 and R1 → R0 on day 2 (decay: reverse)
   *   discount   ¥5 a day (ads), part of its cost; buyers 12, repeaters 3; the ads metrics 7, 8, 9, …
   */
  const cfg = (runs = 1) => config({ days: 14, runs, population: { agents: 100, scale: SC }, tactics: [{ id: 'ads', type: 'ads' }] });
  function third() {
    const c3 = cfg();
    const rec = new Recorder(0, 14, causeNames(c3).length);
    for (let d = 0; d <= 14; d++) rec.tiers(d, Float64Array.from([40, 20, 10, 20, 5, 5]));
    for (let d = 0; d < 14; d++) {
      rec.day = d;
      rec.move(3, 4, 0);
      rec.order(3, 80, 0, true);
      if (d % 2 === 0) rec.newBuyer();
      if (d === 3) {
        rec.move(0, 4, 3);
        rec.order(0, 80, 3, true);
      }
      if (d >= 7) rec.move(5, 4, 1);
      if (d === 2) rec.move(1, 0, 1);
      rec.discount(3, 5);
    }
    rec.rec.buyers = 12;
    rec.rec.repeaters = 3;
    rec.rec.tacticMetrics = Float64Array.from(getTactic('ads').metrics, (_, k) => 7 + k);
    return rec.rec;
  }
  const result = () => {
    const c3 = cfg();
    const rec = third();
    const s = new Summary(c3);
    s.add(digestRun(rec, c3));
    return s.result();
  };

  it('first purchases, new and returning buyers, repeat orders, entries into R4, buyers and repeaters', () => {
    const R = result().star.R;
    near(R.firstPurchases!.mean, 15 * SC);
    near(R.newBuyers!.mean, 7 * SC);
    near(R.returningBuyers!.mean, 8 * SC);
    near(R.repeatPurchases!.mean, 0); // every order was a first purchase
    near(R.entriesR4.R3!.mean, 14 * SC);
    near(R.entriesR4.R0!.mean, 1 * SC);
    near(R.entriesR4.R1!.mean, 0);
    near(R.buyers!.mean, 12 * SC);
    near(R.repeaters!.mean, 3 * SC);
    near(R.repurchaseRate!.mean, 3 / 12);
    near(R.discount!.mean, 14 * 5);
    near(R.cost!.mean, 14 * 5);
    expect(R.marginRoi).toBeNull(); // no margin set: no margin ROI
    near(R.roi!.mean, (15 * 80 * SC) / 70);
  });

  it('each cause’s first purchases, repeat orders and reverse moves', () => {
    const r = result();
    near(r.byCause.baseline!.firstPurchases!.mean, 14 * SC);
    near(r.byCause.baseline!.repeatPurchases!.mean, 0);
    near(r.byCause.ads!.firstPurchases!.mean, SC);
    near(r.byCause.ads!.discount!.mean, 70);
    near(r.byCause.decay!.moves!.mean, 8 * SC);
    near(r.byCause.decay!.reverseMoves!.mean, 8 * SC);
    near(r.byCause.decay!.forwardMoves!.mean, 0);
    near(r.byCause.ads!.moves!.mean, SC);
    near(r.byCause.ads!.reverseMoves!.mean, 0);
    expect(r.byCause.decay!.movesMatrix[5]![4]).toBe(7 * SC);
    expect(r.byCause.decay!.movesMatrix[1]![0]).toBe(SC);
    for (let d = 0; d < 14; d++) near(r.daily.firstPurchases.mean[d], (d === 3 ? 2 : 1) * SC);
    for (let d = 0; d < 14; d++) expect(r.daily.moves[d]).toHaveLength(36);
  });

  it('new assets are moves out of R0 only (not R1 → R0); GMV by tier counts each day once, in its own week', () => {
    const r = result();
    near(r.star.S.newAssets!.mean, SC);
    expect(r.weekly.newAssets.mean).toEqual([SC, 0]);
    expect(r.weekly.gmvByTier.R0).toEqual([80 * SC, 0]);
    expect(r.weekly.gmvByTier.R3).toEqual([7 * 80 * SC, 7 * 80 * SC]);
  });

  it('each run’s daily first purchases stay in that run’s place', () => {
    const c3 = cfg(2);
    const s = new Summary(c3);
    s.add(digestRun(third(), c3));
    const none = third();
    none.run = 1;
    none.firstPurchases.fill(0);
    s.add(digestRun(none, c3));
    const r = s.result();
    for (let d = 0; d < 14; d++) near(r.daily.firstPurchases.mean[d], ((d === 3 ? 2 : 1) * SC) / 2);
  });

  it('the mean weekly rate averages the full weeks; a tactic’s own metrics are reported under its id', () => {
    const r = result();
    // R5 → R4: 0 of 5 in week 1, 7 of 5 in week 2: mean (0 + 1.4) / 2.
    near(r.star.A.weekly['R5>R4']!.mean, 0.7);
    near(r.star.A.weekly['R3>R4']!.mean, 7 / 20);
    const metrics = Object.keys(r.tactics.ads!);
    expect(metrics.length).toBeGreaterThan(0);
    metrics.forEach((m, k) => near(r.tactics.ads![m]!.mean, 7 + k));
    expect(r.format).toBe('star-sandbox-result');
    expect(r.events).toEqual({});
  });

  it('a summary refuses runs out of order, and a summary of no runs', () => {
    const c3 = cfg();
    const s = new Summary(c3);
    const late = third();
    late.run = 1;
    expect(() => s.add(digestRun(late, c3))).toThrow(/run 1 added out of order \(expected run 0\)/);
    expect(() => s.result()).toThrow(/no runs to summarise/);
  });

  it('a recorder refuses a negative or non-finite cost', () => {
    const rec = new Recorder(0, 2, 3);
    expect(() => rec.cost(0, -1)).toThrow(/finite non-negative/);
    expect(() => rec.cost(0, NaN)).toThrow(/finite non-negative/);
    expect(() => rec.cost(0, Infinity)).toThrow(/finite non-negative/);
    rec.cost(1, 0);
    rec.discount(2, 3);
    expect(Array.from(rec.rec.causeCost)).toEqual([0, 0, 3, 0, 0, 0]);
    expect(Array.from(rec.rec.causeDiscount)).toEqual([0, 0, 3]);
  });

  it('a year-long run reports repurchase within one year; a weekly livestream its events', () => {
    const long = config({ days: 365, runs: 1, startDate: '2026-01-01', population: { agents: 100, scale: 1 }, tactics: [{ id: 'live', type: 'livestream', schedule: { weekly: ['sat'] } }] });
    const s = new Summary(long);
    s.add(digestRun(simulateRun(long, 0), long));
    const r = s.result();
    expect(Object.keys(r.star.R.repurchaseWithin)).toEqual(['1y']);
    // 2026 has 52 Saturdays (3 Jan … 26 Dec).
    expect(r.events.live!.events).toBe(52);
    expect(Object.keys(r.events.live!)).toEqual(['ordersPerBuyer', 'multiOrderShare', 'events']);
  });
});
