import { describe, expect, it } from 'vitest';
import { config, runAll } from '../helpers';
import { TACTICS, getTactic } from '../../src/sim/tactics/registry';
import { tacticContributions } from '../../src/sim/contributions';
import type { SimulationResult } from '../../src/sim/result';

type Json = Record<string, unknown>;

const base = {
  days: 120,
  runs: 5,
  seed: 5,
  population: { agents: 5000, scale: 10, initial: { R0: 0.6, R1: 0.15, R2: 0.1, R3: 0.08, R4: 0.04, R5: 0.03 }, heterogeneity: true },
  baseline: {
    forward: { R0: 0.001, R1: 0.01, R2: 0.004, R3: 0.005, R4: 0.006 },
    reverse: { R1: 0.01, R2: 0.008, R3: 0.004, R4: 0.003, R5: 0.004 },
    repeat: 0.01,
    repeatModel: { kind: 'simple' },
    orderValue: { mean: 200, sd: 100 },
  },
  wordOfMouth: { q: 0.02, sources: ['R4', 'R5'] },
};

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
  const withTactic = run([tactic]);
  const c = withTactic.byCause.t!;

  it('does something at its defaults', () => {
    expect(c.moves!.mean + c.orders!.mean).toBeGreaterThan(0);
  });

  it('moves only the tiers it declares', () => {
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

  it('its removal effect is the per-run difference with and without it, with the interval mean ± 1.645·sd/√n', async () => {
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
      const half = (1.645 * sd) / Math.sqrt(runs);
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
    const m = withTactic.tactics.t!;
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
  it('livestream: sessions × (session cost + traffic) + shared newcomers × coupon cost + deal discounts', () => {
    const r = run([{ id: 'l', type: 'livestream', maxPublicViewers: 4000 }]);
    const m = r.tactics.l!;
    const expected = m.sessions!.mean * (15000 + 8000) + m.newFromSharing!.mean * 5 + r.byCause.l!.discount!.mean;
    expect(r.byCause.l!.cost!.mean).toBeCloseTo(expected, 0);
    expect(m.sessions!.mean).toBe(17); // Saturdays from 2026-03-02 over 120 days
  });
  it('community groups: operators every day', () => {
    const r = run([{ id: 'g', type: 'communityGroups', groups: 20, groupsPerOperator: 3, operatorCostPerMonth: 9000 }]);
    expect(r.byCause.g!.cost!.mean).toBeCloseTo(7 * 300 * days, 6);
  });
  it('guides: guides every day', () => {
    const r = run([{ id: 'g', type: 'guides', guides: 4, guideCostPerMonth: 6000 }]);
    expect(r.byCause.g!.cost!.mean).toBeCloseTo(4 * 200 * days, 6);
  });
  it('coupons: discounts given plus the cost of issuing', () => {
    const r = run([{ id: 'c', type: 'coupons', issueCost: 0.1 }]);
    const m = r.tactics.c!;
    expect(r.byCause.c!.cost!.mean).toBeCloseTo(m.discount!.mean + m.issued!.mean * 0.1, 0);
    expect(r.byCause.c!.discount!.mean).toBeCloseTo(m.discount!.mean, 0);
  });
  it('referral: the reward for every invitee, fake ones included', () => {
    const r = run([{ id: 'r', type: 'referral', reward: 15 }]);
    expect(r.byCause.r!.cost!.mean).toBeCloseTo(r.tactics.r!.invited!.mean * 15, 0);
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
  it('referral: fake invitees never buy', () => {
    const r = run([{ id: 'r', type: 'referral', fakeShare: 1 }]);
    expect(r.tactics.r!.inviteesWhoBought!.mean).toBe(0);
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
  it('livestream: pre-heated agents (group members) attend more', () => {
    const alone = run([{ id: 'l', type: 'livestream', maxPublicViewers: 0 }]);
    const preheated = run([
      { id: 'g', type: 'communityGroups', groups: 40, joinRate: 0.05 },
      { id: 'l', type: 'livestream', maxPublicViewers: 0 },
    ]);
    expect(preheated.tactics.l!.ownViewersPerSession!.mean).toBeGreaterThan(alone.tactics.l!.ownViewersPerSession!.mean);
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
