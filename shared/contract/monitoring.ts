/**
 * Contract entries for cost monitoring, and the shapes the monitoring core (main/core/monitoring)
 * returns: the core's types are derived from these schemas, so a shape is declared once. Timestamps
 * are epoch milliseconds. The backtest, threshold warnings and cost estimate are not channels: the
 * renderer runs them itself on `usage:history`'s points with shared/monitoring, the same code the CLI
 * uses, so both give the same numbers.
 */
import { z } from 'zod';
import { ERROR_CODES } from '../errors';
import { AlarmConfigSchema, AlarmNameSchema, AlarmPeriodSchema, AlarmRegionsSchema, NotifyOnSchema, TopicArnSchema, topicArnRegion } from '../monitoring/alarm-config';
import { AlarmStateSchema, TreatMissingSchema } from '../monitoring/evaluation';
import { DEFAULT_USAGE_CHOICE, DEFAULT_USAGE_CLASS, MetricSpecSchema, StatSchema, UsageClassChoiceSchema, UsageClassSchema } from '../monitoring/metric';
import { DEFAULT_RANGE, RANGE_IDS, type RangeId } from '../monitoring/range';
import { validateEmail, validateTopicName } from '../validation/names';
import { SUPPORTED_REGIONS } from '../regions';
import { namedString, RegionSchema } from './common';
import type { ContractEntry } from './entry';
import type { MONITORING_CHANNELS } from './monitoring-channels';

/** One datapoint: epoch ms and value. */
export const DatapointSchema = z.object({ t: z.number(), v: z.number() });

/** A history range id (1h … 63d). */
export const RangeIdSchema = z.enum(RANGE_IDS as [RangeId, ...RangeId[]], { error: `Range must be one of ${RANGE_IDS.join(', ')}.` });

/** The vCPU quota of a class, or null with the reason (and where to look it up). */
export const QuotaSchema = z.object({ quotaCode: z.string().nullable(), value: z.number().nullable(), note: z.string().nullable() });
/** The vCPU quota of a usage class, or null with a note saying why it is unknown. */
export type VcpuQuota = z.infer<typeof QuotaSchema>;

/** `usage:history` request. */
export const UsageHistoryRequestSchema = z
  .object({
    region: RegionSchema,
    metric: MetricSpecSchema.default({ kind: 'vcpu', usageClass: DEFAULT_USAGE_CLASS }),
    range: RangeIdSchema.default(DEFAULT_RANGE),
    stat: StatSchema.default('Maximum'),
    /** Wanted period in seconds (the alarm's, for a faithful backtest); raised when CloudWatch keeps only coarser data. */
    period: AlarmPeriodSchema.refine((p) => p <= 86_400, { error: 'Period must be at most one day.' }).optional(),
    /** For all usage classes: also return each class's own series (the cost card's breakdown). */
    breakdown: z.boolean().default(false),
  })
  .strict();

/** One usage class's own series, within an all-classes answer. */
export const ClassSeriesSchema = z.object({ usageClass: z.string(), points: z.array(DatapointSchema) });

/** `usage:history` response: the series over an aligned window plus peak, quota and suggestion. */
export const UsageHistorySchema = z.object({
  region: z.string(),
  metric: MetricSpecSchema,
  namespace: z.string(),
  metricName: z.string(),
  dimensions: z.record(z.string(), z.string()),
  /** The usage classes the series adds up: every class the account publishes for all classes, the one class, or none for billing. */
  classes: z.array(z.string()),
  stat: StatSchema,
  period: z.number(),
  start: z.number(),
  end: z.number(),
  points: z.array(DatapointSchema),
  /** Each class's series, when a breakdown of all usage classes was asked for; else empty. */
  byClass: z.array(ClassSeriesSchema),
  max: z.number().nullable(),
  maxAt: z.number().nullable(),
  quota: QuotaSchema,
  suggestion: z.object({ value: z.number().nullable(), reason: z.string() }),
  notes: z.array(z.string()),
});
/** A metric's history with everything the threshold step shows beside the chart. */
export type UsageHistory = z.output<typeof UsageHistorySchema>;

/** CloudWatch's Statistic values. */
export const CloudWatchStatisticSchema = z.enum(['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']);
/** CloudWatch's ComparisonOperator values. */
export const ComparisonOperatorSchema = z.enum([
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
  'LessThanLowerOrGreaterThanUpperThreshold',
  'LessThanLowerThreshold',
  'GreaterThanUpperThreshold',
]);

/** An alarm on a watched metric. */
export const AlarmSummarySchema = z.object({
  alarmName: z.string(),
  alarmArn: z.string(),
  state: AlarmStateSchema,
  stateReason: z.string(),
  stateUpdatedAt: z.number().nullable(),
  metric: MetricSpecSchema,
  /** The statistic, or null when the alarm uses an extended statistic (a percentile such as p99). */
  stat: CloudWatchStatisticSchema.nullable(),
  extendedStatistic: z.string().nullable(),
  threshold: z.number(),
  comparisonOperator: ComparisonOperatorSchema.nullable(),
  period: z.number(),
  evaluationPeriods: z.number(),
  datapointsToAlarm: z.number(),
  treatMissing: TreatMissingSchema,
  /** The states that notify an SNS topic. */
  notifyOn: z.array(NotifyOnSchema),
  /** Every SNS topic among the alarm's actions. */
  topicArns: z.array(z.string()),
  description: z.string(),
});
/** An alarm on one of the watched metrics, as the dashboard and `onramp alarms` show it. */
export type AlarmSummary = z.output<typeof AlarmSummarySchema>;

/** One subscription of a topic. */
export const SubscriptionSchema = z.object({
  /** Null while the subscription waits for confirmation. */
  subscriptionArn: z.string().nullable(),
  endpoint: z.string(),
  protocol: z.string(),
  status: z.enum(['pending', 'confirmed']),
});
/** One subscription of a topic, as shown to the user. */
export type SubscriptionSummary = z.output<typeof SubscriptionSchema>;

/** An SNS topic in a region. */
export const TopicSummarySchema = z.object({ topicArn: z.string(), name: z.string() });
export type TopicSummary = z.output<typeof TopicSummarySchema>;

/** What one region holds under a topic name: nothing, Onramp's own alarm topic, or someone else's topic. */
export const TopicLookupSchema = z.object({
  region: RegionSchema,
  topicArn: z.string().nullable(),
  /** True when the topic was made by Onramp for alarm notifications (it is then reused, never duplicated). */
  onramp: z.boolean(),
  subscriptions: z.array(SubscriptionSchema),
});
export type TopicLookup = z.output<typeof TopicLookupSchema>;

/** What creating (or updating) the alarm did in one region. */
export const RegionalAlarmResultSchema = z.object({
  region: RegionSchema,
  alarmArn: z.string(),
  topicArn: z.string(),
  /** True when an alarm of that name existed and was updated in place. */
  updated: z.boolean(),
  topicCreated: z.boolean(),
  subscriptions: z.array(SubscriptionSchema),
});
/** What creating (or updating) an alarm did, region by region. */
export const CreateAlarmResultSchema = z.object({
  alarmName: z.string(),
  notifyOn: z.array(NotifyOnSchema),
  regions: z.array(RegionalAlarmResultSchema).min(1),
});
export type RegionalAlarmResult = z.output<typeof RegionalAlarmResultSchema>;
export type CreateAlarmResult = z.output<typeof CreateAlarmResultSchema>;

/** An SNS topic a deleted (or to be deleted) alarm notifies, and what happens to it. */
export const AlarmTopicSchema = z.object({
  region: RegionSchema,
  topicArn: z.string(),
  /** True when Onramp created the topic for alarm notifications (its tags say so). */
  onramp: z.boolean(),
  /** Other alarms in the region that still notify the topic. */
  usedBy: z.array(z.string()),
  /** How many subscriptions it has (deleting the topic deletes them). */
  subscriptions: z.number(),
  /** deletable: Onramp's and unused (offered for deletion); deleted; kept (with the reason). */
  status: z.enum(['deletable', 'deleted', 'kept']),
  reason: z.string(),
});
export type AlarmTopic = z.output<typeof AlarmTopicSchema>;

/** Before a delete: where the alarm exists among the regions asked, and what may happen to its topics. */
export const AlarmDeletePlanSchema = z.object({
  alarmName: z.string(),
  foundIn: z.array(RegionSchema),
  notFoundIn: z.array(RegionSchema),
  topics: z.array(AlarmTopicSchema),
});
export type AlarmDeletePlan = z.output<typeof AlarmDeletePlanSchema>;

/** After a delete: where the alarm was deleted, where there was none, where deleting failed, and its topics. */
export const AlarmDeleteResultSchema = z.object({
  alarmName: z.string(),
  deletedIn: z.array(RegionSchema),
  notFoundIn: z.array(RegionSchema),
  failed: z.array(z.object({ region: RegionSchema, message: z.string() })),
  topics: z.array(AlarmTopicSchema),
});
export type AlarmDeleteResult = z.output<typeof AlarmDeleteResultSchema>;

const RegionRequest = z.object({ region: RegionSchema }).strict();

/** A topic ARN must be in the request's region: SNS clients are regional. */
function topicInRegion(req: { region: string; topicArn: string }, ctx: z.RefinementCtx): void {
  const region = topicArnRegion(req.topicArn);
  if (region && region !== req.region) {
    ctx.addIssue({ code: 'custom', path: ['topicArn'], message: `The topic is in ${region}, not ${req.region}.` });
  }
}
const AlarmNameRequest = z.object({ region: RegionSchema, name: AlarmNameSchema }).strict();

/** An id the renderer gives an alarm create so it can cancel it. */
export const RunIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { error: 'Run id must be 8–64 letters, digits or hyphens.' });

/** One usage class on a dashboard card: its latest value, 24-hour peak and quota. */
export const ClassUsageSchema = z.object({
  usageClass: z.string(),
  current: z.number().nullable(),
  peak24h: z.number().nullable(),
  quota: z.number().nullable(),
  quotaCode: z.string().nullable(),
});

/** One region's dashboard card: its data, or its own error. */
export const RegionSummarySchema = z.discriminatedUnion('ok', [
  z.object({
    region: z.string(),
    ok: z.literal(true),
    /** A usage class, or `all`. */
    usageClass: z.string(),
    current: z.number().nullable(),
    currentAt: z.number().nullable(),
    peak24h: z.number().nullable(),
    series: z.array(DatapointSchema),
    /** The quota of a single class; null for all classes (each class has its own, in `classes`). */
    quota: z.number().nullable(),
    quotaNote: z.string().nullable(),
    headroom: z.number().nullable(),
    /** Per class: the total's breakdown (all classes), or the one class. */
    classes: z.array(ClassUsageSchema),
    /** The usage classes the total adds up: every class the account publishes here (all classes), or the one class. */
    summedClasses: z.array(z.string()).optional(),
    alarms: z.array(AlarmSummarySchema),
  }),
  z.object({
    region: z.string(),
    ok: z.literal(false),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), field: z.string().optional() }),
  }),
]);
/** One region's card on the dashboard. */
export type RegionSummary = z.output<typeof RegionSummarySchema>;
/** The dashboard: one card per region, each failing on its own. */
export const DashboardSummarySchema = z.object({ generatedAt: z.number(), regions: z.array(RegionSummarySchema) });
export type DashboardSummary = z.output<typeof DashboardSummarySchema>;

/** Contract entries for the monitoring channels. */
export const monitoringContract = {
  'usage:history': {
    doc: 'A metric\'s history over a range (one GetMetricData request) with its peak, the vCPU quota and a suggested threshold.',
    request: UsageHistoryRequestSchema,
    response: UsageHistorySchema,
  },
  'usage:classes': {
    doc: 'The vCPU usage classes the account has metrics for in a region, On-Demand and Spot (Standard/OnDemand always first).',
    request: RegionRequest,
    response: z.array(z.string()),
  },
  'usage:quota': {
    doc: 'The EC2 vCPU quota of a usage class from Service Quotas, or null with a note when it cannot be read.',
    request: z.object({ region: RegionSchema, usageClass: UsageClassSchema.default(DEFAULT_USAGE_CLASS) }).strict(),
    response: QuotaSchema,
  },
  'alarms:list': {
    doc: 'The alarms in a region that watch EC2 vCPU usage or estimated charges.',
    request: RegionRequest,
    response: z.array(AlarmSummarySchema),
  },
  'alarms:create': {
    doc: 'Create an alarm in one or more regions, all or nothing, or update it in place where the name exists; topics and email subscriptions are never duplicated.',
    request: z.object({ config: AlarmConfigSchema, runId: RunIdSchema.optional() }).strict(),
    response: CreateAlarmResultSchema,
  },
  'alarms:cancel': {
    doc: 'Cancel a running alarm create: it stops after the step in flight and undoes what it made (its answer is then a Cancelled error).',
    request: z.object({ runId: RunIdSchema }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  'alarms:delete-plan': {
    doc: 'Where an alarm of this name exists among the regions, and which of its SNS topics Onramp may delete with it (created by Onramp, used by no other alarm).',
    request: z.object({ regions: AlarmRegionsSchema, name: AlarmNameSchema }).strict(),
    response: AlarmDeletePlanSchema,
  },
  'alarms:delete': {
    doc: 'Delete an alarm in every region given where it exists (NotFound when in none); with deleteTopic, also each topic Onramp created for it that no other alarm uses.',
    request: z.object({ regions: AlarmRegionsSchema, name: AlarmNameSchema, deleteTopic: z.boolean().default(false) }).strict(),
    response: AlarmDeleteResultSchema,
  },
  'alarms:test-notification': {
    doc: 'Set an alarm to ALARM for a moment so its topic sends real notifications.',
    request: AlarmNameRequest,
    response: z.object({ alarmName: z.string(), state: z.literal('ALARM') }),
  },
  'topics:list': {
    doc: 'The SNS topics in a region.',
    request: RegionRequest,
    response: z.array(TopicSummarySchema),
  },
  'topics:lookup': {
    doc: 'Per region: whether a topic of this name exists, whether Onramp made it for alarms, and its subscriptions (before a new topic is chosen).',
    request: z.object({ regions: AlarmRegionsSchema, name: namedString('SNS topic name', validateTopicName, 256) }).strict(),
    response: z.array(TopicLookupSchema),
  },
  'topics:subscriptions': {
    doc: 'A topic\'s subscriptions with their status (pending confirmation or confirmed).',
    request: z.object({ region: RegionSchema, topicArn: TopicArnSchema }).strict().superRefine(topicInRegion),
    response: z.array(SubscriptionSchema),
  },
  'topics:resend': {
    doc: 'Send a pending email subscription\'s confirmation again (a confirmed one is left alone).',
    request: z
      .object({ region: RegionSchema, topicArn: TopicArnSchema, endpoint: namedString('Email address', validateEmail, 254) })
      .strict()
      .superRefine(topicInRegion),
    response: SubscriptionSchema,
  },
  'dashboard:summary': {
    doc: 'Per region: current vCPU usage (all usage classes by default, with a per-class breakdown), 24-hour sparkline, quota headroom and alarms; each region fails on its own.',
    request: z
      .object({
        regions: z.array(RegionSchema).min(1).max(SUPPORTED_REGIONS.length).default([...SUPPORTED_REGIONS]),
        usageClass: UsageClassChoiceSchema.default(DEFAULT_USAGE_CHOICE),
      })
      .strict(),
    response: DashboardSummarySchema,
  },
  'usage:requests': {
    doc: 'The AWS calls this session made, with CloudWatch GetMetricData metrics and datapoints requested and their estimated cost (diagnostics panel).',
    request: z.object({}).strict(),
    response: z.object({
      total: z.number(),
      byOperation: z.record(z.string(), z.number()),
      cloudwatch: z.object({ getMetricData: z.number(), metricsRequested: z.number(), datapointsRequested: z.number(), estimatedCostUsd: z.number() }),
    }),
  },
} satisfies Record<(typeof MONITORING_CHANNELS)[number], ContractEntry>;
