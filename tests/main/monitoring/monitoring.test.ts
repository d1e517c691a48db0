/**
 * The monitoring core against moto: seeded usage → history, backtest, alarms with new and existing
 * topics (idempotent re-create), list, test notification, delete, dashboard, and the IPC handlers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeAlarmsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CreateTopicCommand, ListSubscriptionsByTopicCommand, ListTopicsCommand } from '@aws-sdk/client-sns';
import type { AwsContext } from '../../../main/core/aws/context';
import {
  createAlarm,
  dashboardSummary,
  deleteAlarm,
  listAlarms,
  listSubscriptions,
  listTopics,
  listUsageClasses,
  readVcpuQuota,
  sendTestNotification,
  usageHistory,
} from '../../../main/core/monitoring';
import { contextForProfile } from '../../../main/core/profiles/session';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import { createInvoker, createSessionHolder } from '../../../main/handlers';
import { AppError } from '../../../shared/errors';
import { AlarmConfigSchema, type AlarmConfigInput } from '../../../shared/monitoring/alarm-config';
import { backtest } from '../../../shared/monitoring/backtest';
import { awsTestEnv, HAS_MOTO, startMoto, type Moto } from '../../helpers/moto';
import { P5, seedUsage, twoDaysWithSpikes, type SeededUsage } from './seed';

const WEEK = 7 * 86_400;

describe.skipIf(!HAS_MOTO)('monitoring core against moto', () => {
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
    await seedUsage(aws, 'us-west-2', 'Standard/OnDemand', [{ t: seeded.base - P5, v: 4 }]);
    await seedUsage(aws, 'us-west-2', 'G/OnDemand', [{ t: seeded.base - P5, v: 8 }]);
  });
  afterAll(async () => {
    await moto?.stop();
  });

  describe('usage history and backtest', () => {
    it('returns every seeded datapoint over a week with the peak and a suggestion', async () => {
      const h = await usageHistory(aws, { region: 'us-east-1', metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' }, stat: 'Maximum', durationSeconds: WEEK });
      expect(h).toMatchObject({
        namespace: 'AWS/Usage',
        metricName: 'ResourceCount',
        dimensions: { Service: 'EC2', Type: 'Resource', Resource: 'vCPU', Class: 'Standard/OnDemand' },
        period: 300,
        max: 60,
        maxAt: seeded.base - 60 * P5,
        suggestion: { value: 72, reason: 'peak 60 + 20% headroom, rounded up to 72.' },
        quota: { quotaCode: 'L-1216C47A', value: null },
      });
      expect(h.points).toEqual(seeded.points);
      expect(h.end - h.start).toBe(WEEK * 1000);
    });

    it('backtests 1 of 1 at 40 vCPUs: two episodes (spike A for 15 minutes, spike B for 5)', async () => {
      const h = await usageHistory(aws, { region: 'us-east-1', metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' }, stat: 'Maximum', durationSeconds: WEEK });
      const r = backtest(h.points, h, { threshold: 40, comparison: 'gt', evaluationPeriods: 1, datapointsToAlarm: 1, treatMissing: 'missing' });
      expect(r.evaluations).toBe(WEEK / 300);
      expect(r.episodes).toEqual([
        { start: seeded.base - 360 * P5, end: seeded.base - 357 * P5 },
        { start: seeded.base - 60 * P5, end: seeded.base - 59 * P5 },
      ]);
    });

    it('backtests 2 of 3: only spike A fires, from its 2nd slot to one slot after it', async () => {
      const h = await usageHistory(aws, { region: 'us-east-1', metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' }, stat: 'Maximum', durationSeconds: WEEK });
      const r = backtest(h.points, h, { threshold: 40, comparison: 'gt', evaluationPeriods: 3, datapointsToAlarm: 2, treatMissing: 'notBreaching' });
      expect(r).toMatchObject({ evaluations: WEEK / 300 - 2, breaches: 1, episodes: [{ start: seeded.base - 359 * P5, end: seeded.base - 356 * P5 }] });
    });

    it('lists the usage classes the region has, Standard/OnDemand first', async () => {
      expect(await listUsageClasses(aws, 'us-west-2')).toEqual(['Standard/OnDemand', 'G/OnDemand']);
      expect(await listUsageClasses(aws, 'us-west-1')).toEqual(['Standard/OnDemand']);
    });

    it('reports an unreadable quota as null with a note (moto has no ec2 quotas)', async () => {
      const q = await readVcpuQuota(aws, 'us-east-1', 'Standard/OnDemand');
      expect(q).toMatchObject({ quotaCode: 'L-1216C47A', value: null });
      expect(q.note).toMatch(/L-1216C47A/);
      expect((await readVcpuQuota(aws, 'us-east-1', 'Odd/Class')).note).toMatch(/No known/);
    });

    it('billing: us-east-1 only, with a note when there is no data', async () => {
      const h = await usageHistory(aws, { region: 'us-east-1', metric: { kind: 'billing' }, stat: 'Maximum', durationSeconds: WEEK });
      expect(h).toMatchObject({ namespace: 'AWS/Billing', metricName: 'EstimatedCharges', dimensions: { Currency: 'USD' }, points: [] });
      expect(h.notes.join(' ')).toMatch(/Receive Billing Alerts/);
      await expect(usageHistory(aws, { region: 'us-west-2', metric: { kind: 'billing' }, stat: 'Maximum', durationSeconds: WEEK })).rejects.toMatchObject({ code: 'InvalidInput' });
    });
  });

  describe('alarms and topics', () => {
    const config = (over: Partial<AlarmConfigInput>) =>
      AlarmConfigSchema.parse({
        region: 'us-east-1',
        name: 'vcpu-high',
        metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' },
        threshold: 1000,
        topic: { kind: 'new', name: 'onramp-alerts', emails: ['ops@example.com', 'dev@example.com'] },
        ...over,
      });

    async function describeAlarm(name: string) {
      const cw = await aws.cloudwatch('us-east-1');
      return (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms ?? [];
    }
    async function topicsNamed(name: string) {
      const sns = await aws.sns('us-east-1');
      return ((await sns.send(new ListTopicsCommand({}))).Topics ?? []).filter((t) => t.TopicArn?.endsWith(`:${name}`));
    }

    it('creates an alarm with a new topic and subscribes each email', async () => {
      const r = await createAlarm(aws, config({ description: 'EC2 vCPUs above plan' }));
      expect(r).toMatchObject({
        alarmName: 'vcpu-high',
        alarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:vcpu-high',
        topicArn: 'arn:aws:sns:us-east-1:123456789012:onramp-alerts',
        updated: false,
        topicCreated: true,
      });
      expect(r.subscriptions.map((s) => [s.endpoint, s.protocol, s.status]).sort()).toEqual([
        ['dev@example.com', 'email', 'confirmed'],
        ['ops@example.com', 'email', 'confirmed'],
      ]);
      const [alarm] = await describeAlarm('vcpu-high');
      expect(alarm).toMatchObject({
        Namespace: 'AWS/Usage',
        MetricName: 'ResourceCount',
        Statistic: 'Maximum',
        Period: 300,
        EvaluationPeriods: 1,
        DatapointsToAlarm: 1,
        Threshold: 1000,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'missing',
        AlarmActions: [r.topicArn],
        AlarmDescription: 'EC2 vCPUs above plan',
      });
      expect(alarm!.Dimensions).toEqual(
        expect.arrayContaining([
          { Name: 'Service', Value: 'EC2' },
          { Name: 'Type', Value: 'Resource' },
          { Name: 'Resource', Value: 'vCPU' },
          { Name: 'Class', Value: 'Standard/OnDemand' },
        ]),
      );
    });

    it('re-creating with the same name updates in place: no duplicate alarm, topic or subscription', async () => {
      const r = await createAlarm(
        aws,
        config({ threshold: 2000, comparison: 'gte', evaluationPeriods: 3, datapointsToAlarm: 2, topic: { kind: 'new', name: 'onramp-alerts', emails: ['OPS@example.com', 'dev@example.com'] } }),
      );
      expect(r).toMatchObject({ updated: true, topicCreated: false, topicArn: 'arn:aws:sns:us-east-1:123456789012:onramp-alerts' });
      expect(r.subscriptions).toHaveLength(2);
      const alarms = await describeAlarm('vcpu-high');
      expect(alarms).toHaveLength(1);
      expect(alarms[0]).toMatchObject({ Threshold: 2000, ComparisonOperator: 'GreaterThanOrEqualToThreshold', EvaluationPeriods: 3, DatapointsToAlarm: 2 });
      expect(await topicsNamed('onramp-alerts')).toHaveLength(1);
      const sns = await aws.sns('us-east-1');
      const subs = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: r.topicArn }));
      expect(subs.Subscriptions).toHaveLength(2);
    });

    it('creates an alarm on an existing topic, subscribing only the extra emails', async () => {
      const sns = await aws.sns('us-east-1');
      const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'team-alerts' }));
      const r = await createAlarm(aws, config({ name: 'vcpu-spot', metric: { kind: 'vcpu', usageClass: 'Standard/Spot' }, topic: { kind: 'existing', arn: TopicArn!, emails: [] } }));
      expect(r).toMatchObject({ topicArn: TopicArn, topicCreated: false, updated: false, subscriptions: [] });
      expect((await describeAlarm('vcpu-spot'))[0]?.AlarmActions).toEqual([TopicArn]);
      const again = await createAlarm(aws, config({ name: 'vcpu-spot', topic: { kind: 'existing', arn: TopicArn!, emails: ['oncall@example.com'] } }));
      expect(again.subscriptions.map((s) => s.endpoint)).toEqual(['oncall@example.com']);
      expect(await listSubscriptions(aws, 'us-east-1', TopicArn!)).toHaveLength(1);
    });

    it('refuses a topic ARN that does not exist, and creates no alarm', async () => {
      const missing = 'arn:aws:sns:us-east-1:123456789012:no-such-topic';
      await expect(createAlarm(aws, config({ name: 'never', topic: { kind: 'existing', arn: missing, emails: [] } }))).rejects.toMatchObject({ code: 'NotFound', field: 'topic' });
      expect(await describeAlarm('never')).toHaveLength(0);
    });

    it('lists only alarms on the watched metrics, with their settings and topics', async () => {
      const cw = await aws.cloudwatch('us-east-1');
      await cw.send(
        new PutMetricAlarmCommand({
          AlarmName: 'cpu-utilisation',
          Namespace: 'AWS/EC2',
          MetricName: 'CPUUtilization',
          Statistic: 'Average',
          Period: 300,
          EvaluationPeriods: 1,
          Threshold: 90,
          ComparisonOperator: 'GreaterThanThreshold',
        }),
      );
      const list = await listAlarms(aws, 'us-east-1');
      expect(list.map((a) => a.alarmName)).toEqual(['vcpu-high', 'vcpu-spot']);
      expect(list[0]).toMatchObject({
        metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' },
        threshold: 2000,
        period: 300,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        topicArns: ['arn:aws:sns:us-east-1:123456789012:onramp-alerts'],
        // the re-create replaced the whole definition (PutMetricAlarm replaces), description included
        description: '',
      });
      expect(['OK', 'ALARM', 'INSUFFICIENT_DATA']).toContain(list[0]!.state);
      expect((await listTopics(aws, 'us-east-1')).map((t) => t.name)).toEqual(['onramp-alerts', 'team-alerts']);
    });

    it('a test notification puts the alarm in ALARM', async () => {
      expect(await sendTestNotification(aws, 'us-east-1', 'vcpu-high')).toEqual({ alarmName: 'vcpu-high', state: 'ALARM' });
      const a = (await listAlarms(aws, 'us-east-1')).find((x) => x.alarmName === 'vcpu-high');
      expect(a).toMatchObject({ state: 'ALARM', stateReason: expect.stringContaining('Test notification') });
      await expect(sendTestNotification(aws, 'us-east-1', 'nope')).rejects.toMatchObject({ code: 'NotFound' });
    });

    it('deletes an alarm; deleting it again is NotFound', async () => {
      expect(await deleteAlarm(aws, 'us-east-1', 'vcpu-spot')).toEqual({ alarmName: 'vcpu-spot', deleted: true });
      expect(await describeAlarm('vcpu-spot')).toHaveLength(0);
      await expect(deleteAlarm(aws, 'us-east-1', 'vcpu-spot')).rejects.toMatchObject({ code: 'NotFound' });
    });
  });

  describe('dashboard', () => {
    it('summarises each region: current usage, 24 h sparkline, alarms', async () => {
      const d = await dashboardSummary(aws, ['us-east-1', 'us-west-2']);
      const [east, west] = d.regions;
      expect(east).toMatchObject({ region: 'us-east-1', ok: true, current: 10, currentAt: seeded.base - P5, peak24h: 60, quota: null, headroom: null });
      if (!east?.ok) throw new Error('us-east-1 failed');
      expect(east.series).toHaveLength(288 - 1); // the in-progress slot has no datapoint
      expect(east.quotaNote).toMatch(/L-1216C47A/);
      expect(east.alarms.map((a) => a.alarmName)).toEqual(['vcpu-high']);
      expect(west).toMatchObject({ region: 'us-west-2', ok: true, current: 4, alarms: [] });
    });

    it('one failing region reports its own error and the others still show', async () => {
      const failing: AwsContext = {
        ...aws,
        cloudwatch: (region?: string) =>
          region === 'us-west-1' ? Promise.reject(new AppError('AccessDenied', 'denied in us-west-1')) : aws.cloudwatch(region),
      };
      const d = await dashboardSummary(failing, ['us-east-1', 'us-west-1', 'us-west-2']);
      expect(d.regions.map((r) => [r.region, r.ok])).toEqual([
        ['us-east-1', true],
        ['us-west-1', false],
        ['us-west-2', true],
      ]);
      expect(d.regions[1]).toMatchObject({ ok: false, error: { code: 'AccessDenied' } });
    });
  });

  describe('IPC handlers', () => {
    function invoker() {
      const session = createSessionHolder();
      session.set({ aws, info: { profile: 'default', account: '123456789012', arn: 'arn:aws:iam::123456789012:user/t', userId: 'x', region: 'us-east-1', endpointUrl: moto.url } });
      return createInvoker({ env, dataDir: env.ONRAMP_DATA_DIR, store: new ConfigurationStore(env.ONRAMP_DATA_DIR), session });
    }

    it('usage:history and usage:classes answer within the contract', async () => {
      const invoke = invoker();
      const h = await invoke('usage:history', { region: 'us-east-1', range: '1w' });
      expect(h).toMatchObject({ ok: true, value: { max: 60, period: 300, suggestion: { value: 72 } } });
      expect(await invoke('usage:classes', { region: 'us-west-2' })).toEqual({ ok: true, value: ['Standard/OnDemand', 'G/OnDemand'] });
      expect(await invoke('usage:quota', { region: 'us-east-1' })).toMatchObject({ ok: true, value: { value: null } });
    });

    it('alarms:create validates before AWS and then creates; topics and dashboard work', async () => {
      const invoke = invoker();
      const bad = await invoke('alarms:create', {
        region: 'us-east-1',
        name: 'ipc-alarm',
        metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' },
        threshold: 5,
        evaluationPeriods: 2,
        datapointsToAlarm: 3,
        topic: { kind: 'new', name: 'ipc-topic', emails: ['a@example.com'] },
      });
      expect(bad).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'datapointsToAlarm' } });
      const good = await invoke('alarms:create', {
        region: 'us-east-1',
        name: 'ipc-alarm',
        metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' },
        threshold: 5,
        topic: { kind: 'new', name: 'ipc-topic', emails: ['a@example.com'] },
      });
      expect(good).toMatchObject({ ok: true, value: { alarmName: 'ipc-alarm', topicCreated: true } });
      const topicArn = 'arn:aws:sns:us-east-1:123456789012:ipc-topic';
      expect(await invoke('topics:subscriptions', { region: 'us-east-1', topicArn })).toMatchObject({ ok: true, value: [{ endpoint: 'a@example.com', status: 'confirmed' }] });
      expect(await invoke('topics:resend', { region: 'us-east-1', topicArn, endpoint: 'a@example.com' })).toMatchObject({ ok: true, value: { status: 'confirmed' } });
      expect(await invoke('alarms:test-notification', { region: 'us-east-1', name: 'ipc-alarm' })).toEqual({ ok: true, value: { alarmName: 'ipc-alarm', state: 'ALARM' } });
      const dash = await invoke('dashboard:summary', { regions: ['us-east-1'] });
      expect(dash).toMatchObject({ ok: true, value: { regions: [{ region: 'us-east-1', ok: true }] } });
      expect(await invoke('alarms:delete', { region: 'us-east-1', name: 'ipc-alarm' })).toEqual({ ok: true, value: { alarmName: 'ipc-alarm', deleted: true } });
      expect(await invoke('alarms:delete', { region: 'us-east-1', name: 'ipc-alarm' })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    });

    it('rejects bad requests with InvalidInput and a field', async () => {
      const invoke = invoker();
      expect(await invoke('usage:history', { region: 'eu-west-1' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'region' } });
      expect(await invoke('usage:history', { region: 'us-east-1', range: '5y' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'range' } });
      expect(await invoke('topics:subscriptions', { region: 'us-east-1', topicArn: 'nope' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'topicArn' } });
      expect(await invoke('topics:subscriptions', { region: 'us-east-1', topicArn: 'arn:aws:sns:us-west-2:123456789012:t' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'topicArn' } });
      expect(await invoke('alarms:create', { region: 'us-east-1', name: 'x', metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' }, threshold: 'high', topic: { kind: 'new', name: 't', emails: ['a@example.com'] } })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'threshold' } });
    });

    it('without a session alarms:list answers NotConnected (every channel: tests/main/handlers/not-connected.test.ts)', async () => {
      const session = createSessionHolder();
      const invoke = createInvoker({ env, dataDir: env.ONRAMP_DATA_DIR, store: new ConfigurationStore(env.ONRAMP_DATA_DIR), session });
      expect(await invoke('alarms:list', { region: 'us-east-1' })).toMatchObject({ ok: false, error: { code: 'NotConnected' } });
    });
  });
});
