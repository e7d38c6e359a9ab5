import type { SimPool } from '../../worker/pool';
import type { AppState } from '../state/app.svelte';
import { pieceStats } from './in-pieces';

/**
 * A hook for the end-to-end tests, installed only with `?debug` in the URL: it lets a test break a worker on purpose
 * (to check the pool recovers) and read the last result's exact JSON.
 */
export interface StarDebug {
  failWorker(kind: 'throw' | 'oom'): Promise<string>;
  /** Make a busy worker report a crash, as the browser does when a worker dies (e.g. out of memory). */
  crashWorker(message: string): boolean;
  resultJson(): string | null;
  status(): string;
  compareStatus(): string;
  poolSize: number;
  /** Where the work went: runs finished by each worker, and the main thread's pieces and turns given back. */
  work(): { runsByWorker: number[]; pieces: number; yields: number };
}

export function installDebugHook(app: AppState, pool: SimPool): void {
  const hook: StarDebug = {
    async failWorker(kind) {
      try {
        await pool.failOne(kind);
        return 'no failure';
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    },
    crashWorker(message) {
      // Reaches into the pool's clients on purpose (test only): the same 'error' event a dying worker fires.
      const clients = (pool as unknown as { clients: Array<{ worker: Worker | null }> }).clients;
      const w = clients.find((c) => c.worker)?.worker;
      if (!w) return false;
      w.dispatchEvent(new ErrorEvent('error', { message }));
      return true;
    },
    resultJson: () => (app.runner.result ? JSON.stringify(app.runner.result) : null),
    status: () => app.runner.status,
    compareStatus: () => app.compare.status,
    poolSize: pool.size,
    work: () => ({ runsByWorker: [...pool.runsByWorker], pieces: pieceStats.pieces, yields: pieceStats.yields }),
  };
  (window as unknown as { __starDebug: StarDebug }).__starDebug = hook;
}
