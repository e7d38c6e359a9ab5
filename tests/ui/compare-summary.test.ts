import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenario/compile';
import { doNothing } from '../../src/scenario/variants';
import { compareSummaries } from '../../src/sim/compare';
import { compareSummary } from '../../src/ui/lib/compare-summary';
import { pBetter } from '../../src/ui/compare/compare-figures';
import { runAll, scenario } from '../helpers';

describe('plain-language comparison', () => {
  const plan = scenario({
    id: 'plan',
    runs: 6,
    days: 90,
    population: { agents: 4000, scale: 10 },
    tactics: [{ id: 'moments', type: 'ads', schedule: { daily: true }, dailySpend: 20000 }],
  });
  const base = doNothing(plan);
  const sa = runAll(compileScenario(base));
  const sb = runAll(compileScenario(plan));
  const cmp = compareSummaries(sa, sb, { reference: 'base', alternative: 'plan' });
  const ref = { id: 'base', name: '不做任何动作', scenario: base, result: sa.result() };
  const alt = { id: 'plan', name: '投放方案', scenario: plan, result: sb.result() };

  it('says what differs, by how much, how sure, and why — in Chinese', () => {
    const [p] = compareSummary(ref, [alt], { plan: cmp }, 'zh');
    const text = p!.lines.join('\n');
    expect(p!.lines[0]).toBe('投放方案 与 不做任何动作 相比:');
    expect(text).toMatch(/期末人群资产增加 ≈ [\d.,]+万?\(90%:\+/);
    expect(text).toMatch(/成本提高 ≈ ¥/);
    expect(text).toContain('原因:增加了 付费广告');
    expect(text).toContain('「moments」');
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('and in English, with the cost of each extra R5 member when R5 grows', () => {
    const [p] = compareSummary({ ...ref, name: 'Do nothing' }, [{ ...alt, name: 'Ads plan' }], { plan: cmp }, 'en');
    const text = p!.lines.join('\n');
    expect(p!.lines[0]).toBe('Ads plan compared with Do nothing:');
    expect(text).toMatch(/Crowd assets at the end: up ≈ [\d.,]+k? \(90%: \+/);
    expect(text).toContain('Why: adds Paid ads');
    if ((cmp.figures['T.count.R5']!.diff!.mean ?? 0) > 0) expect(text).toMatch(/Each extra R5 member costs ≈ ¥/);
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('the same plan twice is noise', () => {
    const [p] = compareSummary(ref, [{ ...ref, id: 'same', name: 'Same' }], { same: compareSummaries(sa, sa, { reference: 'a', alternative: 'b' }) }, 'en');
    expect(p!.lines.join(' ')).toContain('the plans are the same');
    expect(p!.lines.join(' ')).toContain('no clear difference');
  });

  it('P(better) flips for figures where lower is better', () => {
    expect(pBetter(0.8)).toBe(0.8);
    expect(pBetter(0.8, true)).toBeCloseTo(0.2);
    expect(pBetter(null)).toBeNull();
  });
});
