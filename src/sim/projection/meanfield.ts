import type { EngineConfig } from '../config';
import { CAUSE_WORD_OF_MOUTH, FIRST_TACTIC_CAUSE } from '../config';
import { formatIsoDate } from '../civil-date';
import type { MeanFieldDay } from './meanfield-day';
import { DORMANT_DAYS } from '../step/moves';
import { TRAIT_SHAPES } from '../step/population';
import { withinHeadroom } from '../response';
import { Rng } from '../step/rng';
import { DaySources, MAX_SOURCES_PER_TIER, TRAIT_SOCIAL } from '../step/sources';
import { channelOpeners } from '../step/model';
import { round6 } from '../results/stats';
import { R0, R1, R3, R4, R5, TIERS, TIER_COUNT } from '../tiers';
import { getTactic } from '../tactics/registry';
import type { ExpectedRuntime, TacticEnv } from '../tactics/types';

/**
 * The mean-field (expected-value) projection: the same day as the engine, but on expected counts instead of agents.
 *
 * With heterogeneity off it is exactly the expectation of the baseline chain (x_{t+1} = x_t·P_t) and of word of mouth,
 * because every transition is linear in the counts given the day's start — the oracle the tests compare the engine
 * with. With heterogeneity on, the population is split into classes by the traits that shape the baseline (forward
 * and reverse propensity, purchase rate; for BG/NBD the rate λ and dropout p), each class projected on its own; the
 * marketing traits (respond, social, price) enter at their mean of 1. Tactics contribute through their `expect`
 * runtimes, which turn agent-level effects into expected tier-level ones. It runs in milliseconds, so the app shows it
 * at once while the Monte Carlo runs fill in.
 */
export interface MeanFieldResult {
  format: 'star-sandbox-meanfield';
  meta: { scenarioId: string; days: number; agents: number; scale: number; startDate: string; classes: number };
  /** Expected real customers per tier per day (days + 1 values, index 0 = the initial state). */
  tiers: Record<string, number[]>;
  assets: number[];
  orders: number[];
  firstPurchases: number[];
  gmv: number[];
  cost: number[];
  /** Expected moves from→to over the horizon, 6 × 6. */
  moves: number[][];
  totals: { orders: number; firstPurchases: number; repeatPurchases: number; gmv: number; cost: number; roi: number | null; assetsEnd: number; newAssets: number };
}

interface TraitClass {
  w: number;
  move: number;
  lapse: number;
  buy: number;
  lambda: number;
  drop: number;
}

/** Means of K equal-probability bins of a distribution, from a fixed-seed sample (deterministic). */
function bins(k: number, draw: (rng: Rng) => number, key: string): number[] {
  const m = 4000;
  const rng = new Rng(`meanfield/${key}`);
  const xs = Array.from({ length: m }, () => draw(rng)).sort((a, b) => a - b);
  const out: number[] = [];
  for (let b = 0; b < k; b++) {
    let s = 0;
    const lo = Math.floor((b * m) / k);
    const hi = Math.floor(((b + 1) * m) / k);
    for (let i = lo; i < hi; i++) s += xs[i]!;
    out.push(s / (hi - lo));
  }
  return out;
}

function unitGamma(k: number) {
  return (rng: Rng) => rng.gamma(k) / k;
}

function traitClasses(config: EngineConfig): TraitClass[] {
  const rm = config.repeatModel;
  if (!config.heterogeneity) {
    const lambda = rm.kind === 'bgnbd' ? rm.r / rm.alpha : 0;
    const drop = rm.kind === 'bgnbd' ? rm.a / (rm.a + rm.b) : 0;
    return [{ w: 1, move: 1, lapse: 1, buy: 1, lambda, drop }];
  }
  const move = bins(5, unitGamma(TRAIT_SHAPES.move), 'move');
  const lapse = bins(3, unitGamma(TRAIT_SHAPES.lapse), 'lapse');
  const buy = rm.kind === 'simple' ? bins(4, unitGamma(TRAIT_SHAPES.buy), 'buy') : [1];
  const lambda = rm.kind === 'bgnbd' ? bins(8, (g) => g.gamma(rm.r) / rm.alpha, 'lambda') : [0];
  const drop = rm.kind === 'bgnbd' ? bins(4, (g) => g.beta(rm.a, rm.b), 'drop') : [0];
  const out: TraitClass[] = [];
  const w = 1 / (move.length * lapse.length * buy.length * lambda.length * drop.length);
  for (const mv of move) for (const lp of lapse) for (const by of buy) for (const la of lambda) for (const dr of drop) out.push({ w, move: mv, lapse: lp, buy: by, lambda: la, drop: dr });
  return out;
}

/** E[purchases in a day] and P(drop out during the day) for an active BG/NBD buyer with rate Λ and dropout p. */
function bgnbdDay(rate: number, p: number): { pAny: number; expected: number; pDrop: number } {
  if (rate <= 0) return { pAny: 0, expected: 0, pDrop: 0 };
  const e = Math.exp(-rate);
  // P(Pois ≥ k) for k = 1, 2, …; N ≥ k needs k events and k − 1 survived dropouts.
  let pmf = e;
  let cdf = e;
  let expected = 0;
  let survive = 1;
  for (let k = 1; k < 200; k++) {
    const tail = 1 - cdf; // P(Pois ≥ k)
    const reach = survive * tail; // P(N ≥ k)
    if (reach < 1e-15) break;
    expected += reach;
    survive *= 1 - p;
    pmf *= rate / k;
    cdf += pmf;
  }
  return { pAny: 1 - e, expected, pDrop: expected * p };
}

export function runMeanField(config: EngineConfig): MeanFieldResult {
  const days = config.days;
  const n = config.agents;
  const sc = config.scale;
  const classes = traitClasses(config);
  const bg = config.repeatModel.kind === 'bgnbd';
  const C = classes.length;
  // State per class: tiers 0..5, plus active buyers in R4 and R5 (BG/NBD).
  const x = new Float64Array(C * TIER_COUNT);
  const act = new Float64Array(C * 2);
  classes.forEach((c, k) => {
    for (let t = 0; t < TIER_COUNT; t++) x[k * TIER_COUNT + t] = config.initialCounts[t]! * c.w;
    act[k * 2] = x[k * TIER_COUNT + R4]!;
    act[k * 2 + 1] = x[k * TIER_COUNT + R5]!;
  });
  const nx = new Float64Array(C * TIER_COUNT);
  const nact = new Float64Array(C * 2);
  const sources = new DaySources();
  const startCounts = new Float64Array(TIER_COUNT);
  const flows = new Float64Array(TIER_COUNT * TIER_COUNT);
  const ordersByTier = new Float64Array(TIER_COUNT);
  const totalMoves = new Float64Array(TIER_COUNT * TIER_COUNT);
  const causes = FIRST_TACTIC_CAUSE + config.tactics.length;
  const dayCost = new Float64Array(causes);
  let valueDelta = 0;
  let followOrders = 0;

  const tiers: number[][] = TIERS.map(() => new Array<number>(days + 1));
  const orders = new Array<number>(days);
  const first = new Array<number>(days);
  const gmv = new Array<number>(days);
  const cost = new Array<number>(days);
  const record = (d: number) => {
    for (let t = 0; t < TIER_COUNT; t++) {
      let s = 0;
      for (let k = 0; k < C; k++) s += x[k * TIER_COUNT + t]!;
      tiers[t]![d] = s;
    }
  };
  record(0);

  const openers = channelOpeners(config);
  const runtimes: ExpectedRuntime[] = config.tactics.map((t, k) => {
    const env: TacticEnv = { cause: FIRST_TACTIC_CAUSE + k, engine: config, openers };
    return getTactic(t.type).expect(t, env);
  });

  let day = 0;
  let demand = 1;
  let lastOrders = 0;
  const m: MeanFieldDay = {
    config,
    get day() {
      return day;
    },
    get demand() {
      return demand;
    },
    get lastOrders() {
      return lastOrders;
    },
    startCounts,
    sources,
    flows,
    ordersByTier,
    cost(cause, amount) {
      dayCost[cause]! += amount;
    },
    adjustValue(_cause, delta) {
      valueDelta += delta;
    },
    addOrders(_cause, count) {
      followOrders += count;
    },
    realCount(t) {
      return startCounts[t]! * sc;
    },
  };

  // Per class: entries into R4 from below today (new customers start active in BG/NBD).
  const inflowR4 = new Float64Array(C);
  const add = (k: number, from: number, to: number, amount: number) => {
    nx[k * TIER_COUNT + to]! += amount;
    flows[from * TIER_COUNT + to]! += amount;
    if (to === R4 && from < R4) inflowR4[k]! += amount;
  };

  for (day = 0; day < days; day++) {
    demand = config.demand[day] ?? 1;
    for (let t = 0; t < TIER_COUNT; t++) startCounts[t] = tiers[t]![day]!;
    sources.reset();
    flows.fill(0);
    ordersByTier.fill(0);
    dayCost.fill(0);
    valueDelta = 0;
    followOrders = 0;
    const wom = config.wordOfMouth;
    if (wom.q > 0) {
      let inSources = 0;
      for (let t = 0; t < TIER_COUNT; t++) if (wom.sources[t]) inSources += startCounts[t]!;
      sources.addForward(R0, R1, wom.q * (inSources / n), TRAIT_SOCIAL, CAUSE_WORD_OF_MOUTH);
    }
    for (const r of runtimes) r.beginDay(m);

    nx.fill(0);
    nact.fill(0);
    inflowR4.fill(0);
    let firstToday = 0;
    let ordersToday = 0;
    for (let k = 0; k < C; k++) {
      const c = classes[k]!;
      for (let t = 0; t < TIER_COUNT; t++) {
        const mass = x[k * TIER_COUNT + t]!;
        if (mass === 0) continue;
        const base = t * MAX_SOURCES_PER_TIER;
        // Reverse chances of this tier (shared by buyers and non-buyers).
        let rb = config.reverse[t]! * sources.lapseMult[t]! * c.lapse;
        if (rb > 1) rb = 1;
        let keepR = 1 - rb;
        let rTotal = rb;
        for (let j = 0; j < sources.rCount[t]!; j++) {
          const q = Math.min(1, sources.rP[base + j]!);
          keepR *= 1 - q;
          rTotal += q;
        }
        const reverseFlows = (amount: number) => {
          if (amount <= 0) return;
          if (rb > 0) add(k, t, t - 1, (amount * rb) / rTotal);
          for (let j = 0; j < sources.rCount[t]!; j++) add(k, t, sources.rTo[base + j]!, (amount * Math.min(1, sources.rP[base + j]!)) / rTotal);
        };
        if (t < R4) {
          let fb = (t === R3 ? config.forward[t]! * demand : config.forward[t]!) * c.move;
          if (fb > 1) fb = 1;
          let keepF = 1 - fb;
          let fTotal = fb;
          for (let j = 0; j < sources.fCount[t]!; j++) {
            const q = Math.min(1, sources.fP[base + j]!);
            keepF *= 1 - q;
            fTotal += q;
          }
          const f = 1 - keepF;
          let r = 1 - keepR;
          if (f + r > 1) r = 1 - f;
          const moveF = mass * f;
          if (moveF > 0) {
            if (fb > 0) add(k, t, t + 1, (moveF * fb) / fTotal);
            for (let j = 0; j < sources.fCount[t]!; j++) add(k, t, sources.fTo[base + j]!, (moveF * Math.min(1, sources.fP[base + j]!)) / fTotal);
          }
          reverseFlows(mass * r);
          nx[k * TIER_COUNT + t]! += mass * (1 - f - r);
          continue;
        }
        // Buyers.
        const ai = k * 2 + (t - R4);
        const recall = sources.recallP[t]!;
        const chance = sources.chanceP[t]!;
        if (!bg) {
          const b0 = (t === R4 ? config.forward[R4]! : config.repeat) * demand * c.buy;
          // The boosts' rate multiplier within the headroom, as in the engine (there per agent, here per class).
          const pRate = Math.min(1, b0 * withinHeadroom(sources.buyMult[t]!, config.purchaseHeadroom));
          // Dormant share (no order for DORMANT_DAYS) for recall, at the class's purchase chance.
          const dormant = Math.pow(1 - pRate, DORMANT_DAYS);
          const p = 1 - (1 - pRate) * (1 - dormant * recall) * (1 - chance);
          let r = 1 - keepR;
          if (p + r > 1) r = 1 - p;
          if (t === R4) {
            add(k, R4, R5, mass * p);
            ordersByTier[R4]! += mass * p;
          } else {
            ordersByTier[R5]! += mass * p;
          }
          ordersToday += mass * p;
          reverseFlows(mass * r);
          // R4 buyers moved to R5; R5 buyers stay where they are.
          nx[k * TIER_COUNT + t]! += mass * (t === R4 ? 1 - p - r : 1 - r);
          continue;
        }
        // BG/NBD: active and dormant buyers.
        const active = Math.min(mass, act[ai]!);
        const dormantMass = mass - active;
        // BG/NBD: the boosts' rate multiplier within the headroom, as in the engine.
        const poisson = bgnbdDay(c.lambda * demand * withinHeadroom(sources.buyMult[t]!, config.purchaseHeadroom), c.drop);
        // A tactic's purchase chance adds a purchase on days without a Poisson event (and then the usual dropout).
        const viaChance = (1 - poisson.pAny) * chance;
        const day1 = {
          pAny: poisson.pAny + viaChance,
          expected: poisson.expected + viaChance,
          pDrop: poisson.pDrop + viaChance * c.drop,
        };
        // Active buyers.
        {
          let r = 1 - keepR;
          if (day1.pAny + r > 1) r = 1 - day1.pAny;
          const buyers = active * day1.pAny;
          const dropped = active * day1.pDrop;
          ordersToday += active * day1.expected;
          if (t === R4) {
            add(k, R4, R5, buyers);
            ordersByTier[R4]! += buyers;
            ordersByTier[R5]! += active * (day1.expected - day1.pAny);
            nact[k * 2 + 1]! += buyers - dropped;
          } else {
            ordersByTier[R5]! += active * day1.expected;
            nact[ai]! += active * (1 - r) - dropped;
          }
          reverseFlows(active * r);
          const stay = active * (1 - day1.pAny - r);
          if (t === R4) {
            nx[k * TIER_COUNT + R4]! += stay;
            nact[ai]! += stay;
          } else {
            nx[k * TIER_COUNT + R5]! += active * (1 - r);
          }
          // Reverse movers keep their activity: an active buyer falling from R5 to R4 is active there.
          if (t === R5 && rTotal > 0) {
            let toR4 = rb;
            for (let j = 0; j < sources.rCount[t]!; j++) if (sources.rTo[base + j] === R4) toR4 += Math.min(1, sources.rP[base + j]!);
            nact[k * 2]! += (active * r * toR4) / rTotal;
          }
        }
        // Dormant buyers: only a recall or a tactic's purchase chance makes them buy (and active again, with the usual
        // dropout after it).
        {
          const p = 1 - (1 - recall) * (1 - chance);
          let r = 1 - keepR;
          if (p + r > 1) r = 1 - p;
          const recalled = dormantMass * p;
          ordersToday += recalled;
          ordersByTier[t]! += recalled;
          if (t === R4) {
            add(k, R4, R5, recalled);
            nact[k * 2 + 1]! += recalled * (1 - c.drop);
            nx[k * TIER_COUNT + R4]! += dormantMass * (1 - p - r);
          } else {
            nact[ai]! += recalled * (1 - c.drop);
            nx[k * TIER_COUNT + R5]! += dormantMass * (1 - r);
          }
          reverseFlows(dormantMass * r);
        }
      }
    }
    // Entries into R4 from below are first purchases (and new active buyers).
    for (let from = 0; from < R4; from++) {
      const fl = flows[from * TIER_COUNT + R4]!;
      firstToday += fl;
      ordersByTier[from]! += fl;
    }
    ordersToday += firstToday;
    if (bg) for (let k = 0; k < C; k++) nact[k * 2]! += inflowR4[k]!;
    for (const r of runtimes) r.endDay?.(m);
    ordersToday += followOrders; // booked by beginDay or endDay hooks
    for (let k = 0; k < totalMoves.length; k++) totalMoves[k]! += flows[k]!;
    x.set(nx);
    act.set(nact);
    record(day + 1);
    orders[day] = ordersToday * sc;
    lastOrders = ordersToday;
    first[day] = firstToday * sc;
    gmv[day] = (ordersToday * config.orderValue.mean + valueDelta) * sc;
    let c = 0;
    for (let k = 0; k < causes; k++) c += dayCost[k]!;
    cost[day] = c; // costs are booked in real yuan
  }

  const out = (a: number[]) => a.map((v) => round6(v * sc));
  const tierOut = Object.fromEntries(TIERS.map((name, t) => [name, out(tiers[t]!)]));
  const assets = Array.from({ length: days + 1 }, (_, d) => round6(sc * (tiers[1]![d]! + tiers[2]![d]! + tiers[3]![d]! + tiers[4]![d]! + tiers[5]![d]!)));
  const sum = (a: number[]) => a.reduce((p, q) => p + q, 0);
  const totalOrders = sum(orders);
  const totalFirst = sum(first);
  const totalGmv = sum(gmv);
  const totalCost = sum(cost);
  let newAssets = 0;
  for (let t = 1; t < TIER_COUNT; t++) newAssets += totalMoves[t]!;
  return {
    format: 'star-sandbox-meanfield',
    meta: { scenarioId: config.scenarioId, days, agents: n, scale: sc, startDate: formatIsoDate(config.startDay), classes: C },
    tiers: tierOut,
    assets,
    orders: orders.map(round6),
    firstPurchases: first.map(round6),
    gmv: gmv.map(round6),
    cost: cost.map(round6),
    moves: Array.from({ length: TIER_COUNT }, (_, i) => Array.from({ length: TIER_COUNT }, (_, j) => round6(totalMoves[i * TIER_COUNT + j]! * sc))),
    totals: {
      orders: round6(totalOrders),
      firstPurchases: round6(totalFirst),
      repeatPurchases: round6(totalOrders - totalFirst),
      gmv: round6(totalGmv),
      cost: round6(totalCost),
      roi: totalCost > 0 ? round6(totalGmv / totalCost) : null,
      assetsEnd: assets[days]!,
      newAssets: round6(newAssets * sc),
    },
  };
}
