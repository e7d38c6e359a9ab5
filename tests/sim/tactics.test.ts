import { describe, expect, it } from 'vitest';
import { config, runAll, tacticMarket } from '../helpers';
import { TACTICS, getTactic } from '../../src/sim/tactics/registry';
import { tacticContributions } from '../../src/sim/results/contributions';
import type { SimulationResult } from '../../src/sim/results/result';
import { sized } from '../mutation-size';

type Json = Record<string, unknown>;

const base = tacticMarket({ days: 120, runs: sized(5, 3), seed: 5, agents: sized(5000, 2000) });

/** Each tactic sized for the small test population, with effects worth measuring. */
const SETUPS: Record<string, Json> = {
  ads: { dailySpend: 3000 },
  livestream: { maxPublicViewers: 4000 },
  communityGroups: { groups: 20, capacity: 200 },
  coupons: {},
  guides: { guides: 4 },
  referral: {},
  membership: {},
  content: {},
};

function run(tactics: Json[], patch: Json = {}): SimulationResult {
  return runAll(config({ ...base, ...patch, tactics })).result();
}

const caused = (r: SimulationResult, id: string) => r.byCause[id]!.forwardMoves!.mean + r.byCause[id]!.orders!.mean;

describe.each(Object.keys(TACTICS))('tactic %s', (type) => {
  const def = getTactic(type);
  const tactic = { id: 't', type, ...SETUPS[type] };
  // Each test runs the engine itself: a run made here, in the describe body, would happen before StrykerJS switches
  // a mutant on (docs/testing.md § Mutation testing).
  const withTactic = () => run([tactic]);

  it('does something at its defaults', () => {
    const c = withTactic().byCause.t!;
    expect(c.moves!.mean + c.orders!.mean).toBeGreaterThan(0);
  });

  it('moves only the tiers it declares', () => {
    const c = withTactic().byCause.t!;
    const declared = new Set(def.moves.map(([a, b]) => `${a}>${b}`));
    // An R4 buyer's purchase is the move R4 → R5 (the second purchase).
    if (def.purchases.includes(4)) declared.add('4>5');
    c.movesMatrix.forEach((row, from) =>
      row.forEach((v, to) => {
        if (v > 0) expect(declared.has(`${from}>${to}`), `R${from}→R${to} (${v} moves) is not declared`).toBe(true);
      }),
    );
    if (def.purchases.length === 0) expect(c.repeatPurchases!.mean).toBe(0);
    // First purchases it causes are moves into R4 it declares.
    const intoR4 = [0, 1, 2, 3].reduce((a, from) => a + c.movesMatrix[from]![4]!, 0);
    expect(c.firstPurchases!.mean).toBeCloseTo(intoR4, 0);
  });

  it('zero effort (schedule effort 0 every day) gives exactly the baseline', () => {
    const idle = run([{ ...tactic, schedule: { daily: true, effort: 0 } }]);
    const none = run([]);
    expect(idle.daily.tiers).toEqual(none.daily.tiers);
    expect(idle.daily.gmv).toEqual(none.daily.gmv);
    expect(idle.byCause.t!.moves!.mean).toBe(0);
  });

  it('more effort gives more effect, with diminishing returns', () => {
    const curve = def.curve!;
    const e = Number(SETUPS[type]![curve.effortParam] ?? (def.params[curve.effortParam] as { default: number }).default);
    const at = (k: number) => caused(run([{ ...tactic, [curve.effortParam]: e * k }]), 't');
    const [f1, f2, f4] = [at(1), at(2), at(4)];
    expect(f2).toBeGreaterThan(f1);
    expect(f4).toBeGreaterThan(f2);
    // Per unit of effort, the step from 2e to 4e adds less than the step from e to 2e.
    expect((f4 - f2) / 2).toBeLessThan(f2 - f1);
  });

  it('the removal effect of a tactic that changes nothing is exactly zero, its interval [0, 0]', async () => {
    const cfg = config({ ...base, runs: 4, tactics: [{ ...tactic, schedule: { daily: true, effort: 0 } }] });
    const full = runAll(cfg);
    const report = await tacticContributions(cfg, full, async (c2) => runAll(c2));
    for (const key of ['S.assetsEnd', 'R.gmv', 'R.orders']) {
      const f = report.tactics[0]!.effect[key]!;
      expect(f.diff!.mean).toBe(0);
      expect(f.diff!.sd).toBe(0);
      expect(f.ci90).toEqual([0, 0]);
    }
  });

  it('its removal effect is the per-run difference with and without it, with the interval mean ± t·sd/√n (t(0.95; 3) = 2.353)', async () => {
    const runs = 4;
    const cfg = config({ ...base, runs, tactics: [tactic] });
    const full = runAll(cfg);
    let without: ReturnType<typeof runAll> | null = null;
    const report = await tacticContributions(cfg, full, async (c2) => (without = runAll(c2)));
    let spread = 0;
    for (const key of ['S.assetsEnd', 'R.gmv', 'R.orders']) {
      // By hand from each run's figure with and without the tactic (same seeds, so run i pairs with run i).
      const a = without!.figure(key);
      const b = full.figure(key);
      const d = Array.from(b, (x, k) => x - a[k]!);
      const mean = d.reduce((x, y) => x + y, 0) / runs;
      const sd = Math.sqrt(d.reduce((x, y) => x + (y - mean) ** 2, 0) / (runs - 1));
      const half = (2.353 * sd) / Math.sqrt(runs);
      spread += sd;
      const f = report.tactics[0]!.effect[key]!;
      const close = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(want)));
      close(f.diff!.mean, mean);
      close(f.ci90![0], mean - half);
      close(f.ci90![1], mean + half);
    }
    // The tactic changes something and runs differ, so a wrong interval formula cannot pass by accident.
    expect(spread).toBeGreaterThan(0);
  });

  it('reports its own metrics', () => {
    const m = withTactic().tactics.t!;
    expect(Object.keys(m)).toEqual(def.metrics.map((x) => x.key));
  });
});

describe('removal effects', () => {
  it('ads that bring people in have an interval of assets gained that excludes 0', async () => {
    const cfg = config({ ...base, runs: 4, tactics: [{ id: 'a', type: 'ads', ...SETUPS.ads }] });
    const report = await tacticContributions(cfg, runAll(cfg), async (c2) => runAll(c2));
    const f = report.tactics[0]!.effect['S.assetsEnd']!;
    expect(f.ci90![0]).toBeGreaterThan(0);
    expect(f.ci90![1]).toBeGreaterThan(f.ci90![0]);
    expect(f.pBgtA).toBe(1);
  });
});

describe('tactic costs add up', () => {
  const days = base.days;
  it('ads: the spend of every scheduled day', () => {
    const r = run([{ id: 'a', type: 'ads', dailySpend: 3000, schedule: { weekly: ['mon', 'wed'] } }]);
    const mondaysAndWednesdays = r.daily.demand.filter((_, d) => [0, 2].includes((d + 0) % 7)).length; // 2026-03-02 is a Monday
    expect(r.byCause.a!.cost!.mean).toBeCloseTo(3000 * mondaysAndWednesdays, 6);
  });
  it('livestream: sessions × (session cost + traffic) + shared newcomers × coupon cost + deal discounts, by hand', () => {
    // Every order is worth exactly 200 (sd 0), so an in-stream order is 200 × 1.15 (deal basket) = 230 of GMV with a
    // discount of 230 × 12 % = 27.6. Without public traffic every newcomer the livestream brings (R0 → R2) came
    // through a shared coupon of 5.
    const r = run([{ id: 'l', type: 'livestream', maxPublicViewers: 0, sessionCost: 15000, trafficSpend: 8000, shareCouponCost: 5, dealBasket: 1.15, dealDiscount: 0.12 }], {
      baseline: { ...base.baseline, orderValue: { mean: 200, sd: 0 } },
    });
    const l = r.byCause.l!;
    const saturdays = Array.from({ length: days }, (_, d) => d).filter((d) => d % 7 === 5).length; // 2026-03-02 is a Monday
    expect(saturdays).toBe(17);
    expect(r.tactics.l!.sessions!.mean).toBe(saturdays);
    const orders = l.orders!.mean;
    const newcomers = l.movesMatrix[0]![2]!;
    expect(orders).toBeGreaterThan(0);
    expect(newcomers).toBeGreaterThan(0);
    const rel = (got: number, want: number) => expect(Math.abs(got - want) / want).toBeLessThan(1e-5);
    rel(l.gmv!.mean, orders * 230);
    rel(l.discount!.mean, orders * 27.6);
    rel(l.cost!.mean, saturdays * (15000 + 8000) + newcomers * 5 + orders * 27.6);
  });
  it('community groups: operators every day', () => {
    const r = run([{ id: 'g', type: 'communityGroups', groups: 20, groupsPerOperator: 3, operatorCostPerMonth: 9000 }]);
    expect(r.byCause.g!.cost!.mean).toBeCloseTo(7 * 300 * days, 6);
  });
  it('guides: guides every day', () => {
    const r = run([{ id: 'g', type: 'guides', guides: 4, guideCostPerMonth: 6000 }]);
    expect(r.byCause.g!.cost!.mean).toBeCloseTo(4 * 200 * days, 6);
  });
  it('coupons: face value × coupon orders plus the cost of issuing, by hand', () => {
    // Every order is worth exactly 200 (sd 0), above the face value of 20, so each coupon order is a discount of 20;
    // each coupon issued costs 0.1 to send. Redemptions are the orders the coupons caused.
    const r = run([{ id: 'c', type: 'coupons', kind: 'storewide', faceValue: 20, issueCost: 0.1 }], {
      baseline: { ...base.baseline, orderValue: { mean: 200, sd: 0 } },
    });
    const c = r.byCause.c!;
    const redeemed = c.orders!.mean;
    const issued = r.tactics.c!.issued!.mean;
    expect(redeemed).toBeGreaterThan(0);
    const rel = (got: number, want: number) => expect(Math.abs(got - want) / want).toBeLessThan(1e-5);
    rel(c.discount!.mean, redeemed * 20);
    rel(r.tactics.c!.discount!.mean, redeemed * 20);
    rel(c.cost!.mean, redeemed * 20 + issued * 0.1);
    rel(r.tactics.c!.redeemed!.mean, redeemed);
  });
  it('referral: the reward for every account brought, fake ones included', () => {
    const r = run([{ id: 'r', type: 'referral', reward: 15 }]);
    expect(r.byCause.r!.cost!.mean).toBeCloseTo((r.tactics.r!.invited!.mean + r.tactics.r!.fake!.mean) * 15, 0);
    expect(r.tactics.r!.fake!.mean).toBeGreaterThan(0);
  });
  it('content: every post', () => {
    const r = run([{ id: 'c', type: 'content', costPerPost: 2000 }]);
    expect(r.byCause.c!.cost!.mean).toBeCloseTo(r.tactics.c!.posts!.mean * 2000, 6);
  });
  it('the total cost is the sum over causes', () => {
    const r = run(Object.entries(SETUPS).map(([type, s]) => ({ id: type, type, ...s })));
    const sum = Object.values(r.byCause).reduce((a, c) => a + c.cost!.mean, 0);
    // Each figure is rounded to 6 significant digits in the result.
    expect(Math.abs(r.totals.cost!.mean - sum) / sum).toBeLessThan(1e-5);
  });
});

describe('side effects appear when cadence is pushed', () => {
  it('livestream: daily sessions tire the audience (fewer own viewers per session than weekly)', () => {
    const weekly = run([{ id: 'l', type: 'livestream', maxPublicViewers: 0 }]);
    const daily = run([{ id: 'l', type: 'livestream', maxPublicViewers: 0, schedule: { daily: true } }]);
    expect(daily.tactics.l!.ownViewersPerSession!.mean).toBeLessThan(0.8 * weekly.tactics.l!.ownViewersPerSession!.mean);
  });
  it('community groups: pushing posts beyond the comfortable number makes members leave', () => {
    const calm = run([{ id: 'g', type: 'communityGroups', groups: 20, postsPerDay: 3 }]);
    const pushed = run([{ id: 'g', type: 'communityGroups', groups: 20, postsPerDay: 15 }]);
    expect(pushed.tactics.g!.left!.mean).toBeGreaterThan(2 * calm.tactics.g!.left!.mean);
    expect(pushed.byCause.g!.movesMatrix[3]![2]).toBeGreaterThan(calm.byCause.g!.movesMatrix[3]![2]!);
  });
  it('content: posting more than followers like makes them unfollow', () => {
    const calm = run([{ id: 'c', type: 'content', postsPerDay: 1 }]);
    const pushed = run([{ id: 'c', type: 'content', postsPerDay: 5, schedule: { daily: true } }]);
    expect(calm.tactics.c!.unfollowed!.mean).toBe(0);
    expect(pushed.tactics.c!.unfollowed!.mean).toBeGreaterThan(0);
  });
  it('coupons: frequent couponing raises discount dependence (the habit measure)', () => {
    const rare = run([{ id: 'c', type: 'coupons', schedule: { everyDays: 28 } }]);
    const often = run([{ id: 'c', type: 'coupons', schedule: { weekly: ['mon', 'thu'] } }]);
    expect(often.tactics.c!.meanDependence!.mean).toBeGreaterThan(rare.tactics.c!.meanDependence!.mean);
  });
  it('referral: fake accounts are not people of the market: a campaign of fakes only is paid for and changes nobody', () => {
    const none = run([]);
    const r = run([{ id: 'r', type: 'referral', fakeShare: 1, reward: 15 }]);
    expect(r.tactics.r!.invited!.mean).toBe(0);
    expect(r.tactics.r!.fake!.mean).toBeGreaterThan(0);
    expect(r.byCause.r!.cost!.mean).toBeCloseTo(r.tactics.r!.fake!.mean * 15, 0);
    expect(r.daily.tiers).toEqual(none.daily.tiers);
  });
  it('referral: never takes a real prospect away — first purchases with it are not below those without it, run by run', () => {
    // Every invitee of low quality and drifting back fast: at worst they end where they started, in R0.
    const none = run([]);
    const r = run([{ id: 'r', type: 'referral', lowQualityShare: 1, lowQualityChurn: 0.1, reward: 40 }]);
    expect(r.tactics.r!.invited!.mean).toBeGreaterThan(0);
    expect(r.star.R.firstPurchases!.mean).toBeGreaterThanOrEqual(none.star.R.firstPurchases!.mean);
  });
});

describe('who responds more', () => {
  it('coupons: a bigger face value and more price-sensitive customers redeem more', () => {
    const small = run([{ id: 'c', type: 'coupons', faceValue: 5 }]);
    const large = run([{ id: 'c', type: 'coupons', faceValue: 40 }]);
    const sensitive = run([{ id: 'c', type: 'coupons', faceValue: 5, priceSensitivity: 2 }]);
    expect(large.tactics.c!.redemptionRate!.mean).toBeGreaterThan(small.tactics.c!.redemptionRate!.mean);
    expect(sensitive.tactics.c!.redemptionRate!.mean).toBeGreaterThan(small.tactics.c!.redemptionRate!.mean);
  });
  it('livestream: pre-heated agents (guides\u2019 WeCom contacts) attend (1 + preheat lift) times as often', () => {
    // A homogeneous, still population of N buyers (R5) who each buy with probability q a day; a guide adds every
    // buyer as a WeCom contact at the order and does nothing else. At the start of day d a share w_d = 1 − (1 − q)^d
    // are contacts, so by hand a Saturday session has N·a·(1 + L·w_d) viewers, N·a without pre-heat.
    const n = sized(10000, 3000);
    const q = 0.02;
    const a = 0.05;
    const L = 1;
    const days = 56;
    const cfg = (lift: number) =>
      config({
        days,
        runs: 5,
        seed: 9,
        population: { agents: n, scale: 1, initial: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, heterogeneity: false },
        baseline: {
          forward: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0 },
          reverse: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 0 },
          repeat: q,
          repeatModel: { kind: 'simple' },
          orderValue: { mean: 100, sd: 0 },
        },
        tactics: [
          { id: 'g', type: 'guides', schedule: { daily: true }, guides: 10, contactsPerGuide: 10000, messagesPerGuide: 0, addsPerGuide: 0, postOrderAddRate: 1 },
          { id: 'l', type: 'livestream', attendance: { R1: 0, R2: 0, R3: 0, R4: 0, R5: a }, preheatLift: lift, fatigue: 0, maxPublicViewers: 0, shareRate: 0, repeatBuyRate: 0 },
        ],
      });
    // Saturdays from Monday 2026-03-02: days 5, 12, …, 54.
    const saturdays = [5, 12, 19, 26, 33, 40, 47, 54];
    const meanW = saturdays.reduce((acc, d) => acc + (1 - Math.pow(1 - q, d)), 0) / saturdays.length;
    const expected = n * a * (1 + L * meanW);
    // Binomial error of the mean viewers per session over 5 runs × 8 sessions.
    const se = Math.sqrt(expected / (5 * saturdays.length));
    const preheated = runAll(cfg(L)).result();
    expect(preheated.tactics.l!.sessions!.mean).toBe(saturdays.length);
    expect(preheated.tactics.g!.contacts!.mean).toBeGreaterThan(0.6 * n);
    const got = preheated.tactics.l!.ownViewersPerSession!.mean;
    expect(Math.abs(got - expected), `viewers per session ${got}, by hand ${expected}`).toBeLessThan(4 * se);
    const plain = runAll(cfg(0)).result().tactics.l!.ownViewersPerSession!.mean;
    expect(Math.abs(plain - n * a)).toBeLessThan(4 * Math.sqrt((n * a) / (5 * saturdays.length)));
  });
  it('coupons issued in groups reach only group members', () => {
    const none = run([{ id: 'c', type: 'coupons', channel: 'groups' }]);
    const withGroups = run([
      { id: 'g', type: 'communityGroups', groups: 20 },
      { id: 'c', type: 'coupons', channel: 'groups' },
    ]);
    expect(none.tactics.c!.issued!.mean).toBe(0);
    expect(withGroups.tactics.c!.issued!.mean).toBeGreaterThan(0);
  });
});
