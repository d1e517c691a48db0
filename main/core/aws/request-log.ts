/** GetMetricData's price: about $0.01 per 1,000 metrics requested (https://aws.amazon.com/cloudwatch/pricing/). */
export const GET_METRIC_DATA_USD_PER_METRIC = 0.01 / 1000;

/**
 * Cost Explorer's price: $0.01 per API request, and each page of a paginated answer is a request
 * (https://aws.amazon.com/aws-cost-management/aws-cost-explorer/pricing/).
 */
export const COST_EXPLORER_USD_PER_REQUEST = 0.01;

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
  /** Cost Explorer requests (every operation and page) and what they cost. */
  costExplorer: {
    requests: number;
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
  private ce = 0;

  /** Record one API call. */
  record(service: string, operation: string, input: unknown): void {
    const key = `${service}:${operation}`;
    this.byOp.set(key, (this.byOp.get(key) ?? 0) + 1);
    if (service === 'costexplorer') this.ce++;
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
      // Whole cents: an integer count times $0.01, rounded so 3 requests show 0.03, not 0.030000000000000002.
      costExplorer: { requests: this.ce, estimatedCostUsd: Math.round(this.ce * COST_EXPLORER_USD_PER_REQUEST * 100) / 100 },
    };
  }

  /** Forget everything counted so far. */
  reset(): void {
    this.byOp.clear();
    this.gmd = { calls: 0, metrics: 0, datapoints: 0 };
    this.ce = 0;
  }
}
