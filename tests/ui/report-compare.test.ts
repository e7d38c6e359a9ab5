import { describe, expect, it } from 'vitest';
import type { Comparison, PairedFigure } from '../../src/sim/results/compare';
import { compareVerdict, sideOf } from '../../src/ui/lib/report-compare';

/**
 * The comparison report's narrative, on made-up paired figures whose verdicts are plain by hand: an interval wholly
 * above zero is ahead (below zero for cost), one holding zero is no clear difference, and a figure without an
 * interval is left out.
 */
const stat = (mean: number) => ({ mean, sd: 0, p05: mean, p50: mean, p95: mean });
function fig(a: number | null, b: number | null, ci: [number, number] | null, pBgtA: number | null): PairedFigure {
  return { a: a === null ? null : stat(a), b: b === null ? null : stat(b), diff: a === null || b === null ? null : stat(b - a), ci90: ci, pBgtA };
}
function cmp(figures: Record<string, PairedFigure>): Comparison {
  return { format: 'star-sandbox-comparison', reference: 'A', alternative: 'B', runs: 10, figures, series: {} };
}
const entries = [
  { id: 'A', name: '基准' },
  { id: 'B', name: '方案乙' },
];

describe('which side an interval lies on', () => {
  it('reads cost the other way, and an interval touching zero as no clear difference', () => {
    expect(sideOf(fig(1, 2, [0.5, 1.5], 1))).toBe('better');
    expect(sideOf(fig(1, 2, [0.5, 1.5], 1), true)).toBe('worse');
    expect(sideOf(fig(2, 1, [-1.5, -0.5], 0), true)).toBe('better');
    expect(sideOf(fig(2, 1, [-1.5, -0.5], 0))).toBe('worse');
    expect(sideOf(fig(1, 2, [0, 1.5], 1))).toBe('unclear');
    expect(sideOf(fig(1, 2, [-3, 0], 1))).toBe('unclear');
    expect(sideOf(fig(null, null, null, null))).toBeNull();
    expect(sideOf(undefined)).toBeNull();
  });
});

describe('the comparison narrative', () => {
  const figures = {
    'R.gmv': fig(100, 160, [40, 80], 0.95),
    'R.cost': fig(0, 30, [25, 35], 0),
    'R.roi': fig(null, null, null, null),
    'T.count.R5': fig(50, 55, [-2, 12], 0.6),
    'S.assetsEnd': fig(1000, 2000, [800, 1200], 0.9),
  };

  it('says what the plan is ahead on, behind on and even on, how sure, what the extra cost bought, and who leads', () => {
    const s = compareVerdict(entries, 'A', { B: cmp(figures) }, true, 'zh');
    expect(s[0]).toBe('“方案乙”对比“基准”:胜在GMV、期末人群资产;输在成本;期末 R5 复购用户无明显差异。');
    // The least sure of what it leads: assets, better in 90 % of the runs.
    expect(s[1]).toBe('在它胜出的每项指标上,至少 90% 的成对运行中它更优。');
    expect(s[2]).toMatch(/^它多花成本 ¥30,GMV 相应变化 \+¥60:每多花 1 元成本,GMV 变化 \+2(\.0+)? 元/);
    expect(s[3]).toBe('按均值:GMV 最高的是“方案乙”,期末 R5 最多的是“方案乙”,成本最低的是“基准”。');
    expect(s[4]).toContain('区间含模拟噪声与假设参数的不确定性');
    expect(compareVerdict(entries, 'A', { B: cmp(figures) }, false, 'zh')[4]).toContain('区间只含模拟噪声');
  });

  it('a cheaper plan is ahead on cost and says what it saves; English names are lower case mid-sentence', () => {
    const cheaper = { ...figures, 'R.cost': fig(30, 20, [-12, -8], 0.1) };
    const s = compareVerdict(entries, 'A', { B: cmp(cheaper) }, false, 'en');
    expect(s[0]).toBe('“方案乙” against “基准”: ahead on GMV, cost and crowd assets at the end; no clear difference in R5 repeat buyers at the end.');
    expect(s[2]).toBe('It costs ¥10 less.');
    expect(s[3]).toContain('the lowest cost “方案乙”');
  });

  it('with the reference second among three plans, each other plan gets its own verdict and the leaders are all three’s', () => {
    const three = [{ id: 'C', name: '丙' }, ...entries];
    const worse = cmp({ 'R.gmv': fig(100, 90, [-15, -5], 0.05), 'R.cost': fig(0, 10, [8, 12], 0), 'T.count.R5': fig(50, 70, [15, 25], 1) });
    const s = compareVerdict(three, 'A', { B: cmp(figures), C: worse }, false, 'zh');
    expect(s.filter((x) => x.startsWith('“丙”对比“基准”:'))).toEqual(['“丙”对比“基准”:胜在期末 R5 复购用户;输在GMV、成本。']);
    expect(s).toContain('按均值:GMV 最高的是“方案乙”,期末 R5 最多的是“丙”,成本最低的是“基准”。');
  });
});
