import type { EngineConfig } from '../config';
import { compareSummaries, type Comparison, type PairedFigure } from './compare';
import type { FigureKey } from './figures';
import type { Summary } from './summary';
import { planShapley, SHAPLEY_KEYS, shapleyReport, subsetConfig, type ShapleyPlan, type ShapleyReport } from './shapley';

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
] as const satisfies readonly FigureKey[];

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
  /** Removal effects, one per tactic. */
  tactics: TacticContribution[];
  /** Shapley values: each tactic's share of the plan's incremental total (see shapley.ts); absent when not asked. */
  shapley?: ShapleyReport;
  /** Where the Shapley values order two tactics against their removal effects (see `rankConflicts`). */
  conflicts?: RankConflict[];
}

/** Figures whose Shapley order is checked against the removal effects (those the app's tables show). */
export const CONFLICT_KEYS = ['R.gmv', 'S.assetsEnd', 'T.count.R5'] as const satisfies readonly FigureKey[];

/**
 * Two tactics whose removal effects clearly differ (the 90 % intervals of their means do not overlap) while their
 * Shapley values order them the other way. It happens when the two overlap (substitutes): alone, `below` does more;
 * with the other tactics present, part of what it does is done by `above` anyway. No credit that adds up to the plan's
 * effect can follow both orders then; the Shapley value averages over every order the tactics could be added in.
 * `alone`: each tactic's effect with no other tactic (v({k}) − v(∅)), when that subset was run.
 */
export interface RankConflict {
  figure: string;
  above: string;
  below: string;
  removal: [number, number];
  shapley: [number, number];
  alone: [number, number] | null;
}

/** Every pair of tactics whose Shapley values order them against clearly different removal effects. */
export function rankConflicts(report: Pick<ContributionReport, 'tactics' | 'shapley'>, alone?: (k: number, key: string) => number | null): RankConflict[] {
  const sh = report.shapley;
  if (!sh) return [];
  const out: RankConflict[] = [];
  for (const key of CONFLICT_KEYS) {
    report.tactics.forEach((a, i) =>
      report.tactics.forEach((b, j) => {
        const ca = a.effect[key]?.ci90;
        const cb = b.effect[key]?.ci90;
        const pa = sh.tactics[i]?.values[key]?.value?.mean;
        const pb = sh.tactics[j]?.values[key]?.value?.mean;
        if (i === j || !ca || !cb || pa === undefined || pb === undefined || !(ca[0] > cb[1]) || pa > pb) return;
        const la = alone?.(i, key) ?? null;
        const lb = alone?.(j, key) ?? null;
        out.push({
          figure: key,
          above: a.id,
          below: b.id,
          removal: [a.effect[key]!.diff!.mean, b.effect[key]!.diff!.mean],
          shapley: [pa, pb],
          alone: la !== null && lb !== null ? [la, lb] : null,
        });
      }),
    );
  }
  return out;
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
  for (let k = 0; k < config.tactics.length; k++) tactics.push(await removalEffect(config, k, await run(withoutTactic(config, k)), full, compare));
  return { format: 'star-sandbox-contributions', runs: full.added, tactics };
}

/**
 * Each tactic's Shapley value and removal effect, from one set of subset runs on the same seeds. The plan (from
 * `planShapley`) lists the subsets; each is simulated once (the full scenario is `full`), the ones without a single
 * tactic give that tactic's removal effect, and the rest only their Shapley figures, so nothing is run twice.
 * `onSubset` hears (subsets done, subsets to run) after each.
 */
export async function tacticValues(
  config: EngineConfig,
  full: Summary,
  run: (c: EngineConfig) => Promise<Summary>,
  opts: {
    plan?: ShapleyPlan;
    /** The scenario without any tactic, when it has been run already (the do-nothing baseline on the same seeds). */
    empty?: Summary;
    compare?: (a: Summary, b: Summary, names: { reference: string; alternative: string }) => Comparison | Promise<Comparison>;
    onSubset?: (done: number, total: number) => void;
  } = {},
): Promise<ContributionReport> {
  const compare = opts.compare ?? compareSummaries;
  const plan = opts.plan ?? planShapley(config);
  const n = config.tactics.length;
  const allMask = (1 << n) - 1;
  const figuresOf = (s: Summary) => Object.fromEntries(SHAPLEY_KEYS.map((k) => [k, s.figure(k)]));
  const figures = new Map<number, Record<string, Float64Array>>([[allMask, figuresOf(full)]]);
  if (opts.empty && n > 0) figures.set(0, figuresOf(opts.empty));
  const removal: Array<TacticContribution | null> = config.tactics.map(() => null);
  const toRun = plan.subsets.filter((m) => !figures.has(m));
  // The removal subsets first: their effects are what a reader checks the Shapley values against.
  toRun.sort((a, b) => popcount(b) - popcount(a) || a - b);
  let done = 0;
  for (const mask of toRun) {
    const s = await run(subsetConfig(config, mask));
    figures.set(mask, figuresOf(s));
    const missing = allMask & ~mask;
    if ((missing & (missing - 1)) === 0) {
      const k = 31 - Math.clz32(missing);
      removal[k] = await removalEffect(config, k, s, full, compare);
    }
    opts.onSubset?.(++done, toRun.length);
  }
  // A design that leaves out a removal subset (never the cycle design, which holds them all) runs it here.
  for (let k = 0; k < n; k++) removal[k] ??= await removalEffect(config, k, await run(withoutTactic(config, k)), full, compare);
  const report = { tactics: removal as TacticContribution[], shapley: shapleyReport(config, plan, figures, full.added) };
  const mean = (a: Float64Array) => a.reduce((s, x) => s + x, 0) / a.length;
  const alone = (k: number, key: string) => {
    const one = figures.get(1 << k)?.[key];
    const none = figures.get(0)?.[key];
    return one && none ? mean(one) - mean(none) : null;
  };
  return { format: 'star-sandbox-contributions', runs: full.added, ...report, conflicts: rankConflicts(report, alone) };
}

function popcount(m: number): number {
  let c = 0;
  for (; m; m &= m - 1) c++;
  return c;
}

async function removalEffect(
  config: EngineConfig,
  k: number,
  without: Summary,
  full: Summary,
  compare: (a: Summary, b: Summary, names: { reference: string; alternative: string }) => Comparison | Promise<Comparison>,
): Promise<TacticContribution> {
  const t = config.tactics[k]!;
  const cmp = await compare(without, full, { reference: `without ${t.id}`, alternative: config.scenarioId });
  const effect: Record<string, PairedFigure> = {};
  for (const key of EFFECT_KEYS) effect[key] = cmp.figures[key]!;
  const dg = effect['R.gmv']?.diff?.mean ?? 0;
  const dc = effect['R.cost']?.diff?.mean ?? 0;
  return { id: t.id, type: t.type, effect, incrementalRoi: dc > 0 ? Number((dg / dc).toPrecision(6)) : null };
}
