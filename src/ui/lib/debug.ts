import type { SimPool } from '../../worker/pool';
import type { AppState } from '../state/app.svelte';
import { pieceStats } from './in-pieces';
import { noiseOnly } from '../../sim';

/**
 * A hook for the end-to-end tests, installed only with `?debug` in the URL: it lets a test break a worker on purpose
 * (to check the pool recovers) and read the last result's exact JSON.
 */
export interface StarDebug {
  failWorker(kind: 'throw'): Promise<string>;
  /** Make a busy worker report a crash, as the browser does when a worker dies (e.g. out of memory). */
  crashWorker(message: string): boolean;
  /** The next `n` workers started fail to load their script (as when the page went offline after it loaded). */
  breakWorkerLoads(n: number): void;
  /** Each worker of the pool: not started, loading its script, or ready. */
  workerStates(): string[];
  resultJson(): string | null;
  status(): string;
  compareStatus(): string;
  /** Every status the app holds, for tests that check they agree with what is shown. */
  statuses(): { runner: string; contrib: string; compare: string; runnerFailure: string | null; compareFailure: string | null };
  poolSize: number;
  /** Where the work went: runs finished by each worker, and the main thread's pieces and turns given back. */
  work(): { runsByWorker: number[]; pieces: number; yields: number };
  /**
   * Forget the last plan's own summary and its noise-only twin (not its do-nothing baseline), so that running it
   * again times the plan's own runs with the baseline cached, as after an edit of a tactic (the browser bench).
   */
  forgetPlanRuns(): number;
}

export function installDebugHook(app: AppState, pool: SimPool): void {
  const hook: StarDebug = {
    async failWorker(kind) {
      try {
        if (kind !== 'throw') throw new Error(`unknown failure kind ${String(kind)}`);
        await pool.failOne();
        return 'no failure';
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    },
    crashWorker: (message) => pool.crashOne(message),
    breakWorkerLoads: (n) => pool.breakNextStarts(n),
    workerStates: () => pool.workerStates(),
    resultJson: () => (app.runner.result ? JSON.stringify(app.runner.result) : null),
    status: () => app.runner.status,
    compareStatus: () => app.compare.status,
    statuses: () => ({
      runner: app.runner.status,
      contrib: app.runner.contribStatus,
      compare: app.compare.status,
      runnerFailure: app.runner.failure?.kind ?? null,
      compareFailure: app.compare.failure?.kind ?? null,
    }),
    poolSize: pool.size,
    work: () => ({ runsByWorker: [...pool.runsByWorker], pieces: pieceStats.pieces, yields: pieceStats.yields }),
    forgetPlanRuns: () => {
      const config = app.runner.config;
      if (!config) return 0;
      return [config, noiseOnly(config)].filter((c) => app.runner.baselines.delete(c)).length;
    },
  };
  (window as unknown as { __starDebug: StarDebug }).__starDebug = hook;
}
