/**
 * A roll-out after apply, against a moto organization with the StackSets fake: status (instances,
 * drift — StackSet drift detection where it answers, Onramp's verify through the monitoring role
 * where it does not — and registrations), the dashboard over every account through the monitoring
 * roles (their AssumeRole calls are seen on the way to moto), and destroy: accounts with data keep
 * everything, the others lose exactly what the StackSet made, the bucket is kept and named, and what
 * Onramp did not create is never touched.
 */
import { describe, expect, it } from 'vitest';
import { CreateBucketCommand, PutObjectCommand, DeleteObjectCommand, S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { applyRollout } from '../../../main/core/org/apply';
import { orgDashboard, findRollouts, monitoredAccounts } from '../../../main/core/org/dashboard';
import { destroyRollout } from '../../../main/core/org/destroy';
import { planRollout } from '../../../main/core/org/plan';
import { openExisting, openRollout } from '../../../main/core/org/rollout';
import { SeedStore } from '../../../main/core/org/seeds';
import { rolloutStatus } from '../../../main/core/org/status';
import { createPlatformClient } from '../../../main/core/platform';
import { contextForProfile } from '../../../main/core/profiles/session';
import { useFakePlatformPerTest, useRequestCounter } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { memberCredentials } from '../../helpers/moto-org';
import { rolloutInput } from '../../helpers/org-input';
import { useOrgWorld, type OrgWorld } from '../../helpers/org-world';
import { seedUsage } from '../monitoring/seed';
import { platformRegistrar } from '../../../main/core/org/register';
import { monitoringActions } from '../../../main/core/org/monitoring-role';
import { RequestLog } from '../../../main/core/aws/request-log';

const noWait = { pollMs: 0, sleep: async () => undefined };
/** moto's CloudFormation ignores PublicAccessBlockConfiguration and stores inline policies as a Python repr (tests/main/export/cloudformation.moto.test.ts): verify fails these two there. */
const MOTO_CFN_GAPS = ['bucket.public-access-block', 'policy.document'];

async function rolledOut(world: OrgWorld, ous: string[]) {
  const input = rolloutInput({ targets: { ous, accounts: [], exclude: [] } });
  const aws = await world.admin();
  const r = await openRollout(aws, input, new SeedStore(world.env.ONRAMP_DATA_DIR));
  const plan = await planRollout(r, input);
  const result = await applyRollout(r, input, plan, { follow: noWait });
  return { input, plan, result };
}

const memberClients = async (world: OrgWorld, account: string) => {
  const credentials = await memberCredentials(world.motoUrl, account);
  return {
    s3: new S3Client({ region: 'us-east-2', endpoint: world.motoUrl, forcePathStyle: true, credentials }),
    iam: new IAMClient({ region: 'us-east-1', endpoint: world.motoUrl, credentials }),
    ddb: new DynamoDBClient({ region: 'us-east-2', endpoint: world.motoUrl, credentials }),
  };
};

describe.skipIf(!HAS_MOTO)('org status, dashboard and destroy (moto organization, StackSets fake)', () => {
  const world = useOrgWorld();
  const platform = useFakePlatformPerTest();
  const sts = useRequestCounter({ upstream: { get url() { return world.motoUrl; } } });

  it('status: each instance, drift from StackSet drift detection, registrations as the platform holds them', async () => {
    const org = await world.fresh();
    const { result } = await rolledOut(world, [org.ous.prod]);
    const fake = await platform({ acceptsExternalId: true });
    const client = createPlatformClient({ urls: fake, credentials: async () => ({ clientId: fake.clientId, secret: fake.secret }) });
    await platformRegistrar(client.configs)({ accountId: org.accounts.prod1, region: 'us-east-2', names: { ...result.accounts[0]!, roleName: 'BodoPlatformUser', monitoringRoleArn: '', platformName: `acme-${org.accounts.prod1}` } });
    world.fake.drift.drifted.add(org.accounts.prod2);
    const status = await rolloutStatus(await openExisting(await world.admin(), 'acme', 'us-east-2'), { drift: true, platform: client.configs, follow: noWait });
    expect(status.stackSet).toMatchObject({ name: 'onramp-acme', region: 'us-east-2' });
    const by = Object.fromEntries(status.accounts.map((a) => [a.accountId, a]));
    expect(by[org.accounts.prod1]).toMatchObject({ instanceStatus: 'CURRENT', detailedStatus: 'SUCCEEDED', drift: 'IN_SYNC', verify: null, registration: { state: 'registered' } });
    expect(by[org.accounts.prod2]).toMatchObject({ drift: 'DRIFTED', registration: { state: 'not-registered' } });
    expect(world.fake.calls.some((c) => c.action === 'DetectStackSetDrift')).toBe(true);
  });

  it('status: where StackSet drift detection is not available, Onramp verifies each account through its monitoring role', async () => {
    const org = await world.fresh();
    await rolledOut(world, [org.ous.prod]);
    world.fake.drift.unsupported = true;
    // Drift made by hand in one account: its table's billing mode no longer on-demand is not something verify can miss — remove the table instead.
    const { ddb } = await memberClients(world, org.accounts.prod2);
    const { DeleteTableCommand } = await import('@aws-sdk/client-dynamodb');
    await ddb.send(new DeleteTableCommand({ TableName: 'acme-bodo-locks' }));
    const status = await rolloutStatus(await openExisting(await world.admin(), 'acme', 'us-east-2'), { drift: true, follow: noWait });
    expect(status.notes.join(' ')).toMatch(/drift detection is not available.*monitoring role/);
    const by = Object.fromEntries(status.accounts.map((a) => [a.accountId, a]));
    const failed = (id: string) => by[id]!.verify!.checks.filter((c) => !c.ok).map((c) => c.id).filter((c) => !MOTO_CFN_GAPS.includes(c));
    expect(by[org.accounts.prod1]!.verify!.error).toBeNull();
    expect(failed(org.accounts.prod1)).toEqual([]);
    expect(failed(org.accounts.prod2)).toEqual(['table.exists']);
  });

  it('the dashboard shows every account through its monitoring role, grouped by account', async () => {
    const org = await world.fresh();
    const { result } = await rolledOut(world, [org.ous.prod]);
    const now = Date.now();
    const base = Math.floor(now / 300_000) * 300_000;
    for (const [i, id] of [org.accounts.prod1, org.accounts.prod2].entries()) {
      const member = (await world.admin()).assumeRole({ roleArn: `arn:aws:iam::${id}:role/OrganizationAccountAccessRole`, sessionName: 'seed' });
      await seedUsage(member, 'us-east-2', 'Standard/OnDemand', [1, 2, 3].map((j) => ({ t: base - j * 300_000, v: 10 * (i + 1) + j })));
    }
    // STS through a counter: every account is read with its own monitoring role and the roll-out's external ID.
    const aws = await contextForProfile({ profile: 'default', region: 'us-east-2', env: { ...world.env, AWS_ENDPOINT_URL_STS: sts.url } });
    const r = await openExisting(aws, 'acme', 'us-east-2');
    const before = sts.requests.length;
    const d = await orgDashboard(r, { now, usageClass: 'Standard/OnDemand', names: org.names });
    expect(d.accounts.map((a) => [a.accountName, a.ok])).toEqual([['prod-1', true], ['prod-2', true]]);
    const peaks = d.accounts.map((a) => (a.ok && a.summary.regions[0]!.ok ? a.summary.regions[0]!.peak24h : null));
    expect(peaks).toEqual([13, 23]);
    const assumed = sts.requests.slice(before).filter((q) => q.action === 'AssumeRole').map((q) => Object.fromEntries(new URLSearchParams(q.body)));
    expect(assumed.map((q) => q.RoleArn).sort()).toEqual(result.accounts.map((a) => a.monitoringRoleArn).sort());
    expect(new Set(assumed.map((q) => q.ExternalId))).toEqual(new Set([r.seeds.monitoringExternalId]));
    // A refresh reuses each account's credentials until they expire: no new AssumeRole.
    const after = sts.requests.length;
    await orgDashboard(r, { now, usageClass: 'Standard/OnDemand', names: org.names });
    expect(sts.requests.slice(after).filter((q) => q.action === 'AssumeRole')).toEqual([]);
    // --org finds the roll-out by its StackSet alone.
    const found = await findRollouts(aws, 'us-east-2');
    expect(found.map((x) => x.description.name)).toEqual(['acme']);
    expect((await monitoredAccounts(found)).map((m) => m.accountId).sort()).toEqual([org.accounts.prod1, org.accounts.prod2].sort());
  });

  it('every call Onramp makes through a monitoring role (dashboard, verify, destroy\'s data check) is one its policy allows', async () => {
    const org = await world.fresh();
    await rolledOut(world, [org.ous.prod]);
    const log = new RequestLog();
    const aws = await contextForProfile({ profile: 'default', region: 'us-east-2', env: world.env, requestLog: log });
    const r = await openExisting(aws, 'acme', 'us-east-2');
    await orgDashboard(r, { now: Date.now() });
    await rolloutStatus(r, { verify: true });
    // Destroy's data check, without destroying: a bucket with an object keeps the account.
    const c1 = await memberClients(world, org.accounts.prod1);
    const c2 = await memberClients(world, org.accounts.prod2);
    await c1.s3.send(new PutObjectCommand({ Bucket: `acme-bodo-${org.accounts.prod1}`, Key: 'k', Body: 'x' }));
    await c2.s3.send(new PutObjectCommand({ Bucket: `acme-bodo-${org.accounts.prod2}`, Key: 'k', Body: 'x' }));
    expect((await destroyRollout(r, { follow: noWait })).kept).toHaveLength(2);
    const S3_ACTIONS: Record<string, string> = { HeadBucket: 's3:ListBucket', ListObjectsV2: 's3:ListBucket', GetBucketEncryption: 's3:GetEncryptionConfiguration', GetPublicAccessBlock: 's3:GetBucketPublicAccessBlock', ListBuckets: 's3:ListAllMyBuckets' };
    const used = Object.keys(log.snapshot().byOperation)
      .map((k) => k.split(':') as [string, string])
      .filter(([service]) => ['s3', 'dynamodb', 'iam', 'cloudwatch', 'servicequotas', 'ec2'].includes(service))
      .map(([service, command]) => {
        const op = command.replace(/Command$/, '');
        return service === 's3' ? (S3_ACTIONS[op] ?? `s3:${op}`) : `${service}:${op}`;
      });
    expect(used.length).toBeGreaterThan(5);
    // ListAllMyBuckets is not granted on purpose: verify treats its AccessDenied as "cannot tell" (main/core/setup/inspect.ts).
    expect(used.filter((a) => !monitoringActions().includes(a) && a !== 's3:ListAllMyBuckets')).toEqual([]);
  });

  it('destroy keeps an account whose bucket holds data, removes the others\' instances, keeps their buckets, and never touches what Onramp did not create', async () => {
    const org = await world.fresh();
    const { result } = await rolledOut(world, [org.ous.prod]);
    const [a1, a2] = [org.accounts.prod1, org.accounts.prod2];
    const c1 = await memberClients(world, a1);
    const c2 = await memberClients(world, a2);
    await c1.s3.send(new PutObjectCommand({ Bucket: `acme-bodo-${a1}`, Key: 'workspace/terraform.tfstate', Body: '{}' }));
    await c2.s3.send(new CreateBucketCommand({ Bucket: `customer-own-${a2}`, CreateBucketConfiguration: { LocationConstraint: 'us-east-2' } }));
    await c2.iam.send(new CreateRoleCommand({ RoleName: 'CustomerRole', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [] }) }));

    const seeds = new SeedStore(world.env.ONRAMP_DATA_DIR);
    const out = await destroyRollout(await openExisting(await world.admin(), 'acme', 'us-east-2'), { follow: noWait, seeds });
    expect(out.kept).toEqual([{ accountId: a1, region: 'us-east-2', reason: expect.stringContaining('holds objects') }]);
    expect(out.removed).toEqual([{ accountId: a2, region: 'us-east-2' }]);
    expect(out.stackSetDeleted).toBe(false);
    expect(out.manual).toEqual([{ accountId: a2, what: expect.stringContaining(`acme-bodo-${a2}`), command: expect.stringContaining(`aws s3 rb s3://acme-bodo-${a2}`) }]);
    const del = world.fake.calls.find((c) => c.action === 'DeleteStackInstances')!.params;
    expect(del).toMatchObject({ 'DeploymentTargets.Accounts.member.1': a2, 'DeploymentTargets.AccountFilterType': 'INTERSECTION', RetainStacks: 'false' });
    expect(del['DeploymentTargets.Accounts.member.2']).toBeUndefined();

    // Account 2: the StackSet's role, monitoring role and table are gone; its bucket, the customer's bucket and role remain.
    await expect(c2.iam.send(new GetRoleCommand({ RoleName: 'BodoPlatformUser' }))).rejects.toThrow();
    await expect(c2.iam.send(new GetRoleCommand({ RoleName: 'onramp-acme-monitor' }))).rejects.toThrow();
    await expect(c2.ddb.send(new DescribeTableCommand({ TableName: 'acme-bodo-locks' }))).rejects.toThrow();
    const buckets2 = ((await c2.s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name).sort();
    expect(buckets2).toEqual([`acme-bodo-${a2}`, `customer-own-${a2}`].sort());
    expect((await c2.iam.send(new GetRoleCommand({ RoleName: 'CustomerRole' }))).Role?.RoleName).toBe('CustomerRole');
    // Account 1 kept everything.
    expect((await c1.iam.send(new GetRoleCommand({ RoleName: 'BodoPlatformUser' }))).Role?.Arn).toBe(result.accounts.find((a) => a.accountId === a1)!.roleArn);

    // Once its data is gone, a second destroy removes it too and then the StackSet.
    await c1.s3.send(new DeleteObjectCommand({ Bucket: `acme-bodo-${a1}`, Key: 'workspace/terraform.tfstate' }));
    const last = await destroyRollout(await openExisting(await world.admin(), 'acme', 'us-east-2'), { follow: noWait, seeds });
    expect(last).toMatchObject({ removed: [{ accountId: a1 }], kept: [], stackSetDeleted: true });
    await expect(openExisting(await world.admin(), 'acme', 'us-east-2')).rejects.toThrow(/no roll-out "acme"/);
  });
});
