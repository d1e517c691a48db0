import {
  DeleteAlarmsCommand,
  paginateDescribeAlarms,
  PutMetricAlarmCommand,
  SetAlarmStateCommand,
  type MetricAlarm,
  type PutMetricAlarmCommandInput,
} from '@aws-sdk/client-cloudwatch';
import type { AlarmSummary, CreateAlarmResult, RegionalAlarmResult } from '../../../shared/contract/alarms';
import { AppError } from '../../../shared/errors';
import type { AlarmConfig, RegionalAlarmConfig } from '../../../shared/monitoring/alarm-config';
import type { SupportedRegion } from '../../../shared/regions';
import type { AwsContext } from '../aws/context';
import { RolledBackError, toAppError } from '../aws/errors';
import { putAlarmInput, restoreInput, sameDefinition, summariseAlarm } from './alarm-definition';
import { checkpoint, isCancelled, type RunOptions } from '../run/checkpoint';
import { ensureTopic, planTopic, undoTopicChanges, type TopicJournal, type TopicPlan } from './topics';

export type { AlarmSummary, CreateAlarmResult } from '../../../shared/contract/alarms';

const PAGES = { stopOnSameToken: true } as const;

async function describe(aws: AwsContext, region: string, names?: string[], opts: RunOptions = {}): Promise<MetricAlarm[]> {
  const cw = await aws.cloudwatch(region);
  const alarms: MetricAlarm[] = [];
  try {
    for await (const page of paginateDescribeAlarms({ client: cw, ...PAGES }, { AlarmNames: names, AlarmTypes: ['MetricAlarm'] }, { abortSignal: opts.signal })) {
      alarms.push(...(page.MetricAlarms ?? []));
    }
  } catch (err) {
    throw toAppError(err, `CloudWatch DescribeAlarms in ${region}`);
  }
  return alarms;
}

/** The alarm of that name in a region as DescribeAlarms reports it, or undefined. */
async function find(aws: AwsContext, region: string, name: string, opts: RunOptions = {}): Promise<MetricAlarm | undefined> {
  return (await describe(aws, region, [name], opts)).find((a) => a.AlarmName === name);
}

/** The alarms in a region that watch EC2 vCPU usage (one class or all) or the billing metric, by name. */
export async function listAlarms(aws: AwsContext, region: string, opts: RunOptions = {}): Promise<AlarmSummary[]> {
  const out: AlarmSummary[] = [];
  for (const a of await describe(aws, region, undefined, opts)) {
    const summary = summariseAlarm(a);
    if (summary) out.push(summary);
  }
  return out.sort((a, b) => a.alarmName.localeCompare(b.alarmName));
}

/** One alarm by name, or a NotFound error. */
export async function getAlarm(aws: AwsContext, region: string, name: string): Promise<MetricAlarm> {
  const found = await find(aws, region, name);
  if (!found) throw new AppError('NotFound', `No alarm named "${name}" in ${region}.`, 'name');
  return found;
}

/** What one region's part of a create changed, so it can be undone exactly. */
interface RegionRun {
  region: SupportedRegion;
  /** The full definition before this run, or undefined when there was no alarm of that name. */
  previous: MetricAlarm | undefined;
  topicPlan: TopicPlan;
  topic: TopicJournal;
  topicArn?: string;
  /** The PutMetricAlarm this run sent (or was about to send), once it was sent. */
  put?: PutMetricAlarmCommandInput;
  result?: RegionalAlarmResult;
}

/** An alarm create that failed or was cancelled and undid what it could; `rolledBack` lists what was undone. */
export class AlarmRunError extends RolledBackError {
  constructor(code: 'RolledBack' | 'Cancelled', message: string, rolledBack: string[], cause: AppError) {
    super(message, rolledBack, cause, [], code);
  }
}

/**
 * Create the alarm in every region of the config, or update it in place where one of that name
 * exists (PutMetricAlarm replaces) — all or nothing. First every region is checked without changing
 * anything (the previous definition is kept in full; a "new" topic name taken by a topic Onramp did
 * not make is a Conflict). Then region by region: the topic is made ready (created or reused, emails
 * subscribed once), the alarm put, and its definition read back. If any step fails, or the run is
 * cancelled (it stops after the step in flight), everything this run changed in every region is
 * undone and the error says what was undone and which definition is in place now.
 */
export async function createAlarm(aws: AwsContext, config: AlarmConfig, opts: RunOptions = {}): Promise<CreateAlarmResult> {
  const runs: RegionRun[] = [];
  // 1. Read-only preflight, every region before any change.
  try {
    for (const region of config.regions) {
      checkpoint(opts);
      const previous = await find(aws, region, config.name, opts);
      const topicPlan = await planTopic(aws, region, config.topic, opts);
      runs.push({ region, previous, topicPlan, topic: { subscribed: [] } });
    }
  } catch (err) {
    throw opts.signal?.aborted ? new AppError('Cancelled', 'Cancelled before anything was changed.') : toAppError(err);
  }
  // 2. Apply region by region.
  let failedAt: RegionRun | undefined;
  try {
    for (const run of runs) {
      failedAt = run;
      await applyRegion(aws, { ...withoutRegions(config), region: run.region }, run, opts);
    }
  } catch (err) {
    const cause = opts.signal?.aborted || isCancelled(err) ? new AppError('Cancelled', 'Cancelled.') : toAppError(err, failedAt ? `in ${failedAt.region}` : undefined);
    throw await undoRuns(aws, config, runs, cause, failedAt);
  }
  return { alarmName: config.name, notifyOn: config.notifyOn, regions: runs.map((r) => r.result!) };
}

function withoutRegions(config: AlarmConfig): Omit<AlarmConfig, 'regions'> {
  const { regions: _regions, ...rest } = config;
  return rest;
}

/** One region: topic ready, alarm put, definition read back. Every change is recorded in `run` before it is made. */
async function applyRegion(aws: AwsContext, config: RegionalAlarmConfig, run: RegionRun, opts: RunOptions): Promise<void> {
  const topic = await ensureTopic(aws, run.region, config.topic, run.topic, opts, run.topicPlan);
  run.topicArn = topic.topicArn;
  checkpoint(opts);
  const input = putAlarmInput(config, topic.topicArn);
  run.put = input;
  const cw = await aws.cloudwatch(run.region);
  try {
    // Never aborted in flight: the answer (or its loss) decides what must be undone.
    await cw.send(new PutMetricAlarmCommand(input));
  } catch (err) {
    throw toAppError(err, `CloudWatch PutMetricAlarm ${config.name}`);
  }
  const saved = await find(aws, run.region, config.name);
  if (!saved) throw new AppError('AwsError', `CloudWatch accepted alarm ${config.name} in ${run.region} but does not list it.`);
  run.result = {
    region: run.region,
    alarmArn: saved.AlarmArn ?? '',
    topicArn: topic.topicArn,
    updated: Boolean(run.previous),
    topicCreated: topic.created,
    subscriptions: topic.subscriptions,
  };
}

/** Which definition an alarm is in after an undo, in words that can stand next to what was undone. */
type InPlace = 'previous' | 'none' | 'new' | 'other' | 'unknown';

/**
 * Undo one region: the alarm goes back to exactly its previous definition (or is deleted if this run
 * made it), checked by reading it back, then the topic changes are undone.
 */
async function undoRegion(aws: AwsContext, name: string, run: RegionRun): Promise<{ undone: string[]; problems: string[]; notes: string[]; inPlace: InPlace | null }> {
  const undone: string[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  let inPlace: InPlace | null = null;
  if (run.put) {
    const cw = await aws.cloudwatch(run.region);
    try {
      const now = await find(aws, run.region, name);
      if (!run.previous) {
        if (now) await cw.send(new DeleteAlarmsCommand({ AlarmNames: [name] })).catch(() => undefined);
        const after = now ? await find(aws, run.region, name) : undefined;
        if (after) {
          inPlace = sameDefinition(after, run.put) ? 'new' : 'other';
          problems.push(`alarm ${name} in ${run.region} (delete it with: onramp alarm delete --region ${run.region} --name ${name})`);
        } else {
          inPlace = 'none';
          if (now) undone.push(`alarm ${name} in ${run.region}`);
        }
      } else {
        if (!now || !sameDefinition(now, run.previous)) {
          // The answer of a restore can be lost too: whatever it said, the read-back decides.
          await cw.send(new PutMetricAlarmCommand(restoreInput(run.previous))).catch(() => undefined);
        }
        const after = await find(aws, run.region, name);
        if (after && sameDefinition(after, run.previous)) {
          inPlace = 'previous';
          if (!now || !sameDefinition(now, run.previous)) undone.push(`alarm ${name} in ${run.region} (previous definition restored)`);
        } else {
          inPlace = after ? (sameDefinition(after, run.put) ? 'new' : 'other') : 'none';
          problems.push(`alarm ${name} in ${run.region}: its previous definition could not be restored`);
        }
      }
    } catch (err) {
      inPlace = 'unknown';
      problems.push(`alarm ${name} in ${run.region}: ${toAppError(err).message}`);
    }
  }
  try {
    const r = await undoTopicChanges(aws, run.region, run.topicArn ?? run.topicPlan.topicArn ?? undefined, run.topic);
    undone.push(...r.undone.map((u) => `${u} in ${run.region}`));
    notes.push(...r.notes);
  } catch (err) {
    problems.push(`topic changes in ${run.region}: ${toAppError(err).message}`);
  }
  return { undone, problems, notes, inPlace };
}

function inPlaceSentence(name: string, region: string, inPlace: InPlace, previous: boolean): string {
  switch (inPlace) {
    case 'previous':
      return `In ${region}, alarm ${name} has its previous definition, as before this run.`;
    case 'none':
      return previous ? `In ${region}, alarm ${name} no longer exists.` : `In ${region}, there is no alarm ${name}, as before this run.`;
    case 'new':
      return `In ${region}, alarm ${name} has the NEW definition this run tried to set.`;
    case 'other':
      return `In ${region}, alarm ${name} has a definition that is neither the previous one nor the new one; check it in the CloudWatch console.`;
    case 'unknown':
      return `In ${region}, alarm ${name} could not be read back, so its definition is unknown; check it in the CloudWatch console.`;
  }
}

/**
 * Undo every region this run touched (the failed one first), and return the error to throw: the
 * original error when nothing had changed anywhere, else RolledBack (or Cancelled) saying what failed,
 * what was undone, what could not be, and which definition is in place in each region.
 */
async function undoRuns(aws: AwsContext, config: AlarmConfig, runs: RegionRun[], cause: AppError, failedAt: RegionRun | undefined): Promise<AppError> {
  const touched = runs.filter((r) => r.put || r.topic.createdTopicArn || r.topic.subscribed.length > 0);
  const order = [...touched].reverse();
  const undone: string[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  const inPlace: string[] = [];
  for (const run of order) {
    const r = await undoRegion(aws, config.name, run);
    undone.push(...r.undone);
    problems.push(...r.problems);
    notes.push(...r.notes);
    if (r.inPlace) inPlace.push(inPlaceSentence(config.name, run.region, r.inPlace, Boolean(run.previous)));
  }
  const cancelled = cause.code === 'Cancelled';
  // Nothing needed undoing: the original error (with its code and field) says what happened, and
  // where a write was attempted, which definition is in place.
  if (!cancelled && undone.length === 0 && problems.length === 0 && notes.length === 0) {
    return inPlace.length ? new AppError(cause.code, [cause.message, ...inPlace].join(' '), cause.field) : cause;
  }
  const where = failedAt && config.regions.length > 1 ? ` in ${failedAt.region}` : '';
  const parts = [
    cancelled ? `Creating alarm ${config.name} was cancelled.` : `Creating alarm ${config.name} failed${where}: ${cause.message}`,
    ...(undone.length ? [`Undid: ${undone.join(', ')}.`] : touched.length === 0 ? ['Nothing had been changed.'] : []),
    ...notes.map((n) => `Note: ${n}.`),
    ...(problems.length ? [`Could not undo: ${problems.join('; ')} — finish by hand.`] : []),
    ...inPlace,
  ];
  if (cancelled) return new AlarmRunError('Cancelled', parts.join(' '), undone, cause);
  return new AlarmRunError('RolledBack', parts.join(' '), undone, cause);
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
export async function sendTestNotification(aws: AwsContext, region: string, name: string, now: number): Promise<{ alarmName: string; state: 'ALARM' }> {
  await getAlarm(aws, region, name);
  const cw = await aws.cloudwatch(region);
  try {
    await cw.send(
      new SetAlarmStateCommand({
        AlarmName: name,
        StateValue: 'ALARM',
        StateReason: `Test notification sent from Onramp at ${new Date(now).toISOString()}; the alarm returns to its real state at its next evaluation.`,
      }),
    );
  } catch (err) {
    throw toAppError(err, `CloudWatch SetAlarmState ${name}`);
  }
  return { alarmName: name, state: 'ALARM' };
}
