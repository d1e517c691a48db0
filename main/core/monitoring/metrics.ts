import { GetMetricDataCommand, ListMetricsCommand, type Dimension } from '@aws-sdk/client-cloudwatch';
import {
  DEFAULT_USAGE_CLASS,
  metricIdentity,
  VCPU_METRIC_NAME,
  VCPU_NAMESPACE,
  type Datapoint,
  type MetricSpec,
  type Stat,
} from '../../../shared/monitoring/metric';
import type { AwsContext } from '../aws/context';
import { toAppError } from '../aws/errors';
import type { SeriesCache } from './series-cache';

/** A series cache and the scope (account and endpoint) its entries belong to. */
export interface SeriesCacheRef {
  cache: SeriesCache;
  scope: string;
}

/** What to fetch: one metric, one statistic, over [start, end) in epoch ms. */
export interface SeriesQuery {
  region: string;
  metric: MetricSpec;
  stat: Stat;
  period: number;
  start: number;
  end: number;
}

/** CloudWatch's Dimension list for a dimension map. */
export function toDimensions(dims: Record<string, string>): Dimension[] {
  return Object.entries(dims).map(([Name, Value]) => ({ Name, Value }));
}

/** A Dimension list as a map. */
export function fromDimensions(dims: readonly Dimension[] | undefined): Record<string, string> {
  return Object.fromEntries((dims ?? []).map((d) => [d.Name ?? '', d.Value ?? '']));
}

/**
 * Fetch one metric's datapoints with a single GetMetricData query (following NextToken), sorted by
 * time. GetMetricStatistics is never used: it caps at 1,440 datapoints per call (FACTS.md).
 */
export async function fetchSeries(aws: AwsContext, q: SeriesQuery, cache?: SeriesCacheRef): Promise<Datapoint[]> {
  if (cache) return cache.cache.get(cache.scope, q, (sub) => fetchSeries(aws, sub));
  const cw = await aws.cloudwatch(q.region);
  const id = metricIdentity(q.metric);
  const byTime = new Map<number, number>();
  let nextToken: string | undefined;
  let pages = 0;
  do {
    let out;
    try {
      out = await cw.send(
        new GetMetricDataCommand({
          StartTime: new Date(q.start),
          EndTime: new Date(q.end),
          ScanBy: 'TimestampAscending',
          NextToken: nextToken,
          MetricDataQueries: [
            {
              Id: 'm1',
              ReturnData: true,
              MetricStat: {
                Metric: { Namespace: id.namespace, MetricName: id.metricName, Dimensions: toDimensions(id.dimensions) },
                Period: q.period,
                Stat: q.stat,
              },
            },
          ],
        }),
      );
    } catch (err) {
      throw toAppError(err, `CloudWatch GetMetricData in ${q.region}`);
    }
    for (const r of out.MetricDataResults ?? []) {
      const ts = r.Timestamps ?? [];
      const vs = r.Values ?? [];
      for (let i = 0; i < ts.length; i++) {
        const t = ts[i]!.getTime();
        const v = vs[i];
        if (v !== undefined && Number.isFinite(v)) byTime.set(t, v);
      }
    }
    nextToken = out.NextToken;
    pages++;
  } while (nextToken && pages < 200);
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([t, v]) => ({ t, v }));
}

/**
 * The vCPU usage classes this account has metrics for in a region (ListMetrics), the default class
 * always first even when it has no data yet.
 */
export async function listUsageClasses(aws: AwsContext, region: string): Promise<string[]> {
  const cw = await aws.cloudwatch(region);
  const classes = new Set<string>();
  let nextToken: string | undefined;
  let pages = 0;
  do {
    let out;
    try {
      out = await cw.send(
        new ListMetricsCommand({
          Namespace: VCPU_NAMESPACE,
          MetricName: VCPU_METRIC_NAME,
          Dimensions: [
            { Name: 'Service', Value: 'EC2' },
            { Name: 'Type', Value: 'Resource' },
            { Name: 'Resource', Value: 'vCPU' },
          ],
          NextToken: nextToken,
        }),
      );
    } catch (err) {
      throw toAppError(err, `CloudWatch ListMetrics in ${region}`);
    }
    for (const m of out.Metrics ?? []) {
      const dims = fromDimensions(m.Dimensions);
      if (dims.Service === 'EC2' && dims.Resource === 'vCPU' && dims.Class) classes.add(dims.Class);
    }
    nextToken = out.NextToken;
    pages++;
  } while (nextToken && pages < 50);
  classes.delete(DEFAULT_USAGE_CLASS);
  return [DEFAULT_USAGE_CLASS, ...[...classes].sort()];
}
