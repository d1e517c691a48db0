import type { AppErrorShape } from '../../../shared/errors';
import { DEFAULT_USAGE_CLASS, type Datapoint } from '../../../shared/monitoring/metric';
import { planWindow } from '../../../shared/monitoring/range';
import type { AwsContext } from '../aws/context';
import { toAppError } from '../aws/errors';
import { listAlarms, type AlarmSummary } from './alarms';
import { fetchSeries, type SeriesCacheRef } from './metrics';
import { readVcpuQuota } from './quota';

/** The sparkline covers the last 24 hours at 5-minute resolution. */
const SPARKLINE_SECONDS = 86_400;
const SPARKLINE_PERIOD = 300;

/** One region's card on the dashboard. */
export type RegionSummary =
  | {
      region: string;
      ok: true;
      usageClass: string;
      /** The latest datapoint of the last 24 hours, or null when there is none. */
      current: number | null;
      currentAt: number | null;
      peak24h: number | null;
      series: Datapoint[];
      quota: number | null;
      quotaNote: string | null;
      /** quota − current, when both are known. */
      headroom: number | null;
      alarms: AlarmSummary[];
    }
  | { region: string; ok: false; error: AppErrorShape };

/** The dashboard: one card per region, each failing on its own. */
export interface DashboardSummary {
  generatedAt: number;
  regions: RegionSummary[];
}

async function regionSummary(aws: AwsContext, region: string, usageClass: string, now: number, cache?: SeriesCacheRef): Promise<RegionSummary> {
  try {
    const window = planWindow({ now, durationSeconds: SPARKLINE_SECONDS, period: SPARKLINE_PERIOD });
    const [series, quota, alarms] = await Promise.all([
      fetchSeries(aws, { region, metric: { kind: 'vcpu', usageClass }, stat: 'Maximum', period: window.period, start: window.start, end: window.end }, cache),
      readVcpuQuota(aws, region, usageClass),
      listAlarms(aws, region),
    ]);
    const last = series.at(-1) ?? null;
    const peak = series.reduce<number | null>((m, p) => (m === null || p.v > m ? p.v : m), null);
    return {
      region,
      ok: true,
      usageClass,
      current: last?.v ?? null,
      currentAt: last?.t ?? null,
      peak24h: peak,
      series,
      quota: quota.value,
      quotaNote: quota.note,
      headroom: quota.value !== null && last ? quota.value - last.v : null,
      alarms,
    };
  } catch (err) {
    return { region, ok: false, error: toAppError(err, region).toShape() };
  }
}

/**
 * Current vCPU usage, a 24-hour sparkline, quota headroom and the alarms of every region, fetched in
 * parallel; a region that fails (access denied, timeout) reports its own error and the rest still show.
 */
export async function dashboardSummary(
  aws: AwsContext,
  regions: readonly string[],
  usageClass = DEFAULT_USAGE_CLASS,
  now = Date.now(),
  cache?: SeriesCacheRef,
): Promise<DashboardSummary> {
  const results = await Promise.all(regions.map((r) => regionSummary(aws, r, usageClass, now, cache)));
  return { generatedAt: now, regions: results };
}
