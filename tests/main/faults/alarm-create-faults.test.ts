import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CreateTopicCommand, ListSubscriptionsByTopicCommand, ListTopicsCommand } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsContext } from '../../../main/core/aws/context';
import { createAlarm } from '../../../main/core/monitoring/alarms';
import { contextForProfile } from '../../../main/core/profiles/session';
import { AlarmConfigSchema, type AlarmConfig } from '../../../shared/monitoring/alarm-config';
import { FaultProxy, type Fault } from '../../helpers/fault-proxy';
import { awsTestEnv, HAS_MOTO, startMoto, type Moto } from '../../helpers/moto';

const FAST = { connectionMs: 500, requestMs: 800, maxAttempts: 3 };
const FAULTS: Fault[] = ['throttle', 'server-error', 'hang', 'reset'];
const REGION = 'us-east-2';

describe.skipIf(!HAS_MOTO)('alarm create under injected AWS faults', () => {
  let moto: Moto;
  let proxy: FaultProxy;
  let viaProxy: AwsContext;
  let direct: AwsContext;
  let ops: string[] = [];
  let seq = 0;

  const config = (tag: string, topic: AlarmConfig['topic']): AlarmConfig =>
    AlarmConfigSchema.parse({ region: REGION, name: `vcpu-${tag}`, metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' }, threshold: 100, topic });

  async function state(name: string, topicName: string) {
    const cw = await direct.cloudwatch(REGION);
    const sns = await direct.sns(REGION);
    const alarms = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms ?? [];
    const topics = ((await sns.send(new ListTopicsCommand({}))).Topics ?? []).filter((t) => t.TopicArn?.endsWith(`:${topicName}`));
    const subs = topics.length ? (await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topics[0]!.TopicArn }))).Subscriptions ?? [] : [];
    return { alarms, topics, subs };
  }

  beforeAll(async () => {
    moto = await startMoto();
    proxy = await new FaultProxy(moto.url).start();
    const base = awsTestEnv(null);
    viaProxy = await contextForProfile({ profile: 'default', region: REGION, env: { ...base, AWS_ENDPOINT_URL: proxy.url }, timeouts: FAST });
    direct = await contextForProfile({ profile: 'default', region: REGION, env: { ...base, AWS_ENDPOINT_URL: moto.url } });
    proxy.inject(null);
    await createAlarm(viaProxy, config('discovery', { kind: 'new', name: 'topic-discovery', emails: ['ops@example.com'] }));
    ops = [...new Set(proxy.seen)];
  });

  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it('discovers the operations alarm create calls', () => {
    for (const op of ['DescribeAlarms', 'ListTopics', 'CreateTopic', 'Subscribe', 'ListSubscriptionsByTopic', 'PutMetricAlarm']) expect(ops).toContain(op);
  });

  it('with a new topic: every fault ends complete or rolled back (no alarm, no topic), and a re-run completes without duplicates', async () => {
    const outcomes: string[] = [];
    for (const op of ops) {
      for (const fault of FAULTS) {
        for (const mode of ['once', 'always'] as const) {
          const tag = `n${++seq}`;
          const cfg = config(tag, { kind: 'new', name: `topic-${tag}`, emails: ['ops@example.com', 'oncall@example.com'] });
          proxy.inject({ operation: op, fault, mode });
          try {
            await createAlarm(viaProxy, cfg);
            outcomes.push(`${op}/${fault}/${mode}: complete`);
            const s = await state(cfg.name, `topic-${tag}`);
            expect(s.alarms).toHaveLength(1);
            expect(s.topics).toHaveLength(1);
          } catch (err) {
            outcomes.push(`${op}/${fault}/${mode}: ${(err as { code?: string }).code}`);
            const s = await state(cfg.name, `topic-${tag}`);
            expect(s.alarms, `${op}/${fault}/${mode} left an alarm`).toEqual([]);
            expect(s.topics, `${op}/${fault}/${mode} left a topic`).toEqual([]);
          }
          proxy.inject(null);
          const again = await createAlarm(direct, cfg);
          expect(again.alarmName).toBe(cfg.name);
          const s = await state(cfg.name, `topic-${tag}`);
          expect(s.alarms).toHaveLength(1);
          expect(s.topics).toHaveLength(1);
          expect(s.subs.map((x) => x.Endpoint).sort()).toEqual(['oncall@example.com', 'ops@example.com']);
        }
      }
    }
    expect(outcomes).toHaveLength(ops.length * FAULTS.length * 2);
    expect(outcomes.some((o) => o.endsWith('complete'))).toBe(true);
    expect(outcomes.some((o) => o.endsWith('RolledBack'))).toBe(true);
  }, 600_000);

  it('with an existing topic: a failed update restores the previous alarm and never deletes the topic', async () => {
    const sns = await direct.sns(REGION);
    const arn = (await sns.send(new CreateTopicCommand({ Name: 'pre-existing' }))).TopicArn!;
    const first = config('upd', { kind: 'existing', arn, emails: [] });
    await createAlarm(direct, first);
    proxy.inject({ operation: 'PutMetricAlarm', fault: 'reset', mode: 'always' });
    const err = await createAlarm(viaProxy, { ...first, threshold: 555, topic: { kind: 'existing', arn, emails: ['new@example.com'] } }).catch((e: unknown) => e);
    proxy.inject(null);
    expect(err).toMatchObject({ code: 'RolledBack' });
    const s = await state(first.name, 'pre-existing');
    expect(s.topics).toHaveLength(1);
    expect(s.alarms[0]?.Threshold).toBe(100);
    expect(s.subs.map((x) => x.Endpoint)).not.toContain('new@example.com');
  });
});
