import { describe, expect, it } from 'vitest';
import { parseArgs, type CliOptions } from '../../src/cli/args';
import { compileScenario } from '../../src/scenario/compile';
import { simulateRun } from '../../src/sim/step/model';
import { Rng, runKey, seedKey } from '../../src/sim/step/rng';
import { config, scenario } from '../helpers';

/**
 * A seed may be a whole number or a text. Text seeds must name their own random streams: if every text became the
 * same key (say "NaN"), two different text seeds would silently give the same result.
 */
const patch = { days: 20, runs: 2, population: { agents: 1500, scale: 1, heterogeneity: true } };

const tiersOf = (seed: number | string, run = 0) => Array.from(simulateRun(config({ ...patch, seed }), run).tiers);

describe('text seeds', () => {
  it('name distinct random streams', () => {
    expect(seedKey('alpha')).toBe('alpha');
    expect(runKey('alpha', 3)).toBe('alpha/run-3');
    expect(runKey('alpha', 0)).not.toBe(runKey('beta', 0));
    const draws = (key: string) => Array.from({ length: 5 }, ((r) => () => r.next())(new Rng(key)));
    expect(draws('alpha/run-0/moves')).not.toEqual(draws('beta/run-0/moves'));
    expect(draws('alpha/run-0/moves')).toEqual(draws('alpha/run-0/moves'));
  });

  it('two different text seeds in a scenario give different runs; the same text seed gives the same run', () => {
    expect(tiersOf('alpha')).toEqual(tiersOf('alpha'));
    expect(tiersOf('alpha')).not.toEqual(tiersOf('beta'));
    // Texts that are not numbers are not confused with one another or with a number.
    expect(tiersOf('alpha')).not.toEqual(tiersOf(0));
  });

  it('a text seed given as an override (command line, app) is kept as that text', () => {
    const s = scenario({ ...patch, seed: 5 });
    const a = compileScenario(s, { seed: 'spring-plan' });
    const b = compileScenario(s, { seed: 'autumn-plan' });
    expect(a.seed).toBe('spring-plan');
    expect(b.seed).toBe('autumn-plan');
    expect(Array.from(simulateRun(a, 0).tiers)).not.toEqual(Array.from(simulateRun(b, 0).tiers));
    expect(Array.from(simulateRun(a, 0).tiers)).toEqual(Array.from(simulateRun(compileScenario(s, { seed: 'spring-plan' }), 0).tiers));
  });

  it('--seed keeps a text as text and reads digits as a number', () => {
    const seedOf = (v: string) => (parseArgs(['x.json', '--seed', v]) as CliOptions).seed;
    expect(seedOf('alpha')).toBe('alpha');
    expect(seedOf('beta')).toBe('beta');
    expect(seedOf('42')).toBe(42);
    expect(seedOf('4294967296')).toBe('4294967296');
  });
});
