import { z } from 'zod';
import { RegionSchema } from '../../../shared/contract/common';
import { AppError } from '../../../shared/errors';
import {
  AlarmConditionsSchema,
  AlarmConfigSchema,
  AlarmPeriodSchema,
  TopicArnSchema,
  TopicChoiceSchema,
  type AlarmConditions,
} from '../../../shared/monitoring/alarm-config';
import { backtest } from '../../../shared/monitoring/backtest';
import { DEFAULT_USAGE_CLASS, StatSchema, UsageClassSchema, type MetricSpec, type Stat } from '../../../shared/monitoring/metric';
import { createAlarm, deleteAlarm, fetchSeries, listAlarms, planHistoryWindow, usageHistory } from '../../core/monitoring';
import { parseFlags, requireFlag, validateWith, type OptionSpec } from '../args';
import { CREDENTIAL_FLAGS, credentialFlags, type CredentialFlags } from '../deps';
import { EXIT } from '../io';
import type { Command, CommandEntry } from './index';

const BASE_FLAGS: OptionSpec = {
  ...CREDENTIAL_FLAGS,
  region: { type: 'string', value: 'REGION', required: true, description: 'Region: us-east-1, us-east-2, us-west-1 or us-west-2.' },
};
const METRIC_FLAGS: OptionSpec = {
  period: { type: 'string', value: 'SECONDS', description: 'Period of each datapoint, a multiple of 60 (default 300).' },
  stat: { type: 'string', value: 'STAT', description: 'Statistic: Maximum (default) or Average.' },
  class: { type: 'string', value: 'CLASS', description: 'vCPU usage class, e.g. Standard/OnDemand (the default).' },
};
const HISTORY_FLAGS: OptionSpec = {
  ...BASE_FLAGS,
  days: { type: 'string', value: 'DAYS', description: 'Days of history, up to 455 (default 7).' },
  ...METRIC_FLAGS,
};
const CONDITION_FLAGS: OptionSpec = {
  threshold: { type: 'string', value: 'VCPUS', required: true, description: 'Alarm when usage crosses this many vCPUs.' },
  'evaluation-periods': { type: 'string', value: 'N', description: 'Periods evaluated each time (default 1).' },
  'datapoints-to-alarm': { type: 'string', value: 'M', description: 'Breaching periods out of N that fire the alarm (default 1).' },
  comparison: { type: 'string', value: 'OP', description: 'gt (default) or gte.' },
  'treat-missing': { type: 'string', value: 'HOW', description: 'Missing data: missing (default), ignore, breaching or notBreaching.' },
};
const BACKTEST_FLAGS: OptionSpec = { ...HISTORY_FLAGS, ...CONDITION_FLAGS };
const CREATE_FLAGS: OptionSpec = {
  ...BASE_FLAGS,
  name: { type: 'string', value: 'NAME', required: true, description: 'Alarm name (an existing alarm of this name is updated).' },
  description: { type: 'string', value: 'TEXT', description: 'Alarm description.' },
  ...CONDITION_FLAGS,
  ...METRIC_FLAGS,
  'topic-arn': { type: 'string', value: 'ARN', description: 'Notify this existing SNS topic (or use --new-topic).' },
  'new-topic': { type: 'string', value: 'NAME', description: 'Create (or reuse Onramp\'s) SNS topic of this name.' },
  email: { type: 'string', value: 'ADDRESS', multiple: true, description: 'Email subscriber of the topic.' },
};
const DELETE_FLAGS: OptionSpec = {
  ...BASE_FLAGS,
  name: { type: 'string', value: 'NAME', required: true, description: 'The alarm to delete.' },
};

const CONDITION_FIELD_TO_FLAG: Record<string, string> = {
  threshold: 'threshold',
  period: 'period',
  stat: 'stat',
  evaluationPeriods: 'evaluation-periods',
  datapointsToAlarm: 'datapoints-to-alarm',
  comparison: 'comparison',
  treatMissing: 'treat-missing',
  name: 'name',
  description: 'description',
  region: 'region',
  topic: 'topic-arn',
  metric: 'class',
};

/** Days of history: a positive number up to CloudWatch's 455 days. */
const DaysSchema = z.number({ error: 'must be a number of days.' }).positive({ error: 'must be more than zero.' }).max(455, { error: 'CloudWatch keeps at most 455 days.' });

type Flags = Record<string, string | boolean | string[] | undefined>;

/** The CLI's default period (5 minutes), as documented for `usage` and `alarm backtest`. */
const DEFAULT_CLI_PERIOD = 300;

/** Plan the query window before any client exists; a window CloudWatch cannot answer names --period. */
function planOrExit(...args: Parameters<typeof planHistoryWindow>): ReturnType<typeof planHistoryWindow> {
  try {
    return planHistoryWindow(...args);
  } catch (err) {
    if (err instanceof AppError && err.field === 'period') throw new AppError('InvalidInput', `--period: ${err.message}`, '--period');
    if (err instanceof AppError && err.field === 'region') throw new AppError('InvalidInput', `--region: ${err.message}`, '--region');
    throw err;
  }
}

/** A numeric flag: a number when the text is one, else the raw text so the schema reports it. */
function numberFlag(flags: Flags, flag: string): unknown {
  const raw = flags[flag];
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(raw)) return Number(raw);
  return raw;
}

/** Profile (with its MFA code) and region, validated. */
function baseInput(flags: Flags): { credentials: CredentialFlags; region: string } {
  const credentials = credentialFlags(flags);
  const region = validateWith(RegionSchema, requireFlag(flags, 'region'), { '': 'region' });
  return { credentials, region };
}

/** The history flags, validated: metric, statistic, duration and period. */
function historyInput(flags: Flags): { metric: MetricSpec; stat: Stat; durationSeconds: number; period: number } {
  const days = flags.days === undefined ? 7 : validateWith(DaysSchema, numberFlag(flags, 'days'), { '': 'days' });
  const period = flags.period === undefined ? DEFAULT_CLI_PERIOD : validateWith(AlarmPeriodSchema, numberFlag(flags, 'period'), { '': 'period' });
  const stat = validateWith(StatSchema, flags.stat ?? 'Maximum', { '': 'stat' });
  const usageClass = validateWith(UsageClassSchema, flags.class ?? DEFAULT_USAGE_CLASS, { '': 'class' });
  return { metric: { kind: 'vcpu', usageClass }, stat, durationSeconds: Math.round(days * 86_400), period };
}

function conditionValues(flags: Flags) {
  return {
    threshold: flags.threshold === undefined ? undefined : numberFlag(flags, 'threshold'),
    period: numberFlag(flags, 'period'),
    stat: flags.stat,
    evaluationPeriods: numberFlag(flags, 'evaluation-periods'),
    datapointsToAlarm: numberFlag(flags, 'datapoints-to-alarm'),
    comparison: flags.comparison,
    treatMissing: flags['treat-missing'],
  };
}

const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

/** `onramp usage`: the vCPU metric's history summary. */
const usage: Command = async (argv, io, deps) => {
  const flags = parseFlags(argv, HISTORY_FLAGS);
  const { credentials, region } = baseInput(flags);
  const input = historyInput(flags);
  const now = Date.now();
  planOrExit({ region, ...input }, now); // refuse an unanswerable window before any client exists
  const h = await usageHistory(await deps.aws(credentials, region), { region, ...input }, now);
  for (const note of h.notes) io.stderr(`note: ${note}\n`);
  if (h.quota.note) io.stderr(`note: ${h.quota.note}\n`);
  const json = {
    region: h.region,
    namespace: h.namespace,
    metricName: h.metricName,
    dimensions: h.dimensions,
    period: h.period,
    stat: h.stat,
    points: h.points.length,
    max: h.max,
    maxAt: iso(h.maxAt),
    suggestedThreshold: h.suggestion.value,
    quota: h.quota.value,
  };
  const human = [
    `${h.namespace} ${h.metricName} ${Object.entries(h.dimensions).map(([k, v]) => `${k}=${v}`).join(' ')} in ${region}`,
    `${h.points.length} datapoints (${h.stat}, ${h.period} s) from ${iso(h.start)} to ${iso(h.end)}`,
    `peak: ${h.max === null ? 'none' : `${h.max} at ${iso(h.maxAt)}`}`,
    `quota: ${h.quota.value ?? `unknown (${h.quota.note ?? ''})`}`,
    `suggested threshold: ${h.suggestion.value ?? 'none'} (${h.suggestion.reason})`,
  ].join('\n');
  return { json, human, exitCode: EXIT.ok };
};

/** `onramp alarm backtest`: how often an alarm would have fired over the history. */
const alarmBacktest: Command = async (argv, io, deps) => {
  const flags = parseFlags(argv, BACKTEST_FLAGS);
  const { credentials, region } = baseInput(flags);
  requireFlag(flags, 'threshold');
  const input = historyInput(flags);
  const conditions: AlarmConditions = validateWith(AlarmConditionsSchema, conditionValues(flags), CONDITION_FIELD_TO_FLAG);
  const window = planOrExit({ region, ...input, period: conditions.period, strict: true }, Date.now());
  const aws = await deps.aws(credentials, region);
  const points = await fetchSeries(aws, { region, metric: input.metric, stat: conditions.stat, period: window.period, start: window.start, end: window.end });
  const result = backtest(points, window, conditions);
  const json = {
    threshold: result.threshold,
    evaluations: result.evaluations,
    breaches: result.breaches,
    episodes: result.episodes.map((e) => ({ start: iso(e.start), end: iso(e.end) })),
  };
  const human = [
    `Over ${result.evaluations} evaluations (${points.length} datapoints), this alarm would have fired ${result.breaches} time${result.breaches === 1 ? '' : 's'}.`,
    ...json.episodes.map((e) => `  ${e.start} – ${e.end}`),
  ].join('\n');
  return { json, human, exitCode: EXIT.ok };
};

/** `onramp alarm create`: create or update an alarm with its SNS topic. */
const alarmCreate: Command = async (argv, io, deps) => {
  const flags = parseFlags(argv, CREATE_FLAGS);

  const { credentials } = baseInput(flags);
  requireFlag(flags, 'name');
  requireFlag(flags, 'threshold');
  const topicArn = flags['topic-arn'];
  const newTopic = flags['new-topic'];
  if ((topicArn === undefined) === (newTopic === undefined)) {
    throw new AppError('InvalidInput', 'Give exactly one of --topic-arn ARN or --new-topic NAME.', '--topic-arn');
  }
  const emails = (flags.email as string[] | undefined) ?? [];
  // Check the topic flags one by one so each problem names the flag that caused it.
  if (topicArn !== undefined) validateWith(TopicArnSchema, topicArn, { '': 'topic-arn' });
  if (newTopic !== undefined) {
    validateWith(TopicChoiceSchema.options[1].shape.name, newTopic, { '': 'new-topic' });
    if (emails.length === 0) throw new AppError('InvalidInput', '--email: a new topic needs at least one --email address.', '--email');
  }
  for (const email of emails) validateWith(TopicChoiceSchema.options[1].shape.emails.element, email, { '': 'email' });
  const usageClass = validateWith(UsageClassSchema, flags.class ?? DEFAULT_USAGE_CLASS, { '': 'class' });
  const config = validateWith(
    AlarmConfigSchema,
    {
      region: flags.region,
      name: flags.name,
      description: flags.description,
      metric: { kind: 'vcpu', usageClass },
      ...conditionValues(flags),
      topic: topicArn !== undefined ? { kind: 'existing', arn: topicArn, emails } : { kind: 'new', name: newTopic, emails },
    },
    CONDITION_FIELD_TO_FLAG,
  );
  const result = await createAlarm(await deps.aws(credentials, config.region), config);
  const json = {
    alarmName: result.alarmName,
    alarmArn: result.alarmArn,
    topicArn: result.topicArn,
    subscriptions: result.subscriptions.map((s) => ({ endpoint: s.endpoint, protocol: s.protocol, status: s.status })),
  };
  if (result.subscriptions.some((s) => s.status === 'pending')) {
    io.stderr('note: pending subscriptions must be confirmed from the email AWS sent; AWS deletes unconfirmed ones after 48 hours.\n');
  }
  const human = [
    `${result.updated ? 'Updated' : 'Created'} alarm ${result.alarmName}`,
    `  ${result.alarmArn}`,
    `topic ${result.topicArn}${result.topicCreated ? ' (new)' : ''}`,
    ...json.subscriptions.map((s) => `  ${s.protocol} ${s.endpoint}: ${s.status}`),
  ].join('\n');
  return { json, human, exitCode: EXIT.ok };
};

/** `onramp alarms`: the alarms on the watched metrics in a region. */
const alarms: Command = async (argv, io, deps) => {
  const flags = parseFlags(argv, BASE_FLAGS);
  const { credentials, region } = baseInput(flags);
  const list = await listAlarms(await deps.aws(credentials, region), region);
  const json = list.map((a) => ({
    alarmName: a.alarmName,
    state: a.state,
    threshold: a.threshold,
    period: a.period,
    evaluationPeriods: a.evaluationPeriods,
    datapointsToAlarm: a.datapointsToAlarm,
    topicArns: a.topicArns,
  }));
  const human = list.length
    ? list.map((a) => `${a.state.padEnd(17)} ${a.alarmName}  (> ${a.threshold}, ${a.datapointsToAlarm}/${a.evaluationPeriods} × ${a.period} s)`).join('\n')
    : `No alarms on EC2 vCPU usage or billing in ${region}.`;
  return { json, human, exitCode: EXIT.ok };
};

/** `onramp alarm delete`: delete one alarm by name. */
const alarmDelete: Command = async (argv, io, deps) => {
  const flags = parseFlags(argv, DELETE_FLAGS);
  const { credentials, region } = baseInput(flags);
  const name = validateWith(AlarmConfigSchema.shape.name, requireFlag(flags, 'name'), { '': 'name' });
  const result = await deleteAlarm(await deps.aws(credentials, region), region, name);
  return { json: result, human: `Deleted alarm ${result.alarmName}.`, exitCode: EXIT.ok };
};

/** `onramp usage`, `onramp alarm backtest|create|delete`, `onramp alarms`. */
export const monitoringCommands: Record<string, CommandEntry> = {
  usage: { summary: 'EC2 vCPU usage history: peak, quota, suggested threshold', flags: HISTORY_FLAGS, run: usage },
  'alarm backtest': { summary: 'How often an alarm would have fired over past usage', flags: BACKTEST_FLAGS, run: alarmBacktest },
  'alarm create': { summary: 'Create or update a vCPU usage alarm with an SNS email topic', flags: CREATE_FLAGS, run: alarmCreate },
  alarms: { summary: 'List alarms on EC2 vCPU usage and billing', flags: BASE_FLAGS, run: alarms },
  'alarm delete': { summary: 'Delete an alarm', flags: DELETE_FLAGS, run: alarmDelete },
};
