import { describe, expect, it } from 'vitest';
import { config, runAll, STILL_BASELINE } from '../helpers';
import { FIRST_TACTIC_CAUSE } from '../../src/sim/config';
import { createRun, stepDay } from '../../src/sim/step/model';
import { IN_GROUP, MEMBER, WECOM } from '../../src/sim/step/population';
import type { TacticRuntime } from '../../src/sim/tactics/types';
import { thresholdBasket } from '../../src/sim/tactics/coupons';
import { Rng } from '../../src/sim/step/rng';
import { sized } from '../mutation-size';

/**
 * Engine paths the presets never take, each checked against an expectation worked out by hand from the scenario's
 * own numbers (a binomial count, a closed form), never from the tactic code's formulas.
 */

type Json = Record<string, unknown>;

/** A still population: no baseline moves, no own purchases, no word of mouth — only the tactics act. */
const still = STILL_BASELINE;

/** Mean and standard error of the mean of per-run values. */
function meanSe(xs: number[]): { mean: number; se: number } {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  return { mean: m, se: Math.sqrt(v / xs.length) };
}

describe('a homogeneous population with a tactic that acts on particular agents (livestream viewers)', () => {
  // Daily sessions to a still population: half R3, half R5. Each session an R3 or R5 agent watches with probability
  // a; an R3 viewer makes a first purchase with probability f, an R5 viewer buys again with probability b. R4 does
  // not watch, so a converted R3 buys nothing more. By hand:
  //   in-stream repeat orders per run  = S · N5 · a · b         (binomial: sd = √(S · N5 · a · b))
  //   in-stream first purchases per run = N3 · (1 − (1 − a·f)^S)
  const days = 56;
  const n = sized(20000, 5000, 2000);
  const a = 0.05;
  const f = 0.1;
  const b = 0.1;
  const live: Json = {
    id: 'l',
    type: 'livestream',
    schedule: { daily: true },
    sessionsPerDay: 1,
    attendance: { R1: 0, R2: 0, R3: a, R4: 0, R5: a },
    preheatLift: 0,
    fatigue: 0,
    maxPublicViewers: 0,
    shareRate: 0,
    followRate: 0,
    impulseRate: 0,
    firstBuyRate: f,
    repeatBuyRate: b,
    orderAgain: 0, // the session's own orders only: the oracle counts one per buyer
  };
  const scenarioOf = (heterogeneity: boolean) =>
    config({
      days,
      runs: 6,
      seed: 3,
      population: { agents: n, scale: 1, initial: { R0: 0, R1: 0, R2: 0, R3: 0.5, R4: 0, R5: 0.5 }, heterogeneity },
      baseline: still,
      tactics: [live],
    });
  // Each test runs the engine itself: a run made in the describe body would happen before StrykerJS switches a
  // mutant on (docs/testing.md § Mutation testing), so it would never see the mutant.
  const simulate = (heterogeneity: boolean) => runAll(scenarioOf(heterogeneity));
  const perRun = (s: ReturnType<typeof simulate>, key: string) => Array.from(s.figure(key));
  const expectedRepeats = days * (n / 2) * a * b; // 2 800
  const expectedFirsts = (n / 2) * (1 - Math.pow(1 - a * f, days)); // ≈ 2 445

  it('in-stream repeat orders are S·N5·a·b within 4 standard errors (homogeneous buyers\u2019 fast path)', () => {
    const hom = simulate(false);
    const { mean } = meanSe(perRun(hom, 'cause.l.repeatPurchases'));
    const se = Math.sqrt(expectedRepeats / 6); // binomial sd per run, 6 runs
    expect(Math.abs(mean - expectedRepeats), `simulated ${mean}, by hand ${expectedRepeats}`).toBeLessThan(4 * se);
  });

  it('in-stream first purchases are N3·(1 − (1 − a·f)^S) within 4 standard errors (homogeneous non-buyers\u2019 fast path)', () => {
    const hom = simulate(false);
    const { mean } = meanSe(perRun(hom, 'cause.l.firstPurchases'));
    const se = Math.sqrt((n / 2) * (1 - Math.pow(1 - a * f, days)) * Math.pow(1 - a * f, days) / 6);
    expect(Math.abs(mean - expectedFirsts), `simulated ${mean}, by hand ${expectedFirsts}`).toBeLessThan(4 * se);
    // Nothing but the livestream acts: every order of the run is an in-stream order.
    expect(hom.result().totals.orders!.mean).toBe(hom.result().byCause.l!.orders!.mean);
  });

  it('homogeneous and heterogeneous runs agree on in-stream repeat orders (attendance × a mean-1 trait)', () => {
    const hom = simulate(false);
    const het = simulate(true);
    const h = meanSe(perRun(hom, 'cause.l.repeatPurchases'));
    const t = meanSe(perRun(het, 'cause.l.repeatPurchases'));
    expect(Math.abs(h.mean - t.mean)).toBeLessThan(4 * Math.sqrt(h.se ** 2 + t.se ** 2) + 1e-9);
    expect(Math.abs(t.mean - expectedRepeats)).toBeLessThan(4 * Math.sqrt(expectedRepeats / 6) * 1.2);
  });
});

describe('BG/NBD repeat buying with a tactic that gives buyers an extra purchase chance (livestream)', () => {
  // A still BG/NBD population of buyers: λ = r/α = 10⁻⁴ a day (they hardly buy on their own) and a dropout chance
  // p = a/(a+b) = 0.9 after each purchase, so most buyers become inactive after their first in-stream order. The
  // model says an in-stream purchase chance reaches inactive buyers too (and makes them active again), so by hand:
  //   in-stream orders per run = S · N · att · b · (1 − (1 − e^{−λ})) ≈ S · N · att · b.
  const days = 40;
  const n = sized(20000, 5000, 2000);
  const att = 0.05;
  const b = 0.1;
  // Compiled anew by each test as well (compiling runs src/sim code: schedules, apportioning agents to tiers), so
  // that a mutant there is seen; `c` is for the test's own arithmetic.
  const configOf = () =>
    config({
      days,
      runs: 6,
      seed: 8,
      population: { agents: n, scale: 1, initial: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, heterogeneity: false },
      baseline: { ...still, repeatModel: { kind: 'bgnbd', r: 0.01, alpha: 100, a: 9, b: 1 } },
      tactics: [
        {
          id: 'l',
          type: 'livestream',
          schedule: { daily: true },
          attendance: { R1: 0, R2: 0, R3: 0, R4: 0, R5: att },
          preheatLift: 0,
          fatigue: 0,
          maxPublicViewers: 0,
          shareRate: 0,
          repeatBuyRate: b,
          orderAgain: 0, // the session's own orders only: the oracle counts one per buyer
        },
      ],
    });
  const c = configOf();

  it('in-stream orders are S·N·att·b within 4 standard errors, inactive buyers included', () => {
    const s = runAll(configOf());
    const expected = days * n * att * b * (1 - (1 - Math.exp(-1e-4))); // 4 000
    const { mean } = meanSe(Array.from(s.figure('cause.l.orders')));
    expect(Math.abs(mean - expected), `simulated ${mean}, by hand ${expected}`).toBeLessThan(4 * Math.sqrt(expected / c.runs));
  });

  it('own BG/NBD purchases stay at the closed-form rate: at most N·λ·S', () => {
    // Buyers who dropped out do not buy on their own, so baseline orders are below N·λ·S = 80 (and above zero).
    const s = runAll(configOf());
    const own = s.result().byCause.baseline!.orders!.mean;
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(n * 1e-4 * days + 4 * Math.sqrt(n * 1e-4 * days));
  });
});

describe('coupons: every channel and every kind reach only who may receive', () => {
  const CHANNELS = ['all', 'groups', 'wecom', 'members'] as const;
  const KINDS = ['newCustomer', 'threshold', 'category', 'storewide', 'pack'] as const;
  const FLAG = { all: 0, groups: IN_GROUP, wecom: WECOM, members: MEMBER } as const;
  const ISSUE_DAY = 20; // 2026-03-22
  const scale = 2;
  const packSize = 3;
  // Tactics that open each channel, with every other effect switched off: R2 → R3 joins and sign-ups after orders.
  const OPENERS: Record<string, Json> = {
    groups: { id: 'o', type: 'communityGroups', schedule: { daily: true }, groups: 40, capacity: 500, joinRate: 0.05, postOrderJoinRate: 0.5, convertRate: 0, repeatLift: 0, localWordOfMouth: 0, baseLeave: 0, fatigue: 0 },
    wecom: { id: 'o', type: 'guides', schedule: { daily: true }, guides: 10, contactsPerGuide: 10000, addsPerGuide: 20, postOrderAddRate: 0.5, consultRate: 0, followUpLift: 0, recallRate: 0 },
    members: { id: 'o', type: 'membership', schedule: { daily: true }, joinRate: 0.05, joinAtCheckout: 0.5, firstBuyLift: 0, repeatLift: 0, lapseReduction: 0, memberDayLift: 0, paidShare: 0 },
  };
  const coupon = (kind: string, channel: string): Json => ({
    id: 'c',
    type: 'coupons',
    kind,
    channel,
    schedule: kind === 'pack' ? { daily: true } : { dates: ['2026-03-22'] },
    targets: ['R1', 'R2', 'R3', 'R4', 'R5'],
    reach: 1,
    faceValue: 50,
    redeemRate: 0.3,
    validityDays: 5,
    packSize,
  });
  const scenarioOf = (kind: string, channel: string, opened: boolean) =>
    config({
      days: 30,
      runs: 2,
      seed: 4,
      population: { agents: 4000, scale, initial: { R0: 0.1, R1: 0.1, R2: 0.4, R3: 0.2, R4: 0.1, R5: 0.1 }, heterogeneity: false },
      baseline: { ...still, forward: { R0: 0, R1: 0, R2: 0, R3: 0.01, R4: 0.01 }, repeat: 0.02 },
      // The coupon comes first, so nothing changes anyone's channels on the issue day before it issues.
      tactics: [coupon(kind, channel), ...(opened && channel !== 'all' ? [OPENERS[channel]!] : [])],
    });

  /**
   * Step one run by hand and watch it: who is eligible at the start of the issue day (the model's rule: a target
   * tier, not a buyer for a new-customer coupon, in the channel), who makes a first purchase inside the channel on a
   * programme day (a pack's recipients), and whether every coupon order came from an agent in the channel.
   */
  function watch(kind: string, channel: (typeof CHANNELS)[number], run: number) {
    const c = scenarioOf(kind, channel, true);
    const s = createRun(c, run);
    const flag = FLAG[channel];
    const inChannel = (i: number) => flag === 0 || (s.pop.channels[i]! & flag) !== 0;
    const couponCause = FIRST_TACTIC_CAUSE; // the first tactic
    let packRecipients = 0;
    let firsts = 0;
    let couponOrders = 0;
    let outsideOrders = 0;
    const spy: TacticRuntime = {
      beginDay() {},
      onMove(_s, i, from, to) {
        if (to !== 4 || from >= 4) return;
        firsts++;
        if (inChannel(i)) packRecipients++;
      },
      onOrder(_s, o) {
        if (o.cause !== couponCause) return;
        couponOrders++;
        if (!inChannel(o.agent)) outsideOrders++;
      },
    };
    s.setTactics([...s.tactics, spy]);
    let eligible = 0;
    let targeted = 0;
    for (let day = 0; day < c.days; day++) {
      if (day === ISSUE_DAY) {
        for (let i = 0; i < s.pop.n; i++) {
          const t = s.pop.tier[i]!;
          if (t === 0 || (kind === 'newCustomer' && t >= 4)) continue;
          targeted++;
          if (inChannel(i)) eligible++;
        }
      }
      stepDay(s, day);
    }
    const issued = s.tactics[0]!.report!(s)[0]!;
    return { issued, eligible, targeted, packRecipients, firsts, couponOrders, outsideOrders };
  }

  describe.each(KINDS)('kind %s', (kind) => {
    it.each(CHANNELS)('channel %s: issues exactly to the eligible agents, and only they redeem', (channel) => {
      for (const run of [0, 1]) {
        const w = watch(kind, channel, run);
        if (kind === 'pack') expect(w.issued).toBe(packSize * w.packRecipients * scale);
        else expect(w.issued).toBe(w.eligible * scale);
        expect(w.issued).toBeGreaterThan(0);
        // Outside channel all, some who could have received are not in the channel: the check discriminates.
        if (channel !== 'all') expect(kind === 'pack' ? w.packRecipients : w.eligible).toBeLessThan(kind === 'pack' ? w.firsts : w.targeted);
        expect(w.couponOrders).toBeGreaterThan(0);
        expect(w.outsideOrders).toBe(0);
      }
    });

    it.each(CHANNELS.filter((ch) => ch !== 'all'))('channel %s with no tactic opening it issues nothing', (channel) => {
      const r = runAll(scenarioOf(kind, channel, false)).result();
      expect(r.tactics.c!.issued!.mean).toBe(0);
      expect(r.byCause.c!.orders!.mean).toBe(0);
      expect(r.byCause.c!.cost!.mean).toBe(0);
    });
  });

  it('the same coupon on channel all does issue and redeem without any opener (the check above is not vacuous)', () => {
    for (const kind of KINDS) {
      const r = runAll(scenarioOf(kind, 'all', false)).result();
      expect(r.tactics.c!.issued!.mean).toBeGreaterThan(0);
      expect(r.byCause.c!.orders!.mean).toBeGreaterThan(0);
    }
  });
});

describe('coupon kinds: redemption, discount and cost by hand', () => {
  // A still population, half R3 and half R5, everyone a target; one issue day with reach 1, so every target holds a
  // coupon valid V = 10 days. The pull is Hill(face ÷ mean order; ec, s) = Hill(25/100; 0.25, 1) = 0.5, so a holder
  // redeems with daily hazard h = redeemRate · 0.5 = 0.1 — × categoryShare (0.4) for a category coupon,
  // × mean ÷ threshold (100/200) for a threshold coupon whose threshold is above the mean order, × the mass-drop share
  // for a coupon dropped on everyone. Nobody buys otherwise, so the coupon's orders = holders · (1 − (1 − h)^V), each
  // with a discount of the face value (every basket is 100 ≥ 25) — except a threshold coupon's: a basket of 100 is
  // topped up to 200 when the customer adds up to half the threshold (top-up reach 0.5), and bought at 100 without the
  // coupon when only up to 30 % (reach 0.3) — and the cost is discounts + issued × issue cost.
  const n = sized(10000, 3000, 1500);
  const V = 10;
  const face = 25;
  const issueCost = 0.05;
  const cases = [
    { kind: 'storewide', holders: n, h: 0.1, value: 100, mass: 1, reachUp: 0.3, discounted: true },
    { kind: 'storewide', holders: n, h: 0.03, value: 100, mass: 0.3, reachUp: 0.3, discounted: true }, // dropped on everyone
    { kind: 'category', holders: n, h: 0.04, value: 100, mass: 1, reachUp: 0.3, discounted: true },
    { kind: 'threshold', holders: n, h: 0.05, value: 200, mass: 1, reachUp: 0.5, discounted: true },
    { kind: 'threshold', holders: n, h: 0.05, value: 100, mass: 1, reachUp: 0.3, discounted: false },
    { kind: 'newCustomer', holders: n / 2, h: 0.1, value: 100, mass: 1, reachUp: 0.3, discounted: true }, // R5 buyers receive no new-customer coupon
  ];
  it.each(cases)('$kind (mass-drop share $mass, top-up reach $reachUp): holders · (1 − (1 − h)^V) orders, face value each when used, issue cost per coupon', ({ kind, holders, h, value, mass, reachUp, discounted }) => {
    const c = config({
      days: 30,
      runs: 4,
      seed: 6,
      population: { agents: n, scale: 1, initial: { R0: 0, R1: 0, R2: 0, R3: 0.5, R4: 0, R5: 0.5 }, heterogeneity: false },
      baseline: still,
      tactics: [
        {
          id: 'c',
          type: 'coupons',
          kind,
          schedule: { dates: ['2026-03-04'] },
          targets: ['R3', 'R5'],
          reach: 1,
          faceValue: face,
          threshold: 200,
          halfSaturationDepth: 0.25,
          shape: 1,
          redeemRate: 0.2,
          priceSensitivity: 1,
          categoryShare: 0.4,
          validityDays: V,
          reminderDays: 0,
          issueCost,
          massRedemption: mass,
          topUpReach: reachUp,
        },
      ],
    });
    const s = runAll(c);
    const r = s.result();
    expect(r.tactics.c!.issued!.mean).toBe(holders);
    const expected = holders * (1 - Math.pow(1 - h, V));
    const se = Math.sqrt((expected * Math.pow(1 - h, V)) / c.runs);
    const redeemed = meanSe(Array.from(s.figure('cause.c.orders'))).mean;
    expect(Math.abs(redeemed - expected), `redeemed ${redeemed}, by hand ${expected}`).toBeLessThan(4 * se);
    // Per run, exactly: GMV = redemptions × basket, discount = redemptions × face, cost = discount + issue cost.
    const orders = Array.from(s.figure('cause.c.orders'));
    Array.from(s.figure('cause.c.gmv')).forEach((g, k) => expect(g).toBeCloseTo(orders[k]! * value, 6));
    const used = discounted ? 1 : 0;
    Array.from(s.figure('cause.c.discount')).forEach((d, k) => expect(d).toBeCloseTo(orders[k]! * face * used, 6));
    Array.from(s.figure('cause.c.cost')).forEach((x, k) => expect(x).toBeCloseTo(orders[k]! * face * used + holders * issueCost, 6));
    Array.from(s.figure('tactic.c.redeemed')).forEach((x, k) => expect(x).toBe(orders[k]! * used));
  });
});

describe('threshold coupons’ baskets in the mean field, against sampled baskets', () => {
  // Log-normal baskets with mean 100 and sd 50, a ¥150 threshold: sample 200 000 baskets with a seeded generator and
  // count by hand which reach the threshold, which come within reach (topped up) and by how much.
  const mean = 100;
  const sd = 50;
  const T = 150;
  const sampled = (reach: number) => {
    const rng = new Rng('threshold-baskets');
    const s2 = Math.log(1 + (sd / mean) ** 2);
    let used = 0;
    let topUp = 0;
    const N = 200_000;
    for (let k = 0; k < N; k++) {
      const v = Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * rng.normal());
      if (v >= T) used++;
      else if (v >= (1 - reach) * T) {
        used++;
        topUp += T - v;
      }
    }
    return { used: used / N, topUp: topUp / N };
  };
  it.each([0, 0.3, 0.5])('top-up reach %s: the share of orders using the coupon and the yuan added per order', (reach) => {
    const got = thresholdBasket(mean, sd, T, reach);
    const want = sampled(reach);
    expect(Math.abs(got.used - want.used)).toBeLessThan(0.005);
    expect(Math.abs(got.topUp - want.topUp)).toBeLessThan(0.3);
  });
  it('with equal baskets, all or nothing', () => {
    expect(thresholdBasket(100, 0, 150, 0.3)).toEqual({ used: 0, topUp: 0 });
    expect(thresholdBasket(100, 0, 150, 0.4)).toEqual({ used: 1, topUp: 50 });
  });
});

describe('ads retarget warm audiences, by hand', () => {
  // 10 000 buyers (R5) who never buy on their own; ads spend ¥4 000 a day at ¥40 per 1 000 impressions, half of it on
  // the warm pool (R3–R5, all 10 000 people): 50 000 impressions, 5 a person, so f/(1 + f) = 5/6 of them are reached
  // each day (ec 1, shape 1, no carry-over) and retargetBuyRate 1 % of those buy: 10 000 × 5/6 × 1 % ≈ 83.3 a day.
  const n = sized(10000, 3000, 1500);
  const cfg = (retargetShare: number) =>
    config({
      days: 20,
      runs: 3,
      seed: 8,
      population: { agents: n, scale: 1, initial: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, heterogeneity: false },
      baseline: still,
      tactics: [{ id: 'ads', type: 'ads', schedule: { daily: true }, dailySpend: 4000, cpm: 40, halfLifeDays: 0, retargetShare, retargetBuyRate: 0.01 }],
    });
  it('half the spend on 10 000 warm people: 10 000 × 5/6 × 1 % orders a day', () => {
    const s = runAll(cfg(0.5));
    const perDay = meanSe(Array.from(s.figure('cause.ads.orders'))).mean / 20;
    const expected = (n * 5) / 6 / 100;
    // Binomial noise of 20 days × 3 runs.
    expect(Math.abs(perDay - expected), `${perDay} a day vs ${expected}`).toBeLessThan(4 * Math.sqrt(expected / 60));
  });
  it('no retargeting, no purchase by a warm person', () => {
    expect(Array.from(runAll(cfg(0)).figure('cause.ads.orders'))).toEqual([0, 0, 0]);
  });
});

describe('ads saturate at their audience, by hand', () => {
  // 10 000 people in R0 and nothing else happens; a huge daily spend reaches the whole audience on day 1. With an
  // audience of 40 % of the people around the brand, R0 → R1 stops near 4 000 however long the campaign runs
  // (binomial sd 49); with 100 % it takes everyone.
  const cfg = (audienceShare: number) =>
    config({
      days: 30,
      runs: 2,
      seed: 12,
      population: { agents: 10000, scale: 1, initial: { R0: 1, R1: 0, R2: 0, R3: 0, R4: 0, R5: 0 }, heterogeneity: false },
      baseline: still,
      tactics: [{ id: 'ads', type: 'ads', schedule: { daily: true }, dailySpend: 1e7, cpm: 10, halfLifeDays: 0, engageRate: 0, directBuyRate: 0, retargetShare: 0, audienceShare }],
    });
  it('a 40 % audience: about 4 000 reached, and no more after the first days', () => {
    const r = runAll(cfg(0.4)).result();
    const reached = r.star.T.count.R1!.mean;
    expect(Math.abs(reached - 4000), `${reached}`).toBeLessThan(4 * 49);
    expect(r.daily.tiers.R1.mean[30]).toBe(r.daily.tiers.R1.mean[5]);
  });
  it('the whole market as the audience: everyone', () => {
    expect(runAll(cfg(1)).result().star.T.count.R1!.mean).toBeGreaterThan(9990);
  });
});
