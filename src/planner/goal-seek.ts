import type { Overrides } from '../scenario/compile';
import type { Scenario } from '../scenario/types';
import type { ValidationError } from '../scenario/validate';
import { round6 } from '../sim';
import type { FigureKey } from './figures';
import { baselineJob, probability, runMcJob, paired, type McOutput, type Runner } from './jobs';
import { readNumber, setValues } from './paths';
import { getTactic } from '../sim';

/**
 * Goal-seek: the least value of one field (a tactic's effort or budget) at which a figure reaches a target with at
 * least a chosen probability, e.g. "R5 ≥ 300 000 by Double 11 with at least 80 % probability". Every candidate value
 * is run by Monte Carlo on the same seeds (common random numbers), so the estimated probability moves only with the
 * field, not with fresh noise; bisection then needs it to rise with the field (monotone), which each evaluation is
 * checked against. The probability at the answer is reported with its 90 % Wilson interval (Monte Carlo error; it
 * includes the assumptions when the scenario draws them).
 */
export interface GoalSeekSpec {
  /** JSON path of the field to seek, e.g. `tactics[moments-ads].dailySpend`. */
  path: string;
  figure: FigureKey;
  target: number;
  /** Wanted P(figure ≥ target), 0–1. */
  probability: number;
  min: number;
  max: number;
  /** Stop when the bracket is narrower than this (in the field's unit); default (max − min) / 100. */
  tolerance?: number;
}

export interface GoalSeekEvaluation {
  value: number;
  p: number;
  ci90: [number, number];
}

export interface GoalSeekResult {
  path: string;
  figure: FigureKey;
  target: number;
  probability: number;
  runs: number;
  seed: string;
  /** 'found'; 'atMin' (already reached at min); 'unreachable' (not even at max). */
  status: 'found' | 'atMin' | 'unreachable';
  /** The least value found (null when unreachable), and the estimated probability there. */
  answer: number | null;
  pAtAnswer: GoalSeekEvaluation | null;
  /** Every evaluation, in the order made. */
  evaluations: GoalSeekEvaluation[];
  /**
   * Did the estimated probability rise with the field across all evaluations? `largestDrop` is the biggest fall from a
   * lower to a higher value (0 when strictly monotone); with common random numbers a small fall is Monte Carlo noise
   * (agents' paths part ways once a change moves one of them), so `withinError` tells whether it stays within two
   * standard errors of a probability estimated from this many runs (2 × 0.5 ÷ √runs, the widest case).
   */
  monotone: { strict: boolean; largestDrop: number; withinError: boolean };
}

/** How candidate values are rounded: to whole numbers for whole-number tactic fields, else to 6 significant places. */
export function roundFor(s: Scenario, path: string): (v: number) => number {
  const r = readNumber(s, path);
  const m = r.ok ? /^tactics\[(\d+)\]\.(\w+)$/.exec(r.path) : null;
  const spec = m ? getTactic(s.tactics[Number(m[1])]!.type).params[m[2]!] : undefined;
  return spec?.kind === 'number' && spec.integer ? Math.round : round6;
}

export function checkGoalSeek(s: Scenario, g: GoalSeekSpec, where = ''): ValidationError[] {
  const p = (rest: string) => (where ? `${where}.${rest}` : rest);
  const errors: ValidationError[] = [];
  const r = readNumber(s, g.path);
  if (!r.ok) errors.push({ path: p('path'), message: r.message });
  if (!(g.max > g.min)) errors.push({ path: p('max'), message: `must be above min (${g.min})` });
  if (r.ok) {
    for (const k of ['min', 'max'] as const) {
      try {
        setValues(s, [[g.path, roundFor(s, g.path)(g[k])]]);
      } catch (e) {
        errors.push({ path: p(k), message: (e as Error).message });
      }
    }
  }
  return errors;
}

/** Runs the bisection. `base` is the do-nothing output when the figure is incremental (else null). */
export async function goalSeek(s: Scenario, g: GoalSeekSpec, o: Overrides, run: Runner, onStep?: (e: GoalSeekEvaluation) => void): Promise<GoalSeekResult> {
  const incremental = g.figure.startsWith('incremental.');
  const base = incremental ? await runMcJob(baselineJob(s, o, s.id), run) : null;
  const evaluations: GoalSeekEvaluation[] = [];
  let meta: McOutput | null = null;
  const evalAt = async (value: number): Promise<GoalSeekEvaluation> => {
    const out = await runMcJob({ kind: 'mc', label: `${s.id} · ${g.path} = ${value}`, scenario: setValues(s, [[g.path, value]]), overrides: o }, run);
    meta = out;
    const pr = probability(paired(out, base)[g.figure] ?? [], g.target);
    const e = { value, p: pr.p, ci90: pr.ci90 };
    evaluations.push(e);
    onStep?.(e);
    return e;
  };
  const whole = roundFor(s, g.path);
  const tol = g.tolerance ?? (g.max - g.min) / 100;
  const hiE = await evalAt(whole(g.max));
  let status: GoalSeekResult['status'] = 'found';
  let answer: GoalSeekEvaluation | null = null;
  if (hiE.p < g.probability) status = 'unreachable';
  else {
    const loE = await evalAt(whole(g.min));
    if (loE.p >= g.probability) {
      status = 'atMin';
      answer = loE;
    } else {
      let lo = loE;
      let hi = hiE;
      // Invariant: p(lo) < wanted ≤ p(hi).
      while (hi.value - lo.value > tol) {
        const mid = whole(round6((lo.value + hi.value) / 2));
        if (mid <= lo.value || mid >= hi.value) break;
        const m = await evalAt(mid);
        if (m.p >= g.probability) hi = m;
        else lo = m;
      }
      answer = hi;
    }
  }
  const sorted = evaluations.slice().sort((a, b) => a.value - b.value);
  let top = -Infinity;
  let drop = 0;
  for (const e of sorted) {
    drop = Math.max(drop, top - e.p);
    top = Math.max(top, e.p);
  }
  const m = meta as McOutput | null;
  const n = m?.runs ?? 1;
  const monotone = { strict: drop === 0, largestDrop: round6(drop), withinError: drop <= 1 / Math.sqrt(n) };
  return {
    path: g.path,
    figure: g.figure,
    target: g.target,
    probability: g.probability,
    runs: m?.runs ?? 0,
    seed: m?.seed ?? '',
    status,
    answer: answer?.value ?? null,
    pAtAnswer: answer,
    evaluations,
    monotone,
  };
}
