import type { EngineConfig } from '../config';
import { causeNames } from '../config';
import { formatIsoDate } from '../civil-date';
import { ledgerWindows } from './brand-figures';
import { weeksOf, type RunDigest } from './digest';
import { figureList, FIGURES, FLOW_PAIRS, type Figure, type FigureFamily } from './figures';
import type { CauseSummary, SimulationResult, TierRecord } from './result';
import { bandSteps, drain, round6, stat, type Band, type Stat } from './stats';
import { TIERS, TIER_COUNT } from '../tiers';
import { getTactic } from '../tactics/registry';

const PAIRS = TIER_COUNT * TIER_COUNT;
const STAR_GROUPS = ['S', 'T', 'A', 'R'];
/** Each cause's account (`cause.*.gmv` …), in the registry's order. */
const CAUSE_FAMILIES = (FIGURES as readonly FigureFamily[]).filter((f) => f.key.startsWith('cause.*.'));

/**
 * Summarises run digests across runs. Digests must be added in run order (0, 1, 2, …) — never in the order workers
 * finish — so every floating-point sum is done in the same order and the result's bytes do not depend on how many
 * workers ran.
 */
export class Summary {
  readonly keys: string[];
  /** The config's figures (figures.ts), in the order of `keys`. */
  private readonly list: Figure[];
  private readonly days: number;
  private readonly weeks: number;
  private readonly causes: string[];
  private next = 0;
  readonly figures: Float64Array;
  private readonly tiers: Float32Array;
  private readonly orders: Float32Array;
  private readonly first: Float32Array;
  private readonly gmv: Float32Array;
  private readonly cost: Float32Array;
  private readonly newAssets: Float32Array;
  private readonly rates: Float32Array;
  private readonly gmvByTier: Float64Array;
  private readonly moves: Float64Array;
  private readonly causeMoves: Float64Array;
  private readonly causeCost: Float64Array;

  constructor(private readonly config: EngineConfig) {
    const runs = config.runs;
    this.list = figureList(config, ledgerWindows(config));
    this.keys = this.list.map((f) => f.key);
    this.days = config.days;
    this.weeks = weeksOf(config.days);
    this.causes = causeNames(config);
    this.figures = new Float64Array(runs * this.keys.length);
    this.tiers = new Float32Array(runs * (this.days + 1) * TIER_COUNT);
    this.orders = new Float32Array(runs * this.days);
    this.first = new Float32Array(runs * this.days);
    this.gmv = new Float32Array(runs * this.days);
    this.cost = new Float32Array(runs * this.days);
    this.newAssets = new Float32Array(runs * this.weeks);
    this.rates = new Float32Array(runs * this.weeks * FLOW_PAIRS.length);
    this.gmvByTier = new Float64Array(this.weeks * TIER_COUNT);
    this.moves = new Float64Array(this.days * PAIRS);
    this.causeMoves = new Float64Array(this.causes.length * PAIRS);
    this.causeCost = new Float64Array(this.days * this.causes.length);
  }

  get added(): number {
    return this.next;
  }

  add(d: RunDigest): void {
    if (d.run !== this.next) throw new Error(`run ${d.run} added out of order (expected run ${this.next})`);
    const r = this.next++;
    this.figures.set(d.figures, r * this.keys.length);
    this.tiers.set(d.tiers, r * (this.days + 1) * TIER_COUNT);
    this.orders.set(d.orders, r * this.days);
    this.first.set(d.firstPurchases, r * this.days);
    this.gmv.set(d.gmv, r * this.days);
    this.cost.set(d.cost, r * this.days);
    this.newAssets.set(d.weeklyNewAssets, r * this.weeks);
    this.rates.set(d.weeklyRates, r * this.weeks * FLOW_PAIRS.length);
    for (let k = 0; k < this.gmvByTier.length; k++) this.gmvByTier[k]! += d.weeklyGmvByTier[k]!;
    for (let k = 0; k < this.moves.length; k++) this.moves[k]! += d.moves[k]!;
    for (let k = 0; k < this.causeMoves.length; k++) this.causeMoves[k]! += d.causeMoves[k]!;
    for (let k = 0; k < this.causeCost.length; k++) this.causeCost[k]! += d.causeCost[k]!;
  }

  /** The values of one figure across the runs added so far. */
  figure(key: string): Float64Array {
    const k = this.keys.indexOf(key);
    if (k < 0) throw new RangeError(`unknown figure ${key}`);
    const out = new Float64Array(this.next);
    for (let r = 0; r < this.next; r++) out[r] = this.figures[r * this.keys.length + k]!;
    return out;
  }

  /**
   * A daily series of every run added so far, runs × steps, in real customers or yuan: `assets`, a tier name
   * (`R5`), `orders`, `gmv`, `cost`, `cumulativeGmv` or `cumulativeCost`. Used for paired differences over time.
   */
  series(name: string): { data: Float64Array; steps: number } {
    const runs = this.next;
    const sc = this.config.scale;
    const days = this.days;
    const steps = days + 1;
    const t = (TIERS as readonly string[]).indexOf(name);
    if (name === 'assets' || t >= 0) {
      const out = new Float64Array(runs * steps);
      for (let r = 0; r < runs; r++)
        for (let d = 0; d < steps; d++) {
          let v = 0;
          if (t >= 0) v = this.tiers[(r * steps + d) * TIER_COUNT + t]!;
          else for (let k = 1; k < TIER_COUNT; k++) v += this.tiers[(r * steps + d) * TIER_COUNT + k]!;
          out[r * steps + d] = v * sc;
        }
      return { data: out, steps };
    }
    const src = { orders: this.orders, gmv: this.gmv, cost: this.cost, cumulativeGmv: this.gmv, cumulativeCost: this.cost }[name];
    if (!src) throw new RangeError(`unknown series ${name}`);
    const out = new Float64Array(runs * days);
    const cumulative = name.startsWith('cumulative');
    for (let r = 0; r < runs; r++) {
      let acc = 0;
      for (let d = 0; d < days; d++) {
        // Money is already in real yuan for costs; counts and GMV scale from agents.
        const v = src[r * days + d]! * (src === this.cost ? 1 : sc);
        acc = cumulative ? acc + v : v;
        out[r * days + d] = acc;
      }
    }
    return { data: out, steps: days };
  }

  private stat(key: string): Stat | null {
    return stat(this.figure(key));
  }

  /**
   * The result's `star` block: every S, T, A and R figure of the registry (figures.ts), in its order, nested by its
   * key (`T.count.R5` → T.count.R5; a family with parts is an object, empty when the config has none of them).
   */
  private star(): SimulationResult['star'] {
    const star: Record<string, Record<string, unknown>> = {};
    for (const f of FIGURES as readonly FigureFamily[]) {
      const [group, name] = f.key.split('.') as [string, string];
      if (!STAR_GROUPS.includes(group)) continue;
      const block = (star[group] ??= {});
      block[name] = f.parts
        ? Object.fromEntries(this.list.filter((x) => x.family === f).map((x) => [x.part, this.stat(x.key)]))
        : this.stat(f.key);
    }
    return star as unknown as SimulationResult['star'];
  }

  result(): SimulationResult {
    return drain(this.resultSteps());
  }

  /**
   * `result()` in pieces: a generator that pauses about every 20 000 sorted values, so the app can summarise many
   * runs on its UI thread without a long task. The result is the same bytes as `result()`.
   */
  *resultSteps(): Generator<void, SimulationResult> {
    const runs = this.next;
    const chunk = Math.max(1, Math.floor(20000 / Math.max(1, runs)));
    const band = (data: ArrayLike<number>, r: number, steps: number, mul = 1): Generator<void, Band> => bandSteps(data, r, steps, mul, chunk);
    if (runs === 0) throw new Error('no runs to summarise');
    const cfg = this.config;
    const sc = cfg.scale;
    const days = this.days;
    const weeks = this.weeks;
    const steps = days + 1;

    // Daily tier bands: gather tier t of every run into a runs × steps block.
    const tierBlock = new Float64Array(runs * steps);
    const tierBand = (t: number) => {
      for (let r = 0; r < runs; r++)
        for (let d = 0; d < steps; d++) tierBlock[r * steps + d] = this.tiers[(r * steps + d) * TIER_COUNT + t]!;
      return band(tierBlock, runs, steps, sc);
    };
    const tierBands: Band[] = [];
    for (let t = 0; t < TIER_COUNT; t++) tierBands.push(yield* tierBand(t));
    const tiers = Object.fromEntries(TIERS.map((name, t) => [name, tierBands[t]!])) as TierRecord<Band>;
    for (let r = 0; r < runs; r++)
      for (let d = 0; d < steps; d++) {
        let s = 0;
        for (let t = 1; t < TIER_COUNT; t++) s += this.tiers[(r * steps + d) * TIER_COUNT + t]!;
        tierBlock[r * steps + d] = s;
      }
    const assets = yield* band(tierBlock, runs, steps, sc);
    const cumulative = (src: Float32Array) => {
      const out = new Float64Array(runs * days);
      for (let r = 0; r < runs; r++) {
        let acc = 0;
        for (let d = 0; d < days; d++) {
          acc += src[r * days + d]!;
          out[r * days + d] = acc;
        }
      }
      return out;
    };
    const rateBlock = new Float64Array(runs * weeks);
    const flowRates: Record<string, Band> = {};
    for (let k = 0; k < FLOW_PAIRS.length; k++) {
      const p = FLOW_PAIRS[k]!;
      for (let r = 0; r < runs; r++)
        for (let w = 0; w < weeks; w++) {
          const v = this.rates[(r * weeks + w) * FLOW_PAIRS.length + k]!;
          // A week that starts with the tier empty has no rate; it counts as no movement in the band.
          rateBlock[r * weeks + w] = Number.isFinite(v) ? v : 0;
        }
      flowRates[p.name] = yield* band(rateBlock, runs, weeks);
    }
    const mean = (x: number) => round6(x / runs);
    const matrix = (src: Float64Array, offset: number, mul: number) =>
      Array.from({ length: TIER_COUNT }, (_, i) =>
        Array.from({ length: TIER_COUNT }, (_, j) => mean(src[offset + i * TIER_COUNT + j]! * mul)),
      );
    const flowMoves = new Float64Array(PAIRS);
    for (let d = 0; d < days; d++) for (let k = 0; k < PAIRS; k++) flowMoves[k]! += this.moves[d * PAIRS + k]!;

    const byCause: Record<string, CauseSummary> = {};
    for (let ci = 0; ci < this.causes.length; ci++) {
      const c = this.causes[ci]!;
      yield;
      const dailyCost = new Array<number>(days);
      for (let d = 0; d < days; d++) dailyCost[d] = mean(this.causeCost[d * this.causes.length + ci]!);
      byCause[c] = {
        ...(Object.fromEntries(CAUSE_FAMILIES.map((f) => [f.key.split('.')[2]!, this.stat(f.key.replace('*', c))])) as Omit<CauseSummary, 'movesMatrix' | 'dailyCost'>),
        movesMatrix: matrix(this.causeMoves, ci * PAIRS, sc),
        dailyCost,
      };
    }
    const rateMatrix = Array.from({ length: TIER_COUNT }, (_, i) =>
      Array.from({ length: TIER_COUNT }, (_, j) => {
        if (i === j) return null;
        const s = this.stat(`A.rate.${TIERS[i]}>${TIERS[j]}`);
        return s ? s.mean : null;
      }),
    );
    const dailyMoves: number[][] = [];
    for (let d = 0; d < days; d++) {
      const row = new Array<number>(PAIRS);
      for (let k = 0; k < PAIRS; k++) row[k] = mean(this.moves[d * PAIRS + k]! * sc);
      dailyMoves.push(row);
    }
    const gmvByTier = Object.fromEntries(
      TIERS.map((name, t) => [name, Array.from({ length: weeks }, (_, w) => mean(this.gmvByTier[w * TIER_COUNT + t]! * sc))]),
    ) as TierRecord<number[]>;

    return {
      format: 'star-sandbox-result',
      schemaVersion: 1,
      meta: {
        scenarioId: cfg.scenarioId,
        seed: cfg.seed,
        runs,
        days,
        agents: cfg.agents,
        scale: sc,
        startDate: formatIsoDate(cfg.startDay),
        weeks,
        tiers: [...TIERS],
        causes: this.causes,
        heterogeneity: cfg.heterogeneity,
        repeatModel: cfg.repeatModel.kind,
      },
      daily: {
        tiers,
        assets,
        orders: yield* band(this.orders, runs, days, sc),
        firstPurchases: yield* band(this.first, runs, days, sc),
        gmv: yield* band(this.gmv, runs, days, sc),
        cost: yield* band(this.cost, runs, days),
        cumulativeGmv: yield* band(cumulative(this.gmv), runs, days, sc),
        cumulativeCost: yield* band(cumulative(this.cost), runs, days),
        demand: cfg.demand.map(round6),
        moves: dailyMoves,
      },
      weekly: {
        newAssets: yield* band(this.newAssets, runs, weeks),
        gmvByTier,
        flowRates,
      },
      totals: {
        orders: this.stat('R.orders'),
        firstPurchases: this.stat('R.firstPurchases'),
        repeatPurchases: this.stat('R.repeatPurchases'),
        gmv: this.stat('R.gmv'),
        cost: this.stat('R.cost'),
      },
      flows: { moves: matrix(flowMoves, 0, sc), rates: rateMatrix },
      star: this.star(),
      byCause,
      tactics: Object.fromEntries(
        cfg.tactics.map((t) => [t.id, Object.fromEntries(getTactic(t.type).metrics.map((m) => [m.key, this.stat(`tactic.${t.id}.${m.key}`)]))]),
      ),
      events: Object.fromEntries(
        cfg.tactics
          .filter((t) => this.keys.includes(`E.${t.id}.events`))
          .map((t) => [t.id, { ordersPerBuyer: this.stat(`E.${t.id}.ordersPerBuyer`), multiOrderShare: this.stat(`E.${t.id}.multiOrderShare`), events: this.figure(`E.${t.id}.events`)[0] ?? 0 }]),
      ),
    };
  }
}
