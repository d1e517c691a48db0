/**
 * Configuration names are unique per account and nothing replaces a saved record (issue 21.3), through
 * the real CLI against moto behind a request counter: a taken name with other resources is a conflict
 * (exit 3, naming the existing configuration and its resources) before any request that creates
 * anything; re-applying the same configuration stays idempotent; the same name in two accounts (a
 * profile that assumes a role into another account, which moto honours) keeps both; and
 * `onramp configurations` lists them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import { cli } from '../../helpers/cli';
import { useMoto, useRequestCounter } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { setupArgs, uniqueSetupNames, type SetupNames } from '../../helpers/setup-names';

const ACCOUNT = '123456789012';
const OTHER = '210987654321';

/** A profile that assumes a role in OTHER: moto answers AssumeRole with credentials acting in that account. */
const OTHER_PROFILE = ['[profile other]', `role_arn = arn:aws:iam::${OTHER}:role/onramp-admin`, 'source_profile = default', 'region = us-east-1'].join('\n');

describe.skipIf(!HAS_MOTO)('configuration names against moto (CLI)', () => {
  const moto = useMoto();
  const counter = useRequestCounter({ upstream: moto });
  let env: NodeJS.ProcessEnv & { ONRAMP_DATA_DIR: string };
  beforeAll(() => void (env = counter.env(OTHER_PROFILE)));

  const store = () => new ConfigurationStore(env.ONRAMP_DATA_DIR);
  /** The same configuration name with other resources. */
  const otherResources = (n: SetupNames): SetupNames => ({ ...n, bucket: `${n.bucket}-b`, table: `${n.table}-b`, role: `${n.role}-b` });

  it('setup apply with a taken name and other resources: exit 3 naming the saved one, and nothing created', async () => {
    const n = uniqueSetupNames('taken');
    const first = await cli(setupArgs('apply', n), env);
    expect(first.code, first.stderr).toBe(0);

    for (const verb of ['plan', 'apply']) {
      const before = counter.count;
      const r = await cli(setupArgs(verb, otherResources(n)), env);
      expect(r.code, r.stderr).toBe(3);
      expect(r.json.error).toMatchObject({ code: 'Conflict', field: '--name' });
      expect(r.json.error.message).toContain(`Configuration name "${n.name}" is already used in account ${ACCOUNT}`);
      for (const part of [n.bucket, n.table, `role/${n.role}`]) expect(r.json.error.message).toContain(part);
      expect(r.json.existing).toMatchObject({ name: n.name, accountId: ACCOUNT, region: 'us-east-1', bucketName: n.bucket, tableName: n.table, roleArn: `arn:aws:iam::${ACCOUNT}:role/${n.role}` });
      expect(r.stderr).toContain('Choose another name');
      // Only who-am-I reached AWS: no request that creates (or even reads) a bucket, table or role.
      expect(counter.requests.slice(before).map((q) => `${q.service}:${q.action}`)).toEqual(['sts:GetCallerIdentity']);
    }
    // The first configuration is still the saved one, untouched.
    expect((await store().get({ accountId: ACCOUNT, name: n.name }))).toMatchObject({ bucketName: n.bucket, tableName: n.table, roleName: n.role });
    expect((await store().list()).filter((c) => c.name === n.name)).toHaveLength(1);
  }, 90_000);

  it('re-applying the same configuration stays idempotent: one record, every resource kept', async () => {
    const n = uniqueSetupNames('again');
    expect((await cli(setupArgs('apply', n), env)).code).toBe(0);
    const created = (await store().get({ accountId: ACCOUNT, name: n.name }))!;
    const plan = await cli(setupArgs('plan', n), env);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.json.steps.map((s: { action: string }) => s.action)).toEqual(['keep', 'keep', 'keep', 'keep']);
    const again = await cli(setupArgs('apply', n), env);
    expect(again.code, again.stderr).toBe(0);
    const records = (await store().list()).filter((c) => c.name === n.name);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ bucketName: n.bucket, createdAt: created.createdAt });
  }, 90_000);

  it('the same name in two accounts keeps both; verify and destroy each reach their own', async () => {
    const n = uniqueSetupNames('twoacct');
    const mine = await cli(setupArgs('apply', n), env);
    expect(mine.code, mine.stderr).toBe(0);
    const theirs = otherResources(n);
    const other = await cli(setupArgs('apply', theirs, { profile: 'other' }), env);
    expect(other.code, other.stderr).toBe(0);
    expect(other.json.roleArn).toBe(`arn:aws:iam::${OTHER}:role/${theirs.role}`);

    const listed = await cli(['configurations', '--json'], env);
    expect(listed.code).toBe(0);
    const both = listed.json.filter((c: { name: string }) => c.name === n.name);
    expect(both).toEqual([
      { name: n.name, accountId: ACCOUNT, region: 'us-east-1', bucketName: n.bucket, tableName: n.table, roleArn: `arn:aws:iam::${ACCOUNT}:role/${n.role}`, createdAt: expect.any(String), verifiedAt: null },
      { name: n.name, accountId: OTHER, region: 'us-east-1', bucketName: theirs.bucket, tableName: theirs.table, roleArn: `arn:aws:iam::${OTHER}:role/${theirs.role}`, createdAt: expect.any(String), verifiedAt: null },
    ]);

    // Verify in each account marks only that account's record.
    expect((await cli(setupArgs('verify', theirs, { profile: 'other' }), env)).code).toBe(0);
    expect((await store().get({ accountId: OTHER, name: n.name }))!.verifiedAt).not.toBeNull();
    expect((await store().get({ accountId: ACCOUNT, name: n.name }))!.verifiedAt).toBeNull();

    // Destroying the other account's removes only its record.
    const gone = await cli(setupArgs('destroy', theirs, { profile: 'other' }), env);
    expect(gone.code, gone.stderr).toBe(0);
    expect(await store().get({ accountId: OTHER, name: n.name })).toBeNull();
    expect(await store().get({ accountId: ACCOUNT, name: n.name })).toMatchObject({ bucketName: n.bucket });

    const human = await cli(['configurations', '--account', ACCOUNT], env);
    expect(human.stdout).toContain(`${n.name}  (account ${ACCOUNT}, us-east-1)`);
    expect(human.stdout).toContain(`bucket    ${n.bucket}`);
    expect(human.stdout).not.toContain(`account ${OTHER}`);
  }, 120_000);

  it('configurations refuses a malformed --account (exit 2) and needs no credentials', async () => {
    const before = counter.count;
    const r = await cli(['configurations', '--account', '12345', '--json'], env);
    expect(r.code).toBe(2);
    expect(r.json.error).toMatchObject({ code: 'InvalidInput', field: '--account' });
    expect((await cli(['configurations', '--json'], { ...env, AWS_CONFIG_FILE: '/nonexistent' })).code).toBe(0);
    expect(counter.count).toBe(before);
  });
});
