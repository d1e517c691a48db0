/**
 * Deleting an alarm wherever it exists, and what happens to its SNS topics. An alarm made in several
 * regions has an alarm and a topic of the same name in each (alarm-config.ts), so delete looks in
 * every region asked for and says where there was none. A topic is deleted only when asked, only
 * when Onramp created it for alarm notifications (its tags, set at CreateTopic: topics.ts), and only
 * when no other alarm in its region still notifies it; deleting a topic deletes its subscriptions
 * (SNS DeleteTopic: "Deletes a topic and all its subscriptions",
 * https://docs.aws.amazon.com/sns/latest/api/API_DeleteTopic.html). A topic Onramp did not create is
 * never deleted. Other AWS services that publish to a topic (Budgets, EventBridge) cannot be seen
 * from CloudWatch; a topic Onramp made for alarms has no such users unless someone added them.
 */
import { DeleteAlarmsCommand, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import { DeleteTopicCommand } from '@aws-sdk/client-sns';
import type { AlarmDeletePlan, AlarmDeleteResult, AlarmTopic } from '../../../shared/contract/monitoring';
import { AppError } from '../../../shared/errors';
import type { SupportedRegion } from '../../../shared/regions';
import type { AwsContext } from '../aws/context';
import { isNotFound, toAppError } from '../aws/errors';
import { isOnrampTopic, listSubscriptions, topicNameOf } from './topics';

const PAGES = { stopOnSameToken: true } as const;

/** Every alarm in a region (metric and composite) with the SNS topics among its actions. */
async function alarmsWithTopics(aws: AwsContext, region: string): Promise<{ name: string; topics: Set<string> }[]> {
  const cw = await aws.cloudwatch(region);
  const out: { name: string; topics: Set<string> }[] = [];
  try {
    for await (const page of paginateDescribeAlarms({ client: cw, ...PAGES }, { AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] })) {
      for (const a of [...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? [])]) {
        const actions = [...(a.AlarmActions ?? []), ...(a.OKActions ?? []), ...(a.InsufficientDataActions ?? [])];
        out.push({ name: a.AlarmName ?? '', topics: new Set(actions.filter((arn) => arn.startsWith('arn:aws:sns:'))) });
      }
    }
  } catch (err) {
    throw toAppError(err, `CloudWatch DescribeAlarms in ${region}`);
  }
  return out;
}

/** One topic of the alarm: whose it is, who else uses it, and whether Onramp may delete it. */
async function topicFate(aws: AwsContext, region: SupportedRegion, topicArn: string, alarmName: string, others: { name: string; topics: Set<string> }[]): Promise<AlarmTopic> {
  const usedBy = others.filter((a) => a.name !== alarmName && a.topics.has(topicArn)).map((a) => a.name).sort();
  let onramp = false;
  let subscriptions = 0;
  try {
    onramp = await isOnrampTopic(aws, region, topicArn, {});
    subscriptions = (await listSubscriptions(aws, region, topicArn)).length;
  } catch (err) {
    if (isNotFound(err) || toAppError(err).code === 'NotFound') return { region, topicArn, onramp: false, usedBy, subscriptions: 0, status: 'kept', reason: 'the topic no longer exists' };
    throw err;
  }
  const base = { region, topicArn, onramp, usedBy, subscriptions };
  if (!onramp) return { ...base, status: 'kept', reason: 'Onramp did not create this topic, so it never deletes it' };
  if (usedBy.length) return { ...base, status: 'kept', reason: `still used by alarm ${usedBy.map((n) => `"${n}"`).join(', ')}` };
  return { ...base, status: 'deletable', reason: `Onramp created it for alarm notifications and no other alarm uses it; deleting it also deletes its ${subscriptions} subscription${subscriptions === 1 ? '' : 's'}` };
}

/** Where the alarm exists among the regions, and what would happen to each of its topics. Read-only. */
export async function planAlarmDelete(aws: AwsContext, regions: readonly SupportedRegion[], name: string): Promise<AlarmDeletePlan> {
  const foundIn: SupportedRegion[] = [];
  const notFoundIn: SupportedRegion[] = [];
  const topics: AlarmTopic[] = [];
  for (const region of regions) {
    const all = await alarmsWithTopics(aws, region);
    const alarm = all.find((a) => a.name === name);
    if (!alarm) {
      notFoundIn.push(region);
      continue;
    }
    foundIn.push(region);
    for (const topicArn of [...alarm.topics].sort()) topics.push(await topicFate(aws, region, topicArn, name, all));
  }
  return { alarmName: name, foundIn, notFoundIn, topics };
}

/**
 * Delete the alarm in every region where it exists (NotFound when it exists in none of them), then,
 * with `deleteTopic`, each of its topics that Onramp created and no other alarm uses — judged after
 * the alarm is gone. A region that fails is reported with its error and the others still run.
 */
export async function deleteAlarmEverywhere(aws: AwsContext, regions: readonly SupportedRegion[], name: string, opts: { deleteTopic?: boolean } = {}): Promise<AlarmDeleteResult> {
  const deletedIn: SupportedRegion[] = [];
  const notFoundIn: SupportedRegion[] = [];
  const failed: AlarmDeleteResult['failed'] = [];
  const topics: AlarmTopic[] = [];
  for (const region of regions) {
    try {
      const before = await alarmsWithTopics(aws, region);
      const alarm = before.find((a) => a.name === name);
      if (!alarm) {
        notFoundIn.push(region);
        continue;
      }
      const cw = await aws.cloudwatch(region);
      try {
        await cw.send(new DeleteAlarmsCommand({ AlarmNames: [name] }));
      } catch (err) {
        throw toAppError(err, `CloudWatch DeleteAlarms ${name}`);
      }
      deletedIn.push(region);
      if (alarm.topics.size === 0) continue;
      const after = await alarmsWithTopics(aws, region);
      for (const topicArn of [...alarm.topics].sort()) {
        const fate = await topicFate(aws, region, topicArn, name, after);
        if (fate.status !== 'deletable') {
          topics.push(fate);
        } else if (!opts.deleteTopic) {
          topics.push({ ...fate, status: 'kept', reason: `kept with its ${fate.subscriptions} subscription${fate.subscriptions === 1 ? '' : 's'}: Onramp created it and no other alarm uses it now, so it can go too (--delete-topic, or the app's "Also delete the topic")` });
        } else {
          const sns = await aws.sns(region);
          try {
            await sns.send(new DeleteTopicCommand({ TopicArn: topicArn }));
          } catch (err) {
            throw toAppError(err, `SNS DeleteTopic ${topicNameOf(topicArn)}`);
          }
          topics.push({ ...fate, status: 'deleted', reason: `deleted with its ${fate.subscriptions} subscription${fate.subscriptions === 1 ? '' : 's'}` });
        }
      }
    } catch (err) {
      failed.push({ region, message: toAppError(err).message });
    }
  }
  if (deletedIn.length === 0 && failed.length === 0) {
    throw new AppError('NotFound', `No alarm named "${name}" in ${regions.join(', ')}.`, 'name');
  }
  return { alarmName: name, deletedIn, notFoundIn, failed, topics };
}
