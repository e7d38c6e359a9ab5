import { MemberSet } from '../step/member-set';
import { Rng } from '../step/rng';
import type { StateArray, StateValue, TacticState } from './types';

/**
 * Reading a tactic's saved state back (checkpoint.ts), strictly: a missing or mistyped field throws a StateError
 * naming it, so a state file from another version of a tactic is refused, never half-loaded.
 */
export class StateError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

type ArrayCtor<T extends StateArray> = { new (n: number): T; readonly name: string };

export function stateNumber(st: TacticState, key: string): number {
  const v = st[key];
  if (typeof v !== 'number') throw new StateError(key, `expected a number, got ${describe(v)}`);
  return v;
}

export function stateBool(st: TacticState, key: string): boolean {
  const v = st[key];
  if (typeof v !== 'boolean') throw new StateError(key, `expected true or false, got ${describe(v)}`);
  return v;
}

/** A typed array of the given kind (and length, when given). */
export function stateArray<T extends StateArray>(st: TacticState, key: string, ctor: ArrayCtor<T>, length?: number): T {
  const v = st[key];
  if (!(v instanceof ctor)) throw new StateError(key, `expected ${ctor.name}, got ${describe(v)}`);
  if (length !== undefined && v.length !== length) throw new StateError(key, `expected ${length} values, got ${v.length}`);
  return v;
}

/** A stream's saved position, or null before the tactic first drew (its stream is created on its first day). */
export function saveRng(rng: Rng | null): StateValue {
  return rng ? Int32Array.from(rng.state()) : null;
}

export function loadRng(st: TacticState, key: string, make: () => Rng): Rng | null {
  if (st[key] === null) return null;
  const rng = make();
  rng.setState(stateArray(st, key, Int32Array, 4));
  return rng;
}

/** A member set's members in iteration order, or null before it was created. */
export function saveSet(set: MemberSet | null): StateValue {
  return set ? set.members() : null;
}

export function loadSet(st: TacticState, key: string, n: number): MemberSet | null {
  if (st[key] === null) return null;
  const set = new MemberSet(n);
  try {
    set.restore(stateArray(st, key, Int32Array));
  } catch (e) {
    if (e instanceof StateError) throw e;
    throw new StateError(key, (e as Error).message);
  }
  return set;
}

/** A typed array saved as null before it was created. */
export function loadArrayOrNull<T extends StateArray>(st: TacticState, key: string, ctor: ArrayCtor<T>, length: number): T | null {
  return st[key] === null ? null : stateArray(st, key, ctor, length);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (ArrayBuffer.isView(v)) return v.constructor.name;
  if (Array.isArray(v)) return 'a list';
  return typeof v;
}
