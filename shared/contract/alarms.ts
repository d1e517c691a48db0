/** The alarms domain: the alarms on watched metrics, and creating (a run), deleting (a run) and testing one. */
import { z } from 'zod';
import { AlarmConfigSchema, AlarmNameSchema, NotifyOnSchema } from '../monitoring/alarm-config';
import { AlarmStateSchema, TreatMissingSchema } from '../monitoring/evaluation';
import { MetricSpecSchema } from '../monitoring/metric';
import { RegionRequestSchema, RegionSchema, RunRefSchema } from './common';
import type { ContractEntry } from './entry';
import type { ALARMS_CHANNELS } from './alarms.channels';
import { SubscriptionSchema } from './topics';

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

/** What deleting an alarm did. */
export const DeleteAlarmResultSchema = z.object({ alarmName: z.string(), deleted: z.literal(true) });
export type DeleteAlarmResult = z.output<typeof DeleteAlarmResultSchema>;

const AlarmNameRequest = z.object({ region: RegionSchema, name: AlarmNameSchema }).strict();

/** Contract entries for the alarms channels. */
export const alarmsContract = {
  'alarms:list': {
    doc: 'The alarms in a region that watch EC2 vCPU usage or estimated charges.',
    request: RegionRequestSchema,
    response: z.array(AlarmSummarySchema),
  },
  'alarms:create': {
    doc: 'Start creating an alarm in one or more regions as a run (kind alarm-create), all or nothing, or updating it in place where the name exists; topics and email subscriptions are never duplicated. runs:cancel stops it after the step in flight and undoes what it made.',
    request: z.object({ config: AlarmConfigSchema }).strict(),
    response: RunRefSchema,
  },
  'alarms:delete': {
    doc: 'Start deleting one alarm by name as a run (kind alarm-delete); it fails NotFound when there is none.',
    request: AlarmNameRequest,
    response: RunRefSchema,
  },
  'alarms:test-notification': {
    doc: 'Set an alarm to ALARM for a moment so its topic sends real notifications.',
    request: AlarmNameRequest,
    response: z.object({ alarmName: z.string(), state: z.literal('ALARM') }),
  },
} satisfies Record<(typeof ALARMS_CHANNELS)[number], ContractEntry>;
