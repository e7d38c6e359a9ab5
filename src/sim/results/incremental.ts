import { meanCi90, round6, stat, type Stat } from './stats';
import type { SimulationResult } from './result';
import type { Summary } from './summary';

/**
 * One incremental figure: the plan minus its do-nothing counterpart, run by run on the same seeds (common random
 * numbers), summarised across runs. Two intervals answer two questions:
 * - `p05`–`p95`, the **spread of outcomes**: the 5th–95th percentile of the per-run values — what the plan's effect
 *   may turn out to be. This is the headline range.
 * - `ci90`, the **confidence in the mean**: mean ± t·sd/√n (Student's t, n − 1 degrees of freedom) — how well the runs
 *   pin down the average effect.
 */
export interface IncrementalFigure extends Stat {
  ci90: [number, number] | null;
}

/** The plan's effect against doing nothing (scenarios/README.md § Results, docs/model.md § Figures). */
export interface IncrementalResult {
  /** The do-nothing scenario it was compared with (the same market, seed and runs, without tactics). */
  baseline: string;
  runs: number;
  /** ΔGMV, yuan. */
  gmv: IncrementalFigure | null;
  /** margin × ΔGMV, yuan; null when the scenario sets no margin. */
  margin: IncrementalFigure | null;
  /** Δ people in R5 at the end. */
  r5: IncrementalFigure | null;
  /** Δ crowd assets (R1–R5) at the end, people. */
  assets: IncrementalFigure | null;
  /** Δ first purchases ever (truly new buyers), people. */
  newBuyers: IncrementalFigure | null;
  /** The plan's cost, yuan (the plan's minus the baseline's, which is 0 without tactics). */
  cost: IncrementalFigure | null;
  /** Incremental ROI = ΔGMV ÷ cost, per run. */
  roi: IncrementalFigure | null;
  /** Margin ROI = margin × ΔGMV ÷ cost, per run; null without a margin. */
  marginRoi: IncrementalFigure | null;
  /** Cost per truly new buyer = cost ÷ Δ first purchases ever, per run (runs where Δ ≤ 0 are left out). */
  costPerNewBuyer: IncrementalFigure | null;
}

/** Mean, sd, p05/p50/p95 of per-run values (non-finite left out) and the 90 % interval of the mean. */
export function incrementalFigure(values: ArrayLike<number>): IncrementalFigure | null {
  const s = stat(values);
  if (!s) return null;
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) n++;
  return { ...s, ci90: meanCi90(s.mean, s.sd, n) };
}

/**
 * The plan's incremental figures. `plan` and `base` must hold the same runs of the same seed, so run i of each used
 * the same random streams and each difference is paired.
 */
export function incrementalResult(plan: Summary, base: Summary, margin: number | null, baseline: string): IncrementalResult {
  if (plan.added !== base.added) throw new Error(`cannot pair ${plan.added} plan runs with ${base.added} baseline runs`);
  const n = plan.added;
  const diff = (key: string) => {
    const a = plan.figure(key);
    const b = base.figure(key);
    const d = new Float64Array(n);
    for (let r = 0; r < n; r++) d[r] = a[r]! - b[r]!;
    return d;
  };
  const per = (f: (r: number) => number) => Float64Array.from({ length: n }, (_, r) => f(r));
  const dGmv = diff('R.gmv');
  const cost = diff('R.cost');
  const dNew = diff('R.newBuyers');
  const m = margin;
  return {
    baseline,
    runs: n,
    gmv: incrementalFigure(dGmv),
    margin: m === null ? null : incrementalFigure(per((r) => m * dGmv[r]!)),
    r5: incrementalFigure(diff('T.count.R5')),
    assets: incrementalFigure(diff('S.assetsEnd')),
    newBuyers: incrementalFigure(dNew),
    cost: incrementalFigure(cost),
    roi: incrementalFigure(per((r) => (cost[r]! > 0 ? dGmv[r]! / cost[r]! : NaN))),
    marginRoi: m === null ? null : incrementalFigure(per((r) => (cost[r]! > 0 ? (m * dGmv[r]!) / cost[r]! : NaN))),
    costPerNewBuyer: incrementalFigure(per((r) => (dNew[r]! > 0 ? cost[r]! / dNew[r]! : NaN))),
  };
}

/** The result with its `incremental` block placed before the totals (which include what happens anyway). */
export function withIncremental(result: SimulationResult, incremental: IncrementalResult): SimulationResult {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(result)) {
    if (k === 'incremental') continue;
    if (k === 'totals') out.incremental = incremental;
    out[k] = v;
  }
  return out as unknown as SimulationResult;
}
