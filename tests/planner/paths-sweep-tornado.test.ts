import { describe, expect, it } from 'vitest';
import { scenario, tacticMarket, runAll } from '../helpers';
import { parsePath, readNumber, withValues } from '../../src/planner/paths';
import { linspace, sweepAssemble, sweepJobs, sweepMeanField, sweepPoints } from '../../src/planner/sweep';
import { tornadoAssemble, tornadoJobs, tornadoMeanField } from '../../src/planner/tornado';
import { runMcJob, type Runner } from '../../src/planner/jobs';

const run: Runner = async (c) => runAll(c);

function market(assumptions = false) {
  return scenario({
    ...tacticMarket({ days: 30, runs: 12, seed: 3, agents: 800 }),
    population: { agents: 800, scale: 10, initial: { R0: 0.6, R1: 0.15, R2: 0.1, R3: 0.08, R4: 0.04, R5: 0.03 }, heterogeneity: false },
    margin: 0.5,
    uncertainty: { assumptions },
    tactics: [
      { id: 'ads', type: 'ads', schedule: { daily: true }, dailySpend: 1000 },
      { id: 'posts', type: 'content', schedule: { daily: true }, postsPerDay: 1, costPerPost: 500 },
    ],
  });
}

describe('JSON paths into a scenario', () => {
  it('reads by index or by tactic id, and names what is missing', () => {
    const s = market();
    expect(parsePath('tactics[0].dailySpend')).toEqual(['tactics', 0, 'dailySpend']);
    expect(parsePath('tactics[moments-ads].x')).toEqual(['tactics', 'moments-ads', 'x']);
    expect(readNumber(s, 'tactics[ads].dailySpend')).toEqual({ ok: true, value: 1000, path: 'tactics[0].dailySpend' });
    expect(readNumber(s, 'baseline.forward.R1')).toMatchObject({ ok: true, value: 0.01 });
    expect(readNumber(s, 'tactics[9].dailySpend')).toEqual({ ok: false, message: '"tactics[9].dailySpend": tactics has 2 items, so [9] does not exist' });
    expect(readNumber(s, 'tactics[tv].dailySpend')).toMatchObject({ ok: false, message: expect.stringContaining('no item with id "tv"') });
    expect(readNumber(s, 'baseline.fwd.R1')).toMatchObject({ ok: false, message: expect.stringContaining('baseline has no field "fwd"') });
    expect(readNumber(s, 'baseline.forward')).toMatchObject({ ok: false, message: expect.stringContaining('not a number') });
    expect(() => parsePath('a..b')).toThrow(/not a JSON path/);
  });

  it('validates a changed value as a scenario would, with the scenario path', () => {
    const s = market();
    const bad = withValues(s, [['tactics[ads].dailySpend', -1]]);
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['tactics[0].dailySpend']);
    const good = withValues(s, [['tactics[ads].dailySpend', 5]]);
    expect(good.ok && good.scenario.tactics[0]!.dailySpend).toBe(5);
    // The original is untouched.
    expect(s.tactics[0]!.dailySpend).toBe(1000);
  });
});

describe('sweep', () => {
  it('builds the grid first axis slowest, and names the axis of a bad value', () => {
    expect(linspace(0, 1000, 5)).toEqual([0, 250, 500, 750, 1000]);
    const s = market();
    const r = sweepPoints(s, [
      { path: 'tactics[ads].dailySpend', values: [0, 1000] },
      { path: 'tactics[posts].postsPerDay', values: [1, 2, 3] },
    ]);
    expect(r.ok && r.points.map((p) => p.values)).toEqual([[0, 1], [0, 2], [0, 3], [1000, 1], [1000, 2], [1000, 3]]);
    const bad = sweepPoints(s, [{ path: 'tactics[ads].dailySpend', values: [0, -5] }, { path: 'nope', values: [1] }]);
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['fields[0].values[1]', 'fields[1].path']);
  });

  it('mean field: zero spend adds nothing, and more ad spend never lowers expected assets', () => {
    const s = market();
    const axes = [{ path: 'tactics[ads].dailySpend', values: [0, 500, 1000, 2000] }, { path: 'tactics[posts].postsPerDay', values: [0] }];
    const r = sweepPoints(s, axes);
    if (!r.ok) throw new Error('points');
    const mf = sweepMeanField(s, axes, {}, r.points);
    expect(mf.points[0]!.figures['incremental.assets']).toBe(0);
    expect(mf.points[0]!.figures.cost).toBe(0);
    const assets = mf.points.map((p) => p.figures['incremental.assets']!);
    for (let k = 1; k < assets.length; k++) expect(assets[k]!).toBeGreaterThan(assets[k - 1]!);
    // Cost is the ad spend: 30 daily days × spend.
    expect(mf.points.map((p) => p.figures.cost)).toEqual([0, 15000, 30000, 60000]);
  });

  it('Monte Carlo: a shared baseline job, a band per point; zero spend gives exactly zero increment in every run', async () => {
    const s = market();
    const axes = [{ path: 'tactics[ads].dailySpend', values: [0, 2000] }];
    const r = sweepPoints(s, [{ path: 'tactics[ads].dailySpend', values: [0, 2000] }]);
    if (!r.ok) throw new Error('points');
    const noPosts = sweepPoints({ ...s, tactics: [s.tactics[0]!] }, axes);
    if (!noPosts.ok) throw new Error('points');
    const jobs = sweepJobs({ ...s, tactics: [s.tactics[0]!] }, axes, {}, noPosts.points);
    expect(jobs.length).toBe(3);
    const outs = await Promise.all(jobs.map((j) => runMcJob(j, run)));
    const mc = sweepAssemble(axes, noPosts.points, outs);
    // Same seeds, no tactic spending: the plan is the baseline run for run.
    expect(mc.points[0]!.figures['incremental.gmv']).toMatchObject({ mean: 0, sd: 0 });
    expect(mc.points[1]!.figures['incremental.assets']!.mean).toBeGreaterThan(0);
    expect(mc.points[1]!.figures.cost!.mean).toBe(60000);
    // Every figure the mean field projects agrees with the Monte Carlo mean within Monte Carlo error (4 half-widths of
    // the mean's interval, plus 3 % for the mean field's own approximations), and tiers add up to the assets.
    const mf = sweepMeanField({ ...s, tactics: [s.tactics[0]!] }, axes, {}, noPosts.points).points[1]!.figures;
    for (const k of ['orders', 'firstPurchases', 'r1', 'r2', 'r3', 'r4', 'r5', 'assets', 'incremental.orders', 'incremental.firstPurchases'] as const) {
      const b = mc.points[1]!.figures[k]!;
      const half = b.ci90 ? (b.ci90[1] - b.ci90[0]) / 2 : 0;
      expect(Math.abs(b.mean - mf[k]!), k).toBeLessThanOrEqual(4 * half + 0.03 * Math.abs(mf[k]!) + 1e-6);
    }
    // The figures added for the sweep's picker, from the mean field's own projections (tier shares, growth, new assets,
    // monthly flow rates by the digest's definition, order value, ROI, the plan's cost and margin ROI), against the
    // Monte Carlo mean the same way; rates of ratios get 5 % for the ratio of means.
    const added = ['S.growthRate', 'S.newAssets', 'T.shareEnd.R1', 'T.shareEnd.R3', 'T.shareEnd.R5', 'A.rate.R0>R1', 'A.rate.R1>R2', 'A.rate.R3>R4', 'A.rate.R5>R4', 'R.conversion', 'R.aov', 'R.roi', 'incremental.cost', 'incremental.marginRoi'];
    for (const k of added) {
      const b = mc.points[1]!.figures[k]!;
      expect(mf[k], k).toBeTypeOf('number');
      const half = b.ci90 ? (b.ci90[1] - b.ci90[0]) / 2 : 0;
      expect(Math.abs(b.mean - mf[k]!), k).toBeLessThanOrEqual(4 * half + 0.05 * Math.abs(mf[k]!) + 1e-6);
    }
    expect(mf['R.conversion']).toBe(mf['A.rate.R3>R4']);
    // Monte Carlo only: every run has them (the brands' figures, weekly rates, new buyers), the mean field has none.
    for (const k of ['R.newBuyers', 'R.returningBuyers', 'R.repurchaseRate', 'A.weekly.R3>R4', 'incremental.newBuyers']) {
      expect(mc.points[1]!.figures[k]?.n, k).toBe(12);
      expect(mf[k], k).toBeUndefined();
    }
    const f1 = mc.points[1]!.figures;
    expect(f1.r1!.mean + f1.r2!.mean + f1.r3!.mean + f1.r4!.mean + f1.r5!.mean).toBeCloseTo(f1.assets!.mean, -1);
    // A baseline field gets one baseline job per point.
    const bAxes = [{ path: 'baseline.forward.R1', values: [0.01, 0.02] }];
    const bp = sweepPoints(s, bAxes);
    expect(bp.ok && sweepJobs(s, bAxes, {}, bp.points).length).toBe(4);
  });
});

describe('tornado', () => {
  it('ranks assumptions by swing; tactic parameters do not move the baseline; Monte Carlo on the top few', async () => {
    const s = market(true);
    const t = tornadoMeanField(s, 'incremental.assets', {});
    expect(t.bars.length).toBeGreaterThan(5);
    for (let k = 1; k < t.bars.length; k++) expect(t.bars[k]!.swing).toBeLessThanOrEqual(t.bars[k - 1]!.swing);
    for (const b of t.bars) {
      expect(b.low).toBeLessThanOrEqual(b.mode);
      expect(b.high).toBeGreaterThanOrEqual(b.mode);
      expect(b.swing).toBeCloseTo(Math.abs(b.atHigh - b.atLow), 0);
    }
    // A cheaper CPM buys more reach: the ads' cpm bar must show assets falling from low to high cpm.
    const cpm = t.bars.find((b) => b.path === 'tactics[ads].cpm')!;
    expect(cpm.atLow).toBeGreaterThan(cpm.atHigh);
    const jobs = tornadoJobs(s, t, 2, {});
    const outs = await Promise.all(jobs.map((j) => runMcJob(j, run)));
    const mc = tornadoAssemble(t, 2, outs);
    expect(mc.bars.length).toBe(2);
    // The ranks' figure at the stated values matches between the two methods within Monte Carlo error.
    const half = (mc.atMode!.ci90![1] - mc.atMode!.ci90![0]) / 2;
    expect(Math.abs(mc.atMode!.mean - t.atMode)).toBeLessThan(4 * half + 0.05 * Math.abs(t.atMode));
  });
});

describe('the planner’s incremental figures per run', () => {
  it('are the dashboard’s (src/sim/incremental.ts) on the same runs: ΔGMV, margin, cost, ROI, margin ROI, new buyers, cost per new buyer', async () => {
    const { incrementalResult } = await import('../../src/sim/results/incremental');
    const { compileScenario } = await import('../../src/scenario/compile');
    const { doNothing } = await import('../../src/scenario/variants');
    const { paired, band } = await import('../../src/planner/jobs');
    const s = market();
    const c = compileScenario(s);
    const cb = compileScenario(doNothing(s));
    const plan = runAll(c);
    const base = runAll(cb);
    const dash = incrementalResult(plan, base, c.margin, 'do nothing');
    const per = paired(await runMcJob({ kind: 'mc', label: 'p', scenario: s, overrides: {} }, async () => plan), await runMcJob({ kind: 'mc', label: 'b', scenario: doNothing(s), overrides: {} }, async () => base));
    const pairs: Array<[string, keyof typeof dash]> = [
      ['incremental.gmv', 'gmv'],
      ['incremental.margin', 'margin'],
      ['incremental.cost', 'cost'],
      ['incremental.roi', 'roi'],
      ['incremental.marginRoi', 'marginRoi'],
      ['incremental.newBuyers', 'newBuyers'],
      ['incremental.costPerNewBuyer', 'costPerNewBuyer'],
      ['incremental.r5', 'r5'],
      ['incremental.assets', 'assets'],
    ];
    for (const [k, d] of pairs) {
      const want = dash[d] as { mean: number; p05: number; p95: number } | null;
      expect(want, k).not.toBeNull();
      const got = band(per[k]!)!;
      expect(got.mean, k).toBeCloseTo(want!.mean, 2);
      expect(got.p95, k).toBeCloseTo(want!.p95, 2);
    }
  });
});
