import { fnv64 } from '../lib/hash';
import { compileScenario } from '../scenario/compile';
import { assumptionRanges } from '../scenario/assumptions';
import { validateScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/types';
import { triangular, type AssumptionRange } from '../sim';
import { ledgerWindows } from '../sim';
import type { EngineConfig } from '../sim';
import { Rng } from '../sim';

/**
 * A class (issue 14): a market taken from a preset, with some of its parameters hidden and perturbed within their
 * plausible ranges, a number of rounds of equal length, a budget per round, the 3–8 levers learners control (each a
 * tactic of the preset, whose effort the team sets round by round), a scorecard and an optional shock. A class is
 * plain JSON (a file, or a link), checked like a scenario with errors that name the field, and everything a team's
 * result depends on is in it: two machines replaying the same decisions get the same bytes.
 */

export const CLASS_FORMAT = 'star-sandbox-class';
export const CLASS_VERSION = 1;

export interface ClassLever {
  /** The tactic of the market this lever drives (its id in the scenario). */
  tactic: string;
  /** Effort multiplier on the tactic's schedule within a round: 0 = off, 1 = the preset's plan. */
  min: number;
  max: number;
  step: number;
  /** The value of the par plan (the scorecard's yardstick) and the editor's starting value. */
  default: number;
}

export const SHOCK_KINDS = ['competitorPush', 'platformRule'] as const;
export type ShockKind = (typeof SHOCK_KINDS)[number];

export interface ClassShock {
  /** Round index (0-based) in which the shock arrives; it lasts that round. */
  round: number;
  /**
   * competitorPush: a competitor's festival push takes demand: the demand index × (1 − strength) that round.
   * platformRule: a platform rule change throttles every tactic's reach: all efforts × (1 − strength) that round.
   */
  kind: ShockKind;
  strength: number;
}

export const SCORE_KEYS = ['incrementalGmv', 'r5Growth', 'incrementalRoi', 'structureHealth', 'costPerNewBuyer'] as const;
export type ScoreKey = (typeof SCORE_KEYS)[number];
export type ScoreWeights = Record<ScoreKey, number>;

export interface ClassFile {
  format: typeof CLASS_FORMAT;
  version: number;
  id: string;
  title: string;
  /** The market: the preset's scenario (its tactics are the levers' tactics). */
  scenario: Scenario;
  seed: string;
  /** Monte Carlo runs behind every figure (the same seeds for every team and for the do-nothing baseline). */
  runs: number;
  agents: number;
  /** Assumed parameters (paths as in assumptions.ts) learners do not see: perturbed within their ranges. */
  hidden: string[];
  /** Key of the stream that perturbs the hidden parameters (a new key, a new market to discover). */
  hiddenKey: string;
  rounds: number;
  roundDays: number;
  /** Budget per round, yuan: a plan whose estimated spend exceeds it is refused. */
  budgetPerRound: number;
  levers: ClassLever[];
  weights: ScoreWeights;
  shock: ClassShock | null;
}

export interface ClassError {
  /** JSON path of the offending value, e.g. `levers[2].max`. */
  path: string;
  message: string;
}

export interface BuildOptions {
  id: string;
  title: string;
  seed?: string;
  runs?: number;
  agents?: number;
  rounds?: number;
  roundDays?: number;
  budgetPerRound?: number;
  /** Tactic ids learners control (3–8); default: the preset's first tactics, up to 8. */
  levers?: string[];
  /** Hidden parameter paths; default: every assumed baseline flow and each lever's parameters with a range. */
  hidden?: string[];
  hiddenKey?: string;
  weights?: Partial<ScoreWeights>;
  shock?: ClassShock | null;
}

export const DEFAULT_WEIGHTS: ScoreWeights = { incrementalGmv: 0.35, r5Growth: 0.2, incrementalRoi: 0.2, structureHealth: 0.1, costPerNewBuyer: 0.15 };

/** A class from a preset scenario, with the defaults a 90-minute session needs (4 rounds of 30 days). */
export function buildClass(preset: Scenario, o: BuildOptions): ClassFile {
  const levers = (o.levers ?? preset.tactics.slice(0, 8).map((t) => t.id)).map((tactic) => ({ tactic, min: 0, max: 3, step: 0.25, default: 1 }));
  const ranges = assumptionRanges({ ...preset, uncertainty: { assumptions: true, fixed: [] } });
  const leverIds = new Set(levers.map((l) => l.tactic));
  const hidden = o.hidden ?? ranges.filter((r) => r.path.startsWith('baseline.') || (r.tactic !== undefined && leverIds.has(r.tactic))).map((r) => r.path);
  return {
    format: CLASS_FORMAT,
    version: CLASS_VERSION,
    id: o.id,
    title: o.title,
    scenario: structuredClone(preset),
    seed: o.seed ?? String(preset.seed),
    runs: o.runs ?? 8,
    agents: o.agents ?? 4000,
    hidden,
    hiddenKey: o.hiddenKey ?? `${o.id}/hidden`,
    rounds: o.rounds ?? 4,
    roundDays: o.roundDays ?? 30,
    budgetPerRound: o.budgetPerRound ?? 300_000,
    levers,
    weights: { ...DEFAULT_WEIGHTS, ...o.weights },
    shock: o.shock ?? null,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Check a class file; every problem with its path. The scenario is checked as a scenario (paths under `scenario`). */
export function validateClass(value: unknown): { ok: true; cls: ClassFile } | { ok: false; errors: ClassError[] } {
  const errors: ClassError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  if (!isObject(value)) return { ok: false, errors: [{ path: '(root)', message: 'expected a class file (a JSON object)' }] };
  const v = value;
  if (v.format !== CLASS_FORMAT) return { ok: false, errors: [{ path: 'format', message: `expected "${CLASS_FORMAT}", got ${JSON.stringify(v.format)}: this is not a class file` }] };
  if (v.version !== CLASS_VERSION) return { ok: false, errors: [{ path: 'version', message: `expected ${CLASS_VERSION}, got ${JSON.stringify(v.version)}` }] };
  const text = (k: string, max = 200) => {
    if (typeof v[k] !== 'string' || (v[k] as string).trim() === '' || (v[k] as string).length > max) err(k, `expected a text of 1–${max} characters`);
  };
  text('id', 80);
  text('title');
  text('seed', 64);
  text('hiddenKey', 200);
  const int = (k: string, min: number, max: number) => {
    const x = v[k];
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) err(k, `expected a whole number from ${min} to ${max}, got ${JSON.stringify(x)}`);
  };
  int('runs', 1, 200);
  int('agents', 200, 200_000);
  int('rounds', 1, 12);
  int('roundDays', 7, 365);
  if (typeof v.budgetPerRound !== 'number' || !(v.budgetPerRound >= 0) || !Number.isFinite(v.budgetPerRound)) err('budgetPerRound', `expected a budget in yuan (0 or more), got ${JSON.stringify(v.budgetPerRound)}`);
  const sc = validateScenario(v.scenario);
  if (!sc.ok) for (const e of sc.errors) err(`scenario.${e.path}`, e.message);
  const tactics = sc.ok ? sc.scenario.tactics.map((t) => t.id) : [];
  if (!Array.isArray(v.levers) || v.levers.length < 3 || v.levers.length > 8) err('levers', `expected 3–8 levers, got ${Array.isArray(v.levers) ? v.levers.length : JSON.stringify(v.levers)}`);
  else {
    const seen = new Set<string>();
    v.levers.forEach((l: unknown, k: number) => {
      const p = `levers[${k}]`;
      if (!isObject(l)) return err(p, 'expected a lever object');
      if (typeof l.tactic !== 'string' || (sc.ok && !tactics.includes(l.tactic))) err(`${p}.tactic`, `expected the id of one of the market's tactics (${tactics.join(', ')}), got ${JSON.stringify(l.tactic)}`);
      else if (seen.has(l.tactic)) err(`${p}.tactic`, `${l.tactic} has two levers`);
      else seen.add(l.tactic);
      for (const f of ['min', 'max', 'step', 'default'] as const) {
        if (typeof l[f] !== 'number' || !Number.isFinite(l[f]) || (l[f] as number) < 0 || (l[f] as number) > 20) err(`${p}.${f}`, `expected an effort multiplier from 0 to 20, got ${JSON.stringify(l[f])}`);
      }
      if (typeof l.min === 'number' && typeof l.max === 'number' && l.min > l.max) err(`${p}.max`, `must be at least min (${l.min})`);
      if (typeof l.step === 'number' && !(l.step > 0)) err(`${p}.step`, 'must be greater than 0');
      if (typeof l.default === 'number' && typeof l.min === 'number' && typeof l.max === 'number' && (l.default < l.min || l.default > l.max)) err(`${p}.default`, `must be within min and max (${l.min}–${l.max})`);
    });
  }
  if (!isObject(v.weights)) err('weights', 'expected the scorecard weights');
  else {
    let sum = 0;
    for (const k of SCORE_KEYS) {
      const w = v.weights[k];
      if (typeof w !== 'number' || !(w >= 0) || w > 1) err(`weights.${k}`, `expected a weight from 0 to 1, got ${JSON.stringify(w)}`);
      else sum += w;
    }
    for (const k of Object.keys(v.weights)) if (!(SCORE_KEYS as readonly string[]).includes(k)) err(`weights.${k}`, `unknown scorecard figure (expected ${SCORE_KEYS.join(', ')})`);
    if (errors.every((e) => !e.path.startsWith('weights')) && !(sum > 0)) err('weights', 'at least one weight must be above 0');
  }
  if (v.shock !== null) {
    const s = v.shock;
    if (!isObject(s)) err('shock', 'expected null or a shock object');
    else {
      if (typeof s.round !== 'number' || !Number.isInteger(s.round) || s.round < 0 || (typeof v.rounds === 'number' && s.round >= v.rounds)) err('shock.round', `expected a round from 0 to ${Number(v.rounds) - 1}, got ${JSON.stringify(s.round)}`);
      if (!(SHOCK_KINDS as readonly unknown[]).includes(s.kind)) err('shock.kind', `expected ${SHOCK_KINDS.join(' or ')}, got ${JSON.stringify(s.kind)}`);
      if (typeof s.strength !== 'number' || !(s.strength >= 0 && s.strength <= 0.9)) err('shock.strength', `expected a share from 0 to 0.9, got ${JSON.stringify(s.strength)}`);
    }
  }
  if (!Array.isArray(v.hidden) || v.hidden.some((x) => typeof x !== 'string')) err('hidden', 'expected a list of parameter paths');
  else if (sc.ok) {
    const known = new Set(assumptionRanges({ ...sc.scenario, uncertainty: { assumptions: true, fixed: [] } }).map((r) => r.path));
    v.hidden.forEach((x: string, k: number) => {
      if (!known.has(x)) err(`hidden[${k}]`, `${JSON.stringify(x)} is not an assumed parameter of this market with a plausible range`);
    });
  }
  const allowed = new Set(['format', 'version', 'id', 'title', 'scenario', 'seed', 'runs', 'agents', 'hidden', 'hiddenKey', 'rounds', 'roundDays', 'budgetPerRound', 'levers', 'weights', 'shock']);
  for (const k of Object.keys(v)) if (!allowed.has(k)) err(k, 'unknown field');
  if (errors.length) return { ok: false, errors };
  return { ok: true, cls: { ...(v as unknown as ClassFile), scenario: (sc as { scenario: Scenario }).scenario } };
}

/** The class's fingerprint: a team's log names it, so a log from another class (or an edited class) is told apart. */
export function classHash(cls: ClassFile): string {
  return fnv64(JSON.stringify(cls));
}

export interface HiddenValue extends AssumptionRange {
  /** The value the class's market uses (learners see the stated one, `mode`). */
  value: number;
}

/** The hidden parameters' true values: each drawn within its plausible range on its own keyed stream. */
export function hiddenValues(cls: ClassFile): HiddenValue[] {
  const hidden = new Set(cls.hidden);
  return assumptionRanges({ ...cls.scenario, uncertainty: { assumptions: true, fixed: [] } })
    .filter((r) => hidden.has(r.path))
    .map((r) => {
      const x = triangular(new Rng(`${cls.hiddenKey}/${r.path}`).next(), r.low, r.mode, r.high);
      return { ...r, value: r.integer ? Math.round(x) : x };
    });
}

const TACTIC_PATH = /^tactics\[(.+)\]\.([^.]+)(?:\.([^.]+))?$/;

/** Put a value at an assumption path of a (copied) scenario. */
function put(s: Scenario, path: string, value: number): void {
  const m = TACTIC_PATH.exec(path);
  if (m) {
    const t = s.tactics.find((x) => x.id === m[1]);
    if (!t) return;
    if (m[3] === undefined) t[m[2]!] = value;
    else (t[m[2]!] as Record<string, number>)[m[3]] = value;
    return;
  }
  const parts = path.split('.');
  let o = s as unknown as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) o = o[p] as Record<string, unknown>;
  o[parts.at(-1)!] = value;
}

/** The class's market as a scenario: hidden values in place, only the levers' tactics, the class's horizon and runs. */
export function classScenario(cls: ClassFile): Scenario {
  const s = structuredClone(cls.scenario);
  for (const h of hiddenValues(cls)) put(s, h.path, h.value);
  const levers = new Set(cls.levers.map((l) => l.tactic));
  s.tactics = s.tactics.filter((t) => levers.has(t.id));
  s.days = cls.rounds * cls.roundDays;
  s.seed = cls.seed;
  s.runs = cls.runs;
  s.uncertainty = { assumptions: false, fixed: [] };
  return s;
}

/** Lever values of one round, by lever index. */
export type RoundDecision = number[];

/**
 * The engine config of a team's plan: each lever's tactic keeps the preset's schedule, × the team's value in each
 * round (rounds not decided yet: 0, the tactic is off), the shock applied in its round. `decisions: null` gives the
 * do-nothing baseline (no tactics; the shock still hits the market).
 */
export function classConfig(cls: ClassFile, decisions: readonly RoundDecision[] | null): EngineConfig {
  const s = classScenario(cls);
  if (decisions === null) s.tactics = [];
  const c = compileScenario(s, { agents: cls.agents });
  const L = cls.roundDays;
  const shock = cls.shock;
  if (shock?.kind === 'competitorPush') for (let d = shock.round * L; d < (shock.round + 1) * L; d++) c.demand[d] = c.demand[d]! * (1 - shock.strength);
  if (decisions !== null) {
    // The ledger's windows (months, cohorts, each tactic's events) from the preset's schedules, before the team's
    // values scale them: the same for every round and every team, so decisions still to come do not move them.
    c.ledgerWindows = ledgerWindows(c);
    c.tactics.forEach((t) => {
      const k = cls.levers.findIndex((l) => l.tactic === t.id);
      for (let r = 0; r < cls.rounds; r++) {
        let m = decisions[r]?.[k] ?? 0;
        if (shock?.kind === 'platformRule' && shock.round === r) m *= 1 - shock.strength;
        for (let d = r * L; d < (r + 1) * L; d++) t.schedule[d] = t.schedule[d]! * m;
      }
    });
  }
  return c;
}

/** Whether a round's lever values are allowed: one per lever, each within its range and on its steps. */
export function decisionErrors(cls: ClassFile, decision: RoundDecision, path = 'levers'): ClassError[] {
  const out: ClassError[] = [];
  if (decision.length !== cls.levers.length) return [{ path, message: `expected ${cls.levers.length} lever values, got ${decision.length}` }];
  decision.forEach((x, k) => {
    const l = cls.levers[k]!;
    const steps = (x - l.min) / l.step;
    if (typeof x !== 'number' || !(x >= l.min && x <= l.max)) out.push({ path: `${path}[${k}]`, message: `${l.tactic}: expected ${l.min}–${l.max}, got ${x}` });
    else if (Math.abs(steps - Math.round(steps)) > 1e-9) out.push({ path: `${path}[${k}]`, message: `${l.tactic}: expected a multiple of ${l.step} above ${l.min}, got ${x}` });
  });
  return out;
}
