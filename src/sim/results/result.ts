import type { Band, Stat } from './stats';
import type { IncrementalResult } from './incremental';
import type { UncertaintyResult } from './uncertainty';

export type TierRecord<T> = { R0: T; R1: T; R2: T; R3: T; R4: T; R5: T };

/** Per-cause account over the horizon (every count in real customers, money in yuan). */
export interface CauseSummary {
  moves: Stat | null;
  forwardMoves: Stat | null;
  reverseMoves: Stat | null;
  orders: Stat | null;
  firstPurchases: Stat | null;
  repeatPurchases: Stat | null;
  gmv: Stat | null;
  cost: Stat | null;
  discount: Stat | null;
  roi: Stat | null;
  /** Mean moves from→to caused, 6 × 6 (rows = from R0..R5). */
  movesMatrix: number[][];
  /** Mean cost per day. */
  dailyCost: number[];
}

/** The result of a Monte Carlo run of a scenario (scenarios/README.md § Results). No timings, no dates of running. */
export interface SimulationResult {
  format: 'star-sandbox-result';
  schemaVersion: 1;
  meta: {
    scenarioId: string;
    seed: string;
    runs: number;
    days: number;
    agents: number;
    scale: number;
    startDate: string;
    weeks: number;
    tiers: string[];
    causes: string[];
    heterogeneity: boolean;
    repeatModel: string;
  };
  daily: {
    tiers: TierRecord<Band>;
    assets: Band;
    orders: Band;
    firstPurchases: Band;
    gmv: Band;
    cost: Band;
    cumulativeGmv: Band;
    cumulativeCost: Band;
    /** Demand index (seasonality) per day. */
    demand: number[];
    /** Mean moves per day from→to, days × 36 (row-major, from R0..R5 × to R0..R5). */
    moves: number[][];
  };
  weekly: {
    newAssets: Band;
    gmvByTier: TierRecord<number[]>;
    /** Weekly flow rate (moves i→j in the week / tier i at the week's start) for every pair, e.g. "R3>R4". */
    flowRates: Record<string, Band>;
  };
  /**
   * The plan's effect against its do-nothing counterpart on the same seeds — the headline (absent when the baseline was
   * skipped, e.g. `--no-baseline`). Every figure below it, `totals` and `star` included, is a total: it includes what
   * happens without the plan.
   */
  incremental?: IncrementalResult;
  /**
   * With assumption draws on: the headline figures' two bands (noise + assumptions, and simulation noise alone from
   * the same seeds with parameters at their stated values) and the assumptions that drive the spread, ranked.
   */
  uncertainty?: UncertaintyResult;
  totals: {
    orders: Stat | null;
    firstPurchases: Stat | null;
    repeatPurchases: Stat | null;
    gmv: Stat | null;
    cost: Stat | null;
  };
  flows: {
    /** Mean moves from→to over the horizon, 6 × 6. */
    moves: number[][];
    /** Mean monthly flow rate from→to (moves per month ÷ the average population of tier from), 6 × 6; null where the tier was empty throughout. */
    rates: (number | null)[][];
  };
  star: {
    S: Record<'assetsStart' | 'assetsEnd' | 'growthRate' | 'newAssets' | 'netChange', Stat | null>;
    T: {
      count: TierRecord<Stat | null>;
      shareStart: Record<string, Stat | null>;
      shareEnd: Record<string, Stat | null>;
      growth: Record<string, Stat | null>;
    };
    A: { rate: Record<string, Stat | null>; weekly: Record<string, Stat | null> };
    R: {
      gmv: Stat | null;
      orders: Stat | null;
      aov: Stat | null;
      /** Moves into R4 from below: new buyers plus lapsed buyers returning. */
      firstPurchases: Stat | null;
      /** First purchases ever: customers who had never bought (initial R4/R5 count as having bought). */
      newBuyers: Stat | null;
      /** Lapsed buyers (fell from R4/R5 to R3 or below) buying again. */
      returningBuyers: Stat | null;
      repeatPurchases: Stat | null;
      buyers: Stat | null;
      repeaters: Stat | null;
      repurchaseRate: Stat | null;
      /** Average over full calendar months of (buyers with 2+ orders in the month ÷ buyers in the month). */
      monthlyRepurchase: Stat | null;
      /** Over full calendar months: orders ÷ people ordering in the month (orders per monthly buyer). */
      ordersPerMonthlyBuyer: Stat | null;
      /** '1y', '2y', '3y' (when the run is that long): of the first N years' buyers, the share with 2+ orders in them. */
      repurchaseWithin: Record<string, Stat | null>;
      conversion: Stat | null;
      entriesR4: Record<string, Stat | null>;
      gmvByTier: TierRecord<Stat | null>;
      gmvShare: TierRecord<Stat | null>;
      cost: Stat | null;
      discount: Stat | null;
      roi: Stat | null;
      marginRoi: Stat | null;
    };
  };
  byCause: Record<string, CauseSummary>;
  /** Each tactic's own figures (e.g. viewers per session, coupon redemption rate), by tactic id then metric key. */
  tactics: Record<string, Record<string, Stat | null>>;
  /**
   * Per tactic with dated events (a sale, a recall, a member day, a livestream; brand-figures.ts): orders per buyer and
   * the share of buyers with 2+ orders within an event, pooled over its events, and the number of events.
   */
  events: Record<string, { ordersPerBuyer: Stat | null; multiOrderShare: Stat | null; events: number }>;
}
