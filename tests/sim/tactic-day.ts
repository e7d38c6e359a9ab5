import { FIRST_TACTIC_CAUSE, type EngineConfig } from '../../src/sim/config';
import type { MeanFieldDay } from '../../src/sim/projection/meanfield-day';
import type { RunRecord } from '../../src/sim/results/recorder';
import { DaySources, MAX_SOURCES_PER_TIER } from '../../src/sim/step/sources';
import { config, STILL_BASELINE } from '../helpers';

/**
 * Helpers for the tactics' pointed tests (tactic-base-math.test.ts, and for the same shapes in tactic-states.test.ts
 * and tactic-live.test.ts): a still scenario with one tactic, a tactic's cost from a record, one hand-fed mean-field
 * day, the forward chances a source table holds.
 */

type Json = Record<string, unknown>;

/**
 * A still population (nothing moves or buys but through the tactic, unless `baseline` says so) of `agents` at `scale`,
 * tiers as given, one tactic (id `t`, daily unless its own schedule says otherwise), one run. The run starts on Monday
 * 2 March 2026 (scenarioJson's start date).
 */
export function still(tactic: Json, { days, agents, scale = 1, initial, baseline = {}, seed = 9 }: { days: number; agents: number; scale?: number; initial: Record<string, number>; baseline?: Json; seed?: number }): EngineConfig {
  const tiers = { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0, R5: 0, ...initial };
  return config({
    days,
    runs: 1,
    seed,
    population: { agents, scale, initial: tiers, heterogeneity: false },
    baseline: { ...STILL_BASELINE, ...baseline, forward: { ...STILL_BASELINE.forward, ...((baseline.forward as Json) ?? {}) }, reverse: { ...STILL_BASELINE.reverse, ...((baseline.reverse as Json) ?? {}) } },
    tactics: [{ id: 't', schedule: { daily: true }, ...tactic }],
  });
}

/** The first tactic's cost over the whole run (real yuan). */
export function tacticCost(r: RunRecord): number {
  let sum = 0;
  for (let d = 0; d < r.days; d++) sum += r.causeCost[d * r.causes + FIRST_TACTIC_CAUSE]!;
  return sum;
}

/**
 * One mean-field day fed by hand: expected agents per tier at its start (`counts`), yesterday's expected orders, the
 * demand index; real customers are agents × the scenario's scale. `booked` sums what the tactic books: its cost, the
 * value it adds to orders and the orders it adds.
 */
export function meanFieldDay(cfg: EngineConfig, counts: readonly number[], { day = 0, lastOrders = 0, demand = 1 }: { day?: number; lastOrders?: number; demand?: number } = {}) {
  const booked = { cost: 0, value: 0, orders: 0 };
  const sources = new DaySources();
  const m = {
    config: cfg,
    day,
    demand,
    startCounts: Float64Array.from(counts),
    sources,
    flows: new Float64Array(36),
    ordersByTier: new Float64Array(6),
    lastOrders,
    cost: (_: number, amount: number) => void (booked.cost += amount),
    adjustValue: (_: number, v: number) => void (booked.value += v),
    addOrders: (_: number, n: number) => void (booked.orders += n),
    realCount: (t: number) => counts[t]! * cfg.scale,
  } satisfies MeanFieldDay;
  return { m, booked, sources };
}

/** The forward chance from → to that a source table holds (summed over its entries). */
export function forwardChance(src: DaySources, from: number, to: number): number {
  let p = 0;
  for (let k = 0; k < src.fCount[from]!; k++) {
    const at = from * MAX_SOURCES_PER_TIER + k;
    if (src.fTo[at] === to) p += src.fP[at]!;
  }
  return p;
}

/** The reverse chance from → to that a source table holds (summed over its entries). */
export function reverseChance(src: DaySources, from: number, to: number): number {
  let p = 0;
  for (let k = 0; k < src.rCount[from]!; k++) {
    const at = from * MAX_SOURCES_PER_TIER + k;
    if (src.rTo[at] === to) p += src.rP[at]!;
  }
  return p;
}
