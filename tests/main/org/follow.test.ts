/**
 * Following a StackSet operation (unit, an SDK-level stub: the states moto never reports): polls
 * until the operation ends, a cancel during the wait between polls asks StopStackSetOperation at
 * once and keeps following until it has stopped, and an operation that ended meanwhile is not an error.
 */
import { describe, expect, it } from 'vitest';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { AwsContext } from '../../../main/core/aws/context';
import { followOperation, type StackSetScope } from '../../../main/core/org/stackset';

function scripted(statuses: string[], stopError?: string) {
  const sent: string[] = [];
  // A real client (the SDK's paginators check the class) whose send answers from the script.
  const client = new CloudFormationClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  Object.assign(client, {
    send: async (cmd: { constructor: { name: string } }) => {
      const name = cmd.constructor.name.replace(/Command$/, '');
      sent.push(name);
      if (name === 'DescribeStackSetOperation') return { StackSetOperation: { Status: statuses.shift() ?? 'SUCCEEDED' } };
      if (name === 'ListStackSetOperationResults') return { Summaries: [] };
      if (name === 'StopStackSetOperation' && stopError) throw Object.assign(new Error('ended'), { name: stopError });
      return {};
    },
  });
  const aws = { cloudformation: async () => client } as unknown as AwsContext;
  const scope: StackSetScope = { aws, region: 'us-east-1', name: 'onramp-x', callAs: 'SELF' };
  return { scope, sent };
}

describe('followOperation', () => {
  it('polls until the operation leaves RUNNING/QUEUED', async () => {
    const { scope, sent } = scripted(['QUEUED', 'RUNNING', 'SUCCEEDED']);
    const out = await followOperation(scope, 'op-1', { pollMs: 0, sleep: async () => undefined });
    expect(out).toMatchObject({ status: 'SUCCEEDED', stopped: false });
    expect(sent.filter((s) => s === 'DescribeStackSetOperation')).toHaveLength(3);
  });

  it('a cancel while waiting stops the operation at once and follows it until it stopped', async () => {
    const { scope, sent } = scripted(['RUNNING', 'STOPPED']);
    const controller = new AbortController();
    // A one-minute wait between polls, cancelled right away: the real wait must end on the signal.
    setTimeout(() => controller.abort(), 10);
    const out = await followOperation(scope, 'op-1', { signal: controller.signal, pollMs: 60_000 });
    expect(out).toMatchObject({ status: 'STOPPED', stopped: true });
    expect(sent.filter((s) => s === 'StopStackSetOperation')).toHaveLength(1);
  }, 30_000);

  it('an operation that ended before the stop arrived is followed to its end', async () => {
    const { scope } = scripted(['SUCCEEDED'], 'InvalidOperationException');
    const controller = new AbortController();
    controller.abort();
    expect(await followOperation(scope, 'op-1', { signal: controller.signal, pollMs: 0, sleep: async () => undefined })).toMatchObject({ status: 'SUCCEEDED', stopped: true });
  });
});
