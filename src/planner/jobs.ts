import { compileScenario, type Overrides } from '../scenario/compile';
import type { Scenario } from '../scenario/types';
import { doNothing } from '../scenario/variants';
import type { EngineConfig } from '../sim';
import { runMeanField, type MeanFieldResult } from '../sim';
import { meanCi90, stat, round6, type Stat } from '../sim';
import type { Summary } from '../sim';
import { meanFieldFigures, pairRuns, runKeys, summaryTotals, type FigureKey, type RunTotals } from './figures';

/**
 * Monte Carlo behind every planner tool goes through a `Runner` (the CLI's worker pool, the app's worker pool, or
 * in-process in tests). Each planner tool is split into jobs whose outputs are plain JSON, so a batch can be sharded
 * over machines job by job and merged into the bytes one machine would write (src/planner/batch.ts).
 */
export type Runner = (config: EngineConfig, label: string) => Promise<FigureSource>;

/** What a planner tool reads of a Monte Carlo summary: each per-run figure, in run order (a `Summary` is one). */
export interface FigureSource {
  figure(key: string): ArrayLike<number>;
}

/**
 * Monte Carlo runs of one scenario (its do-nothing baseline is a job of its own, `doNothing(scenario)`, shared by
 * every variant whose baseline is the same).
 */
export interface McJob {
  kind: 'mc';
  label: string;
  scenario: Scenario;
  overrides: Overrides;
}

/** Per-run totals; run r of every job with the same seed and runs drew from the same random streams. */
export interface McOutput {
  runs: number;
  seed: string;
  margin: number | null;
  totals: RunTotals;
}

export function compile(s: Scenario, o: Overrides): EngineConfig {
  return compileScenario(s, o);
}

export async function runMcJob(job: McJob, run: Runner): Promise<McOutput> {
  const config = compile(job.scenario, job.overrides);
  const plan = await run(config, job.label);
  return viaJson({ runs: config.runs, seed: config.seed, margin: config.margin, totals: summaryTotals(plan, runKeys(config)) });
}

/** A job's figures per run, paired with its baseline's (same seed and runs). */
export function paired(plan: McOutput, base: McOutput | null): Partial<Record<FigureKey, number[]>> {
  if (base && (base.seed !== plan.seed || base.runs !== plan.runs)) throw new Error(`cannot pair runs of seed ${plan.seed}/${plan.runs} with ${base.seed}/${base.runs}`);
  const fix = (t: RunTotals): RunTotals => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, nums(v as Array<number | null>)])) as unknown as RunTotals;
  return pairRuns(fix(plan.totals), base && fix(base.totals), plan.margin);
}

/** The job that runs a scenario's do-nothing baseline. */
export function baselineJob(s: Scenario, o: Overrides, label: string): McJob {
  return { kind: 'mc', label: `${label} · do nothing`, scenario: doNothing(s), overrides: o };
}

/** Mean-field figures of a scenario and its do-nothing baseline (the baseline may be passed in when it is shared). */
export function meanField(s: Scenario, o: Overrides, base?: MeanFieldResult | null): { figures: Partial<Record<FigureKey, number>>; plan: MeanFieldResult; base: MeanFieldResult } {
  const c = compile(s, { ...o, assumptions: false });
  const plan = runMeanField(c);
  const b = base ?? runMeanField(compile(doNothing(s), { ...o, assumptions: false }));
  return { figures: meanFieldFigures(plan, b, c.margin), plan, base: b };
}

/** Values as numbers (JSON writes NaN as null). */
export function nums(a: ReadonlyArray<number | null> | undefined): number[] {
  return (a ?? []).map((v) => (v === null ? NaN : v));
}

/**
 * Per-run values summarised: mean, sd, p05/p50/p95 and p10 (the spread of outcomes across runs) and ci90, the 90 %
 * confidence interval of the mean (± t·sd/√n, Student's t with n − 1 degrees of freedom). Non-finite runs are left out.
 */
export interface Band extends Stat {
  p10: number;
  ci90: [number, number] | null;
  n: number;
}

export function band(values: ReadonlyArray<number>): Band | null {
  const s = stat(values);
  if (!s) return null;
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = xs.length;
  return { ...s, p10: round6(quantile(xs, 0.1)), ci90: meanCi90(s.mean, s.sd, n), n };
}

/** Quantile of sorted values, linear between order statistics (type 7, as R and numpy by default). */
export function quantile(sorted: ReadonlyArray<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Share of runs at or above a target, with its 90 % Wilson interval (Monte Carlo error of a probability). */
export function probability(values: ReadonlyArray<number>, target: number): { p: number; ci90: [number, number]; n: number } {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  const k = xs.filter((v) => v >= target).length;
  return { p: n ? round6(k / n) : NaN, ci90: wilson(k, n), n };
}

export function wilson(k: number, n: number, z = 1.645): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [round6(Math.max(0, c - h)), round6(Math.min(1, c + h))];
}

/** JSON round trip: what a job's output looks like after being written to a part file and read back. */
export function viaJson<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}
