import type { Band } from '../../sim';
import type { TimeSeries } from '../../charts/types';
import { PROJECTION_COLOR } from '../../charts/palette';

/** A Monte Carlo band: the p05–p95 area and the mean line. */
export function bandSeries(id: string, label: string, color: string, band: Band, place: { step?: number; offset?: number } = {}): TimeSeries {
  return { id, label, color, kind: 'band', mean: band.mean, lo: band.p05, hi: band.p95, ...place };
}

/** The mean-field projection as a dashed grey line (shown at once, kept as a reference when the bands arrive). */
export function projectionSeries(id: string, label: string, values: ArrayLike<number>, place: { step?: number; offset?: number } = {}, color: string = PROJECTION_COLOR): TimeSeries {
  return { id, label, color, kind: 'line', mean: values, dash: '5 4', width: 1.6, ...place };
}
