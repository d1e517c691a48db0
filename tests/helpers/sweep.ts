import { GetBucketTaggingCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { ListTagsOfResourceCommand, DescribeTableCommand, paginateListTables } from '@aws-sdk/client-dynamodb';
import { ListRoleTagsCommand, paginateListRoles } from '@aws-sdk/client-iam';
import type { AwsContext } from '../../main/core/aws/context';

/** A resource carrying Onramp's managed-by tag. */
export interface TaggedResource {
  type: 'bucket' | 'table' | 'role';
  name: string;
  configuration: string;
}

/** Find every bucket, table (in the given regions) and role tagged managed-by=onramp (every page: a fault run makes more than 100 of each). */
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
    const names: string[] = [];
    for await (const page of paginateListTables({ client: ddb }, {})) names.push(...(page.TableNames ?? []));
    for (const name of names) {
      const arn = (await ddb.send(new DescribeTableCommand({ TableName: name }))).Table?.TableArn;
      const tags = (await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: arn }))).Tags ?? [];
      const m = Object.fromEntries(tags.map((t) => [t.Key, t.Value]));
      if (m['managed-by'] === 'onramp') found.push({ type: 'table', name, configuration: m['onramp:configuration'] ?? '' });
    }
  }
  const iam = await aws.iam();
  const roles: { RoleName?: string }[] = [];
  for await (const page of paginateListRoles({ client: iam }, {})) roles.push(...(page.Roles ?? []));
  for (const r of roles) {
    const tags = (await iam.send(new ListRoleTagsCommand({ RoleName: r.RoleName! }))).Tags ?? [];
    const m = Object.fromEntries(tags.map((t) => [t.Key, t.Value]));
    if (m['managed-by'] === 'onramp') found.push({ type: 'role', name: r.RoleName!, configuration: m['onramp:configuration'] ?? '' });
  }
  return found;
}
