/**
 * One service-managed StackSet, as the CloudFormation API documents it
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/): create or update it, add,
 * retry and remove stack instances, and follow each operation to its end, per account and region.
 * Every call carries CallAs (SELF or DELEGATED_ADMIN). An operation is polled with
 * DescribeStackSetOperation until it leaves RUNNING/QUEUED/STOPPING; a cancel asks
 * StopStackSetOperation and keeps following until the operation has stopped.
 */
import {
  CreateStackInstancesCommand,
  CreateStackSetCommand,
  DeleteStackInstancesCommand,
  DeleteStackSetCommand,
  DescribeStackInstanceCommand,
  DescribeStackSetCommand,
  DescribeStackSetOperationCommand,
  DetectStackSetDriftCommand,
  paginateListStackInstances,
  paginateListStackSetOperationResults,
  StopStackSetOperationCommand,
  UpdateStackInstancesCommand,
  UpdateStackSetCommand,
  type DeploymentTargets,
  type Parameter,
  type StackSetOperationPreferences,
} from '@aws-sdk/client-cloudformation';
import { AppError } from '../../../shared/errors';
import type { AwsContext } from '../aws/context';
import { errorName, toAppError } from '../aws/errors';
import { tagMap } from '../setup/tags';
import type { CallAs } from './organization';

/** Where a StackSet lives and who calls it. */
export interface StackSetScope {
  aws: AwsContext;
  region: string;
  name: string;
  callAs: CallAs;
}

/** A StackSet as DescribeStackSet answers. */
export interface StackSetInfo {
  id: string;
  status: string;
  templateBody: string;
  parameters: Record<string, string>;
  autoDeploy: boolean;
  tags: Record<string, string>;
  permissionModel: string;
}

/** What a StackSet is made of. */
export interface StackSetSpec {
  template: string;
  parameters: Record<string, string>;
  autoDeploy: boolean;
  description: string;
  tags: { Key: string; Value: string }[];
}

/**
 * Every account is attempted, all at once, and each reports its own result: without a failure
 * tolerance StackSets stops a Region at its first failed account and cancels the rest
 * (StackSetOperationPreferences, FailureToleranceCount defaults to 0).
 */
export const OPERATION_PREFERENCES: StackSetOperationPreferences = { FailureTolerancePercentage: 100, MaxConcurrentPercentage: 100, RegionConcurrencyType: 'PARALLEL' };

const params = (p: Record<string, string>): Parameter[] => Object.entries(p).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }));

/** An SDK error in Onramp's words: a busy StackSet is Busy, a name taken by another StackSet a Conflict. */
function stackSetError(err: unknown, what: string): AppError {
  const name = errorName(err);
  if (name === 'OperationInProgressException') {
    return new AppError('Busy', `${what}: another operation on this StackSet is still running (started elsewhere, or an earlier run that was stopped); wait for it to end and try again.`);
  }
  if (name === 'NameAlreadyExistsException') return new AppError('Conflict', `${what}: a StackSet of this name already exists.`);
  if (name === 'StackSetNotFoundException') return new AppError('NotFound', `${what}: the StackSet does not exist (any more).`);
  return toAppError(err, what);
}

async function cfn(scope: StackSetScope) {
  return scope.aws.cloudformation(scope.region);
}

/** DescribeStackSet, or null when there is none of that name. */
export async function describeStackSet(scope: StackSetScope): Promise<StackSetInfo | null> {
  try {
    const out = await (await cfn(scope)).send(new DescribeStackSetCommand({ StackSetName: scope.name, CallAs: scope.callAs }));
    const s = out.StackSet;
    if (!s || s.Status === 'DELETED') return null;
    return {
      id: s.StackSetId ?? scope.name,
      status: s.Status ?? 'ACTIVE',
      templateBody: s.TemplateBody ?? '',
      parameters: Object.fromEntries((s.Parameters ?? []).map((p) => [p.ParameterKey ?? '', p.ParameterValue ?? ''])),
      autoDeploy: s.AutoDeployment?.Enabled ?? false,
      tags: tagMap(s.Tags),
      permissionModel: s.PermissionModel ?? 'SELF_MANAGED',
    };
  } catch (err) {
    if (errorName(err) === 'StackSetNotFoundException') return null;
    throw stackSetError(err, `CloudFormation DescribeStackSet ${scope.name}`);
  }
}

/**
 * What CreateStackSet and UpdateStackSet both say of the StackSet: its template and parameters,
 * service-managed with named IAM resources, and automatic deployment that keeps an account's stacks
 * (and so its data) when the account leaves the OU.
 */
function definition(scope: StackSetScope, spec: StackSetSpec) {
  return {
    StackSetName: scope.name,
    Description: spec.description,
    TemplateBody: spec.template,
    Parameters: params(spec.parameters),
    Capabilities: ['CAPABILITY_NAMED_IAM' as const],
    PermissionModel: 'SERVICE_MANAGED' as const,
    AutoDeployment: { Enabled: spec.autoDeploy, ...(spec.autoDeploy ? { RetainStacksOnAccountRemoval: true } : {}) },
  };
}

/** CreateStackSet: service-managed, named IAM resources, stacks kept when an account leaves the OU (its data stays). */
export async function createStackSet(scope: StackSetScope, spec: StackSetSpec): Promise<string> {
  try {
    const out = await (await cfn(scope)).send(
      new CreateStackSetCommand({
        ...definition(scope, spec),
        // Operations on the StackSet queue instead of failing while another runs.
        ManagedExecution: { Active: true },
        Tags: spec.tags,
        CallAs: scope.callAs,
      }),
    );
    return out.StackSetId ?? scope.name;
  } catch (err) {
    throw stackSetError(err, `CloudFormation CreateStackSet ${scope.name}`);
  }
}

/** UpdateStackSet (template, parameters, automatic deployment) for every instance it has; returns the operation's ID. */
export async function updateStackSet(scope: StackSetScope, spec: StackSetSpec): Promise<string> {
  try {
    const out = await (await cfn(scope)).send(
      new UpdateStackSetCommand({
        ...definition(scope, spec),
        OperationPreferences: OPERATION_PREFERENCES,
        CallAs: scope.callAs,
      }),
    );
    return required(out.OperationId, 'UpdateStackSet');
  } catch (err) {
    throw stackSetError(err, `CloudFormation UpdateStackSet ${scope.name}`);
  }
}

function required(id: string | undefined, what: string): string {
  if (!id) throw new AppError('AwsError', `CloudFormation ${what} returned no operation ID.`);
  return id;
}

/** CreateStackInstances for the targets in the roll-out's region; `overrides` apply to every account of this call. */
export async function createInstances(scope: StackSetScope, targets: DeploymentTargets, overrides: Record<string, string> = {}): Promise<string> {
  try {
    const out = await (await cfn(scope)).send(
      new CreateStackInstancesCommand({
        StackSetName: scope.name,
        DeploymentTargets: targets,
        Regions: [scope.region],
        ...(Object.keys(overrides).length ? { ParameterOverrides: params(overrides) } : {}),
        OperationPreferences: OPERATION_PREFERENCES,
        CallAs: scope.callAs,
      }),
    );
    return required(out.OperationId, 'CreateStackInstances');
  } catch (err) {
    throw stackSetError(err, `CloudFormation CreateStackInstances ${scope.name}`);
  }
}

/**
 * UpdateStackInstances for existing instances: a retry of failed ones (they run the StackSet's
 * template again), or new per-account overrides. Overrides named here replace the account's; those
 * not named keep theirs only when the list is empty (the API's rule).
 */
export async function updateInstances(scope: StackSetScope, targets: DeploymentTargets, overrides?: Record<string, string>): Promise<string> {
  try {
    const out = await (await cfn(scope)).send(
      new UpdateStackInstancesCommand({
        StackSetName: scope.name,
        DeploymentTargets: targets,
        Regions: [scope.region],
        ...(overrides ? { ParameterOverrides: params(overrides) } : {}),
        OperationPreferences: OPERATION_PREFERENCES,
        CallAs: scope.callAs,
      }),
    );
    return required(out.OperationId, 'UpdateStackInstances');
  } catch (err) {
    throw stackSetError(err, `CloudFormation UpdateStackInstances ${scope.name}`);
  }
}

/** DeleteStackInstances: the stacks are deleted (RetainStacks false); resources with DeletionPolicy Retain (the bucket) stay. */
export async function deleteInstances(scope: StackSetScope, targets: DeploymentTargets): Promise<string> {
  try {
    const out = await (await cfn(scope)).send(
      new DeleteStackInstancesCommand({
        StackSetName: scope.name,
        DeploymentTargets: targets,
        Regions: [scope.region],
        RetainStacks: false,
        OperationPreferences: OPERATION_PREFERENCES,
        CallAs: scope.callAs,
      }),
    );
    return required(out.OperationId, 'DeleteStackInstances');
  } catch (err) {
    throw stackSetError(err, `CloudFormation DeleteStackInstances ${scope.name}`);
  }
}

/** DeleteStackSet (it must have no instances left). */
export async function deleteStackSet(scope: StackSetScope): Promise<void> {
  try {
    await (await cfn(scope)).send(new DeleteStackSetCommand({ StackSetName: scope.name, CallAs: scope.callAs }));
  } catch (err) {
    throw stackSetError(err, `CloudFormation DeleteStackSet ${scope.name}`);
  }
}

/** DetectStackSetDrift; returns the operation's ID. */
export async function detectDrift(scope: StackSetScope): Promise<string> {
  try {
    const out = await (await cfn(scope)).send(new DetectStackSetDriftCommand({ StackSetName: scope.name, OperationPreferences: OPERATION_PREFERENCES, CallAs: scope.callAs }));
    return required(out.OperationId, 'DetectStackSetDrift');
  } catch (err) {
    throw stackSetError(err, `CloudFormation DetectStackSetDrift ${scope.name}`);
  }
}

/** One stack instance as ListStackInstances summarises it. */
export interface InstanceSummary {
  account: string;
  region: string;
  /** CURRENT, OUTDATED or INOPERABLE. */
  status: string;
  /** SUCCEEDED, FAILED, CANCELLED, INOPERABLE, PENDING, RUNNING, SKIPPED_SUSPENDED_ACCOUNT, … */
  detailed: string | null;
  reason: string | null;
  ou: string | null;
  drift: string | null;
}

/** Every instance of the StackSet in the roll-out's region (one per account). */
export async function listInstances(scope: StackSetScope): Promise<InstanceSummary[]> {
  const client = await cfn(scope);
  const out: InstanceSummary[] = [];
  try {
    for await (const page of paginateListStackInstances({ client }, { StackSetName: scope.name, StackInstanceRegion: scope.region, CallAs: scope.callAs })) {
      for (const s of page.Summaries ?? []) {
        if (!s.Account || (s.Region && s.Region !== scope.region)) continue;
        out.push({
          account: s.Account,
          region: s.Region ?? scope.region,
          status: s.Status ?? 'CURRENT',
          detailed: s.StackInstanceStatus?.DetailedStatus ?? null,
          reason: s.StatusReason ?? null,
          ou: s.OrganizationalUnitId ?? null,
          drift: s.DriftStatus ?? null,
        });
      }
    }
  } catch (err) {
    throw stackSetError(err, `CloudFormation ListStackInstances ${scope.name}`);
  }
  // One row per account (ListStackInstances filters are the API's; a duplicate answer counts once).
  return out.filter((x, i) => out.findIndex((y) => y.account === x.account) === i);
}

/** One account's parameter overrides (DescribeStackInstance): how an account's values may differ from the derived ones. */
export async function instanceOverrides(scope: StackSetScope, account: string): Promise<Record<string, string>> {
  try {
    const out = await (await cfn(scope)).send(
      new DescribeStackInstanceCommand({ StackSetName: scope.name, StackInstanceAccount: account, StackInstanceRegion: scope.region, CallAs: scope.callAs }),
    );
    return Object.fromEntries((out.StackInstance?.ParameterOverrides ?? []).map((p) => [p.ParameterKey ?? '', p.ParameterValue ?? '']));
  } catch (err) {
    if (errorName(err) === 'StackInstanceNotFoundException') return {};
    throw stackSetError(err, `CloudFormation DescribeStackInstance ${scope.name} ${account}`);
  }
}

/** One account's result in an operation. */
export interface AccountResult {
  account: string;
  region: string;
  /** PENDING, RUNNING, SUCCEEDED, FAILED or CANCELLED. */
  status: string;
  reason: string | null;
}

/** How an operation ended, with each account's result that CloudFormation reported. */
export interface OperationOutcome {
  operationId: string;
  /** SUCCEEDED, FAILED or STOPPED. */
  status: string;
  reason: string | null;
  results: AccountResult[];
  /** True when this run asked to stop it. */
  stopped: boolean;
}

/** ListStackSetOperationResults: the accounts of one operation and how each went. */
export async function operationResults(scope: StackSetScope, operationId: string): Promise<AccountResult[]> {
  const client = await cfn(scope);
  const out: AccountResult[] = [];
  try {
    for await (const page of paginateListStackSetOperationResults({ client }, { StackSetName: scope.name, OperationId: operationId, CallAs: scope.callAs })) {
      for (const r of page.Summaries ?? []) {
        if (r.Account) out.push({ account: r.Account, region: r.Region ?? scope.region, status: r.Status ?? 'PENDING', reason: r.StatusReason ?? null });
      }
    }
  } catch (err) {
    throw stackSetError(err, `CloudFormation ListStackSetOperationResults ${scope.name}`);
  }
  return out;
}

/** How to follow an operation: the cancel signal, the wait between polls, and what to tell on each poll. */
export interface FollowOptions {
  signal?: AbortSignal;
  /** Wait this long between polls (default 5 s; StackSets operations take minutes). */
  pollMs?: number;
  /** The wait itself (tests pass one that does not sleep); it should end early when the signal fires. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Called after each poll with the operation's status and the results so far. */
  onPoll?: (status: string, results: AccountResult[]) => void;
}

const ACTIVE = new Set(['RUNNING', 'QUEUED', 'STOPPING']);
/** Wait `ms`, or less when the signal fires (a cancel is acted on at once, not at the next poll). */
function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Poll an operation to its end; a cancel (the signal) stops it with StopStackSetOperation and waits until it has stopped. */
export async function followOperation(scope: StackSetScope, operationId: string, opts: FollowOptions = {}): Promise<OperationOutcome> {
  const client = await cfn(scope);
  const sleep = opts.sleep ?? realSleep;
  let stopped = false;
  for (;;) {
    if (opts.signal?.aborted && !stopped) {
      stopped = true;
      try {
        await client.send(new StopStackSetOperationCommand({ StackSetName: scope.name, OperationId: operationId, CallAs: scope.callAs }));
      } catch (err) {
        // An operation that ended meanwhile cannot be stopped: its end is what the next poll reads.
        if (errorName(err) !== 'InvalidOperationException' && errorName(err) !== 'OperationNotFoundException') throw stackSetError(err, 'CloudFormation StopStackSetOperation');
      }
    }
    let status: string;
    let reason: string | null;
    try {
      const out = await client.send(new DescribeStackSetOperationCommand({ StackSetName: scope.name, OperationId: operationId, CallAs: scope.callAs }));
      status = out.StackSetOperation?.Status ?? 'RUNNING';
      reason = out.StackSetOperation?.StatusReason ?? null;
    } catch (err) {
      throw stackSetError(err, `CloudFormation DescribeStackSetOperation ${operationId}`);
    }
    const results = await operationResults(scope, operationId);
    opts.onPoll?.(status, results);
    if (!ACTIVE.has(status)) return { operationId, status, reason, results, stopped };
    await sleep(opts.pollMs ?? 5_000, stopped ? undefined : opts.signal);
  }
}
