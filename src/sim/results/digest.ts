import type { EngineConfig } from '../config';
import { ledgerWindows } from './brand-figures';
import { figureList, FLOW_PAIRS, type RunFacts } from './figures';
import { WINDOW_FIELDS } from './order-ledger';
import type { RunRecord } from './recorder';
import { TIER_COUNT } from '../tiers';

const PAIRS = TIER_COUNT * TIER_COUNT;

export function weeksOf(days: number): number {
  return Math.ceil(days / 7);
}

/**
 * The names of the per-run figures, in the registry's order (figures.ts): a run's digest holds the values in this
 * order, so summaries and paired comparisons line up by index.
 */
export function figureKeys(config: EngineConfig): string[] {
  return figureList(config, ledgerWindows(config)).map((f) => f.key);
}

/**
 * What the summary needs from one run: its figures, and the series whose bands or means are shown. Much smaller
 * than the run record; plain typed arrays, transferred from workers without copying.
 */
export interface RunDigest {
  run: number;
  figures: Float64Array;
  /** Agents per tier per day, (days+1) × 6. */
  tiers: Float32Array;
  orders: Float32Array;
  firstPurchases: Float32Array;
  gmv: Float32Array;
  cost: Float32Array;
  /** New assets (moves out of R0) per week. */
  weeklyNewAssets: Float32Array;
  /** Flow rate per week for every off-diagonal pair, weeks × 30 (NaN where the source tier was empty). */
  weeklyRates: Float32Array;
  /** GMV per week by the buyer's tier before purchase, weeks × 6. */
  weeklyGmvByTier: Float64Array;
  /** Moves per day from→to, days × 36 (summed over runs for the mean). */
  moves: Float64Array;
  /** Moves per cause from→to, causes × 36. */
  causeMoves: Float64Array;
  /** Cost per day per cause, days × causes. */
  causeCost: Float64Array;
}

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}

/** Reduce a run record to its digest (counts still in agents; the summary applies the scale). */
export function digestRun(rec: RunRecord, config: EngineConfig): RunDigest {
  const days = rec.days;
  const weeks = weeksOf(days);
  const sc = config.scale;
  const tiersAt = (day: number, t: number) => rec.tiers[day * TIER_COUNT + t]!;
  // Horizon moves per pair.
  const total = new Float64Array(PAIRS);
  for (let d = 0; d < days; d++) for (let k = 0; k < PAIRS; k++) total[k]! += rec.moves[d * PAIRS + k]!;

  const weeklyNewAssets = new Float32Array(weeks);
  const weeklyRates = new Float32Array(weeks * FLOW_PAIRS.length);
  const weeklyGmvByTier = new Float64Array(weeks * TIER_COUNT);
  const weekMoves = new Float64Array(PAIRS);
  const rateSums = new Float64Array(FLOW_PAIRS.length);
  const rateCounts = new Float64Array(FLOW_PAIRS.length);
  for (let w = 0; w < weeks; w++) {
    weekMoves.fill(0);
    const d0 = w * 7;
    const d1 = Math.min(days, d0 + 7);
    for (let d = d0; d < d1; d++) {
      for (let k = 0; k < PAIRS; k++) weekMoves[k]! += rec.moves[d * PAIRS + k]!;
      for (let t = 0; t < TIER_COUNT; t++) weeklyGmvByTier[w * TIER_COUNT + t]! += rec.gmvByTier[d * TIER_COUNT + t]!;
    }
    let fromR0 = 0;
    for (let t = 1; t < TIER_COUNT; t++) fromR0 += weekMoves[t]!;
    weeklyNewAssets[w] = fromR0 * sc;
    FLOW_PAIRS.forEach((p, k) => {
      const r = ratio(weekMoves[p.from * TIER_COUNT + p.to]!, tiersAt(d0, p.from));
      weeklyRates[w * FLOW_PAIRS.length + k] = r;
      // Only full weeks enter the mean weekly rate, so a short last week does not bias it.
      if (Number.isFinite(r) && d1 - d0 === 7) {
        rateSums[k]! += r;
        rateCounts[k]! += 1;
      }
    });
  }

  const weeklyRate = new Float64Array(FLOW_PAIRS.length);
  FLOW_PAIRS.forEach((_, k) => (weeklyRate[k] = rateCounts[k]! > 0 ? rateSums[k]! / rateCounts[k]! : NaN));
  const windows = ledgerWindows(config);
  const facts = runFacts(rec, config, total, weeklyRate, windows);
  const figures = Float64Array.from(figureList(config, windows), (f) => f.family.value(facts, f.k, f.part));

  return {
    run: rec.run,
    figures,
    tiers: Float32Array.from(rec.tiers),
    orders: Float32Array.from(rec.orders),
    firstPurchases: Float32Array.from(rec.firstPurchases),
    gmv: Float32Array.from(rec.gmv),
    cost: Float32Array.from(rec.cost),
    weeklyNewAssets,
    weeklyRates,
    weeklyGmvByTier,
    moves: rec.moves,
    causeMoves: rec.causeMoves,
    causeCost: rec.causeCost,
  };
}

/** A run record reduced once to what the figures are computed from (figures.ts `RunFacts`). */
function runFacts(rec: RunRecord, config: EngineConfig, moves: Float64Array, weeklyRate: Float64Array, windows: RunFacts['windows']): RunFacts {
  const days = rec.days;
  const causes = rec.causes;
  const tierAt = (day: number, t: number) => rec.tiers[day * TIER_COUNT + t]!;
  const assets = (day: number) => {
    let s = 0;
    for (let t = 1; t < TIER_COUNT; t++) s += tierAt(day, t);
    return s;
  };
  // Person-days in each tier: the tier at the start of every day of the horizon (the exposure of monthly rates).
  const exposure = new Float64Array(TIER_COUNT);
  for (let d = 0; d < days; d++) for (let t = 0; t < TIER_COUNT; t++) exposure[t]! += tierAt(d, t);
  let gmv = 0;
  let orders = 0;
  let first = 0;
  let newBuyers = 0;
  let cost = 0;
  for (let d = 0; d < days; d++) {
    gmv += rec.gmv[d]!;
    orders += rec.orders[d]!;
    first += rec.firstPurchases[d]!;
    newBuyers += rec.newBuyers[d]!;
    cost += rec.cost[d]!;
  }
  const gmvByTier = new Float64Array(TIER_COUNT);
  for (let d = 0; d < days; d++) for (let t = 0; t < TIER_COUNT; t++) gmvByTier[t]! += rec.gmvByTier[d * TIER_COUNT + t]!;
  let discount = 0;
  for (let c = 0; c < causes; c++) discount += rec.causeDiscount[c]!;
  const cause = {
    moves: new Float64Array(causes),
    forward: new Float64Array(causes),
    reverse: new Float64Array(causes),
    orders: rec.causeOrders,
    first: rec.causeFirst,
    gmv: rec.causeGmv,
    cost: new Float64Array(causes),
    discount: rec.causeDiscount,
  };
  for (let c = 0; c < causes; c++) {
    let all = 0;
    let fwd = 0;
    let rev = 0;
    for (let i = 0; i < TIER_COUNT; i++)
      for (let j = 0; j < TIER_COUNT; j++) {
        const m = rec.causeMoves[c * PAIRS + i * TIER_COUNT + j]!;
        all += m;
        if (j > i) fwd += m;
        else if (j < i) rev += m;
      }
    let cCost = 0;
    for (let d = 0; d < days; d++) cCost += rec.causeCost[d * causes + c]!;
    cause.moves[c] = all;
    cause.forward[c] = fwd;
    cause.reverse[c] = rev;
    cause.cost[c] = cCost;
  }
  const fields = WINDOW_FIELDS.length;
  return {
    config,
    sc: config.scale,
    days,
    tierAt,
    assetsStart: assets(0),
    assetsEnd: assets(days),
    moves,
    exposure,
    weeklyRate,
    gmv,
    orders,
    firstPurchases: first,
    newBuyers,
    cost,
    discount,
    gmvByTier,
    buyers: rec.buyers,
    repeaters: rec.repeaters,
    tacticMetrics: rec.tacticMetrics,
    windows,
    tally: (w, field) => rec.ledgerWindows[w * fields + field]!,
    cause,
  };
}
