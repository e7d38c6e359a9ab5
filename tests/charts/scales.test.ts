import { describe, expect, it } from 'vitest';
import { dayAtX, monthTicks, seriesExtent, TIME_MARGIN, timeScale, valueScale, xOfDay } from '../../src/charts/scales';
import { parseIsoDate } from '../../src/sim/civil-date';

const start = parseIsoDate('2026-01-01')!;

describe('time scale', () => {
  it('puts the horizon between the shared margins, so every chart lines up', () => {
    const x = timeScale(start, 365, 1000);
    expect(xOfDay(x, start, 0)).toBeCloseTo(TIME_MARGIN.left);
    expect(xOfDay(x, start, 365)).toBeCloseTo(1000 - TIME_MARGIN.right);
    expect(dayAtX(x, start, xOfDay(x, start, 100.5))).toBeCloseTo(100.5);
  });

  it('labels months, the year on January, and thins ticks on narrow charts', () => {
    const wide = monthTicks(timeScale(start, 365, 1400), 'zh');
    expect(wide.map((t) => t.label)).toEqual(['2026年', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '2027年']);
    const narrow = monthTicks(timeScale(start, 365, 390), 'en', 56);
    expect(narrow.length).toBeLessThan(8);
    expect(narrow[0]!.label).toBe('2026');
    for (let i = 1; i < narrow.length; i++) expect(narrow[i]!.x - narrow[i - 1]!.x).toBeGreaterThanOrEqual(40);
  });

  it('falls back to day ticks on horizons without two month starts', () => {
    const ticks = monthTicks(timeScale(parseIsoDate('2026-03-03')!, 20, 600), 'en');
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks[0]!.label).toBe('3/3');
  });
});

describe('value scale and extent', () => {
  it('includes zero and rounds to nice ticks', () => {
    const y = valueScale(120, 987, 200, TIME_MARGIN);
    expect(y.domain()).toEqual([0, 1000]);
    expect(y(0)).toBe(200 - TIME_MARGIN.bottom);
  });
  it('handles a flat series and non-finite values', () => {
    expect(valueScale(0, 0, 200, TIME_MARGIN).domain()).toEqual([0, 1]);
    expect(valueScale(5, 5, 200, TIME_MARGIN, false).domain()[1]).toBeGreaterThan(5);
    expect(seriesExtent([{ mean: [1, NaN, 3], lo: [0.5, NaN, 2], hi: [Infinity, 4, 4] }])).toEqual([0.5, 4]);
    expect(seriesExtent([])).toEqual([0, 1]);
  });
});
