import { describe, expect, it } from 'vitest';
import { saveRun, stepDays } from '../../src/sim/checkpoint';
import { FIRST_TACTIC_CAUSE } from '../../src/sim/config';
import { createRun, finishRun, simulateRun } from '../../src/sim/step/model';
import { stepMoves } from '../../src/sim/step/moves';
import { FOLLOWER, PAID_MEMBER } from '../../src/sim/step/population';
import type { RunState } from '../../src/sim/step/run-state';
import { ads } from '../../src/sim/tactics/ads';
import { content } from '../../src/sim/tactics/content';
import { pressureAt, responseCurve } from '../../src/sim/tactics/curve';
import { membership } from '../../src/sim/tactics/membership';
import { tacticParams, tierArray } from '../../src/sim/tactics/common';
import { R0, R1, R2, R3, R4, R5 } from '../../src/sim/tiers';
import { config, STILL_BASELINE } from '../helpers';
import { diffRecords, resumedThrough } from './resume';
import { forwardChance, meanFieldDay, reverseChance, still } from './tactic-day';

/**
 * The arithmetic of ads, content and membership (the tactics-base mutation group), each figure worked out by hand
 * from the parameters: rates below 1 so nothing is clamped, schedule efforts of 2 so "× effort" and "÷ effort" differ,
 * pressures of exactly ½ (effort at the Hill half-saturation point, shape 1, no carry-over).
 *
 * Two kinds of oracle. The mean-field previews (`expect`) are fed one day at a time by hand (tactic-day.ts), and the
 * chances and costs they book are compared with the hand values. The agent runtimes (`create`) are stepped to the
 * start of a day and the chances they put on each agent (the day's marks: a forward chance as the chance of staying,
 * a purchase-rate multiplier, a lapse multiplier) are compared with the hand value for that agent's tier and flags;
 * who joined or followed is random, so the expectation is computed per agent from the tactic's own member set.
 */

type Json = Record<string, unknown>;
const CAUSE = FIRST_TACTIC_CAUSE;
const buying = { forward: { R4: 1 }, repeat: 1, orderValue: { mean: 100, sd: 0 } };

/** Step run state `s` to the start of day `day` (days before it done): the tactics' beginDay has run, moves not. */
function toStartOf(s: RunState, from: number, day: number): void {
  stepDays(s, from, day);
  s.beginDay(day);
}

/** Finish the day `toStartOf` began. */
function finishDay(s: RunState): void {
  stepMoves(s);
  s.endDay();
}

/** The agents in the first tactic's member set (its saved `members` or `followers`). */
function setOf(s: RunState, key: string): Set<number> {
  return new Set(Array.from(s.tactics[0]!.saveState!()[key] as Int32Array));
}

/** Agent i's marks today: chance of not moving forward by a mark, purchase-rate and lapse multipliers, chance of not falling. */
function marksOf(s: RunState, i: number) {
  const r = s.marks.rowOf(i);
  return { keepF: s.marks.keepF[r]!, toF: s.marks.toF[r]!, buy: s.marks.buyMult[r]!, lapse: s.marks.lapseMult[r]!, keepR: s.marks.keepR[r]!, toR: s.marks.toR[r]!, marked: r !== 0 };
}

describe('membership: the mean-field preview, five days by hand', () => {
  // Points 1 % at effort 2 on Mon, Tue, Thu, Fri: 0.02 = the half-saturation point → pressure ½; Wednesday off → 0.
  // Member day Tuesday at effort 2: lift 0.4 × 2 = 0.8. Scale 10, mean order ¥100; baseline R3 → R4 0.1, R3 → R2 0.2.
  const c = still(
    {
      type: 'membership',
      schedule: { weekly: ['mon', 'tue', 'thu', 'fri'], effort: 2 },
      memberDays: { weekly: ['tue'], effort: 2 },
      pointsRate: 0.01,
      halfSaturationPoints: 0.02,
      shape: 1,
      joinRate: 0.3,
      joinAtCheckout: 0.6,
      firstBuyLift: 0.4,
      repeatLift: 0.3,
      lapseReduction: 0.5,
      memberDayLift: 0.4,
      paidShare: 0.5,
      paidBuyLift: 0.6,
      costPerMemberMonth: 0.3,
    },
    { days: 5, agents: 100, scale: 10, initial: { R2: 1 }, baseline: { forward: { R3: 0.1 }, reverse: { R3: 0.2 } } },
  );

  it('joins, first purchases, members’ share of buyers, buy boosts, lapse, points and benefits', () => {
    const rt = membership.expect(c.tactics[0]!, { cause: CAUSE, engine: c, openers: new Map() });
    const day = (d: number, counts: number[], lastOrders: number, demand = 1) => {
      const f = meanFieldDay(c, counts, { day: d, lastOrders, demand });
      rt.beginDay(f.m);
      const s = f.sources;
      return { join: forwardChance(s, R2, R3), first: forwardChance(s, R3, R4), buy4: s.buyMult[R4]!, buy5: s.buyMult[R5]!, lapse4: s.lapseMult[R4]!, lapse5: s.lapseMult[R5]!, cost: f.booked.cost };
    };
    const near = (got: Record<string, number>, want: Record<string, number>) => {
      for (const k of Object.keys(want)) expect(got[k], k).toBeCloseTo(want[k]!, 10);
    };
    // Day 0 (Mon): join 0.3 × ½ = 0.15; no members yet (m3 = mb = 0): no first-purchase source, no boost, no lapse
    // change. Then m3 = 100 × 0.15 = 15 registered; checkout joins: 20 orders yesterday × (1 − 0) × 0.6 = 12, plus
    // m3 × 0.4 × ½ = 3 first buys: mb = 15 (≤ 50 buyers + 50 × 0.1 first buys). Benefits (15 + 15) × 10 × ¥0.3 / 30 = ¥3.
    near(day(0, [0, 0, 100, 50, 40, 10], 20), { join: 0.15, first: 0, buy4: 1, buy5: 1, lapse4: 1, lapse5: 1, cost: 3 });
    // Day 1 (Tue, member day; demand 1.5): first purchases 0.4 × ½ × 15 / 50 = 0.06; members' share of the 50 buyers
    // 15 / 50 = 0.3; boost 1 + 0.3 × ((1 + 0.3 × ½ + 0.8) × (1 + 0.5 × 0.6) − 1) = 1 + 0.3 × 1.535 = 1.4605; lapse
    // 1 − 0.3 × 0.5 × ½ = 0.925. m3 = 15 + 15 − 15 × (0.2 + 0.2) = 24; checkout 30 × 0.7 × 0.6 = 12.6; mb = 15 + 24
    // × 0.2 + 12.6 = 32.4 (≤ 50 + 50 × 0.1 × 1.5). Points 30 × 0.3 × ¥100 × 1 % × 10 = ¥90; benefits 56.4 × 0.1.
    near(day(1, [0, 0, 100, 50, 40, 10], 30, 1.5), { join: 0.15, first: 0.06, buy4: 1.4605, buy5: 1.4605, lapse4: 0.925, lapse5: 0.925, cost: 95.64 });
    // Day 2 (Wed, off): pressure 0: no join, no first purchases; share 32.4 / 50 = 0.648; boost 1 + 0.648 × (1.3 − 1)
    // = 1.1944 (the paid members' lift alone); no lapse change. m3 = 24 × 0.8 = 19.2; no checkout joins on a day off;
    // mb 32.4. Points 40 × 0.648 × 100 × 0.01 × 10 = ¥259.2; benefits 51.6 × 0.1.
    near(day(2, [0, 0, 100, 50, 40, 10], 40), { join: 0, first: 0, buy4: 1.1944, buy5: 1.1944, lapse4: 1, lapse5: 1, cost: 264.36 });
    // Day 3 (Thu, demand 2), 20 buyers: share min(1, 32.4 / 20) = 1; first purchases 0.2 × 19.2 / 50 = 0.0768; boost
    // 1.15 × 1.3 = 1.495; lapse 0.75. m3 = 19.2 + 15 − 19.2 × 0.4 = 26.52; mb = min(20 + 50 × 0.1 × 2, 32.4 + 5.304)
    // = 30: no more members than buyers and today's first buyers. Points 10 × 1 × 10; benefits 56.52 × 0.1.
    near(day(3, [0, 0, 100, 50, 15, 5], 10, 2), { join: 0.15, first: 0.0768, buy4: 1.495, buy5: 1.495, lapse4: 0.75, lapse5: 0.75, cost: 105.652 });
    // Day 4 (Fri), 10 in R3, no buyers: first purchases 0.2 × min(26.52, 10) / 10 = 0.2; members' share 0 (no
    // buyers to divide by), so no boost and no lapse change. m3 = 26.52 + 15 − 26.52 × 0.4 = 30.912; mb = min(0 + 1,
    // …) = 1. Benefits (30.912 + 1) × 0.1.
    near(day(4, [0, 0, 100, 10, 0, 0], 0), { join: 0.15, first: 0.2, buy4: 1, buy5: 1, lapse4: 1, lapse5: 1, cost: 3.1912 });
  });
});

describe('membership: the chances on each agent, by hand', () => {
  // 20 R2 (agents 0–19) and 40 buyers who buy every day. Mon and Tue at effort 2 (pressure ½), member days Tue and
  // Wed at effort 2 (lift 0.8). Monday: R2 register with chance 1 × ½; buyers register at checkout with chance 0.6,
  // half of them paid.
  const tactic: Json = {
    type: 'membership',
    schedule: { weekly: ['mon', 'tue'], effort: 2 },
    memberDays: { weekly: ['tue', 'wed'], effort: 2 },
    pointsRate: 0.01,
    halfSaturationPoints: 0.02,
    shape: 1,
    joinRate: 1,
    joinAtCheckout: 0.6,
    paidShare: 0.5,
    firstBuyLift: 0.4,
    repeatLift: 0.6,
    lapseReduction: 0.5,
    memberDayLift: 0.4,
    paidBuyLift: 0.6,
    costPerMemberMonth: 0,
  };
  // Seed 2: agent 0 registers on Monday and takes the paid tier (a member listed first).
  const c = still(tactic, { days: 4, agents: 60, initial: { R2: 1 / 3, R4: 2 / 3 }, baseline: buying, seed: 2 });

  /** Every agent's marks against the hand values for its tier, membership and paid flag. */
  function check(s: RunState, want: { r3: { keepF: number }; buyer: { buy: number; lapse: number }; paid: { buy: number; lapse: number } }) {
    const members = setOf(s, 'members');
    const seen = { r3: 0, buyer: 0, paid: 0, other: 0 };
    for (let i = 0; i < s.pop.n; i++) {
      const m = marksOf(s, i);
      const t = s.pop.tier[i]!;
      const paid = (s.pop.channels[i]! & PAID_MEMBER) !== 0;
      if (members.has(i) && t === R3) {
        seen.r3++;
        expect(m.keepF, `agent ${i}, R3 member`).toBeCloseTo(want.r3.keepF, 6);
        if (want.r3.keepF < 1) expect(m.toF).toBe(R4);
        expect([m.buy, m.lapse]).toEqual([1, 1]);
      } else if (members.has(i) && t >= R4) {
        const w = paid ? want.paid : want.buyer;
        seen[paid ? 'paid' : 'buyer']++;
        expect(m.buy, `agent ${i}, ${paid ? 'paid' : 'free'} member`).toBeCloseTo(w.buy, 6);
        expect(m.lapse, `agent ${i}`).toBeCloseTo(w.lapse, 6);
        expect(m.keepF).toBe(1);
      } else {
        seen.other++;
        expect(m.marked, `agent ${i}, not a member`).toBe(false);
      }
    }
    return seen;
  }

  it('first purchases of R3 members, purchase lifts of free and paid members, member days on and off the schedule', () => {
    const s = createRun(c, 0);
    // Tuesday: pressure ½, member day 0.8. R3 members: first purchase 0.4 × ½ = 0.2 (stay 0.8). Buyers: × (1 + 0.6 × ½
    // + 0.8) = 2.1, paid × 2.1 × 1.6 = 3.36; lapse × (1 − 0.5 × ½) = 0.75. R2 left: join 1 × ½.
    toStartOf(s, 0, 1);
    const tue = check(s, { r3: { keepF: 0.8 }, buyer: { buy: 2.1, lapse: 0.75 }, paid: { buy: 3.36, lapse: 0.75 } });
    expect(Math.min(tue.r3, tue.buyer, tue.paid, tue.other)).toBeGreaterThan(0);
    expect(forwardChance(s.sources, R2, R3)).toBeCloseTo(0.5, 12);
    finishDay(s);
    // Wednesday: off the schedule (pressure 0), a member day: R3 members nothing; buyers × 1.8, paid × 2.88; no lapse
    // change; nobody registers.
    toStartOf(s, 2, 2);
    const wed = check(s, { r3: { keepF: 1 }, buyer: { buy: 1.8, lapse: 1 }, paid: { buy: 2.88, lapse: 1 } });
    expect(Math.min(wed.buyer, wed.paid)).toBeGreaterThan(0);
    expect(forwardChance(s.sources, R2, R3)).toBe(0);
    finishDay(s);
    // Thursday: neither: nobody is marked.
    toStartOf(s, 3, 3);
    check(s, { r3: { keepF: 1 }, buyer: { buy: 1, lapse: 1 }, paid: { buy: 1, lapse: 1 } });
    finishDay(s);
    // The report counts each member once, and each paid one once.
    const members = setOf(s, 'members');
    const paid = [...members].filter((i) => (s.pop.channels[i]! & PAID_MEMBER) !== 0).length;
    const r = finishRun(s);
    expect([r.tacticMetrics[0], r.tacticMetrics[1]]).toEqual([members.size, paid]);
    expect(paid).toBeGreaterThan(0);
    expect(paid).toBeLessThan(members.size);
  });

  it('a paid member’s fee covers the days left after a later join', () => {
    // 10 buyers (scale 2) register at checkout on Wednesday 4 March, day 2 of 5, all paid: ¥365 × 3 days / 365 each.
    const late = still({ type: 'membership', schedule: { dates: ['2026-03-04'] }, joinRate: 0, joinAtCheckout: 1, paidShare: 1, paidFee: 365 }, { days: 5, agents: 10, scale: 2, initial: { R4: 1 }, baseline: buying });
    const [members, paid, , fees] = simulateRun(late, 0).tacticMetrics;
    expect([members, paid]).toEqual([20, 20]);
    expect(fees).toBeCloseTo(20 * 365 * (3 / 365), 9);
  });
});

describe('content: followers and unfollows, by hand', () => {
  const base: Json = { type: 'content', postsPerDay: 3, halfSaturationPosts: 3, shape: 1, halfLifeDays: 0, reachPerFollower: 20, interactRate: 0, followRate: 1, comfortablePosts: 5, unfollowPerExtraPost: 0.2 };

  it('moves by other causes neither follow nor unfollow; followers who buy and lapse back stay followers', () => {
    // Nobody reads (reach 0); the baseline moves every R2 agent to R3 and every R4 agent to R3 on day 0.
    const other = simulateRun(still({ ...base, reachPerFollower: 0 }, { days: 2, agents: 40, initial: { R2: 0.5, R4: 0.5 }, baseline: { forward: { R2: 1 }, reverse: { R4: 1 } } }), 0);
    expect(other.tiers[1 * 6 + 3]).toBe(40);
    expect(Array.from(other.tacticMetrics)).toEqual([6, 0, 0]);
    // 20 R2 read (40 × 20 × ½ ≫ 20 outside) and follow on day 0; day 1 they buy (R3 → R4), day 2 lapse (R4 → R3):
    // all 20 still follow, none unfollowed.
    const s = createRun(still(base, { days: 3, agents: 40, initial: { R2: 0.5, R4: 0.5 }, baseline: { forward: { R3: 1 }, reverse: { R4: 1 } } }), 0);
    stepDays(s, 0, 3);
    expect([s.pop.tier[0], s.pop.tier[19]]).toEqual([R3, R3]);
    let flagged = 0;
    for (let i = 0; i < 40; i++) if (s.pop.channels[i]! & FOLLOWER) flagged++;
    expect(flagged).toBe(20);
    expect(Array.from(finishRun(s).tacticMetrics)).toEqual([9, 20, 0]);
  });

  it('posting beyond what followers tolerate: each follower still in R3 gets the unfollow chance, nobody else', () => {
    // One post a day, tolerated, but 3 on Wednesday 4 March (day 2): unfollow 0.2 × 2 = 0.4 for every follower in R3
    // (stay 0.6). The 20 R2 follow on day 0; on day 1 the baseline makes about half of R3 buy (R3 → R4): on day 2
    // those buyers are followers outside R3, unmarked. Seed 2: agent 0, the first follower, is still in R3.
    const posts = { ...base, postsPerDay: 1, comfortablePosts: 1, schedule: { daily: true, windows: [{ from: '2026-03-04', to: '2026-03-04', effort: 3 }] } };
    const s = createRun(still(posts, { days: 3, agents: 40, initial: { R2: 0.5, R4: 0.5 }, baseline: { forward: { R3: 0.5 } }, seed: 2 }), 0);
    toStartOf(s, 0, 2);
    const followers = setOf(s, 'followers');
    const seen = { r3: 0, above: 0 };
    for (let i = 0; i < s.pop.n; i++) {
      const m = marksOf(s, i);
      if (followers.has(i) && s.pop.tier[i] === R3) {
        seen.r3++;
        expect(m.keepR, `follower ${i}`).toBeCloseTo(0.6, 6);
        expect(m.toR).toBe(R2);
      } else {
        if (followers.has(i)) seen.above++;
        expect(m.marked, `agent ${i}`).toBe(false);
      }
    }
    expect(Math.min(seen.r3, seen.above)).toBeGreaterThan(0);
    expect([followers.size, s.pop.tier[0]]).toEqual([20, R3]);
  });

  it('a resume keeps content’s own stream, drawn when a group’s leave chance and an unfollow chance fall on one follower', () => {
    // Followers who buy join a group after their order (post-order 1) and lapse back to R3 (baseline 0.5): in R3 they
    // are group members and followers, so the group's leave chance and content's unfollow chance mark them both, and
    // content draws from its stream to pick the cause. Cut after day 6, the run equals the uninterrupted one.
    const groups = { id: 'g', type: 'communityGroups', schedule: { daily: true }, groups: 2, capacity: 50, joinRate: 0, postOrderJoinRate: 1, convertRate: 0, localWordOfMouth: 0, baseLeave: 0.05 };
    const posting = { id: 'c', ...base, schedule: { daily: true }, comfortablePosts: 1, unfollowPerExtraPost: 0.1 };
    const c = config({
      days: 12,
      runs: 1,
      seed: 3,
      population: { agents: 60, scale: 1, initial: { R0: 0, R1: 0, R2: 0.5, R3: 0, R4: 0.5, R5: 0 }, heterogeneity: false },
      baseline: { ...STILL_BASELINE, forward: { ...STILL_BASELINE.forward, R3: 0.5 }, reverse: { ...STILL_BASELINE.reverse, R4: 0.5 } },
      tactics: [groups, posting],
    });
    const fresh = saveRun(createRun(c, 0), 0).tactics[1]!.rng;
    const s = createRun(c, 0);
    stepDays(s, 0, 6);
    expect(saveRun(s, 6).tactics[1]!.rng, 'content drew from its stream before the cut').not.toEqual(fresh);
    expect(diffRecords(simulateRun(c, 0), resumedThrough(c, 0, [6]))).toBeNull();
  });

  it('the mean-field preview: readers from R3–R5, follows, unfollows of the followers among R3, by hand over three days', () => {
    // 1 post at effort 2 = 2 posts, at the half-saturation point: pressure ½. Audience R3 + R4 + R5 = 100 + 200 + 200
    // real people, each bringing 0.1 × ½ readers, over 500 outside (R1 300, R2 200): 5 % read. Interact 0.3 × 5 %,
    // follow 0.4 × 5 %. Unfollow 0.2 × (2 − 0 tolerated) = 0.4; baseline R3 → R2 0.1.
    const c = still(
      { type: 'content', postsPerDay: 1, schedule: { daily: true, effort: 2 }, halfSaturationPosts: 2, shape: 1, halfLifeDays: 0, reachPerFollower: 0.1, interactRate: 0.3, followRate: 0.4, comfortablePosts: 0, unfollowPerExtraPost: 0.2, costPerPost: 3000 },
      { days: 3, agents: 100, initial: { R1: 1 }, baseline: { reverse: { R3: 0.1 } } },
    );
    const rt = content.expect(c.tactics[0]!, { cause: CAUSE, engine: c, openers: new Map() });
    const counts = [0, 300, 200, 100, 200, 200];
    const got: number[][] = [];
    for (let d = 0; d < 3; d++) {
      const f = meanFieldDay(c, counts, { day: d });
      rt.beginDay(f.m);
      got.push([forwardChance(f.sources, R1, R2), forwardChance(f.sources, R2, R3), reverseChance(f.sources, R3, R2), f.booked.cost]);
    }
    // Followers: day 0 none to unfollow, then 200 × 0.02 = 4; day 1 unfollow 0.4 × 4 / 100, then 4 + 4 − 4 × 0.5 = 6;
    // day 2 0.4 × 6 / 100. Cost 2 posts × ¥3 000 a day.
    const want = [
      [0.015, 0.02, 0, 6000],
      [0.015, 0.02, 0.016, 6000],
      [0.015, 0.02, 0.024, 6000],
    ];
    got.forEach((row, d) => row.forEach((x, k) => expect(x, `day ${d}, value ${k}`).toBeCloseTo(want[d]![k]!, 12)));
  });
});

describe('ads: pools, the retargeting split and the mean-field preview, by hand', () => {
  const prm = { dailySpend: 1000, cpm: 10, halfLifeDays: 0, halfSaturationFrequency: 1, shape: 1, audienceShare: 0.5, retargetShare: 0.3, engageRate: 0.3, directBuyRate: 0.1, retargetBuyRate: 0.2 };

  it('cold reach over R0–R2’s audience with 70 % of the spend, warm reach over R3–R5 with 30 %, two days', () => {
    // Scale 10; agents 10 000 R0, 2 000 R1, 2 000 R2, 1 000 each of R3, R4, R5. ¥1 000 at ¥10 per 1 000: 100 000
    // impressions, 70 000 cold over half of 140 000 real people: 1 each → reach ½. Audience in R0: 50 000 of 100 000,
    // so R0 → R1 ½ × ½; R1 → R2 ½ × 0.3; R1/R2 → R4 ½ × 0.1. Warm: 30 000 over 30 000: ½, buying ½ × 0.2.
    // Day 1: the audience left in R0 is 25 000: R0 → R1 ½ × ¼.
    const c = still({ type: 'ads', ...prm }, { days: 2, agents: 100, scale: 10, initial: { R0: 1 } });
    const rt = ads.expect(c.tactics[0]!, { cause: CAUSE, engine: c, openers: new Map() });
    const counts = [10000, 2000, 2000, 1000, 1000, 1000];
    for (const [d, r0] of [[0, 0.25], [1, 0.125]] as const) {
      const { m, sources, booked } = meanFieldDay(c, counts, { day: d });
      rt.beginDay(m);
      expect(forwardChance(sources, R0, R1), `day ${d}`).toBeCloseTo(r0, 12);
      expect(forwardChance(sources, R1, R2)).toBeCloseTo(0.15, 12);
      expect(forwardChance(sources, R1, R4)).toBeCloseTo(0.05, 12);
      expect(forwardChance(sources, R2, R4)).toBeCloseTo(0.05, 12);
      expect(forwardChance(sources, R3, R4)).toBeCloseTo(0.1, 12);
      expect([sources.chanceP[R4], sources.chanceP[R5]]).toEqual([expect.closeTo(0.1, 12), expect.closeTo(0.1, 12)]);
      expect(booked.cost).toBe(1000);
    }
  });

  it('the response curve’s pressure counts R1 and R2 in the cold pool', () => {
    const def = ads;
    const defaults = Object.fromEntries(Object.entries(def.params).filter(([k]) => k !== 'schedule').map(([k, f]) => [k, (f as { default?: unknown }).default]));
    const full = tacticParams(def.params, { ...defaults, ...prm, cpm: 40 });
    // ¥20 000, 70 % cold: 350 000 impressions over half of 1 500 000 (R1 + R2): 7/15 each → (7/15) / (22/15) = 7/22.
    expect(pressureAt(def, full, [0, 1e6, 5e5, 0, 0, 0], 20000)).toBeCloseTo(7 / 22, 12);
  });
});

describe('common.ts: a per-tier block read into an array by tier', () => {
  it('R0..R5 in order, a tier left out is 0, a block left out is all 0', () => {
    expect(tierArray({ a: { R0: 0.1, R3: 0.4, R5: 0.6 } }, 'a')).toEqual([0.1, 0, 0, 0.4, 0, 0.6]);
    expect(tierArray({}, 'a')).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('curve.ts: curves without a ceiling near 1, and tactics without a curve', () => {
  it('a curve that levels off at 0.8: doubling stops after 60 steps, the marks are shares of 0.8', () => {
    // Pressure 0.8 × e / (1 + e): from effort 1, 2⁶⁰ is where the search stops (0.8 never reaches 0.97). Marks at
    // ¼, ½ and 90 % of 0.8: e / (1 + e) = ¼, ½, 0.9 → e = 1/3, 1, 9 (bisection over [0, 2⁶⁰]: to about 10⁻⁶).
    const low = { ...ads, curve: { ...ads.curve, pressure: (e: number) => (0.8 * e) / (1 + e) } };
    const c = responseCurve(low, { dailySpend: 1 }, [], undefined, 4)!;
    expect(c.marks.maintain).toBeCloseTo(1 / 3, 4);
    expect(c.marks.grow).toBeCloseTo(1, 4);
    expect(c.marks.flatten).toBeCloseTo(9, 4);
    expect(c.max).toBeCloseTo(9 * 1.4, 4);
  });

  it('a tactic without a curve has no chart and no pressure', () => {
    const none = { ...ads, curve: null };
    expect(responseCurve(none, { dailySpend: 1000 }, [1000, 0, 0, 0, 0, 0])).toBeNull();
    expect(pressureAt(none, { dailySpend: 1000 }, [1000, 0, 0, 0, 0, 0], 1000)).toBe(0);
  });
});
