import type { SetupInput, VerifyResult } from '../../../shared/contract/setup';
import type { AwsContext } from '../aws/context';
import { whoAmI } from '../profiles/session';
import { assessBucket, assessRoleAndPolicy, assessTable } from './assess';
import { NO_CLAIMS, type Claims } from './claims';
import { tableArnFor } from './plan';

/** What verify checks: the configuration's names and expectations (ARNs when known). */
export type VerifyTarget = SetupInput & { tableArn?: string; roleArn?: string };

/** Options for verify. */
export interface VerifyOptions {
  account?: string;
  claims?: Claims;
}

/**
 * Re-check a Cloud Configuration against the resource spec and report each check (drift detection),
 * failures first. Read-only. These are the same checks plan decides from, so every failure is
 * either repaired by re-applying (plan: update/create) or named as a conflict in the plan.
 */
export async function verifyConfiguration(aws: AwsContext, target: VerifyTarget, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const account = opts.account ?? (await whoAmI(aws)).account;
  const input: SetupInput = {
    name: target.name,
    region: target.region,
    bucketName: target.bucketName,
    tableName: target.tableName,
    roleName: target.roleName,
    externalId: target.externalId,
    platformAccountId: target.platformAccountId,
  };
  const ctx = { aws, input, account, claims: opts.claims ?? NO_CLAIMS };
  const tableArn = target.tableArn ?? tableArnFor(target.region, account, target.tableName);
  const [bucket, table] = await Promise.all([assessBucket(ctx), assessTable(ctx, tableArn)]);
  const [role, policy] = await assessRoleAndPolicy(ctx, tableArn, target.roleArn);
  const checks = [...bucket.checks, ...table.checks, ...role.checks, ...policy.checks];
  // Another configuration's resource is a failure even when every property matches.
  for (const a of [bucket, table, role]) {
    if (a.owner.kind === 'other') checks.push({ id: `${a.resource}.owner`, label: `${a.resource === 'bucket' ? 'S3 bucket' : a.resource === 'table' ? 'DynamoDB table' : 'IAM role'} belongs to this configuration`, resource: a.resource, ok: false, detail: a.owner.detail });
  }
  const ordered = [...checks.filter((c) => !c.ok), ...checks.filter((c) => c.ok)];
  return { ok: checks.every((c) => c.ok), checks: ordered };
}
