import type { FieldSpec } from '../../lib/spec';
import type { Text } from '../../lib/text';
import type { Unit } from '../../lib/units';
import type { EngineConfig, TacticConfig } from '../config';
import type { RunState, Order } from '../step/run-state';
import type { MeanFieldDay } from '../projection/meanfield-day';
import type { Rng } from '../step/rng';

/**
 * The interface every tactic implements (docs/model.md § Tactics). A definition is static: what the tactic is, the tiers
 * and moves it may cause, its parameters with units, ranges, defaults and sources, and its effort → pressure curve.
 * `create` gives a fresh runtime per run; `expect` gives the expected-value version for the mean-field projection.
 */
export interface TacticDefinition {
  type: string;
  name: Text;
  summary: Text;
  /** Moves this tactic may cause, as [from, to] tier pairs (tests check it causes no others). */
  moves: ReadonlyArray<readonly [number, number]>;
  /** Tiers whose purchases (without a tier change, or R4 → R5) it may cause. */
  purchases: readonly number[];
  /** Its parameters (besides `id` and `type`). */
  params: Record<string, FieldSpec>;
  /** How effort becomes pressure, for the response-curve chart; null for tactics without a saturation curve. */
  curve: CurveSpec | null;
  /** Side effects in words, for the model card and the tactic card. */
  sideEffects: Text;
  /** Who responds more (heterogeneity), in words. */
  response: Text;
  /** The tactic's own figures reported per run (e.g. viewers per session), in the order `report` returns them. */
  metrics: ReadonlyArray<{ key: string; label: Text; unit: Unit }>;
  /**
   * The tactic's dated events as an effort per simulated day, when they are not its schedule (member days, group
   * buys): the order ledger counts orders per customer within them (order-ledger.ts). Default: the schedule.
   */
  eventDays?(config: TacticConfig, engine: EngineConfig): ArrayLike<number>;
  /**
   * The private-domain channel this tactic puts agents in, declared so that other tactics interact with the channel,
   * not with this tactic's type or parameter names (coupons sent through the channel, pre-heating a livestream).
   */
  opens?: ChannelOpening;
  create(config: TacticConfig, env: RunEnv): TacticRuntime;
  expect(config: TacticConfig, env: TacticEnv): ExpectedRuntime;
}

/**
 * The value a validated field holds (compile.ts filled every default), derived from its spec: a number for a number
 * spec, the listed values for an enum, arrays and objects field by field; unknown for custom and union fields.
 */
export type ValueOf<S> = S extends { kind: 'number' }
  ? number
  : S extends { kind: 'boolean' }
    ? boolean
    : S extends { kind: 'enum'; values: readonly (infer V)[] }
      ? V
      : S extends { kind: 'string' | 'date' | 'text' }
        ? string
        : S extends { kind: 'array'; items: infer I }
          ? ValueOf<I>[]
          : S extends { kind: 'object'; fields: infer F }
            ? { readonly [K in keyof F]: ValueOf<F[K]> }
            : unknown;

/**
 * A tactic's parameters as its runtime reads them, derived from its `params` specs, so each parameter is written once
 * (in the spec). The schedule is not among them: compile.ts turns it into `TacticConfig.schedule`.
 */
export type ParamsOf<P extends Record<string, FieldSpec>> = { readonly [K in Exclude<keyof P, 'schedule'>]: ValueOf<P[K]> };

/** Private-domain channels, as the population's flags: IN_GROUP, WECOM, FOLLOWER and MEMBER (population.ts). */
export type ChannelId = 'groups' | 'wecom' | 'followers' | 'members';

/** What a tactic declares about the channel it opens; the mean-field projection sizes the channel from it. */
export interface ChannelOpening {
  channel: ChannelId;
  /** Real people (not simulated agents) it can hold in the channel, e.g. groups × members per group. Default: no limit. */
  capacity?(params: Record<string, unknown>, engine: EngineConfig): number;
  /** Share of the people it reaches who join the channel, e.g. customers registering at checkout. Default: all. */
  joinShare?(params: Record<string, unknown>, engine: EngineConfig): number;
}

/** A tactic of the scenario that opens a channel: its cause index, its parameters and its declaration. */
export interface ChannelOpener {
  cause: number;
  params: Record<string, unknown>;
  opening: ChannelOpening;
}

export interface CurveSpec {
  /** The parameter holding the effort (e.g. `dailySpend`). */
  effortParam: string;
  effortUnit: Unit;
  effortLabel: Text;
  /** What the pressure means for this tactic (e.g. "share of the targeted pool reached per day"). */
  pressureLabel: Text;
  /** The carry-over half-life parameter, or null for tactics without carry-over. */
  halfLifeParam: string | null;
  ecParam: string;
  shapeParam: string;
  /**
   * Pressure in [0, 1] for a steady effort (after adstock, a steady effort maps to its own level), given the
   * tactic's parameters and the real customers per tier — for tactics whose Hill input is not the effort itself
   * (ads: impressions per targeted person). Defaults to Hill(effort; ec, shape).
   */
  pressure?: (effort: number, params: Record<string, unknown>, realCounts: readonly number[], scenario?: { orderValueMean: number }) => number;
}

export interface TacticEnv {
  /** This tactic's cause index in the result (FIRST_TACTIC_CAUSE + position). */
  cause: number;
  engine: EngineConfig;
  /** The scenario's tactics that open each channel (their `opens`), in scenario order, for interactions. */
  openers: ReadonlyMap<ChannelId, readonly ChannelOpener[]>;
}

/**
 * What one run gives a tactic's runtime besides the scenario: the population's size and the tactic's own stream, so
 * per-agent state and the stream are made when the runtime is (not on its first day, behind `!`).
 */
export interface RunEnv extends TacticEnv {
  /** Agents in the run's population. */
  agents: number;
  /** The tactic's own random stream for this run (RunState.tacticRng of its id), not yet drawn from. */
  rng: Rng;
}

/** One run's instance of a tactic. Hooks are called on cold paths only (day boundaries, moves, orders). */
export interface TacticRuntime {
  /** Before the day's moves: compute pressure, add tier sources, mark agents. */
  beginDay(s: RunState): void;
  /** After an agent moved (any cause). */
  onMove?(s: RunState, i: number, from: number, to: number, cause: number): void;
  /** When an agent places an order: may change its value and book a discount. */
  onOrder?(s: RunState, order: Order): void;
  /** After the day's moves and orders: book costs. */
  endDay?(s: RunState): void;
  /** At the end of the run: the values of the definition's `metrics`, in order. */
  report?(s: RunState): number[];
  /**
   * The runtime's own state after a day (counters, carry-over levels, member sets, its stream), as plain data: a
   * checkpoint saves it (checkpoint.ts). Every registered tactic has it; a runtime without state may leave it out.
   */
  saveState?(): TacticState;
  /** Continue from a saved state, into a runtime created afresh for the same tactic (s: the restored run). */
  loadState?(state: TacticState, s: RunState): void;
}

/** A value in a tactic's saved state: numbers, flags, typed arrays, a stream's four words, nested plain data. */
export type StateValue = number | boolean | null | StateArray | readonly StateValue[] | { readonly [key: string]: StateValue };
export type StateArray = Uint8Array | Int16Array | Uint16Array | Int32Array | Float32Array | Float64Array;
export type TacticState = { readonly [key: string]: StateValue };

/** The expected-value version of a tactic for one mean-field projection. */
export interface ExpectedRuntime {
  beginDay(m: MeanFieldDay): void;
  /** Expected orders caused today (called after the day's flows), to book costs that depend on them. */
  endDay?(m: MeanFieldDay): void;
}
