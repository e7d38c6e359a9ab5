import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { Rng } from '../../src/sim/step/rng';

/**
 * The engine's random numbers against independent references: sfc32 as published (Doty-Humphrey's PractRand
 * reference, written here again in BigInt arithmetic), the seeding that the class documents, and the moments of each
 * distribution from its closed form (mean and variance within 5 standard errors of the sample estimate).
 */

/** sfc32 from its published definition, in BigInt modulo 2³²: tmp = a + b + counter++; a = b ^ (b >> 9);
 * b = c + (c << 3); c = rotl(c, 21) + tmp; output tmp. */
function sfc32Reference(words: [number, number, number, number], count: number): number[] {
  const M = 2n ** 32n;
  const u = (x: number) => BigInt(x >>> 0);
  let [a, b, c, d] = words.map(u) as [bigint, bigint, bigint, bigint];
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const tmp = (a + b + d) % M;
    d = (d + 1n) % M;
    a = b ^ (b >> 9n);
    b = (c + c * 8n) % M;
    c = (((c * 2n ** 21n) % M) | (c >> 11n)) % M;
    c = (c + tmp) % M;
    out.push(Number(tmp) / 2 ** 32);
  }
  return out;
}

function logFactorial(n: number): number {
  let s = 0;
  for (let k = 2; k <= n; k++) s += Math.log(k);
  return s;
}
function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** Sample mean and variance of n draws. */
function moments(n: number, draw: () => number) {
  let s = 0;
  let s2 = 0;
  for (let k = 0; k < n; k++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, variance: (s2 - n * mean * mean) / (n - 1) };
}

/** Mean and variance within 5 standard errors of the closed form; excess kurtosis κ sets the variance's error. */
function expectMoments(n: number, draw: () => number, mean: number, variance: number, kurtosis: number, what: string) {
  const m = moments(n, draw);
  expect(Math.abs(m.mean - mean), `${what}: mean ${m.mean}, closed form ${mean}`).toBeLessThan(5 * Math.sqrt(variance / n));
  const seVar = variance * Math.sqrt(2 / (n - 1) + kurtosis / n);
  expect(Math.abs(m.variance - variance), `${what}: variance ${m.variance}, closed form ${variance}`).toBeLessThan(5 * seVar);
}

describe('the stream', () => {
  it('is sfc32 as published, from any state', () => {
    for (const words of [
      [1, 2, 3, 4],
      [-1, 0x7fffffff, -2147483648, 12345],
      [0x9e3779b9 | 0, 0x243f6a88, 0x85a308d3 | 0, 0x13198a2e],
    ] as [number, number, number, number][]) {
      const r = new Rng('any');
      r.setState(words);
      const got = Array.from({ length: 40 }, () => r.next());
      expect(got).toEqual(sfc32Reference(words, 40));
    }
  });

  it('starts from seedrandom’s four ARC4 words for the key, then skips 15 draws', () => {
    const arc4 = seedrandom('7/run-3/moves');
    const words = [arc4.int32() | 0, arc4.int32() | 0, arc4.int32() | 0, arc4.int32() | 0] as [number, number, number, number];
    const expected = sfc32Reference(words, 15 + 5).slice(15);
    const r = new Rng('7/run-3/moves');
    expect(Array.from({ length: 5 }, () => r.next())).toEqual(expected);
  });

  it('state() and setState() continue the stream exactly; a bad state is refused', () => {
    const a = new Rng('x');
    a.next();
    const b = new Rng('y');
    b.setState(a.state());
    expect(Array.from({ length: 10 }, () => b.next())).toEqual(Array.from({ length: 10 }, () => a.next()));
    const bad = /four signed 32-bit integers/;
    expect(() => b.setState([1, 2, 3])).toThrow(bad);
    expect(() => b.setState([1, 2, 3, 4, 5])).toThrow(bad);
    expect(() => b.setState([1, 2, 3, 0.5])).toThrow(bad);
    expect(() => b.setState([1, 2, 3, 2147483648])).toThrow(bad);
    expect(() => b.setState([-2147483649, 2, 3, 4])).toThrow(bad);
    expect(() => b.setState([2147483647, -2147483648, 0, 0])).not.toThrow();
    expect(b.state()).toEqual([2147483647, -2147483648, 0, 0]);
  });

  it('next() is in [0, 1), nextOpen() in (0, 1] and 1 − next(); int(n) in [0, n) and uniform', () => {
    const r = new Rng('ranges');
    const twin = new Rng('ranges');
    const counts = new Array(7).fill(0);
    let wrong = 0;
    for (let k = 0; k < 70000; k++) {
      const o = r.nextOpen();
      if (o !== 1 - twin.next() || !(o > 0 && o <= 1)) wrong++;
      const i = r.int(7);
      twin.next();
      if (!(Number.isInteger(i) && i >= 0 && i < 7)) wrong++;
      else counts[i]++;
    }
    expect(wrong).toBe(0);
    // Each of 7 values 10 000 times: binomial sd ≈ 93.
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(5 * 93);
  });
});

describe('distributions, against their closed-form moments', () => {
  const N = 40000;

  it('normal: mean 0, variance 1', () => {
    const r = new Rng('normal');
    expectMoments(N, () => r.normal(), 0, 1, 0, 'normal');
  });

  it.each([0.4, 1, 2.5, 9])('gamma(%s): mean = variance = shape', (k) => {
    const r = new Rng(`gamma-${k}`);
    expectMoments(N, () => r.gamma(k), k, k, 6 / k, `gamma(${k})`);
  });

  it.each([
    [2, 5],
    [0.5, 0.5],
  ])('beta(%s, %s): mean a/(a+b), variance ab/((a+b)²(a+b+1)) (excess kurtosis below 0: the normal error is generous)', (a, b) => {
    const r = new Rng(`beta-${a}-${b}`);
    const mean = a / (a + b);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expectMoments(N, () => r.beta(a, b), mean, variance, 0, `beta(${a}, ${b})`);
  });

  it.each([0.3, 4, 49, 120])('poisson(%s): mean = variance = λ (inversion up to 50, normal above)', (lambda) => {
    const r = new Rng(`poisson-${lambda}`);
    expectMoments(N, () => r.poisson(lambda), lambda, lambda, 1 / lambda, `poisson(${lambda})`);
    const draws = Array.from({ length: 2000 }, () => r.poisson(lambda));
    expect(draws.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
  });

  it('poisson of a mean ≤ 0 is 0', () => {
    const r = new Rng('poisson-0');
    expect([r.poisson(0), r.poisson(-3)]).toEqual([0, 0]);
  });

  it.each([
    [20, 0.3], // n < 64: a Bernoulli draw each
    [63, 0.9],
    [400, 0.02], // mean 8 < 30: inversion on the pmf
    [2000, 0.012], // mean 24
    [1000, 0.4], // normal approximation
  ])('binomial(%s, %s): mean np, variance np(1 − p), whole numbers in [0, n]', (n, p) => {
    const r = new Rng(`binomial-${n}-${p}`);
    const q = 1 - p;
    expectMoments(N, () => r.binomial(n, p), n * p, n * p * q, (1 - 6 * p * q) / (n * p * q), `binomial(${n}, ${p})`);
    const draws = Array.from({ length: 2000 }, () => r.binomial(n, p));
    expect(draws.every((x) => Number.isInteger(x) && x >= 0 && x <= n)).toBe(true);
  });

  it.each([
    ['binomial(20, 0.3)', (r: Rng) => r.binomial(20, 0.3), (k: number) => logChoose(20, k) + k * Math.log(0.3) + (20 - k) * Math.log(0.7)],
    ['binomial(400, 0.02)', (r: Rng) => r.binomial(400, 0.02), (k: number) => logChoose(400, k) + k * Math.log(0.02) + (400 - k) * Math.log(0.98)],
    ['poisson(4)', (r: Rng) => r.poisson(4), (k: number) => -4 + k * Math.log(4) - logFactorial(k)],
  ] as const)('%s: every value’s frequency is its exact probability (where the normal shortcut would not be)', (_, draw, logPmf) => {
    const r = new Rng(`pmf-${_}`);
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const x = draw(r);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    for (let k = 0; k <= 30; k++) {
      const p = Math.exp(logPmf(k));
      if (N * p < 20) continue;
      const se = Math.sqrt(N * p * (1 - p));
      expect(Math.abs((counts.get(k) ?? 0) - N * p), `P(X = ${k}) = ${p}: ${counts.get(k) ?? 0} of ${N}`).toBeLessThan(5 * se);
    }
  });

  it('a count with nothing to draw (mean 0, no trials, p = 0 or 1) takes no number from the stream', () => {
    // Sources whose rate is 0 on a day must not shift the draws of everything after them.
    const r = new Rng('no-draw');
    const twin = new Rng('no-draw');
    expect([r.poisson(0), r.poisson(-1), r.binomial(0, 0.5), r.binomial(-2, 0.5), r.binomial(10, 0), r.binomial(100, 0), r.binomial(10, -1)]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect([r.binomial(10, 1), r.binomial(100, 1), r.binomial(10, 2)]).toEqual([10, 100, 10]);
    // No trials is 0 even when every trial would succeed.
    expect([r.binomial(0, 1), r.binomial(-2, 1), r.binomial(-2, 0.5)]).toEqual([0, 0, 0]);
    expect(r.next()).toBe(twin.next());
  });

  it('binomial edge cases: none, certain, impossible', () => {
    const r = new Rng('binomial-edges');
    expect([r.binomial(0, 0.5), r.binomial(-1, 0.5), r.binomial(10, 0), r.binomial(10, -0.1), r.binomial(10, 1), r.binomial(10, 1.5)]).toEqual([0, 0, 0, 0, 10, 10]);
    // A tiny p with many trials: the inversion stops at n.
    const big = Array.from({ length: 200 }, () => r.binomial(100, 0.999999));
    expect(Math.max(...big)).toBeLessThanOrEqual(100);
  });
});

/**
 * Which draws a count takes from its stream, and what it makes of them. A run's figures (and the golden summaries)
 * depend on them, so the method each size uses is part of the engine's contract, not only its distribution: Poisson by
 * inversion (Knuth's product of uniforms) up to a mean of 50 and by the normal approximation above; binomial by n
 * Bernoulli trials below 64 trials, by inversion of the pmf (one uniform) while the mean is below 30, and by the
 * normal approximation from 30 on. Each value is rebuilt here from a twin stream's uniforms by the method's textbook
 * definition (the pmf from log-factorials, the normal from Box–Muller on two uniforms), and the two streams must stay
 * in step afterwards (so a count took exactly the draws its method needs).
 */
describe('the draws each count takes from its stream', () => {
  /** Box–Muller: √(−2 ln U₁)·cos(2πU₂), U₁ in (0, 1] from 1 − next(), U₂ from next(). */
  const boxMuller = (twin: Rng) => {
    const u1 = 1 - twin.next();
    const u2 = twin.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
  const inStep = (r: Rng, twin: Rng) => expect(r.next()).toBe(twin.next());

  it.each([4, 50])('poisson(%s): the number of uniforms multiplied before the product falls to e^−mean or below', (mean) => {
    for (let trial = 0; trial < 20; trial++) {
      const r = new Rng(`knuth-${mean}-${trial}`);
      const twin = new Rng(`knuth-${mean}-${trial}`);
      let k = 0;
      let prod = twin.next();
      while (prod > Math.exp(-mean)) {
        k++;
        prod *= twin.next();
      }
      expect(r.poisson(mean)).toBe(k);
      inStep(r, twin);
    }
  });

  it.each([50.5, 120])('poisson(%s): mean + √mean·Z rounded, Z from two uniforms', (mean) => {
    for (let trial = 0; trial < 20; trial++) {
      const r = new Rng(`poisson-normal-${mean}-${trial}`);
      const twin = new Rng(`poisson-normal-${mean}-${trial}`);
      expect(r.poisson(mean)).toBe(Math.max(0, Math.round(mean + Math.sqrt(mean) * boxMuller(twin))));
      inStep(r, twin);
    }
  });

  it.each([
    [20, 0.3],
    [63, 0.2],
  ])('binomial(%s, %s): one Bernoulli trial per uniform', (n, p) => {
    for (let trial = 0; trial < 20; trial++) {
      const r = new Rng(`trials-${n}-${trial}`);
      const twin = new Rng(`trials-${n}-${trial}`);
      let k = 0;
      for (let i = 0; i < n; i++) if (twin.next() < p) k++;
      expect(r.binomial(n, p)).toBe(k);
      inStep(r, twin);
    }
  });

  it.each([
    [64, 0.2], // 64 trials, mean 12.8: no longer one draw per trial
    [400, 0.02],
    [2000, 0.0149], // mean 29.8
  ])('binomial(%s, %s): the smallest k whose cdf reaches one uniform', (n, p) => {
    const cdf: number[] = [];
    let s = 0;
    for (let k = 0; k <= n; k++) cdf.push((s += Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log(1 - p))));
    for (let trial = 0; trial < 20; trial++) {
      const r = new Rng(`pmf-inverse-${n}-${trial}`);
      const twin = new Rng(`pmf-inverse-${n}-${trial}`);
      const u = twin.next();
      expect(r.binomial(n, p)).toBe(cdf.findIndex((c) => c >= u));
      inStep(r, twin);
    }
  });

  it.each([
    [120, 0.25], // mean exactly 30
    [1000, 0.4],
  ])('binomial(%s, %s): np + √(np(1 − p))·Z rounded into [0, n], Z from two uniforms', (n, p) => {
    for (let trial = 0; trial < 20; trial++) {
      const r = new Rng(`binomial-normal-${n}-${trial}`);
      const twin = new Rng(`binomial-normal-${n}-${trial}`);
      const x = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * boxMuller(twin));
      expect(r.binomial(n, p)).toBe(Math.min(n, Math.max(0, x)));
      inStep(r, twin);
    }
  });
});

describe('gamma against Marsaglia & Tsang as published, without the squeeze', () => {
  /**
   * The paper's method (Marsaglia & Tsang 2000, § 6) on a twin stream: d = a − 1/3, c = 1/√(9d); draw x ~ N(0, 1)
   * (Box–Muller) until v = 1 + cx > 0; v ← v³; accept d·v when ln U < x²/2 + d(1 − v + ln v), U in (0, 1]; for
   * a < 1, Gamma(a + 1)·U^(1/a). The engine adds the squeeze U < 1 − 0.0331x⁴, a shortcut that must accept only what
   * the exact check accepts: with it or without, the same draws give the same value.
   */
  function gammaRef(twin: Rng, a: number): number {
    if (a < 1) return gammaRef(twin, a + 1) * Math.pow(1 - twin.next(), 1 / a);
    const d = a - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        const u1 = 1 - twin.next();
        const u2 = twin.next();
        x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - twin.next();
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  it.each([0.4, 1, 1.5, 9])('gamma(%s): the same value from the same draws, 3 000 times in a row', (a) => {
    const r = new Rng(`mt-${a}`);
    const twin = new Rng(`mt-${a}`);
    let wrong = 0;
    for (let i = 0; i < 3000; i++) if (r.gamma(a) !== gammaRef(twin, a)) wrong++;
    expect(wrong).toBe(0);
    expect(r.next()).toBe(twin.next());
  });
});
