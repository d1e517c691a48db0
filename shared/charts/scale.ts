/**
 * Chart geometry shared by the threshold chart's series layer and its overlay, so both place a
 * value on the same pixel without asking recharts: a fixed plot rectangle and linear scales.
 */
import { niceCeil } from '../monitoring/threshold';

/** The plot area inside a chart of a given size, in pixels. */
export interface PlotRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Margins and axis sizes every time-series chart uses (recharts is given the same numbers). */
// The top margin leaves room for the y axis's unit above its highest tick.
export const CHART_MARGIN = { top: 20, right: 24, bottom: 4, left: 4 } as const;
export const Y_AXIS_WIDTH = 52;
export const X_AXIS_HEIGHT = 28;

/** The plot rectangle of a chart of `width` × `height` with the standard margins and axes. */
export function plotRect(width: number, height: number): PlotRect {
  return {
    left: CHART_MARGIN.left + Y_AXIS_WIDTH,
    top: CHART_MARGIN.top,
    right: Math.max(CHART_MARGIN.left + Y_AXIS_WIDTH + 1, width - CHART_MARGIN.right),
    bottom: Math.max(CHART_MARGIN.top + 1, height - CHART_MARGIN.bottom - X_AXIS_HEIGHT),
  };
}

/** Pixel x of time `t` in [start, end]. */
export function xOf(t: number, start: number, end: number, rect: PlotRect): number {
  const span = end - start;
  return rect.left + (span > 0 ? ((t - start) / span) * (rect.right - rect.left) : 0);
}

/** The time at pixel x in [start, end], clamped to the range. */
export function timeAtX(x: number, start: number, end: number, rect: PlotRect): number {
  const frac = (x - rect.left) / Math.max(1, rect.right - rect.left);
  return start + Math.min(1, Math.max(0, frac)) * (end - start);
}

/** The datapoint of a time-sorted series nearest to time `t` (binary search), or null for an empty series. */
export function nearestPoint<P extends { t: number }>(points: readonly P[], t: number): P | null {
  if (points.length === 0) return null;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  const after = points[lo]!;
  const before = points[lo - 1];
  return before && t - before.t <= after.t - t ? before : after;
}

/** Pixel y of value `v` on a [0, yMax] axis. */
export function yOf(v: number, yMax: number, rect: PlotRect): number {
  return rect.bottom - (yMax > 0 ? (v / yMax) * (rect.bottom - rect.top) : 0);
}

/** The value at pixel y on a [0, yMax] axis, clamped to the axis. */
export function valueAtY(y: number, yMax: number, rect: PlotRect): number {
  const frac = (rect.bottom - y) / (rect.bottom - rect.top);
  return Math.min(yMax, Math.max(0, frac * yMax));
}

/**
 * The y axis maximum: 25% above the larger of the peak and (when it is within 4× of the peak) the
 * quota, rounded up to a nice number; then doubled until the threshold fits. Doubling in steps keeps
 * the axis (and so the series layer) unchanged while a threshold moves within it.
 */
export function axisMax(input: { peak: number | null; quota: number | null; threshold: number | null }): number {
  const peak = Math.max(0, input.peak ?? 0);
  const quota = input.quota !== null && input.quota > 0 && input.quota <= 4 * Math.max(peak, 1) ? input.quota : 0;
  let max = niceCeil(Math.max(peak, quota) * 1.25) || 10;
  const t = input.threshold;
  if (t !== null && Number.isFinite(t)) while (t > max) max *= 2;
  return max;
}

/** A step to round dragged values to: whole numbers from an axis of 20 up, else tenths. */
export function dragStep(yMax: number): number {
  return yMax >= 20 ? 1 : 0.1;
}

/** Round to a step without floating-point noise. */
export function roundTo(value: number, step: number): number {
  return Number((Math.round(value / step) * step).toPrecision(12));
}

/**
 * The SVG path of a (reduced) series on the chart's scales: one `M`/`L` command per point, rounded
 * to a tenth of a pixel. Drawing this single path instead of a recharts <Line> keeps the cost of a
 * chart independent of recharts' per-point work; recharts still draws the axes and grid.
 */
export function linePath(points: readonly { t: number; v: number }[], start: number, end: number, yMax: number, rect: PlotRect): string {
  let d = '';
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const x = Math.round(xOf(p.t, start, end, rect) * 10) / 10;
    const y = Math.round(yOf(Math.min(Math.max(p.v, 0), yMax), yMax, rect) * 10) / 10;
    d += `${i === 0 ? 'M' : 'L'}${x} ${y}`;
  }
  return d;
}
