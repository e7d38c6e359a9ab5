import type { BatchResult } from '../../planner/batch';
import type { RunTotals } from '../../planner/figures';
import type { ValidationError } from '../../scenario/validate';
import type { EngineConfig } from '../../sim';

/**
 * Messages between the Planner view and its worker (planner.worker.ts). The worker validates the batch, runs its mean
 * field and assembles the result; with `pooled`, each Monte Carlo job's runs are asked of the page (`mc`), which runs
 * them on the app's worker pool (the dashboard's, in parallel) and answers with the per-run totals (`mcDone`).
 */
export type PlannerRequest =
  | {
      type: 'start';
      /** A batch file's content with the scenario inline. */
      batch: Record<string, unknown>;
      pooled: boolean;
    }
  | { type: 'mcDone'; id: number; totals: RunTotals }
  | { type: 'mcFailed'; id: number; message: string };

export type PlannerMessage =
  | { type: 'progress'; phase: 'meanField' | 'jobs' | 'seek' | 'queued'; job: number; jobs: number; run: number; runs: number }
  | { type: 'mc'; id: number; config: EngineConfig; phase: 'jobs' | 'seek'; job: number; jobs: number }
  | { type: 'invalid'; errors: ValidationError[] }
  | { type: 'failed'; message: string }
  | { type: 'done'; result: BatchResult };
