import { describe, expect, it } from 'vitest';
import { FIRST_TACTIC_CAUSE } from '../../src/sim/config';
import { createRun } from '../../src/sim/step/model';
import { stepMoves } from '../../src/sim/step/moves';
import type { RunState } from '../../src/sim/step/run-state';
import { TRAIT_NONE } from '../../src/sim/step/sources';
import type { TacticRuntime } from '../../src/sim/tactics/types';
import { R1, R2, R5 } from '../../src/sim/tiers';
import { config } from '../helpers';

/**
 * Pointed tests of the agents' daily loop (src/sim/step/moves.ts) on tiny markets, for paths the reference-day
 * comparison's random scenarios do not reach (docs/mutants/kernel-moves.md, rows "gap"). Each builds one day by hand:
 * a single runtime adds today's sources or marks, `stepMoves` runs the loop, hooks record every move and order.
 */

const T0 = FIRST_TACTIC_CAUSE; // three tactic causes: T0, T0 + 1, T0 + 2
const TACTICS = [
  { id: 'a', type: 'ads' },
  { id: 'b', type: 'livestream' },
  { id: 'c', type: 'ads' },
];

function run(agents: number, initial: Record<string, number>, baseline: Record<string, unknown>): RunState {
  return createRun(
    config({
      days: 101,
      seed: 5,
      population: { agents, scale: 1, initial, heterogeneity: false },
      baseline: {
        forward: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0 },
        reverse: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 0 },
        repeat: 0,
        repeatModel: { kind: 'simple' },
        orderValue: { mean: 100, sd: 0 },
        ...baseline,
      },
      tactics: TACTICS,
    }),
    0,
  );
}

/** Step day `day` of `s` with `begin` adding the day's sources/marks; returns the causes of moves and orders. */
function day(s: RunState, d: number, begin: (s: RunState) => void) {
  const moves: number[] = [];
  const orders: { agent: number; cause: number }[] = [];
  const rt: TacticRuntime = {
    beginDay: begin,
    onMove: (_s, _i, _from, _to, cause) => void moves.push(cause),
    onOrder: (_s, o) => void orders.push({ agent: o.agent, cause: o.cause }),
  } as TacticRuntime;
  s.setTactics([rt]);
  s.beginDay(d);
  stepMoves(s);
  s.endDay();
  return { moves, orders };
}

const count = (xs: number[], x: number) => xs.filter((y) => y === x).length;

describe('moves.ts: picking the cause of a move back', () => {
  it('three reverse sources of equal chance share the moves back equally (the third is not the catch-all)', () => {
    const s = run(3000, { R0: 0, R1: 0, R2: 1, R3: 0, R4: 0, R5: 0 }, {});
    const { moves } = day(s, 0, (st) => {
      for (let j = 0; j < 3; j++) st.sources.addReverse(R2, R1, 0.3, TRAIT_NONE, T0 + j);
    });
    // P(move back) = 1 − 0.7³ = 0.657 of 3000 ≈ 1971 moves, a third (≈ 657, sd ≈ 21) to each source.
    expect(moves.length).toBeGreaterThan(1800);
    expect(moves.length).toBeLessThan(2150);
    for (let j = 0; j < 3; j++) {
      const share = count(moves, T0 + j) / moves.length;
      expect(share).toBeGreaterThan(0.28);
      expect(share).toBeLessThan(0.39);
    }
  });
});

describe('moves.ts: recall in the simple repeat model reaches dormant buyers only', () => {
  it('a recall of chance 1 makes exactly the buyers without an order for more than 90 days buy', () => {
    const s = run(20, { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, {});
    // Agent i last ordered 85 + i days before day 100: agents 6..19 (91..104 days) are dormant, 0..5 are not.
    for (let i = 0; i < 20; i++) s.pop.lastOrderDay[i] = 100 - (85 + i);
    const { orders } = day(s, 100, (st) => st.sources.addRecall(R5, 1, T0));
    expect(orders.map((o) => o.agent)).toEqual(Array.from({ length: 14 }, (_, j) => 6 + j));
    expect(orders.every((o) => o.cause === T0)).toBe(true);
  });
});

describe('moves.ts: credit of a purchase beyond the own rate', () => {
  it('a dormant buyer with a purchase chance and a recall credits them in proportion to their chances', () => {
    // Own rate 0.2, purchase chance 0.5, recall 0.5: p = 1 − 0.8 · 0.5 · 0.5 = 0.8; u < 0.2 is the own rate
    // (baseline), [0.2, 0.8) is shared 0.5 : 0.5, so each extra chance gets 0.3 of the buyers.
    const s = run(3000, { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, { repeat: 0.2 });
    s.pop.lastOrderDay.fill(0); // 100 days before day 100: all dormant
    const { orders } = day(s, 100, (st) => {
      st.sources.addBuyChance(R5, 0.5, T0);
      st.sources.addRecall(R5, 0.5, T0 + 1);
    });
    const causes = orders.map((o) => o.cause);
    const chance = count(causes, T0) / 3000;
    const recall = count(causes, T0 + 1) / 3000;
    // sd of each share ≈ √(0.3 · 0.7 / 3000) ≈ 0.0084.
    expect(chance).toBeGreaterThan(0.26);
    expect(chance).toBeLessThan(0.34);
    expect(recall).toBeGreaterThan(0.26);
    expect(recall).toBeLessThan(0.34);
  });
});

describe('moves.ts: credit of a boosted purchase', () => {
  it('when a tier boost and an agent’s boost are exactly the same size, the tier’s cause gets the credit', () => {
    // Marks keep a boost's size ln m as a float32 (marks.ts), the tier as a float64: a factor whose ln is exact in
    // float32 (e^0.5: ln = 0.5) makes the two sizes equal, so the comparison `mark > tier` decides the tie.
    const m = Math.exp(0.5);
    expect(Math.log(m)).toBe(0.5);
    const s = run(3000, { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, { repeat: 0.1 });
    s.pop.lastOrderDay.fill(95); // not dormant (and no recall anyway)
    const { orders } = day(s, 100, (st) => {
      st.sources.addBuyBoost(R5, m, T0);
      for (let i = 0; i < st.pop.n; i++) st.marks.buy(i, m, T0 + 1);
    });
    const causes = orders.map((o) => o.cause);
    // Orders from u in [0.1, pRate) are boosted (pRate ≈ 0.1 · 2.7 · headroom): many, all credited to the tier.
    expect(count(causes, T0)).toBeGreaterThan(100);
    expect(count(causes, T0 + 1)).toBe(0);
  });
});
