import type { EngineConfig } from '../sim';
import type { RunDigest } from '../sim';
import type { MeanFieldResult } from '../sim';

/**
 * The one typed boundary between the UI thread and the simulation workers. Only plain data crosses: the engine
 * config in, run digests (typed arrays, transferred) and mean-field projections out.
 */
export interface SimWorkerApi {
  /**
   * Simulate runs [from, to) of a config and return their digests in run order. With `reportEveryMs`, the worker
   * posts a `progress` notice (run, days done) at most that often while it works; the digests are the same either way.
   */
  runDigests(config: EngineConfig, from: number, to: number, reportEveryMs?: number): Promise<RunDigest[]>;
  /** The mean-field projection (milliseconds). */
  meanField(config: EngineConfig): Promise<MeanFieldResult>;
  /**
   * For tests of failure handling: throws inside the worker. (A worker dying, e.g. out of memory, is simulated on the
   * page's side, `SimPool.crashOne`: nothing in the shipped worker exhausts memory on request.)
   */
  fail(): Promise<never>;
}

/**
 * Messages a worker posts by itself, next to comlink's answers (comlink ignores them: they carry no call id).
 * `ready` comes once the worker's script has loaded and runs, so an error before it is a failure to load, not a
 * crash; `progress` tells how far the run in hand has got.
 */
export type WorkerNotice = { star: 'ready' } | { star: 'progress'; run: number; daysDone: number };

export function isWorkerNotice(data: unknown): data is WorkerNotice {
  return typeof data === 'object' && data !== null && 'star' in data && ((data as WorkerNotice).star === 'ready' || (data as WorkerNotice).star === 'progress');
}
