import { describe, expect, it } from 'vitest';
import { config, STILL_BASELINE } from '../helpers';
import { diffRecords, resumedThrough } from './resume';
import { FIRST_TACTIC_CAUSE, type EngineConfig } from '../../src/sim/config';
import type { MeanFieldDay } from '../../src/sim/projection/meanfield-day';
import { createRun, simulateRun, stepDay } from '../../src/sim/step/model';
import { stepMoves } from '../../src/sim/step/moves';
import { IN_GROUP, WECOM } from '../../src/sim/step/population';
import type { RunState } from '../../src/sim/step/run-state';
import { DaySources, MAX_SOURCES_PER_TIER } from '../../src/sim/step/sources';
import { getTactic } from '../../src/sim/tactics/registry';
import type { TacticRuntime } from '../../src/sim/tactics/types';

/**
 * The social tactics' arithmetic (guides, community groups, referral), checked value by value against numbers worked
 * out by hand from each scenario's parameters, with rates below 1 so that no chance is clamped at 1. Two probes:
 *
 * - the mean-field runtime (`expect`) driven one day at a time with start counts and yesterday's orders given by the
 *   test, reading back the chances, purchase-rate lifts, value changes and costs it books for the day;
 * - the agent runtime (`create`) of a small run, reading the chances it marks on each agent and the tier sources it
 *   adds at the start of a day.
 *
 * Each is a few days of a few dozen agents, so that it runs once per mutant in the mutation groups.
 */

type Json = Record<string, unknown>;
const T = FIRST_TACTIC_CAUSE;

/** One tactic (id t) on a population whose tiers never move by themselves unless `moves` says so. */
function scenario(tactic: Json, pop: { agents: number; scale?: number; initial: Json; heterogeneity?: boolean }, days: number, moves: Json = {}): EngineConfig {
  const population = { scale: 1, heterogeneity: false, ...pop, initial: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0, R5: 0, ...pop.initial } };
  return config({ days, runs: 1, seed: 11, population, baseline: { ...STILL_BASELINE, ...moves }, tactics: [{ id: 't', schedule: { daily: true }, ...tactic }] });
}

interface MfDay {
  /** Forward and reverse chances the tactic added, by "from>to". */
  p: Record<string, number>;
  /** Purchase-rate multipliers of R4 and R5. */
  buy: [number, number];
  cost: number;
  value: number;
}

/** The tactic's mean-field runtime; each call runs one day from the given start counts (agents) and yesterday's orders. */
function meanField(c: EngineConfig): (day: number, counts: number[], lastOrders: number) => MfDay {
  const t = c.tactics[0]!;
  const rt = getTactic(t.type).expect(t, { cause: T, engine: c, openers: new Map() });
  const sources = new DaySources();
  return (day, counts, lastOrders) => {
    sources.reset();
    let cost = 0;
    let value = 0;
    const startCounts = Float64Array.from(counts);
    const m: MeanFieldDay = {
      config: c,
      day,
      demand: 1,
      startCounts,
      sources,
      flows: new Float64Array(36),
      ordersByTier: new Float64Array(6),
      lastOrders,
      cost: (cause, a) => {
        expect(cause).toBe(T);
        cost += a;
      },
      adjustValue: (cause, v) => {
        expect(cause).toBe(T);
        value += v;
      },
      realCount: (k) => startCounts[k]! * c.scale,
    };
    rt.beginDay(m);
    return { p: added(sources), buy: [sources.buyMult[4]!, sources.buyMult[5]!], cost, value };
  };
}

/** The tactic's forward and reverse sources in a day's table, by "from>to". */
function added(src: DaySources): Record<string, number> {
  const p: Record<string, number> = {};
  for (let from = 0; from < 6; from++) {
    for (let k = 0; k < src.fCount[from]!; k++) {
      const at = from * MAX_SOURCES_PER_TIER + k;
      if (src.fCause[at] === T) p[`${from}>${src.fTo[at]}`] = src.fP[at]!;
    }
    for (let k = 0; k < src.rCount[from]!; k++) {
      const at = from * MAX_SOURCES_PER_TIER + k;
      if (src.rCause[at] === T) p[`${from}>${src.rTo[at]}`] = src.rP[at]!;
    }
  }
  return p;
}

interface Marked {
  s: RunState;
  rt: TacticRuntime;
  /** Chances marked on agents today, by kind, as [agent, chance or multiplier]. */
  forward: Array<[number, number]>;
  reverse: Array<[number, number]>;
  buy: Array<[number, number]>;
  recall: Array<[number, number]>;
  buyChance: Array<[number, number]>;
  p: Record<string, number>;
  /** Finish the day (moves, orders, costs). */
  finish(): void;
}

/** A run stepped through `day − 1`, then the start of `day`: what the tactic marked and added. */
function marked(c: EngineConfig, day: number, before?: (s: RunState) => void): Marked {
  const s = createRun(c, 0);
  for (let d = 0; d < day; d++) stepDay(s, d);
  before?.(s);
  const out: Marked = { s, rt: s.tactics[0]!, forward: [], reverse: [], buy: [], recall: [], buyChance: [], p: {}, finish: () => (stepMoves(s), s.endDay()) };
  const marks = s.marks as unknown as Record<string, (...a: unknown[]) => void>;
  for (const kind of ['forward', 'reverse', 'buy', 'recall', 'buyChance'] as const) {
    const real = marks[kind]!.bind(s.marks);
    marks[kind] = (...a: unknown[]) => {
      out[kind].push([a[0] as number, a[1] as number]);
      real(...a);
    };
  }
  s.beginDay(day);
  out.p = added(s.sources);
  return out;
}

/** The distinct values among marked chances, rounded to 12 digits. */
function values(calls: Array<[number, number]>): number[] {
  return [...new Set(calls.map(([, p]) => Number(p.toPrecision(12))))].sort((a, b) => a - b);
}

const close = (x: number) => expect.closeTo(x, 12);

// Guides: 2 guides holding 50 people each at scale 2 (50 agents), following 20 people each closely; 20 messages a
// working day (10 × effort 2) against a half-saturation of 30, shape 1, no carry-over: pressure 20 / 50 = 0.4 while
// attention is full. Adds run at min(1, 2 × 0.4) = 0.8 of 2 × 10 × 2 people: 32 people, 16 agents a day.
const guidesMath = {
  type: 'guides',
  schedule: { daily: true, effort: 2 },
  guides: 2,
  contactsPerGuide: 50,
  attentionCapacity: 20,
  addsPerGuide: 10,
  messagesPerGuide: 10,
  halfSaturationMessages: 30,
  shape: 1,
  halfLifeDays: 0,
  inStoreShare: 0.25,
  postOrderAddRate: 0.1,
  consultRate: 0.2,
  consultationWeight: 1.5,
  followUpLift: 0.5,
  welcomeDays: 3,
  welcomeLift: 2,
  basketLift: 0.3,
  recallRate: 0.5,
  guideCostPerMonth: 6000,
};

describe('guides: the mean-field preview, day by day by hand', () => {
  it('adds from R2 and at the till, consultation of welcome contacts, the followed buyers’ lift and baskets, attention beyond capacity', () => {
    // Room for 2 × 40 people at scale 2: 40 agents.
    const c = scenario({ ...guidesMath, contactsPerGuide: 40 }, { agents: 100, scale: 2, initial: { R2: 1 } }, 5, { reverse: { ...STILL_BASELINE.reverse, R3: 0.1 } });
    const day = meanField(c);
    // Day 0: no contacts yet. Consultation 0.2 × 1.5 × 0.4 = 0.12 a day (0.24 in the welcome period). Adds: 16 agents,
    // a quarter at the till (4, at most yesterday's 8 orders), the rest from R2: 12 of 40, a chance of 0.3.
    const d0 = day(0, [0, 0, 40, 30, 15, 5], 8);
    expect(d0.p).toEqual({ '2>3': close(0.3) });
    expect(d0.buy).toEqual([1, 1]);
    expect(d0.value).toBe(0);
    // ¥6 000 a guide-month: 2 × 6 000 / 30 a day.
    expect(d0.cost).toBeCloseTo(400, 9);
    // After day 0: R3 contacts 12 (all welcome); buyer contacts 4 at the till + 8 orders × 1 × 0.1 after an order = 4.8.
    // Day 1: 16.8 agents = 16.8 people a guide, within 20: pressure 0.4. The 12 welcome contacts convert at 0.24: 2.88
    // of 36 R3, a chance of 0.08. Buyer contacts 4.8 of 24 buyers: lift 1 + 0.5 × 0.4 × 0.2 = 1.04; yesterday's 10 orders
    // × 0.2 × ¥100 × 0.3 × 0.4 = ¥24 more value. Room 40 − 16.8 = 23.2 ≥ 16: 12 of 30 R2 (0.4).
    const d1 = day(1, [0, 0, 30, 36, 16, 8], 10);
    expect(d1.p).toEqual({ '2>3': close(0.4), '3>4': close(0.08) });
    expect(d1.buy).toEqual([close(1.04), close(1.04)]);
    expect(d1.value).toBeCloseTo(24, 9);
    // After day 1: R3 contacts 12 + 12 − 2.88 − 10 % of 12 decaying = 19.92; the ring: day 0's 12 × (1 − 0.24 − 0.1)
    // = 7.92 and day 1's 12. Buyer contacts 4.8 + 2.88 + 4 (till) + 10 × (1 − 4.8 / 24) × 0.1 = 12.48.
    // Day 2: 32.4 contacts a guide, beyond 20: attention 20 / 32.4, pressure 0.4 × 20 / 32.4 = 8 / 32.4.
    const pr2 = 8 / 32.4;
    const consult2 = 0.2 * 1.5 * pr2;
    const d2 = day(2, [0, 0, 20, 40, 20, 10], 12);
    // All 19.92 R3 contacts are in their welcome period: 19.92 × 2 × consult2 of 40 R3.
    expect(d2.p['3>4']).toBeCloseTo((19.92 * 2 * consult2) / 40, 12);
    // Adds at min(1, 2 × pr2) of 40 people: 40 × 0.49383 / 2 = 9.88 agents, beyond the room left, 40 − 32.4 = 7.6;
    // three quarters of them from R2's 20.
    expect(d2.p['2>3']).toBeCloseTo((7.6 * 0.75) / 20, 12);
    expect(d2.buy[0]).toBeCloseTo(1 + 0.5 * pr2 * (12.48 / 30), 12);
    expect(d2.value).toBeCloseTo(12 * (12.48 / 30) * 100 * 0.3 * pr2, 9);
  });

  it('the welcome period: a ring of the last welcomeDays days’ joins, aged by conversion and decay', () => {
    // Welcome 2 days, 10 % of R3 decaying a day, 12 joins a day (0.3 of 40 R2). Welcome contacts convert at 0.24,
    // the others at 0.12; the ring keeps 1 − 0.24 − 0.1 = 0.66 of each day's joins a day.
    const c = scenario({ ...guidesMath, welcomeDays: 2, attentionCapacity: 1000 }, { agents: 100, scale: 2, initial: { R2: 1 } }, 7, { reverse: { ...STILL_BASELINE.reverse, R3: 0.1 } });
    const day = meanField(c);
    const counts = [0, 0, 40, 30, 15, 5];
    expect(day(0, counts, 0).p['2>3']).toBeCloseTo(0.3, 12);
    // Day 1: day 0's 12, all welcome: 2.88 convert. R3 contacts after: 12 + 12 − 2.88 − 1.2 = 19.92 (ring: 7.92, 12).
    expect(day(1, counts, 0).p['3>4']).toBeCloseTo(2.88 / 30, 12);
    // Day 2: all 19.92 are still welcome (day 0's slot is refilled at the end of the day): 4.7808 convert.
    // After: 19.92 + 12 − 4.7808 − 1.992 = 25.1472; the ring: day 1's 12 × 0.66 = 7.92 and day 2's 12.
    expect(day(2, counts, 0).p['3>4']).toBeCloseTo((19.92 * 0.24) / 30, 12);
    // Day 3: 19.92 welcome at 0.24, the other 25.1472 − 19.92 = 5.2272 (day 0's) at 0.12.
    expect(day(3, counts, 0).p['3>4']).toBeCloseTo((19.92 * 0.24 + 5.2272 * 0.12) / 30, 12);
  });

  it('buyer contacts never exceed the room the guides have beside their R3 contacts', () => {
    // 1 guide holding 30 (scale 1), adds 100 × min(1, 2 × ½) a day: 30 (the room). Half from R2 (15 of 100: 0.15),
    // half at the till (15, of yesterday's 50 orders), and 50 × 0.1 = 5 after an order: 20 buyer contacts would
    // join, but there is room for 30 − 15 = 15.
    const g = { ...guidesMath, schedule: { daily: true }, guides: 1, contactsPerGuide: 30, attentionCapacity: 1000, addsPerGuide: 100, messagesPerGuide: 10, halfSaturationMessages: 10, inStoreShare: 0.5 };
    const day = meanField(scenario(g, { agents: 300, initial: { R2: 1 } }, 3));
    expect(day(0, [0, 0, 100, 0, 100, 0], 50).p).toEqual({ '2>3': close(0.15) });
    // Day 1: 15 buyer contacts of 100 buyers: lift 1 + 0.5 × ½ × 0.15; no room left, no adds.
    const d1 = day(1, [0, 0, 85, 15, 100, 0], 50);
    expect(d1.buy[0]).toBeCloseTo(1 + 0.5 * 0.5 * 0.15, 12);
    expect(d1.p['2>3']).toBeUndefined();
  });

  it('a day off: no pressure, no adds, nobody added after the day’s orders; the guides are paid all the same', () => {
    // Guides work Mondays (2 March 2026 is day 0). Day 0: 12 R3 contacts from R2 and 4 at the till (of 10 orders
    // yesterday) + 10 × 0.1 after an order: 5 buyer contacts.
    const day = meanField(scenario({ ...guidesMath, attentionCapacity: 1000, schedule: { weekly: ['mon'], effort: 2 } }, { agents: 100, scale: 2, initial: { R2: 1 } }, 8));
    day(0, [0, 0, 40, 30, 15, 5], 10);
    const off = day(1, [0, 0, 40, 30, 15, 5], 20);
    expect(off.p).toEqual({});
    expect(off.buy).toEqual([1, 1]);
    expect(off.cost).toBeCloseTo(400, 9);
    // The next Monday: still 5 buyer contacts of 20 buyers (none added after Tuesday's 20 orders): lift 1 + 0.5 × 0.4 × ¼.
    expect(day(7, [0, 0, 40, 30, 15, 5], 0).buy[0]).toBeCloseTo(1 + 0.5 * 0.4 * 0.25, 12);
  });

  it('no buyers: no lift and no value change; with no welcome period every contact converts at the plain rate', () => {
    const c = scenario({ ...guidesMath, welcomeDays: 0, attentionCapacity: 1000 }, { agents: 100, scale: 2, initial: { R2: 1 } }, 3);
    const day = meanField(c);
    const d0 = day(0, [0, 0, 40, 30, 0, 0], 5);
    expect(d0.buy).toEqual([1, 1]);
    expect(d0.value).toBe(0);
    // 12 R3 contacts at 0.12 of 30 R3; buyer contacts after day 0: 4 till + 5 × 1 × 0.1 = 4.5 (all of yesterday's
    // orders by non-contacts when there were no buyers).
    const d1 = day(1, [0, 0, 0, 30, 9, 0], 0);
    expect(d1.p['3>4']).toBeCloseTo((12 * 0.12) / 30, 12);
    expect(d1.buy[0]).toBeCloseTo(1 + 0.5 * 0.4 * (4.5 / 9), 12);
  });

  it('the preview never converts more contacts than there are (each contact’s chance is capped at 1, as in the engine)', () => {
    // One guide, consultation 1 × ½ a day, four times in the welcome period: 2, capped at 1. Day 0 adds all 10 R2;
    // on day 1 the 10 welcome contacts all convert (not 0.5 × 4 × 10 = 20) among 100 R3: a chance of 0.1.
    const g = { ...guidesMath, schedule: { daily: true }, guides: 1, contactsPerGuide: 1000, attentionCapacity: 1000, addsPerGuide: 100, messagesPerGuide: 10, halfSaturationMessages: 10, inStoreShare: 0, postOrderAddRate: 0, consultRate: 1, consultationWeight: 1, welcomeDays: 14, welcomeLift: 4 };
    const day = meanField(scenario(g, { agents: 200, initial: { R2: 1 } }, 3));
    day(0, [0, 0, 10, 90, 40, 0], 0);
    const d1 = day(1, [0, 0, 0, 100, 40, 0], 0);
    expect(d1.p['3>4']).toBeCloseTo(0.1, 12);
    // So 10 buyer contacts (not 20) among 50 buyers on day 2: lift 1 + 0.5 × ½ × 10 / 50.
    const d2 = day(2, [0, 0, 0, 90, 50, 0], 0);
    expect(d2.buy[0]).toBeCloseTo(1 + 0.5 * 0.5 * (10 / 50), 12);
  });
});

describe('guides: the chances the engine’s runtime marks, by hand', () => {
  it('adds from R2 at the pressure of effort 2 and the capacity at scale 2', () => {
    // Day 0 (no contacts, full attention): pressure 0.4, adds 16 agents, three quarters from 100 R2: 0.12.
    const c = scenario(guidesMath, { agents: 200, scale: 2, initial: { R2: 0.5, R4: 0.5 } }, 2);
    expect(marked(c, 0).p).toEqual({ '2>3': close(0.12) });
    // Room for 2 × 5 people at scale 2: 5 agents, fewer than the 16 adds: 5 × 0.75 / 100.
    const small = scenario({ ...guidesMath, contactsPerGuide: 5 }, { agents: 200, scale: 2, initial: { R2: 0.5, R4: 0.5 } }, 2);
    expect(marked(small, 0).p).toEqual({ '2>3': close(0.0375) });
    // The next day: the room left is 5 less the n contacts made on day 0, from the 100 − n left in R2.
    const next = marked(small, 1);
    const n = next.rt.report!(next.s)[0]! / 2;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(5);
    expect(next.p).toEqual({ '2>3': close(((5 - n) * 0.75) / (100 - n)) });
  });

  it('attention beyond capacity, consultation in and after the welcome period, buyer contacts’ lift, no recall before 90 days', () => {
    // 2 guides, room for 40 agents (80 people at scale 2). Day 0 at pressure ½: 20 adds, half from R2: every one of
    // the 10 R2 (chance 1); the 30 buyers, ordering every day, are added after their day-0 order (rate 1): 40
    // contacts, 40 people a guide, beyond the 32 followed closely: attention 0.8, pressure 0.4 from day 1.
    const g = { ...guidesMath, schedule: { daily: true }, contactsPerGuide: 40, attentionCapacity: 32, addsPerGuide: 20, messagesPerGuide: 10, halfSaturationMessages: 10, inStoreShare: 0.5, postOrderAddRate: 1, consultRate: 0.25, consultationWeight: 2, welcomeDays: 2, welcomeLift: 3, followUpLift: 0.5 };
    const c = scenario(g, { agents: 40, scale: 2, initial: { R2: 0.25, R4: 0.75 } }, 4, { repeat: 1, forward: { ...STILL_BASELINE.forward, R4: 1 } });
    const d1 = marked(c, 1);
    expect(d1.rt.report!(d1.s)[0]).toBe(80);
    // R3 contacts: 0.25 × 2 × 0.4 = 0.2 a day, × 3 in the welcome period (added on day 0, welcome through day 1).
    expect(d1.forward.length).toBe(10);
    expect(values(d1.forward)).toEqual([0.6]);
    // Buyer contacts: purchase rate × (1 + 0.5 × 0.4); none dormant.
    expect(d1.buy.length).toBe(30);
    expect(values(d1.buy)).toEqual([1.2]);
    expect(d1.recall).toEqual([]);
    // Day 2: the R3 contacts left are past their welcome period: 0.2.
    const d2 = marked(c, 2);
    expect(d2.forward.length).toBeGreaterThan(0);
    expect(values(d2.forward)).toEqual([0.2]);
    // With no welcome period, no lift on day 1 either.
    expect(values(marked(scenario({ ...g, welcomeDays: 0 }, { agents: 40, scale: 2, initial: { R2: 0.25, R4: 0.75 } }, 4, { repeat: 1, forward: { ...STILL_BASELINE.forward, R4: 1 } }), 1).forward)).toEqual([0.2]);
  });

  it('recall: a buyer contact with no order for more than 90 days, at recallRate × pressure', () => {
    // Contacts added on day 0 convert on day 1 (1 × ½ × 4 ≥ 1) and never buy again: on day 92 their last order is 91
    // days old. Recall 0.3 × ½.
    const g = { ...guidesMath, schedule: { daily: true }, guides: 1, contactsPerGuide: 1000, attentionCapacity: 1000, addsPerGuide: 100, messagesPerGuide: 10, halfSaturationMessages: 10, inStoreShare: 0, postOrderAddRate: 0, consultRate: 1, consultationWeight: 1, welcomeLift: 4, recallRate: 0.3 };
    const c = scenario(g, { agents: 30, initial: { R2: 1 } }, 93);
    const s = createRun(c, 0);
    for (let d = 0; d < 91; d++) stepDay(s, d);
    expect(s.pop.orders.every((o) => o === 1)).toBe(true);
    const recalls: number[] = [];
    const real = s.marks.recall.bind(s.marks);
    s.marks.recall = (i, p, cause) => (recalls.push(p), real(i, p, cause));
    s.beginDay(91);
    expect(recalls).toEqual([]);
    stepMoves(s);
    s.endDay();
    s.beginDay(92);
    expect(recalls.length).toBe(30);
    expect(values(recalls.map((p) => [0, p]))).toEqual([0.15]);
  });
});

describe('guides: what the engine’s runtime counts, by hand', () => {
  const buying = { repeat: 1, forward: { ...STILL_BASELINE.forward, R4: 1 } };
  const one = { ...guidesMath, schedule: { daily: true }, guides: 1, contactsPerGuide: 1000, attentionCapacity: 1000, addsPerGuide: 100, messagesPerGuide: 10, halfSaturationMessages: 10, inStoreShare: 0, postOrderAddRate: 0, welcomeDays: 0 };

  it('a first order 30 days after the add counts for the first month, 31 days after does not', () => {
    // Guides work on day 0 (adding all 20 R2) and on day 30 or 31 only, consulting every contact into a first order
    // (1 × 2 × ½ = 1).
    const run = (last: string) => simulateRun(scenario({ ...one, consultationWeight: 2, consultRate: 1, schedule: { dates: ['2026-03-02', last] } }, { agents: 20, initial: { R2: 1 } }, 32), 0);
    const on30 = run('2026-04-01');
    expect(on30.orders[30]).toBe(20);
    expect([on30.tacticMetrics[2], on30.tacticMetrics[3], on30.tacticMetrics[6]]).toEqual([20, 20, 1]);
    const on31 = run('2026-04-02');
    expect(on31.orders[31]).toBe(20);
    expect(on31.tacticMetrics[6]).toBe(0);
  });

  it('first purchases by other causes are not consultations', () => {
    // No consultation; the baseline moves every R3 to R4 on day 1.
    const r = simulateRun(scenario({ ...one, consultRate: 0 }, { agents: 20, initial: { R2: 1 } }, 2, { forward: { ...STILL_BASELINE.forward, R3: 1 } }), 0);
    expect(r.tiers[2 * 6 + 4]).toBe(20);
    expect([r.tacticMetrics[0], r.tacticMetrics[3]]).toEqual([20, 0]);
  });

  it('on days off the contacts’ buyer-days still count: orders per buyer-day equal for contacts and others', () => {
    // Mondays only, room for 25: on Monday 2 March the 10 R2 and 15 of the 30 buyers (after their order) are added;
    // Tuesday to Sunday (no pressure) buyer contacts and others buy every day: 15 × 6 buyer-days and orders each
    // (contacts), 30 × 7 − 90 each (others). Ratio 1 for frequency and spend (no basket lift without pressure).
    // The 10 R2 added on Monday too are R3 contacts all week: no buyer-days of theirs.
    const c = scenario({ ...one, contactsPerGuide: 25, postOrderAddRate: 1, schedule: { weekly: ['mon'] } }, { agents: 40, initial: { R2: 0.25, R4: 0.75 } }, 7, buying);
    const r = simulateRun(c, 0);
    // On Tuesday, with no pressure, the guides mark none of their contacts.
    const tue = marked(c, 1);
    expect([tue.forward, tue.buy, tue.recall]).toEqual([[], [], []]);
    expect(r.tiers[7 * 6 + 3]).toBe(10);
    const [contacts, perGuide, added, , freq, spend] = r.tacticMetrics;
    expect([contacts, perGuide, added]).toEqual([25, 25, 25]);
    expect(freq).toBeCloseTo(1, 12);
    expect(spend).toBeCloseTo(1, 12);
  });

  it('at the till: nobody on day 0 (no orders yesterday), then each order’s customer at adds ÷ yesterday’s orders', () => {
    // 300 buyers ordering every day, 100 adds a day all at the till: a chance of 1/3 from day 1.
    const c = scenario({ ...one, inStoreShare: 1 }, { agents: 300, initial: { R4: 1 } }, 2, buying);
    const s = createRun(c, 0);
    stepDay(s, 0);
    expect(s.tactics[0]!.report!(s)[0]).toBe(0);
    stepDay(s, 1);
    // 100 expected; binomial(300, 1/3) has a standard deviation of 8.2.
    const added = s.tactics[0]!.report!(s)[2]!;
    expect(added).toBeGreaterThan(70);
    expect(added).toBeLessThan(130);
  });
});

// Community groups: 4 groups of 20 people at scale 2 (10 agents each, 40 in all); 4 posts a scheduled day (2 ×
// effort 2) against a half-saturation of 8, shape 1, no carry-over: 1/3, × quality 1.5: pressure ½. Effects are
// divided by 1 + people in a group / 10. Leave chance (0.01 + 0.05 × (4 − 3 tolerated)) × (1 + people / 20).
// Two operators (⌈4 / 3⌉) at ¥9 000 a month.
const groupsMath = {
  type: 'communityGroups',
  schedule: { daily: true, effort: 2 },
  groups: 4,
  capacity: 20,
  groupsPerOperator: 3,
  operatorCostPerMonth: 9000,
  joinRate: 0.4,
  postOrderJoinRate: 0.25,
  postsPerDay: 2,
  halfSaturationPosts: 8,
  shape: 1,
  halfLifeDays: 0,
  quality: 1.5,
  convertRate: 0.2,
  repeatLift: 0.6,
  localWordOfMouth: 0.3,
  comfortablePosts: 3,
  fatigue: 0.05,
  baseLeave: 0.01,
  wateringSize: 10,
};
const decaying = { reverse: { ...STILL_BASELINE.reverse, R3: 0.1 } };

describe('community groups: the mean-field preview, day by day by hand', () => {
  it('joins up to the room left, conversion by posts and word of mouth, leaving, buyers’ lift, joins after an order', () => {
    const day = meanField(scenario(groupsMath, { agents: 100, scale: 2, initial: { R2: 1 } }, 3, decaying));
    // Day 0: nobody in a group. Join 0.4 × ½ = 0.2 (room 40 of 50 R2 is no limit); 10 join. After yesterday's 12
    // orders, 12 × 0.25 = 3 buyers join.
    const d0 = day(0, [0, 0, 50, 20, 20, 10], 12);
    expect(d0.p).toEqual({ '2>3': close(0.2) });
    expect(d0.buy).toEqual([1, 1]);
    expect(d0.cost).toBeCloseTo(600, 9);
    // Day 1: 10 R3 members and 3 buyer members: 13 agents, 6.5 people a group; effect ÷ 1.65. Exposure 3 / 13.
    const eff1 = 0.5 / 1.65;
    const conv1 = 0.2 * eff1 + 0.3 * (3 / 13) * 1.5;
    const leave1 = 0.06 * (1 + 6.5 / 20);
    const d1 = day(1, [0, 0, 40, 30, 22, 10], 16);
    // The 10 R3 members among 30 R3 convert and leave; 3 buyer members among 32 buyers.
    expect(d1.p).toEqual({ '2>3': close(0.2), '3>4': close((conv1 * 10) / 30), '3>2': close((leave1 * 10) / 30) });
    expect(d1.buy).toEqual([close(1 + (0.6 * eff1 * 3) / 32), close(1 + (0.6 * eff1 * 3) / 32)]);
    // After day 1: R3 members 10 + 8 joined − converted − left − 10 % decayed; buyer members 3 + converted + 16 × 29/32
    // × 0.25 joined after an order (the 29 of 32 buyers not in a group) − left.
    const m3 = 10 + 8 - 10 * conv1 - 10 * leave1 - 1;
    const mb = 3 + 10 * conv1 + 16 * (29 / 32) * 0.25 - 3 * leave1;
    // Day 2: 100 R2 for the room left, 40 − m3 − mb: joining is limited by the room.
    const people2 = ((m3 + mb) / 4) * 2;
    const eff2 = 0.5 / (1 + people2 / 10);
    const d2 = day(2, [0, 0, 100, 30, 22, 10], 0);
    expect(d2.p['2>3']).toBeCloseTo((40 - m3 - mb) / 100, 12);
    expect(d2.p['3>4']).toBeCloseTo(((0.2 * eff2 + 0.3 * (mb / (m3 + mb)) * 1.5) * m3) / 30, 12);
    expect(d2.p['3>2']).toBeCloseTo((0.06 * (1 + people2 / 20) * m3) / 30, 12);
    expect(d2.buy[0]).toBeCloseTo(1 + (0.6 * eff2 * mb) / 32, 12);
  });

  it('a day off: no posts, no joins (not after orders either); word of mouth and the base leave chance go on', () => {
    const day = meanField(scenario({ ...groupsMath, schedule: { weekly: ['mon'], effort: 2 } }, { agents: 100, scale: 2, initial: { R2: 1 } }, 3, decaying));
    day(0, [0, 0, 50, 20, 20, 10], 12);
    // Tuesday: 10 R3 and 3 buyer members, no pressure: conversion by word of mouth only, leave chance 0.01 × 1.325.
    const wom1 = 0.3 * (3 / 13) * 1.5;
    const leave1 = 0.01 * (1 + 6.5 / 20);
    const d1 = day(1, [0, 0, 40, 30, 22, 10], 16);
    expect(d1.p).toEqual({ '3>4': close((wom1 * 10) / 30), '3>2': close((leave1 * 10) / 30) });
    expect(d1.buy).toEqual([1, 1]);
    expect(d1.cost).toBeCloseTo(600, 9);
    // Wednesday: nobody joined after Tuesday's 16 orders.
    const m3 = 10 - 10 * wom1 - 10 * leave1 - 1;
    const mb = 3 + 10 * wom1 - 3 * leave1;
    expect(day(2, [0, 0, 40, 30, 22, 10], 0).p['3>4']).toBeCloseTo((0.3 * (mb / (m3 + mb)) * 1.5 * m3) / 30, 12);
  });
});

describe('community groups: the chances the engine’s runtime marks, by hand', () => {
  // 2 groups of 10 people at scale 2 (5 agents each); quality 3: pressure 1/3 × 3 = 1, joining certain while there is
  // room. 6 R2 join on day 0 (group 0 fills, the sixth opens group 1) and the 4 buyers (ordering every day) join after
  // their order: group 1 holds 1 R3 and 4 buyers. Effects ÷ (1 + 10 / 10) = ½; leave (0.01 + 0.05) × (1 + 10 people /
  // a capacity of 10) = 0.12.
  const g = { ...groupsMath, groups: 2, capacity: 10, quality: 3, joinRate: 1, postOrderJoinRate: 1 };
  const buying = { repeat: 1, forward: { ...STILL_BASELINE.forward, R4: 1 } };
  const pop = { agents: 10, scale: 2, initial: { R2: 0.6, R4: 0.4 } };

  it('conversion by posts and by word of mouth inside each group, leaving, buyers’ lift', () => {
    const d1 = marked(scenario(g, pop, 3, buying), 1);
    expect(Array.from(d1.s.pop.group)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    // Group 0: nobody bought: 0.2 × ½. Group 1: 4 of 5 bought: 0.2 × ½ + 0.3 × 4/5 × 3.
    expect(d1.forward).toEqual([5, 4, 3, 2, 1, 0].map((i) => [i, close(i === 5 ? 0.1 + 0.72 : 0.1)]));
    expect(values(d1.reverse)).toEqual([0.12]);
    expect(d1.reverse.length).toBe(6);
    expect(d1.buy).toEqual([9, 8, 7, 6].map((i) => [i, close(1 + 0.6 * 0.5)]));
    expect(d1.buyChance).toEqual([]);
  });

  it('joining is limited by the room left: 10 agents of 100 R2', () => {
    expect(marked(scenario(g, { agents: 100, scale: 2, initial: { R2: 1 } }, 1), 0).p).toEqual({ '2>3': close(10 / 100) });
  });

  it('a group buy: the ladder’s rung by expected participants per group, its pull on the chance, only on its days', () => {
    // Group buy on day 2 at rate 0.5: 5 agents × 2 × 0.5 = 5 expected participants a group reach the rung at 5 (40 %
    // off), not the one at 20: chance 0.5 × 1.4 for every buyer member. No leaving, so the groups stay full.
    const gb = { schedule: { dates: ['2026-03-04'] }, rate: 0.5, ladder: [{ participants: 20, discount: 0.6 }, { participants: 2, discount: 0.2 }, { participants: 5, discount: 0.4 }] };
    const c = scenario({ ...g, fatigue: 0, baseLeave: 0, groupBuy: gb }, pop, 3, buying);
    expect(marked(c, 1).buyChance).toEqual([]);
    const d2 = marked(c, 2);
    const buyers = [...Array(10).keys()].filter((i) => d2.s.pop.tier[i]! >= 4);
    expect(d2.buyChance.map(([i]) => i).sort()).toEqual(buyers);
    // Every buyer member's purchase rate is lifted too, first-time buyers (R4, converted on day 1) included.
    expect(buyers.some((i) => d2.s.pop.tier[i] === 4)).toBe(true);
    expect(d2.buy.map(([i]) => i).sort()).toEqual(buyers);
    // (The discount is kept as a 32-bit float.)
    for (const [, p] of d2.buyChance) expect(p).toBeCloseTo(0.7, 6);
    // With price sensitivity, each member's chance × their own price sensitivity.
    const het = marked(scenario({ ...g, fatigue: 0, baseLeave: 0, groupBuy: gb }, { ...pop, heterogeneity: true }, 3, buying), 2);
    expect(het.s.pop.price).toBeTruthy();
    expect(het.buyChance.length).toBeGreaterThan(0);
    // Sociable agents join more readily there, so the groups' sizes vary: a group of n agents expects n × 2 × 0.5 = n
    // participants, 20 % off from 2, 40 % from 5.
    const size = [0, 0];
    for (const gi of het.s.pop.group) if (gi >= 0) size[gi]!++;
    for (const [i, p] of het.buyChance) {
      const n = size[het.s.pop.group[i]!]!;
      expect(p).toBeCloseTo(0.5 * (1 + (n >= 5 ? 0.4 : n >= 2 ? 0.2 : 0)) * het.s.pop.price![i]!, 6);
    }
  });
});

describe('community groups: members, the group cursor, the report at scale 2, saved state', () => {
  const g = { ...groupsMath, groups: 2, capacity: 10, quality: 3, joinRate: 1, postOrderJoinRate: 1 };
  const buying = { repeat: 1, forward: { ...STILL_BASELINE.forward, R4: 1 } };

  it('after members leave group 1 and then group 0, the next member joins group 1 (the first group with room that opened)', () => {
    // 3 groups of 10 people at scale 5 (2 agents), filled by 6 R2 on day 0 in agent order: groups 0, 0, 1, 1, 2, 2.
    // The cursor rests on the full group 2.
    const c = scenario({ ...g, groups: 3, capacity: 10, postOrderJoinRate: 0 }, { agents: 8, scale: 5, initial: { R2: 0.75, R4: 0.25 } }, 2);
    const s = createRun(c, 0);
    stepDay(s, 0);
    expect(Array.from(s.pop.group)).toEqual([0, 0, 1, 1, 2, 2, -1, -1]);
    const rt = s.tactics[0]!;
    // Agents 2 (group 1) and 0 (group 0) fall to R2 by another cause: they leave, not counted as the tactic's.
    rt.onMove!(s, 2, 3, 2, 0);
    rt.onMove!(s, 0, 3, 2, 0);
    expect([s.pop.group[2], s.pop.group[0]]).toEqual([-1, -1]);
    expect(s.pop.channels[2]! & IN_GROUP).toBe(0);
    // Agent 6 joins: group 1.
    rt.onMove!(s, 6, 2, 3, T);
    expect(s.pop.group[6]).toBe(1);
    expect(s.pop.channels[6]! & IN_GROUP).toBe(IN_GROUP);
    const [members, , joined, left] = rt.report!(s);
    expect([members, joined, left]).toEqual([25, 35, 0]);
  });

  it('buyers who lapse to R3 stay in their group; members’ buyer share counts R4 as buyers', () => {
    // 10 R2 join one group on day 0; on day 1 posts convert some (1 × 1 / (1 + 10 / 10000)); on day 2 the baseline
    // takes every R4 back to R3: they are still members. A 2-day run ends with the converts in R4.
    const one = { ...g, groups: 1, capacity: 20, convertRate: 1, localWordOfMouth: 0, fatigue: 0, baseLeave: 0, wateringSize: 10000, postOrderJoinRate: 0 };
    const r2 = simulateRun(scenario(one, { agents: 10, initial: { R2: 1 } }, 2), 0);
    const converts = r2.tiers[2 * 6 + 4]!;
    expect(converts).toBeGreaterThan(0);
    expect(r2.tacticMetrics[4]).toBeCloseTo(converts / 10, 12);
    const r3 = simulateRun(scenario(one, { agents: 10, initial: { R2: 1 } }, 3, { reverse: { ...STILL_BASELINE.reverse, R4: 1 } }), 0);
    expect(r3.tiers[3 * 6 + 4]).toBe(0);
    expect([r3.tacticMetrics[0], r3.tacticMetrics[2], r3.tacticMetrics[3]]).toEqual([10, 10, 0]);
  });

  it('at scale 2 the report counts people: members who left, group-buy orders; a saved state does not change as the run goes on', () => {
    // Leave chance 1 (fatigue 1 beyond no tolerated post), no conversion: on day 1 all 10 members leave (the 6 R3 fall
    // to R2, the 4 buyers only leave), 20 people; the 4 buyers join again after their day-1 order: 8 people in 2 groups.
    const c = scenario({ ...g, convertRate: 0, localWordOfMouth: 0, comfortablePosts: 0, fatigue: 1 }, { agents: 10, scale: 2, initial: { R2: 0.6, R4: 0.4 } }, 2, buying);
    const s = createRun(c, 0);
    stepDay(s, 0);
    const saved = s.tactics[0]!.saveState!();
    const before = JSON.stringify(saved);
    stepDay(s, 1);
    expect(JSON.stringify(saved)).toBe(before);
    const [members, size, joined, left] = s.tactics[0]!.report!(s);
    expect([members, size, joined, left]).toEqual([8, 4, 28, 20]);
    // A group buy on day 2 (40 % off, chance 0.7 for buyer members): group-buy orders × 2 people, and the state saved
    // before it (discounts, buyers per group) stays as it was.
    const gb = { schedule: { dates: ['2026-03-04'] }, rate: 0.5, ladder: [{ participants: 5, discount: 0.4 }] };
    const b = scenario({ ...g, fatigue: 0, baseLeave: 0, groupBuy: gb }, { agents: 10, scale: 2, initial: { R2: 0.6, R4: 0.4 } }, 3, buying);
    const t = createRun(b, 0);
    stepDay(t, 0);
    stepDay(t, 1);
    const ordersBefore = t.rec.rec.causeOrders[T]!;
    const snap = t.tactics[0]!.saveState!();
    const was = JSON.stringify(snap);
    stepDay(t, 2);
    expect(JSON.stringify(snap)).toBe(was);
    const gbOrders = t.rec.rec.causeOrders[T]! - ordersBefore;
    expect(gbOrders).toBeGreaterThan(0);
    expect(t.tactics[0]!.report!(t)[5]).toBe(2 * gbOrders);
    // Each at ¥100 with 40 % off (a 32-bit discount), for 2 people.
    expect(t.rec.rec.causeDiscount[T]).toBeCloseTo(gbOrders * 100 * 0.4 * 2, 4);
  });
});

describe('guides: a saved state does not change as the run goes on', () => {
  it('the days contacts were added and their welcome periods, saved before a day that adds contacts at the till', () => {
    const c = scenario({ ...guidesMath, schedule: { daily: true }, inStoreShare: 1, addsPerGuide: 100, contactsPerGuide: 1000, postOrderAddRate: 0 }, { agents: 30, initial: { R4: 1 } }, 40, { repeat: 1, forward: { ...STILL_BASELINE.forward, R4: 1 } });
    const s = createRun(c, 0);
    stepDay(s, 0);
    const saved = s.tactics[0]!.saveState!();
    const before = JSON.stringify(saved);
    stepDay(s, 1);
    expect(s.tactics[0]!.report!(s)[2]).toBe(30);
    expect(JSON.stringify(saved)).toBe(before);
  });
});

describe('referral: the preview at effort 2 with repeat buyers; each low-quality invitee drifts once a day', () => {
  const base = { type: 'referral', reward: 20, halfSaturationReward: 20, shape: 1, halfLifeDays: 0, inviteRate: 0.01, friendsPerInvite: 1.5, fakeShare: 0.2, entryTier: 'R1' };

  it('pull at reward × effort, invitations by all buyers (R4 and R5), the reward × effort for real and fake accounts', () => {
    // Effort 2: ¥40 against a half-saturation of ¥20: pull 2/3. 500 buyers (300 R4, 200 R5) × 0.01 × 2/3 × 1.5 = 5
    // accounts, 4 of them real among 500 R0: 0.008. Reward: 5 accounts × scale 10 × ¥20 × effort 2 = ¥2 000.
    const day = meanField(scenario({ ...base, schedule: { daily: true, effort: 2 } }, { agents: 1000, scale: 10, initial: { R0: 0.5, R4: 0.5 } }, 2));
    const d0 = day(0, [500, 0, 0, 0, 300, 200], 0);
    expect(d0.p).toEqual({ '0>1': close(0.008) });
    expect(d0.cost).toBeCloseTo(2000, 9);
    // Nobody left in R0: nothing to invite, nothing paid.
    const empty = day(1, [0, 0, 0, 500, 300, 200], 0);
    expect(empty.p).toEqual({});
    expect(empty.cost).toBe(0);
  });

  it('each low-quality invitee in R1 or R2 is marked to drift back once a day, agent 0 included', () => {
    // Every one of the 50 R0 agents (agents 0–49) is invited on day 0 into R2, all low quality; day 1: churn 0.5.
    const c = scenario({ ...base, inviteRate: 1, friendsPerInvite: 50, lowQualityShare: 1, lowQualityChurn: 0.5, entryTier: 'R2' }, { agents: 100, initial: { R0: 0.5, R4: 0.5 } }, 2);
    const d1 = marked(c, 1);
    expect(d1.reverse.map(([i]) => i).sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
    expect(values(d1.reverse)).toEqual([0.5]);
  });
});

describe('the social tactics: channel capacities, responsiveness, lapsed buyers, BG/NBD recall, resumed streams, frequency ratios', () => {
  const buying = { repeat: 1, forward: { ...STILL_BASELINE.forward, R4: 1 } };
  const g = { ...guidesMath, schedule: { daily: true }, contactsPerGuide: 40, attentionCapacity: 32, addsPerGuide: 20, messagesPerGuide: 10, halfSaturationMessages: 10, inStoreShare: 0.5, postOrderAddRate: 1, consultRate: 0.25, consultationWeight: 2, welcomeDays: 2, welcomeLift: 3, followUpLift: 0.5 };

  it('the channels they open hold guides × contacts per guide, and groups × members per group', () => {
    const c = scenario(guidesMath, { agents: 10, initial: { R2: 1 } }, 1);
    expect(getTactic('guides').opens!.capacity!({ guides: 3, contactsPerGuide: 40 }, c)).toBe(120);
    expect(getTactic('communityGroups').opens!.capacity!({ groups: 3, capacity: 40 }, c)).toBe(120);
  });

  it('guides: each R3 contact’s consultation × its own responsiveness', () => {
    // As in the attention test, with heterogeneity: who joins varies, so the attention comes from the contacts there
    // are: pressure ½ × min(1, 32 / contacts a guide); consultation 0.25 × 2 × pressure × welcome 3 × respond.
    const d1 = marked(scenario(g, { agents: 40, scale: 2, initial: { R2: 0.25, R4: 0.75 }, heterogeneity: true }, 3, buying), 1);
    const perGuide = d1.rt.report!(d1.s)[1]!;
    const pr = 0.5 * Math.min(1, 32 / perGuide);
    expect(d1.forward.length).toBeGreaterThan(0);
    for (const [i, p] of d1.forward) expect(p).toBeCloseTo(0.25 * 2 * pr * 3 * d1.s.pop.respond![i]!, 12);
  });

  it('guides: buyer contacts who lapse to R3 stay contacts; in BG/NBD, inactive buyer contacts are recalled', () => {
    // The 10 R2 added on day 0 are consulted into R4 (0.6 on day 1, 0.2 after); every R4 lapses back to R3 the next
    // day (baseline decay 1): all 10 are still contacts (20 people) at the end.
    const lapse = simulateRun(scenario(g, { agents: 40, scale: 2, initial: { R2: 0.25, R4: 0.75 } }, 4, { reverse: { ...STILL_BASELINE.reverse, R4: 1 } }), 0);
    expect(lapse.tiers[2 * 6 + 4]).toBeGreaterThan(0);
    expect(lapse.tacticMetrics[0]).toBe(20);
    // BG/NBD: make the first two buyer contacts inactive before day 1: only they are recalled, at 0.5 × pressure
    // (½ × attention for the contacts there are).
    const bg = scenario(g, { agents: 40, scale: 2, initial: { R2: 0.25, R4: 0.75 } }, 3, { ...buying, repeatModel: { kind: 'bgnbd', r: 1, alpha: 1, a: 1, b: 1000 } });
    let picked: number[] = [];
    const d1 = marked(bg, 1, (s) => {
      picked = [...Array(40).keys()].filter((i) => s.pop.tier[i]! >= 4 && s.pop.channels[i]! & WECOM).slice(0, 2);
      for (const i of picked) s.pop.active[i] = 0;
    });
    expect(picked.length).toBe(2);
    const pr = 0.5 * Math.min(1, 32 / d1.rt.report!(d1.s)[1]!);
    expect(d1.recall.map(([i]) => i).sort((a, b) => a - b)).toEqual(picked);
    expect(values(d1.recall)).toEqual([Number((0.5 * pr).toPrecision(12))]);
  });

  it('guides and groups: a run resumed from a checkpoint draws the same adds after an order as the uninterrupted run', () => {
    const half = { ...g, postOrderAddRate: 0.5, addsPerGuide: 0, contactsPerGuide: 1000 };
    const c = scenario(half, { agents: 60, initial: { R4: 1 } }, 5, buying);
    expect(diffRecords(resumedThrough(c, 0, [2]), simulateRun(c, 0))).toBeNull();
    const groups = scenario({ ...groupsMath, postOrderJoinRate: 0.5, joinRate: 0 }, { agents: 60, initial: { R4: 1 } }, 5, buying);
    expect(diffRecords(resumedThrough(groups, 0, [2]), simulateRun(groups, 0))).toBeNull();
  });

  it('followed buyers’ orders per buyer-day against other buyers’, counted agent by agent', () => {
    // 200 buyers at 0.25 a day; up to 100 join after an order (contacts, members) and buy more (the lift, within the
    // purchase headroom). The oracle counts, each day, the orders of the agents in the channel at the start of the
    // day and of the others, and their buyer-days (nobody leaves; all are buyers throughout).
    const ratio = (c: EngineConfig, bit: number): number => {
      const s = createRun(c, 0);
      const n = s.pop.n;
      let inOrders = 0;
      let inDays = 0;
      let outOrders = 0;
      let outDays = 0;
      for (let d = 0; d < c.days; d++) {
        const orders = Array.from(s.pop.orders);
        const channels = Array.from(s.pop.channels);
        stepDay(s, d);
        for (let i = 0; i < n; i++) {
          const k = s.pop.orders[i]! - orders[i]!;
          if (channels[i]! & bit) (inOrders += k), inDays++;
          else (outOrders += k), outDays++;
        }
      }
      return inOrders / inDays / (outOrders / outDays);
    };
    const c = scenario({ ...g, addsPerGuide: 0, guides: 1, contactsPerGuide: 100, attentionCapacity: 1000, followUpLift: 2 }, { agents: 200, initial: { R5: 1 } }, 20, { repeat: 0.25 });
    const freq = simulateRun(c, 0).tacticMetrics[4]!;
    expect(freq).toBeGreaterThan(1.2);
    expect(freq).toBeCloseTo(ratio(c, WECOM), 12);
    const m = scenario({ ...groupsMath, schedule: { daily: true }, groups: 4, capacity: 25, joinRate: 0, postOrderJoinRate: 1, repeatLift: 2, wateringSize: 10000, fatigue: 0, baseLeave: 0 }, { agents: 200, initial: { R5: 1 } }, 20, { repeat: 0.25 });
    const members = simulateRun(m, 0).tacticMetrics[6]!;
    expect(members).toBeGreaterThan(1.2);
    expect(members).toBeCloseTo(ratio(m, IN_GROUP), 12);
  });
});

describe('the social tactics: days off for joins after an order; a saved guides state without its day arrays', () => {
  it('community groups: buyers join after an order only on the tactic’s days', () => {
    // Tuesdays only: Monday's orders bring nobody in; Tuesday's bring every buyer.
    const c = scenario({ ...groupsMath, schedule: { weekly: ['tue'] }, groups: 2, capacity: 10, postOrderJoinRate: 1, joinRate: 0 }, { agents: 8, initial: { R5: 1 } }, 2, { repeat: 1 });
    const s = createRun(c, 0);
    stepDay(s, 0);
    expect(s.tactics[0]!.report!(s)[0]).toBe(0);
    stepDay(s, 1);
    expect(s.tactics[0]!.report!(s)[0]).toBe(8);
  });

  it('guides: a state saved without the add days and welcome periods (null) resumes with none known', () => {
    // 20 R2 added on day 0, consulted on days 1 and 5: restored after day 0 without the arrays, nobody is in a
    // welcome period (1 × ½, not × 4) and nobody's first order counts for the first month.
    const g = { ...guidesMath, schedule: { dates: ['2026-03-02', '2026-03-03', '2026-03-07'] }, guides: 1, contactsPerGuide: 1000, attentionCapacity: 1000, addsPerGuide: 100, messagesPerGuide: 10, halfSaturationMessages: 10, inStoreShare: 0, postOrderAddRate: 0, consultRate: 1, consultationWeight: 1, welcomeDays: 14, welcomeLift: 4 };
    const c = scenario(g, { agents: 20, initial: { R2: 1 } }, 35);
    const d1 = marked(c, 1, (s) => {
      const st = { ...s.tactics[0]!.saveState!(), addedOn: null, welcomeUntil: null };
      s.tactics[0]!.loadState!(st, s);
    });
    expect(d1.forward.length).toBe(20);
    expect(values(d1.forward)).toEqual([0.5]);
    d1.finish();
    for (let d = 2; d < 35; d++) stepDay(d1.s, d);
    expect(d1.s.rec.rec.orders[5]).toBeGreaterThan(0);
    expect(d1.rt.report!(d1.s)[6]).toBe(0);
  });
});

describe('guides beside coupons that are used again at once (orders that follow an order)', () => {
  it('an order that follows the one that added a contact at the till, the same day, is not the contact’s next order', () => {
    // 200 buyers who order only with coupons (packs of 3 on days 0 and 1, used again at once at 0.9). Guides work on
    // day 1 only and add every customer ordering that day at the till (100 % in store, more adds than day 0's
    // orders). The first-month share
    // is the share of those contacts with an order on a later day, counted here agent by agent.
    const c = config({
      days: 32,
      runs: 1,
      seed: 11,
      population: { agents: 200, scale: 1, heterogeneity: false, initial: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 } },
      baseline: STILL_BASELINE,
      tactics: [
        { id: 't', ...guidesMath, schedule: { dates: ['2026-03-03'] }, guides: 1, contactsPerGuide: 1000, attentionCapacity: 1000, addsPerGuide: 1000, messagesPerGuide: 10, halfSaturationMessages: 10, inStoreShare: 1, postOrderAddRate: 0, consultRate: 0, basketLift: 0 },
        { id: 'c', type: 'coupons', kind: 'storewide', targets: ['R4', 'R5'], schedule: { dates: ['2026-03-02', '2026-03-03'] }, reach: 1, perIssue: 3, validityDays: 30, redeemRate: 0.9, orderAgain: 0.9 },
      ],
    });
    const s = createRun(c, 0);
    stepDay(s, 0);
    stepDay(s, 1);
    const contacts = [...Array(200).keys()].filter((i) => s.pop.channels[i]! & WECOM);
    const after = s.pop.orders.slice();
    for (let d = 2; d < 32; d++) stepDay(s, d);
    const again = contacts.filter((i) => s.pop.orders[i]! > after[i]!).length;
    expect(contacts.length).toBeGreaterThan(0);
    expect(again).toBeLessThan(contacts.length);
    expect(s.tactics[0]!.report!(s)[6]).toBeCloseTo(again / contacts.length, 12);
  });
});

describe('nobody in R2: no R2 → R3 source, though there is room', () => {
  it('guides and community groups, in the preview and in the engine', () => {
    const g = { ...guidesMath, attentionCapacity: 1000 };
    const gr = { ...groupsMath };
    expect(meanField(scenario(g, { agents: 100, initial: { R4: 1 } }, 1))(0, [0, 0, 0, 30, 50, 20], 10).p['2>3']).toBeUndefined();
    expect(meanField(scenario(gr, { agents: 100, initial: { R4: 1 } }, 1))(0, [0, 0, 0, 30, 50, 20], 10).p['2>3']).toBeUndefined();
    expect(marked(scenario(g, { agents: 20, initial: { R3: 0.5, R4: 0.5 } }, 1), 0).p['2>3']).toBeUndefined();
    expect(marked(scenario(gr, { agents: 20, initial: { R3: 0.5, R4: 0.5 } }, 1), 0).p['2>3']).toBeUndefined();
  });
});

describe('undefined ratios and late contacts', () => {
  it('community groups: members who reorder and other buyers who never do — no ratio (not infinite)', () => {
    // 10 R2 join one group on day 0 and convert on day 1 (posts: 1 / (1 + 10 / 10 000) each, nearly all); a group
    // buy on day 2 at rate 1 makes every buyer member order again. The 10 other buyers never order.
    const gb = { schedule: { dates: ['2026-03-04'] }, rate: 1, ladder: [] };
    const one = { ...groupsMath, schedule: { daily: true }, groups: 1, capacity: 20, quality: 3, joinRate: 1, postOrderJoinRate: 0, convertRate: 1, localWordOfMouth: 0, fatigue: 0, baseLeave: 0, wateringSize: 10000, groupBuy: gb };
    const r = simulateRun(scenario(one, { agents: 20, initial: { R2: 0.5, R4: 0.5 } }, 3), 0);
    expect(r.tacticMetrics[5]).toBeGreaterThan(0);
    expect(r.tacticMetrics[6]).toBeNaN();
  });

  it('guides: contacts added with fewer than 30 days left in the run are not counted, even when they buy within 30 days', () => {
    // 40 R2, 20 adds a working day (0.5 of them on day 0, the rest on day 3). Consultation 1 × 2 × ½ = 1 on days 3 and
    // 30: day 0's contacts buy on day 3, day 3's on day 30. Only day 0's contacts count (3 + 30 > 32 days): all bought.
    const g = { ...guidesMath, schedule: { dates: ['2026-03-02', '2026-03-05', '2026-04-01'] }, guides: 1, contactsPerGuide: 1000, attentionCapacity: 1000, addsPerGuide: 20, messagesPerGuide: 10, halfSaturationMessages: 10, inStoreShare: 0, postOrderAddRate: 0, consultRate: 1, consultationWeight: 2, welcomeDays: 0 };
    const r = simulateRun(scenario(g, { agents: 40, initial: { R2: 1 } }, 32), 0);
    expect(r.orders[3]).toBeGreaterThan(0);
    expect(r.orders[30]).toBeGreaterThan(0);
    expect(r.tacticMetrics[6]).toBe(1);
  });
});

describe('community groups’ preview with no buyers at the start of a day', () => {
  it('yesterday’s orders still bring buyers in (all are non-members): no lift that day, then theirs', () => {
    const day = meanField(scenario(groupsMath, { agents: 100, scale: 2, initial: { R2: 1 } }, 2));
    // Day 0: no buyers; 5 orders yesterday × 0.25 join: 1.25 buyer members; 10 R3 members join (0.2 of 50).
    expect(day(0, [0, 0, 50, 20, 0, 0], 5).buy).toEqual([1, 1]);
    // Day 1: 11.25 members, 5.625 people a group: effect ½ ÷ 1.5625; 1.25 buyer members of 20 buyers.
    const d1 = day(1, [0, 0, 40, 30, 20, 0], 0);
    expect(d1.buy[0]).toBeCloseTo(1 + (0.6 * (0.5 / 1.5625) * 1.25) / 20, 12);
    expect(d1.p['3>4']).toBeCloseTo(((0.2 * (0.5 / 1.5625) + 0.3 * (1.25 / 11.25) * 1.5) * 10) / 30, 12);
  });
});
