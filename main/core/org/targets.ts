/**
 * Which accounts a roll-out reaches, and how to say so to StackSets. Pure: takes the accounts the
 * organization listed and returns, per account, whether it gets an instance or why not, and the
 * DeploymentTargets for a set of them. StackSets never deploys to the management account and skips
 * suspended accounts; an OU target reaches every OU below it; `Accounts` refine OU targets with
 * AccountFilterType INTERSECTION (only these) or DIFFERENCE (all but these)
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DeploymentTargets.html).
 */
import type { DeploymentTargets } from '@aws-sdk/client-cloudformation';
import type { OrgTargets } from '../../../shared/contract/org';
import type { OrgAccount } from './organization';

/** One account of the organization as the roll-out sees it. */
export interface TargetAccount extends OrgAccount {
  /** Null when it gets an instance; otherwise why not. */
  skip: string | null;
}

/** Why the management account never gets an instance. */
export const MANAGEMENT_SKIP =
  "the organization's management account: CloudFormation does not deploy StackSet instances there; set it up on its own with \"onramp setup\"";

/** Each listed account with whether it gets an instance (named exclusions, the management account and inactive accounts do not). */
export function resolveTargets(targets: OrgTargets, accounts: readonly OrgAccount[], managementAccount: string): TargetAccount[] {
  const excluded = new Set(targets.exclude);
  return accounts.map((a) => {
    let skip: string | null = null;
    if (excluded.has(a.id)) skip = 'excluded (--exclude)';
    else if (a.id === managementAccount) skip = MANAGEMENT_SKIP;
    else if (a.state !== 'ACTIVE') skip = `the account is ${a.state.toLowerCase()}: StackSets deploys only to active accounts`;
    return { ...a, skip };
  });
}

/**
 * The first deployment to the named OUs: the OUs themselves (so automatic deployment follows them),
 * less the accounts that must not get an instance (DIFFERENCE), or every account of them (NONE).
 */
export function ouTargets(ous: readonly string[], leaveOut: readonly string[]): DeploymentTargets {
  const accounts = [...new Set(leaveOut)].sort();
  return accounts.length
    ? { OrganizationalUnitIds: [...ous], Accounts: accounts, AccountFilterType: 'DIFFERENCE' }
    : { OrganizationalUnitIds: [...ous], AccountFilterType: 'NONE' };
}

/** Exactly these accounts: their parent OUs, filtered to the accounts (INTERSECTION). */
export function accountTargets(accounts: readonly Pick<OrgAccount, 'id' | 'parentId'>[]): DeploymentTargets {
  return {
    OrganizationalUnitIds: [...new Set(accounts.map((a) => a.parentId))].sort(),
    Accounts: [...new Set(accounts.map((a) => a.id))].sort(),
    AccountFilterType: 'INTERSECTION',
  };
}
