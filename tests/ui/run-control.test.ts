import { describe, expect, it } from 'vitest';
import { Runner } from '../../src/ui/state/runner.svelte';
import { CompareState, type Candidate } from '../../src/ui/state/compare.svelte';
import { PoolJobs, failureKind, isCancelled } from '../../src/ui/state/pool';
import { WorkerCrashError, WorkerLoadError } from '../../src/worker/client';
import { doNothing } from '../../src/scenario/variants';
import { compileScenario } from '../../src/scenario/compile';
import { runAll, scenario } from '../helpers';
import { FakePool, until } from './fake-pool';

/** A runner and a comparison on one pool and one line, as the app wires them. */
function wired() {
  const pool = new FakePool();
  const jobs = new PoolJobs();
  const runner = new Runner(pool, jobs);
  const cmp = new CompareState(pool, jobs);
  const s = scenario({ runs: 2, days: 20 });
  const candidates: Candidate[] = [
    { id: 'x', name: 'x', group: 'mine', scenario: s },
    { id: 'y', name: 'y', group: 'baseline', scenario: doNothing(s) },
  ];
  cmp.toggle('x');
  cmp.toggle('y');
  cmp.runs = 2;
  cmp.days = 20;
  return { pool, jobs, runner, cmp, candidates };
}

describe('the line for the pool', () => {
  it('gives the pool to one job at a time, first come first served, and never cancels the holder', async () => {
    const jobs = new PoolJobs();
    const a = jobs.acquire('runner');
    expect(a.holding).toBe(true);
    expect(jobs.current).toBe('runner');
    const b = jobs.acquire('compare');
    expect(b.holding).toBe(false);
    expect(jobs.waiting).toEqual(['compare']);
    let bReady = false;
    void b.ready.then(() => (bReady = true));
    await Promise.resolve();
    expect(bReady).toBe(false);
    a.release();
    await b.ready;
    expect(bReady).toBe(true);
    expect(b.holding).toBe(true);
    expect(jobs.current).toBe('compare');
    a.release(); // twice: nothing happens
    expect(jobs.current).toBe('compare');
    b.release();
    expect(jobs.current).toBe(null);
  });

  it('a job that leaves the line before it starts is told it was cancelled, and the line moves on', async () => {
    const jobs = new PoolJobs();
    const a = jobs.acquire('runner');
    const b = jobs.acquire('compare');
    const c = jobs.acquire('runner');
    b.release();
    await expect(b.ready).rejects.toSatisfy(isCancelled);
    expect(jobs.waiting).toEqual(['runner']);
    a.release();
    await c.ready;
    expect(c.holding).toBe(true);
  });
});

describe('a new run never cancels another', () => {
  it('a comparison started during a dashboard run waits in line and says so; both finish', async () => {
    const { pool, runner, cmp, candidates } = wired();
    pool.pauseAfter = 1;
    const s = scenario({ runs: 3 });
    const r = runner.run(s);
    await until(() => runner.done === 1);
    const c = cmp.run(candidates);
    // At once: the comparison is queued behind the run, and the run carries on.
    expect(cmp.status).toBe('queued');
    expect(cmp.queuedBehind).toBe('runner');
    expect(cmp.busy).toBe(true);
    expect(runner.status).toBe('running');
    pool.resume();
    await r;
    expect(runner.status).toBe('done');
    expect(runner.done).toBe(3);
    expect(JSON.stringify(runner.result)).toBe(JSON.stringify(runAll(compileScenario(s)).result()));
    await c;
    expect(cmp.status).toBe('done');
    expect(cmp.outcome!.entries).toHaveLength(2);
    // Never two jobs on the pool at once, and the comparison's runs came after the dashboard's.
    expect(pool.maxActive).toBe(1);
    expect(pool.calls.map((x) => x.runs)).toEqual([3, 2, 2]);
  });

  it('a dashboard run started during a comparison waits in line and says so; both finish', async () => {
    const { pool, runner, cmp, candidates } = wired();
    const c = cmp.run(candidates);
    expect(cmp.status).toBe('running');
    const r = runner.run(scenario({ runs: 2 }));
    expect(runner.status).toBe('queued');
    expect(runner.queuedBehind).toBe('compare');
    expect(runner.busy).toBe(true);
    await c;
    expect(cmp.status).toBe('done');
    await r;
    expect(runner.status).toBe('done');
    expect(pool.maxActive).toBe(1);
  });

  it('removal effects asked for during a comparison wait in line too', async () => {
    const { pool, runner, cmp, candidates } = wired();
    await runner.run(scenario({ runs: 2, tactics: [{ id: 'ads-1', type: 'ads', schedule: { daily: true }, dailySpend: 5000 }] }));
    const c = cmp.run(candidates);
    const k = runner.computeContributions();
    expect(runner.contribStatus).toBe('queued');
    expect(runner.status).toBe('done');
    await c;
    await k;
    expect(cmp.status).toBe('done');
    expect(runner.contribStatus).toBe('done');
    expect(pool.maxActive).toBe(1);
  });

  it('running again while a run is under way replaces it, and the new run says so', async () => {
    const pool = new FakePool();
    const runner = new Runner(pool, new PoolJobs());
    pool.pauseAfter = 1;
    const first = runner.run(scenario({ runs: 4 }));
    await until(() => runner.done === 1);
    pool.pauseAfter = Infinity;
    const s = scenario({ runs: 2 });
    const second = runner.run(s);
    expect(runner.superseded).toEqual({ done: 1, total: 4 });
    await first;
    await second;
    expect(runner.status).toBe('done');
    expect(JSON.stringify(runner.result)).toBe(JSON.stringify(runAll(compileScenario(s)).result()));
    // A run started after that one ended replaces nothing.
    await runner.run(s);
    expect(runner.superseded).toBe(null);
  });
});

describe('status is always true', () => {
  it('cancel says cancelled at once (nothing reads as running), and the queued comparison starts', async () => {
    const { pool, runner, cmp, candidates } = wired();
    pool.pauseAfter = 1;
    const r = runner.run(scenario({ runs: 4 }));
    await until(() => runner.done === 1);
    const c = cmp.run(candidates);
    expect(cmp.status).toBe('queued');
    pool.pauseAfter = Infinity;
    runner.cancel();
    // Synchronously: no waiting for the pool to answer.
    expect(runner.status).toBe('cancelled');
    expect(runner.cancelledAt).toBe('running');
    expect(runner.active).toBe(false);
    expect(runner.busy).toBe(false);
    expect(runner.running).toBe(0);
    expect(runner.secondsLeft).toBe(null);
    expect(runner.done).toBe(1);
    await r;
    expect(runner.status).toBe('cancelled');
    await c;
    expect(cmp.status).toBe('done');
    expect(runner.status).toBe('cancelled');
  });

  it('cancelling a queued job takes it out of the line: it never runs, and says it was cancelled before it started', async () => {
    const { pool, runner, cmp, candidates } = wired();
    const r = runner.run(scenario({ runs: 2 }));
    const c = cmp.run(candidates);
    expect(cmp.status).toBe('queued');
    cmp.cancel();
    expect(cmp.status).toBe('cancelled');
    expect(cmp.cancelledAt).toBe('queued');
    await c;
    await r;
    expect(runner.status).toBe('done');
    expect(cmp.status).toBe('cancelled');
    expect(pool.calls).toHaveLength(1);
    // And the other way round: a queued dashboard run.
    const c2 = cmp.run(candidates);
    const r2 = runner.run(scenario({ runs: 2 }));
    expect(runner.status).toBe('queued');
    runner.cancel();
    expect(runner.status).toBe('cancelled');
    expect(runner.cancelledAt).toBe('queued');
    await c2;
    await r2;
    expect(cmp.status).toBe('done');
    expect(runner.status).toBe('cancelled');
  });

  it('cancelling the comparison leaves the dashboard run alone', async () => {
    const { pool, runner, cmp, candidates } = wired();
    pool.pauseAfter = 1;
    const c = cmp.run(candidates);
    await until(() => cmp.done === 1);
    const r = runner.run(scenario({ runs: 2 }));
    expect(runner.status).toBe('queued');
    pool.pauseAfter = Infinity;
    cmp.cancel();
    expect(cmp.status).toBe('cancelled');
    expect(cmp.cancelledAt).toBe('running');
    await c;
    await r;
    expect(runner.status).toBe('done');
  });

  it('progress moves within a run: days of the runs in flight, and a time-left estimate from the first report', async () => {
    const pool = new FakePool();
    let clock = 0;
    const runner = new Runner(pool, new PoolJobs(), () => (clock += 1000));
    pool.pauseMidwayOf = 0;
    const s = scenario({ runs: 3, days: 40 });
    const p = runner.run(s);
    await until(() => runner.running === 1);
    // The first report comes before any run has finished: days done, and an estimate already.
    expect(runner.done).toBe(0);
    expect(runner.runningDays).toBe(20);
    expect(runner.days).toBe(40);
    expect(runner.secondsLeft).not.toBe(null);
    expect(runner.secondsLeft!).toBeGreaterThan(0);
    pool.resume();
    await p;
    expect(runner.status).toBe('done');
    expect(runner.running).toBe(0);
    expect(runner.runningDays).toBe(0);
  });

  it('the comparison reports its share done, days within runs included', async () => {
    const { cmp, candidates } = wired();
    const fractions: number[] = [];
    const c = cmp.run(candidates);
    while (cmp.status === 'running') {
      fractions.push(cmp.fraction);
      await new Promise((ok) => setTimeout(ok, 0));
    }
    await c;
    expect(fractions.some((f) => f > 0 && f < 0.25)).toBe(true); // halfway through the first of 4 runs: 1/8
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]!).toBeGreaterThanOrEqual(fractions[k - 1]!);
  });
});

describe('failures named for what they are', () => {
  it('a worker that never loaded is a load failure, not out of memory', () => {
    expect(failureKind(new WorkerLoadError('')).kind).toBe('load');
    expect(failureKind(new WorkerLoadError('Failed to fetch')).kind).toBe('load');
    expect(failureKind(new TypeError('Failed to fetch dynamically imported module: http://x/assets/a.js')).kind).toBe('load');
    expect(failureKind(new RangeError('Array buffer allocation failed')).kind).toBe('oom');
    expect(failureKind(new WorkerCrashError('Out of memory')).kind).toBe('oom');
    expect(failureKind(new WorkerCrashError('Uncaught Error: boom')).kind).toBe('crash');
    expect(failureKind(new WorkerCrashError('the simulation worker stopped unexpectedly')).kind).toBe('crash');
  });

  it('each kind reaches the run and the comparison, and the next run works', async () => {
    for (const [error, kind] of [
      [new WorkerLoadError(''), 'load'],
      [new RangeError('Array buffer allocation failed'), 'oom'],
      [new WorkerCrashError('Uncaught Error: boom'), 'crash'],
    ] as const) {
      const { pool, runner, cmp, candidates } = wired();
      pool.failWith = error;
      await runner.run(scenario({ runs: 2 }));
      expect(runner.status).toBe('failed');
      expect(runner.failure!.kind).toBe(kind);
      await cmp.run(candidates);
      expect(cmp.status).toBe('failed');
      expect(cmp.failure!.kind).toBe(kind);
      pool.failWith = null;
      await runner.run(scenario({ runs: 2 }));
      expect(runner.status).toBe('done');
      expect(runner.failure).toBe(null);
    }
  });
});
