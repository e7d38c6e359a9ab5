import { describe, expect, it } from 'vitest';
import { incrementalFigure, incrementalResult, withIncremental } from '../../src/sim/results/incremental';
import type { IncrementalResult } from '../../src/sim/results/incremental';
import type { SimulationResult } from '../../src/sim/results/result';
import { uncertaintyResult } from '../../src/sim/results/uncertainty';
import { digestBuffers, sliceRuns } from '../../src/sim/batch';
import type { RunDigest } from '../../src/sim/results/digest';
import { rankDrivers } from '../../src/sim/results/drivers';
import type { Summary } from '../../src/sim/results/summary';
import type { EngineConfig } from '../../src/sim/config';

/**
 * The plan's effect (plan minus do-nothing, run by run) on made-up summaries of 4 runs, every figure worked out by
 * hand. Run by run: ΔGMV 50, 0, 200, 300; cost 10, 0, 20, 40; Δ first purchases 4, −2, 0, 4.
 */
const fake = (figs: Record<string, number[]>) => ({ added: 4, figure: (k: string) => Float64Array.from(figs[k]!) }) as unknown as Summary;
const plan = fake({ 'R.gmv': [100, 200, 300, 400], 'R.cost': [10, 0, 20, 40], 'R.newBuyers': [5, 0, 3, 4], 'T.count.R5': [1, 2, 3, 4], 'S.assetsEnd': [10, 10, 10, 10], 'R.roi': [10, NaN, 15, 10] });
const base = fake({ 'R.gmv': [50, 200, 100, 100], 'R.cost': [0, 0, 0, 0], 'R.newBuyers': [1, 2, 3, 0], 'T.count.R5': [0, 0, 0, 0], 'S.assetsEnd': [5, 5, 5, 5], 'R.roi': [NaN, NaN, NaN, NaN] });

describe('incrementalResult: the plan minus doing nothing, run by run', () => {
  it('differences, the margin, and ratios per run (runs with no cost or no new buyer left out)', () => {
    const r = incrementalResult(plan, base, 0.4, 'base');
    expect(r.baseline).toBe('base');
    expect(r.runs).toBe(4);
    expect(r.gmv!.mean).toBe(137.5);
    expect(r.margin!.mean).toBe(55); // 0.4 × 137.5
    expect(r.cost!.mean).toBe(17.5);
    expect(r.assets).toMatchObject({ mean: 5, sd: 0, ci90: [5, 5] });
    expect(r.newBuyers!.mean).toBe(1.5);
    // ROI 5, –, 10, 7.5; margin ROI 2, –, 4, 3; cost per new buyer 2.5, –, –, 10.
    expect(r.roi!.mean).toBe(7.5);
    expect(r.roi!.p05).toBeCloseTo(5.25, 10);
    expect(r.marginRoi!.mean).toBe(3);
    expect(r.costPerNewBuyer!.mean).toBe(6.25);
    // R5: 1, 2, 3, 4: mean 2.5, sd √(5/3); 90 % interval ± t(0.95, 3 df) = 2.353363 × sd/√4.
    const h = (2.353363 * Math.sqrt(5 / 3)) / 2;
    // (the code approximates t to about 10⁻⁴: 2.3530)
    expect(r.r5!.ci90![0]).toBeCloseTo(2.5 - h, 3);
    expect(r.r5!.ci90![1]).toBeCloseTo(2.5 + h, 3);
  });

  it('no margin: no margin figures; different numbers of runs cannot be paired', () => {
    const r = incrementalResult(plan, base, null, 'base');
    expect(r.margin).toBeNull();
    expect(r.marginRoi).toBeNull();
    expect(() => incrementalResult(plan, { ...base, added: 3 } as unknown as Summary, null, 'b')).toThrow(/cannot pair 4 plan runs with 3 baseline runs/);
  });
});

describe('incrementalFigure: runs without a value are left out, of the interval too', () => {
  it('1, 2, 3 and a run without a value: mean 2, sd 1, 90 % interval of the mean 2 ± t(0.95; 2 df)·1/√3 (t = 2.919986)', () => {
    const f = incrementalFigure([1, NaN, 2, 3])!;
    expect(f).toMatchObject({ mean: 2, sd: 1, p50: 2 });
    const h = 2.919986 / Math.sqrt(3);
    expect(f.ci90![0]).toBeCloseTo(2 - h, 3);
    expect(f.ci90![1]).toBeCloseTo(2 + h, 3);
  });

  it('no run with a value: no figure at all (null, not an empty one)', () => {
    expect(incrementalFigure([NaN, Infinity, -Infinity])).toBeNull();
    expect(incrementalFigure([])).toBeNull();
    // One value: a figure, with no interval of its mean.
    expect(incrementalFigure([NaN, 4])).toMatchObject({ mean: 4, ci90: null });
  });
});

describe('withIncremental', () => {
  it('puts the plan’s effect just before the totals, replacing an older one, and keeps everything else in order', () => {
    const inc = { baseline: 'new' } as unknown as IncrementalResult;
    const r = withIncremental({ meta: 1, totals: 2, incremental: { baseline: 'old' }, star: 3 } as unknown as SimulationResult, inc);
    expect(Object.keys(r)).toEqual(['meta', 'incremental', 'totals', 'star']);
    expect(r.incremental).toBe(inc);
    expect((r as unknown as Record<string, number>).star).toBe(3);
  });
});

describe('uncertaintyResult with a do-nothing baseline', () => {
  it('adds the plan’s effect to the headline figures, per run, in both bands; nothing when no parameter is drawn', () => {
    const none = { assumptions: [] } as unknown as EngineConfig;
    expect(uncertaintyResult(none, plan, base, plan, base)).toEqual({ drawn: 0, figures: {}, drivers: {} });
    // A config with no list of assumptions at all (the field is optional) draws nothing either.
    expect(uncertaintyResult({} as EngineConfig, plan, base, plan, base)).toEqual({ drawn: 0, figures: {}, drivers: {} });
    const drawn = { seed: '1', assumptions: [{ path: 'baseline.repeat', label: { en: 'r', zh: 'r' }, low: 0, mode: 0.5, high: 1 }] } as unknown as EngineConfig;
    // The noise-only twins: the plan gains 1 more per run than with the draws.
    const planNoise = fake({ ...Object.fromEntries(['R.gmv', 'R.cost', 'T.count.R5', 'S.assetsEnd', 'R.roi'].map((k) => [k, [0, 0, 0, 0]])), 'R.gmv': [101, 201, 301, 401], 'R.cost': [10, 0, 20, 40] });
    const u = uncertaintyResult(drawn, plan, base, planNoise, base);
    expect(u.drawn).toBe(1);
    expect(u.figures['incremental.gmv']!.assumptions!.mean).toBe(137.5); // 50, 0, 200, 300
    expect(u.figures['incremental.gmv']!.noise!.mean).toBe(138.5);
    expect(u.figures['incremental.assets']!.assumptions!.mean).toBe(5);
    expect(u.figures['incremental.r5']!.assumptions!.mean).toBe(2.5);
    expect(u.figures['incremental.roi']!.assumptions!.mean).toBe(7.5); // 5, –, 10, 7.5
    expect(u.figures['R.gmv']!.assumptions!.mean).toBe(250);
    expect(Object.keys(u.drivers)).toEqual(['gmv', 'assets', 'r5']);
  });
});

describe('uncertaintyResult shows at most 12 drivers per figure', () => {
  it('13 drawn parameters: the 12 strongest of the ranking, the weakest left out', () => {
    const range = (k: number) => ({ path: `tactics[t${k}].cpm`, label: { en: `p${k}`, zh: `p${k}` }, low: 0, mode: 0.5, high: 1 });
    const c = { seed: '1', assumptions: Array.from({ length: 13 }, (_, k) => range(k)) } as unknown as EngineConfig;
    const six = { added: 6, figure: () => Float64Array.from([3, 1, 4, 1, 5, 9]) } as unknown as Summary;
    const u = uncertaintyResult(c, six, null, six, null);
    const all = rankDrivers(c, [3, 1, 4, 1, 5, 9]);
    expect(all).toHaveLength(13);
    expect(u.drivers.gmv!.map((d) => d.path)).toEqual(all.slice(0, 12).map((d) => d.path));
    expect(u.drivers.assets).toHaveLength(12);
  });
});

describe('sliceRuns: contiguous, even slices of the runs, one per worker', () => {
  it('splits 10 runs among 3 workers as 0–3, 3–6, 6–10, and never makes more slices than runs', () => {
    expect(sliceRuns(10, 3)).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
    expect(sliceRuns(2, 8)).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(sliceRuns(5, 0)).toEqual([[0, 5]]);
    expect(sliceRuns(0, 4)).toEqual([]);
  });
});

describe('digestBuffers: what a worker hands over instead of copying', () => {
  it('every buffer of a digest once (a buffer listed twice cannot be transferred), and transferring them moves the data', () => {
    // Twelve arrays; tiers and orders are two views of one buffer, as a digest's arrays may be.
    const shared = new Float32Array(6);
    const f32 = (k: number) => Float32Array.from({ length: 3 }, (_, i) => k + i);
    const f64 = (k: number) => Float64Array.from({ length: 3 }, (_, i) => k + i);
    const d = {
      run: 0,
      figures: f64(1),
      tiers: new Float32Array(shared.buffer, 0, 3),
      orders: new Float32Array(shared.buffer, 12, 3),
      firstPurchases: f32(4),
      gmv: f32(5),
      cost: f32(6),
      weeklyNewAssets: f32(7),
      weeklyRates: f32(8),
      weeklyGmvByTier: f64(9),
      moves: f64(10),
      causeMoves: f64(11),
      causeCost: f64(12),
    } as unknown as RunDigest;
    d.orders[2] = 42;
    const buffers = digestBuffers(d);
    expect(buffers).toHaveLength(11);
    expect(new Set(buffers).size).toBe(11);
    expect(buffers.every((b) => b instanceof ArrayBuffer)).toBe(true);
    const moved = structuredClone(d, { transfer: buffers });
    // The sender's arrays are emptied (detached), the receiver's hold the data.
    expect(d.figures.length).toBe(0);
    expect(d.causeCost.length).toBe(0);
    expect(Array.from(moved.figures)).toEqual([1, 2, 3]);
    expect(Array.from(moved.causeCost)).toEqual([12, 13, 14]);
    expect(moved.orders[2]).toBe(42);
  });
});

