import { describe, expect, it } from 'vitest';
import { formatGoldenChange, goldenDiff } from '../../src/scenario/golden';

describe('golden summaries show what changed', () => {
  const before = { R: { gmv: { mean: 100, p05: 90, p95: 110 }, roi: { mean: 2, p05: 1.5, p95: 2.5 } }, tactics: { a: { orders: { mean: 5, p05: 4, p95: 6 } } } };

  it('names every figure that moved, by path, with before and after', () => {
    const after = structuredClone(before);
    after.R.gmv.p95 = 120;
    after.R.roi.mean = 1.5;
    expect(goldenDiff(before, after)).toEqual([
      { path: 'R.gmv.p95', before: 110, after: 120 },
      { path: 'R.roi.mean', before: 2, after: 1.5 },
    ]);
  });

  it('reports figures that appear or disappear', () => {
    const after = { R: before.R, tactics: { b: { orders: { mean: 5, p05: 4, p95: 6 } } } };
    const paths = goldenDiff(before, after).map((c) => `${c.path}:${c.before ?? '-'}>${c.after ?? '-'}`);
    expect(paths).toEqual(['tactics.a.orders.mean:5>-', 'tactics.a.orders.p05:4>-', 'tactics.a.orders.p95:6>-', 'tactics.b.orders.mean:->5', 'tactics.b.orders.p05:->4', 'tactics.b.orders.p95:->6']);
  });

  it('is empty for equal summaries, and null ≠ 0', () => {
    expect(goldenDiff(before, structuredClone(before))).toEqual([]);
    expect(goldenDiff({ x: null }, { x: 0 })).toEqual([{ path: 'x', before: null, after: 0 }]);
  });

  it('prints a change with its relative size and sign', () => {
    expect(formatGoldenChange({ path: 'R.gmv.mean', before: 200, after: 150 })).toBe('R.gmv.mean: 200 → 150 (-25.00 %)');
    expect(formatGoldenChange({ path: 'R.gmv.mean', before: 200, after: 201 })).toBe('R.gmv.mean: 200 → 201 (+0.50 %)');
    expect(formatGoldenChange({ path: 'x', before: undefined, after: 3 })).toBe('x: (absent) → 3');
  });

  it('lists changes in path order whatever order the summaries hold them in', () => {
    expect(goldenDiff({ b: 1, a: 1 }, { b: 2, a: 2 }).map((c) => c.path)).toEqual(['a', 'b']);
  });

  it('gives no relative change from zero or for values that are not numbers; no change reads +0.00 %', () => {
    expect(formatGoldenChange({ path: 'x', before: 0, after: 5 })).toBe('x: 0 → 5');
    expect(formatGoldenChange({ path: 'x', before: null, after: 5 })).toBe('x: null → 5');
    expect(formatGoldenChange({ path: 'x', before: 'a', after: 'b' })).toBe('x: "a" → "b"');
    expect(formatGoldenChange({ path: 'x', before: -4, after: -4 })).toBe('x: -4 → -4 (+0.00 %)');
    expect(formatGoldenChange({ path: 'x', before: -4, after: -2 })).toBe('x: -4 → -2 (+50.00 %)');
  });
});

