import * as Comlink from 'comlink';
import type { SimWorkerApi } from './protocol';

/**
 * Owns one simulation worker (the Squoosh pattern): starts it lazily, cancels by terminating it, and reports a crash
 * (an uncaught error or running out of memory) as a rejected call instead of a call that never returns.
 */
export class WorkerClient {
  private worker: Worker | null = null;
  private api: Comlink.Remote<SimWorkerApi> | null = null;
  /** Reject functions of the calls in flight: a crash or a cancel must settle every one of them, not only the last. */
  private readonly pending = new Set<(e: Error) => void>();

  private ensure(): Comlink.Remote<SimWorkerApi> {
    if (this.api) return this.api;
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('error', (ev) => {
      ev.preventDefault();
      this.fail(new Error(ev.message || 'the simulation worker stopped unexpectedly (out of memory?)'));
    });
    worker.addEventListener('messageerror', () => this.fail(new Error('a message from the simulation worker could not be read')));
    this.worker = worker;
    this.api = Comlink.wrap<SimWorkerApi>(worker);
    return this.api;
  }

  private fail(e: Error): void {
    const calls = [...this.pending];
    this.pending.clear();
    this.stop();
    for (const reject of calls) reject(e);
  }

  /** Call the worker; rejects if the worker crashes or is terminated while the call is running. */
  call<T>(fn: (api: Comlink.Remote<SimWorkerApi>) => Promise<T>): Promise<T> {
    const api = this.ensure();
    return new Promise<T>((resolve, reject) => {
      const settle = (e: Error) => {
        this.pending.delete(settle);
        reject(e);
      };
      this.pending.add(settle);
      fn(api).then(
        (v) => {
          if (this.pending.delete(settle)) resolve(v);
        },
        (e) => {
          if (this.pending.delete(settle)) reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }

  /** Stop the worker at once (cancel). A later call starts a fresh one. */
  terminate(): void {
    const calls = [...this.pending];
    this.pending.clear();
    this.stop();
    for (const reject of calls) reject(new CancelledError());
  }

  private stop(): void {
    this.api?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}
