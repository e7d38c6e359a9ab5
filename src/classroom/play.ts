import { restoreRun, saveRun, stepDays, type RunSnapshot } from '../sim';
import { runMeanField } from '../sim';
import { FIRST_TACTIC_CAUSE, type EngineConfig } from '../sim';
import { createRun, simulateRun } from '../sim';
import type { RunRecord } from '../sim';
import { StateError } from '../sim';
import { R4, R5, TIER_COUNT } from '../sim';
import { classConfig, SCORE_KEYS, type ClassFile, type RoundDecision, type ScoreKey } from './class-file';

/**
 * Playing a class: a team's plan round by round, each round continuing every run from the previous round's
 * checkpoint (checkpoint.ts), and the figures the scorecard reads at the end of each round — all against the
 * do-nothing baseline on the same seeds (run i of the plan and of the baseline share their random streams, so every
 * difference is paired, as in src/sim/results/incremental.ts).
 */

/** Figures at the end of a round, from the start of the class (cumulative); means over the runs. */
export interface RoundFigures {
  /** Days done. */
  day: number;
  /** Incremental GMV (plan − do-nothing), yuan, from day 0. */
  incrementalGmv: number;
  /** Incremental R5 at the end of the round (plan − do-nothing), people. */
  r5Growth: number;
  /** Incremental ROI: incremental GMV ÷ the plan's cost, both from day 0 (null without cost). */
  incrementalRoi: number | null;
  /**
   * Structure health (T): the share of buyers (R4 + R5) among crowd assets (R1–R5) at the end of the round, plan −
   * do-nothing, in percentage points.
   */
  structureHealth: number;
  /** Cost per truly new buyer: the plan's cost ÷ incremental first purchases ever, from day 0 (null when ≤ 0). */
  costPerNewBuyer: number | null;
  /** The plan's cost, yuan: from day 0, and in this round alone. */
  cost: number;
  roundCost: number;
  /** The plan's GMV from day 0, yuan (total, not incremental). */
  gmv: number;
  /** People per tier at the end of the round, plan (total). */
  tiers: number[];
  /** Incremental new buyers from day 0, people. */
  incrementalNewBuyers: number;
  /** What moved whom: per lever (in the class's lever order), people its tactic moved up a tier from day 0 (total). */
  leverMoves: number[];
  /** Per lever, its tactic's cost from day 0, yuan (total). */
  leverCost: number[];
}

function sum(a: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let d = from; d < to; d++) s += a[d]!;
  return s;
}

/** The figures through day `D` from paired plan and baseline records of every run. */
export function roundFigures(config: EngineConfig, plan: readonly RunRecord[], base: readonly RunRecord[], D: number, roundStart: number, levers: readonly string[] = []): RoundFigures {
  const n = plan.length;
  const sc = config.scale;
  let dGmv = 0;
  let dR5 = 0;
  let cost = 0;
  let roundCost = 0;
  let dNew = 0;
  let dShare = 0;
  let gmv = 0;
  const tiers = new Array<number>(TIER_COUNT).fill(0);
  const causes = levers.map((id) => FIRST_TACTIC_CAUSE + config.tactics.findIndex((t) => t.id === id));
  const leverMoves = levers.map(() => 0);
  const leverCost = levers.map(() => 0);
  const share = (r: RunRecord) => {
    let assets = 0;
    for (let t = 1; t < TIER_COUNT; t++) assets += r.tiers[D * TIER_COUNT + t]!;
    return assets > 0 ? (r.tiers[D * TIER_COUNT + R4]! + r.tiers[D * TIER_COUNT + R5]!) / assets : 0;
  };
  for (let i = 0; i < n; i++) {
    const p = plan[i]!;
    const b = base[i]!;
    const g = sum(p.gmv, 0, D) * sc;
    gmv += g;
    dGmv += g - sum(b.gmv, 0, D) * sc;
    dR5 += (p.tiers[D * TIER_COUNT + R5]! - b.tiers[D * TIER_COUNT + R5]!) * sc;
    cost += sum(p.cost, 0, D) - sum(b.cost, 0, D);
    roundCost += sum(p.cost, roundStart, D) - sum(b.cost, roundStart, D);
    dNew += (sum(p.newBuyers, 0, D) - sum(b.newBuyers, 0, D)) * sc;
    dShare += share(p) - share(b);
    for (let t = 0; t < TIER_COUNT; t++) tiers[t]! += p.tiers[D * TIER_COUNT + t]! * sc;
    causes.forEach((c, k) => {
      for (let from = 0; from < TIER_COUNT; from++) for (let to = from + 1; to < TIER_COUNT; to++) leverMoves[k]! += p.causeMoves[c * TIER_COUNT * TIER_COUNT + from * TIER_COUNT + to]! * sc;
      for (let d = 0; d < D; d++) leverCost[k]! += p.causeCost[d * p.causes + c]!;
    });
  }
  const m = (x: number) => x / n;
  return {
    day: D,
    incrementalGmv: m(dGmv),
    r5Growth: m(dR5),
    incrementalRoi: cost > 0 ? dGmv / cost : null,
    structureHealth: (100 * dShare) / n,
    costPerNewBuyer: dNew > 0 ? cost / dNew : null,
    cost: m(cost),
    roundCost: m(roundCost),
    gmv: m(gmv),
    tiers: tiers.map(m),
    incrementalNewBuyers: m(dNew),
    leverMoves: leverMoves.map(m),
    leverCost: leverCost.map(m),
  };
}

/** The do-nothing baseline of a class: every run over the whole horizon (the same for every team). */
export function baselineRecords(cls: ClassFile): RunRecord[] {
  const c = classConfig(cls, null);
  return Array.from({ length: cls.runs }, (_, i) => simulateRun(c, i));
}

/**
 * A team's plan, played round by round. Each round's config holds the decisions so far (later rounds off); every run
 * continues from its checkpoint at the end of the previous round. Decisions of past rounds cannot change.
 */
export class TeamRunner {
  private snaps: RunSnapshot[] = [];
  private config: EngineConfig | null = null;
  readonly decisions: RoundDecision[] = [];
  readonly figures: RoundFigures[] = [];
  /** Rounds whose checkpoint could not carry the plan over and were replayed from day 0 (see restoreRun). */
  replayed = 0;

  constructor(
    readonly cls: ClassFile,
    private readonly base: readonly RunRecord[],
  ) {}

  get round(): number {
    return this.decisions.length;
  }

  /** Play the next round with these lever values; its figures (cumulative from day 0). */
  play(decision: RoundDecision): RoundFigures {
    const cls = this.cls;
    const r = this.round;
    if (r >= cls.rounds) throw new Error(`the class has ${cls.rounds} rounds; all are played`);
    const decisions = [...this.decisions, decision];
    const config = classConfig(cls, decisions);
    const L = cls.roundDays;
    const records: RunRecord[] = [];
    const snaps: RunSnapshot[] = [];
    for (let i = 0; i < cls.runs; i++) {
      let s;
      let from = r * L;
      if (r === 0) s = createRun(config, i);
      else {
        try {
          s = restoreRun(config, this.snaps[i]!, this.config!);
        } catch (e) {
          if (!(e instanceof StateError) || e.path !== 'ledger.windows') throw e;
          // The new plan's events reach back before the checkpoint: replay this run from day 0 (same bits).
          s = createRun(config, i);
          from = 0;
          if (i === 0) this.replayed++;
        }
      }
      stepDays(s, from, (r + 1) * L);
      snaps.push(saveRun(s, (r + 1) * L));
      records.push(s.rec.rec);
    }
    const f = roundFigures(config, records, this.base, (r + 1) * L, r * L, cls.levers.map((l) => l.tactic));
    this.snaps = snaps;
    this.config = config;
    this.decisions.push(decision);
    this.figures.push(f);
    return f;
  }

  /** The records of the runs so far (through the last round played), for charts of flows and costs. */
  lastSnapshots(): readonly RunSnapshot[] {
    return this.snaps;
  }
}

/** Play a whole list of decisions from the start. */
export function replay(cls: ClassFile, decisions: readonly RoundDecision[], base: readonly RunRecord[] = baselineRecords(cls)): RoundFigures[] {
  const t = new TeamRunner(cls, base);
  for (const d of decisions) t.play(d);
  return t.figures;
}

/** The par plan: every lever at its default in every round (the scorecard's yardstick). */
export function parDecisions(cls: ClassFile, rounds = cls.rounds): RoundDecision[] {
  return Array.from({ length: rounds }, () => cls.levers.map((l) => l.default));
}

export type ScoreParts = Record<ScoreKey, number>;

/**
 * A score from 0 up (100 = as good as the par plan on every figure), weighted by the class's scorecard. Each figure
 * scores 100 × figure ÷ par (cost per new buyer: par ÷ figure, lower is better), clamped to [−200, 300]; a figure the
 * team or the par lacks (no cost, no new buyers) scores 0.
 */
export function score(cls: ClassFile, f: RoundFigures, par: RoundFigures): { total: number; parts: ScoreParts } {
  const clamp = (x: number) => Math.max(-200, Math.min(300, x));
  const ratio = (a: number | null, b: number | null, lowerBetter = false): number => {
    if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return 0;
    if (lowerBetter) return a > 0 && b > 0 ? clamp((100 * b) / a) : 0;
    return clamp((100 * a) / Math.abs(b));
  };
  const parts: ScoreParts = {
    incrementalGmv: ratio(f.incrementalGmv, par.incrementalGmv),
    r5Growth: ratio(f.r5Growth, par.r5Growth),
    incrementalRoi: ratio(f.incrementalRoi, par.incrementalRoi),
    structureHealth: ratio(f.structureHealth, par.structureHealth),
    costPerNewBuyer: ratio(f.costPerNewBuyer, par.costPerNewBuyer, true),
  };
  let w = 0;
  let total = 0;
  for (const k of SCORE_KEYS) {
    w += cls.weights[k];
    total += cls.weights[k] * parts[k];
  }
  return { total: w > 0 ? total / w : 0, parts };
}

/**
 * Each lever's estimated spend for one round at effort 1: the mean-field projection (expected values) of the class's
 * market with that lever alone on in the first round. The editor's budget bar multiplies it by the lever's value; the
 * spend the engine books after the round is the real one (coupons' discounts, members' points vary with the market).
 */
export function leverUnitCosts(cls: ClassFile): number[] {
  return cls.levers.map((_, k) => {
    const one = cls.levers.map((__, j) => (j === k ? 1 : 0));
    const mf = runMeanField({ ...classConfig(cls, [one]), days: cls.roundDays });
    return mf.cost.reduce((a, b) => a + b, 0);
  });
}

/** A round's estimated spend, yuan: Σ lever value × its unit cost. */
export function estimatedSpend(unit: readonly number[], decision: RoundDecision): number {
  return decision.reduce((s, v, k) => s + v * (unit[k] ?? 0), 0);
}
