/**
 * The metric math behind "All usage classes", in one place so the alarm CloudWatch evaluates and the
 * totals Onramp charts, backtests and costs are the same sum. CloudWatch User Guide, "Use metric
 * math" (awsdocs/amazon-cloudwatch-user-guide, doc_source/using-metric-math.md): "The SUM of an array
 * of time series returns a single time series", and for arithmetic "Missing values in a time series
 * are treated as 0". So at each timestamp where any class has a value the total is the sum of the
 * values present; a timestamp where no class has one has no total (an expression only yields values
 * where its inputs have timestamps). moto stores such alarms but does not evaluate expressions in
 * GetMetricData, so Onramp fetches the classes as separate queries of one request and adds them up here.
 */
import type { Datapoint } from './metric';

/** The query id of the i-th metric in a math expression (m1, m2, …). */
export function metricQueryId(index: number): string {
  return `m${index + 1}`;
}

/** The expression that adds `count` metrics m1…mN, as the alarm's `Metrics` carries it. */
export function sumExpression(count: number): string {
  return `SUM([${Array.from({ length: count }, (_, i) => metricQueryId(i)).join(',')}])`;
}

/** The id of the expression query that an alarm over several classes evaluates. */
export const TOTAL_QUERY_ID = 'total';

/** SUM([m1, …, mN]) per timestamp: missing values count as 0, a timestamp no series has stays absent. Sorted by time. */
export function sumSeries(series: readonly (readonly Datapoint[])[]): Datapoint[] {
  const total = new Map<number, number>();
  for (const s of series) {
    for (const { t, v } of s) if (Number.isFinite(v)) total.set(t, (total.get(t) ?? 0) + v);
  }
  return [...total.entries()].sort((a, b) => a[0] - b[0]).map(([t, v]) => ({ t, v }));
}
