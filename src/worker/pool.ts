import type { EngineConfig } from '../sim/config';
import type { RunDigest } from '../sim/digest';
import type { MeanFieldResult } from '../sim/meanfield';
import { Summary } from '../sim/summary';
import { RunOrder } from '../sim/run-order';
import { CancelledError, WorkerClient } from './client';

export interface PoolProgress {
  done: number;
  total: number;
  /**
   * The summary so far (runs 0 … summary.added − 1, in run order), so the app can draw bands while runs finish. Read
   * it (result(), series()); never add to it. The final summary is the same object, so the result is unchanged.
   */
  summary?: Summary;
}

/**
 * A pool of simulation workers sized to the machine. Runs are handed out in small batches to whichever worker is
 * free; digests are added to the summary strictly in run order (a reorder buffer), so the browser gives the same
 * bytes as the command line for the same scenario and seed. Cancel terminates every worker at once; a worker that
 * fails rejects the run with its message, and the pool starts fresh workers for the next run.
 */
export class SimPool {
  private clients: WorkerClient[];
  private generation = 0;
  /** Runs each worker has finished since the pool started: lets a test see that the work really is spread. */
  readonly runsByWorker: number[];

  constructor(readonly size = Math.max(1, Math.min(8, (globalThis.navigator?.hardwareConcurrency ?? 2) || 2))) {
    this.clients = Array.from({ length: size }, () => new WorkerClient());
    this.runsByWorker = new Array<number>(size).fill(0);
  }

  /** Run every Monte Carlo run of a config; resolves with the summary, rejects on failure or cancel. */
  run(config: EngineConfig, onProgress?: (p: PoolProgress) => void, batch = 1): Promise<Summary> {
    const gen = ++this.generation;
    const summary = new Summary(config);
    const inOrder = new RunOrder(summary);
    let next = 0;
    let done = 0;
    return new Promise<Summary>((resolve, reject) => {
      let settled = false;
      const stop = (e: Error) => {
        if (settled) return;
        settled = true;
        if (!(e instanceof CancelledError)) this.reset();
        reject(e);
      };
      const work = async (client: WorkerClient, index: number): Promise<void> => {
        while (!settled && next < config.runs) {
          const from = next;
          const to = Math.min(config.runs, from + batch);
          next = to;
          let digests: RunDigest[];
          try {
            digests = await client.call((api) => api.runDigests(config, from, to));
          } catch (e) {
            return stop(e instanceof Error ? e : new Error(String(e)));
          }
          if (settled || gen !== this.generation) return;
          this.runsByWorker[index] += digests.length;
          for (const d of digests) inOrder.push(d);
          done += digests.length;
          onProgress?.({ done, total: config.runs, summary });
          if (done === config.runs) {
            settled = true;
            resolve(summary);
          }
        }
      };
      this.clients.forEach((c, i) => void work(c, i));
    });
  }

  meanField(config: EngineConfig): Promise<MeanFieldResult> {
    return this.clients[0]!.call((api) => api.meanField(config));
  }

  /** Cancel whatever runs now: terminate every worker (fresh ones start on the next run). */
  cancel(): void {
    this.generation++;
    for (const c of this.clients) c.terminate();
  }

  /** After a failure: throw away every worker so the next run starts clean. */
  private reset(): void {
    this.generation++;
    for (const c of this.clients) c.terminate();
  }

  /** For tests of failure handling. */
  failOne(kind: 'throw' | 'oom'): Promise<never> {
    return this.clients[0]!.call((api) => api.fail(kind));
  }
}
