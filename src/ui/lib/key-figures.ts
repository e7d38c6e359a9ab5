import type { MessageKey } from '../../i18n/index';
import type { NumberKind } from '../../i18n/numbers';
import type { MeanFieldResult } from '../../sim';
import type { SimulationResult } from '../../sim';
import type { Stat } from '../../sim';
import { pointStat } from './figures';

export type StarLetter = 'S' | 'T' | 'A' | 'R';

/** One headline card of the dashboard. */
export interface KeyFigure {
  letter: StarLetter;
  label: MessageKey;
  vars?: Record<string, string>;
  stat: Stat | null;
  kind: NumberKind;
}

/**
 * The dashboard's four headline figures, one per STAR letter: S the crowd assets at the end, T the share of R5 (repeat
 * buyers, the top of the pyramid) in the assets at the end, A the monthly R3 → R4 conversion (over the average R3), R the GMV (a total, including what happens anyway). From the Monte
 * Carlo result when there is one, else from the mean-field projection (A has no projection). Kept out of the Svelte
 * component so the choice of figure — R5's share, not R4's; R5 ÷ assets, not ÷ everyone — is unit-tested.
 */
export function keyFigures(result: SimulationResult | null, projection: MeanFieldResult | null): KeyFigure[] {
  const last = (a: number[] | undefined) => (a && a.length ? a[a.length - 1]! : NaN);
  const assets = projection ? last(projection.assets) : NaN;
  const r5 = projection ? last(projection.tiers.R5) : NaN;
  const from = (mc: () => Stat | null | undefined, mf: () => Stat | null): Stat | null => (result ? (mc() ?? null) : projection ? mf() : null);
  return [
    { letter: 'S', label: 'fig.assetsEnd', stat: from(() => result!.star.S.assetsEnd, () => pointStat(assets)), kind: 'count' },
    { letter: 'T', label: 'fig.shareEnd', vars: { tier: 'R5' }, stat: from(() => result!.star.T.shareEnd.R5, () => pointStat(r5 / assets)), kind: 'percent' },
    // Conversion as an operator reads it: R3 → R4 per month over the average R3 (not moves ÷ R3 at the start).
    { letter: 'A', label: 'fig.conversion', stat: from(() => result!.star.R.conversion, () => null), kind: 'percent' },
    { letter: 'R', label: 'fig.gmv', stat: from(() => result!.star.R.gmv, () => pointStat(projection!.totals.gmv)), kind: 'money' },
  ];
}
