import { describe, expect, it } from 'vitest';
import { config } from '../helpers';
import { causeNames, type EngineConfig } from '../../src/sim/config';
import { familyOf, figureList, FLOW_PAIRS, ledgerFigures, meanFieldValues, monthlyRate, type RunFacts } from '../../src/sim/results/figures';
import type { OrderWindow } from '../../src/sim/results/order-ledger';
import type { MeanFieldResult } from '../../src/sim/projection/meanfield';

/**
 * The figure registry (figures.ts) on hand-made run facts: every family's value worked out by hand from the
 * definitions in docs/model.md § Glossary, the parts each family expands to, the lookup of a key's family, the
 * mean-field values and the order-ledger figures. Nothing here comes from a simulated run, so each number below is
 * checkable with a pencil. Everything is built inside the tests (docs/testing.md § Mutation testing).
 *
 * Config: a livestream `live` (tactic 0: 7 metrics) and coupons `cp` (tactic 1: 6 metrics), margin 0.4; causes
 * baseline, decay, wordOfMouth, live, cp. Run facts, counts in agents, scale 10:
 *   tiers     start [50, 20, 10, 10, 6, 4] (assets 50), end [30, 30, 15, 12, 8, 5] (assets 70)
 *   moves     moves[i·6 + j] = 1 + i·6 + j (the diagonal too, so a sum that takes R0 → R0 shows)
 *   exposure  person-days [100, 200, 300, 400, 500, 600]
 *   weekly    weeklyRate[k] = 0.5 + k/100
 *   sales     GMV 1000 (by tier 100, 150, 200, 250, 120, 180), 40 orders, 15 first purchases, 6 new buyers,
 *             25 buyers, 9 repeaters; cost ¥2 500, discount ¥300 (real yuan)
 *   windows   0: month, 1: month, 2: month (no buyers), 3: cohort 1 year, 4 and 5: events of live, 6: event of cp
 *   tallies   buyers, repeaters, orders, gmv, brought, broughtRepeaters per window (below)
 *   causes    c = 0…4: moves 36 entries, forward/reverse given; orders 10c + 1, first 2c + 1, gmv 100c + 50,
 *             cost 40c + 20, discount c + 1
 */

const SC = 10;
const START = [50, 20, 10, 10, 6, 4];
const END = [30, 30, 15, 12, 8, 5];
const TALLY = [
  // buyers repeaters orders gmv brought broughtRepeaters
  [10, 4, 16, 800, 0, 0], // month 0: 4/10 repeat, 16 orders
  [20, 2, 25, 900, 0, 0], // month 1: 2/20 repeat, 25 orders
  [0, 0, 0, 0, 0, 0], // month 2: nobody bought (its share is left out of the mean)
  [40, 12, 70, 5000, 0, 0], // cohort 1y
  [8, 2, 11, 300, 4, 1], // live's first event
  [12, 3, 15, 500, 6, 3], // live's second event
  [5, 1, 6, 200, 2, 0], // cp's event
];
const WINDOWS: OrderWindow[] = [
  { kind: 'month', from: 0, to: 30, ref: 0 },
  { kind: 'month', from: 30, to: 61, ref: 1 },
  { kind: 'month', from: 61, to: 91, ref: 2 },
  { kind: 'cohort', from: 0, to: 365, ref: 1 },
  { kind: 'event', from: 5, to: 6, ref: 0 },
  { kind: 'event', from: 12, to: 13, ref: 0 },
  { kind: 'event', from: 7, to: 8, ref: 1 },
];

function cfg(): EngineConfig {
  return config({
    days: 400,
    runs: 1,
    margin: 0.4,
    population: { agents: 100, scale: SC },
    tactics: [
      { id: 'live', type: 'livestream', schedule: { weekly: ['sat'] } },
      { id: 'cp', type: 'coupons', schedule: { weekly: ['mon'] } },
    ],
  });
}

function facts(config: EngineConfig, windows: OrderWindow[] = WINDOWS): RunFacts {
  const causes = 5;
  const per = (f: (c: number) => number) => Float64Array.from({ length: causes }, (_, c) => f(c));
  return {
    config,
    sc: SC,
    days: 400,
    tierAt: (day, t) => (day === 0 ? START[t]! : day === 400 ? END[t]! : NaN),
    assetsStart: 50,
    assetsEnd: 70,
    moves: Float64Array.from({ length: 36 }, (_, k) => 1 + k),
    exposure: Float64Array.from([100, 200, 300, 400, 500, 600]),
    weeklyRate: Float64Array.from({ length: 30 }, (_, k) => 0.5 + k / 100),
    gmv: 1000,
    orders: 40,
    firstPurchases: 15,
    newBuyers: 6,
    cost: 2500,
    discount: 300,
    gmvByTier: Float64Array.from([100, 150, 200, 250, 120, 180]),
    buyers: 25,
    repeaters: 9,
    tacticMetrics: Float64Array.from({ length: 13 }, (_, k) => 100 + k),
    windows,
    // A window's tallies are those of the same window in WINDOWS (so a subset of the windows keeps its numbers).
    tally: (w, field) => TALLY[WINDOWS.indexOf(windows[w]!)]![field]!,
    cause: {
      moves: per((c) => 7 * c + 3),
      forward: per((c) => 4 * c + 2),
      reverse: per((c) => 3 * c + 1),
      orders: per((c) => 10 * c + 1),
      first: per((c) => 2 * c + 1),
      gmv: per((c) => 100 * c + 50),
      cost: per((c) => 40 * c + 20),
      discount: per((c) => c + 1),
    },
  };
}

/** Every figure of the config on the facts, by key. */
function values(config = cfg(), f = facts(config)): Record<string, number> {
  return Object.fromEntries(figureList(config, f.windows).map((x) => [x.key, x.family.value(f, x.k, x.part)]));
}

describe('the figure registry on hand-made run facts', () => {
  it('S: assets at the start and end, growth, new assets (moves out of R0, not R0 → R0), net change', () => {
    const v = values();
    expect(v['S.assetsStart']).toBe(500);
    expect(v['S.assetsEnd']).toBe(700);
    expect(v['S.growthRate']).toBeCloseTo(20 / 50, 12);
    // R0 → R1…R5: moves[1…5] = 2 + 3 + 4 + 5 + 6 = 20 agents.
    expect(v['S.newAssets']).toBe(200);
    expect(v['S.netChange']).toBe(200);
  });

  it('T: counts at the end × scale, shares of the assets at the start and end, growth per tier', () => {
    const v = values();
    expect([0, 1, 2, 3, 4, 5].map((t) => v[`T.count.R${t}`])).toEqual([300, 300, 150, 120, 80, 50]);
    expect(v['T.shareStart.R0']).toBeUndefined();
    expect(v['T.shareStart.R1']).toBeCloseTo(20 / 50, 12);
    expect(v['T.shareStart.R5']).toBeCloseTo(4 / 50, 12);
    expect(v['T.shareEnd.R1']).toBeCloseTo(30 / 70, 12);
    expect(v['T.shareEnd.R5']).toBeCloseTo(5 / 70, 12);
    expect(v['T.growth.R1']).toBeCloseTo(10 / 20, 12);
    expect(v['T.growth.R3']).toBeCloseTo(2 / 10, 12);
    expect(v['T.growth.R5']).toBeCloseTo(1 / 4, 12);
  });

  it('A: a monthly rate is the pair’s moves ÷ the source tier’s person-days × 365.25/12; weekly rates by pair', () => {
    const v = values();
    const month = 365.25 / 12;
    // R0 → R1 is moves[1] = 2 over 100 person-days; R2 → R4 is moves[16] = 17 over 300; R5 → R4 is moves[34] = 35 over 600.
    expect(v['A.rate.R0>R1']).toBeCloseTo((2 / 100) * month, 12);
    expect(v['A.rate.R2>R4']).toBeCloseTo((17 / 300) * month, 12);
    expect(v['A.rate.R5>R4']).toBeCloseTo((35 / 600) * month, 12);
    expect(v['A.rate.R0>R0']).toBeUndefined();
    // 30 pairs in order R0>R1, R0>R2, … R5>R4: the k-th pair's weekly rate is the k-th value.
    expect(v['A.weekly.R0>R1']).toBeCloseTo(0.5, 12);
    expect(v['A.weekly.R1>R0']).toBeCloseTo(0.55, 12);
    expect(v['A.weekly.R5>R4']).toBeCloseTo(0.79, 12);
    expect(monthlyRate(3, 0)).toBeNaN();
    expect(monthlyRate(0, 10)).toBe(0);
  });

  it('R: sales, buyers and ratios; conversion is R3 → R4; entries into R4 and GMV by tier', () => {
    const v = values();
    expect(v['R.gmv']).toBe(10000);
    expect(v['R.orders']).toBe(400);
    expect(v['R.aov']).toBeCloseTo(1000 / 40, 12);
    expect(v['R.firstPurchases']).toBe(150);
    expect(v['R.newBuyers']).toBe(60);
    expect(v['R.returningBuyers']).toBe(90); // (15 − 6) × 10
    expect(v['R.repeatPurchases']).toBe(250); // (40 − 15) × 10
    expect(v['R.buyers']).toBe(250);
    expect(v['R.repeaters']).toBe(90);
    expect(v['R.repurchaseRate']).toBeCloseTo(9 / 25, 12);
    // R3 → R4 is moves[22] = 23 over R3's 400 person-days.
    expect(v['R.conversion']).toBeCloseTo((23 / 400) * (365.25 / 12), 12);
    // Into R4 from R0…R3: moves[4], [10], [16], [22] = 5, 11, 17, 23.
    expect(['R0', 'R1', 'R2', 'R3'].map((t) => v[`R.entriesR4.${t}`])).toEqual([50, 110, 170, 230]);
    expect(v['R.entriesR4.R4']).toBeUndefined();
    expect([0, 1, 2, 3, 4, 5].map((t) => v[`R.gmvByTier.R${t}`])).toEqual([1000, 1500, 2000, 2500, 1200, 1800]);
    expect(v['R.gmvShare.R0']).toBeCloseTo(0.1, 12);
    expect(v['R.gmvShare.R5']).toBeCloseTo(0.18, 12);
    // Costs are real yuan already: not scaled.
    expect(v['R.cost']).toBe(2500);
    expect(v['R.discount']).toBe(300);
    expect(v['R.roi']).toBeCloseTo(10000 / 2500, 12);
    expect(v['R.marginRoi']).toBeCloseTo((10000 * 0.4) / 2500, 12);
  });

  it('R: the order-ledger figures pool or average the right windows', () => {
    const v = values();
    // Mean over months with buyers of repeaters ÷ buyers: (0.4 + 0.1) / 2; the empty month 2 is left out.
    expect(v['R.monthlyRepurchase']).toBeCloseTo(0.25, 12);
    // Pooled over months: (16 + 25 + 0) / (10 + 20 + 0).
    expect(v['R.ordersPerMonthlyBuyer']).toBeCloseTo(41 / 30, 12);
    // The 1-year cohort only: 12 / 40. No 2- or 3-year cohort window, so no such part.
    expect(v['R.repurchaseWithin.1y']).toBeCloseTo(0.3, 12);
    expect(Object.keys(v).filter((k) => k.startsWith('R.repurchaseWithin.'))).toEqual(['R.repurchaseWithin.1y']);
    // live's two events pooled: orders (11 + 15) / buyers (8 + 12); repeaters (2 + 3) / 20; brought (1 + 3) / (4 + 6).
    expect(v['E.live.ordersPerBuyer']).toBeCloseTo(26 / 20, 12);
    expect(v['E.live.multiOrderShare']).toBeCloseTo(5 / 20, 12);
    expect(v['E.live.broughtMultiOrderShare']).toBeCloseTo(4 / 10, 12);
    expect(v['E.live.events']).toBe(2);
    // cp's one event: 6 orders / 5 buyers, 1 / 5 ordered twice, none of the 2 it brought did.
    expect(v['E.cp.ordersPerBuyer']).toBeCloseTo(6 / 5, 12);
    expect(v['E.cp.multiOrderShare']).toBeCloseTo(1 / 5, 12);
    expect(v['E.cp.broughtMultiOrderShare']).toBe(0);
    expect(v['E.cp.events']).toBe(1);
    // Families in the registry's order, each over the tactics with events in the config's order.
    expect(Object.keys(v).filter((k) => k.startsWith('E.'))).toEqual([
      'E.live.ordersPerBuyer', 'E.cp.ordersPerBuyer',
      'E.live.multiOrderShare', 'E.cp.multiOrderShare',
      'E.live.broughtMultiOrderShare', 'E.cp.broughtMultiOrderShare',
      'E.live.events', 'E.cp.events',
    ]);
    // Without cp's event window, cp has no E figures.
    const c = cfg();
    const noCp = values(c, facts(c, WINDOWS.slice(0, 6)));
    expect(Object.keys(noCp).filter((k) => k.startsWith('E.cp'))).toEqual([]);
  });

  it('R: the ledger figures without months or with months nobody bought in are NaN, not 0', () => {
    const c = cfg();
    const onlyEmpty = values(c, facts(c, [WINDOWS[2]!]));
    expect(onlyEmpty['R.monthlyRepurchase']).toBeNaN();
    expect(onlyEmpty['R.ordersPerMonthlyBuyer']).toBeNaN();
    const none = values(c, facts(c, []));
    expect(none['R.monthlyRepurchase']).toBeNaN();
  });

  it('R: no margin, no cost or no sales give NaN ratios, not 0 or ∞', () => {
    const c = cfg();
    c.margin = null;
    const f = facts(c);
    f.cost = 0;
    f.gmv = 0;
    f.orders = 0;
    f.assetsStart = 0;
    f.buyers = 0;
    const v = values(c, f);
    expect(v['R.marginRoi']).toBeNaN();
    expect(v['R.roi']).toBeNaN();
    expect(v['R.aov']).toBeNaN();
    expect(v['S.growthRate']).toBeNaN();
    expect(v['T.shareStart.R1']).toBeNaN();
    expect(v['R.repurchaseRate']).toBeNaN();
    expect(v['R.gmvShare.R1']).toBeNaN();
  });

  it('tactic metrics in the tactics’ order, with the units their definitions declare', () => {
    const c = cfg();
    const list = figureList(c, WINDOWS);
    const tactic = list.filter((x) => x.key.startsWith('tactic.'));
    expect(tactic.map((x) => x.key)).toEqual([
      'tactic.live.sessions',
      'tactic.live.ownViewersPerSession',
      'tactic.live.publicViewersPerSession',
      'tactic.live.ordersPerSession',
      'tactic.live.viewerConversion',
      'tactic.live.newFromSharing',
      'tactic.live.gmvPerTrafficYuan',
      'tactic.cp.issued',
      'tactic.cp.redeemed',
      'tactic.cp.redemptionRate',
      'tactic.cp.discount',
      'tactic.cp.meanDependence',
      'tactic.cp.couponOrderShare',
    ]);
    // As livestream.ts and coupons.ts declare them (not the family's `count`).
    expect(tactic.map((x) => x.unit)).toEqual(['count', 'people', 'people', 'count', 'share', 'people', 'multiplier', 'count', 'count', 'share', 'yuan', 'share', 'share']);
    const v = values(c);
    expect(v['tactic.live.sessions']).toBe(100);
    expect(v['tactic.cp.couponOrderShare']).toBe(112);
    // Units of families without parts come from the family; parts keep the family's unit.
    expect(list.find((x) => x.key === 'R.gmv')!.unit).toBe('yuan');
    expect(list.find((x) => x.key === 'R.gmv')!.part).toBe('');
    expect(list.find((x) => x.key === 'T.count.R3')!.unit).toBe('people');
    expect(list.find((x) => x.key === 'T.count.R3')!.k).toBe(3);
  });

  it('each cause’s account: moves, forward, reverse, orders, first and repeat purchases, GMV (× scale); cost, discount (yuan); ROI', () => {
    const c = cfg();
    const v = values(c);
    const names = causeNames(c);
    expect(names).toEqual(['baseline', 'decay', 'wordOfMouth', 'live', 'cp']);
    names.forEach((n, ci) => {
      expect(v[`cause.${n}.moves`], n).toBe((7 * ci + 3) * SC);
      expect(v[`cause.${n}.forwardMoves`], n).toBe((4 * ci + 2) * SC);
      expect(v[`cause.${n}.reverseMoves`], n).toBe((3 * ci + 1) * SC);
      expect(v[`cause.${n}.orders`], n).toBe((10 * ci + 1) * SC);
      expect(v[`cause.${n}.firstPurchases`], n).toBe((2 * ci + 1) * SC);
      expect(v[`cause.${n}.repeatPurchases`], n).toBe(8 * ci * SC);
      expect(v[`cause.${n}.gmv`], n).toBe((100 * ci + 50) * SC);
      expect(v[`cause.${n}.cost`], n).toBe(40 * ci + 20);
      expect(v[`cause.${n}.discount`], n).toBe(ci + 1);
      expect(v[`cause.${n}.roi`], n).toBeCloseTo(((100 * ci + 50) * SC) / (40 * ci + 20), 12);
    });
  });

  it('flow pairs: the 30 off-diagonal pairs, row by row, named from>to', () => {
    expect(FLOW_PAIRS).toHaveLength(30);
    expect(FLOW_PAIRS[0]).toEqual({ from: 0, to: 1, name: 'R0>R1' });
    expect(FLOW_PAIRS[5]).toEqual({ from: 1, to: 0, name: 'R1>R0' });
    expect(FLOW_PAIRS[29]).toEqual({ from: 5, to: 4, name: 'R5>R4' });
    expect(FLOW_PAIRS.every((p) => p.from !== p.to)).toBe(true);
  });

  it('a key finds its family and part; a key with an empty part or no family finds none', () => {
    expect(familyOf('R.gmv')).toMatchObject({ family: { key: 'R.gmv' }, part: '' });
    expect(familyOf('T.count.R5')).toMatchObject({ family: { key: 'T.count.*' }, part: 'R5' });
    expect(familyOf('cause.ads-1.gmv')).toMatchObject({ family: { key: 'cause.*.gmv' }, part: 'ads-1' });
    expect(familyOf('E.live.events')).toMatchObject({ family: { key: 'E.*.events' }, part: 'live' });
    expect(familyOf('T.count.')).toBeUndefined();
    expect(familyOf('cause..gmv')).toBeUndefined();
    expect(familyOf('R.gmvv')).toBeUndefined();
    expect(familyOf('X.count.R5')).toBeUndefined();
    expect(familyOf('T.count.R5x')).toMatchObject({ part: 'R5x' });
    expect(familyOf('cause.a.gmvx')).toBeUndefined();
  });

  it('mean-field values: each figure’s expected value from the projection; a figure without one is refused by name', () => {
    const mf = {
      meta: { days: 3 },
      tiers: { R0: [1, 2, 3, 4], R5: [10, 20, 30, 40] },
      totals: { assetsEnd: 11, newAssets: 12, gmv: 13, orders: 14, firstPurchases: 15, repeatPurchases: 16, cost: 17 },
    } as unknown as MeanFieldResult;
    expect(meanFieldValues(['S.assetsEnd', 'S.newAssets', 'R.gmv', 'R.orders', 'R.firstPurchases', 'R.repeatPurchases', 'R.cost', 'T.count.R5', 'T.count.R0'], mf)).toEqual({
      'S.assetsEnd': 11,
      'S.newAssets': 12,
      'R.gmv': 13,
      'R.orders': 14,
      'R.firstPurchases': 15,
      'R.repeatPurchases': 16,
      'R.cost': 17,
      'T.count.R5': 40,
      'T.count.R0': 4,
    });
    expect(() => meanFieldValues(['R.aov'], mf)).toThrow(/R\.aov has no mean-field value/);
    expect(() => meanFieldValues(['R.nothing' as 'R.gmv'], mf)).toThrow(/R\.nothing has no mean-field value/);
  });

  it('ledger figures: the ledger families alone, from a windows × fields tally', () => {
    const c = cfg();
    const tally = Float64Array.from(TALLY.flat());
    const v = ledgerFigures(c, WINDOWS, tally);
    expect(Object.keys(v)).toEqual([
      'R.monthlyRepurchase',
      'R.ordersPerMonthlyBuyer',
      'R.repurchaseWithin.1y',
      'E.live.ordersPerBuyer',
      'E.cp.ordersPerBuyer',
      'E.live.multiOrderShare',
      'E.cp.multiOrderShare',
      'E.live.broughtMultiOrderShare',
      'E.cp.broughtMultiOrderShare',
      'E.live.events',
      'E.cp.events',
    ]);
    expect(v['R.monthlyRepurchase']).toBeCloseTo(0.25, 12);
    expect(v['R.repurchaseWithin.1y']).toBeCloseTo(0.3, 12);
    expect(v['E.live.broughtMultiOrderShare']).toBeCloseTo(0.4, 12);
  });
});
