/**
 * The usage domain: a metric's history, the usage classes and vCPU quota of a region, and this
 * session's request count. Timestamps are epoch milliseconds. The backtest, threshold warnings and
 * cost estimate are not channels: the renderer runs them itself on `usage:history`'s points with
 * shared/monitoring, the same code the CLI uses, so both give the same numbers. The monitoring core's
 * types are derived from these schemas, so a shape is declared once.
 */
import { z } from 'zod';
import { AlarmPeriodSchema } from '../monitoring/alarm-config';
import { DEFAULT_USAGE_CLASS, MetricSpecSchema, StatSchema, UsageClassSchema } from '../monitoring/metric';
import { DEFAULT_RANGE, RANGE_IDS, type RangeId } from '../monitoring/range';
import { RegionRequestSchema, RegionSchema } from './common';
import type { ContractEntry } from './entry';
import type { USAGE_CHANNELS } from './usage.channels';

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

/** Contract entries for the usage channels. */
export const usageContract = {
  'usage:history': {
    doc: 'A metric\'s history over a range (one GetMetricData request) with its peak, the vCPU quota and a suggested threshold.',
    request: UsageHistoryRequestSchema,
    response: UsageHistorySchema,
  },
  'usage:classes': {
    doc: 'The vCPU usage classes the account has metrics for in a region, On-Demand and Spot (Standard/OnDemand always first).',
    request: RegionRequestSchema,
    response: z.array(z.string()),
  },
  'usage:quota': {
    doc: 'The EC2 vCPU quota of a usage class from Service Quotas, or null with a note when it cannot be read.',
    request: z.object({ region: RegionSchema, usageClass: UsageClassSchema.default(DEFAULT_USAGE_CLASS) }).strict(),
    response: QuotaSchema,
  },
  'usage:requests': {
    doc: 'The AWS calls this session made, with CloudWatch GetMetricData metrics and datapoints requested, Cost Explorer requests, and their estimated cost (diagnostics panel).',
    request: z.object({}).strict(),
    response: z.object({
      total: z.number(),
      byOperation: z.record(z.string(), z.number()),
      cloudwatch: z.object({ getMetricData: z.number(), metricsRequested: z.number(), datapointsRequested: z.number(), estimatedCostUsd: z.number() }),
      /** Cost Explorer requests ($0.01 each, every page counted). */
      costExplorer: z.object({ requests: z.number(), estimatedCostUsd: z.number() }),
    }),
  },
} satisfies Record<(typeof USAGE_CHANNELS)[number], ContractEntry>;
