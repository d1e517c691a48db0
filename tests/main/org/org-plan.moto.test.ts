/**
 * Plan of an organization roll-out against an organization made in moto (management account, dev
 * with a child and a grandchild OU, prod), with the StackSets fake for CloudFormation: per account
 * the names, its own external ID, what is already there, and what apply would do.
 */
import { describe, expect, it } from 'vitest';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { planRollout } from '../../../main/core/org/plan';
import { openRollout } from '../../../main/core/org/rollout';
import { SeedStore } from '../../../main/core/org/seeds';
import { trustPolicy } from '../../../main/core/setup/trust';
import { HAS_MOTO } from '../../helpers/moto';
import { MANAGEMENT_ACCOUNT, memberCredentials } from '../../helpers/moto-org';
import { rolloutInput } from '../../helpers/org-input';
import { useOrgWorld } from '../../helpers/org-world';

describe.skipIf(!HAS_MOTO)('org plan (moto organization, StackSets fake)', () => {
  const world = useOrgWorld();

  it('lists every account below the OU (child and grandchild OUs too) with its own names and external ID', async () => {
    const org = await world.fresh();
    const input = rolloutInput({ targets: { ous: [org.ous.dev], accounts: [], exclude: [org.accounts.dev2] } });
    const aws = await world.admin();
    const r = await openRollout(aws, input, new SeedStore(world.env.ONRAMP_DATA_DIR));
    const plan = await planRollout(r, input);
    expect(plan).toMatchObject({ adminAccount: MANAGEMENT_ACCOUNT, managementAccount: MANAGEMENT_ACCOUNT, trustedAccess: 'ENABLED', stackSet: { name: 'onramp-acme', exists: false, action: 'create', callAs: 'SELF' } });
    const by = Object.fromEntries(plan.accounts.map((a) => [a.accountId, a]));
    expect(Object.keys(by).sort()).toEqual([org.accounts.dev1, org.accounts.dev2, org.accounts.team1, org.accounts.deep1].sort());
    expect(by[org.accounts.dev2]).toMatchObject({ action: 'skip', reason: 'excluded (--exclude)' });
    for (const id of [org.accounts.dev1, org.accounts.team1, org.accounts.deep1]) {
      expect(by[id]).toMatchObject({ action: 'deploy', names: { bucket: `acme-bodo-${id}`, table: 'acme-bodo-locks', roleArn: `arn:aws:iam::${id}:role/BodoPlatformUser` }, existing: { checked: true } });
      expect(by[id]!.names.externalId).toMatch(new RegExp(`^[0-9a-f-]{36}-${id}$`));
    }
    expect(by[org.accounts.deep1]!.path).toBe('dev/team/deep');
    // Each account its own external ID; planning again shows the same ones (the seed is kept).
    expect(new Set(plan.accounts.map((a) => a.names.externalId)).size).toBe(plan.accounts.length);
    const again = await planRollout(await openRollout(aws, input, new SeedStore(world.env.ONRAMP_DATA_DIR)), input);
    expect(again.accounts.map((a) => a.names.externalId)).toEqual(plan.accounts.map((a) => a.names.externalId));
  });

  it('finds what is already in an account: a taken bucket name is a conflict, a role trusting the platform means "set up already"', async () => {
    const org = await world.fresh();
    const input = rolloutInput({ targets: { ous: [org.ous.prod], accounts: [], exclude: [] } });
    const p1 = await memberCredentials(world.motoUrl, org.accounts.prod1);
    await new S3Client({ region: 'us-east-2', endpoint: world.motoUrl, forcePathStyle: true, credentials: p1 }).send(
      new CreateBucketCommand({ Bucket: `acme-bodo-${org.accounts.prod1}`, CreateBucketConfiguration: { LocationConstraint: 'us-east-2' } }),
    );
    const p2 = await memberCredentials(world.motoUrl, org.accounts.prod2);
    await new IAMClient({ region: 'us-east-1', endpoint: world.motoUrl, credentials: p2 }).send(new CreateRoleCommand({ RoleName: 'HandMadeBodo', AssumeRolePolicyDocument: trustPolicy('481633624848', 'theirs') }));
    const plan = await planRollout(await openRollout(await world.admin(), input, new SeedStore(world.env.ONRAMP_DATA_DIR)), input);
    const by = Object.fromEntries(plan.accounts.map((a) => [a.accountId, a]));
    expect(by[org.accounts.prod1]).toMatchObject({ action: 'conflict' });
    expect(by[org.accounts.prod1]!.reason).toContain(`acme-bodo-${org.accounts.prod1}`);
    expect(by[org.accounts.prod2]).toMatchObject({ action: 'skip' });
    expect(by[org.accounts.prod2]!.reason).toContain('HandMadeBodo');
  });

  it('says how to turn trusted access on when it is off', async () => {
    const org = await world.fresh();
    world.fake.trustedAccess = 'DISABLED';
    const input = rolloutInput({ targets: { ous: [org.ous.prod], accounts: [], exclude: [] } });
    const plan = await planRollout(await openRollout(await world.admin(), input, new SeedStore(world.env.ONRAMP_DATA_DIR)), input);
    expect(plan.trustedAccess).toBe('DISABLED');
    expect(plan.trustedAccessHelp).toContain('activate-organizations-access');
  });
});
