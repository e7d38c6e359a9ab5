import { describe, expect, it } from 'vitest';
import { Runner } from '../../src/ui/state/runner.svelte';
import { PoolJobs } from '../../src/ui/state/pool';
import { doNothing } from '../../src/scenario/variants';
import { compileScenario } from '../../src/scenario/compile';
import { incrementalResult } from '../../src/sim/incremental';
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
