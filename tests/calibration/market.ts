import { applyIndustry } from '../../src/scenario/apply-industry';
import { compileScenario } from '../../src/scenario/compile';
import type { IndustryId } from '../../src/scenario/industries';
import { formatErrors, validateScenario } from '../../src/scenario/parse';
import type { Scenario } from '../../src/scenario/types';
import type { EngineConfig } from '../../src/sim/config';

/**
 * A market of one industry (the calibration suite's and the industry plausibility table's): a year from 1 January 2026
 * unless `over` says otherwise, `people` customers in all (20 000 agents), typical starting
 * tiers, heterogeneous customers, the industry's baseline flows, order values and seasonality, and the tactics given.
 */
export function market(industry: IndustryId, people: number, tactics: Record<string, unknown>[], over: Record<string, unknown> = {}): EngineConfig {
  const json = {
    schemaVersion: 1,
    id: `calibration-${industry}`,
    name: 'Calibration',
    startDate: '2026-01-01',
    days: 365,
    seed: 2026,
    runs: 4,
    population: { agents: 20000, scale: people / 20000, initial: { R0: 0.6, R1: 0.15, R2: 0.1, R3: 0.08, R4: 0.04, R5: 0.03 }, heterogeneity: true },
    baseline: {
      forward: { R0: 0.001, R1: 0.01, R2: 0.004, R3: 0.004, R4: 0.004 },
      reverse: { R1: 0.008, R2: 0.006, R3: 0.003, R4: 0.003, R5: 0.004 },
      repeat: 0.01,
      repeatModel: { kind: 'simple' },
      orderValue: { mean: 100, sd: 50 },
    },
    uncertainty: { assumptions: false },
    tactics,
    ...over,
  };
  const r = validateScenario(json);
  if (!r.ok) throw new Error(`${json.id}: ${formatErrors(r.errors)}`);
  return compileScenario(applyIndustry(r.scenario as Scenario, industry));
}
