import type { DestroyResult, SavedConfiguration } from '../../../../shared/contract/setup';
import type { ConfigurationKey } from '../../../../shared/setup/saved-configurations';

/** True when the typed confirmation matches the configuration name exactly. */
export function deleteConfirmed(name: string, typed: string): boolean {
  return typed === name;
}

/**
 * A timestamp as its date and its time ("Dec 6, 2026," and "9:17 PM"), so a narrow column wraps
 * between them and never leaves "PM" on a line of its own; ["never"] when there is none.
 */
export function whenParts(iso: string | null, locale?: string): string[] {
  if (!iso) return ['never'];
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return [iso];
  return [`${d.toLocaleDateString(locale, { dateStyle: 'medium' })},`, d.toLocaleTimeString(locale, { timeStyle: 'short' })];
}

/** What the row actions do, said once under the table (tooltips alone are not discoverable). */
export const ROW_ACTIONS_HELP =
  'Verify re-checks the resources in AWS. Export gives them as CloudFormation, Terraform or an AWS CLI script. ' +
  'Delete removes what Onramp created in AWS, after you type the name. Forget removes the entry from this list only; AWS is untouched.';

/**
 * How a row is named in its buttons' labels: its name, with its account when another row shown has
 * the same name (a name is unique per account only).
 */
export function rowLabel(c: ConfigurationKey, shown: readonly ConfigurationKey[]): string {
  const twins = shown.filter((s) => s.name === c.name).length;
  return twins > 1 ? `${c.name} (account ${c.accountId})` : c.name;
}

/** A headline for a destroy result. */
export function destroySummary(result: DestroyResult): { color: string; title: string } {
  if (result.cancelled) return { color: 'orange', title: `Stopped after deleting ${result.deleted.length}: the configuration stays in the list.` };
  if (result.kept.length === 0) return { color: 'teal', title: `Deleted ${result.deleted.length} resource(s); the configuration is gone.` };
  return {
    color: 'orange',
    title: `Deleted ${result.deleted.length}, kept ${result.kept.length}: the configuration stays in the list.`,
  };
}

/** Configurations sorted newest first. */
export function sortConfigurations(list: readonly SavedConfiguration[]): SavedConfiguration[] {
  return [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Per-row UI state of the configurations table. */
export type RowActivity = 'idle' | 'verifying' | 'deleting' | 'forgetting';

/** The configurations to list: the connected account's only, unless all are asked for (or nobody is connected). */
export function visibleConfigurations(list: readonly SavedConfiguration[], account: string | null, showAll: boolean): SavedConfiguration[] {
  return showAll || account === null ? [...list] : list.filter((c) => c.accountId === account);
}
