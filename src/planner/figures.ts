import type { EngineConfig, MeanFieldResult } from '../sim';
import { DAYS_PER_MONTH, figureKeys, FLOW_PAIRS, round6 } from '../sim';

/**
 * The figures the planner sweeps, ranks, seeks and optimises, per run (Monte Carlo) or expected (mean field): every
 * per-run figure the engine reports that has a glossary entry (src/sim/results/glossary.ts) — the tiers, S, T, A and R, the
 * brands' figures, and the plan's effect. Totals include what happens anyway; `incremental.*` are the plan minus its
 * do-nothing baseline on the same seeds (src/sim/results/incremental.ts).
 *
 * Keys: the first planner figures keep their short names (`gmv` is `R.gmv`, `assets` `S.assetsEnd`, `r5` `T.count.R5`,
 * …); every other total is named by its key in a run's digest (`S.growthRate`, `T.shareEnd.R5`, `A.rate.R3>R4`,
 * `R.monthlyRepurchase`, `E.<tactic>.ordersPerBuyer`, …). Some figures exist only by Monte Carlo: the mean field
 * follows expected flows, not who buys twice or in which week (`meanField: false`).
 */
export type FigureKey = string;

/** How a figure is measured: yuan, people, orders, a ratio (yuan per yuan), a share, a rate per month or per week, orders per person. */
export type FigureUnit = 'yuan' | 'people' | 'orders' | 'ratio' | 'share' | 'monthly' | 'weekly' | 'perPerson';

export type FigureGroup = 'incremental' | 'S' | 'T' | 'A' | 'R' | 'brand';

export interface FigureInfo {
  key: FigureKey;
  group: FigureGroup;
  unit: FigureUnit;
  /** Its glossary entry (src/sim/results/glossary.ts), for its name and definition. */
  glossary: string;
  /** Computed on the mean field too (else Monte Carlo only). */
  meanField: boolean;
  /** The tier, the flow (`R3>R4`), the tactic or the years it is about. */
  tier?: string;
  pair?: string;
  tactic?: string;
  years?: number;
}

/** The first planner figures: short name → the digest's key. */
const SHORT: Record<string, string> = {
  gmv: 'R.gmv',
  assets: 'S.assetsEnd',
  r5: 'T.count.R5',
  cost: 'R.cost',
  orders: 'R.orders',
  firstPurchases: 'R.firstPurchases',
  r1: 'T.count.R1',
  r2: 'T.count.R2',
  r3: 'T.count.R3',
  r4: 'T.count.R4',
};
const LONG = new Map(Object.entries(SHORT).map(([k, v]) => [v, k]));

export const TOTAL_FIGURES = ['gmv', 'assets', 'r5', 'cost', 'orders', 'firstPurchases', 'r1', 'r2', 'r3', 'r4'] as const;
export const INCREMENTAL_FIGURES = [
  'incremental.gmv',
  'incremental.margin',
  'incremental.profit',
  'incremental.r5',
  'incremental.assets',
  'incremental.roi',
  'incremental.orders',
  'incremental.firstPurchases',
  'incremental.newBuyers',
  'incremental.cost',
  'incremental.marginRoi',
  'incremental.costPerNewBuyer',
] as const;

const TIERS5 = ['R1', 'R2', 'R3', 'R4', 'R5'];

/** Digest keys of the totals besides the short ones, with how each is read; in the glossary's order. */
function extraTotal(key: string): Omit<FigureInfo, 'key'> | null {
  let m: RegExpExecArray | null;
  const fixed: Record<string, Omit<FigureInfo, 'key'>> = {
    'S.growthRate': { group: 'S', unit: 'share', glossary: 'S.growthRate', meanField: true },
    'S.newAssets': { group: 'S', unit: 'people', glossary: 'S.newAssets', meanField: true },
    'R.aov': { group: 'R', unit: 'yuan', glossary: 'R.aov', meanField: true },
    'R.newBuyers': { group: 'R', unit: 'people', glossary: 'R.newBuyers', meanField: false },
    'R.returningBuyers': { group: 'R', unit: 'people', glossary: 'R.returningBuyers', meanField: false },
    'R.repurchaseRate': { group: 'R', unit: 'share', glossary: 'R.repurchaseRate', meanField: false },
    'R.conversion': { group: 'R', unit: 'monthly', glossary: 'R.conversion', meanField: true },
    'R.roi': { group: 'R', unit: 'ratio', glossary: 'R.roi', meanField: true },
    'R.monthlyRepurchase': { group: 'brand', unit: 'share', glossary: 'R.monthlyRepurchase', meanField: false },
    'R.ordersPerMonthlyBuyer': { group: 'brand', unit: 'perPerson', glossary: 'R.ordersPerMonthlyBuyer', meanField: false },
  };
  if (fixed[key]) return fixed[key];
  if ((m = /^T\.shareEnd\.(R[1-5])$/.exec(key))) return { group: 'T', unit: 'share', glossary: 'T.shareEnd', meanField: true, tier: m[1]! };
  if ((m = /^A\.rate\.(R\d>R\d)$/.exec(key))) return { group: 'A', unit: 'monthly', glossary: 'A.rate', meanField: true, pair: m[1]! };
  if ((m = /^A\.weekly\.(R\d>R\d)$/.exec(key))) return { group: 'A', unit: 'weekly', glossary: 'A.weekly', meanField: false, pair: m[1]! };
  if ((m = /^R\.repurchaseWithin\.(\d+)y$/.exec(key))) return { group: 'brand', unit: 'share', glossary: 'R.repurchaseWithin', meanField: false, years: Number(m[1]) };
  if ((m = /^E\.(.+)\.(ordersPerBuyer|multiOrderShare|broughtMultiOrderShare)$/.exec(key))) {
    return { group: 'brand', unit: m[2] === 'ordersPerBuyer' ? 'perPerson' : 'share', glossary: `E.${m[2]}`, meanField: false, tactic: m[1]! };
  }
  return null;
}

const SHORT_INFO: Record<string, Omit<FigureInfo, 'key'>> = {
  gmv: { group: 'R', unit: 'yuan', glossary: 'R.gmv', meanField: true },
  orders: { group: 'R', unit: 'orders', glossary: 'R.orders', meanField: true },
  firstPurchases: { group: 'R', unit: 'people', glossary: 'R.firstPurchases', meanField: true },
  cost: { group: 'R', unit: 'yuan', glossary: 'R.cost', meanField: true },
  assets: { group: 'S', unit: 'people', glossary: 'S.assetsEnd', meanField: true },
  ...Object.fromEntries(TIERS5.map((t) => [t.toLowerCase(), { group: 'T', unit: 'people', glossary: 'T.count', meanField: true, tier: t }])),
};

const INCREMENTAL_INFO: Record<string, Omit<FigureInfo, 'key'>> = {
  'incremental.gmv': { group: 'incremental', unit: 'yuan', glossary: 'incremental.gmv', meanField: true },
  'incremental.margin': { group: 'incremental', unit: 'yuan', glossary: 'incremental.margin', meanField: true },
  'incremental.profit': { group: 'incremental', unit: 'yuan', glossary: 'incremental.margin', meanField: true },
  'incremental.r5': { group: 'incremental', unit: 'people', glossary: 'incremental.r5', meanField: true },
  'incremental.assets': { group: 'incremental', unit: 'people', glossary: 'incremental.assets', meanField: true },
  'incremental.roi': { group: 'incremental', unit: 'ratio', glossary: 'incremental.roi', meanField: true },
  'incremental.orders': { group: 'incremental', unit: 'orders', glossary: 'R.orders', meanField: true },
  'incremental.firstPurchases': { group: 'incremental', unit: 'people', glossary: 'R.firstPurchases', meanField: true },
  'incremental.newBuyers': { group: 'incremental', unit: 'people', glossary: 'incremental.newBuyers', meanField: false },
  'incremental.cost': { group: 'incremental', unit: 'yuan', glossary: 'incremental.cost', meanField: true },
  'incremental.marginRoi': { group: 'incremental', unit: 'ratio', glossary: 'incremental.marginRoi', meanField: true },
  'incremental.costPerNewBuyer': { group: 'incremental', unit: 'yuan', glossary: 'incremental.costPerNewBuyer', meanField: false },
};

/** The digest keys a planner job keeps per run for this config: the short totals' and every other glossary figure's. */
export function runKeys(config: EngineConfig): string[] {
  return [...Object.values(SHORT), ...figureKeys(config).filter((k) => !LONG.has(k) && extraTotal(k) !== null)];
}

/** What is known of a figure key (null: not a planner figure). Tactic figures need the config to exist. */
export function figureInfo(key: FigureKey): FigureInfo | null {
  const i = INCREMENTAL_INFO[key] ?? SHORT_INFO[key] ?? extraTotal(key);
  return i ? { key, ...i } : null;
}

/**
 * Every planner figure of a compiled scenario, in the order a picker lists them: the plan's effect, then S, T, A, R
 * and the brands' figures (tactic figures only for tactics with events, repurchase within N years only when the
 * horizon is that long).
 */
export function figureCatalogue(config: EngineConfig): FigureInfo[] {
  const keys = [...INCREMENTAL_FIGURES, 'assets', 'S.growthRate', 'S.newAssets', 'r1', 'r2', 'r3', 'r4', 'r5', ...runKeys(config).filter((k) => !LONG.has(k)), 'gmv', 'orders', 'firstPurchases', 'cost'];
  const order: FigureGroup[] = ['incremental', 'S', 'T', 'A', 'R', 'brand'];
  const out = [...new Set(keys)].map((k) => figureInfo(k)!).filter((x) => x !== null);
  return order.flatMap((g) => out.filter((x) => x.group === g));
}

/** Is this a figure of the config (by Monte Carlo; and on the mean field when `meanField`)? */
export function isFigure(key: string, config: EngineConfig, meanField = false): boolean {
  const i = figureInfo(key);
  if (!i || (meanField && !i.meanField)) return false;
  return i.group === 'incremental' || key in SHORT || figureKeys(config).includes(key);
}

/** The units of the first planner figures as the command line writes them. */
export const FIGURE_UNITS: Record<string, string> = {
  gmv: 'yuan (total over the horizon)',
  assets: 'people (crowd assets R1–R5 at the end, total)',
  r5: 'people (R5 at the end, total)',
  cost: 'yuan (the plan’s cost over the horizon)',
  orders: 'orders over the horizon (total)',
  firstPurchases: 'people (first purchases: entries into R4 from below, total)',
  r1: 'people (R1 at the end, total)',
  r2: 'people (R2 at the end, total)',
  r3: 'people (R3 at the end, total)',
  r4: 'people (R4 at the end, total)',
  'incremental.gmv': 'yuan (ΔGMV vs do nothing)',
  'incremental.margin': 'yuan (margin × ΔGMV vs do nothing, before the plan’s cost)',
  'incremental.profit': 'yuan (margin × ΔGMV − the plan’s cost)',
  'incremental.r5': 'people (ΔR5 at the end vs do nothing)',
  'incremental.assets': 'people (Δ crowd assets at the end vs do nothing)',
  'incremental.roi': 'ratio (ΔGMV ÷ the plan’s cost)',
  'incremental.orders': 'orders (Δ orders vs do nothing)',
  'incremental.firstPurchases': 'people (Δ first purchases vs do nothing)',
};

/** A figure's unit in words (the command line's table says it beside each figure). */
export function figureUnit(key: FigureKey): string {
  if (FIGURE_UNITS[key]) return FIGURE_UNITS[key];
  const i = figureInfo(key);
  if (!i) return '';
  const words: Record<FigureUnit, string> = { yuan: 'yuan', people: 'people', orders: 'orders', ratio: 'ratio, yuan per yuan', share: 'share', monthly: 'share per month', weekly: 'share per week', perPerson: 'orders per person' };
  return `${words[i.unit]}, ${i.group === 'incremental' ? 'vs do nothing' : 'total'}`;
}

/** Margin share used when the scenario sets none: incremental margin and profit then equal ΔGMV and ΔGMV − cost. */
function marginOf(m: number | null): number {
  return m ?? 1;
}

/** One run's (or the expectation's) figures, by digest key. */
type Totals = Record<string, number>;

function derive(plan: Totals, base: Totals | null, margin: number | null): Record<FigureKey, number> {
  const out: Record<FigureKey, number> = {};
  for (const [k, v] of Object.entries(plan)) out[LONG.get(k) ?? k] = v;
  if (base) {
    const d = (k: string) => plan[k]! - base[k]!;
    const dGmv = d('R.gmv');
    const cost = d('R.cost');
    const m = marginOf(margin);
    out['incremental.gmv'] = dGmv;
    out['incremental.margin'] = m * dGmv;
    out['incremental.profit'] = m * dGmv - cost;
    out['incremental.r5'] = d('T.count.R5');
    out['incremental.assets'] = d('S.assetsEnd');
    out['incremental.roi'] = cost > 0 ? dGmv / cost : NaN;
    out['incremental.orders'] = d('R.orders');
    out['incremental.firstPurchases'] = d('R.firstPurchases');
    out['incremental.cost'] = cost;
    out['incremental.marginRoi'] = cost > 0 ? (m * dGmv) / cost : NaN;
    if ('R.newBuyers' in plan && 'R.newBuyers' in base) {
      const dNew = d('R.newBuyers');
      out['incremental.newBuyers'] = dNew;
      // As the dashboard: runs with no extra new buyer are left out (NaN).
      out['incremental.costPerNewBuyer'] = dNew > 0 ? cost / dNew : NaN;
    }
  }
  return out;
}

/** Expected values of the figures the mean field follows: totals, tier shares, monthly flow rates. */
function mfTotals(mf: MeanFieldResult): Totals {
  const days = mf.meta.days;
  const end = (t: string) => mf.tiers[t]![days]!;
  const a0 = mf.assets[0]!;
  const a1 = mf.totals.assetsEnd;
  const out: Totals = {
    'R.gmv': mf.totals.gmv,
    'S.assetsEnd': a1,
    'R.cost': mf.totals.cost,
    'R.orders': mf.totals.orders,
    'R.firstPurchases': mf.totals.firstPurchases,
    'S.growthRate': a0 > 0 ? (a1 - a0) / a0 : NaN,
    'S.newAssets': mf.totals.newAssets,
    'R.aov': mf.totals.orders > 0 ? mf.totals.gmv / mf.totals.orders : NaN,
    'R.roi': mf.totals.cost > 0 ? mf.totals.gmv / mf.totals.cost : NaN,
  };
  for (const t of TIERS5) {
    out[`T.count.${t}`] = end(t);
    out[`T.shareEnd.${t}`] = a1 > 0 ? end(t) / a1 : NaN;
  }
  // Monthly flow rates as the digest defines them: moves i → j ÷ tier i summed over the days' starts × days per month.
  const tiers = Object.keys(mf.tiers);
  const exposure = tiers.map((t) => mf.tiers[t]!.slice(0, days).reduce((a, b) => a + b, 0));
  for (const p of FLOW_PAIRS) out[`A.rate.${p.name}`] = exposure[p.from]! > 0 ? (mf.moves[p.from]![p.to]! / exposure[p.from]!) * DAYS_PER_MONTH : NaN;
  out['R.conversion'] = out['A.rate.R3>R4']!;
  return out;
}

/** Expected figures from mean-field projections of the plan and (optionally) its do-nothing baseline. */
export function meanFieldFigures(plan: MeanFieldResult, base: MeanFieldResult | null, margin: number | null): Record<FigureKey, number> {
  const out = derive(mfTotals(plan), base && mfTotals(base), margin);
  for (const k of Object.keys(out)) out[k] = Number.isFinite(out[k]!) ? round6(out[k]!) : NaN;
  return out;
}

/**
 * The figures of every run of a Monte Carlo job, by key: the short totals (`gmv`, `assets`, `r5`, …) and every other
 * glossary figure by its digest key (`S.growthRate`, `A.rate.R3>R4`, `E.<tactic>.ordersPerBuyer`, …).
 */
export type RunTotals = Record<string, number[]>;

/** The totals of every run of a Monte Carlo summary (`keys`: its config's `runKeys`; the short ones when left out). */
export function summaryTotals(s: { figure(key: string): ArrayLike<number> }, keys: readonly string[] = Object.values(SHORT)): RunTotals {
  return Object.fromEntries(keys.map((key) => [LONG.get(key) ?? key, Array.from(s.figure(key), (v) => round6(v))]));
}

/** Per-run totals read back as a summary's figures (what a worker answers for a summary it ran elsewhere). */
export function totalsSource(t: RunTotals): { figure(key: string): ArrayLike<number> } {
  return { figure: (key) => t[LONG.get(key) ?? key] ?? [] };
}

/**
 * Per-run figures of a plan and (optionally) its baseline run on the same seeds: run r of each is paired, so each
 * incremental value is a paired difference. NaN where a figure is undefined (ROI without cost).
 */
export function pairRuns(plan: RunTotals, base: RunTotals | null, margin: number | null): Record<FigureKey, number[]> {
  const n = plan.gmv?.length ?? 0;
  if (base && (base.gmv?.length ?? 0) !== n) throw new Error(`cannot pair ${n} plan runs with ${base.gmv?.length ?? 0} baseline runs`);
  const at = (t: RunTotals, i: number): Totals => Object.fromEntries(Object.entries(t).map(([k, v]) => [SHORT[k] ?? k, v[i] ?? NaN]));
  const out: Record<FigureKey, number[]> = {};
  for (let i = 0; i < n; i++) {
    const f = derive(at(plan, i), base && at(base, i), margin);
    for (const [k, v] of Object.entries(f)) (out[k] ??= []).push(Number.isFinite(v) ? round6(v) : NaN);
  }
  return out;
}
