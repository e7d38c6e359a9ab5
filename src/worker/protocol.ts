import type { EngineConfig } from '../sim/config';
import type { RunDigest } from '../sim/digest';
import type { MeanFieldResult } from '../sim/meanfield';

/**
 * The one typed boundary between the UI thread and the simulation workers. Only plain data crosses: the engine
 * config in, run digests (typed arrays, transferred) and mean-field projections out.
 */
export interface SimWorkerApi {
  /** Simulate runs [from, to) of a config and return their digests in run order. */
  runDigests(config: EngineConfig, from: number, to: number): Promise<RunDigest[]>;
  /** The mean-field projection (milliseconds). */
  meanField(config: EngineConfig): Promise<MeanFieldResult>;
  /** For tests of failure handling: throws inside the worker, or exhausts its memory. */
  fail(kind: 'throw' | 'oom'): Promise<never>;
}
