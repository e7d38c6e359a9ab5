import { area, line } from 'd3';

/**
 * Path strings from series, for Svelte to draw. Non-finite values break the line (d3's `defined`) instead of
 * dropping it to zero.
 */
export function linePath(values: ArrayLike<number>, x: (i: number) => number, y: (v: number) => number): string {
  const idx = Array.from({ length: values.length }, (_, i) => i);
  const gen = line<number>()
    .defined((i) => Number.isFinite(values[i]!))
    .x((i) => x(i))
    .y((i) => y(values[i]!));
  return gen(idx) ?? '';
}

/** The area between two series (a p05–p95 band, or a layer of a stack). */
export function areaPath(lo: ArrayLike<number>, hi: ArrayLike<number>, x: (i: number) => number, y: (v: number) => number): string {
  const n = Math.min(lo.length, hi.length);
  const idx = Array.from({ length: n }, (_, i) => i);
  const gen = area<number>()
    .defined((i) => Number.isFinite(lo[i]!) && Number.isFinite(hi[i]!))
    .x((i) => x(i))
    .y0((i) => y(lo[i]!))
    .y1((i) => y(hi[i]!));
  return gen(idx) ?? '';
}

/** Cumulative layers of a stack: layer k spans [sum of layers < k, sum of layers ≤ k] at every step. */
export function stackLayers(layers: ReadonlyArray<ArrayLike<number>>): Array<{ lo: Float64Array; hi: Float64Array }> {
  const n = layers.reduce((m, l) => Math.max(m, l.length), 0);
  const base = new Float64Array(n);
  return layers.map((l) => {
    const lo = base.slice();
    for (let i = 0; i < n; i++) {
      const v = l[i];
      base[i] = base[i]! + (v !== undefined && Number.isFinite(v) ? v : 0);
    }
    return { lo, hi: base.slice() };
  });
}
