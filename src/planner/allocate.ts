/**
 * Budget allocation by marginal exchange: maximise f(x) over lo ≤ x ≤ hi, Σx ≤ budget. Each step measures every
 * tactic's marginal gain from δ more and marginal loss from δ less, then moves δ from the tactic that loses least to
 * the one that gains most (or in from, or out to, the unspent budget), keeps the move only if f really improves, and
 * halves δ when nothing improves. For concave separable returns (diminishing returns) it ends where marginal returns
 * are equal, the textbook optimum; with interactions it is a local search started from the user's plan.
 *
 * Why not a library: the npm optimisers that fit a bound- and sum-constrained nonlinear problem are either
 * unconstrained (fmin, numeric's uncmin, both unmaintained) or linear (javascript-lp-solver, yalps, glpk.js, highs),
 * and the objective is a deterministic but expensive simulation, where a step that moves money between two tactics
 * is also what the result is read as.
 */
export interface AllocationProblem {
  budget: number;
  lo: number[];
  hi: number[];
  f: (x: number[]) => number;
  /** Where to start (clipped into the bounds and the budget); default: lo plus an even share of the rest. */
  start?: number[];
  /** Stop when δ falls below tol × budget (default 1e-3). */
  tol?: number;
  /** First step as a share of the budget (default 1/4). */
  step?: number;
  /** Give up after this many evaluations of f (default 5000). */
  maxEvaluations?: number;
}

export interface AllocationResult {
  x: number[];
  value: number;
  evaluations: number;
  /** Every point evaluated with its value (distinct points), for candidates and for the record. */
  visited: Array<{ x: number[]; value: number }>;
}

const sum = (a: number[]) => a.reduce((p, q) => p + q, 0);

/** A feasible start: clip into the bounds, then scale the part above lo down if over budget. */
export function feasible(x: number[], lo: number[], hi: number[], budget: number): number[] {
  const y = x.map((v, i) => Math.min(hi[i]!, Math.max(lo[i]!, v)));
  const floor = sum(lo);
  if (floor > budget * (1 + 1e-12)) throw new RangeError(`the lower bounds add up to ${floor}, more than the budget ${budget}`);
  const above = sum(y) - floor;
  const room = budget - floor;
  if (above > room && above > 0) return y.map((v, i) => lo[i]! + ((v - lo[i]!) * room) / above);
  return y;
}

export function allocate(p: AllocationProblem): AllocationResult {
  const n = p.lo.length;
  const tol = (p.tol ?? 1e-3) * p.budget;
  const maxEval = p.maxEvaluations ?? 5000;
  const cache = new Map<string, number>();
  const visited: AllocationResult['visited'] = [];
  const f = (x: number[]) => {
    const key = x.map((v) => v.toPrecision(12)).join(',');
    let v = cache.get(key);
    if (v === undefined) {
      v = p.f(x);
      cache.set(key, v);
      // Probes of "δ more" may overshoot the budget: only affordable points are candidates.
      if (sum(x) <= p.budget * (1 + 1e-9)) visited.push({ x: x.slice(), value: v });
    }
    return v;
  };
  const even = p.lo.map((l, i) => l + Math.min(p.hi[i]! - l, (p.budget - sum(p.lo)) / n));
  let x = feasible(p.start ?? even, p.lo, p.hi, p.budget);
  let fx = f(x);
  let delta = (p.step ?? 0.25) * p.budget;
  while (delta >= tol && cache.size < maxEval) {
    const slack = p.budget - sum(x);
    // Marginal gain of up to δ more (limited by hi) and marginal loss of up to δ less (limited by lo), per yuan.
    const up: Array<{ i: number; d: number; rate: number }> = [];
    const down: Array<{ i: number; d: number; rate: number }> = [];
    for (let i = 0; i < n; i++) {
      const du = Math.min(delta, p.hi[i]! - x[i]!);
      if (du > tol / 2) {
        const y = x.slice();
        y[i]! += du;
        up.push({ i, d: du, rate: (f(y) - fx) / du });
      }
      const dd = Math.min(delta, x[i]! - p.lo[i]!);
      if (dd > tol / 2) {
        const y = x.slice();
        y[i]! -= dd;
        down.push({ i, d: dd, rate: (fx - f(y)) / dd });
      }
    }
    up.sort((a, b) => b.rate - a.rate);
    down.sort((a, b) => a.rate - b.rate);
    const tries: number[][] = [];
    const best = up[0];
    const worst = down[0];
    if (best && best.rate > 0 && slack > tol / 2) {
      const y = x.slice();
      y[best.i]! += Math.min(best.d, slack);
      tries.push(y);
    }
    if (best && worst && best.i !== worst.i && best.rate > worst.rate) {
      const d = Math.min(best.d, worst.d);
      const y = x.slice();
      y[best.i]! += d;
      y[worst.i]! -= d;
      tries.push(y);
    }
    // The second-best pairs too: with interactions the best pair's estimate can mislead.
    for (const u of up.slice(0, 2))
      for (const w of down.slice(0, 2)) {
        if (u.i === w.i || (u === best && w === worst) || u.rate <= w.rate) continue;
        const d = Math.min(u.d, w.d);
        const y = x.slice();
        y[u.i]! += d;
        y[w.i]! -= d;
        tries.push(y);
      }
    if (worst && worst.rate < 0) {
      const y = x.slice();
      y[worst.i]! -= worst.d;
      tries.push(y);
    }
    let moved = false;
    for (const y of tries) {
      const fy = f(y);
      if (fy > fx + Math.abs(fx) * 1e-12) {
        x = y;
        fx = fy;
        moved = true;
        break;
      }
    }
    if (!moved) delta /= 2;
  }
  return { x, value: fx, evaluations: cache.size, visited };
}

/** Up to k visited points, best first, each at least `minDistance` (L1) from the ones already picked. */
export function distinctBest(visited: AllocationResult['visited'], k: number, minDistance: number): AllocationResult['visited'] {
  const sorted = visited.slice().sort((a, b) => b.value - a.value);
  const out: AllocationResult['visited'] = [];
  for (const v of sorted) {
    if (out.length >= k) break;
    if (out.every((o) => o.x.reduce((s, xi, i) => s + Math.abs(xi - v.x[i]!), 0) >= minDistance)) out.push(v);
  }
  return out;
}
