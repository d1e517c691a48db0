import { useComputedColorScheme } from '@mantine/core';
import { memo, useEffect, useMemo } from 'react';
import { CartesianGrid, LineChart, XAxis, YAxis } from 'recharts';
import type { Datapoint } from '../../../../shared/monitoring/metric';
import { CHART_MARGIN, X_AXIS_HEIGHT, Y_AXIS_WIDTH, linePath, plotRect } from '../../../../shared/charts/scale';
import { formatTick, formatValue } from './format';

/** What the series layer draws: already reduced points on fixed axes. */
export interface SeriesLayerProps {
  /** Points reduced to the chart's width (M4); never the raw series. */
  data: Datapoint[];
  start: number;
  end: number;
  yMax: number;
  width: number;
  height: number;
  color?: string;
  /** Called after every render of this layer (tests use it to prove a threshold move skips it). */
  onRender?: () => void;
}

/**
 * A time series on fixed axes: recharts draws the grid and axes (memoised on the window, axis and
 * size), and the reduced series is one SVG path on the same scales — so drawing 18,144 or 105,120
 * raw points costs the same as drawing a few per pixel column. The layer re-renders only when the
 * data, window, axis or size change — never when the threshold or the shaded intervals move.
 */
export const SeriesLayer = memo(function SeriesLayer({ data, start, end, yMax, width, height, color = '#228be6', onRender }: SeriesLayerProps) {
  useEffect(() => {
    onRender?.();
  });
  const dark = useComputedColorScheme('light') === 'dark';
  const path = useMemo(() => linePath(data, start, end, yMax, plotRect(width, height)), [data, start, end, yMax, width, height]);
  return (
    <div style={{ position: 'relative', width, height }}>
      <ChartFrame start={start} end={end} yMax={yMax} width={width} height={height} dark={dark} />
      <svg width={width} height={height} style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none' }} aria-hidden data-series-points={data.length}>
        <path d={path} fill="none" stroke={color} strokeWidth={1.5} strokeLinejoin="round" />
      </svg>
    </div>
  );
});

/** The recharts grid and axes, with no data series of their own. */
const ChartFrame = memo(function ChartFrame({ start, end, yMax, width, height, dark }: { start: number; end: number; yMax: number; width: number; height: number; dark: boolean }) {
  const span = end - start;
  const frame = useMemo(() => [{ t: start, v: 0 }, { t: end, v: 0 }], [start, end]);
  return (
    <LineChart width={width} height={height} data={frame} margin={CHART_MARGIN}>
      <CartesianGrid strokeDasharray="3 3" stroke={dark ? '#373a40' : '#e9ecef'} />
      <XAxis
        dataKey="t"
        type="number"
        domain={[start, end]}
        allowDataOverflow
        height={X_AXIS_HEIGHT}
        tickFormatter={(t: number) => formatTick(t, span)}
        tick={{ fontSize: 11 }}
        minTickGap={40}
      />
      <YAxis type="number" domain={[0, yMax]} allowDataOverflow width={Y_AXIS_WIDTH} tickFormatter={formatValue} tick={{ fontSize: 11 }} />
    </LineChart>
  );
});
