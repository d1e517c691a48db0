/**
 * The watcher against moto with an injected clock: alarm states driven with SetAlarmState become one
 * event per transition and never again; a restart (a new watcher on the same state file) repeats
 * nothing and waits for the due time; each pass makes exactly one DescribeAlarms and at most one
 * GetMetricData per region (counted by a proxy in front of moto); after a sleep, wake() polls at once;
 * a pause holds passes until it runs out, also across a restart. moto confirms email subscriptions at
 * once, so the pending case answers ListSubscriptionsByTopic from the proxy, as SNS does before the
 * recipient clicks the link.
 */
import { mkdtempSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutMetricAlarmCommand, PutMetricDataCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRuns } from '../../../main/core/app/runs';
import type { AwsContext } from '../../../main/core/aws/context';
import { WatchStateStore } from '../../../main/core/watch/state';
import { createWatcher, type Watcher } from '../../../main/core/watch/watcher';
import type { RunProgress } from '../../../shared/contract/runs';
import type { WatchEvent, WatchSummary } from '../../../shared/watch/events';
import { fakeClock } from '../../helpers/fake-clock';
import { contextAt, useMoto, useRequestCounter } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import type { SeenRequest } from '../../helpers/request-counter';

const REGIONS = ['us-east-1', 'us-west-2'] as const;
const EVERY = 300_000;
const DIMS = [
  { Name: 'Service', Value: 'EC2' },
  { Name: 'Type', Value: 'Resource' },
  { Name: 'Resource', Value: 'vCPU' },
  { Name: 'Class', Value: 'Standard/OnDemand' },
];

let pendingEndpoint: string | null = null;

/** SNS's answer before the recipient confirms: the subscription's ARN is "PendingConfirmation". */
function pendingAnswer(req: SeenRequest): { status: number; body: string; headers: Record<string, string> } | undefined {
  if (req.action !== 'ListSubscriptionsByTopic' || !pendingEndpoint) return undefined;
  const topic = decodeURIComponent(/TopicArn=([^&]+)/.exec(req.body)?.[1] ?? '');
  const body = `<ListSubscriptionsByTopicResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ListSubscriptionsByTopicResult><Subscriptions><member><TopicArn>${topic}</TopicArn><Protocol>email</Protocol><SubscriptionArn>PendingConfirmation</SubscriptionArn><Owner>123456789012</Owner><Endpoint>${pendingEndpoint}</Endpoint></member></Subscriptions></ListSubscriptionsByTopicResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListSubscriptionsByTopicResponse>`;
  return { status: 200, body, headers: { 'content-type': 'text/xml' } };
}

describe.skipIf(!HAS_MOTO)('the watcher (moto, injected clock)', () => {
  const moto = useMoto();
  const counter = useRequestCounter({ upstream: moto, intercept: pendingAnswer });
  let aws: AwsContext;
  let direct: AwsContext;
  let dataDir: string;

  beforeAll(async () => {
    aws = await contextAt(counter.url, 'us-east-1');
    direct = await contextAt(moto.url, 'us-east-1');
  });

  beforeEach(async () => {
    await moto.reset();
    pendingEndpoint = null;
    dataDir = mkdtempSync(join(tmpdir(), 'onramp-watch-'));
    for (const region of REGIONS) {
      const sns = await direct.sns(region);
      const topic = await sns.send(new CreateTopicCommand({ Name: 'onramp-alerts' }));
      await sns.send(new SubscribeCommand({ TopicArn: topic.TopicArn, Protocol: 'email', Endpoint: 'ops@example.com' }));
      const cw = await direct.cloudwatch(region);
      await cw.send(
        new PutMetricAlarmCommand({
          AlarmName: 'vcpus-high',
          Namespace: 'AWS/Usage',
          MetricName: 'ResourceCount',
          Dimensions: DIMS,
          Statistic: 'Maximum',
          Period: 300,
          EvaluationPeriods: 1,
          Threshold: 100,
          ComparisonOperator: 'GreaterThanThreshold',
          AlarmActions: [topic.TopicArn!],
        }),
      );
    }
  });

  const setState = async (region: string, state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA') =>
    (await direct.cloudwatch(region)).send(new SetAlarmStateCommand({ AlarmName: 'vcpus-high', StateValue: state, StateReason: 'test' }));
  const putUsage = async (region: string, value: number, at: number) =>
    (await direct.cloudwatch(region)).send(
      new PutMetricDataCommand({ Namespace: 'AWS/Usage', MetricData: [{ MetricName: 'ResourceCount', Dimensions: DIMS, Timestamp: new Date(at), Value: value }] }),
    );

  /** A watcher on the test's data folder; `passes` collects each pass's events. */
  function watcherAt(time: ReturnType<typeof fakeClock>, passes: { events: WatchEvent[]; summary: WatchSummary }[]): Watcher {
    return createWatcher({
      clock: time.clock,
      everyMs: EVERY,
      runs: createRuns<RunProgress>({ now: time.now }),
      store: new WatchStateStore(dataDir, 'default|moto'),
      pass: () => ({ aws, profile: 'default', regions: REGIONS }),
      onEvents: (events, summary) => passes.push({ events, summary }),
      onPassFailed: (err) => console.error('pass failed', err),
      subject: 'default',
    });
  }
  const passCount = async (passes: unknown[], n: number) => vi.waitFor(() => expect(passes.length).toBe(n), { timeout: 15_000, interval: 20 });

  it('reports each transition once, never again, and not after a restart; each pass makes one DescribeAlarms and at most one GetMetricData per region', async () => {
    const time = fakeClock(Date.now());
    await putUsage('us-east-1', 12, time.now() - 60_000);
    const passes: { events: WatchEvent[]; summary: WatchSummary }[] = [];
    const w = watcherAt(time, passes);
    await w.start();
    await passCount(passes, 1);
    // New alarms start INSUFFICIENT_DATA: no news.
    expect(passes[0]!.events).toEqual([]);
    expect(passes[0]!.summary.regions).toEqual([
      { region: 'us-east-1', vcpus: 12, inAlarm: [] },
      { region: 'us-west-2', vcpus: null, inAlarm: [] },
    ]);

    await setState('us-east-1', 'ALARM');
    let before = counter.requests.length;
    time.advance(EVERY);
    await passCount(passes, 2);
    // moto evaluates the alarm on its data (OK at 12 vCPUs); SetAlarmState moved it.
    expect(passes[1]!.events).toMatchObject([{ kind: 'alarm-state', region: 'us-east-1', alarm: 'vcpus-high', from: 'OK', to: 'ALARM', screen: 'dashboard' }]);
    const second = counter.requests.slice(before).map((r) => r.action).sort();
    // Subscriptions were read in the first pass; within the hour only alarms and their totals.
    expect(second).toEqual(['DescribeAlarms', 'DescribeAlarms', 'GetMetricData', 'GetMetricData']);
    expect(passes[1]!.summary.regions[0]).toEqual({ region: 'us-east-1', vcpus: 12, inAlarm: ['vcpus-high'] });

    before = counter.requests.length;
    time.advance(EVERY);
    await passCount(passes, 3);
    expect(passes[2]!.events).toEqual([]);
    expect(counter.requests.slice(before).filter((r) => r.action === 'DescribeAlarms')).toHaveLength(REGIONS.length);

    await setState('us-east-1', 'OK');
    await setState('us-west-2', 'ALARM');
    time.advance(EVERY);
    await passCount(passes, 4);
    const changes = passes[3]!.events.map((e) => `${e.region} ${e.from}→${e.to}`).sort();
    expect(changes[0]).toBe('us-east-1 ALARM→OK');
    expect(changes[1]).toMatch(/^us-west-2 (OK|INSUFFICIENT_DATA)→ALARM$/);
    expect(changes).toHaveLength(2);
    w.stop();

    // A restart: the same state file; the next pass waits for its due time and repeats nothing.
    const again: typeof passes = [];
    const w2 = watcherAt(time, again);
    await w2.start();
    expect(w2.nextAt()).toBe(time.now() + EVERY);
    time.advance(EVERY - 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(again).toHaveLength(0);
    time.advance(1);
    await passCount(again, 1);
    expect(again[0]!.events).toEqual([]);
    w2.stop();
  });

  it('the vCPU total crossing an alarm threshold is one usage event each way', async () => {
    const time = fakeClock(Date.now());
    await putUsage('us-east-1', 12, time.now() - 120_000);
    const passes: { events: WatchEvent[]; summary: WatchSummary }[] = [];
    const w = watcherAt(time, passes);
    await w.start();
    await passCount(passes, 1);
    await putUsage('us-east-1', 150, time.now() - 30_000);
    time.advance(EVERY);
    await passCount(passes, 2);
    expect(passes[1]!.events).toMatchObject([{ kind: 'usage', region: 'us-east-1', alarm: 'vcpus-high' }]);
    expect(passes[1]!.events[0]!.message).toContain('150');
    time.advance(EVERY);
    await passCount(passes, 3);
    expect(passes[2]!.events).toEqual([]);
    w.stop();
  });

  it('after a sleep in which no timer fired, wake() polls at once', async () => {
    const time = fakeClock(Date.now());
    const passes: { events: WatchEvent[]; summary: WatchSummary }[] = [];
    const w = watcherAt(time, passes);
    await w.start();
    await passCount(passes, 1);
    await setState('us-west-2', 'ALARM');
    time.sleep(8 * 3_600_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(passes).toHaveLength(1);
    w.wake();
    await passCount(passes, 2);
    expect(passes[1]!.events).toMatchObject([{ kind: 'alarm-state', region: 'us-west-2', to: 'ALARM' }]);
    w.stop();
  });

  it('pause holds passes until it runs out, also across a restart; pause(null) resumes', async () => {
    const time = fakeClock(Date.now());
    const passes: { events: WatchEvent[]; summary: WatchSummary }[] = [];
    const w = watcherAt(time, passes);
    await w.start();
    await passCount(passes, 1);
    await w.pause(time.now() + 3_600_000);
    expect(w.nextAt()).toBeNull();
    time.advance(30 * 60_000);
    w.stop();
    const w2 = watcherAt(time, passes);
    await w2.start();
    expect(w2.pausedUntil()).toBe(time.now() + 30 * 60_000);
    time.advance(29 * 60_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(passes).toHaveLength(1);
    time.advance(60_000);
    await passCount(passes, 2);
    expect(w2.pausedUntil()).toBeNull();
    await w2.pause(time.now() + 3_600_000);
    await w2.pause(null);
    // Resumed: the next pass is due as if there had been no pause.
    expect(w2.nextAt()).toBe(time.now() + EVERY);
    time.advance(EVERY);
    await passCount(passes, 3);
    w2.stop();
  });

  it('a subscription still pending a day after its alarm was made is reported once', async () => {
    pendingEndpoint = 'ops@example.com';
    const time = fakeClock(Date.now());
    const passes: { events: WatchEvent[]; summary: WatchSummary }[] = [];
    const w = watcherAt(time, passes);
    await w.start();
    await passCount(passes, 1);
    expect(passes[0]!.events).toEqual([]);
    time.sleep(25 * 3_600_000);
    w.wake();
    await passCount(passes, 2);
    const subs = passes[1]!.events.filter((e) => e.kind === 'subscription');
    expect(subs.map((e) => e.region).sort()).toEqual([...REGIONS]);
    expect(subs[0]!.message).toContain('ops@example.com');
    time.advance(2 * 3_600_000);
    await passCount(passes, 3);
    expect(passes.slice(2).flatMap((p) => p.events)).toEqual([]);
    w.stop();
  });

  it('a corrupt or hostile state file is set aside and the watcher starts afresh (an alarm in ALARM is reported once)', async () => {
    mkdirSync(join(dataDir, 'watch'), { recursive: true });
    const store = new WatchStateStore(dataDir, 'default|moto');
    writeFileSync(store.file, JSON.stringify({ version: 1, alarms: { __proto__: { polluted: true } }, lastEndedAt: 'x' }));
    await setState('us-east-1', 'ALARM');
    const time = fakeClock(Date.now());
    const passes: { events: WatchEvent[]; summary: WatchSummary }[] = [];
    const w = watcherAt(time, passes);
    await w.start();
    await passCount(passes, 1);
    expect(passes[0]!.events).toMatchObject([{ kind: 'alarm-state', region: 'us-east-1', from: null, to: 'ALARM' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(readdirSync(join(dataDir, 'watch')).some((f) => f.includes('.corrupt-'))).toBe(true);
    w.stop();
  });
});
