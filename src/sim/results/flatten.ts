import type { SimulationResult } from './result';
import type { Stat } from './stats';

function isStat(v: unknown): v is Stat {
  return typeof v === 'object' && v !== null && 'mean' in v && 'p95' in v && 'sd' in v;
}

/**
 * Every across-run figure of a result as (name, stat) rows, in a stable order: totals, then STAR (S, T, A, R), then
 * each cause. Used for CSV export (command line and app).
 */
export function flattenFigures(r: SimulationResult): Array<[string, Stat | null]> {
  const rows: Array<[string, Stat | null]> = [];
  const walk = (prefix: string, v: unknown) => {
    if (v === null || isStat(v)) {
      rows.push([prefix, v as Stat | null]);
      return;
    }
    if (typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) walk(prefix ? `${prefix}.${k}` : k, child);
    }
  };
  walk('totals', r.totals);
  walk('star', r.star);
  for (const [cause, c] of Object.entries(r.byCause)) {
    const { movesMatrix: _m, dailyCost: _d, ...stats } = c;
    walk(`byCause.${cause}`, stats);
  }
  return rows;
}

/** Quote a CSV field when needed (RFC 4180). */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

export function figuresCsv(r: SimulationResult): string {
  return toCsv(
    ['figure', 'mean', 'sd', 'p05', 'p50', 'p95'],
    flattenFigures(r).map(([k, s]) => [k, s?.mean ?? null, s?.sd ?? null, s?.p05 ?? null, s?.p50 ?? null, s?.p95 ?? null]),
  );
}
