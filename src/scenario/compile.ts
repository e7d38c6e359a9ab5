import type { EngineConfig } from '../sim';
import { parseIsoDate } from '../sim';
import { apportion } from '../sim';
import { resolveSchedule, type Schedule } from '../sim';
import { TIERS } from '../sim';
import { demandIndex, INDUSTRIES, type IndustryId } from './industries';
import type { Scenario } from './types';
import { assumptionRanges } from './assumptions';

/**
 * Overrides from the command line or the app (runs, seed, days, agents), applied after validation. `agents` changes
 * only the sample: the scale is recomputed so agents × scale stays the market the scenario states
 * (`population.agents × population.scale`).
 */
export interface Overrides {
  runs?: number;
  seed?: number | string;
  days?: number;
  agents?: number;
  /** Draw assumed parameters per run (overrides the scenario's `uncertainty.assumptions`). */
  assumptions?: boolean;
}

/**
 * Turn a validated scenario into the engine's plain-number config: tier shares into whole agents, schedules into
 * per-day effort, seasonality into a per-day demand index.
 */
export function compileScenario(s: Scenario, o: Overrides = {}): EngineConfig {
  const days = o.days ?? s.days;
  const agents = o.agents ?? s.population.agents;
  // The market is fixed by the scenario; fewer agents means more noise, not a smaller market.
  const scale = agents === s.population.agents ? s.population.scale : (s.population.agents * s.population.scale) / agents;
  const startDay = parseIsoDate(s.startDate)!;
  const shares = TIERS.map((t) => s.population.initial[t]);
  const b = s.baseline;
  const industry = INDUSTRIES[s.industry as IndustryId] ?? INDUSTRIES.custom;
  let demand: number[];
  if (s.seasonality === 'none') demand = new Array<number>(days).fill(1);
  else if (s.seasonality === 'industry') demand = demandIndex(industry.weekly, industry.festivalLift, startDay, days);
  else demand = demandIndex(s.seasonality, {}, startDay, days);
  const wom = new Array<boolean>(6).fill(false);
  for (const t of s.wordOfMouth.sources) wom[TIERS.indexOf(t as (typeof TIERS)[number])] = true;
  return {
    scenarioId: s.id,
    seed: String(o.seed ?? s.seed),
    runs: o.runs ?? s.runs,
    days,
    startDay,
    agents,
    scale,
    initialCounts: apportion(shares, agents),
    heterogeneity: s.population.heterogeneity,
    forward: [b.forward.R0, b.forward.R1, b.forward.R2, b.forward.R3, b.forward.R4, 0],
    reverse: [0, b.reverse.R1, b.reverse.R2, b.reverse.R3, b.reverse.R4, b.reverse.R5],
    repeat: b.repeat,
    purchaseHeadroom: b.purchaseHeadroom,
    repeatModel:
      b.repeatModel.kind === 'bgnbd'
        ? { kind: 'bgnbd', r: b.repeatModel.r, alpha: b.repeatModel.alpha, a: b.repeatModel.a, b: b.repeatModel.b }
        : { kind: 'simple', r: 0, alpha: 0, a: 0, b: 0 },
    orderValue: { mean: b.orderValue.mean, sd: b.orderValue.sd },
    margin: s.margin ?? null,
    demand,
    wordOfMouth: { q: s.wordOfMouth.q, sources: wom },
    tactics: s.tactics.map((t) => {
      const { id, type, schedule, ...params } = t;
      return { id, type, params, schedule: resolveSchedule(schedule as Schedule, startDay, days) };
    }),
    assumptions: assumptionRanges(o.assumptions === undefined ? s : { ...s, uncertainty: { fixed: [], ...s.uncertainty, assumptions: o.assumptions } }),
  };
}
