import type { Text } from '../../lib/text';
import { drawAssumptions } from '../assumptions';
import type { EngineConfig } from '../config';
import { round6 } from './stats';

/** One assumed parameter's share in a figure's spread across runs. */
export interface Driver {
  path: string;
  label: Text;
  /** The tactic the parameter belongs to, if any. */
  tactic?: string;
  /** Partial rank correlation of the figure with this parameter's draws, the other screened parameters held out; null when not screened. */
  prcc: number | null;
  /** Spearman rank correlation of the figure with the draws (no other parameter held out). */
  rho: number;
}

/** Ranks 1..n, ties sharing their average rank. */
export function ranks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a]! - x[b]!);
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && x[idx[j + 1]!] === x[idx[i]!]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[idx[k]!] = r;
    i = j + 1;
  }
  return out;
}

function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

function sumSq(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += x * x;
  return s;
}

/** v minus its least-squares fit on a constant and the columns (modified Gram–Schmidt; dependent columns skipped). */
function residual(v: Float64Array, columns: Float64Array[]): Float64Array {
  const n = v.length;
  const basis: Float64Array[] = [new Float64Array(n).fill(1 / Math.sqrt(n))];
  for (const c of columns) {
    const q = Float64Array.from(c);
    for (const b of basis) {
      let d = 0;
      for (let i = 0; i < n; i++) d += q[i]! * b[i]!;
      for (let i = 0; i < n; i++) q[i]! -= d * b[i]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += q[i]! ** 2;
    norm = Math.sqrt(norm);
    if (norm < 1e-9 * Math.sqrt(n) * n) continue;
    for (let i = 0; i < n; i++) q[i]! /= norm;
    basis.push(q);
  }
  const r = Float64Array.from(v);
  for (const b of basis) {
    let d = 0;
    for (let i = 0; i < n; i++) d += r[i]! * b[i]!;
    for (let i = 0; i < n; i++) r[i]! -= d * b[i]!;
  }
  return r;
}

/**
 * Partial rank correlation coefficients: for each input, the correlation of the ranks of the input and of y once both
 * are cleared (by least squares) of the ranks of all the other inputs. Needs more runs than inputs + 2.
 */
export function prcc(inputs: ArrayLike<number>[], y: ArrayLike<number>): number[] {
  const rx = inputs.map(ranks);
  const ry = ranks(y);
  return rx.map((x, i) => {
    const others = rx.filter((_, j) => j !== i);
    const ex = residual(x, others);
    const ey = residual(ry, others);
    // Nothing left of one side once the others are held out (y is a function of them, or does not vary at all): no
    // partial correlation. What is left is then rounding noise, judged against the size of the ranks themselves (never
    // 0): against their spread, a side that does not vary (spread 0) let its noise through as a correlation.
    if (sumSq(ey) < 1e-12 * sumSq(ry) || sumSq(ex) < 1e-12 * sumSq(x)) return 0;
    return pearson(ex, ey);
  });
}

/** Spearman's rank correlation. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(ranks(x), ranks(y));
}

/**
 * Which assumptions drive a figure's spread, ranked: every drawn parameter's Spearman correlation with the figure
 * across runs; the strongest ones — at most a third of the runs, so the regression behind PRCC stays well determined
 * — also get their PRCC, and rank by it; the rest follow by |Spearman|. Runs where the figure is not finite are left
 * out. Empty when nothing is drawn or there are fewer than 5 runs.
 */
export function rankDrivers(config: EngineConfig, figure: ArrayLike<number>): Driver[] {
  const ranges = config.assumptions ?? [];
  const runs: number[] = [];
  for (let r = 0; r < figure.length; r++) if (Number.isFinite(figure[r]!)) runs.push(r);
  if (ranges.length === 0 || runs.length < 5) return [];
  const draws = runs.map((r) => drawAssumptions(config, r));
  const x = ranges.map((_, k) => Float64Array.from(draws, (d) => d[k]!));
  const y = Float64Array.from(runs, (r) => figure[r]!);
  const rho = x.map((xk) => spearman(xk, y));
  const order = rho.map((_, k) => k).sort((a, b) => Math.abs(rho[b]!) - Math.abs(rho[a]!) || a - b);
  const screened = order.slice(0, Math.max(1, Math.min(ranges.length, Math.floor(runs.length / 3))));
  const p = prcc(screened.map((k) => x[k]!), y);
  const pr = new Map(screened.map((k, i) => [k, p[i]!]));
  const out = ranges.map((a, k) => ({ path: a.path, label: a.label, ...(a.tactic !== undefined && { tactic: a.tactic }), prcc: pr.has(k) ? round6(pr.get(k)!) : null, rho: round6(rho[k]!) }));
  const strength = (d: Driver) => (d.prcc === null ? -1 + Math.abs(d.rho) * 1e-3 : Math.abs(d.prcc));
  return out.sort((a, b) => strength(b) - strength(a) || (a.path < b.path ? -1 : 1));
}
