import type { NumberKind } from '../../i18n/numbers';
import type { MessageKey } from '../../i18n/index';

/** The STAR figures in the comparison table, their format, and which way is better. */
export interface CompareFigure {
  key: string;
  label: MessageKey;
  vars?: Record<string, string>;
  kind: NumberKind;
  lowerBetter?: boolean;
}

export const COMPARE_FIGURES: CompareFigure[] = [
  { key: 'S.assetsEnd', label: 'fig.assetsEnd', kind: 'count' },
  { key: 'S.newAssets', label: 'fig.newAssets', kind: 'count' },
  { key: 'S.growthRate', label: 'fig.growthRate', kind: 'percent' },
  { key: 'T.count.R3', label: 'fig.count', vars: { tier: 'R3' }, kind: 'count' },
  { key: 'T.count.R4', label: 'fig.count', vars: { tier: 'R4' }, kind: 'count' },
  { key: 'T.count.R5', label: 'fig.count', vars: { tier: 'R5' }, kind: 'count' },
  { key: 'T.shareEnd.R5', label: 'fig.shareEnd', vars: { tier: 'R5' }, kind: 'percent' },
  { key: 'A.rate.R2>R3', label: 'fig.rate', vars: { from: 'R2', to: 'R3' }, kind: 'percent' },
  { key: 'A.rate.R3>R4', label: 'fig.rate', vars: { from: 'R3', to: 'R4' }, kind: 'percent' },
  { key: 'A.rate.R4>R5', label: 'fig.rate', vars: { from: 'R4', to: 'R5' }, kind: 'percent' },
  { key: 'R.gmv', label: 'fig.gmv', kind: 'money' },
  { key: 'R.orders', label: 'fig.orders', kind: 'count' },
  { key: 'R.aov', label: 'fig.aov', kind: 'money' },
  { key: 'R.conversion', label: 'fig.conversion', kind: 'percent' },
  { key: 'R.repurchaseRate', label: 'fig.repurchaseRate', kind: 'percent' },
  { key: 'R.cost', label: 'fig.cost', kind: 'money', lowerBetter: true },
  { key: 'R.roi', label: 'fig.roi', kind: 'ratio' },
];

/** P(better) from P(B > A): for figures where lower is better, the complement. */
export function pBetter(pBgtA: number | null, lowerBetter = false): number | null {
  if (pBgtA === null) return null;
  return lowerBetter ? 1 - pBgtA : pBgtA;
}
