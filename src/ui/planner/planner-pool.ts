import { runKeys, summaryTotals, type RunTotals } from '../../planner/figures';
import type { EngineConfig } from '../../sim';
import { dropLease, type PoolJobs, type PoolLease, type PoolLike } from '../state/pool';

/**
 * The app's worker pool as the planner uses it: one job at a time in the pool's line (`PoolJobs`, owner 'planner'),
 * held from the batch's first Monte Carlo job to its end, so a dashboard run or a comparison started meanwhile waits
 * for it and never interleaves. Each job's runs are spread over the pool's workers and added in run order, so the
 * totals do not depend on the number of workers.
 */
export class PlannerPool {
  private lease: PoolLease | null = null;

  constructor(
    private readonly pool: PoolLike,
    private readonly jobs: PoolJobs,
  ) {}

  get size(): number {
    return this.pool.size;
  }

  /** Every run of a config on the pool; `onQueued` hears when the job waits in line, `onRuns` the runs done. */
  async run(config: EngineConfig, onQueued: () => void, onRuns: (done: number, total: number) => void): Promise<RunTotals> {
    if (!this.lease) this.lease = this.jobs.acquire('planner');
    const lease = this.lease;
    if (!lease.holding) onQueued();
    await lease.ready;
    const summary = await this.pool.run(config, (p) => onRuns(p.done, p.total));
    return summaryTotals(summary, runKeys(config));
  }

  /** The batch is over: the next job in line gets the pool. */
  release(): void {
    this.lease?.release();
    this.lease = null;
  }

  /** Cancel: stop the pool's work if this batch holds it, and leave the line. */
  cancel(): void {
    dropLease(this.lease, this.pool);
    this.lease = null;
  }
}
