import type { EngineConfig } from '../config';
import type { DaySources } from '../step/sources';

/**
 * What a tactic's expected-value runtime sees on one day of the mean-field projection: the expected tier counts at
 * the start of the day (in agents, fractional), the same source table the engine uses, and a cost ledger.
 */
export interface MeanFieldDay {
  readonly config: EngineConfig;
  readonly day: number;
  readonly demand: number;
  /** Expected agents per tier at the start of the day. */
  readonly startCounts: Float64Array;
  readonly sources: DaySources;
  /** Expected flow from→to today (agents), filled after the day's transition; read by endDay hooks. */
  readonly flows: Float64Array;
  /** Expected orders today by the buyer's tier before purchase (agents), filled after the transition. */
  readonly ordersByTier: Float64Array;
  /** Expected orders yesterday (agents): tactics that act after orders (post-order joins) use it as today's estimate. */
  readonly lastOrders: number;
  /** Book an expected cost for a cause today, in real yuan. */
  cost(cause: number, amount: number): void;
  /** Change the expected GMV of today's orders, in agent units (the projection scales it like all GMV). */
  adjustValue?(cause: number, valueDelta: number): void;
  /**
   * Add expected orders today (agents, at the mean order value) that follow a tactic's own orders in the same event
   * (Order.again in the engine). The projection counts them as repeat orders; it leaves out that the first of them
   * makes a first-time buyer a repeat buyer (R4 → R5), a small shift between the two buyer tiers.
   */
  addOrders?(cause: number, count: number): void;
  /** Real customers in tier t at the start of the day. */
  realCount(t: number): number;
}
