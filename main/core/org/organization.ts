/**
 * What AWS Organizations and CloudFormation say about the organization a roll-out targets: who
 * administers StackSets (the management account, or a delegated administrator: CallAs), whether
 * trusted access is on, and which accounts sit in the named OUs (with every OU below them) or are
 * named directly. Read-only, except `enableTrustedAccess`, which the user must consent to.
 *
 * API reference: AWS Organizations (DescribeOrganization, ListOrganizationalUnitsForParent,
 * ListAccountsForParent, DescribeAccount, ListParents, ListDelegatedAdministrators;
 * https://docs.aws.amazon.com/organizations/latest/APIReference/) and CloudFormation
 * (DescribeOrganizationsAccess, ActivateOrganizationsAccess;
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ActivateOrganizationsAccess.html).
 */
import {
  DescribeAccountCommand,
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  ListParentsCommand,
  paginateListAccountsForParent,
  paginateListDelegatedAdministrators,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
} from '@aws-sdk/client-organizations';
import { ActivateOrganizationsAccessCommand, DescribeOrganizationsAccessCommand } from '@aws-sdk/client-cloudformation';
import type { OrgTargets, TrustedAccess } from '../../../shared/contract/org';
import { AppError } from '../../../shared/errors';
import type { AwsContext } from '../aws/context';
import { errorName, toAppError } from '../aws/errors';

/** The service principal StackSets acts as in an organization (trusted access, delegated administrators). */
export const STACKSETS_PRINCIPAL = 'member.org.stacksets.cloudformation.amazonaws.com';

/** Who calls StackSets for the organization: its management account (SELF) or a registered delegated administrator. */
export type CallAs = 'SELF' | 'DELEGATED_ADMIN';

/** The organization as far as a roll-out needs it. */
export interface Organization {
  id: string;
  managementAccount: string;
}

/** One member account, where it sits, and whether it can take a stack instance. */
export interface OrgAccount {
  id: string;
  name: string;
  /** ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED, … (Account.State, else the older Account.Status). */
  state: string;
  parentId: string;
  /** The OU names from the named target down to the account's parent (`dev/team-a`). */
  path: string;
}

const pages = { pageSize: 20 } as const;

/** DescribeOrganization; an account outside any organization is told so. */
export async function describeOrganization(aws: AwsContext): Promise<Organization> {
  const org = await aws.organizations();
  try {
    const out = await org.send(new DescribeOrganizationCommand({}));
    const o = out.Organization;
    if (!o?.Id || !o.MasterAccountId) throw new AppError('AwsError', 'AWS Organizations returned no organization.');
    return { id: o.Id, managementAccount: o.MasterAccountId };
  } catch (err) {
    if (errorName(err) === 'AWSOrganizationsNotInUseException') {
      throw new AppError('NotFound', 'This account is not in an AWS Organization: a roll-out needs the organization\'s management account (or a delegated StackSets administrator). For one account, use "onramp setup".');
    }
    throw toAppError(err, 'Organizations DescribeOrganization');
  }
}

/**
 * SELF for the management account; DELEGATED_ADMIN for an account registered as a delegated
 * administrator for StackSets; anything else cannot roll out, and is told how to be allowed to.
 */
export async function callAsFor(aws: AwsContext, account: string, org: Organization): Promise<CallAs> {
  if (account === org.managementAccount) return 'SELF';
  const client = await aws.organizations();
  try {
    for await (const page of paginateListDelegatedAdministrators({ client, ...pages }, { ServicePrincipal: STACKSETS_PRINCIPAL })) {
      if ((page.DelegatedAdministrators ?? []).some((d) => d.Id === account)) return 'DELEGATED_ADMIN';
    }
  } catch (err) {
    if (toAppError(err).code !== 'AccessDenied') throw toAppError(err, 'Organizations ListDelegatedAdministrators');
  }
  throw new AppError(
    'AccessDenied',
    `Account ${account} is neither the organization's management account (${org.managementAccount}) nor a delegated administrator for CloudFormation StackSets. Connect with a profile for the management account, or register this account from it: aws organizations register-delegated-administrator --service-principal ${STACKSETS_PRINCIPAL} --account-id ${account}`,
  );
}

/** Whether trusted access between StackSets and Organizations is on (CloudFormation DescribeOrganizationsAccess). */
export async function trustedAccess(aws: AwsContext, region: string, callAs: CallAs): Promise<TrustedAccess> {
  const cfn = await aws.cloudformation(region);
  try {
    const out = await cfn.send(new DescribeOrganizationsAccessCommand({ CallAs: callAs }));
    const status = out.Status;
    return status === 'ENABLED' || status === 'DISABLED' || status === 'DISABLED_PERMANENTLY' ? status : 'UNKNOWN';
  } catch (err) {
    throw toAppError(err, 'CloudFormation DescribeOrganizationsAccess');
  }
}

/** How to turn trusted access on by hand (what plan shows while it is off). */
export function trustedAccessHelp(state: TrustedAccess): string | null {
  if (state === 'ENABLED') return null;
  if (state === 'DISABLED_PERMANENTLY') {
    return 'Trusted access for StackSets was turned off permanently in this organization (StackSets reports DISABLED_PERMANENTLY): an administrator of the management account has to contact AWS Support; Onramp cannot enable it.';
  }
  return 'StackSets needs trusted access with AWS Organizations to deploy to member accounts. Turn it on from the management account: the CloudFormation console (StackSets, "Activate trusted access"), or "aws cloudformation activate-organizations-access", or let Onramp do it (it asks first). It creates the StackSets service-linked roles and changes nothing else.';
}

/** Turn trusted access on (CloudFormation ActivateOrganizationsAccess); only after the user consented. */
export async function enableTrustedAccess(aws: AwsContext, region: string, callAs: CallAs): Promise<void> {
  const cfn = await aws.cloudformation(region);
  try {
    await cfn.send(new ActivateOrganizationsAccessCommand({}));
  } catch (err) {
    throw toAppError(err, `CloudFormation ActivateOrganizationsAccess (as ${callAs === 'SELF' ? 'the management account' : 'a delegated administrator'})`);
  }
}

function accountState(a: { State?: string; Status?: string }): string {
  return a.State ?? a.Status ?? 'ACTIVE';
}

/** Every account in an OU and in every OU below it, depth first, with the path of names. */
async function walk(aws: AwsContext, parentId: string, path: string, out: OrgAccount[], signal?: AbortSignal): Promise<void> {
  const client = await aws.organizations();
  for await (const page of paginateListAccountsForParent({ client, ...pages }, { ParentId: parentId }, { abortSignal: signal })) {
    for (const a of page.Accounts ?? []) if (a.Id) out.push({ id: a.Id, name: a.Name ?? a.Id, state: accountState(a), parentId, path });
  }
  for await (const page of paginateListOrganizationalUnitsForParent({ client, ...pages }, { ParentId: parentId }, { abortSignal: signal })) {
    for (const ou of page.OrganizationalUnits ?? []) if (ou.Id) await walk(aws, ou.Id, `${path}/${ou.Name ?? ou.Id}`, out, signal);
  }
}

/** The name of an OU or root the user named; an ID this organization does not have is invalid input naming it. */
async function targetName(aws: AwsContext, id: string): Promise<string> {
  const client = await aws.organizations();
  if (id.startsWith('r-')) {
    for await (const page of paginateListRoots({ client, ...pages }, {})) {
      const root = (page.Roots ?? []).find((r) => r.Id === id);
      if (root) return root.Name ?? 'Root';
    }
    throw new AppError('InvalidInput', `--ou: ${id} is not this organization's root.`, '--ou');
  }
  try {
    const out = await client.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: id }));
    return out.OrganizationalUnit?.Name ?? id;
  } catch (err) {
    if (errorName(err) === 'OrganizationalUnitNotFoundException') throw new AppError('InvalidInput', `--ou: organizational unit ${id} is not in this organization.`, '--ou');
    throw toAppError(err, `Organizations DescribeOrganizationalUnit ${id}`);
  }
}

/** One named account and its parent; an account this organization does not have is invalid input naming it. */
async function namedAccount(aws: AwsContext, id: string): Promise<OrgAccount> {
  const client = await aws.organizations();
  try {
    const [described, parents] = await Promise.all([
      client.send(new DescribeAccountCommand({ AccountId: id })),
      client.send(new ListParentsCommand({ ChildId: id })),
    ]);
    const a = described.Account ?? {};
    const parentId = parents.Parents?.[0]?.Id ?? '';
    const path = parentId.startsWith('ou-') ? await targetName(aws, parentId) : 'Root';
    return { id, name: a.Name ?? id, state: accountState(a), parentId, path };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (errorName(err) === 'AccountNotFoundException' || errorName(err) === 'ChildNotFoundException') {
      throw new AppError('InvalidInput', `--accounts: account ${id} is not in this organization.`, '--accounts');
    }
    throw toAppError(err, `Organizations DescribeAccount ${id}`);
  }
}

/** The accounts the targets name: every account below the named OUs, or the named accounts (exclusions are applied by resolveTargets). */
export async function readTargetAccounts(aws: AwsContext, targets: OrgTargets, signal?: AbortSignal): Promise<OrgAccount[]> {
  const out: OrgAccount[] = [];
  try {
    if (targets.ous.length) {
      for (const ou of targets.ous) await walk(aws, ou, await targetName(aws, ou), out, signal);
    } else {
      for (const id of targets.accounts) out.push(await namedAccount(aws, id));
    }
  } catch (err) {
    throw err instanceof AppError ? err : toAppError(err, 'Organizations: list the target accounts');
  }
  // An account under two named OUs (one inside the other) counts once.
  return out.filter((a, i) => out.findIndex((b) => b.id === a.id) === i);
}

/** The OU (or root) an account sits in. */
export async function readParents(aws: AwsContext, account: string): Promise<string> {
  const client = await aws.organizations();
  try {
    const out = await client.send(new ListParentsCommand({ ChildId: account }));
    const parent = out.Parents?.[0]?.Id;
    if (!parent) throw new AppError('NotFound', `Organizations lists no parent for account ${account}.`);
    return parent;
  } catch (err) {
    throw err instanceof AppError ? err : toAppError(err, `Organizations ListParents ${account}`);
  }
}

/** Account ID → name, for display (an account Organizations does not describe keeps its ID). */
export async function accountDisplayNames(aws: AwsContext, ids: readonly string[]): Promise<Record<string, string>> {
  const client = await aws.organizations();
  const out: Record<string, string> = {};
  for (const id of ids) {
    try {
      out[id] = (await client.send(new DescribeAccountCommand({ AccountId: id }))).Account?.Name ?? id;
    } catch {
      out[id] = id;
    }
  }
  return out;
}
