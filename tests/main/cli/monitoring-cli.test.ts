/**
 * The monitoring CLI contract (`usage`, `alarm backtest|create|delete`, `alarms`), run as real child
 * processes against moto, and against a bare request counter to prove invalid input sends nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateTopicCommand, ListSubscriptionsByTopicCommand } from '@aws-sdk/client-sns';
import type { AwsContext } from '../../../main/core/aws/context';
import { usageHistory } from '../../../main/core/monitoring';
import { contextForProfile } from '../../../main/core/profiles/session';
import { backtest } from '../../../shared/monitoring/backtest';
import { type AwsTestEnv, useMoto, useRequestCounter } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { P5, seedUsage, twoDaysWithSpikes, type SeededUsage } from '../monitoring/seed';
import { cli } from '../../helpers/cli';

const P = ['--profile', 'default', '--region', 'us-east-1'];
const iso = (t: number) => new Date(t).toISOString();
const sortedKeys = (o: object) => Object.keys(o).sort();

describe('monitoring CLI: invalid input exits 2 and sends no request', () => {
  const counter = useRequestCounter();
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    env = counter.env();
  });

  const create = ['alarm', 'create', ...P, '--name', 'n', '--threshold', '10', '--json'];
  it.each([
    ['usage: unsupported region', ['usage', '--profile', 'default', '--region', 'eu-west-1', '--json'], '--region'],
    ['usage: missing profile', ['usage', '--region', 'us-east-1', '--json'], '--profile'],
    ['usage: period CloudWatch does not accept', ['usage', ...P, '--period', '45', '--json'], '--period'],
    ['usage: non-numeric days', ['usage', ...P, '--days', 'week', '--json'], '--days'],
    ['usage: unknown statistic', ['usage', ...P, '--stat', 'p99', '--json'], '--stat'],
    ['usage: malformed class', ['usage', ...P, '--class', 'Standard', '--json'], '--class'],
    ['backtest: non-numeric threshold', ['alarm', 'backtest', ...P, '--threshold', 'lots', '--json'], '--threshold'],
    ['backtest: negative threshold', ['alarm', 'backtest', ...P, '--threshold=-5', '--json'], '--threshold'],
    ['backtest: missing threshold', ['alarm', 'backtest', ...P, '--json'], '--threshold'],
    ['backtest: M greater than N', ['alarm', 'backtest', ...P, '--threshold', '5', '--evaluation-periods', '2', '--datapoints-to-alarm', '3', '--json'], '--datapoints-to-alarm'],
    ['backtest: N × period beyond a day', ['alarm', 'backtest', ...P, '--threshold', '5', '--evaluation-periods', '289', '--json'], '--evaluation-periods'],
    ['backtest: unknown comparison', ['alarm', 'backtest', ...P, '--threshold', '5', '--comparison', 'lt', '--json'], '--comparison'],
    ['backtest: 1-minute period over 30 days', ['alarm', 'backtest', ...P, '--threshold', '5', '--days', '30', '--period', '60', '--json'], '--period'],
    ['usage: 10-second period (high resolution only)', ['usage', ...P, '--period', '10', '--json'], '--period'],
    ['usage: 20-second period', ['usage', ...P, '--period', '20', '--json'], '--period'],
    ['backtest: 30-second period', ['alarm', 'backtest', ...P, '--threshold', '5', '--period', '30', '--json'], '--period'],
    ['create: 10-second period', [...create, '--period', '10', '--new-topic', 't', '--email', 'a@example.com'], '--period'],
    ['usage: unknown metric', ['usage', ...P, '--metric', 'cpu', '--json'], '--metric'],
    ['usage: billing outside us-east-1', ['usage', '--profile', 'default', '--region', 'us-west-2', '--metric', 'billing', '--json'], '--region'],
    ['usage: billing with a class', ['usage', ...P, '--metric', 'billing', '--class', 'all', '--json'], '--class'],
    ['create: billing in several regions', [...create.map((a) => (a === 'us-east-1' ? 'us-east-1,us-east-2' : a)), '--metric', 'billing', '--new-topic', 't', '--email', 'a@example.com'], '--region'],
    ['create: unknown region in a list', [...create.map((a) => (a === 'us-east-1' ? 'us-east-1,eu-west-1' : a)), '--new-topic', 't', '--email', 'a@example.com'], '--region'],
    ['create: a region twice', [...create.map((a) => (a === 'us-east-1' ? 'us-east-1,us-east-1' : a)), '--new-topic', 't', '--email', 'a@example.com'], '--region'],
    ['create: topic ARN with several regions', [...create.map((a) => (a === 'us-east-1' ? 'all' : a)), '--topic-arn', 'arn:aws:sns:us-east-1:123456789012:t'], '--topic-arn'],
    ['create: unknown notify-on state', [...create, '--new-topic', 't', '--email', 'a@example.com', '--notify-on', 'alarm,recovered'], '--notify-on'],
    ['create: pasted addresses where one is not an address', [...create, '--new-topic', 't', '--email', 'a b@example.com;'], '--email'],
    ['create: threshold with a misplaced comma', [...create, '--new-topic', 't', '--email', 'a@example.com', '--threshold', '1,00'], '--threshold'],
    ['create: malformed email', [...create, '--new-topic', 't', '--email', 'nope'], '--email'],
    ['create: new topic without email', [...create, '--new-topic', 't'], '--email'],
    ['create: bad topic name', [...create, '--new-topic', 'a.b', '--email', 'a@example.com'], '--new-topic'],
    ['create: malformed topic ARN', [...create, '--topic-arn', 'arn:aws:sns:us-east-1:123:t'], '--topic-arn'],
    ['create: topic in another region', [...create, '--topic-arn', 'arn:aws:sns:us-west-2:123456789012:t'], '--topic-arn'],
    ['create: both topic flags', [...create, '--topic-arn', 'arn:aws:sns:us-east-1:123456789012:t', '--new-topic', 't', '--email', 'a@example.com'], '--topic-arn'],
    ['create: no topic', create, '--topic-arn'],
    ['create: bad period', [...create, '--period', '90', '--new-topic', 't', '--email', 'a@example.com'], '--period'],
    ['create: description too long', [...create, '--description', 'x'.repeat(1025), '--new-topic', 't', '--email', 'a@example.com'], '--description'],
    ['alarms: unsupported region', ['alarms', '--profile', 'default', '--region', 'ap-south-1', '--json'], '--region'],
    ['delete: missing name', ['alarm', 'delete', ...P, '--json'], '--name'],
  ])('%s', async (_label, args, field) => {
    const before = counter.count;
    const r = await cli(args, env);
    expect(r.code, r.stderr).toBe(2);
    expect(r.json).toEqual({ error: { code: 'InvalidInput', message: expect.any(String), field } });
    expect(counter.count).toBe(before);
  });

  it('says exactly why an email or a period is refused', async () => {
    const email = await cli([...create, '--new-topic', 't', '--email', 'ops@example'], env);
    expect(email.json.error.message).toMatch(/needs a full domain after the @/);
    const period = await cli(['usage', ...P, '--period', '30', '--json'], env);
    expect(period.json.error.message).toMatch(/multiple of 60 seconds: AWS\/Usage and AWS\/Billing are standard-resolution metrics/);
  });

  it('the counter really counts (a valid command reaches it and fails with exit 3)', async () => {
    const before = counter.count;
    const r = await cli(['alarms', ...P, '--json'], { ...env, AWS_MAX_ATTEMPTS: '1' });
    expect(r.code).toBe(3);
    expect(counter.count).toBeGreaterThan(before);
  });
});

describe.skipIf(!HAS_MOTO)('monitoring CLI against moto', () => {
  const moto = useMoto();
  let env: AwsTestEnv;
  let aws: AwsContext;
  let seeded: SeededUsage;

  beforeAll(async () => {
    env = moto.env();
    aws = await contextForProfile({ profile: 'default', env, region: 'us-east-1' });
    seeded = twoDaysWithSpikes();
    await seedUsage(aws, 'us-east-1', 'Standard/OnDemand', seeded.points);
    // us-east-2: two classes; the total is 10, 26 (10 + 16) and 16 at three timestamps.
    await seedUsage(aws, 'us-east-2', 'Standard/OnDemand', [3, 2].map((j) => ({ t: seeded.base - j * P5, v: 10 })));
    await seedUsage(aws, 'us-east-2', 'G/OnDemand', [2, 1].map((j) => ({ t: seeded.base - j * P5, v: 16 })));
  });

  it('usage --json has exactly the documented shape', async () => {
    const r = await cli(['usage', ...P, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(sortedKeys(r.json)).toEqual(['dimensions', 'max', 'maxAt', 'metricName', 'namespace', 'period', 'points', 'quota', 'region', 'stat', 'suggestedThreshold']);
    expect(r.json).toEqual({
      region: 'us-east-1',
      namespace: 'AWS/Usage',
      metricName: 'ResourceCount',
      dimensions: { Service: 'EC2', Type: 'Resource', Resource: 'vCPU', Class: 'Standard/OnDemand' },
      period: 300,
      stat: 'Maximum',
      points: seeded.points.length,
      max: 60,
      maxAt: iso(seeded.base - 60 * P5),
      suggestedThreshold: 72,
      quota: null,
    });
    expect(r.stderr).toMatch(/L-1216C47A/); // the unreadable quota is explained
  });

  it('usage --class all adds up every class the region publishes per timestamp and names them', async () => {
    const r = await cli(['usage', '--profile', 'default', '--region', 'us-east-2', '--class', 'all', '--days', '1', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({
      dimensions: { Service: 'EC2', Type: 'Resource', Resource: 'vCPU' },
      classes: ['Standard/OnDemand', 'G/OnDemand'],
      points: 3,
      max: 26, // 10 + 16 at the same timestamp
      maxAt: iso(seeded.base - 2 * P5),
    });
  });

  it('usage --metric billing uses the 6-hour period by default', async () => {
    const r = await cli(['usage', ...P, '--metric', 'billing', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ namespace: 'AWS/Billing', metricName: 'EstimatedCharges', period: 21_600, points: 0 });
    expect(r.stderr).toMatch(/Receive Billing Alerts/);
  });

  it('usage for a class without data answers nulls', async () => {
    const r = await cli(['usage', ...P, '--class', 'P/OnDemand', '--days', '1', '--stat', 'Average', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ points: 0, max: null, maxAt: null, suggestedThreshold: null, quota: null, stat: 'Average', period: 300 });
  });

  it('alarm backtest gives the hand-computed episodes and a timeline, the same as the shared backtest on the history', async () => {
    const r = await cli(['alarm', 'backtest', ...P, '--threshold', '40', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(sortedKeys(r.json)).toEqual(['breaches', 'episodes', 'evaluations', 'threshold', 'timeline']);
    expect(r.json).toMatchObject({
      threshold: 40,
      evaluations: 2016 - 2, // the first evaluation needs a whole evaluation range (N + 2 periods)
      breaches: 2,
      episodes: [
        { start: iso(seeded.base - 360 * P5), end: iso(seeded.base - 357 * P5) },
        { start: iso(seeded.base - 60 * P5), end: iso(seeded.base - 59 * P5) },
      ],
    });
    expect(r.json.timeline).toHaveLength(2014);
    // oldest first, one per evaluation, each the start of the newest period it evaluated
    const tl = r.json.timeline as { t: string; state: string }[];
    expect(new Date(tl[1]!.t).getTime() - new Date(tl[0]!.t).getTime()).toBe(P5);
    // five days without data before the seeded two: INSUFFICIENT_DATA under the default "missing"
    expect(tl[0]!.state).toBe('INSUFFICIENT_DATA');
    expect(tl.find((e) => e.t === iso(seeded.base - 360 * P5))?.state).toBe('ALARM');
    expect(tl.find((e) => e.t === iso(seeded.base - 100 * P5))?.state).toBe('OK');
    // what the wizard computes from usage:history's points
    const h = await usageHistory(aws, { region: 'us-east-1', metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' }, stat: 'Maximum', durationSeconds: 7 * 86_400, period: 300 }, Date.now());
    const ui = backtest(h.points, h, { threshold: 40, comparison: 'gt', evaluationPeriods: 1, datapointsToAlarm: 1, treatMissing: 'missing' });
    expect({
      threshold: ui.threshold,
      evaluations: ui.evaluations,
      breaches: ui.breaches,
      episodes: ui.episodes.map((e) => ({ start: iso(e.start), end: iso(e.end) })),
      timeline: ui.timeline.map((e) => ({ t: iso(e.t), state: e.state })),
    }).toEqual(r.json);
  });

  it('alarm backtest with 2 of 3 and gte', async () => {
    const r = await cli(['alarm', 'backtest', ...P, '--threshold', '50', '--comparison', 'gte', '--evaluation-periods', '3', '--datapoints-to-alarm', '2', '--days', '2', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({
      threshold: 50,
      evaluations: 576 - 4,
      breaches: 1,
      episodes: [{ start: iso(seeded.base - 359 * P5), end: iso(seeded.base - 356 * P5) }],
    });
  });

  it('alarm backtest --class all replays the total', async () => {
    const r = await cli(['alarm', 'backtest', '--profile', 'default', '--region', 'us-east-2', '--class', 'all', '--threshold', '1,000', '--days', '1', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ threshold: 1000, breaches: 0 });
    const low = await cli(['alarm', 'backtest', '--profile', 'default', '--region', 'us-east-2', '--class', 'all', '--threshold', '20', '--days', '1', '--treat-missing', 'notBreaching', '--json'], env);
    expect(low.json).toMatchObject({ breaches: 1, episodes: [{ start: iso(seeded.base - 2 * P5), end: iso(seeded.base - P5) }] });
  });

  it('alarm create with a new topic, re-created without duplicates; alarms; delete', async () => {
    const args = ['alarm', 'create', ...P, '--name', 'cli-vcpu', '--threshold', '72', '--new-topic', 'cli-alerts', '--email', 'ops@example.com', '--email', 'dev@example.com', '--json'];
    const first = await cli(args, env);
    expect(first.code, first.stderr).toBe(0);
    expect(sortedKeys(first.json)).toEqual(['alarmArn', 'alarmName', 'notifyOn', 'regions', 'subscriptions', 'topicArn']);
    expect(first.json).toMatchObject({
      alarmName: 'cli-vcpu',
      alarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:cli-vcpu',
      topicArn: 'arn:aws:sns:us-east-1:123456789012:cli-alerts',
    });
    expect(first.json.subscriptions).toEqual(
      expect.arrayContaining([
        { endpoint: 'ops@example.com', protocol: 'email', status: 'confirmed' },
        { endpoint: 'dev@example.com', protocol: 'email', status: 'confirmed' },
      ]),
    );
    const again = await cli(args.map((a) => (a === '72' ? '80' : a)), env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json.topicArn).toBe(first.json.topicArn);
    expect(again.json.subscriptions).toHaveLength(2);
    const sns = await aws.sns('us-east-1');
    expect((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: first.json.topicArn }))).Subscriptions).toHaveLength(2);

    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'cli-existing' }));
    const existing = await cli(['alarm', 'create', ...P, '--name', 'cli-existing-topic', '--threshold', '100', '--period', '60', '--evaluation-periods', '5', '--datapoints-to-alarm', '3', '--comparison', 'gte', '--treat-missing', 'notBreaching', '--topic-arn', TopicArn!, '--json'], env);
    expect(existing.code, existing.stderr).toBe(0);
    expect(existing.json).toMatchObject({ alarmName: 'cli-existing-topic', alarmArn: expect.stringContaining(':alarm:cli-existing-topic'), topicArn: TopicArn, subscriptions: [], notifyOn: ['alarm'] });

    const list = await cli(['alarms', ...P, '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.json).toEqual([
      { alarmName: 'cli-existing-topic', state: expect.any(String), threshold: 100, period: 60, evaluationPeriods: 5, datapointsToAlarm: 3, topicArns: [TopicArn], notifyOn: ['alarm'], metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' } },
      { alarmName: 'cli-vcpu', state: expect.any(String), threshold: 80, period: 300, evaluationPeriods: 1, datapointsToAlarm: 1, topicArns: [first.json.topicArn], notifyOn: ['alarm'], metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' } },
    ]);

    const del = await cli(['alarm', 'delete', ...P, '--name', 'cli-vcpu', '--json'], env);
    expect(del).toMatchObject({ code: 0, json: { alarmName: 'cli-vcpu', deletedIn: ['us-east-1'], notFoundIn: [], failed: [] } });
    const gone = await cli(['alarm', 'delete', ...P, '--name', 'cli-vcpu', '--json'], env);
    expect(gone.code).toBe(3);
    expect(gone.json.error.code).toBe('NotFound');
    expect((await cli(['alarms', ...P, '--json'], env)).json.map((a: { alarmName: string }) => a.alarmName)).toEqual(['cli-existing-topic']);
  });

  it('alarm create --class all --notify-on alarm,ok,insufficient-data, emails pasted in one flag, threshold 1,000', async () => {
    const r = await cli(
      ['alarm', 'create', ...P, '--name', 'cli-total', '--class', 'all', '--threshold', '1,000', '--new-topic', 'cli-total-alerts', '--email', 'ops@example.com,dev@example.com', '--notify-on', 'alarm,ok,insufficient-data', '--json'],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ notifyOn: ['alarm', 'ok', 'insufficient-data'], regions: [{ region: 'us-east-1', topicCreated: true }] });
    expect(r.json.subscriptions.map((s: { endpoint: string }) => s.endpoint).sort()).toEqual(['dev@example.com', 'ops@example.com']);
    const list = (await cli(['alarms', ...P, '--json'], env)).json as { alarmName: string; metric: unknown; notifyOn: string[]; threshold: number }[];
    expect(list.find((a) => a.alarmName === 'cli-total')).toMatchObject({ metric: { kind: 'vcpu', usageClass: 'all' }, notifyOn: ['alarm', 'ok', 'insufficient-data'], threshold: 1000 });
    const human = await cli(['alarm', 'create', ...P, '--name', 'cli-total', '--class', 'all', '--threshold', '1000', '--new-topic', 'cli-total-alerts', '--email', 'ops@example.com', '--notify-on', 'alarm,ok'], env);
    expect(human.stdout).toMatch(/notifies on: ALARM, OK/);
  });

  it('a new topic whose name is taken by a topic Onramp did not make: exit 3 naming it, suggesting --topic-arn, nothing changed', async () => {
    const sns = await aws.sns('us-east-1');
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'finance-alerts' }));
    const r = await cli(['alarm', 'create', ...P, '--name', 'cli-taken', '--threshold', '10', '--new-topic', 'finance-alerts', '--email', 'ops@example.com', '--json'], env);
    expect(r.code, r.stderr).toBe(3);
    expect(r.json.error).toMatchObject({ code: 'Conflict' });
    expect(r.json.error.message).toContain(TopicArn);
    expect(r.json.error.message).toContain('--topic-arn');
    expect((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions).toEqual([]);
    expect((await cli(['alarms', ...P, '--json'], env)).json.map((a: { alarmName: string }) => a.alarmName)).not.toContain('cli-taken');
    // and with --topic-arn it is allowed
    const ok = await cli(['alarm', 'create', ...P, '--name', 'cli-taken', '--threshold', '10', '--topic-arn', TopicArn!, '--json'], env);
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('human output without --json', async () => {
    const r = await cli(['alarm', 'backtest', ...P, '--threshold', '40'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/would have fired 2 times/);
    expect(r.stdout).toMatch(/evaluations would have been INSUFFICIENT_DATA/);
  });
});
