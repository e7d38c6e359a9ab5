import type { Overrides } from '../scenario/compile';
import type { Scenario } from '../scenario/types';
import type { ValidationError } from '../scenario/validate';
import { round6 } from '../sim';
import type { FigureKey } from './figures';
import { band, baselineJob, meanField, paired, type Band, type McJob, type McOutput } from './jobs';
import { readNumber, withValues } from './paths';

/**
 * Sweep: one or two numeric fields of a scenario varied over a grid, every point with the same seed and runs (common
 * random numbers), each paired with the do-nothing baseline for the incremental figures. On the mean field each point
 * is an expected value; by Monte Carlo each point carries the spread of outcomes (p05–p95) and the 90 % confidence
 * interval of its mean.
 */
export interface SweepAxis {
  /** JSON path of the field in the scenario (docs/planner.md § Paths). */
  path: string;
  values: number[];
}

export interface SweepPoint {
  /** The field values at this point, one per axis. */
  values: number[];
  scenario: Scenario;
}

/** Evenly spaced values from `from` to `to` (both included). */
export function linspace(from: number, to: number, steps: number): number[] {
  if (steps <= 1) return [from];
  return Array.from({ length: steps }, (_, k) => round6(from + ((to - from) * k) / (steps - 1)));
}

/**
 * Every point of the grid (the first axis varies slowest), each a validated scenario. Errors name the axis
 * (`fields[1].path`, `fields[0].values[3]`) and the scenario's own path with the reason.
 */
export function sweepPoints(s: Scenario, axes: SweepAxis[], where = 'fields'): { ok: true; points: SweepPoint[] } | { ok: false; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  if (axes.length < 1 || axes.length > 2) errors.push({ path: where, message: `a sweep varies one or two fields, got ${axes.length}` });
  axes.forEach((a, i) => {
    const r = readNumber(s, a.path);
    if (!r.ok) errors.push({ path: `${where}[${i}].path`, message: r.message });
    else
      a.values.forEach((v, k) => {
        const c = withValues(s, [[a.path, v]]);
        if (!c.ok) errors.push({ path: `${where}[${i}].values[${k}]`, message: c.errors.map((e) => `${e.path}: ${e.message}`).join('; ') });
      });
  });
  if (axes.length === 2 && axes[0]!.path === axes[1]!.path) errors.push({ path: `${where}[1].path`, message: `sweeps the same field as ${where}[0]` });
  if (errors.length) return { ok: false, errors };
  const grid: number[][] = axes.length === 1 ? axes[0]!.values.map((v) => [v]) : axes[0]!.values.flatMap((v) => axes[1]!.values.map((w) => [v, w]));
  const points: SweepPoint[] = [];
  for (const values of grid) {
    const c = withValues(s, axes.map((a, i) => [a.path, values[i]!] as const));
    if (!c.ok) return { ok: false, errors: c.errors.map((e) => ({ path: where, message: `at ${values.join(', ')}: ${e.path}: ${e.message}` })) };
    points.push({ values, scenario: c.scenario });
  }
  return { ok: true, points };
}

/** Does the do-nothing baseline stay the same at every point? (Only tactic fields are swept.) */
export function sharedBaseline(axes: SweepAxis[]): boolean {
  return axes.every((a) => a.path.startsWith('tactics['));
}

export interface MeanFieldSweep {
  method: 'meanField';
  axes: Array<{ path: string; values: number[] }>;
  /** Expected figures at each point (totals and incremental vs do nothing), in the order of `sweepPoints`. */
  points: Array<{ values: number[]; figures: Partial<Record<FigureKey, number>> }>;
}

export function sweepMeanField(s: Scenario, axes: SweepAxis[], o: Overrides, points: SweepPoint[]): MeanFieldSweep {
  const shared = sharedBaseline(axes) ? meanField(s, o).base : null;
  return {
    method: 'meanField',
    axes: axes.map((a) => ({ path: a.path, values: a.values })),
    points: points.map((p) => ({ values: p.values, figures: meanField(p.scenario, o, shared).figures })),
  };
}

/** The Monte Carlo jobs of a sweep: one per point, then one baseline (shared) or one baseline per point. */
export function sweepJobs(s: Scenario, axes: SweepAxis[], o: Overrides, points: SweepPoint[]): McJob[] {
  const jobs: McJob[] = points.map((p) => ({ kind: 'mc', label: `${s.id} @ ${p.values.join(', ')}`, scenario: p.scenario, overrides: o }));
  if (sharedBaseline(axes)) jobs.push(baselineJob(s, o, s.id));
  else for (const p of points) jobs.push(baselineJob(p.scenario, o, `${s.id} @ ${p.values.join(', ')}`));
  return jobs;
}

export interface MonteCarloSweep {
  method: 'monteCarlo';
  axes: Array<{ path: string; values: number[] }>;
  runs: number;
  seed: string;
  points: Array<{ values: number[]; figures: Partial<Record<FigureKey, Band | null>> }>;
}

export function sweepAssemble(axes: SweepAxis[], points: Array<{ values: number[] }>, outputs: McOutput[]): MonteCarloSweep {
  const n = points.length;
  const shared = sharedBaseline(axes);
  return {
    method: 'monteCarlo',
    axes: axes.map((a) => ({ path: a.path, values: a.values })),
    runs: outputs[0]!.runs,
    seed: outputs[0]!.seed,
    points: points.map((p, k) => {
      const per = paired(outputs[k]!, outputs[shared ? n : n + k]!);
      return { values: p.values, figures: Object.fromEntries(Object.entries(per).map(([f, v]) => [f, band(v!)])) };
    }),
  };
}
