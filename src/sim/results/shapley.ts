import type { EngineConfig } from '../config';
import { meanFieldValues, type FigureKey } from './figures';
import { runMeanField, type MeanFieldResult } from '../projection/meanfield';
import { Rng } from '../step/rng';
import { meanCi90, round6, stat, type Stat } from './stats';

/**
 * Per-tactic value that adds up: Shapley values over a scenario's tactics.
 *
 * v(S) is a per-run figure (GMV, cost, assets…) of the scenario with only the tactics in S (the others removed; same
 * seed, same run indices, so common random numbers). Tactic k's Shapley value is the average, over every order in
 * which the tactics could be added, of what adding k changes:
 *   φₖ = Σ_{S ⊆ N∖{k}} |S|!(n−|S|−1)!/n! · [v(S ∪ {k}) − v(S)].
 * Per run they sum exactly (up to floating error) to v(N) − v(∅): the plan's incremental total. A tactic that changes
 * nothing gets 0 and symmetric tactics get the same value.
 *
 * Exact values need all 2ⁿ subsets. That is cheap on the mean field (used for an instant estimate and to choose the
 * Monte Carlo design) but too dear by Monte Carlo, which instead walks a few orders of the tactics (permutation
 * sampling) and reuses every subset it evaluates. Each order telescopes, so the per-run sum stays exact.
 */

/** Figures given a Shapley value: additive ones (a ratio such as ROI is not split; it is φ_GMV ÷ φ_cost). */
export const SHAPLEY_KEYS = [
  'R.gmv',
  'R.cost',
  'S.assetsEnd',
  'S.newAssets',
  'T.count.R3',
  'T.count.R4',
  'T.count.R5',
  'R.orders',
  'R.firstPurchases',
  'R.repeatPurchases',
] as const satisfies readonly FigureKey[];

/** Subsets are bit masks over the scenario's tactics: bit k set = tactic k kept. */
export function subsetConfig(config: EngineConfig, mask: number): EngineConfig {
  return { ...config, tactics: config.tactics.filter((_, k) => (mask >> k) & 1) };
}

/** |S|!(n−|S|−1)!/n! for |S| = 0 … n−1. */
export function shapleyWeights(n: number): number[] {
  const fact = (m: number) => {
    let f = 1;
    for (let i = 2; i <= m; i++) f *= i;
    return f;
  };
  return Array.from({ length: n }, (_, s) => (fact(s) * fact(n - s - 1)) / fact(n));
}

function popcount(m: number): number {
  let c = 0;
  for (; m; m &= m - 1) c++;
  return c;
}

/** Exact Shapley values of a set function over n players (v is called on every one of the 2ⁿ masks). */
export function exactShapley(n: number, v: (mask: number) => number): number[] {
  const w = shapleyWeights(n);
  const vals = Array.from({ length: 1 << n }, (_, m) => v(m));
  const phi = new Array<number>(n).fill(0);
  for (let k = 0; k < n; k++)
    for (let m = 0; m < 1 << n; m++) if (!((m >> k) & 1)) phi[k]! += w[popcount(m)]! * (vals[m | (1 << k)]! - vals[m]!);
  return phi;
}

/**
 * The Monte Carlo design for a cycle (an order of the tactics read round a circle): its n rotations, each walked in
 * both directions (2n orders). Every tactic then comes at every position exactly twice — first once each way (its
 * effect alone), last once each way (its removal effect) — and the prefixes are the cycle's arcs, so both
 * directions share them: n(n−1) + 2 subsets in all. For n ≤ 3 these are all the orders, so the design is exact.
 */
export function cycleDesign(cycle: number[]): number[][] {
  const n = cycle.length;
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const fwd = Array.from({ length: n }, (_, j) => cycle[(i + j) % n]!);
    out.push(fwd, [...fwd].reverse());
  }
  return out;
}

/** Subsets the default plan simulates (the full scenario and the empty one included): all 2ⁿ up to 3 tactics. */
export function shapleySubsetCount(n: number): number {
  return n <= 3 ? 2 ** n : n * (n - 1) + 2;
}

/** Every subset a set of orders visits (their prefixes, the empty and the full set included), ascending. */
export function designSubsets(orders: number[][], n: number): number[] {
  const set = new Set<number>([0, (1 << n) - 1]);
  for (const o of orders) {
    let m = 0;
    for (const k of o) set.add((m |= 1 << k));
  }
  return [...set].sort((a, b) => a - b);
}

/** Permutation-sampling estimate over the given orders: each tactic's mean marginal change, for one value per mask. */
export function orderShapley(n: number, orders: number[][], v: (mask: number) => number): number[] {
  const phi = new Array<number>(n).fill(0);
  for (const o of orders) {
    let m = 0;
    let prev = v(0);
    for (const k of o) {
      m |= 1 << k;
      const cur = v(m);
      phi[k]! += cur - prev;
      prev = cur;
    }
  }
  return phi.map((x) => x / orders.length);
}

/** A random order of 0 … n−1 from a keyed stream (Fisher–Yates), so the design is deterministic. */
function keyedOrder(n: number, key: string): number[] {
  const rng = new Rng(key);
  const o = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [o[i], o[j]] = [o[j]!, o[i]!];
  }
  return o;
}

/** The mean field's value of each Shapley figure for one result (each figure declares it in figures.ts). */
export function meanFieldFigures(mf: MeanFieldResult): Record<string, number> {
  return meanFieldValues(SHAPLEY_KEYS, mf);
}

/** Exact Shapley on the mean field needs 2ⁿ projections: done up to this many tactics. */
export const MEAN_FIELD_MAX_TACTICS = 8;
/** Candidate cycles the mean field chooses from. */
const CANDIDATE_CYCLES = 24;

export interface ShapleyPlan {
  method: 'exact' | 'permutations';
  /** The orders walked (tactic indices); empty when exact. */
  orders: number[][];
  /** Subsets (masks) evaluated by Monte Carlo, the full scenario and the empty one included. */
  subsets: number[];
  /** Exact Shapley values on the mean field, per tactic, per figure; null beyond MEAN_FIELD_MAX_TACTICS. */
  meanField: Array<Record<string, number>> | null;
  /** The same on the chosen design (how far the design is from exact on the mean field). */
  meanFieldDesign: Array<Record<string, number>> | null;
}

/**
 * Choose what to evaluate. Exact (all 2ⁿ subsets) when asked, or when the cycle design would visit them all anyway
 * (n ≤ 3). Otherwise a cycle design: the mean field gives the exact values and, of CANDIDATE_CYCLES keyed random
 * cycles, the one whose design comes closest to them on GMV and assets is used. `meanField` can be turned off
 * (the first candidate cycle is used then); `meanFieldValues` passes the 2ⁿ projections' figures computed elsewhere
 * (the app runs them in a worker), indexed by mask.
 */
export function planShapley(
  config: EngineConfig,
  opts: { exact?: boolean; meanField?: boolean; meanFieldValues?: Array<Record<string, number>> | null } = {},
): ShapleyPlan {
  const n = config.tactics.length;
  const all = Array.from({ length: 1 << n }, (_, m) => m);
  let mfVals: Array<Record<string, number>> | null = opts.meanFieldValues ?? null;
  if (!mfVals && opts.meanField !== false && n >= 1 && n <= MEAN_FIELD_MAX_TACTICS) {
    mfVals = all.map((m) => meanFieldFigures(runMeanField(subsetConfig(config, m))));
  }
  const mfShapley = (orders: number[][] | null) =>
    mfVals
      ? (() => {
          const per = SHAPLEY_KEYS.map((key) => (orders ? orderShapley(n, orders, (m) => mfVals![m]![key]!) : exactShapley(n, (m) => mfVals![m]![key]!)));
          return Array.from({ length: n }, (_, k) => Object.fromEntries(SHAPLEY_KEYS.map((key, i) => [key, round6(per[i]![k]!)])));
        })()
      : null;
  const exactMf = mfShapley(null);
  if (opts.exact || n <= 3) return { method: 'exact', orders: [], subsets: all, meanField: exactMf, meanFieldDesign: exactMf };
  const candidates = Array.from({ length: mfVals ? CANDIDATE_CYCLES : 1 }, (_, i) => keyedOrder(n, `${config.seed}/shapley/cycle-${i}`));
  let best = candidates[0]!;
  if (mfVals && exactMf) {
    let bestErr = Infinity;
    for (const c of candidates) {
      const d = mfShapley(cycleDesign(c))!;
      let err = 0;
      for (const key of ['R.gmv', 'S.assetsEnd']) {
        const scale = exactMf.reduce((s, x) => s + Math.abs(x[key]!), 0) || 1;
        for (let k = 0; k < n; k++) err += ((d[k]![key]! - exactMf[k]![key]!) / scale) ** 2;
      }
      if (err < bestErr) [best, bestErr] = [c, err];
    }
  }
  const orders = cycleDesign(best);
  return { method: 'permutations', orders, subsets: designSubsets(orders, n), meanField: exactMf, meanFieldDesign: mfShapley(orders) };
}

/** One figure of one tactic's Shapley value across runs. */
export interface ShapleyFigure {
  /** φ per run, summarised: mean, sd and the 5–95 % spread across runs. */
  value: Stat | null;
  /** Confidence in the mean: mean ± t·sd/√n over runs (Student's t; paired: every subset ran on the same seeds). */
  ci90: [number, number] | null;
}

export interface TacticShapley {
  id: string;
  type: string;
  values: Record<string, ShapleyFigure>;
  /** Incremental ROI: φ_GMV ÷ φ_cost (means), null when the tactic's share of the cost is not positive. */
  roi: number | null;
  /** Margin ROI: margin × φ_GMV ÷ φ_cost, null without a margin or a positive cost share. */
  marginRoi: number | null;
  /** Exact Shapley values on the mean field (the instant estimate), or null. */
  meanField: Record<string, number> | null;
}

export interface ShapleyReport {
  method: 'exact' | 'permutations';
  /** Orders walked (2n for the cycle design), 0 when exact. */
  orders: number;
  /** Subsets simulated by Monte Carlo, the full scenario and the one without tactics included. */
  subsets: number;
  runs: number;
  /** The plan's incremental total per figure, v(all) − v(none), which the tactics' values add up to run by run. */
  total: Record<string, ShapleyFigure>;
  tactics: TacticShapley[];
}

export function figureOf(values: Float64Array): ShapleyFigure {
  const s = stat(values);
  let valid = 0;
  for (const x of values) if (Number.isFinite(x)) valid++;
  return { value: s, ci90: s ? meanCi90(s.mean, s.sd, valid) : null };
}

/**
 * Per-run Shapley values from per-run figures of the evaluated subsets (`figures.get(mask)[key][run]`): exact
 * weights when every subset is there, else the mean marginal change over the plan's orders.
 */
export function shapleyPerRun(n: number, plan: Pick<ShapleyPlan, 'method' | 'orders'>, v: (mask: number) => Float64Array, runs: number): Float64Array[] {
  const phi = Array.from({ length: n }, () => new Float64Array(runs));
  if (plan.method === 'exact') {
    const w = shapleyWeights(n);
    for (let k = 0; k < n; k++)
      for (let m = 0; m < 1 << n; m++) {
        if ((m >> k) & 1) continue;
        const hi = v(m | (1 << k));
        const lo = v(m);
        const wk = w[popcount(m)]!;
        for (let r = 0; r < runs; r++) phi[k]![r]! += wk * (hi[r]! - lo[r]!);
      }
    return phi;
  }
  for (const o of plan.orders) {
    let m = 0;
    let prev = v(0);
    for (const k of o) {
      m |= 1 << k;
      const cur = v(m);
      for (let r = 0; r < runs; r++) phi[k]![r]! += cur[r]! - prev[r]!;
      prev = cur;
    }
  }
  for (const p of phi) for (let r = 0; r < runs; r++) p[r]! /= plan.orders.length;
  return phi;
}

/** Build the report from the plan and the evaluated subsets' per-run figures. */
export function shapleyReport(config: EngineConfig, plan: ShapleyPlan, figures: Map<number, Record<string, Float64Array>>, runs: number): ShapleyReport {
  const n = config.tactics.length;
  const full = (1 << n) - 1;
  const per: Record<string, Float64Array[]> = {};
  for (const key of SHAPLEY_KEYS) per[key] = shapleyPerRun(n, plan, (m) => figures.get(m)![key]!, runs);
  const total: Record<string, ShapleyFigure> = {};
  for (const key of SHAPLEY_KEYS) {
    const a = figures.get(full)![key]!;
    const b = figures.get(0)![key]!;
    total[key] = figureOf(a.map((x, r) => x - b[r]!));
  }
  const tactics = config.tactics.map((t, k): TacticShapley => {
    const values: Record<string, ShapleyFigure> = {};
    for (const key of SHAPLEY_KEYS) values[key] = figureOf(per[key]![k]!);
    const g = values['R.gmv']!.value?.mean ?? 0;
    const c = values['R.cost']!.value?.mean ?? 0;
    const roi = c > 0 ? round6(g / c) : null;
    const marginRoi = c > 0 && config.margin !== null ? round6((config.margin * g) / c) : null;
    return { id: t.id, type: t.type, values, roi, marginRoi, meanField: plan.meanField?.[k] ?? null };
  });
  return { method: plan.method, orders: plan.orders.length, subsets: plan.subsets.length, runs, total, tactics };
}
