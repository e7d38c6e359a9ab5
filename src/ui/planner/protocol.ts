import type { BatchResult } from '../../planner/batch';
import type { ValidationError } from '../../scenario/validate';

/** Messages between the Planner view and its worker (planner.worker.ts). */
export interface PlannerRequest {
  /** A batch file's content with the scenario inline. */
  batch: Record<string, unknown>;
}

export type PlannerMessage =
  | { type: 'progress'; phase: 'meanField' | 'jobs' | 'seek'; job: number; jobs: number; run: number; runs: number }
  | { type: 'invalid'; errors: ValidationError[] }
  | { type: 'failed'; message: string }
  | { type: 'done'; result: BatchResult };
