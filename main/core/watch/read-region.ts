/**
 * What one watch pass reads in one region, at a known price: ONE DescribeAlarms (every page) for
 * Onramp's alarms, and at most ONE GetMetricData for the vCPU totals those alarms watch (a single
 * page: a few queries over the last three hours). A single-class alarm's total is its metric; an
 * all-classes alarm's total is its own Metrics Insights query, sent as the alarm has it, so the number
 * is the one CloudWatch evaluates.
 */
import { GetMetricDataCommand, paginateDescribeAlarms, type MetricAlarm, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { AlarmSummary } from '../../../shared/contract/alarms';
import { ALL_USAGE_CLASSES, metricsOf } from '../../../shared/monitoring/metric';
import type { AwsContext } from '../aws/context';
import { toAppError } from '../aws/errors';
import { summariseAlarm } from '../monitoring/alarm-definition';
import { metricStatQuery } from '../monitoring/metrics';

/** One of Onramp's alarms in a region, as the watcher needs it. */
export interface WatchedAlarm {
  summary: AlarmSummary;
  /** When the alarm was last created or changed (epoch ms), or null. */
  configuredAt: number | null;
  /** The vCPU total the alarm watches, latest value in the last three hours (null: billing, or no data). */
  value: number | null;
}

/** A region's reading. */
export interface RegionReading {
  region: string;
  alarms: WatchedAlarm[];
}

/** How far back the latest vCPU value is looked for: Metrics Insights alarms evaluate at most 3 hours. */
const LOOKBACK_MS = 3 * 3_600_000;

async function describeAll(aws: AwsContext, region: string, signal?: AbortSignal): Promise<MetricAlarm[]> {
  const cw = await aws.cloudwatch(region);
  const out: MetricAlarm[] = [];
  try {
    for await (const page of paginateDescribeAlarms({ client: cw, stopOnSameToken: true }, { AlarmTypes: ['MetricAlarm'] }, { abortSignal: signal })) out.push(...(page.MetricAlarms ?? []));
  } catch (err) {
    throw toAppError(err, `CloudWatch DescribeAlarms in ${region}`);
  }
  return out;
}

/** The queries that give each vCPU alarm's total, by alarm index; ids are unique within the request. */
function totalQueries(alarms: { raw: MetricAlarm; summary: AlarmSummary }[]): { queries: MetricDataQuery[]; idOf: Map<number, string> } {
  const queries: MetricDataQuery[] = [];
  const idOf = new Map<number, string>();
  const byKey = new Map<string, string>();
  alarms.forEach(({ raw, summary }, i) => {
    const m = summary.metric;
    if (m.kind !== 'vcpu') return;
    if (m.usageClass !== ALL_USAGE_CLASSES) {
      const metric = metricsOf(m)[0]!;
      const stat = summary.stat ?? 'Maximum';
      const key = `class|${m.usageClass}|${stat}|${summary.period}`;
      let id = byKey.get(key);
      if (!id) {
        id = `c${queries.length}`;
        byKey.set(key, id);
        queries.push(metricStatQuery(id, metric, stat, summary.period || 300, true));
      }
      idOf.set(i, id);
      return;
    }
    // The alarm's own queries (a Metrics Insights query and the SUM the alarm watches), once per distinct definition.
    const own = raw.Metrics ?? [];
    const returned = own.find((q) => q.ReturnData !== false);
    if (!returned?.Id) return;
    const key = `own|${JSON.stringify(own.map((q) => [q.Id, q.Expression, q.Period, q.MetricStat]))}`;
    const known = byKey.get(key);
    if (known) return void idOf.set(i, known);
    if (own.some((q) => queries.some((x) => x.Id === q.Id))) return; // ids taken by another definition: no total for this one
    byKey.set(key, returned.Id);
    for (const q of own) queries.push({ Id: q.Id, Expression: q.Expression, MetricStat: q.MetricStat, Period: q.Period, Label: q.Label, ReturnData: q === returned });
    idOf.set(i, returned.Id);
  });
  return { queries, idOf };
}

/** Read one region: Onramp's alarms (DescribeAlarms, every page) and their vCPU totals (at most one GetMetricData). */
export async function readRegion(aws: AwsContext, region: string, now: number, signal?: AbortSignal): Promise<RegionReading> {
  const found = (await describeAll(aws, region, signal)).flatMap((raw) => {
    const summary = summariseAlarm(raw);
    return summary ? [{ raw, summary }] : [];
  });
  const { queries, idOf } = totalQueries(found);
  const latest = new Map<string, number>();
  if (queries.length > 0) {
    const cw = await aws.cloudwatch(region);
    try {
      const out = await cw.send(
        new GetMetricDataCommand({ StartTime: new Date(now - LOOKBACK_MS), EndTime: new Date(now), ScanBy: 'TimestampDescending', MetricDataQueries: queries }),
        { abortSignal: signal },
      );
      for (const r of out.MetricDataResults ?? []) {
        // Newest first (TimestampDescending); the first finite value is the latest.
        const v = (r.Values ?? []).find((x) => Number.isFinite(x));
        if (r.Id && v !== undefined) latest.set(r.Id, v);
      }
    } catch (err) {
      throw toAppError(err, `CloudWatch GetMetricData in ${region}`);
    }
  }
  return {
    region,
    alarms: found
      .map(({ raw, summary }, i) => {
        const id = idOf.get(i);
        return { summary, configuredAt: raw.AlarmConfigurationUpdatedTimestamp?.getTime() ?? null, value: id !== undefined ? (latest.get(id) ?? null) : null };
      })
      .sort((a, b) => a.summary.alarmName.localeCompare(b.summary.alarmName)),
  };
}

/** Whether a value is past an alarm's threshold, by its comparison operator (band operators never apply to these alarms). */
export function pastThreshold(value: number, summary: Pick<AlarmSummary, 'threshold' | 'comparisonOperator'>): boolean {
  switch (summary.comparisonOperator) {
    case 'GreaterThanOrEqualToThreshold':
      return value >= summary.threshold;
    case 'GreaterThanThreshold':
    case 'GreaterThanUpperThreshold':
      return value > summary.threshold;
    case 'LessThanThreshold':
    case 'LessThanLowerThreshold':
      return value < summary.threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= summary.threshold;
    case 'LessThanLowerOrGreaterThanUpperThreshold':
    case null:
      return false;
  }
}
