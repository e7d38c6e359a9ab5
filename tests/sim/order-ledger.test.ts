import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../src/sim/civil-date';
import type { EngineConfig } from '../../src/sim/config';
import { createRun, finishRun, stepDay } from '../../src/sim/step/model';
import { CHANNEL_ALL, CHANNEL_GMV, CHANNEL_MEMBER, CHANNEL_ORDERS, CHANNEL_REPEAT_GMV, CHANNEL_REPEAT_ORDERS, CHANNEL_WECOM, eventRuns, MAX_EVENT_DAYS, OrderLedger, orderWindows, WINDOW_FIELDS } from '../../src/sim/results/order-ledger';
import { MEMBER, WECOM } from '../../src/sim/step/population';
import { config, runAll } from '../helpers';

/** A still population of buyers (R5) who each buy with probability q a day, order value exactly 100. */
function stillBuyers(patch: Record<string, unknown> = {}, q = 0.02, n = 10000): EngineConfig {
  return config({
    population: { agents: n, scale: 1, initial: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, heterogeneity: false },
    baseline: {
      forward: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0 },
      reverse: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 0 },
      repeat: q,
      repeatModel: { kind: 'simple' },
      orderValue: { mean: 100, sd: 0 },
    },
    ...patch,
  });
}

describe('event runs: the days a tactic is above its usual effort', () => {
  it('a tactic in bursts: every run of active days', () => {
    expect(eventRuns([0, 1, 0, 0, 1, 1, 0, 0, 0])).toEqual([
      [1, 2],
      [4, 6],
    ]);
  });
  it('a daily tactic pushed in a sale: only the pushed days', () => {
    expect(eventRuns([1, 1, 3, 3, 1, 1, 1])).toEqual([[2, 4]]);
  });
  it('the usual effort is the most common; between equally common efforts, the lower one', () => {
    // 1 and 3 twice each: the usual effort is 1 whichever comes first, so the 3s are the event.
    expect(eventRuns([1, 1, 3, 3])).toEqual([[2, 4]]);
    expect(eventRuns([3, 3, 1, 1])).toEqual([[0, 2]]);
    // Every effort once: the lowest, 1, is the usual one, met last or first.
    expect(eventRuns([3, 2, 1])).toEqual([[0, 2]]);
    expect(eventRuns([1, 2, 3])).toEqual([[1, 3]]);
    // A less common lower effort does not make the usual one: 2 four times, 0 once.
    expect(eventRuns([2, 0, 2, 5, 2, 2])).toEqual([[3, 4]]);
  });
  it('an event lasts at most MAX_EVENT_DAYS (31) days: 31 active days are an event, 32 a campaign', () => {
    expect(MAX_EVENT_DAYS).toBe(31);
    const burst = (n: number) => [0, ...new Array(n).fill(2), ...new Array(40).fill(0)];
    expect(eventRuns(burst(31))).toEqual([[1, 32]]);
    expect(eventRuns(burst(32))).toEqual([]);
  });
  it('a steady tactic has no events, and a run longer than a month is a campaign, not an event', () => {
    expect(eventRuns([1, 1, 1, 1])).toEqual([]);
    const long = [...new Array(40).fill(1), ...new Array(50).fill(0), 1, 1];
    expect(eventRuns(long)).toEqual([[90, 92]]);
  });
});

describe('order windows', () => {
  it('full calendar months only, by hand: from 15 Jan 2026 for 80 days, February and March', () => {
    const start = daysFromCivil(2026, 1, 15);
    const w = orderWindows({ ...config(), startDay: start, days: 80, tactics: [] }, []);
    // 1 Feb is day 17, 1 Mar day 45 (28 days later), 1 Apr day 76, 1 May day 106 > 80.
    expect(w).toEqual([
      { kind: 'month', from: 17, to: 45, ref: 0 },
      { kind: 'month', from: 45, to: 76, ref: 1 },
    ]);
  });
  it('a year from 1 Jan: twelve months and the one-year cohort', () => {
    const w = orderWindows({ ...config(), startDay: daysFromCivil(2026, 1, 1), days: 365, tactics: [] }, []);
    expect(w.filter((x) => x.kind === 'month')).toHaveLength(12);
    expect(w.at(-1)).toEqual({ kind: 'cohort', from: 0, to: 365, ref: 1 });
    expect(w.filter((x) => x.kind === 'month').reduce((s, x) => s + x.to - x.from, 0)).toBe(365);
  });
});

describe('the ledger by hand', () => {
  it('counts a window’s distinct buyers, its buyers with 2+ orders, its orders and GMV', () => {
    const cfg = { ...config(), days: 10, tactics: [] };
    const ledger = new OrderLedger(cfg, [{ kind: 'event', from: 2, to: 5, ref: 0 }]);
    // Buyer A: days 2, 3, 4 (first, second, third in the window). Buyer B: day 1 (before), then day 3.
    // The event is tactic 0's, whose cause is 3 (config.ts FIRST_TACTIC_CAUSE). A's first order there is the tactic's
    // (brought), the next two are not; B's first order there is not the tactic's. So 1 brought, who ordered again.
    ledger.order(2, 10, 5, 0, -1, -1, 3, 255);
    ledger.order(3, 20, 5, 0, 2, -1, 0, 3);
    ledger.order(4, 30, 5, 0, 3, 2, 0, 0);
    ledger.order(1, 40, 3, 0, -1, -1, 3, 255);
    ledger.order(3, 50, 4, 0, 1, -1, 0, 3);
    const t = Object.fromEntries(WINDOW_FIELDS.map((f, k) => [f, ledger.windowTally[k]]));
    expect(t).toEqual({ buyers: 2, repeaters: 1, orders: 4, gmv: 110, brought: 1, broughtRepeaters: 1 });
  });
  it('counts as brought only the first orders of the event’s own tactic, and only in events', () => {
    // Tactic 1's event (cause 3 + 1 = 4) beside a month and a cohort over the same days. First orders of cause c by
    // c + 1 buyers (c = 0…5, so 5 buyers of cause 4), then each buyer orders again with cause 0.
    const ledger = new OrderLedger({ ...config(), days: 10, tactics: [] }, [
      { kind: 'month', from: 0, to: 10, ref: 0 },
      { kind: 'cohort', from: 0, to: 10, ref: 1 },
      { kind: 'event', from: 0, to: 10, ref: 1 },
    ]);
    for (let cause = 0; cause <= 5; cause++) {
      for (let b = 0; b <= cause; b++) {
        ledger.order(2, 10, 5, 0, -1, -1, cause, 255);
        ledger.order(3, 10, 5, 0, 2, -1, 0, cause);
      }
    }
    const row = (k: number) => Object.fromEntries(WINDOW_FIELDS.map((f, j) => [f, ledger.windowTally[k * WINDOW_FIELDS.length + j]]));
    const plain = { buyers: 21, repeaters: 21, orders: 42, gmv: 420, brought: 0, broughtRepeaters: 0 };
    expect(row(0)).toEqual(plain);
    expect(row(1)).toEqual(plain);
    expect(row(2)).toEqual({ ...plain, brought: 5, broughtRepeaters: 5 });
  });
  it('splits orders by the buyer’s channels, and repeat orders by buyers already R4/R5', () => {
    const ledger = new OrderLedger({ ...config(), days: 3, tactics: [] }, []);
    ledger.order(0, 10, 3, MEMBER, -1, -1, 0, 255); // a first purchase by a member
    ledger.order(0, 20, 5, MEMBER | WECOM, -1, -1, 0, 255);
    ledger.order(1, 30, 4, 0, -1, -1, 0, 255);
    expect(ledger.channel(CHANNEL_MEMBER, CHANNEL_ORDERS)).toBe(2);
    expect(ledger.channel(CHANNEL_MEMBER, CHANNEL_GMV)).toBe(30);
    expect(ledger.channel(CHANNEL_MEMBER, CHANNEL_REPEAT_ORDERS)).toBe(1);
    expect(ledger.channel(CHANNEL_ALL, CHANNEL_GMV)).toBe(60);
    expect(ledger.channel(CHANNEL_ALL, CHANNEL_REPEAT_ORDERS)).toBe(2);
    // Every column of every channel, by hand: [orders, gmv, repeat orders, repeat gmv] for member, group, WeCom,
    // private domain, all orders. Repeat: the orders of buyers already R4/R5 (20 and 30).
    expect(Array.from(ledger.channelTally)).toEqual([2, 30, 1, 20, 0, 0, 0, 0, 1, 20, 1, 20, 2, 30, 1, 20, 3, 60, 2, 50]);
    expect(ledger.channel(CHANNEL_WECOM, CHANNEL_REPEAT_GMV)).toBe(20);
    expect(ledger.channel(CHANNEL_ALL, CHANNEL_REPEAT_GMV)).toBe(50);
  });
});

describe('the ledger in a run, against the recorder', () => {
  const cfg = config({ days: 365, startDate: '2026-01-01', runs: 3, population: { agents: 4000, scale: 1, initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.06, R5: 0.04 }, heterogeneity: true } });

  it('repurchase within one year equals the run’s repurchase rate (from the per-agent order counters) on a 365-day run', () => {
    const s = runAll(cfg);
    const within = s.figure('R.repurchaseWithin.1y');
    const whole = s.figure('R.repurchaseRate');
    expect(Array.from(within)).toEqual(Array.from(whole));
    expect(within[0]).toBeGreaterThan(0);
  });

  it('each month’s orders and GMV are the recorder’s daily orders and GMV over that month; buyers ≤ orders', () => {
    const st = createRun(cfg, 0);
    for (let d = 0; d < cfg.days; d++) stepDay(st, d);
    const rec = finishRun(st);
    const windows = st.ledger.windows;
    let months = 0;
    windows.forEach((w, k) => {
      if (w.kind !== 'month') return;
      months++;
      let orders = 0;
      let gmv = 0;
      for (let d = w.from; d < w.to; d++) {
        orders += rec.orders[d]!;
        gmv += rec.gmv[d]!;
      }
      const [buyers, repeaters, o, g] = Array.from(rec.ledgerWindows.subarray(k * WINDOW_FIELDS.length, k * WINDOW_FIELDS.length + 4));
      expect(o).toBe(orders);
      expect(g).toBeCloseTo(gmv, 6);
      expect(buyers).toBeLessThanOrEqual(o!);
      expect(repeaters).toBeLessThanOrEqual(buyers!);
      expect(buyers! + repeaters!).toBeLessThanOrEqual(o!);
    });
    expect(months).toBe(12);
  });
});

describe('channel figures', () => {
  it('membership: with equal order values and no checkout joins, members’ GMV share is their order share', () => {
    // Half the people start in R2 and join as members (R2 → R3), then buy; the other half are buyers already.
    const c2 = stillBuyers({
      days: 90,
      runs: 2,
      population: { agents: 10000, scale: 1, initial: { R0: 0, R1: 0, R2: 0.5, R3: 0, R4: 0, R5: 0.5 }, heterogeneity: false },
      baseline: { forward: { R0: 0, R1: 0, R2: 0, R3: 0.05, R4: 0 }, reverse: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 0 }, repeat: 0.02, repeatModel: { kind: 'simple' }, orderValue: { mean: 100, sd: 0 } },
      tactics: [{ id: 'm', type: 'membership', schedule: { daily: true }, joinAtCheckout: 0, paidValueLift: 0, joinRate: 0.2, pointsRate: 0.5 }],
    });
    const r2 = runAll(c2).result().tactics.m!;
    expect(r2.memberOrderShare!.mean).toBeGreaterThan(0.01);
    expect(r2.memberGmvShare!.mean).toBeCloseTo(r2.memberOrderShare!.mean, 12);
  });

  it('guides: contacts who get no messages buy as often as other buyers (ratio 1 within error); equal values make spend = frequency', () => {
    // Every buyer becomes a contact at an order; messages 0, so contacts get no lift.
    const c = stillBuyers({
      days: 56,
      runs: 6,
      seed: 5,
      tactics: [{ id: 'g', type: 'guides', schedule: { daily: true }, guides: 10, contactsPerGuide: 10000, messagesPerGuide: 0, addsPerGuide: 0, postOrderAddRate: 0.5 }],
    });
    const s = runAll(c);
    const freq = s.figure('tactic.g.contactFrequencyRatio');
    const spend = s.figure('tactic.g.contactSpendRatio');
    expect(Array.from(spend).map((x) => x.toFixed(9))).toEqual(Array.from(freq).map((x) => x.toFixed(9)));
    const m = freq.reduce((a, x) => a + x, 0) / freq.length;
    const sd = Math.sqrt(freq.reduce((a, x) => a + (x - m) ** 2, 0) / (freq.length - 1));
    expect(Math.abs(m - 1)).toBeLessThan(4 * (sd / Math.sqrt(freq.length)) + 0.005);
    // With messages and a follow-up lift, contacts buy clearly more often.
    const lifted = runAll(
      stillBuyers({ days: 56, runs: 2, seed: 5, tactics: [{ id: 'g', type: 'guides', schedule: { daily: true }, guides: 10, contactsPerGuide: 10000, messagesPerGuide: 20, addsPerGuide: 0, postOrderAddRate: 0.5, followUpLift: 1 }] }),
    ).result().tactics.g!;
    expect(lifted.contactFrequencyRatio!.mean).toBeGreaterThan(1.2);
  });

  it('guides: new contacts who get no consultation buy within 30 days as the baseline says, 1 − (1 − f)^30', () => {
    // Everyone starts in R2; guides add contacts (→ R3) but consult nobody (consultRate 0); R3 → R4 at f a day, no
    // way back. A contact added on day a has bought within 30 days with probability 1 − (1 − f)^30.
    const f = 0.02;
    const c = config({
      days: 120,
      runs: 3,
      seed: 3,
      population: { agents: 20000, scale: 1, initial: { R0: 0, R1: 0, R2: 1, R3: 0, R4: 0, R5: 0 }, heterogeneity: false },
      baseline: {
        forward: { R0: 0, R1: 0, R2: 0, R3: f, R4: 0 },
        reverse: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 0 },
        repeat: 0,
        repeatModel: { kind: 'simple' },
        orderValue: { mean: 100, sd: 0 },
      },
      tactics: [{ id: 'g', type: 'guides', schedule: { daily: true }, guides: 20, contactsPerGuide: 1000, addsPerGuide: 5, messagesPerGuide: 20, consultRate: 0 }],
    });
    const s = runAll(c);
    const share = s.figure('tactic.g.newContactMonthBuyers');
    const added = s.figure('tactic.g.added');
    expect(added[0]).toBeGreaterThan(2000);
    const expected = 1 - Math.pow(1 - f, 30);
    const mean = share.reduce((a, x) => a + x, 0) / share.length;
    // Binomial error over about 3 × 2 000 new contacts whose 30 days fit in the run.
    expect(Math.abs(mean - expected), `${mean} vs ${expected}`).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / 5000));
  });

  it('guides: a welcome period lifts new contacts’ first-month buying; none (0 days) is exactly no lift', () => {
    const base = (over: Record<string, unknown>) =>
      config({
        days: 120,
        runs: 2,
        seed: 4,
        population: { agents: 20000, scale: 1, initial: { R0: 0, R1: 0, R2: 1, R3: 0, R4: 0, R5: 0 }, heterogeneity: false },
        baseline: { forward: { R0: 0, R1: 0, R2: 0, R3: 0.005, R4: 0 }, reverse: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 0 }, repeat: 0, repeatModel: { kind: 'simple' }, orderValue: { mean: 100, sd: 0 } },
        tactics: [{ id: 'g', type: 'guides', schedule: { daily: true }, guides: 20, contactsPerGuide: 1000, addsPerGuide: 5, messagesPerGuide: 60, consultRate: 0.004, ...over }],
      });
    const share = (over: Record<string, unknown>) => runAll(base(over)).result().tactics.g!.newContactMonthBuyers!.mean;
    const none = runAll(base({ welcomeDays: 0, welcomeLift: 5 })).result();
    const flat = runAll(base({ welcomeDays: 14, welcomeLift: 1 })).result();
    expect(JSON.stringify(none)).toBe(JSON.stringify(flat));
    expect(share({ welcomeDays: 14, welcomeLift: 5 })).toBeGreaterThan(flat.tactics.g!.newContactMonthBuyers!.mean + 0.05);
  });

  it('guides: contacts’ baskets grow with the guide’s recommendations; without a basket lift, spend follows frequency exactly', () => {
    const c = (basketLift: number) =>
      stillBuyers({ days: 56, runs: 2, seed: 5, tactics: [{ id: 'g', type: 'guides', schedule: { daily: true }, guides: 10, contactsPerGuide: 10000, messagesPerGuide: 20, addsPerGuide: 0, postOrderAddRate: 0.5, followUpLift: 1, basketLift }] });
    const flat = runAll(c(0)).result().tactics.g!;
    expect(flat.contactSpendRatio!.mean).toBeCloseTo(flat.contactFrequencyRatio!.mean, 9);
    const lifted = runAll(c(0.5)).result().tactics.g!;
    const basket = lifted.contactSpendRatio!.mean / lifted.contactFrequencyRatio!.mean;
    // Each contact order is × (1 + 0.5 × pressure), pressure in (0, 1).
    expect(basket).toBeGreaterThan(1.02);
    expect(basket).toBeLessThan(1.5);
  });

  it('groups: with no other private-domain channel, group members make all private-domain sales', () => {
    const cg = { id: 'cg', type: 'communityGroups', schedule: { daily: true } };
    const alone = runAll(config({ days: 60, runs: 1, population: { agents: 5000, scale: 1, initial: { R0: 0.2, R1: 0.2, R2: 0.3, R3: 0.1, R4: 0.1, R5: 0.1 }, heterogeneity: false }, tactics: [cg] })).result();
    expect(alone.tactics.cg!.memberGmvShare!.mean).toBeGreaterThan(0);
    expect(alone.tactics.cg!.privateSalesShare!.mean).toBe(1);
    const withMembers = runAll(
      config({ days: 60, runs: 1, population: { agents: 5000, scale: 1, initial: { R0: 0.2, R1: 0.2, R2: 0.3, R3: 0.1, R4: 0.1, R5: 0.1 }, heterogeneity: false }, tactics: [cg, { id: 'm', type: 'membership', schedule: { daily: true } }] }),
    ).result();
    const t = withMembers.tactics.cg!;
    expect(t.privateSalesShare!.mean).toBeLessThan(1);
    expect(t.privateSalesShare!.mean).toBeGreaterThanOrEqual(t.memberGmvShare!.mean);
  });

  it('groups nobody can join have no sales by group members', () => {
    const r = runAll(stillBuyers({ days: 30, runs: 1, tactics: [{ id: 'cg', type: 'communityGroups', joinRate: 0, postOrderJoinRate: 0 }] })).result();
    expect(r.tactics.cg!.memberGmvShare!.mean).toBe(0);
  });
});
