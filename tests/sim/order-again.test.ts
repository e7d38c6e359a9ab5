import { describe, expect, it } from 'vitest';
import { createRun } from '../../src/sim/step/model';
import type { Order, RunState } from '../../src/sim/step/run-state';
import { R3, R4, R5 } from '../../src/sim/tiers';
import { config, runAll, tacticMarket } from '../helpers';
import { sized } from '../mutation-size';

/**
 * Several orders per customer in one event (Order.again, docs/model.md § Several orders in one event): a tactic's
 * order hook asks for more orders, which RunState places right after the order, each an order of its own.
 */
const sum = (a: Float64Array | number[]) => Array.from(a).reduce((x, y) => x + y, 0);

/** A run whose only order hook asks for `follow(o)` more orders after each order (no tactic in the config). */
function runWithHook(follow: (o: Order) => number): { s: RunState; seen: Array<{ from: number; follow: boolean; first: boolean }> } {
  const s = createRun(config({ days: 5, population: { agents: 50, scale: 1, initial: { R0: 0, R1: 0, R2: 0, R3: 0.5, R4: 0.25, R5: 0.25 } } }), 0);
  const seen: Array<{ from: number; follow: boolean; first: boolean }> = [];
  s.setTactics([
    {
      beginDay() {},
      onOrder(_s, o) {
        seen.push({ from: o.fromTier, follow: o.follow, first: o.first });
        o.again = follow(o);
      },
    },
  ]);
  s.beginDay(0);
  return { s, seen };
}

describe('orders that follow an order in the same event', () => {
  it('a first purchase followed by two more: the first follower makes the buyer a repeat buyer (R4 → R5), the next is an R5 order', () => {
    let n = 0;
    const { s, seen } = runWithHook(() => (++n <= 2 ? 1 : 0));
    const i = Array.from(s.pop.tier).indexOf(R3);
    s.moveAgent(i, R3, R4, 0);
    expect(seen).toEqual([
      { from: R3, follow: false, first: true },
      { from: R4, follow: true, first: false },
      { from: R5, follow: true, first: false },
    ]);
    expect(s.pop.tier[i]).toBe(R5);
    expect(s.pop.orders[i]).toBe(3);
    expect(sum(s.rec.rec.orders)).toBe(3);
    expect(sum(s.rec.rec.firstPurchases)).toBe(1);
    // Tier counts moved with the agent: one R3 fewer, one R5 more, R4 as before.
    expect(s.pop.counts[R3]).toBe(24);
    expect(s.pop.counts[R4]).toBe(13);
    expect(s.pop.counts[R5]).toBe(13);
  });

  it('asking for two at once places two, each of which may be followed in turn', () => {
    let n = 0;
    const { s, seen } = runWithHook(() => (n++ === 0 ? 2 : 0));
    const i = Array.from(s.pop.tier).indexOf(R5);
    s.placeOrder(i, R5, 0, false);
    expect(seen.map((o) => o.follow)).toEqual([false, true, true]);
    expect(s.pop.orders[i]).toBe(3);
  });

  it('a chain stops after 50 followers, whatever the hook asks', () => {
    const { s, seen } = runWithHook(() => 1);
    const i = Array.from(s.pop.tier).indexOf(R5);
    s.placeOrder(i, R5, 0, false);
    expect(seen).toHaveLength(51);
    expect(s.pop.orders[i]).toBe(51);
  });

  it('each follower gets the order hooks’ full treatment: its own value, and the ledger counts it as the same day’s next order', () => {
    let n = 0;
    const { s } = runWithHook(() => (n++ === 0 ? 1 : 0));
    const i = Array.from(s.pop.tier).indexOf(R5);
    s.placeOrder(i, R5, 0, false);
    expect(s.pop.lastOrderDay[i]).toBe(0);
    expect(s.pop.prevOrderDay[i]).toBe(0);
    const values = s.rec.rec.gmv[0]!;
    expect(values).toBeGreaterThan(0);
  });
});

describe('a coupon pack with orderAgain: the next coupon used at once', () => {
  // Every buyer gets a pack of three on day 0 only, with a high redemption chance, so a few hundred redeem that day.
  const coupons = (orderAgain: number) =>
    config({
      ...tacticMarket({ days: 20, runs: 4, seed: 7, agents: sized(20000, 20000, 5000) }),
      tactics: [{ id: 'c', type: 'coupons', kind: 'storewide', targets: ['R4', 'R5'], schedule: { dates: ['2026-03-02'] }, reach: 1, perIssue: 3, validityDays: 30, redeemRate: 0.9, orderAgain }],
    });
  it('of the buyers the coupon brought on its day, the share ordering again there is orderAgain (one draw a day: no other order can come that day)', () => {
    const q = 0.6;
    const s = runAll(coupons(q));
    const share = s.figure('E.c.broughtMultiOrderShare');
    const redeemedDay0 = s.figure('tactic.c.redeemed');
    expect(sum(redeemedDay0)).toBeGreaterThan(0);
    const mean = sum(share) / share.length;
    // Binomial: a few hundred brought buyers per run, four runs: sd of the pooled share well under 0.03.
    expect(Math.abs(mean - q)).toBeLessThan(0.06);
  });
  it('with orderAgain 0, nobody the coupon brought orders twice that day', () => {
    const share = runAll(coupons(0)).figure('E.c.broughtMultiOrderShare');
    expect(Array.from(share)).toEqual([0, 0, 0, 0]);
  });
});
