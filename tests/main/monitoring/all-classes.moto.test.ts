/**
 * "All usage classes" counts every class the account publishes (issue 19.3): On-Demand 10 + G 4 +
 * Standard/Spot 3 vCPUs is 17, not 14 — through `onramp usage --class all`, `onramp alarm backtest`,
 * the dashboard, and the series the cost card reads (and its cost) — and the alarm on all classes is
 * a Metrics Insights query, read back with boto3.
 *
 * What moto cannot show: it stores a Metrics Insights alarm but never evaluates it, and for a
 * SELECT in GetMetricData it adds up every metric it holds whatever the query says (checked: a
 * non-vCPU AWS/Usage metric lands in the total). So no test here reads a SELECT back as numbers;
 * Onramp's own totals are per-class queries summed, and the alarm's definition is checked as text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { AwsContext } from '../../../main/core/aws/context';
import { createAlarm, dashboardSummary, deleteAlarm } from '../../../main/core/monitoring';
import { contextForProfile } from '../../../main/core/profiles/session';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import { createInvoker, createSessionHolder } from '../../../main/handlers';
import { vcpuClassesQuery } from '../../../shared/monitoring/insights';
import { usageCost } from '../../../shared/monitoring/cost';
import type { UsageHistory } from '../../../shared/contract/monitoring';
import { boto3 } from '../../helpers/boto3';
import { cli } from '../../helpers/cli';
import { type AwsTestEnv, useMoto } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { HAS_BOTO3 } from '../../helpers/python';
import { P5, seedUsage } from './seed';

const REGION = 'us-west-1';
const SLOTS = [6, 5, 4, 3, 2, 1];

describe.skipIf(!HAS_MOTO || !HAS_BOTO3)('all usage classes, Spot included, against moto', () => {
  const moto = useMoto();
  let env: AwsTestEnv;
  let aws: AwsContext;
  let base: number;

  beforeAll(async () => {
    env = moto.env();
    aws = await contextForProfile({ profile: 'default', env, region: REGION });
    base = Math.floor(Date.now() / P5) * P5;
    const at = (v: number) => SLOTS.map((j) => ({ t: base - j * P5, v }));
    await seedUsage(aws, REGION, 'Standard/OnDemand', at(10));
    await seedUsage(aws, REGION, 'G/OnDemand', at(4));
    await seedUsage(aws, REGION, 'Standard/Spot', at(3));
    // Another AWS/Usage metric (not vCPU): never part of the total.
    const cw = await aws.cloudwatch(REGION);
    await cw.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/Usage',
        MetricData: [{ MetricName: 'ResourceCount', Timestamp: new Date(base - P5), Value: 500, Dimensions: [{ Name: 'Service', Value: 'EC2' }, { Name: 'Type', Value: 'Resource' }, { Name: 'Resource', Value: 'OnDemand' }, { Name: 'Class', Value: 'None' }] }],
      }),
    );
  });

  const classes = ['Standard/OnDemand', 'G/OnDemand', 'Standard/Spot'];

  it('onramp usage --class all reports 17 and names the classes it added', async () => {
    const r = await cli(['usage', '--profile', 'default', '--region', REGION, '--class', 'all', '--days', '1', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ max: 17, classes, points: SLOTS.length });
    const human = await cli(['usage', '--profile', 'default', '--region', REGION, '--class', 'all', '--days', '1'], env);
    expect(human.stdout).toContain('All usage classes (On-Demand and Spot): Standard/OnDemand + G/OnDemand + Standard/Spot');
  });

  it('onramp alarm backtest --class all fires above 16 (the On-Demand classes alone never pass 14)', async () => {
    const args = ['alarm', 'backtest', '--profile', 'default', '--region', REGION, '--class', 'all', '--days', '1', '--json'];
    const fires = await cli([...args, '--threshold', '16'], env);
    expect(fires.code, fires.stderr).toBe(0);
    expect(fires.json).toMatchObject({ classes, breaches: 1, episodes: [{ start: new Date(base - 6 * P5).toISOString() }] });
    const quiet = await cli([...args, '--threshold', '17'], env);
    expect(quiet.json).toMatchObject({ breaches: 0 });
  });

  it('the dashboard totals 17 and shows the Spot class with its own quota code', async () => {
    const d = await dashboardSummary(aws, [REGION], undefined, Date.now());
    const region = d.regions[0]!;
    if (!region.ok) throw new Error(region.error.message);
    expect(region).toMatchObject({ usageClass: 'all', current: 17, peak24h: 17, summedClasses: classes });
    expect(region.classes.map((c) => [c.usageClass, c.current, c.quotaCode])).toEqual([
      ['Standard/OnDemand', 10, 'L-1216C47A'],
      ['G/OnDemand', 4, 'L-DB2E81BA'],
      ['Standard/Spot', 3, 'L-34B43A08'],
    ]);
  });

  it('the cost card\'s series (usage:history with a breakdown) adds Spot in, and so does its cost', async () => {
    const session = createSessionHolder();
    session.set({ aws, info: { profile: 'default', account: '123456789012', arn: 'arn:aws:iam::123456789012:user/t', userId: 'x', region: REGION, endpointUrl: moto.url } });
    const invoke = createInvoker({ env, dataDir: env.ONRAMP_DATA_DIR, store: new ConfigurationStore(env.ONRAMP_DATA_DIR), session });
    const r = await invoke('usage:history', { region: REGION, range: '1d', stat: 'Average', metric: { kind: 'vcpu', usageClass: 'all' }, breakdown: true });
    if (!r.ok) throw new Error(r.error.message);
    const h = r.value as UsageHistory;
    expect(h.classes).toEqual(classes);
    expect(h.byClass.map((c) => c.usageClass)).toEqual(classes);
    expect(h.points.map((p) => p.v)).toEqual(SLOTS.map(() => 17));
    // The card's cost is shared/monitoring/cost over the total and over each class (renderer dashboard model, costTable).
    // Six datapoints of 17 vCPUs, each standing for one period: Spot is 3 of the 17.
    const hours = (v: number) => (v * SLOTS.length * h.period) / 3600;
    expect(usageCost(h.points, h, 0.1, Date.now()).vcpuHours).toBeCloseTo(hours(17), 9);
    expect(usageCost(h.byClass.find((c) => c.usageClass === 'Standard/Spot')!.points, h, 0.1, Date.now()).vcpuHours).toBeCloseTo(hours(3), 9);
  });

  it('the alarm on all classes is a Metrics Insights query grouped by class and summed, as boto3 reads it back', async () => {
    await createAlarm(aws, {
      regions: [REGION],
      name: 'all-vcpus',
      description: '',
      metric: { kind: 'vcpu', usageClass: 'all' },
      stat: 'Maximum',
      threshold: 16,
      comparison: 'gt',
      period: 300,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      treatMissing: 'notBreaching',
      topic: { kind: 'new', name: 'all-vcpus-topic', emails: ['ops@example.com'] },
      notifyOn: ['alarm'],
    });
    const alarm = (await boto3(env, "out = session.client('cloudwatch').describe_alarms(AlarmNames=['all-vcpus'])['MetricAlarms'][0]", { region: REGION })) as Record<string, unknown>;
    expect(alarm).toMatchObject({ EvaluationPeriods: 3, DatapointsToAlarm: 2, Threshold: 16, ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: 'notBreaching' });
    expect(alarm.MetricName).toBeUndefined();
    expect(alarm.Metrics).toEqual([
      { Id: 'classes', Expression: vcpuClassesQuery('Maximum'), Period: 300, ReturnData: false },
      { Id: 'total', Expression: 'SUM(classes)', Label: 'EC2 vCPUs, All usage classes (On-Demand and Spot)', ReturnData: true },
    ]);
    expect(vcpuClassesQuery('Maximum')).toBe(
      `SELECT MAX(ResourceCount) FROM SCHEMA("AWS/Usage", Class, Resource, Service, Type) WHERE Service = 'EC2' AND Type = 'Resource' AND Resource = 'vCPU' GROUP BY Class`,
    );
    await deleteAlarm(aws, REGION, 'all-vcpus');
  });
});
