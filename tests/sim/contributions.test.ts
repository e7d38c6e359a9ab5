import { describe, expect, it } from 'vitest';
import { EFFECT_KEYS, rankConflicts, tacticContributions, tacticValues, withoutTactic } from '../../src/sim/results/contributions';
import { designSubsets, type ShapleyPlan } from '../../src/sim/results/shapley';
import type { Comparison } from '../../src/sim/results/compare';
import type { Summary } from '../../src/sim/results/summary';
import { config } from '../helpers';

/**
 * Removal effects with stand-in runs and comparisons: what tacticContributions runs (the scenario without each tactic,
 * nothing else changed) and how it reads the comparison (incremental ROI = Δ GMV ÷ Δ cost of the means, by hand).
 */
const plan = () =>
  config({
    tactics: [
      { id: 'ads', type: 'ads' },
      { id: 'live', type: 'livestream' },
      { id: 'cp', type: 'coupons' },
    ],
  });

describe('removal effects', () => {
  it('withoutTactic drops exactly tactic k and keeps everything else', () => {
    const c = plan();
    const w = withoutTactic(c, 1);
    expect(w.tactics.map((t) => t.id)).toEqual(['ads', 'cp']);
    expect(withoutTactic(c, 0).tactics.map((t) => t.id)).toEqual(['live', 'cp']);
    expect(withoutTactic(c, 2).tactics.map((t) => t.id)).toEqual(['ads', 'live']);
    expect({ ...w, tactics: c.tactics }).toEqual(c);
    expect(c.tactics).toHaveLength(3); // the plan itself is not changed
  });

  it('runs the plan without each tactic in turn and reads Δ GMV ÷ Δ cost as the incremental ROI', async () => {
    const c = plan();
    // Per tactic: Δ GMV and Δ cost of the means (plan − plan without it).
    const deltas: Record<string, [number, number]> = { ads: [600, 200], live: [500, 0], cp: [-30, -10] };
    const seen: string[][] = [];
    const full = { added: 7, tag: 'full' } as unknown as Summary;
    const run = async (ci: typeof c) => {
      seen.push(ci.tactics.map((t) => t.id));
      return { added: 7, tag: ci.tactics.map((t) => t.id).join('+') } as unknown as Summary;
    };
    const names: Array<[string, string]> = [];
    const compare = (a: Summary, b: Summary, n: { reference: string; alternative: string }): Comparison => {
      expect(b).toBe(full); // B is the full plan, A the plan without the tactic
      names.push([n.reference, n.alternative]);
      const missing = ['ads', 'live', 'cp'].find((id) => !(a as unknown as { tag: string }).tag.split('+').includes(id))!;
      const [dg, dc] = deltas[missing]!;
      const fig = (mean: number) => ({ a: null, b: null, diff: { mean, sd: 0, p05: mean, p50: mean, p95: mean }, ci90: [mean, mean], pBgtA: 1 });
      const figures = Object.fromEntries(EFFECT_KEYS.map((k) => [k, fig(k === 'R.gmv' ? dg : k === 'R.cost' ? dc : 1)]));
      return { figures } as unknown as Comparison;
    };
    const report = await tacticContributions(c, full, run, compare);
    expect(seen).toEqual([
      ['live', 'cp'],
      ['ads', 'cp'],
      ['ads', 'live'],
    ]);
    expect(names[0]).toEqual(['without ads', c.scenarioId]);
    expect(report.format).toBe('star-sandbox-contributions');
    expect(report.runs).toBe(7);
    expect(report.tactics.map((t) => [t.id, t.type])).toEqual([
      ['ads', 'ads'],
      ['live', 'livestream'],
      ['cp', 'coupons'],
    ]);
    // 600 ÷ 200 = 3; a tactic that costs nothing more, or saves cost, has no incremental ROI.
    expect(report.tactics.map((t) => t.incrementalRoi)).toEqual([3, null, null]);
    expect(Object.keys(report.tactics[0]!.effect)).toEqual([...EFFECT_KEYS]);
    expect(report.tactics[0]!.effect['R.gmv']!.diff!.mean).toBe(600);
  });

  it('no incremental ROI when the cost difference has no value (no run with a finite cost)', async () => {
    const c = config({ tactics: [{ id: 'ads', type: 'ads' }] });
    const full = { added: 2 } as unknown as Summary;
    const compare = (): Comparison =>
      ({ figures: Object.fromEntries(EFFECT_KEYS.map((k) => [k, { diff: k === 'R.cost' ? null : { mean: 100 } }])) }) as unknown as Comparison;
    const r = await tacticContributions(c, full, async () => full, compare);
    expect(r.tactics[0]!.incrementalRoi).toBeNull();
  });

  it('rounds the incremental ROI to 6 significant digits', async () => {
    const c = config({ tactics: [{ id: 'ads', type: 'ads' }] });
    const full = { added: 2 } as unknown as Summary;
    const compare = (): Comparison => {
      const fig = (mean: number) => ({ diff: { mean } });
      return { figures: Object.fromEntries(EFFECT_KEYS.map((k) => [k, fig(k === 'R.gmv' ? 100 : k === 'R.cost' ? 3 : 0)])) } as unknown as Comparison;
    };
    const r = await tacticContributions(c, full, async () => full, compare);
    expect(r.tactics[0]!.incrementalRoi).toBe(33.3333);
  });
});

/**
 * Shapley values and removal effects from hand-made runs: three tactics where `a` adds 30 yuan of GMV on its own and
 * `b` and `c` are perfect substitutes (either gives 100, both still 100), on a base of 1000; each tactic costs 10.
 * Run r scales everything by (1 + r), two runs, so means are 1.5× run 0. By hand (exact Shapley): a gets 30, b and c
 * 50 each; removing a loses 30, removing b or c loses nothing — the textbook case of a rank conflict.
 */
describe('Shapley values and removal effects from hand-made runs', () => {
  const c = config({
    tactics: [
      { id: 'a', type: 'ads' },
      { id: 'b', type: 'content' },
      { id: 'c', type: 'livestream' },
    ],
  });
  const runs = 2;
  const valueOf = (ids: string[], key: string, r: number) => {
    const has = (id: string) => ids.includes(id);
    const gmv = 1000 + 30 * +has('a') + 100 * +(has('b') || has('c'));
    return (key === 'R.gmv' ? gmv : key === 'R.cost' ? 10 * ids.length : 0) * (1 + r);
  };
  const summaryOf = (ids: string[]) =>
    ({ added: runs, ids, figure: (key: string) => Float64Array.from({ length: runs }, (_, r) => valueOf(ids, key, r)) }) as unknown as Summary;
  const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
  /** B − A of the means, with an interval ±1 around it. */
  const compare = (a: Summary, b: Summary): Comparison => {
    const figures = Object.fromEntries(
      EFFECT_KEYS.map((k) => {
        const d = mean(b.figure(k)) - mean(a.figure(k));
        return [k, { a: null, b: null, diff: { mean: d, sd: 0, p05: d, p50: d, p95: d }, ci90: [d - 1, d + 1], pBgtA: null }];
      }),
    );
    return { figures } as unknown as Comparison;
  };
  const recorder = () => {
    const seen: string[] = [];
    return { seen, run: async (ci: typeof c) => (seen.push(ci.tactics.map((t) => t.id).join('+')), summaryOf(ci.tactics.map((t) => t.id))) };
  };
  const full = () => summaryOf(['a', 'b', 'c']);
  const exactPlan = (): ShapleyPlan => ({ method: 'exact', orders: [], subsets: [0, 1, 2, 3, 4, 5, 6, 7], meanField: null, meanFieldDesign: null });

  it('runs each subset once, removal subsets first, and reports progress', async () => {
    const rec = recorder();
    const progress: Array<[number, number]> = [];
    await tacticValues(c, full(), rec.run, { plan: exactPlan(), compare, onSubset: (d, t) => progress.push([d, t]) });
    expect(rec.seen).toEqual(['a+b', 'a+c', 'b+c', 'a', 'b', 'c', '']);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7].map((d) => [d, 7]));
    // The same order whatever order the plan lists its subsets in (larger subsets first, then by mask).
    const shuffled = recorder();
    await tacticValues(c, full(), shuffled.run, { plan: { ...exactPlan(), subsets: [6, 1, 7, 0, 5, 2, 4, 3] }, compare });
    expect(shuffled.seen).toEqual(['a+b', 'a+c', 'b+c', 'a', 'b', 'c', '']);
    // With the empty scenario already run, it is not run again.
    const again = recorder();
    const withEmpty = await tacticValues(c, full(), again.run, { plan: exactPlan(), compare, empty: summaryOf([]) });
    expect(again.seen).toEqual(['a+b', 'a+c', 'b+c', 'a', 'b', 'c']);
    expect(withEmpty.shapley!.total['R.gmv']!.value!.mean).toBe(195);
  });

  it('Shapley values, removal effects and ROI by hand', async () => {
    const rep = await tacticValues(c, full(), recorder().run, { plan: exactPlan(), compare });
    expect(rep.format).toBe('star-sandbox-contributions');
    expect(rep.runs).toBe(2);
    const sh = rep.shapley!;
    expect(sh.tactics.map((t) => t.values['R.gmv']!.value!.mean)).toEqual([45, 75, 75].map((x) => expect.closeTo(x, 9)));
    expect(sh.tactics.map((t) => t.values['R.cost']!.value!.mean)).toEqual([15, 15, 15].map((x) => expect.closeTo(x, 9)));
    expect(sh.tactics.map((t) => t.roi)).toEqual([3, 5, 5]);
    expect(sh.total['R.gmv']!.value!.mean).toBe(195); // 130 × 1.5
    // Removal effects, in the tactics' order, each compared with the full plan.
    expect(rep.tactics.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(rep.tactics.map((t) => t.effect['R.gmv']!.diff!.mean)).toEqual([45, 0, 0]);
    expect(rep.tactics.map((t) => t.incrementalRoi)).toEqual([3, 0, 0]);
    // a's removal effect is clearly larger than b's and c's, but its Shapley value is smaller.
    const conflict = (below: string) => ({ figure: 'R.gmv', above: 'a', below, removal: [45, 0], shapley: [expect.closeTo(45, 9), expect.closeTo(75, 9)], alone: [45, 150] });
    expect(rep.conflicts).toEqual([conflict('b'), conflict('c')]);
  });

  it('a design without some removal subsets runs them at the end; without the subsets alone, no “alone” effects', async () => {
    const orders = [[0, 1, 2]];
    const plan: ShapleyPlan = { method: 'permutations', orders, subsets: designSubsets(orders, 3), meanField: null, meanFieldDesign: null };
    const rec = recorder();
    const rep = await tacticValues(c, full(), rec.run, { plan, compare });
    // Subsets {a, b}, {a}, ∅ of the order; then the plan without a and without b.
    expect(rec.seen).toEqual(['a+b', 'a', '', 'b+c', 'a+c']);
    expect(rep.tactics.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(rep.tactics.map((t) => t.effect['R.gmv']!.diff!.mean)).toEqual([45, 0, 0]);
    // One order: a gets v({a}) − v(∅) = 30, b gets v({a,b}) − v({a}) = 100, c nothing (× 1.5).
    expect(rep.shapley!.tactics.map((t) => t.values['R.gmv']!.value!.mean)).toEqual([45, 150, 0]);
    expect(rep.conflicts).toEqual([{ figure: 'R.gmv', above: 'a', below: 'b', removal: [45, 0], shapley: [45, 150], alone: null }]);
  });

  it('without a plan it makes one (three tactics: exact over all eight subsets)', async () => {
    const rec = recorder();
    const rep = await tacticValues(c, full(), rec.run, { compare });
    expect(rep.shapley!.method).toBe('exact');
    expect(new Set(rec.seen).size).toBe(7);
    expect(rep.shapley!.tactics.map((t) => t.values['R.gmv']!.value!.mean)).toEqual([45, 75, 75].map((x) => expect.closeTo(x, 9)));
  });
});

describe('rank conflicts: which pairs count', () => {
  const eff = (mean: number, half: number) => ({ diff: { mean }, ci90: [mean - half, mean + half] });
  type Report = Parameters<typeof rankConflicts>[0];
  const report = (effects: Array<Record<string, unknown>>, phis: Array<Record<string, number | undefined>>) =>
    ({
      tactics: effects.map((effect, i) => ({ id: `t${i}`, type: 'x', effect, incrementalRoi: null })),
      shapley: { tactics: phis.map((p) => ({ values: Object.fromEntries(Object.entries(p).map(([k, mean]) => [k, { value: mean === undefined ? null : { mean } }])) })) },
    }) as unknown as Report;

  it('no Shapley report, no conflicts', () => {
    expect(rankConflicts({ tactics: [] } as unknown as Report)).toEqual([]);
    const r = report([{ 'R.gmv': eff(100, 10) }, { 'R.gmv': eff(50, 10) }], [{ 'R.gmv': 60 }, { 'R.gmv': 90 }]);
    expect(rankConflicts({ tactics: r.tactics })).toEqual([]);
  });

  it('a Shapley tie counts (the clearly larger removal effect is not ranked above); intervals that touch are not clearly different', () => {
    expect(rankConflicts(report([{ 'R.gmv': eff(100, 10) }, { 'R.gmv': eff(50, 10) }], [{ 'R.gmv': 70 }, { 'R.gmv': 70 }]))).toHaveLength(1);
    // 100 − 25 = 75 = 50 + 25: the intervals touch.
    expect(rankConflicts(report([{ 'R.gmv': eff(100, 25) }, { 'R.gmv': eff(50, 25) }], [{ 'R.gmv': 60 }, { 'R.gmv': 90 }]))).toEqual([]);
  });

  it('each of the checked figures, and only those; a figure without an interval or a Shapley value is skipped', () => {
    const both = (key: string) => [{ [key]: eff(100, 10) }, { [key]: eff(50, 10) }];
    for (const key of ['R.gmv', 'S.assetsEnd', 'T.count.R5'])
      expect(rankConflicts(report(both(key), [{ [key]: 60 }, { [key]: 90 }])).map((x) => x.figure)).toEqual([key]);
    expect(rankConflicts(report(both('R.orders'), [{ 'R.orders': 60 }, { 'R.orders': 90 }]))).toEqual([]);
    expect(rankConflicts(report([{ 'R.gmv': { diff: { mean: 100 }, ci90: null } }, { 'R.gmv': eff(50, 10) }], [{ 'R.gmv': 60 }, { 'R.gmv': 90 }]))).toEqual([]);
    expect(rankConflicts(report([{ 'R.gmv': eff(100, 10) }, { 'R.gmv': { diff: { mean: 50 }, ci90: null } }], [{ 'R.gmv': 60 }, { 'R.gmv': 90 }]))).toEqual([]);
    expect(rankConflicts(report(both('R.gmv'), [{ 'R.gmv': undefined }, { 'R.gmv': 90 }]))).toEqual([]);
    expect(rankConflicts(report(both('R.gmv'), [{ 'R.gmv': 60 }, { 'R.gmv': undefined }]))).toEqual([]);
  });

  it('“alone” only when both tactics have it', () => {
    const r = report([{ 'R.gmv': eff(100, 10) }, { 'R.gmv': eff(50, 10) }], [{ 'R.gmv': 60 }, { 'R.gmv': 90 }]);
    expect(rankConflicts(r, (k) => (k === 0 ? 5 : null))[0]!.alone).toBeNull();
    expect(rankConflicts(r, (k) => (k === 1 ? 5 : null))[0]!.alone).toBeNull();
    expect(rankConflicts(r, (k, key) => (key === 'R.gmv' ? k + 1 : null))[0]!.alone).toEqual([1, 2]);
  });
});
