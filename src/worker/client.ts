import * as Comlink from 'comlink';
import { isWorkerNotice, type SimWorkerApi } from './protocol';

/** What the client needs of a browser Worker (a stand-in can play it in tests). */
export interface WorkerLike extends EventTarget {
  postMessage(message: unknown): void;
  terminate(): void;
}

/** Starts a simulation worker (the pool's: it can make one fail to load, for tests). */
export type WorkerFactory = () => WorkerLike;

/**
 * Owns one simulation worker (the Squoosh pattern): starts it lazily, cancels by terminating it, and reports a
 * failure as a rejected call instead of a call that never returns, named for what it is: the worker's script did not
 * load (an error before the worker said it was ready), or the worker crashed after it had started (an uncaught error,
 * or running out of memory).
 */
export class WorkerClient {
  private worker: WorkerLike | null = null;
  private api: Comlink.Remote<SimWorkerApi> | null = null;
  /** The worker's script has loaded and runs (it posted `ready`). */
  private loaded = false;
  /** Reject functions of the calls in flight: a crash or a cancel must settle every one of them, not only the last. */
  private readonly pending = new Set<(e: Error) => void>();
  /** Hears the progress notices of the call in hand (the pool sets it for a runDigests call). */
  onProgress: ((run: number, daysDone: number) => void) | null = null;

  constructor(private readonly start: WorkerFactory) {}

  /** A worker is running (started, not terminated), and whether its script has loaded. */
  get state(): 'none' | 'loading' | 'ready' {
    return this.worker === null ? 'none' : this.loaded ? 'ready' : 'loading';
  }

  private ensure(): Comlink.Remote<SimWorkerApi> {
    if (this.api) return this.api;
    const worker = this.start();
    this.loaded = false;
    worker.addEventListener('message', (ev: Event) => {
      const data: unknown = (ev as MessageEvent).data;
      if (worker !== this.worker || !isWorkerNotice(data)) return;
      if (data.star === 'ready') this.loaded = true;
      else this.onProgress?.(data.run, data.daysDone);
    });
    worker.addEventListener('error', (ev: Event) => {
      ev.preventDefault();
      if (worker !== this.worker) return;
      const reported = (ev as Event & { message?: unknown }).message;
      const message = typeof reported === 'string' ? reported : '';
      this.fail(this.loaded ? new WorkerCrashError(message || 'the simulation worker stopped unexpectedly') : new WorkerLoadError(message));
    });
    worker.addEventListener('messageerror', () => this.fail(new WorkerCrashError('a message from the simulation worker could not be read')));
    this.worker = worker;
    this.api = Comlink.wrap<SimWorkerApi>(worker as unknown as Comlink.Endpoint);
    return this.api;
  }

  private fail(e: Error): void {
    const calls = [...this.pending];
    this.pending.clear();
    this.stop();
    for (const reject of calls) reject(e);
  }

  /** Call the worker; rejects if the worker fails to load, crashes or is terminated while the call is running. */
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

  /** For tests: make the running worker report a crash, as the browser does when a worker dies. */
  simulateCrash(message: string): boolean {
    if (!this.worker) return false;
    this.worker.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
    return true;
  }

  private stop(): void {
    this.api?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    this.loaded = false;
    this.onProgress = null;
  }
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** The worker's script could not be loaded (offline, the file missing or refused): it never started. */
export class WorkerLoadError extends Error {
  constructor(detail: string) {
    super(detail ? `the simulation worker could not be loaded: ${detail}` : 'the simulation worker could not be loaded');
    this.name = 'WorkerLoadError';
  }
}

/** The worker had started and then died: an uncaught error, or the browser stopped it (e.g. out of memory). */
export class WorkerCrashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashError';
  }
}
