import { describe, expect, it } from 'vitest';
import { config, runAll, tacticMarket } from '../helpers';
import { rankConflicts, tacticValues } from '../../src/sim/results/contributions';
import {
  cycleDesign,
  designSubsets,
  exactShapley,
  figureOf,
  meanFieldFigures,
  MEAN_FIELD_MAX_TACTICS,
  orderShapley,
  planShapley,
  SHAPLEY_KEYS,
  shapleyPerRun,
  shapleyReport,
  shapleySubsetCount,
  shapleyWeights,
  subsetConfig,
} from '../../src/sim/results/shapley';
import type { EngineConfig } from '../../src/sim/config';
import { runMeanField } from '../../src/sim/projection/meanfield';
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

/** Every order of 0 … n−1 (Heap's algorithm would do; plain recursion is clearer). */
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const p of permutations(n - 1)) for (let i = 0; i <= p.length; i++) out.push([...p.slice(0, i), n - 1, ...p.slice(i)]);
  return out;
}

/** The textbook definition, independent of shapley.ts: each player's marginal change averaged over all n! orders. */
function bruteShapley(n: number, v: (mask: number) => number): number[] {
  const phi = new Array<number>(n).fill(0);
  const orders = permutations(n);
  for (const o of orders) {
    let m = 0;
    for (const k of o) {
      phi[k]! += v(m | (1 << k)) - v(m);
      m |= 1 << k;
    }
  }
  return phi.map((x) => x / orders.length);
}

/** A fixed pseudo-random game (its own LCG, not the engine's Rng) with v(∅) ≠ 0, so a value that forgets v(∅) shows. */
function randomGame(n: number, seed: number): (mask: number) => number {
  let x = seed;
  const vals = Array.from({ length: 1 << n }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return Math.round((x / 2147483648) * 2000 - 500) / 10;
  });
  return (m) => vals[m]!;
}

const bit = (m: number, k: number) => (m >> k) & 1;

describe('Shapley values against all n! orders, on hand-made games', () => {
  it('weights |S|!(n−|S|−1)!/n! by hand', () => {
    expect(shapleyWeights(1)).toEqual([1]);
    expect(shapleyWeights(2)).toEqual([0.5, 0.5]);
    expect(shapleyWeights(3).map((w) => w * 6)).toEqual([2, 1, 2].map((x) => expect.closeTo(x, 14)));
    expect(shapleyWeights(4).map((w) => w * 12)).toEqual([3, 1, 1, 3].map((x) => expect.closeTo(x, 14)));
    expect(shapleyWeights(5).map((w) => w * 20)).toEqual([4, 1, 2 / 3, 1, 4].map((x) => expect.closeTo(x, 14)));
  });

  it('exact values equal the mean marginal change over every order (n = 1 … 5), and add up to v(N) − v(∅)', () => {
    for (const n of [1, 2, 3, 4, 5]) {
      const v = randomGame(n, 17 * n + 3);
      const phi = exactShapley(n, v);
      const want = bruteShapley(n, v);
      expect(phi).toHaveLength(n);
      phi.forEach((x, k) => expect(x, `n = ${n}, player ${k}`).toBeCloseTo(want[k]!, 10));
      expect(phi.reduce((s, x) => s + x, 0)).toBeCloseTo(v((1 << n) - 1) - v(0), 10);
      // Walking all n! orders is the same estimate.
      orderShapley(n, permutations(n), v).forEach((x, k) => expect(x).toBeCloseTo(want[k]!, 10));
    }
  });

  it('null player 0, symmetric players equal, additive in the game', () => {
    // Player 2 never changes anything; players 0 and 1 are interchangeable; v(∅) = 5.
    const v = (m: number) => 5 + 7 * (bit(m, 0) + bit(m, 1)) + 11 * bit(m, 0) * bit(m, 1) + 3 * bit(m, 3) + 2 * bit(m, 0) * bit(m, 3);
    const phi = exactShapley(4, v);
    expect(phi[2]).toBe(0);
    expect(phi[0]).toBeCloseTo(7 + 11 / 2 + 1, 12); // own 7, half the pair's 11, half the 0–3 interaction
    expect(phi[1]).toBeCloseTo(7 + 11 / 2, 12);
    expect(phi[3]).toBeCloseTo(3 + 1, 12);
    const w = randomGame(4, 99);
    const u = randomGame(4, 7);
    const sum = exactShapley(4, (m) => w(m) + 2 * u(m));
    const [a, b] = [exactShapley(4, w), exactShapley(4, u)];
    sum.forEach((x, k) => expect(x).toBeCloseTo(a[k]! + 2 * b[k]!, 10));
  });

  it('one order gives each tactic its marginal change in that order, from v(∅); several orders are averaged', () => {
    const v = (m: number) => [3, 5, 7, 20, 1, 9, 4, 40][m]!;
    // Order 2, 0, 1: v({2}) − v(∅) = −2, v({0,2}) − v({2}) = 8, v(N) − v({0,2}) = 31.
    expect(orderShapley(3, [[2, 0, 1]], v)).toEqual([8, 31, -2]);
    // Order 1, 0, 2: 7 − 3 = 4 for 1, 20 − 7 = 13 for 0, 40 − 20 = 20 for 2; averaged with the first.
    expect(orderShapley(3, [[2, 0, 1], [1, 0, 2]], v)).toEqual([10.5, 17.5, 9]);
  });

  it('per run: exact weights and the orders’ marginal changes, run by run (three runs)', () => {
    const games = [randomGame(3, 1), randomGame(3, 2), randomGame(3, 3)];
    const v = (m: number) => Float64Array.from(games, (g) => g(m));
    const exact = shapleyPerRun(3, { method: 'exact', orders: [] }, v, 3);
    const walked = shapleyPerRun(3, { method: 'permutations', orders: [[1, 2, 0]] }, v, 3);
    const twice = shapleyPerRun(3, { method: 'permutations', orders: [[1, 2, 0], [0, 1, 2]] }, v, 3);
    for (let r = 0; r < 3; r++) {
      const g = games[r]!;
      const want = bruteShapley(3, g);
      for (let k = 0; k < 3; k++) expect(exact[k]![r]).toBeCloseTo(want[k]!, 10);
      const one = [g(7) - g(6), g(2) - g(0), g(6) - g(2)];
      const other = [g(1) - g(0), g(3) - g(1), g(7) - g(3)];
      for (let k = 0; k < 3; k++) {
        expect(walked[k]![r]).toBeCloseTo(one[k]!, 10);
        expect(twice[k]![r]).toBeCloseTo((one[k]! + other[k]!) / 2, 10);
      }
    }
  });

  it('the cycle design and its subsets, by hand', () => {
    expect(cycleDesign([2, 0, 1])).toEqual([
      [2, 0, 1],
      [1, 0, 2],
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
      [0, 2, 1],
    ]);
    // One order's prefixes, plus ∅ and N: {1}, {1,0}, {1,0,2}.
    expect(designSubsets([[1, 0, 2]], 3)).toEqual([0, 2, 3, 7]);
    expect(designSubsets([[3, 1]], 4)).toEqual([0, 8, 10, 15]);
    // 2ⁿ up to three tactics (only the empty set without tactics), n(n − 1) + 2 beyond.
    expect([0, 1, 2, 3, 4, 5, 6].map(shapleySubsetCount)).toEqual([1, 2, 4, 8, 14, 22, 32]);
    for (const n of [4, 5, 6]) expect(designSubsets(cycleDesign(Array.from({ length: n }, (_, i) => i)), n)).toHaveLength(shapleySubsetCount(n));
  });

  it('a subset keeps the tactics whose bits are set, in order, and nothing else changes', () => {
    const c = config({ tactics: [ads, content, live] });
    expect(subsetConfig(c, 0b101).tactics.map((t) => t.id)).toEqual(['ads', 'live']);
    expect(subsetConfig(c, 0b010).tactics.map((t) => t.id)).toEqual(['content']);
    expect(subsetConfig(c, 0).tactics).toEqual([]);
    expect({ ...subsetConfig(c, 0b110), tactics: c.tactics }).toEqual(c);
  });

  it('a figure across runs: non-finite runs left out of the mean and of the interval’s n', () => {
    const f = figureOf(Float64Array.from([1, NaN, 3, Infinity, 5]));
    expect(f.value!.mean).toBe(3);
    expect(f.value!.sd).toBe(2);
    // t(0.95; 2) = 2.919986: 3 ± 2.919986·2/√3.
    expect(f.ci90![0]).toBeCloseTo(3 - (2.919986 * 2) / Math.sqrt(3), 4);
    expect(f.ci90![1]).toBeCloseTo(3 + (2.919986 * 2) / Math.sqrt(3), 4);
    expect(figureOf(Float64Array.from([4, NaN])).ci90).toBeNull();
    expect(figureOf(Float64Array.from([NaN])).value).toBeNull();
    expect(figureOf(Float64Array.from([NaN])).ci90).toBeNull();
  });
});

describe('the Shapley report and plan, on hand-made figures', () => {
  const two = () => config({ tactics: [ads, content] });
  /** GMV v = 100·[0] + 40·[1] + 20·[0 and 1] + 1000 (paid for by 0 only: cost 50·[0]), doubled in run 1. */
  const table = (m: number, r: number) => {
    const gmv = (1000 + 100 * bit(m, 0) + 40 * bit(m, 1) + 20 * bit(m, 0) * bit(m, 1)) * (1 + r);
    const cost = 50 * bit(m, 0) * (1 + r);
    return Object.fromEntries(SHAPLEY_KEYS.map((k) => [k, k === 'R.gmv' ? gmv : k === 'R.cost' ? cost : k === 'S.assetsEnd' ? m + r : 0]));
  };
  const figures = (n: number) => new Map(Array.from({ length: 1 << n }, (_, m) => [m, Object.fromEntries(SHAPLEY_KEYS.map((k) => [k, Float64Array.from([0, 1], (r) => table(m, r)[k]!)]))]));

  it('values, totals and ROI by hand (exact, two tactics, two runs)', () => {
    const c = { ...two(), margin: 0.3 };
    const mf = [{ 'R.gmv': 1 }, { 'R.gmv': 2 }] as Array<Record<string, number>>;
    const rep = shapleyReport(c, { method: 'exact', orders: [], subsets: [0, 1, 2, 3], meanField: mf, meanFieldDesign: mf }, figures(2), 2);
    expect([rep.method, rep.orders, rep.subsets, rep.runs]).toEqual(['exact', 0, 4, 2]);
    // GMV: tactic 0 gets 100 + 10, tactic 1 gets 40 + 10 (run 0); doubled in run 1: means 165 and 75.
    expect(rep.tactics.map((t) => t.values['R.gmv']!.value!.mean)).toEqual([165, 75]);
    expect(rep.tactics.map((t) => t.values['R.cost']!.value!.mean)).toEqual([75, 0]);
    expect(rep.total['R.gmv']!.value!.mean).toBe(240); // (160 + 320) / 2
    expect(rep.total['R.cost']!.value!.mean).toBe(75);
    expect(rep.total['S.assetsEnd']!.value!.mean).toBe(3); // v(N) − v(∅) = 3 in both runs
    expect(rep.tactics.map((t) => [t.id, t.type])).toEqual([
      ['ads', 'ads'],
      ['content', 'content'],
    ]);
    expect(rep.tactics[0]!.roi).toBeCloseTo(165 / 75, 5);
    expect(rep.tactics[0]!.marginRoi).toBeCloseTo((0.3 * 165) / 75, 5);
    // Tactic 1 bears no cost: no ROI.
    expect(rep.tactics[1]!.roi).toBeNull();
    expect(rep.tactics[1]!.marginRoi).toBeNull();
    expect(rep.tactics.map((t) => t.meanField)).toEqual(mf);
    // Without a margin there is no margin ROI, and without mean-field values no mean-field estimate.
    const bare = shapleyReport({ ...c, margin: null }, { method: 'exact', orders: [], subsets: [0, 1, 2, 3], meanField: null, meanFieldDesign: null }, figures(2), 2);
    expect(bare.tactics[0]!.roi).toBeCloseTo(165 / 75, 5);
    expect(bare.tactics[0]!.marginRoi).toBeNull();
    expect(bare.tactics[0]!.meanField).toBeNull();
  });

  it('a tactic that lowers the cost has no ROI (its cost share is negative)', () => {
    const figs = figures(2);
    for (const [m, f] of figs) f['R.cost'] = Float64Array.from([0, 1], () => -10 * bit(m, 0));
    const rep = shapleyReport({ ...two(), margin: 0.3 }, { method: 'exact', orders: [], subsets: [0, 1, 2, 3], meanField: null, meanFieldDesign: null }, figs, 2);
    expect(rep.tactics[0]!.values['R.cost']!.value!.mean).toBe(-10);
    expect(rep.tactics[0]!.roi).toBeNull();
    expect(rep.tactics[0]!.marginRoi).toBeNull();
  });

  it('up to three tactics the plan is exact over all 2ⁿ subsets, with the mean field’s exact values', () => {
    const c = config({ tactics: [ads, content, live] });
    const vals = Array.from({ length: 8 }, (_, m) => Object.fromEntries(SHAPLEY_KEYS.map((k) => [k, randomGame(3, 5)(m)])));
    const plan = planShapley(c, { meanFieldValues: vals });
    expect(plan.method).toBe('exact');
    expect(plan.orders).toEqual([]);
    expect(plan.subsets).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const want = bruteShapley(3, randomGame(3, 5));
    for (let k = 0; k < 3; k++) for (const key of SHAPLEY_KEYS) expect(plan.meanField![k]![key]).toBeCloseTo(want[k]!, 3);
    expect(plan.meanFieldDesign).toEqual(plan.meanField);
    // Asked for exact values with four tactics: all 16 subsets.
    const c4 = config({ tactics: [ads, content, live, guides] });
    const exact4 = planShapley(c4, { exact: true, meanField: false });
    expect([exact4.method, exact4.subsets]).toEqual(['exact', Array.from({ length: 16 }, (_, m) => m)]);
    expect(exact4.meanField).toBeNull();
  });

  it('without tactics, or beyond the mean field’s limit, no mean-field projection is made', () => {
    const none = planShapley(config({ tactics: [] }));
    expect([none.method, none.subsets, none.meanField]).toEqual(['exact', [0], null]);
    const many = Array.from({ length: MEAN_FIELD_MAX_TACTICS + 1 }, (_, i) => ({ ...content, id: `c${i}` }));
    const big = planShapley(config({ tactics: many }));
    expect(big.method).toBe('permutations');
    expect(big.meanField).toBeNull();
    expect(big.meanFieldDesign).toBeNull();
    expect(big.orders).toHaveLength(2 * many.length);
    expect(big.subsets).toHaveLength(shapleySubsetCount(many.length));
  });

  it('four tactics: of the cycle designs, the one closest to the exact mean-field values on GMV and assets is chosen', () => {
    const c = config({ tactics: [ads, content, live, guides] });
    // Pseudo-random games (interactions of every order, so that the three distinct cycle designs of four tactics
    // differ; pairwise interactions alone would leave every cycle design exact). GMV is 1000× larger than assets, so
    // each figure's error must be taken relative to its size (Σₖ|φₖ|): unscaled, or on GMV alone, the design 0-1-3-2
    // would be chosen; on assets alone 0-2-1-3; on both, relative, 0-1-3-2. (And on |d + φ| rather than |d − φ|, not
    // 0-1-3-2 either.)
    const g0 = randomGame(4, 5);
    const g = (m: number) => 1000 * g0(m);
    const a = randomGame(4, 14);
    const vals = Array.from({ length: 16 }, (_, m) => Object.fromEntries(SHAPLEY_KEYS.map((k) => [k, k === 'R.gmv' ? g(m) : k === 'S.assetsEnd' ? a(m) : 0])));
    const plan = planShapley(c, { meanFieldValues: vals });
    expect(plan.method).toBe('permutations');
    expect(plan.orders).toHaveLength(8);
    expect(plan.subsets).toEqual(designSubsets(plan.orders, 4));
    const [eg, ea] = [bruteShapley(4, g), bruteShapley(4, a)];
    const rel = (x: number, want: number) => expect(Math.abs(x - want)).toBeLessThanOrEqual(1e-5 * Math.abs(want) + 1e-9);
    plan.meanField!.forEach((x, k) => (rel(x['R.gmv']!, eg[k]!), rel(x['S.assetsEnd']!, ea[k]!)));
    const sq = (v: (m: number) => number, exact: number[], orders: number[][]) =>
      orderShapley(4, orders, v).reduce((s, x, k) => s + (x - exact[k]!) ** 2, 0) / exact.reduce((s, x) => s + Math.abs(x), 0) ** 2;
    const err = (orders: number[][]) => sq(g, eg, orders) + sq(a, ea, orders);
    // The three cycles of four up to rotation and direction.
    const cycles = [
      [0, 1, 2, 3],
      [0, 1, 3, 2],
      [0, 2, 1, 3],
    ].map(cycleDesign);
    const errs = cycles.map(err);
    const argmin = (xs: number[]) => xs.indexOf(Math.min(...xs));
    expect(argmin(errs)).toBe(1);
    expect(argmin(cycles.map((o) => sq(g, eg, o)))).toBe(0);
    expect(argmin(cycles.map((o) => sq(a, ea, o)))).toBe(2);
    expect(err(plan.orders)).toBeCloseTo(errs[1]!, 12);
    const design = [orderShapley(4, plan.orders, g), orderShapley(4, plan.orders, a)];
    plan.meanFieldDesign!.forEach((x, k) => (rel(x['R.gmv']!, design[0]![k]!), rel(x['S.assetsEnd']!, design[1]![k]!)));
    // Under each of the 24 relabellings of the tactics, the best design is a different cycle of the tactics: the plan
    // follows it each time (a plan that kept one fixed candidate would be right for a third of them at most).
    for (const sigma of permutations(4)) {
      const relabel = (m: number) => sigma.reduce((r, to, from) => r | (bit(m, from) << to), 0);
      const [gs, as] = [(m: number) => g(relabel(m)), (m: number) => a(relabel(m))];
      const [egs, eas] = [bruteShapley(4, gs), bruteShapley(4, as)];
      const errS = (orders: number[][]) => sq(gs, egs, orders) + sq(as, eas, orders);
      const valsS = Array.from({ length: 16 }, (_, m) => vals[relabel(m)]!);
      const chosen = planShapley(c, { meanFieldValues: valsS }).orders;
      expect(errS(chosen), sigma.join('')).toBeCloseTo(Math.min(...cycles.map(errS)), 12);
    }
    // Without the mean field: the first candidate cycle, and no estimate.
    const blind = planShapley(c, { meanField: false });
    expect(blind.method).toBe('permutations');
    expect(blind.orders).toHaveLength(8);
    expect(blind.meanField).toBeNull();
    expect(blind.meanFieldDesign).toBeNull();
  });

  it('one tactic, and as many as the limit: the mean field is projected (its value alone is v({0}) − v(∅))', () => {
    const one = config({ days: 30, tactics: [ads] });
    const v = (m: number) => meanFieldFigures(runMeanField(subsetConfig(one, m)))['R.gmv']!;
    const phi = planShapley(one).meanField![0]!['R.gmv']!;
    expect(Math.abs(v(1) - v(0))).toBeGreaterThan(0);
    expect(Math.abs(phi - (v(1) - v(0)))).toBeLessThanOrEqual(1e-5 * Math.abs(v(1) - v(0)));
    const many = Array.from({ length: MEAN_FIELD_MAX_TACTICS }, (_, i) => ({ ...content, id: `c${i}` }));
    const limit = planShapley(config({ days: 10, tactics: many }));
    expect(limit.meanField).toHaveLength(MEAN_FIELD_MAX_TACTICS);
    expect(limit.meanFieldDesign).toHaveLength(MEAN_FIELD_MAX_TACTICS);
  });

  it('without values given, the plan projects all 2ⁿ subsets on the mean field itself', () => {
    const c = config({ days: 30, tactics: [ads, content, live] });
    const plan = planShapley(c);
    expect(plan.method).toBe('exact');
    for (const key of ['R.gmv', 'S.assetsEnd']) {
      const v = (m: number) => meanFieldFigures(runMeanField(subsetConfig(c, m)))[key]!;
      const want = bruteShapley(3, v);
      expect(Math.abs(want[0]!)).toBeGreaterThan(0);
      plan.meanField!.forEach((x, k) => expect(Math.abs(x[key]! - want[k]!), `${key} ${k}`).toBeLessThanOrEqual(1e-5 * Math.abs(want[k]!) + 1e-9));
    }
  });

  it('figures with no finite run: no value, no ROI, and no error', () => {
    const figs = figures(2);
    for (const f of figs.values()) f['R.gmv'] = Float64Array.from([NaN, NaN]);
    const rep = shapleyReport({ ...two(), margin: 0.3 }, { method: 'exact', orders: [], subsets: [0, 1, 2, 3], meanField: null, meanFieldDesign: null }, figs, 2);
    expect(rep.tactics[0]!.values['R.gmv']!.value).toBeNull();
    expect(rep.total['R.gmv']!.value).toBeNull();
    expect(rep.tactics[0]!.values['R.cost']!.value!.mean).toBe(75);
    for (const f of figs.values()) f['R.cost'] = Float64Array.from([NaN, NaN]);
    const none = shapleyReport({ ...two(), margin: 0.3 }, { method: 'exact', orders: [], subsets: [0, 1, 2, 3], meanField: null, meanFieldDesign: null }, figs, 2);
    expect(none.tactics[0]!.roi).toBeNull();
    expect(none.tactics[0]!.marginRoi).toBeNull();
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
