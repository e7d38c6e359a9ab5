import type { BatchResult } from '../../planner/batch';
import type { ValidationError } from '../../scenario/validate';
import type { PlannerPool } from './planner-pool';
import type { PlannerMessage, PlannerRequest } from './protocol';

/**
 * One planner job at a time in its own worker, with progress and Cancel (the worker is terminated, and the pool's
 * work for it stopped; a new worker starts with the next job). With a pool, Monte Carlo runs on it; without, in the
 * planner's worker. Results stay until the next Run of the same tool.
 */
export class PlannerRun {
  status = $state<'idle' | 'running' | 'done' | 'cancelled' | 'failed' | 'invalid'>('idle');
  progress = $state.raw<Extract<PlannerMessage, { type: 'progress' }> | null>(null);
  result = $state.raw<BatchResult | null>(null);
  errors = $state.raw<ValidationError[]>([]);
  failure = $state<string | null>(null);
  /** A restored result whose scenario has changed since it ran. */
  stale = $state(false);
  /** Hears every finished result with the batch it came from (the view saves it). */
  onDone: ((batch: Record<string, unknown>, result: BatchResult) => void) | null = null;
  /** Hears every end but a cancel: done, failed or invalid (after `status` is set). */
  onEnd: (() => void) | null = null;
  /** The app's worker pool, once the app has given it (PlannerView); null: Monte Carlo in the planner's worker. */
  pool: PlannerPool | null = null;
  private worker: Worker | null = null;

  constructor(private readonly makeWorker: () => Worker = () => new Worker(new URL('./planner.worker.ts', import.meta.url), { type: 'module' })) {}

  get busy(): boolean {
    return this.status === 'running';
  }

  start(batch: Record<string, unknown>): void {
    this.stop();
    this.status = 'running';
    this.progress = null;
    this.errors = [];
    this.failure = null;
    this.stale = false;
    const w = this.makeWorker();
    const pool = this.pool;
    this.worker = w;
    const send = (m: PlannerRequest) => w.postMessage(m);
    w.onmessage = (e: MessageEvent<PlannerMessage>) => {
      if (this.worker !== w) return;
      const m = e.data;
      if (m.type === 'progress') this.progress = m;
      else if (m.type === 'mc') {
        if (!pool) return send({ type: 'mcFailed', id: m.id, message: 'no worker pool' });
        const at = { phase: m.phase, job: m.job, jobs: m.jobs };
        pool
          .run(
            m.config,
            () => this.worker === w && (this.progress = { type: 'progress', ...at, phase: 'queued', run: 0, runs: m.config.runs }),
            (done, total) => this.worker === w && (this.progress = { type: 'progress', ...at, run: done, runs: total }),
          )
          .then(
            (totals) => this.worker === w && send({ type: 'mcDone', id: m.id, totals }),
            (err) => this.worker === w && send({ type: 'mcFailed', id: m.id, message: err instanceof Error ? err.message : String(err) }),
          );
      } else if (m.type === 'invalid') this.finish('invalid', () => (this.errors = m.errors));
      else if (m.type === 'failed') this.finish('failed', () => (this.failure = m.message));
      else
        this.finish('done', () => {
          this.result = m.result;
          this.onDone?.(batch, m.result);
        });
    };
    w.onerror = (e) => {
      if (this.worker === w) this.finish('failed', () => (this.failure = e.message || 'worker error'));
    };
    send({ type: 'start', batch: JSON.parse(JSON.stringify(batch)), pooled: pool !== null });
  }

  /** Show a saved result (not while a job runs). */
  restore(result: BatchResult, stale: boolean): void {
    if (this.busy) return;
    this.result = result;
    this.stale = stale;
    this.status = 'done';
  }

  /** Forget the shown result (another scenario was opened and has none saved). */
  clear(): void {
    if (this.busy) return;
    this.result = null;
    this.stale = false;
    this.status = 'idle';
  }

  cancel(): void {
    if (this.status !== 'running') return;
    this.pool?.cancel();
    this.stop();
    this.status = 'cancelled';
  }

  private finish(status: PlannerRun['status'], set: () => void): void {
    set();
    this.pool?.release();
    this.stop();
    this.status = status;
    this.onEnd?.();
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
