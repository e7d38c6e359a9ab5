import { describe, expect, it } from 'vitest';
import { config, STILL_BASELINE } from '../helpers';
import { FIRST_TACTIC_CAUSE } from '../../src/sim/config';
import { createRun, finishRun, simulateRun } from '../../src/sim/step/model';
import { getTactic } from '../../src/sim/tactics/registry';

/** createRun and finishRun on tiny runs, checked against hand-set order counters and closed forms. */
const small = { population: { agents: 50, scale: 1, initial: { R0: 0.6, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0, R5: 0 }, heterogeneity: false }, days: 3, runs: 1 };

describe('finishRun', () => {
  it('counts buyers (one order or more) and repeaters (two or more) from the order counters', () => {
    const s = createRun(config(small), 0);
    s.pop.orders.fill(0);
    // 50 agents: orders 1, 2, 3, 1, 0, …, 0, 7 → buyers 5, repeaters 3.
    s.pop.orders.set([1, 2, 3, 1]);
    s.pop.orders[49] = 7;
    const rec = finishRun(s);
    expect(rec.buyers).toBe(5);
    expect(rec.repeaters).toBe(3);
    expect(rec.tacticMetrics.length).toBe(0);
  });

  it('takes no metrics from a tactic without a report, and refuses a report of the wrong length naming the tactic', () => {
    const c = config({ ...small, tactics: [{ id: 'ads1', type: 'ads', dailySpend: 1000 }] });
    const declared = getTactic('ads').metrics.length;
    expect(declared).toBeGreaterThan(0);
    const s = createRun(c, 0);
    s.tactics[0] = { ...s.tactics[0]!, report: undefined };
    expect(() => finishRun(s)).toThrow(`tactic ads1 reported 0 metrics, declared ${declared}`);
    const t = createRun(c, 0);
    t.tactics[0] = { ...t.tactics[0]!, report: () => new Array<number>(declared).fill(2) };
    expect(Array.from(finishRun(t).tacticMetrics)).toEqual(new Array<number>(declared).fill(2));
  });

  it('tells onDay the number of days done after each day', () => {
    const heard: number[] = [];
    simulateRun(config(small), 0, (d) => heard.push(d));
    expect(heard).toEqual([1, 2, 3]);
  });
});

describe('createRun: each tactic acts under its own cause', () => {
  it('books the second tactic’s moves under FIRST_TACTIC_CAUSE + 1, and nothing under the built-in causes', () => {
    // A still population (no baseline moves, decay or word of mouth): only the two ad tactics move anyone.
    const c = config({
      ...small,
      population: { agents: 2000, scale: 1, initial: { R0: 1, R1: 0, R2: 0, R3: 0, R4: 0, R5: 0 }, heterogeneity: false },
      days: 5,
      baseline: STILL_BASELINE,
      tactics: [
        { id: 'a1', type: 'ads', dailySpend: 5000 },
        { id: 'a2', type: 'ads', dailySpend: 5000 },
      ],
    });
    const rec = simulateRun(c, 0);
    const per = rec.causeMoves.length / (FIRST_TACTIC_CAUSE + 2);
    const moved = (cause: number) => rec.causeMoves.subarray(cause * per, (cause + 1) * per).reduce((a, b) => a + b, 0);
    expect([moved(0), moved(1), moved(2)]).toEqual([0, 0, 0]);
    expect(moved(FIRST_TACTIC_CAUSE)).toBeGreaterThan(0);
    expect(moved(FIRST_TACTIC_CAUSE + 1)).toBeGreaterThan(0);
  });
});

describe('createRun: order values per customer', () => {
  it('spreads customers’ order values by the scenario’s CV sd/mean (half its log variance), or not at all when sd is 0', () => {
    const n = 4000;
    const het = (sd: number) =>
      createRun(config({ population: { agents: n, scale: 1, initial: { R0: 1, R1: 0, R2: 0, R3: 0, R4: 0, R5: 0 }, heterogeneity: true }, days: 1, runs: 1, baseline: { orderValue: { mean: 200, sd } } }), 0);
    const v = het(100).pop.value!; // CV 0.5: customers' spread √(√1.25 − 1) = 0.3436
    let m = 0;
    for (let i = 0; i < n; i++) m += v[i]!;
    m /= n;
    let q = 0;
    for (let i = 0; i < n; i++) q += (v[i]! - m) ** 2;
    expect(Math.abs(Math.sqrt(q / (n - 1)) - 0.3436)).toBeLessThan(0.03);
    expect(het(0).pop.value).toBeNull();
  });
});
