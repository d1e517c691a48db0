import type { SavedConfiguration, SetupResource } from '../../../shared/contract/setup';
import type { Journal } from './journal';

/** What plan, rollback and destroy know about other configurations: the saved list and every journal. */
export interface Claims {
  saved: SavedConfiguration[];
  journals: Journal[];
}

/** No other configuration known (tests, exports). */
export const NO_CLAIMS: Claims = { saved: [], journals: [] };

interface Where {
  account: string;
  region: string;
}

function sameName(kind: SetupResource, a: string, b: string): boolean {
  // IAM role names are unique case-insensitively (docs/aws-facts.md#iam).
  return kind === 'role' || kind === 'policy' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function savedName(c: SavedConfiguration, kind: SetupResource): string | null {
  if (kind === 'bucket') return c.bucketName;
  if (kind === 'table') return c.tableName;
  return c.roleName;
}

/**
 * The other configurations (not `configuration`) that use a resource: saved ones of the same account
 * (and region, for a table) naming it, and runs whose journal lists it. A bucket name is global, so
 * any saved configuration naming it counts.
 */
export function otherUsers(claims: Claims, configuration: string, kind: SetupResource, name: string, where: Where): string[] {
  const users = new Set<string>();
  for (const c of claims.saved) {
    if (c.name === configuration) continue;
    if (kind !== 'bucket' && c.accountId !== where.account) continue;
    if (kind === 'table' && c.region !== where.region) continue;
    const theirs = savedName(c, kind);
    if (theirs !== null && sameName(kind, theirs, name)) users.add(c.name);
  }
  for (const j of claims.journals) {
    if (j.configuration === configuration) continue;
    if (kind !== 'bucket' && j.account !== where.account) continue;
    if (kind === 'table' && j.region !== where.region) continue;
    // A journal's role entry also claims the inline policy on it.
    const k = kind === 'policy' ? 'role' : kind;
    if (j.resources.some((r) => (r.kind === k || r.kind === kind) && sameName(kind, r.name, name))) users.add(j.configuration);
  }
  return [...users].sort();
}

/** True when a journal of this configuration (in this account) lists the resource: it is this configuration's, tags or not. */
export function inOwnJournal(claims: Claims, configuration: string, kind: SetupResource, name: string, where: Where): boolean {
  return claims.journals.some(
    (j) =>
      j.configuration === configuration &&
      j.account === where.account &&
      (kind !== 'table' || j.region === where.region) &&
      j.resources.some((r) => r.kind === kind && sameName(kind, r.name, name)),
  );
}
