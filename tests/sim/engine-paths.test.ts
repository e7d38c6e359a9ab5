import { describe, expect, it } from 'vitest';
import { config, runAll } from '../helpers';

/**
 * Engine paths the presets never take, each checked against an expectation worked out by hand from the scenario's
 * own numbers (a binomial count, a closed form), never from the tactic code's formulas.
 */

type Json = Record<string, unknown>;

/** A still population: no baseline moves, no own purchases, no word of mouth — only the tactics act. */
const still = {
  forward: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0 },
  reverse: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 0 },
  repeat: 0,
  repeatModel: { kind: 'simple' },
  orderValue: { mean: 100, sd: 0 },
};

/** Mean and standard error of the mean of per-run values. */
function meanSe(xs: number[]): { mean: number; se: number } {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  return { mean: m, se: Math.sqrt(v / xs.length) };
}

describe('a homogeneous population with a tactic that acts on particular agents (livestream viewers)', () => {
  // Daily sessions to a still population: half R3, half R5. Each session an R3 or R5 agent watches with probability
  // a; an R3 viewer makes a first purchase with probability f, an R5 viewer buys again with probability b. R4 does
  // not watch, so a converted R3 buys nothing more. By hand:
  //   in-stream repeat orders per run  = S · N5 · a · b         (binomial: sd = √(S · N5 · a · b))
  //   in-stream first purchases per run = N3 · (1 − (1 − a·f)^S)
  const days = 56;
  const n = 20000;
  const a = 0.05;
  const f = 0.1;
  const b = 0.1;
  const live: Json = {
    id: 'l',
    type: 'livestream',
    schedule: { daily: true },
    sessionsPerDay: 1,
    attendance: { R1: 0, R2: 0, R3: a, R4: 0, R5: a },
    preheatLift: 0,
    fatigue: 0,
    maxPublicViewers: 0,
    shareRate: 0,
    followRate: 0,
    impulseRate: 0,
    firstBuyRate: f,
    repeatBuyRate: b,
  };
  const scenarioOf = (heterogeneity: boolean) =>
    config({
      days,
      runs: 6,
      seed: 3,
      population: { agents: n, scale: 1, initial: { R0: 0, R1: 0, R2: 0, R3: 0.5, R4: 0, R5: 0.5 }, heterogeneity },
      baseline: still,
      tactics: [live],
    });
  const hom = runAll(scenarioOf(false));
  const het = runAll(scenarioOf(true));
  const perRun = (s: typeof hom, key: string) => Array.from(s.figure(key));
  const expectedRepeats = days * (n / 2) * a * b; // 2 800
  const expectedFirsts = (n / 2) * (1 - Math.pow(1 - a * f, days)); // ≈ 2 445

  it('in-stream repeat orders are S·N5·a·b within 4 standard errors (homogeneous buyers\u2019 fast path)', () => {
    const { mean } = meanSe(perRun(hom, 'cause.l.repeatPurchases'));
    const se = Math.sqrt(expectedRepeats / 6); // binomial sd per run, 6 runs
    expect(Math.abs(mean - expectedRepeats), `simulated ${mean}, by hand ${expectedRepeats}`).toBeLessThan(4 * se);
  });

  it('in-stream first purchases are N3·(1 − (1 − a·f)^S) within 4 standard errors (homogeneous non-buyers\u2019 fast path)', () => {
    const { mean } = meanSe(perRun(hom, 'cause.l.firstPurchases'));
    const se = Math.sqrt((n / 2) * (1 - Math.pow(1 - a * f, days)) * Math.pow(1 - a * f, days) / 6);
    expect(Math.abs(mean - expectedFirsts), `simulated ${mean}, by hand ${expectedFirsts}`).toBeLessThan(4 * se);
    // Nothing but the livestream acts: every order of the run is an in-stream order.
    expect(hom.result().totals.orders!.mean).toBe(hom.result().byCause.l!.orders!.mean);
  });

  it('homogeneous and heterogeneous runs agree on in-stream repeat orders (attendance × a mean-1 trait)', () => {
    const h = meanSe(perRun(hom, 'cause.l.repeatPurchases'));
    const t = meanSe(perRun(het, 'cause.l.repeatPurchases'));
    expect(Math.abs(h.mean - t.mean)).toBeLessThan(4 * Math.sqrt(h.se ** 2 + t.se ** 2) + 1e-9);
    expect(Math.abs(t.mean - expectedRepeats)).toBeLessThan(4 * Math.sqrt(expectedRepeats / 6) * 1.2);
  });
});

describe('BG/NBD repeat buying with a tactic that gives buyers an extra purchase chance (livestream)', () => {
  // A still BG/NBD population of buyers: λ = r/α = 10⁻⁴ a day (they hardly buy on their own) and a dropout chance
  // p = a/(a+b) = 0.9 after each purchase, so most buyers become inactive after their first in-stream order. The
  // model says an in-stream purchase chance reaches inactive buyers too (and makes them active again), so by hand:
  //   in-stream orders per run = S · N · att · b · (1 − (1 − e^{−λ})) ≈ S · N · att · b.
  const days = 40;
  const n = 20000;
  const att = 0.05;
  const b = 0.1;
  const c = config({
    days,
    runs: 6,
    seed: 8,
    population: { agents: n, scale: 1, initial: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0, R5: 1 }, heterogeneity: false },
    baseline: { ...still, repeatModel: { kind: 'bgnbd', r: 0.01, alpha: 100, a: 9, b: 1 } },
    tactics: [
      {
        id: 'l',
        type: 'livestream',
        schedule: { daily: true },
        attendance: { R1: 0, R2: 0, R3: 0, R4: 0, R5: att },
        preheatLift: 0,
        fatigue: 0,
        maxPublicViewers: 0,
        shareRate: 0,
        repeatBuyRate: b,
      },
    ],
  });
  const s = runAll(c);

  it('in-stream orders are S·N·att·b within 4 standard errors, inactive buyers included', () => {
    const expected = days * n * att * b * (1 - (1 - Math.exp(-1e-4))); // 4 000
    const { mean } = meanSe(Array.from(s.figure('cause.l.orders')));
    expect(Math.abs(mean - expected), `simulated ${mean}, by hand ${expected}`).toBeLessThan(4 * Math.sqrt(expected / c.runs));
  });

  it('own BG/NBD purchases stay at the closed-form rate: at most N·λ·S', () => {
    // Buyers who dropped out do not buy on their own, so baseline orders are below N·λ·S = 80 (and above zero).
    const own = s.result().byCause.baseline!.orders!.mean;
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(n * 1e-4 * days + 4 * Math.sqrt(n * 1e-4 * days));
  });
});
