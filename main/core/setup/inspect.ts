import {
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  ListBucketsCommand,
} from '@aws-sdk/client-s3';
import { DescribeTableCommand, ListTagsOfResourceCommand, type TableDescription } from '@aws-sdk/client-dynamodb';
import {
  GetRoleCommand,
  GetRolePolicyCommand,
  ListRoleTagsCommand,
  paginateListAttachedRolePolicies,
  paginateListInstanceProfilesForRole,
  paginateListRolePolicies,
  type Role,
} from '@aws-sdk/client-iam';
import type { AwsContext } from '../aws/context';
import { httpStatus, isAwsError, isNotFound, toAppError } from '../aws/errors';
import { isoOf } from './identity';
import { parsePolicyDocument } from './policy';
import { tagMap } from './tags';

/** What S3 says about a bucket name from this account's point of view. */
export type BucketState =
  | { kind: 'absent' }
  | { kind: 'foreign'; detail: string }
  | { kind: 'ours'; region: string; /** ListBuckets' CreationDate (ISO 8601), when this identity may list. */ createdAt?: string };

/** What DynamoDB says about a table name in a region. */
export type TableState = { kind: 'absent' } | { kind: 'present'; table: TableDescription };

/** What IAM says about a role name. */
export type RoleState = { kind: 'absent' } | { kind: 'present'; role: Role; trust: unknown };

/** What IAM says about the role's inline policy. */
export type PolicyState = { kind: 'absent' } | { kind: 'present'; document: unknown };

/** GetBucketLocation's answer as a region name (null/"" means us-east-1, "EU" means eu-west-1). */
export function locationToRegion(location: string | undefined | null): string {
  if (!location) return 'us-east-1';
  if (location === 'EU') return 'eu-west-1';
  return location;
}

/**
 * Find out whether a bucket exists and who owns it. HeadBucket with ExpectedBucketOwner answers 404
 * (free), 403 (another account's, or no access) or 200; a 200 is confirmed against ListBuckets
 * when this identity may list, because some S3 implementations ignore ExpectedBucketOwner.
 */
export async function inspectBucket(aws: AwsContext, bucket: string, account: string): Promise<BucketState> {
  const s3 = await aws.s3();
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket, ExpectedBucketOwner: account }));
  } catch (err) {
    const status = httpStatus(err);
    if (status === 404 || isNotFound(err)) return { kind: 'absent' };
    if (status === 403) {
      return { kind: 'foreign', detail: 'exists but is owned by another AWS account (or this identity may not access it); bucket names are global — choose another name' };
    }
    if (status !== 301 && status !== 400) throw toAppError(err, `S3 HeadBucket ${bucket}`);
    // 301/400: the bucket lives in another region; GetBucketLocation below says which.
  }
  let createdAt: string | undefined;
  try {
    const listed = (await s3.send(new ListBucketsCommand({}))).Buckets ?? [];
    const mine = listed.find((b) => b.Name === bucket);
    if (!mine) {
      return { kind: 'foreign', detail: 'exists but is owned by another AWS account; bucket names are global — choose another name' };
    }
    createdAt = isoOf(mine.CreationDate);
  } catch (err) {
    if (toAppError(err).code !== 'AccessDenied') throw toAppError(err, 'S3 ListBuckets');
  }
  try {
    const loc = await s3.send(new GetBucketLocationCommand({ Bucket: bucket, ExpectedBucketOwner: account }));
    return { kind: 'ours', region: locationToRegion(loc.LocationConstraint), ...(createdAt ? { createdAt } : {}) };
  } catch (err) {
    if (httpStatus(err) === 403) return { kind: 'foreign', detail: 'exists but this account cannot read it' };
    throw toAppError(err, `S3 GetBucketLocation ${bucket}`);
  }
}

/** The bucket's creation date from ListBuckets (ISO 8601), or undefined when it is not listed or may not be listed. */
export async function bucketCreatedAt(aws: AwsContext, bucket: string): Promise<string | undefined> {
  const s3 = await aws.s3();
  try {
    const listed = (await s3.send(new ListBucketsCommand({}))).Buckets ?? [];
    return isoOf(listed.find((b) => b.Name === bucket)?.CreationDate);
  } catch (err) {
    if (toAppError(err).code === 'AccessDenied') return undefined;
    throw toAppError(err, 'S3 ListBuckets');
  }
}

/** The bucket's tags (empty when it has none). */
export async function bucketTags(aws: AwsContext, bucket: string, region: string): Promise<Record<string, string>> {
  const s3 = await aws.s3(region);
  try {
    const out = await s3.send(new GetBucketTaggingCommand({ Bucket: bucket }));
    return tagMap(out.TagSet);
  } catch (err) {
    if (isAwsError(err, 'noTagSet') || httpStatus(err) === 404) return {};
    throw toAppError(err, `S3 GetBucketTagging ${bucket}`);
  }
}

/** The bucket's Block Public Access settings, or null when none are set. */
export async function bucketPublicAccessBlock(aws: AwsContext, bucket: string, region: string) {
  const s3 = await aws.s3(region);
  try {
    const out = await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }));
    return out.PublicAccessBlockConfiguration ?? null;
  } catch (err) {
    if (isAwsError(err, 'noPublicAccessBlock') || httpStatus(err) === 404) return null;
    throw toAppError(err, `S3 GetPublicAccessBlock ${bucket}`);
  }
}

/** The bucket's default encryption algorithm (e.g. AES256), or null. */
export async function bucketEncryption(aws: AwsContext, bucket: string, region: string): Promise<string | null> {
  const s3 = await aws.s3(region);
  try {
    const out = await s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    return out.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? null;
  } catch (err) {
    if (isAwsError(err, 'noBucketEncryption') || httpStatus(err) === 404) return null;
    throw toAppError(err, `S3 GetBucketEncryption ${bucket}`);
  }
}

/** DescribeTable, or absent. */
export async function inspectTable(aws: AwsContext, table: string, region: string): Promise<TableState> {
  const ddb = await aws.dynamodb(region);
  try {
    const out = await ddb.send(new DescribeTableCommand({ TableName: table }));
    return out.Table ? { kind: 'present', table: out.Table } : { kind: 'absent' };
  } catch (err) {
    if (isNotFound(err)) return { kind: 'absent' };
    throw toAppError(err, `DynamoDB DescribeTable ${table}`);
  }
}

/** The table's tags. */
export async function tableTags(aws: AwsContext, tableArn: string, region: string): Promise<Record<string, string>> {
  const ddb = await aws.dynamodb(region);
  try {
    const out = await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: tableArn }));
    return tagMap(out.Tags);
  } catch (err) {
    throw toAppError(err, `DynamoDB ListTagsOfResource ${tableArn}`);
  }
}

/** Why a table's key schema differs from the LockID/String partition key the platform needs, or null. */
export function tableKeyMismatch(table: TableDescription): string | null {
  const keys = table.KeySchema ?? [];
  const hash = keys.find((k) => k.KeyType === 'HASH');
  const type = table.AttributeDefinitions?.find((a) => a.AttributeName === hash?.AttributeName)?.AttributeType;
  if (hash?.AttributeName === 'LockID' && type === 'S' && keys.length === 1) return null;
  const shape = keys.map((k) => `${k.AttributeName} (${k.KeyType === 'HASH' ? 'partition' : 'sort'}, ${table.AttributeDefinitions?.find((a) => a.AttributeName === k.AttributeName)?.AttributeType ?? '?'})`).join(' + ');
  return `its key is ${shape || 'unknown'}; the platform needs a partition key LockID of type String and no sort key`;
}

/** GetRole with its decoded trust policy, or absent. */
export async function inspectRole(aws: AwsContext, roleName: string): Promise<RoleState> {
  const iam = await aws.iam();
  try {
    const out = await iam.send(new GetRoleCommand({ RoleName: roleName }));
    if (!out.Role) return { kind: 'absent' };
    return { kind: 'present', role: out.Role, trust: parsePolicyDocument(out.Role.AssumeRolePolicyDocument) };
  } catch (err) {
    if (isNotFound(err)) return { kind: 'absent' };
    throw toAppError(err, `IAM GetRole ${roleName}`);
  }
}

/** The role's tags (GetRole does not always include them). */
export async function roleTags(aws: AwsContext, roleName: string): Promise<Record<string, string>> {
  const iam = await aws.iam();
  try {
    const out = await iam.send(new ListRoleTagsCommand({ RoleName: roleName }));
    return tagMap(out.Tags);
  } catch (err) {
    throw toAppError(err, `IAM ListRoleTags ${roleName}`);
  }
}

/** GetRolePolicy for the platform's inline policy, or absent. */
export async function inspectPolicy(aws: AwsContext, roleName: string, policyName: string): Promise<PolicyState> {
  const iam = await aws.iam();
  try {
    const out = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }));
    return { kind: 'present', document: parsePolicyDocument(out.PolicyDocument) };
  } catch (err) {
    if (isNotFound(err)) return { kind: 'absent' };
    throw toAppError(err, `IAM GetRolePolicy ${roleName}/${policyName}`);
  }
}

/** What else is on a role: its inline policies, attached managed policies and instance profiles. */
export interface RoleAttachments {
  inline: string[];
  attached: string[];
  instanceProfiles: string[];
}

/** Every page of what is attached to a role (the SDK's paginators: a role can hold more than one page). */
export async function roleAttachments(aws: AwsContext, roleName: string, signal?: AbortSignal): Promise<RoleAttachments> {
  const iam = await aws.iam();
  const opts = { abortSignal: signal };
  const out: RoleAttachments = { inline: [], attached: [], instanceProfiles: [] };
  try {
    for await (const page of paginateListRolePolicies({ client: iam }, { RoleName: roleName }, opts)) out.inline.push(...(page.PolicyNames ?? []));
    for await (const page of paginateListAttachedRolePolicies({ client: iam }, { RoleName: roleName }, opts)) out.attached.push(...(page.AttachedPolicies ?? []).map((p) => p.PolicyName ?? '?'));
    for await (const page of paginateListInstanceProfilesForRole({ client: iam }, { RoleName: roleName }, opts)) out.instanceProfiles.push(...(page.InstanceProfiles ?? []).map((p) => p.InstanceProfileName ?? '?'));
  } catch (err) {
    throw toAppError(err, `IAM list the policies of role ${roleName}`);
  }
  return out;
}
