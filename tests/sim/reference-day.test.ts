import { describe, expect, it } from 'vitest';
import type { EngineConfig } from '../../src/sim/config';
import { causeNames } from '../../src/sim/config';
import { createRun, finishRun, simulateRun, stepDay } from '../../src/sim/step/model';
import type { RunRecord } from '../../src/sim/results/recorder';
import { referenceStepDay, simulateRunReference } from '../../src/sim/step/reference/day';
import { Rng } from '../../src/sim/step/rng';
import type { RunState } from '../../src/sim/step/run-state';
import type { TraitId } from '../../src/sim/step/sources';
import type { TacticRuntime } from '../../src/sim/tactics/types';
import { ALONE, compile, Draw, scenarioFor, TACTIC_TYPES } from './random-scenario';
import { sized } from '../mutation-size';

/**
 * The fast engine (moves.ts: homogeneous and heterogeneous paths, per-tier tables, upper bounds, marked agents,
 * BG/NBD and simple buyers) against the reference day (src/sim/step/reference/day.ts: one general path for every agent),
 * over random valid scenarios built through the normal scenario → validate → compile path. For the same state and
 * seed both must give the same bits: tiers, columns and random streams after every day, and the whole run record.
 *
 * Deterministic: scenario k is drawn from its own stream `reference-day/k`. To replay one scenario:
 *   REFERENCE_DAY_SCENARIO=k npx vitest run --project unit tests/sim/reference-day.test.ts
 *
 * Bugs injected into the fast paths that this test caught (each alone, then reverted): the homogeneous non-buyer path
 * or the heterogeneous upper-bound skip ignoring marked agents; the plain-tier path dropping the reverse propensity;
 * the inline heterogeneous path dropping a source's trait; homogeneous simple buyers ignoring marks, or crediting
 * every purchase to the baseline; BG/NBD dropping the forward scale or the within-day further purchases; agentDay
 * dropping a mark's lapse multiplier; forward attribution leaving out the marks' share; swapped causes of extra
 * purchase chances; buyers ignoring reverse marks; the per-tier tables (RunState.beginDay) leaving out the reverse
 * part of the upper bound or a forward source. Those on tier-level boosts, lapse marks and buyers' reverse marks
 * only the probe scenarios catch.
 */

/** Mutation runs (tests/mutation-size.ts) take the first third of the scenarios (fewer would leave out some tactic:
 * the check below that each one acted fails at 40) and a quarter of the probed ones, a tenth when the agents' loop
 * itself is mutated: every mutant that survives pays for the whole test (docs/testing.md § Mutation testing). */
const SCENARIOS = sized(240, 80);
/** Further scenarios, each with a probe tactic (below), drawn from streams after the first 240. */
const PROBED = sized(160, 40, 16);
const PROBE_STREAMS_FROM = 240;

/**
 * A probe tactic for the second property: the tactics of today reach only part of what the move loop supports (none
 * of them adds tier-level reverse sources, purchase-rate boosts, recalls, purchase chances or lapse multipliers in the
 * engine; those appear only in their mean-field versions). The probe uses the whole TacticRuntime interface at
 * random — tier-level sources of every kind and agent marks of every kind, probabilities above 1 included — so that
 * every branch of the move loop is compared with the reference. It draws on its own stream (`…/tactic/probe`) and
 * reads only the state at the start of the day, so the fast and the reference run see the same probe.
 */
interface ProbeSpec {
  dayShare: number;
  markShare: number;
  forward: { from: number; to: number; p: number; trait: TraitId; cause: number }[];
  reverse: { from: number; to: number; p: number; trait: TraitId; cause: number }[];
  boosts: { t: number; m: number; cause: number }[];
  recalls: { t: number; p: number; cause: number }[];
  chances: { t: number; p: number; cause: number }[];
  lapses: { t: number; m: number }[];
  causes: number;
}

function probeSpecFor(k: number, causes: number): ProbeSpec {
  const g = new Draw(`reference-day/probe/${k}`);
  const p = () => (g.chance(0.1) ? g.uniform(1, 2) : g.logUniform(1e-4, 0.5));
  const cause = () => g.int(0, causes - 1);
  const trait = () => g.int(0, 4) as TraitId;
  return {
    dayShare: g.uniform(0.2, 1),
    markShare: g.chance(0.2) ? 0 : g.logUniform(0.005, 0.5),
    forward: Array.from({ length: g.int(0, 4) }, () => {
      const from = g.int(0, 3);
      return { from, to: g.int(from + 1, 4), p: p(), trait: trait(), cause: cause() };
    }),
    reverse: Array.from({ length: g.int(0, 4) }, () => {
      const from = g.int(1, 5);
      return { from, to: g.int(0, from - 1), p: p(), trait: trait(), cause: cause() };
    }),
    boosts: Array.from({ length: g.int(0, 3) }, () => ({ t: g.int(4, 5), m: g.uniform(0.8, 5), cause: cause() })),
    recalls: Array.from({ length: g.int(0, 2) }, () => ({ t: g.int(4, 5), p: p(), cause: cause() })),
    chances: Array.from({ length: g.int(0, 2) }, () => ({ t: g.int(4, 5), p: p(), cause: cause() })),
    lapses: Array.from({ length: g.int(0, 2) }, () => ({ t: g.int(1, 5), m: g.uniform(0, 3) })),
    causes,
  };
}

function probeRuntime(spec: ProbeSpec): TacticRuntime {
  let rng: Rng | null = null;
  return {
    beginDay(s: RunState) {
      rng ??= s.tacticRng('probe');
      const src = s.sources;
      const today = () => rng!.next() < spec.dayShare;
      for (const x of spec.forward) if (today()) src.addForward(x.from, x.to, x.p, x.trait, x.cause);
      for (const x of spec.reverse) if (today()) src.addReverse(x.from, x.to, x.p, x.trait, x.cause);
      for (const x of spec.boosts) if (today()) src.addBuyBoost(x.t, x.m, x.cause);
      for (const x of spec.recalls) if (today()) src.addRecall(x.t, x.p, x.cause);
      for (const x of spec.chances) if (today()) src.addBuyChance(x.t, x.p, x.cause);
      for (const x of spec.lapses) if (today()) src.scaleLapse(x.t, x.m);
      if (spec.markShare === 0) return;
      const marks = s.marks;
      const p = () => (rng!.next() < 0.1 ? 1 + rng!.next() : Math.exp(Math.log(1e-3) * rng!.next()));
      const cause = () => rng!.int(spec.causes);
      for (let i = 0; i < s.pop.n; i++) {
        if (rng.next() >= spec.markShare) continue;
        const k = s.pop.tier[i]!;
        // One to three marks of random kinds, as several tactics marking the same agent would.
        for (let n = 1 + rng.int(3); n > 0; n--) {
          switch (rng.int(6)) {
            case 0:
              if (k < 4) marks.forward(i, p(), k + 1 + rng.int(4 - k), cause(), rng);
              else marks.buy(i, 1 + 3 * rng.next(), cause());
              break;
            case 1:
              if (k > 0) marks.reverse(i, p(), rng.int(k), cause(), rng);
              break;
            case 2:
              marks.lapse(i, 2 * rng.next());
              break;
            case 3:
              // Fission quality: 0 for a fake account, below 1 for a low-quality one (above 1 to be safe).
              marks.scaleForward(i, [0, 0.3, 0.7, 1.2][rng.int(4)]!);
              break;
            case 4:
              if (k >= 4) marks.recall(i, p(), cause());
              else marks.forward(i, p(), 4, cause(), rng);
              break;
            default:
              if (k >= 4) marks.buyChance(i, p(), cause());
              break;
          }
        }
      }
    },
  };
}

/** The first index where two numeric arrays differ bit for bit (Object.is: NaN equals NaN, −0 differs from 0), or −1. */
function firstDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

function diffArrays(name: string, a: ArrayLike<number>, b: ArrayLike<number>): string | null {
  const i = firstDiff(a, b);
  return i < 0 ? null : `${name}[${i}]: fast ${a[i]}, reference ${b[i]} (lengths ${a.length}, ${b.length})`;
}

/** The first difference between the cheap parts of two run states after the same day (tiers, streams), or null. */
function diffDay(f: RunState, r: RunState): string | null {
  for (const name of ['movesRng', 'buyRng', 'orderRng'] as const) {
    const a = f[name];
    const b = r[name];
    if (a.a !== b.a || a.b !== b.b || a.c !== b.c || a.d !== b.d) return `${name} state differs: the streams were drawn differently`;
  }
  return diffArrays('pop.tier', f.pop.tier, r.pop.tier);
}

/** The first difference between two run states, or null: every column, the streams and the record so far. */
function diffStates(f: RunState, r: RunState): string | null {
  const cols = ['tier', 'counts', 'active', 'channels', 'group', 'orders', 'lastOrderDay'] as const;
  for (const c of cols) {
    const d = diffArrays(`pop.${c}`, f.pop[c], r.pop[c]);
    if (d) return d;
  }
  for (const name of ['movesRng', 'buyRng', 'orderRng'] as const) {
    const a = f[name];
    const b = r[name];
    if (a.a !== b.a || a.b !== b.b || a.c !== b.c || a.d !== b.d) return `${name} state differs: the streams were drawn differently`;
  }
  return diffRecords(f.rec.rec, r.rec.rec);
}

function diffRecords(a: RunRecord, b: RunRecord): string | null {
  for (const key of Object.keys(a) as (keyof RunRecord)[]) {
    const x = a[key];
    const y = b[key];
    if (typeof x === 'number') {
      if (!Object.is(x, y)) return `record.${key}: fast ${x}, reference ${String(y)}`;
    } else {
      const d = diffArrays(`record.${key}`, x, y as ArrayLike<number>);
      if (d) return d;
    }
  }
  return null;
}

/** Step the fast engine and the reference side by side; the first difference (with its day), or null. */
function compareRun(c: EngineConfig, run: number, probe?: ProbeSpec): { diff: string | null; fast: RunRecord } {
  const fast = createRun(c, run);
  const ref = createRun(c, run);
  if (probe) {
    fast.setTactics([...fast.tactics, probeRuntime(probe)]);
    ref.setTactics([...ref.tactics, probeRuntime(probe)]);
  }
  for (let day = 0; day < c.days; day++) {
    stepDay(fast, day);
    referenceStepDay(ref, day);
    // Tiers and streams after every day (cheap); everything once a difference shows, or at the end.
    if (diffDay(fast, ref) !== null) return { diff: `after day ${day}: ${diffStates(fast, ref)}`, fast: fast.rec.rec };
  }
  const d = diffStates(fast, ref);
  if (d) return { diff: `after the last day (${c.days - 1}): ${d} (daily series are day-major: index ÷ 36 or ÷ 6 is the day)`, fast: fast.rec.rec };
  const a = finishRun(fast);
  const b = finishRun(ref);
  return { diff: diffRecords(a, b), fast: a };
}

const only = process.env.REFERENCE_DAY_SCENARIO;

/** What one scenario exercised, so that a generator change that stops testing something is noticed. */
interface Exercised {
  heterogeneous: boolean;
  bgnbd: boolean;
  wordOfMouth: boolean;
  tacticsActing: string[];
}

/**
 * One test per scenario, so that StrykerJS (perTest coverage) runs against a mutant only the scenarios that reach its
 * code: a mutant on the BG/NBD path is not checked on the simple-repeat scenarios. Each records what it exercised
 * here, and the last test checks the mix.
 */
const exercised = new Map<number, Exercised>();

describe('the fast engine equals the reference day, bit for bit', () => {
  const ks = only === undefined ? Array.from({ length: SCENARIOS }, (_, k) => k) : [Number(only)];
  it.each(ks)('random scenario #%i (every tactic alone and in combinations)', (k) => {
    const { json, run } = scenarioFor(k);
    const c = compile(json);
    const { diff, fast } = compareRun(c, run);
    if (diff) {
      throw new Error(
        `scenario #${k} (generator stream "reference-day/${k}", run ${run}): fast engine and reference differ\n${diff}\n` +
          `replay: REFERENCE_DAY_SCENARIO=${k} npx vitest run --project unit tests/sim/reference-day.test.ts\n` +
          `scenario JSON (simulate run ${run}):\n${JSON.stringify(json)}`,
      );
    }
    // A tactic acted if it caused a move or an order.
    const names = causeNames(c);
    const tacticsActing = c.tactics
      .filter((t) => {
        const cause = names.indexOf(t.id);
        let acted = fast.causeOrders[cause]! > 0;
        for (let p = 0; p < 36; p++) acted ||= fast.causeMoves[cause * 36 + p]! > 0;
        return acted;
      })
      .map((t) => t.type);
    exercised.set(k, { heterogeneous: c.heterogeneity, bgnbd: c.repeatModel.kind === 'bgnbd', wordOfMouth: c.wordOfMouth.q > 0, tacticsActing });
  });

  // Reads only what the scenarios above recorded (it runs no product code, so StrykerJS never runs it alone).
  it.skipIf(only !== undefined)(`the ${SCENARIOS} random scenarios exercised every path and every tactic`, () => {
    expect(exercised.size, 'run together with the scenario tests above').toBe(SCENARIOS);
    const all = [...exercised.values()];
    const count = (f: (e: Exercised) => boolean) => all.filter(f).length;
    if (process.env.REFERENCE_DAY_VERBOSE) console.log(JSON.stringify(all));
    expect(count((e) => !e.heterogeneous)).toBeGreaterThan(SCENARIOS / 4);
    expect(count((e) => e.heterogeneous)).toBeGreaterThan(SCENARIOS / 4);
    expect(count((e) => e.bgnbd)).toBeGreaterThan(SCENARIOS / 4);
    expect(count((e) => !e.bgnbd)).toBeGreaterThan(SCENARIOS / 4);
    expect(count((e) => e.wordOfMouth)).toBeGreaterThan(SCENARIOS / 4);
    for (const type of TACTIC_TYPES)
      expect(count((e) => e.tacticsActing.includes(type)), `scenarios in which ${type} caused moves or orders`).toBeGreaterThanOrEqual(Math.ceil((10 * SCENARIOS) / 240));
  });

  const probed = only === undefined ? Array.from({ length: PROBED }, (_, k) => k) : [Number(only)];
  it.each(probed)('random scenario #%i with a probe tactic using every kind of source and mark', (k) => {
    const { json, run } = scenarioFor(PROBE_STREAMS_FROM + k);
    const c = compile(json);
    const probe = probeSpecFor(k, causeNames(c).length);
    const { diff } = compareRun(c, run, probe);
    if (diff) {
      throw new Error(
        `probed scenario #${k} (generator streams "reference-day/${PROBE_STREAMS_FROM + k}" and "reference-day/probe/${k}", run ${run}): fast engine and reference differ\n${diff}\n` +
          `replay: REFERENCE_DAY_SCENARIO=${k} npx vitest run --project unit tests/sim/reference-day.test.ts\n` +
          `scenario JSON (simulate run ${run}):\n${JSON.stringify(json)}\nprobe: ${JSON.stringify(probe)}`,
      );
    }
  });

  it('simulateRunReference is the reference day over a whole run, and equals simulateRun', () => {
    const { json, run } = scenarioFor(ALONE + 1);
    const c = compile(json);
    expect(diffRecords(simulateRun(c, run), simulateRunReference(c, run))).toBeNull();
  });
});
