import { describe, expect, it } from 'vitest';
import { restoreRun, saveRun, stepDays } from '../../src/sim/checkpoint';
import { CAUSE_BASELINE, type EngineConfig } from '../../src/sim/config';
import type { RunRecord } from '../../src/sim/results/recorder';
import { createRun, finishRun, simulateRun } from '../../src/sim/step/model';
import { stepMoves } from '../../src/sim/step/moves';
import { coupons } from '../../src/sim/tactics/coupons';
import { livestream } from '../../src/sim/tactics/livestream';
import type { ChannelId, ChannelOpener, TacticState } from '../../src/sim/tactics/types';
import { DaySources, MAX_SOURCES_PER_TIER, TRAIT_PRICE, TRAIT_RESPOND, TRAIT_SOCIAL } from '../../src/sim/step/sources';
import { R0, R1, R2, R3, R4, R5 } from '../../src/sim/tiers';
import { config, scenarioJson, STILL_BASELINE } from '../helpers';
import { diffRecords, resumedThrough } from './resume';
import { CAUSE, causeMove, close, close as rel, dateOf, dayMove, deadCoupon, meanFieldDay, PREVIEW_COUNTS, previewCoupon, quietLive, scenarioOf, sureCoupon, type Json } from './live-fixtures';

/**
 * The livestream and coupon tactics (the tactics-live mutation group) on tiny scenarios where their figures can be
 * worked out by hand: still populations (nothing moves or buys but through the tactic), rates of 0 or 1 so most
 * counts are exact, and closed forms (Hill, adstock, recency, half-lives) for the rest; statistical checks use
 * binomial standard errors. And their checkpoints: a run cut, saved, written to JSON text, read back and finished
 * equals the uninterrupted run bit for bit, and a state with a field missing or of the wrong kind is refused by name.
 *
 * Every figure here is from one run's record (simulateRun): counts in agents, GMV per agent, costs in real yuan,
 * the tactic's own metrics as its report() gives them (scaled to real people where the metric is a count).
 */

const still = STILL_BASELINE;

/** The tactic's own metrics, by key, from a run's record (the first tactic's). */
function metricsOf(rec: RunRecord, keys: readonly { key: string }[]): Record<string, number> {
  return Object.fromEntries(keys.map((m, k) => [m.key, rec.tacticMetrics[k]!]));
}

const tierAt = (rec: RunRecord, dayIndex: number, t: number) => rec.tiers[dayIndex * 6 + t]!;
const causeCost = (rec: RunRecord) => {
  let c = 0;
  for (let d = 0; d < rec.days; d++) c += rec.causeCost[d * rec.causes + CAUSE]!;
  return c;
};

// ---------------------------------------------------------------------------------------------------------------
// Checkpoints
// ---------------------------------------------------------------------------------------------------------------



/** A lively market (scenarioJson's baseline, heterogeneous agents) with one tactic, for the checkpoint tests. */
function marketWith(tactic: Json, days = 24): EngineConfig {
  const j = scenarioJson({ days, runs: 1, seed: 17, population: { agents: 1500, scale: 3, initial: { R0: 0.4, R1: 0.2, R2: 0.15, R3: 0.1, R4: 0.08, R5: 0.07 }, heterogeneity: true } });
  return config({ ...j, tactics: [tactic] });
}

/** A sessions-heavy livestream: public traffic carried over (half-life 2 days), fatigue, sharing, follow-up orders. */
const LIVE_CHECKPOINTED: Json = {
  id: 'l',
  type: 'livestream',
  schedule: { weekly: ['mon', 'tue', 'wed', 'sat'] },
  sessionsPerDay: 2,
  attendance: { R1: 0.05, R2: 0.1, R3: 0.3, R4: 0.4, R5: 0.5 },
  fatigue: 1,
  fatigueHalfLifeDays: 4,
  halfLifeDays: 2,
  trafficSpend: 20000,
  maxPublicViewers: 2000,
  shareRate: 0.3,
  friendsPerShare: 2,
  followRate: 0.2,
  impulseRate: 0.05,
  firstBuyRate: 0.2,
  repeatBuyRate: 0.2,
  orderAgain: 0.4,
};

/** Coupons in packs of three, with dependence and pull-forward at work. */
const COUPONS_CHECKPOINTED: Json = {
  id: 'c',
  type: 'coupons',
  kind: 'storewide',
  schedule: { weekly: ['mon', 'thu'] },
  targets: ['R2', 'R3', 'R4', 'R5'],
  reach: 0.5,
  perIssue: 3,
  validityDays: 3,
  reminderDays: 1,
  redeemRate: 0.3,
  faceValue: 40,
  pullForward: 0.5,
  pullForwardDays: 5,
  dependenceStep: 0.3,
  dependenceEffect: 0.6,
  dependenceHalfLifeDays: 20,
  orderAgain: 0.5,
};

const PACK_CHECKPOINTED: Json = { id: 'c', type: 'coupons', kind: 'pack', schedule: { daily: true }, packSize: 3, validityDays: 2, redeemRate: 0.3, faceValue: 40, orderAgain: 0.5 };

describe('checkpoints: a resumed run equals the uninterrupted run, bit for bit', () => {
  // Cuts on a session or issue day and on days without one (Mon 2026-03-02 is day 0), one run resumed from another.
  it.each([
    ['livestream', LIVE_CHECKPOINTED],
    ['coupons (packs of three per issue)', COUPONS_CHECKPOINTED],
    ['coupons (a pack after a first order)', PACK_CHECKPOINTED],
  ])('%s, cut after days 3, 6 and 10', (_name, tactic) => {
    const c = marketWith(tactic);
    const whole = simulateRun(c, 0);
    // The tactic acted before and after the cuts: the check is not vacuous.
    expect(whole.causeOrders[CAUSE]).toBeGreaterThan(0);
    expect(diffRecords(whole, resumedThrough(c, 0, [3, 6, 10]))).toBeNull();
  });

  it('coupons: a state saved before the first day with nothing created yet (null sets and arrays) resumes as a fresh run', () => {
    const c = marketWith(COUPONS_CHECKPOINTED);
    const whole = simulateRun(c, 0);
    const snap = saveRun(createRun(c, 0), 0);
    const st = { ...snap.tactics[0]! };
    for (const k of ['holders', 'affected', 'until', 'packLeft', 'dependence', 'depDay', 'pullUntil']) st[k] = null;
    const s = restoreRun(c, { ...snap, tactics: [st] });
    stepDays(s, 0, c.days);
    expect(diffRecords(whole, finishRun(s))).toBeNull();
  });
});

describe('checkpoints: a malformed tactic state is refused, naming its field', () => {
  /** The state of the scenario's tactic after 5 days, and a restore of the snapshot with that state changed. */
  function savedAfter5(tactic: Json) {
    const c = marketWith(tactic, 10);
    const s = createRun(c, 0);
    stepDays(s, 0, 5);
    const snap = saveRun(s, 5);
    const restoreWith = (st: Record<string, unknown>) => () => restoreRun(c, { ...snap, tactics: [st as TacticState] });
    return { c, st: snap.tactics[0]!, restoreWith };
  }

  it('livestream: every field of its state is required; a number of the wrong kind and a short stream are refused', () => {
    const { st, restoreWith } = savedAfter5(LIVE_CHECKPOINTED);
    expect(st.totalSessions).toBeGreaterThan(0);
    const keys = ['traffic', 'recency', 'sessions', 'fatigueMult', 'publicReal', 'spend', 'rng', 'totalSessions', 'ownViewers', 'publicTotal', 'orders', 'inStreamGmv', 'trafficSpent', 'fromSharing', 'shareShare', 'newcomersToday'];
    expect(Object.keys(st).sort()).toEqual([...keys].sort());
    for (const k of keys) {
      const broken = { ...st };
      delete broken[k];
      expect(restoreWith(broken), k).toThrow(`tactics[0] (l).${k}: expected`);
    }
    expect(restoreWith({ ...st, orders: '12' })).toThrow('tactics[0] (l).orders: expected a number, got string');
    expect(restoreWith({ ...st, rng: new Int32Array(3) })).toThrow('tactics[0] (l).rng: expected 4 values, got 3');
  });

  it('coupons: every field of its state is required; arrays of the wrong kind or length are refused', () => {
    const { c, st, restoreWith } = savedAfter5(COUPONS_CHECKPOINTED);
    expect(st.issued).toBeGreaterThan(0);
    const n = c.agents;
    const keys = ['holders', 'affected', 'until', 'packLeft', 'dependence', 'depDay', 'pullUntil', 'rng', 'issuedToday', 'issued', 'redeemed', 'discount', 'couponOrders', 'allOrders'];
    expect(Object.keys(st).sort()).toEqual([...keys].sort());
    for (const k of keys) {
      const broken = { ...st };
      delete broken[k];
      expect(restoreWith(broken), k).toThrow(`tactics[0] (c).${k}: expected`);
    }
    expect(restoreWith({ ...st, until: new Int16Array(n - 1) })).toThrow(`tactics[0] (c).until: expected ${n} values, got ${n - 1}`);
    expect(restoreWith({ ...st, packLeft: new Int16Array(n) })).toThrow('tactics[0] (c).packLeft: expected Uint8Array, got Int16Array');
    expect(restoreWith({ ...st, dependence: new Float64Array(n) })).toThrow('tactics[0] (c).dependence: expected Float32Array, got Float64Array');
    expect(restoreWith({ ...st, holders: new Float64Array(2) })).toThrow('tactics[0] (c).holders: expected Int32Array, got Float64Array');
    // A member set that names an agent twice (MemberSet.restore refuses it): reported under the field's name.
    expect(restoreWith({ ...st, holders: Int32Array.of(1, 1) })).toThrow(/^tactics\[0\] \(c\)\.holders: /);
    expect(restoreWith({ ...st, redeemed: null })).toThrow('tactics[0] (c).redeemed: expected a number, got null');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Livestream by hand
// ---------------------------------------------------------------------------------------------------------------


describe('livestream: the report and the costs by hand', () => {
  it('every buyer watches and buys: sessions, viewers, orders, conversion, GMV per traffic yuan and costs, at scale 2', () => {
    // 400 R5 buyers, each watching (attendance 1) and buying (repeat-buy 1) on each of 3 session days with 2 sessions a
    // day; every order is 100 × 1.5 (deal basket) = 150 with a deal discount of 10 %. Scale 2: each agent is 2 people.
    const N = 400;
    const c = scenarioOf([quietLive({ schedule: { dates: [dateOf(2), dateOf(5), dateOf(6)] }, sessionsPerDay: 2, attendance: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, repeatBuyRate: 1, dealBasket: 1.5, dealDiscount: 0.1 })], {
      agents: N,
      initial: { R5: 1 },
      days: 8,
      scale: 2,
    });
    const rec = simulateRun(c, 0);
    const m = metricsOf(rec, livestream.metrics);
    expect(m.sessions).toBe(6);
    // Viewers count once a day (they watch at least one of the day's sessions): 3 × 400 agents × 2 people ÷ 6 sessions.
    expect(m.ownViewersPerSession).toBe(N);
    expect(m.publicViewersPerSession).toBe(0);
    expect(rec.causeOrders[CAUSE]).toBe(3 * N);
    expect(Array.from(rec.orders)).toEqual([0, 0, N, 0, 0, N, N, 0]);
    expect(m.ordersPerSession).toBe(N);
    expect(m.viewerConversion).toBe(1);
    expect(m.newFromSharing).toBe(0);
    rel(rec.causeGmv[CAUSE]!, 3 * N * 150);
    // In-stream GMV in yuan (3 × 400 × 150 × 2) over the traffic bought (1 000 a session × 6).
    rel(m.gmvPerTrafficYuan!, (3 * N * 150 * 2) / 6000);
    rel(rec.causeDiscount[CAUSE]!, 3 * N * 15 * 2);
    rel(causeCost(rec), 6 * 500 + 6 * 1000 + 3 * N * 15 * 2);
  });

  it('no viewers and no traffic: conversion and GMV per traffic yuan are undefined (NaN), not 0; nobody new from sharing', () => {
    const c = scenarioOf([quietLive({ schedule: { daily: true }, trafficSpend: 0 })], { agents: 200, initial: { R0: 0.5, R5: 0.5 }, days: 3 });
    const m = metricsOf(simulateRun(c, 0), livestream.metrics);
    expect(m.sessions).toBe(3);
    expect(m.ownViewersPerSession).toBe(0);
    expect(m.viewerConversion).toBeNaN();
    expect(m.gmvPerTrafficYuan).toBeNaN();
    expect(m.newFromSharing).toBe(0);
  });

  it('orders and moves of other causes are not the livestream’s: no deal on them, no newcomers credited to its sharing', () => {
    // 400 R5 buyers buy on their own (repeat 0.5) at 100; they watch l but buy nothing in-stream, and all share with a
    // negligible reach (0.0001 friends each), so every newcomer l brings counts as brought by sharing. A second
    // livestream (m) brings R0 agents with public traffic (1 000 = every R0 agent, all reached), which l did not bring.
    const c = scenarioOf(
      [
        quietLive({ schedule: { daily: true }, dealBasket: 1.5, attendance: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, shareRate: 1, friendsPerShare: 0.0001 }),
        quietLive({ id: 'm', schedule: { dates: [dateOf(0)] }, maxPublicViewers: 2000, trafficSpend: 20000, trafficHalfSaturation: 20000, trafficShape: 1, halfLifeDays: 0, publicEngageShare: 0 }),
      ],
      { agents: 1400, initial: { R0: 1000 / 1400, R5: 400 / 1400 }, days: 3, baseline: { ...still, repeat: 0.5 } },
    );
    const rec = simulateRun(c, 0);
    const own = rec.causeOrders[CAUSE_BASELINE]!;
    expect(own).toBeGreaterThan(300);
    rel(rec.causeGmv[CAUSE_BASELINE]!, own * 100);
    expect(rec.causeMoves[(CAUSE + 1) * 36 + R0 * 6 + R1]).toBe(1000);
    const m = metricsOf(rec, livestream.metrics);
    expect(m.ordersPerSession).toBe(0);
    expect(m.newFromSharing).toBe(causeMove(rec, R0, R2));
    expect(m.newFromSharing).toBeLessThan(5);
    rel(causeCost(rec), 3 * (500 + 1000) + m.newFromSharing! * 5);
  });

  it('the session draws follow the tactic’s own stream, agent by agent, as rng.next() would (heterogeneous agents)', () => {
    // Replay by hand, on a fresh copy of the tactic's stream: every agent outside R0, in order, draws whether it attends
    // (tier attendance × its responsiveness); a viewer draws whether it shares (share rate × its sociability); an R1/R2
    // viewer marked both to follow and to buy draws which of the two marks counts. Sharers × friends ÷ R0 is the day's
    // chance of R0 → R2 through sharing.
    const att = [0, 1 - (1 - 0.4), 1 - (1 - 0.4), 0, 0, 1 - (1 - 0.4)];
    // Sessions on Monday and Wednesday (days 0 and 2): no draw on Tuesday.
    const c = scenarioOf([quietLive({ schedule: { weekly: ['mon', 'wed'] }, attendance: { R1: 0.4, R2: 0.4, R3: 0, R4: 0, R5: 0.4 }, shareRate: 0.3, friendsPerShare: 0.5, followRate: 0.3, impulseRate: 0.2 })], {
      agents: 800,
      initial: { R0: 0.25, R1: 0.25, R2: 0.25, R5: 0.25 },
      days: 3,
      heterogeneity: true,
    });
    const s = createRun(c, 0);
    const g = s.tacticRng('l');
    const respond = s.pop.respond!;
    const social = s.pop.social!;
    let viewers = 0;
    for (let day = 0; day < c.days; day++) {
      let sharers = 0;
      for (let i = 0; i < s.pop.n && day !== 1; i++) {
        const t = s.pop.tier[i]!;
        if (t === R0) continue;
        if (!(g.next() < att[t]! * respond[i]!)) continue;
        viewers++;
        if (g.next() < 0.3 * social[i]!) sharers++;
        if (t === R1 || t === R2) g.next();
      }
      s.beginDay(day);
      const r0r2 = forwardOf(s.sources, R0, R2);
      expect(r0r2.traits).toEqual(day === 1 ? [] : [TRAIT_SOCIAL]);
      close(r0r2.p, (sharers * 0.5) / s.startCounts[R0]!);
      stepMoves(s);
      s.endDay();
    }
    const m = metricsOf(finishRun(s), livestream.metrics);
    expect(m.sessions).toBe(2);
    expect(m.ownViewersPerSession! * m.sessions!).toBe(viewers);
    expect(viewers).toBeGreaterThan(300);
  });

  it('orders without any traffic bought: GMV per traffic yuan is undefined (NaN), not infinite', () => {
    const c = scenarioOf([quietLive({ schedule: { daily: true }, trafficSpend: 0, attendance: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, repeatBuyRate: 1 })], { agents: 100, initial: { R5: 1 }, days: 2 });
    const rec = simulateRun(c, 0);
    expect(rec.causeOrders[CAUSE]).toBe(200);
    expect(metricsOf(rec, livestream.metrics).gmvPerTrafficYuan).toBeNaN();
  });

  it('no session at all: every per-session figure is 0', () => {
    const c = scenarioOf([quietLive({ schedule: { daily: true, effort: 0 }, attendance: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, repeatBuyRate: 1 })], { agents: 100, initial: { R5: 1 }, days: 5 });
    const rec = simulateRun(c, 0);
    const m = metricsOf(rec, livestream.metrics);
    expect([m.sessions, m.ownViewersPerSession, m.publicViewersPerSession, m.ordersPerSession, m.newFromSharing]).toEqual([0, 0, 0, 0, 0]);
    expect(causeCost(rec)).toBe(0);
  });

  it('viewers convert by tier: R1/R2 follow (→ R3) or buy on impulse (→ R4), R3 make a first purchase, R4/R5 buy again', () => {
    // 200 agents in each tier R1–R5, all watching the one session (day 1).
    const run = (p: Json) =>
      simulateRun(
        scenarioOf([quietLive({ schedule: { dates: [dateOf(1)] }, attendance: { R1: 1, R2: 1, R3: 1, R4: 1, R5: 1 }, ...p })], {
          agents: 1000,
          initial: { R1: 0.2, R2: 0.2, R3: 0.2, R4: 0.2, R5: 0.2 },
          days: 3,
        }),
        0,
      );
    // Each rate 1 or 0, so every count is exact; R3 viewers' first purchase goes by its own rate, not the others'.
    const follow = run({ followRate: 1, repeatBuyRate: 1 });
    expect([causeMove(follow, R1, R3), causeMove(follow, R2, R3), causeMove(follow, R1, R4), causeMove(follow, R2, R4)]).toEqual([200, 200, 0, 0]);
    expect(causeMove(follow, R3, R4)).toBe(0);
    // An R4's purchase is its second (→ R5); an R5's keeps it in R5.
    expect(causeMove(follow, R4, R5)).toBe(200);
    expect(follow.causeOrders[CAUSE]).toBe(400);
    const fm = metricsOf(follow, livestream.metrics);
    expect(fm.ownViewersPerSession).toBe(1000);
    expect(fm.viewerConversion).toBe(0.4);
    const impulse = run({ impulseRate: 1, firstBuyRate: 1 });
    expect([causeMove(impulse, R1, R3), causeMove(impulse, R2, R3), causeMove(impulse, R1, R4), causeMove(impulse, R2, R4)]).toEqual([0, 0, 200, 200]);
    expect(causeMove(impulse, R3, R4)).toBe(200);
    expect(impulse.causeOrders[CAUSE]).toBe(600);
    expect(causeMove(impulse, R4, R5)).toBe(0);
    expect(metricsOf(impulse, livestream.metrics).viewerConversion).toBe(0.6);
  });

  it('two sessions a day: an agent of attendance a watches with 1 − (1 − a)² (binomial, 4 standard errors)', () => {
    const N = 3000;
    const a = 0.5;
    const viewers = (sessionsPerDay: number) => {
      const c = scenarioOf([quietLive({ schedule: { dates: [dateOf(0)] }, sessionsPerDay, attendance: { R1: 0, R2: 0, R3: 0, R4: 0, R5: a } })], { agents: N, initial: { R5: 1 }, days: 1 });
      const m = metricsOf(simulateRun(c, 0), livestream.metrics);
      return m.ownViewersPerSession! * m.sessions!; // viewers of the day
    };
    for (const [k, p] of [
      [1, a],
      [2, 1 - (1 - a) ** 2],
    ] as const) {
      const got = viewers(k);
      expect(Math.abs(got - N * p), `${k} sessions: ${got} viewers, by hand ${N * p}`).toBeLessThan(4 * Math.sqrt(N * p * (1 - p)));
    }
  });

  it('fatigue: attendance ÷ (1 + fatigue × recent sessions), the past days’ sessions halving every half-life (binomial)', () => {
    // Daily sessions, attendance 1, fatigue 2, half-life 2 days: each past session weighs θ = 0.5^½ per day since, so
    // on day k the past sessions weigh θ + θ² + … + θᵏ (0, 0.71, 1.21, 1.56) and a buyer watches with 1/(1 + 2 × that).
    const N = 2000;
    const c = scenarioOf([quietLive({ schedule: { daily: true }, attendance: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, fatigue: 2, fatigueHalfLifeDays: 2 })], { agents: N, initial: { R5: 1 }, days: 4 });
    const m = metricsOf(simulateRun(c, 0), livestream.metrics);
    const th = Math.SQRT1_2;
    const p = [0, 1, 2, 3].map((k) => 1 / (1 + 2 * Array.from({ length: k }, (_, j) => th ** (j + 1)).reduce((a, x) => a + x, 0)));
    const expected = (N * p.reduce((x, y) => x + y, 0)) / 4;
    const sd = Math.sqrt(p.reduce((acc, q) => acc + N * q * (1 - q), 0)) / 4;
    expect(m.sessions).toBe(4);
    expect(Math.abs(m.ownViewersPerSession! - expected), `${m.ownViewersPerSession} viewers a session, by hand ${expected}`).toBeLessThan(4 * sd);
  });

  it('pre-heat: viewers who follow become followers and attend (1 + lift) times as often; impulse buyers do not', () => {
    // Day 0: 500 R2 agents all watch (attendance 1). Day 1: R3 and R4 attend with 0.25, × (1 + 3) = 1 if pre-heated.
    const N = 500;
    const day1Viewers = (p: Json) => {
      const c = scenarioOf([quietLive({ schedule: { daily: true }, attendance: { R1: 0, R2: 1, R3: 0.25, R4: 0.25, R5: 0 }, preheatLift: 3, ...p })], { agents: N, initial: { R2: 1 }, days: 2 });
      const rec = simulateRun(c, 0);
      return metricsOf(rec, livestream.metrics).ownViewersPerSession! * 2 - N;
    };
    // Followers (→ R3): every one of them watches again.
    expect(day1Viewers({ followRate: 1 })).toBe(N);
    // Impulse buyers (→ R4) are not followers: a quarter of them watch (binomial sd √(500 · ¼ · ¾) ≈ 9.7).
    expect(Math.abs(day1Viewers({ impulseRate: 1 }) - N / 4)).toBeLessThan(4 * Math.sqrt(N * 0.25 * 0.75));
  });

  it('public traffic: the Hill share of the maximum audience, split into reached (→ R1) and engaged (→ R2) by the engage share', () => {
    // 600 R0 and 400 R1: 1 000 people outside the private domain. Traffic at the half-saturation point brings half the
    // maximum of 2 000 public viewers: 1 000, as many as there are such people, so each moves with probability 1.
    const run = (publicEngageShare: number) =>
      simulateRun(
        scenarioOf([quietLive({ schedule: { dates: [dateOf(0)] }, maxPublicViewers: 2000, trafficSpend: 20000, trafficHalfSaturation: 20000, trafficShape: 1, halfLifeDays: 0, publicEngageShare })], {
          agents: 1000,
          initial: { R0: 0.6, R1: 0.4 },
          days: 2,
        }),
        0,
      );
    const reached = run(0);
    expect([causeMove(reached, R0, R1), causeMove(reached, R0, R2), causeMove(reached, R1, R2)]).toEqual([600, 0, 0]);
    expect(metricsOf(reached, livestream.metrics).publicViewersPerSession).toBe(1000);
    rel(causeCost(reached), 500 + 20000);
    const engaged = run(1);
    expect([causeMove(engaged, R0, R1), causeMove(engaged, R0, R2), causeMove(engaged, R1, R2)]).toEqual([0, 600, 400]);
  });

  it('public traffic with nobody in R0: its audience is counted only while there is someone new to reach', () => {
    const c = scenarioOf([quietLive({ schedule: { dates: [dateOf(0)] }, maxPublicViewers: 2000, trafficSpend: 20000, trafficHalfSaturation: 20000, trafficShape: 1, halfLifeDays: 0, publicEngageShare: 1 })], {
      agents: 1000,
      initial: { R1: 1 },
      days: 1,
    });
    const rec = simulateRun(c, 0);
    expect(causeMove(rec, R1, R2)).toBe(0);
    expect(metricsOf(rec, livestream.metrics).publicViewersPerSession).toBe(0);
    rel(causeCost(rec), 500 + 20000);
  });

  it('public traffic carries over by adstock (half-life 1 day), and more than one session a day buys more traffic but one audience', () => {
    // Spend S = ec a session. Half-life 1: the carried spend is ½·S on day 0 and ½·(½·S) + ½·S = ¾·S on day 1,
    // so Hill gives (½)/(1 + ½) = ⅓ and (¾)/(1 + ¾) = 3/7 of the maximum M = 300 public viewers.
    const M = 300;
    const live = (p: Json) => quietLive({ schedule: { daily: true }, maxPublicViewers: M, trafficSpend: 20000, trafficHalfSaturation: 20000, trafficShape: 1, ...p });
    const perSession = (p: Json, days: number) => metricsOf(simulateRun(scenarioOf([live(p)], { agents: 1000, initial: { R0: 1 }, days }), 0), livestream.metrics).publicViewersPerSession!;
    rel(perSession({ halfLifeDays: 1 }, 2), (M * (1 / 3 + 3 / 7)) / 2);
    // No carry-over, 2 sessions a day: 2·S buys 2/3 of M for the day's one public audience, i.e. M/3 a session.
    rel(perSession({ halfLifeDays: 0, sessionsPerDay: 2 }, 1), M / 3);
    // Half a session's effort (schedule effort ½): ½·S buys ⅓ of M, and half a session has half the audience.
    rel(perSession({ halfLifeDays: 0, schedule: { daily: true, effort: 0.5 } }, 1), M / 3);
  });

  it('sharing: each sharer brings friendsPerShare new people (R0 → R2), counted and paid for as people', () => {
    // 100 R5 viewers all share, 6 friends each: about 600 of the 1 000 R0 agents on day 0 (each with 0.6), and on day 1
    // the 600 friends are more than the R0 left, so all of them come. Scale 2: 2 000 people in all.
    const c = scenarioOf([quietLive({ schedule: { dates: [dateOf(0), dateOf(1)] }, attendance: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, shareRate: 1, friendsPerShare: 6, shareCouponCost: 5 })], {
      agents: 1100,
      initial: { R0: 1000 / 1100, R5: 100 / 1100 },
      days: 2,
      scale: 2,
    });
    const rec = simulateRun(c, 0);
    expect(causeMove(rec, R0, R2)).toBe(1000);
    const m = metricsOf(rec, livestream.metrics);
    expect(m.newFromSharing).toBe(2000);
    expect(m.viewerConversion).toBe(0);
    expect(m.gmvPerTrafficYuan).toBe(0);
    expect(dayMove(rec, 0, R0, R2)).toBeGreaterThan(500);
    expect(dayMove(rec, 0, R0, R2)).toBeLessThan(700);
    rel(causeCost(rec), 2 * (500 + 1000) + 2000 * 5);
  });

  it('sharing next to public traffic: the newcomers are credited to sharing in proportion to the two chances', () => {
    // Scale 2. 1 000 R0 and 1 000 R2 agents (the cold audience is R0–R2: 2 000), public traffic of 500 people (Hill ½
    // of 1 000) = 250 agents, of whom the R0 share is 125 new agents; 100 sharers × 2.5 friends = 250 more:
    // 250 / (125 + 250) = ⅔ of the day's newcomers count as brought by sharing.
    const c = scenarioOf(
      [quietLive({ schedule: { dates: [dateOf(0)] }, attendance: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, shareRate: 1, friendsPerShare: 2.5, maxPublicViewers: 1000, trafficSpend: 20000, trafficHalfSaturation: 20000, trafficShape: 1, halfLifeDays: 0, publicEngageShare: 0 })],
      { agents: 2100, initial: { R0: 1000 / 2100, R2: 1000 / 2100, R5: 100 / 2100 }, days: 1, scale: 2 },
    );
    const rec = simulateRun(c, 0);
    const newcomers = causeMove(rec, R0, R1) + causeMove(rec, R0, R2);
    // Each R0 agent comes with 1 − (1 − 250/2 000)(1 − 250/1 000), about 344 of 1 000.
    expect(newcomers).toBeGreaterThan(250);
    expect(newcomers).toBeLessThan(440);
    const m = metricsOf(rec, livestream.metrics);
    rel(m.newFromSharing!, ((newcomers * 2) / 3) * 2);
    expect(m.publicViewersPerSession).toBe(500);
    rel(causeCost(rec), 500 + 20000 + ((newcomers * 2) / 3) * 2 * 5);
  });

  it('sharing: only the viewers who share bring friends (share rate ½)', () => {
    // 2 000 R5 viewers, about 1 000 share (sd 22), 0.5 friends each, among 1 000 R0: each comes with about ½.
    const c = scenarioOf([quietLive({ schedule: { dates: [dateOf(0)] }, attendance: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, shareRate: 0.5, friendsPerShare: 0.5 })], {
      agents: 3000,
      initial: { R0: 1 / 3, R5: 2 / 3 },
      days: 1,
    });
    const rec = simulateRun(c, 0);
    const newcomers = causeMove(rec, R0, R2);
    // Sd: √(1 000 · ¼) ≈ 16 from who comes, 22 × 0.5 = 11 from who shares.
    expect(Math.abs(newcomers - 500), `${newcomers} newcomers`).toBeLessThan(4 * Math.sqrt(16 ** 2 + 11 ** 2));
    expect(metricsOf(rec, livestream.metrics).newFromSharing).toBe(newcomers);
  });

  it('another order in the same session: N/(1 − q) orders from N buyers (4 standard errors)', () => {
    // 2 000 R5 viewers all buy; each order is followed by another with chance q = 0.5: geometric, mean 2 a viewer,
    // variance q/(1 − q)² = 2 a viewer.
    const N = 2000;
    const q = 0.5;
    const c = scenarioOf([quietLive({ schedule: { dates: [dateOf(0)] }, attendance: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, repeatBuyRate: 1, orderAgain: q })], { agents: N, initial: { R5: 1 }, days: 1 });
    const rec = simulateRun(c, 0);
    expect(Math.abs(rec.causeOrders[CAUSE]! - N / (1 - q))).toBeLessThan(4 * Math.sqrt((N * q) / (1 - q) ** 2));
    // Follow-up orders are in-stream orders too: the deal applies to every one (100 × 1.15, 12 % off).
    rel(rec.causeDiscount[CAUSE]!, rec.causeOrders[CAUSE]! * 115 * 0.12);
    expect(metricsOf(rec, livestream.metrics).ordersPerSession).toBe(rec.causeOrders[CAUSE]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Coupons by hand
// ---------------------------------------------------------------------------------------------------------------


describe('coupons: the report and the costs by hand', () => {
  // 100 R4 buyers (not targeted) and 300 R5 buyers (targeted), one issue on day 3, a 20-day run at scale 2.
  const N4 = 100;
  const N5 = 300;
  const run = (p: Json) => simulateRun(scenarioOf([sureCoupon({ schedule: { dates: [dateOf(3)] }, ...p })], { agents: N4 + N5, initial: { R4: 0.25, R5: 0.75 }, days: 20, scale: 2 }), 0);

  it('one coupon each, all redeemed on the issue day: issued, redeemed, rate, discount, dependence, order share, cost', () => {
    const rec = run({});
    const m = metricsOf(rec, coupons.metrics);
    expect(m.issued).toBe(N5 * 2);
    expect(m.redeemed).toBe(N5 * 2);
    expect(m.redemptionRate).toBe(1);
    expect(m.discount).toBe(N5 * 30 * 2);
    expect(m.couponOrderShare).toBe(1);
    expect(rec.orders[3]).toBe(N5);
    expect(rec.causeOrders[CAUSE]).toBe(N5);
    // Dependence 0.2 (a 32-bit float) from day 3, halving every 10 days to the end (day 20), averaged over all 400 buyers.
    expect(m.meanDependence).toBeCloseTo(((N5 * Math.fround(0.2)) / (N4 + N5)) * 0.5 ** (17 / 10), 12);
    rel(rec.causeDiscount[CAUSE]!, N5 * 30 * 2);
    rel(causeCost(rec), N5 * 30 * 2 + N5 * 2 * 0.1);
  });

  it('with no further coupon in hand there is no follow-up order, whatever the chance', () => {
    const rec = run({ orderAgain: 0.9 });
    expect(rec.causeOrders[CAUSE]).toBe(N5);
    expect(metricsOf(rec, coupons.metrics).redeemed).toBe(N5 * 2);
  });

  it('a face value above the basket gives the whole basket, no more', () => {
    const rec = run({ faceValue: 150 });
    expect(metricsOf(rec, coupons.metrics).discount).toBe(N5 * 100 * 2);
    rel(rec.causeDiscount[CAUSE]!, N5 * 100 * 2);
  });

  it('a category coupon builds half the dependence of a store-wide one', () => {
    // Pull ⅔ × redeem rate 1 × price sensitivity 5 × category share 0.4 (mass-drop share 1) = 1.33: still certain.
    const m = metricsOf(run({ kind: 'category', categoryShare: 0.4, massRedemption: 1 }), coupons.metrics);
    expect(m.redeemed).toBe(N5 * 2);
    expect(m.meanDependence).toBeCloseTo(((N5 * Math.fround(0.1)) / (N4 + N5)) * 0.5 ** (17 / 10), 12);
  });

  it('three coupons per issue: one used a day, each starting its validity when the one before is spent; dependence adds up to its cap of 1', () => {
    // Dependence step 0.4, half-life 10 days (decay δ = 0.5^0.1 a day): 0.4 on day 3, 0.4·δ + 0.4 on day 4,
    // (0.4·δ + 0.4)·δ + 0.4 > 1 on day 5: capped at 1, then halving to the end (15 days).
    const rec = run({ perIssue: 3, dependenceStep: 0.4 });
    const m = metricsOf(rec, coupons.metrics);
    expect(m.issued).toBe(3 * N5 * 2);
    expect(m.redeemed).toBe(3 * N5 * 2);
    expect(Array.from(rec.orders.slice(2, 7))).toEqual([0, N5, N5, N5, 0]);
    expect(m.meanDependence).toBeCloseTo((N5 / (N4 + N5)) * 0.5 ** (15 / 10), 12);
    rel(causeCost(rec), 3 * N5 * 30 * 2 + 3 * N5 * 2 * 0.1);
  });

  it('unused coupons expire after their validity; a holder receives no new one until then', () => {
    // Issued every day, valid V days, never used: a holder receives on days 0, V + 1, 2(V + 1), … (on the day after
    // expiry; on the expiry day it still holds one when the issue runs). R1 and R3 agents are not targeted.
    const N = 200;
    const issued = (p: Json) =>
      metricsOf(simulateRun(scenarioOf([deadCoupon({ schedule: { daily: true }, ...p })], { agents: 2 * N, initial: { R3: 0.25, R1: 0.25, R5: 0.5 }, days: 11 }), 0), coupons.metrics);
    // V = 3: days 0, 4, 8 (of 0–10).
    const one = issued({ validityDays: 3 });
    expect(one.issued).toBe(3 * N);
    expect([one.redeemed, one.redemptionRate, one.discount, one.meanDependence]).toEqual([0, 0, 0, 0]);
    // No order at all: the coupon share of orders is undefined.
    expect(one.couponOrderShare).toBeNaN();
    // Packs of 2, V = 2: each valid 2 days from the day the one before expired, so a pack is held 4 days (0–3) and
    // received again on days 5 and 10; 2 coupons each time.
    expect(issued({ validityDays: 2, perIssue: 2 }).issued).toBe(3 * 2 * N);
    // Valid a single day: days 0, 2, 4, 6, 8, 10.
    expect(issued({ validityDays: 1 }).issued).toBe(6 * N);
  });

  it('the reminder days before expiry lift the daily redemption (here to certainty)', () => {
    // Hazard 0.1 (face 100 on orders of 100: Hill(1; 0.25, 1) = 0.8, × redeem rate 0.125, mass-drop share 1), × 10 in
    // the last 2 of 5 valid days. Issued on day 0: days 0–2 at 0.1, days 3–4 certain, so every coupon is used, 0.9³ of
    // them on day 3 and none on day 4.
    const N = 2000;
    const c = scenarioOf([sureCoupon({ schedule: { dates: [dateOf(0)] }, faceValue: 100, halfSaturationDepth: 0.25, redeemRate: 0.125, priceSensitivity: 1, massRedemption: 1, reminderDays: 2, reminderLift: 10 })], {
      agents: N,
      initial: { R5: 1 },
      days: 6,
    });
    const rec = simulateRun(c, 0);
    const m = metricsOf(rec, coupons.metrics);
    expect(m.redeemed).toBe(N);
    expect(m.issued).toBe(N);
    const onDay3 = N * 0.9 ** 3;
    expect(Math.abs(rec.orders[3]! - onDay3), `${rec.orders[3]} on day 3, by hand ${onDay3}`).toBeLessThan(4 * Math.sqrt(onDay3 * (1 - 0.9 ** 3)));
    expect([rec.orders[4], rec.orders[5]]).toEqual([0, 0]);
    const firstDays = N * 0.1;
    expect(Math.abs(rec.orders[0]! - firstDays)).toBeLessThan(4 * Math.sqrt(firstDays * 0.9));
  });

  it('a mass drop redeems at the mass-drop share; a recall does not (packs: see the pack tests)', () => {
    // Hazard 0.2 × 0.8 = 0.16 before the share; mass share 0.25: 0.04. One day of redemption (the issue day) on 3 000
    // holders. A recall is issued on day 90, when buyers with no order in the run are dormant (a pack: the pack test).
    const N = 3000;
    const redeemedOn = (day: number, p: Json) =>
      simulateRun(scenarioOf([sureCoupon({ schedule: { dates: [dateOf(day)] }, faceValue: 100, halfSaturationDepth: 0.25, redeemRate: 0.2, priceSensitivity: 1, massRedemption: 0.25, ...p })], { agents: N, initial: { R5: 1 }, days: day + 1 }), 0)
        .causeOrders[CAUSE]!;
    const within = (got: number, p: number) => expect(Math.abs(got - N * p), `${got} redeemed, by hand ${N * p}`).toBeLessThan(4 * Math.sqrt(N * p * (1 - p)));
    within(redeemedOn(0, {}), 0.04);
    within(redeemedOn(90, { lapsedOnly: true }), 0.16);
  });
});

describe('coupons: who receives', () => {
  it('a recall (lapsed only) reaches buyers (R4, R5) with no order for more than 90 days, not before', () => {
    // Nobody buys: every buyer's last order is before the run (day −1), so it is dormant from day 90 on. Issues on
    // days 50, 89 and 91, each coupon valid one day and never used: only day 91 issues, to the 200 buyers.
    const c = scenarioOf([deadCoupon({ schedule: { dates: [dateOf(50), dateOf(89), dateOf(91)] }, lapsedOnly: true, targets: ['R3', 'R4', 'R5'], validityDays: 1 })], {
      agents: 300,
      initial: { R3: 1 / 3, R4: 1 / 3, R5: 1 / 3 },
      days: 93,
    });
    const m = metricsOf(simulateRun(c, 0), coupons.metrics);
    expect(m.issued).toBe(200);
  });

  it('a recall under BG/NBD reaches exactly the buyers who have dropped out at the start of the issue day', () => {
    // Buyers buy about once a day (λ = 1) and drop out after a purchase with chance 0.9, so by day 2 many are inactive.
    const c = scenarioOf([deadCoupon({ schedule: { dates: [dateOf(2)] }, lapsedOnly: true, targets: ['R4', 'R5'], validityDays: 1 })], {
      agents: 400,
      initial: { R3: 0.25, R5: 0.75 },
      days: 7,
      baseline: { ...still, repeatModel: { kind: 'bgnbd', r: 1, alpha: 1, a: 9, b: 1 } },
    });
    const s = createRun(c, 0);
    stepDays(s, 0, 2);
    let inactive = 0;
    for (let i = 0; i < s.pop.n; i++) if (s.pop.tier[i]! >= R4 && s.pop.active[i] === 0) inactive++;
    expect(inactive).toBeGreaterThan(0);
    expect(inactive).toBeLessThan(300);
    stepDays(s, 2, c.days);
    expect(metricsOf(finishRun(s), coupons.metrics).issued).toBe(inactive);
  });

  it('an issue day at twice the effort doubles the reach (½ × 2: everyone); at reach 0.3, 0.3 of them (binomial)', () => {
    const c = scenarioOf([deadCoupon({ schedule: { dates: [dateOf(0)], effort: 2 }, reach: 0.5 })], { agents: 300, initial: { R5: 1 }, days: 1 });
    expect(metricsOf(simulateRun(c, 0), coupons.metrics).issued).toBe(300);
    const N = 2000;
    const third = scenarioOf([deadCoupon({ schedule: { dates: [dateOf(0)] }, reach: 0.3 })], { agents: N, initial: { R5: 1 }, days: 1 });
    const issued = metricsOf(simulateRun(third, 0), coupons.metrics).issued!;
    expect(Math.abs(issued - 0.3 * N)).toBeLessThan(4 * Math.sqrt(N * 0.3 * 0.7));
  });

  it('a pack is given at a first purchase only to who holds none: an agent buying first again (after lapsing) keeps its pack', () => {
    // 300 R3 agents step R3 → R4 (baseline certain), lapse back the next day (R4 reverse certain), and so on: first
    // purchases on days 0, 2 and 4. Their pack of 2 (valid 30 days, never used) is given on day 0 only.
    const c = scenarioOf([deadCoupon({ kind: 'pack', schedule: { daily: true }, packSize: 2, validityDays: 30 })], {
      agents: 300,
      initial: { R3: 1 },
      days: 6,
      baseline: { ...still, forward: { R0: 0, R1: 0, R2: 0, R3: 1, R4: 0 }, reverse: { R1: 0, R2: 0, R3: 0, R4: 1, R5: 0 } },
    });
    const rec = simulateRun(c, 0);
    expect(dayMove(rec, 4, R3, R4)).toBe(300);
    expect(metricsOf(rec, coupons.metrics).issued).toBe(600);
  });

  it('holders who fell back to R0 no longer redeem (a new-customer coupon)', () => {
    // 1 000 R1 holders, daily hazard 0.1 (as in the reminder test); every R1 not redeeming drops to R0 on day 0
    // (baseline reverse 1). From then on they hold their coupon for 5 days, but nobody in R0 uses one.
    const c = scenarioOf([sureCoupon({ kind: 'newCustomer', schedule: { dates: [dateOf(0)] }, targets: ['R1'], faceValue: 100, halfSaturationDepth: 0.25, redeemRate: 0.125, priceSensitivity: 1, massRedemption: 1 })], {
      agents: 1000,
      initial: { R1: 1 },
      days: 6,
      baseline: { ...still, reverse: { R1: 1, R2: 0, R3: 0, R4: 0, R5: 0 } },
    });
    const rec = simulateRun(c, 0);
    expect(dayMove(rec, 0, R1, R0)).toBeGreaterThan(800);
    expect(causeMove(rec, R0, R4)).toBe(0);
    expect(rec.causeOrders[CAUSE]).toBe(dayMove(rec, 0, R1, R4));
  });

  it('a new-customer coupon is not used by a holder who has meanwhile bought without it', () => {
    // 500 R3 holders of a sure coupon, who also buy on their own that day (baseline R3 → R4 certain): about half of
    // the first purchases are credited to the coupon; the others now hold a coupon they can no longer use.
    const c = scenarioOf([sureCoupon({ kind: 'newCustomer', schedule: { dates: [dateOf(0)] }, targets: ['R3'] })], {
      agents: 500,
      initial: { R3: 1 },
      days: 4,
      baseline: { ...still, forward: { R0: 0, R1: 0, R2: 0, R3: 1, R4: 0 } },
    });
    const rec = simulateRun(c, 0);
    const used = rec.causeOrders[CAUSE]!;
    expect(used).toBeGreaterThan(150);
    expect(used).toBeLessThan(350);
    expect(causeMove(rec, R3, R4)).toBe(used);
    expect(metricsOf(rec, coupons.metrics).redeemed).toBe(used);
  });

  it('price-sensitive holders redeem more: the redeemers’ mean price trait is Σp²/Σp (heterogeneous agents)', () => {
    // 5 000 R5 holders, hazard 0.1 × the agent's price sensitivity p, one day: agent i redeems with 0.1·pᵢ, so the
    // redeemers' mean p is Σp²/Σp, above the population's mean (1) by the trait's variance.
    const N = 5000;
    const c = scenarioOf([sureCoupon({ schedule: { dates: [dateOf(0)] }, faceValue: 100, halfSaturationDepth: 0.25, redeemRate: 0.125, priceSensitivity: 1, massRedemption: 1 })], {
      agents: N,
      initial: { R5: 1 },
      days: 1,
      heterogeneity: true,
    });
    const s = createRun(c, 0);
    const price = s.pop.price!;
    stepDays(s, 0, 1);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < N; i++) {
      if (s.pop.orders[i]! > 0) {
        sum += price[i]!;
        count++;
      }
    }
    const p = Array.from(price);
    const want = p.reduce((a, x) => a + x * x, 0) / p.reduce((a, x) => a + x, 0);
    const sd = Math.sqrt(p.reduce((a, x) => a + (x - 1) ** 2, 0) / N);
    const se = sd / Math.sqrt(count);
    expect(want - p.reduce((a, x) => a + x, 0) / N, 'the check discriminates').toBeGreaterThan(6 * se);
    expect(Math.abs(sum / count - want), `redeemers' mean price ${sum / count}, by hand ${want}`).toBeLessThan(4 * se);
  });

  it('targets: R1 holders redeem as a first purchase (→ R4); untargeted tiers receive nothing', () => {
    const c = scenarioOf([sureCoupon({ schedule: { dates: [dateOf(1)] }, targets: ['R1'] })], { agents: 400, initial: { R1: 0.5, R2: 0.25, R3: 0.25 }, days: 3 });
    const rec = simulateRun(c, 0);
    expect(causeMove(rec, R1, R4)).toBe(200);
    expect(causeMove(rec, R2, R4) + causeMove(rec, R3, R4)).toBe(0);
    expect(metricsOf(rec, coupons.metrics).issued).toBe(200);
  });

  it('a pack after a first order, only on the programme’s days, packSize coupons each, used one a day', () => {
    // 100 R3 agents buy first on day 0 (baseline R3 → R4 certain), 200 R2 agents step to R3 on day 0 and buy first on
    // day 1. The programme runs on day 1 only: the 200 receive packs of 3, the 100 nothing. Used one a day from day 2.
    // Targets R3 and R4 are not used by packs: nobody is issued a coupon on the programme day itself.
    const c = scenarioOf([sureCoupon({ kind: 'pack', schedule: { dates: [dateOf(1)] }, packSize: 3, targets: ['R3', 'R4'] })], {
      agents: 300,
      initial: { R2: 2 / 3, R3: 1 / 3 },
      days: 7,
      baseline: { ...still, forward: { R0: 0, R1: 0, R2: 1, R3: 1, R4: 0 } },
    });
    const rec = simulateRun(c, 0);
    const m = metricsOf(rec, coupons.metrics);
    expect(m.issued).toBe(600);
    expect(m.redeemed).toBe(600);
    // Day 2: each pack's first coupon, a second purchase (R4 → R5); days 3 and 4: R5 orders.
    expect(dayMove(rec, 2, R4, R5)).toBe(200);
    expect(Array.from(rec.orders.slice(2, 6))).toEqual([200, 200, 200, 0]);
  });

  it('a pack of one is a single coupon', () => {
    const c = scenarioOf([deadCoupon({ kind: 'pack', schedule: { daily: true }, packSize: 1 })], { agents: 100, initial: { R3: 1 }, days: 2, baseline: { ...still, forward: { R0: 0, R1: 0, R2: 0, R3: 1, R4: 0 } } });
    expect(metricsOf(simulateRun(c, 0), coupons.metrics).issued).toBe(100);
  });
});

describe('coupons: what redeeming does to buying afterwards', () => {
  // 500 R3 holders all redeem on day 0 (→ R4). As R4 they would make their second purchase (R4 → R5) the next day for
  // sure (baseline R4 forward 1), unless the coupon's after-effects hold them back.
  const N = 500;
  const run = (p: Json, days = 10, agents = N) =>
    simulateRun(
      scenarioOf([sureCoupon({ schedule: { dates: [dateOf(0)] }, targets: ['R3'], ...p })], { agents, initial: { R3: 1 }, days, baseline: { ...still, forward: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 1 } } }),
      0,
    );

  it('pull-forward: no own purchase for pullForwardDays after redeeming (share 1), then back to normal', () => {
    const rec = run({ pullForward: 1, pullForwardDays: 4 });
    expect(causeMove(rec, R3, R4)).toBe(N);
    for (let d = 1; d <= 4; d++) expect(dayMove(rec, d, R4, R5), `day ${d}`).toBe(0);
    expect(dayMove(rec, 5, R4, R5)).toBe(N);
    expect(tierAt(rec, 5, R4)).toBe(N);
    expect(tierAt(rec, 6, R4)).toBe(0);
  });

  it('without pull-forward or dependence they buy the next day: half of all orders were placed with a coupon', () => {
    const rec = run({});
    expect(dayMove(rec, 1, R4, R5)).toBe(N);
    expect(metricsOf(rec, coupons.metrics).couponOrderShare).toBe(0.5);
  });

  it('dependence: own buying without a coupon falls by effect × dependence (½ on the day after, at half-life 1 day)', () => {
    // Dependence 1 on day 0, 0.5 on day 1: the R4 buys with 1 − 1 × 0.5 (binomial sd √(500 · ¼) ≈ 11).
    const rec = run({ dependenceStep: 1, dependenceEffect: 1, dependenceHalfLifeDays: 1, pullForwardDays: 0 }, 2);
    expect(Math.abs(dayMove(rec, 1, R4, R5) - N / 2)).toBeLessThan(4 * Math.sqrt(N / 4));
  });

  it('dependence below 0.005 no longer holds buying back (the agent is let go)', () => {
    // Pulled forward for 7 days (no own purchase), dependence 1 halving daily: 0.5^8 = 0.0039 on day 8. Still held
    // back, each would buy with 1 − 0.0039 (all 2 000 of them with 0.996^2000 ≈ 0.0004); let go, all surely buy.
    const rec = run({ pullForward: 1, pullForwardDays: 7, dependenceStep: 1, dependenceEffect: 1, dependenceHalfLifeDays: 1 }, 9, 2000);
    for (let d = 1; d <= 7; d++) expect(dayMove(rec, d, R4, R5), `day ${d}`).toBe(0);
    expect(dayMove(rec, 8, R4, R5)).toBe(2000);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The mean-field previews (expect), by hand
// ---------------------------------------------------------------------------------------------------------------


/** The forward chances from → to the sources hold (summed over entries), and the traits they scale with. */
function forwardOf(src: DaySources, from: number, to: number): { p: number; traits: number[] } {
  let p = 0;
  const traits: number[] = [];
  for (let k = 0; k < src.fCount[from]!; k++) {
    const at = from * MAX_SOURCES_PER_TIER + k;
    if (src.fTo[at] !== to) continue;
    p += src.fP[at]!;
    traits.push(src.fTrait[at]!);
  }
  return { p, traits };
}


describe('livestream preview (mean field), by hand', () => {
  // 1 000 agents in each tier, scale 2. One session; attendance .1/.2/.3/.4/.5 by tier R1–R5 (viewers 1 500);
  // public traffic at its half-saturation point: 300 real people = 150 agents of the 3 000 in R0–R2, 20 % engaged;
  // 10 % of viewers share, 2 friends each: 300 agents among 1 000 in R0.
  const live = (p: Json = {}): Json =>
    quietLive({
      schedule: { dates: [dateOf(0)] },
      attendance: { R1: 0.1, R2: 0.2, R3: 0.3, R4: 0.4, R5: 0.5 },
      followRate: 0.1,
      impulseRate: 0.05,
      firstBuyRate: 0.2,
      repeatBuyRate: 0.3,
      orderAgain: 0.25,
      maxPublicViewers: 600,
      trafficSpend: 20000,
      trafficHalfSaturation: 20000,
      trafficShape: 1,
      halfLifeDays: 0,
      publicEngageShare: 0.2,
      shareRate: 0.1,
      friendsPerShare: 2,
      shareCouponCost: 5,
      sessionCost: 500,
      dealBasket: 1.2,
      dealDiscount: 0.1,
      ...p,
    });
  const preview = (p: Json = {}, counts = [1000, 1000, 1000, 1000, 1000, 1000], openers: Array<[ChannelId, ChannelOpener[]]> = []) => {
    const cfg = scenarioOf([live(p)], { agents: 6000, initial: { R0: 1 / 6, R1: 1 / 6, R2: 1 / 6, R3: 1 / 6, R4: 1 / 6, R5: 1 / 6 }, days: 3, scale: 2, baseline: { ...still, orderValue: { mean: 100, sd: 0 } } });
    const rt = livestream.expect(cfg.tactics[0]!, { cause: CAUSE, engine: cfg, openers: new Map(openers) });
    const d0 = meanFieldDay(cfg, counts, 0);
    rt.beginDay(d0.m);
    const d1 = meanFieldDay(cfg, counts, 1);
    rt.beginDay(d1.m);
    return { d0, d1 };
  };

  it('conversions, public reach, sharing, follow-up orders, deal value and cost of a session day', () => {
    const { d0, d1 } = preview();
    const src = d0.sources;
    close(forwardOf(src, R1, R3).p, 0.1 * 0.1);
    close(forwardOf(src, R1, R4).p, 0.1 * 0.05);
    close(forwardOf(src, R2, R3).p, 0.2 * 0.1);
    close(forwardOf(src, R2, R4).p, 0.2 * 0.05);
    close(forwardOf(src, R3, R4).p, 0.3 * 0.2);
    close(src.chanceP[R4]!, 0.4 * 0.3);
    close(src.chanceP[R5]!, 0.5 * 0.3);
    // Public: 150 agents over 3 000 cold; 80 % only reached (→ R1), 20 % engaged (→ R2, from R0 or R1).
    close(forwardOf(src, R0, R1).p, (150 * 0.8) / 3000);
    close(forwardOf(src, R1, R2).p, (150 * 0.2) / 3000);
    // R0 → R2: the engaged public (responsive agents) and the friends of sharers (sociable agents).
    const r0r2 = forwardOf(src, R0, R2);
    close(r0r2.p, (150 * 0.2) / 3000 + 300 / 1000);
    expect(r0r2.traits).toEqual([TRAIT_RESPOND, TRAIT_SOCIAL]);
    // In-stream orders: 5 + 10 impulse, 60 first, (400 + 500) × .3 = 270 repeat = 345; follow-ups 345 × .25/.75 = 115.
    close(d0.booked.orders, 115);
    close(d0.booked.value, 460 * 100 * 0.2);
    // Cost: session 500 + traffic 20 000 + 300 agents × 2 people × 5 + 460 orders × 120 × 10 % × 2.
    close(d0.booked.cost, 500 + 20000 + 300 * 2 * 5 + 460 * 120 * 0.1 * 2);
    // The next day has no session: nothing at all.
    expect([d1.booked.cost, d1.booked.value, d1.booked.orders]).toEqual([0, 0, 0]);
    expect(Array.from(d1.sources.fCount)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(d1.sources.chanceP[R5]).toBe(0);
  });

  it('nobody left in R0: no public reach and no sharing; orders and deals as before', () => {
    const { d0 } = preview({}, [0, 1000, 1000, 1000, 1000, 1000]);
    expect(forwardOf(d0.sources, R1, R2).p).toBe(0);
    close(d0.booked.cost, 500 + 20000 + 460 * 120 * 0.1 * 2);
  });

  it('pre-heat (a channel opened): R3–R5 attend (1 + lift) times, capped at certain; R1 and R2 do not', () => {
    const { d0 } = preview({ preheatLift: 1, attendance: { R1: 0.1, R2: 0.2, R3: 0.3, R4: 0.4, R5: 0.6 } }, undefined, [['groups', [{ cause: 9, params: {}, opening: { channel: 'groups' } }]]]);
    const src = d0.sources;
    close(forwardOf(src, R2, R3).p, 0.2 * 0.1);
    close(forwardOf(src, R3, R4).p, 0.6 * 0.2);
    close(src.chanceP[R4]!, 0.8 * 0.3);
    close(src.chanceP[R5]!, 1 * 0.3);
  });

  it('no follow-up orders: none added', () => {
    const { d0 } = preview({ orderAgain: 0 });
    expect(d0.booked.orders).toBe(0);
    close(d0.booked.value, 345 * 100 * 0.2);
  });
});

describe('previews on a mean-field day without the optional hooks (adjustValue, addOrders)', () => {
  it('livestream and coupons book their cost and nothing else', () => {
    const cfg = scenarioOf(
      [
        quietLive({ schedule: { daily: true }, attendance: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 0.5 }, repeatBuyRate: 0.5, orderAgain: 0.5 }),
        { id: 'c', type: 'coupons', kind: 'threshold', threshold: 150, topUpReach: 0.4, perIssue: 3, schedule: { daily: true }, targets: ['R5'] },
      ],
      { agents: 100, initial: { R5: 1 }, days: 2 },
    );
    let cost = 0;
    const day = { ...meanFieldDay(cfg, [0, 0, 0, 0, 0, 1000]).m, cost: (_: number, x: number) => void (cost += x), adjustValue: undefined, addOrders: undefined };
    livestream.expect(cfg.tactics[0]!, { cause: CAUSE, engine: cfg, openers: new Map() }).beginDay(day);
    // 1 000 × ½ × ½ = 250 orders, 250 more following (q/(1 − q) = 1): 500 × 115 × 12 %, + session 500 + traffic 1 000.
    close(cost, 1500 + 500 * 115 * 0.12);
    cost = 0;
    coupons.expect(cfg.tactics[1]!, { cause: CAUSE + 1, engine: cfg, openers: new Map() }).beginDay(day);
    expect(cost).toBeGreaterThan(0);
  });
});

describe('coupons preview (mean field), by hand', () => {
  // Agents per tier (R0–R5) 0 / 1 000 / 3 000 / 2 000 / 500 / 500, every tier targeted (previewCoupon).
  const counts = PREVIEW_COUNTS;
  const coupon = previewCoupon;
  const preview = (p: Json = {}, days = 2, c = counts, later = c, openers: Array<[ChannelId, ChannelOpener[]]> = [], demand = 1) => {
    const cfg = scenarioOf([coupon(p)], { agents: 100, initial: { R3: 1 }, days: 3, scale: 2, baseline: { ...still, forward: { R0: 0, R1: 0, R2: 0, R3: 0.02, R4: 0 } } });
    const rt = coupons.expect(cfg.tactics[0]!, { cause: CAUSE, engine: cfg, openers: new Map(openers) });
    return Array.from({ length: days }, (_, d) => {
      const day = meanFieldDay(cfg, d === 0 ? c : later, d, demand);
      rt.beginDay(day.m);
      return day;
    });
  };

  it('issue, redemption chances, discounts and issue costs on two days, holders expiring over the validity', () => {
    const [d0, d1] = preview();
    // Day 0: half of each tier receives (3 500 coupons); each tier's chance is the hazard × the share holding, ½.
    for (const t of [R1, R2, R3]) close(forwardOf(d0!.sources, t, R4).p, 0.05 * 0.5);
    expect(forwardOf(d0!.sources, R1, R4).traits).toEqual([TRAIT_PRICE]);
    close(d0!.sources.chanceP[R4]!, 0.025);
    close(d0!.sources.chanceP[R5]!, 0.025);
    // 3 500 × 0.05 = 175 redemptions × 20 × 2 people, + 3 500 × 2 × 0.1 to issue. One coupon each: no follow-ups.
    close(d0!.booked.cost, 175 * 20 * 2 + 3500 * 2 * 0.1);
    expect(d0!.booked.orders).toBe(0);
    // Day 1: holders kept 1 − 0.05 − 1/10 = 0.85 of ½; the other 0.575 of each tier are offered, half receive.
    const issued1 = 7000 * 0.575 * 0.5;
    const share1 = 0.85 * 0.5 + 0.575 * 0.5;
    close(forwardOf(d1!.sources, R2, R4).p, 0.05 * share1);
    close(d1!.booked.cost, 7000 * share1 * 0.05 * 20 * 2 + issued1 * 2 * 0.1);
  });

  it('a face value above the order gives the order; a category coupon redeems at its basket share', () => {
    const [big] = preview({ faceValue: 150 }, 1);
    // Hill(1.5; 0.2, 1) = 1.5/1.7: hazard 0.2 × 1.5/1.7 × ½; the discount is the whole order of 100.
    const h = (0.2 * 1.5) / 1.7 / 2;
    close(big!.booked.cost, 3500 * h * 100 * 2 + 3500 * 2 * 0.1);
    const [cat] = preview({ kind: 'category', categoryShare: 0.4 }, 1);
    close(forwardOf(cat!.sources, R3, R4).p, 0.05 * 0.4 * 0.5);
  });

  it('packs per issue and packs after a first order: follow-up orders q + q² per redemption with three coupons held', () => {
    const [d0] = preview({ perIssue: 3 }, 1);
    close(d0!.booked.orders, 175 * (0.5 + 0.25));
    close(d0!.booked.cost, 175 * 1.75 * 20 * 2 + 3500 * 2 * 0.1);
    // A pack of 3 after a first order: 2 000 R3 × forward 0.02 × demand 1.5 = 60 first buyers hold 180 coupons, all as
    // R4 (500 agents).
    const [p0] = preview({ kind: 'pack', packSize: 3 }, 1, counts, counts, [], 1.5);
    close(p0!.sources.chanceP[R4]!, (0.1 * 180) / 500);
    expect(p0!.sources.chanceP[R5]).toBe(0);
    expect(forwardOf(p0!.sources, R3, R4).p).toBe(0);
    const redemptions = 180 * 0.1;
    close(p0!.booked.orders, redemptions * 0.75);
    close(p0!.booked.cost, redemptions * 1.75 * 20 * 2 + 180 * 2 * 0.1);
  });

  it('new-customer coupons reach only non-buyers; recalls a 0.3 share of the targeted', () => {
    const [nc] = preview({ kind: 'newCustomer' }, 1);
    expect(nc!.sources.chanceP[R4]).toBe(0);
    // 3 000 of the 6 000 non-buyers receive.
    close(nc!.booked.cost, 3000 * 0.05 * 20 * 2 + 3000 * 2 * 0.1);
    // A recall is not a mass drop (hazard 0.1) and reaches 0.3 of those it would: 0.3 × 3 500 coupons.
    const [re] = preview({ lapsedOnly: true }, 1);
    close(re!.sources.chanceP[R5]!, 0.1 * 0.15);
    close(re!.booked.cost, 1050 * 0.1 * 20 * 2 + 1050 * 2 * 0.1);
  });

  it('a new-customer coupon through a channel: the places are shared among the non-buyers targeted only', () => {
    // Groups holding 2 000 people = 1 000 agents at scale 2, for the 6 000 targeted non-buyers (buyers are targets too,
    // but get no new-customer coupon): 1/6 of each tier is eligible, half of them receive: 500 coupons. Claimed in a
    // group, not dropped on everyone: hazard 0.1.
    const groups: [ChannelId, ChannelOpener[]] = ['groups', [{ cause: 9, params: {}, opening: { channel: 'groups', capacity: () => 2000 } }]];
    const [d0] = preview({ kind: 'newCustomer', channel: 'groups' }, 1, counts, counts, [groups]);
    close(d0!.booked.cost, 500 * 0.1 * 20 * 2 + 500 * 2 * 0.1);
  });

  it('a channel no tactic opens (absent from the openers): no coupons, no chances, no cost', () => {
    const [d0] = preview({ channel: 'wecom' }, 1);
    expect(d0!.booked.cost).toBe(0);
    expect(forwardOf(d0!.sources, R2, R4).p).toBe(0);
  });

  it('threshold coupons: baskets within reach are topped up to the threshold, the others bought without the coupon', () => {
    // Orders of exactly 100, threshold 150: hazard × 100/150. Reach 0.4: every basket is topped up by 50 and uses the
    // coupon (discount 20); reach 0.3: none does, so only the issue cost remains.
    const h = 0.05 * (100 / 150);
    const [up] = preview({ kind: 'threshold', threshold: 150, topUpReach: 0.4 }, 1);
    close(forwardOf(up!.sources, R1, R4).p, h * 0.5);
    close(up!.booked.value, 3500 * h * 50);
    close(up!.booked.cost, 3500 * h * 20 * 2 + 3500 * 2 * 0.1);
    const [none] = preview({ kind: 'threshold', threshold: 150, topUpReach: 0.3 }, 1);
    close(none!.booked.value, 0);
    close(none!.booked.cost, 3500 * 2 * 0.1);
    // A face value of 120 above the order but below the threshold: the discount is 120 (the basket is 150).
    // Hill(1.2; 0.2, 1) = 6/7: hazard 0.2 × 6/7 × ½ × 100/150.
    const h120 = ((0.2 * 6) / 7 / 2) * (100 / 150);
    const [deep] = preview({ kind: 'threshold', threshold: 150, topUpReach: 0.4, faceValue: 120 }, 1);
    close(deep!.booked.cost, 3500 * h120 * 120 * 2 + 3500 * 2 * 0.1);
    // A threshold below the order is always met: the hazard is not lowered, and nothing is added to the basket.
    const [low] = preview({ kind: 'threshold', threshold: 80, topUpReach: 0.3 }, 1);
    close(forwardOf(low!.sources, R1, R4).p, 0.05 * 0.5);
    close(low!.booked.value, 0);
  });

  it('no coupon holders where a tier is empty; a validity of one day empties the holders daily', () => {
    const [e0] = preview({}, 1, [0, 0, 3000, 0, 0, 0]);
    expect(forwardOf(e0!.sources, R1, R4).p).toBe(0);
    close(e0!.booked.cost, 1500 * 0.05 * 20 * 2 + 1500 * 2 * 0.1);
    // Valid one day: every holder is gone by the next day, which offers to the whole tier again.
    const [, v1] = preview({ validityDays: 1 }, 2, [0, 0, 3000, 0, 0, 0]);
    close(v1!.booked.cost, 1500 * 0.05 * 20 * 2 + 1500 * 2 * 0.1);
  });

  it('holders are never more than the tier: when it shrinks below them, all of it holds', () => {
    // Day 0: 1 500 of 3 000 R2 receive; 0.85 × 1 500 = 1 275 still hold on day 1, when R2 has only 1 000 agents.
    const [, d1] = preview({}, 2, [0, 0, 3000, 0, 0, 0], [0, 0, 1000, 0, 0, 0]);
    close(forwardOf(d1!.sources, R2, R4).p, 0.05);
    close(d1!.booked.cost, 1000 * 0.05 * 20 * 2);
  });
});
