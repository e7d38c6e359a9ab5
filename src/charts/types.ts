import type { ActiveSegment } from './timeline';
import type { NumberKind } from '../i18n/numbers';

/** Inner margins of a chart. Every time chart uses the same left and right margins so their x axes line up. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * One series on a time chart. Value i sits at day offset `offset + i·step` from the scenario's start (tier counts:
 * step 1, offset 0 — one value per day boundary; weekly figures: step 7).
 */
export interface TimeSeries {
  id: string;
  label: string;
  color: string;
  /** SVG dash pattern ('' = solid). */
  dash?: string;
  /** `line`: the mean; `band`: p05–p95 area plus the mean line; `bars`: one bar per step (with whiskers when lo/hi). */
  kind: 'line' | 'band' | 'bars' | 'area';
  mean: ArrayLike<number>;
  lo?: ArrayLike<number>;
  hi?: ArrayLike<number>;
  step?: number;
  offset?: number;
  /** Line width. */
  width?: number;
  /** Leave out of the legend (e.g. a band's twin). */
  hideInLegend?: boolean;
  /** How the tooltip writes this series' values, when it differs from the chart's. */
  valueKind?: NumberKind;
}

/** A shaded window on the time axis (festivals), in day offsets from the start, inclusive. */
export interface TimeWindow {
  from: number;
  to: number;
  label: string;
  /** 0–1: presale lighter than the main sale. */
  strength: number;
  peak?: number;
}

export interface LegendItem {
  label: string;
  color: string;
  dash?: string;
  /** `line`, `band` (light area with a line), `box` (filled square). */
  shape: 'line' | 'band' | 'box';
}

export interface TooltipRow {
  label: string;
  value: string;
  color?: string;
  dash?: string;
  detail?: string;
}

export interface TimelineRow {
  id: string;
  label: string;
  color: string;
  /** Active days as runs; null when the schedule cannot be resolved (invalid). */
  segments: ActiveSegment[] | null;
  note?: string;
}

export interface FestivalBand {
  label: string;
  presale: [number, number] | null;
  main: [number, number];
  peak: number;
}

export interface CurvePoint {
  effort: number;
  pressure: number;
}

export interface CurveMarks {
  maintain: number;
  grow: number;
  flatten: number;
}
