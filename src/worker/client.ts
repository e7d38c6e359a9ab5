import * as Comlink from 'comlink';
import type { SimWorkerApi } from './protocol';

/**
 * Owns one simulation worker (the Squoosh pattern): starts it lazily, cancels by terminating it, and reports a crash
 * (an uncaught error or running out of memory) as a rejected call instead of a call that never returns.
 */
export class WorkerClient {
  private worker: Worker | null = null;
  private api: Comlink.Remote<SimWorkerApi> | null = null;
  private crash: ((e: Error) => void) | null = null;

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
    const c = this.crash;
    this.terminate();
    c?.(e);
  }

  /** Call the worker; rejects if the worker crashes or is terminated while the call is running. */
  call<T>(fn: (api: Comlink.Remote<SimWorkerApi>) => Promise<T>): Promise<T> {
    const api = this.ensure();
    return new Promise<T>((resolve, reject) => {
      this.crash = reject;
      fn(api).then(
        (v) => {
          this.crash = null;
          resolve(v);
        },
        (e) => {
          this.crash = null;
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }

  /** Stop the worker at once (cancel). A later call starts a fresh one. */
  terminate(): void {
    const c = this.crash;
    this.crash = null;
    this.api?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    c?.(new CancelledError());
  }
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}
