/**
 * Shared-name safety and destroy that removes access without orphaning (issue 11), against moto
 * through the setup service (the same flows the app and the CLI use).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { DescribeTableCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateRoleCommand, GetRoleCommand, GetRolePolicyCommand } from '@aws-sdk/client-iam';
import type { SetupInput } from '../../../shared/contract/setup';
import { createSetupService, type SetupConnection } from '../../../main/core/app/setup-service';
import { contextForProfile } from '../../../main/core/profiles/session';
import { SetupJournal } from '../../../main/core/setup/journal';
import { trustPolicy } from '../../../main/core/setup/trust';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import { cli } from '../../helpers/cli';
import { useMoto, useRequestCounter, contextAt, envAt } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { iamError } from '../../helpers/request-counter';

const REGION = 'us-east-2';
const FAST = { pollMs: 20, iamPropagationMs: 5_000, rollbackMs: 10_000 };

const config = (name: string, bucket: string, id: string): SetupInput => ({
  name,
  region: REGION,
  bucketName: bucket,
  tableName: `t-${name}-${id}`,
  roleName: `R-${name}-${id}`,
  externalId: 'shared-external-id',
  platformAccountId: '481633624848',
});

describe.skipIf(!HAS_MOTO)('configurations sharing names, and destroy safety', () => {
  const moto = useMoto();
  const denyCreateRole = useRequestCounter({
      upstream: moto,
      intercept: (r) => (r.action === 'CreateRole' ? { status: 403, body: iamError('AccessDenied', 'injected: not authorized to create roles') } : undefined),
    });
  let env: NodeJS.ProcessEnv;
  let conn: SetupConnection;
  let denied: SetupConnection;

  const service = (dataDir = mkdtempSync(join(tmpdir(), 'onramp-shared-'))) =>
    createSetupService({ dataDir, store: new ConfigurationStore(dataDir), now: Date.now, tuning: FAST });

  beforeAll(async () => {
    // A path to moto where CreateRole is always denied.
    env = envAt(moto.url);
    conn = { aws: await contextForProfile({ profile: 'default', region: REGION, env }), account: null, profile: 'default' };
    denied = { aws: await contextAt(denyCreateRole.url, REGION, { base: env }), account: null, profile: 'default' };
  });

  const exists = async (what: 'bucket' | 'table' | 'role', name: string) => {
    const ok = (p: Promise<unknown>) => p.then(() => true, () => false);
    if (what === 'bucket') return ok((await conn.aws.s3(REGION)).send(new HeadBucketCommand({ Bucket: name })));
    if (what === 'table') return ok((await conn.aws.dynamodb(REGION)).send(new DescribeTableCommand({ TableName: name })));
    return ok((await conn.aws.iam()).send(new GetRoleCommand({ RoleName: name })));
  };

  it('a second configuration naming the first one\'s bucket is a conflict in plan; apply creates nothing; P still verifies', async () => {
    const id = randomBytes(3).toString('hex');
    const svc = service();
    const p = config('p', `onramp-shared-${id}`, id);
    const q = config('q', p.bucketName, id);
    await svc.apply(conn, p);
    const plan = await svc.plan(conn, q);
    expect(plan.steps.find((s) => s.resource === 'bucket')).toMatchObject({ action: 'conflict', detail: expect.stringMatching(/configuration "p"/) });
    await expect(svc.apply(conn, q)).rejects.toMatchObject({ code: 'Conflict' });
    expect(await exists('table', q.tableName)).toBe(false);
    expect(await exists('role', q.roleName)).toBe(false);
    expect((await svc.verify(conn, p)).ok).toBe(true);
  });

  it('with an injected failure (Q\'s CreateRole denied) Q\'s run never deletes P\'s bucket, and P reports success', async () => {
    const id = randomBytes(3).toString('hex');
    const svc = service();
    const p = config('p', `onramp-shared-f-${id}`, id);
    const q = config('q', p.bucketName, id);
    await svc.apply(conn, p);
    await expect(svc.apply(denied, q)).rejects.toMatchObject({ code: 'Conflict' });
    expect(await exists('bucket', p.bucketName)).toBe(true);
    expect((await svc.verify(conn, p)).ok).toBe(true);
  });

  it('five rounds of P and Q applied at once by two CLI processes, Q\'s CreateRole denied: a bucket is never deleted under a configuration that succeeded', async () => {
    for (let round = 0; round < 5; round++) {
      const id = `${randomBytes(3).toString('hex')}${round}`;
      const dataDir = mkdtempSync(join(tmpdir(), 'onramp-race-'));
      const flags = (c: SetupInput) => ['--profile', 'default', '--region', REGION, '--name', c.name, '--bucket', c.bucketName, '--table', c.tableName, '--role', c.roleName, '--external-id', c.externalId, '--json'];
      const p = config('p', `onramp-race-${id}`, id);
      const q = config('q', p.bucketName, id);
      const [rp, rq] = await Promise.all([
        cli(['setup', 'apply', ...flags(p)], { ...env, ONRAMP_DATA_DIR: dataDir }),
        cli(['setup', 'apply', ...flags(q)], { ...env, ONRAMP_DATA_DIR: dataDir, AWS_ENDPOINT_URL: denyCreateRole.url }),
      ]);
      // Q can never succeed (its CreateRole is denied); it ends Busy, Conflict or rolled back.
      expect(rq.code, rq.stderr).not.toBe(0);
      if (rp.code === 0) {
        expect(await exists('bucket', p.bucketName)).toBe(true);
        const v = await cli(['setup', 'verify', ...flags(p)], { ...env, ONRAMP_DATA_DIR: dataDir });
        expect(v.code, JSON.stringify(v.json)).toBe(0);
      } else {
        // P lost the race to Q's lock: it changed nothing, and Q's rollback removed only Q's own bucket.
        expect(rp.json.error.code).toMatch(/Busy|Conflict/);
      }
    }
  }, 180_000);

  it('destroy and rollback never delete a resource another saved configuration still uses', async () => {
    const id = randomBytes(3).toString('hex');
    const dataDir = mkdtempSync(join(tmpdir(), 'onramp-shared-'));
    const store = new ConfigurationStore(dataDir);
    const svc = service(dataDir);
    const p = config('p', `onramp-shared-d-${id}`, id);
    const saved = await svc.apply(conn, p);
    // Q was saved naming the same bucket (as the old version allowed).
    await store.save({ ...saved, name: 'q', tableName: 'other', roleName: 'other' });
    const d = await svc.destroy(conn, p);
    expect(d.deleted).not.toContain(`bucket ${p.bucketName}`);
    expect(d.kept).toEqual([{ resource: `bucket ${p.bucketName}`, reason: expect.stringMatching(/used by configuration "q"/) }]);
    expect(await exists('bucket', p.bucketName)).toBe(true);
  });

  it('destroy of a configuration whose role existed before removes Onramp\'s inline policy, keeps the role, and says so', async () => {
    const id = randomBytes(3).toString('hex');
    const svc = service();
    const p = config('pre', `onramp-prerole-${id}`, id);
    const iam = await conn.aws.iam();
    await iam.send(new CreateRoleCommand({ RoleName: p.roleName, AssumeRolePolicyDocument: trustPolicy(p.platformAccountId, p.externalId) }));
    const plan = await svc.plan(conn, p);
    expect(plan.steps.map((s) => s.action)).toEqual(['create', 'create', 'keep', 'create']);
    await svc.apply(conn, p);
    expect((await svc.verify(conn, p)).ok).toBe(true);
    const d = await svc.destroy(conn, p);
    expect(d.deleted).toEqual(['policy Bodo-Platform-User-Policy', `table ${p.tableName}`, `bucket ${p.bucketName}`]);
    expect(d.kept).toEqual([]);
    expect(d.notes.join(' ')).toMatch(new RegExp(`Role ${p.roleName} existed before Onramp.*policy Bodo-Platform-User-Policy was removed`));
    // The platform can no longer use the role with Onramp's permissions.
    await expect(iam.send(new GetRolePolicyCommand({ RoleName: p.roleName, PolicyName: 'Bodo-Platform-User-Policy' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
    expect(await exists('role', p.roleName)).toBe(true);
  });

  it('destroy with lock items in the table changes nothing and names the items', async () => {
    const id = randomBytes(3).toString('hex');
    const svc = service();
    const p = config('items', `onramp-items-${id}`, id);
    await svc.apply(conn, p);
    const ddb = await conn.aws.dynamodb(REGION);
    await ddb.send(new PutItemCommand({ TableName: p.tableName, Item: { LockID: { S: 'workspace-1/terraform.tfstate-md5' }, Digest: { S: 'abc' } } }));
    const d = await svc.destroy(conn, p);
    expect(d.deleted).toEqual([]);
    expect(d.kept.map((k) => k.resource)).toEqual([`role ${p.roleName}`, `table ${p.tableName}`, `bucket ${p.bucketName}`]);
    expect(d.kept[1]!.reason).toMatch(/holds lock items "workspace-1\/terraform.tfstate-md5".*workspaces first/);
    expect((await svc.verify(conn, p)).ok).toBe(true);
    // Still saved: nothing was forgotten.
    expect((await svc.interrupted()).runs).toEqual([]);
  });

  it('an interrupted run naming another bucket stays listed after the configuration is applied with new names', async () => {
    const id = randomBytes(3).toString('hex');
    const dataDir = mkdtempSync(join(tmpdir(), 'onramp-shared-'));
    const svc = service(dataDir);
    const first = config('moved', `onramp-moved-a-${id}`, id);
    const journal = new SetupJournal(dataDir);
    const j = await journal.begin({ configuration: first.name, account: '123456789012', profile: 'default', input: first, now: Date.now });
    await journal.mark(j, 'bucket', first.bucketName, 'intended');
    writeFileSync(journal.fileOf(j.runId), JSON.stringify({ ...JSON.parse(readFileSync(journal.fileOf(j.runId), 'utf8')), pid: 4194305 }));
    await svc.apply(conn, { ...first, bucketName: `onramp-moved-b-${id}` });
    expect((await svc.interrupted()).runs.map((r) => r.runId)).toEqual([j.runId]);
    // Applying the names it lists would replace the saved configuration of that name: refused, nothing replaced.
    await expect(svc.apply(conn, first)).rejects.toMatchObject({ code: 'Conflict', message: expect.stringContaining(`onramp-moved-b-${id}`) });
    expect((await svc.interrupted()).runs.map((r) => r.runId)).toEqual([j.runId]);
    // Undoing the run settles it (it created nothing), and the saved configuration stays.
    await svc.resolveInterrupted(conn, j.runId, 'undo');
    expect((await svc.interrupted()).runs).toEqual([]);
  });
});
