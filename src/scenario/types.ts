import type { Text } from '../lib/text';
import type { Schedule } from '../sim';

/** A text in scenario files: plain, or one per language. */
export type LocalText = string | Partial<Text>;

export type TierShares = { R0: number; R1: number; R2: number; R3: number; R4: number; R5: number };

export type RepeatModel = { kind: 'simple' } | { kind: 'bgnbd'; r: number; alpha: number; a: number; b: number };

export interface TacticEntry {
  id: string;
  type: string;
  schedule: Schedule;
  [param: string]: unknown;
}

/** A validated scenario (see scenarios/README.md for every field). */
export interface Scenario {
  schemaVersion: 1;
  id: string;
  name: LocalText;
  description: LocalText;
  sources: string[];
  industry: string;
  startDate: string;
  days: number;
  seed: number | string;
  runs: number;
  population: { agents: number; scale: number; initial: TierShares; heterogeneity: boolean };
  baseline: {
    forward: { R0: number; R1: number; R2: number; R3: number; R4: number };
    reverse: { R1: number; R2: number; R3: number; R4: number; R5: number };
    repeat: number;
    purchaseHeadroom: number;
    repeatModel: RepeatModel;
    orderValue: { mean: number; sd: number };
  };
  seasonality: 'none' | 'industry' | number[];
  margin: number | null;
  wordOfMouth: { q: number; sources: string[] };
  /** Absent in scenarios made before the field existed: treated as the default (assumptions on). */
  uncertainty?: { assumptions: boolean; fixed: string[] };
  tactics: TacticEntry[];
}
