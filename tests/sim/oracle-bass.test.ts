import { describe, expect, it } from 'vitest';
import { config, runAll } from '../helpers';
import { bassDiscrete, bassDiscreteTextbook } from '../../src/sim/response';
import { sized } from '../mutation-size';

describe('word of mouth follows discrete Bass diffusion', () => {
  const p = 0.002;
  const q = 0.08;
  const days = 150;
  const n = sized(20000, 20000, 4000);
  // Compiled anew by each test as well (compiling runs src/sim code: schedules, apportioning agents to tiers), so
  // that a mutant there is seen; `c` is for the test's own arithmetic.
  const configOf = () =>
    config({
      days,
      runs: sized(24, 24, 12),
      population: { agents: n, scale: 1, initial: { R0: 1, R1: 0, R2: 0, R3: 0, R4: 0, R5: 0 }, heterogeneity: false },
      baseline: {
        forward: { R0: p, R1: 0, R2: 0, R3: 0, R4: 0 },
        reverse: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 0 },
        repeat: 0,
        repeatModel: { kind: 'simple' },
        orderValue: { mean: 100, sd: 0 },
      },
      wordOfMouth: { q, sources: ['R1', 'R2', 'R3', 'R4', 'R5'] },
    });
  const c = configOf();
  // Each test runs the engine itself, so that it runs under StrykerJS's active mutant (docs/testing.md § Mutation
  // testing): a run made here, in the describe body, would happen before the mutant is switched on.
  const oracle = bassDiscrete(p, q, days);

  it('the mean reached share matches F_{t+1} = F_t + (1 − F_t)(1 − (1 − p)(1 − q·F_t)) within 5 standard errors', () => {
    const s = runAll(configOf());
    const r = s.result();
    const reached = s.series('assets');
    let worst = 0;
    for (let t = 1; t <= days; t++) {
      const xs: number[] = [];
      for (let run = 0; run < c.runs; run++) xs.push(reached.data[run * (days + 1) + t]! / n);
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
      // Floor the standard error at the binomial one, so a lucky tiny sample spread cannot make the test brittle.
      const se = Math.max(sd, Math.sqrt((oracle[t]! * (1 - oracle[t]!)) / n)) / Math.sqrt(c.runs);
      worst = Math.max(worst, Math.abs(m - oracle[t]!) / se);
    }
    expect(worst).toBeLessThan(5);
    // The diffusion really took off: more than half reached by the end, S-shaped (peak adoption after day 0).
    expect(r.daily.assets.mean[days]! / n).toBeGreaterThan(0.5);
  });

  it('differs from the textbook recursion only through the p·q·F term', () => {
    const textbook = bassDiscreteTextbook(p, q, days);
    // The two maps differ by (1 − F)·p·q·F ≤ p·q·F per step, and the textbook map has slope ≤ 1 + q, so the gap
    // obeys e_{t+1} ≤ (1 + q)·e_t + p·q·F_t.
    let bound = 0;
    for (let t = 1; t <= days; t++) {
      bound = (1 + q) * bound + p * q * textbook[t - 1]!;
      expect(Math.abs(textbook[t]! - oracle[t]!)).toBeLessThanOrEqual(bound + 1e-12);
    }
  });

  it('word of mouth moves are attributed to word of mouth', () => {
    const r = runAll(configOf()).result();
    const wom = r.byCause.wordOfMouth!.moves!.mean;
    const base = r.byCause.baseline!.moves!.mean;
    expect(wom).toBeGreaterThan(base); // with q/p = 40, imitation dominates
    expect(r.byCause.wordOfMouth!.movesMatrix[0]![1]).toBeCloseTo(wom, 0);
  });
});
