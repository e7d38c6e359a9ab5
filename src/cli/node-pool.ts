import { Worker } from 'node:worker_threads';
import type { EngineConfig } from '../sim/config';
import type { RunDigest } from '../sim/digest';
import { Summary } from '../sim/summary';
import { RunOrder } from '../sim/run-order';

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

  async run(config: EngineConfig, onProgress?: (p: Progress) => void): Promise<Summary> {
    this.start();
    const summary = new Summary(config);
    const inOrder = new RunOrder(summary);
    let nextRun = 0;
    let done = 0;
    return new Promise<Summary>((resolve, reject) => {
      let failed = false;
      const cleanups: Array<() => void> = [];
      const finish = (err?: Error) => {
        for (const c of cleanups) c();
        if (err) {
          failed = true;
          reject(err);
        } else resolve(summary);
      };
      const feed = (w: Worker) => {
        if (nextRun < config.runs) w.postMessage({ run: nextRun++ });
      };
      for (const w of this.workers) {
        const onMessage = (msg: { run: number; digest?: RunDigest; error?: string }) => {
          if (failed) return;
          if (msg.error !== undefined) return finish(new Error(`run ${msg.run} failed in a worker: ${msg.error}`));
          inOrder.push(msg.digest!);
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
