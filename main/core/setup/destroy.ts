import { DeleteBucketCommand, ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { DeleteTableCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DeleteRoleCommand, DeleteRolePolicyCommand } from '@aws-sdk/client-iam';
import type { DestroyResult, SetupResource } from '../../../shared/contract/setup';
import type { AwsContext } from '../aws/context';
import { toAppError } from '../aws/errors';
import { whoAmI } from '../profiles/session';
import { inOwnJournal, NO_CLAIMS, otherUsers, type Claims } from './claims';
import { describeIdentity, isoOf, recordedIdentity, sameIdentity, type ResourceIdentity } from './identity';
import { bucketTags, inspectBucket, inspectRole, inspectTable, roleAttachments, roleTags, tableTags } from './inspect';
import { resourceLockNames, withResourceLock } from './lock';
import { RESOURCE_SPEC } from './spec';
import { CONFIGURATION_TAG_KEY, isOwnedBy, MANAGED_BY_TAG } from './tags';

/** What destroy needs: the configuration's name (its tag) and resource names. */
export interface DestroyTarget {
  name: string;
  region: string;
  bucketName: string;
  tableName: string;
  roleName: string;
}

/** Options for destroy. */
export interface DestroyOptions {
  account?: string;
  claims?: Claims;
  /** Cancel: stop before the next deletion; the result lists what was done. */
  signal?: AbortSignal;
  lockDir?: string;
}

const NOT_OURS = (what: string, name: string) =>
  `not tagged ${MANAGED_BY_TAG.key}=${MANAGED_BY_TAG.value} and ${CONFIGURATION_TAG_KEY}=${name}, not the ${what} whose identity Onramp recorded, nor in its journal: Onramp did not create this ${what} and will not delete it`;

const show = (items: string[], more: boolean) => `${items.map((i) => `"${i}"`).join(', ')}${more ? ', …' : ''}`;

/** Up to three object keys (or versions) the bucket holds, or null when it is empty or gone. */
async function bucketContents(aws: AwsContext, bucket: string, region: string): Promise<string | null> {
  const s3 = await aws.s3(region);
  const listing = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 3 }));
  const keys = [...(listing.Versions ?? []), ...(listing.DeleteMarkers ?? [])].map((v) => v.Key ?? '?');
  return keys.length ? show(keys.slice(0, 3), Boolean(listing.IsTruncated) || keys.length > 3) : null;
}

/** Up to three LockIDs the table holds, or null when it is empty. */
async function tableContents(aws: AwsContext, table: string, region: string): Promise<string | null> {
  const ddb = await aws.dynamodb(region);
  const out = await ddb.send(new ScanCommand({ TableName: table, Limit: 3 }));
  const ids = (out.Items ?? []).map((i) => i[RESOURCE_SPEC.table.lockKey]?.S ?? '(item)');
  return ids.length ? show(ids, Boolean(out.LastEvaluatedKey)) : null;
}

/**
 * Tear a configuration down in the order role policy, role, table, bucket. Only resources this
 * configuration owns (its tags, the identity recorded when Onramp created them, or its journal) and
 * no other configuration uses are deleted; a resource of the same name with another identity is kept. When the
 * bucket holds objects or the table holds items, the platform still has state there (workspaces):
 * nothing at all is changed, so the platform is never cut off from what it runs. A role that existed
 * before Onramp keeps existing, but Onramp's inline policy is always removed from it, so no role is
 * left trusting the platform with Onramp's permissions.
 */
export async function destroyConfiguration(aws: AwsContext, target: DestroyTarget, opts: DestroyOptions = {}): Promise<DestroyResult> {
  return withResourceLock(resourceLockNames(target), () => destroyLocked(aws, target, opts), { dir: opts.lockDir });
}

async function destroyLocked(aws: AwsContext, target: DestroyTarget, opts: DestroyOptions): Promise<DestroyResult> {
  const deleted: string[] = [];
  const kept: DestroyResult['kept'] = [];
  const notes: string[] = [];
  const account = opts.account ?? (await whoAmI(aws)).account;
  const claims = opts.claims ?? NO_CLAIMS;
  const where = { account, region: target.region };
  const users = (kind: SetupResource, name: string) => otherUsers(claims, target.name, kind, name, where);
  // The identity recorded when Onramp created the resource decides first: the same one is this
  // configuration's even untagged; another one (deleted and re-created since) is never deleted.
  // A bucket's date may move on edits (identity.ts), so a tagged bucket stays this configuration's.
  const identityOf = (kind: 'bucket' | 'table' | 'role', name: string, live: ResourceIdentity) => {
    const recorded = recordedIdentity(claims, target.name, kind, name, where);
    return recorded ? { recorded, same: sameIdentity(recorded, live) } : null;
  };
  const replaced = (kind: 'bucket' | 'table' | 'role', name: string, live: ResourceIdentity, tags: Record<string, string>): string | null => {
    const id = identityOf(kind, name, live);
    if (id?.same !== false || (kind === 'bucket' && isOwnedBy(tags, target.name))) return null;
    return `is not the ${kind} Onramp created (${describeIdentity(kind, live)}; Onramp created the one with ${describeIdentity(kind, id.recorded)}): it was deleted and re-created since, so Onramp will not delete it`;
  };
  const ours = (kind: 'bucket' | 'table' | 'role', name: string, tags: Record<string, string>, live: ResourceIdentity) =>
    isOwnedBy(tags, target.name) || identityOf(kind, name, live)?.same === true || inOwnJournal(claims, target.name, kind, name, where);
  const policyName = RESOURCE_SPEC.role.inlinePolicyName;
  const iam = await aws.iam();

  const [role, table, bucket] = await Promise.all([
    inspectRole(aws, target.roleName),
    inspectTable(aws, target.tableName, target.region),
    inspectBucket(aws, target.bucketName, account),
  ]);

  // The platform's state: if either store holds anything, change nothing.
  const objects = bucket.kind === 'ours' ? await bucketContents(aws, target.bucketName, bucket.region) : null;
  const items = table.kind === 'present' ? await tableContents(aws, target.tableName, target.region) : null;
  if (objects || items) {
    const found = [objects ? `bucket ${target.bucketName} holds ${objects}` : null, items ? `table ${target.tableName} holds lock items ${items}` : null].filter(Boolean).join(' and ');
    const reason = `the platform still has state here (${found}): remove the platform's workspaces first (which empties them), then delete again. Nothing was changed`;
    if (role.kind === 'present') kept.push({ resource: `role ${target.roleName}`, reason });
    if (table.kind === 'present') kept.push({ resource: `table ${target.tableName}`, reason });
    if (bucket.kind === 'ours') kept.push({ resource: `bucket ${target.bucketName}`, reason });
    return { deleted, kept, notes, cancelled: false };
  }

  const cancelled = () => opts.signal?.aborted === true;
  const attempt = async (resource: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      kept.push({ resource, reason: `could not be deleted: ${toAppError(err).message}` });
    }
  };

  if (role.kind === 'present' && !cancelled()) {
    await attempt(`role ${target.roleName}`, async () => {
      const tags = await roleTags(aws, target.roleName);
      const live: ResourceIdentity = role.role.RoleId ? { id: role.role.RoleId } : {};
      const notTheOne = replaced('role', target.roleName, live, tags);
      if (notTheOne) return void kept.push({ resource: `role ${target.roleName}`, reason: `${notTheOne}; left as it is, policy included` });
      const others = users('role', target.roleName);
      const taggedOther = tags[CONFIGURATION_TAG_KEY] !== undefined && tags[CONFIGURATION_TAG_KEY] !== target.name;
      if (others.length || taggedOther) {
        kept.push({ resource: `role ${target.roleName}`, reason: `is used by configuration ${taggedOther ? `"${tags[CONFIGURATION_TAG_KEY]}"` : others.map((o) => `"${o}"`).join(', ')}; left as it is, policy included` });
        return;
      }
      const { inline, attached, instanceProfiles } = await roleAttachments(aws, target.roleName);
      if (inline.includes(policyName)) {
        await iam.send(new DeleteRolePolicyCommand({ RoleName: target.roleName, PolicyName: policyName }));
        deleted.push(`policy ${policyName}`);
      }
      if (!ours('role', target.roleName, tags, live)) {
        notes.push(
          `Role ${target.roleName} existed before Onramp, so it was kept${inline.includes(policyName) ? `; Onramp's inline policy ${policyName} was removed from it, so the platform can no longer use it with Onramp's permissions` : ' (it had no Onramp policy)'}.`,
        );
        return;
      }
      if (cancelled()) return;
      const extra = [...inline.filter((p) => p !== policyName), ...attached, ...instanceProfiles.map((p) => `instance profile ${p}`)];
      if (extra.length) {
        kept.push({ resource: `role ${target.roleName}`, reason: `also has ${extra.join(', ')}, which Onramp did not add; Onramp's policy was removed, detach the rest first if the role should go` });
        return;
      }
      await iam.send(new DeleteRoleCommand({ RoleName: target.roleName }));
      deleted.push(`role ${target.roleName}`);
    });
  }

  if (table.kind === 'present' && !cancelled()) {
    await attempt(`table ${target.tableName}`, async () => {
      const tags = table.table.TableArn ? await tableTags(aws, table.table.TableArn, target.region) : {};
      const live: ResourceIdentity = { id: table.table.TableArn, createdAt: isoOf(table.table.CreationDateTime) };
      const notTheOne = replaced('table', target.tableName, live, tags);
      if (notTheOne) return void kept.push({ resource: `table ${target.tableName}`, reason: notTheOne });
      const others = users('table', target.tableName);
      if (others.length) return void kept.push({ resource: `table ${target.tableName}`, reason: `is used by configuration ${others.map((o) => `"${o}"`).join(', ')}` });
      if (!ours('table', target.tableName, tags, live)) return void kept.push({ resource: `table ${target.tableName}`, reason: NOT_OURS('table', target.name) });
      const ddb = await aws.dynamodb(target.region);
      await ddb.send(new DeleteTableCommand({ TableName: target.tableName }));
      deleted.push(`table ${target.tableName}`);
    });
  }

  if (bucket.kind === 'foreign') {
    kept.push({ resource: `bucket ${target.bucketName}`, reason: `belongs to another account: ${bucket.detail}` });
  } else if (bucket.kind === 'ours' && !cancelled()) {
    await attempt(`bucket ${target.bucketName}`, async () => {
      const tags = await bucketTags(aws, target.bucketName, bucket.region);
      const live: ResourceIdentity = bucket.createdAt ? { createdAt: bucket.createdAt } : {};
      const notTheOne = replaced('bucket', target.bucketName, live, tags);
      if (notTheOne) return void kept.push({ resource: `bucket ${target.bucketName}`, reason: notTheOne });
      const others = users('bucket', target.bucketName);
      if (others.length) return void kept.push({ resource: `bucket ${target.bucketName}`, reason: `is used by configuration ${others.map((o) => `"${o}"`).join(', ')}` });
      if (!ours('bucket', target.bucketName, tags, live)) return void kept.push({ resource: `bucket ${target.bucketName}`, reason: NOT_OURS('bucket', target.name) });
      const s3 = await aws.s3(bucket.region);
      try {
        await s3.send(new DeleteBucketCommand({ Bucket: target.bucketName }));
        deleted.push(`bucket ${target.bucketName}`);
      } catch (err) {
        if (/BucketNotEmpty/.test(toAppError(err).message)) kept.push({ resource: `bucket ${target.bucketName}`, reason: 'holds objects; Onramp never deletes data' });
        else throw toAppError(err, `S3 DeleteBucket ${target.bucketName}`);
      }
    });
  }
  return { deleted, kept, notes, cancelled: cancelled() };
}
