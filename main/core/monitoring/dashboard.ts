import type { DashboardSummary, RegionSummary } from '../../../shared/contract/monitoring';
import { ALL_USAGE_CLASSES, DEFAULT_USAGE_CHOICE, type Datapoint } from '../../../shared/monitoring/metric';
import { planWindow } from '../../../shared/monitoring/range';
import type { AwsContext } from '../aws/context';
import { toAppError } from '../aws/errors';
import { listAlarms } from './alarms';
import { fetchUsage, type SeriesCacheRef } from './metrics';
import { readVcpuQuota } from './quota';

export type { DashboardSummary, RegionSummary } from '../../../shared/contract/monitoring';

/** The sparkline covers the last 24 hours at 5-minute resolution. */
const SPARKLINE_SECONDS = 86_400;
const SPARKLINE_PERIOD = 300;

const peakOf = (series: readonly Datapoint[]) => series.reduce<number | null>((m, p) => (m === null || p.v > m ? p.v : m), null);

async function regionSummary(aws: AwsContext, region: string, usageClass: string, now: number, cache?: SeriesCacheRef): Promise<RegionSummary> {
  try {
    const window = planWindow({ now, durationSeconds: SPARKLINE_SECONDS, period: SPARKLINE_PERIOD });
    const [usage, alarms] = await Promise.all([
      fetchUsage(aws, { region, metric: { kind: 'vcpu', usageClass }, stat: 'Maximum', period: window.period, start: window.start, end: window.end }, cache),
      listAlarms(aws, region),
    ]);
    // A class's quota is read when it is the one shown, or when it ran in the last 24 hours (the
    // Standard class always): Service Quotas calls for classes never used help nobody. Spot classes
    // have quota codes of their own (VCPU_QUOTA_CODES).
    const shown = usage.byClass.filter((c) => usageClass !== ALL_USAGE_CLASSES || c.points.length > 0 || c.usageClass === 'Standard/OnDemand');
    const quotas = await Promise.all(shown.map((c) => readVcpuQuota(aws, region, c.usageClass)));
    const classes = shown.map((c, i) => ({
      usageClass: c.usageClass,
      current: c.points.at(-1)?.v ?? null,
      peak24h: peakOf(c.points),
      quota: quotas[i]!.value,
      quotaCode: quotas[i]!.quotaCode,
    }));
    const series = usage.points;
    const last = series.at(-1) ?? null;
    const single = usageClass === ALL_USAGE_CLASSES ? null : quotas[0] ?? null;
    return {
      region,
      ok: true,
      usageClass,
      current: last?.v ?? null,
      currentAt: last?.t ?? null,
      peak24h: peakOf(series),
      series,
      quota: single?.value ?? null,
      quotaNote: single ? single.note : quotas.find((q) => q.note)?.note ?? null,
      headroom: single?.value !== null && single?.value !== undefined && last ? single.value - last.v : null,
      classes,
      summedClasses: usage.classes,
      alarms,
    };
  } catch (err) {
    return { region, ok: false, error: toAppError(err, region).toShape() };
  }
}

/**
 * Current vCPU usage (all usage classes the account publishes by default, On-Demand and Spot, with
 * each class beside it), a 24-hour sparkline,
 * quota headroom and the alarms of every region, fetched in parallel; a region that fails (access
 * denied, timeout) reports its own error and the rest still show.
 */
export async function dashboardSummary(
  aws: AwsContext,
  regions: readonly string[],
  usageClass: string = DEFAULT_USAGE_CHOICE,
  now: number,
  cache?: SeriesCacheRef,
): Promise<DashboardSummary> {
  const results = await Promise.all(regions.map((r) => regionSummary(aws, r, usageClass, now, cache)));
  return { generatedAt: now, regions: results };
}
