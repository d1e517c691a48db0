/** The alarms domain: the alarms on watched metrics, and creating (a run), deleting (a run) and testing one. */
import { z } from 'zod';
import { AlarmConfigSchema, AlarmNameSchema, AlarmRegionsSchema, NotifyOnSchema } from '../monitoring/alarm-config';
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
  'alarms:delete-plan': {
    doc: 'Where an alarm of this name exists among the regions, and which of its SNS topics Onramp may delete with it (created by Onramp, used by no other alarm).',
    request: z.object({ regions: AlarmRegionsSchema, name: AlarmNameSchema }).strict(),
    response: AlarmDeletePlanSchema,
  },
  'alarms:delete': {
    doc: 'Start deleting an alarm in every region given where it exists, as a run (kind alarm-delete); with deleteTopic, also each topic Onramp created for it that no other alarm uses. The run fails NotFound when the alarm is in none.',
    request: z.object({ regions: AlarmRegionsSchema, name: AlarmNameSchema, deleteTopic: z.boolean().default(false) }).strict(),
    response: RunRefSchema,
  },
  'alarms:test-notification': {
    doc: 'Set an alarm to ALARM for a moment so its topic sends real notifications.',
    request: AlarmNameRequest,
    response: z.object({ alarmName: z.string(), state: z.literal('ALARM') }),
  },
} satisfies Record<(typeof ALARMS_CHANNELS)[number], ContractEntry>;
