/**
 * One alarm, several regions, all or nothing (issue 12, item 3), and cancelling an alarm create
 * (issue 11, item 6): against moto, with a failure injected in the last region only, and with the run
 * cancelled while a step is in flight — through the core and through the CLI (Ctrl-C, exit 130).
 */
import { spawn } from 'node:child_process';
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CreateTopicCommand, ListTopicsCommand } from '@aws-sdk/client-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AwsContext } from '../../../main/core/aws/context';
import { definitionOf } from '../../../main/core/monitoring/alarm-definition';
import { createAlarm } from '../../../main/core/monitoring/alarms';
import { AlarmConfigSchema, type AlarmConfigInput } from '../../../shared/monitoring/alarm-config';
import { SUPPORTED_REGIONS } from '../../../shared/regions';
import { cli, ROOT } from '../../helpers/cli';
import { type AwsTestEnv, useMoto, useFaultProxy, contextAt } from '../../helpers/fixtures';
import { awsTestEnv, HAS_MOTO } from '../../helpers/moto';
import { startRequestCounter } from '../../helpers/request-counter';

const FAST = { connectionMs: 500, requestMs: 800, maxAttempts: 2 };

describe.skipIf(!HAS_MOTO)('alarm create in several regions, all or nothing', () => {
  const moto = useMoto();
  const proxy = useFaultProxy(moto);
  let base: AwsTestEnv;
  let viaProxy: AwsContext;
  let direct: AwsContext;

  const config = (name: string, over: Partial<AlarmConfigInput> = {}) =>
    AlarmConfigSchema.parse({
      regions: [...SUPPORTED_REGIONS],
      name,
      metric: { kind: 'vcpu', usageClass: 'all' },
      threshold: 64,
      topic: { kind: 'new', name: `${name}-topic`, emails: ['ops@example.com'] },
      ...over,
    });

  async function inRegion(region: string, name: string) {
    const cw = await direct.cloudwatch(region);
    const sns = await direct.sns(region);
    const alarm = ((await cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms ?? [])[0];
    const topics = ((await sns.send(new ListTopicsCommand({}))).Topics ?? []).filter((t) => t.TopicArn?.endsWith(`:${name}-topic`));
    return { alarm, topics };
  }

  beforeAll(async () => {
    base = awsTestEnv(null);
    viaProxy = await contextAt(proxy.url, 'us-east-1', { base, timeouts: FAST });
    direct = await contextAt(moto.url, 'us-east-1', { base });
  });

  it('creates the same alarm and a topic of the same name in each of the four regions', async () => {
    const r = await createAlarm(direct, config('everywhere'));
    expect(r.regions.map((x) => [x.region, x.topicArn, x.topicCreated])).toEqual(
      SUPPORTED_REGIONS.map((region) => [region, `arn:aws:sns:${region}:123456789012:everywhere-topic`, true]),
    );
    for (const region of SUPPORTED_REGIONS) {
      const s = await inRegion(region, 'everywhere');
      expect(s.alarm?.AlarmActions).toEqual([`arn:aws:sns:${region}:123456789012:everywhere-topic`]);
      expect(s.alarm?.Metrics?.find((m) => m.ReturnData)?.Expression).toBe('SUM(classes)');
    }
  });

  it('a failure in the last region undoes what the run made in the other three (RolledBack)', async () => {
    // us-east-2 already has this alarm with another threshold: it must come back exactly.
    await createAlarm(direct, config('partial', { regions: ['us-east-2'], threshold: 8 }));
    const before = (await inRegion('us-east-2', 'partial')).alarm!;
    proxy.inject({ operation: 'PutMetricAlarm', fault: 'server-error', mode: 'always', region: 'us-west-2' });
    const err = await createAlarm(viaProxy, config('partial')).catch((e: unknown) => e);
    proxy.inject(null);
    expect(err).toMatchObject({ code: 'RolledBack' });
    const message = (err as Error).message;
    expect(message).toMatch(/failed in us-west-2/);
    expect(message).toContain('alarm partial in us-east-1');
    expect(message).toContain('alarm partial in us-east-2 (previous definition restored)');
    expect(message).toContain('topic partial-topic in us-west-1');
    expect(message).toContain('In us-east-2, alarm partial has its previous definition, as before this run.');
    expect(message).toContain('In us-east-1, there is no alarm partial, as before this run.');
    for (const region of ['us-east-1', 'us-west-1', 'us-west-2']) {
      expect(await inRegion(region, 'partial'), region).toEqual({ alarm: undefined, topics: [] });
    }
    const east2 = await inRegion('us-east-2', 'partial');
    expect(definitionOf(east2.alarm!)).toBe(definitionOf(before));
    expect(east2.topics).toHaveLength(1); // made by the earlier, successful run
  });

  it('a taken topic name in any region stops the run before anything is changed anywhere (Conflict)', async () => {
    const sns = await direct.sns('us-west-1');
    await sns.send(new CreateTopicCommand({ Name: 'taken-topic' }));
    const err = await createAlarm(direct, config('taken')).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'Conflict', message: expect.stringContaining('us-west-1') });
    for (const region of ['us-east-1', 'us-east-2', 'us-west-2']) expect(await inRegion(region, 'taken'), region).toEqual({ alarm: undefined, topics: [] });
  });

  it('cancel while a subscription is in flight: the step finishes, then everything this run made is undone (Cancelled)', async () => {
    const controller = new AbortController();
    const counter = await startRequestCounter({
      forwardTo: moto.url,
      intercept: (req) => {
        if (req.action === 'Subscribe' && req.body.includes('us-east-2')) {
          controller.abort();
          return { status: 0, delayMs: 200 };
        }
        return undefined;
      },
    });
    try {
      const aws = await contextAt(counter.url, 'us-east-1', { base });
      const err = await createAlarm(aws, config('cancelled'), { signal: controller.signal }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'Cancelled' });
      const message = (err as Error).message;
      expect(message).toMatch(/^Creating alarm cancelled was cancelled\. Undid: /);
      for (const part of ['alarm cancelled in us-east-1', 'topic cancelled-topic in us-east-1', 'topic cancelled-topic in us-east-2']) expect(message).toContain(part);
      const puts = counter.requests.filter((r) => r.action === 'PutMetricAlarm').length;
      expect(puts).toBe(1); // us-east-1's alarm only; nothing was put after the cancel
      for (const region of SUPPORTED_REGIONS) expect(await inRegion(region, 'cancelled'), region).toEqual({ alarm: undefined, topics: [] });
    } finally {
      await counter.close();
    }
  });

  it('CLI: --region all with the failure in the last region exits 4 and leaves nothing', async () => {
    proxy.inject({ operation: 'PutMetricAlarm', fault: 'server-error', mode: 'always', region: 'us-west-2' });
    const r = await cli(
      ['alarm', 'create', '--profile', 'default', '--region', 'all', '--name', 'cli-multi', '--class', 'all', '--threshold', '1,000', '--new-topic', 'cli-multi-topic', '--email', 'a@example.com, b@example.com', '--json'],
      { ...base, AWS_ENDPOINT_URL: proxy.url, AWS_MAX_ATTEMPTS: '1' },
    );
    proxy.inject(null);
    expect(r.code, r.stderr).toBe(4);
    expect(r.json.error).toMatchObject({ code: 'RolledBack' });
    expect(r.json.rolledBack).toEqual(expect.arrayContaining(['alarm cli-multi in us-east-1', 'topic cli-multi-topic in us-west-1']));
    for (const region of SUPPORTED_REGIONS) expect((await inRegion(region, 'cli-multi')).alarm, region).toBeUndefined();
  });

  it('CLI: Ctrl-C during a create stops after the step in flight, undoes the run and exits 130', async () => {
    let child: ReturnType<typeof spawn> | null = null;
    const counter = await startRequestCounter({
      forwardTo: moto.url,
      intercept: (req) => {
        if (req.action === 'Subscribe' && req.body.includes('us-east-2') && child) {
          child.kill('SIGINT');
          return { status: 0, delayMs: 300 };
        }
        return undefined;
      },
    });
    try {
      const args = ['alarm', 'create', '--profile', 'default', '--region', 'us-east-1,us-east-2,us-west-1', '--name', 'cli-sigint', '--threshold', '50', '--new-topic', 'cli-sigint-topic', '--email', 'a@example.com', '--json'];
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const c = spawn(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], {
          cwd: ROOT,
          env: { PATH: process.env.PATH, ...base, AWS_ENDPOINT_URL: counter.url },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child = c;
        let stdout = '';
        let stderr = '';
        c.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const timer = setTimeout(() => c.kill('SIGKILL'), 50_000);
        c.on('error', reject);
        c.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout, stderr });
        });
      });
      expect(result.code, result.stderr).toBe(130);
      expect(JSON.parse(result.stdout).error).toMatchObject({ code: 'Cancelled' });
      expect(result.stderr).toMatch(/cancelling — finishing the step in flight, then undoing what this run made in every region/);
      for (const region of ['us-east-1', 'us-east-2', 'us-west-1']) expect(await inRegion(region, 'cli-sigint'), region).toEqual({ alarm: undefined, topics: [] });
    } finally {
      await counter.close();
    }
  });
});
