import type { BatchResult } from '../../planner/batch';
import type { ValidationError } from '../../scenario/validate';
import type { PlannerMessage } from './protocol';

/**
 * One planner job at a time in its own worker, with progress and Cancel (the worker is terminated; a new one starts
 * with the next job). Results stay until the next Run of the same tool.
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
    this.worker = w;
    w.onmessage = (e: MessageEvent<PlannerMessage>) => {
      if (this.worker !== w) return;
      const m = e.data;
      if (m.type === 'progress') this.progress = m;
      else if (m.type === 'invalid') this.finish('invalid', () => (this.errors = m.errors));
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
    w.postMessage({ batch: JSON.parse(JSON.stringify(batch)) });
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
    this.stop();
    this.status = 'cancelled';
  }

  private finish(status: PlannerRun['status'], set: () => void): void {
    set();
    this.stop();
    this.status = status;
    this.onEnd?.();
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
