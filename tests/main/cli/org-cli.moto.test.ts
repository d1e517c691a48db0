/**
 * `onramp org plan|apply|status|destroy` and `--org` on `usage` and `alarms`, as real processes
 * against an organization made in moto, CloudFormation through the StackSets fake (see
 * tests/helpers/stacksets-fake.ts), the Bodo Platform through its fake. Invalid input exits 2 with
 * nothing sent anywhere.
 */
import { describe, expect, it } from 'vitest';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { cli } from '../../helpers/cli';
import { useFakePlatform, useRequestCounter } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { memberCredentials } from '../../helpers/moto-org';
import { useOrgWorld } from '../../helpers/org-world';
import { seedUsage } from '../monitoring/seed';

describe.skipIf(!HAS_MOTO)('onramp org (moto organization, StackSets fake, platform fake)', () => {
  const world = useOrgWorld();
  const counter = useRequestCounter({ upstream: { get url() { return world.motoUrl; } } });
  const platform = useFakePlatform();
  const flags = (ou: string) => ['--profile', 'default', '--region', 'us-east-2', '--name', 'acme', '--ou', ou, '--bucket', 'acme-bodo-{account}', '--table', 'acme-bodo-locks'];

  describe('invalid input exits 2 naming the flag, with nothing sent to AWS', () => {
    const bad: [string, string[], RegExp][] = [
      ['--ou and --accounts together', ['--accounts', '111111111111'], /--ou: Name either organizational units or accounts/],
      ['a bucket pattern without {account}', ['--bucket', 'acme-bodo'], /--bucket: S3 bucket name pattern must contain \{account\}/],
      ['an external ID', ['--external-id', 'abc'], /--external-id: a roll-out gives every account its own external ID/],
      ['an OU that is not an OU ID', ['--ou', 'dev'], /--ou: Organizational units: "dev" is not an organizational unit ID/],
      ['an excluded account that is not an account ID', ['--exclude', '12345'], /--exclude: Excluded accounts: "12345" is not an AWS account ID/],
    ];
    it.each(bad)('%s', async (_label, extra, message) => {
      await world.fresh();
      const base = flags('ou-abcd-abcdefgh');
      for (let i = 0; i < extra.length; i += 2) {
        const at = base.indexOf(extra[i]!);
        if (at >= 0) base[at + 1] = extra[i + 1]!;
        else base.push(extra[i]!, extra[i + 1]!);
      }
      const before = counter.count;
      const r = await cli(['org', 'plan', ...base, '--json'], { ...world.env, AWS_ENDPOINT_URL: counter.url });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.json.error.code).toBe('InvalidInput');
      expect(counter.count).toBe(before);
      expect(world.fake.calls).toEqual([]);
    });

    it('--auto-deploy needs OUs', async () => {
      const r = await cli(['org', 'plan', '--profile', 'default', '--region', 'us-east-2', '--name', 'acme', '--accounts', '111111111111', '--bucket', 'a-{account}', '--table', 'tbl', '--auto-deploy', '--json'], world.env);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--auto-deploy: Automatic deployment follows organizational units/);
    });
  });

  it('plan, apply (with registration), status, usage --org, alarms --org, destroy', async () => {
    const org = await world.fresh();
    const env = { ...world.env, ...platform.env(), BODO_ORG_CLIENT_ID: platform.clientId, BODO_ORG_SECRET_KEY: platform.secret };

    const plan = await cli(['org', 'plan', ...flags(org.ous.prod), '--json'], env);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.json.accounts.map((a: { action: string }) => a.action)).toEqual(['deploy', 'deploy']);

    const apply = await cli(['org', 'apply', ...flags(org.ous.prod), '--json'], env);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.json.stackSet).toMatchObject({ name: 'onramp-acme', region: 'us-east-2' });
    expect(apply.json.accounts).toHaveLength(2);
    for (const a of apply.json.accounts) {
      expect(a).toMatchObject({ region: 'us-east-2', status: 'succeeded', roleArn: `arn:aws:iam::${a.accountId}:role/BodoPlatformUser`, bucket: `acme-bodo-${a.accountId}`, table: 'acme-bodo-locks', registration: { state: 'registered' } });
      // The external ID plan showed is the one deployed and registered.
      expect(a.externalId).toBe(plan.json.accounts.find((p: { accountId: string }) => p.accountId === a.accountId).names.externalId);
      expect(platform.configs.find((c) => c.name === `acme-${a.accountId}`)?.providerData.externalId).toBe(a.externalId);
    }
    expect(apply.stderr).toMatch(/\[done\] Create StackSet onramp-acme/);
    expect(apply.stderr).toMatch(new RegExp(`prod-1 \\(${org.accounts.prod1}\\) us-east-2: done`));

    const status = await cli(['org', 'status', '--profile', 'default', '--region', 'us-east-2', '--name', 'acme', '--json'], env);
    expect(status.code, status.stderr).toBe(0);
    expect(status.json.accounts.map((a: { registration: { state: string }; detailedStatus: string }) => [a.detailedStatus, a.registration.state])).toEqual([['SUCCEEDED', 'registered'], ['SUCCEEDED', 'registered']]);

    const base = Math.floor(Date.now() / 300_000) * 300_000;
    const admin = await world.admin();
    await seedUsage(admin.assumeRole({ roleArn: `arn:aws:iam::${org.accounts.prod2}:role/OrganizationAccountAccessRole`, sessionName: 'seed' }), 'us-east-2', 'Standard/OnDemand', [{ t: base - 300_000, v: 42 }]);
    const usage = await cli(['usage', '--org', '--profile', 'default', '--region', 'us-east-2', '--days', '1', '--json'], env);
    expect(usage.code, usage.stderr).toBe(0);
    const peaks = Object.fromEntries(usage.json.accounts.map((a: { accountId: string; result: { max: number | null } }) => [a.accountId, a.result.max]));
    expect(peaks).toEqual({ [org.accounts.prod1]: null, [org.accounts.prod2]: 42 });
    const alarms = await cli(['alarms', '--org', '--profile', 'default', '--region', 'us-east-2', '--json'], env);
    expect(alarms.code, alarms.stderr).toBe(0);
    expect(alarms.json.accounts.map((a: { ok: boolean; result: unknown[] }) => [a.ok, a.result])).toEqual([[true, []], [true, []]]);

    const credentials = await memberCredentials(world.motoUrl, org.accounts.prod1);
    await new S3Client({ region: 'us-east-2', endpoint: world.motoUrl, forcePathStyle: true, credentials }).send(new PutObjectCommand({ Bucket: `acme-bodo-${org.accounts.prod1}`, Key: 'state', Body: 'x' }));
    const destroy = await cli(['org', 'destroy', '--profile', 'default', '--region', 'us-east-2', '--name', 'acme', '--json'], env);
    expect(destroy.code).toBe(3);
    expect(destroy.json).toMatchObject({ removed: [{ accountId: org.accounts.prod2 }], kept: [{ accountId: org.accounts.prod1 }], stackSetDeleted: false });
    expect(destroy.stderr).toMatch(/holds objects/);
  }, 180_000);
});
