import type { ApplyStepStatus, CloudConfiguration, CreatedIdentity, SetupInput } from '../../../shared/contract/setup';
import { AppError } from '../../../shared/errors';
import type { AwsContext } from '../aws/context';
import { RolledBackError, toAppError } from '../aws/errors';
import { bucketStep, policyStep, roleStep, tableStep, waitForIam } from './apply-steps';
import { NO_CLAIMS, type Claims } from './claims';
import { createdIdentity, type ResourceIdentity } from './identity';
import { resourceLockNames, withResourceLock } from './lock';
import { computePlan } from './plan';
import { describeManual, rollback } from './rollback';
import { checkpoint, NO_JOURNAL, type RunContext, type RunJournal } from './run-context';
import { specTags } from './spec';

/** An apply that failed (or was cancelled) after undoing what this run had created. */
export class ApplyFailedError extends RolledBackError {}

/** A finished apply: the configuration, the account it is in (no further STS call needed), and what identifies the resources that are Onramp's. */
export interface ApplyResult {
  config: CloudConfiguration;
  account: string;
  identity: CreatedIdentity;
}

/** Options for one apply run. */
export interface ApplyOptions {
  onStep?: (step: ApplyStepStatus) => void;
  /** Cancel: the run stops after the step in flight and undoes what it created. */
  signal?: AbortSignal;
  /** Records intent before each create (the service passes the run's journal). */
  journal?: RunJournal;
  /** Other configurations' resources: a conflict in plan, never deleted by the rollback. */
  claims?: Claims;
  /** The connected account, when known. */
  account?: string;
  /** Bound on the whole run (default 10 minutes). */
  timeoutMs?: number;
  /** How often to poll while waiting for the table and IAM (default 500 ms). */
  pollMs?: number;
  /** How long to keep retrying IAM's "not found yet" after creating the role (default 2 minutes, as Terraform's AWS provider does). */
  iamPropagationMs?: number;
  /** One bound for the whole rollback (default 60 s). */
  rollbackMs?: number;
  /** Where the per-name lock files live (tests). */
  lockDir?: string;
  now?: () => number;
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
 * Create (or repair) the Cloud Configuration: bucket and table in parallel, then the role, then its
 * inline policy; wait for the table to be ACTIVE and for IAM to show the role and policy. Each
 * resource name is locked for the run. On failure or cancel, undo exactly what this run created
 * (never anything that existed before or another configuration uses) and throw ApplyFailedError
 * naming what failed, why, what was undone, and how to remove by hand what could not be.
 */
export async function applySetup(aws: AwsContext, input: SetupInput, opts: ApplyOptions = {}): Promise<CloudConfiguration> {
  return (await applySetupDetailed(aws, input, opts)).config;
}

/** applySetup, also returning the account (the CLI saves it without another STS call). */
export async function applySetupDetailed(aws: AwsContext, input: SetupInput, opts: ApplyOptions = {}): Promise<ApplyResult> {
  return withResourceLock(resourceLockNames(input), () => applyLocked(aws, input, opts), { dir: opts.lockDir });
}

async function applyLocked(aws: AwsContext, input: SetupInput, opts: ApplyOptions): Promise<ApplyResult> {
  const now = opts.now ?? Date.now;
  const states = new Map<ApplyStepStatus['id'], ApplyStepStatus['state']>();
  const emit: RunContext['emit'] = (id, state, detail = null) => {
    states.set(id, state);
    opts.onStep?.({ id, label: LABELS[id], state, detail });
  };
  if (opts.signal?.aborted) throw new AppError('Cancelled', 'Cancelled by the user before anything was changed.');
  const claims = opts.claims ?? NO_CLAIMS;
  const detailed = await computePlan(aws, input, { account: opts.account, claims });
  const conflicts = detailed.plan.steps.filter((s) => s.action === 'conflict');
  if (conflicts.length > 0) {
    throw new AppError('Conflict', `Nothing was changed: ${conflicts.map((c) => `${c.resource} ${c.name} ${c.detail}`).join('; ')}.`);
  }
  const action = (resource: 'bucket' | 'table' | 'role' | 'policy') => detailed.plan.steps.find((s) => s.resource === resource)!.action;
  for (const id of ['bucket', 'table', 'role', 'policy'] as const) {
    const a = action(id);
    emit(id, a === 'keep' ? 'skipped' : 'pending', a === 'keep' ? 'exists and matches; left unchanged' : a === 'update' ? 'will be repaired' : null);
  }
  const ctx: RunContext = {
    aws,
    input,
    account: detailed.account,
    claims,
    tags: specTags(input),
    signal: opts.signal,
    deadline: now() + (opts.timeoutMs ?? 10 * 60_000),
    pollMs: opts.pollMs ?? 500,
    iamPropagationMs: opts.iamPropagationMs ?? 120_000,
    now,
    journal: opts.journal ?? NO_JOURNAL,
    created: [],
    emit,
  };
  let tableArn = detailed.tableArn;
  let roleArn = detailed.roleArn;
  const doing = (a: string): a is 'create' | 'update' => a === 'create' || a === 'update';
  // What identifies each resource that is this configuration's once the run is done: made by this run,
  // or found to be Onramp's (kept or repaired). A role that existed before Onramp gets no entry.
  const ownFound = (id: 'bucket' | 'table' | 'role') => (detailed.found[id].owner.kind === 'this' ? detailed.found[id].identity : undefined);
  const identities: Partial<Record<'bucket' | 'table' | 'role', ResourceIdentity | undefined>> = { bucket: ownFound('bucket'), table: ownFound('table'), role: ownFound('role') };

  const run = async () => {
    const b = action('bucket');
    const t = action('table');
    const results = await Promise.allSettled([
      doing(b) ? bucketStep(ctx, b, detailed.found.bucket).then((identity) => void (identities.bucket = identity)) : Promise.resolve(),
      doing(t)
        ? tableStep(ctx, t, detailed.found.table).then((out) => {
            tableArn = out.arn;
            identities.table = out.identity;
          })
        : Promise.resolve(),
    ]);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => toAppError(r.reason));
    // A real failure explains more than the cancel that the other branch stopped with.
    if (failed.length) throw failed.find((e) => e.code !== 'Cancelled') ?? failed[0]!;
    checkpoint(ctx);
    const r = action('role');
    if (doing(r)) ({ arn: roleArn, identity: identities.role } = await roleStep(ctx, r, detailed.found.role));
    const p = action('policy');
    if (doing(p)) await policyStep(ctx, p, detailed.policyDocument);
    if (r === 'create' || p !== 'keep') await waitForIam(ctx);
  };

  try {
    await run();
  } catch (err) {
    const cause = toAppError(err);
    for (const [id, state] of states) if (state === 'running' || (state === 'pending' && cause.code === 'Cancelled')) emit(id, cause.code === 'Cancelled' ? 'skipped' : 'failed', cause.message);
    const { undone, manual } = await rollback(ctx.created, { emit, journal: ctx.journal, boundMs: opts.rollbackMs, now });
    const what = undone.length ? `Undid: ${undone.join(', ')}.` : 'This run had created nothing, so nothing was undone.';
    const left = manual.length ? ` Could not undo: ${describeManual(manual)}.` : '';
    const head = cause.code === 'Cancelled' ? 'Setup cancelled.' : `Setup failed: ${cause.message}`;
    throw new ApplyFailedError(`${head} ${what}${left}`, undone, cause, manual);
  }

  return {
    account: detailed.account,
    identity: createdIdentity(identities),
    config: {
      name: input.name,
      region: input.region,
      bucketName: input.bucketName,
      tableName: input.tableName,
      tableArn,
      roleName: input.roleName,
      roleArn,
      externalId: input.externalId,
      platformAccountId: input.platformAccountId,
    },
  };
}
