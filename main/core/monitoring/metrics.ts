import { paginateGetMetricData, paginateListMetrics, type Dimension, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { sumSeries, metricQueryId } from '../../../shared/monitoring/metric-math';
import {
  ALL_USAGE_CLASSES,
  classesOf,
  DEFAULT_USAGE_CLASS,
  metricsOf,
  VCPU_METRIC_NAME,
  VCPU_NAMESPACE,
  type Datapoint,
  type MetricIdentity,
  type MetricSpec,
  sortUsageClasses,
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

/** What to fetch: one metric spec (a class, all classes, or billing), one statistic, over [start, end) in epoch ms. */
export interface SeriesQuery {
  region: string;
  metric: MetricSpec;
  stat: Stat;
  period: number;
  start: number;
  end: number;
}

/** A spec's series: the total (for all usage classes, their sum as the alarm's query adds them) and each class's own. */
export interface UsageSeries {
  points: Datapoint[];
  /** The usage classes the series adds up: the one class, or for all classes every class the account publishes (empty for billing). */
  classes: string[];
  /** Per usage class, in the order of `classes` (empty for billing). */
  byClass: { usageClass: string; points: Datapoint[] }[];
}

// Paginators forward extra arguments to each send, so the abort signal reaches every page; a page
// token that comes back unchanged ends the loop instead of repeating it forever.
const PAGES = { stopOnSameToken: true } as const;
type SendOptions = { abortSignal?: AbortSignal };

/** CloudWatch's Dimension list for a dimension map. */
export function toDimensions(dims: Record<string, string>): Dimension[] {
  return Object.entries(dims).map(([Name, Value]) => ({ Name, Value }));
}

/** A Dimension list as a map. */
export function fromDimensions(dims: readonly Dimension[] | undefined): Record<string, string> {
  return Object.fromEntries((dims ?? []).map((d) => [d.Name ?? '', d.Value ?? '']));
}

/** The MetricStat query of one metric, with the id the alarm's expression refers to it by. */
export function metricStatQuery(id: string, metric: MetricIdentity, stat: string, period: number, returnData: boolean): MetricDataQuery {
  return {
    Id: id,
    ReturnData: returnData,
    MetricStat: { Metric: { Namespace: metric.namespace, MetricName: metric.metricName, Dimensions: toDimensions(metric.dimensions) }, Period: period, Stat: stat },
  };
}

/** GetMetricData takes at most 500 queries per request (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html). */
const MAX_QUERIES = 500;

/**
 * Fetch several metrics with ONE GetMetricData request per 500 (one query each, m1…mN, following
 * NextToken), each series sorted by time. GetMetricStatistics is never used: it caps at 1,440
 * datapoints per call (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html).
 */
export async function fetchMetrics(aws: AwsContext, region: string, metrics: readonly MetricIdentity[], q: Omit<SeriesQuery, 'region' | 'metric'>, send: SendOptions = {}): Promise<Datapoint[][]> {
  if (metrics.length === 0) return [];
  if (metrics.length > MAX_QUERIES) {
    const parts: Datapoint[][] = [];
    for (let i = 0; i < metrics.length; i += MAX_QUERIES) parts.push(...(await fetchMetrics(aws, region, metrics.slice(i, i + MAX_QUERIES), q, send)));
    return parts;
  }
  const cw = await aws.cloudwatch(region);
  const byId = new Map(metrics.map((_, i) => [metricQueryId(i), new Map<number, number>()]));
  const input = {
    StartTime: new Date(q.start),
    EndTime: new Date(q.end),
    ScanBy: 'TimestampAscending' as const,
    MetricDataQueries: metrics.map((m, i) => metricStatQuery(metricQueryId(i), m, q.stat, q.period, true)),
  };
  try {
    for await (const page of paginateGetMetricData({ client: cw, ...PAGES }, input, send)) {
      for (const r of page.MetricDataResults ?? []) {
        const into = byId.get(r.Id ?? '');
        if (!into) continue;
        const ts = r.Timestamps ?? [];
        const vs = r.Values ?? [];
        for (let i = 0; i < ts.length; i++) {
          const v = vs[i];
          if (v !== undefined && Number.isFinite(v)) into.set(ts[i]!.getTime(), v);
        }
      }
    }
  } catch (err) {
    throw toAppError(err, `CloudWatch GetMetricData in ${region}`);
  }
  return [...byId.values()].map((m) => [...m.entries()].sort((a, b) => a[0] - b[0]).map(([t, v]) => ({ t, v })));
}

/**
 * A spec's series over the window: one class (or billing) as fetched; all usage classes as every
 * class the account publishes in the region (ListMetrics), each fetched as its own query — Metrics
 * Insights in GetMetricData reaches back only two weeks (shared/monitoring/insights.ts) — and summed
 * per timestamp exactly as the alarm's query adds them (shared/monitoring/metric-math.ts). With a
 * cache, only the new tail is asked for. ListMetrics lists metrics with data in the last two weeks, so
 * a class last used before that is not in an older window's total.
 */
export async function fetchUsage(aws: AwsContext, q: SeriesQuery, cache?: SeriesCacheRef, send: SendOptions = {}): Promise<UsageSeries> {
  const all = q.metric.kind === 'vcpu' && q.metric.usageClass === ALL_USAGE_CLASSES;
  const published = all ? await publishedUsageClasses(aws, q.region, send) : [];
  const classes = q.metric.kind === 'vcpu' ? classesOf(q.metric.usageClass, published) : [];
  const metrics = metricsOf(q.metric, published);
  // Cache entries are per class (and for billing, per spec), so a total and its classes share them.
  const specs: MetricSpec[] = q.metric.kind === 'vcpu' ? classes.map((usageClass) => ({ kind: 'vcpu', usageClass })) : [q.metric];
  const series =
    specs.length === 0
      ? []
      : cache
        ? await cache.cache.getMany(
            cache.scope,
            specs.map((metric) => ({ ...q, metric })),
            (sub) => fetchMetrics(aws, q.region, metrics, sub, send),
          )
        : await fetchMetrics(aws, q.region, metrics, q, send);
  const total = all ? sumSeries(series) : series[0]!;
  return { points: total, classes, byClass: classes.map((usageClass, i) => ({ usageClass, points: series[i]! })) };
}

/** A spec's series (the total for all usage classes), sorted by time. */
export async function fetchSeries(aws: AwsContext, q: SeriesQuery, cache?: SeriesCacheRef, send: SendOptions = {}): Promise<Datapoint[]> {
  return (await fetchUsage(aws, q, cache, send)).points;
}

/**
 * Every vCPU usage class this account publishes in a region (ListMetrics on AWS/Usage ResourceCount
 * for EC2 vCPU, every page): On-Demand and Spot, and any class AWS adds. Sorted as `sortUsageClasses`.
 */
export async function publishedUsageClasses(aws: AwsContext, region: string, send: SendOptions = {}): Promise<string[]> {
  const cw = await aws.cloudwatch(region);
  const classes = new Set<string>();
  const input = {
    Namespace: VCPU_NAMESPACE,
    MetricName: VCPU_METRIC_NAME,
    Dimensions: [
      { Name: 'Service', Value: 'EC2' },
      { Name: 'Type', Value: 'Resource' },
      { Name: 'Resource', Value: 'vCPU' },
    ],
  };
  try {
    for await (const page of paginateListMetrics({ client: cw, ...PAGES }, input, send)) {
      for (const m of page.Metrics ?? []) {
        const dims = fromDimensions(m.Dimensions);
        if (dims.Service === 'EC2' && dims.Type === 'Resource' && dims.Resource === 'vCPU' && dims.Class && Object.keys(dims).length === 4) classes.add(dims.Class);
      }
    }
  } catch (err) {
    throw toAppError(err, `CloudWatch ListMetrics in ${region}`);
  }
  return sortUsageClasses(classes);
}

/** The vCPU usage classes to choose from in a region: every published one, the default class always first even when it has no data yet. */
export async function listUsageClasses(aws: AwsContext, region: string, send: SendOptions = {}): Promise<string[]> {
  return sortUsageClasses([DEFAULT_USAGE_CLASS, ...(await publishedUsageClasses(aws, region, send))]);
}
