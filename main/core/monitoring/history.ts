import { AppError } from '../../../shared/errors';
import { BILLING_REGION, metricIdentity, type Datapoint, type MetricSpec, type Stat } from '../../../shared/monitoring/metric';
import { planWindow, WindowPlanError } from '../../../shared/monitoring/range';
import { peakOf, suggestThreshold, type ThresholdSuggestion } from '../../../shared/monitoring/threshold';
import type { AwsContext } from '../aws/context';
import { fetchSeries, type SeriesCacheRef } from './metrics';
import { readVcpuQuota, type VcpuQuota } from './quota';

/** What history to show: a metric over the last `durationSeconds`, ending now. */
export interface HistoryQuery {
  region: string;
  metric: MetricSpec;
  stat: Stat;
  durationSeconds: number;
  /** The period asked for; raised to what CloudWatch keeps unless `strict`. */
  period?: number;
  /** Refuse (InvalidInput) instead of raising a period CloudWatch cannot answer. */
  strict?: boolean;
}

/** A metric's history with everything the threshold step shows beside the chart. */
export interface UsageHistory {
  region: string;
  metric: MetricSpec;
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  stat: Stat;
  period: number;
  /** Window [start, end) in epoch ms, aligned to the period. */
  start: number;
  end: number;
  points: Datapoint[];
  max: number | null;
  maxAt: number | null;
  quota: VcpuQuota;
  suggestion: ThresholdSuggestion;
  /** Notes for the user (period raised, billing alerts off, …). */
  notes: string[];
}

/** Plan the window of a history query; a window CloudWatch cannot answer is InvalidInput. */
export function planHistoryWindow(q: HistoryQuery, now: number) {
  if (q.metric.kind === 'billing' && q.region !== BILLING_REGION) {
    throw new AppError('InvalidInput', 'Billing metrics exist only in us-east-1.', 'region');
  }
  try {
    return planWindow({ now, durationSeconds: q.durationSeconds, period: q.period, strict: q.strict });
  } catch (err) {
    if (err instanceof WindowPlanError) throw new AppError('InvalidInput', err.message, 'period');
    throw err;
  }
}

/** Fetch a metric's history (one GetMetricData request) with its peak, quota and suggested threshold. */
export async function usageHistory(aws: AwsContext, q: HistoryQuery, now = Date.now(), cache?: SeriesCacheRef): Promise<UsageHistory> {
  const window = planHistoryWindow(q, now);
  const id = metricIdentity(q.metric);
  const quotaPromise: Promise<VcpuQuota> =
    q.metric.kind === 'vcpu'
      ? readVcpuQuota(aws, q.region, q.metric.usageClass)
      : Promise.resolve({ quotaCode: null, value: null, note: 'Billing has no quota.' });
  const [points, quota] = await Promise.all([
    fetchSeries(aws, { region: q.region, metric: q.metric, stat: q.stat, period: window.period, start: window.start, end: window.end }, cache),
    quotaPromise,
  ]);
  const peak = peakOf(points);
  const notes: string[] = [];
  if (window.note) notes.push(window.note);
  if (q.metric.kind === 'billing' && points.length === 0) {
    notes.push('No billing data: turn on "Receive Billing Alerts" in the account\'s Billing preferences (it cannot be turned off again); data then arrives a few times a day.');
  }
  return {
    region: q.region,
    metric: q.metric,
    ...id,
    stat: q.stat,
    period: window.period,
    start: window.start,
    end: window.end,
    points,
    max: peak?.v ?? null,
    maxAt: peak?.t ?? null,
    quota,
    suggestion: suggestThreshold(points, quota.value),
    notes,
  };
}
