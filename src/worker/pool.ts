import type { EngineConfig } from '../sim';
import type { RunDigest } from '../sim';
import type { MeanFieldResult } from '../sim';
import { Summary } from '../sim';
import { RunOrder } from '../sim';
import { CancelledError, WorkerClient, type WorkerLike } from './client';

export interface PoolProgress {
  /** Runs finished, of `total`. */
  done: number;
  total: number;
  /** Days in one run. */
  days: number;
  /** Runs being simulated now (one per busy worker), and the days they have done between them. */
  running: number;
  runningDays: number;
  /** Every day simulated so far, of total × days: finished runs and the days done in the runs in flight. */
  daysDone: number;
  /**
   * The summary so far (runs 0 … summary.added − 1, in run order), so the app can draw bands while runs finish. Read
   * it (result(), series()); never add to it. The final summary is the same object, so the result is unchanged.
   */
  summary?: Summary;
}

/** How often a worker reports the days done within a run (at most). */
export const PROGRESS_EVERY_MS = 250;

/**
 * A pool of simulation workers sized to the machine. Runs are handed out in small batches to whichever worker is
 * free; digests are added to the summary strictly in run order (a reorder buffer), so the browser gives the same
 * bytes as the command line for the same scenario and seed. Workers report the days done within a run, so progress
 * moves during long runs (the reports never touch the digests). Cancel terminates every worker at once; a worker that
 * fails rejects the run with its error (load failure, crash), and the pool starts fresh workers for the next run.
 */
export class SimPool {
  private clients: WorkerClient[];
  private generation = 0;
  /** For tests: this many of the next workers started get a script address that does not load. */
  private brokenStarts = 0;
  /** Runs each worker has finished since the pool started: lets a test see that the work really is spread. */
  readonly runsByWorker: number[];

  constructor(readonly size = Math.max(1, Math.min(8, (globalThis.navigator?.hardwareConcurrency ?? 2) || 2))) {
    this.clients = Array.from({ length: size }, () => new WorkerClient(() => this.startWorker()));
    this.runsByWorker = new Array<number>(size).fill(0);
  }

  private startWorker(): WorkerLike {
    if (this.brokenStarts > 0) {
      this.brokenStarts--;
      return new Worker(new URL('/__missing__/sim.worker.js', globalThis.location?.href), { type: 'module' });
    }
    return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  }

  /** Run every Monte Carlo run of a config; resolves with the summary, rejects on failure or cancel. */
  run(config: EngineConfig, onProgress?: (p: PoolProgress) => void, batch = 1): Promise<Summary> {
    const gen = ++this.generation;
    const summary = new Summary(config);
    const inOrder = new RunOrder(summary);
    const days = config.days;
    /** What each busy worker has in hand: its batch's first run, the run it is on and that run's days done. */
    const inFlight = new Map<number, { from: number; run: number; daysDone: number }>();
    let next = 0;
    let done = 0;
    const report = () => {
      let runningDays = 0;
      let daysDone = done * days;
      for (const f of inFlight.values()) {
        runningDays += f.daysDone;
        daysDone += (f.run - f.from) * days + f.daysDone;
      }
      onProgress?.({ done, total: config.runs, days, running: inFlight.size, runningDays, daysDone, summary });
    };
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
          inFlight.set(index, { from, run: from, daysDone: 0 });
          const hear = (run: number, daysDone: number) => {
            if (settled || gen !== this.generation) return;
            inFlight.set(index, { from, run, daysDone });
            report();
          };
          client.onProgress = hear;
          let digests: RunDigest[];
          try {
            digests = await client.call((api) => api.runDigests(config, from, to, PROGRESS_EVERY_MS));
          } catch (e) {
            return stop(e instanceof Error ? e : new Error(String(e)));
          } finally {
            if (client.onProgress === hear) client.onProgress = null;
            inFlight.delete(index);
          }
          if (settled || gen !== this.generation) return;
          // `index` is this client's position in `clients`, and runsByWorker has one slot per client.
          this.runsByWorker[index]! += digests.length;
          for (const d of digests) inOrder.push(d);
          done += digests.length;
          report();
          if (done === config.runs) {
            settled = true;
            resolve(summary);
          }
        }
      };
      this.clients.forEach((c, i) => void work(c, i));
    });
  }

  /**
   * The mean-field projection of a config, in one worker: `lane` picks which (lane modulo the pool's size), so that
   * callers with several projections to make (per-tactic values: one per subset of the tactics) can keep every worker
   * busy, one lane per worker.
   */
  meanField(config: EngineConfig, lane = 0): Promise<MeanFieldResult> {
    return this.clients[lane % this.clients.length]!.call((api) => api.meanField(config));
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
  failOne(): Promise<never> {
    return this.clients[0]!.call((api) => api.fail());
  }

  /** For tests: make a worker that has loaded report a crash with this message, as a dying worker does. */
  crashOne(message: string): boolean {
    const c = this.clients.find((x) => x.state === 'ready') ?? this.clients.find((x) => x.state !== 'none');
    return c ? c.simulateCrash(message) : false;
  }

  /** For tests: the next `n` workers started (after a cancel or failure, or the first ones) fail to load their script. */
  breakNextStarts(n: number): void {
    this.brokenStarts = n;
  }

  /** Whether a worker is running now, and whether it has loaded (for tests). */
  workerStates(): Array<'none' | 'loading' | 'ready'> {
    return this.clients.map((c) => c.state);
  }
}
