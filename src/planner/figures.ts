import type { MeanFieldResult } from '../sim/meanfield';
import type { Summary } from '../sim/summary';
import { round6 } from '../sim/stats';

/**
 * The figures the planner sweeps, ranks, seeks and optimises, per run (Monte Carlo) or expected (mean field).
 * Totals include what happens anyway; `incremental.*` are the plan minus its do-nothing baseline on the same seeds
 * (src/sim/incremental.ts). Units: gmv, margin, profit and cost in yuan over the horizon; r5 and assets in real people
 * at the end of the horizon; roi a ratio (ΔGMV ÷ cost).
 */
export const TOTAL_FIGURES = ['gmv', 'assets', 'r5', 'cost'] as const;
export const INCREMENTAL_FIGURES = ['incremental.gmv', 'incremental.margin', 'incremental.profit', 'incremental.r5', 'incremental.assets', 'incremental.roi'] as const;
export const FIGURES = [...TOTAL_FIGURES, ...INCREMENTAL_FIGURES] as const;
export type FigureKey = (typeof FIGURES)[number];

export const FIGURE_UNITS: Record<FigureKey, string> = {
  gmv: 'yuan (total over the horizon)',
  assets: 'people (crowd assets R1–R5 at the end, total)',
  r5: 'people (R5 at the end, total)',
  cost: 'yuan (the plan’s cost over the horizon)',
  'incremental.gmv': 'yuan (ΔGMV vs do nothing)',
  'incremental.margin': 'yuan (margin × ΔGMV vs do nothing, before the plan’s cost)',
  'incremental.profit': 'yuan (margin × ΔGMV − the plan’s cost)',
  'incremental.r5': 'people (ΔR5 at the end vs do nothing)',
  'incremental.assets': 'people (Δ crowd assets at the end vs do nothing)',
  'incremental.roi': 'ratio (ΔGMV ÷ the plan’s cost)',
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
}

function derive(plan: Totals, base: Totals | null, margin: number | null): Partial<Record<FigureKey, number>> {
  const out: Partial<Record<FigureKey, number>> = { gmv: plan.gmv, assets: plan.assets, r5: plan.r5, cost: plan.cost };
  if (base) {
    const dGmv = plan.gmv - base.gmv;
    const cost = plan.cost - base.cost;
    out['incremental.gmv'] = dGmv;
    out['incremental.margin'] = marginOf(margin) * dGmv;
    out['incremental.profit'] = marginOf(margin) * dGmv - cost;
    out['incremental.r5'] = plan.r5 - base.r5;
    out['incremental.assets'] = plan.assets - base.assets;
    out['incremental.roi'] = cost > 0 ? dGmv / cost : NaN;
  }
  return out;
}

function mfTotals(mf: MeanFieldResult): Totals {
  const days = mf.meta.days;
  return { gmv: mf.totals.gmv, assets: mf.totals.assetsEnd, r5: mf.tiers.R5![days]!, cost: mf.totals.cost };
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
}

/** The totals of every run of a Monte Carlo summary. */
export function summaryTotals(s: Summary): RunTotals {
  const arr = (k: string) => Array.from(s.figure(k), (v) => round6(v));
  return { gmv: arr('R.gmv'), assets: arr('S.assetsEnd'), r5: arr('T.count.R5'), cost: arr('R.cost') };
}

/**
 * Per-run figures of a plan and (optionally) its baseline run on the same seeds: run r of each is paired, so each
 * incremental value is a paired difference. NaN where a figure is undefined (ROI without cost).
 */
export function pairRuns(plan: RunTotals, base: RunTotals | null, margin: number | null): Partial<Record<FigureKey, number[]>> {
  const n = plan.gmv.length;
  if (base && base.gmv.length !== n) throw new Error(`cannot pair ${n} plan runs with ${base.gmv.length} baseline runs`);
  const at = (t: RunTotals, i: number): Totals => ({ gmv: t.gmv[i]!, assets: t.assets[i]!, r5: t.r5[i]!, cost: t.cost[i]! });
  const out: Partial<Record<FigureKey, number[]>> = {};
  for (let i = 0; i < n; i++) {
    const f = derive(at(plan, i), base && at(base, i), margin);
    for (const [k, v] of Object.entries(f) as Array<[FigureKey, number]>) (out[k] ??= []).push(Number.isFinite(v) ? round6(v) : NaN);
  }
  return out;
}
