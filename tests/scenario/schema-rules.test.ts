import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/parse';
import { scenarioJson } from '../helpers';

/** The scenario format's own rules (seed, seasonality, shares, repeat + lapse, work limit) at their edges, by hand. */
type Json = Record<string, unknown>;
function errors(patch: Json) {
  const r = validateScenario(scenarioJson(patch));
  return r.ok ? [] : r.errors;
}
const base = scenarioJson().baseline as Json;

describe('seed: a whole number 0…2³² − 1 or a text of 1–64 characters', () => {
  it('takes both ends of each range', () => {
    for (const seed of [0, 4294967295, 'a', 'x'.repeat(64)]) expect(errors({ seed }), String(seed)).toEqual([]);
  });

  it('refuses what lies just outside, with what it got', () => {
    const msg = 'expected a whole number 0…4 294 967 295 or a text of 1–64 characters, got ';
    expect(errors({ seed: 4294967296 })).toEqual([{ path: 'seed', message: msg + '4294967296' }]);
    expect(errors({ seed: -1 })).toEqual([{ path: 'seed', message: msg + '-1' }]);
    expect(errors({ seed: 1.5 })).toEqual([{ path: 'seed', message: msg + '1.5' }]);
    expect(errors({ seed: '' })).toEqual([{ path: 'seed', message: msg + '""' }]);
    expect(errors({ seed: 'x'.repeat(65) })).toEqual([{ path: 'seed', message: msg + JSON.stringify('x'.repeat(65)) }]);
    expect(errors({ seed: [1] })).toEqual([{ path: 'seed', message: msg + '[1]' }]);
  });
});

describe('seasonality', () => {
  it('takes "none", "industry" and 52 or 53 indices from 0 to 10, and keeps its own copy', () => {
    expect(errors({ seasonality: 'industry' })).toEqual([]);
    const weeks = Array.from({ length: 53 }, (_, k) => (k % 2 ? 0 : 10));
    const r = validateScenario(scenarioJson({ seasonality: weeks }));
    expect(r.ok && r.scenario.seasonality).toEqual(weeks);
    expect(r.ok && r.scenario.seasonality).not.toBe(weeks);
  });

  it('names every index out of range, and anything else says what is expected', () => {
    const weeks: unknown[] = new Array(52).fill(1);
    weeks[3] = 10.5;
    weeks[9] = '2';
    weeks[11] = -0.1;
    expect(errors({ seasonality: weeks })).toEqual([
      { path: 'seasonality[3]', message: 'expected a demand index from 0 to 10, got 10.5' },
      { path: 'seasonality[9]', message: 'expected a demand index from 0 to 10, got "2"' },
      { path: 'seasonality[11]', message: 'expected a demand index from 0 to 10, got -0.1' },
    ]);
    // From the editor (not a file), a value can be NaN: refused too.
    expect(errors({ seasonality: new Array(52).fill(1).map((v, i) => (i === 0 ? NaN : v)) })).toEqual([
      { path: 'seasonality[0]', message: 'expected a demand index from 0 to 10, got null' },
    ]);
    expect(errors({ seasonality: 'summer' })).toEqual([
      { path: 'seasonality', message: 'expected "none", "industry", or an array of 52 or 53 weekly demand indices (0–10, 1 = an average week)' },
    ]);
  });
});

describe('cross-field rules', () => {
  it('starting shares may miss 1 by rounding (10⁻⁶), not more', () => {
    const initial = { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.06, R5: 0.04 };
    expect(errors({ population: { ...(scenarioJson().population as Json), initial: { ...initial, R0: 0.5 + 5e-7 } } })).toEqual([]);
    expect(errors({ population: { ...(scenarioJson().population as Json), initial: { ...initial, R0: 0.5 + 2e-6 } } })).toEqual([
      { path: 'population.initial', message: 'shares sum to 1.000002, expected 1' },
    ]);
  });

  it('an R5 customer’s daily purchase and lapse chances add up to at most 1', () => {
    const reverse = { ...(base.reverse as Json), R5: 0.4 };
    expect(errors({ baseline: { ...base, reverse, repeat: 0.6 } })).toEqual([]);
    expect(errors({ baseline: { ...base, reverse, repeat: 0.7 } })).toEqual([{ path: 'baseline.repeat', message: 'repeat + reverse.R5 = 1.1, expected at most 1' }]);
  });

  it('agents × days × runs may reach the work limit of 2·10¹², not pass it', () => {
    const pop = { ...(scenarioJson().population as Json), agents: 5_000_000 };
    expect(errors({ population: pop, days: 400, runs: 1000 })).toEqual([]);
    expect(errors({ population: pop, days: 400, runs: 1001 })).toEqual([{ path: 'runs', message: 'agents × days × runs = 2.00e+12 exceeds the work limit of 2e+12' }]);
  });
});
