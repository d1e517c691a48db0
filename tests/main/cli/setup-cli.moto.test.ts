/**
 * The `onramp setup …` CLI contract, run as a real child process against moto (through a
 * request-counting proxy) and against a bare request counter (to prove invalid input sends nothing).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeleteRolePolicyCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { useMoto, useRequestCounter } from '../../helpers/fixtures';
import { HAS_MOTO, TEST_ACCESS_KEY, TEST_SECRET_KEY } from '../../helpers/moto';
import { iamError } from '../../helpers/request-counter';
import { setupArgs, uniqueSetupNames, type SetupNames } from '../../helpers/setup-names';
import { cli } from '../../helpers/cli';

const ACCOUNT = '123456789012';


const names = (): SetupNames => uniqueSetupNames('cli', (id) => ({ table: `onramp-locks-${id}`, role: `BodoPlatformUser-${id}`, externalId: `ext-${id}-0123` }));

const sortedKeys = (o: object) => Object.keys(o).sort();

describe('setup CLI: invalid input exits 2 and sends no request', () => {
  const counter = useRequestCounter();
  let env: NodeJS.ProcessEnv;
  beforeAll(() => void (env = counter.env()));

  const n = names();
  const base = setupArgs('plan', n);
  const replace = (flag: string, value: string) => base.map((a, i) => (base[i - 1] === flag ? value : a));
  const without = (flag: string) => base.filter((a, i) => a !== flag && base[i - 1] !== flag);

  it.each([
    ['a bad bucket name', replace('--bucket', 'Bad_Bucket'), '--bucket', /S3 bucket name/],
    ['a reserved bucket prefix', replace('--bucket', 'xn--bucket'), '--bucket', /xn--/],
    ['an unsupported region', replace('--region', 'eu-west-1'), '--region', /us-east-1, us-east-2, us-west-1, us-west-2/],
    ['a bad table name', replace('--table', 'a b'), '--table', /DynamoDB table name/],
    ['a bad role name', replace('--role', 'r'.repeat(65)), '--role', /IAM role name/],
    ['a bad external ID', replace('--external-id', 'x'), '--external-id', /External ID/],
    ['a bad configuration name', replace('--name', '$$BUCKET_NAME$$'), '--name', /Configuration name/],
    ['a bad platform account', [...base, '--platform-account', '12345'], '--platform-account', /12 digits/],
    ['a missing --profile', without('--profile'), '--profile', /--profile is required/],
    ['a missing --bucket', without('--bucket'), '--bucket', /--bucket is required/],
    ['a missing --external-id', without('--external-id'), '--external-id', /--external-id is required/],
    ['an empty --profile', replace('--profile', ''), '--profile', /--profile/],
  ])('plan with %s', async (_label, args, field, message) => {
    const before = counter.count;
    const r = await cli(args, env);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(field);
    expect(r.code).toBe(2);
    expect(r.json).toEqual({ error: { code: 'InvalidInput', message: expect.stringContaining(field), field } });
    expect(counter.count).toBe(before);
  });

  it.each([
    ['an unknown flag', [...base, '--colour', 'red'], /--colour/],
    ['a stray argument', [...base.slice(0, 2), 'extra', ...base.slice(2)], /extra/],
    ['a flag without its value', ['setup', 'plan', '--json', ...base.slice(2, -1), '--role'], /--role/],
    ['a flag followed by another flag', ['setup', 'plan', '--json', ...base.slice(2, -1), '--role', '--verbose'], /--role|--verbose/],
  ])('plan with %s', async (_label, args, message) => {
    const before = counter.count;
    const r = await cli(args, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.json.error.code).toBe('InvalidInput');
    expect(counter.count).toBe(before);
  });

  it.each(['apply', 'verify', 'destroy'])('%s validates before sending anything', async (verb) => {
    const before = counter.count;
    const r = await cli(setupArgs(verb, { ...n, bucket: 'UPPER' }, { region: 'eu-west-1' }), env);
    expect(r.code).toBe(2);
    expect(r.json.error).toMatchObject({ code: 'InvalidInput' });
    expect(['--bucket', '--region']).toContain(r.json.error.field);
    expect(counter.count).toBe(before);
  });

  it('an unknown command exits 2', async () => {
    const r = await cli(['setup', 'launch', '--json'], env);
    expect(r.code).toBe(2);
    expect(r.json.error.code).toBe('InvalidInput');
    expect(counter.count).toBe(0);
  });

  it('the counter really counts (a valid plan does reach it)', async () => {
    const before = counter.count;
    const r = await cli(base, { ...env, AWS_MAX_ATTEMPTS: '1' });
    expect(r.code).toBe(3);
    expect(counter.count).toBeGreaterThan(before);
  });
});

describe('setup CLI: credential problems exit 3', () => {
  const counter = useRequestCounter();
  let env: NodeJS.ProcessEnv;
  beforeAll(() => void (env = counter.env()));

  it('an expired SSO session names the exact login command', async () => {
    const args = setupArgs('plan', names(), { profile: 'sso-expired' });
    const r = await cli(args, env);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('aws sso login --profile sso-expired');
    expect(r.json.error.code).toBe('SsoExpired');
    expect(r.json.error.message).toContain('aws sso login --profile sso-expired');
  });

  it('a profile that does not exist', async () => {
    const args = setupArgs('apply', names(), { profile: 'nope' });
    const r = await cli(args, env);
    expect(r.code).toBe(3);
    expect(r.json.error).toMatchObject({ code: 'ProfileNotFound' });
    expect(r.stderr).toContain('"nope"');
    expect(counter.count).toBe(0);
  });

  it('a profile without any credentials', async () => {
    const args = setupArgs('plan', names(), { profile: 'broken' });
    const r = await cli(args, env);
    expect(r.code).toBe(3);
    expect(r.json.error.code).toBe('CredentialsMissing');
  });
});

describe.skipIf(!HAS_MOTO)('setup CLI against moto', () => {
  const moto = useMoto();
  let env: NodeJS.ProcessEnv & { ONRAMP_DATA_DIR: string };
  let failPutRolePolicy = false;
  let delayCreateRoleMs = 0;
  const proxy = useRequestCounter({
    upstream: moto,
    intercept: (req) => {
      if (failPutRolePolicy && req.action === 'PutRolePolicy') return { status: 403, body: iamError('AccessDenied', 'injected: PutRolePolicy refused') };
      if (delayCreateRoleMs && req.action === 'CreateRole') return { status: 0, delayMs: delayCreateRoleMs };
      return undefined;
    },
  });
  beforeAll(() => void (env = proxy.env()));
  const creds = { accessKeyId: 'AKIAOBSERVER00000001', secretAccessKey: 'observer' };
  const iam = () => new IAMClient({ region: 'us-east-1', endpoint: moto.url, credentials: creds });
  const s3 = (region: string) => new S3Client({ region, endpoint: moto.url, forcePathStyle: true, credentials: creds });
  const saved = () => {
    const file = join(env.ONRAMP_DATA_DIR, 'configurations.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).configurations as { name: string }[]) : [];
  };
  describe.each(['us-east-1', 'us-west-2'])('full cycle in %s', (region) => {
    const n = names();

    it('plan → exit 0, four creates, exactly the contract keys', async () => {
      const r = await cli(setupArgs('plan', n, { region }), env);
      expect(r.code).toBe(0);
      expect(sortedKeys(r.json)).toEqual(['interrupted', 'steps']);
      expect(r.json.steps.map((s: object) => sortedKeys(s))).toEqual(Array(4).fill(['action', 'detail', 'name', 'resource']));
      expect(r.json.steps.map((s: { resource: string; name: string; action: string }) => [s.resource, s.name, s.action])).toEqual([
        ['bucket', n.bucket, 'create'],
        ['table', n.table, 'create'],
        ['role', n.role, 'create'],
        ['policy', 'Bodo-Platform-User-Policy', 'create'],
      ]);
    });

    it('apply → exit 0 with the Cloud Configuration; progress on stderr; saved locally without secrets', async () => {
      const r = await cli(setupArgs('apply', n, { region }), env);
      expect(r.stderr).toMatch(/\[done\] S3 bucket/);
      expect(r.code).toBe(0);
      expect(r.json).toEqual({
        name: n.name,
        region,
        bucketName: n.bucket,
        tableName: n.table,
        tableArn: `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${n.table}`,
        roleName: n.role,
        roleArn: `arn:aws:iam::${ACCOUNT}:role/${n.role}`,
        externalId: n.externalId,
        platformAccountId: '481633624848',
      });
      const entry = saved().find((c) => c.name === n.name);
      expect(entry).toMatchObject({ name: n.name, accountId: ACCOUNT, profile: 'default', bucketName: n.bucket });
      const file = readFileSync(join(env.ONRAMP_DATA_DIR, 'configurations.json'), 'utf8');
      expect(file).not.toContain(TEST_SECRET_KEY);
      expect(file).not.toContain(TEST_ACCESS_KEY);
    });

    it('apply again → exit 0, same document; plan shows all keep', async () => {
      const again = await cli(setupArgs('apply', n, { region }), env);
      expect(again.code).toBe(0);
      expect(again.json.roleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/${n.role}`);
      const plan = await cli(setupArgs('plan', n, { region }), env);
      expect(plan.code).toBe(0);
      expect(plan.json.steps.map((s: { action: string }) => s.action)).toEqual(['keep', 'keep', 'keep', 'keep']);
    });

    it('verify → exit 0, ok with {id, ok, detail} checks', async () => {
      const r = await cli(setupArgs('verify', n, { region }), env);
      expect(r.code).toBe(0);
      expect(sortedKeys(r.json)).toEqual(['checks', 'ok']);
      expect(r.json.ok).toBe(true);
      expect(r.json.checks.length).toBeGreaterThanOrEqual(15);
      for (const c of r.json.checks) expect(sortedKeys(c)).toEqual(['detail', 'id', 'label', 'ok', 'resource']);
    });

    it('verify after drift → exit 3, ok false, naming the failed check', async () => {
      await iam().send(new DeleteRolePolicyCommand({ RoleName: n.role, PolicyName: 'Bodo-Platform-User-Policy' }));
      const r = await cli(setupArgs('verify', n, { region }), env);
      expect(r.code).toBe(3);
      expect(r.json.ok).toBe(false);
      expect(r.json.checks.filter((c: { ok: boolean }) => !c.ok).map((c: { id: string }) => c.id)).toEqual(['policy.exists']);
    });

    it('destroy → exit 0, deleted what is there, forgets the configuration', async () => {
      const r = await cli(setupArgs('destroy', n, { region }), env);
      expect(r.code).toBe(0);
      expect(r.json).toEqual({ deleted: [`role ${n.role}`, `table ${n.table}`, `bucket ${n.bucket}`], kept: [], notes: [], cancelled: false });
      expect(saved().map((c) => c.name)).not.toContain(n.name);
      await expect(iam().send(new GetRoleCommand({ RoleName: n.role }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
    });
  });

  it('destroy keeping a bucket with objects → exit 3 with the reason; configuration still saved', async () => {
    const n = names();
    expect((await cli(setupArgs('apply', n, { region: 'us-east-2' }), env)).code).toBe(0);
    await s3('us-east-2').send(new PutObjectCommand({ Bucket: n.bucket, Key: 'state/terraform.tfstate', Body: 'data' }));
    const r = await cli(setupArgs('destroy', n, { region: 'us-east-2' }), env);
    expect(r.code).toBe(3);
    // The platform still has state: nothing at all is changed, and the object is named.
    expect(r.json.deleted).toEqual([]);
    expect(r.json.kept.map((k: { resource: string }) => k.resource)).toEqual([`role ${n.role}`, `table ${n.table}`, `bucket ${n.bucket}`]);
    expect(r.json.kept[2].reason).toMatch(/holds "state\/terraform.tfstate".*workspaces first/);
    expect(saved().map((c) => c.name)).toContain(n.name);
    await expect(s3('us-east-2').send(new HeadObjectCommand({ Bucket: n.bucket, Key: 'state/terraform.tfstate' }))).resolves.toMatchObject({ ContentLength: 4 });
  });

  it('plan with a conflict → exit 3 with the plan; apply → exit 3 with code Conflict and nothing created', async () => {
    const n = names();
    const ddb = new DynamoDBClient({ region: 'us-west-1', endpoint: moto.url, credentials: creds });
    await ddb.send(
      new CreateTableCommand({
        TableName: n.table,
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const plan = await cli(setupArgs('plan', n, { region: 'us-west-1' }), env);
    expect(plan.code).toBe(3);
    expect(plan.json.steps.map((s: { resource: string; action: string }) => `${s.resource}:${s.action}`)).toEqual([
      'bucket:create',
      'table:conflict',
      'role:create',
      'policy:create',
    ]);
    const apply = await cli(setupArgs('apply', n, { region: 'us-west-1' }), env);
    expect(apply.code).toBe(3);
    expect(apply.json).toEqual({ error: { code: 'Conflict', message: expect.stringMatching(/Nothing was changed/) } });
    await expect(s3('us-west-1').send(new HeadBucketCommand({ Bucket: n.bucket }))).rejects.toMatchObject({ name: 'NotFound' });
    await expect(iam().send(new GetRoleCommand({ RoleName: n.role }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('apply whose policy step fails → exit 4 with the error and what was rolled back', async () => {
    const n = names();
    failPutRolePolicy = true;
    try {
      const r = await cli(setupArgs('apply', n, { region: 'us-west-2' }), env);
      expect(r.code).toBe(4);
      expect(sortedKeys(r.json)).toEqual(['error', 'manual', 'rolledBack']);
      expect(sortedKeys(r.json.error)).toEqual(['code', 'message']);
      expect(r.json.error.code).toBe('AccessDenied');
      expect(r.json.error.message).toMatch(/injected: PutRolePolicy refused/);
      expect([...r.json.rolledBack].sort()).toEqual([`bucket ${n.bucket}`, `role ${n.role}`, `table ${n.table}`]);
      expect(saved().map((c) => c.name)).not.toContain(n.name);
    } finally {
      failPutRolePolicy = false;
    }
    await expect(s3('us-west-2').send(new HeadBucketCommand({ Bucket: n.bucket }))).rejects.toMatchObject({ name: 'NotFound' });
    await expect(iam().send(new GetRoleCommand({ RoleName: n.role }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('two CLI applies of the same input at once: one completes, the other exits 3 with Busy', async () => {
    const n = names();
    delayCreateRoleMs = 2500;
    try {
      const [a, b] = await Promise.all([cli(setupArgs('apply', n, { region: 'us-east-1' }), env), cli(setupArgs('apply', n, { region: 'us-east-1' }), env)]);
      const results = [a, b].sort((x, y) => (x.code ?? 99) - (y.code ?? 99));
      expect(results.map((r) => r.code)).toEqual([0, 3]);
      expect(results[0]!.json.roleName).toBe(n.role);
      expect(results[1]!.json.error.code).toBe('Busy');
    } finally {
      delayCreateRoleMs = 0;
    }
  });

  it('--platform-account changes the trusted account', async () => {
    const n = names();
    const r = await cli(setupArgs('plan', n, { region: 'us-east-1', extra: ['--platform-account', '111122223333'] }), env);
    expect(r.code).toBe(0);
    expect(r.json.steps[2].detail).toContain('arn:aws:iam::111122223333:root');
  });

  it('without --json, stdout is human text and stderr has no JSON', async () => {
    const n = names();
    const args = setupArgs('plan', n).filter((a) => a !== '--json');
    const r = await cli(args, env);
    expect(r.code).toBe(0);
    expect(r.json).toBeUndefined();
    expect(r.stdout).toMatch(/^CREATE\s+bucket\s+onramp-cli-/m);
  });
});
