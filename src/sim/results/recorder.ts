import { TIER_COUNT } from '../tiers';

const PAIRS = TIER_COUNT * TIER_COUNT;

/**
 * Everything one run records, as flat typed arrays (counts in agents; the summary multiplies by scale). Plain data
 * that can be transferred from a worker without copying.
 */
export interface RunRecord {
  run: number;
  days: number;
  causes: number;
  /** Tier counts per day, (days+1) × 6, index 0 = the initial state. */
  tiers: Float64Array;
  /** Moves from→to per day, days × 36. */
  moves: Float64Array;
  /** Moves from→to per cause over the horizon, causes × 36. */
  causeMoves: Float64Array;
  orders: Float64Array;
  firstPurchases: Float64Array;
  gmv: Float64Array;
  cost: Float64Array;
  /** GMV per day by the buyer's tier before the purchase, days × 6. */
  gmvByTier: Float64Array;
  /** Orders per day by the buyer's tier before the purchase, days × 6. */
  ordersByTier: Float64Array;
  causeOrders: Float64Array;
  causeFirst: Float64Array;
  causeGmv: Float64Array;
  /** Cost per cause per day, days × causes, in real yuan (not per agent). */
  causeCost: Float64Array;
  /** Discounts given (coupons, deals), included in cost; per cause. */
  causeDiscount: Float64Array;
  /** Each tactic's own metrics at the end of the run (declared by its definition), concatenated in tactic order. */
  tacticMetrics: Float64Array;
  /** First purchases ever (new buyers) per day; the rest of `firstPurchases` are lapsed buyers returning to R4. */
  newBuyers: Float64Array;
  /** The order ledger's tallies at the end of the run (order-ledger.ts): per window, and per channel. */
  ledgerWindows: Float64Array;
  ledgerChannels: Float64Array;
  /** Agents who bought at least once / at least twice during the run. */
  buyers: number;
  repeaters: number;
}

export class Recorder {
  readonly rec: RunRecord;
  day = 0;

  constructor(run: number, days: number, causes: number) {
    this.rec = {
      run,
      days,
      causes,
      tiers: new Float64Array((days + 1) * TIER_COUNT),
      moves: new Float64Array(days * PAIRS),
      causeMoves: new Float64Array(causes * PAIRS),
      orders: new Float64Array(days),
      firstPurchases: new Float64Array(days),
      gmv: new Float64Array(days),
      cost: new Float64Array(days),
      gmvByTier: new Float64Array(days * TIER_COUNT),
      ordersByTier: new Float64Array(days * TIER_COUNT),
      causeOrders: new Float64Array(causes),
      causeFirst: new Float64Array(causes),
      causeGmv: new Float64Array(causes),
      causeCost: new Float64Array(days * causes),
      causeDiscount: new Float64Array(causes),
      newBuyers: new Float64Array(days),
      tacticMetrics: new Float64Array(0),
      ledgerWindows: new Float64Array(0),
      ledgerChannels: new Float64Array(0),
      buyers: 0,
      repeaters: 0,
    };
  }

  tiers(dayIndex: number, counts: Float64Array): void {
    this.rec.tiers.set(counts, dayIndex * TIER_COUNT);
  }

  move(from: number, to: number, cause: number): void {
    const pair = from * TIER_COUNT + to;
    this.rec.moves[this.day * PAIRS + pair]! += 1;
    this.rec.causeMoves[cause * PAIRS + pair]! += 1;
  }

  order(fromTier: number, value: number, cause: number, first: boolean): void {
    const r = this.rec;
    const d = this.day;
    r.orders[d]! += 1;
    r.gmv[d]! += value;
    r.gmvByTier[d * TIER_COUNT + fromTier]! += value;
    r.ordersByTier[d * TIER_COUNT + fromTier]! += 1;
    r.causeOrders[cause]! += 1;
    r.causeGmv[cause]! += value;
    if (first) {
      r.firstPurchases[d]! += 1;
      r.causeFirst[cause]! += 1;
    }
  }

  /** A first purchase ever (the agent had never bought, before or during the run). */
  newBuyer(): void {
    this.rec.newBuyers[this.day]! += 1;
  }

  /** Book a cost in real yuan (a per-agent cost must be multiplied by the scenario's scale by the caller). */
  cost(cause: number, amount: number): void {
    if (amount === 0) return;
    if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`cost must be a finite non-negative amount, got ${amount}`);
    this.rec.cost[this.day]! += amount;
    this.rec.causeCost[this.day * this.rec.causes + cause]! += amount;
  }

  discount(cause: number, amount: number): void {
    this.cost(cause, amount);
    this.rec.causeDiscount[cause]! += amount;
  }
}
