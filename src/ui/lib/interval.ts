import type { Stat } from '../../sim';

/**
 * How the app prints an interval: from its low end to its high end, "low – high". One helper for every table and card,
 * so a figure's 90 % interval is always p05 – p95 (never p05 twice, or the median) and a CI always its low – high end.
 */

/** The 90 % interval across runs of a figure, "p05 – p95"; '' when there is no figure. */
export function intervalText(s: Pick<Stat, 'p05' | 'p95'> | null | undefined, format: (x: number) => string): string {
  return s ? `${format(s.p05)} – ${format(s.p95)}` : '';
}

/** A confidence interval [low, high], "low – high"; '' when there is none. */
export function ciText(ci: readonly [number, number] | null | undefined, format: (x: number) => string): string {
  return ci ? `${format(ci[0])} – ${format(ci[1])}` : '';
}
