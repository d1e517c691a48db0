import { useMemo } from 'react';
import { Line, LineChart, YAxis } from 'recharts';
import { m4 } from '../../../../shared/charts/m4';
import type { Datapoint } from '../../../../shared/monitoring/metric';
import { useElementWidth } from './use-element-width';

/** A small axis-less line of a series (M4-reduced to its width), for dashboard cards. */
export function Sparkline({ points, height = 48, label }: { points: readonly Datapoint[]; height?: number; label: string }) {
  const { ref, width } = useElementWidth<HTMLDivElement>(240);
  const data = useMemo(() => m4(points, width), [points, width]);
  return (
    <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }}>
      <LineChart width={width} height={height} data={data} margin={{ top: 4, right: 2, bottom: 4, left: 2 }}>
        <YAxis hide domain={[0, 'dataMax']} />
        <Line type="linear" dataKey="v" stroke="#228be6" strokeWidth={1.5} dot={false} activeDot={false} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
