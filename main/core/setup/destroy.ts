import { DeleteBucketCommand, ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListInstanceProfilesForRoleCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import { INLINE_POLICY_NAME, type DestroyResult } from '../../../shared/contract/setup';
import type { AwsContext } from '../aws/context';
import { toAppError } from '../aws/errors';
import { whoAmI } from '../profiles/session';
import { bucketTags, inspectBucket, inspectRole, inspectTable, roleTags, tableTags } from './inspect';
import { withResourceLock } from './lock';
import { isOwnedBy } from './tags';

/** What destroy needs: the configuration's name (its tag) and resource names. */
export interface DestroyTarget {
  name: string;
  region: string;
  bucketName: string;
  tableName: string;
  roleName: string;
}

const NOT_OURS = (what: string, name: string) =>
  `not tagged managed-by=onramp and onramp:configuration=${name}: Onramp did not create this ${what} and will not delete it`;

/**
 * Tear a configuration down in the order role policy, role, table, bucket. Only resources tagged as
 * created by Onramp for this configuration are deleted; a bucket that holds any object (or object
 * version) is kept, so no user data is ever deleted. Missing resources are simply skipped.
 */
export async function destroyConfiguration(aws: AwsContext, target: DestroyTarget): Promise<DestroyResult> {
  const lock = [`bucket:${target.bucketName}`, `table:${target.region}/${target.tableName}`, `role:${target.roleName}`];
  return withResourceLock(lock, async () => {
    const deleted: string[] = [];
    const kept: DestroyResult['kept'] = [];
    const { account } = await whoAmI(aws);
    const iam = await aws.iam();

    const role = await inspectRole(aws, target.roleName);
    if (role.kind === 'present') {
      if (!isOwnedBy(await roleTags(aws, target.roleName), target.name)) {
        kept.push({ resource: `role ${target.roleName}`, reason: NOT_OURS('role', target.name) });
      } else {
        const inline = (await iam.send(new ListRolePoliciesCommand({ RoleName: target.roleName }))).PolicyNames ?? [];
        const attached = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: target.roleName }))).AttachedPolicies ?? [];
        const profiles = (await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: target.roleName }))).InstanceProfiles ?? [];
        if (inline.includes(INLINE_POLICY_NAME)) {
          await iam.send(new DeleteRolePolicyCommand({ RoleName: target.roleName, PolicyName: INLINE_POLICY_NAME }));
          deleted.push(`policy ${INLINE_POLICY_NAME}`);
        }
        const others = [...inline.filter((p) => p !== INLINE_POLICY_NAME), ...attached.map((p) => p.PolicyName ?? '?'), ...profiles.map((p) => `instance profile ${p.InstanceProfileName}`)];
        if (others.length) {
          kept.push({ resource: `role ${target.roleName}`, reason: `also has ${others.join(', ')}, which Onramp did not add; detach them first if the role should go` });
        } else {
          await iam.send(new DeleteRoleCommand({ RoleName: target.roleName }));
          deleted.push(`role ${target.roleName}`);
        }
      }
    }

    const table = await inspectTable(aws, target.tableName, target.region);
    if (table.kind === 'present') {
      const tags = table.table.TableArn ? await tableTags(aws, table.table.TableArn, target.region) : {};
      if (!isOwnedBy(tags, target.name)) {
        kept.push({ resource: `table ${target.tableName}`, reason: NOT_OURS('table', target.name) });
      } else {
        const ddb = await aws.dynamodb(target.region);
        await ddb.send(new DeleteTableCommand({ TableName: target.tableName }));
        deleted.push(`table ${target.tableName}`);
      }
    }

    const bucket = await inspectBucket(aws, target.bucketName, account);
    if (bucket.kind === 'foreign') {
      kept.push({ resource: `bucket ${target.bucketName}`, reason: `belongs to another account: ${bucket.detail}` });
    } else if (bucket.kind === 'ours') {
      const s3 = await aws.s3(bucket.region);
      if (!isOwnedBy(await bucketTags(aws, target.bucketName, bucket.region), target.name)) {
        kept.push({ resource: `bucket ${target.bucketName}`, reason: NOT_OURS('bucket', target.name) });
      } else {
        const listing = await s3.send(new ListObjectVersionsCommand({ Bucket: target.bucketName, MaxKeys: 1 }));
        const count = (listing.Versions?.length ?? 0) + (listing.DeleteMarkers?.length ?? 0);
        if (count > 0) {
          kept.push({ resource: `bucket ${target.bucketName}`, reason: 'holds objects; Onramp never deletes data — empty it yourself, then delete again' });
        } else {
          try {
            await s3.send(new DeleteBucketCommand({ Bucket: target.bucketName }));
            deleted.push(`bucket ${target.bucketName}`);
          } catch (err) {
            const e = toAppError(err);
            if (/BucketNotEmpty/.test(e.message)) kept.push({ resource: `bucket ${target.bucketName}`, reason: 'holds objects; Onramp never deletes data' });
            else throw toAppError(err, `S3 DeleteBucket ${target.bucketName}`);
          }
        }
      }
    }
    return { deleted, kept };
  });
}
