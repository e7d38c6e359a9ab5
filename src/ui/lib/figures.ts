import type { NumberKind } from '../../i18n/numbers';
import type { Stat } from '../../sim';

/** One row of a figures table. */
export interface FigureRow {
  key: string;
  label: string;
  stat: Stat | null;
  kind: NumberKind;
  color?: string;
}

/** A Stat for a projection value (mean field): the same number everywhere, no spread. */
export function pointStat(x: number): Stat {
  return { mean: x, sd: 0, p05: x, p50: x, p95: x };
}

/** How to write a value of a spec unit (tactic metrics, parameters). */
export function kindOfUnit(unit: string): NumberKind {
  if (unit.startsWith('yuan')) return 'money';
  if (unit === 'share' || unit === 'probabilityPerDay') return 'percent';
  if (unit === 'people' || unit === 'count' || unit === 'agents') return 'count';
  if (unit === 'days') return 'days';
  return 'plain';
}
