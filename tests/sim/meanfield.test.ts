import { describe, expect, it, vi } from 'vitest';
import { config, runAll } from '../helpers';
import { runMeanField } from '../../src/sim/projection/meanfield';
import { bgnbdExpectedRepeats } from '../../src/sim/projection/bgnbd';
import type { EngineConfig, TacticConfig } from '../../src/sim/config';
import { DORMANT_DAYS } from '../../src/sim/step/moves';
import { TRAIT_SHAPES } from '../../src/sim/step/population';

// A probe tactic for hand-computed days: it puts exactly the sources, costs and extra orders its params list into the
// mean field's day (on the days its schedule is on), so the tests below can check the projection's arithmetic on
// chosen sources. Every other tactic type is the real one.
vi.mock(import('../../src/sim/tactics/registry'), async (importOriginal) => {
  const mod = await importOriginal();
  type Probe = {
    f?: [number, number, number][];
    r?: [number, number, number][];
    buy?: [number, number][];
    recall?: [number, number][];
    chance?: [number, number][];
    lapse?: [number, number][];
    cost?: number;
    value?: number;
    orders?: number;
    lateOrders?: number;
    lateCost?: number;
    /** Book as today's cost (every day) what the day shows the tactics: 'day', 'demand', 'lastOrders', 'real:t', 'flow:i:j', 'byTier:t'. */
    echo?: string[];
  };
  const probe = {
    type: 'probe',
    expect(cfg: { params: Record<string, unknown>; schedule: number[] }, env: { cause: number }) {
      const p = cfg.params as Probe;
      const on = (day: number) => (cfg.schedule[day] ?? 0) > 0;
      return {
        beginDay(m: import('../../src/sim/projection/meanfield-day').MeanFieldDay) {
          if (!on(m.day)) return;
          const s = m.sources;
          for (const [from, to, q] of p.f ?? []) s.addForward(from, to, q, 0, env.cause);
          for (const [from, to, q] of p.r ?? []) s.addReverse(from, to, q, 0, env.cause);
          for (const [t, k] of p.buy ?? []) s.addBuyBoost(t, k, env.cause);
          for (const [t, q] of p.recall ?? []) s.addRecall(t, q, env.cause);
          for (const [t, q] of p.chance ?? []) s.addBuyChance(t, q, env.cause);
          for (const [t, k] of p.lapse ?? []) s.scaleLapse(t, k);
          if (p.cost) m.cost(env.cause, p.cost);
          if (p.value) m.adjustValue?.(env.cause, p.value);
          if (p.orders) m.addOrders?.(env.cause, p.orders);
        },
        endDay(m: import('../../src/sim/projection/meanfield-day').MeanFieldDay) {
          for (const what of p.echo ?? []) {
            const [k, a, b] = what.split(':');
            const i = Number(a);
            const v = k === 'day' ? m.day : k === 'demand' ? m.demand : k === 'lastOrders' ? m.lastOrders : k === 'real' ? m.realCount(i) : k === 'flow' ? m.flows[i * 6 + Number(b)]! : m.ordersByTier[i]!;
            m.cost(env.cause, v);
          }
          if (!on(m.day)) return;
          if (p.lateOrders) m.addOrders?.(env.cause, p.lateOrders);
          if (p.lateCost) m.cost(env.cause, p.lateCost);
        },
      };
    },
  };
  return { ...mod, getTactic: (type: string) => (type === 'probe' ? (probe as unknown as ReturnType<typeof mod.getTactic>) : mod.getTactic(type)) };
});

const TIERS = ['R0', 'R1', 'R2', 'R3', 'R4', 'R5'] as const;
const SIMPLE = { kind: 'simple', r: 0, alpha: 0, a: 0, b: 0 } as const;

/** An engine config built by hand (no validation), for the small oracle cases: fields not given are the test scenario's. */
function hand(over: Partial<EngineConfig> & { probe?: Record<string, unknown>; probeDays?: number[] }): EngineConfig {
  const { probe, probeDays, ...rest } = over;
  const base = config({ days: 1 });
  const c: EngineConfig = {
    ...base,
    wordOfMouth: { q: 0, sources: [false, false, false, false, false, false] },
    tactics: [],
    ...rest,
  };
  if (!over.demand) c.demand = new Array<number>(c.days).fill(1);
  if (probe) {
    const t: TacticConfig = { id: 'probe', type: 'probe', params: probe, schedule: probeDays ?? new Array<number>(c.days).fill(1) };
    c.tactics = [t];
  }
  return c;
}

/** a equals b to the 6 significant digits the projection keeps (round6). */
function near(a: number, b: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-5 * Math.abs(b) + 1e-9);
}

/** x·P for a 6 × 6 row-stochastic matrix given as rows. */
function step(x: number[], P: number[][]): number[] {
  return TIERS.map((_, j) => x.reduce((s, xi, i) => s + xi * P[i]![j]!, 0));
}

describe('mean field against closed forms and hand-computed days', () => {
  it('a still baseline is the Markov chain x₀·P₁·…·Pₜ exactly, with the demand index on R3→R4 and purchases', () => {
    const days = 40;
    const demand = Array.from({ length: days }, (_, t) => (t % 3 === 0 ? 1.5 : t % 3 === 1 ? 0.6 : 1));
    const f = [0.002, 0.02, 0.01, 0.03, 0.04, 0];
    const rv = [0, 0.01, 0.012, 0.005, 0.004, 0.006];
    const repeat = 0.02;
    const c = hand({ days, agents: 1000, scale: 10, initialCounts: [500, 200, 100, 100, 60, 40], forward: f, reverse: rv, repeat, demand, heterogeneity: false, repeatModel: SIMPLE, orderValue: { mean: 100, sd: 50 } });
    const mf = runMeanField(c);
    // What the day shows the tactics, booked as the probe's cost (the probe has no effect: effort 0 every day).
    const echo = (what: string) => runMeanField({ ...c, tactics: [{ id: 'probe', type: 'probe', params: { echo: [what] }, schedule: new Array<number>(days).fill(0) }] }).cost;
    const seen = Object.fromEntries(['day', 'demand', 'lastOrders', 'real:0', 'real:5', 'flow:3:4', 'flow:5:4', 'byTier:3', 'byTier:4', 'byTier:5'].map((w) => [w, echo(w)]));
    let yesterday = 0;
    let x = [500, 200, 100, 100, 60, 40];
    const moves = TIERS.map(() => TIERS.map(() => 0));
    let orders = 0;
    let firsts = 0;
    for (let t = 0; t < days; t++) {
      for (let k = 0; k < 6; k++) near(mf.tiers[TIERS[k]!]![t]!, x[k]! * 10);
      near(mf.assets[t]!, (1000 - x[0]!) * 10);
      const d = demand[t]!;
      // Rows of P_t: forward to t+1, reverse to t−1; R3→R4, R4's first repeat (→R5) and R5's repeat scale with demand.
      const up = [f[0]!, f[1]!, f[2]!, f[3]! * d, f[4]! * d, 0];
      const P = TIERS.map((_, i) => TIERS.map((_, j) => (j === i + 1 ? up[i]! : j === i - 1 ? rv[i]! : j === i ? 1 - up[i]! - rv[i]! : 0)));
      for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) if (i !== j) moves[i]![j]! += x[i]! * P[i]![j]!;
      const first = x[3]! * up[3]!;
      const day = first + x[4]! * up[4]! + x[5]! * repeat * d;
      near(mf.firstPurchases[t]!, first * 10);
      near(mf.orders[t]!, day * 10);
      near(mf.gmv[t]!, day * 10 * 100);
      expect(mf.cost[t]).toBe(0);
      expect(seen.day![t]).toBe(t);
      near(seen.demand![t]!, d);
      near(seen.lastOrders![t]!, yesterday);
      near(seen['real:0']![t]!, x[0]! * 10);
      near(seen['real:5']![t]!, x[5]! * 10);
      near(seen['flow:3:4']![t]!, first);
      near(seen['flow:5:4']![t]!, x[5]! * rv[5]!);
      near(seen['byTier:3']![t]!, first);
      near(seen['byTier:4']![t]!, x[4]! * up[4]!);
      near(seen['byTier:5']![t]!, x[5]! * repeat * d);
      yesterday = day;
      orders += day * 10;
      firsts += first * 10;
      x = step(x, P);
    }
    for (let k = 0; k < 6; k++) near(mf.tiers[TIERS[k]!]![days]!, x[k]! * 10);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) near(mf.moves[i]![j]!, i === j ? 0 : moves[i]![j]! * 10);
    near(mf.totals.orders, orders);
    near(mf.totals.firstPurchases, firsts);
    near(mf.totals.repeatPurchases, orders - firsts);
    near(mf.totals.gmv, orders * 100);
    expect(mf.totals.cost).toBe(0);
    expect(mf.totals.roi).toBeNull();
    near(mf.totals.assetsEnd, (1000 - x[0]!) * 10);
    near(mf.totals.newAssets, moves[0]![1]! * 10);
    expect(mf.meta).toEqual({ scenarioId: c.scenarioId, days, agents: 1000, scale: 10, startDate: '2026-03-02', classes: 1 });
    expect(mf.format).toBe('star-sandbox-meanfield');
    expect(mf.orders.length).toBe(days);
    expect(mf.tiers.R0!.length).toBe(days + 1);
  });

  it('word of mouth is discrete Bass: F₊ = F + (1 − F)(1 − (1 − p)(1 − qF)), and only the source tiers speak', () => {
    const p = 0.01;
    const q = 0.4;
    const days = 60;
    const base = { days, agents: 1000, scale: 3, initialCounts: [980, 20, 0, 0, 0, 0], forward: [p, 0, 0, 0, 0, 0], reverse: [0, 0, 0, 0, 0, 0], repeat: 0, heterogeneity: false };
    const mf = runMeanField(hand({ ...base, wordOfMouth: { q, sources: [false, true, true, true, true, true] } }));
    const quiet = runMeanField(hand({ ...base, wordOfMouth: { q, sources: [false, false, false, false, false, true] } }));
    let F = 0.02;
    for (let t = 0; t <= days; t++) {
      near(mf.tiers.R0![t]!, 3000 * (1 - F));
      near(mf.tiers.R1![t]!, 3000 * F);
      // Only R5 speaks and nobody is there: R0 decays at the bare p.
      near(quiet.tiers.R0![t]!, 3000 * 0.98 * (1 - p) ** t);
      F = F + (1 - F) * (1 - (1 - p) * (1 - q * F));
    }
    // New assets: everyone who left R0 over the horizon (R1 at the end less the 60 people there at the start).
    near(mf.totals.newAssets, mf.tiers.R1![days]! - 60);
  });

  it('homogeneous BG/NBD buyers buy (1/p)(1 − e^{−λpT}) each; reverse movers stay active, new buyers start active', () => {
    // λ = r/α = 0.5 a day, dropout p = a/(a+b) = 0.2; R5 buyers fall back to R4 (rate 0.05) and keep their activity.
    const lam = 0.5;
    const pd = 0.2;
    const phi = 0.05;
    const days = 30;
    const c = hand({
      days, agents: 1000, scale: 2, initialCounts: [0, 0, 0, 200, 300, 500], forward: [0, 0, 0, phi, 0, 0], reverse: [0, 0, 0, 0, 0, 0.05], repeat: 0,
      heterogeneity: false, repeatModel: { kind: 'bgnbd', r: 2, alpha: 4, a: 1, b: 4 }, orderValue: { mean: 100, sd: 50 },
    });
    const mf = runMeanField(c);
    const E = (1 - Math.exp(-lam * pd)) / pd; // expected purchases in a day of a buyer active at its start
    let total = 0;
    let totalFirst = 0;
    for (let d = 0; d < days; d++) {
      // Active at the start of day d: the 800 first buyers, and the new buyers of days before d.
      let active = 800 * Math.exp(-lam * pd * d);
      for (let e = 0; e < d; e++) active += 200 * (1 - phi) ** e * phi * Math.exp(-lam * pd * (d - 1 - e));
      const first = 200 * (1 - phi) ** d * phi;
      near(mf.firstPurchases[d]!, first * 2);
      near(mf.orders[d]!, (first + active * E) * 2);
      near(mf.tiers.R3![d]!, 400 * (1 - phi) ** d);
      near(mf.tiers.R4![d]! + mf.tiers.R5![d]!, 2000 - 400 * (1 - phi) ** d);
      total += first + active * E;
      totalFirst += first;
    }
    // The closed form of the total: (1/p)(1 − e^{−λpT}) repeats per buyer active from day 0, and per new buyer from its day.
    let repeats = 800 * (1 - Math.exp(-lam * pd * days)) / pd;
    for (let e = 0; e < days; e++) repeats += 200 * (1 - phi) ** e * phi * (1 - Math.exp(-lam * pd * (days - 1 - e))) / pd;
    near(total, totalFirst + repeats);
    near(mf.totals.orders, 2 * (totalFirst + repeats));
    near(mf.totals.repeatPurchases, 2 * repeats);
    near(mf.totals.gmv, 200 * (totalFirst + repeats));
  });

  it('R4 BG/NBD buyers leave R4 at their first purchase: R4(t) = R4₀·exp(−λ·Σ demand), the demand index scaling λ', () => {
    const demand = [2, 0.5, 1, 1.5, 1, 0.8, 1, 1, 1.2, 1];
    const c = hand({
      days: 10, agents: 100, scale: 1, initialCounts: [0, 0, 0, 0, 100, 0], forward: [0, 0, 0, 0, 0.3, 0], reverse: [0, 0, 0, 0, 0, 0], repeat: 0.5,
      demand, heterogeneity: false, repeatModel: { kind: 'bgnbd', r: 3, alpha: 10, a: 2, b: 2 },
    });
    const mf = runMeanField(c);
    let sum = 0;
    for (let t = 0; t <= 10; t++) {
      near(mf.tiers.R4![t]!, 100 * Math.exp(-0.3 * sum));
      sum += demand[t] ?? 0;
    }
  });

  it('heterogeneous BG/NBD buyers follow the Fader–Hardie–Lee expectation E[X(t)] within 2 % (8 × 4 classes)', () => {
    const params = { r: 1, alpha: 20, a: 2, b: 5 };
    const c = hand({
      days: 60, agents: 1000, scale: 1, initialCounts: [0, 0, 0, 0, 0, 1000], forward: [0, 0, 0, 0, 0, 0], reverse: [0, 0, 0, 0, 0, 0], repeat: 0,
      heterogeneity: true, repeatModel: { kind: 'bgnbd', ...params },
    });
    const mf = runMeanField(c);
    // Classes: 5 forward × 3 decay × 8 rates λ × 4 dropouts p (no purchase trait: BG/NBD has its own rate).
    expect(mf.meta.classes).toBe(5 * 3 * 8 * 4);
    let cum = 0;
    for (const t of [1, 5, 20, 60]) {
      cum = mf.orders.slice(0, t).reduce((a, b) => a + b, 0) / 1000;
      expect(Math.abs(cum - bgnbdExpectedRepeats(t, params)) / bgnbdExpectedRepeats(t, params)).toBeLessThan(0.02);
    }
  });

  it('one day of non-buyers with tactic sources: each tier’s chances combine as 1 − Π(1 − p) and split in proportion', () => {
    const c = hand({
      days: 2, agents: 1000, scale: 2, initialCounts: [400, 300, 200, 100, 0, 0], forward: [0.1, 0.2, 0, 0.3, 0, 0], reverse: [0, 0.1, 0.2, 0.1, 0, 0],
      heterogeneity: false, repeatModel: SIMPLE, orderValue: { mean: 100, sd: 50 },
      probe: { f: [[0, 2, 0.3], [1, 4, 0.5], [2, 3, 1.5]], r: [[3, 1, 0.2]], lapse: [[2, 0.5]] }, probeDays: [1, 0],
    });
    const mf = runMeanField(c);
    // R0: f = 1 − 0.9·0.7 = 0.37 of 400 = 148, split 0.1 : 0.3 between R1 and R2; stays 252.
    // R1: f = 1 − 0.8·0.5 = 0.6 of 300 = 180, split 0.2 : 0.5 between R2 and R4; r = 0.1 → 30 to R0; stays 90.
    // R2: a source of 1.5 counts as 1: all 200 to R3 (r = 0.2·0.5 is cut to 1 − f = 0).
    // R3: f = 0.3 → 30 to R4; r = 1 − 0.9·0.8 = 0.28 of 100 = 28, split 0.1 : 0.2 between R2 and R1; stays 42.
    const want = [252 + 30, 37 + 90 + (28 * 0.2) / 0.3, 111 + (180 * 0.2) / 0.7 + (28 * 0.1) / 0.3, 200 + 42, (180 * 0.5) / 0.7 + 30, 0];
    for (let k = 0; k < 6; k++) near(mf.tiers[TIERS[k]!]![1]!, want[k]! * 2);
    // Day 1 without the tactic (yesterday's sources must not linger): the plain chain.
    const P = [
      [0.9, 0.1, 0, 0, 0, 0],
      [0.1, 0.7, 0.2, 0, 0, 0],
      [0, 0.2, 0.8, 0, 0, 0],
      [0, 0, 0.1, 0.6, 0.3, 0],
      [0, 0, 0, 0, 1, 0],
      [0, 0, 0, 0, 0, 1],
    ];
    // Moves are totals over both days: day 1's are want[i]·P[i][j] (real people: × 2).
    const day2 = (i: number, j: number) => want[i]! * P[i]![j]! * 2;
    near(mf.moves[0]![1]!, 37 * 2 + day2(0, 1));
    near(mf.moves[0]![2]!, 111 * 2 + day2(0, 2));
    near(mf.moves[1]![0]!, 30 * 2 + day2(1, 0));
    near(mf.moves[1]![2]!, ((180 * 0.2) / 0.7) * 2 + day2(1, 2));
    near(mf.moves[1]![4]!, ((180 * 0.5) / 0.7) * 2 + day2(1, 4));
    near(mf.moves[2]![3]!, 200 * 2 + day2(2, 3));
    near(mf.moves[2]![1]!, 0 + day2(2, 1));
    near(mf.moves[3]![4]!, 30 * 2 + day2(3, 4));
    near(mf.moves[3]![2]!, ((28 * 0.1) / 0.3) * 2 + day2(3, 2));
    near(mf.moves[3]![1]!, ((28 * 0.2) / 0.3) * 2 + day2(3, 1));
    const first = (180 * 0.5) / 0.7 + 30;
    near(mf.firstPurchases[0]!, first * 2);
    near(mf.orders[0]!, first * 2);
    near(mf.gmv[0]!, first * 200);
    near(mf.totals.newAssets, 148 * 2 + day2(0, 1));
    const x2 = step(want, P);
    for (let k = 0; k < 6; k++) near(mf.tiers[TIERS[k]!]![2]!, x2[k]! * 2);
  });

  it('one day of simple-model buyers: boosts within the headroom, recall of the dormant share, extra chances, tactic reverses', () => {
    const c = hand({
      days: 1, agents: 1000, scale: 1, initialCounts: [0, 0, 0, 0, 600, 400], forward: [0, 0, 0, 0, 0.1, 0], reverse: [0, 0, 0, 0, 0.02, 0.03], repeat: 0.05,
      purchaseHeadroom: 1, heterogeneity: false, repeatModel: SIMPLE, orderValue: { mean: 10, sd: 5 },
      probe: { buy: [[4, 2]], recall: [[5, 0.5]], chance: [[4, 0.1]], r: [[5, 3, 0.1]] },
    });
    const mf = runMeanField(c);
    // R4: ×2 within headroom 1 is ×1.5 → 0.15; with the chance 0.1: p = 1 − 0.85·0.9 = 0.235 → 141 buy (to R5), 12 lapse.
    // R5: 0.05 and the recall of the dormant share 0.95^90: p = 1 − 0.95·(1 − 0.5·0.95^90); r = 1 − 0.97·0.9 = 0.127.
    const p5 = 1 - 0.95 * (1 - 0.5 * 0.95 ** DORMANT_DAYS);
    const r5 = 400 * 0.127;
    near(mf.tiers.R3![1]!, 12 + (r5 * 0.1) / 0.13);
    near(mf.tiers.R4![1]!, 600 * (1 - 0.235 - 0.02) + (r5 * 0.03) / 0.13);
    near(mf.tiers.R5![1]!, 141 + 400 * (1 - 0.127));
    near(mf.moves[4]![5]!, 141);
    near(mf.moves[5]![4]!, (r5 * 0.03) / 0.13);
    near(mf.orders[0]!, 141 + 400 * p5);
    near(mf.firstPurchases[0]!, 0);
    near(mf.totals.repeatPurchases, 141 + 400 * p5);
    near(mf.gmv[0]!, (141 + 400 * p5) * 10);
  });

  it('probabilities are capped at 1: forward × demand, decay × lapse multiplier, purchase rate, and reverse after forward', () => {
    const c = hand({
      days: 1, agents: 400, scale: 1, initialCounts: [0, 100, 0, 100, 100, 100], forward: [0, 0.1, 0, 0.8, 0.7, 0], reverse: [0, 0.3, 0, 0.4, 0.5, 0.6], repeat: 0.2,
      demand: [2], purchaseHeadroom: 1, heterogeneity: false, repeatModel: SIMPLE,
      probe: { lapse: [[1, 5], [5, 3]], f: [[1, 2, 0.5]], r: [[5, 3, 0.2]] },
    });
    const mf = runMeanField(c);
    // R1: decay 0.3·5 = 1.5 → 1, but forward 1 − 0.9·0.5 = 0.55 comes first: r = 0.45, all of it to R0.
    // R3: 0.8·2 → 1: all 100 to R4, none lapse. R4: 0.7·2 → 1: all 100 buy, none lapse.
    // R5: p = 0.4, decay 0.6·3 → 1 (beside a tactic's 0.2 to R3) is cut to 1 − p: 40 buy and stay, 60 fall, split 1 : 0.2.
    near(mf.tiers.R0![1]!, 45);
    near(mf.tiers.R1![1]!, 0);
    near(mf.tiers.R2![1]!, (55 * 0.1) / 0.6 + (55 * 0.5) / 0.6);
    near(mf.tiers.R3![1]!, 60 * (0.2 / 1.2));
    near(mf.tiers.R4![1]!, 100 + 60 * (1 / 1.2));
    near(mf.tiers.R5![1]!, 100 + 40);
    near(mf.orders[0]!, 100 + 100 + 40);
  });

  it('costs are booked in real yuan, value changes and follow-on orders are scaled, begin and end hooks both count', () => {
    const c = hand({
      days: 3, agents: 100, scale: 10, initialCounts: [100, 0, 0, 0, 0, 0], forward: [0, 0, 0, 0, 0, 0], reverse: [0, 0, 0, 0, 0, 0], repeat: 0,
      heterogeneity: false, orderValue: { mean: 50, sd: 10 },
      probe: { cost: 40, value: 3, orders: 2, lateOrders: 0.5, lateCost: 5 }, probeDays: [1, 0, 1],
    });
    const mf = runMeanField(c);
    expect(mf.cost).toEqual([45, 0, 45]);
    expect(mf.orders).toEqual([25, 0, 25]);
    expect(mf.gmv).toEqual([(2.5 * 50 + 3) * 10, 0, (2.5 * 50 + 3) * 10]);
    expect(mf.totals.cost).toBe(90);
    expect(mf.totals.orders).toBe(50);
    expect(mf.totals.repeatPurchases).toBe(50);
    near(mf.totals.roi!, 2560 / 90);
    // Every tactic's cost counts, however many there are.
    const five = runMeanField({ ...c, tactics: Array.from({ length: 5 }, (_, k) => ({ id: `p${k}`, type: 'probe', params: { cost: k + 1 }, schedule: [1, 1, 1] })) });
    expect(five.cost).toEqual([15, 15, 15]);
  });

  it.each([
    ['simple', { kind: 'simple' }],
    ['BG/NBD', { kind: 'bgnbd', r: 1, alpha: 20, a: 2, b: 5 }],
  ])('with every tactic (%s, heterogeneous): people are conserved and each tier’s change is its inflows less its outflows', (_, repeatModel) => {
    const c = config({
      days: 40,
      population: { agents: 2000, scale: 5, initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.06, R5: 0.04 }, heterogeneity: true },
      baseline: { forward: { R0: 0.002, R1: 0.02, R2: 0.01, R3: 0.01, R4: 0.01 }, reverse: { R1: 0.01, R2: 0.01, R3: 0.005, R4: 0.004, R5: 0.006 }, repeat: 0.02, repeatModel, orderValue: { mean: 100, sd: 50 } },
      wordOfMouth: { q: 0.05, sources: ['R3', 'R4', 'R5'] },
      tactics: [
        { id: 'live', type: 'livestream' },
        { id: 'groups', type: 'communityGroups', groups: 10, groupBuy: { schedule: { weekly: ['fri'] } } },
        { id: 'cp', type: 'coupons', kind: 'pack', schedule: { daily: true } },
        { id: 'ads', type: 'ads', schedule: { weekly: ['mon', 'tue', 'wed'] }, dailySpend: 5000, cpm: 40 },
        { id: 'mem', type: 'membership' },
        { id: 'ref', type: 'referral' },
        { id: 'guides', type: 'guides' },
        { id: 'content', type: 'content' },
      ],
    });
    const mf = runMeanField(c);
    expect(mf.meta.classes).toBeGreaterThan(1);
    for (let d = 0; d <= c.days; d++) near(TIERS.reduce((s, t) => s + mf.tiers[t]![d]!, 0), 10000);
    for (let j = 0; j < 6; j++) {
      let net = 0;
      for (let i = 0; i < 6; i++) if (i !== j) net += mf.moves[i]![j]! - mf.moves[j]![i]!;
      expect(Math.abs(mf.tiers[TIERS[j]!]![c.days]! - mf.tiers[TIERS[j]!]![0]! - net)).toBeLessThan(0.05);
    }
    // First purchases are the entries into R4 from below.
    near(mf.totals.firstPurchases, mf.moves[0]![4]! + mf.moves[1]![4]! + mf.moves[2]![4]! + mf.moves[3]![4]!);
    expect(mf.totals.cost).toBeGreaterThan(0);
    expect(mf.totals.orders).toBeGreaterThan(mf.totals.firstPurchases);
  });

  it('a tactic with zero effort every day projects exactly what no tactic does', () => {
    const c = config({
      days: 30,
      population: { agents: 2000, scale: 5, initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.06, R5: 0.04 }, heterogeneity: true },
      wordOfMouth: { q: 0.05, sources: ['R4', 'R5'] },
      tactics: [
        { id: 'ads', type: 'ads', schedule: { weekly: ['mon'] }, dailySpend: 5000, cpm: 40 },
        { id: 'cp', type: 'coupons', kind: 'pack', schedule: { daily: true } },
      ],
    });
    const idle = { ...c, tactics: c.tactics.map((t) => ({ ...t, schedule: t.schedule.map(() => 0) })) };
    const none = runMeanField({ ...c, tactics: [] });
    const zero = runMeanField(idle);
    expect(zero.tiers).toEqual(none.tiers);
    expect(zero.orders).toEqual(none.orders);
    expect(zero.gmv).toEqual(none.gmv);
    expect(zero.moves).toEqual(none.moves);
    expect(zero.totals.cost).toBe(0);
    // And with effort, the tactics move people (the comparison above is not vacuous).
    expect(runMeanField(c).totals.newAssets).toBeGreaterThan(none.totals.newAssets);
  });

  it('three days of BG/NBD buyers by hand: dropouts go dormant, a recall or an extra chance reactivates them, boosts raise λ', () => {
    // λ = 1, p = 0.5. Day 0 plain; day 1: R5 rate ×2 (×1.5 within headroom 1), R5 recall 0.4, extra chance 0.2 in R4 and R5.
    const c = hand({
      days: 3, agents: 200, scale: 1, initialCounts: [0, 0, 0, 0, 100, 100], forward: [0, 0, 0, 0, 0, 0], reverse: [0, 0, 0, 0, 0, 0], repeat: 0,
      purchaseHeadroom: 1, heterogeneity: false, repeatModel: { kind: 'bgnbd', r: 1, alpha: 1, a: 1, b: 1 },
      probe: { buy: [[5, 2]], recall: [[5, 0.4]], chance: [[4, 0.2], [5, 0.2]] }, probeDays: [0, 1, 0],
    });
    const mf = runMeanField(c);
    const byTier = (t: number) => runMeanField({ ...c, tactics: [...c.tactics, { id: 'echo', type: 'probe', params: { echo: [`byTier:${t}`] }, schedule: [0, 0, 0] }] }).cost;
    const [by4, by5] = [byTier(4), byTier(5)];
    const e = Math.exp;
    // A day of an active buyer at rate λ, dropout 0.5, extra chance x on days without a Poisson purchase.
    const day = (lam: number, x: number) => {
      const viaChance = e(-lam) * x;
      const expected = 2 * (1 - e(-lam / 2)) + viaChance;
      return { pAny: 1 - e(-lam) + viaChance, expected, pDrop: expected * 0.5 };
    };
    // Day 0: every buyer active.
    const d0 = day(1, 0);
    near(mf.orders[0]!, 200 * d0.expected);
    // Orders by the buyer's tier before the purchase: an R4 buyer's first order today, its further ones count for R5.
    near(by4[0]!, 100 * d0.pAny);
    near(by5[0]!, 100 * (d0.expected - d0.pAny) + 100 * d0.expected);
    let a4 = 100 * (1 - d0.pAny); // R4 buyers without a purchase stay active in R4
    let a5 = 100 * (1 - d0.pDrop) + 100 * (d0.pAny - d0.pDrop);
    let r5 = 100 + 100 * d0.pAny;
    near(mf.tiers.R4![1]!, a4);
    near(mf.tiers.R5![1]!, r5);
    // Day 1: dormant R5 buyers buy with 1 − 0.6·0.8, and come back active unless they drop out after it.
    const dorm = r5 - a5;
    const d4 = day(1, 0.2);
    const d5 = day(1.5, 0.2);
    near(mf.orders[1]!, a4 * d4.expected + a5 * d5.expected + dorm * 0.52);
    near(by4[1]!, a4 * d4.pAny);
    near(by5[1]!, a4 * (d4.expected - d4.pAny) + a5 * d5.expected + dorm * 0.52);
    near(mf.tiers.R4![2]!, a4 * (1 - d4.pAny));
    const a4b = a4 * (1 - d4.pAny);
    const a5b = a5 * (1 - d5.pDrop) + a4 * (d4.pAny - d4.pDrop) + dorm * 0.52 * 0.5;
    a4 = a4b;
    a5 = a5b;
    // Day 2: plain again; the dormant do not buy.
    near(mf.orders[2]!, (a4 + a5) * d0.expected);
    near(mf.totals.repeatPurchases, mf.totals.orders);
    near(mf.totals.firstPurchases, 0);
  });

  it('heterogeneous forward, decay and purchase traits (Gamma(s)/s, mean 1) follow the Gamma Laplace transform (1 + kt/s)^−s within 3 % (the classes’ documented accuracy)', () => {
    // One rate per chain: R0 → R1 at 0.01 (move trait), R1 → R0 at 0.01 (lapse trait), R4 → R5 purchases at 0.01 (buy
    // trait). A person with trait M stays for t days with (1 − kM)^t ≈ e^{−kMt}, whose Gamma(s)/s mean is (1 + kt/s)^−s
    // (a homogeneous population: (1 − k)^t, 12 % lower at t = 100 for s = 4).
    const c = hand({
      days: 100, agents: 300, scale: 1, initialCounts: [100, 0, 0, 0, 100, 0], forward: [0.01, 0, 0, 0, 0.01, 0], reverse: [0, 0, 0, 0, 0, 0], repeat: 0,
      heterogeneity: true, repeatModel: SIMPLE,
    });
    const mf = runMeanField(c);
    const back = runMeanField({ ...c, initialCounts: [0, 100, 0, 0, 0, 0], forward: [0, 0, 0, 0, 0, 0], reverse: [0, 0.01, 0, 0, 0, 0] });
    for (const t of [25, 50, 100]) {
      const laplace = (s: number) => (1 + (0.01 * t) / s) ** -s;
      const close = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThan(0.03 * want);
      close(mf.tiers.R0![t]! / 100, laplace(TRAIT_SHAPES.move));
      close(mf.tiers.R4![t]! / 100, laplace(TRAIT_SHAPES.buy));
      close(back.tiers.R1![t]! / 100, laplace(TRAIT_SHAPES.lapse));
    }
    expect(mf.meta.classes).toBe(5 * 3 * 4);
  });

  it('BG/NBD buyers falling from R5 to R4 stay active, those falling to R3 leave the buyers (two days by hand)', () => {
    // λ = 1, p = 0.5; day 0: decay R5 → R4 0.1 and tactic reverses R5 → R4 0.2, R5 → R3 0.05.
    const c = hand({
      days: 2, agents: 100, scale: 1, initialCounts: [0, 0, 0, 0, 0, 100], forward: [0, 0, 0, 0, 0, 0], reverse: [0, 0, 0, 0, 0, 0.1], repeat: 0,
      heterogeneity: false, repeatModel: { kind: 'bgnbd', r: 1, alpha: 1, a: 1, b: 1 },
      probe: { r: [[5, 4, 0.2], [5, 3, 0.05]] }, probeDays: [1, 0],
    });
    const mf = runMeanField(c);
    const E = 2 * (1 - Math.exp(-0.5)); // expected purchases in a day; E·p = 1 − e^{−λp} drop out
    const r = 1 - 0.9 * 0.95 * 0.8;
    near(mf.orders[0]!, 100 * E);
    near(mf.tiers.R3![1]!, (100 * r * 0.05) / 0.35);
    near(mf.tiers.R4![1]!, (100 * r * 0.3) / 0.35);
    // Day 1: every active buyer left in R4 or R5 buys E; those in R3 are no longer buyers.
    near(mf.orders[1]!, 100 * (1 - E * 0.5 - (r * 0.05) / 0.35) * E);
    // Day 1 has no tactic sources (yesterday's must not linger): R4 buyers buy with 1 − e^{−1}, R5 decays 0.1 to R4.
    near(mf.tiers.R4![2]!, ((100 * r * 0.3) / 0.35) * Math.exp(-1) + 0.1 * 100 * (1 - r));
    near(mf.tiers.R3![2]!, (100 * r * 0.05) / 0.35);
  });

  it('BG/NBD: a day’s purchase comes before decay (decay is cut to 1 − P(buy)), for active and recalled dormant buyers', () => {
    // λ = 3, p = 0.5, decay 0.5 in R4 and R5; day 1: R5 recall 0.99.
    const c = hand({
      days: 2, agents: 200, scale: 1, initialCounts: [0, 0, 0, 0, 100, 100], forward: [0, 0, 0, 0, 0, 0], reverse: [0, 0, 0, 0, 0.5, 0.5], repeat: 0,
      heterogeneity: false, repeatModel: { kind: 'bgnbd', r: 3, alpha: 1, a: 1, b: 1 },
      probe: { recall: [[5, 0.99]] }, probeDays: [0, 1],
    });
    const mf = runMeanField(c);
    const e3 = Math.exp(-3); // P(no purchase in a day): decay is cut from 0.5 to this
    const ep = 1 - Math.exp(-1.5); // P(drop out in a day) = E·p
    near(mf.tiers.R3![1]!, 100 * e3);
    near(mf.tiers.R4![1]!, 100 * e3);
    near(mf.tiers.R5![1]!, 200 * (1 - e3));
    const a4 = 100 * e3; // fell from R5, still active
    const a5 = 200 * (1 - e3) - 200 * ep;
    const dorm = 200 * ep;
    // Day 1: the dormant buy with 0.99, so only 0.01 of them decay.
    near(mf.orders[1]!, (a4 + a5) * 2 * ep + dorm * 0.99);
    near(mf.tiers.R3![2]!, 100 * e3 + a4 * e3);
    near(mf.tiers.R4![2]!, a5 * e3 + dorm * 0.01);
  });

  it('heterogeneous BG/NBD: falling from R5 to R4 keeps each class’s buyers active (total orders do not depend on the rate)', () => {
    const params = { kind: 'bgnbd' as const, r: 1, alpha: 20, a: 2, b: 5 };
    const base = { days: 40, agents: 1000, scale: 1, initialCounts: [0, 0, 0, 0, 300, 700], forward: [0, 0, 0, 0, 0, 0], repeat: 0, heterogeneity: true, repeatModel: params };
    const still = runMeanField(hand({ ...base, reverse: [0, 0, 0, 0, 0, 0] }));
    const falling = runMeanField(hand({ ...base, reverse: [0, 0, 0, 0, 0, 0.05] }));
    expect(falling.tiers.R4![40]!).toBeGreaterThan(still.tiers.R4![40]! + 50);
    near(falling.totals.orders, still.totals.orders);
  });

  it('heterogeneous BG/NBD: new buyers start active and then buy E[X(t)] (Fader–Hardie–Lee) within 2 %', () => {
    const params = { r: 1, alpha: 20, a: 2, b: 5 };
    const days = 40;
    const mf = runMeanField(hand({
      days, agents: 1000, scale: 1, initialCounts: [0, 0, 0, 1000, 0, 0], forward: [0, 0, 0, 0.02, 0, 0], reverse: [0, 0, 0, 0, 0, 0], repeat: 0,
      heterogeneity: true, repeatModel: { kind: 'bgnbd', ...params },
    }));
    // The buyers entering on day d buy once then, and E[X(T − 1 − d)] repeats by the end.
    let want = 0;
    for (let d = 0; d < days; d++) want += mf.firstPurchases[d]! * (1 + bgnbdExpectedRepeats(days - 1 - d, params));
    expect(mf.totals.firstPurchases).toBeGreaterThan(300);
    expect(Math.abs(mf.totals.orders - want)).toBeLessThan(0.02 * want);
  });
});


/** Largest |engine mean − mean field| over days and tiers, in units of the engine mean's standard error. */
function worstZ(patch: Record<string, unknown>) {
  const c = config(patch);
  const s = runAll(c);
  const r = s.result();
  const mf = runMeanField(c);
  let worst = 0;
  let worstRel = 0;
  for (const name of TIERS) {
    const series = s.series(name);
    for (let t = 1; t <= c.days; t += 5) {
      const xs: number[] = [];
      for (let run = 0; run < c.runs; run++) xs.push(series.data[run * (c.days + 1) + t]!);
      const m = r.daily.tiers[name].mean[t]!;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
      const se = Math.max(sd, 1) / Math.sqrt(c.runs);
      worst = Math.max(worst, Math.abs(m - mf.tiers[name]![t]!) / se);
      if (m > 200) worstRel = Math.max(worstRel, Math.abs(m - mf.tiers[name]![t]!) / m);
    }
  }
  return { worst, worstRel, r, mf, c };
}

describe('mean-field projection', () => {
  it('is the engine’s expectation for a homogeneous scenario with word of mouth and paid ads (within 5 SE)', () => {
    const { worst, r, mf } = worstZ({
      days: 90,
      runs: 24,
      population: { agents: 20000, scale: 10, initial: { R0: 0.7, R1: 0.1, R2: 0.08, R3: 0.06, R4: 0.04, R5: 0.02 }, heterogeneity: false },
      wordOfMouth: { q: 0.05, sources: ['R3', 'R4', 'R5'] },
      tactics: [{ id: 'ads', type: 'ads', schedule: { weekly: ['mon', 'tue', 'wed'] }, dailySpend: 5000, cpm: 40 }],
    });
    expect(worst).toBeLessThan(5);
    // Money too: the projected GMV and cost agree with the engine's mean.
    expect(Math.abs(mf.totals.gmv - r.totals.gmv!.mean) / r.totals.gmv!.mean).toBeLessThan(0.02);
    expect(mf.totals.cost).toBeCloseTo(r.totals.cost!.mean, 0);
  });

  it('is the engine’s expectation for homogeneous BG/NBD buyers (within 5 SE)', () => {
    const { worst } = worstZ({
      days: 90,
      runs: 24,
      population: { agents: 20000, scale: 1, initial: { R0: 0.2, R1: 0.2, R2: 0.2, R3: 0.2, R4: 0.1, R5: 0.1 }, heterogeneity: false },
      baseline: {
        forward: { R0: 0.002, R1: 0.02, R2: 0.01, R3: 0.01, R4: 0 },
        reverse: { R1: 0.01, R2: 0.01, R3: 0.005, R4: 0.004, R5: 0.006 },
        repeat: 0,
        repeatModel: { kind: 'bgnbd', r: 1, alpha: 30, a: 1.5, b: 6 },
        orderValue: { mean: 100, sd: 50 },
      },
    });
    expect(worst).toBeLessThan(5);
  });

  it('approximates heterogeneous populations by trait classes within 3 % on every tier', () => {
    const { worstRel, mf } = worstZ({
      days: 120,
      runs: 12,
      population: { agents: 30000, scale: 1, initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.06, R5: 0.04 }, heterogeneity: true },
    });
    // The classes approximate continuous Gamma traits; 3 % is the documented accuracy of the preview.
    expect(worstRel).toBeLessThan(0.03);
    expect(mf.meta.classes).toBeGreaterThan(1);
  });
});

describe('mean-field preview of tactics', () => {
  // The single-tactic teaching presets: the preview of tactics that act on particular agents (viewers, members,
  // holders) is approximate; 10 % on assets, buyers and GMV is the accuracy the app's instant preview promises.
  it.each(['teaching-livestream', 'teaching-community-groups', 'teaching-coupons'])('%s: within 10 % of the Monte Carlo mean', async (id) => {
    const { readFileSync } = await import('node:fs');
    const { parseScenarioText } = await import('../../src/scenario/parse');
    const { compileScenario } = await import('../../src/scenario/compile');
    const parsed = parseScenarioText(readFileSync(`scenarios/${id}.json`, 'utf8'));
    if (!parsed.ok) throw new Error('preset invalid');
    const c = compileScenario(parsed.scenario, { runs: 6 });
    const r = runAll(c).result();
    const mf = runMeanField(c);
    const d = c.days;
    const close = (a: number, b: number) => Math.abs(a - b) / b;
    expect(close(mf.assets[d]!, r.star.S.assetsEnd!.mean)).toBeLessThan(0.1);
    expect(close(mf.tiers.R4![d]! + mf.tiers.R5![d]!, r.star.T.count.R4!.mean + r.star.T.count.R5!.mean)).toBeLessThan(0.1);
    expect(close(mf.totals.gmv, r.totals.gmv!.mean)).toBeLessThan(0.1);
  });
});
