import { restoreRun, saveRun, stepDays } from '../../src/sim/checkpoint';
import type { EngineConfig } from '../../src/sim/config';
import type { RunRecord } from '../../src/sim/results/recorder';
import { snapshotFromJson, snapshotToJson } from '../../src/sim/state-file';
import { createRun, finishRun } from '../../src/sim/step/model';

/**
 * Checkpoint test helpers, shared by checkpoint.test.ts and the tactics' own checkpoint tests: the oracle is always
 * the uninterrupted run (simulateRun), which never saves or restores anything.
 */

/** The first difference between an uninterrupted record `a` and a resumed one `b` (same bits, -0 and NaN included), or null. */
export function diffRecords(a: RunRecord, b: RunRecord): string | null {
  for (const key of Object.keys(a) as (keyof RunRecord)[]) {
    const x = a[key];
    const y = b[key];
    if (typeof x === 'number') {
      if (!Object.is(x, y)) return `record.${key}: uninterrupted ${x}, resumed ${String(y)}`;
    } else {
      const ys = y as ArrayLike<number>;
      if (x.length !== ys.length) return `record.${key}: ${x.length} values, resumed ${ys.length}`;
      for (let i = 0; i < x.length; i++) if (!Object.is(x[i], ys[i])) return `record.${key}[${i}]: uninterrupted ${x[i]}, resumed ${ys[i]}`;
    }
  }
  return null;
}

/** Run `run` of `c`, cut after each day of `cuts` (ascending), each time saved through JSON text and restored. */
export function resumedThrough(c: EngineConfig, run: number, cuts: number[]): RunRecord {
  let s = createRun(c, run);
  let done = 0;
  for (const cut of cuts) {
    stepDays(s, done, cut);
    s = restoreRun(c, snapshotFromJson(snapshotToJson(saveRun(s, cut))));
    done = cut;
  }
  stepDays(s, done, c.days);
  return finishRun(s);
}
