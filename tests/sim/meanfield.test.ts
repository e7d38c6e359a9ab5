import { describe, expect, it } from 'vitest';
import { config, runAll } from '../helpers';
import { runMeanField } from '../../src/sim/projection/meanfield';

const TIERS = ['R0', 'R1', 'R2', 'R3', 'R4', 'R5'] as const;

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
