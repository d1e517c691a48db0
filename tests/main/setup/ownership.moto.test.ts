/**
 * Integration: ownership survives lost tags (issue 19.2). Apply records what identifies each
 * resource it created (RoleId; table ARN and creation time; bucket creation date) in the saved
 * configuration and the journal, read back here with boto3. With every tag stripped, verify names the
 * missing tags, plan says `update`, apply re-tags, and destroy removes the resources; a resource
 * deleted and re-created under the same name by someone else is a conflict and is never deleted.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CreateBucketCommand, DeleteBucketCommand, DeleteBucketTaggingCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient, UntagResourceCommand } from '@aws-sdk/client-dynamodb';
import { CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, GetRoleCommand, IAMClient, UntagRoleCommand } from '@aws-sdk/client-iam';
import { createSetupService, type SetupConnection } from '../../../main/core/app/setup-service';
import { contextForProfile } from '../../../main/core/profiles/session';
import { SetupJournal } from '../../../main/core/setup/journal';
import { trustPolicy } from '../../../main/core/setup/trust';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import type { SavedConfiguration, SetupInput } from '../../../shared/contract/setup';
import { boto3 } from '../../helpers/boto3';
import { useMoto, type AwsTestEnv } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { HAS_BOTO3 } from '../../helpers/python';
import { uniqueSetupInput } from '../../helpers/setup-names';

const REGION = 'us-west-2';
const FAST = { pollMs: 20, iamPropagationMs: 5_000, rollbackMs: 10_000 };
const TAG_KEYS = ['managed-by', 'onramp:configuration'];

describe.skipIf(!HAS_MOTO || !HAS_BOTO3)('ownership that survives lost tags, against moto', () => {
  const moto = useMoto();
  let env: AwsTestEnv;
  let conn: SetupConnection;
  const creds = { accessKeyId: 'AKIAADMIN00000000001', secretAccessKey: 'admin' };
  const s3 = () => new S3Client({ region: REGION, endpoint: moto.url, forcePathStyle: true, credentials: creds });
  const ddb = () => new DynamoDBClient({ region: REGION, endpoint: moto.url, credentials: creds });
  const iam = () => new IAMClient({ region: REGION, endpoint: moto.url, credentials: creds });
  const service = (dataDir: string) => createSetupService({ dataDir, store: new ConfigurationStore(dataDir), now: Date.now, tuning: FAST });
  const newDataDir = () => mkdtempSync(join(tmpdir(), 'onramp-own-'));

  beforeAll(async () => {
    env = moto.env();
    conn = { aws: await contextForProfile({ profile: 'default', region: REGION, env }), account: null, profile: 'default' };
  });

  /** An administrator removes Onramp's tags from all three resources. */
  async function stripTags(inp: SetupInput) {
    await s3().send(new DeleteBucketTaggingCommand({ Bucket: inp.bucketName }));
    const arn = (await ddb().send(new DescribeTableCommand({ TableName: inp.tableName }))).Table!.TableArn!;
    await ddb().send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: TAG_KEYS }));
    await iam().send(new UntagRoleCommand({ RoleName: inp.roleName, TagKeys: TAG_KEYS }));
  }

  /** Each resource's tags and identity, read by boto3. */
  const observed = async (inp: SetupInput) =>
    (await boto3(
      env,
      [
        "s3, ddb, iam = session.client('s3'), session.client('dynamodb'), session.client('iam')",
        "b = [x for x in s3.list_buckets()['Buckets'] if x['Name'] == a['bucket']]",
        "t = ddb.describe_table(TableName=a['table'])['Table'] if a['table'] in ddb.list_tables()['TableNames'] else None",
        "r = [x for x in iam.list_roles()['Roles'] if x['RoleName'] == a['role']]",
        'def tags(l): return {x["Key"]: x["Value"] for x in l}',
        'def btags():',
        '    try: return tags(s3.get_bucket_tagging(Bucket=a["bucket"])["TagSet"])',
        '    except Exception: return {}',
        'out = {',
        "  'bucket': {'createdAt': b[0]['CreationDate'].isoformat(), 'tags': btags()} if b else None,",
        "  'table': {'arn': t['TableArn'], 'createdAt': t['CreationDateTime'].isoformat(), 'tags': tags(ddb.list_tags_of_resource(ResourceArn=t['TableArn'])['Tags'])} if t else None,",
        "  'role': {'roleId': r[0]['RoleId'], 'tags': tags(iam.list_role_tags(RoleName=a['role'])['Tags'])} if r else None,",
        '}',
      ].join('\n'),
      { bucket: inp.bucketName, table: inp.tableName, role: inp.roleName, region: REGION },
    )) as { bucket: { createdAt: string; tags: Record<string, string> } | null; table: { arn: string; createdAt: string; tags: Record<string, string> } | null; role: { roleId: string; tags: Record<string, string> } | null };

  const same = (a: string, b: string) => new Date(a).getTime() === new Date(b).getTime();

  it('apply records each created resource\'s identity in the saved configuration (as boto3 sees it) and in the journal', async () => {
    const dataDir = newDataDir();
    const inp = uniqueSetupInput('own', REGION);
    // Watch what the run journals (the service writes through SetupJournal.prototype.mark; the spy calls through).
    const mark = vi.spyOn(SetupJournal.prototype, 'mark');
    let saved: SavedConfiguration;
    let marks: unknown[];
    try {
      saved = await service(dataDir).apply(conn, inp);
    } finally {
      marks = mark.mock.calls.map(([, kind, , state, identity]) => ({ kind, state, identity }));
      mark.mockRestore();
    }
    const seen = await observed(inp);
    expect(saved.identity?.role?.roleId).toBe(seen.role!.roleId);
    expect(saved.identity?.table?.arn).toBe(seen.table!.arn);
    expect(same(saved.identity!.table!.createdAt, seen.table!.createdAt)).toBe(true);
    expect(same(saved.identity!.bucket!.createdAt, seen.bucket!.createdAt)).toBe(true);
    expect(marks).toEqual(
      expect.arrayContaining([
        { kind: 'role', state: 'hardened', identity: { id: seen.role!.roleId } },
        { kind: 'table', state: 'created', identity: { id: seen.table!.arn, createdAt: expect.any(String) } },
        { kind: 'bucket', state: 'hardened', identity: { createdAt: expect.any(String) } },
      ]),
    );
    // Saved files of older versions (no identity) stay readable.
    const store = new ConfigurationStore(dataDir);
    const { identity: _identity, ...old } = saved;
    await store.save(old);
    expect((await store.get(inp.name))?.identity).toBeUndefined();
  });

  it('with every tag stripped: verify names the missing tags, plan updates all three, apply re-tags them, destroy removes them', async () => {
    const svc = service(newDataDir());
    const inp = uniqueSetupInput('untag', REGION);
    await svc.apply(conn, inp);
    await stripTags(inp);

    const verified = await svc.verify(conn, inp);
    const failing = verified.checks.filter((c) => !c.ok);
    expect(failing.map((c) => c.id).sort()).toEqual(['bucket.tags', 'role.tags', 'table.tags']);
    for (const c of failing) expect(c.detail).toBe(`missing tag managed-by=onramp and onramp:configuration=${inp.name}`);
    expect(verified.checks.filter((c) => c.id.endsWith('.identity')).map((c) => [c.id, c.ok])).toEqual([
      ['bucket.identity', true],
      ['table.identity', true],
      ['role.identity', true],
    ]);

    const plan = await svc.plan(conn, inp);
    expect(Object.fromEntries(plan.steps.map((s) => [s.resource, s.action]))).toEqual({ bucket: 'update', table: 'update', role: 'update', policy: 'keep' });

    await svc.apply(conn, inp);
    const retagged = await observed(inp);
    for (const r of [retagged.bucket!, retagged.table!, retagged.role!]) expect(r.tags).toMatchObject({ 'managed-by': 'onramp', 'onramp:configuration': inp.name });
    expect((await svc.verify(conn, inp)).ok).toBe(true);

    await stripTags(inp);
    const destroyed = await svc.destroy(conn, inp);
    expect(destroyed.kept).toEqual([]);
    expect([...destroyed.deleted].sort()).toEqual([`bucket ${inp.bucketName}`, 'policy Bodo-Platform-User-Policy', `role ${inp.roleName}`, `table ${inp.tableName}`].sort());
    expect(await observed(inp)).toEqual({ bucket: null, table: null, role: null });
  });

  it('a resource deleted and re-created under the same name is a conflict and is never deleted, even carrying Onramp\'s tags', async () => {
    const svc = service(newDataDir());
    const inp = uniqueSetupInput('swap', REGION);
    const saved = await svc.apply(conn, inp);
    const tags = [
      { Key: 'managed-by', Value: 'onramp' },
      { Key: 'onramp:configuration', Value: inp.name },
    ];
    // Someone deletes the role and makes another of the same name (copying Onramp's tags), and the
    // same for the table; the bucket is re-created untagged (S3 dates are whole seconds: wait for the next one).
    await iam().send(new DeleteRolePolicyCommand({ RoleName: inp.roleName, PolicyName: 'Bodo-Platform-User-Policy' }));
    await iam().send(new DeleteRoleCommand({ RoleName: inp.roleName }));
    await iam().send(new CreateRoleCommand({ RoleName: inp.roleName, AssumeRolePolicyDocument: trustPolicy(inp.platformAccountId, inp.externalId), Tags: tags }));
    await ddb().send(new DeleteTableCommand({ TableName: inp.tableName }));
    await ddb().send(new CreateTableCommand({ TableName: inp.tableName, KeySchema: [{ AttributeName: 'LockID', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'LockID', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST', Tags: tags }));
    await s3().send(new DeleteBucketCommand({ Bucket: inp.bucketName }));
    await new Promise((r) => setTimeout(r, 1_100));
    await s3().send(new CreateBucketCommand({ Bucket: inp.bucketName, CreateBucketConfiguration: { LocationConstraint: REGION } }));
    // moto 5.2.1 hands a re-created bucket the deleted one's tags (S3 deletes tags with the bucket): remove them as S3 would have.
    await s3().send(new DeleteBucketTaggingCommand({ Bucket: inp.bucketName }));
    const newRoleId = (await iam().send(new GetRoleCommand({ RoleName: inp.roleName }))).Role!.RoleId!;
    expect(newRoleId).not.toBe(saved.identity?.role?.roleId);

    const plan = await svc.plan(conn, inp);
    for (const r of ['bucket', 'table', 'role'] as const) {
      const step = plan.steps.find((s) => s.resource === r)!;
      expect(step.action).toBe('conflict');
      expect(step.detail).toMatch(/deleted and re-created since/);
    }
    expect(plan.steps.find((s) => s.resource === 'role')!.detail).toContain(`RoleId ${newRoleId}, but Onramp created the one with RoleId ${saved.identity!.role!.roleId}`);
    const failing = (await svc.verify(conn, inp)).checks.filter((c) => !c.ok).map((c) => c.id);
    expect(failing).toEqual(expect.arrayContaining(['bucket.identity', 'table.identity', 'role.identity']));
    await expect(svc.apply(conn, inp)).rejects.toMatchObject({ code: 'Conflict' });

    const destroyed = await svc.destroy(conn, inp);
    expect(destroyed.deleted).toEqual([]);
    expect(destroyed.kept.map((k) => k.resource).sort()).toEqual([`bucket ${inp.bucketName}`, `role ${inp.roleName}`, `table ${inp.tableName}`].sort());
    for (const k of destroyed.kept) expect(k.reason).toMatch(/deleted and re-created since, so Onramp will not delete it/);
    const seen = await observed(inp);
    expect(seen.role?.roleId).toBe(newRoleId);
    expect(seen.table).not.toBeNull();
    expect(await s3().send(new HeadBucketCommand({ Bucket: inp.bucketName })).then(() => true)).toBe(true);
  });

  it('a bucket whose ListBuckets date moved but that still carries this configuration\'s tags stays Onramp\'s (S3 documents that edits may move it)', async () => {
    const dataDir = newDataDir();
    const svc = service(dataDir);
    const inp = uniqueSetupInput('moved', REGION);
    await svc.apply(conn, inp);
    const store = new ConfigurationStore(dataDir);
    const saved = (await store.get(inp.name))!;
    await store.save({ ...saved, identity: { ...saved.identity, bucket: { createdAt: '2020-01-01T00:00:00.000Z' } } });
    const verified = await svc.verify(conn, inp);
    expect(verified.checks.find((c) => c.id === 'bucket.identity')).toMatchObject({ ok: true, detail: expect.stringContaining('tagged for this configuration') });
    expect((await svc.plan(conn, inp)).steps.find((s) => s.resource === 'bucket')!.action).toBe('keep');
    // Untagged as well: no longer provably Onramp's.
    await s3().send(new DeleteBucketTaggingCommand({ Bucket: inp.bucketName }));
    expect((await svc.plan(conn, inp)).steps.find((s) => s.resource === 'bucket')!.action).toBe('conflict');
  });
});
