import { compileScenario } from '../../scenario/compile';
import type { Scenario } from '../../scenario/types';
import { compareSteps, compareSummaries, type Comparison } from '../../sim';
import { noiseOnly } from '../../sim';
import { rankDrivers, type Driver } from '../../sim';
import type { EngineConfig } from '../../sim';
import { inPieces } from '../lib/in-pieces';
import type { SimulationResult } from '../../sim';
import type { Summary } from '../../sim';
import { KEYS, readJson, writeJson, type KeyValueStore } from '../lib/storage';
import { BaselineCache } from '../lib/baseline-cache';
import { LIMITS } from '../../scenario/limits';
import { dropLease, failureKind, isCancelled, type FailureKind, type JobOwner, type PoolJobs, type PoolLease, type PoolLike, type PoolProgressLike } from './pool';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

/** A scenario that can be compared: a preset, a do-nothing baseline, or one of the user's scenarios. */
export interface Candidate {
  id: string;
  name: unknown;
  group: 'preset' | 'baseline' | 'mine';
  scenario: Scenario | null;
}

export interface ComparedEntry {
  id: string;
  name: unknown;
  scenario: Scenario;
  result: SimulationResult;
}

export interface CompareOutcome {
  entries: ComparedEntry[];
  referenceId: string;
  /** Each other entry compared with the reference, by entry id. */
  comparisons: Record<string, Comparison>;
  /**
   * The same comparisons with simulation noise only (every scenario rerun on the same seeds with its parameters at
   * their stated values); absent when no scenario drew assumed parameters. `comparisons` is noise + assumptions.
   */
  noise?: Record<string, Comparison>;
  /**
   * By entry id, the assumed parameters its paired ΔGMV (entry − reference, run by run) depends on most, by PRCC; only
   * for entries that drew assumed parameters, over at least 5 runs.
   */
  drivers?: Record<string, Driver[]>;
  seed: string;
  runs: number;
  days: number;
}

interface SavedCompare {
  selected: string[];
  reference: string | null;
}

/** Seed as typed: a whole number when it looks like one (as in scenario files), else the text. */
export function parseSeed(text: string): number | string {
  const t = text.trim();
  return /^\d+$/.test(t) && Number(t) <= 4294967295 ? Number(t) : t;
}

/**
 * The comparison: 2–4 scenarios run one after another on the same seed, runs and horizon (common random numbers),
 * then each compared with the chosen reference run by run. It shares the worker pool with the dashboard's run: started
 * while that run has the pool, it waits in line (status 'queued') and never cancels it.
 */
export class CompareState {
  selected = $state<string[]>([]);
  reference = $state<string | null>(null);
  runs = $state(20);
  seed = $state('1');
  days = $state(365);
  status = $state<'idle' | 'queued' | 'running' | 'done' | 'cancelled' | 'failed'>('idle');
  /** The scenario being run (0-based), runs done of it, and how many scenarios. */
  current = $state(0);
  done = $state(0);
  total = $state(0);
  /** Runs in flight and the days they have done between them; the share of the whole comparison done (0–1). */
  running = $state(0);
  runningDays = $state(0);
  fraction = $state(0);
  /** Whom a queued comparison waits for. */
  queuedBehind = $state<JobOwner | null>(null);
  /** Where a cancelled comparison stood when the user cancelled it. */
  cancelledAt = $state<'queued' | 'running' | null>(null);
  failure = $state.raw<{ kind: FailureKind | 'settings'; detail: string } | null>(null);
  outcome = $state.raw<CompareOutcome | null>(null);
  /** Summaries by entry id (kept for paired differences; not reactive). */
  summaries = new Map<string, Summary>();
  /** Noise-only twins of the summaries (the summary itself when a scenario drew nothing). */
  noiseSummaries = new Map<string, Summary>();
  /** Compiled configs by entry id (to rank the drivers of the paired differences; not reactive). */
  configs = new Map<string, EngineConfig>();
  /** Called when a comparison is done, or compared against another reference (the app saves it). */
  onDone: (() => void) | null = null;
  private token = 0;
  private lease: PoolLease | null = null;

  constructor(
    private readonly pool: PoolLike,
    private readonly jobs: PoolJobs,
    private readonly store?: KeyValueStore,
    /** Summaries by compiled config, shared with the dashboard: a scenario whose compiled config is unchanged is not run again. */
    private readonly cache: BaselineCache = new BaselineCache(),
  ) {
    const saved = store ? readJson<SavedCompare | null>(store, KEYS.compare, null) : null;
    if (saved && Array.isArray(saved.selected)) {
      this.selected = saved.selected.filter((s) => typeof s === 'string').slice(0, MAX_COMPARED);
      this.reference = typeof saved.reference === 'string' ? saved.reference : null;
    }
  }

  get busy(): boolean {
    return this.status === 'running' || this.status === 'queued';
  }

  toggle(id: string): void {
    if (this.selected.includes(id)) {
      this.selected = this.selected.filter((s) => s !== id);
      if (this.reference === id) this.reference = this.selected[0] ?? null;
    } else if (this.selected.length < MAX_COMPARED) {
      this.selected = [...this.selected, id];
      if (!this.reference) this.reference = id;
    }
    this.persist();
  }

  setReference(id: string): void {
    if (this.selected.includes(id)) this.reference = id;
    this.persist();
  }

  /** Take seed, runs and horizon from a scenario (the reference) as the common settings. */
  adoptSettings(s: Scenario): void {
    this.seed = String(s.seed);
    this.runs = s.runs;
    this.days = s.days;
  }

  /** Forget selections that no longer exist (a deleted scenario). */
  prune(valid: ReadonlySet<string>): void {
    const kept = this.selected.filter((s) => valid.has(s));
    if (kept.length !== this.selected.length) this.selected = kept;
    if (this.reference && !valid.has(this.reference)) this.reference = kept[0] ?? null;
  }

  async run(candidates: Candidate[]): Promise<void> {
    const chosen = this.selected.map((id) => candidates.find((c) => c.id === id)).filter((c): c is Candidate => !!c && !!c.scenario);
    if (chosen.length < MIN_COMPARED) return;
    const refId = this.reference && chosen.some((c) => c.id === this.reference) ? this.reference : chosen[0]!.id;
    // The reference first, so the others can be compared as soon as they finish.
    chosen.sort((a, b) => (a.id === refId ? -1 : b.id === refId ? 1 : 0));
    const seed = parseSeed(this.seed);
    // The common settings are typed by hand: keep them within the format's limits (NaN becomes the smallest value).
    const clamp = (v: number, hi: number) => Math.min(hi, Math.max(1, Math.round(Number.isFinite(v) ? v : 1)));
    const runs = clamp(this.runs, LIMITS.runs);
    const days = clamp(this.days, LIMITS.days);
    this.runs = runs;
    this.days = days;
    const heaviest = Math.max(...chosen.map((c) => c.scenario!.population.agents));
    if (heaviest * days * runs > LIMITS.work || (typeof seed === 'string' && (seed.length === 0 || seed.length > 64))) {
      // A comparison under way stops (the settings were changed for a new one), so nothing reads as running.
      if (this.busy) this.cancel();
      this.status = 'failed';
      this.outcome = null;
      this.failure = {
        kind: 'settings',
        detail:
          typeof seed === 'string' && (seed.length === 0 || seed.length > 64)
            ? 'the seed must be a whole number or a text of 1–64 characters'
            : `agents × days × runs = ${(heaviest * days * runs).toExponential(2)} exceeds the work limit of ${LIMITS.work.toExponential(0)}`,
      };
      return;
    }
    const token = ++this.token;
    // Running again while a comparison is under way replaces it (keeping its place with the pool).
    if (this.lease?.holding) this.pool.cancel();
    const lease = this.lease ?? this.jobs.acquire('compare');
    this.lease = lease;
    this.failure = null;
    this.outcome = null;
    this.cancelledAt = null;
    this.summaries = new Map();
    this.noiseSummaries = new Map();
    this.configs = new Map();
    this.total = chosen.length;
    this.current = 0;
    this.done = 0;
    this.running = 0;
    this.runningDays = 0;
    this.fraction = 0;
    this.queuedBehind = lease.holding ? null : this.jobs.current;
    this.status = lease.holding ? 'running' : 'queued';
    const entries: ComparedEntry[] = [];
    try {
      await lease.ready;
      if (token !== this.token) return;
      this.queuedBehind = null;
      this.status = 'running';
      for (let k = 0; k < chosen.length; k++) {
        const c = chosen[k]!;
        this.current = k;
        this.done = 0;
        const config = compileScenario(c.scenario!, { seed, runs, days });
        this.configs.set(c.id, config);
        // Already run in this page with the same compiled config (on the dashboard, or in an earlier comparison): reused.
        let summary = this.cache.get(config);
        if (!summary) {
          summary = await this.pool.run(config, (p: PoolProgressLike) => {
            if (token !== this.token) return;
            this.done = p.done;
            this.running = p.running ?? 0;
            this.runningDays = p.runningDays ?? 0;
            const f = p.daysDone !== undefined && p.days ? p.daysDone / (p.total * p.days) : p.done / p.total;
            this.fraction = (k + f) / chosen.length;
          });
          if (token !== this.token) return;
          this.cache.set(config, summary);
        }
        this.done = runs;
        this.fraction = (k + 1) / chosen.length;
        this.running = 0;
        this.runningDays = 0;
        this.summaries.set(c.id, summary);
        // Assumptions drawn: the noise-only twin on the same seeds, for the second band (docs/model.md § Uncertainty).
        let noise = summary;
        if (config.assumptions?.length) {
          const twin = noiseOnly(config);
          const cached = this.cache.get(twin);
          if (cached) noise = cached;
          else {
            noise = await this.pool.run(twin);
            if (token !== this.token) return;
            this.cache.set(twin, noise);
          }
        }
        this.noiseSummaries.set(c.id, noise);
        if (token !== this.token) return;
        entries.push({ id: c.id, name: c.name, scenario: c.scenario!, result: await inPieces(summary.resultSteps()) });
        if (token !== this.token) return;
      }
      const ref = this.summaries.get(refId)!;
      const comparisons: Record<string, Comparison> = {};
      for (const e of entries) {
        if (e.id === refId) continue;
        comparisons[e.id] = await inPieces(compareSteps(ref, this.summaries.get(e.id)!, { reference: refId, alternative: e.id }));
        if (token !== this.token) return;
      }
      this.outcome = { entries, referenceId: refId, comparisons, ...this.noiseComparisons(refId), drivers: this.driversOf(refId), seed: String(seed), runs, days };
      this.status = 'done';
      this.onDone?.();
    } catch (e) {
      if (token !== this.token) return;
      this.running = 0;
      this.runningDays = 0;
      if (isCancelled(e)) {
        this.cancelledAt ??= 'running';
        this.status = 'cancelled';
      } else {
        this.failure = failureKind(e);
        this.status = 'failed';
      }
    } finally {
      if (token === this.token) {
        this.lease?.release();
        this.lease = null;
      }
    }
  }

  /** The noise-only comparisons with reference `refId`, when some scenario drew assumed parameters. */
  private noiseComparisons(refId: string): { noise?: Record<string, Comparison> } {
    const drew = [...this.noiseSummaries.entries()].some(([id, s]) => s !== this.summaries.get(id));
    const ref = this.noiseSummaries.get(refId);
    if (!drew || !ref) return {};
    const noise: Record<string, Comparison> = {};
    for (const [id, s] of this.noiseSummaries) if (id !== refId) noise[id] = compareSummaries(ref, s, { reference: refId, alternative: id });
    return { noise };
  }

  /** Which drawn assumptions each entry's paired ΔGMV against reference `refId` depends on most (see `rankDrivers`). */
  private driversOf(refId: string): Record<string, Driver[]> {
    const out: Record<string, Driver[]> = {};
    const ref = this.summaries.get(refId);
    if (!ref) return out;
    const a = ref.figure('R.gmv');
    for (const [id, s] of this.summaries) {
      const config = this.configs.get(id);
      if (id === refId || !config?.assumptions?.length) continue;
      const b = s.figure('R.gmv');
      const ranked = rankDrivers(config, Float64Array.from({ length: Math.min(a.length, b.length) }, (_, r) => b[r]! - a[r]!));
      if (ranked.length) out[id] = ranked.slice(0, 8);
    }
    return out;
  }

  /** Compare against another reference without rerunning (the runs are paired already). */
  rereference(id: string): void {
    const o = this.outcome;
    if (!o || !this.summaries.has(id)) return;
    const ref = this.summaries.get(id)!;
    const comparisons: Record<string, Comparison> = {};
    for (const e of o.entries) {
      if (e.id === id) continue;
      comparisons[e.id] = compareSummaries(ref, this.summaries.get(e.id)!, { reference: id, alternative: e.id });
    }
    this.reference = id;
    this.outcome = { ...o, referenceId: id, comparisons, ...this.noiseComparisons(id), drivers: this.driversOf(id) };
    this.persist();
    this.onDone?.();
  }

  /** Cancel at once: the status says so now, the workers stop, the next job in line gets the pool. */
  cancel(): void {
    if (!this.busy) return;
    this.token++;
    dropLease(this.lease, this.pool);
    this.lease = null;
    this.cancelledAt = this.status === 'queued' ? 'queued' : 'running';
    this.status = 'cancelled';
    this.queuedBehind = null;
    this.running = 0;
    this.runningDays = 0;
  }

  private persist(): void {
    if (this.store) writeJson(this.store, KEYS.compare, { selected: this.selected, reference: this.reference } satisfies SavedCompare);
  }
}
