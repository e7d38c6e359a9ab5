import type { EngineConfig } from '../../sim';
import type { MeanFieldResult } from '../../sim';
import type { Summary } from '../../sim';

/** What the app needs from the worker pool (SimPool); a fake stands in for it in unit tests. */
export interface PoolProgressLike {
  /** Runs finished, of `total`. */
  done: number;
  total: number;
  /** Days in one run; runs in flight and the days they have done between them; every day simulated so far. */
  days?: number;
  running?: number;
  runningDays?: number;
  daysDone?: number;
  summary?: Summary;
}

export interface PoolLike {
  readonly size: number;
  run(config: EngineConfig, onProgress?: (p: PoolProgressLike) => void): Promise<Summary>;
  /** The mean-field projection; `lane` spreads several projections over the workers (one lane per worker). */
  meanField(config: EngineConfig, lane?: number): Promise<MeanFieldResult>;
  cancel(): void;
}

/** Who uses the pool: the dashboard's run (and its removal effects), the comparison, or a planner tool's Monte Carlo. */
export type JobOwner = 'runner' | 'compare' | 'planner';

/** A job's place in line for the pool. */
export interface PoolLease {
  readonly owner: JobOwner;
  /** Resolves when the job has the pool; rejects with a CancelledError if the job leaves the line first. */
  readonly ready: Promise<void>;
  /** The job has the pool now (else it waits in line). */
  readonly holding: boolean;
  /** Done with the pool (or leave the line): the next job in line gets it. Calling it again does nothing. */
  release(): void;
}

function cancelledError(): Error {
  const e = new Error('cancelled');
  e.name = 'CancelledError';
  return e;
}

/**
 * One job uses the pool at a time, and a new job never cancels another: it waits in line (first come, first served)
 * and starts when the jobs ahead of it end, however they end. Each job can see whom it waits for.
 */
export class PoolJobs {
  private holder: Lease | null = null;
  private readonly line: Lease[] = [];

  /** Ask for the pool. The lease holds it at once when the pool is free. */
  acquire(owner: JobOwner): PoolLease {
    const lease = new Lease(owner, (l) => this.leave(l));
    if (this.holder === null) {
      this.holder = lease;
      lease.grant();
    } else {
      this.line.push(lease);
    }
    return lease;
  }

  /** The owner of the job that has the pool now (null when it is free). */
  get current(): JobOwner | null {
    return this.holder?.owner ?? null;
  }

  /** Owners waiting in line, first first. */
  get waiting(): JobOwner[] {
    return this.line.map((l) => l.owner);
  }

  private leave(l: Lease): void {
    if (this.holder === l) {
      this.holder = this.line.shift() ?? null;
      this.holder?.grant();
      return;
    }
    const k = this.line.indexOf(l);
    if (k >= 0) {
      this.line.splice(k, 1);
      l.refuse(cancelledError());
    }
  }
}

class Lease implements PoolLease {
  readonly ready: Promise<void>;
  holding = false;
  private released = false;
  private ok!: () => void;
  private no!: (e: Error) => void;

  constructor(
    readonly owner: JobOwner,
    private readonly leave: (l: Lease) => void,
  ) {
    this.ready = new Promise<void>((ok, no) => {
      this.ok = ok;
      this.no = no;
    });
    // A job that leaves the line before it starts may not be awaiting `ready` any more.
    this.ready.catch(() => {});
  }

  grant(): void {
    this.holding = true;
    this.ok();
  }

  refuse(e: Error): void {
    this.no(e);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.leave(this);
    this.holding = false;
  }
}

/**
 * Give a job's lease up at once (the dashboard's run and the comparison both cancel so): stop the pool's work if the
 * lease holds the pool, and leave the line, so the next job gets it.
 */
export function dropLease(lease: PoolLease | null, pool: PoolLike): void {
  if (lease?.holding) pool.cancel();
  lease?.release();
}

export function isCancelled(e: unknown): boolean {
  return e instanceof Error && e.name === 'CancelledError';
}

/**
 * What went wrong with a worker, named for what it is: its script did not load (offline, the file missing), it ran
 * out of memory, or it crashed (an uncaught error in the worker). The detail is the browser's or engine's own words.
 */
export type FailureKind = 'load' | 'oom' | 'crash';

export function failureKind(e: unknown): { kind: FailureKind; detail: string } {
  const detail = e instanceof Error ? e.message : String(e);
  const name = e instanceof Error ? e.name : '';
  if (name === 'WorkerLoadError' || /failed to fetch|importing a module script failed|dynamically imported module|networkerror|failed to load/i.test(detail)) {
    return { kind: 'load', detail };
  }
  if (/memory|allocation failed/i.test(detail)) return { kind: 'oom', detail };
  return { kind: 'crash', detail };
}
