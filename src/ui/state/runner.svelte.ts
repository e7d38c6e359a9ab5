import { compileScenario } from '../../scenario/compile';
import type { Scenario } from '../../scenario/types';
import type { EngineConfig } from '../../sim/config';
import { tacticContributions, type ContributionReport } from '../../sim/contributions';
import type { MeanFieldResult } from '../../sim/meanfield';
import type { SimulationResult } from '../../sim/result';
import type { Summary } from '../../sim/summary';
import { compareSteps } from '../../sim/compare';
import { inPieces } from '../lib/in-pieces';
import { failureKind, isCancelled, type PoolJobs, type PoolLike, type PoolProgressLike } from './pool';

/** Run `f` in a later task (not a microtask), so the browser can paint and handle input in between. */
function nextTask(f: () => void): void {
  setTimeout(f, 0);
}

export type RunStatus = 'idle' | 'projecting' | 'running' | 'done' | 'cancelled' | 'failed';

/** Partial results are recomputed at most this often while runs finish (each costs a Summary.result()). */
const PARTIAL_EVERY_MS = 1500;
/**
 * Summary.result() costs main-thread time in proportion to the runs summarised (about 0.6 ms per run of a year in
 * Chromium): partial results stop after this many runs, so none of them blocks the page; progress carries on.
 */
const PARTIAL_MAX_RUNS = 60;

/**
 * Runs the open scenario: the mean-field projection first (instant), then every Monte Carlo run in the worker pool,
 * with progress, time left, bands that fill in as runs finish (from the pool's in-order summary), cancel, and worker
 * failures in plain words. The final result comes from one summary over runs 0…N−1, so it has the same bytes as the
 * command line's for the same scenario and seed.
 */
export class Runner {
  status = $state<RunStatus>('idle');
  done = $state(0);
  total = $state(0);
  /** Seconds left (estimate), null until the first runs finish. */
  secondsLeft = $state<number | null>(null);
  elapsed = $state(0);
  meanField = $state.raw<MeanFieldResult | null>(null);
  result = $state.raw<SimulationResult | null>(null);
  /** The result holds fewer runs than asked for (still running, or cancelled). */
  partial = $state(false);
  failure = $state.raw<{ kind: 'oom' | 'failed'; detail: string } | null>(null);
  /** The scenario that was run, and its JSON (to tell when the draft has changed since). */
  scenario = $state.raw<Scenario | null>(null);
  scenarioJson = $state('');
  contributions = $state.raw<ContributionReport | null>(null);
  contribStatus = $state<'idle' | 'running' | 'done' | 'cancelled' | 'failed'>('idle');
  contribDone = $state(0);
  contribTotal = $state(0);

  config: EngineConfig | null = null;
  summary: Summary | null = null;
  private token = 0;
  private startedAt = 0;
  private lastPartialAt = 0;

  constructor(
    private readonly pool: PoolLike,
    private readonly jobs: PoolJobs,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get busy(): boolean {
    return this.status === 'projecting' || this.status === 'running' || this.contribStatus === 'running';
  }

  async run(scenario: Scenario): Promise<void> {
    if (this.busy) this.pool.cancel();
    const token = ++this.token;
    this.jobs.begin('runner', () => this.cancel());
    const config = compileScenario(scenario);
    this.config = config;
    this.summary = null;
    this.scenario = scenario;
    this.scenarioJson = JSON.stringify(scenario);
    this.meanField = null;
    this.result = null;
    this.partial = false;
    this.failure = null;
    this.contributions = null;
    this.contribStatus = 'idle';
    this.done = 0;
    this.total = config.runs;
    this.secondsLeft = null;
    this.elapsed = 0;
    this.status = 'projecting';
    this.startedAt = this.now();
    this.lastPartialAt = this.startedAt;
    try {
      const mf = await this.pool.meanField(config);
      if (token !== this.token) return;
      this.meanField = mf;
      this.status = 'running';
      const mcStart = this.now();
      const summary = await this.pool.run(config, (p) => {
        if (token === this.token) this.onProgress(p, mcStart);
      });
      if (token !== this.token) return;
      this.summary = summary;
      // Summarised in pieces between event-loop turns: hundreds of runs must not freeze the page.
      const result = await inPieces(summary.resultSteps());
      await new Promise<void>((ok) => nextTask(ok));
      if (token !== this.token) return;
      this.result = result;
      this.partial = false;
      this.done = summary.added;
      this.secondsLeft = 0;
      this.elapsed = (this.now() - this.startedAt) / 1000;
      this.status = 'done';
    } catch (e) {
      if (token !== this.token) return;
      if (isCancelled(e)) {
        this.status = 'cancelled';
      } else {
        this.failure = failureKind(e);
        this.status = 'failed';
      }
    } finally {
      if (token === this.token) this.jobs.end('runner');
    }
  }

  cancel(): void {
    if (!this.busy) return;
    this.pool.cancel();
  }

  private onProgress(p: PoolProgressLike, mcStart: number): void {
    const t = this.now();
    this.done = p.done;
    this.total = p.total;
    const elapsed = (t - mcStart) / 1000;
    this.elapsed = (t - this.startedAt) / 1000;
    this.secondsLeft = p.done > 0 ? (elapsed / p.done) * (p.total - p.done) : null;
    const s = p.summary;
    // Bands fill in: recompute the partial result now and then from the runs summarised so far (in run order).
    if (s && s.added > 0 && s.added < p.total && s.added <= PARTIAL_MAX_RUNS && t - this.lastPartialAt >= PARTIAL_EVERY_MS) {
      if (!this.result || this.result.meta.runs < s.added) {
        this.lastPartialAt = t;
        const token = this.token;
        const partial = s.result();
        // Draw it in the next task: summarising and re-drawing in one task could block the page for too long.
        nextTask(() => {
          if (token === this.token && this.status === 'running') {
            this.result = partial;
            this.partial = true;
          }
        });
      }
    }
  }

  /** Each tactic's removal effect: the scenario rerun without it on the same seeds (N extra runs per tactic). */
  async computeContributions(): Promise<void> {
    const config = this.config;
    const full = this.summary;
    if (!config || !full || this.busy) return;
    const token = this.token;
    this.jobs.begin('runner', () => this.cancel());
    this.contribStatus = 'running';
    this.contribDone = 0;
    this.contribTotal = config.tactics.length * config.runs;
    let finished = 0;
    try {
      const report = await tacticContributions(config, full, async (c) => {
        const s = await this.pool.run(c, (p) => {
          if (token === this.token) this.contribDone = finished + p.done;
        });
        finished += c.runs;
        return s;
      }, (a, b, names) => inPieces(compareSteps(a, b, names)));
      if (token !== this.token) return;
      this.contributions = report;
      this.contribStatus = 'done';
    } catch (e) {
      if (token !== this.token) return;
      this.contribStatus = isCancelled(e) ? 'cancelled' : 'failed';
      if (!isCancelled(e)) this.failure = failureKind(e);
    } finally {
      if (token === this.token) this.jobs.end('runner');
    }
  }

  /** The figures now shown come from a different scenario than the open draft. */
  isStale(currentScenarioJson: string | null): boolean {
    return this.scenarioJson !== '' && currentScenarioJson !== null && currentScenarioJson !== this.scenarioJson;
  }
}
