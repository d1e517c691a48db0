import type { OrgApplyResult, OrgDestroyResult } from '../../../../shared/contract/org';
import type { RunOf, RunStepState } from '../../../../shared/contract/runs';

/** A run the Organization screen starts and follows: an apply or a destroy of a roll-out. */
export type OrgRun = RunOf<'org-apply'> | RunOf<'org-destroy'>;
/** Its kinds. */
export type OrgRunKind = OrgRun['kind'];

/** How an account row of a run reads, per kind: what "done" and "skipped" mean there. */
export function itemStateLabel(kind: OrgRunKind, state: RunStepState): string {
  switch (state) {
    case 'done':
      return kind === 'org-apply' ? 'succeeded' : 'removed';
    case 'failed':
      return 'failed';
    case 'skipped':
      return kind === 'org-apply' ? 'skipped' : 'kept';
    case 'undone':
      return 'cancelled';
    case 'pending':
      return 'waiting';
    case 'running':
      return 'in progress';
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

/** The badge colour of a row or step state. */
export const STATE_COLOR: Record<RunStepState, string> = { done: 'green', failed: 'red', skipped: 'gray', undone: 'orange', pending: 'gray', running: 'blue' };

/** One line summing up an apply's result, and its colour. */
export function applySummary(result: OrgApplyResult & { cancelled: boolean }): { title: string; color: string; lines: string[] } {
  const count = (s: string) => result.accounts.filter((a) => a.status === s).length;
  const [ok, failed, skipped, cancelled] = [count('succeeded'), count('failed'), count('skipped'), count('cancelled')];
  const unregistered = result.accounts.filter((a) => a.status === 'succeeded' && (a.registration.state === 'mismatch' || a.registration.state === 'failed')).length;
  const plural = (n: number) => `${n} account${n === 1 ? '' : 's'}`;
  const lines = [
    `${plural(ok)} succeeded${failed ? `, ${failed} failed` : ''}${skipped ? `, ${skipped} skipped` : ''}${cancelled ? `, ${cancelled} cancelled` : ''}.`,
    result.cancelled ? 'Cancelled: the accounts done by then keep their configuration; remove them under Accounts, or apply again to finish.' : '',
    failed ? `Apply again (plan, then Apply) to retry the ${plural(failed)} that failed alone.` : '',
    unregistered ? `${plural(unregistered)} not registered as deployed with the Bodo Platform (see Bodo Platform below).` : '',
  ].filter(Boolean);
  const title = result.cancelled ? 'Roll-out cancelled' : failed || unregistered ? 'Roll-out finished with problems' : 'Roll-out applied';
  return { title, color: result.cancelled || failed || unregistered ? 'orange' : 'teal', lines };
}

/** One line summing up a destroy's result, and its colour. */
export function destroySummary(result: OrgDestroyResult): { title: string; color: string } {
  if (result.cancelled) return { title: 'Removal cancelled: what was not removed is left in place', color: 'orange' };
  if (result.kept.length) return { title: `Removed from ${result.removed.length}, kept in ${result.kept.length}`, color: 'orange' };
  if (!result.removed.length) return { title: 'Nothing to remove', color: 'gray' };
  return { title: `Removed from ${result.removed.length} account${result.removed.length === 1 ? '' : 's'}${result.stackSetDeleted ? ', and the StackSet' : ''}`, color: 'teal' };
}
