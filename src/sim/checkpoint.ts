import { ledgerWindows } from './results/brand-figures';
import { WINDOW_FIELDS } from './results/order-ledger';
import type { EngineConfig } from './config';
import { createRun, finishRun, stepDay } from './step/model';
import type { Population } from './step/population';
import type { RunRecord } from './results/recorder';
import type { RunState } from './step/run-state';
import { StateError } from './tactics/state';
import type { StateArray, TacticState } from './tactics/types';

/**
 * Checkpoint and resume of one run (issue 14): the whole state of a run after a day, as plain data, and a run that
 * continues from it. Resuming gives the same bits as never having stopped (tests/sim/checkpoint.test.ts), because a
 * run's future depends only on what is saved here:
 * - the population's columns that change as the run steps (below); the traits (move, lapse, respond, …, λ, dropout)
 *   and the bounds derived from them never change after creation, and are drawn again, identically, from the run's
 *   `agents` stream when the run is re-created;
 * - the positions of the run's three streams (moves, purchases, order values); each tactic's own stream is part of its
 *   state;
 * - the record so far (every per-day and per-cause array), and the order ledger's tallies;
 * - each tactic runtime's own state (TacticRuntime.saveState: counters, carry-over, member sets, per-agent arrays).
 * Agent marks (marks.ts) and day sources (sources.ts) are not saved: they hold one day's effects, are rebuilt by
 * every `beginDay` (marks by the day stamp, so yesterday's rows are never read), and nothing reads them between days.
 */

/** Population columns a run changes as it steps; every other column is fixed when the population is created. */
export const MUTABLE_COLUMNS = ['tier', 'active', 'channels', 'group', 'orders', 'lastOrderDay', 'prevOrderDay', 'lastCause', 'counts'] as const;
/** Population columns fixed at creation (drawn from the run's agents stream): not saved, re-created on resume. */
export const FIXED_COLUMNS = ['move', 'lapse', 'respond', 'social', 'price', 'buy', 'value', 'lambda', 'drop', 'traitMax', 'traitCeiling'] as const;
type MutableColumn = (typeof MUTABLE_COLUMNS)[number];

/** The streams of a run, by the RunState field that holds them. */
export const RUN_STREAMS = ['movesRng', 'buyRng', 'orderRng'] as const;

export interface RunSnapshot {
  run: number;
  /** Days done: the run continues with day index `daysDone`. */
  daysDone: number;
  population: Record<MutableColumn, StateArray>;
  /** Each stream's four 32-bit words. */
  streams: Record<(typeof RUN_STREAMS)[number], Int32Array>;
  /** The record's arrays so far, by RunRecord field. */
  record: Record<string, Float64Array>;
  ledger: { windows: Float64Array; channels: Float64Array };
  tactics: TacticState[];
}

/** The record's typed-array fields (the rest are numbers set at the end of the run). */
function recordArrays(rec: RunRecord): Array<[string, Float64Array]> {
  return Object.entries(rec).filter((e): e is [string, Float64Array] => e[1] instanceof Float64Array);
}

/** Save run state `s` after `daysDone` days (call between days: after stepDay, never inside one). */
export function saveRun(s: RunState, daysDone: number): RunSnapshot {
  const pop = s.pop as unknown as Record<MutableColumn, StateArray>;
  return {
    run: s.run,
    daysDone,
    population: Object.fromEntries(MUTABLE_COLUMNS.map((c) => [c, pop[c].slice()])) as Record<MutableColumn, StateArray>,
    streams: Object.fromEntries(RUN_STREAMS.map((k) => [k, Int32Array.from(s[k].state())])) as RunSnapshot['streams'],
    record: Object.fromEntries(recordArrays(s.rec.rec).map(([k, a]) => [k, a.slice()])),
    ledger: { windows: s.ledger.windowTally.slice(), channels: s.ledger.channelTally.slice() },
    tactics: s.tactics.map((t, k) => {
      if (!t.saveState) throw new Error(`tactic ${s.config.tactics[k]?.id ?? k} cannot be checkpointed: its runtime has no saveState`);
      return t.saveState();
    }),
  };
}

function copyInto(path: string, target: StateArray, saved: unknown): void {
  if (!(saved instanceof (target.constructor as new (n: number) => StateArray))) {
    throw new StateError(path, `expected ${target.constructor.name}, got ${ArrayBuffer.isView(saved) ? saved.constructor.name : typeof saved}`);
  }
  if ((saved as StateArray).length !== target.length) throw new StateError(path, `expected ${target.length} values, got ${(saved as StateArray).length}`);
  (target as Float64Array).set(saved as Float64Array);
}

/**
 * Re-create run `snap.run` of `config` and put it in the saved state: the next day to step is `snap.daysDone`.
 * Throws a StateError naming the field when the snapshot does not fit the config (agents, tactics, horizon).
 *
 * `savedWith`: the config the snapshot was saved under, when it differs from `config` only in the days still to
 * come (a classroom team's next round: the same market and tactics, new efforts ahead). The order ledger's windows
 * depend on the whole schedule (a tactic's events), so its tallies are carried over window by window; a window of
 * the new plan that had opened before the checkpoint but was not a window of the old one cannot be counted, and is
 * refused (the caller replays from day 0 instead).
 */
export function restoreRun(config: EngineConfig, snap: RunSnapshot, savedWith?: EngineConfig): RunState {
  if (!Number.isInteger(snap.daysDone) || snap.daysDone < 0 || snap.daysDone > config.days) {
    throw new StateError('daysDone', `must be a whole number of days from 0 to the horizon ${config.days}, got ${snap.daysDone}`);
  }
  const s = createRun(config, snap.run);
  const pop = s.pop as unknown as Record<MutableColumn, StateArray>;
  for (const c of MUTABLE_COLUMNS) copyInto(`population.${c}`, pop[c], snap.population?.[c]);
  for (const k of RUN_STREAMS) {
    const w = snap.streams?.[k];
    if (!(w instanceof Int32Array) || w.length !== 4) throw new StateError(`streams.${k}`, 'expected four 32-bit words');
    s[k].setState(w);
  }
  const arrays = recordArrays(s.rec.rec);
  const savedKeys = Object.keys(snap.record ?? {});
  for (const k of savedKeys) if (!arrays.some(([name]) => name === k)) throw new StateError(`record.${k}`, 'is not part of a run record');
  for (const [k, a] of arrays) copyInto(`record.${k}`, a, snap.record?.[k]);
  if (savedWith) carryWindows(savedWith, s, snap);
  else copyInto('ledger.windows', s.ledger.windowTally, snap.ledger?.windows);
  copyInto('ledger.channels', s.ledger.channelTally, snap.ledger?.channels);
  if (!Array.isArray(snap.tactics) || snap.tactics.length !== s.tactics.length) {
    throw new StateError('tactics', `expected the state of ${s.tactics.length} tactics, got ${Array.isArray(snap.tactics) ? snap.tactics.length : 'none'}`);
  }
  s.tactics.forEach((t, k) => {
    const path = `tactics[${k}] (${config.tactics[k]!.id})`;
    if (!t.loadState) throw new StateError(path, 'this tactic cannot be resumed: its runtime has no loadState');
    try {
      t.loadState(snap.tactics[k]!, s);
    } catch (e) {
      if (e instanceof StateError) throw new StateError(`${path}.${e.path}`, e.message.slice(e.path.length + 2));
      throw new StateError(path, (e as Error).message);
    }
  });
  return s;
}

function carryWindows(savedWith: EngineConfig, s: RunState, snap: RunSnapshot): void {
  const old = ledgerWindows(savedWith);
  const fields = WINDOW_FIELDS.length;
  const saved = snap.ledger?.windows;
  if (!(saved instanceof Float64Array) || saved.length !== old.length * fields) throw new StateError('ledger.windows', `expected ${old.length * fields} values for the plan it was saved under`);
  const at = new Map(old.map((w, k) => [`${w.kind}/${w.from}/${w.to}/${w.ref}`, k]));
  s.ledger.windows.forEach((w, k) => {
    const j = at.get(`${w.kind}/${w.from}/${w.to}/${w.ref}`);
    if (j !== undefined) s.ledger.windowTally.set(saved.subarray(j * fields, (j + 1) * fields), k * fields);
    else if (w.from < snap.daysDone) throw new StateError('ledger.windows', `the new plan has a ${w.kind} window from day ${w.from} that the saved plan did not count`);
  });
}

/** Step run `s` from day `from` up to (not including) day `to`; `onDay` hears the days done after each. */
export function stepDays(s: RunState, from: number, to: number, onDay?: (daysDone: number) => void): void {
  for (let day = from; day < to; day++) {
    stepDay(s, day);
    onDay?.(day + 1);
  }
}

/** Run `run` of a config for its first `stopAt` days and save its state. */
export function simulateRunTo(config: EngineConfig, run: number, stopAt: number, onDay?: (daysDone: number) => void): RunSnapshot {
  if (!Number.isInteger(stopAt) || stopAt < 0 || stopAt > config.days) throw new RangeError(`stop day must be from 0 to ${config.days}, got ${stopAt}`);
  const s = createRun(config, run);
  stepDays(s, 0, stopAt, onDay);
  return saveRun(s, stopAt);
}

/** Continue a saved run to the end of the config's horizon: the same record as one uninterrupted run. */
export function resumeRun(config: EngineConfig, snap: RunSnapshot, onDay?: (daysDone: number) => void): RunRecord {
  const s = restoreRun(config, snap);
  stepDays(s, snap.daysDone, config.days, onDay);
  return finishRun(s);
}
