import { translate, type Lang } from '../../i18n/index';
import { toCsv } from '../../sim';
import type { ContributionReport } from '../../sim';
import type { SimulationResult } from '../../sim';
import type { ShapleyReport } from '../../sim';
import type { Scenario } from '../../scenario/types';
import { causeLabel } from './compare-summary';

/**
 * The CSVs whose rows are tactics or causes. A spreadsheet reader sees each tactic by its label in the chosen language
 * ("直播", "优惠券 · 满减"), never by the scenario's id for it (`live1`) nor a cause's machine key (`wordOfMouth`): the
 * ids stay in the JSON exports. Headers are machine names that `humanCsv` (downloadCsv) puts in words.
 */

/** Orders, moves, GMV and cost booked to each cause (a touchpoint view). */
export function causedCsv(result: SimulationResult, scenario: Scenario, lang: Lang): string {
  return toCsv(
    ['cause', 'orders_mean', 'forwardMoves_mean', 'reverseMoves_mean', 'firstPurchases_mean', 'gmv_mean', 'gmv_p05', 'gmv_p95', 'cost_mean'],
    result.meta.causes.map((c) => {
      const b = result.byCause[c];
      return [causeLabel(c, scenario, lang), b?.orders?.mean ?? null, b?.forwardMoves?.mean ?? null, b?.reverseMoves?.mean ?? null, b?.firstPurchases?.mean ?? null, b?.gmv?.mean ?? null, b?.gmv?.p05 ?? null, b?.gmv?.p95 ?? null, b?.cost?.mean ?? null];
    }),
  );
}

const SHAPLEY_KEYS = ['R.gmv', 'R.cost', 'S.assetsEnd', 'T.count.R5'];

/** Each tactic's Shapley value with its interval, then the plan's total (their sum). */
export function shapleyCsv(sh: ShapleyReport, scenario: Scenario, lang: Lang): string {
  const rows = [
    ...sh.tactics.map((x) => ({ name: causeLabel(x.id, scenario, lang), values: x.values, roi: x.roi, marginRoi: x.marginRoi })),
    { name: translate(lang, 'csv.planSum'), values: sh.total, roi: null, marginRoi: null },
  ];
  return toCsv(
    ['tactic', ...SHAPLEY_KEYS.flatMap((k) => [`${k}_shapley_mean`, `${k}_ci90_low`, `${k}_ci90_high`, `${k}_p05`, `${k}_p95`]), 'incremental_roi', 'margin_roi'],
    rows.map((x) => [
      x.name,
      ...SHAPLEY_KEYS.flatMap((k) => [x.values[k]?.value?.mean ?? null, x.values[k]?.ci90?.[0] ?? null, x.values[k]?.ci90?.[1] ?? null, x.values[k]?.value?.p05 ?? null, x.values[k]?.value?.p95 ?? null]),
      x.roi,
      x.marginRoi,
    ]),
  );
}

const REMOVAL_KEYS = ['S.assetsEnd', 'T.count.R5', 'R.gmv', 'R.cost'];

/** What dropping each tactic would change (paired differences with their intervals). */
export function removalCsv(rep: ContributionReport, scenario: Scenario, lang: Lang): string {
  return toCsv(
    ['tactic', ...REMOVAL_KEYS.flatMap((k) => [`${k}_diff_mean`, `${k}_ci90_low`, `${k}_ci90_high`]), 'incremental_roi', 'p_helped_gmv'],
    rep.tactics.map((x) => [
      causeLabel(x.id, scenario, lang),
      ...REMOVAL_KEYS.flatMap((k) => [x.effect[k]?.diff?.mean ?? null, x.effect[k]?.ci90?.[0] ?? null, x.effect[k]?.ci90?.[1] ?? null]),
      x.incrementalRoi,
      x.effect['R.gmv']?.pBgtA ?? null,
    ]),
  );
}

/** Each tactic's cost: mean and the spread of runs. */
export function tacticCostCsv(ids: readonly string[], items: ReadonlyArray<{ mean: number; lo?: number; hi?: number } | undefined>, scenario: Scenario, lang: Lang): string {
  return toCsv(
    ['tactic', 'cost_mean', 'cost_p05', 'cost_p95'],
    ids.map((id, k) => [causeLabel(id, scenario, lang), items[k]?.mean ?? null, items[k]?.lo ?? null, items[k]?.hi ?? null]),
  );
}
