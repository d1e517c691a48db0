/** Seed EC2 vCPU usage into moto with PutMetricData, on period-aligned timestamps. */
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { AwsContext } from '../../../main/core/aws/context';

/** Five minutes in ms. */
export const P5 = 300_000;

/** A seeded usage history with hand-computable backtest answers. */
export interface SeededUsage {
  /** Start of the 5-minute slot containing "now" at seeding time; slot j lies at base − j·P5. */
  base: number;
  points: { t: number; v: number }[];
}

/**
 * Two days of 5-minute Standard/OnDemand usage at 10 vCPUs, with spike A (50 vCPUs for the three
 * slots j = 360, 359, 358, i.e. 30 h ago) and spike B (60 vCPUs at j = 60, 5 h ago).
 */
export function twoDaysWithSpikes(now = Date.now()): SeededUsage {
  const base = Math.floor(now / P5) * P5;
  const points: { t: number; v: number }[] = [];
  for (let j = 576; j >= 1; j--) {
    const v = j >= 358 && j <= 360 ? 50 : j === 60 ? 60 : 10;
    points.push({ t: base - j * P5, v });
  }
  return { base, points };
}

/** PutMetricData for one usage class, 20 datapoints per request (moto 5.2.1 answers 500 for larger batches). */
export async function seedUsage(aws: AwsContext, region: string, usageClass: string, points: { t: number; v: number }[]): Promise<void> {
  const cw = await aws.cloudwatch(region);
  for (let i = 0; i < points.length; i += 20) {
    await cw.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/Usage',
        MetricData: points.slice(i, i + 20).map((p) => ({
          MetricName: 'ResourceCount',
          Timestamp: new Date(p.t),
          Value: p.v,
          Dimensions: [
            { Name: 'Service', Value: 'EC2' },
            { Name: 'Type', Value: 'Resource' },
            { Name: 'Resource', Value: 'vCPU' },
            { Name: 'Class', Value: usageClass },
          ],
        })),
      }),
    );
  }
}
