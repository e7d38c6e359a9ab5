import { describe, expect, it } from 'vitest';
import { config, runAll } from '../helpers';
import { bgnbdExpectedRepeats } from '../../src/sim/projection/bgnbd';
import { sized } from '../mutation-size';

describe('BG/NBD repeat buying matches the closed form', () => {
  const params = { r: 0.8, alpha: 20, a: 1.6, b: 4 };
  const days = 240;
  const n = sized(20000, 5000, 2000);
  // Compiled anew by each test as well (compiling runs src/sim code: schedules, apportioning agents to tiers), so
  // that a mutant there is seen; `c` is for the test's own arithmetic.
  const configOf = () =>
    config({
      days,
      runs: 16,
      population: { agents: n, scale: 1, initial: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 1, R5: 0 }, heterogeneity: true },
      baseline: {
        forward: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0 },
        reverse: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 0 },
        repeat: 0,
        repeatModel: { kind: 'bgnbd', ...params },
        orderValue: { mean: 100, sd: 0 },
      },
    });
  const c = configOf();
  // Each test runs the engine itself, so that it runs under StrykerJS's active mutant (docs/testing.md § Mutation
  // testing): a run made here, in the describe body, would happen before the mutant is switched on.
  const simulatedOrders = () => runAll(configOf()).series('orders');

  it('a cohort of new buyers makes E[X(t)] repeat purchases per person within 5 standard errors', () => {
    const orders = simulatedOrders();
    for (const t of [7, 30, 90, 180, 240]) {
      const xs: number[] = [];
      for (let run = 0; run < c.runs; run++) {
        let sum = 0;
        for (let d = 0; d < t; d++) sum += orders.data[run * days + d]!;
        xs.push(sum / n);
      }
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
      const expected = bgnbdExpectedRepeats(t, params);
      expect(Math.abs(m - expected), `t = ${t}: simulated ${m}, closed form ${expected}`).toBeLessThan((5 * sd) / Math.sqrt(c.runs) + 1e-9);
    }
  });

  it('rejects the wrong closed form (a 15 % higher purchase rate)', () => {
    const orders = simulatedOrders();
    const t = 180;
    let sum = 0;
    for (let run = 0; run < c.runs; run++) for (let d = 0; d < t; d++) sum += orders.data[run * days + d]!;
    const m = sum / c.runs / n;
    const wrong = bgnbdExpectedRepeats(t, { ...params, alpha: params.alpha / 1.15 });
    expect(Math.abs(m - wrong) / wrong).toBeGreaterThan(0.02);
  });
});
