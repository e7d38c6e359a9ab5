import { CAUSE_BASELINE, CAUSE_DECAY } from '../config';
import type { RunState } from './run-state';
import { withinHeadroom } from '../response';
import * as sources from './sources';
import * as tiers from '../tiers';

// Imported bindings can compile to getter calls (tsx turns ES imports into live-binding accessors), which costs
// a quarter of the hot loop's time; local constants are plain values.
const MAX_SOURCES_PER_TIER = sources.MAX_SOURCES_PER_TIER;
const TRAIT_MOVE = sources.TRAIT_MOVE;
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
 * One general kernel: tactics contribute per-tier tables (`s.sources`) and per-agent marks (`s.marks`, row 0 = an
 * unmarked agent's neutral values), and one arithmetic path (`nonBuyerDay`, `buyerDay`) combines them for every
 * agent. The only shortcut is exact: `bound[k]` is an upper bound of f + r (or p + r for buyers) over every unmarked
 * agent of tier k today, so an unmarked agent whose draw is at or above it cannot move or buy, and is settled by one
 * comparison. The loop allocates nothing.
 */
export function stepMoves(s: RunState): void {
  const n = s.pop.n;
  tierBounds(s, bound);
  tierSums(s, sums);
  for (let from = 0; from < n; from += CHUNK) stepChunk(s, from, from + CHUNK < n ? from + CHUNK : n);
}

/**
 * Agents are stepped in chunks: V8 then optimises `stepChunk` as a whole function with type feedback for every
 * path, instead of on-stack-replacing one long loop whose exit it has never seen (which cost 2–3× in measurements).
 */
const CHUNK = 4096;

/** Today's per-tier upper bounds and sums of chances (module scope: one run steps at a time in a thread). */
const bound = new Float64Array(6);
const sums = new Float64Array(6);

/** An agent's trait ceiling (population.ts `traitCeiling`, in sixteenths) as a number; 255 means no bound. */
const CEILING = Float64Array.from({ length: 256 }, (_, c) => (c < 255 ? c / 16 : Infinity));

/**
 * Margin added to every bound. The bounds repeat the agents' arithmetic with each trait at its largest value, and
 * rounding is monotone in every operation used, so they hold exactly; the margin (far above one rounding step,
 * far below any probability that matters for speed) keeps them safe even if a library function (Math.exp) were not.
 */
const BOUND_MARGIN = 1e-9;

function capped(p: number): number {
  return p > 1 ? 1 : p;
}

/**
 * Upper bound of the chance that an unmarked agent in each tier does anything today: the arithmetic of
 * `nonBuyerDay` / `buyerDay` with every trait at its largest value, every mark neutral, and (buyers) every recall
 * and extra chance counted. 1 means "no shortcut".
 */
function tierBounds(s: RunState, out: Float64Array): void {
  const pop = s.pop;
  const src = s.sources;
  const traitMax = pop.traitMax;
  for (let k = 0; k < 6; k++) {
    // Reverse: baseline decay × lapse propensity, then the tier's reverse sources × their traits.
    let keepR = 1 - capped(s.baseR[k]! * pop.lapseMax);
    for (let j = 0, at = k * MAX_SOURCES_PER_TIER; j < src.rCount[k]!; j++, at++) keepR *= 1 - capped(src.rP[at]! * traitMax[src.rTrait[at]!]!);
    const r = 1 - keepR;
    let p: number;
    if (k < R4) {
      let keepF = 1 - capped(s.baseF[k]! * pop.moveMax);
      for (let j = 0, at = k * MAX_SOURCES_PER_TIER; j < src.fCount[k]!; j++, at++) keepF *= 1 - capped(src.fP[at]! * traitMax[src.fTrait[at]!]!);
      p = 1 - keepF;
    } else {
      const mult = src.buyMult[k]!;
      let pRate: number;
      if (s.bgnbd) pRate = 1 - Math.exp(-(pop.lambdaMax * s.demand * mult));
      else pRate = capped((k === R4 ? s.config.forward[R4]! : s.config.repeat) * s.demand * pop.buyMax * mult);
      p = 1 - (1 - pRate) * ((1 - src.recallP[k]!) * (1 - src.chanceP[k]!));
    }
    const b = p + r + BOUND_MARGIN;
    out[k] = b < 1 ? b : 1;
  }
}

/**
 * The second, per-agent bound for heterogeneous agents: f + r ≤ Σ of the agent's chances ≤ (its largest trait) ×
 * (the tier's sum of chances before traits), since 1 − Π(1 − qⱼ) ≤ Σ qⱼ and every trait is at most the agent's
 * ceiling (which is at least 1, so it also covers chances scaled by no trait). `out[k]` is that sum, with a relative
 * margin for rounding; Infinity (no second bound) for BG/NBD buyers, whose rate λ is not a trait.
 */
function tierSums(s: RunState, out: Float64Array): void {
  const src = s.sources;
  for (let k = 0; k < 6; k++) {
    let sum = s.baseR[k]!;
    for (let j = 0, at = k * MAX_SOURCES_PER_TIER; j < src.rCount[k]!; j++, at++) sum += src.rP[at]!;
    if (k < R4) {
      sum += s.baseF[k]!;
      for (let j = 0, at = k * MAX_SOURCES_PER_TIER; j < src.fCount[k]!; j++, at++) sum += src.fP[at]!;
    } else if (s.bgnbd) sum = Infinity;
    else sum += (k === R4 ? s.config.forward[R4]! : s.config.repeat) * s.demand * src.buyMult[k]! + src.recallP[k]! + src.chanceP[k]!;
    out[k] = sum * (1 + BOUND_MARGIN) + BOUND_MARGIN;
  }
}

function stepChunk(s: RunState, from: number, to: number): void {
  const tier = s.pop.tier;
  const stamp = s.marks.stamp;
  const today = s.marks.today;
  const rows = s.marks.row;
  const b = bound;
  const sum = sums;
  const ceiling = s.pop.traitCeiling;
  const het = ceiling !== null;
  const ceil = CEILING;
  const rng = s.movesRng;
  // `| 0` keeps the generator's state in int32 registers (a plain field load could be a boxed number).
  let sa = rng.a | 0;
  let sb = rng.b | 0;
  let sc = rng.c | 0;
  let sd = rng.d | 0;
  for (let i = from; i < to; i++) {
    // sfc32, inlined (see rng.ts).
    const x = (((sa + sb) | 0) + sd) | 0;
    sd = (sd + 1) | 0;
    sa = sb ^ (sb >>> 9);
    sb = (sc + (sc << 3)) | 0;
    sc = (sc << 21) | (sc >>> 11);
    sc = (sc + x) | 0;
    const u = (x >>> 0) * 2.3283064365386963e-10;
    const k = tier[i]!;
    let m = 0;
    if (stamp[i] === today) m = rows[i]!;
    else if (u >= b[k]!) continue; // unmarked and above the tier's bound: nothing can happen today
    else if (het && u >= sum[k]! * ceil[ceiling[i]!]!) continue; // above its own bound: nothing can happen either
    if (k < R4) nonBuyerDay(s, i, k, u, m);
    else buyerDay(s, i, k, u, m);
  }
  rng.a = sa;
  rng.b = sb;
  rng.c = sc;
  rng.d = sd;
}

/** Agent i's value of trait `trait` (1 for none, or when heterogeneity is off). */
function traitOf(s: RunState, trait: number, i: number): number {
  const col = s.traitCols[trait];
  return col ? col[i]! : 1;
}

/**
 * A non-buyer (R0..R3) with marks row m (0: unmarked). Forward: the baseline flow k → k+1 (× forward propensity)
 * and every tier-level source (× its trait), all × the agent's forward scale, combine with the marks' chances as
 * independent chances; reverse the same way, clamped so that f + r ≤ 1.
 */
function nonBuyerDay(s: RunState, i: number, k: number, u: number, m: number): void {
  const marks = s.marks;
  const scale = marks.fScale[m]!;
  const keepF = forwardKeep(s, i, k, scale) * marks.keepF[m]!;
  const f = 1 - keepF;
  let r = 1 - reverseKeep(s, i, k, m);
  if (f + r > 1) r = 1 - f;
  if (u < f) forward(s, i, k, m, u / f, scale);
  else if (u < f + r) reverse(s, i, k, m, (u - f) / r);
}

/** Π(1 − p) over the baseline forward chance and the tier's forward sources of agent i (capped at 1 each). */
function forwardKeep(s: RunState, i: number, k: number, scale: number): number {
  const src = s.sources;
  let keep = 1 - capped(s.baseF[k]! * scale * traitOf(s, TRAIT_MOVE, i));
  for (let j = 0, at = k * MAX_SOURCES_PER_TIER; j < src.fCount[k]!; j++, at++) keep *= 1 - capped(src.fP[at]! * scale * traitOf(s, src.fTrait[at]!, i));
  return keep;
}

/** Π(1 − p) over agent i's reverse chances: baseline decay (× lapse propensity × marks), tier sources, marks. */
function reverseKeep(s: RunState, i: number, k: number, m: number): number {
  const src = s.sources;
  const marks = s.marks;
  let keep = 1 - capped(s.baseR[k]! * (s.pop.lapse ? s.pop.lapse[i]! : 1) * marks.lapseMult[m]!);
  for (let j = 0, at = k * MAX_SOURCES_PER_TIER; j < src.rCount[k]!; j++, at++) keep *= 1 - capped(src.rP[at]! * traitOf(s, src.rTrait[at]!, i));
  return keep * marks.keepR[m]!;
}

/**
 * Resolve the cause and target of a forward move. `v` is uniform in [0, 1) given that the agent moves (the move
 * draw rescaled); the cause is picked in proportion to each chance's probability: the baseline, each source, then
 * the marks' combined chance. A draw that rounding left past the last share belongs to the last chance.
 */
function forward(s: RunState, i: number, k: number, m: number, v: number, scale: number): void {
  const src = s.sources;
  const marks = s.marks;
  const at0 = k * MAX_SOURCES_PER_TIER;
  const nf = src.fCount[k]!;
  const pb = capped(s.baseF[k]! * scale * traitOf(s, TRAIT_MOVE, i));
  const pm = 1 - marks.keepF[m]!;
  let total = pb;
  for (let j = 0, at = at0; j < nf; j++, at++) total += capped(src.fP[at]! * scale * traitOf(s, src.fTrait[at]!, i));
  if (pm > 0) total += pm;
  let target = v * total;
  if (target < pb || (nf === 0 && !(pm > 0))) return s.moveAgent(i, k, k + 1, BASELINE);
  target -= pb;
  for (let j = 0, at = at0; j < nf; j++, at++) {
    const p = capped(src.fP[at]! * scale * traitOf(s, src.fTrait[at]!, i));
    if (target < p || (j === nf - 1 && !(pm > 0))) return s.moveAgent(i, k, src.fTo[at]!, src.fCause[at]!);
    target -= p;
  }
  s.moveAgent(i, k, marks.toF[m]!, marks.causeF[m]!);
}

/** Resolve the cause and target of a reverse move, as `forward` does. */
function reverse(s: RunState, i: number, k: number, m: number, v: number): void {
  const src = s.sources;
  const marks = s.marks;
  const at0 = k * MAX_SOURCES_PER_TIER;
  const nr = src.rCount[k]!;
  const pb = capped(s.baseR[k]! * (s.pop.lapse ? s.pop.lapse[i]! : 1) * marks.lapseMult[m]!);
  const pm = 1 - marks.keepR[m]!;
  let total = pb;
  for (let j = 0, at = at0; j < nr; j++, at++) total += capped(src.rP[at]! * traitOf(s, src.rTrait[at]!, i));
  if (pm > 0) total += pm;
  let target = v * total;
  if (target < pb || (nr === 0 && !(pm > 0))) return s.moveAgent(i, k, k - 1, DECAY);
  target -= pb;
  for (let j = 0, at = at0; j < nr; j++, at++) {
    const p = capped(src.rP[at]! * traitOf(s, src.rTrait[at]!, i));
    if (target < p || (j === nr - 1 && !(pm > 0))) return s.moveAgent(i, k, src.rTo[at]!, src.rCause[at]!);
    target -= p;
  }
  s.moveAgent(i, k, marks.toR[m]!, marks.causeR[m]!);
}

/**
 * A buyer (R4 or R5): one draw decides between buying, lapsing one tier, or nothing. R4's purchase is the second
 * purchase (a move to R5); R5's purchases keep it in R5. In the BG/NBD model an active buyer buys as a Poisson process
 * with rate λ × (demand × tactic boosts) — simulated exactly within the day, with a dropout chance after each repeat
 * purchase — and an inactive buyer buys only when a tactic recalls it.
 */
function buyerDay(s: RunState, i: number, k: number, u: number, m: number): void {
  const pop = s.pop;
  const marks = s.marks;
  const src = s.sources;
  const scale = marks.fScale[m]!;
  // Tactics scale the purchase rate (tier-level boosts × the agent's own); the credit for a boosted purchase goes to
  // the largest single boost.
  const mult = withinHeadroom(src.buyMult[k]! * marks.buyMult[m]!, s.config.purchaseHeadroom);
  const boostCause = marks.buyBest[m]! > src.buyBest[k]! ? marks.buyCause[m]! : src.buyCause[k]!;
  // Recall reaches dormant buyers only: inactive ones in BG/NBD, ones without an order for DORMANT_DAYS otherwise.
  const dormant = s.bgnbd ? pop.active[i] === 0 : s.day - pop.lastOrderDay[i]! > DORMANT_DAYS;
  const recallKeep = dormant ? marks.recallKeep[m]! * (1 - src.recallP[k]!) : 1;
  // A tactic's purchase chance (a session, a group buy): an extra, independent chance for every buyer.
  const chanceKeep = marks.chanceKeep[m]! * (1 - src.chanceP[k]!);
  // pRate: purchase chance from the buying rate (with boosts); pBase: the same without tactic boosts (attribution).
  let pRate: number;
  let pBase: number;
  let rate = 0;
  if (s.bgnbd) {
    if (pop.active[i] === 1) {
      const lam = pop.lambda![i]! * s.demand * scale;
      rate = lam * mult;
      pRate = 1 - Math.exp(-rate);
      pBase = 1 - Math.exp(-lam);
    } else {
      // An inactive buyer buys only through a recall or an extra chance.
      pRate = 0;
      pBase = 0;
    }
  } else {
    const base = (k === R4 ? s.config.forward[R4]! : s.config.repeat) * s.demand * scale * (pop.buy ? pop.buy[i]! : 1);
    pBase = capped(base);
    pRate = capped(base * mult);
  }
  const p = 1 - (1 - pRate) * (recallKeep * chanceKeep);
  let r = 1 - reverseKeep(s, i, k, m);
  if (p + r > 1) r = 1 - p;

  if (u < p) {
    let cause: number;
    let recalled = false;
    if (u < pRate) cause = u < pBase || boostCause < 0 ? BASELINE : boostCause;
    else {
      // The extra chances share [pRate, p) in proportion to their own probabilities; the agent's own mark takes the
      // credit over the tier-level source.
      const pChance = 1 - chanceKeep;
      const pRecall = 1 - recallKeep;
      const v = ((u - pRate) / (p - pRate)) * (pChance + pRecall);
      if (v < pChance) cause = marks.chanceCause[m]! >= 0 ? marks.chanceCause[m]! : src.chanceCause[k]!;
      else cause = marks.recallCause[m]! >= 0 ? marks.recallCause[m]! : src.recallCause[k]!;
      recalled = true;
    }
    if (recalled) pop.active[i] = 1; // a dormant buyer who buys is active again (then may drop out as usual)
    purchase(s, i, k, cause);
    if (s.bgnbd && !recalled) {
      // Further purchases later the same day: the first event happened at T1 = −ln(1 − u)/rate.
      let t = -Math.log(1 - u) / rate;
      const buy = s.buyRng;
      while (pop.active[i] === 1) {
        t += -Math.log(buy.nextOpen()) / rate;
        if (t >= 1) break;
        purchase(s, i, R5, cause);
      }
    }
  } else if (u < p + r) {
    reverse(s, i, k, m, (u - p) / r);
  }
}

/** One purchase by a buyer: R4 → R5 (a move) or an R5 order; in BG/NBD, then the dropout chance. */
function purchase(s: RunState, i: number, k: number, cause: number): void {
  if (k === R4) s.moveAgent(i, R4, R5, cause);
  else s.placeOrder(i, R5, cause, false);
  if (s.bgnbd && s.buyRng.next() < s.pop.drop![i]!) s.pop.active[i] = 0;
}
