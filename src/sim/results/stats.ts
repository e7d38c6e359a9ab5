import { quantileSorted, sampleStandardDeviation } from 'simple-statistics';

/** Summary of one figure across runs. */
export interface Stat {
  mean: number;
  sd: number;
  p05: number;
  p50: number;
  p95: number;
}

/** Summary of a series across runs, one entry per time step. */
export interface Band {
  mean: number[];
  p05: number[];
  p50: number[];
  p95: number[];
}

/**
 * Round to 6 significant digits: results stay readable and compact, and the rounding is the same on every machine
 * (the inputs are computed in the same order), so bytes stay identical.
 */
/**
 * Student's t quantile t(0.95; df), for 90 % two-sided intervals of a mean: the textbook table to 30 degrees of
 * freedom, then the Cornish–Fisher expansion around z = 1.644854 (within 0.001 of the table at 30 and closer above).
 * With the few runs a scenario has (4 in the tests, 20 by default) the normal 1.645 would claim 90 % where the
 * interval holds about 80 % (n = 4) or 89 % (n = 20).
 */
const T95 = [6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.74, 1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697];
export function tQuantile95(df: number): number {
  if (!(df >= 1)) return NaN;
  if (df <= T95.length) return T95[Math.floor(df) - 1]!;
  const z = 1.644854;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/** The 90 % confidence interval of a mean from n values with sample sd: mean ± t(0.95; n − 1) · sd / √n; null for n < 2. */
export function meanCi90(mean: number, sd: number, n: number): [number, number] | null {
  if (!(n > 1)) return null;
  const h = (tQuantile95(n - 1) * sd) / Math.sqrt(n);
  return [round6(mean - h), round6(mean + h)];
}

export function round6(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(6));
}

/** Mean, sample sd and the 5th/50th/95th percentiles (linear interpolation, numpy's default). Non-finite values are
 * left out (a ratio with a zero denominator in some run); null when no run has a value. */
export function stat(values: ArrayLike<number>): Stat | null {
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) xs.push(v);
  }
  if (xs.length === 0) return null;
  xs.sort((a, b) => a - b);
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  return {
    mean: round6(mean),
    sd: round6(xs.length > 1 ? sampleStandardDeviation(xs) : 0),
    p05: round6(quantileSorted(xs, 0.05)),
    p50: round6(quantileSorted(xs, 0.5)),
    p95: round6(quantileSorted(xs, 0.95)),
  };
}

/**
 * Band of a set of equally long series (runs × steps stored run-major in one array).
 */
export function band(data: ArrayLike<number>, runs: number, steps: number, mul = 1): Band {
  return drain(bandSteps(data, runs, steps, mul, Infinity));
}

/**
 * The same as `band`, as a generator that pauses every `chunk` time steps, so a caller on a UI thread can give the
 * event loop a turn between pieces of a large summary (many runs × many days) without changing the result.
 */
export function* bandSteps(data: ArrayLike<number>, runs: number, steps: number, mul: number, chunk: number): Generator<void, Band> {
  const out: Band = { mean: new Array(steps), p05: new Array(steps), p50: new Array(steps), p95: new Array(steps) };
  const col = new Float64Array(runs);
  for (let t = 0; t < steps; t++) {
    if (t > 0 && t % chunk === 0) yield;
    let sum = 0;
    for (let r = 0; r < runs; r++) {
      const v = data[r * steps + t]! * mul;
      col[r] = v;
      sum += v;
    }
    col.sort();
    out.mean[t] = round6(sum / runs);
    out.p05[t] = round6(quantileSorted(col as unknown as number[], 0.05));
    out.p50[t] = round6(quantileSorted(col as unknown as number[], 0.5));
    out.p95[t] = round6(quantileSorted(col as unknown as number[], 0.95));
  }
  return out;
}

/** Run a generator to its end and return its value (the synchronous use of the *Steps functions). */
export function drain<T>(g: Generator<void, T>): T {
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}
