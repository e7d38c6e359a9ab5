import { TIER_COUNT } from '../tiers';

/**
 * Which agent trait scales a source's probability (heterogeneity). NONE leaves it as is; the others multiply by the
 * agent's trait column (mean 1), so with heterogeneity off every trait is 1.
 */
export const TRAIT_NONE = 0;
export const TRAIT_RESPOND = 1;
export const TRAIT_SOCIAL = 2;
export const TRAIT_PRICE = 3;
export const TRAIT_MOVE = 4;
export type TraitId = 0 | 1 | 2 | 3 | 4;

export const MAX_SOURCES_PER_TIER = 24;

/**
 * Tier-level sources of movement for one day: "every agent in tier t has probability p (× its trait) of moving to
 * tier `to`, caused by `cause`". Baseline flows and word of mouth are not listed here (the move loop handles them);
 * tactics whose effect does not depend on an agent's private state (ads, content) add their sources here, and the
 * mean-field projection uses the same table. Buyers' purchases are rate multipliers (`buyMult`), not sources,
 * because tactics scale the BG/NBD purchase rate λ (docs/domain.md § Repeat buying: BG/NBD).
 */
export class DaySources {
  readonly fCount = new Uint8Array(TIER_COUNT);
  readonly fP = new Float64Array(TIER_COUNT * MAX_SOURCES_PER_TIER);
  readonly fTo = new Uint8Array(TIER_COUNT * MAX_SOURCES_PER_TIER);
  readonly fTrait = new Uint8Array(TIER_COUNT * MAX_SOURCES_PER_TIER);
  readonly fCause = new Uint16Array(TIER_COUNT * MAX_SOURCES_PER_TIER);
  readonly rCount = new Uint8Array(TIER_COUNT);
  readonly rP = new Float64Array(TIER_COUNT * MAX_SOURCES_PER_TIER);
  readonly rTo = new Uint8Array(TIER_COUNT * MAX_SOURCES_PER_TIER);
  readonly rTrait = new Uint8Array(TIER_COUNT * MAX_SOURCES_PER_TIER);
  readonly rCause = new Uint16Array(TIER_COUNT * MAX_SOURCES_PER_TIER);
  /** Multiplier of buyers' purchase rate per tier (R4, R5), and the cause with the largest boost. */
  readonly buyMult = new Float64Array(TIER_COUNT);
  readonly buyCause = new Int32Array(TIER_COUNT);
  readonly buyBest = new Float64Array(TIER_COUNT);
  /** Multiplier of the baseline reverse (decay) probability per tier (e.g. membership lowers lapse). */
  readonly lapseMult = new Float64Array(TIER_COUNT);
  /** Chance per day that a dormant buyer in tier t is recalled (buys and becomes active again), and its cause. */
  readonly recallP = new Float64Array(TIER_COUNT);
  readonly recallCause = new Int32Array(TIER_COUNT);
  /** Extra chance per day that any buyer in tier t purchases (dormant ones become active), and its cause. */
  readonly chanceP = new Float64Array(TIER_COUNT);
  readonly chanceCause = new Int32Array(TIER_COUNT);

  constructor() {
    this.reset();
  }

  reset(): void {
    this.fCount.fill(0);
    this.rCount.fill(0);
    this.buyMult.fill(1);
    this.buyCause.fill(-1);
    this.buyBest.fill(0);
    this.lapseMult.fill(1);
    this.recallP.fill(0);
    this.recallCause.fill(-1);
    this.chanceP.fill(0);
    this.chanceCause.fill(-1);
  }

  /** Agents in `from` move forward to `to` with daily probability p (× trait). */
  addForward(from: number, to: number, p: number, trait: TraitId, cause: number): void {
    if (!(p > 0)) return;
    if (from >= 4 || to <= from || to > 4) {
      throw new RangeError(`a forward source must go from R0..R3 up to at most R4 (got R${from}→R${to}); buyers use addBuyBoost`);
    }
    const k = this.fCount[from]!;
    if (k >= MAX_SOURCES_PER_TIER) throw new RangeError(`more than ${MAX_SOURCES_PER_TIER} forward sources on R${from}`);
    const at = from * MAX_SOURCES_PER_TIER + k;
    this.fP[at] = p;
    this.fTo[at] = to;
    this.fTrait[at] = trait;
    this.fCause[at] = cause;
    this.fCount[from] = k + 1;
  }

  /** Agents in `from` move down to `to` with daily probability p (× trait): a tactic's side effect. */
  addReverse(from: number, to: number, p: number, trait: TraitId, cause: number): void {
    if (!(p > 0)) return;
    if (from <= 0 || to >= from) throw new RangeError(`a reverse source must go down (got R${from}→R${to})`);
    const k = this.rCount[from]!;
    if (k >= MAX_SOURCES_PER_TIER) throw new RangeError(`more than ${MAX_SOURCES_PER_TIER} reverse sources on R${from}`);
    const at = from * MAX_SOURCES_PER_TIER + k;
    this.rP[at] = p;
    this.rTo[at] = to;
    this.rTrait[at] = trait;
    this.rCause[at] = cause;
    this.rCount[from] = k + 1;
  }

  /** Multiply the purchase rate of buyers in tier t (4 or 5) by m ≥ 1. */
  addBuyBoost(t: number, m: number, cause: number): void {
    if (t < 4) throw new RangeError('purchase-rate boosts apply to buyers (R4, R5)');
    if (!(m > 1)) return;
    this.buyMult[t] = this.buyMult[t]! * m;
    const w = Math.log(m);
    if (w > this.buyBest[t]!) {
      this.buyBest[t] = w;
      this.buyCause[t] = cause;
    }
  }

  /** Dormant buyers in tier t are recalled with probability p today (an independent chance). */
  addRecall(t: number, p: number, cause: number): void {
    if (t < 4) throw new RangeError('recall applies to buyers (R4, R5)');
    if (!(p > 0)) return;
    const before = this.recallP[t]!;
    this.recallP[t] = 1 - (1 - before) * (1 - Math.min(1, p));
    if (this.recallCause[t]! < 0 || p > before) this.recallCause[t] = cause;
  }

  /** Every buyer in tier t purchases today with an extra, independent probability p. */
  addBuyChance(t: number, p: number, cause: number): void {
    if (t < 4) throw new RangeError('purchase chances apply to buyers (R4, R5)');
    if (!(p > 0)) return;
    const before = this.chanceP[t]!;
    this.chanceP[t] = 1 - (1 - before) * (1 - Math.min(1, p));
    if (this.chanceCause[t]! < 0 || p > before) this.chanceCause[t] = cause;
  }

  /** Multiply the baseline reverse (decay) probability of tier t by m (m < 1 protects, m > 1 erodes). */
  scaleLapse(t: number, m: number): void {
    this.lapseMult[t] = this.lapseMult[t]! * m;
  }
}
