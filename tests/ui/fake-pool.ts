import type { EngineConfig } from '../../src/sim/config';
import { runDigests } from '../../src/sim/batch';
import { runMeanField, type MeanFieldResult } from '../../src/sim/projection/meanfield';
import { Summary } from '../../src/sim/results/summary';
import type { PoolLike, PoolProgressLike } from '../../src/ui/state/pool';

/**
 * The worker pool's contract in this process: runs in order, progress with the summary so far (and the days done
 * within the run in flight, halfway through each run, as the workers report), cancel, failure.
 */
export class FakePool implements PoolLike {
  readonly size: number = 2;
  failWith: Error | null = null;
  /** Stop after this many runs and wait (for cancel tests). */
  pauseAfter = Infinity;
  /** Stop halfway through this run (after its days-done report) and wait. */
  pauseMidwayOf = -1;
  started = 0;
  /** Jobs on the pool at once now, and the most there ever were (the app must never run two at a time). */
  active = 0;
  maxActive = 0;
  /** Every run() call, in order: its runs and days (to tell whose job it was). */
  readonly calls: Array<{ runs: number; days: number }> = [];
  private reject: ((e: Error) => void) | null = null;
  private paused: (() => void) | null = null;

  /** Let a job paused at `pauseAfter` go on to its end. */
  resume(): void {
    this.pauseAfter = Infinity;
    this.pauseMidwayOf = -1;
    const go = this.paused;
    this.paused = null;
    if (go) setTimeout(go, 0);
  }

  async meanField(config: EngineConfig): Promise<MeanFieldResult> {
    return runMeanField(config);
  }

  run(config: EngineConfig, onProgress?: (p: PoolProgressLike) => void): Promise<Summary> {
    this.started++;
    this.calls.push({ runs: config.runs, days: config.days });
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    const digests = runDigests(config, 0, config.runs);
    const summary = new Summary(config);
    const days = config.days;
    const half = Math.ceil(days / 2);
    let ended = false;
    const end = () => {
      if (!ended) this.active--;
      ended = true;
    };
    return new Promise<Summary>((resolve, reject) => {
      const fail = (e: Error) => {
        end();
        reject(e);
      };
      this.reject = fail;
      let k = 0;
      let midway = false;
      const step = () => {
        if (this.reject !== fail) return;
        if (this.failWith) return fail(this.failWith);
        if (k >= this.pauseAfter) {
          this.paused = step;
          return;
        }
        if (!midway) {
          // Halfway through run k: one run in flight, half its days done.
          midway = true;
          onProgress?.({ done: k, total: config.runs, days, running: 1, runningDays: half, daysDone: k * days + half, summary });
          if (k === this.pauseMidwayOf) {
            this.paused = step;
            return;
          }
          setTimeout(step, 0);
          return;
        }
        midway = false;
        summary.add(digests[k]!);
        k++;
        onProgress?.({ done: k, total: config.runs, days, running: 0, runningDays: 0, daysDone: k * days, summary });
        if (k === config.runs) {
          end();
          this.reject = null;
          resolve(summary);
        } else setTimeout(step, 0);
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
