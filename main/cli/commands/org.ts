// `onramp org …`: what each command is called, says and accepts. The code behind them is in
// org-run.ts and loads only when one of them runs, so `onramp --help` and other commands never pay for it.
import type { OptionSpec } from '../args';
import { CREDENTIAL_FLAGS } from '../credential-flags';
import { lazyCommand, type CommandEntry } from './entry';

/** Which roll-out: its name and region. */
const SUBJECT_FLAGS: OptionSpec = {
  ...CREDENTIAL_FLAGS,
  region: { type: 'string', value: 'REGION', required: true, description: 'Region of the roll-out (its StackSet, buckets and tables): us-east-1, us-east-2, us-west-1 or us-west-2.' },
  name: { type: 'string', value: 'NAME', required: true, description: 'Name of the roll-out (its StackSet is onramp-<name>; each account registers as <name>-<account>).' },
};

/** The flags of `org plan` and `org apply`. */
export const ORG_FLAGS: OptionSpec = {
  ...SUBJECT_FLAGS,
  ou: { type: 'string', value: 'OU[,OU]', description: 'Organizational units to roll out to (every OU below them too), e.g. ou-ab12-cd34ef56; or the root r-ab12.' },
  accounts: { type: 'string', value: 'ID[,ID]', description: 'Member accounts to roll out to, instead of --ou.' },
  exclude: { type: 'string', value: 'ID[,ID]', description: 'Accounts of those OUs to leave out.' },
  bucket: { type: 'string', value: 'PATTERN', required: true, description: 'Bucket name pattern with {account} (and optionally {region}), e.g. acme-bodo-{account}: names are global.' },
  table: { type: 'string', value: 'TABLE', required: true, description: 'DynamoDB table name in every account (partition key LockID).' },
  role: { type: 'string', value: 'ROLE', description: 'IAM role name the platform assumes in every account (default BodoPlatformUser).' },
  'platform-account': { type: 'string', value: 'ACCOUNT', description: "The platform's AWS account ID (default 481633624848)." },
  'external-id': { type: 'string', value: 'ID', description: 'Not taken: every account gets its own external ID (docs/organizations.md).' },
  'auto-deploy': { type: 'boolean', description: 'Also deploy to accounts added to these OUs later (StackSets automatic deployment; --ou only).' },
  'enable-trusted-access': { type: 'boolean', description: 'apply: turn on trusted access for StackSets in the organization if it is off (your consent).' },
  'member-role': { type: 'string', value: 'ROLE', description: 'Role Onramp looks into member accounts through during plan (default OrganizationAccountAccessRole).' },
};

/** The flags of `org status`. */
export const ORG_STATUS_FLAGS: OptionSpec = {
  ...SUBJECT_FLAGS,
  accounts: { type: 'string', value: 'ID[,ID]', description: 'Only these accounts.' },
  drift: { type: 'boolean', description: 'Run StackSet drift detection (Onramp verifies through each monitoring role where it is not available).' },
  verify: { type: 'boolean', description: "Run Onramp's own checks in every account through its read-only monitoring role." },
};

/** The flags of `org destroy`. */
export const ORG_DESTROY_FLAGS: OptionSpec = {
  ...SUBJECT_FLAGS,
  accounts: { type: 'string', value: 'ID[,ID]', description: 'Remove the roll-out from these accounts only (default: all of them, then the StackSet).' },
};

/** `onramp org plan|apply|status|destroy`. */
export const orgCommands: Record<string, CommandEntry> = {
  'org plan': { summary: 'Plan a roll-out across an AWS Organization: accounts, names, external IDs, what exists', flags: ORG_FLAGS, run: lazyCommand(() => import('./org-run'), 'plan') },
  'org apply': { summary: 'Roll the Cloud Configuration out with a StackSet, register each account (Ctrl-C stops it)', flags: ORG_FLAGS, run: lazyCommand(() => import('./org-run'), 'apply') },
  'org status': { summary: "A roll-out's accounts: instance, drift, checks and platform registration", flags: ORG_STATUS_FLAGS, run: lazyCommand(() => import('./org-run'), 'status') },
  'org destroy': { summary: 'Remove a roll-out from some or all accounts (data is kept)', flags: ORG_DESTROY_FLAGS, run: lazyCommand(() => import('./org-run'), 'destroy') },
};
