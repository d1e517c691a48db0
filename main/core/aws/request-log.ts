/** GetMetricData's price: about $0.01 per 1,000 metrics requested (https://aws.amazon.com/cloudwatch/pricing/). */
export const GET_METRIC_DATA_USD_PER_METRIC = 0.01 / 1000;

/** What the session asked AWS for, by operation. */
export interface RequestLogSnapshot {
  total: number;
  byOperation: Record<string, number>;
  cloudwatch: {
    getMetricData: number;
    metricsRequested: number;
    datapointsRequested: number;
    estimatedCostUsd: number;
  };
}

interface MetricDataInput {
  StartTime?: Date;
  EndTime?: Date;
  MetricDataQueries?: { MetricStat?: { Period?: number }; Expression?: string; ReturnData?: boolean }[];
}

/**
 * Counts the AWS API calls a session makes (one per command, not per retry) and, for CloudWatch's
 * GetMetricData, the metrics and datapoints requested and their estimated cost — the numbers the
 * diagnostics panel and the benchmark show.
 */
export class RequestLog {
  private byOp = new Map<string, number>();
  private gmd = { calls: 0, metrics: 0, datapoints: 0 };

  /** Record one API call. */
  record(service: string, operation: string, input: unknown): void {
    const key = `${service}:${operation}`;
    this.byOp.set(key, (this.byOp.get(key) ?? 0) + 1);
    if (service === 'cloudwatch' && operation === 'GetMetricDataCommand') {
      const q = input as MetricDataInput;
      const span = q.StartTime && q.EndTime ? (q.EndTime.getTime() - q.StartTime.getTime()) / 1000 : 0;
      this.gmd.calls++;
      for (const m of q.MetricDataQueries ?? []) {
        this.gmd.metrics++;
        const period = m.MetricStat?.Period;
        if (period) this.gmd.datapoints += Math.ceil(span / period);
      }
    }
  }

  /** A copy of the counts so far. */
  snapshot(): RequestLogSnapshot {
    let total = 0;
    for (const n of this.byOp.values()) total += n;
    return {
      total,
      byOperation: Object.fromEntries([...this.byOp.entries()].sort()),
      cloudwatch: {
        getMetricData: this.gmd.calls,
        metricsRequested: this.gmd.metrics,
        datapointsRequested: this.gmd.datapoints,
        estimatedCostUsd: this.gmd.metrics * GET_METRIC_DATA_USD_PER_METRIC,
      },
    };
  }

  /** Forget everything counted so far. */
  reset(): void {
    this.byOp.clear();
    this.gmd = { calls: 0, metrics: 0, datapoints: 0 };
  }
}
