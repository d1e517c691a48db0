import { INLINE_POLICY_NAME, type Plan, type PlanStep, type SetupInput } from '../../../shared/contract/setup';
import type { AwsContext } from '../aws/context';
import { whoAmI } from '../profiles/session';
import { inspectBucket, inspectPolicy, inspectRole, inspectTable, tableKeyMismatch } from './inspect';
import { renderPlatformPolicy, samePolicy } from './policy';
import { trustMismatch } from './trust';

/** The plan plus what apply needs to carry it out. */
export interface DetailedPlan {
  plan: Plan;
  account: string;
  tableArn: string;
  roleArn: string;
  policyDocument: string;
}

/** The ARN a table of this name has (or will have) in this account and region. */
export function tableArnFor(region: string, account: string, table: string): string {
  return `arn:aws:dynamodb:${region}:${account}:table/${table}`;
}

/**
 * Look at each resource and decide: create (absent), keep (exists and matches) or conflict
 * (exists but differs). Read-only: plan never changes anything.
 */
export async function computePlan(aws: AwsContext, input: SetupInput): Promise<DetailedPlan> {
  const { account } = await whoAmI(aws);
  const [bucket, table, role] = await Promise.all([
    inspectBucket(aws, input.bucketName, account),
    inspectTable(aws, input.tableName, input.region),
    inspectRole(aws, input.roleName),
  ]);
  const steps: PlanStep[] = [];

  if (bucket.kind === 'absent') {
    steps.push({ resource: 'bucket', name: input.bucketName, action: 'create', detail: `new bucket in ${input.region}, Block Public Access on, SSE-S3 encryption, tagged managed-by=onramp` });
  } else if (bucket.kind === 'foreign') {
    steps.push({ resource: 'bucket', name: input.bucketName, action: 'conflict', detail: bucket.detail });
  } else if (bucket.region !== input.region) {
    steps.push({ resource: 'bucket', name: input.bucketName, action: 'conflict', detail: `exists in ${bucket.region}, but bucket and table must share ${input.region}` });
  } else {
    steps.push({ resource: 'bucket', name: input.bucketName, action: 'keep', detail: `exists in ${bucket.region}, owned by this account; left unchanged` });
  }

  let tableArn = tableArnFor(input.region, account, input.tableName);
  if (table.kind === 'absent') {
    steps.push({ resource: 'table', name: input.tableName, action: 'create', detail: `new table in ${input.region}, partition key LockID (String), on-demand billing` });
  } else {
    tableArn = table.table.TableArn ?? tableArn;
    const mismatch = tableKeyMismatch(table.table);
    if (mismatch) steps.push({ resource: 'table', name: input.tableName, action: 'conflict', detail: mismatch });
    else if (table.table.TableStatus === 'DELETING') steps.push({ resource: 'table', name: input.tableName, action: 'conflict', detail: 'is being deleted; wait until it is gone and plan again' });
    else steps.push({ resource: 'table', name: input.tableName, action: 'keep', detail: `exists with partition key LockID (String), ${table.table.TableStatus ?? 'status unknown'}; left unchanged` });
  }

  const policyDocument = renderPlatformPolicy(input.bucketName, tableArn);
  let roleArn = `arn:aws:iam::${account}:role/${input.roleName}`;
  if (role.kind === 'absent') {
    steps.push({ resource: 'role', name: input.roleName, action: 'create', detail: `new role trusting arn:aws:iam::${input.platformAccountId}:root with your external ID` });
    steps.push({ resource: 'policy', name: INLINE_POLICY_NAME, action: 'create', detail: `inline policy for bucket ${input.bucketName} and table ${input.tableName} (${policyDocument.length} of 10,240 characters)` });
  } else {
    roleArn = role.role.Arn ?? roleArn;
    const mismatch = trustMismatch(role.trust, input.platformAccountId, input.externalId);
    steps.push(
      mismatch
        ? { resource: 'role', name: input.roleName, action: 'conflict', detail: `exists but ${mismatch}` }
        : { resource: 'role', name: input.roleName, action: 'keep', detail: 'exists and trusts the platform with your external ID; left unchanged' },
    );
    const policy = await inspectPolicy(aws, input.roleName, INLINE_POLICY_NAME);
    if (policy.kind === 'absent') {
      steps.push(
        mismatch
          ? { resource: 'policy', name: INLINE_POLICY_NAME, action: 'conflict', detail: 'cannot be added: the role it belongs to is a conflict' }
          : { resource: 'policy', name: INLINE_POLICY_NAME, action: 'create', detail: `inline policy added to the existing role (${policyDocument.length} of 10,240 characters)` },
      );
    } else if (samePolicy(policy.document, JSON.parse(policyDocument))) {
      steps.push({ resource: 'policy', name: INLINE_POLICY_NAME, action: 'keep', detail: 'exists and matches the platform policy for this bucket and table' });
    } else {
      steps.push({ resource: 'policy', name: INLINE_POLICY_NAME, action: 'conflict', detail: 'an inline policy of this name exists with different content (another bucket, table or version); Onramp will not overwrite it' });
    }
  }
  return { plan: { steps }, account, tableArn, roleArn, policyDocument };
}

/** The plan alone, as the contract and CLI show it. */
export async function planSetup(aws: AwsContext, input: SetupInput): Promise<Plan> {
  return (await computePlan(aws, input)).plan;
}
