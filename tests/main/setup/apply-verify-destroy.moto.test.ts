/**
 * Integration: plan → apply → AWS state → idempotent re-apply → verify (and drift) → destroy, against
 * a real moto server, in us-east-1 and us-west-2. Resources are checked with our own SDK clients,
 * not through the code under test.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DeleteBucketEncryptionCommand,
  DeletePublicAccessBlockCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutBucketEncryptionCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { DescribeTableCommand, DynamoDBClient, ListTagsOfResourceCommand } from '@aws-sdk/client-dynamodb';
import {
  DeleteRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListRolePoliciesCommand,
  ListRoleTagsCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { useMoto } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { contextForProfile } from '../../../main/core/profiles/session';
import { applySetup, destroyConfiguration, planSetup, verifyConfiguration } from '../../../main/core/setup';
import type { AwsContext } from '../../../main/core/aws/context';
import type { CloudConfiguration, SetupInput } from '../../../shared/contract/setup';

const ACCOUNT = '123456789012';
const FAST = { pollMs: 50 };

// Module-level, for the helpers below; started only when moto is here (the describe skips otherwise).
const moto = useMoto({ enabled: HAS_MOTO });
let env: NodeJS.ProcessEnv;
const creds = { accessKeyId: 'AKIAOBSERVER00000001', secretAccessKey: 'observer' };
const s3 = (region = 'us-east-1') => new S3Client({ region, endpoint: moto.url, forcePathStyle: true, credentials: creds });
const ddb = (region: string) => new DynamoDBClient({ region, endpoint: moto.url, credentials: creds });
const iam = () => new IAMClient({ region: 'us-east-1', endpoint: moto.url, credentials: creds });

function input(region: SetupInput['region'], over: Partial<SetupInput> = {}): SetupInput {
  const id = randomBytes(4).toString('hex');
  return {
    name: `cfg ${id}`,
    region,
    bucketName: `onramp-it-${id}`,
    tableName: `onramp-locks-${id}`,
    roleName: `BodoPlatformUser-${id}`,
    externalId: `ext-${id}-0123456789`,
    platformAccountId: '481633624848',
    ...over,
  };
}

const ctx = (region: string): Promise<AwsContext> => contextForProfile({ profile: 'default', env, region });

async function errorNameOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (err) {
    return (err as Error).name;
  }
}

describe.skipIf(!HAS_MOTO)('setup against moto', () => {
  beforeAll(() => {
    env = moto.env();
  });

  describe.each(['us-east-1', 'us-west-2'] as const)('in %s', (region) => {
    let inp: SetupInput;
    let result: CloudConfiguration;

    beforeAll(async () => {
      inp = input(region);
    });

    it('plans all four resources as create', async () => {
      const plan = await planSetup(await ctx(region), inp);
      expect(plan.steps.map((s) => [s.resource, s.name, s.action])).toEqual([
        ['bucket', inp.bucketName, 'create'],
        ['table', inp.tableName, 'create'],
        ['role', inp.roleName, 'create'],
        ['policy', 'Bodo-Platform-User-Policy', 'create'],
      ]);
    });

    it('applies and returns the Cloud Configuration', async () => {
      const steps: string[] = [];
      result = await applySetup(await ctx(region), inp, { ...FAST, onStep: (s) => steps.push(`${s.id}:${s.state}`) });
      expect(result).toEqual({
        name: inp.name,
        region,
        bucketName: inp.bucketName,
        tableName: inp.tableName,
        tableArn: `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${inp.tableName}`,
        roleName: inp.roleName,
        roleArn: `arn:aws:iam::${ACCOUNT}:role/${inp.roleName}`,
        externalId: inp.externalId,
        platformAccountId: '481633624848',
      });
      for (const id of ['bucket', 'table', 'role', 'policy', 'propagation']) expect(steps).toContain(`${id}:done`);
      expect(steps.some((s) => s.endsWith(':failed') || s.startsWith('rollback'))).toBe(false);
    });

    it('created the bucket in the region, private, SSE-S3, tagged', async () => {
      const loc = await s3(region).send(new GetBucketLocationCommand({ Bucket: inp.bucketName }));
      if (region === 'us-east-1') expect(loc.LocationConstraint || null).toBeNull();
      else expect(loc.LocationConstraint).toBe(region);
      const pab = await s3(region).send(new GetPublicAccessBlockCommand({ Bucket: inp.bucketName }));
      expect(pab.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
      const enc = await s3(region).send(new GetBucketEncryptionCommand({ Bucket: inp.bucketName }));
      expect(enc.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm).toBe('AES256');
      const tags = await s3(region).send(new GetBucketTaggingCommand({ Bucket: inp.bucketName }));
      expect(Object.fromEntries((tags.TagSet ?? []).map((t) => [t.Key, t.Value]))).toEqual({ 'managed-by': 'onramp', 'onramp:configuration': inp.name });
    });

    it('created the table with LockID/S, on demand, ACTIVE, tagged', async () => {
      const { Table } = await ddb(region).send(new DescribeTableCommand({ TableName: inp.tableName }));
      expect(Table?.KeySchema).toEqual([{ AttributeName: 'LockID', KeyType: 'HASH' }]);
      expect(Table?.AttributeDefinitions).toEqual([{ AttributeName: 'LockID', AttributeType: 'S' }]);
      expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
      expect(Table?.TableStatus).toBe('ACTIVE');
      expect(Table?.TableArn).toBe(`arn:aws:dynamodb:${region}:${ACCOUNT}:table/${inp.tableName}`);
      const tags = await ddb(region).send(new ListTagsOfResourceCommand({ ResourceArn: Table!.TableArn! }));
      expect(Object.fromEntries((tags.Tags ?? []).map((t) => [t.Key, t.Value]))).toEqual({ 'managed-by': 'onramp', 'onramp:configuration': inp.name });
    });

    it('created the role trusting the platform with the external ID, tagged, with the one inline policy', async () => {
      const { Role } = await iam().send(new GetRoleCommand({ RoleName: inp.roleName }));
      const trust = JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!));
      expect(trust.Statement).toHaveLength(1);
      expect(trust.Statement[0]).toMatchObject({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::481633624848:root' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': inp.externalId } },
      });
      const tags = await iam().send(new ListRoleTagsCommand({ RoleName: inp.roleName }));
      expect(Object.fromEntries((tags.Tags ?? []).map((t) => [t.Key, t.Value]))).toEqual({ 'managed-by': 'onramp', 'onramp:configuration': inp.name });
      const names = await iam().send(new ListRolePoliciesCommand({ RoleName: inp.roleName }));
      expect(names.PolicyNames).toEqual(['Bodo-Platform-User-Policy']);
      const pol = await iam().send(new GetRolePolicyCommand({ RoleName: inp.roleName, PolicyName: 'Bodo-Platform-User-Policy' }));
      const text = decodeURIComponent(pol.PolicyDocument!);
      expect(text).not.toContain('$$');
      const doc = JSON.parse(text);
      const resources = doc.Statement.map((s: { Resource: unknown }) => s.Resource);
      expect(resources).toEqual([
        '*',
        `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${inp.tableName}`,
        `arn:aws:s3:::${inp.bucketName}`,
        `arn:aws:s3:::${inp.bucketName}/*`,
      ]);
      expect(doc.Statement[0].Action).toHaveLength(148);
    });

    it('plans keep for everything afterwards, and a re-apply changes nothing', async () => {
      const plan = await planSetup(await ctx(region), inp);
      expect(plan.steps.map((s) => s.action)).toEqual(['keep', 'keep', 'keep', 'keep']);
      const before = await iam().send(new GetRoleCommand({ RoleName: inp.roleName }));
      const states: string[] = [];
      const again = await applySetup(await ctx(region), inp, { ...FAST, onStep: (s) => states.push(`${s.id}:${s.state}`) });
      expect(again).toEqual(result);
      expect(states.sort()).toEqual(['bucket:skipped', 'policy:skipped', 'role:skipped', 'table:skipped']);
      const after = await iam().send(new GetRoleCommand({ RoleName: inp.roleName }));
      expect(after.Role?.RoleId).toBe(before.Role?.RoleId);
      expect(after.Role?.CreateDate).toEqual(before.Role?.CreateDate);
    });

    it('verifies ok with every check passing', async () => {
      const v = await verifyConfiguration(await ctx(region), result);
      expect(v.checks.filter((c) => !c.ok)).toEqual([]);
      expect(v.ok).toBe(true);
      expect(v.checks.map((c) => c.id)).toEqual([
        'bucket.exists',
        'bucket.region',
        'bucket.public-access-block',
        'bucket.encryption',
        'bucket.tags',
        'table.exists',
        'table.arn',
        'table.key-schema',
        'table.status',
        'table.billing',
        'table.tags',
        'role.exists',
        'role.arn',
        'role.trust',
        'role.tags',
        'policy.exists',
        'policy.document',
      ]);
    });

    it('verify without ARNs derives the table ARN and still passes', async () => {
      const v = await verifyConfiguration(await ctx(region), inp);
      expect(v.ok).toBe(true);
      expect(v.checks.map((c) => c.id)).not.toContain('role.arn');
    });

    it('destroy deletes all four and verify then reports them missing', async () => {
      const d = await destroyConfiguration(await ctx(region), inp);
      expect(d).toEqual({
        notes: [],
        cancelled: false,
        deleted: ['policy Bodo-Platform-User-Policy', `role ${inp.roleName}`, `table ${inp.tableName}`, `bucket ${inp.bucketName}`],
        kept: [],
      });
      expect(await errorNameOf(s3(region).send(new HeadBucketCommand({ Bucket: inp.bucketName })))).toBe('NotFound');
      expect(await errorNameOf(ddb(region).send(new DescribeTableCommand({ TableName: inp.tableName })))).toBe('ResourceNotFoundException');
      expect(await errorNameOf(iam().send(new GetRoleCommand({ RoleName: inp.roleName })))).toBe('NoSuchEntityException');
      const v = await verifyConfiguration(await ctx(region), result);
      expect(v.ok).toBe(false);
      expect(v.checks).toEqual([
        { id: 'bucket.exists', label: 'S3 bucket exists', resource: 'bucket', ok: false, detail: `bucket ${inp.bucketName} does not exist` },
        { id: 'table.exists', label: 'DynamoDB table exists', resource: 'table', ok: false, detail: `table ${inp.tableName} does not exist in ${region}` },
        { id: 'role.exists', label: 'IAM role exists', resource: 'role', ok: false, detail: `role ${inp.roleName} does not exist` },
      ]);
      // A second destroy finds nothing to do.
      expect(await destroyConfiguration(await ctx(region), inp)).toEqual({ deleted: [], kept: [], notes: [], cancelled: false });
    });
  });

  describe('drift', () => {
    async function applied(): Promise<CloudConfiguration> {
      const inp = input('us-east-2');
      return applySetup(await ctx('us-east-2'), inp, FAST);
    }
    const failing = async (cfg: CloudConfiguration) => {
      const v = await verifyConfiguration(await ctx(cfg.region), cfg);
      expect(v.ok).toBe(false);
      return v.checks.filter((c) => !c.ok).map((c) => c.id);
    };

    it('a deleted inline policy fails policy.exists only', async () => {
      const cfg = await applied();
      await iam().send(new DeleteRolePolicyCommand({ RoleName: cfg.roleName, PolicyName: 'Bodo-Platform-User-Policy' }));
      expect(await failing(cfg)).toEqual(['policy.exists']);
    });

    it('removed Block Public Access fails bucket.public-access-block only', async () => {
      const cfg = await applied();
      await s3(cfg.region).send(new DeletePublicAccessBlockCommand({ Bucket: cfg.bucketName }));
      expect(await failing(cfg)).toEqual(['bucket.public-access-block']);
    });

    it('changed or removed default encryption fails bucket.encryption only', async () => {
      const cfg = await applied();
      await s3(cfg.region).send(
        new PutBucketEncryptionCommand({
          Bucket: cfg.bucketName,
          ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] },
        }),
      );
      expect(await failing(cfg)).toEqual(['bucket.encryption']);
      await s3(cfg.region).send(new DeleteBucketEncryptionCommand({ Bucket: cfg.bucketName }));
      expect(await failing(cfg)).toEqual(['bucket.encryption']);
    });

    it('a role trusting another external ID fails role.trust only', async () => {
      const cfg = await applied();
      await iam().send(
        new UpdateAssumeRolePolicyCommand({
          RoleName: cfg.roleName,
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: 'arn:aws:iam::481633624848:root' },
                Action: 'sts:AssumeRole',
                Condition: { StringEquals: { 'sts:ExternalId': 'someone-else' } },
              },
            ],
          }),
        }),
      );
      expect(await failing(cfg)).toEqual(['role.trust']);
      // The plan agrees: the role is Onramp's, so it is an update, and re-applying repairs it.
      const plan = await planSetup(await ctx(cfg.region), cfg as unknown as SetupInput);
      expect(plan.steps.find((s) => s.resource === 'role')?.action).toBe('update');
      await applySetup(await ctx(cfg.region), cfg as unknown as SetupInput, FAST);
      expect((await verifyConfiguration(await ctx(cfg.region), cfg)).ok).toBe(true);
    });

    it('a saved role ARN that no longer matches fails role.arn', async () => {
      const cfg = await applied();
      expect(await failing({ ...cfg, roleArn: `arn:aws:iam::999999999999:role/${cfg.roleName}` })).toEqual(['role.arn']);
    });
  });

  describe('destroy safety', () => {
    it('changes nothing while the bucket holds an object (platform state), naming it, and leaves the object', async () => {
      const inp = input('us-west-1');
      await applySetup(await ctx('us-west-1'), inp, FAST);
      await s3('us-west-1').send(new PutObjectCommand({ Bucket: inp.bucketName, Key: 'terraform.tfstate', Body: '{}' }));
      const d = await destroyConfiguration(await ctx('us-west-1'), inp);
      expect(d.deleted).toEqual([]);
      expect(d.kept.map((k) => k.resource)).toEqual([`role ${inp.roleName}`, `table ${inp.tableName}`, `bucket ${inp.bucketName}`]);
      expect(d.kept[2]!.reason).toMatch(/holds "terraform.tfstate".*workspaces/);
      expect((await verifyConfiguration(await ctx('us-west-1'), inp)).ok).toBe(true);
      const head = await s3('us-west-1').send(new HeadObjectCommand({ Bucket: inp.bucketName, Key: 'terraform.tfstate' }));
      expect(head.ContentLength).toBe(2);
    });

    it('keeps resources that lack the onramp tags (or carry another configuration\'s)', async () => {
      const mine = input('us-east-1');
      await applySetup(await ctx('us-east-1'), mine, FAST);
      // Destroying under another configuration name must not touch "mine".
      const d = await destroyConfiguration(await ctx('us-east-1'), { ...mine, name: 'someone else' });
      expect(d.deleted).toEqual([]);
      expect(d.kept.map((k) => k.resource)).toEqual([`role ${mine.roleName}`, `table ${mine.tableName}`, `bucket ${mine.bucketName}`]);
      for (const k of d.kept) expect(k.reason).toMatch(/not tagged managed-by=onramp and onramp:configuration=someone else|used by configuration "cfg /);
      const v = await verifyConfiguration(await ctx('us-east-1'), mine);
      expect(v.ok).toBe(true);
    });
  });
});
