import { Rng } from './rng';
import { TIER_COUNT } from '../tiers';

/** `lastCause` of an agent who has not ordered in the run (causes are small numbers: config.ts). */
export const NO_CAUSE = 255;

/** Bit flags of the private-domain touchpoints an agent holds (shared by tactics that interact). */
export const IN_GROUP = 1; // member of a community group (社群)
export const WECOM = 2; // WeCom friend of a guide (企业微信)
export const FOLLOWER = 4; // follows the official account / 视频号
export const MEMBER = 8; // registered member (会员)
export const PAID_MEMBER = 16; // paid membership (付费会员)
export const LOW_QUALITY = 32; // brought in by fission and unlikely to convert
export const FAKE = 64; // fake or abusive fission account: never converts

/**
 * Spread of each trait when heterogeneity is on (docs/model.md § Heterogeneity). Every trait is a multiplier with
 * mean 1, drawn as Gamma(k, rate k): CV = 1/√k. These are assumptions, chosen so that the fastest quarter of agents
 * move roughly twice as fast as the slowest quarter, as cohort curves in the BG/NBD literature suggest.
 */
export const TRAIT_SHAPES = {
  move: 4, // forward propensity (baseline flows)
  lapse: 4, // reverse propensity (decay)
  respond: 3, // responsiveness to marketing tactics
  social: 2, // sociability: word of mouth, groups, sharing
  price: 3, // price sensitivity: coupons, deals
  buy: 2, // purchase propensity of buyers in the simple repeat model
} as const;

export interface RepeatModelConfig {
  kind: 'simple' | 'bgnbd';
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * All agents as columns in typed arrays (never objects): one index i is one agent. Trait columns are null when
 * heterogeneity is off, so the homogeneous loop touches less memory and every agent is identical by construction.
 */
export interface Population {
  readonly n: number;
  readonly tier: Uint8Array;
  readonly move: Float32Array | null;
  readonly lapse: Float32Array | null;
  readonly respond: Float32Array | null;
  readonly social: Float32Array | null;
  readonly price: Float32Array | null;
  readonly buy: Float32Array | null;
  /** Customer-specific mean order value multiplier (Gamma–Gamma style), null when homogeneous. */
  readonly value: Float32Array | null;
  /** BG/NBD purchase rate λ per day (null in the simple repeat model). */
  readonly lambda: Float32Array | null;
  /** BG/NBD dropout probability after each repeat purchase. */
  readonly drop: Float32Array | null;
  /** BG/NBD: 1 while the buyer is active ("alive"). */
  readonly active: Uint8Array;
  /** Private-domain touchpoint flags (IN_GROUP, WECOM, …). */
  readonly channels: Uint8Array;
  /** Community group id, −1 for none. */
  readonly group: Int32Array;
  /** Orders placed during the run (saturates at 65 535), for repurchase rates. */
  readonly orders: Uint16Array;
  /** Day of the last purchase, −1 before any (initial buyers start at −1). */
  readonly lastOrderDay: Int16Array;
  /** Day of the purchase before the last, −1 before two (the order ledger tells a window's second order by it). */
  readonly prevOrderDay: Int16Array;
  /**
   * The cause of the last purchase (NO_CAUSE before any): the ledger tells whether a buyer's first order in a
   * tactic's event was one the tactic brought, when it counts their second.
   */
  readonly lastCause: Uint8Array;
  /**
   * Agents are laid out in tier order, so the initial buyers (R4, R5 at the start: customers who have bought before
   * the run) are agents `initialBuyersFrom`..n−1. A first purchase by an agent below it who has not ordered in the run
   * is a first purchase ever (a new buyer); any other move into R4 is a lapsed buyer returning.
   */
  readonly initialBuyersFrom: number;
  /** Tier counts, kept current as agents move. */
  readonly counts: Float64Array;
  /** Largest value of each trait column (index = TraitId; 1 when homogeneous), for the move loop's upper bounds. */
  readonly traitMax: Float64Array;
  /** Largest forward and reverse propensity (move, lapse). */
  readonly moveMax: number;
  readonly lapseMax: number;
  /** Largest purchase propensity (simple model) and BG/NBD rate λ (1 and 0 when the column does not exist). */
  readonly buyMax: number;
  readonly lambdaMax: number;
  /**
   * Per agent, an upper bound of its largest trait (move, lapse, respond, social, price, buy; at least 1) in
   * sixteenths, rounded up: `traitCeiling[i] / 16 ≥` every trait of agent i. 255 means "no bound". Null when
   * homogeneous. The move loop uses it to settle most agents without reading their traits (moves.ts).
   */
  readonly traitCeiling: Uint8Array | null;
}

/** Sixteenths of the largest of agent i's traits (at least 1), rounded up; 255 when it does not fit. */
function ceilings(n: number, cols: ReadonlyArray<Float32Array | null>): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let m = 1;
    for (const c of cols) if (c && c[i]! > m) m = c[i]!;
    out[i] = Math.min(255, Math.ceil(m * 16));
  }
  return out;
}

function maxOf(col: Float32Array | null): number {
  if (!col) return 1;
  let m = 0;
  for (let i = 0; i < col.length; i++) if (col[i]! > m) m = col[i]!;
  return m;
}

/** Gamma(k, rate k) for a small integer k: −ln(U1·…·Uk)/k, one logarithm per draw. */
function unitGammaInt(rng: Rng, k: number): number {
  let prod = 1;
  for (let j = 0; j < k; j++) prod *= rng.nextOpen();
  return -Math.log(prod) / k;
}

function traitColumn(n: number, rng: Rng, k: number): Float32Array {
  const col = new Float32Array(n);
  for (let i = 0; i < n; i++) col[i] = unitGammaInt(rng, k);
  return col;
}

/** Split initial shares into whole agents by largest remainder, so the counts sum exactly to n. */
export function apportion(shares: readonly number[], n: number): number[] {
  const raw = shares.map((s) => s * n);
  const counts = raw.map((x) => Math.floor(x));
  let left = n - counts.reduce((a, b) => a + b, 0);
  const order = raw
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((p, q) => q.frac - p.frac || p.i - q.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k]!.i]! += 1;
  return counts;
}

export interface PopulationSpec {
  agents: number;
  initialCounts: readonly number[];
  heterogeneity: boolean;
  repeatModel: RepeatModelConfig;
  orderValueCv: number;
}

export function createPopulation(spec: PopulationSpec, rng: Rng): Population {
  const n = spec.agents;
  const tier = new Uint8Array(n);
  let at = 0;
  for (let t = 0; t < TIER_COUNT; t++) {
    const c = spec.initialCounts[t] ?? 0;
    tier.fill(t, at, at + c);
    at += c;
  }
  const het = spec.heterogeneity;
  const move = het ? traitColumn(n, rng, TRAIT_SHAPES.move) : null;
  const lapse = het ? traitColumn(n, rng, TRAIT_SHAPES.lapse) : null;
  const respond = het ? traitColumn(n, rng, TRAIT_SHAPES.respond) : null;
  const social = het ? traitColumn(n, rng, TRAIT_SHAPES.social) : null;
  const price = het ? traitColumn(n, rng, TRAIT_SHAPES.price) : null;
  const buy = het && spec.repeatModel.kind === 'simple' ? traitColumn(n, rng, TRAIT_SHAPES.buy) : null;
  let value: Float32Array | null = null;
  if (het && spec.orderValueCv > 0) {
    // Half of the order-value variance (on the log scale) is between customers: (1+c1)(1+c2) = 1 + CV².
    const cv2 = spec.orderValueCv * spec.orderValueCv;
    const sigma2 = Math.log(Math.sqrt(1 + cv2));
    const sigma = Math.sqrt(sigma2);
    value = new Float32Array(n);
    for (let i = 0; i < n; i++) value[i] = Math.exp(sigma * rng.normal() - sigma2 / 2);
  }
  let lambda: Float32Array | null = null;
  let drop: Float32Array | null = null;
  const rm = spec.repeatModel;
  if (rm.kind === 'bgnbd') {
    lambda = new Float32Array(n);
    drop = new Float32Array(n);
    if (het) {
      for (let i = 0; i < n; i++) {
        lambda[i] = rng.gamma(rm.r) / rm.alpha;
        drop[i] = rng.beta(rm.a, rm.b);
      }
    } else {
      // Homogeneous: every buyer has the mean rate and the mean dropout probability.
      lambda.fill(rm.r / rm.alpha);
      drop.fill(rm.a / (rm.a + rm.b));
    }
  }
  const active = new Uint8Array(n);
  // Initial buyers are taken as active: the engine has no purchase history for them (an assumption, documented).
  for (let i = 0; i < n; i++) if (tier[i]! >= 4) active[i] = 1;
  const counts = new Float64Array(TIER_COUNT);
  for (let t = 0; t < TIER_COUNT; t++) counts[t] = spec.initialCounts[t] ?? 0;
  const lastOrderDay = new Int16Array(n);
  lastOrderDay.fill(-1);
  const prevOrderDay = new Int16Array(n);
  prevOrderDay.fill(-1);
  const group = new Int32Array(n);
  group.fill(-1);
  const lastCause = new Uint8Array(n);
  lastCause.fill(NO_CAUSE);
  return {
    traitMax: Float64Array.of(1, maxOf(respond), maxOf(social), maxOf(price), maxOf(move)),
    moveMax: maxOf(move),
    lapseMax: maxOf(lapse),
    buyMax: maxOf(buy),
    lambdaMax: lambda ? maxOf(lambda) : 0,
    traitCeiling: het ? ceilings(n, [move, lapse, respond, social, price, buy]) : null,
    n,
    tier,
    move,
    lapse,
    respond,
    social,
    price,
    buy,
    value,
    lambda,
    drop,
    active,
    channels: new Uint8Array(n),
    group,
    orders: new Uint16Array(n),
    lastOrderDay,
    prevOrderDay,
    lastCause,
    initialBuyersFrom: n - (spec.initialCounts[4] ?? 0) - (spec.initialCounts[5] ?? 0),
    counts,
  };
}
