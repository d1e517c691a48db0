/**
 * The roll-out's plan: per target account the names it gets (bucket from the pattern, its own
 * external ID), what is already there, and what apply will do — deploy, retry or update, keep, skip
 * (with why) or refuse as a conflict — plus whether trusted access is on and what happens to the
 * StackSet. Read-only: nothing is created (the roll-out's random seeds are kept locally, so the
 * external IDs shown are the ones apply deploys).
 */
import type { OrgAccountAction, OrgAccountPlan, OrgPlan, OrgRolloutInput } from '../../../shared/contract/org';
import type { SavedConfiguration } from '../../../shared/contract/setup';
import { inspectAccount, savedSetup, DEFAULT_MEMBER_ROLE, type AccountFindings } from './inspect-account';
import { readTargetAccounts, trustedAccess, trustedAccessHelp } from './organization';
import { desiredStackSet, namesFor, stackSetDiffers, type Rollout } from './rollout';
import { listInstances, type InstanceSummary } from './stackset';
import { mapLimit } from './limit';
import { resolveTargets, type TargetAccount } from './targets';

/** What plan needs besides the roll-out. */
export interface PlanOptions {
  /** The locally saved single-account configurations: an account set up with `onramp setup` is skipped. */
  saved?: readonly SavedConfiguration[];
  /** The role to look inside member accounts through. */
  memberRole?: string;
  signal?: AbortSignal;
  /** Accounts looked at in parallel. */
  concurrency?: number;
}

/** An instance that needs no more work: deployed and current. */
export function instanceDone(i: InstanceSummary): boolean {
  return i.status === 'CURRENT' && (i.detailed === null || i.detailed === 'SUCCEEDED');
}

function decide(t: TargetAccount, instance: InstanceSummary | undefined, findings: AccountFindings | null, stackSetUpdates: boolean, saved: SavedConfiguration | null): { action: OrgAccountAction; reason: string } {
  if (t.skip) return { action: 'skip', reason: t.skip };
  if (instance) {
    if (!instanceDone(instance)) return { action: 'update', reason: `retry: its instance is ${instance.status.toLowerCase()}${instance.detailed ? ` (${instance.detailed.toLowerCase()})` : ''}${instance.reason ? ` — ${instance.reason}` : ''}` };
    return stackSetUpdates ? { action: 'update', reason: 'deployed; the StackSet update brings it up to date' } : { action: 'keep', reason: 'deployed and up to date' };
  }
  if (saved) return { action: 'skip', reason: `already set up with Onramp as configuration "${saved.name}" (onramp setup): not set up twice` };
  if (findings?.alreadySetUp) return { action: 'skip', reason: findings.alreadySetUp };
  if (findings?.conflict) return { action: 'conflict', reason: findings.detail };
  return { action: 'deploy', reason: 'new stack instance' };
}

/** Plan a roll-out from its input. */
export async function planRollout(r: Rollout, input: OrgRolloutInput, opts: PlanOptions = {}): Promise<OrgPlan> {
  const [access, accounts, instances] = await Promise.all([
    trustedAccess(r.aws, r.scope.region, r.callAs),
    readTargetAccounts(r.aws, input.targets, opts.signal),
    r.stackSet ? listInstances(r.scope) : Promise.resolve([]),
  ]);
  const targets = resolveTargets(input.targets, accounts, r.org.managementAccount);
  const desired = desiredStackSet(r, input.autoDeploy);
  const stackSetAction = !r.stackSet ? 'create' : stackSetDiffers(r.stackSet, desired) ? 'update' : 'keep';
  const memberRole = opts.memberRole ?? DEFAULT_MEMBER_ROLE;
  const rows = await mapLimit(targets, opts.concurrency ?? 4, async (t): Promise<OrgAccountPlan> => {
    opts.signal?.throwIfAborted();
    const instance = instances.find((i) => i.account === t.id);
    const names = await namesFor(r, t.id, Boolean(instance));
    const saved = savedSetup(opts.saved ?? [], t.id, r.description.region);
    const look = !t.skip && !instance && !saved;
    const findings = look ? await inspectAccount(r.aws, r.description, t.id, names, memberRole) : null;
    const { action, reason } = decide(t, instance, findings, stackSetAction === 'update', saved);
    const existing = findings
      ? { checked: findings.checked, detail: findings.detail, steps: findings.steps }
      : { checked: false, detail: instance ? 'this roll-out\'s stack instance' : t.skip ? 'not looked at (skipped)' : 'not looked at', steps: [] };
    return { accountId: t.id, accountName: t.name, path: t.path, action, reason, names, existing };
  });
  // Instances of accounts the targets no longer name stay as they are (destroy removes them).
  const strays = instances.filter((i) => !targets.some((t) => t.id === i.account)).map((i) => i.account);
  const notes = [
    ...(strays.length ? [`The StackSet also has instances in ${strays.join(', ')}, which these targets do not name; apply leaves them as they are ("onramp org destroy --accounts" removes them).`] : []),
    ...(input.autoDeploy ? ['Automatic deployment: accounts added to these OUs later get their own instance (and their own external ID) without Onramp; "onramp org apply" or "org status" then registers them with the platform.'] : []),
  ];
  return {
    adminAccount: r.adminAccount,
    managementAccount: r.org.managementAccount,
    organizationId: r.org.id,
    region: r.description.region,
    trustedAccess: access,
    trustedAccessHelp: trustedAccessHelp(access),
    stackSet: { name: r.scope.name, exists: Boolean(r.stackSet), action: stackSetAction, autoDeploy: input.autoDeploy, callAs: r.callAs },
    accounts: rows,
    notes,
  };
}
