import { hill } from '../response';
import type { TacticDefinition } from './types';

export interface ResponseCurve {
  /** Effort values (the tactic's effort unit) and the pressure at each, for a steady effort. */
  points: Array<{ effort: number; pressure: number }>;
  /** maintain — a quarter of the maximum pressure; grow — half; flatten — 90 % (see response.ts curveMarks). */
  marks: { maintain: number; grow: number; flatten: number };
  /** The scenario's current effort and its pressure. */
  current: { effort: number; pressure: number };
  max: number;
}

/** The pressure of a tactic at a steady effort, using its own mapping when it has one. */
export function pressureAt(
  def: TacticDefinition,
  params: Record<string, unknown>,
  realCounts: readonly number[],
  effort: number,
  scenario?: { orderValueMean: number },
): number {
  const c = def.curve;
  if (!c) return 0;
  if (c.pressure) return c.pressure(effort, params, realCounts, scenario);
  return hill(effort, Number(params[c.ecParam]), Number(params[c.shapeParam]));
}

/** The effort giving a target share of the maximum pressure (bisection: works for any increasing curve). */
function effortFor(target: number, f: (x: number) => number, hi: number): number {
  let lo = 0;
  for (let k = 0; k < 80; k++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The effort → pressure curve drawn on every tactic card, with the maintain / grow / flatten marks, for the
 * tactic's parameters and the scenario's initial real tier counts.
 */
export function responseCurve(
  def: TacticDefinition,
  params: Record<string, unknown>,
  realCounts: readonly number[],
  scenario?: { orderValueMean: number },
  samples = 60,
): ResponseCurve | null {
  const c = def.curve;
  if (!c) return null;
  const f = (x: number) => pressureAt(def, params, realCounts, x, scenario);
  // Find an effort scale where the curve is close to its ceiling.
  let top = Math.max(1e-9, Number(params[c.effortParam]) || 1);
  for (let k = 0; k < 60 && f(top) < 0.97; k++) top *= 2;
  const ceiling = Math.max(f(top), 1e-12);
  const marks = {
    maintain: effortFor(0.25 * ceiling, f, top),
    grow: effortFor(0.5 * ceiling, f, top),
    flatten: effortFor(0.9 * ceiling, f, top),
  };
  const current = Number(params[c.effortParam]) || 0;
  const max = Math.max(marks.flatten * 1.4, current * 1.2);
  const points = Array.from({ length: samples + 1 }, (_, k) => {
    const effort = (max * k) / samples;
    return { effort, pressure: f(effort) };
  });
  return { points, marks, current: { effort: current, pressure: f(current) }, max };
}
