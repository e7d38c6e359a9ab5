import { describe, expect, it } from 'vitest';
import { scenario, tacticMarket } from '../helpers';
import { assumptionRanges } from '../../src/scenario/assumptions';
import { compileScenario } from '../../src/scenario/compile';
import type { Scenario } from '../../src/scenario/types';
import { runMeanField } from '../../src/sim/projection/meanfield';
import type { Driver } from '../../src/sim/results/drivers';
import { prepare, runBatch, validateBatch, type BatchResult } from '../../src/planner/batch';
import type { MeanFieldTornado, MonteCarloTornado } from '../../src/planner/tornado';
import { narrative, tornadoRows } from '../../src/ui/lib/report';
import { rankingFrom, usableTornado, REPORT_TORNADO_FIGURE } from '../../src/ui/lib/report-ranking';
import { scenarioHash } from '../../src/ui/planner/saved';

/**
 * The report's "assumptions that matter most" are the tornado's ranking of ΔGMV (issue 13: "the same ranking feeds the
 * report"). The oracle here sets each assumption by hand in the scenario's JSON and runs the mean field itself.
 */
function market(): Scenario {
  return scenario({
    ...tacticMarket({ days: 60, runs: 4, seed: 5, agents: 2000 }),
    population: { agents: 2000, scale: 50, initial: { R0: 0.6, R1: 0.15, R2: 0.1, R3: 0.08, R4: 0.04, R5: 0.03 }, heterogeneity: false },
    margin: 0.5,
    uncertainty: { assumptions: true },
    tactics: [
      { id: 'ads', type: 'ads', schedule: { daily: true }, dailySpend: 3000 },
      { id: 'posts', type: 'content', schedule: { daily: true }, postsPerDay: 1, costPerPost: 500 },
    ],
  });
}

/** Set a value at an assumption path (`baseline.forward.R1`, `tactics[id].param`, `tactics[id].param.sub`) by hand. */
function setByHand(s: Scenario, path: string, v: number): Scenario {
  const c = structuredClone(s) as unknown as Record<string, unknown>;
  const m = /^tactics\[(.+?)\]\.(.+)$/.exec(path);
  let obj: Record<string, unknown>;
  let keys: string[];
  if (m) {
    obj = (c.tactics as Array<Record<string, unknown>>).find((t) => t.id === m[1])!;
    keys = m[2]!.split('.');
  } else {
    obj = c;
    keys = path.split('.');
  }
  for (const k of keys.slice(0, -1)) obj = obj[k] as Record<string, unknown>;
  obj[keys.at(-1)!] = v;
  return c as unknown as Scenario;
}

function expectedDeltaGmv(s: Scenario): number {
  const o = { assumptions: false };
  const plan = runMeanField(compileScenario(s, o)).totals.gmv;
  const base = runMeanField(compileScenario({ ...structuredClone(s), tactics: [] }, o)).totals.gmv;
  return plan - base;
}

async function reportTornado(s: Scenario): Promise<BatchResult> {
  // What the report runs when no tornado is saved: the Planner's batch, mean field only.
  const v = validateBatch({ batch: 1, kind: 'tornado', scenario: s, figure: REPORT_TORNADO_FIGURE, top: 0 }, () => ({ ok: false, message: 'none' }));
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  const p = prepare(v.batch);
  expect(p.jobs).toHaveLength(0);
  return runBatch(p, async () => {
    throw new Error('no Monte Carlo');
  });
}

describe('the report ranks its assumptions by the tornado', () => {
  it('in the order of the swing of ΔGMV between each assumption’s ends, computed by hand on the mean field', async () => {
    const s = market();
    const res = await reportTornado(s);
    const rows = tornadoRows(rankingFrom(res.result as never, 'computed', null).bars, undefined, s, 'en', 6);
    const oracle = assumptionRanges(s)
      .map((a) => {
        const end = (x: number) => expectedDeltaGmv(setByHand(s, a.path, a.integer ? Math.round(x) : x));
        const lo = end(a.low);
        const hi = end(a.high);
        return { path: a.path, lo, hi, swing: Math.abs(hi - lo) };
      })
      .sort((a, b) => b.swing - a.swing);
    expect(oracle.length).toBeGreaterThan(6);
    // The oracle's six strongest are clearly apart, so the order is not a matter of rounding.
    for (let k = 0; k < 6; k++) expect(oracle[k]!.swing).toBeGreaterThan(oracle[k + 1]!.swing * 1.001);
    expect(rows.map((r) => r.path)).toEqual(oracle.slice(0, 6).map((o) => o.path));
    rows.forEach((r, k) => {
      expect(r.atLow).toBeCloseTo(oracle[k]!.lo, -1);
      expect(r.atHigh).toBeCloseTo(oracle[k]!.hi, -1);
      expect(r.swing).toBeCloseTo(oracle[k]!.swing, -1);
    });
    // The narrative names the tornado's first two.
    const inc = { mean: 1e6, p05: 5e5, p95: 2e6, sd: 1, p50: 1e6 };
    const result = { incremental: { gmv: inc, runs: 4 }, uncertainty: null } as never;
    const text = narrative(result, s, null, 'en', rankingFrom(res.result as never, 'computed', null).bars).join(' ');
    expect(text).toContain(`moves most with the assumptions “${rows[0]!.name}” and “${rows[1]!.name}” (ranked by a tornado`);
  });

  it('puts the bars confirmed by Monte Carlo first, in their Monte Carlo order, and shows PRCC only beside the order', () => {
    const bar = (path: string, swing: number) => ({ path, label: { en: path, zh: path }, low: 0, mode: 1, high: 2, atLow: 0, atHigh: swing, swing });
    const meanField: MeanFieldTornado = { figure: 'incremental.gmv', atMode: 0, bars: [bar('baseline.forward.R1', 30), bar('baseline.forward.R2', 20), bar('baseline.repeat', 10), bar('wordOfMouth.q', 5)] };
    const band = (mean: number) => ({ mean, sd: 1, p05: mean, p50: mean, p95: mean, p10: mean, ci90: [mean - 1, mean + 1] as [number, number], n: 4 });
    // Monte Carlo on the top two reverses them.
    const monteCarlo: MonteCarloTornado = { figure: 'incremental.gmv', runs: 4, seed: '1', atMode: null, bars: [{ path: 'baseline.forward.R2', atLow: null, atHigh: null, swing: band(-25) }, { path: 'baseline.forward.R1', atLow: null, atHigh: null, swing: band(22) }] };
    const r = rankingFrom({ meanField, monteCarlo }, 'saved', '2026-11-29T10:00:00Z');
    expect(r.mcTop).toBe(2);
    const drivers: Driver[] = [{ path: 'baseline.repeat', label: { en: '', zh: '' }, prcc: 0.9, rho: 0.9 }, { path: 'wordOfMouth.q', label: { en: '', zh: '' }, prcc: null, rho: 0 }];
    const rows = tornadoRows(r.bars, drivers, market(), 'en', 6);
    expect(rows.map((x) => x.path)).toEqual(['baseline.forward.R2', 'baseline.forward.R1', 'baseline.repeat', 'wordOfMouth.q']);
    expect(rows.map((x) => x.mcSwing?.mean ?? null)).toEqual([-25, 22, null, null]);
    // The strongest PRCC (baseline.repeat) does not move it up.
    expect(rows.map((x) => x.prccText)).toEqual(['—', '—', '+0.90', '—']);
  });

  it('uses a saved tornado only for the same compiled scenario and the report’s figure', () => {
    const s = market();
    const hash = scenarioHash(s);
    const result = { format: 'star-sandbox-batch', version: 1, id: 't', kind: 'tornado', result: { meanField: { figure: 'incremental.gmv', atMode: 0, bars: [] }, monteCarlo: null } } as BatchResult;
    const saved = { scenarioJson: JSON.stringify(s), result };
    expect(usableTornado(saved, hash)).not.toBeNull();
    // A renamed scenario compiles the same (the name is not the engine's) …
    expect(usableTornado({ ...saved, scenarioJson: JSON.stringify({ ...s, name: 'other' }) }, hash)).not.toBeNull();
    // … a changed parameter does not, nor a tornado of another figure, nor another tool's result.
    expect(usableTornado({ ...saved, scenarioJson: JSON.stringify(setByHand(s, 'tactics[ads].dailySpend', 3001)) }, hash)).toBeNull();
    expect(usableTornado({ ...saved, result: { ...result, result: { meanField: { figure: 'incremental.r5', atMode: 0, bars: [] }, monteCarlo: null } } }, hash)).toBeNull();
    expect(usableTornado({ ...saved, result: { ...result, kind: 'sweep' } }, hash)).toBeNull();
    expect(usableTornado(undefined, hash)).toBeNull();
  });
});
