import type { EngineConfig } from '../../src/sim/config';
import { runDigests } from '../../src/sim/batch';
import { runMeanField, type MeanFieldResult } from '../../src/sim/meanfield';
import { Summary } from '../../src/sim/summary';
import type { PoolLike, PoolProgressLike } from '../../src/ui/state/pool';

/** The worker pool's contract in this process: runs in order, progress with the summary so far, cancel, failure. */
export class FakePool implements PoolLike {
  readonly size = 2;
  failWith: Error | null = null;
  /** Stop after this many runs and wait (for cancel tests). */
  pauseAfter = Infinity;
  started = 0;
  private reject: ((e: Error) => void) | null = null;

  async meanField(config: EngineConfig): Promise<MeanFieldResult> {
    return runMeanField(config);
  }

  run(config: EngineConfig, onProgress?: (p: PoolProgressLike) => void): Promise<Summary> {
    this.started++;
    const digests = runDigests(config, 0, config.runs);
    const summary = new Summary(config);
    return new Promise<Summary>((resolve, reject) => {
      this.reject = reject;
      let k = 0;
      const step = () => {
        if (this.reject !== reject) return;
        if (this.failWith) return reject(this.failWith);
        if (k >= this.pauseAfter) return;
        summary.add(digests[k]!);
        k++;
        onProgress?.({ done: k, total: config.runs, summary });
        if (k === config.runs) resolve(summary);
        else setTimeout(step, 0);
      };
      setTimeout(step, 0);
    });
  }

  cancel(): void {
    const r = this.reject;
    this.reject = null;
    const e = new Error('cancelled');
    e.name = 'CancelledError';
    r?.(e);
  }
}

export async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
