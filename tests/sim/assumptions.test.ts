import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenario/compile';
import { configForRun, drawAssumptions, triangular } from '../../src/sim/assumptions';
import { pairFigures } from '../../src/sim/results/compare';
import { simulateRun } from '../../src/sim/step/model';
import { config, runAll, scenario } from '../helpers';

const live = { id: 'live', type: 'livestream', schedule: { weekly: ['sat'] }, maxPublicViewers: 3000, trafficSpend: 4000 };
const groups = { id: 'groups', type: 'communityGroups', schedule: { daily: true }, groups: 10 };
const drawn = { uncertainty: { assumptions: true }, runs: 6, days: 45, population: { agents: 3000 } };

describe('triangular draws', () => {
  it('inverts the triangular distribution function (hand-computed)', () => {
    // low 1, mode 2, high 4: F(2) = 1/3; F⁻¹(u) = 1 + √(3u) below it, 4 − √(6(1 − u)) above it.
    expect(triangular(0, 1, 2, 4)).toBe(1);
    expect(triangular(1 / 3, 1, 2, 4)).toBeCloseTo(2, 12);
    expect(triangular(0.1, 1, 2, 4)).toBeCloseTo(1 + Math.sqrt(0.3), 12);
    expect(triangular(0.5, 1, 2, 4)).toBeCloseTo(4 - Math.sqrt(3), 12);
    expect(triangular(0.999999, 1, 2, 4)).toBeCloseTo(4, 2);
    expect(triangular(0.7, 3, 3, 3)).toBe(3);
  });
});

describe('assumption draws per run', () => {
  const c = config({ ...drawn, tactics: [live] });

  it('draw every assumed parameter inside its range, differently from run to run, the same for the same run', () => {
    expect(c.assumptions!.length).toBeGreaterThan(20);
    const r0 = drawAssumptions(c, 0);
    const r1 = drawAssumptions(c, 1);
    c.assumptions!.forEach((a, k) => {
      expect(r0[k]).toBeGreaterThanOrEqual(a.low);
      expect(r0[k]).toBeLessThanOrEqual(a.high);
    });
    expect(r0).toEqual(drawAssumptions(c, 0));
    expect(r0.filter((x, k) => x !== r1[k]).length).toBe(r0.length);
    const cfg = configForRun(c, 0);
    const k = c.assumptions!.findIndex((a) => a.path === 'tactics[live].followRate');
    expect(cfg.tactics[0]!.params.followRate).toBe(r0[k]);
    expect(c.tactics[0]!.params.followRate).toBe(0.05); // the scenario's config is not changed
    const f = c.assumptions!.findIndex((a) => a.path === 'baseline.forward.R1');
    expect(cfg.forward[1]).toBe(r0[f]);
  });

  it('never vary the brand’s decisions, nor parameters listed as fixed', () => {
    const paths = c.assumptions!.map((a) => a.path);
    expect(paths).not.toContain('tactics[live].trafficSpend');
    expect(paths).not.toContain('tactics[live].sessionsPerDay');
    const f = config({ ...drawn, tactics: [live], uncertainty: { assumptions: true, fixed: ['tactics[live].followRate'] } });
    expect(f.assumptions!.map((a) => a.path)).not.toContain('tactics[live].followRate');
  });

  it('vary a value set in the file by the same relative width as the default', () => {
    const a = c.assumptions!.find((x) => x.path === 'tactics[live].maxPublicViewers')!;
    // default 60 000 in 30 000–120 000; the file says 3 000 → 1 500–6 000.
    expect([a.low, a.mode, a.high]).toEqual([1500, 3000, 6000]);
  });

  it('come from their own streams: draws that cannot move leave the simulation’s bits as they are', () => {
    const off = compileScenario(scenario({ ...drawn, tactics: [live] }), { assumptions: false });
    const pinned = { ...c, assumptions: c.assumptions!.map((a) => ({ ...a, low: a.mode, high: a.mode })) };
    expect(simulateRun(pinned, 2)).toEqual(simulateRun(off, 2));
  });

  it('are shared by compared scenarios, so a null change gives Δ = 0 exactly in every run', () => {
    // B adds a tactic that does nothing (zero effort), whose own parameters are drawn too: nothing else may move.
    const a = runAll(config({ ...drawn, tactics: [live] }));
    const b = runAll(config({ ...drawn, tactics: [{ ...groups, schedule: { daily: true, effort: 0 } }, live] }));
    for (const key of ['R.gmv', 'S.assetsEnd', 'T.count.R5', 'R.orders']) {
      const p = pairFigures(a.figure(key), b.figure(key));
      expect(p.diff!.mean, key).toBe(0);
      expect(p.diff!.p05, key).toBe(0);
      expect(p.diff!.p95, key).toBe(0);
    }
    // …and the draws did vary the runs.
    expect(new Set(a.figure('R.gmv')).size).toBe(6);
  });
});
