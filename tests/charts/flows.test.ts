import { describe, expect, it } from 'vitest';
import { directionTotals, flowMatrix } from '../../src/charts/flows';
import { sankeyLayout, spreadLabels } from '../../src/charts/sankey';

function matrix(fill: (i: number, j: number) => number): number[][] {
  return Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => fill(i, j)));
}

describe('flow matrix for a period', () => {
  it('divides the period’s moves by the person-days in the source tier, per month (30.4375 days)', () => {
    // Two days; each day 2 people move R1 → R2 and 1 moves R2 → R1.
    const day = new Array(36).fill(0);
    day[1 * 6 + 2] = 2;
    day[2 * 6 + 1] = 1;
    const tiers = [
      [100, 90, 80],
      [10, 9, 8],
      [20, 22, 24],
      [0, 0, 0],
      [5, 5, 5],
      [1, 1, 1],
    ];
    // Day 1 alone: R1 holds 9 people at its start, so 2 moves are 2/9 a day, 30.4375 × 2/9 = 6.764 a month.
    const m = flowMatrix([day, day], (t, d) => tiers[t]![d]!, 1, 2);
    expect(m.moves[1]![2]).toBe(2);
    expect(m.rates[1]![2]).toBeCloseTo(6.763889, 5);
    expect(m.rates[2]![1]).toBeCloseTo(30.4375 / 22, 6);
    expect(m.rates[1]![1]).toBeNull();
    expect(m.rates[3]![4]).toBeNull(); // R3 empty throughout
    // Both days: 4 moves over 10 + 9 = 19 person-days (not the 10 at the start).
    const whole = flowMatrix([day, day], (t, d) => tiers[t]![d]!, 0, 2);
    expect(whole.moves[1]![2]).toBe(4);
    expect(whole.exposure[1]).toBe(19);
    expect(whole.average[1]).toBe(9.5);
    expect(whole.rates[1]![2]).toBeCloseTo((4 / 19) * 30.4375, 6);
    expect(directionTotals(whole.moves)).toEqual({ forward: 4, reverse: 2 });
  });

  it('a tier that fills up during the period reads its real monthly rate, not thousands of per cent', () => {
    // R1 grows from 10 to 1 000 over 30 days while 1 % of it moves on each day: the monthly rate is 30.4375 %,
    // whatever the growth. Divided by the 10 at the start it would read about 1 200 %.
    const days = 30;
    const r1 = Array.from({ length: days + 1 }, (_, d) => 10 * Math.pow(100, d / days));
    const daily = Array.from({ length: days }, (_, d) => {
      const row = new Array(36).fill(0);
      row[1 * 6 + 2] = 0.01 * r1[d]!;
      return row;
    });
    const m = flowMatrix(daily, (t, d) => (t === 1 ? r1[d]! : 0), 0, days);
    expect(m.rates[1]![2]).toBeCloseTo(0.304375, 9);
  });
});

describe('Sankey layout', () => {
  const moves = matrix((i, j) => (i === j ? 999 : j === i + 1 ? 1000 * (6 - i) : j === i - 1 ? 300 : i === 0 && j === 4 ? 50 : 0));
  const layout = sankeyLayout(moves, { width: 600, height: 300, padLeft: 60, padRight: 60 });

  it('conserves flow: links add up to their nodes on both sides', () => {
    for (const n of layout.nodes) {
      const links = layout.links.filter((l) => (n.side === 'from' ? l.from : l.to) === n.tier);
      const sum = links.reduce((s, l) => s + l.width, 0);
      expect(sum).toBeCloseTo(n.height, 6);
      expect(links.reduce((s, l) => s + l.value, 0)).toBeCloseTo(n.value, 6);
    }
    const left = layout.nodes.filter((n) => n.side === 'from').reduce((s, n) => s + n.value, 0);
    const right = layout.nodes.filter((n) => n.side === 'to').reduce((s, n) => s + n.value, 0);
    expect(left).toBeCloseTo(right);
    expect(left).toBeCloseTo(layout.total);
  });

  it('ignores the diagonal and stacks links inside a node without overlap', () => {
    expect(layout.links.some((l) => l.from === l.to)).toBe(false);
    for (const n of layout.nodes.filter((x) => x.side === 'to')) {
      const ls = layout.links.filter((l) => l.to === n.tier).sort((a, b) => a.y1 - b.y1);
      let y = n.y;
      for (const l of ls) {
        expect(l.y1).toBeCloseTo(y);
        y += l.width;
      }
    }
    expect(layout.links.find((l) => l.from === 1 && l.to === 0)!.forward).toBe(false);
  });

  it('fits the height, and spreads labels of thin nodes apart', () => {
    const bottom = Math.max(...layout.nodes.map((n) => n.y + n.height));
    expect(bottom).toBeLessThanOrEqual(300);
    const ys = spreadLabels([10, 280, 282, 284], 12, 5, 290);
    expect(ys[0]).toBe(10);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(12 - 1e-9);
    expect(ys[3]).toBeLessThanOrEqual(290);
  });

  it('an empty matrix gives zero-height nodes and no links', () => {
    const empty = sankeyLayout(matrix(() => 0), { width: 300, height: 200 });
    expect(empty.links).toEqual([]);
    expect(empty.nodes.every((n) => n.height === 0)).toBe(true);
  });
});
