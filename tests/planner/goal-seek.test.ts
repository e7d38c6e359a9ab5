import { describe, expect, it } from 'vitest';
import { scenario, tacticMarket, runAll } from '../helpers';
import { checkGoalSeek, goalSeek, type GoalSeekSpec } from '../../src/planner/goal-seek';
import { meanField, probability, runMcJob, type Runner } from '../../src/planner/jobs';
import { setValues } from '../../src/planner/paths';

const run: Runner = async (c) => runAll(c);

function market(seed: number, runs: number) {
  return scenario({
    ...tacticMarket({ days: 30, runs, seed, agents: 600 }),
    population: { agents: 600, scale: 100, initial: { R0: 0.6, R1: 0.15, R2: 0.1, R3: 0.08, R4: 0.04, R5: 0.03 }, heterogeneity: false },
    uncertainty: { assumptions: false },
    // The whole market as the ads' audience, so more spend keeps reaching more people over the range searched (with
    // the default half, a month of 300 a day already saturates the audience). The target sits where the curve is steep.
    tactics: [{ id: 'ads', type: 'ads', schedule: { daily: true }, dailySpend: 1000, audienceShare: 1 }],
  });
}

// The target: the expected (mean-field) crowd assets at a daily spend of 100 — computed without any Monte Carlo.
const s0 = market(1, 120);
const target = meanField(setValues(s0, [['tactics[ads].dailySpend', 100]]), {}).figures.assets!;
const base: Omit<GoalSeekSpec, 'probability'> = { path: 'tactics[ads].dailySpend', figure: 'assets', target, min: 0, max: 3000, tolerance: 10 };

describe('goal-seek: least daily spend reaching a target with a chosen probability', () => {
  it('checks the path and the bracket, naming the spec fields', () => {
    expect(checkGoalSeek(s0, { ...base, probability: 0.8, path: 'tactics[ads].dailySpnd' }, 'goalSeek').map((e) => e.path)).toEqual(['goalSeek.path']);
    expect(checkGoalSeek(s0, { ...base, probability: 0.8, min: -5 }, 'goalSeek').map((e) => e.path)).toEqual(['goalSeek.min']);
    expect(checkGoalSeek(s0, { ...base, probability: 0.8, min: 10, max: 5 }, 'goalSeek').map((e) => e.path)).toEqual(['goalSeek.max']);
  });

  it('is monotone: a surer goal needs at least as much spend, and P rises with spend along the search', async () => {
    const answers: number[] = [];
    for (const q of [0.5, 0.8, 0.95]) {
      const r = await goalSeek(s0, { ...base, probability: q }, {}, run);
      expect(r.status).toBe('found');
      // Common random numbers keep P nearly monotone in the spend: any fall is within Monte Carlo error.
      expect(r.monotone.withinError).toBe(true);
      expect(r.pAtAnswer!.p).toBeGreaterThanOrEqual(q);
      // The value just below the answer (within the tolerance) fell short on the same seeds.
      const below = r.evaluations.filter((e) => e.value < r.answer!).sort((a, b) => b.value - a.value)[0]!;
      expect(below.p).toBeLessThan(q);
      expect(r.answer! - below.value).toBeLessThanOrEqual(10);
      answers.push(r.answer!);
    }
    expect(answers[1]!).toBeGreaterThanOrEqual(answers[0]!);
    expect(answers[2]!).toBeGreaterThanOrEqual(answers[1]!);
    // At the mean-field break-even (100/day) the chance is about even, so P = 0.5 needs about that spend or a little
    // more (the mean field reads slightly above the runs' mean).
    expect(answers[0]!).toBeGreaterThan(100);
    expect(answers[0]!).toBeLessThan(600);
  });

  it('hits its probability within Monte Carlo error on fresh seeds', async () => {
    const q = 0.8;
    const n = 120;
    const r = await goalSeek(s0, { ...base, probability: q }, {}, run);
    // Independent check: 400 runs of another seed at the answer.
    const fresh = setValues(market(99, 400), [['tactics[ads].dailySpend', r.answer!]]);
    const out = await runMcJob({ kind: 'mc', label: 'fresh', scenario: fresh, overrides: {} }, run);
    const p = probability(out.totals.assets as number[], target).p;
    // Error of the seek's estimate (n runs) and of the check (400 runs), 3 standard errors of their difference, plus
    // the step of P across the final bracket (10 yuan a day).
    const se = Math.sqrt(q * (1 - q) * (1 / n + 1 / 400));
    expect(Math.abs(p - q)).toBeLessThan(3 * se + 0.05);
  });

  it('says when the target is reached already at min, or not even at max', async () => {
    const atMin = await goalSeek(s0, { ...base, target: 0, probability: 0.9 }, {}, run);
    expect(atMin.status).toBe('atMin');
    expect(atMin.answer).toBe(0);
    const never = await goalSeek(s0, { ...base, target: target * 10, probability: 0.5 }, {}, run);
    expect(never.status).toBe('unreachable');
    expect(never.answer).toBeNull();
    expect(never.evaluations.length).toBe(1);
  });
});
