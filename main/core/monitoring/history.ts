import type { UsageHistory, VcpuQuota } from '../../../shared/contract/monitoring';
import { ALL_USAGE_CLASSES, metricIdentity } from '../../../shared/monitoring/metric';
import { peakOf, suggestThreshold } from '../../../shared/monitoring/threshold';
import type { AwsContext } from '../aws/context';
import { planHistoryWindow, type HistoryQuery } from './history-window';
import { fetchUsage, type SeriesCacheRef } from './metrics';
import { readVcpuQuota } from './quota';

export type { UsageHistory } from '../../../shared/contract/monitoring';
export { planHistoryWindow, type HistoryQuery } from './history-window';

/** Fetch a metric's history (one GetMetricData request for up to 500 classes) with its peak, quota and suggested threshold. */
export async function usageHistory(aws: AwsContext, q: HistoryQuery, now: number, cache?: SeriesCacheRef): Promise<UsageHistory> {
  const window = planHistoryWindow(q, now);
  const id = metricIdentity(q.metric);
  const quotaPromise: Promise<VcpuQuota> =
    q.metric.kind === 'vcpu'
      ? readVcpuQuota(aws, q.region, q.metric.usageClass)
      : Promise.resolve({ quotaCode: null, value: null, note: 'Billing has no quota.' });
  const [series, quota] = await Promise.all([
    fetchUsage(aws, { region: q.region, metric: q.metric, stat: q.stat, period: window.period, start: window.start, end: window.end }, cache),
    quotaPromise,
  ]);
  const { points } = series;
  const peak = peakOf(points);
  const notes: string[] = [];
  if (window.note) notes.push(window.note);
  if (q.metric.kind === 'billing' && points.length === 0) {
    notes.push('No billing data: turn on "Receive Billing Alerts" in the account\'s Billing preferences (it cannot be turned off again); data then arrives a few times a day.');
  }
  const all = q.metric.kind === 'vcpu' && q.metric.usageClass === ALL_USAGE_CLASSES;
  if (all && series.classes.length === 0) notes.push(`No EC2 vCPU usage class has published data in ${q.region} in the last two weeks, so the total is empty.`);
  return {
    region: q.region,
    metric: q.metric,
    ...id,
    classes: series.classes,
    stat: q.stat,
    period: window.period,
    start: window.start,
    end: window.end,
    points,
    byClass: all && q.breakdown ? series.byClass : [],
    max: peak?.v ?? null,
    maxAt: peak?.t ?? null,
    quota,
    suggestion: suggestThreshold(points, quota.value),
    notes,
  };
}
