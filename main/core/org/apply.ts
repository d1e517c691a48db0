/**
 * Apply a roll-out's plan as one long run: trusted access (turned on only with consent), the
 * StackSet (created, or updated when its template or settings changed), instances for the accounts
 * that have none, a retry of the accounts whose instance failed — only those — and each account
 * followed to its end: succeeded, failed with CloudFormation's reason, skipped, or cancelled. Then
 * each account that succeeded is registered with the platform. A cancel stops the StackSet
 * operation in flight (StopStackSetOperation); accounts done by then keep their configuration.
 */
import type { OrgAccountPlan, OrgAccountResult, OrgApplyResult, OrgPlan, OrgRolloutInput } from '../../../shared/contract/org';
import { AppError } from '../../../shared/errors';
import { enableTrustedAccess, readParents, readTargetAccounts, type OrgAccount } from './organization';
import { PARAMS } from './template';
import { adopted, notAttempted, platformIssuedExternalId, type Registrar } from './register';
import { itemLabel, outcomeOf, stateOf, type RolloutReporter } from './report';
import { desiredStackSet, type Rollout } from './rollout';
import { createInstances, createStackSet, followOperation, listInstances, updateInstances, updateStackSet, type AccountResult, type FollowOptions } from './stackset';
import { accountTargets, ouTargets } from './targets';

/** How to apply. */
export interface ApplyOptions extends RolloutReporter {
  /** The user agreed that Onramp turns trusted access on when it is off. */
  consentTrustedAccess?: boolean;
  /** Poll interval and wait (tests). */
  follow?: Pick<FollowOptions, 'pollMs' | 'sleep'>;
  /** Registers each account that succeeded; null when there are no platform credentials. */
  register?: Registrar | null;
  /** Why registration is not attempted, when `register` is null. */
  registerSkipped?: string;
}

/** What apply returns: the result, and whether it was cancelled. */
export type ApplyOutcome = OrgApplyResult & { cancelled: boolean };

/** Refuse what cannot be applied: conflicts, or trusted access off without consent. */
function refuse(plan: OrgPlan, consent: boolean): void {
  const conflicts = plan.accounts.filter((a) => a.action === 'conflict');
  if (conflicts.length) {
    throw new AppError(
      'Conflict',
      `The plan has conflicts in ${conflicts.map((a) => `${a.accountId} (${a.reason})`).join('; ')}. Free those names, or leave the accounts out with --exclude, then apply again.`,
    );
  }
  if (plan.trustedAccess === 'DISABLED_PERMANENTLY' || (plan.trustedAccess !== 'ENABLED' && !consent)) {
    throw new AppError('Conflict', `Trusted access for StackSets is off. ${plan.trustedAccessHelp ?? ''}${plan.trustedAccess === 'DISABLED_PERMANENTLY' ? '' : ' To let Onramp turn it on, apply with --enable-trusted-access (the app asks).'}`);
  }
}

/** Apply the plan. */
export async function applyRollout(r: Rollout, input: OrgRolloutInput, plan: OrgPlan, opts: ApplyOptions = {}): Promise<ApplyOutcome> {
  refuse(plan, opts.consentTrustedAccess === true);
  const region = r.description.region;
  const step = (id: string, label: string, state: Parameters<NonNullable<RolloutReporter['step']>>[0]['state'], detail: string | null = null) => opts.step?.({ id, label, state, detail });
  const label = (a: OrgAccountPlan) => itemLabel(a.accountName, a.accountId, region);
  for (const a of plan.accounts) opts.item?.({ id: a.accountId, label: label(a), state: a.action === 'skip' ? 'skipped' : a.action === 'keep' ? 'done' : 'pending', reason: a.action === 'skip' || a.action === 'keep' ? a.reason : null });

  const follow = (operationId: string, accounts: OrgAccountPlan[]) =>
    followOperation(r.scope, operationId, {
      ...opts.follow,
      signal: opts.signal,
      onPoll: (_status, results) => {
        for (const a of accounts) {
          const res = results.find((x) => x.account === a.accountId);
          const { status, reason } = outcomeOf(res, undefined);
          const running = !res || res.status === 'RUNNING' || res.status === 'PENDING';
          opts.item?.({ id: a.accountId, label: label(a), state: running ? 'running' : stateOf(status), reason: running ? null : reason });
        }
      },
    });

  // 1. Trusted access.
  if (plan.trustedAccess !== 'ENABLED') {
    step('trusted-access', 'Turn on trusted access for StackSets', 'running');
    await enableTrustedAccess(r.aws, region, r.callAs);
    step('trusted-access', 'Turn on trusted access for StackSets', 'done', 'activated (you agreed)');
  }

  // 2. The StackSet.
  const desired = desiredStackSet(r, input.autoDeploy);
  const operations: string[] = [];
  const results = new Map<string, AccountResult>();
  let cancelled = false;
  let stackSetId = r.stackSet?.id ?? null;
  const existing = plan.accounts.filter((a) => a.action === 'update' || a.action === 'keep');
  if (plan.stackSet.action === 'create') {
    step('stackset', `Create StackSet ${r.scope.name}`, 'running');
    stackSetId = await createStackSet(r.scope, desired);
    step('stackset', `Create StackSet ${r.scope.name}`, 'done', stackSetId);
  } else if (plan.stackSet.action === 'update') {
    step('stackset', `Update StackSet ${r.scope.name}`, 'running', 'template or settings changed: every instance is updated');
    const op = await updateStackSet(r.scope, desired);
    operations.push(op);
    const out = await follow(op, existing);
    for (const res of out.results) results.set(res.account, res);
    cancelled ||= out.stopped;
    step('stackset', `Update StackSet ${r.scope.name}`, out.status === 'SUCCEEDED' ? 'done' : 'failed', `operation ${op}: ${out.status.toLowerCase()}`);
  } else {
    step('stackset', `StackSet ${r.scope.name}`, 'done', 'up to date');
  }

  // 3. New instances: the OUs themselves on the first deployment (automatic deployment follows them), else exactly the new accounts.
  const fresh = plan.accounts.filter((a) => a.action === 'deploy');
  // Where each account sits (its parent OU), read once when an exact account list is needed.
  let listed: Promise<OrgAccount[]> | null = null;
  const accountOf = () => (listed ??= readTargetAccounts(r.aws, input.targets, opts.signal));
  if (fresh.length && !cancelled) {
    step('deploy', `Deploy to ${fresh.length} account${fresh.length === 1 ? '' : 's'}`, 'running');
    const all = await accountOf();
    const firstDeployment = existing.length === 0 && input.targets.ous.length > 0;
    const targets = firstDeployment
      ? ouTargets(input.targets.ous, plan.accounts.filter((a) => a.action !== 'deploy').map((a) => a.accountId))
      : accountTargets(all.filter((a) => fresh.some((f) => f.accountId === a.id)));
    const op = await createInstances(r.scope, targets);
    operations.push(op);
    const out = await follow(op, fresh);
    for (const res of out.results) results.set(res.account, res);
    cancelled ||= out.stopped;
    step('deploy', `Deploy to ${fresh.length} account${fresh.length === 1 ? '' : 's'}`, out.stopped ? 'undone' : out.status === 'SUCCEEDED' ? 'done' : 'failed', `operation ${op}: ${out.status.toLowerCase()}`);
  }

  // 4. Retry the failed ones alone (when no StackSet update already ran them again).
  const retry = plan.stackSet.action === 'update' ? [] : plan.accounts.filter((a) => a.action === 'update');
  if (retry.length && !cancelled) {
    step('retry', `Retry ${retry.length} failed account${retry.length === 1 ? '' : 's'}`, 'running');
    const all = await accountOf();
    const op = await updateInstances(r.scope, accountTargets(all.filter((a) => retry.some((x) => x.accountId === a.id))));
    operations.push(op);
    const out = await follow(op, retry);
    for (const res of out.results) results.set(res.account, res);
    cancelled ||= out.stopped;
    step('retry', `Retry ${retry.length} failed account${retry.length === 1 ? '' : 's'}`, out.stopped ? 'undone' : out.status === 'SUCCEEDED' ? 'done' : 'failed', `operation ${op}: ${out.status.toLowerCase()}`);
  }

  // 5. Each account's outcome, from the operations' results and the instances.
  const instances = await listInstances(r.scope);
  const accounts: OrgAccountResult[] = plan.accounts.map((a) => {
    const outcome = a.action === 'skip' ? { status: 'skipped' as const, reason: a.reason } : outcomeOf(results.get(a.accountId), instances.find((i) => i.account === a.accountId));
    opts.item?.({ id: a.accountId, label: label(a), state: stateOf(outcome.status), reason: outcome.reason });
    return {
      accountId: a.accountId,
      accountName: a.accountName,
      region,
      status: outcome.status,
      reason: outcome.reason,
      roleArn: a.names.roleArn,
      externalId: a.names.externalId,
      bucket: a.names.bucket,
      table: a.names.table,
      monitoringRoleArn: a.names.monitoringRoleArn,
      registration: notAttempted(a.action === 'skip' ? 'skipped' : 'not deployed'),
    };
  });

  /** Where the platform issued its own external ID, switch the account's role to it (one override per account). */
  async function adoptIssuedIds(deployed: OrgAccountResult[]): Promise<void> {
    for (const a of deployed) {
      const issued = platformIssuedExternalId(a.registration);
      if (!issued || opts.signal?.aborted) continue;
      step(`adopt-${a.accountId}`, `Use the platform's external ID in ${a.accountId}`, 'running');
      const [where] = (await accountOf()).filter((x) => x.id === a.accountId);
      const op = await updateInstances(r.scope, accountTargets(where ? [where] : [{ id: a.accountId, parentId: await readParents(r.aws, a.accountId) }]), { [PARAMS.externalId]: issued });
      operations.push(op);
      const out = await follow(op, plan.accounts.filter((p) => p.accountId === a.accountId));
      const res = out.results.find((x) => x.account === a.accountId);
      if (res?.status === 'SUCCEEDED') {
        a.externalId = issued;
        a.registration = adopted(a.registration, issued);
        step(`adopt-${a.accountId}`, `Use the platform's external ID in ${a.accountId}`, 'done', `operation ${op}`);
      } else {
        const why = res?.reason ?? out.status.toLowerCase();
        a.registration = { ...a.registration, detail: `${a.registration.detail ?? ''} Onramp could not switch the role to the platform's external ID (${why}); run "onramp org apply" again.`.trim() };
        step(`adopt-${a.accountId}`, `Use the platform's external ID in ${a.accountId}`, 'failed', why);
      }
    }
  }

  // 6. Register each account that succeeded.
  const deployed = accounts.filter((a) => a.status === 'succeeded');
  if (deployed.length && !cancelled) {
    if (!opts.register) {
      for (const a of deployed) a.registration = notAttempted(opts.registerSkipped ?? 'no Bodo Platform credentials');
      step('register', 'Register with the Bodo Platform', 'skipped', opts.registerSkipped ?? 'no Bodo Platform credentials');
    } else {
      step('register', `Register ${deployed.length} account${deployed.length === 1 ? '' : 's'} with the Bodo Platform`, 'running');
      for (const a of deployed) {
        if (opts.signal?.aborted) break;
        const names = plan.accounts.find((p) => p.accountId === a.accountId)!.names;
        a.registration = await opts.register({ accountId: a.accountId, region, names });
      }
      await adoptIssuedIds(deployed);
      const bad = deployed.filter((a) => a.registration.state !== 'registered').length;
      step('register', `Register ${deployed.length} account${deployed.length === 1 ? '' : 's'} with the Bodo Platform`, bad ? 'failed' : 'done', bad ? `${bad} not registered` : null);
    }
  }
  return { stackSet: { name: r.scope.name, id: stackSetId, region, autoDeploy: input.autoDeploy, operations }, accounts, cancelled: cancelled || opts.signal?.aborted === true };
}
