import { describe, expect, it } from 'vitest';
import { Runner } from '../../src/ui/state/runner.svelte';
import { PoolJobs } from '../../src/ui/state/pool';
import { doNothing } from '../../src/scenario/variants';
import { compileScenario } from '../../src/scenario/compile';
import { incrementalResult } from '../../src/sim/results/incremental';
import { runAll, scenario } from '../helpers';
import { FakePool } from './fake-pool';
import { configKey, stableHash } from '../../src/ui/lib/baseline-cache';

const ads = (dailySpend: number) => [{ id: 'ads-1', type: 'ads', schedule: { daily: true }, dailySpend }];

describe('the dashboard’s run computes the plan’s effect against doing nothing', () => {
  it('runs the do-nothing baseline after the plan, on the same seeds, and puts the incremental block before the totals', async () => {
    const pool = new FakePool();
    const runner = new Runner(pool, new PoolJobs());
    const s = scenario({ runs: 3, days: 30, tactics: ads(5000) });
    await runner.run(s);
    expect(runner.status).toBe('done');
    expect(pool.calls).toEqual([
      { runs: 3, days: 30 },
      { runs: 3, days: 30 },
    ]);
    // The same figures as the plan and its baseline run here, in run order, and paired.
    const expected = incrementalResult(runAll(compileScenario(s)), runAll(compileScenario(doNothing(s))), null, 'test--do-nothing');
    expect(runner.result!.incremental).toEqual(expected);
    expect(Object.keys(runner.result!).indexOf('incremental')).toBe(Object.keys(runner.result!).indexOf('totals') - 1);
  });

  it('reuses an unchanged baseline (a tactic edited) and runs a changed one (the seed changed)', async () => {
    const pool = new FakePool();
    const runner = new Runner(pool, new PoolJobs());
    await runner.run(scenario({ runs: 2, days: 20, tactics: ads(5000) }));
    expect(runner.baselineReused).toBe(false);
    await runner.run(scenario({ runs: 2, days: 20, tactics: ads(9000) }));
    expect(runner.baselineReused).toBe(true);
    expect(pool.calls.length).toBe(3); // plan, baseline, plan again
    await runner.run(scenario({ runs: 2, days: 20, seed: 12, tactics: ads(9000) }));
    expect(runner.baselineReused).toBe(false);
    expect(pool.calls.length).toBe(5);
    expect(runner.result!.incremental!.cost!.mean).toBeGreaterThan(0);
  });

  it('one progress bar over every batch: plan, baseline, then the noise-only twins, each named, the share only growing', async () => {
    const pool = new FakePool();
    const runner = new Runner(pool, new PoolJobs());
    const seen: Array<{ stage: string; index: number; count: number; fraction: number; done: number; total: number }> = [];
    const run = pool.run.bind(pool);
    pool.run = (c, onProgress) =>
      run(c, (p) => {
        onProgress?.(p);
        seen.push({ stage: runner.stage, index: runner.stageIndex, count: runner.stageCount, fraction: runner.fraction, done: runner.stageDone, total: runner.stageTotal });
      });
    const s = scenario({ runs: 2, days: 20, uncertainty: { assumptions: true }, tactics: ads(5000) });
    await runner.run(s);
    expect(runner.status).toBe('done');
    expect([...new Set(seen.map((x) => x.stage))]).toEqual(['plan', 'baseline', 'planNoise', 'baselineNoise']);
    expect(seen.every((x) => x.count === 4)).toBe(true);
    for (const [k, stage] of ['plan', 'baseline', 'planNoise', 'baselineNoise'].entries()) {
      const part = seen.filter((x) => x.stage === stage);
      expect(part.every((x) => x.index === k && x.total === 2)).toBe(true);
      // Each batch fills its quarter of the bar: a quarter per batch, from k/4 to (k+1)/4.
      for (const x of part) {
        expect(x.fraction).toBeGreaterThanOrEqual(k / 4);
        expect(x.fraction).toBeLessThanOrEqual((k + 1) / 4);
      }
      expect(part.at(-1)!.fraction).toBe((k + 1) / 4);
    }
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.fraction).toBeGreaterThanOrEqual(seen[i - 1]!.fraction);
    expect(runner.fraction).toBe(1);
    expect(runner.done).toBe(2); // the plan's own runs, for "2 runs done"
    // Run again with a tactic edited: the baseline and its twin come from the cache, so two batches remain.
    seen.length = 0;
    await runner.run(scenario({ runs: 2, days: 20, uncertainty: { assumptions: true }, tactics: ads(7000) }));
    expect([...new Set(seen.map((x) => x.stage))]).toEqual(['plan', 'planNoise']);
    expect(seen.every((x) => x.count === 2)).toBe(true);
  });

  it('runs no baseline for a scenario without tactics (its effect is nothing)', async () => {
    const pool = new FakePool();
    const runner = new Runner(pool, new PoolJobs());
    await runner.run(scenario({ runs: 2, days: 20 }));
    expect(pool.calls.length).toBe(1);
    expect(runner.result!.incremental).toBeUndefined();
  });

  it('keys the cache by a stable hash of the compiled config: equal configs, equal keys; any change, another key', () => {
    // FNV-1a's offset basis in the first lane for the empty text; 16 hex digits always.
    expect(stableHash('').slice(0, 8)).toBe('811c9dc5');
    for (const t of ['', 'a', '{"seed":"1"}']) expect(stableHash(t)).toMatch(/^[0-9a-f]{16}$/);
    expect(stableHash('{"seed":"1"}')).not.toBe(stableHash('{"seed":"2"}'));
    const a = compileScenario(doNothing(scenario({ runs: 2, tactics: ads(5000) })));
    const b = compileScenario(doNothing(scenario({ runs: 2, tactics: ads(7000) })));
    const c = compileScenario(doNothing(scenario({ runs: 3, tactics: ads(5000) })));
    expect(configKey(a)).toBe(configKey(b));
    expect(configKey(a)).not.toBe(configKey(c));
    expect(configKey(a)).toMatch(/^[0-9a-f]{16}$/);
  });
});
