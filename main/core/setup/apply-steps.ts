import {
  CreateBucketCommand,
  DeleteBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketTaggingCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import { CreateTableCommand, DeleteTableCommand, ScanCommand, TagResourceCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AppError } from '../../../shared/errors';
import { deletedUnlessGone, isAwsError, isNotFound, toAppError } from '../aws/errors';
import type { Assessment } from './assess';
import { otherUsers } from './claims';
import { isoOf, type ResourceIdentity } from './identity';
import { bucketCreatedAt, bucketTags, inspectBucket, inspectPolicy, inspectRole, inspectTable, roleTags, tableTags } from './inspect';
import { checkpoint, type RunContext } from './run-context';
import { bucketEncryptionConfiguration, bucketLocation, RESOURCE_SPEC, roleDescription, roleTrustPolicy, tableKeySchema } from './spec';
import { isOwnedBy } from './tags';
import { repairedTrustPolicy } from './trust';
import { pollUntil, retrying } from './wait';

/** Tags of ours merged over what the resource has (PutBucketTagging replaces the whole set). */
function mergedTags(existing: Record<string, string>, ours: { Key: string; Value: string }[]) {
  const map = { ...existing, ...Object.fromEntries(ours.map((t) => [t.Key, t.Value])) };
  return Object.entries(map).map(([Key, Value]) => ({ Key, Value }));
}

/** Block Public Access, encryption and tags: what makes a bucket Onramp's, safe and recognisable. */
async function hardenBucket(ctx: RunContext, existingTags: Record<string, string>): Promise<void> {
  const { input } = ctx;
  const s3 = await ctx.aws.s3(input.region);
  ctx.emit('bucket', 'running', 'Block Public Access');
  await s3.send(new PutPublicAccessBlockCommand({ Bucket: input.bucketName, PublicAccessBlockConfiguration: { ...RESOURCE_SPEC.bucket.publicAccessBlock } }));
  checkpoint(ctx);
  ctx.emit('bucket', 'running', 'default encryption');
  await s3.send(new PutBucketEncryptionCommand({ Bucket: input.bucketName, ServerSideEncryptionConfiguration: bucketEncryptionConfiguration() }));
  checkpoint(ctx);
  ctx.emit('bucket', 'running', 'tags');
  await s3.send(new PutBucketTaggingCommand({ Bucket: input.bucketName, Tagging: { TagSet: mergedTags(existingTags, ctx.tags) } }));
}

/** The bucket's identity now (its ListBuckets creation date), read after a change: S3 may move the date on edits. */
async function bucketIdentity(ctx: RunContext): Promise<ResourceIdentity | undefined> {
  const createdAt = await bucketCreatedAt(ctx.aws, ctx.input.bucketName).catch(() => undefined);
  return createdAt ? { createdAt } : undefined;
}

/** Create the bucket (or, for `update`, harden the one this configuration already has); resolves to its identity. */
export async function bucketStep(ctx: RunContext, action: 'create' | 'update', found: Assessment): Promise<ResourceIdentity | undefined> {
  const { input, aws } = ctx;
  const s3 = await aws.s3(input.region);
  try {
    if (action === 'update') {
      ctx.emit('bucket', 'running', 'hardening the existing bucket');
      await hardenBucket(ctx, found.tags ?? {});
      ctx.emit('bucket', 'done', 'hardened: Block Public Access, encryption and tags now match');
      return (await bucketIdentity(ctx)) ?? found.identity;
    }
    checkpoint(ctx);
    await ctx.journal.mark('bucket', input.bucketName, 'intended');
    ctx.emit('bucket', 'running', 'CreateBucket');
    try {
      await s3.send(new CreateBucketCommand({ Bucket: input.bucketName, ...bucketLocation(input.region) }));
    } catch (err) {
      // Unknown outcome (a lost answer, a retry meeting its own success as BucketAlreadyOwnedByYou):
      // adopt the bucket only if it is this account's, untagged or tagged for this configuration, and
      // no other configuration uses it — the journal says this run meant to create it and the name's
      // lock rules out another Onramp run.
      const state = await inspectBucket(aws, input.bucketName, ctx.account).catch(() => null);
      const t = state?.kind === 'ours' ? await bucketTags(aws, input.bucketName, input.region).catch(() => null) : null;
      const others = otherUsers(ctx.claims, input.name, 'bucket', input.bucketName, { account: ctx.account, region: input.region });
      if (!t || (Object.keys(t).length > 0 && !isOwnedBy(t, input.name)) || others.length > 0) {
        // Forget the intent only when S3 answered (absent, or not ours); otherwise the journal keeps it for recovery.
        if (state !== null && (state.kind !== 'ours' || t !== null)) await ctx.journal.drop('bucket');
        if (isAwsError(err, 'bucketTaken')) {
          throw new AppError('Conflict', `Bucket ${input.bucketName} appeared while applying; it was left untouched.`);
        }
        throw err;
      }
    }
    ctx.created.push({
      id: 'bucket',
      name: input.bucketName,
      label: `bucket ${input.bucketName}`,
      region: input.region,
      undo: (signal) => deletedUnlessGone(s3.send(new DeleteBucketCommand({ Bucket: input.bucketName }), { abortSignal: signal })),
    });
    await ctx.journal.mark('bucket', input.bucketName, 'created', await bucketIdentity(ctx));
    checkpoint(ctx);
    await hardenBucket(ctx, {});
    const identity = await bucketIdentity(ctx);
    await ctx.journal.mark('bucket', input.bucketName, 'hardened', identity);
    ctx.emit('bucket', 'done', `created in ${input.region}`);
    return identity;
  } catch (err) {
    const e = toAppError(err, `S3 bucket ${input.bucketName}`);
    ctx.emit('bucket', e.code === 'Cancelled' ? 'skipped' : 'failed', e.message);
    throw e;
  }
}

async function waitActive(ctx: RunContext): Promise<string | undefined> {
  let arn: string | undefined;
  await pollUntil(
    async () => {
      const s = await inspectTable(ctx.aws, ctx.input.tableName, ctx.input.region);
      if (s.kind === 'present') arn = s.table.TableArn ?? arn;
      return s.kind === 'present' && s.table.TableStatus === 'ACTIVE';
    },
    { deadline: ctx.deadline, everyMs: ctx.pollMs, message: `Table ${ctx.input.tableName} did not become ACTIVE in time`, signal: ctx.signal, now: ctx.now },
  );
  return arn;
}

/** Create the table (or, for `update`, set billing and tags and wait for ACTIVE); resolves to its ARN and identity. */
export async function tableStep(ctx: RunContext, action: 'create' | 'update', found: Assessment): Promise<{ arn: string; identity: ResourceIdentity | undefined }> {
  const { input, aws } = ctx;
  const ddb = await aws.dynamodb(input.region);
  try {
    let arn: string | undefined = found.arn;
    let identity: ResourceIdentity | undefined = found.identity;
    if (action === 'update') {
      ctx.emit('table', 'running', 'repairing the existing table');
      const failed = new Set(found.checks.filter((c) => !c.ok).map((c) => c.id));
      if (failed.has('table.billing')) {
        await waitActive(ctx);
        await ddb.send(new UpdateTableCommand({ TableName: input.tableName, BillingMode: RESOURCE_SPEC.table.billingMode }));
      }
      if (failed.has('table.tags') && arn) await ddb.send(new TagResourceCommand({ ResourceArn: arn, Tags: ctx.tags }));
    } else {
      checkpoint(ctx);
      await ctx.journal.mark('table', input.tableName, 'intended');
      ctx.emit('table', 'running', 'CreateTable');
      try {
        const out = await ddb.send(
          new CreateTableCommand({ TableName: input.tableName, ...tableKeySchema(), BillingMode: RESOURCE_SPEC.table.billingMode, Tags: ctx.tags }),
        );
        arn = out.TableDescription?.TableArn;
        identity = { id: arn, createdAt: isoOf(out.TableDescription?.CreationDateTime) };
      } catch (err) {
        // Unknown outcome: tags are part of CreateTable, so a table this run created is recognisable by them.
        const state = await inspectTable(aws, input.tableName, input.region).catch(() => null);
        const t = state?.kind === 'present' && state.table.TableArn ? await tableTags(aws, state.table.TableArn, input.region).catch(() => ({})) : {};
        if (state?.kind !== 'present' || !isOwnedBy(t, input.name)) {
          if (state !== null) await ctx.journal.drop('table');
          if (isAwsError(err, 'tableInUse')) throw new AppError('Conflict', `Table ${input.tableName} appeared while applying; it was left untouched.`);
          throw err;
        }
        arn = state.table.TableArn;
        identity = { id: arn, createdAt: isoOf(state.table.CreationDateTime) };
      }
      ctx.created.push({
        id: 'table',
        name: input.tableName,
        label: `table ${input.tableName}`,
        region: input.region,
        undo: async (signal) => {
          // DeleteTable is refused while the table is still CREATING.
          await pollUntil(
            async () => {
              const s = await inspectTable(aws, input.tableName, input.region);
              return s.kind === 'absent' || s.table.TableStatus !== 'CREATING';
            },
            { deadline: Number.POSITIVE_INFINITY, everyMs: ctx.pollMs, message: 'table stayed CREATING', signal },
          );
          // Never delete state: a table the platform already wrote a lock into is kept.
          const items = await ddb.send(new ScanCommand({ TableName: input.tableName, Limit: 1, Select: 'COUNT' }), { abortSignal: signal }).catch((e: unknown) => {
            if (isNotFound(e)) return { Count: 0 };
            throw e;
          });
          if ((items.Count ?? 0) > 0) throw new AppError('Conflict', 'it already holds items (platform state); delete them first');
          return deletedUnlessGone(ddb.send(new DeleteTableCommand({ TableName: input.tableName }), { abortSignal: signal }));
        },
      });
      await ctx.journal.mark('table', input.tableName, 'created', identity);
    }
    ctx.emit('table', 'running', 'waiting for ACTIVE');
    arn = (await waitActive(ctx)) ?? arn;
    if (action === 'create') await ctx.journal.mark('table', input.tableName, 'hardened');
    ctx.emit('table', 'done', action === 'create' ? 'ACTIVE' : 'repaired; ACTIVE');
    if (!arn) throw new AppError('AwsError', `DynamoDB did not report the ARN of ${input.tableName}.`);
    return { arn, identity };
  } catch (err) {
    const e = toAppError(err, `DynamoDB table ${input.tableName}`);
    ctx.emit('table', e.code === 'Cancelled' ? 'skipped' : 'failed', e.message);
    throw e;
  }
}

/**
 * Create the role (or, for `update`, retag it and rewrite its trust to Onramp's one statement, keeping
 * any Deny an administrator added); resolves to its ARN and identity.
 */
export async function roleStep(ctx: RunContext, action: 'create' | 'update', found: Assessment): Promise<{ arn: string; identity: ResourceIdentity | undefined }> {
  const { input, aws } = ctx;
  const iam = await aws.iam();
  checkpoint(ctx);
  try {
    if (action === 'update') {
      ctx.emit('role', 'running', 'repairing the existing role');
      const failed = new Set(found.checks.filter((c) => !c.ok).map((c) => c.id));
      if (failed.has('role.tags')) await iam.send(new TagRoleCommand({ RoleName: input.roleName, Tags: ctx.tags }));
      if (failed.has('role.trust')) {
        const trust = repairedTrustPolicy(found.trust, input.platformAccountId, input.externalId);
        await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: input.roleName, PolicyDocument: trust }));
      }
      ctx.emit('role', 'done', found.arn ?? input.roleName);
      return { arn: found.arn ?? `arn:aws:iam::${ctx.account}:role/${input.roleName}`, identity: found.identity };
    }
    await ctx.journal.mark('role', input.roleName, 'intended');
    ctx.emit('role', 'running', 'CreateRole');
    let arn: string | undefined;
    let roleId: string | undefined;
    try {
      const out = await iam.send(
        new CreateRoleCommand({ RoleName: input.roleName, AssumeRolePolicyDocument: roleTrustPolicy(input), Description: roleDescription(input), Tags: ctx.tags }),
      );
      arn = out.Role?.Arn;
      roleId = out.Role?.RoleId;
    } catch (err) {
      // Unknown outcome: CreateRole carries the tags, so a role this run created is recognisable by them.
      const state = await inspectRole(aws, input.roleName).catch(() => null);
      const ours = state?.kind === 'present' && isOwnedBy(await roleTags(aws, input.roleName).catch(() => ({})), input.name);
      if (!ours || state?.kind !== 'present') {
        if (state !== null) await ctx.journal.drop('role');
        if (isAwsError(err, 'alreadyExists')) {
          throw new AppError('Conflict', `IAM role ${input.roleName} appeared while applying; it was left untouched.`);
        }
        throw err;
      }
      arn = state.role.Arn;
      roleId = state.role.RoleId;
    }
    ctx.created.push({
      id: 'role',
      name: input.roleName,
      label: `role ${input.roleName}`,
      region: input.region,
      undo: (signal) => deletedUnlessGone(iam.send(new DeleteRoleCommand({ RoleName: input.roleName }), { abortSignal: signal })),
    });
    const identity = roleId ? { id: roleId } : undefined;
    await ctx.journal.mark('role', input.roleName, 'hardened', identity);
    if (!arn) throw new AppError('AwsError', `IAM did not report the ARN of ${input.roleName}.`);
    ctx.emit('role', 'done', arn);
    return { arn, identity };
  } catch (err) {
    const e = toAppError(err, `IAM role ${input.roleName}`);
    ctx.emit('role', e.code === 'Cancelled' ? 'skipped' : 'failed', e.message);
    throw e;
  }
}

/** Put the inline policy (create or rewrite it). */
export async function policyStep(ctx: RunContext, action: 'create' | 'update', document: string): Promise<void> {
  const { input, aws } = ctx;
  const iam = await aws.iam();
  const policyName = RESOURCE_SPEC.role.inlinePolicyName;
  checkpoint(ctx);
  try {
    ctx.emit('policy', 'running', 'PutRolePolicy');
    if (action === 'create') {
      // Registered before the call: plan saw no such policy, so one that exists after a failed or
      // ambiguous PutRolePolicy (answer lost) is this run's, and the role cannot be deleted with it.
      await ctx.journal.mark('policy', input.roleName, 'intended');
      ctx.created.push({
        id: 'policy',
        name: input.roleName,
        label: `policy ${policyName}`,
        region: input.region,
        undo: (signal) => deletedUnlessGone(iam.send(new DeleteRolePolicyCommand({ RoleName: input.roleName, PolicyName: policyName }), { abortSignal: signal })),
      });
    }
    // A just-created role can answer NoSuchEntity for a while (IAM is eventually consistent).
    await retrying(
      () => iam.send(new PutRolePolicyCommand({ RoleName: input.roleName, PolicyName: policyName, PolicyDocument: document })),
      isNotFound,
      { deadline: Math.min(ctx.deadline, ctx.now() + ctx.iamPropagationMs), what: 'IAM PutRolePolicy', signal: ctx.signal, now: ctx.now },
    );
    if (action === 'create') await ctx.journal.mark('policy', input.roleName, 'hardened');
    ctx.emit('policy', 'done', `${document.length} characters`);
  } catch (err) {
    const e = toAppError(err, `IAM inline policy ${policyName}`);
    ctx.emit('policy', e.code === 'Cancelled' ? 'skipped' : 'failed', e.message);
    throw e;
  }
}

/** Wait until IAM shows the role and its policy twice in a row (eventual consistency). */
export async function waitForIam(ctx: RunContext): Promise<void> {
  ctx.emit('propagation', 'running', 'waiting until IAM shows the role and its policy');
  let streak = 0;
  await pollUntil(
    async () => {
      const [role, policy] = await Promise.all([inspectRole(ctx.aws, ctx.input.roleName), inspectPolicy(ctx.aws, ctx.input.roleName, RESOURCE_SPEC.role.inlinePolicyName)]);
      streak = role.kind === 'present' && policy.kind === 'present' ? streak + 1 : 0;
      return streak >= 2;
    },
    {
      deadline: Math.min(ctx.deadline, ctx.now() + ctx.iamPropagationMs),
      everyMs: ctx.pollMs,
      message: 'IAM did not show the new role and policy in time',
      signal: ctx.signal,
      now: ctx.now,
    },
  );
  ctx.emit('propagation', 'done', 'role and policy are visible');
}
