/**
 * BG/NBD closed forms (Fader, Hardie & Lee 2005). Used as the test oracle for the engine's repeat buying and by the
 * app to show what a set of BG/NBD parameters means. Rates are per day.
 */
export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Gauss hypergeometric ₂F₁(a, b; c; z) by its power series, for 0 ≤ z < 1. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (z < 0 || z >= 1) throw new RangeError(`hyp2f1 series needs 0 ≤ z < 1, got ${z}`);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 1_000_000; n++) {
    term *= ((a + n) * (b + n)) / ((c + n) * (n + 1)) * z;
    sum += term;
    if (Math.abs(term) < 1e-15 * Math.abs(sum)) return sum;
  }
  return sum;
}

/**
 * Expected number of repeat purchases by time t of a customer who made a first purchase at time 0:
 * E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))]  (needs a > 1).
 */
export function bgnbdExpectedRepeats(t: number, p: BgnbdParams): number {
  if (p.a <= 1) throw new RangeError('the BG/NBD expectation needs a > 1');
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}

/** P(alive | x, t_x, T) for a customer with x repeat purchases, the last at t_x, observed until T. */
export function bgnbdProbabilityAlive(x: number, tx: number, T: number, p: BgnbdParams): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  return 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}
