import { describe, expect, it } from 'vitest';
import { areaPath, linePath, stackLayers } from '../../src/charts/paths';
import { cumulative, growthBand, tierShares } from '../../src/charts/series';
import { activeDays, activeSegments } from '../../src/charts/timeline';
import { legendLayout, textWidth } from '../../src/charts/legend';

const round = (s: string) => s.replace(/\d+\.\d+/g, (m) => String(Math.round(Number(m) * 10) / 10));

describe('bands to paths', () => {
  it('draws a line through every finite point and breaks at gaps', () => {
    expect(round(linePath([1, 2, 3], (i) => i * 10, (v) => 100 - v))).toBe('M0,99L10,98L20,97');
    const broken = linePath([1, NaN, 3, 4], (i) => i * 10, (v) => v);
    expect(broken.match(/M/g)!.length).toBe(2);
  });
  it('draws a band between p05 and p95', () => {
    const d = round(areaPath([1, 2], [3, 4], (i) => i * 10, (v) => v));
    expect(d).toBe('M0,3L10,4L10,2L0,1Z');
  });
  it('stacks layers cumulatively', () => {
    const [a, b] = stackLayers([
      [1, 2],
      [3, NaN],
    ]);
    expect(Array.from(a!.lo)).toEqual([0, 0]);
    expect(Array.from(a!.hi)).toEqual([1, 2]);
    expect(Array.from(b!.lo)).toEqual([1, 2]);
    expect(Array.from(b!.hi)).toEqual([4, 2]);
  });
});

describe('series helpers', () => {
  it('growth since the start', () => {
    const g = growthBand({ mean: [100, 150], p05: [100, 140], p50: [100, 150], p95: [100, 160] });
    expect(g.mean).toEqual([0, 0.5]);
    expect(g.p95[1]).toBeCloseTo(0.6);
  });
  it('tier shares of the assets sum to one', () => {
    const shares = tierShares([[50, 10], [10, 20], [10, 20], [10, 20], [10, 20], [10, 20]]);
    for (let d = 0; d < 2; d++) expect(shares.reduce((s, t) => s + t[d]!, 0)).toBeCloseTo(1);
    expect(tierShares([[1], [0], [0], [0], [0], [0]])[0]![0]).toBeNaN();
  });
  it('cumulative sums', () => {
    expect(cumulative([1, 2, 3])).toEqual([1, 3, 6]);
  });
  it('timeline segments: single days are ticks, runs are windows', () => {
    const e = [0, 1, 0, 1, 1, 2, 0, 0, 1];
    expect(activeSegments(e)).toEqual([
      { from: 1, to: 1, effort: 1 },
      { from: 3, to: 5, effort: 2 },
      { from: 8, to: 8, effort: 1 },
    ]);
    expect(activeDays(e)).toBe(5);
  });
  it('legends wrap to new rows when they do not fit', () => {
    expect(textWidth('人群', 10)).toBe(20);
    const one = legendLayout(['a', 'b'], 500);
    expect(one.height).toBe(16);
    const wrapped = legendLayout(['人群资产总量', '均场投影', '90% 区间(p05–p95)'], 180);
    expect(wrapped.items[2]!.y).toBeGreaterThan(0);
    for (const it of wrapped.items) expect(it.x + it.width).toBeLessThanOrEqual(180 + 1e-9 + (it.x === 0 ? it.width : 0));
  });
});
