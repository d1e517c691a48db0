/**
 * Alarm writes are all or nothing (issue 11, item 5): faults injected between Onramp and moto on every
 * operation of an alarm create, and every PutMetricAlarm answer dropped while updating each field of an
 * alarm — the previous definition must be back in full, and the message must say so without
 * contradicting itself.
 */
import { DescribeAlarmsCommand, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { CreateTopicCommand, ListSubscriptionsByTopicCommand, ListTopicsCommand } from '@aws-sdk/client-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AwsContext } from '../../../main/core/aws/context';
import { definitionOf } from '../../../main/core/monitoring/alarm-definition';
import { createAlarm } from '../../../main/core/monitoring/alarms';
import { AlarmConfigSchema, type AlarmConfig, type AlarmConfigInput } from '../../../shared/monitoring/alarm-config';
import type { Fault } from '../../helpers/fault-proxy';
import { useMoto, useFaultProxy, contextAt } from '../../helpers/fixtures';
import { awsTestEnv, HAS_MOTO } from '../../helpers/moto';

const FAST = { connectionMs: 500, requestMs: 800, maxAttempts: 3 };
const FAULTS: Fault[] = ['throttle', 'server-error', 'hang', 'reset'];
const REGION = 'us-east-2';

describe.skipIf(!HAS_MOTO)('alarm create under injected AWS faults', () => {
  const moto = useMoto();
  const proxy = useFaultProxy(moto);
  let viaProxy: AwsContext;
  let direct: AwsContext;
  let ops: string[] = [];
  let seq = 0;

  const config = (tag: string, topic: AlarmConfig['topic'], over: Partial<AlarmConfigInput> = {}): AlarmConfig =>
    AlarmConfigSchema.parse({ regions: [REGION], name: `vcpu-${tag}`, metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' }, threshold: 100, topic, ...over });

  async function describeAlarm(name: string): Promise<MetricAlarm | undefined> {
    const cw = await direct.cloudwatch(REGION);
    return ((await cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms ?? [])[0];
  }

  async function state(name: string, topicName: string) {
    const sns = await direct.sns(REGION);
    const alarm = await describeAlarm(name);
    const topics = ((await sns.send(new ListTopicsCommand({}))).Topics ?? []).filter((t) => t.TopicArn?.endsWith(`:${topicName}`));
    const subs = topics.length ? (await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topics[0]!.TopicArn }))).Subscriptions ?? [] : [];
    return { alarms: alarm ? [alarm] : [], topics, subs };
  }

  /** A message that undid something never also says nothing was changed, and one that says it could not undo never claims the previous definition. */
  function expectConsistent(message: string) {
    expect(message.includes('Nothing had been changed') && message.includes('Undid:'), message).toBe(false);
    expect(message.includes('Nothing had been changed') && message.includes('Could not undo'), message).toBe(false);
    expect(message.includes('could not be restored') && message.includes('has its previous definition'), message).toBe(false);
  }

  beforeAll(async () => {
    const base = awsTestEnv(null);
    viaProxy = await contextAt(proxy.url, REGION, { base, timeouts: FAST });
    direct = await contextAt(moto.url, REGION, { base });
    proxy.inject(null);
    await createAlarm(viaProxy, config('discovery', { kind: 'new', name: 'topic-discovery', emails: ['ops@example.com'] }));
    ops = [...new Set(proxy.seen)];
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
            expectConsistent((err as Error).message);
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

  describe('alarm update with every PutMetricAlarm answer dropped, for each field', () => {
    let existingArn: string;
    let otherArn: string;
    beforeAll(async () => {
      const sns = await direct.sns(REGION);
      existingArn = (await sns.send(new CreateTopicCommand({ Name: 'pre-existing' }))).TopicArn!;
      otherArn = (await sns.send(new CreateTopicCommand({ Name: 'other-team' }))).TopicArn!;
    });

    // Each change touches ONE field of the definition; the rollback must notice every one of them.
    const CHANGES: Array<[string, (arn: string, other: string) => Partial<AlarmConfigInput>]> = [
      ['threshold', () => ({ threshold: 555 })],
      ['comparison', () => ({ comparison: 'gte' })],
      ['period', () => ({ period: 600 })],
      ['evaluation periods', () => ({ evaluationPeriods: 4 })],
      ['datapoints to alarm', () => ({ evaluationPeriods: 3, datapointsToAlarm: 1 })],
      ['missing-data treatment', () => ({ treatMissing: 'breaching' })],
      ['statistic', () => ({ stat: 'Average' })],
      ['description', () => ({ description: 'changed' })],
      ['usage class', () => ({ metric: { kind: 'vcpu', usageClass: 'G/OnDemand' } })],
      ['all usage classes (metric math)', () => ({ metric: { kind: 'vcpu', usageClass: 'all' } })],
      ['topic (alarm actions)', (_arn, other) => ({ topic: { kind: 'existing', arn: other, emails: [] } })],
      ['notify on OK', () => ({ notifyOn: ['alarm', 'ok'] })],
      ['notify on INSUFFICIENT_DATA', () => ({ notifyOn: ['alarm', 'insufficient-data'] })],
    ];

    it.each(CHANGES)('%s: the previous definition is back in full, and the message says so', async (label, change) => {
      const tag = `upd-${label.replace(/\W+/g, '-')}`;
      // The baseline sets evaluation periods 3 / datapoints 2 so that either one alone can change.
      const before = config(tag, { kind: 'existing', arn: existingArn, emails: [] }, { evaluationPeriods: 3, datapointsToAlarm: 2, description: 'baseline' });
      await createAlarm(direct, before);
      const previous = (await describeAlarm(before.name))!;
      const updated = AlarmConfigSchema.parse({ ...before, ...change(existingArn, otherArn) });
      expect(JSON.stringify(updated), label).not.toBe(JSON.stringify(before));

      proxy.inject({ operation: 'PutMetricAlarm', fault: 'reset', mode: 'always' });
      const err = await createAlarm(viaProxy, updated).catch((e: unknown) => e);
      const putsSent = proxy.faultsInjected;
      proxy.inject(null);

      expect(putsSent, 'the update and the restore both reached moto').toBeGreaterThan(1);
      expect(err).toMatchObject({ code: 'RolledBack' });
      const message = (err as Error).message;
      expect(message).toContain(`In ${REGION}, alarm ${before.name} has its previous definition, as before this run.`);
      expect(message).toContain('previous definition restored');
      expectConsistent(message);
      const after = (await describeAlarm(before.name))!;
      expect(definitionOf(after), label).toBe(definitionOf(previous));
    });

    it('a new address subscribed during a failed update is unsubscribed again, and the topic is never deleted', async () => {
      const first = config('upd-subs', { kind: 'existing', arn: existingArn, emails: [] });
      await createAlarm(direct, first);
      proxy.inject({ operation: 'PutMetricAlarm', fault: 'reset', mode: 'always' });
      const err = await createAlarm(viaProxy, { ...first, threshold: 555, topic: { kind: 'existing', arn: existingArn, emails: ['new@example.com'] } }).catch((e: unknown) => e);
      proxy.inject(null);
      expect(err).toMatchObject({ code: 'RolledBack' });
      const s = await state(first.name, 'pre-existing');
      expect(s.topics).toHaveLength(1);
      expect(s.alarms[0]?.Threshold).toBe(100);
      expect(s.subs.map((x) => x.Endpoint)).not.toContain('new@example.com');
    });

    it('a PutMetricAlarm that never reached CloudWatch leaves the previous definition, and the error says so', async () => {
      const first = config('upd-unreached', { kind: 'existing', arn: existingArn, emails: [] });
      await createAlarm(direct, first);
      const previous = (await describeAlarm(first.name))!;
      proxy.inject({ operation: 'PutMetricAlarm', fault: 'server-error', mode: 'always' });
      const err = await createAlarm(viaProxy, { ...first, evaluationPeriods: 5 }).catch((e: unknown) => e);
      proxy.inject(null);
      expect(err).toMatchObject({ code: 'AwsError' });
      expect((err as Error).message).toContain('has its previous definition, as before this run.');
      expectConsistent((err as Error).message);
      expect(definitionOf((await describeAlarm(first.name))!)).toBe(definitionOf(previous));
    });
  });
});
