import { describe, expect, it } from 'vitest';
import { config, runAll, vecMat } from '../helpers';
import type { EngineConfig } from '../../src/sim/config';
import { sized } from '../mutation-size';

/** The baseline chain's daily transition matrix, built from the scenario's numbers as model.md defines it. */
function transitionMatrix(c: EngineConfig): number[][] {
  const p = Array.from({ length: 6 }, () => new Array<number>(6).fill(0));
  for (let t = 0; t < 6; t++) {
    const f = t < 4 ? c.forward[t]! : t === 4 ? c.forward[4]! : 0;
    let r = c.reverse[t]!;
    if (f + r > 1) r = 1 - f;
    if (t < 5) p[t]![t + 1] = f;
    if (t > 0) p[t]![t - 1] = r;
    p[t]![t] = 1 - f - r;
  }
  return p;
}

/** Expected counts x0·P^t and the variance of each count (a sum of independent agents' Bernoulli indicators). */
function markovOracle(c: EngineConfig, p: number[][], days: number) {
  // Per starting tier k, the distribution π_k(t) = e_k P^t.
  let pis: number[][] = Array.from({ length: 6 }, (_, k) => Array.from({ length: 6 }, (_, j) => (j === k ? 1 : 0)));
  const mean: number[][] = [];
  const variance: number[][] = [];
  for (let t = 0; t <= days; t++) {
    mean.push(Array.from({ length: 6 }, (_, j) => pis.reduce((a, pi, k) => a + c.initialCounts[k]! * pi[j]!, 0)));
    variance.push(Array.from({ length: 6 }, (_, j) => pis.reduce((a, pi, k) => a + c.initialCounts[k]! * pi[j]! * (1 - pi[j]!), 0)));
    pis = pis.map((pi) => vecMat(pi, p));
  }
  return { mean, variance };
}

describe('baseline chain oracle (heterogeneity and tactics off)', () => {
  const days = 120;
  // Compiled anew by each test as well (compiling runs src/sim code: schedules, apportioning agents to tiers), so
  // that a mutant there is seen; `c` is for the test's own arithmetic.
  const configOf = () =>
    config({
      days,
      runs: sized(40, 8, 8),
      population: { agents: sized(20000, 20000, 5000), scale: 1, initial: { R0: 0.4, R1: 0.2, R2: 0.15, R3: 0.1, R4: 0.1, R5: 0.05 }, heterogeneity: false },
      baseline: {
        forward: { R0: 0.004, R1: 0.03, R2: 0.02, R3: 0.015, R4: 0.02 },
        reverse: { R1: 0.01, R2: 0.012, R3: 0.008, R4: 0.006, R5: 0.01 },
        repeat: 0.03,
        repeatModel: { kind: 'simple' },
        orderValue: { mean: 100, sd: 30 },
      },
    });
  const c = configOf();
  // Each test runs the engine itself, so that it runs under StrykerJS's active mutant (docs/testing.md § Mutation
  // testing): a run made here, in the describe body, would happen before the mutant is switched on.
  const simulate = () => runAll(configOf()).result();
  const tiers = ['R0', 'R1', 'R2', 'R3', 'R4', 'R5'] as const;

  it('mean tier counts match x0·P^t within 5 Monte Carlo standard errors every day', () => {
    const result = simulate();
    const { mean, variance } = markovOracle(c, transitionMatrix(c), days);
    let worst = 0;
    for (let t = 1; t <= days; t++) {
      tiers.forEach((name, j) => {
        const se = Math.sqrt(variance[t]![j]! / c.runs);
        const z = Math.abs(result.daily.tiers[name].mean[t]! - mean[t]![j]!) / se;
        worst = Math.max(worst, z);
      });
    }
    // 720 comparisons, each |z| < 5 with probability 1 − 6e-7: a failure means the engine is not the chain.
    expect(worst).toBeLessThan(5);
  });

  it('has the power to tell a slightly different chain apart', () => {
    const result = simulate();
    const p = transitionMatrix(c);
    // Raise every reverse probability by 10 %: the oracle must reject this chain.
    const q = p.map((row, i) => row.map((v, j) => (j === i - 1 ? v * 1.1 : v)));
    q.forEach((row, i) => (row[i] = 1 - row.reduce((a, v, j) => (j === i ? a : a + v), 0)));
    const { mean, variance } = markovOracle(c, q, days);
    let worst = 0;
    tiers.forEach((name, j) => {
      const se = Math.sqrt(variance[days]![j]! / c.runs);
      worst = Math.max(worst, Math.abs(result.daily.tiers[name].mean[days]! - mean[days]![j]!) / se);
    });
    expect(worst).toBeGreaterThan(5);
  });

  it('orders equal the R4→R5 moves plus R5 purchases, and repeat purchases match P’s expectation', () => {
    const result = simulate();
    const { mean } = markovOracle(c, transitionMatrix(c), days);
    // Expected repeat purchases = Σ_t (R4_t · forward.R4 + R5_t · repeat); first purchases = Σ_t R3_t · forward.R3.
    let repeat = 0;
    let first = 0;
    for (let t = 0; t < days; t++) {
      repeat += mean[t]![4]! * c.forward[4]! + mean[t]![5]! * c.repeat;
      first += mean[t]![3]! * c.forward[3]!;
    }
    const r = result.totals.repeatPurchases!;
    const f = result.totals.firstPurchases!;
    expect(Math.abs(r.mean - repeat)).toBeLessThan(5 * (r.sd / Math.sqrt(c.runs)) + 1);
    expect(Math.abs(f.mean - first)).toBeLessThan(5 * (f.sd / Math.sqrt(c.runs)) + 1);
  });
});
