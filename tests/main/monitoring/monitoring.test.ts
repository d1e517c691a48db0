/**
 * The monitoring core against moto: seeded usage → history (one class and all classes), backtest,
 * alarms with new and existing topics (idempotent re-create, metric math over all classes, notify on
 * OK / INSUFFICIENT_DATA, a taken topic name), list, test notification, delete, dashboard, and the
 * IPC handlers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DescribeAlarmsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CreateTopicCommand, ListSubscriptionsByTopicCommand, ListTopicsCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import type { AwsContext } from '../../../main/core/aws/context';
import {
  createAlarm,
  dashboardSummary,
  deleteAlarm,
  fetchUsage,
  listAlarms,
  listSubscriptions,
  listTopics,
  listUsageClasses,
  lookupTopics,
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
import { vcpuClassesQuery } from '../../../shared/monitoring/insights';
import { type AwsTestEnv, useMoto } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { P5, seedUsage, twoDaysWithSpikes, type SeededUsage } from './seed';

const WEEK = 7 * 86_400;
const STANDARD = { kind: 'vcpu', usageClass: 'Standard/OnDemand' } as const;

describe.skipIf(!HAS_MOTO)('monitoring core against moto', () => {
  const moto = useMoto();
  let env: AwsTestEnv;
  let aws: AwsContext;
  let seeded: SeededUsage;

  beforeAll(async () => {
    env = moto.env();
    aws = await contextForProfile({ profile: 'default', env, region: 'us-east-1' });
    seeded = twoDaysWithSpikes();
    await seedUsage(aws, 'us-east-1', 'Standard/OnDemand', seeded.points);
    await seedUsage(aws, 'us-west-2', 'Standard/OnDemand', [{ t: seeded.base - P5, v: 4 }]);
    await seedUsage(aws, 'us-west-2', 'G/OnDemand', [{ t: seeded.base - P5, v: 8 }]);
    // us-east-2: three classes over the last hour, with gaps, so the total is a per-timestamp sum.
    const t = (j: number) => seeded.base - j * P5;
    await seedUsage(aws, 'us-east-2', 'Standard/OnDemand', [12, 11, 10, 9, 8, 7].map((j) => ({ t: t(j), v: 10 })));
    await seedUsage(aws, 'us-east-2', 'G/OnDemand', [12, 10, 8].map((j) => ({ t: t(j), v: 4 })));
    await seedUsage(aws, 'us-east-2', 'P/OnDemand', [11, 10, 2].map((j) => ({ t: t(j), v: 96 })));
    await seedUsage(aws, 'us-east-2', 'Standard/Spot', [12, 11].map((j) => ({ t: t(j), v: 1000 }))); // a Spot class: in the total too
  });

  describe('usage history and backtest', () => {
    it('returns every seeded datapoint over a week with the peak and a suggestion', async () => {
      const h = await usageHistory(aws, { region: 'us-east-1', metric: STANDARD, stat: 'Maximum', durationSeconds: WEEK }, Date.now());
      expect(h).toMatchObject({
        namespace: 'AWS/Usage',
        metricName: 'ResourceCount',
        dimensions: { Service: 'EC2', Type: 'Resource', Resource: 'vCPU', Class: 'Standard/OnDemand' },
        classes: ['Standard/OnDemand'],
        period: 300,
        max: 60,
        maxAt: seeded.base - 60 * P5,
        suggestion: { value: 72, reason: 'peak 60 + 20% headroom, rounded up to 72.' },
        quota: { quotaCode: 'L-1216C47A', value: null },
        byClass: [],
      });
      expect(h.points).toEqual(seeded.points);
      expect(h.end - h.start).toBe(WEEK * 1000);
    });

    it('all usage classes: every class the region publishes (Spot too), found with ListMetrics, one GetMetricData request, summed per timestamp', async () => {
      const now = Date.now();
      const h = await usageHistory(aws, { region: 'us-east-2', metric: { kind: 'vcpu', usageClass: 'all' }, stat: 'Maximum', durationSeconds: 86_400, breakdown: true }, now);
      const t = (j: number) => seeded.base - j * P5;
      // Standard 10 at 12..7, G 4 at 12,10,8, P 96 at 11,10,2, Standard/Spot 1000 at 12,11.
      expect(h.points).toEqual([
        { t: t(12), v: 1014 },
        { t: t(11), v: 1106 },
        { t: t(10), v: 110 },
        { t: t(9), v: 10 },
        { t: t(8), v: 14 },
        { t: t(7), v: 10 },
        { t: t(2), v: 96 },
      ]);
      expect(h).toMatchObject({ classes: ['Standard/OnDemand', 'G/OnDemand', 'P/OnDemand', 'Standard/Spot'], max: 1106, quota: { value: null }, dimensions: { Service: 'EC2', Type: 'Resource', Resource: 'vCPU' } });
      expect(h.byClass.map((c) => [c.usageClass, c.points.length])).toEqual([
        ['Standard/OnDemand', 6],
        ['G/OnDemand', 3],
        ['P/OnDemand', 3],
        ['Standard/Spot', 2],
      ]);
      // one ListMetrics and one GetMetricData request, a query per published class
      const { RequestLog } = await import('../../../main/core/aws/request-log');
      const log = new RequestLog();
      const counted = await contextForProfile({ profile: 'default', env, region: 'us-east-2', requestLog: log });
      await fetchUsage(counted, { region: 'us-east-2', metric: { kind: 'vcpu', usageClass: 'all' }, stat: 'Maximum', period: 300, start: h.start, end: h.end });
      expect(log.snapshot().byOperation).toEqual({ 'cloudwatch:ListMetricsCommand': 1, 'cloudwatch:GetMetricDataCommand': 1 });
      expect(log.snapshot().cloudwatch.metricsRequested).toBe(4);
    });

    it('backtests 1 of 1 at 40 vCPUs: two episodes (spike A for 15 minutes, spike B for 5)', async () => {
      const h = await usageHistory(aws, { region: 'us-east-1', metric: STANDARD, stat: 'Maximum', durationSeconds: WEEK }, Date.now());
      const r = backtest(h.points, h, { threshold: 40, comparison: 'gt', evaluationPeriods: 1, datapointsToAlarm: 1, treatMissing: 'missing' });
      expect(r.evaluations).toBe(WEEK / 300 - 2);
      expect(r.episodes).toEqual([
        { start: seeded.base - 360 * P5, end: seeded.base - 357 * P5 },
        { start: seeded.base - 60 * P5, end: seeded.base - 59 * P5 },
      ]);
      // the five days before the data began are INSUFFICIENT_DATA under "missing"
      expect(r.insufficient[0]).toMatchObject({ start: h.start + 2 * P5 });
    });

    it('backtests 2 of 3: only spike A fires, from its 2nd slot to one slot after it', async () => {
      const h = await usageHistory(aws, { region: 'us-east-1', metric: STANDARD, stat: 'Maximum', durationSeconds: WEEK }, Date.now());
      const r = backtest(h.points, h, { threshold: 40, comparison: 'gt', evaluationPeriods: 3, datapointsToAlarm: 2, treatMissing: 'notBreaching' });
      expect(r).toMatchObject({ evaluations: WEEK / 300 - 4, breaches: 1, episodes: [{ start: seeded.base - 359 * P5, end: seeded.base - 356 * P5 }] });
    });

    it('lists the usage classes the region has, Standard/OnDemand first', async () => {
      expect(await listUsageClasses(aws, 'us-west-2')).toEqual(['Standard/OnDemand', 'G/OnDemand']);
      expect(await listUsageClasses(aws, 'us-west-1')).toEqual(['Standard/OnDemand']);
    });

    it('reports an unreadable quota as null with a note (moto has no ec2 quotas); Inf has no documented code', async () => {
      const q = await readVcpuQuota(aws, 'us-east-1', 'Standard/OnDemand');
      expect(q).toMatchObject({ quotaCode: 'L-1216C47A', value: null });
      expect(q.note).toMatch(/L-1216C47A/);
      expect(await readVcpuQuota(aws, 'us-east-1', 'Inf/OnDemand')).toEqual({
        quotaCode: null,
        value: null,
        note: expect.stringContaining('https://us-east-1.console.aws.amazon.com/servicequotas/home/services/ec2/quotas'),
      });
      expect((await readVcpuQuota(aws, 'us-east-1', 'VT/OnDemand')).quotaCode).toBeNull();
      expect(await readVcpuQuota(aws, 'us-east-1', 'all')).toMatchObject({ quotaCode: null, value: null });
    });

    it('billing: us-east-1 only, with a note when there is no data', async () => {
      const h = await usageHistory(aws, { region: 'us-east-1', metric: { kind: 'billing' }, stat: 'Maximum', durationSeconds: WEEK, period: 21_600 }, Date.now());
      expect(h).toMatchObject({ namespace: 'AWS/Billing', metricName: 'EstimatedCharges', dimensions: { Currency: 'USD' }, classes: [], points: [], period: 21_600 });
      expect(h.notes.join(' ')).toMatch(/Receive Billing Alerts/);
      await expect(usageHistory(aws, { region: 'us-west-2', metric: { kind: 'billing' }, stat: 'Maximum', durationSeconds: WEEK }, Date.now())).rejects.toMatchObject({ code: 'InvalidInput' });
    });
  });

  describe('alarms and topics', () => {
    const config = (over: Partial<AlarmConfigInput>) =>
      AlarmConfigSchema.parse({
        regions: ['us-east-1'],
        name: 'vcpu-high',
        metric: STANDARD,
        threshold: 1000,
        topic: { kind: 'new', name: 'onramp-alerts', emails: ['ops@example.com', 'dev@example.com'] },
        ...over,
      });

    async function describeAlarm(name: string, region = 'us-east-1') {
      const cw = await aws.cloudwatch(region);
      return (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms ?? [];
    }
    async function topicsNamed(name: string, region = 'us-east-1') {
      const sns = await aws.sns(region);
      return ((await sns.send(new ListTopicsCommand({}))).Topics ?? []).filter((t) => t.TopicArn?.endsWith(`:${name}`));
    }

    it('creates an alarm with a new topic and subscribes each email', async () => {
      const r = await createAlarm(aws, config({ description: 'EC2 vCPUs above plan' }));
      expect(r).toMatchObject({ alarmName: 'vcpu-high', notifyOn: ['alarm'] });
      expect(r.regions).toHaveLength(1);
      const east = r.regions[0]!;
      expect(east).toMatchObject({
        region: 'us-east-1',
        alarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:vcpu-high',
        topicArn: 'arn:aws:sns:us-east-1:123456789012:onramp-alerts',
        updated: false,
        topicCreated: true,
      });
      expect(east.subscriptions.map((s) => [s.endpoint, s.protocol, s.status]).sort()).toEqual([
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
        AlarmActions: [east.topicArn],
        OKActions: [],
        InsufficientDataActions: [],
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
      const east = r.regions[0]!;
      expect(east).toMatchObject({ updated: true, topicCreated: false, topicArn: 'arn:aws:sns:us-east-1:123456789012:onramp-alerts' });
      expect(east.subscriptions).toHaveLength(2);
      const alarms = await describeAlarm('vcpu-high');
      expect(alarms).toHaveLength(1);
      expect(alarms[0]).toMatchObject({ Threshold: 2000, ComparisonOperator: 'GreaterThanOrEqualToThreshold', EvaluationPeriods: 3, DatapointsToAlarm: 2 });
      expect(await topicsNamed('onramp-alerts')).toHaveLength(1);
      const sns = await aws.sns('us-east-1');
      const subs = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: east.topicArn }));
      expect(subs.Subscriptions).toHaveLength(2);
    });

    it('notifies on OK and INSUFFICIENT_DATA when asked', async () => {
      const r = await createAlarm(aws, config({ name: 'vcpu-all-states', notifyOn: ['alarm', 'ok', 'insufficient-data'] }));
      const arn = r.regions[0]!.topicArn;
      expect((await describeAlarm('vcpu-all-states'))[0]).toMatchObject({ AlarmActions: [arn], OKActions: [arn], InsufficientDataActions: [arn] });
      await createAlarm(aws, config({ name: 'vcpu-ok-only', notifyOn: ['ok'] }));
      expect((await describeAlarm('vcpu-ok-only'))[0]).toMatchObject({ AlarmActions: [], OKActions: [arn], InsufficientDataActions: [] });
      const listed = (await listAlarms(aws, 'us-east-1')).filter((a) => ['vcpu-all-states', 'vcpu-ok-only'].includes(a.alarmName));
      expect(Object.fromEntries(listed.map((a) => [a.alarmName, a.notifyOn]))).toEqual({ 'vcpu-all-states': ['alarm', 'ok', 'insufficient-data'], 'vcpu-ok-only': ['ok'] });
      await deleteAlarm(aws, 'us-east-1', 'vcpu-all-states');
      await deleteAlarm(aws, 'us-east-1', 'vcpu-ok-only');
    });

    it('all usage classes: an alarm on a Metrics Insights query grouped by class, summed (Spot and later classes included)', async () => {
      await createAlarm(aws, config({ name: 'vcpu-total', metric: { kind: 'vcpu', usageClass: 'all' }, threshold: 100, period: 60, stat: 'Average' }));
      const [alarm] = await describeAlarm('vcpu-total');
      expect(alarm?.MetricName).toBeUndefined();
      expect(alarm!.Metrics).toEqual([
        { Id: 'classes', Expression: vcpuClassesQuery('Average'), Period: 60, ReturnData: false },
        { Id: 'total', Expression: 'SUM(classes)', Label: 'EC2 vCPUs, All usage classes (On-Demand and Spot)', ReturnData: true },
      ]);
      const listed = (await listAlarms(aws, 'us-east-1')).find((a) => a.alarmName === 'vcpu-total');
      expect(listed).toMatchObject({ metric: { kind: 'vcpu', usageClass: 'all' }, stat: 'Average', period: 60, threshold: 100 });
      await deleteAlarm(aws, 'us-east-1', 'vcpu-total');
    });

    it('creates an alarm on an existing topic, subscribing only the extra emails', async () => {
      const sns = await aws.sns('us-east-1');
      const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'team-alerts' }));
      const r = await createAlarm(aws, config({ name: 'vcpu-spot', metric: { kind: 'vcpu', usageClass: 'Standard/Spot' }, topic: { kind: 'existing', arn: TopicArn!, emails: [] } }));
      expect(r.regions[0]).toMatchObject({ topicArn: TopicArn, topicCreated: false, updated: false, subscriptions: [] });
      expect((await describeAlarm('vcpu-spot'))[0]?.AlarmActions).toEqual([TopicArn]);
      const again = await createAlarm(aws, config({ name: 'vcpu-spot', topic: { kind: 'existing', arn: TopicArn!, emails: ['oncall@example.com'] } }));
      expect(again.regions[0]!.subscriptions.map((s) => s.endpoint)).toEqual(['oncall@example.com']);
      expect(await listSubscriptions(aws, 'us-east-1', TopicArn!)).toHaveLength(1);
    });

    it('a "new" topic whose name another topic has is refused (Conflict, naming it) and nothing changes', async () => {
      const sns = await aws.sns('us-east-1');
      const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'billing-team' }));
      await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'email', Endpoint: 'finance@example.com' }));
      const err = await createAlarm(aws, config({ name: 'vcpu-collide', topic: { kind: 'new', name: 'billing-team', emails: ['ops@example.com'] } })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'Conflict', message: expect.stringContaining(TopicArn!) });
      expect((err as AppError).message).toMatch(/1 subscription\b.*Nothing was changed.*--topic-arn/s);
      expect(await describeAlarm('vcpu-collide')).toHaveLength(0);
      expect((await listSubscriptions(aws, 'us-east-1', TopicArn!)).map((s) => s.endpoint)).toEqual(['finance@example.com']);
      expect(await lookupTopics(aws, ['us-east-1', 'us-west-1'], 'billing-team')).toEqual([
        { region: 'us-east-1', topicArn: TopicArn, onramp: false, subscriptions: [expect.objectContaining({ endpoint: 'finance@example.com' })] },
        { region: 'us-west-1', topicArn: null, onramp: false, subscriptions: [] },
      ]);
      expect((await lookupTopics(aws, ['us-east-1'], 'onramp-alerts'))[0]).toMatchObject({ onramp: true });
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
        metric: STANDARD,
        stat: 'Maximum',
        threshold: 2000,
        period: 300,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        treatMissing: 'missing',
        notifyOn: ['alarm'],
        topicArns: ['arn:aws:sns:us-east-1:123456789012:onramp-alerts'],
        // the re-create replaced the whole definition (PutMetricAlarm replaces), description included
        description: '',
      });
      expect(['OK', 'ALARM', 'INSUFFICIENT_DATA']).toContain(list[0]!.state);
      expect((await listTopics(aws, 'us-east-1')).map((t) => t.name)).toEqual(['billing-team', 'onramp-alerts', 'team-alerts']);
    });

    it('a test notification puts the alarm in ALARM', async () => {
      expect(await sendTestNotification(aws, 'us-east-1', 'vcpu-high', Date.UTC(2026, 0, 2))).toEqual({ alarmName: 'vcpu-high', state: 'ALARM' });
      const a = (await listAlarms(aws, 'us-east-1')).find((x) => x.alarmName === 'vcpu-high');
      expect(a).toMatchObject({ state: 'ALARM', stateReason: expect.stringContaining('2026-01-02T00:00:00.000Z') });
      await expect(sendTestNotification(aws, 'us-east-1', 'nope', Date.now())).rejects.toMatchObject({ code: 'NotFound' });
    });

    it('deletes an alarm; deleting it again is NotFound', async () => {
      expect(await deleteAlarm(aws, 'us-east-1', 'vcpu-spot')).toEqual({ alarmName: 'vcpu-spot', deleted: true });
      expect(await describeAlarm('vcpu-spot')).toHaveLength(0);
      await expect(deleteAlarm(aws, 'us-east-1', 'vcpu-spot')).rejects.toMatchObject({ code: 'NotFound' });
    });
  });

  describe('dashboard', () => {
    it('summarises each region: all classes by default, with a per-class breakdown, 24 h sparkline, alarms', async () => {
      const d = await dashboardSummary(aws, ['us-east-1', 'us-west-2'], undefined, Date.now());
      const [east, west] = d.regions;
      expect(east).toMatchObject({ region: 'us-east-1', ok: true, usageClass: 'all', current: 10, currentAt: seeded.base - P5, peak24h: 60, quota: null, headroom: null });
      if (!east?.ok || !west?.ok) throw new Error('a region failed');
      expect(east.series).toHaveLength(288 - 1); // the in-progress slot has no datapoint
      expect(east.quotaNote).toMatch(/L-1216C47A/);
      expect(east.alarms.map((a) => a.alarmName)).toEqual(['vcpu-high']);
      expect(east.classes).toEqual([{ usageClass: 'Standard/OnDemand', current: 10, peak24h: 60, quota: null, quotaCode: 'L-1216C47A' }]);
      expect(west).toMatchObject({ region: 'us-west-2', ok: true, current: 12, alarms: [] });
      expect(west.classes.map((c) => [c.usageClass, c.current])).toEqual([
        ['Standard/OnDemand', 4],
        ['G/OnDemand', 8],
      ]);
    });

    it('one class on request, with its quota', async () => {
      const d = await dashboardSummary(aws, ['us-west-2'], 'G/OnDemand', Date.now());
      expect(d.regions[0]).toMatchObject({ ok: true, usageClass: 'G/OnDemand', current: 8, classes: [{ usageClass: 'G/OnDemand', quotaCode: 'L-DB2E81BA' }] });
    });

    it('one failing region reports its own error and the others still show', async () => {
      const failing: AwsContext = {
        ...aws,
        cloudwatch: (region?: string) =>
          region === 'us-west-1' ? Promise.reject(new AppError('AccessDenied', 'denied in us-west-1')) : aws.cloudwatch(region),
      };
      const d = await dashboardSummary(failing, ['us-east-1', 'us-west-1', 'us-west-2'], undefined, Date.now());
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
    const ipcConfig = (over: Record<string, unknown> = {}) => ({
      regions: ['us-east-1'],
      name: 'ipc-alarm',
      metric: STANDARD,
      threshold: 5,
      topic: { kind: 'new', name: 'ipc-topic', emails: ['a@example.com'] },
      ...over,
    });

    it('usage:history and usage:classes answer within the contract', async () => {
      const invoke = invoker();
      const h = await invoke('usage:history', { region: 'us-east-1', range: '1w' });
      expect(h).toMatchObject({ ok: true, value: { max: 60, period: 300, suggestion: { value: 72 } } });
      const all = await invoke('usage:history', { region: 'us-east-2', range: '1d', metric: { kind: 'vcpu', usageClass: 'all' }, breakdown: true });
      expect(all).toMatchObject({ ok: true, value: { max: 1106, classes: ['Standard/OnDemand', 'G/OnDemand', 'P/OnDemand', 'Standard/Spot'] } });
      expect(await invoke('usage:classes', { region: 'us-west-2' })).toEqual({ ok: true, value: ['Standard/OnDemand', 'G/OnDemand'] });
      expect(await invoke('usage:quota', { region: 'us-east-1' })).toMatchObject({ ok: true, value: { value: null } });
    });

    it('alarms:create validates before AWS and then creates; topics and dashboard work', async () => {
      const invoke = invoker();
      const bad = await invoke('alarms:create', { config: ipcConfig({ evaluationPeriods: 2, datapointsToAlarm: 3 }) });
      expect(bad).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'config.datapointsToAlarm' } });
      const good = await invoke('alarms:create', { config: ipcConfig(), runId: 'run-0001' });
      expect(good).toMatchObject({ ok: true, value: { alarmName: 'ipc-alarm', regions: [{ region: 'us-east-1', topicCreated: true }] } });
      expect(await invoke('alarms:cancel', { runId: 'run-0001' })).toEqual({ ok: true, value: { cancelled: false } }); // already finished
      const topicArn = 'arn:aws:sns:us-east-1:123456789012:ipc-topic';
      expect(await invoke('topics:lookup', { regions: ['us-east-1'], name: 'ipc-topic' })).toMatchObject({ ok: true, value: [{ topicArn, onramp: true }] });
      expect(await invoke('topics:subscriptions', { region: 'us-east-1', topicArn })).toMatchObject({ ok: true, value: [{ endpoint: 'a@example.com', status: 'confirmed' }] });
      expect(await invoke('topics:resend', { region: 'us-east-1', topicArn, endpoint: 'a@example.com' })).toMatchObject({ ok: true, value: { status: 'confirmed' } });
      expect(await invoke('alarms:test-notification', { region: 'us-east-1', name: 'ipc-alarm' })).toEqual({ ok: true, value: { alarmName: 'ipc-alarm', state: 'ALARM' } });
      const dash = await invoke('dashboard:summary', { regions: ['us-east-1'] });
      expect(dash).toMatchObject({ ok: true, value: { regions: [{ region: 'us-east-1', ok: true, usageClass: 'all' }] } });
      expect(await invoke('alarms:delete-plan', { regions: ['us-east-1', 'us-west-1'], name: 'ipc-alarm' })).toMatchObject({ ok: true, value: { foundIn: ['us-east-1'], notFoundIn: ['us-west-1'], topics: [{ topicArn, onramp: true, status: 'deletable' }] } });
      expect(await invoke('alarms:delete', { regions: ['us-east-1'], name: 'ipc-alarm' })).toEqual({
        ok: true,
        value: { alarmName: 'ipc-alarm', deletedIn: ['us-east-1'], notFoundIn: [], failed: [], topics: [expect.objectContaining({ topicArn, status: 'kept' })] },
      });
      expect(await invoke('alarms:delete', { regions: ['us-east-1'], name: 'ipc-alarm' })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    });

    it('rejects bad requests with InvalidInput and a field', async () => {
      const invoke = invoker();
      expect(await invoke('usage:history', { region: 'eu-west-1' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'region' } });
      expect(await invoke('usage:history', { region: 'us-east-1', range: '5y' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'range' } });
      expect(await invoke('usage:history', { region: 'us-east-1', period: 30 })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'period' } });
      expect(await invoke('topics:subscriptions', { region: 'us-east-1', topicArn: 'nope' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'topicArn' } });
      expect(await invoke('topics:subscriptions', { region: 'us-east-1', topicArn: 'arn:aws:sns:us-west-2:123456789012:t' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'topicArn' } });
      expect(await invoke('alarms:create', { config: ipcConfig({ threshold: 'high' }) })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'config.threshold' } });
      expect(await invoke('alarms:create', { config: ipcConfig({ period: 10 }) })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'config.period' } });
    });

    it('without a session alarms:list answers NotConnected (every channel: tests/main/handlers/not-connected.test.ts)', async () => {
      const session = createSessionHolder();
      const invoke = createInvoker({ env, dataDir: env.ONRAMP_DATA_DIR, store: new ConfigurationStore(env.ONRAMP_DATA_DIR), session });
      expect(await invoke('alarms:list', { region: 'us-east-1' })).toMatchObject({ ok: false, error: { code: 'NotConnected' } });
    });
  });
});
