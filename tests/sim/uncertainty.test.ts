import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenario/compile';
import { parseScenarioText } from '../../src/scenario/parse';
import { noiseOnly, uncertaintyResult } from '../../src/sim/results/uncertainty';
import { runAll } from '../helpers';

function preset(file: string) {
  const p = parseScenarioText(readFileSync(`scenarios/${file}`, 'utf8'));
  if (!p.ok) throw new Error(file);
  return p.scenario;
}

describe('two bands: simulation noise, and noise + assumptions', () => {
  // A preset as shipped (assumptions on), small: the market stays the preset's, only the sample shrinks.
  const c = compileScenario(preset('teaching-livestream.json'), { agents: 4000, runs: 30, days: 120 });
  const plan = runAll(c);
  const noise = runAll(noiseOnly(c));
  // Computed in each test, not here: StrykerJS switches a mutant on when the tests start, after describe bodies ran.
  const bands = () => uncertaintyResult(c, plan, null, noise, null);

  it('the noise + assumptions spread is wider than the noise-only one and holds its middle, for every headline figure', () => {
    const u = bands();
    expect(u.drawn).toBeGreaterThan(10);
    for (const k of ['R.gmv', 'S.assetsEnd', 'T.count.R5']) {
      const a = u.figures[k]!.assumptions!;
      const n = u.figures[k]!.noise!;
      // Draws of asymmetric ranges shift the runs, so the wider band need not hold both ends of the narrower one;
      // it must hold its middle, and be wider.
      const mid = (n.p05 + n.p95) / 2;
      expect(a.p05, k).toBeLessThanOrEqual(mid);
      expect(a.p95, k).toBeGreaterThanOrEqual(mid);
      expect(a.p95 - a.p05, k).toBeGreaterThan(n.p95 - n.p05);
      expect(a.ci90![1] - a.ci90![0], k).toBeGreaterThan(n.ci90![1] - n.ci90![0]);
    }
  });

  it('the noise-only band is exactly the result with draws off', () => {
    const off = runAll(compileScenario(preset('teaching-livestream.json'), { agents: 4000, runs: 30, days: 120, assumptions: false }));
    expect(Array.from(noise.figure('R.gmv'))).toEqual(Array.from(off.figure('R.gmv')));
  });

  it('ranks drivers for GMV, assets and R5', () => {
    const u = bands();
    expect(Object.keys(u.drivers)).toEqual(['gmv', 'assets', 'r5']);
    const d = u.drivers.gmv!;
    expect(d.length).toBeGreaterThan(0);
    expect(Math.abs(d[0]!.prcc!)).toBeGreaterThanOrEqual(Math.abs(d[d.length - 1]!.prcc ?? 0));
  });
});
