import { describe, expect, it } from 'vitest';
import { scenario, tacticMarket } from '../helpers';
import { FakePool } from './fake-pool';
import { PoolJobs } from '../../src/ui/state/pool';
import { PlannerPool } from '../../src/ui/planner/planner-pool';
import { compileScenario } from '../../src/scenario/compile';
import { runDigests } from '../../src/sim/batch';
import { Summary } from '../../src/sim/results/summary';

/** The planner's Monte Carlo on the app's pool: in the pool's line with the dashboard and Compare, never beside them. */
function config() {
  return compileScenario(
    scenario({
      ...tacticMarket({ days: 20, runs: 3, seed: 9, agents: 300 }),
      tactics: [{ id: 'ads', type: 'ads', schedule: { daily: true }, dailySpend: 1000 }],
    }),
  );
}

describe('PlannerPool', () => {
  it('waits in line behind the dashboard’s run, then runs every run of the job on the pool, and holds the pool until the batch ends', async () => {
    const fake = new FakePool();
    const jobs = new PoolJobs();
    const dashboard = jobs.acquire('runner');
    const pp = new PlannerPool(fake, jobs);
    let queued = 0;
    const done: number[] = [];
    const c = config();
    const p = pp.run(c, () => queued++, (d) => done.push(d));
    await new Promise((ok) => setTimeout(ok, 20));
    expect(queued).toBe(1);
    expect(fake.started).toBe(0);
    dashboard.release();
    const totals = await p;
    expect(fake.started).toBe(1);
    expect(done.at(-1)).toBe(3);
    // The totals are the runs' own figures, in run order (an independent summary of the same runs).
    const s = new Summary(c);
    for (const d of runDigests(c, 0, c.runs)) s.add(d);
    const want = Array.from(s.figure('R.gmv'));
    expect(totals.gmv).toHaveLength(3);
    totals.gmv!.forEach((v, r) => expect(Math.abs(v - want[r]!)).toBeLessThanOrEqual(1e-5 * Math.abs(want[r]!)));
    expect(totals['A.rate.R3>R4']).toHaveLength(3);
    // A second job of the same batch does not queue again; the dashboard asking now waits for the batch to end.
    expect(jobs.current).toBe('planner');
    await pp.run(c, () => queued++, () => undefined);
    expect(queued).toBe(1);
    const again = jobs.acquire('runner');
    expect(again.holding).toBe(false);
    pp.release();
    expect(again.holding).toBe(true);
    expect(fake.maxActive).toBe(1);
  });

  it('cancel stops the pool’s work when the batch holds it, and leaves the line', async () => {
    const fake = new FakePool();
    fake.pauseAfter = 1;
    const jobs = new PoolJobs();
    const pp = new PlannerPool(fake, jobs);
    const p = pp.run(config(), () => undefined, () => undefined);
    await new Promise((ok) => setTimeout(ok, 20));
    expect(jobs.current).toBe('planner');
    pp.cancel();
    // The pool's job ends at once (a pool left running would still hold its worker: the race says so in 2 s).
    await expect(Promise.race([p, new Promise((_, no) => setTimeout(() => no(new Error('still running')), 2000))])).rejects.toThrow(/^cancelled$/);
    expect(jobs.current).toBe(null);
  });
});
