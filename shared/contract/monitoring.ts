/**
 * Contract entries for cost monitoring. Timestamps are epoch milliseconds. The backtest, threshold
 * warnings and cost estimate are not channels: the renderer runs them itself on `usage:history`'s
 * points with shared/monitoring, the same code the CLI uses, so both give the same numbers.
 */
import { z } from 'zod';
import { ERROR_CODES } from '../errors';
import { AlarmConfigSchema, TopicArnSchema, topicArnRegion } from '../monitoring/alarm-config';
import { DEFAULT_USAGE_CLASS, MetricSpecSchema, StatSchema, UsageClassSchema } from '../monitoring/metric';
import { DEFAULT_RANGE, RANGE_IDS, type RangeId } from '../monitoring/range';
import { validateAlarmName, validateEmail } from '../validation/names';
import { SUPPORTED_REGIONS } from '../regions';
import { namedString, RegionSchema } from './common';
import type { ContractEntry } from './entry';
import type { MONITORING_CHANNELS } from './monitoring-channels';

/** One datapoint: epoch ms and value. */
export const DatapointSchema = z.object({ t: z.number(), v: z.number() });

/** A history range id (1h … 63d). */
export const RangeIdSchema = z.enum(RANGE_IDS as [RangeId, ...RangeId[]], { error: `Range must be one of ${RANGE_IDS.join(', ')}.` });

/** The vCPU quota of a class, or null with the reason. */
export const QuotaSchema = z.object({ quotaCode: z.string().nullable(), value: z.number().nullable(), note: z.string().nullable() });

/** `usage:history` request. */
export const UsageHistoryRequestSchema = z
  .object({
    region: RegionSchema,
    metric: MetricSpecSchema.default({ kind: 'vcpu', usageClass: DEFAULT_USAGE_CLASS }),
    range: RangeIdSchema.default(DEFAULT_RANGE),
    stat: StatSchema.default('Maximum'),
    /** Wanted period in seconds (the alarm's, for a faithful backtest); raised when CloudWatch keeps only coarser data. */
    period: z.number().int().positive().max(86_400).optional(),
  })
  .strict();

/** `usage:history` response: the series over an aligned window plus peak, quota and suggestion. */
export const UsageHistorySchema = z.object({
  region: z.string(),
  metric: MetricSpecSchema,
  namespace: z.string(),
  metricName: z.string(),
  dimensions: z.record(z.string(), z.string()),
  stat: StatSchema,
  period: z.number(),
  start: z.number(),
  end: z.number(),
  points: z.array(DatapointSchema),
  max: z.number().nullable(),
  maxAt: z.number().nullable(),
  quota: QuotaSchema,
  suggestion: z.object({ value: z.number().nullable(), reason: z.string() }),
  notes: z.array(z.string()),
});

/** An alarm on a watched metric. */
export const AlarmSummarySchema = z.object({
  alarmName: z.string(),
  alarmArn: z.string(),
  state: z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']),
  stateReason: z.string(),
  stateUpdatedAt: z.number().nullable(),
  metric: MetricSpecSchema,
  stat: z.string(),
  threshold: z.number(),
  comparisonOperator: z.string(),
  period: z.number(),
  evaluationPeriods: z.number(),
  datapointsToAlarm: z.number(),
  treatMissing: z.string(),
  topicArns: z.array(z.string()),
  description: z.string(),
});

/** One subscription of a topic. */
export const SubscriptionSchema = z.object({
  subscriptionArn: z.string().nullable(),
  endpoint: z.string(),
  protocol: z.string(),
  status: z.enum(['pending', 'confirmed']),
});

const RegionRequest = z.object({ region: RegionSchema }).strict();

/** A topic ARN must be in the request's region: SNS clients are regional. */
function topicInRegion(req: { region: string; topicArn: string }, ctx: z.RefinementCtx): void {
  const region = topicArnRegion(req.topicArn);
  if (region && region !== req.region) {
    ctx.addIssue({ code: 'custom', path: ['topicArn'], message: `The topic is in ${region}, not ${req.region}.` });
  }
}
const AlarmNameRequest = z.object({ region: RegionSchema, name: namedString('Alarm name', validateAlarmName, 255) }).strict();

/** One region's dashboard card: its data, or its own error. */
export const RegionSummarySchema = z.discriminatedUnion('ok', [
  z.object({
    region: z.string(),
    ok: z.literal(true),
    usageClass: z.string(),
    current: z.number().nullable(),
    currentAt: z.number().nullable(),
    peak24h: z.number().nullable(),
    series: z.array(DatapointSchema),
    quota: z.number().nullable(),
    quotaNote: z.string().nullable(),
    headroom: z.number().nullable(),
    alarms: z.array(AlarmSummarySchema),
  }),
  z.object({
    region: z.string(),
    ok: z.literal(false),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), field: z.string().optional() }),
  }),
]);

/** Contract entries for the monitoring channels. */
export const monitoringContract = {
  'usage:history': {
    doc: 'A metric\'s history over a range (one GetMetricData request) with its peak, the vCPU quota and a suggested threshold.',
    request: UsageHistoryRequestSchema,
    response: UsageHistorySchema,
  },
  'usage:classes': {
    doc: 'The vCPU usage classes the account has metrics for in a region (Standard/OnDemand always first).',
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
    doc: 'Create an alarm, or update it in place when the name exists; the topic and email subscriptions are never duplicated.',
    request: AlarmConfigSchema,
    response: z.object({
      alarmName: z.string(),
      alarmArn: z.string(),
      topicArn: z.string(),
      updated: z.boolean(),
      topicCreated: z.boolean(),
      subscriptions: z.array(SubscriptionSchema),
    }),
  },
  'alarms:delete': {
    doc: 'Delete one alarm by name (NotFound when there is none).',
    request: AlarmNameRequest,
    response: z.object({ alarmName: z.string(), deleted: z.literal(true) }),
  },
  'alarms:test-notification': {
    doc: 'Set an alarm to ALARM for a moment so its topic sends real notifications.',
    request: AlarmNameRequest,
    response: z.object({ alarmName: z.string(), state: z.literal('ALARM') }),
  },
  'topics:list': {
    doc: 'The SNS topics in a region.',
    request: RegionRequest,
    response: z.array(z.object({ topicArn: z.string(), name: z.string() })),
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
    doc: 'Per region: current vCPU usage, 24-hour sparkline, quota headroom and alarms; each region fails on its own.',
    request: z
      .object({
        regions: z.array(RegionSchema).min(1).max(SUPPORTED_REGIONS.length).default([...SUPPORTED_REGIONS]),
        usageClass: UsageClassSchema.default(DEFAULT_USAGE_CLASS),
      })
      .strict(),
    response: z.object({ generatedAt: z.number(), regions: z.array(RegionSummarySchema) }),
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
