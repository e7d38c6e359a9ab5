import { describe, expect, it } from 'vitest';
import { config, runAll, tacticMarket } from '../helpers';
import { rankConflicts, tacticValues } from '../../src/sim/results/contributions';
import { cycleDesign, designSubsets, exactShapley, orderShapley, planShapley, SHAPLEY_KEYS, shapleyPerRun, subsetConfig } from '../../src/sim/results/shapley';
import type { EngineConfig } from '../../src/sim/config';
import type { Summary } from '../../src/sim/results/summary';

type Json = Record<string, unknown>;

const base = tacticMarket({ days: 90, runs: 4, seed: 3, agents: 4000 });
const ads: Json = { id: 'ads', type: 'ads', dailySpend: 3000 };
const content: Json = { id: 'content', type: 'content' };
const live: Json = { id: 'live', type: 'livestream', maxPublicViewers: 4000 };
const guides: Json = { id: 'guides', type: 'guides', guides: 4 };

/** Every subset's per-run figures, each simulated in this process; `runs` counts the simulations. */
function recorder() {
  const seen = new Map<string, Summary>();
  return {
    seen,
    run: async (c: EngineConfig) => {
      const s = runAll(c);
      seen.set(c.tactics.map((t) => t.id).join('+'), s);
      return s;
    },
  };
}

describe('Shapley arithmetic', () => {
  it('exact values of small games computed by hand', () => {
    // Majority of three: any two win. By symmetry each gets 1/3.
    expect(exactShapley(3, (m) => (((m & 1) + ((m >> 1) & 1) + ((m >> 2) & 1)) >= 2 ? 1 : 0))).toEqual([1 / 3, 1 / 3, 1 / 3].map((x) => expect.closeTo(x, 12)));
    // v = 10·[a] + 4·[b] + 6·[a and b]: a gets 10 + 3, b gets 4 + 3 (the interaction split equally).
    const v = (m: number) => 10 * (m & 1) + 4 * ((m >> 1) & 1) + 6 * (m === 3 ? 1 : 0);
    expect(exactShapley(2, v)).toEqual([13, 7]);
  });

  it('the cycle design puts every tactic at every position twice and visits n(n−1) + 2 subsets', () => {
    for (const n of [2, 3, 4, 5, 7]) {
      const cycle = Array.from({ length: n }, (_, i) => n - 1 - i);
      const orders = cycleDesign(cycle);
      expect(orders).toHaveLength(2 * n);
      for (let k = 0; k < n; k++) for (let pos = 0; pos < n; pos++) expect(orders.filter((o) => o[pos] === k)).toHaveLength(2);
      expect(designSubsets(orders, n)).toHaveLength(Math.min(2 ** n, n * (n - 1) + 2));
    }
  });

  it('with three tactics the design walks all six orders, so it gives the exact values', () => {
    const orders = cycleDesign([2, 0, 1]);
    expect(new Set(orders.map((o) => o.join(''))).size).toBe(6);
    const v = (m: number) => [0, 5, 7, 20, 1, 9, 3, 40][m]!;
    orderShapley(3, orders, v).forEach((x, k) => expect(x).toBeCloseTo(exactShapley(3, v)[k]!, 12));
  });
});

describe('Shapley values of a scenario (Monte Carlo, same seeds)', () => {
  const cfg = config({ ...base, tactics: [ads, content, live, guides] });
  const none = config({ ...base, tactics: [] });

  it('add up, run by run, to the plan minus the same plan without tactics', async () => {
    const rec = recorder();
    const full = runAll(cfg);
    const plan = planShapley(cfg);
    expect(plan.method).toBe('permutations');
    await tacticValues(cfg, full, rec.run, { plan });
    const figs = new Map<number, Record<string, Float64Array>>();
    for (const m of plan.subsets) {
      const s = m === 15 ? full : rec.seen.get(subsetConfig(cfg, m).tactics.map((t) => t.id).join('+'))!;
      figs.set(m, Object.fromEntries(SHAPLEY_KEYS.map((k) => [k, s.figure(k)])));
    }
    const nothing = runAll(none);
    for (const key of SHAPLEY_KEYS) {
      const phi = shapleyPerRun(4, plan, (m) => figs.get(m)![key]!, cfg.runs);
      const a = full.figure(key);
      const b = nothing.figure(key);
      for (let r = 0; r < cfg.runs; r++) {
        const sum = phi.reduce((s, p) => s + p[r]!, 0);
        const want = a[r]! - b[r]!;
        expect(Math.abs(sum - want), `${key} run ${r}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a[r]!)));
      }
      // The tactics do change this figure, so a sum of zeros would not pass.
      if (key === 'R.gmv' || key === 'S.assetsEnd') expect(Math.abs(a[0]! - b[0]!)).toBeGreaterThan(0);
    }
  });

  it('the report: tactics’ means add up to the total, and the total is the plan minus no tactics', async () => {
    const full = runAll(cfg);
    const rep = (await tacticValues(cfg, full, async (c) => runAll(c))).shapley!;
    const nothing = runAll(none);
    for (const key of ['R.gmv', 'R.cost', 'S.assetsEnd', 'T.count.R5']) {
      const a = full.figure(key);
      const b = nothing.figure(key);
      const want = a.reduce((s, x, r) => s + x - b[r]!, 0) / cfg.runs;
      const sum = rep.tactics.reduce((s, t) => s + t.values[key]!.value!.mean, 0);
      expect(Math.abs(sum - want), key).toBeLessThanOrEqual(1e-5 * Math.abs(want) + 1e-9);
      expect(rep.total[key]!.value!.mean).toBeCloseTo(want, -1);
    }
    expect(rep.subsets).toBe(14);
    expect(rep.orders).toBe(8);
    // Incremental ROI per tactic is its share of GMV over its share of cost.
    for (const t of rep.tactics) if (t.roi !== null) expect(t.roi).toBeCloseTo(t.values['R.gmv']!.value!.mean / t.values['R.cost']!.value!.mean, 3);
  });

  it('a tactic that changes nothing gets exactly 0, with the interval [0, 0]', async () => {
    const idle = { ...live, id: 'idle', schedule: { daily: true, effort: 0 } };
    const c = config({ ...base, tactics: [ads, idle, content, guides] });
    const rep = (await tacticValues(c, runAll(c), async (x) => runAll(x))).shapley!;
    expect(rep.method).toBe('permutations');
    const t = rep.tactics[1]!;
    expect(t.id).toBe('idle');
    for (const key of SHAPLEY_KEYS) {
      expect(t.values[key]!.value!.mean, key).toBe(0);
      expect(t.values[key]!.value!.sd, key).toBe(0);
      expect(t.values[key]!.ci90, key).toEqual([0, 0]);
    }
    expect(Math.abs(rep.tactics[0]!.values['R.gmv']!.value!.mean)).toBeGreaterThan(0);
  });

  it('two identical tactics get the same value, within Monte Carlo error (exact), and within 2 % (the shortcut)', async () => {
    const c = config({ ...base, runs: 8, tactics: [{ ...ads, id: 'ads-a' }, content, { ...ads, id: 'ads-b' }, guides] });
    const rec = recorder();
    const full = runAll(c);
    const exact = planShapley(c, { exact: true });
    const rep = (await tacticValues(c, full, rec.run, { plan: exact })).shapley!;
    const figs = (m: number) => (m === 15 ? full : rec.seen.get(subsetConfig(c, m).tactics.map((t) => t.id).join('+'))!).figure('S.assetsEnd');
    const phi = shapleyPerRun(4, exact, figs, c.runs);
    const d = phi[0]!.map((x, r) => x - phi[2]![r]!);
    const mean = d.reduce((s, x) => s + x, 0) / d.length;
    const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1));
    expect(Math.abs(mean)).toBeLessThanOrEqual((3 * sd) / Math.sqrt(d.length));
    // …and the value is far from 0, so equality is not trivial.
    const a = rep.tactics[0]!.values['S.assetsEnd']!;
    expect(a.ci90![0]).toBeGreaterThan(0);
    // The shortcut leaves out 2 of the 16 subsets: its values of the two stay within 2 % of each other.
    const approx = (await tacticValues(c, full, rec.run)).shapley!;
    const [pa, pb] = [approx.tactics[0]!, approx.tactics[2]!].map((t) => t.values['S.assetsEnd']!.value!.mean);
    expect(Math.abs(pa! - pb!)).toBeLessThan(0.02 * pa!);
  });
});

describe('rank conflicts, by hand', () => {
  const eff = (mean: number, half: number) => ({ diff: { mean }, ci90: [mean - half, mean + half] });
  const report = (phiA: number, phiB: number) =>
    ({
      tactics: [
        { id: 'a', type: 'x', effect: { 'R.gmv': eff(100, 10) }, incrementalRoi: null },
        { id: 'b', type: 'x', effect: { 'R.gmv': eff(50, 10) }, incrementalRoi: null },
      ],
      shapley: { tactics: [{ values: { 'R.gmv': { value: { mean: phiA } } } }, { values: { 'R.gmv': { value: { mean: phiB } } } }] },
    }) as unknown as Parameters<typeof rankConflicts>[0];
  it('names a pair whose Shapley values reverse clearly different removal effects, with both effects alone', () => {
    const c = rankConflicts(report(60, 90), (k) => (k === 0 ? 70 : 120));
    expect(c).toEqual([{ figure: 'R.gmv', above: 'a', below: 'b', removal: [100, 50], shapley: [60, 90], alone: [70, 120] }]);
  });
  it('names nothing when the orders agree, or when the removal effects’ intervals overlap', () => {
    expect(rankConflicts(report(90, 60))).toEqual([]);
    const close = report(60, 90);
    (close.tactics[1]!.effect['R.gmv'] as unknown as { ci90: [number, number] }).ci90 = [40, 95];
    expect(rankConflicts(close)).toEqual([]);
  });
});
