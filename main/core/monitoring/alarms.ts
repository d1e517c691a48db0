import {
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  PutMetricAlarmCommand,
  SetAlarmStateCommand,
  type MetricAlarm,
} from '@aws-sdk/client-cloudwatch';
import { AppError } from '../../../shared/errors';
import { comparisonOperator, type AlarmConfig } from '../../../shared/monitoring/alarm-config';
import { metricIdentity, metricSpecOf, type MetricSpec } from '../../../shared/monitoring/metric';
import type { AwsContext } from '../aws/context';
import { toAppError } from '../aws/errors';
import { fromDimensions, toDimensions } from './metrics';
import { ensureTopic, undoTopicChanges, type SubscriptionSummary, type TopicJournal } from './topics';

/** An alarm on one of the watched metrics, as the dashboard and `onramp alarms` show it. */
export interface AlarmSummary {
  alarmName: string;
  alarmArn: string;
  state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  stateReason: string;
  /** Epoch ms of the last state change, or null. */
  stateUpdatedAt: number | null;
  metric: MetricSpec;
  stat: string;
  threshold: number;
  comparisonOperator: string;
  period: number;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  treatMissing: string;
  topicArns: string[];
  description: string;
}

/** What creating (or updating) an alarm did. */
export interface CreateAlarmResult {
  alarmName: string;
  alarmArn: string;
  topicArn: string;
  /** True when an alarm of that name existed and was updated in place. */
  updated: boolean;
  topicCreated: boolean;
  subscriptions: SubscriptionSummary[];
}

function summarise(a: MetricAlarm, metric: MetricSpec): AlarmSummary {
  const state = a.StateValue === 'OK' || a.StateValue === 'ALARM' ? a.StateValue : 'INSUFFICIENT_DATA';
  return {
    alarmName: a.AlarmName ?? '',
    alarmArn: a.AlarmArn ?? '',
    state,
    stateReason: a.StateReason ?? '',
    stateUpdatedAt: a.StateUpdatedTimestamp ? a.StateUpdatedTimestamp.getTime() : null,
    metric,
    stat: a.Statistic ?? a.ExtendedStatistic ?? '',
    threshold: a.Threshold ?? 0,
    comparisonOperator: a.ComparisonOperator ?? '',
    period: a.Period ?? 0,
    evaluationPeriods: a.EvaluationPeriods ?? 0,
    datapointsToAlarm: a.DatapointsToAlarm ?? a.EvaluationPeriods ?? 0,
    treatMissing: a.TreatMissingData ?? 'missing',
    topicArns: (a.AlarmActions ?? []).filter((arn) => arn.startsWith('arn:aws:sns:')),
    description: a.AlarmDescription ?? '',
  };
}

async function describe(aws: AwsContext, region: string, names?: string[]): Promise<MetricAlarm[]> {
  const cw = await aws.cloudwatch(region);
  const alarms: MetricAlarm[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    let out;
    try {
      out = await cw.send(new DescribeAlarmsCommand({ AlarmNames: names, AlarmTypes: ['MetricAlarm'], NextToken: nextToken }));
    } catch (err) {
      throw toAppError(err, `CloudWatch DescribeAlarms in ${region}`);
    }
    alarms.push(...(out.MetricAlarms ?? []));
    nextToken = out.NextToken;
    pages++;
  } while (nextToken && pages < 100);
  return alarms;
}

/** The alarms in a region that watch EC2 vCPU usage or the billing metric, by name. */
export async function listAlarms(aws: AwsContext, region: string): Promise<AlarmSummary[]> {
  const out: AlarmSummary[] = [];
  for (const a of await describe(aws, region)) {
    const metric = metricSpecOf(a.Namespace, a.MetricName, fromDimensions(a.Dimensions));
    if (metric) out.push(summarise(a, metric));
  }
  return out.sort((a, b) => a.alarmName.localeCompare(b.alarmName));
}

/** One alarm by name, or a NotFound error. */
export async function getAlarm(aws: AwsContext, region: string, name: string): Promise<MetricAlarm> {
  const found = (await describe(aws, region, [name])).find((a) => a.AlarmName === name);
  if (!found) throw new AppError('NotFound', `No alarm named "${name}" in ${region}.`, 'name');
  return found;
}

/**
 * Create the alarm, or update it in place when one of that name exists (PutMetricAlarm replaces).
 * The topic is made ready first (created or checked, emails subscribed once), so a failure there
 * leaves no alarm pointing at nothing.
 */
export async function createAlarm(aws: AwsContext, config: AlarmConfig): Promise<CreateAlarmResult> {
  const { region } = config;
  const previous = (await describe(aws, region, [config.name])).find((a) => a.AlarmName === config.name);
  const journal: TopicJournal = { subscribed: [] };
  const id = metricIdentity(config.metric);
  const cw = await aws.cloudwatch(region);
  let topic: Awaited<ReturnType<typeof ensureTopic>> | undefined;
  let putAttempted = false;
  try {
    topic = await ensureTopic(aws, region, config.topic, journal);
    putAttempted = true;
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: config.name,
        AlarmDescription: config.description || undefined,
        ActionsEnabled: true,
        AlarmActions: [topic.topicArn],
        Namespace: id.namespace,
        MetricName: id.metricName,
        Dimensions: toDimensions(id.dimensions),
        Statistic: config.stat,
        Period: config.period,
        EvaluationPeriods: config.evaluationPeriods,
        DatapointsToAlarm: config.datapointsToAlarm,
        Threshold: config.threshold,
        ComparisonOperator: comparisonOperator(config.comparison),
        TreatMissingData: config.treatMissing,
      }),
    );
  } catch (err) {
    const cause = toAppError(err, putAttempted ? `CloudWatch PutMetricAlarm ${config.name}` : `SNS topic for ${config.name}`);
    throw await rollbackAlarmCreate(aws, config, previous, putAttempted, topic?.topicArn ?? (config.topic.kind === 'existing' ? config.topic.arn : undefined), journal, cause);
  }
  const saved = await getAlarm(aws, region, config.name);
  return {
    alarmName: config.name,
    alarmArn: saved.AlarmArn ?? '',
    topicArn: topic.topicArn,
    updated: Boolean(previous),
    topicCreated: topic.created,
    subscriptions: topic.subscriptions,
  };
}

/**
 * Undo a failed alarm create: the alarm goes back to what it was (deleted if this run made it, its
 * previous definition put back if it was being updated), then the topic changes are undone. Returns
 * the error to throw, code RolledBack, saying what failed and what was undone.
 */
async function rollbackAlarmCreate(
  aws: AwsContext,
  config: AlarmConfig,
  previous: MetricAlarm | undefined,
  putAttempted: boolean,
  topicArn: string | undefined,
  journal: TopicJournal,
  cause: AppError,
): Promise<AppError> {
  const undone: string[] = [];
  const problems: string[] = [];
  const cw = await aws.cloudwatch(config.region);
  if (putAttempted) {
    try {
      const now = (await describe(aws, config.region, [config.name])).find((a) => a.AlarmName === config.name);
      if (!previous && now) {
        await cw.send(new DeleteAlarmsCommand({ AlarmNames: [config.name] }));
        undone.push(`alarm ${config.name}`);
      } else if (previous && now && (now.Threshold !== previous.Threshold || JSON.stringify(now.AlarmActions) !== JSON.stringify(previous.AlarmActions) || now.Period !== previous.Period)) {
        await cw.send(new PutMetricAlarmCommand(restoreInput(previous)));
        undone.push(`alarm ${config.name} (previous definition restored)`);
      }
    } catch (err) {
      problems.push(`alarm ${config.name}: ${toAppError(err).message}`);
    }
  }
  let notes: string[] = [];
  try {
    const r = await undoTopicChanges(aws, config.region, topicArn, journal);
    undone.push(...r.undone);
    notes = r.notes;
  } catch (err) {
    problems.push(`topic changes: ${toAppError(err).message}`);
  }
  // Nothing was changed: the original error (with its code and field) says everything.
  if (!undone.length && !problems.length && !notes.length) return cause;
  const parts = [
    `Creating alarm ${config.name} failed: ${cause.message}`,
    undone.length ? `Undid: ${undone.join(', ')}.` : 'Nothing had been changed, so nothing was undone.',
    ...notes.map((n) => `Note: ${n}.`),
    ...(problems.length ? [`Could not undo: ${problems.join('; ')} — remove these by hand.`] : []),
  ];
  const error = new AppError(undone.length || problems.length ? 'RolledBack' : cause.code, parts.join(' '), cause.field);
  return Object.assign(error, { rolledBack: undone, cause });
}

/** PutMetricAlarm input that recreates an alarm exactly as DescribeAlarms reported it. */
function restoreInput(a: MetricAlarm) {
  return {
    AlarmName: a.AlarmName,
    AlarmDescription: a.AlarmDescription,
    ActionsEnabled: a.ActionsEnabled,
    AlarmActions: a.AlarmActions,
    OKActions: a.OKActions,
    InsufficientDataActions: a.InsufficientDataActions,
    Namespace: a.Namespace,
    MetricName: a.MetricName,
    Dimensions: a.Dimensions,
    Statistic: a.Statistic,
    ExtendedStatistic: a.ExtendedStatistic,
    Period: a.Period,
    EvaluationPeriods: a.EvaluationPeriods,
    DatapointsToAlarm: a.DatapointsToAlarm,
    Threshold: a.Threshold,
    ComparisonOperator: a.ComparisonOperator,
    TreatMissingData: a.TreatMissingData,
    Unit: a.Unit,
  };
}

/** Delete one alarm; NotFound when there is none of that name. */
export async function deleteAlarm(aws: AwsContext, region: string, name: string): Promise<{ alarmName: string; deleted: true }> {
  await getAlarm(aws, region, name);
  const cw = await aws.cloudwatch(region);
  try {
    await cw.send(new DeleteAlarmsCommand({ AlarmNames: [name] }));
  } catch (err) {
    throw toAppError(err, `CloudWatch DeleteAlarms ${name}`);
  }
  return { alarmName: name, deleted: true };
}

/**
 * Send a test notification: set the alarm to ALARM (SetAlarmState), which fires its actions, so real
 * emails go out. CloudWatch puts the alarm back to its real state at its next evaluation.
 */
export async function sendTestNotification(aws: AwsContext, region: string, name: string): Promise<{ alarmName: string; state: 'ALARM' }> {
  await getAlarm(aws, region, name);
  const cw = await aws.cloudwatch(region);
  try {
    await cw.send(
      new SetAlarmStateCommand({
        AlarmName: name,
        StateValue: 'ALARM',
        StateReason: `Test notification sent from Onramp at ${new Date().toISOString()}; the alarm returns to its real state at its next evaluation.`,
      }),
    );
  } catch (err) {
    throw toAppError(err, `CloudWatch SetAlarmState ${name}`);
  }
  return { alarmName: name, state: 'ALARM' };
}
