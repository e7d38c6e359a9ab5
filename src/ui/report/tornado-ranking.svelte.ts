import type { Scenario } from '../../scenario/types';
import { PlannerRun } from '../planner/planner-run.svelte';
import { planKey, scenarioHash, type PlanStore } from '../planner/saved';
import { rankingFrom, REPORT_TORNADO_FIGURE, usableTornado, type ReportRanking, type TornadoResult } from '../lib/report-ranking';
import { plans } from '../planner/state.svelte';

/**
 * The report's "assumptions that matter most": the tornado's ranking of ΔGMV. A tornado the Planner saved for a
 * scenario with the same compiled hash is used as it is (with its Monte Carlo step); otherwise the tornado is computed
 * here on the mean field (the Planner's first step: expected values, a few seconds in a worker) and kept for the page's
 * lifetime by hash.
 */
export class TornadoRankingState {
  status = $state<'idle' | 'computing' | 'ready' | 'failed'>('idle');
  ranking = $state.raw<ReportRanking | null>(null);
  failure = $state<string | null>(null);
  private hash: string | null = null;
  private readonly computed = new Map<string, ReportRanking>();
  private run: PlannerRun | null = null;

  constructor(
    private readonly store: () => PlanStore,
    private readonly makeRun: () => PlannerRun = () => new PlannerRun(),
  ) {}

  /** Rank for this scenario (again: a tornado saved in the Planner since is picked up). */
  async rankFor(s: Scenario): Promise<void> {
    const hash = scenarioHash(s);
    if (hash !== this.hash) {
      this.stop();
      this.hash = hash;
      this.ranking = null;
      this.status = 'computing';
    }
    let saved;
    try {
      saved = await this.store().get(planKey(s.id, 'tornado'));
    } catch {
      saved = undefined;
    }
    if (this.hash !== hash) return;
    const usable = usableTornado(saved, hash);
    if (usable) {
      this.stop();
      this.ranking = rankingFrom(usable, 'saved', saved!.savedAt);
      this.status = 'ready';
      return;
    }
    const known = this.computed.get(hash);
    if (known) {
      this.ranking = known;
      this.status = 'ready';
      return;
    }
    if (this.run?.busy) return;
    const run = (this.run = this.makeRun());
    run.onDone = (_batch, result) => {
      if (this.run !== run || this.hash !== hash) return;
      const r = rankingFrom(result.result as TornadoResult, 'computed', null);
      this.computed.set(hash, r);
      this.ranking = r;
      this.status = 'ready';
    };
    run.onEnd = () => {
      if (this.run !== run || run.status === 'done') return;
      this.status = 'failed';
      this.failure = run.failure ?? run.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    };
    this.status = 'computing';
    run.start({ batch: 1, kind: 'tornado', id: 'report', scenario: s, figure: REPORT_TORNADO_FIGURE, top: 0 });
  }

  stop(): void {
    this.run?.cancel();
    this.run = null;
  }
}

/** The report's ranking, kept while the app is open (leaving the report and coming back does not compute it again). */
export const reportRanking = new TornadoRankingState(() => plans());
