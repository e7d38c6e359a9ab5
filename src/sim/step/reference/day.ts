import type { EngineConfig } from '../../config';
import { CAUSE_BASELINE, CAUSE_DECAY } from '../../config';
import { createRun, finishRun } from '../model';
import { DORMANT_DAYS } from '../moves';
import type { RunRecord } from '../../results/recorder';
import type { RunState } from '../run-state';
import { MAX_SOURCES_PER_TIER, TRAIT_MOVE, TRAIT_PRICE, TRAIT_RESPOND, TRAIT_SOCIAL } from '../sources';
import { R4, R5 } from '../../tiers';
import { withinHeadroom } from '../../response';

/**
 * The reference day: a plain, slow, obviously correct implementation of one simulated day's moves and purchases
 * (docs/model.md § One day, steps 2–3), against which tests check the fast move loop in moves.ts.
 *
 * One loop over the agents, one code path for all of them: every agent reads its traits (1 when heterogeneity is
 * off) and its marks (the neutral values of a freshly touched mark when no tactic marked it today) the same way, and
 * every probability is computed once, in the steps the model card describes. There is no per-tier table, no upper
 * bound, no "homogeneous" or "plain tier" shortcut: those are the fast engine's business, and the property test
 * (tests/sim/reference-day.test.ts) checks that they change nothing.
 *
 * Randomness is consumed exactly as the engine does, so the same state and seed give the same bits:
 * - the moves stream (`s.movesRng`): exactly one uniform u per agent per day, drawn in agent order before anything
 *   else happens to that agent, whatever then happens (common random numbers). The same u decides whether the agent
 *   moves or buys, and which cause gets the credit (by where u falls, rescaled: no second draw);
 * - the buy stream (`s.buyRng`), BG/NBD only: after each purchase one draw for the dropout; and for an active buyer
 *   who bought at its own rate, one draw per exponential gap to the next purchase event, until a gap crosses the
 *   end of the day or the buyer drops out;
 * - the order stream (`s.orderRng`) and the tactics' streams are drawn by shared code (RunState.placeOrder, the
 *   tactics' hooks), in the order the purchases and moves happen, which is agent order here as in the engine.
 *
 * Shared with the engine, because it is not part of the hot loop: the calendar and the tactics' side of the day
 * (`RunState.beginDay`: word of mouth, tactic pressure, tier-level sources in `s.sources`, agent marks in `s.marks`;
 * and today's baseline chances per tier `s.baseF`, `s.baseR`), the bookkeeping of a move or an order
 * (`RunState.moveAgent`, `RunState.placeOrder`: counts, records, order values, tactics' onMove / onOrder hooks), and
 * the end of the day (`RunState.endDay`: tactics' costs, tier counts recorded). Only `stepMoves` is replaced.
 */

/** One independent chance of moving (or lapsing) today: its probability, where it leads and whose credit it is. */
interface Chance {
  p: number;
  to: number;
  cause: number;
}

/**
 * What the tactics' marks (marks.ts) say about one agent today. An agent no tactic marked today has the neutral
 * values a mark starts from (AgentMarks.touch): no extra chance, no boost, no scaling.
 */
interface AgentToday {
  /** Scale of the agent's own forward and purchase chances (fission quality: low-quality users convert less, fake never). */
  fScale: number;
  /** Π(1 − p) over the marking tactics' extra forward chances, where the combined chance leads, and its cause. */
  keepF: number;
  toF: number;
  causeF: number;
  /** The same for extra reverse chances (fatigue, leaving a group, unfollowing). */
  keepR: number;
  toR: number;
  causeR: number;
  /** Multiplier of the baseline reverse (decay) probability. */
  lapseMult: number;
  /** Purchase-rate multiplier, the log of its largest single boost, and that boost's cause (−1: none). */
  buyMult: number;
  buyBest: number;
  buyCause: number;
  /** Π(1 − p) over recall chances (dormant buyers only) and their cause (−1: none). */
  recallKeep: number;
  recallCause: number;
  /** Π(1 − p) over extra purchase chances (a session, a group buy) and their cause (−1: none). */
  chanceKeep: number;
  chanceCause: number;
}

const UNMARKED: Readonly<AgentToday> = Object.freeze({
  fScale: 1,
  keepF: 1,
  toF: 0,
  causeF: 0,
  keepR: 1,
  toR: 0,
  causeR: 0,
  lapseMult: 1,
  buyMult: 1,
  buyBest: 0,
  buyCause: -1,
  recallKeep: 1,
  recallCause: -1,
  chanceKeep: 1,
  chanceCause: -1,
});

function marksOf(s: RunState, i: number): Readonly<AgentToday> {
  const m = s.marks;
  if (m.stamp[i] !== m.today) return UNMARKED;
  const r = m.row[i]!;
  return {
    fScale: m.fScale[r]!,
    keepF: m.keepF[r]!,
    toF: m.toF[r]!,
    causeF: m.causeF[r]!,
    keepR: m.keepR[r]!,
    toR: m.toR[r]!,
    causeR: m.causeR[r]!,
    lapseMult: m.lapseMult[r]!,
    buyMult: m.buyMult[r]!,
    buyBest: m.buyBest[r]!,
    buyCause: m.buyCause[r]!,
    recallKeep: m.recallKeep[r]!,
    recallCause: m.recallCause[r]!,
    chanceKeep: m.chanceKeep[r]!,
    chanceCause: m.chanceCause[r]!,
  };
}

/** Agent i's value of a trait a source is scaled by (sources.ts TraitId); every trait is 1 without heterogeneity. */
function traitOf(s: RunState, trait: number, i: number): number {
  const pop = s.pop;
  const col =
    trait === TRAIT_RESPOND ? pop.respond : trait === TRAIT_SOCIAL ? pop.social : trait === TRAIT_PRICE ? pop.price : trait === TRAIT_MOVE ? pop.move : null;
  return col ? col[i]! : 1;
}

/** A column's value for agent i, or 1 when the column does not exist (heterogeneity off). */
function orOne(col: Float32Array | null, i: number): number {
  return col ? col[i]! : 1;
}

/** A probability that a product of factors may have pushed above 1. */
function capped(p: number): number {
  return p > 1 ? 1 : p;
}

/** Π(1 − p) over independent chances: the probability that none of them happens. */
function keepOf(chances: readonly Chance[]): number {
  let keep = 1;
  for (const c of chances) keep *= 1 - c.p;
  return keep;
}

/**
 * Today's forward chances of a non-buyer in tier k, each as its own independent chance (docs/model.md § One day,
 * step 1): the baseline flow k → k+1 (× the agent's forward propensity), then every tier-level source of the day
 * (word of mouth, ads, content, public livestream traffic…, × the trait it names). Both are scaled by the agent's
 * own forward scale (fission quality). The marking tactics' chances are not listed: their combined keep is
 * `marks.keepF`.
 */
function forwardChances(s: RunState, i: number, k: number, m: Readonly<AgentToday>): Chance[] {
  const src = s.sources;
  const out: Chance[] = [{ p: capped(s.baseF[k]! * m.fScale * orOne(s.pop.move, i)), to: k + 1, cause: CAUSE_BASELINE }];
  for (let j = 0, at = k * MAX_SOURCES_PER_TIER; j < src.fCount[k]!; j++, at++) {
    out.push({ p: capped(src.fP[at]! * m.fScale * traitOf(s, src.fTrait[at]!, i)), to: src.fTo[at]!, cause: src.fCause[at]! });
  }
  return out;
}

/**
 * Today's reverse chances of an agent in tier k: the baseline decay k → k−1 (× the agent's reverse propensity, × the
 * tier's and the agent's lapse multipliers, e.g. membership protecting), then every tier-level reverse source.
 * Reverse chances are not scaled by the forward scale. The marking tactics' chances are `marks.keepR`.
 */
function reverseChances(s: RunState, i: number, k: number, m: Readonly<AgentToday>): Chance[] {
  const src = s.sources;
  // baseR already holds the tier-level lapse multiplier (RunState.beginDay).
  const out: Chance[] = [{ p: capped(s.baseR[k]! * orOne(s.pop.lapse, i) * m.lapseMult), to: k - 1, cause: CAUSE_DECAY }];
  for (let j = 0, at = k * MAX_SOURCES_PER_TIER; j < src.rCount[k]!; j++, at++) {
    out.push({ p: capped(src.rP[at]! * traitOf(s, src.rTrait[at]!, i)), to: src.rTo[at]!, cause: src.rCause[at]! });
  }
  return out;
}

/**
 * Proportional attribution (docs/model.md § One day, step 2): given that the agent moves, `v` (uniform in [0, 1), the
 * day's draw rescaled) falls in one chance's share of the total, and that chance is the cause. A draw that rounding
 * left past the last share belongs to the last chance.
 */
function pick(chances: readonly Chance[], v: number): Chance {
  let total = 0;
  for (const c of chances) total += c.p;
  let target = v * total;
  for (const c of chances) {
    if (target < c.p) return c;
    target -= c.p;
  }
  return chances[chances.length - 1]!;
}

/** The marking tactics' combined chance (1 − keep) as one more entry for attribution, when there is one. */
function withMarks(chances: Chance[], keep: number, to: number, cause: number): Chance[] {
  const p = 1 - keep;
  if (p > 0) chances.push({ p, to, cause });
  return chances;
}

/** Move agent i from tier k by the chance the rescaled draw v picks. */
function moveBy(s: RunState, i: number, k: number, chances: readonly Chance[], v: number): void {
  const c = pick(chances, v);
  s.moveAgent(i, k, c.to, c.cause);
}

/** A non-buyer (R0..R3): one draw u decides between moving forward, moving back, or staying. */
function nonBuyerDay(s: RunState, i: number, k: number, u: number, m: Readonly<AgentToday>): void {
  // Forward: all chances combine as independent ones, f = 1 − Π(1 − pᵢ), the marks' combined keep included.
  const fwd = forwardChances(s, i, k, m);
  const f = 1 - keepOf(fwd) * m.keepF;
  // Reverse the same way; r is clamped so that f + r ≤ 1 (forward wins the overlap).
  const rev = reverseChances(s, i, k, m);
  let r = 1 - keepOf(rev) * m.keepR;
  if (f + r > 1) r = 1 - f;
  // u < f moves forward, f ≤ u < f + r moves back, else the agent stays; at most one tier move a day.
  if (u < f) moveBy(s, i, k, withMarks(fwd, m.keepF, m.toF, m.causeF), u / f);
  else if (u < f + r) moveBy(s, i, k, withMarks(rev, m.keepR, m.toR, m.causeR), (u - f) / r);
}

/**
 * A buyer (R4, R5) — docs/model.md § One day, step 3. The same draw u decides between buying (R4 → R5 is the second
 * purchase, R5 buys and stays), lapsing one tier, or nothing.
 */
function buyerDay(s: RunState, i: number, k: number, u: number, m: Readonly<AgentToday>): void {
  const pop = s.pop;
  const src = s.sources;
  // Tactics scale the purchase rate multiplicatively (tier-level boosts × this agent's own); the credit for a boosted
  // purchase goes to the tactic with the largest single boost.
  const mult = withinHeadroom(src.buyMult[k]! * m.buyMult, s.config.purchaseHeadroom);
  const boostCause = m.buyBest > src.buyBest[k]! ? m.buyCause : src.buyCause[k]!;

  // Dormant: inactive in BG/NBD; in the simple model, no order for more than DORMANT_DAYS. Recall reaches only them.
  const dormant = s.bgnbd ? pop.active[i] === 0 : s.day - pop.lastOrderDay[i]! > DORMANT_DAYS;
  const recallKeep = dormant ? m.recallKeep * (1 - src.recallP[k]!) : 1;
  // Extra, independent purchase chances (a session, a group buy) reach every buyer, dormant or not.
  const chanceKeep = m.chanceKeep * (1 - src.chanceP[k]!);

  // pRate: the chance of buying at the agent's own (boosted) rate today; pBase: the same without tactic boosts, for
  // attribution; rate: the BG/NBD Poisson rate for the further events of the day.
  let pRate: number;
  let pBase: number;
  let rate = 0;
  if (s.bgnbd) {
    if (pop.active[i] === 1) {
      // BG/NBD: an active buyer buys as a Poisson process with rate λ × demand (× own forward scale) × boosts.
      const lam = pop.lambda![i]! * s.demand * m.fScale;
      rate = lam * mult;
      pRate = 1 - Math.exp(-rate);
      pBase = 1 - Math.exp(-lam);
    } else {
      // An inactive one buys only through a tactic's recall or purchase chance.
      pRate = 0;
      pBase = 0;
    }
  } else {
    // Simple model: forward.R4 (R4) or repeat (R5) a day, × the demand index, × own scale and purchase propensity.
    const base = (k === R4 ? s.config.forward[R4]! : s.config.repeat) * s.demand * m.fScale * orOne(pop.buy, i);
    pBase = capped(base);
    pRate = capped(base * mult);
  }
  // Buying at all today: the own rate, the recall and the extra chances as independent chances.
  const p = 1 - (1 - pRate) * (recallKeep * chanceKeep);

  // Lapsing one tier (or a tactic's reverse source), as for non-buyers; clamped so that p + r ≤ 1.
  const rev = reverseChances(s, i, k, m);
  let r = 1 - keepOf(rev) * m.keepR;
  if (p + r > 1) r = 1 - p;

  if (u < p) {
    let cause: number;
    let extra: boolean;
    if (u < pRate) {
      // Bought at its own rate: below the unboosted chance it is the baseline's, above it the top booster's.
      cause = u < pBase || boostCause < 0 ? CAUSE_BASELINE : boostCause;
      extra = false;
    } else {
      // Bought through an extra chance: [pRate, p) is shared by the purchase chances and the recall in proportion
      // to their own probabilities; an agent's own mark takes the credit over the tier-level source.
      const pChance = 1 - chanceKeep;
      const pRecall = 1 - recallKeep;
      const v = ((u - pRate) / (p - pRate)) * (pChance + pRecall);
      if (v < pChance) cause = m.chanceCause >= 0 ? m.chanceCause : src.chanceCause[k]!;
      else cause = m.recallCause >= 0 ? m.recallCause : src.recallCause[k]!;
      extra = true;
      // A dormant buyer who buys is active again (and may drop out again as usual).
      pop.active[i] = 1;
    }
    purchase(s, i, k, cause);
    if (s.bgnbd && !extra) {
      // BG/NBD within the day: the first event happened at T1 = −ln(1 − u)/rate (the day's draw, inverted); further
      // events follow with exponential gaps from the buy stream until the day ends or the buyer drops out.
      let t = -Math.log(1 - u) / rate;
      while (pop.active[i] === 1) {
        t += -Math.log(s.buyRng.nextOpen()) / rate;
        if (t >= 1) break;
        purchase(s, i, R5, cause);
      }
    }
  } else if (u < p + r) {
    moveBy(s, i, k, withMarks(rev, m.keepR, m.toR, m.causeR), (u - p) / r);
  }
}

/** One purchase: R4 → R5 is a move (RunState.moveAgent places the order), R5 places an order; BG/NBD then drops out with p. */
function purchase(s: RunState, i: number, k: number, cause: number): void {
  if (k === R4) s.moveAgent(i, R4, R5, cause);
  else s.placeOrder(i, R5, cause, false);
  if (s.bgnbd && s.buyRng.next() < s.pop.drop![i]!) s.pop.active[i] = 0;
}

/** Today's moves and purchases for every agent, in agent order: what `stepMoves` (moves.ts) does, the slow way. */
export function referenceMoves(s: RunState): void {
  const n = s.pop.n;
  for (let i = 0; i < n; i++) {
    // Exactly one draw per agent per day, first, whatever happens next.
    const u = s.movesRng.next();
    const k = s.pop.tier[i]!;
    const m = marksOf(s, i);
    if (k < R4) nonBuyerDay(s, i, k, u, m);
    else buyerDay(s, i, k, u, m);
  }
}

/** One day with the reference moves: the engine's own calendar and tactics before, its costs and record after. */
export function referenceStepDay(s: RunState, day: number): void {
  s.beginDay(day);
  referenceMoves(s);
  s.endDay();
}

/** A whole run with the reference day in place of the fast one: `simulateRun` (model.ts), the slow way. For tests. */
export function simulateRunReference(config: EngineConfig, run: number): RunRecord {
  const s = createRun(config, run);
  for (let day = 0; day < config.days; day++) referenceStepDay(s, day);
  return finishRun(s);
}
