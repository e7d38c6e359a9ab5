import seedrandom from 'seedrandom';

/**
 * Seeded randomness for the engine.
 *
 * Every stream is keyed by a stable string (`<seed>/run-3/moves`, `<seed>/run-3/tactic/live-1`), so
 * a result depends only on the scenario, the seed and the run index, and adding a tactic does not
 * reshuffle the draws of unrelated parts of the model. seedrandom's ARC4 hashes the key into four
 * 32-bit words; the stream itself is sfc32 (Chris Doty-Humphrey's small fast counter generator),
 * which is much faster than ARC4 and passes PractRand — it matters because the daily move loop
 * draws one number per agent per day. The hot loop copies the four words into locals and inlines
 * the generator (see moves.ts); everything else calls `next()`.
 */
export class Rng {
  a: number;
  b: number;
  c: number;
  d: number;

  constructor(key: string) {
    const arc4 = seedrandom(key);
    this.a = arc4.int32() | 0;
    this.b = arc4.int32() | 0;
    this.c = arc4.int32() | 0;
    this.d = arc4.int32() | 0;
    // Warm up so that similar keys do not start from correlated states.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** The stream's position: its four 32-bit words (a checkpoint saves them; checkpoint.ts). */
  state(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d];
  }

  /** Continue from a saved position: the next draws are those the saved stream would have given. */
  setState(words: ArrayLike<number>): void {
    if (words.length !== 4 || !Array.from(words).every((w) => Number.isInteger(w) && w >= -2147483648 && w <= 2147483647)) {
      throw new RangeError('a stream state is four signed 32-bit integers');
    }
    this.a = words[0]! | 0;
    this.b = words[1]! | 0;
    this.c = words[2]! | 0;
    this.d = words[3]! | 0;
  }

  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform in (0, 1]: safe for logarithms. */
  nextOpen(): number {
    return 1 - this.next();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal (Box–Muller, one of the pair; the cold paths that use it are rare). */
  normal(): number {
    const u = this.nextOpen();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Gamma(shape, rate = 1) by Marsaglia & Tsang (2000), with the boost for shape < 1. */
  gamma(shape: number): number {
    if (shape < 1) {
      const g = this.gamma(shape + 1);
      return g * Math.pow(this.nextOpen(), 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.nextOpen();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Beta(a, b) as a ratio of gammas. */
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    const y = this.gamma(b);
    return x / (x + y);
  }

  /** Poisson(mean) — inversion for small means, normal approximation above 50 (counts of people). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const l = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > l) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Binomial(n, p): exact by inversion for small n·p, normal approximation for large counts. */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    const mean = n * p;
    if (n < 64) {
      let k = 0;
      for (let i = 0; i < n; i++) if (this.next() < p) k++;
      return k;
    }
    if (mean < 30) {
      // Inversion on the binomial pmf.
      const q = 1 - p;
      let pk = Math.pow(q, n);
      let cdf = pk;
      const u = this.next();
      let k = 0;
      while (u > cdf && k < n) {
        pk *= ((n - k) / (k + 1)) * (p / q);
        cdf += pk;
        k++;
      }
      return k;
    }
    const x = Math.round(mean + Math.sqrt(mean * (1 - p)) * this.normal());
    return Math.min(n, Math.max(0, x));
  }
}

/** The canonical text of a seed, so that 7 and "7" name the same streams. */
export function seedKey(seed: number | string): string {
  return String(seed);
}

/** Key of run i's streams. */
export function runKey(seed: number | string, run: number): string {
  return `${seedKey(seed)}/run-${run}`;
}
