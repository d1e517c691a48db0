/**
 * What is already in a member account before the roll-out reaches it, read through a role the
 * administering account may assume there (by default OrganizationAccountAccessRole, which AWS
 * Organizations creates in accounts it creates: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_access.html).
 * Onramp's single-account plan runs against the account's names (so a taken bucket or role name
 * is a conflict before CloudFormation fails on it), and any role that already trusts the platform's
 * account means the account is set up already: it is skipped, never duplicated. Read-only.
 */
import { paginateListRoles } from '@aws-sdk/client-iam';
import type { OrgAccountNames } from '../../../shared/contract/org';
import type { PlanStep, SavedConfiguration } from '../../../shared/contract/setup';
import type { AwsContext } from '../aws/context';
import { toAppError } from '../aws/errors';
import { NO_CLAIMS } from '../setup/claims';
import { computePlan } from '../setup/plan';
import { parsePolicyDocument } from '../setup/policy';
import { describeTrust } from '../setup/trust';
import type { RolloutDescription } from './template';

/** The role Onramp looks through by default: what Organizations creates in the accounts it creates. */
export const DEFAULT_MEMBER_ROLE = 'OrganizationAccountAccessRole';

/** What Onramp found in one account. */
export interface AccountFindings {
  checked: boolean;
  detail: string;
  steps: PlanStep[];
  /** Why the account already has the platform's setup (and must not get a second one), or null. */
  alreadySetUp: string | null;
  /** True when a name the roll-out would create is taken by something else there. */
  conflict: boolean;
}

/** Roles in the account whose trust lets the platform's account in. */
async function platformRoles(aws: AwsContext, platformAccountId: string): Promise<string[]> {
  const iam = await aws.iam();
  const found: string[] = [];
  for await (const page of paginateListRoles({ client: iam, pageSize: 100 }, {})) {
    for (const role of page.Roles ?? []) {
      if (!role.RoleName) continue;
      const { principals } = describeTrust(parsePolicyDocument(role.AssumeRolePolicyDocument));
      if (principals.some((p) => p === platformAccountId || p === `arn:aws:iam::${platformAccountId}:root`)) found.push(role.RoleName);
    }
  }
  return found;
}

/** A saved single-account configuration of this account and region, if Onramp set it up from this machine. */
export function savedSetup(saved: readonly SavedConfiguration[], account: string, region: string): SavedConfiguration | null {
  return saved.find((c) => c.accountId === account && c.region === region) ?? null;
}

/** Look inside one account through its member access role. */
export async function inspectAccount(
  admin: AwsContext,
  description: RolloutDescription,
  account: string,
  names: OrgAccountNames,
  memberRole: string,
): Promise<AccountFindings> {
  const aws = admin.assumeRole({ roleArn: `arn:aws:iam::${account}:role/${memberRole}`, sessionName: 'onramp-org-plan', region: description.region });
  try {
    const input = {
      name: description.name,
      region: description.region,
      bucketName: names.bucket,
      tableName: names.table,
      roleName: names.roleName,
      externalId: names.externalId,
      platformAccountId: description.platformAccountId,
    };
    const [plan, trusting] = await Promise.all([computePlan(aws, input, { account, claims: NO_CLAIMS }), platformRoles(aws, description.platformAccountId)]);
    const steps = plan.plan.steps;
    // The roll-out's own role (a re-plan) trusts the platform too: that one is not another setup.
    const ours = steps.find((s) => s.resource === 'role' && s.action !== 'conflict')?.name.toLowerCase();
    const roles = trusting.filter((r) => r.toLowerCase() !== ours);
    const conflicts = roles.length ? [] : steps.filter((s) => s.action === 'conflict');
    const taken = steps.filter((s) => s.action !== 'create');
    const alreadySetUp = roles.length ? `role ${roles.join(', ')} already trusts the Bodo Platform's account ${description.platformAccountId}: this account is set up already (Onramp does not set it up twice)` : null;
    const detail = conflicts.length
      ? conflicts.map((s) => `${s.resource} ${s.name}: ${s.detail}`).join('; ')
      : taken.length
        ? `already there and this roll-out's: ${taken.map((s) => `${s.resource} ${s.name}`).join(', ')}`
        : 'none of the names is taken';
    return { checked: true, detail, steps, alreadySetUp, conflict: conflicts.length > 0 };
  } catch (err) {
    const e = toAppError(err);
    return {
      checked: false,
      detail: `not checked: ${e.message} (Onramp looks through ${memberRole}; if a name is taken, CloudFormation reports it for this account)`,
      steps: [],
      alreadySetUp: null,
      conflict: false,
    };
  }
}
