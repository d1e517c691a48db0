import { GetBucketTaggingCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { ListTablesCommand, ListTagsOfResourceCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { ListRoleTagsCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import type { AwsContext } from '../../main/core/aws/context';

/** A resource carrying Onramp's managed-by tag. */
export interface TaggedResource {
  type: 'bucket' | 'table' | 'role';
  name: string;
  configuration: string;
}

/** Find every bucket, table (in the given regions) and role tagged managed-by=onramp. */
export async function sweepOnrampResources(aws: AwsContext, regions: string[]): Promise<TaggedResource[]> {
  const found: TaggedResource[] = [];
  const s3 = await aws.s3();
  for (const b of (await s3.send(new ListBucketsCommand({}))).Buckets ?? []) {
    const tags = await s3.send(new GetBucketTaggingCommand({ Bucket: b.Name! })).then((t) => t.TagSet ?? [], () => []);
    const m = Object.fromEntries(tags.map((t) => [t.Key, t.Value]));
    if (m['managed-by'] === 'onramp') found.push({ type: 'bucket', name: b.Name!, configuration: m['onramp:configuration'] ?? '' });
  }
  for (const region of regions) {
    const ddb = await aws.dynamodb(region);
    for (const name of (await ddb.send(new ListTablesCommand({}))).TableNames ?? []) {
      const arn = (await ddb.send(new DescribeTableCommand({ TableName: name }))).Table?.TableArn;
      const tags = (await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: arn }))).Tags ?? [];
      const m = Object.fromEntries(tags.map((t) => [t.Key, t.Value]));
      if (m['managed-by'] === 'onramp') found.push({ type: 'table', name, configuration: m['onramp:configuration'] ?? '' });
    }
  }
  const iam = await aws.iam();
  for (const r of (await iam.send(new ListRolesCommand({}))).Roles ?? []) {
    const tags = (await iam.send(new ListRoleTagsCommand({ RoleName: r.RoleName! }))).Tags ?? [];
    const m = Object.fromEntries(tags.map((t) => [t.Key, t.Value]));
    if (m['managed-by'] === 'onramp') found.push({ type: 'role', name: r.RoleName!, configuration: m['onramp:configuration'] ?? '' });
  }
  return found;
}
