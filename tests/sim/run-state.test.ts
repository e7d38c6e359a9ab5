import { describe, expect, it } from 'vitest';
import { CAUSE_BASELINE, CAUSE_DECAY, CAUSE_WORD_OF_MOUTH, FIRST_TACTIC_CAUSE } from '../../src/sim/config';
import { CHANNEL_ALL, CHANNEL_GROUP, CHANNEL_ORDERS, CHANNEL_REPEAT_ORDERS } from '../../src/sim/results/order-ledger';
import { createRun } from '../../src/sim/step/model';
import { FAKE, FOLLOWER, IN_GROUP, LOW_QUALITY, MEMBER, PAID_MEMBER, WECOM } from '../../src/sim/step/population';
import { Rng, runKey } from '../../src/sim/step/rng';
import { RunState, type Order } from '../../src/sim/step/run-state';
import { MAX_SOURCES_PER_TIER, TRAIT_SOCIAL } from '../../src/sim/step/sources';
import type { TacticRuntime } from '../../src/sim/tactics/types';
import { R0, R1, R2, R3, R4, R5 } from '../../src/sim/tiers';
import { config } from '../helpers';

/**
 * RunState (src/sim/step/run-state.ts): the run's recording of moves and orders and its per-day tables, checked
 * against figures computed by hand on tiny runs (20 agents, a few days), by calling its methods as the move loop and
 * the tactics do. The reference day shares this code with the engine, so only tests like these can tell a wrong
 * record from a right one.
 */

const PAIRS = 36;
const pair = (from: number, to: number) => from * 6 + to;
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

/**
 * 20 agents: 5 R0, 5 R1, 0 R2, 5 R3, 3 R4, 2 R5 (agents 0–4, 5–9, 10–14, 15–17, 18–19; the 5 initial buyers are
 * 15–19). Every order is worth exactly 100 (sd 0) unless `patch` says otherwise.
 */
const TINY_POPULATION = { agents: 20, scale: 10, initial: { R0: 0.25, R1: 0.25, R2: 0, R3: 0.25, R4: 0.15, R5: 0.1 }, heterogeneity: false };
const TINY_BASELINE = {
  forward: { R0: 0.002, R1: 0.02, R2: 0.01, R3: 0.01, R4: 0.03 },
  reverse: { R1: 0.01, R2: 0.01, R3: 0.005, R4: 0.004, R5: 0.006 },
  repeat: 0.02,
  repeatModel: { kind: 'simple' } as Record<string, unknown>,
  orderValue: { mean: 100, sd: 0 },
};

function tiny(patch: Record<string, unknown> = {}): RunState {
  return createRun(config({ days: 5, seed: 7, population: TINY_POPULATION, baseline: TINY_BASELINE, ...patch }), 0);
}

describe('RunState: the population as created', () => {
  it('the tiny run has the tiers it says, in agent order, and its initial buyers are the last five agents', () => {
    const s = tiny();
    expect(Array.from(s.pop.tier)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 4, 4, 4, 5, 5]);
    expect(s.pop.initialBuyersFrom).toBe(15);
    expect(s.rec.rec.causes).toBe(3);
    expect(s.rec.rec.causeOrders.length).toBe(3);
    // One cause per built-in cause (baseline, decay, word of mouth) and one per tactic.
    const withTactics = tiny({ tactics: [{ id: 'ads', type: 'ads' }, { id: 'live', type: 'livestream' }] });
    expect(withTactics.rec.rec.causes).toBe(5);
    expect(withTactics.rec.rec.causeGmv.length).toBe(5);
    expect(withTactics.tactics.length).toBe(2);
  });
});

describe('RunState: moves and the orders they place', () => {
  it('a first purchase (R3 → R4): the move, one order of 100 on that day, by the buyer’s tier and cause, a new buyer', () => {
    const s = tiny();
    s.beginDay(1);
    s.moveAgent(10, R3, R4, CAUSE_WORD_OF_MOUTH);
    const r = s.rec.rec;
    expect(s.pop.tier[10]).toBe(R4);
    expect(Array.from(s.pop.counts)).toEqual([5, 5, 0, 4, 4, 2]);
    expect(s.pop.active[10]).toBe(1);
    expect(r.moves[1 * PAIRS + pair(R3, R4)]).toBe(1);
    expect(sum(r.moves)).toBe(1);
    expect(r.causeMoves[CAUSE_WORD_OF_MOUTH * PAIRS + pair(R3, R4)]).toBe(1);
    expect(sum(r.causeMoves)).toBe(1);
    expect(Array.from(r.orders)).toEqual([0, 1, 0, 0, 0]);
    expect(Array.from(r.gmv)).toEqual([0, 100, 0, 0, 0]);
    expect(Array.from(r.firstPurchases)).toEqual([0, 1, 0, 0, 0]);
    expect(Array.from(r.newBuyers)).toEqual([0, 1, 0, 0, 0]);
    expect(r.ordersByTier[1 * 6 + R3]).toBe(1);
    expect(r.gmvByTier[1 * 6 + R3]).toBe(100);
    expect(sum(r.ordersByTier)).toBe(1);
    expect(Array.from(r.causeOrders)).toEqual([0, 0, 1]);
    expect(Array.from(r.causeFirst)).toEqual([0, 0, 1]);
    expect(Array.from(r.causeGmv)).toEqual([0, 0, 100]);
    expect(s.pop.orders[10]).toBe(1);
    expect(s.pop.lastOrderDay[10]).toBe(1);
    expect(s.pop.prevOrderDay[10]).toBe(-1);
    expect(s.pop.lastCause[10]).toBe(CAUSE_WORD_OF_MOUTH);
    // The ledger counts the order among all orders, not as a repeat order (the buyer was in R3).
    expect(s.ledger.channel(CHANNEL_ALL, CHANNEL_ORDERS)).toBe(1);
    expect(s.ledger.channel(CHANNEL_ALL, CHANNEL_REPEAT_ORDERS)).toBe(0);
  });

  it('a forward source may jump to R4 from lower down (R1 → R4): a first purchase from R1', () => {
    const s = tiny();
    s.beginDay(0);
    s.moveAgent(5, R1, R4, FIRST_TACTIC_CAUSE - 1);
    expect(s.rec.rec.ordersByTier[R1]).toBe(1);
    expect(s.rec.rec.firstPurchases[0]).toBe(1);
    expect(s.pop.active[5]).toBe(1);
  });

  it('a repeat purchase (R4 → R5) two days later: an order from R4, not a first one; the buyer’s last two order days', () => {
    const s = tiny();
    s.beginDay(0);
    s.moveAgent(10, R3, R4, CAUSE_BASELINE);
    s.beginDay(2);
    s.moveAgent(10, R4, R5, CAUSE_WORD_OF_MOUTH);
    const r = s.rec.rec;
    expect(Array.from(r.orders)).toEqual([1, 0, 1, 0, 0]);
    expect(Array.from(r.firstPurchases)).toEqual([1, 0, 0, 0, 0]);
    expect(Array.from(r.newBuyers)).toEqual([1, 0, 0, 0, 0]);
    expect(r.ordersByTier[2 * 6 + R4]).toBe(1);
    expect(r.gmvByTier[2 * 6 + R4]).toBe(100);
    expect(r.moves[2 * PAIRS + pair(R4, R5)]).toBe(1);
    expect(Array.from(r.causeOrders)).toEqual([1, 0, 1]);
    expect(Array.from(r.causeFirst)).toEqual([1, 0, 0]);
    expect(s.pop.orders[10]).toBe(2);
    expect(s.pop.lastOrderDay[10]).toBe(2);
    expect(s.pop.prevOrderDay[10]).toBe(0);
    expect(s.ledger.channel(CHANNEL_ALL, CHANNEL_REPEAT_ORDERS)).toBe(1);
    expect(Array.from(s.pop.counts)).toEqual([5, 5, 0, 4, 3, 3]);
  });

  it('moves that are not purchases place no order: down a tier, lapsing R5 → R4, R4 → R3, or up short of R4', () => {
    const s = tiny();
    s.beginDay(3);
    s.moveAgent(18, R5, R4, CAUSE_DECAY);
    s.moveAgent(15, R4, R3, CAUSE_DECAY);
    s.moveAgent(5, R1, R2, CAUSE_BASELINE);
    s.moveAgent(0, R0, R3, FIRST_TACTIC_CAUSE - 1);
    const r = s.rec.rec;
    expect(sum(r.orders)).toBe(0);
    expect(sum(r.gmv)).toBe(0);
    expect(r.moves[3 * PAIRS + pair(R5, R4)]).toBe(1);
    expect(r.moves[3 * PAIRS + pair(R4, R3)]).toBe(1);
    expect(r.moves[3 * PAIRS + pair(R1, R2)]).toBe(1);
    expect(r.moves[3 * PAIRS + pair(R0, R3)]).toBe(1);
    expect(r.causeMoves[CAUSE_DECAY * PAIRS + pair(R5, R4)]).toBe(1);
    expect(sum(r.causeMoves)).toBe(4);
    expect(Array.from(s.pop.counts)).toEqual([4, 4, 1, 7, 3, 1]);
    expect(s.pop.orders[18]).toBe(0);
  });

  it('a new buyer is a first purchase by someone who had never bought: not an initial buyer coming back, not a second first purchase', () => {
    const s = tiny();
    s.beginDay(0);
    // Agent 15, an initial R4 buyer, lapses to R3 and buys again: a first purchase (into R4) but not a new buyer.
    s.moveAgent(15, R4, R3, CAUSE_DECAY);
    s.moveAgent(15, R3, R4, CAUSE_BASELINE);
    expect(s.rec.rec.firstPurchases[0]).toBe(1);
    expect(s.rec.rec.newBuyers[0]).toBe(0);
    // Agent 14 (never bought): new; then it lapses and comes back the next day: a first purchase, not new again.
    s.moveAgent(14, R3, R4, CAUSE_BASELINE);
    s.beginDay(1);
    s.moveAgent(14, R4, R3, CAUSE_DECAY);
    s.moveAgent(14, R3, R4, CAUSE_BASELINE);
    expect(Array.from(s.rec.rec.firstPurchases)).toEqual([2, 1, 0, 0, 0]);
    expect(Array.from(s.rec.rec.newBuyers)).toEqual([1, 0, 0, 0, 0]);
  });

  it('leaving the private domain (from R3 or above to below R3) drops every channel but the fission flags', () => {
    const s = tiny();
    s.beginDay(0);
    const all = IN_GROUP | WECOM | FOLLOWER | MEMBER | PAID_MEMBER | LOW_QUALITY | FAKE;
    for (const i of [10, 11, 15, 18, 5]) s.pop.channels[i] = all;
    s.moveAgent(10, R3, R2, CAUSE_DECAY); // leaves
    s.moveAgent(11, R3, R1, CAUSE_DECAY); // leaves
    s.moveAgent(15, R4, R3, CAUSE_DECAY); // stays in R3: keeps
    s.moveAgent(18, R5, R4, CAUSE_DECAY); // keeps
    s.moveAgent(5, R1, R0, CAUSE_DECAY); // was not in the private domain: untouched
    expect(s.pop.channels[10]).toBe(LOW_QUALITY | FAKE);
    expect(s.pop.channels[11]).toBe(LOW_QUALITY | FAKE);
    expect(s.pop.channels[15]).toBe(all);
    expect(s.pop.channels[18]).toBe(all);
    expect(s.pop.channels[5]).toBe(all);
  });

  it('a repeat order (placeOrder) from R5: recorded under its tier and cause, on the buyer’s counters', () => {
    const s = tiny();
    s.beginDay(4);
    s.placeOrder(19, R5, CAUSE_BASELINE, false);
    s.placeOrder(19, R5, CAUSE_BASELINE, false);
    const r = s.rec.rec;
    expect(Array.from(r.orders)).toEqual([0, 0, 0, 0, 2]);
    expect(r.gmv[4]).toBe(200);
    expect(r.ordersByTier[4 * 6 + R5]).toBe(2);
    expect(r.gmvByTier[4 * 6 + R5]).toBe(200);
    expect(sum(r.firstPurchases)).toBe(0);
    expect(sum(r.moves)).toBe(0);
    expect(s.pop.orders[19]).toBe(2);
    expect(s.pop.tier[19]).toBe(R5);
    expect(s.pop.lastOrderDay[19]).toBe(4);
    expect(s.pop.prevOrderDay[19]).toBe(4);
  });

  it('a buyer’s order counter stops at 65535 instead of wrapping to 0', () => {
    const s = tiny();
    s.beginDay(0);
    s.pop.orders[19] = 65534;
    s.placeOrder(19, R5, CAUSE_BASELINE, false);
    expect(s.pop.orders[19]).toBe(65535);
    s.placeOrder(19, R5, CAUSE_BASELINE, false);
    expect(s.pop.orders[19]).toBe(65535);
    expect(s.rec.rec.orders[0]).toBe(2);
  });
});

describe('RunState: the tactics’ hooks', () => {
  it('only tactics with hooks are called; a move hook sees the move after its order, an order hook can change the order', () => {
    const s = tiny();
    const calls: string[] = [];
    const plain: TacticRuntime = { beginDay() {} };
    const mover: TacticRuntime = {
      beginDay() {},
      onMove(st, i, from, to, cause) {
        calls.push(`move ${i} R${from}→R${to} cause ${cause}, orders so far ${st.rec.rec.orders[st.day]}`);
      },
    };
    const orderer: TacticRuntime = {
      beginDay() {},
      onOrder(st, o: Order) {
        calls.push(`order ${o.agent} from R${o.fromTier} first ${o.first} value ${o.value} cause ${o.cause}`);
        o.value = 150;
        o.cause = CAUSE_WORD_OF_MOUTH;
        // A post-order prompt: the buyer joins a group after ordering.
        st.pop.channels[o.agent] = st.pop.channels[o.agent]! | IN_GROUP;
      },
    };
    s.setTactics([plain, mover, orderer]);
    s.beginDay(0);
    s.moveAgent(12, R3, R4, CAUSE_BASELINE);
    s.moveAgent(1, R0, R1, CAUSE_BASELINE);
    s.placeOrder(12, R4, CAUSE_DECAY, false);
    expect(calls).toEqual([
      'order 12 from R3 first true value 100 cause 0',
      'move 12 R3→R4 cause 0, orders so far 1',
      'move 1 R0→R1 cause 0, orders so far 1',
      'order 12 from R4 first false value 100 cause 1',
    ]);
    const r = s.rec.rec;
    // The hook's value and cause are recorded; the move keeps its own cause.
    expect(r.gmv[0]).toBe(300);
    expect(Array.from(r.causeOrders)).toEqual([0, 0, 2]);
    expect(Array.from(r.causeGmv)).toEqual([0, 0, 300]);
    expect(Array.from(r.causeFirst)).toEqual([0, 0, 1]);
    expect(r.causeMoves[CAUSE_BASELINE * PAIRS + pair(R3, R4)]).toBe(1);
    expect(s.pop.lastCause[12]).toBe(CAUSE_WORD_OF_MOUTH);
    // The ledger sees the buyer's channels as they ordered: not in a group for the first order, in one for the second.
    expect(s.ledger.channel(CHANNEL_ALL, CHANNEL_ORDERS)).toBe(2);
    expect(s.ledger.channel(CHANNEL_GROUP, CHANNEL_ORDERS)).toBe(1);
  });

  it('endDay calls the tactics’ endDay and records the tier counts after the day', () => {
    const s = tiny();
    let ended = -1;
    s.setTactics([{ beginDay() {} }, { beginDay() {}, endDay: (st) => (ended = st.day) }]);
    s.beginDay(2);
    s.moveAgent(0, R0, R1, CAUSE_BASELINE);
    s.endDay();
    expect(ended).toBe(2);
    expect(Array.from(s.rec.rec.tiers.subarray(3 * 6, 4 * 6))).toEqual([4, 6, 0, 5, 3, 2]);
    expect(Array.from(s.rec.rec.tiers.subarray(0, 6))).toEqual([5, 5, 0, 5, 3, 2]);
    expect(sum(s.rec.rec.tiers.subarray(6, 3 * 6))).toBe(0);
  });
});

describe('RunState: without tactics', () => {
  it('a RunState built directly, before any setTactics, steps a day with no tactic and no hook', () => {
    const made = tiny();
    const s = new RunState(made.config, 0, made.pop, made.key);
    s.beginDay(0);
    s.moveAgent(10, R3, R4, CAUSE_BASELINE);
    s.placeOrder(18, R5, CAUSE_BASELINE, false);
    s.endDay();
    expect(s.tactics).toEqual([]);
    expect(s.rec.rec.orders[0]).toBe(2);
    expect(Array.from(s.rec.rec.tiers.subarray(6, 12))).toEqual([5, 5, 0, 4, 4, 2]);
  });

  it('an order placed on its own is not a follower, even right after a chain of followers', () => {
    const s = tiny();
    const follow: boolean[] = [];
    let n = 0;
    s.setTactics([
      {
        beginDay() {},
        onOrder(_st, o) {
          follow.push(o.follow);
          if (n++ === 0) o.again = 1;
        },
      },
    ]);
    s.beginDay(0);
    s.placeOrder(19, R5, CAUSE_BASELINE, false);
    s.placeOrder(18, R5, CAUSE_BASELINE, false);
    s.placeOrder(19, R5, CAUSE_BASELINE, false);
    expect(follow).toEqual([false, true, false, false]);
  });
});

describe('RunState: the day’s tables', () => {
  it('beginDay: the day, the marks’ day, start counts, real counts at scale, word of mouth and the tactics’ sources', () => {
    const c = config({
      days: 5,
      population: { agents: 20, scale: 10, initial: { R0: 0.25, R1: 0.25, R2: 0, R3: 0.25, R4: 0.15, R5: 0.1 }, heterogeneity: false },
      wordOfMouth: { q: 0.05, sources: ['R4', 'R5'] },
    });
    c.demand = [1, 2.5, 0.5];
    const s = createRun(c, 0);
    const seen: number[] = [];
    s.setTactics([
      {
        beginDay(st) {
          seen.push(st.day);
          // A tactic sees the word-of-mouth source already there, and today's start counts.
          expect(st.sources.fCount[R0]).toBe(1);
          expect(st.realCount(R4)).toBe(30);
          st.sources.addForward(R0, R1, 0.1, 0, FIRST_TACTIC_CAUSE);
          if (st.day === 1) st.sources.scaleLapse(R4, 0.5);
        },
      },
    ]);
    s.beginDay(0);
    s.marks.lapse(3, 2);
    s.moveAgent(0, R0, R1, CAUSE_BASELINE); // during day 0: tomorrow's start counts see it
    s.beginDay(1);
    expect(seen).toEqual([0, 1]);
    expect(s.day).toBe(1);
    expect(s.rec.day).toBe(1);
    expect(s.marks.today).toBe(2);
    expect(s.marks.rows).toBe(1);
    expect(s.marks.isMarked(3)).toBe(false);
    expect(Array.from(s.startCounts)).toEqual([4, 6, 0, 5, 3, 2]);
    expect([0, 1, 2, 3, 4, 5].map((t) => s.realCount(t))).toEqual([40, 60, 0, 50, 30, 20]);
    // Word of mouth: q × (R4 + R5)/n = 0.05 × 5/20, from R0 to R1, scaled by the social trait; then the tactic's.
    expect(s.sources.fCount[R0]).toBe(2);
    expect(s.sources.fP[R0 * MAX_SOURCES_PER_TIER]).toBeCloseTo(0.0125, 15);
    expect(s.sources.fTo[R0 * MAX_SOURCES_PER_TIER]).toBe(R1);
    expect(s.sources.fTrait[R0 * MAX_SOURCES_PER_TIER]).toBe(TRAIT_SOCIAL);
    expect(s.sources.fCause[R0 * MAX_SOURCES_PER_TIER]).toBe(CAUSE_WORD_OF_MOUTH);
    expect(s.sources.fP[R0 * MAX_SOURCES_PER_TIER + 1]).toBe(0.1);
    expect(s.sources.fCount[R1]).toBe(0);
    // Baseline chances: forward for R0..R3 (R3 × the demand index 2.5), none for buyers; decay × the tactics' lapse.
    expect(s.demand).toBe(2.5);
    expect(Array.from(s.baseF)).toEqual([0.002, 0.02, 0.01, 0.01 * 2.5, 0, 0]);
    expect(Array.from(s.baseR)).toEqual([0, 0.01, 0.01, 0.005, 0.004 * 0.5, 0.006]);
    // The next day: the tactic's lapse is gone (sources reset), the demand is day 2's; past the list, an average day.
    s.beginDay(2);
    expect(s.demand).toBe(0.5);
    expect(s.baseR[R4]).toBe(0.004);
    expect(s.baseF[R3]).toBe(0.005);
    expect(s.sources.fCount[R0]).toBe(2);
    s.beginDay(4);
    expect(s.demand).toBe(1);
    expect(s.baseF[R3]).toBe(0.01);
  });

  it('word of mouth only from the tiers it names, and none when q is 0', () => {
    const s = createRun(
      config({
        days: 3,
        population: { agents: 20, scale: 1, initial: { R0: 0.25, R1: 0.25, R2: 0, R3: 0.25, R4: 0.15, R5: 0.1 }, heterogeneity: false },
        wordOfMouth: { q: 0.2, sources: ['R3', 'R5'] },
      }),
      0,
    );
    s.beginDay(0);
    expect(s.sources.fP[R0 * MAX_SOURCES_PER_TIER]).toBeCloseTo(0.2 * (7 / 20), 15);
    const quiet = tiny();
    quiet.beginDay(0);
    expect(Array.from(quiet.sources.fCount)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('RunState: order values and streams', () => {
  it('order values are log-normal with the configured mean and sd (mean 100, sd 50 over 4000 orders)', () => {
    const s = tiny({
      baseline: { ...TINY_BASELINE, orderValue: { mean: 100, sd: 50 } },
    });
    s.beginDay(0);
    const values: number[] = [];
    s.setTactics([{ beginDay() {}, onOrder: (_st, o) => void values.push(o.value) }]);
    const n = 4000;
    for (let k = 0; k < n; k++) s.placeOrder(19, R5, CAUSE_BASELINE, false);
    const mean = sum(values) / n;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
    // The mean within 4 standard errors (50/√4000 ≈ 0.79); the sd within 15 % (a log-normal's sample sd is skewed).
    expect(Math.abs(mean - 100)).toBeLessThan(4 * (50 / Math.sqrt(n)));
    expect(Math.abs(sd - 50)).toBeLessThan(7.5);
    expect(s.rec.rec.gmv[0]).toBeCloseTo(sum(values), 6);
    // Exactly: value = 100 · exp(σz − σ²/2) with σ² = ln(1 + 0.5²) and z the orders stream's normals.
    const z = new Rng(`${runKey(7, 0)}/orders`);
    const s2 = Math.log(1.25);
    for (let k = 0; k < 5; k++) expect(values[k]).toBeCloseTo(100 * Math.exp(Math.sqrt(s2) * z.normal() - s2 / 2), 9);
  });

  it('with heterogeneity half of the log-variance is per order, on top of the customer’s own value factor', () => {
    const s = tiny({
      population: { ...TINY_POPULATION, heterogeneity: true },
      baseline: { ...TINY_BASELINE, orderValue: { mean: 100, sd: 50 } },
    });
    const values: number[] = [];
    s.setTactics([{ beginDay() {}, onOrder: (_st, o) => void values.push(o.value) }]);
    s.beginDay(0);
    s.placeOrder(19, R5, CAUSE_BASELINE, false);
    s.placeOrder(18, R5, CAUSE_BASELINE, false);
    const z = new Rng(`${runKey(7, 0)}/orders`);
    const s2 = Math.log(1.25) / 2;
    expect(s.pop.value).not.toBeNull();
    expect(values[0]).toBeCloseTo(100 * s.pop.value![19]! * Math.exp(Math.sqrt(s2) * z.normal() - s2 / 2), 9);
    expect(values[1]).toBeCloseTo(100 * s.pop.value![18]! * Math.exp(Math.sqrt(s2) * z.normal() - s2 / 2), 9);
  });

  it('the run’s streams are keyed <seed>/run-<i>/moves, /buy, /orders and /tactic/<id>; the repeat model and trait columns', () => {
    const s = tiny();
    const key = runKey(7, 0);
    expect(s.key).toBe(key);
    expect(s.run).toBe(0);
    expect(s.movesRng.next()).toBe(new Rng(`${key}/moves`).next());
    expect(s.buyRng.next()).toBe(new Rng(`${key}/buy`).next());
    expect(s.orderRng.next()).toBe(new Rng(`${key}/orders`).next());
    expect(s.tacticRng('live-1').next()).toBe(new Rng(`${key}/tactic/live-1`).next());
    expect(s.bgnbd).toBe(false);
    expect(s.traitCols).toEqual([null, s.pop.respond, s.pop.social, s.pop.price, s.pop.move]);
    const b = tiny({
      baseline: { ...TINY_BASELINE, repeatModel: { kind: 'bgnbd', r: 1, alpha: 30, a: 1.5, b: 6 } },
      population: { ...TINY_POPULATION, heterogeneity: true },
    });
    expect(b.bgnbd).toBe(true);
    expect(b.traitCols[2]).toBe(b.pop.social);
    expect(b.traitCols[4]).toBe(b.pop.move);
    expect(b.traitCols[1]).toBe(b.pop.respond);
    expect(b.traitCols[3]).toBe(b.pop.price);
  });
});
