import type { MeanFieldResult } from '../sim/meanfield';
import type { Summary } from '../sim/summary';
import { round6 } from '../sim/stats';

/**
 * The figures the planner sweeps, ranks, seeks and optimises, per run (Monte Carlo) or expected (mean field).
 * Totals include what happens anyway; `incremental.*` are the plan minus its do-nothing baseline on the same seeds
 * (src/sim/incremental.ts). Units: gmv, margin, profit and cost in yuan over the horizon; r5 and assets in real people
 * at the end of the horizon; roi a ratio (ΔGMV ÷ cost).
 */
export const TOTAL_FIGURES = ['gmv', 'assets', 'r5', 'cost', 'orders', 'firstPurchases', 'r1', 'r2', 'r3', 'r4'] as const;
export const INCREMENTAL_FIGURES = [
  'incremental.gmv',
  'incremental.margin',
  'incremental.profit',
  'incremental.r5',
  'incremental.assets',
  'incremental.roi',
  'incremental.orders',
  'incremental.firstPurchases',
] as const;
export const FIGURES = [...TOTAL_FIGURES, ...INCREMENTAL_FIGURES] as const;
export type FigureKey = (typeof FIGURES)[number];

export const FIGURE_UNITS: Record<FigureKey, string> = {
  gmv: 'yuan (total over the horizon)',
  assets: 'people (crowd assets R1–R5 at the end, total)',
  r5: 'people (R5 at the end, total)',
  cost: 'yuan (the plan’s cost over the horizon)',
  orders: 'orders over the horizon (total)',
  firstPurchases: 'people (first purchases: entries into R4 from below, total)',
  r1: 'people (R1 at the end, total)',
  r2: 'people (R2 at the end, total)',
  r3: 'people (R3 at the end, total)',
  r4: 'people (R4 at the end, total)',
  'incremental.gmv': 'yuan (ΔGMV vs do nothing)',
  'incremental.margin': 'yuan (margin × ΔGMV vs do nothing, before the plan’s cost)',
  'incremental.profit': 'yuan (margin × ΔGMV − the plan’s cost)',
  'incremental.r5': 'people (ΔR5 at the end vs do nothing)',
  'incremental.assets': 'people (Δ crowd assets at the end vs do nothing)',
  'incremental.roi': 'ratio (ΔGMV ÷ the plan’s cost)',
  'incremental.orders': 'orders (Δ orders vs do nothing)',
  'incremental.firstPurchases': 'people (Δ first purchases vs do nothing)',
};

/** Margin share used when the scenario sets none: incremental margin and profit then equal ΔGMV and ΔGMV − cost. */
function marginOf(m: number | null): number {
  return m ?? 1;
}

interface Totals {
  gmv: number;
  assets: number;
  r5: number;
  cost: number;
  orders: number;
  firstPurchases: number;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
}

const TIER_KEYS = ['r1', 'r2', 'r3', 'r4'] as const;

function derive(plan: Totals, base: Totals | null, margin: number | null): Partial<Record<FigureKey, number>> {
  const out: Partial<Record<FigureKey, number>> = { gmv: plan.gmv, assets: plan.assets, r5: plan.r5, cost: plan.cost, orders: plan.orders, firstPurchases: plan.firstPurchases };
  for (const k of TIER_KEYS) out[k] = plan[k];
  if (base) {
    const dGmv = plan.gmv - base.gmv;
    const cost = plan.cost - base.cost;
    out['incremental.gmv'] = dGmv;
    out['incremental.margin'] = marginOf(margin) * dGmv;
    out['incremental.profit'] = marginOf(margin) * dGmv - cost;
    out['incremental.r5'] = plan.r5 - base.r5;
    out['incremental.assets'] = plan.assets - base.assets;
    out['incremental.roi'] = cost > 0 ? dGmv / cost : NaN;
    out['incremental.orders'] = plan.orders - base.orders;
    out['incremental.firstPurchases'] = plan.firstPurchases - base.firstPurchases;
  }
  return out;
}

function mfTotals(mf: MeanFieldResult): Totals {
  const days = mf.meta.days;
  const end = (t: string) => mf.tiers[t]![days]!;
  return { gmv: mf.totals.gmv, assets: mf.totals.assetsEnd, r5: end('R5'), cost: mf.totals.cost, orders: mf.totals.orders, firstPurchases: mf.totals.firstPurchases, r1: end('R1'), r2: end('R2'), r3: end('R3'), r4: end('R4') };
}

/** Expected figures from mean-field projections of the plan and (optionally) its do-nothing baseline. */
export function meanFieldFigures(plan: MeanFieldResult, base: MeanFieldResult | null, margin: number | null): Partial<Record<FigureKey, number>> {
  const out = derive(mfTotals(plan), base && mfTotals(base), margin);
  for (const k of Object.keys(out) as FigureKey[]) out[k] = Number.isFinite(out[k]!) ? round6(out[k]!) : NaN;
  return out;
}

/** One run's (or the expectation's) totals: GMV and cost in yuan, assets and R5 in real people at the end. */
export interface RunTotals {
  gmv: number[];
  assets: number[];
  r5: number[];
  cost: number[];
  orders: number[];
  firstPurchases: number[];
  r1: number[];
  r2: number[];
  r3: number[];
  r4: number[];
}

/** The Summary figure behind each per-run total. */
const SUMMARY_KEYS: Record<keyof RunTotals, string> = {
  gmv: 'R.gmv',
  assets: 'S.assetsEnd',
  r5: 'T.count.R5',
  cost: 'R.cost',
  orders: 'R.orders',
  firstPurchases: 'R.firstPurchases',
  r1: 'T.count.R1',
  r2: 'T.count.R2',
  r3: 'T.count.R3',
  r4: 'T.count.R4',
};

/** Per-run totals read back as a summary's figures (what a worker answers for a summary it ran elsewhere). */
export function totalsSource(t: RunTotals): { figure(key: string): ArrayLike<number> } {
  const byKey = new Map(Object.entries(SUMMARY_KEYS).map(([k, key]) => [key, t[k as keyof RunTotals]]));
  return { figure: (key) => byKey.get(key) ?? [] };
}

/** The totals of every run of a Monte Carlo summary. */
export function summaryTotals(s: { figure(key: string): ArrayLike<number> }): RunTotals {
  return Object.fromEntries(Object.entries(SUMMARY_KEYS).map(([k, key]) => [k, Array.from(s.figure(key), (v) => round6(v))])) as unknown as RunTotals;
}

/**
 * Per-run figures of a plan and (optionally) its baseline run on the same seeds: run r of each is paired, so each
 * incremental value is a paired difference. NaN where a figure is undefined (ROI without cost).
 */
export function pairRuns(plan: RunTotals, base: RunTotals | null, margin: number | null): Partial<Record<FigureKey, number[]>> {
  const n = plan.gmv.length;
  if (base && base.gmv.length !== n) throw new Error(`cannot pair ${n} plan runs with ${base.gmv.length} baseline runs`);
  const at = (t: RunTotals, i: number): Totals => Object.fromEntries(Object.keys(SUMMARY_KEYS).map((k) => [k, t[k as keyof RunTotals][i] ?? NaN])) as unknown as Totals;
  const out: Partial<Record<FigureKey, number[]>> = {};
  for (let i = 0; i < n; i++) {
    const f = derive(at(plan, i), base && at(base, i), margin);
    for (const [k, v] of Object.entries(f) as Array<[FigureKey, number]>) (out[k] ??= []).push(Number.isFinite(v) ? round6(v) : NaN);
  }
  return out;
}
