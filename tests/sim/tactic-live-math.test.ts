import { errorFunction } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { restoreRun, saveRun, stepDays } from '../../src/sim/checkpoint';
import type { RunRecord } from '../../src/sim/results/recorder';
import { createRun, finishRun, simulateRun } from '../../src/sim/step/model';
import { DaySources, MAX_SOURCES_PER_TIER } from '../../src/sim/step/sources';
import { coupons, thresholdBasket } from '../../src/sim/tactics/coupons';
import { livestream } from '../../src/sim/tactics/livestream';
import { R0, R1, R2, R3, R4, R5 } from '../../src/sim/tiers';
import { config, STILL_BASELINE } from '../helpers';
import { diffRecords } from './resume';
import { CAUSE, causeMove, close, dateOf, dayMove, deadCoupon, meanFieldDay, PREVIEW_COUNTS, previewCoupon, quietLive, scenarioOf, sureCoupon, type Json, type Tiers } from './live-fixtures';

/**
 * Pointed checks for what the mutation run of the tactics-live group (livestream.ts, coupons.ts) found untested after
 * tactic-live.test.ts: the arithmetic of the cold audience and of the preview's session cost, the follow-up order
 * chance, the threshold coupon's basket rule (the edge of the top-up reach, the log-normal median, baskets above the
 * threshold), which holders redeem, when packs are given and how long their next coupon lasts, who dependence holds
 * back, the mean dependence's denominator, the snapshot being a copy, and when the tactic's stream is drawn.
 * Every figure is worked out by hand in the comments; tiny still populations (nothing moves but through the tactic or
 * the rates the test sets), a few days each.
 */

const still = STILL_BASELINE;


const metric = (rec: RunRecord, keys: readonly { key: string }[], key: string) => rec.tacticMetrics[keys.findIndex((m) => m.key === key)]!;
/** |got − want| within 4 binomial standard errors of n draws at p. */
const binomial = (got: number, n: number, p: number) => expect(Math.abs(got - n * p), `${got}, by hand ${n * p}`).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));

/** The forward chance from → to that the day's sources hold (summed over their entries). */
function forwardP(src: DaySources, from: number, to: number): number {
  let p = 0;
  for (let k = 0; k < src.fCount[from]!; k++) {
    const at = from * MAX_SOURCES_PER_TIER + k;
    if (src.fTo[at] === to) p += src.fP[at]!;
  }
  return p;
}


// ---------------------------------------------------------------------------------------------------------------
// Livestream
// ---------------------------------------------------------------------------------------------------------------


describe('livestream arithmetic', () => {
  it('public viewers are shared over the whole cold audience R0 + R1 + R2, engaged ones also from R1', () => {
    // 500 R0, 300 R1, 200 R2 agents (scale 1): 1 000 cold. Traffic at the half-saturation point: ½ × 500 = 250
    // public viewers, 20 % engaged. R0 → R1: 250 × 0.8 / 1 000 = 0.2; R0 → R2 and R1 → R2: 250 × 0.2 / 1 000 = 0.05.
    const c = scenarioOf(
      [quietLive({ schedule: { daily: true }, maxPublicViewers: 500, trafficSpend: 20000, trafficHalfSaturation: 20000, trafficShape: 1, halfLifeDays: 0, publicEngageShare: 0.2 })],
      { agents: 1000, initial: { R0: 0.5, R1: 0.3, R2: 0.2 }, days: 1 },
    );
    const s = createRun(c, 0);
    s.beginDay(0);
    close(forwardP(s.sources, R0, R1), 0.2);
    close(forwardP(s.sources, R0, R2), 0.05);
    close(forwardP(s.sources, R1, R2), 0.05);
  });

  it('another order in the same session with chance q = ¼: N/(1 − q) orders, not N/q', () => {
    // 2 000 R5 viewers all buy; each order is followed by another with chance ¼: 2 000 / ¾ ≈ 2 667 orders
    // (sd √(N q)/(1 − q) ≈ 30).
    const N = 2000;
    const c = scenarioOf([quietLive({ schedule: { dates: [dateOf(0)] }, attendance: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, repeatBuyRate: 1, orderAgain: 0.25 })], { agents: N, initial: { R5: 1 }, days: 1 });
    const orders = simulateRun(c, 0).causeOrders[CAUSE]!;
    expect(Math.abs(orders - N / 0.75), `${orders} orders`).toBeLessThan((4 * Math.sqrt(N * 0.25)) / 0.75);
  });

  it('the preview pays every session of a day: 2 sessions × (500 production + 1 000 traffic)', () => {
    const cfg = scenarioOf([quietLive({ schedule: { dates: [dateOf(0)] }, sessionsPerDay: 2 })], { agents: 100, initial: { R5: 1 }, days: 2 });
    const day = meanFieldDay(cfg, [0, 0, 0, 0, 0, 100]);
    livestream.expect(cfg.tactics[0]!, { cause: CAUSE, engine: cfg, openers: new Map() }).beginDay(day.m);
    close(day.booked.cost, 2 * 500 + 2 * 1000);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Coupons
// ---------------------------------------------------------------------------------------------------------------

/** A daily hazard of 0.1: face 100 on orders of 100 pulls Hill(1; 0.25, 1) = 0.8, × redeem rate 0.125. */
const tenthCoupon = (p: Json): Json => sureCoupon({ faceValue: 100, halfSaturationDepth: 0.25, redeemRate: 0.125, priceSensitivity: 1, massRedemption: 1, validityDays: 10, ...p });

describe('threshold coupons: which baskets use them', () => {
  it('a basket exactly at the edge of the top-up reach is topped up, in the preview as in the run', () => {
    // Orders of exactly 100, threshold 200, reach ½: (1 − ½) × 200 = 100, so every basket is topped up by 100.
    expect(thresholdBasket(100, 0, 200, 0.5)).toEqual({ used: 1, topUp: 100 });
    const c = scenarioOf([sureCoupon({ kind: 'threshold', threshold: 200, topUpReach: 0.5, faceValue: 100, priceSensitivity: 5, schedule: { dates: [dateOf(0)] } })], { agents: 100, initial: { R5: 1 }, days: 1 });
    const rec = simulateRun(c, 0);
    expect(metric(rec, coupons.metrics, 'redeemed')).toBe(100);
    close(rec.causeGmv[CAUSE]!, 100 * 200);
  });

  it('log-normal baskets: half of them reach the median, e^μ = mean/√(1 + cv²); within reach by the closed form', () => {
    // Mean 100, sd 50: cv ½, σ² = ln 1.25, median 100/√1.25. Reach 0: exactly the upper half of the 400 quantiles.
    const median = 100 / Math.sqrt(1.25);
    expect(thresholdBasket(100, 50, median, 0)).toEqual({ used: 0.5, topUp: 0 });
    // Threshold 150, reach 0.3 (lo = 105): used = P(V ≥ lo); topUp = E[(150 − V); lo ≤ V < 150]
    // = 150·(Φ(b) − Φ(a)) − mean·(Φ(b − σ) − Φ(a − σ)), a and b the standardised logs of lo and 150.
    const s = Math.sqrt(Math.log(1.25));
    const mu = Math.log(100) - Math.log(1.25) / 2;
    const a = (Math.log(105) - mu) / s;
    const b = (Math.log(150) - mu) / s;
    const normalCDF = (x: number) => (1 + errorFunction(x / Math.SQRT2)) / 2;
    const got = thresholdBasket(100, 50, 150, 0.3);
    expect(Math.abs(got.used - (1 - normalCDF(a)))).toBeLessThan(1 / 400);
    expect(Math.abs(got.topUp - (150 * (normalCDF(b) - normalCDF(a)) - 100 * (normalCDF(b - s) - normalCDF(a - s))))).toBeLessThan(0.05);
  });

  it('a basket above the threshold keeps its value (only smaller ones are lifted to it)', () => {
    // Threshold 80 below orders of 100: the discount is the face value 30 on each, the basket stays 100.
    const c = scenarioOf([sureCoupon({ kind: 'threshold', threshold: 80, schedule: { dates: [dateOf(0)] } })], { agents: 100, initial: { R5: 1 }, days: 1 });
    const rec = simulateRun(c, 0);
    expect(rec.causeOrders[CAUSE]).toBe(100);
    close(rec.causeGmv[CAUSE]!, 100 * 100);
    close(rec.causeDiscount[CAUSE]!, 100 * 30);
  });
});

describe('coupons: who redeems, when packs come and how long they last', () => {
  it('the face-value curve uses the scenario’s mean order, or ¥200 without one', () => {
    const pressure = coupons.curve.pressure;
    const params = { halfSaturationDepth: 0.15, shape: 1 };
    // Face 30 on 200: depth 0.15, the half-saturation point; on 100: Hill(0.3; 0.15, 1) = ⅔.
    close(pressure(30, params, [], undefined), 0.5);
    close(pressure(30, params, [], { orderValueMean: 100 }), 2 / 3);
  });

  it('holders who moved up to R3 redeem whatever the targets; new-customer coupons in any tier below R4', () => {
    // 2 000 agents receive a coupon of daily hazard 0.1 on day 0 and the baseline moves every one who does not redeem
    // up a tier that day (R2 → R3, R1 → R2), into a tier the coupon does not target. On day 1 they redeem with 0.1.
    const run = (coupon: Json, initial: Tiers, baseline: Json) =>
      simulateRun(scenarioOf([tenthCoupon({ schedule: { dates: [dateOf(0)] }, ...coupon })], { agents: 2000, initial, days: 2, baseline: { ...still, ...baseline } }), 0);
    const r3 = run({ targets: ['R2'] }, { R2: 1 }, { forward: { R0: 0, R1: 0, R2: 1, R3: 0, R4: 0 } });
    const inR3 = dayMove(r3, 0, R2, R3);
    expect(inR3).toBeGreaterThan(1500);
    binomial(dayMove(r3, 1, R3, R4), inR3, 0.1);
    expect(causeMove(r3, R3, R4)).toBe(dayMove(r3, 1, R3, R4));
    const r2 = run({ kind: 'newCustomer', targets: ['R1'] }, { R1: 1 }, { forward: { R0: 0, R1: 1, R2: 0, R3: 0, R4: 0 } });
    const inR2 = dayMove(r2, 0, R1, R2);
    expect(inR2).toBeGreaterThan(1500);
    binomial(dayMove(r2, 1, R2, R4), inR2, 0.1);
  });

  it('a pack is given at a first purchase only: not when moving R2 → R3, nor when a buyer lapses R5 → R4', () => {
    const c = scenarioOf([deadCoupon({ kind: 'pack', schedule: { daily: true }, packSize: 3, validityDays: 30 })], {
      agents: 400,
      initial: { R2: 0.5, R5: 0.5 },
      days: 1,
      baseline: { ...still, forward: { R0: 0, R1: 0, R2: 1, R3: 0, R4: 0 }, reverse: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 } },
    });
    const rec = simulateRun(c, 0);
    expect([dayMove(rec, 0, R2, R3), dayMove(rec, 0, R5, R4)]).toEqual([200, 200]);
    expect(metric(rec, coupons.metrics, 'issued')).toBe(0);
  });

  it('the next coupon of a pack is valid validityDays from the day the one before expired: a pack of 2 × 3 days is held days 0–5', () => {
    // Issued daily, never used: received on day 0, held to day 5, removed on day 6 after that day's issue, received
    // again on day 7.
    const issued = (days: number) =>
      metric(simulateRun(scenarioOf([deadCoupon({ schedule: { daily: true }, perIssue: 2, validityDays: 3 })], { agents: 100, initial: { R5: 1 }, days }), 0), coupons.metrics, 'issued');
    expect(issued(7)).toBe(200);
    expect(issued(8)).toBe(400);
  });

  it('the next coupon of a pack is valid validityDays from the day the one before was used', () => {
    // New-customer coupons in packs of 2, issued on day 0 to R3: each redeems its first (→ R4), then as a buyer holds
    // the second without using it; the baseline lapses it back to R3 on day 1, where it uses the second on day 2 if
    // still valid: with 3 days (valid days 0–2) yes, with 2 days (days 0–1) no.
    const orders = (validityDays: number) =>
      simulateRun(
        scenarioOf([sureCoupon({ kind: 'newCustomer', targets: ['R3'], perIssue: 2, validityDays, schedule: { dates: [dateOf(0)] } })], {
          agents: 100,
          initial: { R3: 1 },
          days: 3,
          baseline: { ...still, reverse: { R1: 0, R2: 0, R3: 0, R4: 1, R5: 0 } },
        }),
        0,
      ).causeOrders[CAUSE];
    expect(orders(3)).toBe(200);
    expect(orders(2)).toBe(100);
  });
});

describe('coupons: after redeeming', () => {
  it('dependence holds back only buyers without a coupon in hand', () => {
    // 2 000 R5 holders of a pack of 3 sure coupons, who would also buy on their own with ½ a day. Every one buys each
    // day (the coupon's chance is 1); the order goes to their own buying with ½, else to the coupon. Redeeming builds
    // full dependence (step 1, half-life 1 000 days), but they still hold a coupon, so their own buying is not held
    // back: over 2 days about 2 000 coupon orders (sd √(4 000 · ¼) ≈ 32), not 2 500.
    const N = 2000;
    const c = scenarioOf([sureCoupon({ schedule: { dates: [dateOf(0)] }, perIssue: 3, dependenceStep: 1, dependenceEffect: 1, dependenceHalfLifeDays: 1000 })], {
      agents: N,
      initial: { R5: 1 },
      days: 2,
      baseline: { ...still, repeat: 0.5 },
    });
    const rec = simulateRun(c, 0);
    expect(rec.orders[0]! + rec.orders[1]!).toBe(2 * N);
    binomial(rec.causeOrders[CAUSE]!, 2 * N, 0.5);
  });

  it('pull-forward scales each redeemer’s own chance once a day (½, not ¼)', () => {
    // 300 R3 holders (agents 0–299: agents are laid out in tier order) redeem on day 0 (→ R4); the 100 R5 agents are
    // not targeted. On day 1 each redeemer is pulled forward by ½, agent 0 as much as the others.
    const c = scenarioOf([sureCoupon({ schedule: { dates: [dateOf(0)] }, targets: ['R3'], pullForward: 0.5, pullForwardDays: 5 })], { agents: 400, initial: { R3: 0.75, R5: 0.25 }, days: 3 });
    const s = createRun(c, 0);
    stepDays(s, 0, 1);
    s.beginDay(1);
    expect(s.pop.tier[0]).toBe(R4);
    let pulled = 0;
    for (let i = 0; i < s.pop.n; i++) {
      if (s.pop.tier[i] !== R4) continue;
      pulled++;
      expect(s.marks.fScale[s.marks.row[i]!], `agent ${i}`).toBe(0.5);
    }
    expect(pulled).toBe(300);
  });

  it('the mean dependence at the end is over the buyers only', () => {
    // 500 R3 holders redeem on day 0 (→ R4) and hold dependence 0.2 (a 32-bit float), halving every 10 days to the
    // end (day 10): ½ × 0.2 each; the 500 R1 agents, not targeted and not buyers, do not count.
    const c = scenarioOf([sureCoupon({ schedule: { dates: [dateOf(0)] }, targets: ['R3'] })], { agents: 1000, initial: { R1: 0.5, R3: 0.5 }, days: 10 });
    const rec = simulateRun(c, 0);
    expect(causeMove(rec, R3, R4)).toBe(500);
    close(metric(rec, coupons.metrics, 'meanDependence'), Math.fround(0.2) * 0.5);
  });

  it('a snapshot is a copy: the run going on after it does not change it', () => {
    // Packs of 3 issued twice a week, dependence and pull-forward at work, in a lively market. The snapshot after day 5
    // is restored (in memory, no JSON) only after the saved run has gone on to the end.
    const c = config({
      days: 16,
      runs: 1,
      seed: 17,
      population: { agents: 1500, scale: 3, initial: { R0: 0.4, R1: 0.2, R2: 0.15, R3: 0.1, R4: 0.08, R5: 0.07 }, heterogeneity: true },
      tactics: [
        sureCoupon({ schedule: { weekly: ['mon', 'thu'] }, targets: ['R2', 'R3', 'R4', 'R5'], reach: 0.5, perIssue: 3, validityDays: 3, reminderDays: 1, redeemRate: 0.3, faceValue: 40, priceSensitivity: 1, pullForward: 0.5, pullForwardDays: 5, dependenceStep: 0.3, dependenceEffect: 0.6, dependenceHalfLifeDays: 20 }),
      ],
    });
    const whole = simulateRun(c, 0);
    const s = createRun(c, 0);
    stepDays(s, 0, 5);
    const snap = saveRun(s, 5);
    stepDays(s, 5, c.days);
    expect(diffRecords(whole, finishRun(s))).toBeNull();
    const resumed = restoreRun(c, snap);
    stepDays(resumed, 5, c.days);
    expect(diffRecords(whole, finishRun(resumed))).toBeNull();
  });
});

describe('coupons: the tactic’s stream is drawn only to decide something', () => {
  it('one draw per targeted agent on an issue day; none for follow-up orders at chance 0, none on other days', () => {
    // 200 R5 agents receive a pack of 2 on day 0 (one draw each) and use a coupon a day (buyers: no draw for the
    // purchase chance). Days 1 and 2 have no issue; on day 2 nobody holds a coupon any more.
    const c = scenarioOf([sureCoupon({ schedule: { dates: [dateOf(0)] }, perIssue: 2 })], { agents: 200, initial: { R5: 1 }, days: 3 });
    const s = createRun(c, 0);
    const g = s.tacticRng('c');
    for (let k = 0; k < 200; k++) g.next();
    const state = () => Array.from(saveRun(s, 0).tactics[0]!.rng as Int32Array);
    stepDays(s, 0, 1);
    expect(state()).toEqual(Array.from(g.state()));
    stepDays(s, 1, 3);
    expect(s.pop.orders.reduce((a, x) => a + x, 0)).toBe(400);
    expect(state()).toEqual(Array.from(g.state()));
  });
});

describe('coupons preview: what only some kinds and days do', () => {
  // Agents per tier (R0–R5) 0 / 1 000 / 3 000 / 2 000 / 500 / 500, every tier targeted (previewCoupon).
  const counts = PREVIEW_COUNTS;
  const coupon = previewCoupon;
  const day0 = (p: Json, c = counts) => {
    const cfg = scenarioOf([coupon(p)], { agents: 100, initial: { R3: 1 }, days: 3, scale: 2, baseline: { ...still, forward: { R0: 0, R1: 0, R2: 0, R3: 0.02, R4: 0 } } });
    const day = meanFieldDay(cfg, c, 0);
    coupons.expect(cfg.tactics[0]!, { cause: CAUSE, engine: cfg, openers: new Map() }).beginDay(day.m);
    return day;
  };

  it('a store-wide coupon ignores the threshold parameter: the discount is the face value up to the whole order', () => {
    // Face 150 on orders of 100 (Hill(1.5; 0.2, 1) = 1.5/1.7): 3 500 coupons, redeemed at 0.2 × 1.5/1.7 × ½, each
    // giving the order of 100 — not 150 (a threshold of 200 would lift the basket), and every basket uses it.
    const h = (0.2 * 1.5) / 1.7 / 2;
    const { booked } = day0({ faceValue: 150, threshold: 200, topUpReach: 0.3 });
    close(booked.cost, 3500 * h * 100 * 2 + 3500 * 2 * 0.1);
    expect(booked.value).toBe(0);
  });

  it('an issue day at half effort reaches half as many (reach ½ × ½)', () => {
    // 7 000 targeted × ¼ = 1 750 coupons, 87.5 redeemed at 20 × 2 people, + 1 750 × 2 × 0.1 to issue.
    const { booked } = day0({ schedule: { daily: true, effort: 0.5 } });
    close(booked.cost, 1750 * 0.05 * 20 * 2 + 1750 * 2 * 0.1);
  });

  it('targeted tiers all empty and a channel nobody opens: nothing, not NaN', () => {
    const { booked } = day0({ channel: 'wecom', targets: ['R1', 'R2'] }, [1000, 0, 0, 2000, 500, 500]);
    expect(booked.cost).toBe(0);
  });

  it('packs after a first order only on the programme’s days', () => {
    const { booked, sources } = day0({ kind: 'pack', packSize: 3, schedule: { dates: [dateOf(1)] } });
    expect(booked.cost).toBe(0);
    expect(sources.chanceP[R4]).toBe(0);
  });
});
