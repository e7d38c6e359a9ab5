import { bandSteps, drain, meanCi90, round6, stat, type Band, type Stat } from './stats';
import type { Summary } from './summary';

/** One figure compared between a reference A and an alternative B on the same seeds. */
export interface PairedFigure {
  a: Stat | null;
  b: Stat | null;
  /** B − A per run, summarised across runs. */
  diff: Stat | null;
  /** 90 % interval of the mean difference (mean ± t·sd/√n, Student's t with n − 1 degrees of freedom). */
  ci90: [number, number] | null;
  /** Share of runs in which B > A (ties count half). */
  pBgtA: number | null;
}

export interface Comparison {
  format: 'star-sandbox-comparison';
  reference: string;
  alternative: string;
  runs: number;
  figures: Record<string, PairedFigure>;
  /** Paired difference B − A over time for the main series. */
  series: Record<string, Band>;
}

export const COMPARED_SERIES = ['assets', 'R3', 'R4', 'R5', 'cumulativeGmv', 'cumulativeCost'] as const;

/** Pair two scenarios' runs (same seed list: common random numbers) figure by figure. */
export function pairFigures(a: Float64Array, b: Float64Array): PairedFigure {
  const n = Math.min(a.length, b.length);
  const diff = new Float64Array(n);
  let wins = 0;
  let valid = 0;
  for (let r = 0; r < n; r++) {
    const d = b[r]! - a[r]!;
    diff[r] = d;
    if (Number.isFinite(d)) {
      valid++;
      if (d > 0) wins += 1;
      else if (d === 0) wins += 0.5;
    }
  }
  const ds = stat(diff);
  const ci90: [number, number] | null =
    ds ? meanCi90(ds.mean, ds.sd, valid) : null;
  return { a: stat(a), b: stat(b), diff: ds, ci90, pBgtA: valid > 0 ? round6(wins / valid) : null };
}

/**
 * Compare scenario B with reference A. Both summaries must hold the same number of runs of the same seed, so run i of
 * each used the same random streams and the differences are paired.
 */
export function compareSummaries(a: Summary, b: Summary, names: { reference: string; alternative: string }): Comparison {
  return drain(compareSteps(a, b, names));
}

/** `compareSummaries` in pieces (see Summary.resultSteps): the app runs it between event-loop turns. */
export function* compareSteps(a: Summary, b: Summary, names: { reference: string; alternative: string }): Generator<void, Comparison> {
  if (a.added !== b.added) throw new Error(`cannot pair ${a.added} runs with ${b.added} runs`);
  const runs = a.added;
  const figures: Record<string, PairedFigure> = {};
  const keys = [...a.keys, ...b.keys.filter((k) => !a.keys.includes(k))];
  // A figure one side lacks (a tactic only B has) is missing there, not zero: its stats are null.
  const missing = new Float64Array(runs).fill(NaN);
  const perPause = Math.max(1, Math.floor(20000 / Math.max(1, runs)));
  let done = 0;
  for (const key of keys) {
    if (++done % perPause === 0) yield;
    const fa = a.keys.includes(key) ? a.figure(key) : missing;
    const fb = b.keys.includes(key) ? b.figure(key) : missing;
    figures[key] = pairFigures(fa, fb);
  }
  const series: Record<string, Band> = {};
  for (const name of COMPARED_SERIES) {
    const sa = a.series(name);
    const sb = b.series(name);
    const d = new Float64Array(sa.data.length);
    for (let k = 0; k < d.length; k++) d[k] = sb.data[k]! - sa.data[k]!;
    series[name] = yield* bandSteps(d, runs, sa.steps, 1, Math.max(1, Math.floor(20000 / Math.max(1, runs))));
  }
  return { format: 'star-sandbox-comparison', reference: names.reference, alternative: names.alternative, runs, figures, series };
}
