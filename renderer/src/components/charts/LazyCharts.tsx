/**
 * The charts, loaded on first use: recharts and the chart code live in their own chunk so the
 * renderer's initial JavaScript stays small (issue 5, "Start-up").
 */
import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { TimeSeriesChartProps } from './TimeSeriesChart';

const TimeSeriesChartImpl = lazy(() => import('./TimeSeriesChart').then((m) => ({ default: m.TimeSeriesChart })));
const SparklineImpl = lazy(() => import('./Sparkline').then((m) => ({ default: m.Sparkline })));

/** The history chart with a draggable threshold (lazy). */
export function LazyTimeSeriesChart(props: TimeSeriesChartProps) {
  return (
    <Suspense fallback={<Skeleton height={props.height ?? 300} aria-label="Loading chart" />}>
      <TimeSeriesChartImpl {...props} />
    </Suspense>
  );
}

/** A dashboard sparkline (lazy). */
export function LazySparkline(props: { points: { t: number; v: number }[]; height?: number; label: string }) {
  return (
    <Suspense fallback={<Skeleton height={props.height ?? 48} />}>
      <SparklineImpl {...props} />
    </Suspense>
  );
}
