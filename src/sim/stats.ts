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
