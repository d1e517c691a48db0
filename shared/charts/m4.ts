/**
 * Peak-preserving reduction of a time series for drawing (issue 5, "Charts"). M4 (Jugel et al.,
 * "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014): per pixel column keep the
 * first, last, minimum and maximum point, so a line drawn through the result is pixel-identical in
 * shape to one drawn through every point, and the plotted maximum and minimum are the true ones.
 * Statistics, thresholds and backtests never use this output: only charts do.
 */
import type { Datapoint } from '../monitoring/metric';

/** The x range a chart spans, in the same unit as the points' `t`. */
export interface XRange {
  start: number;
  end: number;
}

/**
 * Reduce `points` (sorted by t) to at most 4 per pixel column across `width` columns of `range`.
 * Points outside the range are kept out; non-finite values are dropped. A series already at most
 * 4 × width points long is returned as is (copied, in range).
 */
export function m4(points: readonly Datapoint[], width: number, range?: XRange): Datapoint[] {
  const finite = points.filter((p) => Number.isFinite(p.v) && Number.isFinite(p.t));
  if (finite.length === 0) return [];
  const start = range?.start ?? finite[0]!.t;
  const end = range?.end ?? finite[finite.length - 1]!.t;
  const inRange = finite.filter((p) => p.t >= start && p.t <= end);
  const columns = Math.max(1, Math.floor(width));
  if (inRange.length <= 4 * columns) return inRange.slice();
  const span = end - start;
  const columnOf = (t: number) => (span <= 0 ? 0 : Math.min(columns - 1, Math.floor(((t - start) / span) * columns)));
  const out: Datapoint[] = [];
  let col = -1;
  let first: Datapoint | null = null;
  let last: Datapoint | null = null;
  let min: Datapoint | null = null;
  let max: Datapoint | null = null;
  const flush = () => {
    if (!first || !last || !min || !max) return;
    // Emit in time order without duplicates (a column of one point emits it once).
    const picked = [first, min, max, last].sort((a, b) => a.t - b.t);
    for (const p of picked) if (out[out.length - 1] !== p) out.push(p);
  };
  for (const p of inRange) {
    const c = columnOf(p.t);
    if (c !== col) {
      flush();
      col = c;
      first = last = min = max = p;
      continue;
    }
    last = p;
    if (p.v < min!.v) min = p;
    if (p.v > max!.v) max = p;
  }
  flush();
  return out;
}

/** The largest and smallest values of a series, or null when it is empty. */
export function extent(points: readonly Datapoint[]): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    if (!Number.isFinite(p.v)) continue;
    if (p.v < min) min = p.v;
    if (p.v > max) max = p.v;
  }
  return min === Infinity ? null : { min, max };
}
