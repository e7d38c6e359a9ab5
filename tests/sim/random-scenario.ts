import type { FieldSpec, NumberSpec } from '../../src/lib/spec';
import { compileScenario } from '../../src/scenario/compile';
import { INDUSTRY_IDS } from '../../src/scenario/industries';
import { formatErrors, validateScenario } from '../../src/scenario/parse';
import { formatIsoDate, parseIsoDate } from '../../src/sim/civil-date';
import type { EngineConfig } from '../../src/sim/config';
import { Rng } from '../../src/sim/step/rng';
import { FESTIVAL_IDS, scheduleSpec, WEEKDAYS } from '../../src/sim/schedule';
import { TACTICS } from '../../src/sim/tactics/registry';

/**
 * Random valid scenarios for property tests of the engine (reference-day.test.ts, checkpoint.test.ts), built through
 * the normal scenario → validate → compile path. Scenario k is drawn from its own stream `reference-day/k`, so it is
 * the same scenario in every test that asks for it.
 */

export type Json = Record<string, unknown>;

/** The first scenarios each hold one tactic, every type in turn, so each type is also tested alone. */
export const TACTIC_TYPES = Object.keys(TACTICS);
export const ALONE = TACTIC_TYPES.length * 5;

/** Random draws for the generator, on the engine's own seeded stream. */
export class Draw {
  private readonly rng: Rng;
  constructor(key: string) {
    this.rng = new Rng(key);
  }
  u(): number {
    return this.rng.next();
  }
  chance(p: number): boolean {
    return this.rng.next() < p;
  }
  uniform(a: number, b: number): number {
    return a + (b - a) * this.rng.next();
  }
  logUniform(a: number, b: number): number {
    return Math.exp(this.uniform(Math.log(a), Math.log(b)));
  }
  int(a: number, b: number): number {
    return a + this.rng.int(b - a + 1);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.rng.int(xs.length)]!;
  }
  /** A non-empty subset, in the original order. */
  subset<T>(xs: readonly T[], min = 1): T[] {
    for (;;) {
      const out = xs.filter(() => this.chance(0.5));
      if (out.length >= min) return out;
    }
  }
  normal(): number {
    return this.rng.normal();
  }
}

/** A value inside a number spec's range: often the default, often near it, sometimes anywhere, sometimes an end. */
function numberFrom(g: Draw, s: NumberSpec): number {
  const lo = s.exclusiveMin ? s.min + (s.max - s.min) * 1e-6 : s.min;
  const hi = s.max;
  const def = s.default ?? (lo + hi) / 2;
  const r = g.u();
  let x: number;
  if (r < 0.3) x = def;
  else if (r < 0.65) x = def > 0 ? def * Math.exp(1.2 * g.normal()) : lo + (hi - lo) * 0.01 * g.u();
  else if (r < 0.88) x = hi / Math.max(lo, 1e-9) > 100 ? g.logUniform(Math.max(lo, hi * 1e-6), hi) : g.uniform(lo, hi);
  else x = g.chance(0.5) ? lo : hi;
  if (s.integer) x = Math.round(x);
  return Math.min(hi, Math.max(lo, x));
}

function isSchedule(s: FieldSpec): boolean {
  return s.kind === 'object' && s.fields === scheduleSpec.fields;
}

/** A valid schedule over the horizon: any mix of daily, weekly, cadence, dates, windows and festivals. */
function scheduleFrom(g: Draw, start: number, days: number): Json {
  const date = (d: number) => formatIsoDate(start + d);
  const out: Json = {};
  const kinds = g.subset(['daily', 'weekly', 'everyDays', 'dates', 'windows', 'festivals'] as const);
  // Daily is the strongest; keep it rarer so that the schedule's gaps (effort 0 days) get tested too.
  if (kinds.includes('daily') && g.chance(0.5)) out.daily = true;
  if (kinds.includes('weekly')) out.weekly = g.subset(WEEKDAYS);
  if (kinds.includes('everyDays')) out.everyDays = g.int(1, 12);
  if (kinds.includes('dates')) out.dates = [...new Set(Array.from({ length: g.int(1, 5) }, () => date(g.int(0, days - 1))))];
  if (kinds.includes('windows')) {
    out.windows = Array.from({ length: g.int(1, 2) }, () => {
      const a = g.int(-5, days - 1);
      const w: Json = { from: date(a), to: date(a + g.int(0, 20)) };
      if (g.chance(0.5)) w.effort = g.pick([0, 0.5, 1, 2, 5]);
      return w;
    });
  }
  if (kinds.includes('festivals')) {
    out.festivals = [{ festival: g.pick(FESTIVAL_IDS), phase: g.pick(['main', 'peak', 'all']), ...(g.chance(0.5) ? { effort: g.pick([0.5, 2, 3]) } : {}) }];
  }
  if (Object.keys(out).length === 0) out.everyDays = g.int(1, 7);
  if (g.chance(0.3)) out.effort = g.pick([0, 0.3, 1, 2.5, 10]);
  if (g.chance(0.2)) out.from = date(g.int(0, days - 1));
  if (g.chance(0.2)) out.to = date(g.int(0, days - 1) + 3);
  return out;
}

/** A random value for a tactic parameter's spec (recursively for objects and arrays). */
function valueFrom(g: Draw, s: FieldSpec, start: number, days: number): unknown {
  if (isSchedule(s)) return scheduleFrom(g, start, days);
  switch (s.kind) {
    case 'number':
      return numberFrom(g, s);
    case 'boolean':
      return g.chance(0.5);
    case 'enum':
      return g.pick(s.values);
    case 'array':
      if (s.items.kind === 'enum') return g.subset(s.items.values);
      return Array.from({ length: g.int(0, Math.min(3, s.maxItems)) }, () => valueFrom(g, s.items, start, days));
    case 'object': {
      const out: Json = {};
      for (const [k, f] of Object.entries(s.fields)) {
        if (f.optional && g.chance(0.5)) continue;
        out[k] = valueFrom(g, f, start, days);
      }
      return out;
    }
    default:
      return s.default;
  }
}

function tacticFrom(g: Draw, type: string, id: string, start: number, days: number): Json {
  const t: Json = { id, type };
  for (const [k, f] of Object.entries(TACTICS[type]!.params)) {
    // Optional blocks (group buys, member days) half the time; other parameters keep their default now and then.
    if (f.optional && g.chance(0.5)) continue;
    if (!f.optional && !isSchedule(f) && g.chance(0.15)) continue;
    t[k] = valueFrom(g, f, start, days);
  }
  // Coupons sent through a channel no other tactic opens, or only to lapsed buyers, seldom reach anyone in a short
  // run: favour the coupons that do act.
  if (type === 'coupons') {
    if (g.chance(0.6)) t.channel = 'all';
    if (g.chance(0.75)) t.lapsedOnly = false;
  }
  return t;
}

/** A daily probability: zero now and then, usually small, rarely large. */
function prob(g: Draw, max: number): number {
  if (g.chance(0.15)) return 0;
  return g.logUniform(1e-4, max);
}

export function scenarioFor(k: number): { json: Json; run: number } {
  const g = new Draw(`reference-day/${k}`);
  const days = g.int(20, 60);
  const agents = g.int(200, 2000);
  const start = parseIsoDate(g.pick(['2026-01-01', '2026-02-25', '2026-05-10', '2026-06-05', '2026-08-10', '2026-10-20', '2026-12-01']))! + g.int(0, 30);
  const heterogeneity = g.chance(0.5);
  const bgnbd = g.chance(0.45);
  // Initial shares: random weights, some tiers empty.
  const w = [0, 1, 2, 3, 4, 5].map(() => (g.chance(0.15) ? 0 : g.logUniform(0.01, 1)));
  if (!w.some((x) => x > 0)) w[0] = 1;
  const sum = w.reduce((a, b) => a + b, 0);
  const tiers = ['R0', 'R1', 'R2', 'R3', 'R4', 'R5'];
  const initial = Object.fromEntries(tiers.map((t, i) => [t, w[i]! / sum]));
  const forward = Object.fromEntries(tiers.slice(0, 5).map((t) => [t, prob(g, 0.2)]));
  const reverse = Object.fromEntries(tiers.slice(1).map((t) => [t, prob(g, 0.1)]));
  // Now and then a certain move (forward 1, no reverse): the clamps at 1.
  if (g.chance(0.08)) {
    const t = g.pick(tiers.slice(0, 5));
    forward[t] = 1;
    if (t !== 'R0') reverse[t] = 0;
  }
  const repeatModel = bgnbd
    ? { kind: 'bgnbd', r: g.logUniform(0.2, 5), alpha: g.logUniform(3, 500), a: g.logUniform(0.3, 5), b: g.logUniform(0.5, 20) }
    : { kind: 'simple' };
  const mean = g.logUniform(10, 2000);
  const json: Json = {
    schemaVersion: 1,
    id: `reference-${k}`,
    name: `Reference scenario ${k}`,
    industry: g.pick(INDUSTRY_IDS),
    startDate: formatIsoDate(start),
    days,
    seed: g.int(0, 1_000_000),
    runs: 1,
    population: { agents, scale: g.pick([1, 1, 0.5, 3, 40, 1000]), initial, heterogeneity },
    baseline: {
      forward,
      reverse,
      repeat: reverse.R5! + 0.1 > 1 ? 0 : prob(g, 0.1),
      repeatModel,
      orderValue: { mean, sd: g.chance(0.2) ? 0 : mean * g.uniform(0.1, 2) },
    },
    seasonality: g.pick(['none', 'industry', Array.from({ length: 52 }, () => g.uniform(0, 3))]),
    wordOfMouth: g.chance(0.5) ? { q: g.chance(0.1) ? 1 : g.logUniform(0.001, 0.5), sources: g.subset(['R1', 'R2', 'R3', 'R4', 'R5']) } : { q: 0 },
    tactics: [],
  };
  if (g.chance(0.3)) json.margin = g.uniform(0, 1);
  let types: string[];
  if (k < ALONE) types = [TACTIC_TYPES[k % TACTIC_TYPES.length]!];
  else if (g.chance(0.05)) types = [];
  else types = Array.from({ length: g.int(1, 5) }, () => g.pick(TACTIC_TYPES));
  json.tactics = types.map((type, j) => tacticFrom(g, type, `${type}-${j}`, start, days));
  return { json, run: g.int(0, 3) };
}

export function compile(json: Json): EngineConfig {
  const r = validateScenario(json);
  if (!r.ok) throw new Error(`generated scenario is invalid (a bug in the generator):\n${formatErrors(r.errors)}\n${JSON.stringify(json)}`);
  return compileScenario(r.scenario);
}
