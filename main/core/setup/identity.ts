/**
 * What identifies a resource beyond its name, so a resource Onramp created stays Onramp's after its
 * tags are removed, and one of the same name made by someone else after a delete is never taken for
 * it. The role's RoleId is unique and never reused (IAM User Guide, "Unique identifiers",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids);
 * a table's CreationDateTime changes only when it is re-created (DynamoDB DescribeTable); a bucket's
 * CreationDate comes from ListBuckets, which S3 documents as "Date the bucket was created. This date
 * can change when making changes to your bucket, such as editing its bucket policy"
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Bucket.html) — so a bucket whose date moved
 * but that still carries this configuration's tags is still taken as Onramp's.
 */
import type { CreatedIdentity, SetupResource } from '../../../shared/contract/setup';
import type { Claims } from './claims';

/** A resource's identity as read now or as recorded: an id (RoleId, table ARN) and/or a creation time (ISO 8601). */
export interface ResourceIdentity {
  id?: string;
  createdAt?: string;
}

type Owned = Exclude<SetupResource, 'policy'>;

/** An ISO 8601 string for a Date or date text, or undefined. */
export function isoOf(d: Date | string | undefined): string | undefined {
  if (d === undefined) return undefined;
  const t = new Date(d).getTime();
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

function fromCreated(kind: Owned, identity: CreatedIdentity | undefined): ResourceIdentity | null {
  if (!identity) return null;
  switch (kind) {
    case 'bucket':
      return identity.bucket ? { createdAt: identity.bucket.createdAt } : null;
    case 'table':
      return identity.table ? { id: identity.table.arn, createdAt: identity.table.createdAt } : null;
    case 'role':
      return identity.role ? { id: identity.role.roleId } : null;
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown resource ${String(unreachable)}`);
    }
  }
}

const sameName = (kind: Owned, a: string, b: string) => (kind === 'role' ? a.toLowerCase() === b.toLowerCase() : a === b);

/**
 * The identity recorded for this configuration's resource of this name: from its saved entry (same
 * account, same name) or, for a run that has not been saved yet, from its journal. Null when none is known.
 */
export function recordedIdentity(claims: Claims, configuration: string, kind: Owned, name: string, where: { account: string; region: string }): ResourceIdentity | null {
  for (const c of claims.saved) {
    if (c.name !== configuration || c.accountId !== where.account) continue;
    const savedName = kind === 'bucket' ? c.bucketName : kind === 'table' ? c.tableName : c.roleName;
    if (!sameName(kind, savedName, name) || (kind === 'table' && c.region !== where.region)) continue;
    const found = fromCreated(kind, c.identity);
    if (found) return found;
  }
  for (const j of claims.journals) {
    if (j.configuration !== configuration || j.account !== where.account || (kind === 'table' && j.region !== where.region)) continue;
    const entry = j.resources.find((r) => r.kind === kind && sameName(kind, r.name, name) && r.identity);
    if (entry?.identity) return entry.identity;
  }
  return null;
}

/** True when the live identity is the recorded one, false when it differs, null when either side lacks what would tell. */
export function sameIdentity(recorded: ResourceIdentity, live: ResourceIdentity): boolean | null {
  let compared = false;
  if (recorded.id !== undefined && live.id !== undefined) {
    if (recorded.id !== live.id) return false;
    compared = true;
  }
  if (recorded.createdAt !== undefined && live.createdAt !== undefined) {
    if (isoOf(recorded.createdAt) !== isoOf(live.createdAt)) return false;
    compared = true;
  }
  return compared ? true : null;
}

/** The identity in words, for messages ("RoleId AROA…", "created 2026-12-06T10:00:00.000Z"). */
export function describeIdentity(kind: Owned, identity: ResourceIdentity): string {
  const parts = [kind === 'role' && identity.id ? `RoleId ${identity.id}` : null, identity.createdAt ? `created ${isoOf(identity.createdAt)}` : null];
  return parts.filter(Boolean).join(', ') || 'unknown identity';
}

/** The saved form of the identities of the resources a run made or owns. */
export function createdIdentity(found: Partial<Record<Owned, ResourceIdentity | undefined>>): CreatedIdentity {
  const out: CreatedIdentity = {};
  if (found.bucket?.createdAt) out.bucket = { createdAt: found.bucket.createdAt };
  if (found.table?.id && found.table.createdAt) out.table = { arn: found.table.id, createdAt: found.table.createdAt };
  if (found.role?.id) out.role = { roleId: found.role.id };
  return out;
}
