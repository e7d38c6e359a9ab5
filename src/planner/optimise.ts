import type { Overrides } from '../scenario/compile';
import type { Scenario } from '../scenario/types';
import type { ValidationError } from '../scenario/validate';
import type { NumberSpec } from '../lib/spec';
import { getTactic } from '../sim';
import { round6 } from '../sim';
import { allocate, distinctBest, feasible } from './allocate';
import type { FigureKey } from './figures';
import { band, baselineJob, compile, meanField, paired, wilson, type Band, type McJob, type McOutput } from './jobs';
import { setValues } from './paths';
import { runMeanField } from '../sim';

/**
 * Budget optimiser: split a total budget (yuan over the horizon) across the tactics in play, within bounds on each,
 * to maximise an incremental objective. The search runs on the mean field (a coarse pass on the homogeneous mean
 * field when the scenario is heterogeneous, then a fine pass on the full one); the best distinct allocations it met
 * and the user's own plan are then run by Monte Carlo on the same seeds, with the do-nothing baseline, and the risk
 * preference picks among them: the mean, the 10th percentile of outcomes, or the mean among allocations whose
 * probability of a loss (margin × ΔGMV < cost) is at most x.
 *
 * A tactic's budget is the part of the plan's cost that moves with its effort field: the slope of the plan's projected
 * cost (mean field) in that effort, the others held, gives yuan per unit of effort, and budget ÷ that slope is the
 * effort. What does not move with any lever (session fees, tactics not in play, costs of interactions) is the fixed
 * cost, taken off the total budget first. Costs that depend on results (rewards per referral, discounts per order)
 * make the line an approximation around the user's plan; the plan's projected cost is reported beside the budget.
 */
export type Objective = 'gmv' | 'margin' | 'r5' | 'assets';
export type Risk = { kind: 'mean' } | { kind: 'p10' } | { kind: 'lossCap'; maxLossProbability: number };

export interface OptimiseTactic {
  id: string;
  /** The effort field the budget buys; default: the tactic's effort parameter (its response curve's input). */
  field?: string;
  /** Bounds on this tactic's budget, yuan over the horizon. */
  min?: number;
  max?: number;
}

export interface OptimiseSpec {
  budget: number;
  tactics: OptimiseTactic[];
  objective: Objective;
  risk: Risk;
  /** Budgets of the efficient frontier (yuan); default 50 %, 75 %, 100 %, 125 % and 150 % of the budget. */
  frontier?: number[];
  /** Allocations confirmed by Monte Carlo besides the user's own plan (default 3). */
  candidates?: number;
}

export interface Lever {
  id: string;
  field: string;
  /** Path in the scenario, e.g. `tactics[0].dailySpend`. */
  path: string;
  /** The effort the scenario sets now. */
  current: number;
  /** Yuan over the horizon per unit of effort: the slope of the plan's projected cost (mean field). */
  unit: number;
  integer: boolean;
  effortMin: number;
  effortMax: number;
  /** Budget bounds, yuan. */
  lo: number;
  hi: number;
}

export const OBJECTIVE_FIGURE: Record<Objective, FigureKey> = {
  gmv: 'incremental.gmv',
  margin: 'incremental.margin',
  r5: 'incremental.r5',
  assets: 'incremental.assets',
};

/** The levers of a plan, or errors naming the spec's paths (`tactics[2].field`). */
export function levers(s: Scenario, spec: OptimiseSpec, o: Overrides, where = ''): { ok: true; levers: Lever[]; fixedCost: number } | { ok: false; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const out: Lever[] = [];
  const p = (rest: string) => (where ? `${where}.${rest}` : rest);
  const seen = new Set<string>();
  spec.tactics.forEach((t, j) => {
    const idx = s.tactics.findIndex((x) => x.id === t.id);
    if (idx < 0) return errors.push({ path: p(`tactics[${j}].id`), message: `the scenario has no tactic "${t.id}" (it has ${s.tactics.map((x) => x.id).join(', ')})` });
    if (seen.has(t.id)) return errors.push({ path: p(`tactics[${j}].id`), message: `"${t.id}" is listed twice` });
    seen.add(t.id);
    const entry = s.tactics[idx]!;
    const def = getTactic(entry.type);
    const field = t.field ?? def.curve?.effortParam;
    if (!field) return errors.push({ path: p(`tactics[${j}].field`), message: `${entry.type} has no effort parameter: name the field the budget buys` });
    const fs = def.params[field];
    if (!fs || fs.kind !== 'number') return errors.push({ path: p(`tactics[${j}].field`), message: `"${field}" is not a number field of ${entry.type} (its number fields: ${Object.entries(def.params).filter(([, v]) => v.kind === 'number').map(([k]) => k).join(', ')})` });
    const num = fs as NumberSpec;
    const current = entry[field] as number;
    // The slope of the plan's projected cost in this effort, the others held (mean field).
    const e1 = current > 0 ? current : Math.max(num.default ?? 0, num.min, 1);
    const e2 = Math.min(num.max, e1 * 1.5);
    const unit = (projectedCost(setValues(s, [[`tactics[${idx}].${field}`, e2]]), o) - projectedCost(setValues(s, [[`tactics[${idx}].${field}`, e1]]), o)) / (e2 - e1);
    if (!(unit > 0)) return errors.push({ path: p(`tactics[${j}].field`), message: `the cost of "${t.id}" does not grow with ${field}: choose the field its budget buys` });
    const lo = Math.max(t.min ?? 0, unit * num.min);
    const hi = Math.min(t.max ?? Infinity, unit * num.max, spec.budget);
    if (t.max !== undefined && t.min !== undefined && t.min > t.max) return errors.push({ path: p(`tactics[${j}].min`), message: `${t.min} is above max ${t.max}` });
    if (hi < lo) return errors.push({ path: p(`tactics[${j}].max`), message: `leaves no budget between ${round6(lo)} and ${round6(hi)} yuan` });
    out.push({ id: t.id, field, path: `tactics[${idx}].${field}`, current, unit: round6(unit), integer: !!num.integer, effortMin: num.min, effortMax: num.max, lo: round6(lo), hi: round6(hi) });
  });
  let rest = 0;
  if (!errors.length) {
    rest = round6(projectedCost(s, o) - out.reduce((a, l) => a + l.unit * l.current, 0));
    const floor = out.reduce((a, l) => a + l.lo, 0);
    if (floor + rest > spec.budget) errors.push({ path: p('budget'), message: `${spec.budget} yuan is less than the fixed costs (${round6(rest)} yuan) plus the tactics' lower bounds (${round6(floor)} yuan)` });
  }
  return errors.length ? { ok: false, errors } : { ok: true, levers: out, fixedCost: rest };
}

/** The plan's projected cost over the horizon (mean field, yuan). */
export function projectedCost(s: Scenario, o: Overrides): number {
  return runMeanField(compile(s, { ...o, assumptions: false })).totals.cost;
}

export function effortOf(l: Lever, budget: number): number {
  const e = Math.min(l.effortMax, Math.max(l.effortMin, budget / l.unit));
  return l.integer ? Math.round(e) : round6(e);
}

export function budgetOf(l: Lever, effort: number): number {
  return round6(l.unit * effort);
}

export function applyAllocation(s: Scenario, ls: Lever[], x: number[]): Scenario {
  return setValues(s, ls.map((l, i) => [l.path, effortOf(l, x[i]!)] as const));
}

export interface FrontierPoint {
  budget: number;
  allocation: number[];
  efforts: number[];
  /** Expected objective (mean field), and the plan's projected cost. */
  value: number;
  cost: number;
}

export interface OptimiseSkeleton {
  /** Total budget, yuan over the horizon (fixed cost included). */
  budget: number;
  /** Projected cost that moves with no lever, yuan. */
  fixedCost: number;
  objective: Objective;
  figure: FigureKey;
  risk: Risk;
  levers: Lever[];
  own: { allocation: number[]; value: number; cost: number; withinBudget: boolean };
  meanField: FrontierPoint & { evaluations: number };
  frontier: FrontierPoint[];
  /** Allocations to confirm by Monte Carlo (the first is the mean-field optimum). */
  candidates: Array<{ allocation: number[]; efforts: number[]; meanField: number }>;
}

function search(s: Scenario, ls: Lever[], budget: number, figure: FigureKey, o: Overrides, start: number[] | undefined, tol: number, step: number) {
  const base = meanField({ ...s, tactics: [] } as Scenario, o).base;
  const f = (x: number[]) => meanField(applyAllocation(s, ls, x), o, base).figures[figure] ?? -Infinity;
  return allocate({ budget, lo: ls.map((l) => l.lo), hi: ls.map((l) => Math.min(l.hi, budget)), f, start, tol, step });
}

/** The mean-field part: the optimum, the frontier and the candidates. Deterministic; milliseconds per evaluation. */
export function optimiseMeanField(s: Scenario, spec: OptimiseSpec, ls: Lever[], fixedCost: number, o: Overrides): OptimiseSkeleton {
  const figure = OBJECTIVE_FIGURE[spec.objective];
  const coarse = s.population.heterogeneity ? ({ ...s, population: { ...s.population, heterogeneity: false } } as Scenario) : null;
  const ownX = ls.map((l) => budgetOf(l, l.current));
  const point = (budget: number, start: number[] | undefined, fineTol: number) => {
    const b = Math.max(budget - fixedCost, ls.reduce((a, l) => a + l.lo, 0));
    const first = coarse ? search(coarse, ls, b, figure, o, start, 1e-2, 0.25) : null;
    const fine = search(s, ls, b, figure, o, first?.x ?? start, fineTol, first ? 1 / 32 : 0.25);
    const mf = meanField(applyAllocation(s, ls, fine.x), o);
    const pt: FrontierPoint = { budget: round6(b + fixedCost), allocation: fine.x.map(round6), efforts: ls.map((l, i) => effortOf(l, fine.x[i]!)), value: round6(fine.value), cost: mf.figures.cost ?? NaN };
    return { pt, fine, evaluations: (first?.evaluations ?? 0) + fine.evaluations };
  };
  const room = spec.budget - fixedCost;
  const startX = feasible(ownX, ls.map((l) => l.lo), ls.map((l) => l.hi), room);
  const main = point(spec.budget, startX, 1e-3);
  const frontier = (spec.frontier ?? [0.5, 0.75, 1, 1.25, 1.5].map((r) => round6(r * spec.budget))).map((b) =>
    b === spec.budget ? main.pt : point(b, main.fine.x.map((v) => (v * Math.max(0, b - fixedCost)) / room), 1e-2).pt,
  );
  const ownMf = meanField(applyAllocation(s, ls, ownX), o);
  const picks = distinctBest(main.fine.visited, spec.candidates ?? 3, 0.05 * room);
  return {
    budget: spec.budget,
    fixedCost,
    objective: spec.objective,
    figure,
    risk: spec.risk,
    levers: ls,
    own: { allocation: ownX, value: ownMf.figures[figure] ?? NaN, cost: ownMf.figures.cost ?? NaN, withinBudget: (ownMf.figures.cost ?? Infinity) <= spec.budget * (1 + 1e-9) },
    meanField: { ...main.pt, evaluations: main.evaluations },
    frontier,
    candidates: picks.map((c) => ({ allocation: c.x.map(round6), efforts: ls.map((l, i) => effortOf(l, c.x[i]!)), meanField: round6(c.value) })),
  };
}

/** Monte Carlo jobs: the user's own plan, each candidate, then the do-nothing baseline, all on the same seeds. */
export function optimiseJobs(s: Scenario, sk: OptimiseSkeleton, o: Overrides): McJob[] {
  return [
    { kind: 'mc', label: `${s.id} · own plan`, scenario: applyAllocation(s, sk.levers, sk.own.allocation), overrides: o },
    ...sk.candidates.map((c, k): McJob => ({ kind: 'mc', label: `${s.id} · candidate ${k + 1}`, scenario: applyAllocation(s, sk.levers, c.allocation), overrides: o })),
    baselineJob(s, o, s.id),
  ];
}

export interface Confirmed {
  allocation: number[];
  efforts: number[];
  /** The objective per run (paired with the baseline): spread of outcomes and the confidence in its mean. */
  objective: Band | null;
  /** margin × ΔGMV − cost per run. */
  profit: Band | null;
  /** Share of runs with a loss (profit < 0) and its 90 % Wilson interval. */
  pLoss: { p: number; ci90: [number, number] };
  /** The score the risk preference ranks by (null: ruled out by the loss cap). */
  score: number | null;
}

export interface OptimiseResult extends OptimiseSkeleton {
  runs: number;
  seed: string;
  ownConfirmed: Confirmed;
  confirmed: Confirmed[];
  /** Index into `confirmed` of the allocation the risk preference picks, or null when none passes the loss cap. */
  chosen: number | null;
  /** Chosen minus own plan, paired per run on the same seeds: its ci90 is the confidence in the mean difference. */
  vsOwnPlan: Band | null;
}

function confirm(sk: OptimiseSkeleton, allocation: number[], efforts: number[], out: McOutput, base: McOutput): { c: Confirmed; runs: number[] } {
  const per = paired(out, base);
  const obj = per[sk.figure] ?? [];
  const profit = per['incremental.profit'] ?? [];
  const finite = profit.filter((v) => Number.isFinite(v));
  const losses = finite.filter((v) => v < 0).length;
  const pLoss = { p: finite.length ? round6(losses / finite.length) : NaN, ci90: wilson(losses, finite.length) };
  const b = band(obj);
  let score: number | null = b ? (sk.risk.kind === 'p10' ? b.p10 : b.mean) : null;
  if (sk.risk.kind === 'lossCap' && !(pLoss.p <= sk.risk.maxLossProbability)) score = null;
  return { c: { allocation, efforts, objective: b, profit: band(profit), pLoss, score }, runs: obj };
}

export function optimiseAssemble(sk: OptimiseSkeleton, outputs: McOutput[]): OptimiseResult {
  const base = outputs[outputs.length - 1]!;
  const own = confirm(sk, sk.own.allocation, sk.levers.map((l) => l.current), outputs[0]!, base);
  const cs = sk.candidates.map((c, k) => confirm(sk, c.allocation, c.efforts, outputs[k + 1]!, base));
  let chosen: number | null = null;
  cs.forEach((c, k) => {
    if (c.c.score !== null && (chosen === null || c.c.score > cs[chosen]!.c.score!)) chosen = k;
  });
  const vs = chosen === null ? null : band(cs[chosen]!.runs.map((v, r) => v - own.runs[r]!));
  return { ...sk, runs: base.runs, seed: base.seed, ownConfirmed: own.c, confirmed: cs.map((c) => c.c), chosen, vsOwnPlan: vs };
}
