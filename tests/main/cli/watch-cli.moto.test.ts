/**
 * `onramp watch` as a real process against moto: flags checked before anything is sent (an interval
 * under 10 s, an unknown region: exit 2 naming the flag); `--once` prints what changed since the last
 * pass as JSON lines (t, kind, message, region, alarm, from, to) and exits 0, the state kept in the
 * data folder so a second run prints nothing; the continuous mode prints a transition line and stops
 * within two seconds of Ctrl-C (SIGINT).
 */
import { PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AwsContext } from '../../../main/core/aws/context';
import { cli, startCli } from '../../helpers/cli';
import { contextAt, useMoto } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';

const P = ['--profile', 'default'];
const DIMS = [
  { Name: 'Service', Value: 'EC2' },
  { Name: 'Type', Value: 'Resource' },
  { Name: 'Resource', Value: 'vCPU' },
  { Name: 'Class', Value: 'Standard/OnDemand' },
];
const lines = (out: string) => out.split('\n').filter(Boolean);

describe.skipIf(!HAS_MOTO)('onramp watch (moto)', () => {
  const moto = useMoto();
  let aws: AwsContext;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    aws = await contextAt(moto.url, 'us-east-1');
  });
  beforeEach(async () => {
    await moto.reset();
    env = moto.env();
    const cw = await aws.cloudwatch('us-east-1');
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
      }),
    );
  });
  const setState = async (state: 'OK' | 'ALARM') =>
    (await aws.cloudwatch('us-east-1')).send(new SetAlarmStateCommand({ AlarmName: 'vcpus-high', StateValue: state, StateReason: 'test' }));

  it('refuses an interval under 10 seconds and an unknown region, naming the flag (exit 2)', async () => {
    const short = await cli(['watch', ...P, '--interval', '5'], env);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('--interval');
    expect(short.stderr).toContain('at least 10');
    const region = await cli(['watch', ...P, '--region', 'us-east-1,mars-1', '--once'], env);
    expect(region.code).toBe(2);
    expect(region.stderr).toContain('--region');
    expect(region.stderr).toContain('mars-1');
  });

  it('--once --json: one line per change since the last pass, nothing the second time, the next transition after', async () => {
    await setState('ALARM');
    const first = await cli(['watch', ...P, '--region', 'us-east-1', '--once', '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    const events = lines(first.stdout).map((l) => JSON.parse(l));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'alarm-state', region: 'us-east-1', alarm: 'vcpus-high', from: null, to: 'ALARM' });
    expect(Number.isNaN(Date.parse(events[0].t))).toBe(false);
    expect(typeof events[0].message).toBe('string');

    const second = await cli(['watch', ...P, '--region', 'us-east-1', '--once', '--json'], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe('');

    await setState('OK');
    const third = await cli(['watch', ...P, '--region', 'us-east-1', '--once'], env);
    expect(third.code, third.stderr).toBe(0);
    expect(lines(third.stdout)).toHaveLength(1);
    expect(third.stdout).toMatch(/alarm-state\s+Alarm vcpus-high in us-east-1 went from ALARM to OK\./);
  });

  it('continuous: prints a transition line, and Ctrl-C stops it within two seconds', async () => {
    await setState('ALARM');
    const run = startCli(['watch', ...P, '--region', 'us-east-1', '--interval', '10', '--json'], env);
    await vi.waitFor(() => expect(run.stdout()).toContain('"to":"ALARM"'), { timeout: 20_000, interval: 50 });
    expect(run.stderr()).toContain('Ctrl-C stops');
    run.child.kill('SIGINT');
    const ended = await Promise.race([run.done, new Promise<'late'>((r) => setTimeout(() => r('late'), 2_000))]);
    expect(ended).not.toBe('late');
    expect(ended === 'late' ? null : ended.code).toBe(0);
  });
});
