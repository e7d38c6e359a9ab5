import type { EngineConfig } from './config';
import { compareSummaries, type Comparison, type PairedFigure } from './compare';
import type { Summary } from './summary';

/** Figures reported for each tactic's removal effect. */
export const EFFECT_KEYS = [
  'S.assetsEnd',
  'S.newAssets',
  'T.count.R1',
  'T.count.R2',
  'T.count.R3',
  'T.count.R4',
  'T.count.R5',
  'R.orders',
  'R.firstPurchases',
  'R.repeatPurchases',
  'R.gmv',
  'R.cost',
  'R.roi',
] as const;

export interface TacticContribution {
  id: string;
  type: string;
  /**
   * Removal effect: this scenario minus the same scenario without the tactic, run on the same seeds (common random
   * numbers), so the difference is what the tactic changed — including what it took from other causes. `diff` is per
   * run; `ci90` is the interval of its mean; `pBgtA` is the share of runs in which the tactic helped.
   */
  effect: Record<string, PairedFigure>;
  /** Incremental GMV per incremental yuan (Δ GMV / Δ cost of the means), null when the tactic costs nothing. */
  incrementalRoi: number | null;
}

export interface ContributionReport {
  format: 'star-sandbox-contributions';
  runs: number;
  tactics: TacticContribution[];
}

/** The scenario without tactic k (everything else, seeds included, unchanged). */
export function withoutTactic(config: EngineConfig, k: number): EngineConfig {
  return { ...config, tactics: config.tactics.filter((_, j) => j !== k) };
}

/**
 * Each tactic's removal effect. `run` simulates a config with the same seed and number of runs (a worker pool or
 * an in-process loop); `full` is the summary of the complete scenario.
 */
export async function tacticContributions(
  config: EngineConfig,
  full: Summary,
  run: (c: EngineConfig) => Promise<Summary>,
  compare: (a: Summary, b: Summary, names: { reference: string; alternative: string }) => Comparison | Promise<Comparison> = compareSummaries,
): Promise<ContributionReport> {
  const tactics: TacticContribution[] = [];
  for (let k = 0; k < config.tactics.length; k++) {
    const t = config.tactics[k]!;
    const without = await run(withoutTactic(config, k));
    const cmp = await compare(without, full, { reference: `without ${t.id}`, alternative: config.scenarioId });
    const effect: Record<string, PairedFigure> = {};
    for (const key of EFFECT_KEYS) effect[key] = cmp.figures[key]!;
    const dg = effect['R.gmv']?.diff?.mean ?? 0;
    const dc = effect['R.cost']?.diff?.mean ?? 0;
    tactics.push({ id: t.id, type: t.type, effect, incrementalRoi: dc > 0 ? Number((dg / dc).toPrecision(6)) : null });
  }
  return { format: 'star-sandbox-contributions', runs: full.added, tactics };
}
