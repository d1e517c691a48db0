/**
 * Integration: conflicts (plan shows them, apply refuses with Conflict and changes nothing),
 * pre-existing matching resources kept untouched, and the apply lock (Busy), against moto.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateBucketCommand, GetBucketTaggingCommand, HeadBucketCommand, ListBucketsCommand, S3Client, type BucketLocationConstraint } from '@aws-sdk/client-s3';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateRoleCommand, GetRoleCommand, GetRolePolicyCommand, IAMClient, ListRoleTagsCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { useMoto } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { contextForProfile } from '../../../main/core/profiles/session';
import { applySetup, destroyConfiguration, planSetup } from '../../../main/core/setup';
import { renderPlatformPolicy } from '../../../main/core/setup/policy';
import { trustPolicy } from '../../../main/core/setup/trust';
import type { SetupInput } from '../../../shared/contract/setup';

const ACCOUNT = '123456789012';
const OTHER = '111122223333';
const FAST = { pollMs: 50 };

// Module-level, for the helpers below; started only when moto is here (the describe skips otherwise).
const moto = useMoto({ enabled: HAS_MOTO });
let env: NodeJS.ProcessEnv;
const creds = { accessKeyId: 'AKIAOBSERVER00000001', secretAccessKey: 'observer' };
const s3 = (region = 'us-east-1', credentials: typeof creds & { sessionToken?: string } = creds) =>
  new S3Client({ region, endpoint: moto.url, forcePathStyle: true, credentials });
const ddb = (region: string) => new DynamoDBClient({ region, endpoint: moto.url, credentials: creds });
const iam = () => new IAMClient({ region: 'us-east-1', endpoint: moto.url, credentials: creds });
const ctx = (region: string) => contextForProfile({ profile: 'default', env, region });

function input(region: SetupInput['region'], over: Partial<SetupInput> = {}): SetupInput {
  const id = randomBytes(4).toString('hex');
  return {
    name: `cfg-${id}`,
    region,
    bucketName: `onramp-cf-${id}`,
    tableName: `onramp-locks-${id}`,
    roleName: `BodoPlatformUser-${id}`,
    externalId: `ext-${id}-abcdef`,
    platformAccountId: '481633624848',
    ...over,
  };
}

async function exists(p: Promise<unknown>): Promise<boolean> {
  try {
    await p;
    return true;
  } catch (err) {
    const name = (err as Error).name;
    if (['NotFound', 'NoSuchBucket', 'ResourceNotFoundException', 'NoSuchEntityException', 'NoSuchEntity'].includes(name)) return false;
    throw err;
  }
}

/** Whether each of the input's resources exists, as seen directly in moto. */
async function snapshot(inp: SetupInput) {
  return {
    bucket: await exists(s3(inp.region).send(new HeadBucketCommand({ Bucket: inp.bucketName }))),
    table: await exists(ddb(inp.region).send(new DescribeTableCommand({ TableName: inp.tableName }))),
    role: await exists(iam().send(new GetRoleCommand({ RoleName: inp.roleName }))),
    policy: await exists(iam().send(new GetRolePolicyCommand({ RoleName: inp.roleName, PolicyName: 'Bodo-Platform-User-Policy' }))),
  };
}

async function createBucket(name: string, region: string, credentials = creds) {
  await s3(region, credentials).send(
    new CreateBucketCommand({
      Bucket: name,
      ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
    }),
  );
}

async function createTable(name: string, region: string, key: { name: string; type: 'S' | 'N' | 'B' }, sortKey = false) {
  await ddb(region).send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: [{ AttributeName: key.name, AttributeType: key.type }, ...(sortKey ? [{ AttributeName: 'ts', AttributeType: 'N' as const }] : [])],
      KeySchema: [{ AttributeName: key.name, KeyType: 'HASH' }, ...(sortKey ? [{ AttributeName: 'ts', KeyType: 'RANGE' as const }] : [])],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

async function createRole(name: string, platformAccount: string, externalId: string) {
  await iam().send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy(platformAccount, externalId) }));
}

/** plan shows exactly `expected` as conflicts; apply throws Conflict; nothing in moto changed. */
async function expectConflict(inp: SetupInput, expected: string[], detail: RegExp) {
  const before = await snapshot(inp);
  const plan = await planSetup(await ctx(inp.region), inp);
  expect(plan.steps.filter((s) => s.action === 'conflict').map((s) => s.resource)).toEqual(expected);
  expect(plan.steps.find((s) => s.resource === expected[0])!.detail).toMatch(detail);
  await expect(applySetup(await ctx(inp.region), inp, FAST)).rejects.toMatchObject({ code: 'Conflict', message: expect.stringMatching(/^Nothing was changed/) });
  expect(await snapshot(inp)).toEqual(before);
}

describe.skipIf(!HAS_MOTO)('conflicts and kept resources against moto', () => {
  beforeAll(() => {
    env = moto.env();
  });

  it('a bucket owned by another account is a conflict', async () => {
    // Credentials from sts:AssumeRole into another account's role act as that account in moto.
    await createRole('assumable', ACCOUNT, 'x');
    const sts = new STSClient({ region: 'us-east-1', endpoint: moto.url, credentials: creds });
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${OTHER}:role/x`, RoleSessionName: 'other' }));
    const other = { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken! };
    const inp = input('us-east-1');
    await createBucket(inp.bucketName, 'us-east-1', other);
    // Sanity: the bucket really is someone else's, not ours.
    const ours = await s3().send(new ListBucketsCommand({}));
    expect((ours.Buckets ?? []).map((b) => b.Name)).not.toContain(inp.bucketName);

    await expectConflict(inp, ['bucket'], /owned by another AWS account/);
    expect(await snapshot(inp)).toEqual({ bucket: true, table: false, role: false, policy: false });
    // Destroy leaves the other account's bucket alone too.
    const d = await destroyConfiguration(await ctx('us-east-1'), inp);
    expect(d.deleted).toEqual([]);
    expect(d.kept).toEqual([{ resource: `bucket ${inp.bucketName}`, reason: expect.stringMatching(/another account/) }]);
  });

  it('a bucket of ours in another region is a conflict', async () => {
    const inp = input('us-east-1');
    await createBucket(inp.bucketName, 'us-west-2');
    await expectConflict(inp, ['bucket'], /exists in us-west-2, but bucket and table must share us-east-1/i);
  });

  it.each([
    ['a differently named key', { name: 'id', type: 'S' as const }, false, /its key is id \(partition, S\)/i],
    ['a LockID of type Number', { name: 'LockID', type: 'N' as const }, false, /its key is LockID \(partition, N\)/i],
    ['an extra sort key', { name: 'LockID', type: 'S' as const }, true, /LockID \(partition, S\) \+ ts \(sort, N\)/],
  ])('a table with %s is a conflict', async (_label, key, sortKey, detail) => {
    const inp = input('us-west-2');
    await createTable(inp.tableName, 'us-west-2', key, sortKey);
    await expectConflict(inp, ['table'], detail);
  });

  it('a role trusting another account is a conflict (and so is its missing policy)', async () => {
    const inp = input('us-east-2');
    await createRole(inp.roleName, OTHER, inp.externalId);
    await expectConflict(inp, ['role', 'policy'], /trusts arn:aws:iam::111122223333:root/);
  });

  it('a role trusting another external ID is a conflict', async () => {
    const inp = input('us-east-2');
    await createRole(inp.roleName, '481633624848', 'not-yours');
    await expectConflict(inp, ['role', 'policy'], /external ID "not-yours"/);
  });

  it('an existing inline policy with different content is a conflict and is not overwritten', async () => {
    const inp = input('us-west-1');
    await createRole(inp.roleName, '481633624848', inp.externalId);
    const foreignDoc = renderPlatformPolicy('some-other-bucket', `arn:aws:dynamodb:us-west-1:${ACCOUNT}:table/other`);
    await iam().send(new PutRolePolicyCommand({ RoleName: inp.roleName, PolicyName: 'Bodo-Platform-User-Policy', PolicyDocument: foreignDoc }));
    await expectConflict(inp, ['policy'], /different content/);
    const after = await iam().send(new GetRolePolicyCommand({ RoleName: inp.roleName, PolicyName: 'Bodo-Platform-User-Policy' }));
    expect(JSON.parse(decodeURIComponent(after.PolicyDocument!))).toEqual(JSON.parse(foreignDoc));
  });

  it('a pre-existing bucket and table Onramp did not create are conflicts (not kept), and nothing is changed', async () => {
    const inp = input('us-west-2');
    await createBucket(inp.bucketName, 'us-west-2');
    await createTable(inp.tableName, 'us-west-2', { name: 'LockID', type: 'S' });
    await createRole(inp.roleName, '481633624848', inp.externalId);

    const plan = await planSetup(await ctx('us-west-2'), inp);
    // Kept only when every property Onramp sets matches: these lack its tags, so verify would fail forever.
    expect(plan.steps.map((s) => `${s.resource}:${s.action}`)).toEqual(['bucket:conflict', 'table:conflict', 'role:keep', 'policy:create']);
    expect(plan.steps[0]!.detail).toMatch(/not created by Onramp.*missing tag/);
    await expect(applySetup(await ctx('us-west-2'), inp, FAST)).rejects.toMatchObject({ code: 'Conflict' });

    // Untouched: no tags were added to what existed before, no policy was put.
    await expect(s3('us-west-2').send(new GetBucketTaggingCommand({ Bucket: inp.bucketName }))).rejects.toMatchObject({ name: 'NoSuchTagSet' });
    const rt = await iam().send(new ListRoleTagsCommand({ RoleName: inp.roleName }));
    expect(rt.Tags ?? []).toEqual([]);
    expect(await snapshot(inp)).toEqual({ bucket: true, table: true, role: true, policy: false });
  });

  it('two concurrent applies of the same input: one is Busy, the other completes', async () => {
    const inp = input('us-east-1');
    const [a, b] = await Promise.allSettled([applySetup(await ctx('us-east-1'), inp, FAST), applySetup(await ctx('us-east-1'), inp, FAST)]);
    const outcomes = [a, b].map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code)).sort();
    expect(outcomes).toEqual(['Busy', 'ok']);
    expect(await snapshot(inp)).toEqual({ bucket: true, table: true, role: true, policy: true });
    // The lock is released afterwards: a third apply succeeds (all keep).
    await expect(applySetup(await ctx('us-east-1'), inp, FAST)).resolves.toMatchObject({ bucketName: inp.bucketName });
  });

  it('destroy and apply of the same resources exclude each other', async () => {
    const inp = input('us-east-1');
    const [a, d] = await Promise.allSettled([applySetup(await ctx('us-east-1'), inp, FAST), destroyConfiguration(await ctx('us-east-1'), inp)]);
    expect(a.status).toBe('fulfilled');
    expect(d.status).toBe('rejected');
    expect((d as PromiseRejectedResult).reason).toMatchObject({ code: 'Busy' });
  });
});
