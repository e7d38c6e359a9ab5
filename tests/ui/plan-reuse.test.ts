import { describe, expect, it } from 'vitest';
import { Runner } from '../../src/ui/state/runner.svelte';
import { CompareState, type Candidate } from '../../src/ui/state/compare.svelte';
import { PoolJobs } from '../../src/ui/state/pool';
import { doNothing } from '../../src/scenario/variants';
import type { EngineConfig } from '../../src/sim/config';
import type { MeanFieldResult } from '../../src/sim/projection/meanfield';
import { scenario } from '../helpers';
import { FakePool } from './fake-pool';

/**
 * The dashboard does not rerun its own unchanged plan: running a scenario whose compiled config (scenario, seed, runs,
 * horizon) was run before in this page — running the same draft again, or a plan Compare has just run — reuses its
 * summary from the one cache the runner shares with Compare. The oracle is the pool's log of the batches it ran, and
 * the result of a runner on a pool of its own, nothing cached.
 */

const ads = (dailySpend: number) => [{ id: 'ads-1', type: 'ads', schedule: { daily: true }, dailySpend }];

/** A pool that also counts the mean-field projections it was asked for. */
class CountingPool extends FakePool {
  projections = 0;
  override async meanField(config: EngineConfig): Promise<MeanFieldResult> {
    this.projections++;
    return super.meanField(config);
  }
}

async function freshResult(s: ReturnType<typeof scenario>) {
  const r = new Runner(new FakePool(), new PoolJobs());
  await r.run(s);
  return r.result;
}

describe('the dashboard reuses its unchanged plan', () => {
  it('running the same draft again runs nothing, not even the projection, and shows the same result', async () => {
    const pool = new CountingPool();
    const runner = new Runner(pool, new PoolJobs());
    const s = scenario({ runs: 3, days: 25, seed: 4, tactics: ads(5000) });
    await runner.run(s);
    expect(pool.calls.length).toBe(2); // the plan, then its do-nothing baseline
    expect(pool.projections).toBe(1);
    expect(runner.planReused).toBe(false);
    const first = runner.result;

    await runner.run(scenario({ runs: 3, days: 25, seed: 4, tactics: ads(5000) })); // an equal draft, a new object
    expect(runner.status).toBe('done');
    expect(pool.calls.length).toBe(2);
    expect(pool.projections).toBe(1);
    expect(runner.planReused).toBe(true);
    expect(runner.baselineReused).toBe(true);
    expect(runner.done).toBe(3);
    expect(runner.result).toEqual(first);
    expect(runner.result).toEqual(await freshResult(s));
  });

  it('runs the plan again when its compiled config changed: the seed, the runs, a tactic', async () => {
    const pool = new FakePool();
    const runner = new Runner(pool, new PoolJobs());
    await runner.run(scenario({ runs: 2, days: 20, seed: 1, tactics: ads(5000) }));
    expect(pool.calls.length).toBe(2);
    await runner.run(scenario({ runs: 2, days: 20, seed: 2, tactics: ads(5000) }));
    expect(pool.calls.length).toBe(4); // a new seed: plan and baseline
    await runner.run(scenario({ runs: 3, days: 20, seed: 2, tactics: ads(5000) }));
    expect(pool.calls.length).toBe(6); // more runs: plan and baseline
    const edited = scenario({ runs: 3, days: 20, seed: 2, tactics: ads(9000) });
    await runner.run(edited);
    expect(pool.calls.length).toBe(7); // a tactic edited: the plan only
    expect(runner.planReused).toBe(false);
    expect(runner.result).toEqual(await freshResult(edited));
    // Back to an earlier plan: still cached.
    await runner.run(scenario({ runs: 2, days: 20, seed: 1, tactics: ads(5000) }));
    expect(pool.calls.length).toBe(7);
    expect(runner.planReused).toBe(true);
  });

  it('runs nothing for a plan Compare has just run with the same seed, runs and horizon', async () => {
    const pool = new FakePool();
    const jobs = new PoolJobs();
    const runner = new Runner(pool, jobs);
    const cmp = new CompareState(pool, jobs, undefined, runner.baselines);
    const plan = scenario({ runs: 3, days: 25, seed: 7, tactics: ads(5000) });
    const candidates: Candidate[] = [
      { id: 'user:plan', name: 'Plan', group: 'mine', scenario: plan },
      { id: 'baseline:user:plan', name: 'Do nothing', group: 'baseline', scenario: doNothing(plan) },
    ];
    cmp.toggle('user:plan');
    cmp.toggle('baseline:user:plan');
    cmp.setReference('baseline:user:plan');
    cmp.seed = '7';
    cmp.runs = 3;
    cmp.days = 25;
    await cmp.run(candidates);
    expect(cmp.status).toBe('done');
    expect(pool.calls.length).toBe(2);
    await runner.run(plan);
    expect(runner.status).toBe('done');
    expect(pool.calls.length).toBe(2);
    expect(runner.result).toEqual(await freshResult(plan));
  });

  it('with assumptions drawn, the plan’s noise-only twin is reused too', async () => {
    const pool = new FakePool();
    const runner = new Runner(pool, new PoolJobs());
    const s = scenario({ runs: 2, days: 20, seed: 5, uncertainty: { assumptions: true }, tactics: ads(5000) });
    await runner.run(s);
    expect(pool.calls.length).toBe(4); // plan, baseline, and both noise-only twins
    await runner.run(s);
    expect(pool.calls.length).toBe(4);
    expect(runner.stageCount).toBe(1);
    expect(runner.result!.uncertainty).toEqual((await freshResult(s))!.uncertainty);
  });
});
