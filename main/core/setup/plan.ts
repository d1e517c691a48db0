import type { InterruptedRun, Plan, PlanStep, SetupInput } from '../../../shared/contract/setup';
import type { AwsContext } from '../aws/context';
import { whoAmI } from '../profiles/session';
import { assessBucket, assessRoleAndPolicy, assessTable, repairable, type Assessment } from './assess';
import { NO_CLAIMS, type Claims } from './claims';
import { renderPlatformPolicy } from './policy';
import { RESOURCE_SPEC } from './spec';

/** The plan plus what apply needs to carry it out. */
export interface DetailedPlan {
  plan: Plan;
  account: string;
  tableArn: string;
  roleArn: string;
  policyDocument: string;
  /** Each resource as it was found, by resource. */
  found: Record<PlanStep['resource'], Assessment>;
}

/** The ARN a table of this name has (or will have) in this account and region. */
export function tableArnFor(region: string, account: string, table: string): string {
  return `arn:aws:dynamodb:${region}:${account}:table/${table}`;
}

/** What plan needs besides the input: who is connected and what other configurations use. */
export interface PlanOptions {
  /** The connected account, when already known (saves one STS call). */
  account?: string;
  claims?: Claims;
  /** Interrupted runs of this configuration, shown in the plan. */
  interrupted?: InterruptedRun[];
}

const CREATE_DETAIL = {
  bucket: (i: SetupInput) => `new bucket in ${i.region}, Block Public Access on, SSE-S3 encryption, tagged managed-by=onramp`,
  table: (i: SetupInput) => `new table in ${i.region}, partition key ${RESOURCE_SPEC.table.lockKey} (String), on-demand billing`,
  role: (i: SetupInput) => `new role trusting arn:aws:iam::${i.platformAccountId}:root with your external ID`,
} as const;

/** Decide one resource's action from its assessment: every verify failure maps to exactly one action. */
export function actionFor(a: Assessment, createDetail: string): PlanStep {
  // The role's step names who else its trust policy lets in, whatever the action (scripts read it from --json).
  const also = a.alsoTrusted?.length ? { alsoTrusted: a.alsoTrusted } : {};
  const step = (action: PlanStep['action'], detail: string): PlanStep => ({ resource: a.resource, name: a.name, action, detail, ...also });
  if (!a.exists) return step('create', createDetail);
  if (a.owner.kind === 'foreign') return step('conflict', a.owner.detail);
  if (a.owner.kind === 'other') return step('conflict', `${a.owner.detail}; Onramp will not share or change it — choose another name`);
  if (a.owner.kind === 'replaced') return step('conflict', `${a.owner.detail} — choose another name, or delete it yourself and apply again`);
  if (a.blocker) return step('conflict', a.blocker);
  const failed = a.checks.filter((c) => !c.ok);
  if (failed.length === 0) return step('keep', 'exists and matches in every property Onramp sets; left unchanged');
  const fixable = repairable(a);
  const what = failed.map((c) => c.detail).join('; ');
  if (fixable && a.owner.kind === 'this') return step('update', `Onramp's, but ${what}: apply will repair it`);
  return step('conflict', `exists but was not created by Onramp for this configuration, and ${what}; Onramp will not change it — fix it yourself or choose another name`);
}

/**
 * Look at each resource and decide: create (absent), keep (exists and matches in every property
 * Onramp sets), update (this configuration's — by tags or journal — but not hardened: apply repairs
 * it) or conflict (another account's or configuration's, or not Onramp's and not matching).
 * Read-only: plan never changes anything.
 */
export async function computePlan(aws: AwsContext, input: SetupInput, opts: PlanOptions = {}): Promise<DetailedPlan> {
  const account = opts.account ?? (await whoAmI(aws)).account;
  const ctx = { aws, input, account, claims: opts.claims ?? NO_CLAIMS };
  const expectedTableArn = tableArnFor(input.region, account, input.tableName);
  const [bucket, table] = await Promise.all([assessBucket(ctx), assessTable(ctx, expectedTableArn)]);
  const tableArn = table.arn ?? expectedTableArn;
  const [role, policy] = await assessRoleAndPolicy(ctx, tableArn);
  const policyDocument = renderPlatformPolicy(input.bucketName, tableArn);

  const steps: PlanStep[] = [actionFor(bucket, CREATE_DETAIL.bucket(input)), actionFor(table, CREATE_DETAIL.table(input)), actionFor(role, CREATE_DETAIL.role(input))];
  const roleStep = steps[2]!;
  const policyDetail = `inline policy for bucket ${input.bucketName} and table ${input.tableName} (${policyDocument.length} of 10,240 characters)`;
  if (roleStep.action === 'conflict' && (!policy.exists || policy.owner.kind !== 'this')) {
    steps.push({ resource: 'policy', name: policy.name, action: 'conflict', detail: 'cannot be added: the role it belongs to is a conflict' });
  } else if (!policy.exists) {
    steps.push({ resource: 'policy', name: policy.name, action: 'create', detail: role.exists ? `${policyDetail}, added to the existing role` : policyDetail });
  } else if (policy.checks.every((c) => c.ok)) {
    steps.push({ resource: 'policy', name: policy.name, action: 'keep', detail: 'exists and matches the platform policy for this bucket and table' });
  } else if (policy.owner.kind === 'this') {
    steps.push({ resource: 'policy', name: policy.name, action: 'update', detail: `Onramp's, but differs from the platform policy for this bucket and table: apply will rewrite it` });
  } else {
    steps.push({ resource: 'policy', name: policy.name, action: 'conflict', detail: 'an inline policy of this name exists with different content (another bucket, table or version); Onramp will not overwrite it' });
  }
  return {
    plan: { steps, interrupted: opts.interrupted ?? [] },
    account,
    tableArn,
    roleArn: role.arn ?? `arn:aws:iam::${account}:role/${input.roleName}`,
    policyDocument,
    found: { bucket, table, role, policy },
  };
}

/** The plan alone, as the contract and CLI show it. */
export async function planSetup(aws: AwsContext, input: SetupInput, opts: PlanOptions = {}): Promise<Plan> {
  return (await computePlan(aws, input, opts)).plan;
}
