import type { EngineConfig } from '../config';
import { causeNames } from '../config';
import type { FigureScope } from './glossary';
import type { MeanFieldResult } from '../projection/meanfield';
import { COHORT_YEARS, WINDOW_FIELDS, type OrderWindow } from './order-ledger';
import { TIERS, TIER_COUNT } from '../tiers';
import { getTactic } from '../tactics/registry';
import type { Unit } from '../../lib/units';

/**
 * Every per-run figure, declared once: its name, its unit, whether it is a total or an increment, whether it adds up
 * (so it can be split between tactics), and the function that computes it from a run. The digest computes the
 * figures in this order (digest.ts), the summary nests the S/T/A/R figures into the result's `star` block and the cause
 * accounts into `byCause` in this order (summary.ts), and the lists of figures other modules report (removal effects,
 * Shapley values) are typed by these names (`FigureKey`). docs/model.md § Glossary defines them for readers
 * (glossary.ts; tests/sim/figures.test.ts checks that the two agree).
 *
 * A family with parts (`T.count.*`: one figure per tier) expands to one figure per part, the part in place of `*`.
 */

/**
 * Units of per-run figures. Counts of people and orders are in real customers (agents × scale); money in yuan.
 * `perMonth`: a monthly rate (moves per month ÷ the source tier's average population); `yuanPerYuan`: a return on cost.
 */
export type FigureUnit = 'people' | 'orders' | 'yuan' | 'yuanPerOrder' | 'yuanPerYuan' | 'share' | 'perMonth' | 'perWeek' | 'ordersPerBuyer' | 'events';

/** Everything a figure is computed from: one run's record reduced once (digest.ts `runFacts`). Counts in agents. */
export interface RunFacts {
  config: EngineConfig;
  /** Agents per real customer. */
  sc: number;
  days: number;
  /** Agents in tier t at the start of day d (d = days: the end). */
  tierAt(day: number, t: number): number;
  /** Assets (R1–R5) at the start and the end, in agents. */
  assetsStart: number;
  assetsEnd: number;
  /** Moves from→to over the horizon, 36, in agents. */
  moves: Float64Array;
  /** Person-days in each tier: the tier at the start of every day (the exposure of monthly rates). */
  exposure: Float64Array;
  /** Per off-diagonal pair (FLOW_PAIRS), the mean over full weeks of moves ÷ the tier at the week's start. */
  weeklyRate: Float64Array;
  gmv: number;
  orders: number;
  firstPurchases: number;
  newBuyers: number;
  /** Cost in real yuan (tactics scale their costs), discounts included. */
  cost: number;
  discount: number;
  gmvByTier: Float64Array;
  buyers: number;
  repeaters: number;
  /** The tactics' own metrics, concatenated in tactic order. */
  tacticMetrics: Float64Array;
  /** The order ledger's windows and their tallies (order-ledger.ts). */
  windows: readonly OrderWindow[];
  tally(window: number, field: number): number;
  /** Per cause: moves, forward and reverse moves (agents), orders, first purchases, GMV, cost (yuan), discount. */
  cause: {
    moves: Float64Array;
    forward: Float64Array;
    reverse: Float64Array;
    orders: Float64Array;
    first: Float64Array;
    gmv: Float64Array;
    cost: Float64Array;
    discount: Float64Array;
  };
}

export interface FigureFamily<K extends string = string> {
  /** The figure's key in a run's digest, `*` standing for the part (a tier, a flow pair, a cause). */
  key: K;
  unit: FigureUnit | Unit;
  /** Per-run figures are totals of the scenario; increments are their paired differences (compare.ts, incremental.ts). */
  scope: FigureScope;
  /** Sums over customers or orders (so a paired difference can be split between tactics); ratios do not. */
  additive: boolean;
  /** The parts a family with `*` expands to, for a config (and its order-ledger windows). */
  parts?(config: EngineConfig, windows: readonly OrderWindow[]): readonly string[];
  /** A tactic metric's unit comes from the tactic's definition. */
  unitOf?(config: EngineConfig, k: number): FigureUnit | Unit;
  /** The figure's value for one run; `k` is the part's index in `parts`. */
  value(run: RunFacts, k: number, part: string): number;
  /** Computed from the order ledger's tallies alone (the terms brands report: order-ledger.ts). */
  ledger?: true;
  /** The mean-field projection's expected value of the figure (for the Shapley design), when it has one. */
  meanField?(mf: MeanFieldResult, part: string): number;
}

function family<const K extends string>(f: FigureFamily<K>): FigureFamily<K> {
  return f;
}

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}

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

/** Off-diagonal from→to pairs in a fixed order, with their names (`R3>R4`). */
export const FLOW_PAIRS: ReadonlyArray<{ from: number; to: number; name: string }> = (() => {
  const out: { from: number; to: number; name: string }[] = [];
  for (let i = 0; i < TIER_COUNT; i++)
    for (let j = 0; j < TIER_COUNT; j++) if (i !== j) out.push({ from: i, to: j, name: `${TIERS[i]}>${TIERS[j]}` });
  return out;
})();

const ALL_TIERS = () => TIERS;
const ASSET_TIERS = () => TIERS.slice(1);
const BELOW_R4 = () => TIERS.slice(0, 4);
const PAIR_NAMES = () => FLOW_PAIRS.map((p) => p.name);

// Order-ledger figures (the terms brands report; order-ledger.ts).
const BUYERS = WINDOW_FIELDS.indexOf('buyers');
const REPEATERS = WINDOW_FIELDS.indexOf('repeaters');
const ORDERS = WINDOW_FIELDS.indexOf('orders');
const BROUGHT = WINDOW_FIELDS.indexOf('brought');
const BROUGHT_REPEATERS = WINDOW_FIELDS.indexOf('broughtRepeaters');
const windowIds = (windows: readonly OrderWindow[], pick: (x: OrderWindow) => boolean) => windows.flatMap((x, k) => (pick(x) ? [k] : []));
const months = (run: RunFacts) => windowIds(run.windows, (x) => x.kind === 'month');
const cohortYears = (_: EngineConfig, windows: readonly OrderWindow[]) => COHORT_YEARS.filter((y) => windows.some((x) => x.kind === 'cohort' && x.ref === y)).map((y) => `${y}y`);
const eventTactics = (config: EngineConfig, windows: readonly OrderWindow[]) => config.tactics.filter((_, k) => windows.some((x) => x.kind === 'event' && x.ref === k)).map((t) => t.id);
const eventsOf = (run: RunFacts, id: string) => {
  const k = run.config.tactics.findIndex((t) => t.id === id);
  return windowIds(run.windows, (x) => x.kind === 'event' && x.ref === k);
};
/** Σ numerator ÷ Σ denominator over some windows (each window's buyers counted once in it). */
function pooled(run: RunFacts, ids: number[], num: number, den: number): number {
  let a = 0;
  let b = 0;
  for (const w of ids) {
    a += run.tally(w, num);
    b += run.tally(w, den);
  }
  return ratio(a, b);
}

const CAUSES = (config: EngineConfig) => causeNames(config);
const TOTAL = 'total' as const;

/**
 * The registry, in the order of the result: `star` (S, T, A, R), the order-ledger events, the tactics' own metrics,
 * then the causes' accounts.
 */
export const FIGURES = [
  // S: crowd assets (R1–R5), in real customers.
  family({ key: 'S.assetsStart', unit: 'people', scope: TOTAL, additive: true, value: (r) => r.assetsStart * r.sc }),
  family({ key: 'S.assetsEnd', unit: 'people', scope: TOTAL, additive: true, value: (r) => r.assetsEnd * r.sc, meanField: (mf) => mf.totals.assetsEnd }),
  family({ key: 'S.growthRate', unit: 'share', scope: TOTAL, additive: false, value: (r) => ratio(r.assetsEnd - r.assetsStart, r.assetsStart) }),
  family({
    key: 'S.newAssets',
    unit: 'people',
    scope: TOTAL,
    additive: true,
    value: (r) => {
      let n = 0;
      for (let t = 1; t < TIER_COUNT; t++) n += r.moves[t]!;
      return n * r.sc;
    },
    meanField: (mf) => mf.totals.newAssets,
  }),
  family({ key: 'S.netChange', unit: 'people', scope: TOTAL, additive: true, value: (r) => (r.assetsEnd - r.assetsStart) * r.sc }),
  // T: tiers at the end, shares of the assets, growth.
  family({
    key: 'T.count.*',
    unit: 'people',
    scope: TOTAL,
    additive: true,
    parts: ALL_TIERS,
    value: (r, t) => r.tierAt(r.days, t) * r.sc,
    meanField: (mf, tier) => mf.tiers[tier]![mf.meta.days]!,
  }),
  family({ key: 'T.shareStart.*', unit: 'share', scope: TOTAL, additive: false, parts: ASSET_TIERS, value: (r, k) => ratio(r.tierAt(0, k + 1), r.assetsStart) }),
  family({ key: 'T.shareEnd.*', unit: 'share', scope: TOTAL, additive: false, parts: ASSET_TIERS, value: (r, k) => ratio(r.tierAt(r.days, k + 1), r.assetsEnd) }),
  family({
    key: 'T.growth.*',
    unit: 'share',
    scope: TOTAL,
    additive: false,
    parts: ASSET_TIERS,
    value: (r, k) => ratio(r.tierAt(r.days, k + 1) - r.tierAt(0, k + 1), r.tierAt(0, k + 1)),
  }),
  // A: flow rates per pair.
  family({
    key: 'A.rate.*',
    unit: 'perMonth',
    scope: TOTAL,
    additive: false,
    parts: PAIR_NAMES,
    value: (r, k) => {
      const p = FLOW_PAIRS[k]!;
      return monthlyRate(r.moves[p.from * TIER_COUNT + p.to]!, r.exposure[p.from]!);
    },
  }),
  family({ key: 'A.weekly.*', unit: 'perWeek', scope: TOTAL, additive: false, parts: PAIR_NAMES, value: (r, k) => r.weeklyRate[k]! }),
  // R: sales, buyers, repurchase, cost.
  family({ key: 'R.gmv', unit: 'yuan', scope: TOTAL, additive: true, value: (r) => r.gmv * r.sc, meanField: (mf) => mf.totals.gmv }),
  family({ key: 'R.orders', unit: 'orders', scope: TOTAL, additive: true, value: (r) => r.orders * r.sc, meanField: (mf) => mf.totals.orders }),
  family({ key: 'R.aov', unit: 'yuanPerOrder', scope: TOTAL, additive: false, value: (r) => ratio(r.gmv, r.orders) }),
  family({ key: 'R.firstPurchases', unit: 'people', scope: TOTAL, additive: true, value: (r) => r.firstPurchases * r.sc, meanField: (mf) => mf.totals.firstPurchases }),
  family({ key: 'R.newBuyers', unit: 'people', scope: TOTAL, additive: true, value: (r) => r.newBuyers * r.sc }),
  family({ key: 'R.returningBuyers', unit: 'people', scope: TOTAL, additive: true, value: (r) => (r.firstPurchases - r.newBuyers) * r.sc }),
  family({ key: 'R.repeatPurchases', unit: 'orders', scope: TOTAL, additive: true, value: (r) => (r.orders - r.firstPurchases) * r.sc, meanField: (mf) => mf.totals.repeatPurchases }),
  family({ key: 'R.buyers', unit: 'people', scope: TOTAL, additive: true, value: (r) => r.buyers * r.sc }),
  family({ key: 'R.repeaters', unit: 'people', scope: TOTAL, additive: true, value: (r) => r.repeaters * r.sc }),
  family({ key: 'R.repurchaseRate', unit: 'share', scope: TOTAL, additive: false, value: (r) => ratio(r.repeaters, r.buyers) }),
  // The average over full calendar months of (buyers with two or more orders in the month ÷ buyers in the month).
  family({
    key: 'R.monthlyRepurchase',
    unit: 'share',
    scope: TOTAL,
    ledger: true,
    additive: false,
    value: (r) => {
      let sum = 0;
      let n = 0;
      for (const w of months(r)) {
        const x = ratio(r.tally(w, REPEATERS), r.tally(w, BUYERS));
        if (Number.isFinite(x)) {
          sum += x;
          n++;
        }
      }
      return n > 0 ? sum / n : NaN;
    },
  }),
  // Over full calendar months, orders ÷ buyers (each month's buyers counted once per month).
  family({ key: 'R.ordersPerMonthlyBuyer', unit: 'ordersPerBuyer', scope: TOTAL,
    ledger: true, additive: false, value: (r) => pooled(r, months(r), ORDERS, BUYERS) }),
  // Of the people who bought in the first N × 365 days, the share who bought at least twice in them (runs that long).
  family({
    key: 'R.repurchaseWithin.*',
    unit: 'share',
    scope: TOTAL,
    ledger: true,
    additive: false,
    parts: cohortYears,
    value: (r, _, part) => pooled(r, windowIds(r.windows, (x) => x.kind === 'cohort' && `${x.ref}y` === part), REPEATERS, BUYERS),
  }),
  family({ key: 'R.conversion', unit: 'perMonth', scope: TOTAL, additive: false, value: (r) => monthlyRate(r.moves[3 * TIER_COUNT + 4]!, r.exposure[3]!) }),
  family({ key: 'R.entriesR4.*', unit: 'people', scope: TOTAL, additive: true, parts: BELOW_R4, value: (r, t) => r.moves[t * TIER_COUNT + 4]! * r.sc }),
  family({ key: 'R.gmvByTier.*', unit: 'yuan', scope: TOTAL, additive: true, parts: ALL_TIERS, value: (r, t) => r.gmvByTier[t]! * r.sc }),
  family({ key: 'R.gmvShare.*', unit: 'share', scope: TOTAL, additive: false, parts: ALL_TIERS, value: (r, t) => ratio(r.gmvByTier[t]!, r.gmv) }),
  // Costs are booked in real yuan already (tactics scale per-agent costs); GMV is per agent and scales.
  family({ key: 'R.cost', unit: 'yuan', scope: TOTAL, additive: true, value: (r) => r.cost, meanField: (mf) => mf.totals.cost }),
  family({ key: 'R.discount', unit: 'yuan', scope: TOTAL, additive: true, value: (r) => r.discount }),
  family({ key: 'R.roi', unit: 'yuanPerYuan', scope: TOTAL, additive: false, value: (r) => ratio(r.gmv * r.sc, r.cost) }),
  family({
    key: 'R.marginRoi',
    unit: 'yuanPerYuan',
    scope: TOTAL,
    additive: false,
    value: (r) => (r.config.margin === null ? NaN : ratio(r.gmv * r.sc * r.config.margin, r.cost)),
  }),
  // Within each tactic's events (a sale, a recall, a member day, a livestream; order-ledger.ts `eventRuns`): orders ÷
  // buyers and the share of buyers who ordered twice or more, each event's buyers counted once per event and pooled
  // over its events; and how many events.
  family({ key: 'E.*.ordersPerBuyer', unit: 'ordersPerBuyer', scope: TOTAL,
    ledger: true, additive: false, parts: eventTactics, value: (r, _, id) => pooled(r, eventsOf(r, id), ORDERS, BUYERS) }),
  family({ key: 'E.*.multiOrderShare', unit: 'share', scope: TOTAL,
    ledger: true, additive: false, parts: eventTactics, value: (r, _, id) => pooled(r, eventsOf(r, id), REPEATERS, BUYERS) }),
  // The same share among the customers the tactic brought to the event (their first order there was its own).
  family({ key: 'E.*.broughtMultiOrderShare', unit: 'share', scope: TOTAL,
    ledger: true, additive: false, parts: eventTactics, value: (r, _, id) => pooled(r, eventsOf(r, id), BROUGHT_REPEATERS, BROUGHT) }),
  family({ key: 'E.*.events', unit: 'events', scope: TOTAL,
    ledger: true, additive: false, parts: eventTactics, value: (r, _, id) => eventsOf(r, id).length }),
  // Each tactic's own metrics, as its definition declares them (id.metric).
  family({
    key: 'tactic.*',
    unit: 'count',
    scope: TOTAL,
    additive: false,
    parts: (config) => config.tactics.flatMap((t) => getTactic(t.type).metrics.map((m) => `${t.id}.${m.key}`)),
    unitOf: (config, k) => config.tactics.flatMap((t) => getTactic(t.type).metrics.map((m) => m.unit))[k]!,
    value: (r, k) => r.tacticMetrics[k]!,
  }),
  // Each cause's account: what the baseline, decay, word of mouth and each tactic caused.
  family({ key: 'cause.*.moves', unit: 'people', scope: TOTAL, additive: true, parts: CAUSES, value: (r, c) => r.cause.moves[c]! * r.sc }),
  family({ key: 'cause.*.forwardMoves', unit: 'people', scope: TOTAL, additive: true, parts: CAUSES, value: (r, c) => r.cause.forward[c]! * r.sc }),
  family({ key: 'cause.*.reverseMoves', unit: 'people', scope: TOTAL, additive: true, parts: CAUSES, value: (r, c) => r.cause.reverse[c]! * r.sc }),
  family({ key: 'cause.*.orders', unit: 'orders', scope: TOTAL, additive: true, parts: CAUSES, value: (r, c) => r.cause.orders[c]! * r.sc }),
  family({ key: 'cause.*.firstPurchases', unit: 'people', scope: TOTAL, additive: true, parts: CAUSES, value: (r, c) => r.cause.first[c]! * r.sc }),
  family({ key: 'cause.*.repeatPurchases', unit: 'orders', scope: TOTAL, additive: true, parts: CAUSES, value: (r, c) => (r.cause.orders[c]! - r.cause.first[c]!) * r.sc }),
  family({ key: 'cause.*.gmv', unit: 'yuan', scope: TOTAL, additive: true, parts: CAUSES, value: (r, c) => r.cause.gmv[c]! * r.sc }),
  family({ key: 'cause.*.cost', unit: 'yuan', scope: TOTAL, additive: true, parts: CAUSES, value: (r, c) => r.cause.cost[c]! }),
  family({ key: 'cause.*.discount', unit: 'yuan', scope: TOTAL, additive: true, parts: CAUSES, value: (r, c) => r.cause.discount[c]! }),
  family({ key: 'cause.*.roi', unit: 'yuanPerYuan', scope: TOTAL, additive: false, parts: CAUSES, value: (r, c) => ratio(r.cause.gmv[c]! * r.sc, r.cause.cost[c]!) }),
] as const;

type FamilyKey = (typeof FIGURES)[number]['key'];
type Expand<K extends string> = K extends `${infer A}*${infer B}` ? `${A}${string}${B}` : K;
/** The name of a per-run figure (`R.gmv`, `T.count.R5`, `cause.ads-1.gmv`): lists of figures are typed by it. */
export type FigureKey = Expand<FamilyKey>;

/** One figure of a config: its key, family and part. */
export interface Figure {
  key: string;
  family: FigureFamily;
  /** The part's index in the family's parts (0 for a family without parts), and the part ('' without). */
  k: number;
  part: string;
  unit: FigureUnit | Unit;
}

/** The figures of a config, in the registry's order (the order of a run digest's values). */
export function figureList(config: EngineConfig, windows: readonly OrderWindow[]): Figure[] {
  const out: Figure[] = [];
  for (const f of FIGURES as readonly FigureFamily[]) {
    if (!f.parts) {
      out.push({ key: f.key, family: f, k: 0, part: '', unit: f.unit });
      continue;
    }
    f.parts(config, windows).forEach((part, k) => out.push({ key: f.key.replace('*', part), family: f, k, part, unit: f.unitOf?.(config, k) ?? f.unit }));
  }
  return out;
}

/** The family a figure key belongs to and its part (`T.count.R5` → `T.count.*`, `R5`), or undefined. */
export function familyOf(key: string): { family: FigureFamily; part: string } | undefined {
  for (const f of FIGURES as readonly FigureFamily[]) {
    const star = f.key.indexOf('*');
    if (star < 0) {
      if (f.key === key) return { family: f, part: '' };
      continue;
    }
    const head = f.key.slice(0, star);
    const tail = f.key.slice(star + 1);
    if (key.length > head.length + tail.length && key.startsWith(head) && key.endsWith(tail)) return { family: f, part: key.slice(head.length, key.length - tail.length) };
  }
  return undefined;
}

/** The mean field's expected value of each of these figures (each must declare one). */
export function meanFieldValues(keys: readonly FigureKey[], mf: MeanFieldResult): Record<string, number> {
  return Object.fromEntries(
    keys.map((key) => {
      const f = familyOf(key);
      if (!f?.family.meanField) throw new RangeError(`figure ${key} has no mean-field value`);
      return [key, f.family.meanField(mf, f.part)];
    }),
  );
}

/**
 * The order-ledger figures of a config (`R.monthlyRepurchase`, `R.repurchaseWithin.*`, `E.*`…) for one ledger's window
 * tallies (windows × WINDOW_FIELDS), by key: what a run's digest holds for them, without the rest of a run.
 */
export function ledgerFigures(config: EngineConfig, windows: readonly OrderWindow[], windowTally: Float64Array): Record<string, number> {
  const fields = WINDOW_FIELDS.length;
  const run = { config, windows, tally: (w: number, field: number) => windowTally[w * fields + field]! } as RunFacts;
  return Object.fromEntries(
    figureList(config, windows)
      .filter((f) => f.family.ledger)
      .map((f) => [f.key, f.family.value(run, f.k, f.part)]),
  );
}
