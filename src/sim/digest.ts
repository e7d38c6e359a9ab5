import type { EngineConfig } from './config';
import { causeNames } from './config';
import { brandFigureKeys, brandFigureValues } from './brand-figures';
import type { RunRecord } from './recorder';
import { TIERS, TIER_COUNT } from './tiers';
import { getTactic } from './tactics/registry';

const PAIRS = TIER_COUNT * TIER_COUNT;

/** Off-diagonal from→to pairs in a fixed order, with their names (`R3>R4`). */
export const FLOW_PAIRS: ReadonlyArray<{ from: number; to: number; name: string }> = (() => {
  const out: { from: number; to: number; name: string }[] = [];
  for (let i = 0; i < TIER_COUNT; i++)
    for (let j = 0; j < TIER_COUNT; j++) if (i !== j) out.push({ from: i, to: j, name: `${TIERS[i]}>${TIERS[j]}` });
  return out;
})();

/** Days in a month for monthly rates: the calendar year's average (365.25 ÷ 12). */
export const DAYS_PER_MONTH = 365.25 / 12;

/**
 * A flow rate as an operator reads it: moves i → j per month over the average population of tier i. The exposure is
 * tier i's count at the start of each day (the population the day's chances applied to) summed over the days, so
 * moves ÷ exposure is the daily rate and × 30.44 the monthly one. NaN when tier i was empty throughout.
 */
export function monthlyRate(moves: number, personDays: number): number {
  return personDays > 0 ? (moves / personDays) * DAYS_PER_MONTH : NaN;
}

export function weeksOf(days: number): number {
  return Math.ceil(days / 7);
}

/**
 * The names of the per-run figures, in a fixed order: every STAR figure, the totals and each cause's account. A run's
 * digest holds the values in this order, so summaries and paired comparisons line up by index.
 */
export function figureKeys(config: EngineConfig): string[] {
  const keys: string[] = ['S.assetsStart', 'S.assetsEnd', 'S.growthRate', 'S.newAssets', 'S.netChange'];
  for (const t of TIERS) keys.push(`T.count.${t}`);
  for (const t of TIERS.slice(1)) keys.push(`T.shareStart.${t}`, `T.shareEnd.${t}`, `T.growth.${t}`);
  for (const p of FLOW_PAIRS) keys.push(`A.rate.${p.name}`);
  for (const p of FLOW_PAIRS) keys.push(`A.weekly.${p.name}`);
  keys.push(
    'R.gmv',
    'R.orders',
    'R.aov',
    'R.firstPurchases',
    'R.newBuyers',
    'R.returningBuyers',
    'R.repeatPurchases',
    'R.buyers',
    'R.repeaters',
    'R.repurchaseRate',
    'R.conversion',
  );
  for (const t of TIERS.slice(0, 4)) keys.push(`R.entriesR4.${t}`);
  for (const t of TIERS) keys.push(`R.gmvByTier.${t}`);
  for (const t of TIERS) keys.push(`R.gmvShare.${t}`);
  keys.push('R.cost', 'R.discount', 'R.roi', 'R.marginRoi');
  keys.push(...brandFigureKeys(config));
  for (const t of config.tactics) for (const m of getTactic(t.type).metrics) keys.push(`tactic.${t.id}.${m.key}`);
  for (const c of causeNames(config)) {
    for (const f of ['moves', 'forwardMoves', 'reverseMoves', 'orders', 'firstPurchases', 'repeatPurchases', 'gmv', 'cost', 'discount', 'roi']) {
      keys.push(`cause.${c}.${f}`);
    }
  }
  return keys;
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
  const causes = rec.causes;
  const sc = config.scale;
  const tiersAt = (day: number, t: number) => rec.tiers[day * TIER_COUNT + t]!;
  const assets = (day: number) => {
    let s = 0;
    for (let t = 1; t < TIER_COUNT; t++) s += tiersAt(day, t);
    return s;
  };
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

  const f: number[] = [];
  const a0 = assets(0);
  const a1 = assets(days);
  let newAssets = 0;
  for (let t = 1; t < TIER_COUNT; t++) newAssets += total[t]!;
  f.push(a0 * sc, a1 * sc, ratio(a1 - a0, a0), newAssets * sc, (a1 - a0) * sc);
  for (let t = 0; t < TIER_COUNT; t++) f.push(tiersAt(days, t) * sc);
  for (let t = 1; t < TIER_COUNT; t++) {
    const s0 = tiersAt(0, t);
    const s1 = tiersAt(days, t);
    f.push(ratio(s0, a0), ratio(s1, a1), ratio(s1 - s0, s0));
  }
  // Person-days in each tier: the tier at the start of every day of the horizon (the exposure of monthly rates).
  const exposure = new Float64Array(TIER_COUNT);
  for (let d = 0; d < days; d++) for (let t = 0; t < TIER_COUNT; t++) exposure[t]! += tiersAt(d, t);
  for (const p of FLOW_PAIRS) f.push(monthlyRate(total[p.from * TIER_COUNT + p.to]!, exposure[p.from]!));
  FLOW_PAIRS.forEach((_, k) => f.push(rateCounts[k]! > 0 ? rateSums[k]! / rateCounts[k]! : NaN));

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
  f.push(
    gmv * sc,
    orders * sc,
    ratio(gmv, orders),
    first * sc,
    newBuyers * sc,
    (first - newBuyers) * sc,
    (orders - first) * sc,
    rec.buyers * sc,
    rec.repeaters * sc,
    ratio(rec.repeaters, rec.buyers),
    monthlyRate(total[3 * TIER_COUNT + 4]!, exposure[3]!),
  );
  for (let t = 0; t < 4; t++) f.push(total[t * TIER_COUNT + 4]! * sc);
  for (let t = 0; t < TIER_COUNT; t++) f.push(gmvByTier[t]! * sc);
  for (let t = 0; t < TIER_COUNT; t++) f.push(ratio(gmvByTier[t]!, gmv));
  // Costs are booked in real yuan already (tactics scale per-agent costs); GMV is per agent and scales here.
  f.push(cost, discount, ratio(gmv * sc, cost), config.margin === null ? NaN : ratio(gmv * sc * config.margin, cost));
  f.push(...brandFigureValues(config, rec.ledgerWindows));

  for (let k = 0; k < rec.tacticMetrics.length; k++) f.push(rec.tacticMetrics[k]!);
  for (let c = 0; c < causes; c++) {
    let moves = 0;
    let fwd = 0;
    let rev = 0;
    for (let i = 0; i < TIER_COUNT; i++)
      for (let j = 0; j < TIER_COUNT; j++) {
        const m = rec.causeMoves[c * PAIRS + i * TIER_COUNT + j]!;
        moves += m;
        if (j > i) fwd += m;
        else if (j < i) rev += m;
      }
    let cCost = 0;
    for (let d = 0; d < days; d++) cCost += rec.causeCost[d * causes + c]!;
    const cOrders = rec.causeOrders[c]!;
    const cFirst = rec.causeFirst[c]!;
    const cGmv = rec.causeGmv[c]!;
    f.push(moves * sc, fwd * sc, rev * sc, cOrders * sc, cFirst * sc, (cOrders - cFirst) * sc, cGmv * sc, cCost, rec.causeDiscount[c]!, ratio(cGmv * sc, cCost));
  }

  return {
    run: rec.run,
    figures: Float64Array.from(f),
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
