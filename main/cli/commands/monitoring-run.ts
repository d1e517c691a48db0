import { z } from 'zod';
import { RegionSchema } from '../../../shared/contract/common';
import { AppError } from '../../../shared/errors';
import {
  AlarmConditionsSchema,
  AlarmConfigSchema,
  AlarmEmailSchema,
  AlarmNameSchema,
  AlarmPeriodSchema,
  defaultAlarmPeriodFor,
  TopicArnSchema,
  TopicChoiceSchema,
  type AlarmConditions,
} from '../../../shared/monitoring/alarm-config';
import { parseNotifyOn, parseTypedNumber, splitEmails, type NotifyOn } from '../../../shared/monitoring/alarm-inputs';
import { backtest } from '../../../shared/monitoring/backtest';
import { ALL_USAGE_CLASSES, BILLING_REGION, DEFAULT_USAGE_CLASS, StatSchema, summedClassesLabel, UsageClassChoiceSchema, usageClassLabel, type MetricSpec, type Stat } from '../../../shared/monitoring/metric';
import { SUPPORTED_REGIONS, type SupportedRegion } from '../../../shared/regions';
import { numberField } from '../../../shared/validation/numbers';
import { planHistoryWindow } from '../../core/monitoring/history-window';
import { parseFlags, requireFlag, validateWith } from '../args';
import { runCancellable } from '../cancel';
import { credentialFlags, type CredentialFlags } from '../deps';
import { EXIT } from '../io';
import { ALARMS_FLAGS, HISTORY_FLAGS, BACKTEST_FLAGS, CREATE_FLAGS, DELETE_FLAGS } from './monitoring';
import type { AlarmSummary, UsageHistory } from '../../core/monitoring';
import type { Command } from './index';

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
  regions: 'region',
  topic: 'topic-arn',
  'topic.arn': 'topic-arn',
  'topic.name': 'new-topic',
  'topic.emails': 'email',
  metric: 'class',
  notifyOn: 'notify-on',
};

/** Days of history: a positive number up to CloudWatch's 455 days. */
const DaysSchema = numberField('Days', 'a number of days')
  .positive({ error: 'Days is too small: more than zero.' })
  .max(455, { error: 'Days is too large: CloudWatch keeps at most 455 days.' });

type Flags = Record<string, string | boolean | string[] | undefined>;

// The monitoring core (and with it the CloudWatch and SNS clients) loads when a monitoring command runs,
// not when any command starts.
const core = () => import('../../core/monitoring');

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

/** A numeric flag: a number when the text is one (thousands separators allowed), else the raw text so the schema reports it. */
function numberFlag(flags: Flags, flag: string): unknown {
  const raw = flags[flag];
  if (typeof raw !== 'string') return raw;
  return parseTypedNumber(raw);
}

/** Profile and one region, validated. */
function baseInput(flags: Flags): { credentials: CredentialFlags; region: SupportedRegion } {
  const credentials = credentialFlags(flags);
  const region = validateWith(RegionSchema, requireFlag(flags, 'region'), { '': 'region' });
  return { credentials, region };
}

/** `--region us-east-1,us-west-2` or `--region all`: the regions, each once, in the order given. */
function regionsFlag(flags: Flags): SupportedRegion[] {
  const raw = requireFlag(flags, 'region').trim();
  if (raw.toLowerCase() === 'all') return [...SUPPORTED_REGIONS];
  const parts = raw.split(/[\s,]+/).filter(Boolean);
  const regions = parts.map((r) => validateWith(RegionSchema, r, { '': 'region' }));
  if (new Set(regions).size !== regions.length) throw new AppError('InvalidInput', '--region: each region may be given only once.', '--region');
  return regions;
}

/** `--metric` and `--class`: the metric spec. Billing takes no class and exists only in us-east-1. */
function metricInput(flags: Flags, regions: readonly string[]): MetricSpec {
  const kind = validateWith(z.enum(['vcpu', 'billing'], { error: 'must be vcpu or billing.' }), flags.metric ?? 'vcpu', { '': 'metric' });
  if (kind === 'billing') {
    if (flags.class !== undefined) throw new AppError('InvalidInput', '--class: the billing metric has no usage class; leave --class out.', '--class');
    const elsewhere = regions.find((r) => r !== BILLING_REGION);
    if (elsewhere) throw new AppError('InvalidInput', `--region: billing metrics exist only in us-east-1, not ${elsewhere}.`, '--region');
    return { kind: 'billing' };
  }
  const usageClass = validateWith(UsageClassChoiceSchema, flags.class ?? DEFAULT_USAGE_CLASS, { '': 'class' });
  return { kind: 'vcpu', usageClass };
}

/** The period flag, or the metric's default (5 minutes; 6 hours for billing). */
function periodInput(flags: Flags, metric: MetricSpec): number {
  return flags.period === undefined ? defaultAlarmPeriodFor(metric) : validateWith(AlarmPeriodSchema, numberFlag(flags, 'period'), { '': 'period' });
}

/** The history flags, validated: metric, statistic, duration and period. */
function historyInput(flags: Flags, region: string): { metric: MetricSpec; stat: Stat; durationSeconds: number; period: number } {
  const metric = metricInput(flags, [region]);
  const days = flags.days === undefined ? 7 : validateWith(DaysSchema, numberFlag(flags, 'days'), { '': 'days' });
  const period = periodInput(flags, metric);
  const stat = validateWith(StatSchema, flags.stat ?? 'Maximum', { '': 'stat' });
  return { metric, stat, durationSeconds: Math.round(days * 86_400), period };
}

function conditionValues(flags: Flags, period: number) {
  return {
    threshold: flags.threshold === undefined ? undefined : numberFlag(flags, 'threshold'),
    period,
    stat: flags.stat,
    evaluationPeriods: numberFlag(flags, 'evaluation-periods'),
    datapointsToAlarm: numberFlag(flags, 'datapoints-to-alarm'),
    comparison: flags.comparison,
    treatMissing: flags['treat-missing'],
  };
}

const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
const isAll = (metric: MetricSpec) => metric.kind === 'vcpu' && metric.usageClass === ALL_USAGE_CLASSES;

/** `onramp usage`: the metric's history summary (with --org, of every rolled-out account through its monitoring role). */
export const usage: Command = async (argv, io, deps) => {
  const flags = parseFlags(argv, HISTORY_FLAGS);
  const { credentials, region } = baseInput(flags);
  const input = historyInput(flags, region);
  const now = Date.now();
  planOrExit({ region, ...input }, now); // refuse an unanswerable window before any client exists
  const { usageHistory } = await core();
  const describe = (h: UsageHistory) => {
    const json = {
      region: h.region,
      namespace: h.namespace,
      metricName: h.metricName,
      dimensions: h.dimensions,
      ...(isAll(input.metric) ? { classes: h.classes } : {}),
      period: h.period,
      stat: h.stat,
      points: h.points.length,
      max: h.max,
      maxAt: iso(h.maxAt),
      suggestedThreshold: h.suggestion.value,
      quota: h.quota.value,
    };
    const what = isAll(input.metric) ? `${usageClassLabel('all')}: ${summedClassesLabel(h.classes)}` : Object.entries(h.dimensions).map(([k, v]) => `${k}=${v}`).join(' ');
    const human = [
      `${h.namespace} ${h.metricName} ${what} in ${region}`,
      `${h.points.length} datapoints (${h.stat}, ${h.period} s) from ${iso(h.start)} to ${iso(h.end)}`,
      `peak: ${h.max === null ? 'none' : `${h.max} at ${iso(h.maxAt)}`}`,
      `quota: ${h.quota.value ?? `unknown (${h.quota.note ?? ''})`}`,
      `suggested threshold: ${h.suggestion.value ?? 'none'} (${h.suggestion.reason})`,
    ].join('\n');
    return { json, human };
  };
  if (flags.org === true) {
    const { readEveryAccount, perAccountOutput } = await import('./org-monitoring-run');
    const rows = await readEveryAccount(await deps.aws(credentials, region), region, async (aws) => describe(await usageHistory(aws, { region, ...input }, now)));
    return perAccountOutput(region, rows);
  }
  const h = await usageHistory(await deps.aws(credentials, region), { region, ...input }, now);
  for (const note of h.notes) io.stderr(`note: ${note}\n`);
  if (h.quota.note && input.metric.kind === 'vcpu') io.stderr(`note: ${h.quota.note}\n`);
  const { json, human } = describe(h);
  return { json, human, exitCode: EXIT.ok };
};

/** `onramp alarm backtest`: how often an alarm would have fired over the history, evaluated as CloudWatch does. */
export const alarmBacktest: Command = async (argv, io, deps) => {
  const flags = parseFlags(argv, BACKTEST_FLAGS);
  const { credentials, region } = baseInput(flags);
  requireFlag(flags, 'threshold');
  const input = historyInput(flags, region);
  const conditions: AlarmConditions = validateWith(AlarmConditionsSchema, conditionValues(flags, input.period), CONDITION_FIELD_TO_FLAG);
  const window = planOrExit({ region, ...input, period: conditions.period, strict: true }, Date.now());
  const aws = await deps.aws(credentials, region);
  const { fetchUsage } = await core();
  const { points, classes } = await fetchUsage(aws, { region, metric: input.metric, stat: conditions.stat, period: window.period, start: window.start, end: window.end });
  const result = backtest(points, window, conditions);
  const json = {
    ...(isAll(input.metric) ? { classes } : {}),
    threshold: result.threshold,
    evaluations: result.evaluations,
    breaches: result.breaches,
    episodes: result.episodes.map((e) => ({ start: iso(e.start), end: iso(e.end) })),
    timeline: result.timeline.map((e) => ({ t: iso(e.t), state: e.state })),
  };
  const insufficient = result.timeline.filter((e) => e.state === 'INSUFFICIENT_DATA').length;
  const human = [
    ...(isAll(input.metric) ? [`${usageClassLabel('all')}: ${summedClassesLabel(classes)}`] : []),
    `Over ${result.evaluations} evaluations (${points.length} datapoints), this alarm would have fired ${result.breaches} time${result.breaches === 1 ? '' : 's'}.`,
    ...json.episodes.map((e) => `  ALARM ${e.start} – ${e.end}`),
    ...(insufficient ? [`${insufficient} evaluation${insufficient === 1 ? '' : 's'} would have been INSUFFICIENT_DATA (no data in the whole evaluation range).`] : []),
  ].join('\n');
  return { json, human, exitCode: EXIT.ok };
};

/** `onramp alarm create`: create or update an alarm with its SNS topic, in one region or several (all or nothing). */
export const alarmCreate: Command = async (argv, io, deps) => {
  const flags = parseFlags(argv, CREATE_FLAGS);
  const credentials = credentialFlags(flags);
  const regions = regionsFlag(flags);
  requireFlag(flags, 'name');
  requireFlag(flags, 'threshold');
  const topicArn = flags['topic-arn'];
  const newTopic = flags['new-topic'];
  if ((topicArn === undefined) === (newTopic === undefined)) {
    throw new AppError('InvalidInput', 'Give exactly one of --topic-arn ARN or --new-topic NAME.', '--topic-arn');
  }
  const emails = ((flags.email as string[] | undefined) ?? []).flatMap(splitEmails);
  // Check the topic flags one by one so each problem names the flag that caused it.
  if (topicArn !== undefined) validateWith(TopicArnSchema, topicArn, { '': 'topic-arn' });
  if (newTopic !== undefined) {
    validateWith(TopicChoiceSchema.options[1].shape.name, newTopic, { '': 'new-topic' });
    if (emails.length === 0) throw new AppError('InvalidInput', '--email: a new topic needs at least one --email address.', '--email');
  }
  for (const email of emails) validateWith(AlarmEmailSchema, email, { '': 'email' });
  let notifyOn: NotifyOn[] = ['alarm'];
  if (flags['notify-on'] !== undefined) {
    const parsed = parseNotifyOn(String(flags['notify-on']));
    if (!parsed.ok) throw new AppError('InvalidInput', `--notify-on: ${parsed.message}`, '--notify-on');
    notifyOn = parsed.value;
  }
  const metric = metricInput(flags, regions);
  const config = validateWith(
    AlarmConfigSchema,
    {
      regions,
      name: flags.name,
      description: flags.description,
      metric,
      ...conditionValues(flags, periodInput(flags, metric)),
      topic: topicArn !== undefined ? { kind: 'existing', arn: topicArn, emails } : { kind: 'new', name: newTopic, emails },
      notifyOn,
    },
    CONDITION_FIELD_TO_FLAG,
  );
  const { createAlarm } = await core();
  const cancel = {
    cancelling: 'cancelling — finishing the step in flight, then undoing what this run made in every region (Ctrl-C again to quit now).',
    quitting: 'quit before undoing finished; run "onramp alarms" in each region to see what is left.',
  };
  const result = await runCancellable(io, cancel, (runs) =>
    runs.start({ kind: 'alarm-create', subject: config.name, fields: {}, work: async (run) => createAlarm(await deps.aws(credentials, config.regions[0]), config, { signal: run.signal }) }),
  );
  const first = result.regions[0]!;
  const subs = (list: typeof first.subscriptions) => list.map((s) => ({ endpoint: s.endpoint, protocol: s.protocol, status: s.status }));
  const json = {
    alarmName: result.alarmName,
    alarmArn: first.alarmArn,
    topicArn: first.topicArn,
    subscriptions: subs(first.subscriptions),
    notifyOn: result.notifyOn,
    regions: result.regions.map((r) => ({ region: r.region, alarmArn: r.alarmArn, topicArn: r.topicArn, updated: r.updated, topicCreated: r.topicCreated, subscriptions: subs(r.subscriptions) })),
  };
  if (result.regions.some((r) => r.subscriptions.some((s) => s.status === 'pending'))) {
    io.stderr('note: pending subscriptions must be confirmed from the email AWS sent (one per region for each address); AWS deletes unconfirmed ones after 48 hours.\n');
  }
  const human = [
    `${result.regions.every((r) => r.updated) ? 'Updated' : result.regions.some((r) => r.updated) ? 'Created or updated' : 'Created'} alarm ${result.alarmName} in ${result.regions.map((r) => r.region).join(', ')}`,
    `notifies on: ${result.notifyOn.map((n) => (n === 'insufficient-data' ? 'INSUFFICIENT_DATA' : n.toUpperCase())).join(', ')}`,
    ...result.regions.flatMap((r) => [
      `${r.region}: ${r.alarmArn}`,
      `  topic ${r.topicArn}${r.topicCreated ? ' (new)' : ''}`,
      ...r.subscriptions.map((s) => `    ${s.protocol} ${s.endpoint}: ${s.status}`),
    ]),
  ].join('\n');
  return { json, human, exitCode: EXIT.ok };
};

/** `onramp alarms`: the alarms on the watched metrics in a region (with --org, in every rolled-out account). */
export const alarms: Command = async (argv, io, deps) => {
  const flags = parseFlags(argv, ALARMS_FLAGS);
  const { credentials, region } = baseInput(flags);
  const { listAlarms } = await core();
  const describe = (list: AlarmSummary[]) => {
    const json = list.map((a) => ({
      alarmName: a.alarmName,
      state: a.state,
      threshold: a.threshold,
      period: a.period,
      evaluationPeriods: a.evaluationPeriods,
      datapointsToAlarm: a.datapointsToAlarm,
      topicArns: a.topicArns,
      notifyOn: a.notifyOn,
      metric: a.metric,
    }));
    const human = list.length
      ? list.map((a) => `${a.state.padEnd(17)} ${a.alarmName}  (> ${a.threshold}, ${a.datapointsToAlarm}/${a.evaluationPeriods} × ${a.period} s)`).join('\n')
      : `No alarms on EC2 vCPU usage or billing in ${region}.`;
    return { json, human };
  };
  if (flags.org === true) {
    const { readEveryAccount, perAccountOutput } = await import('./org-monitoring-run');
    const rows = await readEveryAccount(await deps.aws(credentials, region), region, async (aws) => describe(await listAlarms(aws, region)));
    return perAccountOutput(region, rows);
  }
  const { json, human } = describe(await listAlarms(await deps.aws(credentials, region), region));
  return { json, human, exitCode: EXIT.ok };
};

/** `onramp alarm delete`: delete an alarm wherever it exists in the regions given; say where it did not, and what became of its topics. */
export const alarmDelete: Command = async (argv, io, deps) => {
  const flags = parseFlags(argv, DELETE_FLAGS);
  const credentials = credentialFlags(flags);
  const regions = regionsFlag(flags);
  const name = validateWith(AlarmNameSchema, requireFlag(flags, 'name'), { '': 'name' });
  const { deleteAlarmEverywhere } = await core();
  const result = await deleteAlarmEverywhere(await deps.aws(credentials, regions[0]!), regions, name, { deleteTopic: flags['delete-topic'] === true });
  const topicLine = (t: (typeof result.topics)[number]) => `  topic ${t.topicArn}: ${t.status === 'deleted' ? 'deleted' : 'kept'} — ${t.reason}`;
  const human = [
    result.deletedIn.length ? `Deleted alarm ${name} in ${result.deletedIn.join(', ')}.` : `Alarm ${name} was not deleted anywhere.`,
    ...(result.notFoundIn.length ? [`No alarm ${name} in ${result.notFoundIn.join(', ')}.`] : []),
    ...result.failed.map((f) => `Could not delete it in ${f.region}: ${f.message}`),
    ...result.topics.map(topicLine),
  ].join('\n');
  return { json: result, human, exitCode: result.failed.length ? EXIT.aws : EXIT.ok };
};
