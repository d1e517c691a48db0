/**
 * The alarm behind "All usage classes": a CloudWatch Metrics Insights query, so the alarm follows
 * every vCPU class the account publishes in AWS/Usage — On-Demand, Spot, and classes AWS adds later —
 * without being edited. A metric-math alarm cannot: it "can reference a maximum of 10 metrics", and
 * the CloudWatch User Guide's answer for more is "use a Metrics Insights query in your alarm instead
 * of a metric math expression. Metrics Insights can aggregate across many metrics with a single
 * query" (Alarm limits, https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-limits.html).
 *
 * The query groups by Class and a metric-math SUM adds the groups up: per class, MAX (or AVG) of its
 * observations in each period — the statistic Onramp's history reads per class — then the sum over
 * classes per period, the very total the chart, backtest, dashboard and cost card compute
 * (shared/monitoring/metric-math.ts `sumSeries`). A plain `SELECT SUM(ResourceCount)` would add every
 * minute's observation within a 5-minute period instead. "A Metrics Insights query that includes a
 * GROUP BY clause returns multiple time series. Therefore, its returned results can be used with any
 * metric math function that takes an array of time series as input" (Use Metrics Insights queries
 * with metric math, https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-math.html),
 * and an alarm's query must end in one time series, which SUM of the array is.
 *
 * Limits that bind Onramp (Alarm limits, "Limits that apply to alarms based on Metrics Insights
 * queries", and Metrics Insights quotas,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-limits.html):
 * "Only the latest 3 hours of data can be used for evaluating the alarm's conditions" — so evaluation
 * periods × period is at most 3 hours; "A default of 200 alarms using the Metrics Insights query per
 * account per Region"; "A single query can process no more than 10,000 metrics" and return at most
 * 500 time series (far above the dozen or so vCPU classes). The console's alarm graph, and
 * GetMetricData, can run the query over at most two weeks, so Onramp's own history, backtest and
 * cost are fetched per class and added up (metrics.ts in the monitoring core).
 */
import type { Stat } from './metric';
import { VCPU_METRIC_NAME, VCPU_NAMESPACE } from './metric';

/** The longest evaluation range (evaluation periods × period) of an alarm on a Metrics Insights query: 3 hours. */
export const INSIGHTS_MAX_EVALUATION_SECONDS = 3 * 3600;

/** The query's function for each statistic Onramp offers. */
const FUNCTION_OF: Record<Stat, string> = { Maximum: 'MAX', Average: 'AVG' };

/** The id of the Metrics Insights query inside the alarm's Metrics, and of the SUM that the alarm watches. */
export const INSIGHTS_QUERY_ID = 'classes';
export const INSIGHTS_TOTAL_ID = 'total';

/** The Metrics Insights query of EC2 vCPU usage per class (one series per class the account publishes). */
export function vcpuClassesQuery(stat: Stat): string {
  return (
    `SELECT ${FUNCTION_OF[stat]}(${VCPU_METRIC_NAME}) FROM SCHEMA("${VCPU_NAMESPACE}", Class, Resource, Service, Type) ` +
    `WHERE Service = 'EC2' AND Type = 'Resource' AND Resource = 'vCPU' GROUP BY Class`
  );
}

/** The expression the alarm watches: the per-class series added up. */
export const INSIGHTS_TOTAL_EXPRESSION = `SUM(${INSIGHTS_QUERY_ID})`;

/** The statistic of a query Onramp wrote (vcpuClassesQuery), or null when the text is not one. */
export function statOfClassesQuery(expression: string | undefined): Stat | null {
  for (const stat of Object.keys(FUNCTION_OF) as Stat[]) if (expression === vcpuClassesQuery(stat)) return stat;
  return null;
}
