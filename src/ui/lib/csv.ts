import { toCsv } from '../../sim';
import type { Band } from '../../sim';

/** Columns of series as CSV: one row per step, the step number first (days or weeks, from 0 or 1). */
export function seriesCsv(index: string, columns: Array<{ name: string; values: ArrayLike<number> | undefined }>, first = 0): string {
  const length = columns.reduce((m, c) => Math.max(m, c.values?.length ?? 0), 0);
  const rows = Array.from({ length }, (_, i) => [i + first, ...columns.map((c) => (c.values && i < c.values.length ? c.values[i]! : null))]);
  return toCsv([index, ...columns.map((c) => c.name)], rows);
}

/** A band's mean, p05 and p95 as three columns named after it. */
export function bandColumns(name: string, b: Band | undefined): Array<{ name: string; values: ArrayLike<number> | undefined }> {
  return [
    { name: `${name}_mean`, values: b?.mean },
    { name: `${name}_p05`, values: b?.p05 },
    { name: `${name}_p95`, values: b?.p95 },
  ];
}
