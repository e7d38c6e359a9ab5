import { compileScenario } from '../src/scenario/compile';
import { validateScenario, formatErrors } from '../src/scenario/parse';
import type { Scenario } from '../src/scenario/types';
import type { EngineConfig } from '../src/sim/config';
import { runDigests } from '../src/sim/batch';
import { Summary } from '../src/sim/results/summary';

type Json = Record<string, unknown>;

/**
 * A small valid scenario; `patch` is merged one level deep into its top-level objects. Its parameters are fixed
 * (assumption draws off), so oracle and invariant tests compare with closed forms at the stated values; tests of the
 * draws turn them on with `uncertainty: { assumptions: true }`.
 */
export function scenarioJson(patch: Json = {}): Json {
  const base: Json = {
    schemaVersion: 1,
    id: 'test',
    name: 'Test',
    startDate: '2026-03-02',
    days: 60,
    seed: 11,
    runs: 4,
    population: {
      agents: 5000,
      scale: 1,
      initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.06, R5: 0.04 },
      heterogeneity: false,
    },
    baseline: {
      forward: { R0: 0.002, R1: 0.02, R2: 0.01, R3: 0.01, R4: 0.01 },
      reverse: { R1: 0.01, R2: 0.01, R3: 0.005, R4: 0.004, R5: 0.006 },
      repeat: 0.02,
      repeatModel: { kind: 'simple' },
      orderValue: { mean: 100, sd: 50 },
    },
    uncertainty: { assumptions: false },
    tactics: [],
  };
  for (const [k, v] of Object.entries(patch)) {
    const b = base[k];
    base[k] = b && typeof b === 'object' && !Array.isArray(b) && v && typeof v === 'object' && !Array.isArray(v) ? { ...(b as Json), ...(v as Json) } : v;
  }
  return base;
}

export function scenario(patch: Json = {}): Scenario {
  const r = validateScenario(scenarioJson(patch));
  if (!r.ok) throw new Error('test scenario invalid:\n' + formatErrors(r.errors));
  return r.scenario;
}

export function config(patch: Json = {}): EngineConfig {
  return compileScenario(scenario(patch));
}

/**
 * The market the tactic tests measure against (tactics.test.ts, shapley.test.ts): a heterogeneous population at
 * scale 10 with word of mouth and livelier base rates than scenarioJson's, so each tactic's effect shows in a few runs.
 * Each test file chooses its length, runs, seed and population size.
 */
export function tacticMarket({ days, runs, seed, agents }: { days: number; runs: number; seed: number; agents: number }) {
  return {
    days,
    runs,
    seed,
    population: { agents, scale: 10, initial: { R0: 0.6, R1: 0.15, R2: 0.1, R3: 0.08, R4: 0.04, R5: 0.03 }, heterogeneity: true },
    baseline: {
      forward: { R0: 0.001, R1: 0.01, R2: 0.004, R3: 0.005, R4: 0.006 },
      reverse: { R1: 0.01, R2: 0.008, R3: 0.004, R4: 0.003, R5: 0.004 },
      repeat: 0.01,
      repeatModel: { kind: 'simple' },
      orderValue: { mean: 200, sd: 100 },
    },
    wordOfMouth: { q: 0.02, sources: ['R4', 'R5'] },
  };
}

/** Run every run of a config in this process and summarise. */
export function runAll(c: EngineConfig): Summary {
  const s = new Summary(c);
  for (const d of runDigests(c, 0, c.runs)) s.add(d);
  return s;
}

/** x · P for a row vector and a square matrix. */
export function vecMat(x: number[], p: number[][]): number[] {
  return p[0]!.map((_, j) => x.reduce((acc, xi, i) => acc + xi * p[i]![j]!, 0));
}

/** A still population's baseline: no baseline moves, no own purchases — only the tactics act (engine-path tests). */
export const STILL_BASELINE = {
  forward: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0 },
  reverse: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 0 },
  repeat: 0,
  repeatModel: { kind: 'simple' },
  orderValue: { mean: 100, sd: 0 },
};
