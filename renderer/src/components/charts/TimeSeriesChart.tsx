import { useMemo } from 'react';
import { m4 } from '../../../../shared/charts/m4';
import { axisMax, plotRect } from '../../../../shared/charts/scale';
import type { Episode } from '../../../../shared/monitoring/backtest';
import type { Datapoint } from '../../../../shared/monitoring/metric';
import { peakOf } from '../../../../shared/monitoring/threshold';
import { SeriesLayer } from './SeriesLayer';
import { ThresholdOverlay } from './ThresholdOverlay';
import { useElementWidth } from './use-element-width';

/** A time series with an optional draggable threshold, shaded ALARM and INSUFFICIENT_DATA intervals, a quota line and a hover read-out. */
export interface TimeSeriesChartProps {
  /** The raw series; the chart draws its M4 reduction to its pixel width. */
  points: readonly Datapoint[];
  start: number;
  end: number;
  height?: number;
  threshold?: number | null;
  episodes?: readonly Episode[];
  /** INSUFFICIENT_DATA intervals of the backtest, shaded apart from the ALARM ones. */
  insufficient?: readonly Episode[];
  quota?: number | null;
  /** The unit of the y axis ("vCPUs", "USD"). */
  unit?: string;
  /** Accessible name of the chart. */
  label: string;
  onThresholdChange?: (value: number) => void;
  /** Called after each render of the series layer (tests). */
  onSeriesRender?: () => void;
}

const NO_EPISODES: readonly Episode[] = [];

/**
 * The history chart. The series layer (recharts) is memoised on the reduced data and the axis; the
 * threshold, shading and handle live in an overlay, so moving the threshold never redraws the line.
 */
export function TimeSeriesChart({
  points,
  start,
  end,
  height = 300,
  threshold = null,
  episodes = NO_EPISODES,
  insufficient = NO_EPISODES,
  quota = null,
  unit,
  label,
  onThresholdChange,
  onSeriesRender,
}: TimeSeriesChartProps) {
  const { ref, width } = useElementWidth<HTMLDivElement>(640);
  const rect = plotRect(width, height);
  const peak = useMemo(() => peakOf(points), [points]);
  const yMax = axisMax({ peak: peak?.v ?? null, quota, threshold });
  // One reduced point set per pixel column of the plot area.
  const data = useMemo(() => m4(points, rect.right - rect.left, { start, end }), [points, rect.right, rect.left, start, end]);
  return (
    <div ref={ref} role="figure" aria-label={label} data-points={data.length} style={{ position: 'relative', width: '100%', height }}>
      <SeriesLayer data={data} start={start} end={end} yMax={yMax} width={width} height={height} onRender={onSeriesRender} />
      <ThresholdOverlay
        width={width}
        height={height}
        rect={rect}
        start={start}
        end={end}
        yMax={yMax}
        threshold={threshold}
        episodes={episodes}
        insufficient={insufficient}
        quota={quota}
        peak={peak}
        points={points}
        unit={unit}
        onThresholdChange={onThresholdChange}
      />
    </div>
  );
}
