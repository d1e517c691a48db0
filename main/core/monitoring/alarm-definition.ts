/**
 * An alarm's definition as PutMetricAlarm takes it: built from Onramp's alarm config, read back from
 * DescribeAlarms, compared field by field (to tell which definition is in place after a failure),
 * and recognised as one of the metrics Onramp watches.
 */
import type { MetricAlarm, MetricDataQuery, PutMetricAlarmCommandInput } from '@aws-sdk/client-cloudwatch';
import type { AlarmSummary } from '../../../shared/contract/monitoring';
import { CloudWatchStatisticSchema, ComparisonOperatorSchema } from '../../../shared/contract/monitoring';
import { comparisonOperator, type RegionalAlarmConfig } from '../../../shared/monitoring/alarm-config';
import type { NotifyOn } from '../../../shared/monitoring/alarm-inputs';
import { TreatMissingSchema } from '../../../shared/monitoring/evaluation';
import { INSIGHTS_QUERY_ID, INSIGHTS_TOTAL_EXPRESSION, INSIGHTS_TOTAL_ID, statOfClassesQuery, vcpuClassesQuery } from '../../../shared/monitoring/insights';
import { ALL_USAGE_CLASSES, DOCUMENTED_USAGE_CLASSES, metricSpecOf, metricsOf, usageClassLabel, type MetricSpec } from '../../../shared/monitoring/metric';
import { fromDimensions, toDimensions } from './metrics';

/** The PutMetricAlarm input for one region of an alarm config, notifying `topicArn` on the chosen states. */
export function putAlarmInput(config: RegionalAlarmConfig, topicArn: string): PutMetricAlarmCommandInput {
  const on = (state: NotifyOn) => (config.notifyOn.includes(state) ? [topicArn] : []);
  const common = {
    AlarmName: config.name,
    AlarmDescription: config.description || undefined,
    ActionsEnabled: true,
    AlarmActions: on('alarm'),
    OKActions: on('ok'),
    InsufficientDataActions: on('insufficient-data'),
    EvaluationPeriods: config.evaluationPeriods,
    DatapointsToAlarm: config.datapointsToAlarm,
    Threshold: config.threshold,
    ComparisonOperator: comparisonOperator(config.comparison),
    TreatMissingData: config.treatMissing,
  };
  if (config.metric.kind === 'vcpu' && config.metric.usageClass === ALL_USAGE_CLASSES) {
    // A Metrics Insights alarm: it follows every class the account publishes, as classes appear, and
    // adds them up as Onramp's charts do (shared/monitoring/insights.ts).
    return {
      ...common,
      Metrics: [
        { Id: INSIGHTS_QUERY_ID, Expression: vcpuClassesQuery(config.stat), Period: config.period, ReturnData: false },
        { Id: INSIGHTS_TOTAL_ID, Expression: INSIGHTS_TOTAL_EXPRESSION, Label: `EC2 vCPUs, ${usageClassLabel(ALL_USAGE_CLASSES)}`, ReturnData: true },
      ],
    };
  }
  const m = metricsOf(config.metric)[0]!;
  return { ...common, Namespace: m.namespace, MetricName: m.metricName, Dimensions: toDimensions(m.dimensions), Statistic: config.stat, Period: config.period };
}

/** PutMetricAlarm input that recreates an alarm exactly as DescribeAlarms reported it (every field PutMetricAlarm sets). */
export function restoreInput(a: MetricAlarm): PutMetricAlarmCommandInput {
  return {
    AlarmName: a.AlarmName,
    AlarmDescription: a.AlarmDescription,
    ActionsEnabled: a.ActionsEnabled,
    AlarmActions: a.AlarmActions ?? [],
    OKActions: a.OKActions ?? [],
    InsufficientDataActions: a.InsufficientDataActions ?? [],
    Namespace: a.Namespace,
    MetricName: a.MetricName,
    Dimensions: a.Dimensions,
    Statistic: a.Statistic,
    ExtendedStatistic: a.ExtendedStatistic,
    Period: a.Period,
    Unit: a.Unit,
    EvaluationPeriods: a.EvaluationPeriods,
    DatapointsToAlarm: a.DatapointsToAlarm,
    Threshold: a.Threshold,
    ComparisonOperator: a.ComparisonOperator,
    TreatMissingData: a.TreatMissingData,
    EvaluateLowSampleCountPercentile: a.EvaluateLowSampleCountPercentile,
    Metrics: a.Metrics?.length ? a.Metrics : undefined,
    ThresholdMetricId: a.ThresholdMetricId,
  };
}

const sortedArns = (arns: readonly string[] | undefined) => [...(arns ?? [])].sort();
const dims = (d: MetricAlarm['Dimensions']) => Object.entries(fromDimensions(d)).sort(([a], [b]) => a.localeCompare(b));
function query(q: MetricDataQuery) {
  const s = q.MetricStat;
  return {
    id: q.Id ?? null,
    expression: q.Expression ?? null,
    // A Metrics Insights query carries its own period.
    period: s ? null : (q.Period ?? null),
    returnData: q.ReturnData ?? true,
    metric: s ? { namespace: s.Metric?.Namespace ?? null, name: s.Metric?.MetricName ?? null, dims: dims(s.Metric?.Dimensions), period: s.Period ?? null, stat: s.Stat ?? null } : null,
  };
}

/**
 * The fields of a definition that PutMetricAlarm sets, normalised so the same alarm compares equal
 * whether it comes from an input or from DescribeAlarms (action lists as sets, dimensions by name,
 * absent optional values as null, datapoints-to-alarm defaulting to evaluation periods).
 */
export function definitionOf(a: MetricAlarm | PutMetricAlarmCommandInput): string {
  return JSON.stringify({
    description: a.AlarmDescription || null,
    actionsEnabled: a.ActionsEnabled ?? true,
    alarmActions: sortedArns(a.AlarmActions),
    okActions: sortedArns(a.OKActions),
    insufficientDataActions: sortedArns(a.InsufficientDataActions),
    namespace: a.Namespace ?? null,
    metricName: a.MetricName ?? null,
    dimensions: dims(a.Dimensions),
    statistic: a.Statistic ?? null,
    extendedStatistic: a.ExtendedStatistic ?? null,
    period: a.Period ?? null,
    unit: a.Unit ?? null,
    evaluationPeriods: a.EvaluationPeriods ?? null,
    datapointsToAlarm: a.DatapointsToAlarm ?? a.EvaluationPeriods ?? null,
    threshold: a.Threshold ?? null,
    comparison: a.ComparisonOperator ?? null,
    treatMissing: a.TreatMissingData ?? 'missing',
    lowSample: a.EvaluateLowSampleCountPercentile ?? null,
    metrics: (a.Metrics ?? []).map(query),
    thresholdMetricId: a.ThresholdMetricId ?? null,
  });
}

/** True when two definitions set every field alike. */
export function sameDefinition(a: MetricAlarm | PutMetricAlarmCommandInput, b: MetricAlarm | PutMetricAlarmCommandInput): boolean {
  return definitionOf(a) === definitionOf(b);
}

/**
 * The watched metric, statistic and period of an alarm with `Metrics`: all usage classes (Onramp's
 * Metrics Insights query summed, or the six-class metric-math sum of versions before it), or one
 * metric returned as is.
 */
function mathAlarmMetric(a: MetricAlarm): { metric: MetricSpec; stat?: string; period?: number } | null {
  const queries = a.Metrics ?? [];
  const returned = queries.filter((q) => q.ReturnData !== false);
  if (returned.length !== 1) return null;
  const insights = queries.find((q) => q.Id === INSIGHTS_QUERY_ID);
  const insightsStat = statOfClassesQuery(insights?.Expression);
  if (insights && insightsStat && returned[0]!.Expression === INSIGHTS_TOTAL_EXPRESSION && queries.length === 2) {
    return { metric: { kind: 'vcpu', usageClass: ALL_USAGE_CLASSES }, stat: insightsStat, period: insights.Period };
  }
  const stats = queries.filter((q) => q.MetricStat);
  const specs = stats.map((q) => metricSpecOf(q.MetricStat?.Metric?.Namespace, q.MetricStat?.Metric?.MetricName, fromDimensions(q.MetricStat?.Metric?.Dimensions)));
  const first = stats[0]?.MetricStat;
  if (returned[0]!.MetricStat) return specs.length === 1 && specs[0] ? { metric: specs[0], stat: first?.Stat, period: first?.Period } : null;
  const classes = specs.map((s) => (s?.kind === 'vcpu' ? s.usageClass : null));
  const legacyAll = classes.length === DOCUMENTED_USAGE_CLASSES.length && DOCUMENTED_USAGE_CLASSES.every((c) => classes.includes(c));
  return legacyAll ? { metric: { kind: 'vcpu', usageClass: ALL_USAGE_CLASSES }, stat: first?.Stat, period: first?.Period } : null;
}

/** The notifications an alarm sends to SNS topics. */
function notifyOnOf(a: MetricAlarm): NotifyOn[] {
  const sns = (arns: string[] | undefined) => (arns ?? []).some((arn) => arn.startsWith('arn:aws:sns:'));
  return [sns(a.AlarmActions) ? 'alarm' : null, sns(a.OKActions) ? 'ok' : null, sns(a.InsufficientDataActions) ? 'insufficient-data' : null].filter(
    (x): x is NotifyOn => x !== null,
  );
}

/** An alarm as Onramp shows it, or null when it does not watch EC2 vCPU usage or estimated charges. */
export function summariseAlarm(a: MetricAlarm): AlarmSummary | null {
  const math = a.Metrics?.length ? mathAlarmMetric(a) : null;
  const metric = math?.metric ?? (a.Metrics?.length ? null : metricSpecOf(a.Namespace, a.MetricName, fromDimensions(a.Dimensions)));
  if (!metric) return null;
  const state = a.StateValue === 'OK' || a.StateValue === 'ALARM' ? a.StateValue : 'INSUFFICIENT_DATA';
  const stat = CloudWatchStatisticSchema.safeParse(math?.stat ?? a.Statistic);
  const comparison = ComparisonOperatorSchema.safeParse(a.ComparisonOperator);
  const treat = TreatMissingSchema.safeParse(a.TreatMissingData ?? 'missing');
  const topics = [...(a.AlarmActions ?? []), ...(a.OKActions ?? []), ...(a.InsufficientDataActions ?? [])].filter((arn) => arn.startsWith('arn:aws:sns:'));
  return {
    alarmName: a.AlarmName ?? '',
    alarmArn: a.AlarmArn ?? '',
    state,
    stateReason: a.StateReason ?? '',
    stateUpdatedAt: a.StateUpdatedTimestamp ? a.StateUpdatedTimestamp.getTime() : null,
    metric,
    stat: stat.success ? stat.data : null,
    extendedStatistic: a.ExtendedStatistic ?? null,
    threshold: a.Threshold ?? 0,
    comparisonOperator: comparison.success ? comparison.data : null,
    period: math?.period ?? a.Period ?? 0,
    evaluationPeriods: a.EvaluationPeriods ?? 0,
    datapointsToAlarm: a.DatapointsToAlarm ?? a.EvaluationPeriods ?? 0,
    treatMissing: treat.success ? treat.data : 'missing',
    notifyOn: notifyOnOf(a),
    topicArns: [...new Set(topics)],
    description: a.AlarmDescription ?? '',
  };
}
