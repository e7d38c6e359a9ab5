import type { EngineConfig } from './config';
import { digestRun, type RunDigest } from './results/digest';
import { simulateRun } from './step/model';

/**
 * Simulate runs [from, to) of a config and digest each. What every worker (Node or browser) does. `onDay` hears
 * (run, days done in that run) after every simulated day: the browser worker throttles it into progress reports. It
 * has no say in the result, so the digests are the same with or without it.
 */
export function runDigests(
  config: EngineConfig,
  from: number,
  to: number,
  onRun?: (run: number) => void,
  onDay?: (run: number, daysDone: number) => void,
): RunDigest[] {
  const out: RunDigest[] = [];
  for (let run = from; run < to; run++) {
    out.push(digestRun(simulateRun(config, run, onDay && ((d) => onDay(run, d))), config));
    onRun?.(run);
  }
  return out;
}

/** The typed arrays of a digest, to transfer them between threads without copying. */
export function digestBuffers(d: RunDigest): ArrayBuffer[] {
  const arrays = [d.figures, d.tiers, d.orders, d.firstPurchases, d.gmv, d.cost, d.weeklyNewAssets, d.weeklyRates, d.weeklyGmvByTier, d.moves, d.causeMoves, d.causeCost];
  const seen = new Set<ArrayBuffer>();
  for (const a of arrays) seen.add(a.buffer as ArrayBuffer);
  return [...seen];
}

/** Split runs 0..runs−1 into contiguous slices, one per worker, as even as possible. */
export function sliceRuns(runs: number, workers: number): Array<[number, number]> {
  const w = Math.max(1, Math.min(workers, runs));
  const out: Array<[number, number]> = [];
  for (let k = 0; k < w; k++) {
    const from = Math.floor((k * runs) / w);
    const to = Math.floor(((k + 1) * runs) / w);
    if (to > from) out.push([from, to]);
  }
  return out;
}
