import { compileScenario } from '../../scenario/compile';
import type { Scenario } from '../../scenario/types';
import type { EngineConfig } from '../../sim';
import { tacticValues, type ContributionReport } from '../../sim';
import { MEAN_FIELD_MAX_TACTICS, meanFieldFigures, planShapley, shapleySubsetCount, subsetConfig } from '../../sim';
import type { MeanFieldResult } from '../../sim';
import type { SimulationResult } from '../../sim';
import type { Summary } from '../../sim';
import { compareSteps } from '../../sim';
import { inPieces } from '../lib/in-pieces';
import { BaselineCache, configKey } from '../lib/baseline-cache';
import { doNothing } from '../../scenario/variants';
import { incrementalResult, withIncremental } from '../../sim';
import { noiseOnly, uncertaintyResult } from '../../sim';
import { dropLease, failureKind, isCancelled, type FailureKind, type JobOwner, type PoolJobs, type PoolLease, type PoolLike, type PoolProgressLike } from './pool';

/** Run `f` in a later task (not a microtask), so the browser can paint and handle input in between. */
function nextTask(f: () => void): void {
  setTimeout(f, 0);
}

export type RunStatus = 'idle' | 'queued' | 'projecting' | 'running' | 'done' | 'cancelled' | 'failed';
/**
 * The batches of runs behind one result, in order: the plan; its do-nothing baseline (the plan's effect); and, when
 * assumptions are drawn, the noise-only twins of both (the simulation-noise band). Cached batches are skipped.
 */
export type RunStage = 'plan' | 'baseline' | 'planNoise' | 'baselineNoise';
export type ContribStatus = 'idle' | 'queued' | 'running' | 'done' | 'cancelled' | 'failed';

/** Partial results are recomputed at most this often while runs finish (each costs a Summary.result()). */
const PARTIAL_EVERY_MS = 1500;
/**
 * Summary.result() costs main-thread time in proportion to the runs summarised (about 0.6 ms per run of a year in
 * Chromium): partial results stop after this many runs, so none of them blocks the page; progress carries on.
 */
const PARTIAL_MAX_RUNS = 60;

/**
 * Runs the open scenario: the mean-field projection first (instant), then every Monte Carlo run in the worker pool,
 * with progress (runs done, and the days done within the runs in flight), time left, bands that fill in as runs
 * finish (from the pool's in-order summary), cancel, and worker failures named for what they are. The final result
 * comes from one summary over runs 0…N−1, so it has the same bytes as the command line's for the same scenario and
 * seed.
 *
 * The pool is shared with the comparison: a run started while the comparison has the pool waits in line
 * (status 'queued', `queuedBehind`), and never cancels it. Running again while a run is under way replaces that run
 * (it keeps its place), and the new run says so (`superseded`). The status is set the moment anything changes: after
 * cancel nothing reads as running.
 */
export class Runner {
  status = $state<RunStatus>('idle');
  done = $state(0);
  total = $state(0);
  /** Days in one run, runs being simulated now, and the days those have done between them. */
  days = $state(0);
  running = $state(0);
  runningDays = $state(0);
  /** The batch under way, its place among the batches this run needs (0-based), and how many there are. */
  stage = $state<RunStage>('plan');
  stageIndex = $state(0);
  stageCount = $state(1);
  /** Runs done in the batch under way, and its size (`done`/`total` stay the plan's own runs). */
  stageDone = $state(0);
  stageTotal = $state(0);
  /** Seconds left (estimate), null until the first progress report. */
  secondsLeft = $state<number | null>(null);
  elapsed = $state(0);
  /** Whom a queued run (or removal-effects job) waits for. */
  queuedBehind = $state<JobOwner | null>(null);
  /** This run replaced one that was still under way (it had finished `done` of `total` runs). */
  superseded = $state.raw<{ done: number; total: number } | null>(null);
  /** Where a cancelled run stood when the user cancelled it: still in line, or under way. */
  cancelledAt = $state<'queued' | 'running' | null>(null);
  meanField = $state.raw<MeanFieldResult | null>(null);
  result = $state.raw<SimulationResult | null>(null);
  /** The result holds fewer runs than asked for (still running, or cancelled). */
  partial = $state(false);
  failure = $state.raw<{ kind: FailureKind; detail: string } | null>(null);
  /** The scenario that was run, and its JSON (to tell when the draft has changed since). */
  scenario = $state.raw<Scenario | null>(null);
  scenarioJson = $state('');
  contributions = $state.raw<ContributionReport | null>(null);
  contribStatus = $state<ContribStatus>('idle');
  contribDone = $state(0);
  contribTotal = $state(0);
  contribFailure = $state.raw<{ kind: FailureKind; detail: string } | null>(null);

  config: EngineConfig | null = null;
  summary: Summary | null = null;
  /**
   * Summaries run so far by compiled config: do-nothing baselines, reused while unchanged (the plan's effect needs one
   * per run), and the plans' own summaries and noise-only twins, which a run of the same plan and Compare reuse (the
   * app hands Compare this cache).
   */
  readonly baselines = new BaselineCache();
  /** The last baseline came from the cache (not run again). */
  baselineReused = $state(false);
  /** The last plan's own runs came from the cache (the same compiled config was run before in this page). */
  planReused = $state(false);
  /** When the result shown was saved, if it was reopened from storage (ISO 8601); null for a result run now. */
  restoredAt = $state<string | null>(null);
  /** Called when a run, or its per-tactic values, are done (the app saves them). */
  onDone: ((what: 'run' | 'contributions') => void) | null = null;
  private token = 0;
  private startedAt = 0;
  private lastPartialAt = 0;
  /** This runner's place with the pool (held or in line), while a job of it is under way. */
  private lease: PoolLease | null = null;

  constructor(
    private readonly pool: PoolLike,
    private readonly jobs: PoolJobs,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Share of the whole job done, every batch counted: runs finished plus the days done within the runs in flight. */
  get fraction(): number {
    if (this.status === 'done') return 1;
    const inFlight = this.days > 0 ? this.runningDays / this.days : 0;
    const within = this.stageTotal > 0 ? Math.min(1, (this.stageDone + inFlight) / this.stageTotal) : 0;
    return this.stageCount > 0 ? (this.stageIndex + within) / this.stageCount : 0;
  }

  /** The Monte Carlo run is under way or waiting (not the removal effects). */
  get active(): boolean {
    return this.status === 'queued' || this.status === 'projecting' || this.status === 'running';
  }

  get busy(): boolean {
    return this.active || this.contribStatus === 'running' || this.contribStatus === 'queued';
  }

  /** Take the pool (or a place in line), keeping the place of a job of this runner that is replaced. */
  private takeLease(): PoolLease {
    const lease = this.lease ?? this.jobs.acquire('runner');
    this.lease = lease;
    return lease;
  }

  private endLease(token: number): void {
    if (token !== this.token) return;
    this.lease?.release();
    this.lease = null;
  }

  async run(scenario: Scenario): Promise<void> {
    const previous = this.busy ? { done: this.active ? this.done : this.contribDone, total: this.active ? this.total : this.contribTotal } : null;
    const token = ++this.token;
    // Replacing a run of this runner: stop its work; the new run keeps its place with the pool.
    if (this.lease?.holding) this.pool.cancel();
    const lease = this.takeLease();
    const config = compileScenario(scenario);
    // The plan already run in this page with the same compiled config (scenario, seed, runs, horizon): its summary is
    // reused, not run again (running an unchanged draft again, or a plan Compare has run); so is the projection shown.
    const cached = this.baselines.get(config);
    const shownProjection = this.config && this.meanField && configKey(this.config) === configKey(config) ? this.meanField : null;
    this.config = config;
    this.summary = null;
    this.scenario = scenario;
    this.scenarioJson = JSON.stringify(scenario);
    this.restoredAt = null;
    this.meanField = null;
    this.result = null;
    this.partial = false;
    this.failure = null;
    this.superseded = previous;
    this.cancelledAt = null;
    this.contributions = null;
    this.contribStatus = 'idle';
    this.contribFailure = null;
    this.done = 0;
    this.total = config.runs;
    // The batches this result needs (cached baselines are not run again), for one progress bar over all of them.
    const baseConfig = config.tactics.length > 0 ? compileScenario(doNothing(scenario)) : null;
    const drawn = (config.assumptions?.length ?? 0) > 0;
    const stages: RunStage[] = ['plan'];
    if (baseConfig && !this.baselines.get(baseConfig)) stages.push('baseline');
    if (drawn && !this.baselines.get(noiseOnly(config))) stages.push('planNoise');
    if (drawn && baseConfig && !this.baselines.get(noiseOnly(baseConfig))) stages.push('baselineNoise');
    this.stage = 'plan';
    this.stageIndex = 0;
    this.stageCount = stages.length;
    this.stageDone = 0;
    this.stageTotal = config.runs;
    this.days = config.days;
    this.running = 0;
    this.runningDays = 0;
    this.secondsLeft = null;
    this.elapsed = 0;
    this.queuedBehind = lease.holding ? null : this.jobs.current;
    this.status = lease.holding ? 'projecting' : 'queued';
    try {
      await lease.ready;
      if (token !== this.token) return;
      this.queuedBehind = null;
      this.status = 'projecting';
      this.startedAt = this.now();
      this.lastPartialAt = this.startedAt;
      const mf = shownProjection ?? (await this.pool.meanField(config));
      if (token !== this.token) return;
      this.meanField = mf;
      this.status = 'running';
      const mcStart = this.now();
      this.planReused = cached !== undefined;
      const summary =
        cached ??
        (await this.pool.run(config, (p) => {
          if (token === this.token) this.onProgress(p, mcStart);
        }));
      if (token !== this.token) return;
      this.summary = summary;
      this.baselines.set(config, summary);
      this.running = 0;
      this.runningDays = 0;
      // Summarised in pieces between event-loop turns: hundreds of runs must not freeze the page.
      const result = await inPieces(summary.resultSteps());
      await new Promise<void>((ok) => nextTask(ok));
      if (token !== this.token) return;
      this.result = result;
      this.partial = false;
      // The plan's effect: its do-nothing counterpart on the same seeds, after the plan's runs, in the same pool;
      // reused from the cache while its compiled config is unchanged.
      let base: Summary | null = null;
      if (baseConfig) {
        base = this.baselines.get(baseConfig) ?? null;
        this.baselineReused = base !== null;
        if (!base) {
          base = await this.pool.run(baseConfig, this.stageProgress('baseline', stages, mcStart, token));
          if (token !== this.token) return;
          this.baselines.set(baseConfig, base);
        }
        this.result = withIncremental(result, incrementalResult(summary, base, config.margin, baseConfig.scenarioId));
      }
      // Runs that drew assumed parameters: the noise-only band from the same runs and seeds at the stated values
      // (the baseline's twin cached like the baseline), then both bands and the drivers (docs/model.md § Uncertainty).
      if (config.assumptions?.length) {
        const planTwin = noiseOnly(config);
        let planNoise = this.baselines.get(planTwin) ?? null;
        if (!planNoise) {
          planNoise = await this.pool.run(planTwin, this.stageProgress('planNoise', stages, mcStart, token));
          if (token !== this.token) return;
          this.baselines.set(planTwin, planNoise);
        }
        let baseNoise: Summary | null = null;
        if (baseConfig) {
          const twin = noiseOnly(baseConfig);
          baseNoise = this.baselines.get(twin) ?? null;
          if (!baseNoise) {
            baseNoise = await this.pool.run(twin, this.stageProgress('baselineNoise', stages, mcStart, token));
            if (token !== this.token) return;
            this.baselines.set(twin, baseNoise);
          }
        }
        this.result = { ...this.result!, uncertainty: uncertaintyResult(config, summary, base, planNoise, baseNoise) };
      }
      this.done = summary.added;
      this.secondsLeft = 0;
      this.elapsed = (this.now() - this.startedAt) / 1000;
      this.status = 'done';
      this.onDone?.('run');
    } catch (e) {
      if (token !== this.token) return;
      this.running = 0;
      this.runningDays = 0;
      this.secondsLeft = null;
      if (isCancelled(e)) {
        this.cancelledAt ??= 'running';
        this.status = 'cancelled';
      } else {
        this.failure = failureKind(e);
        this.status = 'failed';
      }
    } finally {
      this.endLease(token);
    }
  }

  /**
   * Cancel what this runner has under way (the run, or the removal effects), at once: the status says so now, the
   * workers stop, and the next job in line (a comparison) gets the pool. A run still in line just leaves it.
   */
  cancel(): void {
    if (!this.busy) return;
    this.token++;
    dropLease(this.lease, this.pool);
    this.lease = null;
    if (this.active) {
      this.cancelledAt = this.status === 'queued' ? 'queued' : 'running';
      this.status = 'cancelled';
      this.secondsLeft = null;
    }
    if (this.contribStatus === 'running' || this.contribStatus === 'queued') this.contribStatus = 'cancelled';
    this.queuedBehind = null;
    this.running = 0;
    this.runningDays = 0;
  }

  /** Progress of a later batch (baseline, noise-only twins): the stage, its runs, the time left over all batches. */
  private stageProgress(stage: RunStage, stages: RunStage[], mcStart: number, token: number): (p: PoolProgressLike) => void {
    this.stage = stage;
    this.stageIndex = Math.max(0, stages.indexOf(stage));
    this.stageDone = 0;
    this.running = 0;
    this.runningDays = 0;
    return (p) => {
      if (token !== this.token) return;
      this.stageDone = p.done;
      this.stageTotal = p.total;
      this.running = p.running ?? 0;
      this.runningDays = p.runningDays ?? 0;
      this.updateTimeLeft(mcStart);
    };
  }

  private updateTimeLeft(mcStart: number): void {
    const t = this.now();
    const elapsed = (t - mcStart) / 1000;
    this.elapsed = (t - this.startedAt) / 1000;
    const frac = this.fraction;
    this.secondsLeft = frac > 0 && elapsed > 0 ? (elapsed / frac) * (1 - frac) : null;
  }

  private onProgress(p: PoolProgressLike, mcStart: number): void {
    const t = this.now();
    this.done = p.done;
    this.total = p.total;
    this.stageDone = p.done;
    this.stageTotal = p.total;
    this.running = p.running ?? 0;
    this.runningDays = p.runningDays ?? 0;
    this.updateTimeLeft(mcStart);
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

  /**
   * Each tactic's Shapley value and removal effect: subsets of the tactics rerun on the same seeds (the do-nothing
   * baseline reused when cached). First the mean field's 2ⁿ projections, in a worker: they choose the Monte Carlo
   * design and give the instant estimate.
   */
  async computeContributions(): Promise<void> {
    const config = this.config;
    const full = this.summary;
    if (!config || !full || this.busy) return;
    const token = ++this.token;
    const lease = this.takeLease();
    const n = config.tactics.length;
    const empty = this.scenario && n > 0 ? this.baselines.get(compileScenario(doNothing(this.scenario))) : undefined;
    this.contribFailure = null;
    this.contribDone = 0;
    this.contribTotal = (shapleySubsetCount(n) - 1 - (empty ? 1 : 0)) * config.runs;
    this.queuedBehind = lease.holding ? null : this.jobs.current;
    this.contribStatus = lease.holding ? 'running' : 'queued';
    let finished = 0;
    try {
      await lease.ready;
      if (token !== this.token) return;
      this.queuedBehind = null;
      this.contribStatus = 'running';
      let meanFieldValues: Array<Record<string, number>> | null = null;
      if (n >= 1 && n <= MEAN_FIELD_MAX_TACTICS) {
        // The 2ⁿ projections are independent: one lane per worker, each taking the next subset, so every worker
        // projects (one after the other in a single worker, the others stood idle).
        const values: Array<Record<string, number>> = new Array(1 << n);
        let next = 0;
        const lane = async (k: number) => {
          while (next < 1 << n && token === this.token) {
            const m = next++;
            values[m] = meanFieldFigures(await this.pool.meanField(subsetConfig(config, m), k));
          }
        };
        await Promise.all(Array.from({ length: Math.max(1, this.pool.size) }, (_, k) => lane(k)));
        if (token !== this.token) return;
        meanFieldValues = values;
      }
      const plan = planShapley(config, { meanFieldValues });
      const report = await tacticValues(
        config,
        full,
        async (c) => {
          const s = await this.pool.run(c, (p) => {
            if (token === this.token) this.contribDone = finished + p.done;
          });
          finished += c.runs;
          return s;
        },
        { plan, empty, compare: (a, b, names) => inPieces(compareSteps(a, b, names)) },
      );
      if (token !== this.token) return;
      this.contributions = report;
      this.contribStatus = 'done';
      this.onDone?.('contributions');
    } catch (e) {
      if (token !== this.token) return;
      if (isCancelled(e)) this.contribStatus = 'cancelled';
      else {
        this.contribFailure = failureKind(e);
        this.contribStatus = 'failed';
      }
    } finally {
      this.endLease(token);
    }
  }

  /**
   * Show a saved result (reopened from storage or carried by a link) as if it had just run: read-only in the sense
   * that nothing can be computed on from it (no summaries of the runs are kept, so per-tactic values need a new run).
   * Ignored while a job is under way.
   */
  restore(saved: { scenario: Scenario; scenarioJson?: string; result: SimulationResult; contributions: ContributionReport | null; savedAt: string }): void {
    if (this.busy) return;
    this.token++;
    this.config = null;
    this.summary = null;
    this.scenario = saved.scenario;
    this.scenarioJson = saved.scenarioJson ?? JSON.stringify(saved.scenario);
    this.restoredAt = saved.savedAt;
    this.meanField = null;
    this.result = saved.result;
    this.partial = false;
    this.failure = null;
    this.superseded = null;
    this.cancelledAt = null;
    this.contributions = saved.contributions;
    this.contribStatus = saved.contributions ? 'done' : 'idle';
    this.contribFailure = null;
    this.done = saved.result.meta.runs;
    this.total = saved.result.meta.runs;
    this.days = saved.result.meta.days;
    this.running = 0;
    this.runningDays = 0;
    this.secondsLeft = 0;
    this.elapsed = 0;
    this.queuedBehind = null;
    this.status = 'done';
  }

  /** The figures now shown come from a different scenario than the open draft. */
  isStale(currentScenarioJson: string | null): boolean {
    return this.scenarioJson !== '' && currentScenarioJson !== null && currentScenarioJson !== this.scenarioJson;
  }
}
