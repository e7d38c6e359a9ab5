import type { EngineConfig } from '../config';
import { rankDrivers, type Driver } from './drivers';
import { incrementalFigure, type IncrementalFigure } from './incremental';
import type { Summary } from './summary';

/**
 * The two bands of every headline figure (docs/model.md § Uncertainty). `assumptions` is the result's own runs, each
 * with its draws of the assumed parameters: simulation noise + assumptions, the headline interval. `noise` is the
 * same runs on the same seeds with every parameter at its stated value: simulation noise only. Each carries both
 * intervals — p05–p95, the spread of outcomes across runs, and ci90, the 90 % confidence interval of the mean
 * (± t·sd/√n, Student's t).
 */
export interface UncertaintyBands {
  assumptions: IncrementalFigure | null;
  noise: IncrementalFigure | null;
}

export interface UncertaintyResult {
  /** Assumed parameters each run drew (0: noise only, and `figures` is empty). */
  drawn: number;
  figures: Record<string, UncertaintyBands>;
  /** Which assumptions drive each figure's spread, strongest first (at most DRIVERS_SHOWN). */
  drivers: Record<string, Driver[]>;
}

const DRIVERS_SHOWN = 12;

/** The noise-only twin of a config: the same runs and seeds, parameters at their stated values. */
export function noiseOnly(config: EngineConfig): EngineConfig {
  return { ...config, assumptions: [] };
}

/** Per-run values of the headline figures: totals, and the plan's effect when a do-nothing baseline ran. */
function headline(plan: Summary, base: Summary | null): Record<string, Float64Array> {
  const n = plan.added;
  const per = (f: (r: number) => number) => Float64Array.from({ length: n }, (_, r) => f(r));
  const out: Record<string, Float64Array> = {};
  for (const k of ['R.gmv', 'S.assetsEnd', 'T.count.R5', 'R.cost', 'R.roi']) out[k] = plan.figure(k);
  if (base) {
    const d = (k: string) => {
      const a = plan.figure(k);
      const b = base.figure(k);
      return per((r) => a[r]! - b[r]!);
    };
    const gmv = d('R.gmv');
    const cost = d('R.cost');
    out['incremental.gmv'] = gmv;
    out['incremental.assets'] = d('S.assetsEnd');
    out['incremental.r5'] = d('T.count.R5');
    out['incremental.roi'] = per((r) => (cost[r]! > 0 ? gmv[r]! / cost[r]! : NaN));
  }
  return out;
}

/** Figures whose drivers are ranked: the plan's effect on GMV (or GMV itself), assets and R5. */
const DRIVER_FIGURES = { gmv: ['incremental.gmv', 'R.gmv'], assets: ['incremental.assets', 'S.assetsEnd'], r5: ['incremental.r5', 'T.count.R5'] } as const;

/**
 * Both bands of the headline figures and the drivers of their spread. `plan`/`base` ran with the draws; `planNoise`/
 * `baseNoise` are their noise-only twins (base null when no do-nothing baseline ran).
 */
export function uncertaintyResult(
  config: EngineConfig,
  plan: Summary,
  base: Summary | null,
  planNoise: Summary,
  baseNoise: Summary | null,
): UncertaintyResult {
  const drawn = config.assumptions?.length ?? 0;
  if (drawn === 0) return { drawn, figures: {}, drivers: {} };
  const withDraws = headline(plan, base);
  const noise = headline(planNoise, baseNoise);
  const figures: Record<string, UncertaintyBands> = {};
  for (const [k, v] of Object.entries(withDraws)) figures[k] = { assumptions: incrementalFigure(v), noise: incrementalFigure(noise[k]!) };
  const drivers: Record<string, Driver[]> = {};
  for (const [name, keys] of Object.entries(DRIVER_FIGURES)) {
    const key = keys.find((k) => k in withDraws)!;
    drivers[name] = rankDrivers(config, withDraws[key]!).slice(0, DRIVERS_SHOWN);
  }
  return { drawn, figures, drivers };
}
