import { fnv64 } from '../lib/hash';
import type { RunSnapshot } from './checkpoint';
import type { EngineConfig } from './config';

/**
 * State files (`npm run sim -- FILE --stop-at D --save-state state.json`, then `--resume state.json`): the saved state
 * of every run of every batch behind a result (the plan, its do-nothing baseline, the noise-only twins), as JSON.
 * Typed arrays are written as base64 of their bytes (little-endian, as every platform that runs the app stores them),
 * numbers that JSON cannot hold (NaN, ±Infinity, −0) as tagged values, so a state reads back bit for bit.
 *
 * A state file is checked like a scenario, with errors that name the field: its format and version, a hash over its
 * whole content (a file edited by hand is refused), and that it was saved from the same compiled scenario — seed,
 * runs, horizon, agents and every parameter (a hash of the compiled config per batch).
 */

export const STATE_FORMAT = 'star-sandbox-state';
/** Bump when the engine's or a tactic's saved state changes shape or meaning: older files are then refused. */
export const STATE_VERSION = 1;

export interface StateError {
  /** JSON path of the offending value, e.g. `batches[0].runs[3].population.tier`. */
  path: string;
  message: string;
}

export interface StateBatch {
  /** What the batch is: 'plan', 'baseline', 'plan (noise only)', 'baseline (noise only)'. */
  label: string;
  configHash: string;
  runs: RunSnapshot[];
}

export interface StateFile {
  format: typeof STATE_FORMAT;
  version: number;
  scenarioId: string;
  seed: number | string;
  runs: number;
  days: number;
  agents: number;
  /** Days done in every run: the resumed runs continue with this day index. */
  daysDone: number;
  batches: StateBatch[];
  hash: string;
}

/** The fingerprint of a compiled config: everything that decides a run (seed, runs, horizon, agents, parameters). */
export function configHash(config: EngineConfig): string {
  return fnv64(JSON.stringify(config));
}

const ARRAY_TYPES = { Uint8Array, Int8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array } as const;
type ArrayName = keyof typeof ARRAY_TYPES;

function toBase64(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 0x6000; // a multiple of 3, so every chunk but the last encodes without padding
  for (let k = 0; k < bytes.length; k += CHUNK) out += btoa(String.fromCharCode(...bytes.subarray(k, k + CHUNK)));
  return out;
}

function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function encodeValue(v: unknown): unknown {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { $number: 'NaN' };
    if (v === Infinity) return { $number: 'Infinity' };
    if (v === -Infinity) return { $number: '-Infinity' };
    if (Object.is(v, -0)) return { $number: '-0' };
    return v;
  }
  if (ArrayBuffer.isView(v)) {
    const name = v.constructor.name;
    if (!(name in ARRAY_TYPES)) throw new TypeError(`cannot save a ${name}`);
    return { $array: name, base64: toBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
  }
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encodeValue(x)]));
  return v;
}

function decodeValue(v: unknown, path: string, errors: StateError[]): unknown {
  if (Array.isArray(v)) return v.map((x, k) => decodeValue(x, `${path}[${k}]`, errors));
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if ('$number' in o) {
    const map: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };
    if (typeof o.$number === 'string' && o.$number in map) return map[o.$number];
    errors.push({ path, message: `unknown special number ${JSON.stringify(o.$number)}` });
    return undefined;
  }
  if ('$array' in o) {
    const name = o.$array as string;
    const Ctor = ARRAY_TYPES[name as ArrayName];
    if (!Ctor || typeof o.base64 !== 'string') {
      errors.push({ path, message: `expected a typed array ({"$array": type, "base64": bytes}), got type ${JSON.stringify(name)}` });
      return undefined;
    }
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(o.base64);
    } catch {
      errors.push({ path, message: 'its bytes are not valid base64' });
      return undefined;
    }
    if (bytes.length % Ctor.BYTES_PER_ELEMENT !== 0) {
      errors.push({ path, message: `${bytes.length} bytes do not make whole ${name} values` });
      return undefined;
    }
    return new Ctor(bytes.buffer as ArrayBuffer, 0, bytes.length / Ctor.BYTES_PER_ELEMENT);
  }
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decodeValue(x, path ? `${path}.${k}` : k, errors)]));
}

/** One run's snapshot as JSON text, and back (the classroom keeps rounds' checkpoints this way). */
export function snapshotToJson(snap: RunSnapshot): string {
  return JSON.stringify(encodeValue(snap));
}

export function snapshotFromJson(text: string): RunSnapshot {
  const errors: StateError[] = [];
  const snap = decodeValue(JSON.parse(text), '', errors) as RunSnapshot;
  if (errors.length) throw new Error(errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return snap;
}

/** Everything but the hash, in the order written: what the hash covers. */
function body(f: Omit<StateFile, 'hash'>): string {
  const { format, version, scenarioId, seed, runs, days, agents, daysDone, batches } = f;
  return JSON.stringify(encodeValue({ format, version, scenarioId, seed, runs, days, agents, daysDone, batches }));
}

/** A state file's text for the batches of one scenario, saved after `daysDone` days. */
export function encodeStateFile(plan: EngineConfig, daysDone: number, batches: StateBatch[]): string {
  const head = { format: STATE_FORMAT as typeof STATE_FORMAT, version: STATE_VERSION, scenarioId: plan.scenarioId, seed: plan.seed, runs: plan.runs, days: plan.days, agents: plan.agents, daysDone, batches };
  const text = body(head);
  return text.slice(0, -1) + `,"hash":${JSON.stringify(fnv64(text))}}\n`;
}

export type DecodeResult = { ok: true; file: StateFile } | { ok: false; errors: StateError[] };

/**
 * Read a state file's text and check it against the batches about to be resumed (the same labels, in order, each with
 * its compiled config). Every problem is reported with its path; the first that makes the rest meaningless (not JSON,
 * another format or version, a broken hash) stops the check.
 */
export function decodeStateFile(text: string, expected: ReadonlyArray<{ label: string; config: EngineConfig }>): DecodeResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '(root)', message: `not JSON: ${(e as Error).message}` }] };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, errors: [{ path: '(root)', message: 'expected a state file (a JSON object)' }] };
  const o = raw as Record<string, unknown>;
  if (o.format !== STATE_FORMAT) return { ok: false, errors: [{ path: 'format', message: `expected "${STATE_FORMAT}", got ${JSON.stringify(o.format)}: this is not a state file` }] };
  if (o.version !== STATE_VERSION) {
    return { ok: false, errors: [{ path: 'version', message: `this state was saved by state version ${JSON.stringify(o.version)}; this engine reads version ${STATE_VERSION} only: save it again with --stop-at` }] };
  }
  const { hash, ...rest } = o;
  if (typeof hash !== 'string') return { ok: false, errors: [{ path: 'hash', message: 'missing: a state file carries a hash of its content' }] };
  if (fnv64(JSON.stringify(rest)) !== hash) {
    return { ok: false, errors: [{ path: 'hash', message: 'the content does not match its hash: the file was edited or damaged after it was saved' }] };
  }
  const errors: StateError[] = [];
  const f = decodeValue(rest, '', errors) as Omit<StateFile, 'hash'>;
  if (errors.length) return { ok: false, errors };
  const plan = expected[0]?.config;
  if (plan) {
    const same = (key: 'scenarioId' | 'seed' | 'runs' | 'days' | 'agents', what: string) => {
      if (f[key] !== plan[key]) errors.push({ path: key, message: `the state was saved with ${what} ${JSON.stringify(f[key])}, this run has ${JSON.stringify(plan[key])}` });
    };
    same('scenarioId', 'scenario');
    same('seed', 'seed');
    same('runs', 'runs');
    same('days', 'horizon (days)');
    same('agents', 'agents');
    if (!Number.isInteger(f.daysDone) || f.daysDone < 1 || f.daysDone >= plan.days) {
      errors.push({ path: 'daysDone', message: `expected a day from 1 to ${plan.days - 1}, got ${JSON.stringify(f.daysDone)}` });
    }
  }
  if (!Array.isArray(f.batches)) {
    errors.push({ path: 'batches', message: 'expected a list of batches' });
    return { ok: false, errors };
  }
  const labels = (xs: ReadonlyArray<{ label: string } | null>) => xs.map((b) => b?.label ?? '(no batch)').join(', ');
  if (f.batches.length !== expected.length || f.batches.some((b, k) => b?.label !== expected[k]!.label)) {
    errors.push({ path: 'batches', message: `the state holds ${labels(f.batches)}; resuming needs ${labels(expected)} (the same options as when it was saved)` });
    return { ok: false, errors };
  }
  f.batches.forEach((b, k) => {
    const c = expected[k]!.config;
    if (b.configHash !== configHash(c)) {
      errors.push({ path: `batches[${k}].configHash`, message: `the ${b.label} was saved from another scenario or other parameters (config ${b.configHash}, this one ${configHash(c)})` });
    }
    if (!Array.isArray(b.runs) || b.runs.length !== c.runs) {
      errors.push({ path: `batches[${k}].runs`, message: `expected the state of ${c.runs} runs, got ${Array.isArray(b.runs) ? b.runs.length : 'none'}` });
      return;
    }
    b.runs.forEach((r, i) => {
      if (r?.run !== i) errors.push({ path: `batches[${k}].runs[${i}].run`, message: `expected run ${i}, got ${JSON.stringify(r?.run)}` });
      if (r?.daysDone !== f.daysDone) errors.push({ path: `batches[${k}].runs[${i}].daysDone`, message: `expected ${f.daysDone}, got ${JSON.stringify(r?.daysDone)}` });
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, file: { ...f, hash } };
}
