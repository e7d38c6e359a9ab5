import type { OrderWindow } from './results/order-ledger';
import type { AssumptionRange } from './assumptions';
import type { RepeatModelConfig } from './step/population';

/**
 * What the engine runs: a validated scenario compiled into plain numbers (src/scenario/compile.ts). Only plain data,
 * so it can be sent to a worker as is.
 */
export interface EngineConfig {
  scenarioId: string;
  seed: string;
  runs: number;
  days: number;
  /** Day number (days since 1970-01-01) of the first simulated day. */
  startDay: number;
  agents: number;
  /** Real customers per agent. */
  scale: number;
  /** Agents per tier R0..R5 at the start (sums to agents). */
  initialCounts: number[];
  heterogeneity: boolean;
  /** forward[t]: daily probability of t → t+1 (R5: 0). */
  forward: number[];
  /** reverse[t]: daily probability of t → t−1 (R0: 0). */
  reverse: number[];
  /** Daily purchase probability of an R5 agent (simple repeat model). */
  repeat: number;
  /** Headroom for tactics to raise a buyer's purchase rate (response.ts `withinHeadroom`). */
  purchaseHeadroom: number;
  repeatModel: RepeatModelConfig;
  orderValue: { mean: number; sd: number };
  /** Gross margin share for margin ROI, or null when not set. */
  margin: number | null;
  /** Demand index per simulated day (seasonality, 1 = an average day); scales purchase propensities. */
  demand: number[];
  wordOfMouth: { q: number; sources: boolean[] };
  tactics: TacticConfig[];
  /**
   * Assumed parameters each run draws from their plausible ranges (assumptions.ts); absent or empty: every run uses
   * the values above (simulation noise only).
   */
  assumptions?: AssumptionRange[];
  /**
   * The order ledger's windows, when they must not follow this config's schedules (order-ledger.ts): a classroom
   * plan fixes them from its par plan, so the rounds a team has not decided yet do not move the tactics' events and
   * a round can continue from the previous round's checkpoint (src/classroom/class-file.ts). Absent: from the config.
   */
  ledgerWindows?: OrderWindow[];
}

export interface TacticConfig {
  id: string;
  type: string;
  /** Validated parameters with defaults filled in; each tactic module knows its own shape. */
  params: Record<string, unknown>;
  /** Effort multiplier per simulated day from the tactic's schedule (0 = not active that day). */
  schedule: number[];
}

/** Causes that are not tactics; tactic i has cause FIRST_TACTIC_CAUSE + i. */
export const CAUSE_BASELINE = 0;
export const CAUSE_DECAY = 1;
export const CAUSE_WORD_OF_MOUTH = 2;
export const FIRST_TACTIC_CAUSE = 3;
export const BUILTIN_CAUSES = ['baseline', 'decay', 'wordOfMouth'] as const;

export function causeNames(config: EngineConfig): string[] {
  return [...BUILTIN_CAUSES, ...config.tactics.map((t) => t.id)];
}
