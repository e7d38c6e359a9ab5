import type { EngineConfig } from '../../sim/config';
import type { MeanFieldResult } from '../../sim/meanfield';
import type { Summary } from '../../sim/summary';

/** What the app needs from the worker pool (SimPool); a fake stands in for it in unit tests. */
export interface PoolProgressLike {
  done: number;
  total: number;
  summary?: Summary;
}

export interface PoolLike {
  readonly size: number;
  run(config: EngineConfig, onProgress?: (p: PoolProgressLike) => void): Promise<Summary>;
  meanField(config: EngineConfig): Promise<MeanFieldResult>;
  cancel(): void;
}

/** Only one job uses the pool at a time: starting a job cancels the other owner's (a run vs a comparison). */
export class PoolJobs {
  private current: { owner: string; cancel: () => void } | null = null;
  begin(owner: string, cancel: () => void): void {
    if (this.current && this.current.owner !== owner) this.current.cancel();
    this.current = { owner, cancel };
  }
  end(owner: string): void {
    if (this.current?.owner === owner) this.current = null;
  }
}

export function isCancelled(e: unknown): boolean {
  return e instanceof Error && e.name === 'CancelledError';
}

/** A worker failure in plain words: out of memory, or the worker's own message. */
export function failureKind(e: unknown): { kind: 'oom' | 'failed'; detail: string } {
  const detail = e instanceof Error ? e.message : String(e);
  return { kind: /memory|allocation failed|out of memory/i.test(detail) ? 'oom' : 'failed', detail };
}
