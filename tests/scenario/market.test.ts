import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioText } from '../../src/scenario/parse';
import { compileScenario } from '../../src/scenario/compile';
import { runDigests } from '../../src/sim/batch';
import { Summary } from '../../src/sim/results/summary';
import type { SimulationResult } from '../../src/sim/results/result';
import type { Stat } from '../../src/sim/results/stats';

/**
 * The market is fixed by the scenario: `agents` (CLI --agents, the app's field, the tests' CHECK_SIZE) changes only
 * the sample. At 20 000 agents the market totals and ROI must match those at the stated size within Monte Carlo error.
 */
const file = join(import.meta.dirname, '../../scenarios/beauty-double11-peak.json');
const parsed = parseScenarioText(readFileSync(file, 'utf8'));
if (!parsed.ok) throw new Error('preset does not parse');
const scenario = parsed.scenario;

function run(agents: number): SimulationResult {
  const cfg = compileScenario(scenario, { agents, runs: 4 });
  const s = new Summary(cfg);
  for (const d of runDigests(cfg, 0, cfg.runs)) s.add(d);
  return s.result();
}

describe('agents change the sample, not the market', () => {
  it('compiles agents × scale to the stated market whatever the agent count', () => {
    const market = scenario.population.agents * scenario.population.scale;
    for (const agents of [1000, 20000, 30000, scenario.population.agents]) {
      const c = compileScenario(scenario, { agents });
      expect(c.agents * c.scale).toBeCloseTo(market, 6);
    }
    expect(compileScenario(scenario).scale).toBe(scenario.population.scale);
  });

  it('gives the stated market’s assets, GMV and ROI at 20 000 agents, within Monte Carlo error', () => {
    const small = run(20000);
    const full = run(scenario.population.agents);
    const n = small.meta.runs;
    // Independent samples (different agent counts draw different streams): the difference of two means has
    // sd √(sd₁²/n + sd₂²/n); allow 4 of those, plus 0.5 % for the rounding of initial shares into whole agents.
    const close = (name: string, a: Stat | null, b: Stat | null) => {
      const tol = 4 * Math.sqrt((a!.sd ** 2 + b!.sd ** 2) / n) + 0.005 * Math.abs(b!.mean);
      expect(Math.abs(a!.mean - b!.mean), `${name}: ${a!.mean} at 20 000 agents vs ${b!.mean} at the stated size (tolerance ${tol})`).toBeLessThan(tol);
    };
    close('assets at start', small.star.S.assetsStart, full.star.S.assetsStart);
    close('assets at end', small.star.S.assetsEnd, full.star.S.assetsEnd);
    close('GMV', small.star.R.gmv, full.star.R.gmv);
    close('cost', small.star.R.cost, full.star.R.cost);
    close('ROI', small.star.R.roi, full.star.R.roi);
  });
});
