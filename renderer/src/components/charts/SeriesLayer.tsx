import { useComputedColorScheme } from '@mantine/core';
import { memo, useEffect } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import type { Datapoint } from '../../../../shared/monitoring/metric';
import { CHART_MARGIN, X_AXIS_HEIGHT, Y_AXIS_WIDTH } from '../../../../shared/charts/scale';
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
 * The recharts line of a time series on fixed axes. Memoised: it re-renders only when the data,
 * window, axis or size change — never when the threshold or the shaded intervals move.
 */
export const SeriesLayer = memo(function SeriesLayer({ data, start, end, yMax, width, height, color = '#228be6', onRender }: SeriesLayerProps) {
  useEffect(() => {
    onRender?.();
  });
  const span = end - start;
  const dark = useComputedColorScheme('light') === 'dark';
  return (
    <LineChart width={width} height={height} data={data} margin={CHART_MARGIN}>
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
      <Line type="linear" dataKey="v" stroke={color} strokeWidth={1.5} dot={false} activeDot={false} isAnimationActive={false} />
    </LineChart>
  );
});
