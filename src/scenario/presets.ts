import { compileScenario } from './compile';
import type { EngineConfig } from '../sim/config';
import type { SimulationResult } from '../sim/result';
import type { Scenario } from './types';

/** Size at which golden summaries and plausibility checks run the presets (the same everywhere, so they compare). */
export const CHECK_SIZE = { agents: 20000, runs: 3 } as const;

export function checkConfig(s: Scenario): EngineConfig {
  return compileScenario(s, { agents: CHECK_SIZE.agents, runs: CHECK_SIZE.runs });
}

function sig(x: number | null | undefined): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  return x === 0 ? 0 : Number(x.toPrecision(4));
}

/**
 * The golden summary of a preset: the headline figures a change to the engine or a preset would move — STAR
 * totals, tier counts, and each cause's and tactic's account — rounded to 4 significant digits.
 */
export function goldenSummary(r: SimulationResult): Record<string, unknown> {
  const st = r.star;
  return {
    scenario: r.meta.scenarioId,
    size: { agents: r.meta.agents, runs: r.meta.runs, days: r.meta.days },
    S: { assetsStart: sig(st.S.assetsStart?.mean), assetsEnd: sig(st.S.assetsEnd?.mean), newAssets: sig(st.S.newAssets?.mean) },
    T: Object.fromEntries(Object.entries(st.T.count).map(([k, v]) => [k, sig(v?.mean)])),
    A: Object.fromEntries(['R0>R1', 'R1>R2', 'R2>R3', 'R3>R4', 'R4>R5', 'R5>R4'].map((k) => [k, sig(st.A.weekly[k]?.mean)])),
    R: { gmv: sig(st.R.gmv?.mean), orders: sig(st.R.orders?.mean), cost: sig(st.R.cost?.mean), roi: sig(st.R.roi?.mean), repurchaseRate: sig(st.R.repurchaseRate?.mean) },
    causes: Object.fromEntries(Object.entries(r.byCause).map(([k, c]) => [k, { moves: sig(c.moves?.mean), orders: sig(c.orders?.mean), gmv: sig(c.gmv?.mean), cost: sig(c.cost?.mean) }])),
    tactics: Object.fromEntries(Object.entries(r.tactics).map(([k, m]) => [k, Object.fromEntries(Object.entries(m).map(([mk, s]) => [mk, sig(s?.mean)]))])),
  };
}
