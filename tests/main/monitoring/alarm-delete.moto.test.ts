/**
 * `onramp alarm delete --region R1,R2|all` deletes the alarm wherever it exists and says where it
 * did not; `--delete-topic` also deletes the SNS topic Onramp created for it when no other alarm uses
 * it, never a topic Onramp did not create (issue 19.4). Real CLI processes against moto; what is left
 * is read back with boto3.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateTopicCommand } from '@aws-sdk/client-sns';
import type { AwsContext } from '../../../main/core/aws/context';
import { createAlarm, planAlarmDelete } from '../../../main/core/monitoring';
import { contextForProfile } from '../../../main/core/profiles/session';
import type { AlarmConfig } from '../../../shared/monitoring/alarm-config';
import { boto3 } from '../../helpers/boto3';
import { cli } from '../../helpers/cli';
import { type AwsTestEnv, useMoto } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { HAS_BOTO3 } from '../../helpers/python';

const P = ['--profile', 'default'];

describe.skipIf(!HAS_MOTO || !HAS_BOTO3)('alarm delete across regions, with its topic, against moto', () => {
  const moto = useMoto();
  let env: AwsTestEnv;
  let aws: AwsContext;

  beforeAll(async () => {
    env = moto.env();
    aws = await contextForProfile({ profile: 'default', env, region: 'us-east-1' });
  });

  const config = (over: Partial<AlarmConfig>): AlarmConfig => ({
    regions: ['us-east-1', 'us-west-2'],
    name: 'x',
    description: '',
    metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' },
    stat: 'Maximum',
    threshold: 100,
    comparison: 'gt',
    period: 300,
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    treatMissing: 'missing',
    topic: { kind: 'new', name: 'x', emails: ['ops@example.com', 'lead@example.com'] },
    notifyOn: ['alarm'],
    ...over,
  });

  /** Alarm names and topics (with their tags and subscription counts) per region, read by boto3. */
  const observed = async () =>
    (await boto3(
      env,
      [
        'out = {}',
        "for r in ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2']:",
        "    cw = boto3.Session(profile_name='default', region_name=r).client('cloudwatch')",
        "    sns = boto3.Session(profile_name='default', region_name=r).client('sns')",
        "    topics = {}",
        "    for t in sns.list_topics()['Topics']:",
        "        arn = t['TopicArn']",
        "        tags = {x['Key']: x['Value'] for x in sns.list_tags_for_resource(ResourceArn=arn)['Tags']}",
        "        topics[arn.split(':')[-1]] = {'tags': tags, 'subscriptions': len(sns.list_subscriptions_by_topic(TopicArn=arn)['Subscriptions'])}",
        "    out[r] = {'alarms': sorted(a['AlarmName'] for a in cw.describe_alarms()['MetricAlarms']), 'topics': topics}",
      ].join('\n'),
    )) as Record<string, { alarms: string[]; topics: Record<string, { tags: Record<string, string>; subscriptions: number }> }>;

  it('a topic Onramp creates carries its tags, which is how delete knows it is Onramp\'s', async () => {
    await createAlarm(aws, config({ name: 'tagged', regions: ['us-east-2'], topic: { kind: 'new', name: 'tagged-topic', emails: ['ops@example.com'] } }));
    expect((await observed())['us-east-2']!.topics['tagged-topic']!.tags).toEqual({ 'managed-by': 'onramp', 'onramp:purpose': 'alarm-notifications' });
  });

  it('--region all deletes the alarm in both regions it exists in, says where it did not, and keeps the topic without --delete-topic', async () => {
    await createAlarm(aws, config({ name: 'everywhere', topic: { kind: 'new', name: 'everywhere-topic', emails: ['ops@example.com', 'lead@example.com'] } }));
    const r = await cli(['alarm', 'delete', ...P, '--region', 'all', '--name', 'everywhere', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ alarmName: 'everywhere', deletedIn: ['us-east-1', 'us-west-2'], notFoundIn: ['us-east-2', 'us-west-1'], failed: [] });
    expect(r.json.topics.map((t: { region: string; status: string; onramp: boolean }) => [t.region, t.status, t.onramp])).toEqual([
      ['us-east-1', 'kept', true],
      ['us-west-2', 'kept', true],
    ]);
    expect(r.json.topics[0].reason).toMatch(/kept with its 2 subscriptions.*--delete-topic/);
    const seen = await observed();
    for (const region of ['us-east-1', 'us-west-2']) {
      expect(seen[region]!.alarms).not.toContain('everywhere');
      expect(seen[region]!.topics['everywhere-topic']).toMatchObject({ subscriptions: 2 });
    }
    const human = await cli(['alarm', 'delete', ...P, '--region', 'us-east-1,us-west-1', '--name', 'everywhere'], env);
    expect(human.code).toBe(3);
    expect(human.stderr).toMatch(/No alarm named "everywhere" in us-east-1, us-west-1/);
  });

  it('--delete-topic deletes the topic where no other alarm uses it, keeps it where one does, and never touches a topic Onramp did not make', async () => {
    await createAlarm(aws, config({ name: 'shared', topic: { kind: 'new', name: 'shared-topic', emails: ['ops@example.com'] } }));
    // Another alarm in us-east-1 notifies the same topic.
    await createAlarm(aws, config({ name: 'neighbour', regions: ['us-east-1'], topic: { kind: 'existing', arn: 'arn:aws:sns:us-east-1:123456789012:shared-topic', emails: [] } }));
    // And an alarm on a topic someone else made, with no other user.
    const sns = await aws.sns('us-west-2');
    const foreign = (await sns.send(new CreateTopicCommand({ Name: 'their-topic' }))).TopicArn!;
    await createAlarm(aws, config({ name: 'on-theirs', regions: ['us-west-2'], topic: { kind: 'existing', arn: foreign, emails: ['ops@example.com'] } }));

    const plan = await planAlarmDelete(aws, ['us-east-1', 'us-west-2'], 'shared');
    expect(plan.topics.map((t) => [t.region, t.status, t.usedBy])).toEqual([
      ['us-east-1', 'kept', ['neighbour']],
      ['us-west-2', 'deletable', []],
    ]);

    const r = await cli(['alarm', 'delete', ...P, '--region', 'us-east-1,us-west-2', '--name', 'shared', '--delete-topic'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Deleted alarm shared in us-east-1, us-west-2.');
    expect(r.stdout).toMatch(/topic arn:aws:sns:us-east-1:123456789012:shared-topic: kept — still used by alarm "neighbour"/);
    expect(r.stdout).toMatch(/topic arn:aws:sns:us-west-2:123456789012:shared-topic: deleted — deleted with its 1 subscription/);

    const theirs = await cli(['alarm', 'delete', ...P, '--region', 'us-west-2', '--name', 'on-theirs', '--delete-topic', '--json'], env);
    expect(theirs.json.topics).toEqual([expect.objectContaining({ topicArn: foreign, onramp: false, status: 'kept', reason: 'Onramp did not create this topic, so it never deletes it' })]);

    const seen = await observed();
    expect(seen['us-east-1']!.alarms).toEqual(expect.arrayContaining(['neighbour']));
    expect(seen['us-east-1']!.alarms).not.toContain('shared');
    expect(seen['us-east-1']!.topics['shared-topic']).toBeDefined();
    expect(seen['us-west-2']!.topics['shared-topic']).toBeUndefined();
    expect(seen['us-west-2']!.topics['their-topic']).toMatchObject({ subscriptions: 1 });
    expect(seen['us-west-2']!.alarms).not.toContain('on-theirs');
  });
});
