import { describe, expect, it } from 'vitest';
import { config, STILL_BASELINE, tacticMarket } from '../helpers';
import { still, tacticCost as cost } from './tactic-day';
import { FIRST_TACTIC_CAUSE, type EngineConfig } from '../../src/sim/config';
import { restoreRun, saveRun, stepDays, type RunSnapshot } from '../../src/sim/checkpoint';
import { createRun, finishRun, simulateRun } from '../../src/sim/step/model';
import { communityGroups } from '../../src/sim/tactics/community-groups';
import { membership } from '../../src/sim/tactics/membership';
import type { RunRecord } from '../../src/sim/results/recorder';
import { StateError } from '../../src/sim/tactics/state';
import type { TacticState } from '../../src/sim/tactics/types';
import { pressureAt, responseCurve } from '../../src/sim/tactics/curve';
import { getTactic, TACTICS } from '../../src/sim/tactics/registry';
import { runMeanField } from '../../src/sim/projection/meanfield';
import { tacticParams } from '../../src/sim/tactics/common';
import { diffRecords, resumedThrough } from './resume';

/**
 * Each tactic's own checkpoint (its runtime's saveState / loadState) and its report, one tactic at a time, on small
 * scenarios that run in a fraction of a second, so that the tactics' mutation groups (scripts/mutants-group.sh) see
 * them: checkpoint.test.ts checks the same property over random mixes, but is not in those groups.
 *
 * The oracle of a resume is the uninterrupted run (simulateRun), which never saves nor restores. The oracle of a
 * report is a value worked out by hand from the scenario's numbers: still populations (no baseline moves), rates of 0
 * or 1, so every count is certain.
 */

type Json = Record<string, unknown>;


/** One tactic acting on the lively tactic market for `days` days. */
function market(tactic: Json, days = 30, agents = 1500): EngineConfig {
  return config({ ...tacticMarket({ days, runs: 1, seed: 5, agents }), tactics: [{ id: 't', ...tactic }] });
}


/** Moves and orders the tactic (cause FIRST_TACTIC_CAUSE) caused in a record. */
function acted(r: RunRecord): { moves: number; orders: number } {
  let moves = 0;
  for (let p = 0; p < 36; p++) moves += r.causeMoves[FIRST_TACTIC_CAUSE * 36 + p]!;
  return { moves, orders: r.causeOrders[FIRST_TACTIC_CAUSE]! };
}

/** Each tactic set to act a lot within 30 days (its moves, its own state: members, carry-over, streams). */
const LIVELY: Record<string, Json> = {
  referral: { type: 'referral', reward: 30, inviteRate: 0.02, friendsPerInvite: 3, lowQualityShare: 0.5, lowQualityChurn: 0.1, halfLifeDays: 2 },
  guides: { type: 'guides', guides: 20, addsPerGuide: 40, contactsPerGuide: 400, attentionCapacity: 100, consultRate: 0.05, postOrderAddRate: 0.15, recallRate: 0.02 },
  communityGroups: {
    type: 'communityGroups',
    groups: 6,
    capacity: 100,
    joinRate: 0.02,
    postsPerDay: 8,
    fatigue: 0.005,
    convertRate: 0.008,
    groupBuy: { schedule: { everyDays: 4 }, rate: 0.04, ladder: [{ participants: 2, discount: 0.2 }, { participants: 5, discount: 0.3 }] },
  },
  ads: { type: 'ads', dailySpend: 2000, halfLifeDays: 3 },
  content: { type: 'content', schedule: { daily: true }, postsPerDay: 3, followRate: 0.2, interactRate: 0.1, unfollowPerExtraPost: 0.01 },
  membership: { type: 'membership', joinRate: 0.02, firstBuyLift: 0.05, paidShare: 0.5, pointsRate: 0.05 },
};

describe('a run resumed from a checkpoint equals the uninterrupted run, bit for bit, one tactic at a time', () => {
  it.each(Object.keys(LIVELY))('%s: cut after days 7 and 19, through JSON text', (type) => {
    const c = market(LIVELY[type]!);
    const whole = simulateRun(c, 1);
    // The tactic acts before and after the cuts, so its state at the cuts matters.
    const a = acted(whole);
    expect(a.moves + a.orders, `${type} acted`).toBeGreaterThan(20);
    expect(diffRecords(whole, resumedThrough(c, 1, [7, 19]))).toBeNull();
    // Its metrics are part of the record, and are numbers.
    expect(whole.tacticMetrics.length).toBeGreaterThan(0);
  });
});

/** A snapshot of `c` after `cut` days, and a copy of it whose tactic state has `key` set to `value` (or removed). */
function tampered(c: EngineConfig, cut: number, key: string, value: unknown, remove = false): RunSnapshot {
  const s = createRun(c, 0);
  stepDays(s, 0, cut);
  const snap = saveRun(s, cut);
  const st = { ...(snap.tactics[0] as Record<string, unknown>) };
  if (remove) delete st[key];
  else st[key] = value;
  return { ...snap, tactics: [st as TacticState] };
}

function refusal(c: EngineConfig, snap: RunSnapshot): StateError | null {
  try {
    restoreRun(c, snap);
  } catch (e) {
    if (e instanceof StateError) return e;
    throw e;
  }
  return null;
}

describe('a tactic’s malformed saved state is refused, naming the field', () => {
  it.each(Object.keys(LIVELY))('%s: each field missing, or of the wrong kind', (type) => {
    const c = market(LIVELY[type]!, 12, 400);
    const fresh = createRun(c, 0);
    stepDays(fresh, 0, 6);
    const keys = Object.keys(saveRun(fresh, 6).tactics[0]!);
    expect(keys.length).toBeGreaterThan(2);
    for (const key of keys) {
      const missing = refusal(c, tampered(c, 6, key, undefined, true));
      expect(missing?.path, `${type}: ${key} missing`).toBe(`tactics[0] (t).${key}`);
      expect(missing?.message, `${type}: ${key} missing`).toMatch(/nothing/);
      const wrong = refusal(c, tampered(c, 6, key, 'x'));
      expect(wrong?.path, `${type}: ${key} a string`).toBe(`tactics[0] (t).${key}`);
      expect(wrong?.message).toMatch(/string/);
    }
  });

  it('the refusal says what it found: null, a list, a typed array, a flag; a member set with an agent out of range or twice', () => {
    const c = market(LIVELY.communityGroups!, 12, 400);
    const said = (key: string, value: unknown) => {
      const e = refusal(c, tampered(c, 6, key, value));
      expect(e?.path).toBe(`tactics[0] (t).${key}`);
      return e!.message;
    };
    expect(said('cursor', null)).toBe('tactics[0] (t).cursor: expected a number, got null');
    expect(said('cursor', [1])).toBe('tactics[0] (t).cursor: expected a number, got a list');
    expect(said('cursor', new Int32Array(1))).toBe('tactics[0] (t).cursor: expected a number, got Int32Array');
    expect(said('cursor', true)).toBe('tactics[0] (t).cursor: expected a number, got boolean');
    expect(said('gbToday', 0)).toBe('tactics[0] (t).gbToday: expected true or false, got number');
    expect(said('size', new Int32Array(3))).toBe('tactics[0] (t).size: expected 6 values, got 3');
    expect(said('rng', new Float64Array(4))).toBe('tactics[0] (t).rng: expected Int32Array, got Float64Array');
    expect(said('members', Int32Array.from([400]))).toBe('tactics[0] (t).members: member 400 is not an agent index below 400');
    expect(said('members', Int32Array.from([3, 3]))).toBe('tactics[0] (t).members: agent 3 is listed twice');
    // Saved as null before they were first made: a member set and a stream load as fresh ones.
    const s = createRun(c, 0);
    stepDays(s, 0, 6);
    const snap = saveRun(s, 6);
    const r = restoreRun(c, { ...snap, tactics: [{ ...snap.tactics[0]!, members: null, rng: null }] });
    stepDays(r, 6, 12);
    expect(finishRun(r).tacticMetrics.length).toBe(9);
  });

  it.each(Object.keys(LIVELY))('%s: a typed array of the wrong length or kind, a stream of the wrong size', (type) => {
    const c = market(LIVELY[type]!, 12, 400);
    const s = createRun(c, 0);
    stepDays(s, 0, 6);
    const saved = saveRun(s, 6).tactics[0]!;
    let checked = 0;
    for (const [key, v] of Object.entries(saved)) {
      if (!ArrayBuffer.isView(v)) continue;
      const arr = v as unknown as Int32Array;
      const Ctor = arr.constructor as new (n: number) => Int32Array;
      // Member sets hold any number of members; fixed-length arrays (per agent, per group, a stream's 4 words) do not.
      if (!['members', 'recruits', 'contacts', 'followers'].includes(key)) {
        const longer = new Ctor(arr.length + 1);
        const e = refusal(c, tampered(c, 6, key, longer));
        expect(e?.path, `${type}: ${key} one longer`).toBe(`tactics[0] (t).${key}`);
        expect(e?.message).toContain(`expected ${arr.length} values, got ${arr.length + 1}`);
      }
      const Other = arr instanceof Float64Array ? Int32Array : Float64Array;
      const e = refusal(c, tampered(c, 6, key, new Other(arr.length)));
      expect(e?.path, `${type}: ${key} of another kind`).toBe(`tactics[0] (t).${key}`);
      checked++;
    }
    // Every tactic with a stream saves it as four words.
    if (type !== 'ads') expect(checked).toBeGreaterThan(0);
  });
});


/** Agents in `tier` at the end of the run. */
function endTier(r: RunRecord, tier: number): number {
  return r.tiers[r.days * 6 + tier]!;
}

const guidesTactic = { type: 'guides', schedule: { daily: true }, guides: 1, contactsPerGuide: 1000, attentionCapacity: 1000, addsPerGuide: 100, messagesPerGuide: 10, halfSaturationMessages: 10, shape: 2, halfLifeDays: 0, inStoreShare: 0, postOrderAddRate: 0, consultRate: 1, consultationWeight: 1, welcomeDays: 14, welcomeLift: 4, basketLift: 0.2, recallRate: 0, guideCostPerMonth: 6000 };
const buyingBaseline = { forward: { R4: 1 }, repeat: 1, orderValue: { mean: 100, sd: 0 } };
const groupsTactic = { type: 'communityGroups', schedule: { daily: true }, groups: 2, capacity: 10, groupsPerOperator: 3, operatorCostPerMonth: 9000, joinRate: 1, postOrderJoinRate: 0, postsPerDay: 2, halfSaturationPosts: 2, shape: 1.5, halfLifeDays: 0, quality: 3, convertRate: 1, repeatLift: 0.35, localWordOfMouth: 0, comfortablePosts: 4, fatigue: 0, baseLeave: 0, wateringSize: 10000 };

describe('report and costs by hand, on still populations', () => {
  it('referral: invited, fake, low quality, invitees who bought and the reward per invitee who bought', () => {
    // 1 000 agents at scale 10: 500 R0, 500 R4. Reward = its half-saturation → pull ½ (no carry-over). Invitees asked
    // for: 500 buyers × 1 × ½ × 50 = 12 500, far beyond R0: all accounts = R0 / (1 − fake) = 500 / 0.8 = 625 agents,
    // of which 500 real (every R0 agent, to R2 on day 0) and 125 fake. Then R0 is empty: nobody more. Invitees move
    // R2 → R3 on day 1 and R3 → R4 on day 2 (baseline 1), each with a first order.
    const c = still(
      { type: 'referral', reward: 20, halfSaturationReward: 20, shape: 1, halfLifeDays: 0, inviteRate: 1, friendsPerInvite: 50, fakeShare: 0.2, lowQualityShare: 1, lowQualityChurn: 0, entryTier: 'R2' },
      { days: 8, agents: 1000, scale: 10, initial: { R0: 0.5, R4: 0.5 }, baseline: { forward: { R2: 1, R3: 1 } } },
    );
    const r = simulateRun(c, 0);
    // Reward paid on day 0: (500 real + 125 fake) accounts × scale 10 × ¥20.
    expect(cost(r)).toBeCloseTo(625 * 10 * 20, 6);
    expect(r.causeCost[0 * r.causes + FIRST_TACTIC_CAUSE]).toBeCloseTo(125000, 6);
    const [invited, fake, low, bought, perBuyer] = r.tacticMetrics;
    expect(invited).toBe(5000);
    expect(fake).toBeCloseTo(1250, 9);
    expect(low).toBe(5000);
    expect(bought).toBe(1);
    expect(perBuyer).toBeCloseTo(125000 / 5000, 9);
  });

  it('referral: nobody bought → no share of buyers to divide by; low-quality invitees drift back a tier a day to R0', () => {
    const c = still(
      { type: 'referral', reward: 20, halfSaturationReward: 20, shape: 1, halfLifeDays: 0, inviteRate: 1, friendsPerInvite: 50, fakeShare: 0.2, lowQualityShare: 1, lowQualityChurn: 1, entryTier: 'R2' },
      { days: 3, agents: 1000, initial: { R0: 0.5, R4: 0.5 } },
    );
    const r = simulateRun(c, 0);
    // Day 0: R0 → R2; day 1: R2 → R1; day 2: R1 → R0 (churn 1, still baseline).
    expect(endTier(r, 0)).toBe(500);
    expect(r.tiers[1 * 6 + 2]).toBe(500);
    expect(r.tiers[2 * 6 + 1]).toBe(500);
    const [invited, fake, low, bought, perBuyer] = r.tacticMetrics;
    expect([invited, fake, low, bought]).toEqual([500, 125, 500, 0]);
    expect(perBuyer).toBeNaN();
  });

  // Guides: 1 guide with room for 1 000 contacts; 200 agents at scale 1: 100 R2, 100 R4. Messages at the
  // half-saturation point, no carry-over: pressure ½, so adds run at full rate (min(1, 2 × ½)) = 100 a working day,
  // all from R2 (none at the till): every R2 agent is a contact on day 0. Consultation 1 × 1 × ½ × welcome 4 ≥ 1: all
  // 100 contacts buy on day 1 (their first order, within 30 days of being added). Buyers buy every day (baseline R4 → R5
  // and repeat 1), contacts from day 2: repeat orders per buyer-day are 1 for both, so the frequency ratio is 1; a
  // contact's basket is lifted by basketLift × pressure = 0.2 × ½.

  it('guides: contacts, adds, consultations, contacts’ frequency and spend against other buyers’, first-month buyers, cost', () => {
    const c = still(guidesTactic, { days: 40, agents: 200, initial: { R2: 0.5, R4: 0.5 }, baseline: buyingBaseline });
    const r = simulateRun(c, 0);
    expect(r.tiers[1 * 6 + 3]).toBe(100);
    expect(r.tiers[2 * 6 + 4]).toBe(100);
    const [contacts, perGuide, added, consults, freq, spend, firstMonth] = r.tacticMetrics;
    expect([contacts, perGuide, added, consults]).toEqual([100, 100, 100, 100]);
    expect(freq).toBeCloseTo(1, 12);
    expect(spend).toBeCloseTo(1 + 0.2 * 0.5, 12);
    expect(firstMonth).toBe(1);
    // ¥6 000 a guide-month, a thirtieth each day.
    expect(cost(r)).toBeCloseTo((40 * 6000) / 30, 6);
  });

  it('guides: at scale 10, twice the guides; contacts added too late for 30 days in the run are not counted', () => {
    // Same market at scale 10 with 2 guides adding 500 a day each: 2 × 500 / 10 = 100 agents a day, every R2 agent.
    const g = { ...guidesTactic, guides: 2, addsPerGuide: 500, contactsPerGuide: 5000 };
    const at30 = simulateRun(still(g, { days: 30, agents: 200, scale: 10, initial: { R2: 0.5, R4: 0.5 }, baseline: buyingBaseline }), 0);
    const [contacts, perGuide, added, consults, , , firstMonth] = at30.tacticMetrics;
    expect([contacts, perGuide, added, consults]).toEqual([1000, 500, 1000, 1000]);
    expect(firstMonth).toBe(1);
    expect(cost(at30)).toBeCloseTo((30 * 2 * 6000) / 30, 6);
    // In a 29-day run, contacts added on day 0 have no 30 days left: no share.
    const at29 = simulateRun(still(g, { days: 29, agents: 200, scale: 10, initial: { R2: 0.5, R4: 0.5 }, baseline: buyingBaseline }), 0);
    expect(at29.tacticMetrics[6]).toBeNaN();
  });

  it('guides: no buyers among the contacts → no frequency or spend ratio', () => {
    const c = still({ ...guidesTactic, consultRate: 0 }, { days: 10, agents: 200, initial: { R2: 0.5, R4: 0.5 }, baseline: buyingBaseline });
    const r = simulateRun(c, 0);
    const [contacts, , added, consults, freq, spend, firstMonth] = r.tacticMetrics;
    expect([contacts, added, consults]).toEqual([100, 100, 0]);
    expect(freq).toBeNaN();
    expect(spend).toBeNaN();
    // A 10-day run leaves no contact 30 days.
    expect(firstMonth).toBeNaN();
  });

  // Community groups: 2 groups of 10 (scale 1), 50 agents: 20 R2, 30 R4. Posts at the half-saturation point, no
  // carry-over, quality 3: pressure 3 × ½ = 1.5, so joining (rate 1) is certain up to the room left (20 / 20): every R2
  // agent joins on day 0, the first ten group 0, the next ten group 1. Nobody leaves (base leave and fatigue 0).

  it('community groups: members, group size, joined, buyers among members, members against other buyers, GMV shares, operators’ cost', () => {
    // Members convert on day 1 (1.5 / (1 + 10/10 000) ≥ 1), then buy every day from day 2, as the 30 other buyers do
    // from day 0: repeat orders per buyer-day are 1 for both. GMV (¥100 an order): members 20 × 9 days (first orders
    // on day 1, repeats on days 2–9), others 30 × 10. One operator runs both groups (⌈2 / 3⌉ = 1): ¥9 000 a month.
    const c = still(groupsTactic, { days: 10, agents: 50, initial: { R2: 0.4, R4: 0.6 }, baseline: buyingBaseline });
    const r = simulateRun(c, 0);
    expect(r.tiers[1 * 6 + 3]).toBe(20);
    expect(r.tiers[2 * 6 + 4]).toBe(20);
    const [members, size, joined, left, buyerShare, gbOrders, repeatRatio, gmvShare, privateShare] = r.tacticMetrics;
    expect([members, size, joined, left, buyerShare, gbOrders]).toEqual([20, 10, 20, 0, 1, 0]);
    expect(repeatRatio).toBeCloseTo(1, 12);
    expect(gmvShare).toBeCloseTo((20 * 9) / (20 * 9 + 30 * 10), 12);
    expect(privateShare).toBe(1);
    expect(cost(r)).toBeCloseTo((10 * 9000) / 30, 6);
  });

  it('community groups: posting beyond what members tolerate makes them leave, and they join again', () => {
    // Leave chance (0 + 1 × (3 − 2 excess posts... capped at 1) = 1: no conversions (rates 0), so on day 1 every
    // member falls R3 → R2 and leaves; on day 2 they join again (room for all); on day 3 they leave again.
    const c = still({ ...groupsTactic, convertRate: 0, comfortablePosts: 1, fatigue: 1 }, { days: 4, agents: 50, initial: { R2: 0.4, R4: 0.6 } });
    const r = simulateRun(c, 0);
    expect([1, 2, 3, 4].map((d) => r.tiers[d * 6 + 3])).toEqual([20, 0, 20, 0]);
    const [members, size, joined, left, buyerShare] = r.tacticMetrics;
    expect([members, size, joined, left]).toEqual([0, 0, 40, 40]);
    expect(buyerShare).toBeNaN();
    // Nobody in a group ordered: no GMV share of members; no member repeat ratio.
    expect(r.tacticMetrics[6]).toBeNaN();
  });

  it('community groups: a group buy on day 1 at the ladder’s rung for 10 participants, its discount a cost', () => {
    // Participants expected per group: 10 members × scale 1 × rate 1 = 10 → the rung at 10 (30 % off; the ladder is
    // given out of order, and is read in order of participants). Chance
    // 1 × (1 + 0.3) ≥ 1: every R3 member buys on day 1 (R3 → R4), each order ¥100 with ¥30 off.
    const gb = { schedule: { dates: ['2026-03-03'] }, rate: 1, ladder: [{ participants: 10, discount: 0.3 }, { participants: 5, discount: 0.2 }, { participants: 20, discount: 0.5 }] };
    const c = still({ ...groupsTactic, convertRate: 0, groupBuy: gb }, { days: 3, agents: 50, initial: { R2: 0.4, R4: 0.6 }, baseline: { orderValue: { mean: 100, sd: 0 } } });
    const r = simulateRun(c, 0);
    expect(r.tiers[2 * 6 + 4]).toBe(20 + 30);
    expect(r.tacticMetrics[5]).toBe(20);
    expect(r.causeDiscount[FIRST_TACTIC_CAUSE]).toBeCloseTo(20 * 100 * 0.3, 3); // the discount is kept as a 32-bit float
    expect(r.causeCost[1 * r.causes + FIRST_TACTIC_CAUSE]).toBeCloseTo(20 * 100 * 0.3 + 9000 / 30, 3);
    expect(cost(r)).toBeCloseTo(20 * 100 * 0.3 + (3 * 9000) / 30, 3);
  });

  it('ads: spend by schedule and effort, impressions at the CPM, people reached and engaged from the record’s moves', () => {
    // Mondays and Wednesdays of 14 days from Monday 2 March at effort 2: 4 days × 2 × ¥5 000 = ¥40 000, which buys
    // 40 000 × 1 000 / ¥50 = 800 000 impressions. Only the ads move anyone (still population), so the people reached
    // are every R0 → R1 move, and those engaged every R1 → R2, R1 → R4 and R2 → R4 move, at scale 10.
    const c = still(
      { type: 'ads', schedule: { weekly: ['mon', 'wed'], effort: 2 }, dailySpend: 5000, cpm: 50, engageRate: 0.3, directBuyRate: 0.05, retargetShare: 0.2, retargetBuyRate: 0.1 },
      { days: 14, agents: 2000, scale: 10, initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.1 } },
    );
    const r = simulateRun(c, 0);
    const moved = (from: number, to: number) => {
      let n = 0;
      for (let d = 0; d < r.days; d++) n += r.moves[d * 36 + from * 6 + to]!;
      return n * 10;
    };
    const reached = moved(0, 1);
    const engaged = moved(1, 2) + moved(1, 4) + moved(2, 4);
    expect(reached).toBeGreaterThan(0);
    expect(engaged).toBeGreaterThan(0);
    expect(cost(r)).toBeCloseTo(40000, 6);
    // Spend falls on the scheduled days only.
    expect([0, 1, 2, 3, 7, 9].map((d) => r.causeCost[d * r.causes + FIRST_TACTIC_CAUSE])).toEqual([10000, 0, 10000, 0, 10000, 10000]);
    const [spend, impressions, reachedM, perReached, perEngaged] = r.tacticMetrics;
    expect(spend).toBeCloseTo(40000, 6);
    expect(impressions).toBeCloseTo(800000, 4);
    expect(reachedM).toBe(reached);
    expect(perReached).toBeCloseTo(40000 / reached, 9);
    expect(perEngaged).toBeCloseTo(40000 / engaged, 9);
  });

  it('ads: a campaign reaches at most its audience of R0, however much it spends; no spend, no cost per person', () => {
    // 2 000 R0 agents, a quarter of them in the audience: about 500 reached (binomial, sd ≈ 20), not the market.
    const c = still({ type: 'ads', dailySpend: 1e7, cpm: 10, audienceShare: 0.25, retargetShare: 0 }, { days: 20, agents: 2000, initial: { R0: 1 } });
    const reached = simulateRun(c, 0).tacticMetrics[2]!;
    expect(reached).toBeGreaterThan(500 - 80);
    expect(reached).toBeLessThan(500 + 80);
    const none = simulateRun(still({ type: 'ads', dailySpend: 0 }, { days: 5, agents: 200, initial: { R0: 1 } }), 0).tacticMetrics;
    expect([none[0], none[1], none[2]]).toEqual([0, 0, 0]);
    expect(none[3]).toBeNaN();
    expect(none[4]).toBeNaN();
    // Spending on a market with nobody in R0 and nobody engaging: a cost, but nobody to divide it by.
    const idle = simulateRun(still({ type: 'ads', dailySpend: 1000, engageRate: 0, directBuyRate: 0 }, { days: 5, agents: 200, initial: { R1: 1 } }), 0).tacticMetrics;
    expect([idle[0], idle[2]]).toEqual([5000, 0]);
    expect(idle[3]).toBeNaN();
    expect(idle[4]).toBeNaN();
  });

  it('content: posts, followers and unfollows at scale 10, and the cost per post', () => {
    // 100 R2 and 400 R4 agents: readers 400 × 20 per follower × pressure ½ far exceed the 100 outside: all read, all
    // follow (rate 1) on day 0. Two posts a day within what followers tolerate: nobody unfollows.
    const base = { type: 'content', schedule: { daily: true }, postsPerDay: 2, halfSaturationPosts: 2, halfLifeDays: 0, reachPerFollower: 20, interactRate: 0, followRate: 1, comfortablePosts: 2, unfollowPerExtraPost: 1, costPerPost: 3000 };
    const r = simulateRun(still(base, { days: 6, agents: 500, scale: 10, initial: { R2: 0.2, R4: 0.8 } }), 0);
    expect(r.tiers[1 * 6 + 3]).toBe(100);
    expect(Array.from(r.tacticMetrics)).toEqual([12, 1000, 0]);
    expect(cost(r)).toBeCloseTo(12 * 3000, 6);
    // One post beyond: every follower unfollows the next day (1 × 1 excess), and follows again the day after.
    const over = simulateRun(still({ ...base, comfortablePosts: 1 }, { days: 4, agents: 500, scale: 10, initial: { R2: 0.2, R4: 0.8 } }), 0);
    expect([1, 2, 3, 4].map((d) => over.tiers[d * 6 + 3])).toEqual([100, 0, 100, 0]);
    expect(Array.from(over.tacticMetrics)).toEqual([8, 0, 2000]);
  });

  it('membership: buyers join at checkout, all paid; their orders, fees, GMV share and costs by hand', () => {
    // 100 R4 agents at scale 10 buy every day. Day 0's orders are not members' (they join at checkout, rate 1, all
    // taking the paid tier); days 1–9 are all members': 900 of 1 000 orders. A paid member's order is ¥100 × 1.5.
    // Fees: 100 × 10 × ¥99 × 10 days / 365 on day 0. Costs: points 5 % of members' orders × scale; benefits ¥0.3 a
    // member-month, a thirtieth a day, for 1 000 members over 10 days.
    const c = still(
      { type: 'membership', schedule: { daily: true }, joinRate: 0, joinAtCheckout: 1, paidShare: 1, paidFee: 99, paidValueLift: 0.5, pointsRate: 0.05, costPerMemberMonth: 0.3 },
      { days: 10, agents: 100, scale: 10, initial: { R4: 1 }, baseline: buyingBaseline },
    );
    const r = simulateRun(c, 0);
    const [members, paid, orderShare, fees, gmvShare] = r.tacticMetrics;
    expect([members, paid]).toEqual([1000, 1000]);
    expect(orderShare).toBeCloseTo(0.9, 12);
    expect(fees).toBeCloseTo((1000 * 99 * 10) / 365, 6);
    expect(gmvShare).toBeCloseTo((900 * 150) / (900 * 150 + 100 * 100), 12);
    expect(cost(r)).toBeCloseTo(900 * 150 * 0.05 * 10 + (10 * 1000 * 0.3) / 30, 6);
  });
});

describe('the response curve on a tactic card (curve.ts)', () => {
  /** Hill's inverse: the effort at which x^s / (x^s + ec^s) = y. */
  const hillInverse = (y: number, ec: number, s: number) => ec * Math.pow(y / (1 - y), 1 / s);
  const hillAt = (x: number, ec: number, s: number) => x ** s / (x ** s + ec ** s);

  it('a Hill tactic (referral): the ceiling found by doubling, marks at ¼, ½ and 90 % of it, points up to 1.4 × flatten', () => {
    const def = getTactic('referral');
    const params = { reward: 15, halfSaturationReward: 20, shape: 1.2 };
    // Doubling from the current ¥15 until the pressure reaches 0.97: Hill ≥ 0.97 from 20 × (0.97/0.03)^(1/1.2) ≈ 362,
    // so 15 × 2⁵ = 480.
    expect(hillInverse(0.97, 20, 1.2)).toBeGreaterThan(240);
    expect(hillInverse(0.97, 20, 1.2)).toBeLessThan(480);
    const ceiling = hillAt(480, 20, 1.2);
    const curve = responseCurve(def, params, [1000, 0, 0, 0, 0, 0], undefined, 10)!;
    expect(curve.marks.maintain).toBeCloseTo(hillInverse(0.25 * ceiling, 20, 1.2), 6);
    expect(curve.marks.grow).toBeCloseTo(hillInverse(0.5 * ceiling, 20, 1.2), 6);
    expect(curve.marks.flatten).toBeCloseTo(hillInverse(0.9 * ceiling, 20, 1.2), 6);
    expect(curve.current.effort).toBe(15);
    expect(curve.current.pressure).toBeCloseTo(hillAt(15, 20, 1.2), 12);
    const max = 1.4 * hillInverse(0.9 * ceiling, 20, 1.2);
    expect(curve.max).toBeCloseTo(max, 6);
    expect(curve.points).toHaveLength(11);
    expect(curve.points[0]).toEqual({ effort: 0, pressure: 0 });
    expect(curve.points[4]!.effort).toBeCloseTo((max * 4) / 10, 6);
    expect(curve.points[4]!.pressure).toBeCloseTo(hillAt((max * 4) / 10, 20, 1.2), 9);
    expect(pressureAt(def, params, [], 20)).toBeCloseTo(0.5, 12);
  });

  it('a current effort beyond the flattening point stretches the axis to 1.2 × the effort; no effort starts the search at 1', () => {
    const def = getTactic('referral');
    const far = responseCurve(def, { reward: 5000, halfSaturationReward: 20, shape: 1.2 }, [], undefined, 4)!;
    expect(far.max).toBeCloseTo(6000, 9);
    expect(far.points.map((q) => q.effort)).toEqual([0, 1500, 3000, 4500, 6000]);
    // Effort 0: doubling from 1 (2⁹ = 512 is the first power of two past 362).
    const zero = responseCurve(def, { reward: 0, halfSaturationReward: 20, shape: 1.2 }, [])!;
    expect(zero.current).toEqual({ effort: 0, pressure: 0 });
    expect(zero.marks.grow).toBeCloseTo(hillInverse(0.5 * hillAt(512, 20, 1.2), 20, 1.2), 6);
    expect(zero.points).toHaveLength(61);
  });

  it('ads: its own pressure — reach of the cold audience, never more than one person per impression', () => {
    const def = getTactic('ads');
    const prm = { cpm: 40, retargetShare: 0.3, audienceShare: 0.5, halfSaturationFrequency: 1, shape: 1 } as Record<string, unknown>;
    const full = tacticParams(def.params, { ...Object.fromEntries(Object.entries(def.params).filter(([k]) => k !== 'schedule').map(([k, f]) => [k, (f as { default?: unknown }).default])), ...prm });
    // ¥20 000 a day, 70 % cold: 350 000 impressions over half of 1 000 000 people: 0.7 each → 0.7 / 1.7 reached.
    expect(pressureAt(def, full, [1e6, 0, 0, 5e5, 0, 0], 20000)).toBeCloseTo(0.7 / 1.7, 12);
    // With a steep curve (ec 0.01), 0.001 impressions each reach at most 0.1 % of the pool.
    expect(pressureAt(def, { ...full, halfSaturationFrequency: 0.01 }, [1e6, 0, 0, 0, 0, 0], 20)).toBeCloseTo(20 * 0.7 * 1000 / 40 / 5e5, 12);
    expect(pressureAt(def, full, [0, 0, 0, 0, 0, 0], 20000)).toBe(0);
  });
});

describe('the registry', () => {
  it('knows every tactic by its type, and refuses an unknown type by name (not an Object property)', () => {
    for (const [type, def] of Object.entries(TACTICS)) expect(getTactic(type)).toBe(def);
    expect(Object.keys(TACTICS)).toEqual(['livestream', 'communityGroups', 'coupons', 'ads', 'guides', 'referral', 'membership', 'content']);
    expect(() => getTactic('flyers')).toThrow('unknown tactic type "flyers"');
    expect(() => getTactic('toString')).toThrow(/unknown tactic type "toString"/);
    expect(Object.isFrozen(TACTICS)).toBe(true);
  });
});

/**
 * Each tactic's expected-value runtime (its `expect`, for the mean-field preview) on the same still scenarios: where
 * every move is certain, the expectation is the certain outcome, worked out by hand above (in real customers, agents ×
 * scale); where the projection estimates today's orders from yesterday's, that lag is part of the hand value.
 */
describe('the mean-field preview of each tactic, by hand on still populations', () => {
  const sumCost = (c: number[]) => c.reduce((a, b) => a + b, 0);

  it('referral: every R0 agent invited on day 0, rewards for real and fake accounts', () => {
    const c = still(
      { type: 'referral', reward: 20, halfSaturationReward: 20, shape: 1, halfLifeDays: 0, inviteRate: 1, friendsPerInvite: 50, fakeShare: 0.2, lowQualityShare: 1, lowQualityChurn: 0, entryTier: 'R2' },
      { days: 8, agents: 1000, scale: 10, initial: { R0: 0.5, R4: 0.5 }, baseline: { forward: { R2: 1, R3: 1 } } },
    );
    const mf = runMeanField(c);
    expect(mf.tiers.R2![1]).toBeCloseTo(5000, 6);
    expect(mf.tiers.R3![2]).toBeCloseTo(5000, 6);
    expect(mf.tiers.R4![3]).toBeCloseTo(10000, 6);
    expect(mf.cost[0]).toBeCloseTo(625 * 10 * 20, 6);
    expect(sumCost(mf.cost)).toBeCloseTo(125000, 6);
    // Fewer invitees than R0: 500 buyers × 0.01 × pull ½ × 1.5 = 3.75 accounts on day 0, 3 real of them (fake 20 %)
    // entering R1: 30 people at scale 10; the reward for 3.75 × 10 accounts at ¥20.
    const few = runMeanField(still({ type: 'referral', reward: 20, halfSaturationReward: 20, shape: 1, halfLifeDays: 0, inviteRate: 0.01, friendsPerInvite: 1.5, fakeShare: 0.2, entryTier: 'R1' }, { days: 1, agents: 1000, scale: 10, initial: { R0: 0.5, R4: 0.5 } }));
    expect(few.tiers.R1![1]).toBeCloseTo(30, 9);
    expect(few.cost[0]).toBeCloseTo(37.5 * 20, 9);
  });

  it('guides: R2 added on day 0, consulted into buyers on day 1, the guide’s monthly cost', () => {
    const mf = runMeanField(still(guidesTactic, { days: 40, agents: 200, initial: { R2: 0.5, R4: 0.5 }, baseline: buyingBaseline }));
    expect(mf.tiers.R3![1]).toBeCloseTo(100, 9);
    expect(mf.tiers.R4![2]).toBeCloseTo(100, 9);
    expect(mf.tiers.R3![2]).toBeCloseTo(0, 9);
    expect(sumCost(mf.cost)).toBeCloseTo((40 * 6000) / 30, 6);
    // No welcome period: half the R3 contacts convert each day (consultation 1 × ½), and the contacts (R3 and buyers)
    // stay 100, within the 120 a guide follows closely: R3 halves day after day.
    const plain = runMeanField(still({ ...guidesTactic, welcomeDays: 0, attentionCapacity: 120 }, { days: 5, agents: 200, initial: { R2: 0.5, R4: 0.5 }, baseline: buyingBaseline }));
    expect([1, 2, 3, 4, 5].map((d) => plain.tiers.R3![d])).toEqual([100, 50, 25, 12.5, 6.25].map((x) => expect.closeTo(x, 9)));
  });

  it('community groups: R2 join on day 0, convert on day 1; operators’ cost', () => {
    const mf = runMeanField(still(groupsTactic, { days: 10, agents: 50, initial: { R2: 0.4, R4: 0.6 }, baseline: buyingBaseline }));
    expect(mf.tiers.R3![1]).toBeCloseTo(20, 9);
    expect(mf.tiers.R4![2]).toBeCloseTo(20, 9);
    expect(sumCost(mf.cost)).toBeCloseTo((10 * 9000) / 30, 6);
    // Over-posting: members leave on day 1 and join again on day 2.
    const over = runMeanField(still({ ...groupsTactic, convertRate: 0, comfortablePosts: 1, fatigue: 1 }, { days: 4, agents: 50, initial: { R2: 0.4, R4: 0.6 } }));
    expect([1, 2, 3, 4].map((d) => over.tiers.R3![d])).toEqual([20, 0, 20, 0].map((x) => expect.closeTo(x, 9)));
  });

  it('ads: spend on the scheduled days only', () => {
    const mf = runMeanField(
      still({ type: 'ads', schedule: { weekly: ['mon', 'wed'], effort: 2 }, dailySpend: 5000, cpm: 50 }, { days: 14, agents: 2000, scale: 10, initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.1 } }),
    );
    expect(mf.cost).toEqual([10000, 0, 10000, 0, 0, 0, 0, 10000, 0, 10000, 0, 0, 0, 0]);
  });

  it('content: all R2 follow on day 0; one post too many: they unfollow the next day and follow again', () => {
    const base = { type: 'content', schedule: { daily: true }, postsPerDay: 2, halfSaturationPosts: 2, halfLifeDays: 0, reachPerFollower: 20, interactRate: 0, followRate: 1, comfortablePosts: 2, unfollowPerExtraPost: 1, costPerPost: 3000 };
    const mf = runMeanField(still(base, { days: 6, agents: 500, scale: 10, initial: { R2: 0.2, R4: 0.8 } }));
    expect(mf.tiers.R3![6]).toBeCloseTo(1000, 9);
    expect(sumCost(mf.cost)).toBeCloseTo(12 * 3000, 6);
    const over = runMeanField(still({ ...base, comfortablePosts: 1 }, { days: 4, agents: 500, scale: 10, initial: { R2: 0.2, R4: 0.8 } }));
    expect([1, 2, 3, 4].map((d) => over.tiers.R3![d])).toEqual([1000, 0, 1000, 0].map((x) => expect.closeTo(x, 9)));
    // With 100 R3 people who never followed beside them, only the followers unfollow: half of R3 on day 1; on day 2
    // the R2 follow again and nobody unfollows (no followers at the start of the day).
    const mixed = runMeanField(still({ ...base, comfortablePosts: 1 }, { days: 4, agents: 500, initial: { R2: 0.2, R3: 0.2, R4: 0.6 } }));
    expect([1, 2, 3, 4].map((d) => mixed.tiers.R3![d])).toEqual([200, 100, 200, 100].map((x) => expect.closeTo(x, 9)));
  });

  it('membership: members join at checkout a day after the orders; points and benefits by hand', () => {
    // The projection counts yesterday's orders (100 agents a day, every buyer) as today's checkout joins: 100 members
    // from day 1. Costs: benefits 100 × 10 × ¥0.3 / 30 = ¥10 a day from day 1; points from day 2 on yesterday's
    // member orders at the mean value: 100 × ¥100 × 5 % × 10 = ¥5 000 a day.
    const c = still(
      { type: 'membership', schedule: { daily: true }, joinRate: 0, joinAtCheckout: 1, paidShare: 1, paidFee: 99, paidValueLift: 0.5, pointsRate: 0.05, costPerMemberMonth: 0.3 },
      { days: 10, agents: 100, scale: 10, initial: { R4: 1 }, baseline: buyingBaseline },
    );
    const mf = runMeanField(c);
    expect(mf.cost[0]).toBeCloseTo(0, 9);
    expect(mf.cost[1]).toBeCloseTo(10, 9);
    expect(mf.cost[2]).toBeCloseTo(5010, 9);
    expect(sumCost(mf.cost)).toBeCloseTo(10 + 8 * 5010, 6);
  });
});

describe('the social tactics’ other paths, by hand on still populations', () => {
  it('guides: beyond the contacts a guide follows closely, attention per contact falls (the basket lift shows it)', () => {
    // 100 contacts for 1 guide who follows 50 closely: attention ½, pressure ½ × ½ from day 1; consultation
    // 1 × ¼ × welcome 4 = 1 still converts every contact on day 1. Contacts’ baskets: × (1 + 0.2 × ¼).
    const r = simulateRun(still({ ...guidesTactic, attentionCapacity: 50 }, { days: 40, agents: 200, initial: { R2: 0.5, R4: 0.5 }, baseline: buyingBaseline }), 0);
    expect(r.tacticMetrics[3]).toBe(100);
    expect(r.tacticMetrics[5]).toBeCloseTo(1 + 0.2 * 0.25, 12);
  });

  it('guides: new contacts at the till from yesterday’s orders, up to the guides’ capacity', () => {
    // 100 buyers (no R2), all adds at the till: on day 0 there were no orders yesterday; from day 1 each order's
    // customer is added with chance adds / yesterday's orders = 100 / 100, so all 100 on day 1. With room for 60,
    // never more than 60, and the room fills.
    const till = { ...guidesTactic, inStoreShare: 1 };
    const r = simulateRun(still(till, { days: 20, agents: 100, initial: { R4: 1 }, baseline: buyingBaseline }), 0);
    const [contacts, , added, consults, , , firstMonth] = r.tacticMetrics;
    expect([contacts, added, consults]).toEqual([100, 100, 0]);
    // Added on day 1 of 20: no 30 days left, no share.
    expect(firstMonth).toBeNaN();
    const full = simulateRun(still({ ...till, contactsPerGuide: 60 }, { days: 20, agents: 100, initial: { R4: 1 }, baseline: buyingBaseline }), 0);
    expect([full.tacticMetrics[0], full.tacticMetrics[2]]).toEqual([60, 60]);
  });

  it('guides: buyers add a guide after an order on working days; contacts who fall below R3 are dropped', () => {
    // Post-order adds at rate 1, nothing else: every buyer ordering on day 0 (a working day) is added.
    const post = simulateRun(still({ ...guidesTactic, addsPerGuide: 0, postOrderAddRate: 1 }, { days: 5, agents: 100, initial: { R4: 1 }, baseline: buyingBaseline }), 0);
    expect([post.tacticMetrics[0], post.tacticMetrics[2]]).toEqual([100, 100]);
    // Not on a day off: guides work Tuesdays only; Monday 2 March's orders add nobody, Tuesday's add everyone.
    const monday = simulateRun(still({ ...guidesTactic, schedule: { weekly: ['tue'] }, addsPerGuide: 0, postOrderAddRate: 1 }, { days: 1, agents: 100, initial: { R4: 1 }, baseline: buyingBaseline }), 0);
    expect(monday.tacticMetrics[0]).toBe(0);
    // R2 added on day 0 fall back to R2 on day 1 (baseline R3 → R2 at 1, no consultation): no contacts left.
    const fall = simulateRun(still({ ...guidesTactic, consultRate: 0 }, { days: 2, agents: 200, initial: { R2: 0.5, R4: 0.5 }, baseline: { reverse: { R3: 1 } } }), 0);
    expect([fall.tacticMetrics[0], fall.tacticMetrics[2]]).toEqual([0, 100]);
  });

  it('referral: R1 as the entry tier; moves from R0 by other causes are not invitees; all-fake campaigns reach nobody real', () => {
    const base = { type: 'referral', reward: 20, halfSaturationReward: 20, shape: 1, halfLifeDays: 0, inviteRate: 1, friendsPerInvite: 50, fakeShare: 0.2, lowQualityShare: 0, lowQualityChurn: 0 };
    const r1 = simulateRun(still({ ...base, entryTier: 'R1' }, { days: 2, agents: 1000, initial: { R0: 0.5, R4: 0.5 } }), 0);
    expect(r1.tiers[1 * 6 + 1]).toBe(500);
    expect(Array.from(r1.tacticMetrics.slice(0, 4))).toEqual([500, 125, 0, 0]);
    // No reward: nobody invited, though the baseline moves every R0 agent to R1 on day 0.
    const other = simulateRun(still({ ...base, reward: 0 }, { days: 2, agents: 1000, initial: { R0: 0.5, R4: 0.5 }, baseline: { forward: { R0: 1 } } }), 0);
    expect(other.tiers[1 * 6 + 1]).toBe(500);
    expect(Array.from(other.tacticMetrics.slice(0, 3))).toEqual([0, 0, 0]);
    expect(cost(other)).toBe(0);
    // Every account fake: as many as R0 holds (500) each day, none of them real; each rewarded ¥20.
    const fake = simulateRun(still({ ...base, fakeShare: 1 }, { days: 3, agents: 1000, initial: { R0: 0.5, R4: 0.5 } }), 0);
    expect(endTier(fake, 0)).toBe(500);
    expect(Array.from(fake.tacticMetrics.slice(0, 3))).toEqual([0, 1500, 0]);
    expect(cost(fake)).toBeCloseTo(1500 * 20, 6);
  });

  it('community groups: members fill group 0, then group 1; at scale 4 a group of 10 people holds 3 agents', () => {
    const c = still(groupsTactic, { days: 1, agents: 50, initial: { R2: 0.4, R4: 0.6 } });
    const s = createRun(c, 0);
    stepDays(s, 0, 1);
    const per = [0, 0];
    let none = 0;
    for (let i = 0; i < s.pop.n; i++) {
      const g = s.pop.group[i]!;
      if (g >= 0) per[g]!++;
      else none++;
    }
    expect(per).toEqual([10, 10]);
    expect(none).toBe(30);
    // Scale 4: a group of 10 people holds round(2.5) = 3 agents, 6 in all of 20 R2 agents (12 people a group).
    const r = simulateRun(still({ ...groupsTactic, convertRate: 0 }, { days: 3, agents: 50, scale: 4, initial: { R2: 0.4, R4: 0.6 } }), 0);
    expect([r.tacticMetrics[0], r.tacticMetrics[1], r.tacticMetrics[2]]).toEqual([24, 12, 24]);
  });

  it('community groups: buyers join after an order; word of mouth inside a group converts members; group buys by buyers', () => {
    // One group of 20: 10 R2 join by the tactic, 10 buyers after their day-0 order (post-order rate 1). On day 1
    // half the group has bought: exposure ½ × word of mouth 1 × quality 3 ≥ 1: every R3 member buys (posting
    // alone converts nobody: convertRate 0).
    const wom = { ...groupsTactic, groups: 1, capacity: 20, convertRate: 0, localWordOfMouth: 1, postOrderJoinRate: 1 };
    const r = simulateRun(still(wom, { days: 3, agents: 20, initial: { R2: 0.5, R4: 0.5 }, baseline: { forward: { R4: 1 }, orderValue: { mean: 100, sd: 0 } } }), 0);
    expect(r.tiers[1 * 6 + 3]).toBe(10);
    expect(r.tiers[2 * 6 + 3]).toBe(0);
    const [members, , joined, , buyerShare] = r.tacticMetrics;
    expect([members, joined, buyerShare]).toEqual([20, 20, 1]);
    // Without word of mouth nobody converts.
    const quiet = simulateRun(still({ ...wom, localWordOfMouth: 0 }, { days: 3, agents: 20, initial: { R2: 0.5, R4: 0.5 }, baseline: { forward: { R4: 1 }, orderValue: { mean: 100, sd: 0 } } }), 0);
    expect(quiet.tiers[3 * 6 + 3]).toBe(10);
    // A group buy on day 1 with rate 1: 20 members × scale 1 × rate 1 = 20 expected participants reach the rung at
    // 20 (50 % off), and the chance 1 × 1.5 ≥ 1 makes every member buy in it.
    const gb = { schedule: { dates: ['2026-03-03'] }, rate: 1, ladder: [{ participants: 10, discount: 0.2 }, { participants: 20, discount: 0.5 }] };
    const buy = simulateRun(still({ ...wom, localWordOfMouth: 0, groupBuy: gb }, { days: 2, agents: 20, initial: { R2: 0.5, R4: 0.5 }, baseline: { forward: { R4: 1 }, orderValue: { mean: 100, sd: 0 } } }), 0);
    // Day 1: 10 R3 members buy (R3 → R4) and the 10 buyer members buy again: 20 group-buy orders at ¥50 off.
    expect(buy.tacticMetrics[5]).toBe(20);
    expect(buy.causeDiscount[FIRST_TACTIC_CAUSE]).toBeCloseTo(20 * 100 * 0.5, 6);
  });

  it('community groups: over-posting makes buyer members leave the group, keeping their tier', () => {
    // 10 R2 join on day 0 and 10 buyers join after their day-0 order. Day 1: leave chance 1 (one post beyond the one
    // tolerated, fatigue 1): the R3 members fall to R2, the buyers leave the group and stay buyers.
    const wom = { ...groupsTactic, groups: 1, capacity: 20, convertRate: 0, postOrderJoinRate: 1, comfortablePosts: 1, fatigue: 1 };
    const r = simulateRun(still(wom, { days: 2, agents: 20, initial: { R2: 0.5, R4: 0.5 }, baseline: { forward: { R4: 1 } } }), 0);
    expect([endTier(r, 2), endTier(r, 4) + endTier(r, 5)]).toEqual([10, 10]);
    const [members, , joined, left] = r.tacticMetrics;
    expect([members, joined, left]).toEqual([0, 20, 20]);
  });

  it('community groups and membership: their events are the group buys and member days when they have them, else the schedule', () => {
    const c = still({ ...groupsTactic, schedule: { weekly: ['mon'] }, groupBuy: { schedule: { dates: ['2026-03-04'] }, rate: 0.01, ladder: [] } }, { days: 8, agents: 50, initial: { R2: 1 } });
    expect(Array.from(communityGroups.eventDays(c.tactics[0]!, c))).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
    const plain = still({ ...groupsTactic, schedule: { weekly: ['mon'] } }, { days: 8, agents: 50, initial: { R2: 1 } });
    expect(Array.from(communityGroups.eventDays(plain.tactics[0]!, plain))).toEqual([1, 0, 0, 0, 0, 0, 0, 1]);
    const m = still({ type: 'membership', schedule: { daily: true }, memberDays: { weekly: ['fri'] } }, { days: 8, agents: 50, initial: { R2: 1 } });
    expect(Array.from(membership.eventDays(m.tactics[0]!, m))).toEqual([0, 0, 0, 0, 1, 0, 0, 0]);
    const m2 = still({ type: 'membership', schedule: { weekly: ['tue'] } }, { days: 8, agents: 50, initial: { R2: 1 } });
    expect(Array.from(membership.eventDays(m2.tactics[0]!, m2))).toEqual([0, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('guides: a buyer contact dormant for more than 90 days (simple model) is recalled', () => {
    // Contacts added on day 0 buy on day 1 (consultation), then never again by themselves (no repeat buying). On
    // day 92 they have had no order for 91 days > 90: recall at 1 × pressure (messages at 10⁵ × ec, shape 3: pressure 1 − 10⁻¹⁵)
    // brings back all 100; on day 91 (90 days) nobody.
    const c = still({ ...guidesTactic, messagesPerGuide: 10000, halfSaturationMessages: 0.1, shape: 3, recallRate: 1, consultRate: 0.3 }, { days: 94, agents: 100, initial: { R2: 1 }, baseline: { orderValue: { mean: 100, sd: 0 } } });
    const r = simulateRun(c, 0);
    expect(r.orders[1]).toBe(100);
    expect(r.orders.slice(2, 92).every((x) => x === 0)).toBe(true);
    expect(r.orders[92]).toBe(100);
  });
});

describe('membership’s paths, by hand on a still population', () => {
  // Points at 0.5 with the half-saturation at 0.0001 (shape 1.5): pressure 1 − 3·10⁻⁶, so chances of 1 × pressure are
  // certain for 100 agents but for about 3 in 10 000 runs (the seed is fixed).
  const strong = { type: 'membership', schedule: { daily: true }, joinRate: 1, joinAtCheckout: 0, pointsRate: 0.5, halfSaturationPoints: 0.0001, shape: 1.5, firstBuyLift: 1, paidShare: 0, lapseReduction: 1, costPerMemberMonth: 0 };

  it('R2 register (→ R3), members make a first purchase, and do not lapse; points cost half of every member order', () => {
    // Day 0: 100 R2 register; day 1: all buy (¥100 each, 50 % points × scale 2); then the baseline lapse R4 → R3 at
    // 1 is cancelled for members (lapse × (1 − 1 × pressure)).
    const r = simulateRun(still(strong, { days: 5, agents: 100, scale: 2, initial: { R2: 1 }, baseline: { reverse: { R4: 1 }, orderValue: { mean: 100, sd: 0 } } }), 0);
    expect(r.tiers[1 * 6 + 3]).toBe(100);
    expect(r.tiers[2 * 6 + 4]).toBe(100);
    expect(endTier(r, 4)).toBe(100);
    const [members, paid, orderShare, fees, gmvShare] = r.tacticMetrics;
    expect([members, paid, orderShare, fees, gmvShare]).toEqual([200, 0, 1, 0, 1]);
    expect(cost(r)).toBeCloseTo(100 * 100 * 0.5 * 2, 6);
    // Without the lapse reduction, buyers lapse back to R3 the next day (and stay members: R3 is not below R3).
    const lapsing = simulateRun(still({ ...strong, lapseReduction: 0 }, { days: 3, agents: 100, initial: { R2: 1 }, baseline: { reverse: { R4: 1 }, orderValue: { mean: 100, sd: 0 } } }), 0);
    expect(lapsing.tiers[3 * 6 + 3]).toBe(100);
    expect(lapsing.tacticMetrics[0]).toBe(100);
  });

  it('members who fall below R3 leave; a paid member’s fee counts the days left in the run', () => {
    const r = simulateRun(still({ ...strong, firstBuyLift: 0 }, { days: 3, agents: 100, initial: { R2: 1 }, baseline: { reverse: { R3: 1 } } }), 0);
    // Day 0 register, day 1 fall back to R2 (leave), day 2 register again.
    expect([1, 2, 3].map((d) => r.tiers[d * 6 + 3])).toEqual([100, 0, 100]);
    expect(r.tacticMetrics[0]).toBe(100);
    const fallen = simulateRun(still({ ...strong, firstBuyLift: 0 }, { days: 2, agents: 100, initial: { R2: 1 }, baseline: { reverse: { R3: 1 } } }), 0);
    expect(fallen.tacticMetrics[0]).toBe(0);
    // Everyone takes the paid tier, registering on day 0 of a 1-day run: one day's fee, ¥365 × 1/365 each.
    const paid = simulateRun(still({ ...strong, paidShare: 1, paidFee: 365 }, { days: 1, agents: 100, initial: { R2: 1 } }), 0);
    expect([paid.tacticMetrics[0], paid.tacticMetrics[1]]).toEqual([100, 100]);
    expect(paid.tacticMetrics[3]).toBeCloseTo(100, 9);
  });
});

