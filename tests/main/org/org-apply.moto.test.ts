/**
 * Apply of an organization roll-out against an organization made in moto, CloudFormation through
 * the StackSets fake (moto does the resources; the fake keeps AWS's bookkeeping: see
 * tests/helpers/stacksets-fake.ts). What each member account got is read back with boto3 through
 * an assumed role in that account — an independent client: the platform role's trust exactly,
 * its inline policy, the bucket and the table, and the monitoring role's trust and actions.
 */
import { describe, expect, it } from 'vitest';
import { applyRollout, type ApplyOptions } from '../../../main/core/org/apply';
import { monitoringActions } from '../../../main/core/org/monitoring-role';
import { planRollout } from '../../../main/core/org/plan';
import { platformRegistrar } from '../../../main/core/org/register';
import { openRollout } from '../../../main/core/org/rollout';
import { SeedStore } from '../../../main/core/org/seeds';
import { createPlatformClient } from '../../../main/core/platform';
import { renderPlatformPolicy } from '../../../main/core/setup/policy';
import { analyseTrust, trustPolicy } from '../../../main/core/setup/trust';
import type { OrgRolloutInput } from '../../../shared/contract/org';
import { useFakePlatformPerTest } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { MANAGEMENT_ACCOUNT, memberEnv } from '../../helpers/moto-org';
import { useOrgWorld, type OrgWorld } from '../../helpers/org-world';
import { HAS_BOTO3, python } from '../../helpers/python';
import { rolloutInput } from '../../helpers/org-input';

const noWait: ApplyOptions['follow'] = { pollMs: 0, sleep: async () => undefined };

/** What boto3 reads in one member account (through OrganizationAccountAccessRole). */
interface ReadBack {
  role: { trust: unknown; policies: string[]; policy: string; tags: Record<string, string> };
  monitor: { trust: unknown; policies: string[]; policy: string };
  bucket: { exists: boolean; tags: Record<string, string> };
  table: { status: string; key: unknown };
}

const READ_BACK = `
import boto3, json, os
region = os.environ['AWS_DEFAULT_REGION']
iam = boto3.client('iam'); s3 = boto3.client('s3', region_name=region); ddb = boto3.client('dynamodb', region_name=region)
def role(name):
    r = iam.get_role(RoleName=name)['Role']
    names = iam.list_role_policies(RoleName=name)['PolicyNames']
    doc = iam.get_role_policy(RoleName=name, PolicyName=names[0])['PolicyDocument'] if names else ''
    tags = {t['Key']: t['Value'] for t in iam.list_role_tags(RoleName=name)['Tags']}
    return {'trust': r['AssumeRolePolicyDocument'], 'policies': names, 'policy': doc if isinstance(doc, str) else json.dumps(doc), 'tags': tags}
b = os.environ['BUCKET']
names = [x['Name'] for x in s3.list_buckets()['Buckets']]
tags = {t['Key']: t['Value'] for t in s3.get_bucket_tagging(Bucket=b)['TagSet']} if b in names else {}
t = ddb.describe_table(TableName=os.environ['TABLE'])['Table']
print(json.dumps({'role': role(os.environ['ROLE']), 'monitor': role(os.environ['MONITOR']), 'bucket': {'exists': b in names, 'tags': tags}, 'table': {'status': t['TableStatus'], 'key': t['KeySchema']}}))
`;

/** moto's CloudFormation stores an inline policy as a Python dict repr: read it as JSON again (see tests/main/export/deployed.ts). */
function pythonRepr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(text.replace(/'/g, '"').replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false'));
  }
}

async function readBack(world: OrgWorld, account: string, names: { bucket: string; table: string; roleName: string; monitoringRoleArn: string }): Promise<ReadBack> {
  const env = await memberEnv(world.motoUrl, account, 'us-east-2');
  return (await python(READ_BACK, { ...env, BUCKET: names.bucket, TABLE: names.table, ROLE: names.roleName, MONITOR: names.monitoringRoleArn.split('/').pop()! })) as ReadBack;
}

async function planAndApply(world: OrgWorld, input: OrgRolloutInput, opts: ApplyOptions = {}) {
  const aws = await world.admin();
  const r = await openRollout(aws, input, new SeedStore(world.env.ONRAMP_DATA_DIR));
  const plan = await planRollout(r, input);
  return { plan, result: await applyRollout(r, input, plan, { follow: noWait, ...opts }) };
}

describe.skipIf(!HAS_MOTO || !HAS_BOTO3)('org apply (moto organization, StackSets fake, boto3 read-back)', () => {
  const world = useOrgWorld();
  const platform = useFakePlatformPerTest();

  it('deploys to every account below the OU but the excluded one; each account holds exactly its configuration', async () => {
    const org = await world.fresh();
    const input = rolloutInput({ targets: { ous: [org.ous.dev], accounts: [], exclude: [org.accounts.dev2] } });
    const items: Record<string, string> = {};
    const { plan, result } = await planAndApply(world, input, { item: (i) => void (items[i.id] = i.state) });
    expect(result.cancelled).toBe(false);
    expect(result.stackSet).toMatchObject({ name: 'onramp-acme', region: 'us-east-2' });
    const by = Object.fromEntries(result.accounts.map((a) => [a.accountId, a]));
    expect(by[org.accounts.dev2]).toMatchObject({ status: 'skipped', reason: 'excluded (--exclude)' });
    expect(items[org.accounts.dev2]).toBe('skipped');
    const deployed = [org.accounts.dev1, org.accounts.team1, org.accounts.deep1];
    for (const id of deployed) {
      expect(by[id]).toMatchObject({ status: 'succeeded', reason: null, bucket: `acme-bodo-${id}`, table: 'acme-bodo-locks', roleArn: `arn:aws:iam::${id}:role/BodoPlatformUser` });
      expect(items[id]).toBe('done');
    }
    // The first deployment names the OU (automatic deployment can follow it) less the excluded account.
    const create = world.fake.calls.find((c) => c.action === 'CreateStackInstances')!.params;
    expect(create).toMatchObject({ 'DeploymentTargets.OrganizationalUnitIds.member.1': org.ous.dev, 'DeploymentTargets.AccountFilterType': 'DIFFERENCE', 'DeploymentTargets.Accounts.member.1': org.accounts.dev2, CallAs: 'SELF' });
    expect(world.fake.calls.find((c) => c.action === 'CreateStackSet')!.params).toMatchObject({ PermissionModel: 'SERVICE_MANAGED', 'Capabilities.member.1': 'CAPABILITY_NAMED_IAM' });

    for (const id of deployed) {
      const names = plan.accounts.find((a) => a.accountId === id)!.names;
      const got = await readBack(world, id, names);
      // The platform role trusts exactly the platform's account with this account's own external ID.
      expect(got.role.trust).toEqual(JSON.parse(trustPolicy('481633624848', names.externalId)));
      expect(analyseTrust(got.role.trust, '481633624848', names.externalId)).toMatchObject({ exact: true, platformAllowed: true, alsoTrusted: [] });
      // Another account's external ID does not open this account's role.
      expect(analyseTrust(got.role.trust, '481633624848', `${names.externalId.slice(0, -12)}000000000000`).platformAllowed).toBe(false);
      expect(names.externalId.endsWith(`-${id}`)).toBe(true);
      expect(got.role.policies).toEqual(['Bodo-Platform-User-Policy']);
      expect(pythonRepr(got.role.policy)).toEqual(JSON.parse(renderPlatformPolicy(names.bucket, `arn:aws:dynamodb:us-east-2:${id}:table/acme-bodo-locks`)));
      expect(got.role.tags).toEqual({ 'managed-by': 'onramp', 'onramp:configuration': 'acme' });
      expect(got.bucket).toEqual({ exists: true, tags: { 'managed-by': 'onramp', 'onramp:configuration': 'acme' } });
      expect(got.table).toEqual({ status: 'ACTIVE', key: [{ AttributeName: 'LockID', KeyType: 'HASH' }] });
      // The monitoring role: trusted only by the administering account, with the roll-out's monitoring external ID; read-only actions.
      const r = await openRollout(await world.admin(), input, new SeedStore(world.env.ONRAMP_DATA_DIR));
      expect(got.monitor.trust).toEqual(JSON.parse(trustPolicy(MANAGEMENT_ACCOUNT, r.seeds.monitoringExternalId)));
      // The same exact-trust check as the platform role: only the administering account, only with the roll-out's monitoring external ID.
      expect(analyseTrust(got.monitor.trust, MANAGEMENT_ACCOUNT, r.seeds.monitoringExternalId)).toMatchObject({ exact: true, alsoTrusted: [], differences: [] });
      expect(analyseTrust(got.monitor.trust, '481633624848', r.seeds.monitoringExternalId).platformAllowed).toBe(false);
      const monitorPolicy = pythonRepr(got.monitor.policy) as { Statement: { Action: string[]; Resource: string }[] };
      expect(monitorPolicy.Statement.flatMap((s) => s.Action).sort()).toEqual(monitoringActions());
      expect(monitorPolicy.Statement.map((s) => s.Resource)).toEqual(['*', `arn:aws:s3:::${names.bucket}`, `arn:aws:dynamodb:us-east-2:${id}:table/acme-bodo-locks`, names.roleArn]);
    }
    // Nothing in the excluded account.
    await expect(readBack(world, org.accounts.dev2, plan.accounts.find((a) => a.accountId === org.accounts.dev2)!.names)).rejects.toThrow();
  });

  it('a failed account reports CloudFormation\'s reason; apply again retries that account alone', async () => {
    const org = await world.fresh();
    const input = rolloutInput({ targets: { ous: [org.ous.prod], accounts: [], exclude: [] } });
    const reason = `Resource handler returned message: "acme-bodo-${org.accounts.prod2} already exists" (RequestToken: x, HandlerErrorCode: AlreadyExists)`;
    world.fake.failNext(org.accounts.prod2, reason);
    const first = await planAndApply(world, input);
    const by = Object.fromEntries(first.result.accounts.map((a) => [a.accountId, a]));
    expect(by[org.accounts.prod1]).toMatchObject({ status: 'succeeded' });
    expect(by[org.accounts.prod2]).toMatchObject({ status: 'failed', reason });

    const before = world.fake.calls.length;
    const second = await planAndApply(world, input);
    expect(second.plan.accounts.map((a) => [a.accountId, a.action]).sort()).toEqual([[org.accounts.prod1, 'keep'], [org.accounts.prod2, 'update']].sort());
    const writes = world.fake.calls.slice(before).filter((c) => /^(Create|Update|Delete)Stack/.test(c.action));
    expect(writes.map((c) => c.action)).toEqual(['UpdateStackInstances']);
    expect(writes[0]!.params).toMatchObject({ 'DeploymentTargets.Accounts.member.1': org.accounts.prod2, 'DeploymentTargets.AccountFilterType': 'INTERSECTION' });
    expect(writes[0]!.params['DeploymentTargets.Accounts.member.2']).toBeUndefined();
    expect(second.result.accounts.every((a) => a.status === 'succeeded')).toBe(true);
    const names = second.plan.accounts.find((a) => a.accountId === org.accounts.prod2)!.names;
    expect((await readBack(world, org.accounts.prod2, names)).bucket.exists).toBe(true);
  });

  it('cancel stops the StackSet operation in flight; the accounts it had not done are cancelled and hold nothing', async () => {
    const org = await world.fresh();
    world.fake.runFor(3);
    const input = rolloutInput({ targets: { ous: [org.ous.prod], accounts: [], exclude: [] } });
    const controller = new AbortController();
    const states: string[] = [];
    const { plan, result } = await planAndApply(world, input, {
      signal: controller.signal,
      item: (i) => {
        states.push(i.state);
        if (i.state === 'running') controller.abort();
      },
    });
    expect(states).toContain('running');
    expect(world.fake.calls.some((c) => c.action === 'StopStackSetOperation')).toBe(true);
    expect(result.cancelled).toBe(true);
    expect(result.accounts.map((a) => a.status)).toEqual(['cancelled', 'cancelled']);
    expect(result.accounts.every((a) => a.registration.state === 'not-attempted')).toBe(true);
    for (const a of plan.accounts) await expect(readBack(world, a.accountId, a.names)).rejects.toThrow();
  });

  it('trusted access off: apply refuses and says how; with consent it turns it on and deploys', async () => {
    const org = await world.fresh();
    world.fake.trustedAccess = 'DISABLED';
    const input = rolloutInput({ targets: { ous: [org.ous.prod], accounts: [], exclude: [] } });
    await expect(planAndApply(world, input)).rejects.toThrow(/Trusted access for StackSets is off.*--enable-trusted-access/s);
    expect(world.fake.calls.some((c) => /^Create|^Activate/.test(c.action))).toBe(false);
    const { result } = await planAndApply(world, input, { consentTrustedAccess: true });
    expect(world.fake.calls.filter((c) => c.action === 'ActivateOrganizationsAccess')).toHaveLength(1);
    expect(result.accounts.map((a) => a.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('registers every account with the platform under its own name and external ID; where the platform issues its own, the account is switched to it', async () => {
    const org = await world.fresh();
    const fake = await platform({ acceptsExternalId: true });
    const client = createPlatformClient({ urls: fake, credentials: async () => ({ clientId: fake.clientId, secret: fake.secret }) });
    const input = rolloutInput({ targets: { ous: [org.ous.prod], accounts: [], exclude: [] } });
    const { result } = await planAndApply(world, input, { register: platformRegistrar(client.configs) });
    for (const a of result.accounts) {
      expect(a.registration.state).toBe('registered');
      const stored = fake.configs.find((c) => c.name === `acme-${a.accountId}`)!;
      expect(stored.providerData).toMatchObject({ roleArn: a.roleArn, externalId: a.externalId, accountId: a.accountId, tfBucketName: a.bucket, tfBackendRegion: 'us-east-2' });
    }
    // Registering again finds them: nothing new on the platform.
    const again = await planAndApply(world, input, { register: platformRegistrar(client.configs) });
    expect(again.result.accounts.map((a) => a.registration.state)).toEqual(['registered', 'registered']);
    expect(fake.configs).toHaveLength(2);

    const org2 = await world.fresh();
    const issuing = await platform({ acceptsExternalId: false });
    const client2 = createPlatformClient({ urls: issuing, credentials: async () => ({ clientId: issuing.clientId, secret: issuing.secret }) });
    const input2 = rolloutInput({ targets: { ous: [org2.ous.prod], accounts: [], exclude: [] } });
    const other = await planAndApply(world, input2, { register: platformRegistrar(client2.configs) });
    // The platform issued its own IDs: each account's role is switched to its ID with a per-account override, then it matches.
    const updates = world.fake.calls.filter((c) => c.action === 'UpdateStackInstances');
    expect(updates).toHaveLength(2);
    for (const a of other.result.accounts) {
      const issued = issuing.configs.find((c) => c.name === `acme-${a.accountId}`)!.providerData.externalId!;
      expect(issued).not.toBe(other.plan.accounts.find((p) => p.accountId === a.accountId)!.names.externalId);
      expect(a.externalId).toBe(issued);
      expect(a.registration.state).toBe('registered');
      expect(a.registration.detail).toContain('issued its own external ID');
      const call = updates.find((c) => c.params['DeploymentTargets.Accounts.member.1'] === a.accountId)!.params;
      expect(call).toMatchObject({ 'ParameterOverrides.member.1.ParameterKey': 'ExternalId', 'ParameterOverrides.member.1.ParameterValue': issued, 'DeploymentTargets.AccountFilterType': 'INTERSECTION' });
      expect(call['DeploymentTargets.Accounts.member.2']).toBeUndefined();
      expect(world.fake.instances('onramp-acme').find((i) => i.account === a.accountId)!.overrides).toEqual({ ExternalId: issued });
    }
    // A later plan reads each account's override back: the external ID shown is the platform's, and registering again matches.
    const later = await planAndApply(world, input2, { register: platformRegistrar(client2.configs) });
    for (const a of later.result.accounts) {
      expect(later.plan.accounts.find((p) => p.accountId === a.accountId)!.names.externalId).toBe(issuing.configs.find((c) => c.name === `acme-${a.accountId}`)!.providerData.externalId);
      expect(a.registration.state).toBe('registered');
    }
    expect(issuing.configs).toHaveLength(2);
    // (moto's UpdateStackInstances changes no resource, so the role's new trust is CloudFormation's doing and not read back here.)
  });
});
