import { describe, expect, it } from 'vitest';
import { config } from '../helpers';
import { createRun, finishRun, stepDay } from '../../src/sim/step/model';
import type { EngineConfig } from '../../src/sim/config';
import { sized } from '../mutation-size';

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
};

function runWithOrderSpy(c: EngineConfig, run: number) {
  const s = createRun(c, run);
  let values = 0;
  let count = 0;
  const record = s.rec.order.bind(s.rec);
  s.rec.order = (fromTier, value, cause, first) => {
    values += value;
    count++;
    record(fromTier, value, cause, first);
  };
  for (let d = 0; d < c.days; d++) stepDay(s, d);
  return { rec: finishRun(s), values, count, pop: s.pop };
}

const variants: Record<string, Record<string, unknown>> = {
  'homogeneous, simple repeat': {},
  'heterogeneous, word of mouth, ads': {
    population: { agents: sized(6000, 6000, 1500), scale: 7, initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.06, R5: 0.04 }, heterogeneity: true },
    wordOfMouth: { q: 0.05, sources: ['R4', 'R5'] },
    tactics: [{ id: 'ads', type: 'ads', schedule: { daily: true }, dailySpend: 2000 }],
  },
  'heterogeneous BG/NBD': {
    population: { agents: sized(6000, 6000, 1500), scale: 1, initial: { R0: 0.3, R1: 0.2, R2: 0.1, R3: 0.2, R4: 0.1, R5: 0.1 }, heterogeneity: true },
    baseline: {
      forward: { R0: 0.002, R1: 0.02, R2: 0.01, R3: 0.01, R4: 0 },
      reverse: { R1: 0.01, R2: 0.01, R3: 0.005, R4: 0.004, R5: 0.006 },
      repeat: 0,
      repeatModel: { kind: 'bgnbd', r: 1.2, alpha: 15, a: 1.5, b: 5 },
      orderValue: { mean: 80, sd: 60 },
    },
  },
};

describe.each(Object.entries(variants))('invariants: %s', (_, patch) => {
  const c = config({ days: 90, ...patch });
  const days = c.days;
  // Each test compiles and runs the scenario itself: work done here, in the describe body, would happen before
  // StrykerJS switches a mutant on (docs/testing.md § Mutation testing).
  const spied = () => runWithOrderSpy(config({ days: 90, ...patch }), 0);

  it('tier counts sum to the population every day, and match the agents at the end', () => {
    const { rec, pop } = spied();
    for (let d = 0; d <= days; d++) expect(sum(rec.tiers.subarray(d * 6, d * 6 + 6))).toBe(c.agents);
    const counted = new Array(6).fill(0);
    for (let i = 0; i < pop.n; i++) counted[pop.tier[i]!]++;
    expect(Array.from(rec.tiers.subarray(days * 6, days * 6 + 6))).toEqual(counted);
  });

  it('moves reconcile with tier counts: tomorrow = today + inflows − outflows', () => {
    const { rec } = spied();
    for (let d = 0; d < days; d++) {
      for (let t = 0; t < 6; t++) {
        let inflow = 0;
        let outflow = 0;
        for (let k = 0; k < 6; k++) {
          inflow += rec.moves[d * 36 + k * 6 + t]!;
          outflow += rec.moves[d * 36 + t * 6 + k]!;
        }
        expect(rec.tiers[(d + 1) * 6 + t]).toBe(rec.tiers[d * 6 + t]! + inflow - outflow);
      }
    }
    expect(sum(rec.causeMoves)).toBe(sum(rec.moves));
    // At most one move per agent per day: a day's moves never exceed the population.
    for (let d = 0; d < days; d++) expect(sum(rec.moves.subarray(d * 36, d * 36 + 36))).toBeLessThanOrEqual(c.agents);
  });

  it('GMV equals the sum of order values, by day, by cause and by buyer tier', () => {
    const { rec, values, count } = spied();
    expect(count).toBeGreaterThan(0);
    expect(sum(rec.orders)).toBe(count);
    expect(sum(rec.gmv)).toBeCloseTo(values, 6);
    expect(sum(rec.causeGmv)).toBeCloseTo(values, 6);
    expect(sum(rec.gmvByTier)).toBeCloseTo(values, 6);
    expect(sum(rec.ordersByTier)).toBe(count);
    expect(sum(rec.causeOrders)).toBe(count);
  });

  it('first purchases are exactly the moves into R4 from below; repeat orders include every R4 → R5 move', () => {
    const { rec } = spied();
    let intoR4 = 0;
    let r4r5 = 0;
    for (let d = 0; d < days; d++) {
      for (let k = 0; k < 4; k++) intoR4 += rec.moves[d * 36 + k * 6 + 4]!;
      r4r5 += rec.moves[d * 36 + 4 * 6 + 5]!;
    }
    expect(sum(rec.firstPurchases)).toBe(intoR4);
    expect(sum(rec.orders) - sum(rec.firstPurchases)).toBeGreaterThanOrEqual(r4r5);
  });

  it('costs add up: daily total equals the sum over causes', () => {
    const { rec } = spied();
    expect(sum(rec.cost)).toBeCloseTo(sum(rec.causeCost), 6);
  });
});
