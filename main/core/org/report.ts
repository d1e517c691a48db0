/**
 * How a roll-out's long work tells where it is: steps in order and one row per account and region,
 * each with its state and CloudFormation's reason — the shapes of the run module's steps and items,
 * so the app and the CLI follow the same run. Also how an account's final status is read from an
 * operation's results and the stack instance.
 */
import type { OrgAccountStatus } from '../../../shared/contract/org';
import type { AccountResult, InstanceSummary } from './stackset';

/** Where one step or account row stands (the run module's states). */
export type ReportState = 'pending' | 'running' | 'done' | 'skipped' | 'failed' | 'undone';

/** What a roll-out's work reports to. */
export interface RolloutReporter {
  /** Fires on cancel: a running StackSet operation is then stopped (StopStackSetOperation). */
  signal?: AbortSignal;
  step?(step: { id: string; label: string; state: ReportState; detail: string | null }): void;
  item?(item: { id: string; label: string; state: ReportState; reason: string | null }): void;
}

/** An account row's label: its name, ID and region. */
export function itemLabel(accountName: string, account: string, region: string): string {
  return accountName && accountName !== account ? `${accountName} (${account}) ${region}` : `${account} ${region}`;
}

/** The report state of an account's status. */
export function stateOf(status: OrgAccountStatus): ReportState {
  switch (status) {
    case 'succeeded':
      return 'done';
    case 'failed':
      return 'failed';
    case 'skipped':
      return 'skipped';
    case 'cancelled':
      return 'undone';
    case 'pending':
      return 'pending';
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

/**
 * An account's outcome: its result in the operation that last included it, else its stack
 * instance's status (ListStackSetOperationResults can be empty where ListStackInstances is not).
 */
export function outcomeOf(result: AccountResult | undefined, instance: InstanceSummary | undefined): { status: OrgAccountStatus; reason: string | null } {
  switch (result?.status) {
    case 'SUCCEEDED':
      return { status: 'succeeded', reason: null };
    case 'FAILED':
      return { status: 'failed', reason: result.reason ?? instance?.reason ?? 'CloudFormation gave no reason' };
    case 'CANCELLED':
      return { status: 'cancelled', reason: result.reason ?? 'the operation was stopped before this account was deployed' };
    default:
      break;
  }
  if (!instance) return { status: 'failed', reason: 'CloudFormation made no stack instance for this account' };
  switch (instance.detailed) {
    case 'SUCCEEDED':
    case null:
      return instance.status === 'CURRENT' ? { status: 'succeeded', reason: null } : { status: 'failed', reason: instance.reason ?? `instance ${instance.status.toLowerCase()}` };
    case 'SKIPPED_SUSPENDED_ACCOUNT':
      return { status: 'skipped', reason: 'the account is suspended' };
    case 'CANCELLED':
      return { status: 'cancelled', reason: instance.reason ?? 'the operation was stopped before this account was deployed' };
    case 'PENDING':
    case 'RUNNING':
      return { status: 'pending', reason: 'still being deployed' };
    default:
      return { status: 'failed', reason: instance.reason ?? `instance ${instance.detailed.toLowerCase()}` };
  }
}
