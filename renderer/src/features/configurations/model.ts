import type { DestroyResult, SavedConfiguration } from '../../../../shared/contract/setup';

/** True when the typed confirmation matches the configuration name exactly. */
export function deleteConfirmed(name: string, typed: string): boolean {
  return typed === name;
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

/** An ARN split after its separators (":" and "/"): where it may wrap, so it breaks between parts, not mid-word. */
export function arnParts(value: string): string[] {
  return value.split(/(?<=[:/])/);
}
