import type { EngineConfig } from '../config';
import { CAUSE_WORD_OF_MOUTH, FIRST_TACTIC_CAUSE } from '../config';
import { AgentMarks } from './marks';
import { FAKE, LOW_QUALITY, type Population } from './population';
import { ledgerWindows } from '../results/brand-figures';
import { OrderLedger } from '../results/order-ledger';
import { Recorder } from '../results/recorder';
import { Rng } from './rng';
import { DaySources, TRAIT_SOCIAL } from './sources';
import { R0, R1, R3, R4, R5, TIER_COUNT } from '../tiers';
import type { TacticRuntime } from '../tactics/types';

/** An order being placed; reused for every order of a run so the hot path allocates nothing. */
export interface Order {
  agent: number;
  /** The buyer's tier before the purchase. */
  fromTier: number;
  /** Order value (GMV), after any tactic changed it. */
  value: number;
  cause: number;
  /** A first purchase (a move into R4) rather than a repeat purchase. */
  first: boolean;
  /**
   * Orders the same buyer places right after this one, in the same event: another size, a friend's order, the next
   * coupon of a pack. An `onOrder` hook may raise it (it starts at 0); each is an order of its own, with the same
   * cause and a value drawn afresh, placed once this order is recorded, so a customer can order several times in an
   * event (docs/model.md § Several orders in one event).
   */
  again: number;
  /** This order was placed through another order's `again`. */
  follow: boolean;
}

/**
 * At most this many orders follow one another through `again` in one chain: a guard against a tactic whose chance of
 * another order is 1 (validation keeps those chances below 1, so a chain this long has a chance of order 0.9⁵⁰).
 */
const MAX_FOLLOWING = 50;

/**
 * The state of one run while it steps: the population, today's sources and marks, the random streams and the
 * recorder. Tactics read and write it through its methods; the move loop (moves.ts) reads its per-day tables.
 */
export class RunState {
  readonly config: EngineConfig;
  readonly run: number;
  readonly pop: Population;
  readonly sources = new DaySources();
  readonly marks: AgentMarks;
  readonly rec: Recorder;
  /** Orders by the buyer's channel and within windows of days (order-ledger.ts). */
  readonly ledger: OrderLedger;
  /** One uniform per agent per day, in agent order: the move (or purchase) decision. */
  readonly movesRng: Rng;
  /** Extra purchase events within a day and BG/NBD dropouts. */
  readonly buyRng: Rng;
  /** Order values. */
  readonly orderRng: Rng;
  tactics: TacticRuntime[] = [];
  private moveHooks: TacticRuntime[] = [];
  private orderHooks: TacticRuntime[] = [];
  day = 0;
  /** Tier counts at the start of today (agents): what word of mouth and tactics see (synchronous update). */
  readonly startCounts = new Float64Array(TIER_COUNT);
  /** Today's baseline forward probability per tier (R3 includes the demand index), before traits. */
  readonly baseF = new Float64Array(TIER_COUNT);
  /** Today's baseline reverse (decay) probability per tier, before traits. */
  readonly baseR = new Float64Array(TIER_COUNT);
  /** Trait columns by TraitId (index 0 = none), for the move loop. */
  readonly traitCols: ReadonlyArray<Float32Array | null>;
  /** Today's demand index (seasonality). */
  demand = 1;
  readonly bgnbd: boolean;
  private readonly order: Order = { agent: 0, fromTier: 0, value: 0, cause: 0, first: false, again: 0, follow: false };
  /** The order being placed follows another through `again`; and how deep the current chain is. */
  private following = false;
  private chain = 0;
  private readonly valueSigma: number;
  private readonly valueShift: number;

  /** The run's stream key (`<seed>/run-<i>`), from which tactics derive their own streams. */
  readonly key: string;

  constructor(config: EngineConfig, run: number, pop: Population, key: string) {
    this.key = key;
    this.config = config;
    this.run = run;
    this.pop = pop;
    this.marks = new AgentMarks(pop.n);
    this.rec = new Recorder(run, config.days, FIRST_TACTIC_CAUSE + config.tactics.length);
    this.ledger = new OrderLedger(config, ledgerWindows(config));
    this.movesRng = new Rng(`${key}/moves`);
    this.buyRng = new Rng(`${key}/buy`);
    this.orderRng = new Rng(`${key}/orders`);
    this.bgnbd = config.repeatModel.kind === 'bgnbd';
    this.traitCols = [null, pop.respond, pop.social, pop.price, pop.move];
    // Per-order spread of the order value (log-normal). With heterogeneity, half of the log-variance is between
    // customers (population.ts), so the per-order part carries the other half and the overall mean and sd match.
    const cv = config.orderValue.mean > 0 ? config.orderValue.sd / config.orderValue.mean : 0;
    const total = Math.log(1 + cv * cv);
    const sigma2 = config.heterogeneity ? total / 2 : total;
    this.valueSigma = Math.sqrt(sigma2);
    this.valueShift = -sigma2 / 2;
  }

  /** A tactic's own random stream (`<seed>/run-<i>/tactic/<id>`): independent of every other part of the model. */
  tacticRng(id: string): Rng {
    return new Rng(`${this.key}/tactic/${id}`);
  }

  setTactics(runtimes: TacticRuntime[]): void {
    this.tactics = runtimes;
    this.moveHooks = runtimes.filter((t) => t.onMove);
    this.orderHooks = runtimes.filter((t) => t.onOrder);
  }

  /** Real customers in tier t at the start of today. */
  realCount(t: number): number {
    return this.startCounts[t]! * this.config.scale;
  }

  /** Prepare today's tables: sources from word of mouth and tactics, then the per-tier probabilities. */
  beginDay(day: number): void {
    const cfg = this.config;
    this.day = day;
    this.rec.day = day;
    this.marks.setDay(day);
    this.sources.reset();
    this.startCounts.set(this.pop.counts);
    this.demand = cfg.demand[day] ?? 1;

    const wom = cfg.wordOfMouth;
    if (wom.q > 0) {
      let inSources = 0;
      for (let t = 0; t < TIER_COUNT; t++) if (wom.sources[t]) inSources += this.startCounts[t]!;
      this.sources.addForward(R0, R1, wom.q * (inSources / this.pop.n), TRAIT_SOCIAL, CAUSE_WORD_OF_MOUTH);
    }
    for (const t of this.tactics) t.beginDay(this);

    for (let t = 0; t < TIER_COUNT; t++) {
      this.baseF[t] = t < R4 ? cfg.forward[t]! * (t === R3 ? this.demand : 1) : 0;
      this.baseR[t] = cfg.reverse[t]! * this.sources.lapseMult[t]!;
    }
  }

  endDay(): void {
    for (const t of this.tactics) t.endDay?.(this);
    this.rec.tiers(this.day + 1, this.pop.counts);
  }

  /** Move agent i from one tier to another: the only place tiers change. */
  moveAgent(i: number, from: number, to: number, cause: number): void {
    const pop = this.pop;
    pop.tier[i] = to;
    pop.counts[from]! -= 1;
    pop.counts[to]! += 1;
    this.rec.move(from, to, cause);
    let again = 0;
    if (to === R4 && from < R4) {
      pop.active[i] = 1; // a new customer: BG/NBD starts at the first purchase
      again = this.placeOne(i, from, cause, true);
    } else if (to === R5 && from === R4) {
      again = this.placeOne(i, from, cause, false);
    }
    if (from >= R3 && to < R3) {
      // Falling below R3 means leaving the private domain: groups, WeCom, follows and memberships go.
      pop.channels[i] = pop.channels[i]! & (LOW_QUALITY | FAKE);
    }
    const hooks = this.moveHooks;
    for (let k = 0; k < hooks.length; k++) hooks[k]!.onMove!(this, i, from, to, cause);
    // Orders that follow the move's order come after every hook has seen the move itself.
    if (again > 0) this.placeAgain(i, cause, again);
  }

  /** Place an order: draw its value, let tactics adjust it (deals, coupons), record it; then any that follow it. */
  placeOrder(i: number, fromTier: number, cause: number, first: boolean): void {
    const again = this.placeOne(i, fromTier, cause, first);
    if (again > 0) this.placeAgain(i, cause, again);
  }

  /**
   * The orders that follow one (its `again`): the first makes a first-time buyer a repeat buyer (R4 → R5, a move),
   * the others are R5 orders. Each may be followed in turn, up to MAX_FOLLOWING in a chain.
   */
  private placeAgain(i: number, cause: number, again: number): void {
    if (this.chain >= MAX_FOLLOWING) return;
    this.chain++;
    for (let k = 0; k < again; k++) {
      this.following = true;
      if (this.pop.tier[i] === R4) this.moveAgent(i, R4, R5, cause);
      else this.placeOrder(i, R5, cause, false);
    }
    this.chain--;
  }

  /** One order (without those that follow it); returns how many should follow it. */
  private placeOne(i: number, fromTier: number, cause: number, first: boolean): number {
    const pop = this.pop;
    // The buyer's channels as they order, before any tactic's post-order prompt (a card in the parcel, a join link).
    const channels = pop.channels[i]!;
    const mean = this.config.orderValue.mean * (pop.value ? pop.value[i]! : 1);
    const value = this.valueSigma > 0 ? mean * Math.exp(this.valueSigma * this.orderRng.normal() + this.valueShift) : mean;
    const o = this.order;
    o.agent = i;
    o.fromTier = fromTier;
    o.value = value;
    o.cause = cause;
    o.first = first;
    o.again = 0;
    o.follow = this.following;
    this.following = false;
    const hooks = this.orderHooks;
    for (let k = 0; k < hooks.length; k++) hooks[k]!.onOrder!(this, o);
    this.rec.order(fromTier, o.value, o.cause, first);
    if (first && pop.orders[i] === 0 && i < pop.initialBuyersFrom) this.rec.newBuyer();
    this.ledger.order(this.day, o.value, fromTier, channels, pop.lastOrderDay[i]!, pop.prevOrderDay[i]!, o.cause, pop.lastCause[i]!);
    if (pop.orders[i]! < 65535) pop.orders[i] = pop.orders[i]! + 1;
    pop.prevOrderDay[i] = pop.lastOrderDay[i]!;
    pop.lastOrderDay[i] = this.day;
    pop.lastCause[i] = o.cause;
    return o.again;
  }
}
