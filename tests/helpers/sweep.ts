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

/** Options of sweepOnrampResources. */
export interface SweepOptions {
  /** Read the tags only of resources whose name passes (every resource is listed; default: all). */
  only?: (name: string) => boolean;
}

/** Map `items` through `fn`, at most `limit` at a time, keeping their order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const tagMap = (tags: { Key?: string; Value?: string }[]) => Object.fromEntries(tags.map((t) => [t.Key, t.Value]));

/**
 * Find every bucket, table (in the given regions) and role tagged managed-by=onramp (every page: a
 * fault run makes more than 100 of each). The tags are read a few resources at a time.
 */
export async function sweepOnrampResources(aws: AwsContext, regions: string[], opts: SweepOptions = {}): Promise<TaggedResource[]> {
  const pass = opts.only ?? (() => true);
  const found: TaggedResource[] = [];
  const keep = (type: TaggedResource['type'], name: string, m: Record<string, string | undefined>) => {
    if (m['managed-by'] === 'onramp') found.push({ type, name, configuration: m['onramp:configuration'] ?? '' });
  };
  const s3 = await aws.s3();
  const buckets = ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name!).filter(pass);
  const bucketTags = await mapLimited(buckets, 8, (Bucket) => s3.send(new GetBucketTaggingCommand({ Bucket })).then((t) => t.TagSet ?? [], () => []));
  buckets.forEach((name, i) => keep('bucket', name, tagMap(bucketTags[i]!)));
  for (const region of regions) {
    const ddb = await aws.dynamodb(region);
    const names: string[] = [];
    for await (const page of paginateListTables({ client: ddb }, {})) names.push(...(page.TableNames ?? []));
    const tables = names.filter(pass);
    const tableTags = await mapLimited(tables, 8, async (TableName) => {
      const arn = (await ddb.send(new DescribeTableCommand({ TableName }))).Table?.TableArn;
      return (await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: arn }))).Tags ?? [];
    });
    tables.forEach((name, i) => keep('table', name, tagMap(tableTags[i]!)));
  }
  const iam = await aws.iam();
  const names: string[] = [];
  for await (const page of paginateListRoles({ client: iam }, {})) names.push(...(page.Roles ?? []).map((r) => r.RoleName!));
  const roles = names.filter(pass);
  const roleTags = await mapLimited(roles, 8, async (RoleName) => (await iam.send(new ListRoleTagsCommand({ RoleName }))).Tags ?? []);
  roles.forEach((name, i) => keep('role', name, tagMap(roleTags[i]!)));
  return found;
}
