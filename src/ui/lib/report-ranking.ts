import type { BatchResult } from '../../planner/batch';
import { tornadoRanking, type MeanFieldTornado, type MonteCarloTornado, type RankedAssumption } from '../../planner/tornado';
import type { Scenario } from '../../scenario/types';
import { scenarioHash } from '../planner/saved';

/**
 * What the report ranks its "assumptions that matter most" by: a tornado of its headline figure, ΔGMV
 * (src/planner/tornado.ts), either the Planner's saved one or one computed for the report
 * (src/ui/report/tornado-ranking.svelte.ts runs it).
 */
/** The figure the report's headline leads with, and so the one its assumptions are ranked by. */
export const REPORT_TORNADO_FIGURE = 'incremental.gmv';

/** Where a report's ranking came from: the Planner's saved tornado of this very scenario, or computed for the report. */
export interface ReportRanking {
  source: 'saved' | 'computed';
  /** When the saved tornado ran (ISO), for a saved one. */
  savedAt: string | null;
  /** Bars run by Monte Carlo (0: mean field only), on how many runs. */
  mcTop: number;
  runs: number | null;
  bars: RankedAssumption[];
}

export type TornadoResult = { meanField: MeanFieldTornado; monteCarlo: MonteCarloTornado | null };

/** A saved Planner result is a tornado of the report's figure for a scenario with this hash. */
export function usableTornado(saved: { scenarioJson: string; result: BatchResult } | undefined, hash: string): TornadoResult | null {
  if (!saved || saved.result.kind !== 'tornado') return null;
  const r = saved.result.result as TornadoResult;
  if (r.meanField?.figure !== REPORT_TORNADO_FIGURE) return null;
  try {
    return scenarioHash(JSON.parse(saved.scenarioJson) as Scenario) === hash ? r : null;
  } catch {
    return null;
  }
}

export function rankingFrom(r: TornadoResult, source: 'saved' | 'computed', savedAt: string | null): ReportRanking {
  const mc = r.monteCarlo;
  return { source, savedAt, mcTop: mc?.bars.length ?? 0, runs: mc?.runs ?? null, bars: tornadoRanking(r) };
}

