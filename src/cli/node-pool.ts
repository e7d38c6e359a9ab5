import { Worker } from 'node:worker_threads';
import type { EngineConfig } from '../sim';
import type { RunSnapshot } from '../sim';
import type { RunDigest } from '../sim';
import { Summary } from '../sim';
import { RunOrder } from '../sim';

export interface Progress {
  done: number;
  total: number;
}

/**
 * Runs a scenario's Monte Carlo runs on worker threads. Runs are handed out one at a time to whichever worker is
 * free (so uneven runs balance), and digests are added to the summary strictly in run order through a reorder buffer
 * (RunOrder), so the result is the same whatever the number of workers.
 */
export class NodePool {
  private workers: Worker[] = [];

  constructor(readonly size: number) {}

  private start(): void {
    if (this.workers.length) return;
    // Bundled (scripts/node-entry.mjs): the worker bundle sits beside this one. Under tsx (tests, tooling): tsx's
    // loader is per thread, so each worker registers it first, then imports the worker module.
    const bundled = import.meta.url.endsWith('.mjs');
    for (let k = 0; k < this.size; k++) {
      if (bundled) this.workers.push(new Worker(new URL('./node-worker.mjs', import.meta.url)));
      else {
        const url = new URL('./node-worker.ts', import.meta.url).href;
        const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); })`;
        this.workers.push(new Worker(boot, { eval: true }));
      }
    }
  }

  /**
   * Run every run of a config and summarise them. With `resume` (one saved state per run, in run order), each run
   * continues from its state instead of starting afresh (checkpoint.ts).
   */
  async run(config: EngineConfig, onProgress?: (p: Progress) => void, resume?: readonly RunSnapshot[]): Promise<Summary> {
    const summary = new Summary(config);
    const inOrder = new RunOrder(summary);
    await this.each<{ digest: RunDigest }>(config, (run) => (resume ? { run, snapshot: resume[run] } : { run }), (msg) => inOrder.push(msg.digest), onProgress);
    return summary;
  }

  /** Run every run of a config for its first `stopAt` days; their saved states, in run order. */
  async checkpoint(config: EngineConfig, stopAt: number, onProgress?: (p: Progress) => void): Promise<RunSnapshot[]> {
    const out: RunSnapshot[] = new Array<RunSnapshot>(config.runs);
    await this.each<{ run: number; snapshot: RunSnapshot }>(config, (run) => ({ run, stopAt }), (msg) => (out[msg.run] = msg.snapshot), onProgress);
    return out;
  }

  /** Hand out the runs of a config one at a time to free workers; `onResult` hears each answer. */
  private each<T>(config: EngineConfig, job: (run: number) => object, onResult: (msg: T) => void, onProgress?: (p: Progress) => void): Promise<void> {
    this.start();
    let nextRun = 0;
    let done = 0;
    return new Promise<void>((resolve, reject) => {
      let failed = false;
      const cleanups: Array<() => void> = [];
      const finish = (err?: Error) => {
        for (const c of cleanups) c();
        if (err) {
          failed = true;
          reject(err);
        } else resolve();
      };
      const feed = (w: Worker) => {
        if (nextRun < config.runs) w.postMessage(job(nextRun++));
      };
      for (const w of this.workers) {
        const onMessage = (msg: T & { run: number; error?: string }) => {
          if (failed) return;
          if (msg.error !== undefined) return finish(new Error(`run ${msg.run} failed in a worker: ${msg.error}`));
          onResult(msg);
          done++;
          onProgress?.({ done, total: config.runs });
          if (done === config.runs) return finish();
          feed(w);
        };
        const onError = (e: Error) => finish(new Error(`a worker crashed: ${e.message}`));
        const onExit = (code: number) => {
          if (done < config.runs && !failed) finish(new Error(`a worker exited with code ${code} before finishing`));
        };
        w.on('message', onMessage);
        w.on('error', onError);
        w.on('exit', onExit);
        cleanups.push(() => {
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
        });
        w.postMessage({ config });
      }
      for (const w of this.workers) feed(w);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }
}
