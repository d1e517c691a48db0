import {
  CreateBucketCommand,
  DeleteBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketTaggingCommand,
  PutPublicAccessBlockCommand,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  INLINE_POLICY_NAME,
  type ApplyStepStatus,
  type CloudConfiguration,
  type SetupInput,
} from '../../../shared/contract/setup';
import { AppError } from '../../../shared/errors';
import type { AwsContext } from '../aws/context';
import { errorName, toAppError } from '../aws/errors';
import { bucketTags, inspectBucket, inspectPolicy, inspectRole, inspectTable, roleTags, tableTags } from './inspect';
import { withResourceLock } from './lock';
import { computePlan } from './plan';
import { isOwnedBy, onrampTags } from './tags';
import { trustPolicy } from './trust';
import { pollUntil, retrying } from './wait';

/** An apply that failed after undoing what this run had created. */
export class ApplyFailedError extends AppError {
  constructor(
    message: string,
    readonly rolledBack: string[],
    readonly cause: AppError,
  ) {
    super('RolledBack', message);
  }
}

/** Options for one apply run. */
export interface ApplyOptions {
  onStep?: (step: ApplyStepStatus) => void;
  /** Bound on the whole run (default 10 minutes). */
  timeoutMs?: number;
  /** How often to poll while waiting for the table and IAM (default 500 ms). */
  pollMs?: number;
  /** How long to keep retrying IAM's "not found yet" after creating the role (default 2 minutes, as Terraform's AWS provider does). */
  iamPropagationMs?: number;
}

interface Created {
  id: 'bucket' | 'table' | 'role' | 'policy';
  label: string;
  /** Undo it; resolves false when there turned out to be nothing to undo. */
  undo: () => Promise<boolean | void>;
}

const LABELS: Record<ApplyStepStatus['id'], string> = {
  bucket: 'S3 bucket',
  table: 'DynamoDB table',
  role: 'IAM role',
  policy: 'Inline policy',
  propagation: 'IAM propagation',
  rollback: 'Undo this run\'s changes',
};

/**
 * Create the Cloud Configuration: bucket and table in parallel, then the role, then its inline
 * policy; wait for the table to be ACTIVE and for IAM to show the role and policy. On failure,
 * undo exactly what this run created (never anything that existed before) and throw
 * ApplyFailedError naming what failed, why, and what was undone.
 */
export async function applySetup(aws: AwsContext, input: SetupInput, opts: ApplyOptions = {}): Promise<CloudConfiguration> {
  const lockNames = [`bucket:${input.bucketName}`, `table:${input.region}/${input.tableName}`, `role:${input.roleName}`];
  return withResourceLock(lockNames, () => applyLocked(aws, input, opts));
}

async function applyLocked(aws: AwsContext, input: SetupInput, opts: ApplyOptions): Promise<CloudConfiguration> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10 * 60_000);
  const pollMs = opts.pollMs ?? 500;
  const states = new Map<ApplyStepStatus['id'], ApplyStepStatus['state']>();
  const emit = (id: ApplyStepStatus['id'], state: ApplyStepStatus['state'], detail: string | null = null) => {
    states.set(id, state);
    opts.onStep?.({ id, label: LABELS[id], state, detail });
  };

  const detailed = await computePlan(aws, input);
  const conflicts = detailed.plan.steps.filter((s) => s.action === 'conflict');
  if (conflicts.length > 0) {
    throw new AppError('Conflict', `Nothing was changed: ${conflicts.map((c) => `${c.resource} ${c.name} ${c.detail}`).join('; ')}.`);
  }
  const action = (resource: string) => detailed.plan.steps.find((s) => s.resource === resource)!.action;
  for (const id of ['bucket', 'table', 'role', 'policy'] as const) {
    emit(id, action(id) === 'create' ? 'pending' : 'skipped', action(id) === 'keep' ? 'exists and matches; left unchanged' : null);
  }
  const tags = onrampTags(input.name);
  const created: Created[] = [];
  let tableArn = detailed.tableArn;
  let roleArn = detailed.roleArn;

  const run = async () => {
    const results = await Promise.allSettled([
      action('bucket') === 'create' ? createBucket(aws, input, detailed.account, tags, created, emit) : Promise.resolve(),
      action('table') === 'create'
        ? createTable(aws, input, tags, created, emit, deadline, pollMs).then((arn) => {
            tableArn = arn;
          })
        : Promise.resolve(),
    ]);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;

    if (action('role') === 'create') {
      emit('role', 'running', 'CreateRole');
      roleArn = await createRole(aws, input, tags, created);
      emit('role', 'done', roleArn);
    }
    if (action('policy') === 'create') {
      emit('policy', 'running', 'PutRolePolicy');
      const document = JSON.stringify(JSON.parse(detailed.policyDocument));
      const iam = await aws.iam();
      // Registered before the call: plan saw no such policy, so one that exists after a failed or
      // ambiguous PutRolePolicy (answer lost) is this run's, and the role cannot be deleted with it.
      created.push({
        id: 'policy',
        label: `policy ${INLINE_POLICY_NAME}`,
        undo: async () =>
          iam.send(new DeleteRolePolicyCommand({ RoleName: input.roleName, PolicyName: INLINE_POLICY_NAME })).then(
            () => true,
            (err: unknown) => (ignoreNotFound(err), false),
          ),
      });
      // A just-created role can answer NoSuchEntity for a while (IAM is eventually consistent).
      await retrying(
        () => iam.send(new PutRolePolicyCommand({ RoleName: input.roleName, PolicyName: INLINE_POLICY_NAME, PolicyDocument: document })),
        (err) => errorName(err) === 'NoSuchEntity' || errorName(err) === 'NoSuchEntityException',
        Math.min(deadline, Date.now() + (opts.iamPropagationMs ?? 120_000)),
        'IAM PutRolePolicy',
      );
      emit('policy', 'done', `${document.length} characters`);
    }
    if (action('role') === 'create' || action('policy') === 'create') {
      emit('propagation', 'running', 'waiting until IAM shows the role and its policy');
      let streak = 0;
      await pollUntil(
        async () => {
          const [role, policy] = await Promise.all([inspectRole(aws, input.roleName), inspectPolicy(aws, input.roleName, INLINE_POLICY_NAME)]);
          streak = role.kind === 'present' && policy.kind === 'present' ? streak + 1 : 0;
          return streak >= 2;
        },
        Math.min(deadline, Date.now() + (opts.iamPropagationMs ?? 120_000)),
        pollMs,
        'IAM did not show the new role and policy in time',
      );
      emit('propagation', 'done', 'role and policy are visible');
    }
  };

  try {
    await run();
  } catch (err) {
    const cause = toAppError(err);
    for (const [id, state] of states) if (state === 'running') emit(id, 'failed', cause.message);
    const { undone, problems } = await rollback(created, emit);
    const what = undone.length ? `Undid: ${undone.join(', ')}.` : 'This run had created nothing, so nothing was undone.';
    const left = problems.length ? ` Could not undo: ${problems.join('; ')} — delete these by hand.` : '';
    throw new ApplyFailedError(`Setup failed: ${cause.message} ${what}${left}`, undone, cause);
  }

  return {
    name: input.name,
    region: input.region,
    bucketName: input.bucketName,
    tableName: input.tableName,
    tableArn,
    roleName: input.roleName,
    roleArn,
    externalId: input.externalId,
    platformAccountId: input.platformAccountId,
  };
}

async function createBucket(
  aws: AwsContext,
  input: SetupInput,
  account: string,
  tags: { Key: string; Value: string }[],
  created: Created[],
  emit: (id: 'bucket', state: ApplyStepStatus['state'], detail?: string | null) => void,
): Promise<void> {
  const s3 = await aws.s3(input.region);
  emit('bucket', 'running', 'CreateBucket');
  try {
    try {
      await s3.send(
        new CreateBucketCommand({
          Bucket: input.bucketName,
          // us-east-1 rejects a LocationConstraint naming itself (FACTS.md).
          ...(input.region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: input.region as BucketLocationConstraint } }),
        }),
      );
    } catch (err) {
      // The outcome is unknown (a lost answer, a retry meeting its own success as
      // BucketAlreadyOwnedByYou): adopt the bucket only if it is this account's and untagged or tagged
      // for this configuration — plan saw no bucket and the lock rules out another Onramp run.
      const state = await inspectBucket(aws, input.bucketName, account).catch(() => null);
      const t = state?.kind === 'ours' ? await bucketTags(aws, input.bucketName, input.region).catch(() => null) : null;
      if (!t || (Object.keys(t).length > 0 && !isOwnedBy(t, input.name))) {
        if (errorName(err) === 'BucketAlreadyOwnedByYou' || errorName(err) === 'BucketAlreadyExists') {
          throw new AppError('Conflict', `Bucket ${input.bucketName} appeared while applying; it was left untouched.`);
        }
        throw err;
      }
    }
    created.push({
      id: 'bucket',
      label: `bucket ${input.bucketName}`,
      undo: async () => {
        await s3.send(new DeleteBucketCommand({ Bucket: input.bucketName })).catch(ignoreNotFound);
      },
    });
    emit('bucket', 'running', 'Block Public Access, encryption, tags');
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: input.bucketName,
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      }),
    );
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: input.bucketName,
        ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      }),
    );
    await s3.send(new PutBucketTaggingCommand({ Bucket: input.bucketName, Tagging: { TagSet: tags } }));
    emit('bucket', 'done', `created in ${input.region}`);
  } catch (err) {
    const e = toAppError(err, `S3 bucket ${input.bucketName}`);
    emit('bucket', 'failed', e.message);
    throw e;
  }
}

async function createTable(
  aws: AwsContext,
  input: SetupInput,
  tags: { Key: string; Value: string }[],
  created: Created[],
  emit: (id: 'table', state: ApplyStepStatus['state'], detail?: string | null) => void,
  deadline: number,
  pollMs: number,
): Promise<string> {
  const ddb = await aws.dynamodb(input.region);
  emit('table', 'running', 'CreateTable');
  try {
    let arn: string | undefined;
    try {
      const out = await ddb.send(
        new CreateTableCommand({
          TableName: input.tableName,
          AttributeDefinitions: [{ AttributeName: 'LockID', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'LockID', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
          Tags: tags,
        }),
      );
      arn = out.TableDescription?.TableArn;
    } catch (err) {
      // Unknown outcome (lost answer, or a retry meeting its own success as ResourceInUseException).
      // Tags are part of CreateTable, so a table this run created is recognisable by them.
      const state = await inspectTable(aws, input.tableName, input.region).catch(() => null);
      const t = state?.kind === 'present' && state.table.TableArn ? await tableTags(aws, state.table.TableArn, input.region).catch(() => ({})) : {};
      if (state?.kind !== 'present' || !isOwnedBy(t, input.name)) {
        if (errorName(err) === 'ResourceInUseException') throw new AppError('Conflict', `Table ${input.tableName} appeared while applying; it was left untouched.`);
        throw err;
      }
      arn = state.table.TableArn;
    }
    created.push({
      id: 'table',
      label: `table ${input.tableName}`,
      undo: async () => {
        // DeleteTable is refused while the table is still CREATING.
        await pollUntil(
          async () => {
            const s = await inspectTable(aws, input.tableName, input.region);
            return s.kind === 'absent' || s.table.TableStatus !== 'CREATING';
          },
          Date.now() + 120_000,
          pollMs,
          'table stayed CREATING',
        );
        await ddb.send(new DeleteTableCommand({ TableName: input.tableName })).catch(ignoreNotFound);
      },
    });
    emit('table', 'running', 'waiting for ACTIVE');
    await pollUntil(
      async () => {
        const s = await inspectTable(aws, input.tableName, input.region);
        if (s.kind === 'present') arn = s.table.TableArn ?? arn;
        return s.kind === 'present' && s.table.TableStatus === 'ACTIVE';
      },
      deadline,
      pollMs,
      `Table ${input.tableName} did not become ACTIVE in time`,
    );
    emit('table', 'done', 'ACTIVE');
    if (!arn) throw new AppError('AwsError', `DynamoDB did not report the ARN of ${input.tableName}.`);
    return arn;
  } catch (err) {
    const e = toAppError(err, `DynamoDB table ${input.tableName}`);
    emit('table', 'failed', e.message);
    throw e;
  }
}

async function createRole(aws: AwsContext, input: SetupInput, tags: { Key: string; Value: string }[], created: Created[]): Promise<string> {
  const iam = await aws.iam();
  let arn: string | undefined;
  try {
    const out = await iam.send(
      new CreateRoleCommand({
        RoleName: input.roleName,
        AssumeRolePolicyDocument: trustPolicy(input.platformAccountId, input.externalId),
        Description: `Lets the Bodo Platform (account ${input.platformAccountId}) manage resources for configuration ${input.name}. Created by Onramp.`,
        Tags: tags,
      }),
    );
    arn = out.Role?.Arn;
  } catch (err) {
    // Unknown outcome: CreateRole carries the tags, so a role this run created is recognisable by them.
    const state = await inspectRole(aws, input.roleName).catch(() => null);
    const ours = state?.kind === 'present' && isOwnedBy(await roleTags(aws, input.roleName).catch(() => ({})), input.name);
    if (!ours || state?.kind !== 'present') {
      if (errorName(err) === 'EntityAlreadyExists' || errorName(err) === 'EntityAlreadyExistsException') {
        throw new AppError('Conflict', `IAM role ${input.roleName} appeared while applying; it was left untouched.`);
      }
      throw toAppError(err, `IAM role ${input.roleName}`);
    }
    arn = state.role.Arn;
  }
  created.push({
    id: 'role',
    label: `role ${input.roleName}`,
    undo: async () => {
      await iam.send(new DeleteRoleCommand({ RoleName: input.roleName })).catch(ignoreNotFound);
    },
  });
  if (!arn) throw new AppError('AwsError', `IAM did not report the ARN of ${input.roleName}.`);
  return arn;
}

async function rollback(
  created: Created[],
  emit: (id: ApplyStepStatus['id'], state: ApplyStepStatus['state'], detail?: string | null) => void,
): Promise<{ undone: string[]; problems: string[] }> {
  const undone: string[] = [];
  const problems: string[] = [];
  if (created.length === 0) return { undone, problems };
  emit('rollback', 'running', `undoing ${created.map((c) => c.label).join(', ')}`);
  for (const item of [...created].reverse()) {
    try {
      const did = await retrying(item.undo, () => true, Date.now() + 60_000, `undo ${item.label}`);
      if (did === false) continue;
      undone.push(item.label);
      emit(item.id, 'undone', 'deleted again by the rollback');
    } catch (err) {
      problems.push(`${item.label} (${toAppError(err).message})`);
      emit(item.id, 'failed', `could not be undone: ${toAppError(err).message}`);
    }
  }
  emit('rollback', problems.length ? 'failed' : 'done', undone.length ? `undone: ${undone.join(', ')}` : null);
  return { undone, problems };
}

function ignoreNotFound(err: unknown): void {
  const name = errorName(err);
  if (['NoSuchEntity', 'NoSuchEntityException', 'NoSuchBucket', 'ResourceNotFoundException', 'NotFound'].includes(name)) return;
  throw err;
}
