import { describe, expect, it } from 'vitest';
import { Runner } from '../../src/ui/state/runner.svelte';
import { CompareState, type Candidate } from '../../src/ui/state/compare.svelte';
import { PoolJobs } from '../../src/ui/state/pool';
import { doNothing } from '../../src/scenario/variants';
import { scenario } from '../helpers';
import { FakePool } from './fake-pool';

/**
 * No work done twice: Compare reuses a summary whose compiled config (scenario, seed, runs, horizon) is unchanged —
 * one the dashboard has just run, or one of an earlier comparison. The oracle is the pool's own log of the batches
 * it ran (FakePool.calls), and the figures of a comparison run from scratch.
 */

const ads = (dailySpend: number) => [{ id: 'ads-1', type: 'ads', schedule: { daily: true }, dailySpend }];

function candidates(plan: ReturnType<typeof scenario>): Candidate[] {
  return [
    { id: 'user:plan', name: 'Plan', group: 'mine', scenario: plan },
    { id: 'baseline:user:plan', name: 'Do nothing', group: 'baseline', scenario: doNothing(plan) },
  ];
}

function select(cmp: CompareState, seed: string, runs: number, days: number): void {
  cmp.toggle('user:plan');
  cmp.toggle('baseline:user:plan');
  cmp.setReference('baseline:user:plan');
  cmp.seed = seed;
  cmp.runs = runs;
  cmp.days = days;
}

describe('Compare reuses what was already run with the same compiled config', () => {
  it('runs nothing for the scenario and baseline just run on the dashboard, and gives the figures of a fresh comparison', async () => {
    const pool = new FakePool();
    const jobs = new PoolJobs();
    const runner = new Runner(pool, jobs);
    const cmp = new CompareState(pool, jobs, undefined, runner.baselines);
    const plan = scenario({ runs: 3, days: 25, seed: 7, tactics: ads(5000) });
    await runner.run(plan);
    expect(pool.calls.length).toBe(2); // the plan, then its do-nothing baseline
    select(cmp, '7', 3, 25);
    await cmp.run(candidates(plan));
    expect(cmp.status).toBe('done');
    expect(pool.calls.length).toBe(2);

    // The same comparison on a pool of its own, nothing cached: the same figures.
    const fresh = new CompareState(new FakePool(), new PoolJobs());
    select(fresh, '7', 3, 25);
    await fresh.run(candidates(plan));
    expect(cmp.outcome!.comparisons).toEqual(fresh.outcome!.comparisons);
    expect(cmp.outcome!.entries.map((e) => e.result)).toEqual(fresh.outcome!.entries.map((e) => e.result));
  });

  it('runs again only what changed: a new seed runs both, the same settings again run nothing, a changed plan runs the plan', async () => {
    const pool = new FakePool();
    const cmp = new CompareState(pool, new PoolJobs());
    const plan = scenario({ runs: 2, days: 20, tactics: ads(5000) });
    select(cmp, '1', 2, 20);
    await cmp.run(candidates(plan));
    expect(pool.calls.length).toBe(2);
    await cmp.run(candidates(plan));
    expect(pool.calls.length).toBe(2);
    cmp.seed = '2';
    await cmp.run(candidates(plan));
    expect(pool.calls.length).toBe(4);
    cmp.runs = 3;
    await cmp.run(candidates(plan));
    expect(pool.calls.length).toBe(6);
    // A tactic edited: the do-nothing baseline is unchanged and reused, the plan runs.
    await cmp.run(candidates(scenario({ runs: 2, days: 20, tactics: ads(9000) })));
    expect(pool.calls.length).toBe(7);
    expect(cmp.status).toBe('done');
  });

  it('reuses the noise-only twins too when the scenario draws its assumed parameters', async () => {
    const pool = new FakePool();
    const jobs = new PoolJobs();
    const runner = new Runner(pool, jobs);
    const cmp = new CompareState(pool, jobs, undefined, runner.baselines);
    const plan = scenario({ runs: 2, days: 20, seed: 5, uncertainty: { assumptions: true }, tactics: ads(5000) });
    await runner.run(plan);
    expect(pool.calls.length).toBe(4); // plan, baseline, and both noise-only twins
    select(cmp, '5', 2, 20);
    await cmp.run(candidates(plan));
    expect(cmp.status).toBe('done');
    expect(cmp.outcome!.noise).toBeDefined();
    expect(pool.calls.length).toBe(4);
  });
});
