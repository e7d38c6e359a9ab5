import type { RunDigest } from './digest';
import type { Summary } from './summary';

/**
 * A reorder buffer between workers and a summary: digests arrive in whatever order workers finish, and are added to
 * the summary strictly in run order (0, 1, 2, …). Without it a result's bytes would depend on the number of workers
 * and on timing, and a paired comparison (reference vs alternative, run i with run i) would pair the wrong runs.
 */
export class RunOrder {
  private readonly pending = new Map<number, RunDigest>();

  constructor(readonly summary: Summary) {}

  /** Take one finished run; add it, and any runs it was holding up, to the summary in run order. */
  push(d: RunDigest): void {
    this.pending.set(d.run, d);
    while (this.pending.has(this.summary.added)) {
      const next = this.pending.get(this.summary.added)!;
      this.pending.delete(this.summary.added);
      this.summary.add(next);
    }
  }

  /** Runs received but still waiting for an earlier run. */
  get waiting(): number {
    return this.pending.size;
  }
}
