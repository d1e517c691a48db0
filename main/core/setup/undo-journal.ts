import { DeleteBucketCommand, ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { DeleteTableCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DeleteRoleCommand, DeleteRolePolicyCommand } from '@aws-sdk/client-iam';
import type { InterruptedRun, SetupResource } from '../../../shared/contract/setup';
import { AppError } from '../../../shared/errors';
import type { AwsContext } from '../aws/context';
import { deletedUnlessGone } from '../aws/errors';
import { otherUsers, type Claims } from './claims';
import { isoOf, sameIdentity, type ResourceIdentity } from './identity';
import { bucketTags, inspectBucket, inspectPolicy, inspectRole, inspectTable, roleAttachments, roleTags, tableTags } from './inspect';
import type { Created } from './run-context';
import { RESOURCE_SPEC } from './spec';
import { CONFIGURATION_TAG_KEY } from './tags';


/**
 * The undo of an interrupted run: for each resource its journal lists (newest first), a deletion —
 * but only when the resource still matches: it exists, is not tagged for another configuration, no
 * other configuration uses it, and a bucket or table holds nothing. What no longer matches is
 * skipped with the reason.
 */
export async function undoJournal(aws: AwsContext, run: InterruptedRun, account: string, claims: Claims): Promise<{ created: Created[]; skipped: string[] }> {
  const input = run.input;
  const where = { account, region: input.region };
  const created: Created[] = [];
  const skipped: string[] = [];
  const listed = (kind: SetupResource) => run.resources.some((r) => r.kind === kind);
  // The run recorded what it created: a resource of that name with another identity is someone else's now.
  const recreated = (kind: SetupResource, live: ResourceIdentity) => {
    const recorded = run.resources.find((r) => r.kind === kind)?.identity;
    return recorded ? sameIdentity(recorded, live) === false : false;
  };
  const foreignTag = (tags: Record<string, string>) => tags[CONFIGURATION_TAG_KEY] !== undefined && tags[CONFIGURATION_TAG_KEY] !== run.configuration;
  const others = (kind: SetupResource, name: string) => otherUsers(claims, run.configuration, kind, name, where);
  const add = (id: SetupResource, name: string, label: string, undo: Created['undo']) => created.push({ id, name, label, region: input.region, undo });

  if (listed('bucket')) {
    const s3 = await aws.s3(input.region);
    const b = await inspectBucket(aws, input.bucketName, account);
    if (b.kind !== 'ours') skipped.push(`bucket ${input.bucketName}: ${b.kind === 'absent' ? 'not there' : 'not this account\'s'}`);
    else if (recreated('bucket', { createdAt: b.createdAt })) skipped.push(`bucket ${input.bucketName}: re-created since this run made it`);
    else if (foreignTag(await bucketTags(aws, input.bucketName, b.region)) || others('bucket', input.bucketName).length) skipped.push(`bucket ${input.bucketName}: another configuration uses it`);
    else {
      add('bucket', input.bucketName, `bucket ${input.bucketName}`, async (signal) => {
        const listing = await s3.send(new ListObjectVersionsCommand({ Bucket: input.bucketName, MaxKeys: 1 }), { abortSignal: signal });
        if ((listing.Versions?.length ?? 0) + (listing.DeleteMarkers?.length ?? 0) > 0) throw new AppError('Conflict', 'it holds objects; Onramp never deletes data');
        return deletedUnlessGone(s3.send(new DeleteBucketCommand({ Bucket: input.bucketName }), { abortSignal: signal }));
      });
    }
  }
  if (listed('table')) {
    const ddb = await aws.dynamodb(input.region);
    const t = await inspectTable(aws, input.tableName, input.region);
    if (t.kind === 'absent') skipped.push(`table ${input.tableName}: not there`);
    else if (recreated('table', { id: t.table.TableArn, createdAt: isoOf(t.table.CreationDateTime) })) skipped.push(`table ${input.tableName}: re-created since this run made it`);
    else if (foreignTag(t.table.TableArn ? await tableTags(aws, t.table.TableArn, input.region) : {}) || others('table', input.tableName).length) skipped.push(`table ${input.tableName}: another configuration uses it`);
    else {
      add('table', input.tableName, `table ${input.tableName}`, async (signal) => {
        const items = await ddb.send(new ScanCommand({ TableName: input.tableName, Limit: 1, Select: 'COUNT' }), { abortSignal: signal });
        if ((items.Count ?? 0) > 0) throw new AppError('Conflict', 'it holds items (platform state); Onramp never deletes them');
        return deletedUnlessGone(ddb.send(new DeleteTableCommand({ TableName: input.tableName }), { abortSignal: signal }));
      });
    }
  }
  const iam = await aws.iam();
  const role = listed('role') || listed('policy') ? await inspectRole(aws, input.roleName) : null;
  const roleFree = role?.kind === 'present' && !foreignTag(await roleTags(aws, input.roleName)) && others('role', input.roleName).length === 0;
  if (listed('role')) {
    if (role?.kind !== 'present') skipped.push(`role ${input.roleName}: not there`);
    else if (recreated('role', { id: role.role.RoleId })) skipped.push(`role ${input.roleName}: re-created since this run made it`);
    else if (!roleFree) skipped.push(`role ${input.roleName}: another configuration uses it`);
    else {
      add('role', input.roleName, `role ${input.roleName}`, async (signal) => {
        const { inline, attached, instanceProfiles } = await roleAttachments(aws, input.roleName, signal);
        const extra = [...inline.filter((p) => p !== RESOURCE_SPEC.role.inlinePolicyName), ...attached, ...instanceProfiles.map((p) => `instance profile ${p}`)];
        if (extra.length) throw new AppError('Conflict', `it also has ${extra.join(', ')}, which Onramp did not add`);
        return deletedUnlessGone(iam.send(new DeleteRoleCommand({ RoleName: input.roleName }), { abortSignal: signal }));
      });
    }
  }
  if (listed('policy')) {
    if (role?.kind !== 'present' || (await inspectPolicy(aws, input.roleName, RESOURCE_SPEC.role.inlinePolicyName)).kind === 'absent') skipped.push(`policy on ${input.roleName}: not there`);
    else if (!roleFree) skipped.push(`policy on ${input.roleName}: another configuration uses the role`);
    else add('policy', input.roleName, `policy ${RESOURCE_SPEC.role.inlinePolicyName}`, (signal) => deletedUnlessGone(iam.send(new DeleteRolePolicyCommand({ RoleName: input.roleName, PolicyName: RESOURCE_SPEC.role.inlinePolicyName }), { abortSignal: signal })));
  }
  // rollback() undoes the newest first: policy, role, table, bucket.
  return { created, skipped };
}
