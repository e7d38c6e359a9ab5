import type { MeanFieldResult } from '../../sim';
import type { SimulationResult } from '../../sim';
import type { Scenario } from '../../scenario/types';
import type { TimeWindow } from '../../charts/types';

/** What every dashboard section draws from: the Monte Carlo result (maybe partial), the projection, the calendar. */
export interface DashData {
  result: SimulationResult | null;
  projection: MeanFieldResult | null;
  scenario: Scenario;
  startDay: number;
  days: number;
  windows: TimeWindow[];
  /** Tactic ids in the result's order (causes after the built-in ones). */
  tacticIds: string[];
}

export const BAND_OPACITY = 0.16;
