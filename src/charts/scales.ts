import { scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from 'd3';
import type { Lang } from '../lib/text';
import { civilFromDays } from '../sim';
import { formatMonthTick } from '../i18n/dates';
import type { Margin, TimeSeries } from './types';

export const DAY_MS = 86_400_000;

/** Shared by every time chart and the planning timeline, so a date sits at the same x in all of them. */
export const TIME_MARGIN: Margin = { top: 12, right: 18, bottom: 26, left: 62 };

export function dayDate(dayNumber: number): Date {
  return new Date(dayNumber * DAY_MS);
}

/** x scale over the horizon: day offsets 0…days from the scenario's first day (UTC dates, no time zone effects). */
export function timeScale(startDay: number, days: number, width: number, margin: Margin = TIME_MARGIN): ScaleTime<number, number> {
  return scaleUtc()
    .domain([dayDate(startDay), dayDate(startDay + Math.max(1, days))])
    .range([margin.left, Math.max(margin.left + 1, width - margin.right)]);
}

/** x position of a day offset (fractional offsets allowed). */
export function xOfDay(x: ScaleTime<number, number>, startDay: number, offset: number): number {
  return x(dayDate(startDay + offset));
}

/** The day offset under an x position (inverse of xOfDay). */
export function dayAtX(x: ScaleTime<number, number>, startDay: number, px: number): number {
  return x.invert(px).getTime() / DAY_MS - startDay;
}

/** y scale for values in [lo, hi] (always including 0 for counts and money), rounded to nice ticks. */
export function valueScale(lo: number, hi: number, height: number, margin: Margin, includeZero = true): ScaleLinear<number, number> {
  let a = includeZero ? Math.min(0, lo) : lo;
  let b = includeZero ? Math.max(0, hi) : hi;
  if (!Number.isFinite(a) || !Number.isFinite(b)) [a, b] = [0, 1];
  if (a === b) {
    const pad = Math.abs(a) > 0 ? Math.abs(a) * 0.1 : 1;
    a -= includeZero && a >= 0 ? 0 : pad;
    b += pad;
  }
  return scaleLinear()
    .domain([a, b])
    .nice(5)
    .range([height - margin.bottom, margin.top]);
}

/** Smallest and largest value across series (lo/hi included), ignoring non-finite values. */
export function seriesExtent(series: ReadonlyArray<Pick<TimeSeries, 'mean' | 'lo' | 'hi'>>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const scan = (a?: ArrayLike<number>) => {
    if (!a) return;
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  };
  for (const s of series) {
    scan(s.mean);
    scan(s.lo);
    scan(s.hi);
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/** Month ticks for the x axis: about one label per `minSpacing` pixels; January shows the year. */
export function monthTicks(
  x: ScaleTime<number, number>,
  lang: Lang,
  minSpacing = 64,
): Array<{ x: number; label: string; major: boolean }> {
  const [a, b] = x.domain();
  const [r0, r1] = x.range();
  const first = Math.floor(a!.getTime() / DAY_MS);
  const last = Math.floor(b!.getTime() / DAY_MS);
  const months: number[] = [];
  for (let d = first; d <= last; d++) if (civilFromDays(d).day === 1) months.push(d);
  // For short horizons without a month start (or only one), fall back to evenly spaced days.
  if (months.length < 2) {
    const n = Math.max(2, Math.floor((r1! - r0!) / minSpacing));
    const step = Math.max(1, Math.ceil((last - first) / n));
    const out = [];
    for (let d = first; d <= last; d += step) {
      const { month, day } = civilFromDays(d);
      out.push({ x: x(dayDate(d)), label: lang === 'zh' ? `${month}月${day}日` : `${day}/${month}`, major: false });
    }
    return out;
  }
  const perTick = Math.max(1, Math.ceil((minSpacing * months.length) / Math.max(1, r1! - r0!)));
  // Keep every k-th month, with k in 1, 2, 3, 6, 12 so labels land on quarters and halves.
  const k = [1, 2, 3, 6, 12, 24].find((v) => v >= perTick) ?? 24;
  let firstShown = true;
  return months
    .filter((d) => (civilFromDays(d).month - 1) % k === 0)
    .map((d) => {
      const label = formatMonthTick(d, lang, firstShown);
      firstShown = false;
      return { x: x(dayDate(d)), label, major: civilFromDays(d).month === 1 };
    });
}

/** y ticks: the scale's nice ticks, fewer on short charts. */
export function valueTicks(y: ScaleLinear<number, number>, height: number): number[] {
  return y.ticks(Math.max(2, Math.min(6, Math.floor(height / 40))));
}
