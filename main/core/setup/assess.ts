import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { SetupInput, SetupResource, VerifyCheck } from '../../../shared/contract/setup';
import type { AwsContext } from '../aws/context';
import { inOwnJournal, otherUsers, type Claims } from './claims';
import {
  bucketEncryption,
  bucketPublicAccessBlock,
  bucketTags,
  inspectBucket,
  inspectPolicy,
  inspectRole,
  inspectTable,
  roleTags,
  tableKeyMismatch,
  tableTags,
} from './inspect';
import { renderPlatformPolicy, samePolicy } from './policy';
import { publicAccessBlockMatches, RESOURCE_SPEC } from './spec';
import { describeIdentity, isoOf, recordedIdentity, sameIdentity, type ResourceIdentity } from './identity';
import { CONFIGURATION_TAG_KEY, isOwnedBy, MANAGED_BY_TAG } from './tags';
import { analyseTrust, trustMismatch } from './trust';

/** Every check verify reports, with the words people read and whether apply can repair a failure of it. */
export const CHECKS = {
  'bucket.exists': { label: 'S3 bucket exists', fixable: false },
  'bucket.identity': { label: 'S3 bucket is the one Onramp created', fixable: false },
  'bucket.region': { label: 'S3 bucket is in the configuration\'s region', fixable: false },
  'bucket.public-access-block': { label: 'S3 Block Public Access is fully on', fixable: true },
  'bucket.encryption': { label: 'S3 default encryption (SSE-S3)', fixable: true },
  'bucket.tags': { label: 'S3 bucket carries Onramp\'s tags', fixable: true },
  'table.exists': { label: 'DynamoDB table exists', fixable: false },
  'table.identity': { label: 'DynamoDB table is the one Onramp created', fixable: false },
  'table.arn': { label: 'DynamoDB table ARN matches', fixable: false },
  'table.key-schema': { label: 'DynamoDB key is LockID (String)', fixable: false },
  'table.status': { label: 'DynamoDB table is ACTIVE', fixable: true },
  'table.billing': { label: 'DynamoDB on-demand billing', fixable: true },
  'table.tags': { label: 'DynamoDB table carries Onramp\'s tags', fixable: true },
  'role.exists': { label: 'IAM role exists', fixable: false },
  'role.identity': { label: 'IAM role is the one Onramp created', fixable: false },
  'role.arn': { label: 'IAM role ARN matches', fixable: false },
  'role.trust': { label: 'IAM role trusts only the platform, with your external ID', fixable: true },
  'role.tags': { label: 'IAM role carries Onramp\'s tags', fixable: true },
  'policy.exists': { label: 'Inline policy is attached to the role', fixable: false },
  'policy.document': { label: 'Inline policy matches the platform policy', fixable: true },
} as const;
export type CheckId = keyof typeof CHECKS;

/** Whose a resource is, as far as Onramp can tell. */
export type Owner =
  | { kind: 'this' } // tagged for this configuration, its recorded identity, or listed in its journal
  | { kind: 'other'; detail: string } // another configuration's (tags, journal or saved names)
  | { kind: 'replaced'; detail: string } // same name as the one Onramp created, another identity: re-created by someone else
  | { kind: 'foreign'; detail: string } // another AWS account's
  | { kind: 'none' }; // this account's, not Onramp's

/** One resource looked at against the spec. */
export interface Assessment {
  resource: SetupResource;
  name: string;
  exists: boolean;
  owner: Owner;
  checks: VerifyCheck[];
  /** A reason apply cannot proceed whatever the owner (wrong region, wrong key, being deleted). */
  blocker: string | null;
  /** Facts apply needs. */
  region?: string;
  arn?: string;
  tags?: Record<string, string>;
  table?: TableDescription;
  /** What identifies the resource now (RoleId; table ARN and creation time; bucket creation date). */
  identity?: ResourceIdentity;
  /** The role: its trust policy as found (a repair keeps its Deny statements) and who else it trusts. */
  trust?: unknown;
  alsoTrusted?: string[];
}

/** Where and for whom: what every assessment needs besides the resource name. */
export interface AssessContext {
  aws: AwsContext;
  input: SetupInput;
  account: string;
  claims: Claims;
}

const check = (id: CheckId, ok: boolean, detail: string): VerifyCheck => ({ id, label: CHECKS[id].label, resource: id.split('.')[0] as SetupResource, ok, detail });

function tagCheck(id: CheckId, tags: Record<string, string>, name: string): VerifyCheck {
  const missing = [
    tags[MANAGED_BY_TAG.key] === MANAGED_BY_TAG.value ? null : `${MANAGED_BY_TAG.key}=${MANAGED_BY_TAG.value}`,
    tags[CONFIGURATION_TAG_KEY] === name ? null : `${CONFIGURATION_TAG_KEY}=${name}`,
  ].filter(Boolean);
  return check(id, missing.length === 0, missing.length ? `missing tag ${missing.join(' and ')}` : `tagged ${MANAGED_BY_TAG.key}=${MANAGED_BY_TAG.value} and ${CONFIGURATION_TAG_KEY}=${name}`);
}

/** What the recorded identity says about a resource: absent (nothing recorded or readable), the same one, or another one. */
interface IdentityVerdict {
  recorded: ResourceIdentity | null;
  same: boolean | null;
  check: VerifyCheck | null;
}

function identityVerdict(ctx: AssessContext, resource: 'bucket' | 'table' | 'role', name: string, live: ResourceIdentity, tags: Record<string, string>): IdentityVerdict {
  const recorded = recordedIdentity(ctx.claims, ctx.input.name, resource, name, { account: ctx.account, region: ctx.input.region });
  const same = recorded ? sameIdentity(recorded, live) : null;
  if (!recorded || same === null) return { recorded, same, check: null };
  const id = `${resource}.identity` as CheckId;
  if (same) return { recorded, same, check: check(id, true, `${describeIdentity(resource, live)}, as recorded when Onramp created it`) };
  // S3 moves a bucket's CreationDate on some edits (identity.ts): a bucket still tagged for this configuration stays its own.
  if (resource === 'bucket' && isOwnedBy(tags, ctx.input.name)) {
    return { recorded, same: true, check: check(id, true, `${describeIdentity(resource, live)} (Onramp recorded ${isoOf(recorded.createdAt)}; S3 changes this date on some edits) and tagged for this configuration`) };
  }
  return {
    recorded,
    same,
    check: check(id, false, `${describeIdentity(resource, live)}, but Onramp created the one with ${describeIdentity(resource, recorded)}: it was deleted and re-created since, so Onramp leaves it alone`),
  };
}

/** Ownership from the recorded identity, tags, the journal and the other saved configurations. */
function ownerOf(ctx: AssessContext, resource: SetupResource, name: string, tags: Record<string, string>, identity: IdentityVerdict | null = null): Owner {
  const where = { account: ctx.account, region: ctx.input.region };
  if (identity?.same === false) return { kind: 'replaced', detail: identity.check?.detail ?? 'was re-created since Onramp created it' };
  const tagged = tags[CONFIGURATION_TAG_KEY];
  if (tags[MANAGED_BY_TAG.key] === MANAGED_BY_TAG.value && tagged === ctx.input.name) return { kind: 'this' };
  if (tagged !== undefined && tagged !== ctx.input.name) {
    return { kind: 'other', detail: `belongs to Onramp configuration "${tagged}" (tagged ${CONFIGURATION_TAG_KEY}=${tagged})` };
  }
  // The identity Onramp recorded when it created this very resource: it is this configuration's even with its tags gone.
  if (identity?.same === true) return { kind: 'this' };
  const others = otherUsers(ctx.claims, ctx.input.name, resource, name, where);
  if (others.length) return { kind: 'other', detail: `is used by configuration ${others.map((o) => `"${o}"`).join(', ')}` };
  if (inOwnJournal(ctx.claims, ctx.input.name, resource, name, where)) return { kind: 'this' };
  // This configuration's saved entry names the bucket or table (and no identity was recorded, as in
  // files from older versions): it is this configuration's even if its tags drifted away, so a
  // re-apply (Repair) restores them. A role is different: an untagged role named by a configuration
  // without a recorded RoleId is one that existed before Onramp, which Onramp never takes over.
  const saved = ctx.claims.saved.find((c) => c.name === ctx.input.name && c.accountId === ctx.account);
  if (saved && resource === 'bucket' && saved.bucketName === name) return { kind: 'this' };
  if (saved && resource === 'table' && saved.tableName === name && saved.region === ctx.input.region) return { kind: 'this' };
  return { kind: 'none' };
}

/** The bucket against the spec. */
export async function assessBucket(ctx: AssessContext): Promise<Assessment> {
  const { aws, input } = ctx;
  const name = input.bucketName;
  const state = await inspectBucket(aws, name, ctx.account);
  if (state.kind === 'absent') {
    return { resource: 'bucket', name, exists: false, owner: { kind: 'none' }, blocker: null, checks: [check('bucket.exists', false, `bucket ${name} does not exist`)] };
  }
  if (state.kind === 'foreign') {
    return { resource: 'bucket', name, exists: true, owner: { kind: 'foreign', detail: state.detail }, blocker: state.detail, checks: [check('bucket.exists', false, `bucket ${name} ${state.detail}`)] };
  }
  const [pab, enc, tags] = await Promise.all([
    bucketPublicAccessBlock(aws, name, state.region),
    bucketEncryption(aws, name, state.region),
    bucketTags(aws, name, state.region),
  ]);
  const want = RESOURCE_SPEC.bucket.encryption;
  const identity: ResourceIdentity = state.createdAt ? { createdAt: state.createdAt } : {};
  const verdict = identityVerdict(ctx, 'bucket', name, identity, tags);
  const checks = [
    check('bucket.exists', true, `bucket ${name} exists and is owned by this account`),
    ...(verdict.check ? [verdict.check] : []),
    check('bucket.region', state.region === input.region, `bucket is in ${state.region}${state.region === input.region ? '' : `, expected ${input.region}`}`),
    check('bucket.public-access-block', publicAccessBlockMatches(pab), publicAccessBlockMatches(pab) ? 'all four Block Public Access settings are on' : 'Block Public Access is not fully on'),
    check('bucket.encryption', enc === want, enc ? `default encryption ${enc}${enc === want ? ' (SSE-S3)' : `, expected ${want} (SSE-S3)`}` : 'no default encryption'),
    tagCheck('bucket.tags', tags, input.name),
  ];
  const blocker = state.region !== input.region ? `exists in ${state.region}, but bucket and table must share ${input.region}` : null;
  return { resource: 'bucket', name, exists: true, owner: ownerOf(ctx, 'bucket', name, tags, verdict), checks, blocker, region: state.region, tags, identity };
}

/** The table against the spec. */
export async function assessTable(ctx: AssessContext, expectedArn: string): Promise<Assessment> {
  const { aws, input } = ctx;
  const name = input.tableName;
  const state = await inspectTable(aws, name, input.region);
  if (state.kind === 'absent') {
    return { resource: 'table', name, exists: false, owner: { kind: 'none' }, blocker: null, checks: [check('table.exists', false, `table ${name} does not exist in ${input.region}`)] };
  }
  const t = state.table;
  const tags = t.TableArn ? await tableTags(aws, t.TableArn, input.region) : {};
  const keyProblem = tableKeyMismatch(t);
  const billing = t.BillingModeSummary?.BillingMode ?? 'PROVISIONED';
  const identity: ResourceIdentity = { id: t.TableArn, createdAt: isoOf(t.CreationDateTime) };
  const verdict = identityVerdict(ctx, 'table', name, identity, tags);
  const checks = [
    check('table.exists', true, `table ${name} exists in ${input.region}`),
    ...(verdict.check ? [verdict.check] : []),
    check('table.arn', t.TableArn === expectedArn, `ARN ${t.TableArn}${t.TableArn === expectedArn ? '' : `, expected ${expectedArn}`}`),
    check('table.key-schema', keyProblem === null, keyProblem ?? `partition key ${RESOURCE_SPEC.table.lockKey} of type String`),
    check('table.status', t.TableStatus === 'ACTIVE', `status ${t.TableStatus ?? 'unknown'}`),
    check('table.billing', billing === RESOURCE_SPEC.table.billingMode, `billing mode ${billing}${billing === RESOURCE_SPEC.table.billingMode ? ' (on-demand)' : `, expected ${RESOURCE_SPEC.table.billingMode}`}`),
    tagCheck('table.tags', tags, input.name),
  ];
  const blocker = keyProblem ?? (t.TableStatus === 'DELETING' ? 'is being deleted; wait until it is gone and plan again' : t.TableArn !== expectedArn ? `its ARN ${t.TableArn} is not ${expectedArn}` : null);
  return { resource: 'table', name, exists: true, owner: ownerOf(ctx, 'table', name, tags, verdict), checks, blocker, arn: t.TableArn, tags, table: t, identity };
}

/** The role and its inline policy against the spec. A role Onramp did not create but that trusts the platform is used as it is: Onramp only adds its policy. */
export async function assessRoleAndPolicy(ctx: AssessContext, tableArn: string, expectedRoleArn?: string): Promise<[Assessment, Assessment]> {
  const { aws, input } = ctx;
  const name = input.roleName;
  const policyName = RESOURCE_SPEC.role.inlinePolicyName;
  const role = await inspectRole(aws, name);
  if (role.kind === 'absent') {
    return [
      { resource: 'role', name, exists: false, owner: { kind: 'none' }, blocker: null, checks: [check('role.exists', false, `role ${name} does not exist`)] },
      { resource: 'policy', name: policyName, exists: false, owner: { kind: 'none' }, blocker: null, checks: [] },
    ];
  }
  const tags = await roleTags(aws, name);
  const identity: ResourceIdentity = role.role.RoleId ? { id: role.role.RoleId } : {};
  const verdict = identityVerdict(ctx, 'role', name, identity, tags);
  const owner = ownerOf(ctx, 'role', name, tags, verdict);
  const mismatch = trustMismatch(role.trust, input.platformAccountId, input.externalId);
  const { alsoTrusted } = analyseTrust(role.trust, input.platformAccountId, input.externalId);
  const untagged = tags[MANAGED_BY_TAG.key] === undefined && tags[CONFIGURATION_TAG_KEY] === undefined;
  const trustCheck = check('role.trust', mismatch === null, mismatch ?? `trusts only arn:aws:iam::${input.platformAccountId}:root, with the external ID`);
  const checks = [
    check('role.exists', true, `role ${role.role.Arn ?? name}`),
    ...(verdict.check ? [verdict.check] : []),
    ...(expectedRoleArn ? [check('role.arn', role.role.Arn === expectedRoleArn, `ARN ${role.role.Arn}${role.role.Arn === expectedRoleArn ? '' : `, expected ${expectedRoleArn}`}`)] : []),
    alsoTrusted.length ? { ...trustCheck, alsoTrusted } : trustCheck,
    // A role that existed before (no Onramp tag, no recorded RoleId, not in the journal) is used as it is and never deleted.
    owner.kind === 'none' && untagged
      ? check('role.tags', true, 'existed before Onramp (not tagged by it): Onramp only adds and removes its inline policy')
      : tagCheck('role.tags', tags, input.name),
  ];
  const roleA: Assessment = { resource: 'role', name, exists: true, owner, checks, blocker: null, arn: role.role.Arn, tags, identity, trust: role.trust, alsoTrusted };

  const policy = await inspectPolicy(aws, name, policyName);
  const where = { account: ctx.account, region: input.region };
  const ownPolicy =
    owner.kind === 'this' ||
    inOwnJournal(ctx.claims, input.name, 'policy', name, where) ||
    ctx.claims.saved.some((c) => c.name === input.name && c.accountId === ctx.account && c.roleName.toLowerCase() === name.toLowerCase());
  // The policy follows a role that is another configuration's, or was re-created by someone else.
  const policyOwner: Owner = owner.kind === 'other' || owner.kind === 'replaced' ? owner : ownPolicy ? { kind: 'this' } : { kind: 'none' };
  if (policy.kind === 'absent') {
    return [roleA, { resource: 'policy', name: policyName, exists: false, owner: policyOwner, blocker: null, checks: [check('policy.exists', false, `inline policy ${policyName} is missing from the role`)] }];
  }
  const same = samePolicy(policy.document, JSON.parse(renderPlatformPolicy(input.bucketName, tableArn)));
  return [
    roleA,
    {
      resource: 'policy',
      name: policyName,
      exists: true,
      owner: policyOwner,
      blocker: null,
      checks: [
        check('policy.exists', true, `inline policy ${policyName} is attached`),
        check('policy.document', same, same ? 'matches the platform policy for this bucket and table' : 'differs from the platform policy for this bucket and table'),
      ],
    },
  ];
}

/** The failed checks apply can repair, or null when some failure it cannot repair remains. */
export function repairable(a: Assessment): VerifyCheck[] | null {
  const failed = a.checks.filter((c) => !c.ok);
  return failed.every((c) => CHECKS[c.id as CheckId].fixable) ? failed : null;
}
