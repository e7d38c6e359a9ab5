import { describe, expect, it } from 'vitest';
import { EFFECT_KEYS, tacticContributions, withoutTactic } from '../../src/sim/results/contributions';
import type { Comparison } from '../../src/sim/results/compare';
import type { Summary } from '../../src/sim/results/summary';
import { config } from '../helpers';

/**
 * Removal effects with stand-in runs and comparisons: what tacticContributions runs (the scenario without each tactic,
 * nothing else changed) and how it reads the comparison (incremental ROI = Δ GMV ÷ Δ cost of the means, by hand).
 */
const plan = () =>
  config({
    tactics: [
      { id: 'ads', type: 'ads' },
      { id: 'live', type: 'livestream' },
      { id: 'cp', type: 'coupons' },
    ],
  });

describe('removal effects', () => {
  it('withoutTactic drops exactly tactic k and keeps everything else', () => {
    const c = plan();
    const w = withoutTactic(c, 1);
    expect(w.tactics.map((t) => t.id)).toEqual(['ads', 'cp']);
    expect(withoutTactic(c, 0).tactics.map((t) => t.id)).toEqual(['live', 'cp']);
    expect(withoutTactic(c, 2).tactics.map((t) => t.id)).toEqual(['ads', 'live']);
    expect({ ...w, tactics: c.tactics }).toEqual(c);
    expect(c.tactics).toHaveLength(3); // the plan itself is not changed
  });

  it('runs the plan without each tactic in turn and reads Δ GMV ÷ Δ cost as the incremental ROI', async () => {
    const c = plan();
    // Per tactic: Δ GMV and Δ cost of the means (plan − plan without it).
    const deltas: Record<string, [number, number]> = { ads: [600, 200], live: [500, 0], cp: [-30, -10] };
    const seen: string[][] = [];
    const full = { added: 7, tag: 'full' } as unknown as Summary;
    const run = async (ci: typeof c) => {
      seen.push(ci.tactics.map((t) => t.id));
      return { added: 7, tag: ci.tactics.map((t) => t.id).join('+') } as unknown as Summary;
    };
    const names: Array<[string, string]> = [];
    const compare = (a: Summary, b: Summary, n: { reference: string; alternative: string }): Comparison => {
      expect(b).toBe(full); // B is the full plan, A the plan without the tactic
      names.push([n.reference, n.alternative]);
      const missing = ['ads', 'live', 'cp'].find((id) => !(a as unknown as { tag: string }).tag.split('+').includes(id))!;
      const [dg, dc] = deltas[missing]!;
      const fig = (mean: number) => ({ a: null, b: null, diff: { mean, sd: 0, p05: mean, p50: mean, p95: mean }, ci90: [mean, mean], pBgtA: 1 });
      const figures = Object.fromEntries(EFFECT_KEYS.map((k) => [k, fig(k === 'R.gmv' ? dg : k === 'R.cost' ? dc : 1)]));
      return { figures } as unknown as Comparison;
    };
    const report = await tacticContributions(c, full, run, compare);
    expect(seen).toEqual([
      ['live', 'cp'],
      ['ads', 'cp'],
      ['ads', 'live'],
    ]);
    expect(names[0]).toEqual(['without ads', c.scenarioId]);
    expect(report.format).toBe('star-sandbox-contributions');
    expect(report.runs).toBe(7);
    expect(report.tactics.map((t) => [t.id, t.type])).toEqual([
      ['ads', 'ads'],
      ['live', 'livestream'],
      ['cp', 'coupons'],
    ]);
    // 600 ÷ 200 = 3; a tactic that costs nothing more, or saves cost, has no incremental ROI.
    expect(report.tactics.map((t) => t.incrementalRoi)).toEqual([3, null, null]);
    expect(Object.keys(report.tactics[0]!.effect)).toEqual([...EFFECT_KEYS]);
    expect(report.tactics[0]!.effect['R.gmv']!.diff!.mean).toBe(600);
  });

  it('rounds the incremental ROI to 6 significant digits', async () => {
    const c = config({ tactics: [{ id: 'ads', type: 'ads' }] });
    const full = { added: 2 } as unknown as Summary;
    const compare = (): Comparison => {
      const fig = (mean: number) => ({ diff: { mean } });
      return { figures: Object.fromEntries(EFFECT_KEYS.map((k) => [k, fig(k === 'R.gmv' ? 100 : k === 'R.cost' ? 3 : 0)])) } as unknown as Comparison;
    };
    const r = await tacticContributions(c, full, async () => full, compare);
    expect(r.tactics[0]!.incrementalRoi).toBe(33.3333);
  });
});
