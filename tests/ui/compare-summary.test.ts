import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenario/compile';
import { doNothing } from '../../src/scenario/variants';
import { compareSummaries } from '../../src/sim/results/compare';
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
    // Tactics by name, never by their file id.
    expect(text).toContain('原因:增加了 付费广告(朋友圈 / 视频号)');
    expect(text).not.toContain('moments');
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

  it('the same plan run twice on the same seeds is noise; a real change is reported', () => {
    // The same plan, compiled and run a second time from its own copy: every paired difference is exactly zero.
    const patch = { id: 'plan', runs: 6, days: 90, population: { agents: 4000, scale: 10 } };
    const ads = (dailySpend: number) => [{ id: 'moments', type: 'ads', schedule: { daily: true }, dailySpend }];
    const again = scenario({ ...patch, tactics: ads(20000) });
    const sb2 = runAll(compileScenario(again));
    const same = compareSummaries(sb, sb2, { reference: 'plan', alternative: 'again' });
    expect(same.figures['T.count.R5']!.ci90).toEqual([0, 0]);
    const [p] = compareSummary(alt, [{ id: 'again', name: 'Again', scenario: again, result: sb2.result() }], { again: same }, 'en');
    const text = p!.lines.join('\n');
    for (const what of ['R5 repeat buyers at the end', 'Crowd assets at the end', 'GMV', 'Cost']) expect(text).toContain(`${what}: no clear difference`);
    expect(text).not.toMatch(/: (up|down) ≈/);
    expect(text).toContain('Why: the plans are the same; differences are noise.');

    // Twice the daily spend on the same seeds: cost rises by exactly 90 days × ¥20 000 = ¥1.8M in every run.
    const more = scenario({ ...patch, tactics: ads(40000) });
    const sm = runAll(compileScenario(more));
    const cmp2 = compareSummaries(sb, sm, { reference: 'plan', alternative: 'more' });
    const [q] = compareSummary(alt, [{ id: 'more', name: 'More', scenario: more, result: sm.result() }], { more: cmp2 }, 'en');
    const text2 = q!.lines.join('\n');
    expect(text2).toContain('Cost: up ≈ ¥1.8M (90%: +¥1.8M to +¥1.8M); better in 0% of paired runs.');
    expect(text2).not.toContain('Cost: no clear difference');
    // The changed parameter by its label, with unit and the language's numbers.
    expect(text2).toContain('Why: changes Paid ads (Moments / Channels) (Daily spend ¥20k a day → ¥40k a day).');
    const [qz] = compareSummary(alt, [{ id: 'more', name: '加倍', scenario: more, result: sm.result() }], { more: cmp2 }, 'zh');
    expect(qz!.lines.join('\n')).toContain('调整了 付费广告(朋友圈 / 视频号)(日预算 ¥2万/天 → ¥4万/天)');
  });

  it('P(better) flips for figures where lower is better', () => {
    expect(pBetter(0.8)).toBe(0.8);
    expect(pBetter(0.8, true)).toBeCloseTo(0.2);
    expect(pBetter(null)).toBeNull();
  });
});
