import { compileScenario, type Overrides } from '../scenario/compile';
import type { Scenario } from '../scenario/types';
import type { Text } from '../lib/text';
import type { AssumptionRange } from '../sim';
import { round6 } from '../sim';
import type { FigureKey } from './figures';
import { band, baselineJob, meanField, paired, type Band, type McJob, type McOutput } from './jobs';
import { setValues } from './paths';

/**
 * Sensitivity (tornado): each assumption in turn set to the low and the high end of its plausible range
 * (src/scenario/assumptions.ts), every other parameter at its stated value, on the same seeds. Bars are ranked by
 * the swing |figure(high) − figure(low)|, first on the mean field (every assumption, milliseconds each), then the top
 * few again by Monte Carlo with common random numbers, where the swing is a paired difference per run and carries the
 * 90 % confidence interval of its mean (simulation noise only: the other assumptions are held).
 */
export interface TornadoBar {
  path: string;
  label: Text;
  tactic?: string;
  low: number;
  mode: number;
  high: number;
  /** The figure at the low and the high end (expected, mean field). */
  atLow: number;
  atHigh: number;
  /** |atHigh − atLow|, the bar's length. */
  swing: number;
}

export function assumptionsOf(s: Scenario, o: Overrides): AssumptionRange[] {
  return compileScenario(s, { ...o, assumptions: true }).assumptions ?? [];
}

function at(s: Scenario, a: AssumptionRange, v: number): Scenario {
  return setValues(s, [[a.path, a.integer ? Math.round(v) : v]]);
}

/** Is the do-nothing baseline changed by this assumption? Tactic parameters leave it alone. */
function movesBaseline(a: AssumptionRange): boolean {
  return !a.path.startsWith('tactics[');
}

export interface MeanFieldTornado {
  figure: FigureKey;
  /** The figure with every assumption at its stated value (expected). */
  atMode: number;
  bars: TornadoBar[];
}

export function tornadoMeanField(s: Scenario, figure: FigureKey, o: Overrides, onProgress?: (done: number, total: number) => void): MeanFieldTornado {
  const ranges = assumptionsOf(s, o);
  const mode = meanField(s, o);
  const value = (x: Scenario, a: AssumptionRange) => meanField(x, o, movesBaseline(a) ? null : mode.base).figures[figure] ?? NaN;
  const bars: TornadoBar[] = ranges.map((a, k) => {
    const lo = value(at(s, a, a.low), a);
    const hi = value(at(s, a, a.high), a);
    onProgress?.(k + 1, ranges.length);
    return {
      path: a.path,
      label: a.label,
      ...(a.tactic !== undefined && { tactic: a.tactic }),
      low: round6(a.low),
      mode: round6(a.mode),
      high: round6(a.high),
      atLow: lo,
      atHigh: hi,
      swing: Number.isFinite(hi - lo) ? round6(Math.abs(hi - lo)) : 0,
    };
  });
  // Strongest first; ties keep the order of the scenario (a stable sort).
  bars.sort((a, b) => b.swing - a.swing);
  return { figure, atMode: mode.figures[figure] ?? NaN, bars };
}

/**
 * Monte Carlo jobs for the top bars: the plan at the stated values and its baseline, then per bar the plan at the
 * low and the high end (and the baseline at both ends when the assumption moves it). Assumption draws are off.
 */
export function tornadoJobs(s: Scenario, mf: MeanFieldTornado, top: number, o: Overrides): McJob[] {
  const oo = { ...o, assumptions: false };
  const ranges = new Map(assumptionsOf(s, o).map((a) => [a.path, a]));
  const jobs: McJob[] = [
    { kind: 'mc', label: `${s.id} · stated values`, scenario: s, overrides: oo },
    baselineJob(s, oo, s.id),
  ];
  for (const bar of mf.bars.slice(0, top)) {
    const a = ranges.get(bar.path)!;
    for (const [end, v] of [['low', a.low], ['high', a.high]] as const) {
      const x = at(s, a, v);
      jobs.push({ kind: 'mc', label: `${s.id} · ${a.path} ${end}`, scenario: x, overrides: oo });
      if (movesBaseline(a)) jobs.push(baselineJob(x, oo, `${s.id} · ${a.path} ${end}`));
    }
  }
  return jobs;
}

export interface MonteCarloBar {
  path: string;
  /** The figure at each end: spread of outcomes and the confidence interval of the mean. */
  atLow: Band | null;
  atHigh: Band | null;
  /** Paired per-run difference high − low (same seeds); its ci90 is the confidence in the mean swing. */
  swing: Band | null;
}

export interface MonteCarloTornado {
  figure: FigureKey;
  runs: number;
  seed: string;
  atMode: Band | null;
  /** The top bars, ranked again by |mean swing|. */
  bars: MonteCarloBar[];
}

export function tornadoAssemble(mf: MeanFieldTornado, top: number, outputs: McOutput[]): MonteCarloTornado {
  const f = mf.figure;
  const base0 = outputs[1]!;
  const modeRuns = paired(outputs[0]!, base0)[f] ?? [];
  let k = 2;
  const bars: MonteCarloBar[] = [];
  for (const bar of mf.bars.slice(0, top)) {
    const moves = !bar.path.startsWith('tactics[');
    const lowPlan = outputs[k++]!;
    const lowBase = moves ? outputs[k++]! : base0;
    const highPlan = outputs[k++]!;
    const highBase = moves ? outputs[k++]! : base0;
    const lo = paired(lowPlan, lowBase)[f] ?? [];
    const hi = paired(highPlan, highBase)[f] ?? [];
    bars.push({ path: bar.path, atLow: band(lo), atHigh: band(hi), swing: band(hi.map((v, r) => v - lo[r]!)) });
  }
  bars.sort((a, b) => Math.abs(b.swing?.mean ?? 0) - Math.abs(a.swing?.mean ?? 0));
  return { figure: f, runs: outputs[0]!.runs, seed: outputs[0]!.seed, atMode: band(modeRuns), bars };
}

/** One assumption in a tornado's final order: its mean-field bar, and its Monte Carlo bar when it was among the top. */
export interface RankedAssumption extends TornadoBar {
  monteCarlo: MonteCarloBar | null;
}

/**
 * The tornado's ranking of every assumption, as a report lists them: the bars run by Monte Carlo first, in their
 * Monte Carlo order (by |mean paired swing|), then the others in their mean-field order (by expected swing). With no
 * Monte Carlo step it is the mean-field order.
 */
export function tornadoRanking(r: { meanField: MeanFieldTornado; monteCarlo: MonteCarloTornado | null }): RankedAssumption[] {
  const mf = new Map(r.meanField.bars.map((b) => [b.path, b]));
  const mc = r.monteCarlo?.bars ?? [];
  const done = new Set(mc.map((b) => b.path));
  return [
    ...mc.flatMap((b) => (mf.has(b.path) ? [{ ...mf.get(b.path)!, monteCarlo: b }] : [])),
    ...r.meanField.bars.filter((b) => !done.has(b.path)).map((b) => ({ ...b, monteCarlo: null })),
  ];
}
