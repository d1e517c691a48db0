/**
 * Integration: when a late step fails, apply undoes exactly what this run created (never what
 * existed before) and throws ApplyFailedError (code RolledBack), against moto.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, GetRoleCommand, IAMClient, type IAMClient as IamClientType } from '@aws-sdk/client-iam';
import { useMoto } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { contextForProfile } from '../../../main/core/profiles/session';
import { ApplyFailedError, applySetup } from '../../../main/core/setup';
import { trustPolicy } from '../../../main/core/setup/trust';
import type { ApplyStepStatus, SetupInput } from '../../../shared/contract/setup';

const FAST = { pollMs: 50 };

// Module-level, for the helpers below; started only when moto is here (the describe skips otherwise).
const moto = useMoto({ enabled: HAS_MOTO });
let env: NodeJS.ProcessEnv;
const creds = { accessKeyId: 'AKIAOBSERVER00000001', secretAccessKey: 'observer' };
const s3 = (region: string) => new S3Client({ region, endpoint: moto.url, forcePathStyle: true, credentials: creds });
const ddb = (region: string) => new DynamoDBClient({ region, endpoint: moto.url, credentials: creds });
const iam = () => new IAMClient({ region: 'us-east-1', endpoint: moto.url, credentials: creds });

function input(region: SetupInput['region']): SetupInput {
  const id = randomBytes(4).toString('hex');
  return {
    name: `rb-${id}`,
    region,
    bucketName: `onramp-rb-${id}`,
    tableName: `onramp-locks-${id}`,
    roleName: `BodoPlatformUser-${id}`,
    externalId: `ext-${id}-abcdef`,
    platformAccountId: '481633624848',
  };
}

async function exists(p: Promise<unknown>): Promise<boolean> {
  try {
    await p;
    return true;
  } catch (err) {
    if (['NotFound', 'ResourceNotFoundException', 'NoSuchEntityException'].includes((err as Error).name)) return false;
    throw err;
  }
}

async function snapshot(inp: SetupInput) {
  return {
    bucket: await exists(s3(inp.region).send(new HeadBucketCommand({ Bucket: inp.bucketName }))),
    table: await exists(ddb(inp.region).send(new DescribeTableCommand({ TableName: inp.tableName }))),
    role: await exists(iam().send(new GetRoleCommand({ RoleName: inp.roleName }))),
  };
}

/**
 * A context whose IAM client fails the named command (and counts the calls), using a middleware
 * on the real client so every other request still reaches moto.
 */
async function failing(region: string, commandName: string, error = Object.assign(new Error('injected: not authorized to perform iam:PutRolePolicy'), { name: 'AccessDenied' })) {
  const aws = await contextForProfile({ profile: 'default', env, region });
  const client: IamClientType = await aws.iam();
  const calls: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(context.commandName as string);
      if (context.commandName === commandName) throw error;
      return next(args);
    },
    { step: 'initialize', name: 'injectFailure' },
  );
  return { aws, calls };
}

async function rejection(p: Promise<unknown>): Promise<ApplyFailedError> {
  try {
    await p;
  } catch (err) {
    return err as ApplyFailedError;
  }
  throw new Error('apply did not fail');
}

describe.skipIf(!HAS_MOTO)('apply rollback against moto', () => {
  beforeAll(() => {
    env = moto.env();
  });

  it('PutRolePolicy failing undoes the role, table and bucket this run created', async () => {
    const inp = input('us-west-2');
    const { aws, calls } = await failing('us-west-2', 'PutRolePolicyCommand');
    const steps: ApplyStepStatus[] = [];
    const err = await rejection(applySetup(aws, inp, { ...FAST, onStep: (s) => steps.push(s) }));

    expect(err).toBeInstanceOf(ApplyFailedError);
    expect(err.code).toBe('RolledBack');
    expect(err.cause.code).toBe('AccessDenied');
    expect([...err.rolledBack].sort()).toEqual([`bucket ${inp.bucketName}`, `role ${inp.roleName}`, `table ${inp.tableName}`]);
    // Undo runs in reverse: the role (created last) goes first.
    expect(err.rolledBack[0]).toBe(`role ${inp.roleName}`);
    expect(err.message).toMatch(/injected: not authorized/);
    expect(err.message).toMatch(/Undid: /);
    expect(err.message).not.toMatch(/Could not undo/);
    // An AccessDenied is not retried as propagation delay.
    expect(calls.filter((c) => c === 'PutRolePolicyCommand')).toHaveLength(1);

    expect(await snapshot(inp)).toEqual({ bucket: false, table: false, role: false });

    const last = (id: string) => steps.filter((s) => s.id === id).at(-1)?.state;
    expect(last('policy')).toBe('failed');
    expect(last('role')).toBe('undone');
    expect(last('table')).toBe('undone');
    expect(last('bucket')).toBe('undone');
    expect(last('rollback')).toBe('done');
  });

  it('a kept bucket and table (this configuration\'s, from an earlier apply) survive the rollback', async () => {
    const inp = input('us-east-1');
    const direct = await contextForProfile({ profile: 'default', env, region: 'us-east-1' });
    await applySetup(direct, inp, FAST);
    await iam().send(new DeleteRolePolicyCommand({ RoleName: inp.roleName, PolicyName: 'Bodo-Platform-User-Policy' }));
    await iam().send(new DeleteRoleCommand({ RoleName: inp.roleName }));
    const { aws } = await failing('us-east-1', 'PutRolePolicyCommand');
    const err = await rejection(applySetup(aws, inp, FAST));
    expect(err.code).toBe('RolledBack');
    expect(err.rolledBack).toEqual([`role ${inp.roleName}`]);
    expect(await snapshot(inp)).toEqual({ bucket: true, table: true, role: false });
  });

  it('a pre-existing role (not Onramp\'s) survives when adding its policy fails; nothing is undone', async () => {
    const inp = input('us-east-2');
    const direct = await contextForProfile({ profile: 'default', env, region: 'us-east-2' });
    await applySetup(direct, inp, FAST);
    await iam().send(new DeleteRolePolicyCommand({ RoleName: inp.roleName, PolicyName: 'Bodo-Platform-User-Policy' }));
    await iam().send(new DeleteRoleCommand({ RoleName: inp.roleName }));
    await iam().send(new CreateRoleCommand({ RoleName: inp.roleName, AssumeRolePolicyDocument: trustPolicy(inp.platformAccountId, inp.externalId) }));
    const { aws } = await failing('us-east-2', 'PutRolePolicyCommand');
    const err = await rejection(applySetup(aws, inp, FAST));
    expect(err.code).toBe('RolledBack');
    // The policy this run tried to put was registered for undo, but there was nothing to delete.
    expect(err.rolledBack).toEqual([]);
    expect(err.message).toMatch(/nothing was undone/);
    expect(await snapshot(inp)).toEqual({ bucket: true, table: true, role: true });
  });

  it('CreateRole failing undoes the bucket and table', async () => {
    const inp = input('us-west-1');
    const { aws } = await failing('us-west-1', 'CreateRoleCommand', Object.assign(new Error('injected quota'), { name: 'LimitExceeded' }));
    const err = await rejection(applySetup(aws, inp, FAST));
    expect(err.code).toBe('RolledBack');
    expect([...err.rolledBack].sort()).toEqual([`bucket ${inp.bucketName}`, `table ${inp.tableName}`]);
    expect(await snapshot(inp)).toEqual({ bucket: false, table: false, role: false });
  });

  it('a failed apply releases the lock: the next apply of the same input succeeds', async () => {
    const inp = input('us-west-2');
    const { aws } = await failing('us-west-2', 'PutRolePolicyCommand');
    await rejection(applySetup(aws, inp, FAST));
    const ok = await applySetup(await contextForProfile({ profile: 'default', env, region: 'us-west-2' }), inp, FAST);
    expect(ok.bucketName).toBe(inp.bucketName);
    expect(await snapshot(inp)).toEqual({ bucket: true, table: true, role: true });
  });
});
