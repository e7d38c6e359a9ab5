import { describe, expect, it } from 'vitest';
import { scenario, tacticMarket, runAll } from '../helpers';
import { applyAllocation, levers, optimiseAssemble, optimiseJobs, optimiseMeanField, type OptimiseSkeleton, type OptimiseSpec } from '../../src/planner/optimise';
import { meanField, runMcJob, type McOutput, type Runner } from '../../src/planner/jobs';

/** Two tactics on a small homogeneous market: ads (spend buys reach) and official-account content (posts). */
function market(patch: Record<string, unknown> = {}) {
  return scenario({
    ...tacticMarket({ days: 60, runs: 24, seed: 7, agents: 3000 }),
    population: { agents: 3000, scale: 10, initial: { R0: 0.6, R1: 0.15, R2: 0.1, R3: 0.08, R4: 0.04, R5: 0.03 }, heterogeneity: false },
    margin: 0.5,
    uncertainty: { assumptions: false },
    tactics: [
      { id: 'ads', type: 'ads', schedule: { daily: true }, dailySpend: 2000 },
      { id: 'posts', type: 'content', schedule: { daily: true }, postsPerDay: 1, costPerPost: 2000 },
    ],
    ...patch,
  });
}

const spec: OptimiseSpec = { budget: 400_000, objective: 'gmv', risk: { kind: 'mean' }, tactics: [{ id: 'ads' }, { id: 'posts' }], candidates: 2 };

describe('budget optimiser on the mean field', () => {
  it('names the spec path of a bad tactic, field or budget', () => {
    const s = market();
    const r = levers(s, { ...spec, tactics: [{ id: 'ads' }, { id: 'nope' }, { id: 'ads' }, { id: 'posts', field: 'schedule' }] }, {}, 'optimise');
    expect(r.ok).toBe(false);
    const errs = r.ok ? [] : r.errors.map((e) => e.path);
    expect(errs).toEqual(['optimise.tactics[1].id', 'optimise.tactics[2].id', 'optimise.tactics[3].field']);
    const costless = levers(s, { ...spec, tactics: [{ id: 'posts', field: 'followRate' }] }, {});
    expect(costless.ok ? '' : costless.errors[0]!.message).toMatch(/does not grow with followRate/);
    const poor = levers(s, { ...spec, budget: 10, tactics: [{ id: 'ads', min: 6 }, { id: 'posts', min: 6 }] }, {});
    expect(poor.ok ? '' : poor.errors[0]!.path).toBe('budget');
  });

  it('converts a budget to effort by the cost line: ads cost their daily spend on every scheduled day', () => {
    const l = levers(market(), spec, {});
    if (!l.ok) throw new Error('levers');
    // 60 daily ad days: 60 yuan of cost per yuan of daily spend; posts cost 2000 × 60 per post a day.
    expect(l.levers[0]!.unit).toBeCloseTo(60, 6);
    expect(l.levers[1]!.unit).toBeCloseTo(120_000, 3);
    expect(l.fixedCost).toBeCloseTo(0, 6);
  });

  it('is within 0.5 % of an exhaustive grid (steps of 5 % of the budget) and never below it by more', () => {
    const s = market();
    const l = levers(s, spec, {});
    if (!l.ok) throw new Error('levers');
    const sk = optimiseMeanField(s, spec, l.levers, l.fixedCost, {});
    const base = meanField(s, {}).base;
    const value = (x: number[]) => meanField(applyAllocation(s, l.levers, x), {}, base).figures['incremental.gmv']!;
    let best = -Infinity;
    const B = spec.budget;
    for (let i = 0; i <= 20; i++) for (let j = 0; i + j <= 20; j++) best = Math.max(best, value([(i * B) / 20, (j * B) / 20]));
    expect(sk.meanField.value).toBeGreaterThanOrEqual(best * 0.995);
    // The optimum is re-evaluated independently of the search's own record.
    expect(value(sk.meanField.allocation)).toBeCloseTo(sk.meanField.value, -1);
    // Both tactics still pay at this budget, so all of it is spent.
    expect(sk.meanField.allocation[0]! + sk.meanField.allocation[1]!).toBeGreaterThan(B * 0.99);
    // The frontier rises with the budget (more money never hurts when it may stay unspent).
    for (let k = 1; k < sk.frontier.length; k++) expect(sk.frontier[k]!.value).toBeGreaterThanOrEqual(sk.frontier[k - 1]!.value);
  });

  it('confirms the candidates by Monte Carlo on the same seeds and compares with the own plan', async () => {
    const s = market();
    const l = levers(s, spec, {});
    if (!l.ok) throw new Error('levers');
    const sk = optimiseMeanField(s, spec, l.levers, l.fixedCost, {});
    const run: Runner = async (c) => runAll(c);
    const jobs = optimiseJobs(s, sk, {});
    expect(jobs.length).toBe(sk.candidates.length + 2);
    const outs = await Promise.all(jobs.map((j) => runMcJob(j, run)));
    const r = optimiseAssemble(sk, outs);
    expect(r.chosen).not.toBeNull();
    const chosen = r.confirmed[r.chosen!]!;
    // Every candidate's Monte Carlo mean is within 4 confidence half-widths of its mean-field value (same model).
    for (const [k, c] of r.confirmed.entries()) {
      const half = (c.objective!.ci90![1] - c.objective!.ci90![0]) / 2;
      expect(Math.abs(c.objective!.mean - sk.candidates[k]!.meanField)).toBeLessThan(4 * half + 0.02 * Math.abs(sk.candidates[k]!.meanField));
    }
    // The paired difference chosen − own is the difference of the two means, run by run.
    expect(r.vsOwnPlan!.mean / (chosen.objective!.mean - r.ownConfirmed.objective!.mean)).toBeCloseTo(1, 4);
    // Pairing: the noise of the difference is smaller than either plan's spread alone.
    expect(r.vsOwnPlan!.sd).toBeLessThan(chosen.objective!.sd);
  });
});

describe('risk preferences pick from confirmed candidates (hand-made outcomes)', () => {
  // Three candidates, 10 runs each, baseline 0: A has the best mean but a long left tail, B a better p10, C never loses.
  const runsOf = (gmv: number[], cost: number): McOutput => ({ runs: 10, seed: 's', margin: 0.5, totals: { gmv, cost: gmv.map(() => cost), ...Object.fromEntries(['assets', 'r5', 'orders', 'firstPurchases', 'r1', 'r2', 'r3', 'r4'].map((k) => [k, gmv.map(() => 0)])) } as McOutput['totals'] });
  const zero = runsOf(new Array(10).fill(0), 0);
  const A = runsOf([0, 0, 0, 500, 500, 500, 500, 500, 500, 500], 100); // mean 350, p10 0, loss (0.5·gmv < 100) in 3 of 10
  const B = runsOf([150, 150, 150, 300, 300, 300, 300, 300, 300, 300], 100); // mean 255, p10 150, loss 3 of 10 (0.5·150 < 100)
  const C = runsOf([250, 250, 250, 250, 250, 250, 250, 250, 250, 250], 100); // mean 250, p10 250, no loss
  const sk = (risk: OptimiseSkeleton['risk']): OptimiseSkeleton =>
    ({ budget: 1, fixedCost: 0, objective: 'gmv', figure: 'incremental.gmv', risk, levers: [], own: { allocation: [], value: 0, cost: 0, withinBudget: true }, meanField: {} as never, frontier: [], candidates: [A, B, C].map(() => ({ allocation: [], efforts: [], meanField: 0 })) }) as OptimiseSkeleton;
  const pick = (risk: OptimiseSkeleton['risk']) => optimiseAssemble(sk(risk), [C, A, B, C, zero]).chosen;

  it('mean → A, p10 → C, P(loss) ≤ 0.2 → C, P(loss) ≤ 0.3 → A', () => {
    expect(pick({ kind: 'mean' })).toBe(0);
    expect(pick({ kind: 'p10' })).toBe(2);
    expect(pick({ kind: 'lossCap', maxLossProbability: 0.2 })).toBe(2);
    expect(pick({ kind: 'lossCap', maxLossProbability: 0.3 })).toBe(0);
    const r = optimiseAssemble(sk({ kind: 'mean' }), [C, A, B, C, zero]);
    expect(r.confirmed[0]!.pLoss.p).toBe(0.3);
    expect(r.confirmed[0]!.objective!.p10).toBe(0);
    expect(r.confirmed[1]!.objective!.p10).toBe(150);
    // Own plan C vs chosen A, paired: A − C per run is −250 ×3, +250 ×7: mean 100.
    expect(r.vsOwnPlan!.mean).toBe(100);
  });
});
