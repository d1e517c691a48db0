/**
 * The monitoring CLI contract (`usage`, `alarm backtest|create|delete`, `alarms`), run as real child
 * processes against moto, and against a bare request counter to prove invalid input sends nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateTopicCommand, ListSubscriptionsByTopicCommand } from '@aws-sdk/client-sns';
import type { AwsContext } from '../../../main/core/aws/context';
import { usageHistory } from '../../../main/core/monitoring';
import { contextForProfile } from '../../../main/core/profiles/session';
import { backtest } from '../../../shared/monitoring/backtest';
import { awsTestEnv, HAS_MOTO, startMoto, type Moto } from '../../helpers/moto';
import { startRequestCounter, type RequestCounter } from '../../helpers/request-counter';
import { P5, seedUsage, twoDaysWithSpikes, type SeededUsage } from '../monitoring/seed';
import { cli } from '../../helpers/cli';



const P = ['--profile', 'default', '--region', 'us-east-1'];
const iso = (t: number) => new Date(t).toISOString();
const sortedKeys = (o: object) => Object.keys(o).sort();

describe('monitoring CLI: invalid input exits 2 and sends no request', () => {
  let counter: RequestCounter;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    counter = await startRequestCounter();
    env = { ...awsTestEnv(null), AWS_ENDPOINT_URL: counter.url };
  });
  afterAll(async () => {
    await counter?.close();
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

  it('the counter really counts (a valid command reaches it and fails with exit 3)', async () => {
    const before = counter.count;
    const r = await cli(['alarms', ...P, '--json'], { ...env, AWS_MAX_ATTEMPTS: '1' });
    expect(r.code).toBe(3);
    expect(counter.count).toBeGreaterThan(before);
  });
});

describe.skipIf(!HAS_MOTO)('monitoring CLI against moto', () => {
  let moto: Moto;
  let env: ReturnType<typeof awsTestEnv>;
  let aws: AwsContext;
  let seeded: SeededUsage;

  beforeAll(async () => {
    moto = await startMoto();
    env = awsTestEnv(moto);
    aws = await contextForProfile({ profile: 'default', env, region: 'us-east-1' });
    seeded = twoDaysWithSpikes();
    await seedUsage(aws, 'us-east-1', 'Standard/OnDemand', seeded.points);
  });
  afterAll(async () => {
    await moto?.stop();
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

  it('usage for a class without data answers nulls', async () => {
    const r = await cli(['usage', ...P, '--class', 'P/OnDemand', '--days', '1', '--stat', 'Average', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ points: 0, max: null, maxAt: null, suggestedThreshold: null, quota: null, stat: 'Average', period: 300 });
  });

  it('alarm backtest gives the hand-computed episodes, the same as the shared backtest on the history', async () => {
    const r = await cli(['alarm', 'backtest', ...P, '--threshold', '40', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toEqual({
      threshold: 40,
      evaluations: 2016,
      breaches: 2,
      episodes: [
        { start: iso(seeded.base - 360 * P5), end: iso(seeded.base - 357 * P5) },
        { start: iso(seeded.base - 60 * P5), end: iso(seeded.base - 59 * P5) },
      ],
    });
    // what the wizard computes from usage:history's points
    const h = await usageHistory(aws, { region: 'us-east-1', metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' }, stat: 'Maximum', durationSeconds: 7 * 86_400, period: 300 });
    const ui = backtest(h.points, h, { threshold: 40, comparison: 'gt', evaluationPeriods: 1, datapointsToAlarm: 1, treatMissing: 'notBreaching' });
    expect({ ...ui, episodes: ui.episodes.map((e) => ({ start: iso(e.start), end: iso(e.end) })) }).toEqual(r.json);
  });

  it('alarm backtest with 2 of 3 and gte', async () => {
    const r = await cli(['alarm', 'backtest', ...P, '--threshold', '50', '--comparison', 'gte', '--evaluation-periods', '3', '--datapoints-to-alarm', '2', '--days', '2', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toEqual({
      threshold: 50,
      evaluations: 576 - 2,
      breaches: 1,
      episodes: [{ start: iso(seeded.base - 359 * P5), end: iso(seeded.base - 356 * P5) }],
    });
  });

  it('alarm create with a new topic, re-created without duplicates; alarms; delete', async () => {
    const args = ['alarm', 'create', ...P, '--name', 'cli-vcpu', '--threshold', '72', '--new-topic', 'cli-alerts', '--email', 'ops@example.com', '--email', 'dev@example.com', '--json'];
    const first = await cli(args, env);
    expect(first.code, first.stderr).toBe(0);
    expect(sortedKeys(first.json)).toEqual(['alarmArn', 'alarmName', 'subscriptions', 'topicArn']);
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
    expect(existing.json).toEqual({ alarmName: 'cli-existing-topic', alarmArn: expect.stringContaining(':alarm:cli-existing-topic'), topicArn: TopicArn, subscriptions: [] });

    const list = await cli(['alarms', ...P, '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.json).toEqual([
      { alarmName: 'cli-existing-topic', state: expect.any(String), threshold: 100, period: 60, evaluationPeriods: 5, datapointsToAlarm: 3, topicArns: [TopicArn] },
      { alarmName: 'cli-vcpu', state: expect.any(String), threshold: 80, period: 300, evaluationPeriods: 1, datapointsToAlarm: 1, topicArns: [first.json.topicArn] },
    ]);

    const del = await cli(['alarm', 'delete', ...P, '--name', 'cli-vcpu', '--json'], env);
    expect(del).toMatchObject({ code: 0, json: { alarmName: 'cli-vcpu', deleted: true } });
    const gone = await cli(['alarm', 'delete', ...P, '--name', 'cli-vcpu', '--json'], env);
    expect(gone.code).toBe(3);
    expect(gone.json.error.code).toBe('NotFound');
    expect((await cli(['alarms', ...P, '--json'], env)).json.map((a: { alarmName: string }) => a.alarmName)).toEqual(['cli-existing-topic']);
  });

  it('human output without --json', async () => {
    const r = await cli(['alarm', 'backtest', ...P, '--threshold', '40'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/would have fired 2 times/);
  });
});
