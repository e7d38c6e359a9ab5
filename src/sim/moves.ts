import { CAUSE_BASELINE, CAUSE_DECAY } from './config';
import type { RunState } from './run-state';
import * as sources from './sources';
import * as tiers from './tiers';

// Imported bindings can compile to getter calls (tsx turns ES imports into live-binding accessors), which costs
// a quarter of the hot loop's time; local constants are plain values.
const MAX_SOURCES_PER_TIER = sources.MAX_SOURCES_PER_TIER;
const TRAIT_MOVE = sources.TRAIT_MOVE;
const TRAIT_PRICE = sources.TRAIT_PRICE;
const TRAIT_RESPOND = sources.TRAIT_RESPOND;
const TRAIT_SOCIAL = sources.TRAIT_SOCIAL;
const R4 = tiers.R4;
const R5 = tiers.R5;
const BASELINE = CAUSE_BASELINE;
const DECAY = CAUSE_DECAY;

/** In the simple repeat model, a buyer without an order for this many days counts as dormant (recall reaches them). */
export const DORMANT_DAYS = 90;

/**
 * One day's moves and purchases for every agent (docs/model.md § One day, steps 2–3).
 *
 * Each agent draws exactly one uniform u from the run's moves stream, in agent order, whatever happens to it: so the
 * stream stays aligned across scenarios (common random numbers) and adding a tactic does not reshuffle unrelated
 * agents. With forward probability f and reverse probability r (sources combined as independent chances, r clamped
 * so f + r ≤ 1): u < f moves forward, u < f + r moves back, else the agent stays. The cause of a move is the source
 * whose share of f (or r) the draw falls in, so no second draw is needed.
 *
 * The loop allocates nothing. Homogeneous, unmarked non-buyers (most agents in most scenarios) take a fast path with
 * per-tier probabilities computed once a day; everyone else goes through `agentDay`.
 */
export function stepMoves(s: RunState): void {
  const n = s.pop.n;
  for (let from = 0; from < n; from += CHUNK) stepChunk(s, from, from + CHUNK < n ? from + CHUNK : n);
}

/**
 * Agents are stepped in chunks: V8 then optimises `stepChunk` as a whole function with type feedback for every
 * path, instead of on-stack-replacing one long loop whose exit it has never seen (which cost 2–3× in measurements).
 */
const CHUNK = 4096;

function stepChunk(s: RunState, from: number, to: number): void {
  const tier = s.pop.tier;
  const stamp = s.marks.stamp;
  const today = s.marks.today;
  const homF = s.homF;
  const homFR = s.homFR;
  const homogeneous = !s.config.heterogeneity;
  const homBuyers = s.homBuyers;
  const plain = s.plainTier;
  const hetBound = s.hetBound;
  const baseF = s.baseF;
  const baseR = s.baseR;
  const move = s.pop.move;
  const lapse = s.pop.lapse;
  const src = s.sources;
  const fCount = src.fCount;
  const fP = src.fP;
  const fTrait = src.fTrait;
  const rCount = src.rCount;
  const rP = src.rP;
  const rTrait = src.rTrait;
  const traitCols = s.traitCols;
  const rng = s.movesRng;
  // `| 0` keeps the generator's state in int32 registers (a plain field load could be a boxed number).
  let a = rng.a | 0;
  let b = rng.b | 0;
  let c = rng.c | 0;
  let d = rng.d | 0;
  for (let i = from; i < to; i++) {
    // sfc32, inlined (see rng.ts).
    const x = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + x) | 0;
    const u = (x >>> 0) * 2.3283064365386963e-10;
    const k = tier[i]!;
    if (homogeneous && k < R4 && stamp[i] !== today) {
      if (u < homFR[k]!) {
        if (u < homF[k]!) forward(s, i, k, u / homF[k]!, 1);
        else reverse(s, i, k, (u - homF[k]!) / (homFR[k]! - homF[k]!));
      }
    } else if (k < R4) {
      if (u >= hetBound[k]! && stamp[i] !== today) {
        // Cannot move today whatever its traits: nothing to do.
      } else if (plain[k] === 1 && stamp[i] !== today) {
        // Heterogeneous agent in a tier without tactic sources today: baseline chances scaled by its traits.
        let f = baseF[k]! * move![i]!;
        if (f > 1) f = 1;
        let r = baseR[k]! * lapse![i]!;
        if (r > 1) r = 1;
        if (f + r > 1) r = 1 - f;
        if (u < f) s.moveAgent(i, k, k + 1, BASELINE);
        else if (u < f + r) s.moveAgent(i, k, k - 1, DECAY);
      } else if (homogeneous || stamp[i] === today) {
        agentDay(s, i, k, u);
      } else {
        // Heterogeneous, unmarked agent in a tier with tier-level sources (ads, word of mouth, content…): the same
        // arithmetic as agentDay, inlined with the source tables in locals because most agents land here.
        let fb = baseF[k]! * move![i]!;
        if (fb > 1) fb = 1;
        let keepF = 1 - fb;
        const at = k * MAX_SOURCES_PER_TIER;
        const nf = fCount[k]!;
        for (let j = 0; j < nf; j++) {
          const col = traitCols[fTrait[at + j]!];
          const p = fP[at + j]! * (col === null ? 1 : col![i]!);
          keepF *= p >= 1 ? 0 : 1 - p;
        }
        let rb = baseR[k]! * lapse![i]!;
        if (rb > 1) rb = 1;
        let keepR = 1 - rb;
        const nr = rCount[k]!;
        for (let j = 0; j < nr; j++) {
          const col = traitCols[rTrait[at + j]!];
          const p = rP[at + j]! * (col === null ? 1 : col![i]!);
          keepR *= p >= 1 ? 0 : 1 - p;
        }
        const f = 1 - keepF;
        let r = 1 - keepR;
        if (f + r > 1) r = 1 - f;
        if (u < f) forward(s, i, k, u / f, 1);
        else if (u < f + r) reverse(s, i, k, (u - f) / r);
      }
    } else if (homBuyers && stamp[i] !== today) {
      // Homogeneous buyers in the simple model without recall today: per-tier chances, like the fast path above.
      if (u < homFR[k]!) {
        if (u < homF[k]!) purchase(s, i, k, homBuyCause(s, k, u));
        else reverse(s, i, k, (u - homF[k]!) / (homFR[k]! - homF[k]!));
      }
    } else {
      buyerDay(s, i, k, u);
    }
  }
  rng.a = a;
  rng.b = b;
  rng.c = c;
  rng.d = d;
}

/** Cause of a homogeneous buyer's purchase at draw u: baseline below the unboosted chance, else the top booster. */
function homBuyCause(s: RunState, k: number, u: number): number {
  return u < s.homBuyBase[k]! || s.sources.buyCause[k]! < 0 ? BASELINE : s.sources.buyCause[k]!;
}

function traitOf(s: RunState, trait: number, i: number): number {
  const pop = s.pop;
  switch (trait) {
    case TRAIT_RESPOND:
      return pop.respond ? pop.respond[i]! : 1;
    case TRAIT_SOCIAL:
      return pop.social ? pop.social[i]! : 1;
    case TRAIT_PRICE:
      return pop.price ? pop.price[i]! : 1;
    case TRAIT_MOVE:
      return pop.move ? pop.move[i]! : 1;
    default:
      return 1;
  }
}

/** Forward scale of a marked agent (low-quality or fake fission users), else 1. */
function forwardScale(s: RunState, i: number, marked: boolean): number {
  return marked ? s.marks.fScale[i]! : 1;
}

/** A non-buyer (R0..R3) that is heterogeneous or marked today. */
function agentDay(s: RunState, i: number, k: number, u: number): void {
  const pop = s.pop;
  const src = s.sources;
  const marks = s.marks;
  const marked = marks.stamp[i] === marks.today;
  const scale = forwardScale(s, i, marked);
  let fb = s.baseF[k]! * scale;
  if (pop.move) fb *= pop.move[i]!;
  if (fb > 1) fb = 1;
  let keepF = 1 - fb;
  const base = k * MAX_SOURCES_PER_TIER;
  const nf = src.fCount[k]!;
  for (let j = 0; j < nf; j++) {
    const tr = src.fTrait[base + j]!;
    let p = src.fP[base + j]! * scale;
    if (tr !== 0) p *= traitOf(s, tr, i);
    keepF *= p >= 1 ? 0 : 1 - p;
  }
  let rb = s.baseR[k]!;
  if (pop.lapse) rb *= pop.lapse[i]!;
  if (marked) rb *= marks.lapseMult[i]!;
  if (rb > 1) rb = 1;
  let keepR = 1 - rb;
  const nr = src.rCount[k]!;
  for (let j = 0; j < nr; j++) {
    const tr = src.rTrait[base + j]!;
    let p = src.rP[base + j]!;
    if (tr !== 0) p *= traitOf(s, tr, i);
    keepR *= p >= 1 ? 0 : 1 - p;
  }
  if (marked) {
    keepF *= marks.keepF[i]!;
    keepR *= marks.keepR[i]!;
  }
  const f = 1 - keepF;
  let r = 1 - keepR;
  if (f + r > 1) r = 1 - f;
  if (u < f) forward(s, i, k, u / f, scale);
  else if (u < f + r) reverse(s, i, k, (u - f) / r);
}

/**
 * Resolve the cause and target of a forward move. `v` is uniform in [0, 1) given that the agent moves (the move
 * draw rescaled); the cause is picked in proportion to each source's probability.
 */
function forward(s: RunState, i: number, k: number, v: number, scale: number): void {
  const pop = s.pop;
  const src = s.sources;
  const marks = s.marks;
  const marked = marks.stamp[i] === marks.today;
  let fb = s.baseF[k]! * scale;
  if (pop.move) fb *= pop.move[i]!;
  if (fb > 1) fb = 1;
  const base = k * MAX_SOURCES_PER_TIER;
  const nf = src.fCount[k]!;
  let total = fb;
  for (let j = 0; j < nf; j++) {
    const tr = src.fTrait[base + j]!;
    let p = src.fP[base + j]! * scale;
    if (tr !== 0) p *= traitOf(s, tr, i);
    total += p > 1 ? 1 : p;
  }
  const pm = marked ? 1 - marks.keepF[i]! : 0;
  total += pm;
  let target = v * total;
  if (target < fb) return s.moveAgent(i, k, k + 1, BASELINE);
  target -= fb;
  for (let j = 0; j < nf; j++) {
    const tr = src.fTrait[base + j]!;
    let p = src.fP[base + j]! * scale;
    if (tr !== 0) p *= traitOf(s, tr, i);
    if (p > 1) p = 1;
    if (target < p || (j === nf - 1 && pm === 0)) return s.moveAgent(i, k, src.fTo[base + j]!, src.fCause[base + j]!);
    target -= p;
  }
  if (pm > 0) return s.moveAgent(i, k, marks.toF[i]!, marks.causeF[i]!);
  // Rounding left the draw past the last weight: it belongs to the last source.
  s.moveAgent(i, k, k + 1, BASELINE);
}

/** Resolve the cause and target of a reverse move, as `forward` does. */
function reverse(s: RunState, i: number, k: number, v: number): void {
  const pop = s.pop;
  const src = s.sources;
  const marks = s.marks;
  const marked = marks.stamp[i] === marks.today;
  let rb = s.baseR[k]!;
  if (pop.lapse) rb *= pop.lapse[i]!;
  if (marked) rb *= marks.lapseMult[i]!;
  if (rb > 1) rb = 1;
  const base = k * MAX_SOURCES_PER_TIER;
  const nr = src.rCount[k]!;
  let total = rb;
  for (let j = 0; j < nr; j++) {
    const tr = src.rTrait[base + j]!;
    let p = src.rP[base + j]!;
    if (tr !== 0) p *= traitOf(s, tr, i);
    total += p > 1 ? 1 : p;
  }
  const pm = marked ? 1 - marks.keepR[i]! : 0;
  total += pm;
  let target = v * total;
  if (target < rb) return s.moveAgent(i, k, k - 1, DECAY);
  target -= rb;
  for (let j = 0; j < nr; j++) {
    const tr = src.rTrait[base + j]!;
    let p = src.rP[base + j]!;
    if (tr !== 0) p *= traitOf(s, tr, i);
    if (p > 1) p = 1;
    if (target < p || (j === nr - 1 && pm === 0)) return s.moveAgent(i, k, src.rTo[base + j]!, src.rCause[base + j]!);
    target -= p;
  }
  if (pm > 0) return s.moveAgent(i, k, marks.toR[i]!, marks.causeR[i]!);
  s.moveAgent(i, k, k - 1, DECAY);
}

/**
 * A buyer (R4 or R5): one draw decides between buying, lapsing one tier, or nothing. R4's purchase is the second
 * purchase (a move to R5); R5's purchases keep it in R5. In the BG/NBD model an active buyer buys as a Poisson process
 * with rate λ × (demand × tactic boosts) — simulated exactly within the day, with a dropout chance after each repeat
 * purchase — and an inactive buyer buys only when a tactic recalls it.
 */
function buyerDay(s: RunState, i: number, k: number, u: number): void {
  const pop = s.pop;
  const marks = s.marks;
  const src = s.sources;
  const marked = marks.stamp[i] === marks.today;
  const scale = forwardScale(s, i, marked);
  let mult = src.buyMult[k]!;
  let boostCause = src.buyCause[k]!;
  if (marked) {
    mult *= marks.buyMult[i]!;
    if (marks.buyBest[i]! > src.buyBest[k]!) boostCause = marks.buyCause[i]!;
  }
  // Recall reaches dormant buyers only: inactive ones in BG/NBD, ones without an order for DORMANT_DAYS otherwise.
  const dormant = s.bgnbd ? pop.active[i] === 0 : s.day - pop.lastOrderDay[i]! > DORMANT_DAYS;
  const recallKeep = dormant ? (marked ? marks.recallKeep[i]! : 1) * (1 - src.recallP[k]!) : 1;
  // pRate: purchase chance from the buying rate (with boosts); pBase: the same without tactic boosts (attribution).
  let pRate: number;
  let pBase: number;
  let rate = 0;
  const active = !s.bgnbd || pop.active[i] === 1;
  if (s.bgnbd) {
    if (active) {
      const lam = pop.lambda![i]! * s.demand * scale;
      rate = lam * mult;
      pRate = 1 - Math.exp(-rate);
      pBase = 1 - Math.exp(-lam);
    } else {
      pRate = 0;
      pBase = 0;
    }
  } else {
    let base = (k === R4 ? s.config.forward[R4]! : s.config.repeat) * s.demand * scale;
    if (pop.buy) base *= pop.buy[i]!;
    pBase = base > 1 ? 1 : base;
    const boosted = base * mult;
    pRate = boosted > 1 ? 1 : boosted;
  }
  // A tactic's recall (dormant buyers only) and a tactic's purchase chance (a session, a group buy) are extra,
  // independent chances; for a dormant BG/NBD buyer they are the only ones.
  const chanceKeep = (marked ? marks.chanceKeep[i]! : 1) * (1 - src.chanceP[k]!);
  const extraKeep = recallKeep * chanceKeep;
  const p = 1 - (1 - pRate) * extraKeep;

  let rb = s.baseR[k]!;
  if (pop.lapse) rb *= pop.lapse[i]!;
  if (marked) rb *= marks.lapseMult[i]!;
  if (rb > 1) rb = 1;
  let keepR = 1 - rb;
  const base = k * MAX_SOURCES_PER_TIER;
  const nr = src.rCount[k]!;
  for (let j = 0; j < nr; j++) {
    const tr = src.rTrait[base + j]!;
    let q = src.rP[base + j]!;
    if (tr !== 0) q *= traitOf(s, tr, i);
    keepR *= q >= 1 ? 0 : 1 - q;
  }
  if (marked) keepR *= marks.keepR[i]!;
  let r = 1 - keepR;
  if (p + r > 1) r = 1 - p;

  if (u < p) {
    let cause: number;
    let recalled = false;
    if (u < pRate) cause = u < pBase || boostCause < 0 ? BASELINE : boostCause;
    else {
      // The extra chances share [pRate, p) in proportion to their own probabilities.
      const pChance = 1 - chanceKeep;
      const pRecall = 1 - recallKeep;
      const v = ((u - pRate) / (p - pRate)) * (pChance + pRecall);
      if (v < pChance) cause = marked && marks.chanceCause[i]! >= 0 ? marks.chanceCause[i]! : src.chanceCause[k]!;
      else cause = marked && marks.recallCause[i]! >= 0 ? marks.recallCause[i]! : src.recallCause[k]!;
      recalled = true;
    }
    if (recalled) pop.active[i] = 1; // a dormant buyer who buys is active again (then may drop out as usual)
    purchase(s, i, k, cause);
    if (s.bgnbd && !recalled) {
      {
        // Further purchases later the same day: the first event happened at T1 = −ln(1 − u)/rate.
        let t = -Math.log(1 - u) / rate;
        const buy = s.buyRng;
        while (pop.active[i] === 1) {
          t += -Math.log(buy.nextOpen()) / rate;
          if (t >= 1) break;
          purchase(s, i, R5, cause);
        }
      }
    }
  } else if (u < p + r) {
    reverse(s, i, k, (u - p) / r);
  }
}

/** One purchase by a buyer: R4 → R5 (a move) or an R5 order; in BG/NBD, then the dropout chance. */
function purchase(s: RunState, i: number, k: number, cause: number): void {
  if (k === R4) s.moveAgent(i, R4, R5, cause);
  else s.placeOrder(i, R5, cause, false);
  if (s.bgnbd && s.buyRng.next() < s.pop.drop![i]!) s.pop.active[i] = 0;
}
